"""Documents: content-addressed, resumable uploads (offset, checksum, verify), Range downloads, per-dossier dedupe."""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from desktop_app.sync.engine import S_ACCESS, S_URL, SyncReport
from desktop_app.sync.http import Backoff, SyncOffline
from tests.support.faultproxy import FaultProxy
from tests.support.sync_lab import Device, Lab, make_engine

SIZE = 1_300_000


def _pdf(size: int = SIZE, seed: bytes = b"") -> bytes:
    body = hashlib.shake_256(seed + os.urandom(8)).digest(size - 20)
    return b"%PDF-1.4\n" + body + b"\n%%EOF\n\n\n"[: 20 - 9]


def _through(device: Device, proxy: FaultProxy, *, attempts: int = 4) -> None:
    device.profile.set_setting(S_URL, proxy.url)
    device.engine.http.close()
    device.engine = make_engine(device.profile, backoff=Backoff(base=0.01, cap=0.05, attempts=attempts))


def _blob_files(lab: Lab) -> list[str]:
    root = lab.live.settings.data_dir / "blobs"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _incoming(lab: Lab) -> list[str]:
    """Chunks the service is receiving (or left behind): each streams into its own file before it is published."""
    root = lab.live.settings.data_dir / "uploads"
    return sorted(p.name for p in root.glob("*.incoming")) if root.exists() else []


def _until(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_a_document_travels_in_chunks_and_the_same_bytes_are_stored_once_per_dossier(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    content = _pdf()
    doc = a.profile.dossier().documents.add(content, title="IRM genou", category="imagerie")
    report = a.engine.sync_once()
    assert report.uploaded == 1
    again = a.profile.dossier().documents.add(content, title="IRM genou (copie)", category="imagerie")
    a.engine.sync_once()
    assert _blob_files(lab) == [hashlib.sha256(content).hexdigest()]
    b.engine.sync_once()
    store = b.profile.dossier()
    assert store.documents.read(doc.id) == content == store.documents.read(again.id)
    # Another dossier with the same bytes gets its own copy: no cross-dossier "do you have this?" oracle.
    other = lab.device(lab.person())
    other.profile.dossier().documents.add(content, title="Même fichier", category="imagerie")
    other.engine.sync_once()
    assert len(_blob_files(lab)) == 2


def test_a_wrong_offset_gets_the_servers_offset_and_a_damaged_chunk_is_refused(lab: Lab) -> None:
    a = lab.device(lab.person())
    content = _pdf(300_000)
    url, headers = lab.start_upload(a, content, title="Ordonnance")
    chunk = content[:1000]
    checksum = f"sha256 {hashlib.sha256(chunk).hexdigest()}"
    r = lab.api.patch(url, content=chunk, headers={**headers, "Upload-Offset": "500", "Upload-Checksum": checksum})
    assert r.status_code == 409 and r.headers["upload-offset"] == "0"
    r = lab.api.patch(
        url, content=b"x" + chunk[1:], headers={**headers, "Upload-Offset": "0", "Upload-Checksum": checksum}
    )
    assert r.status_code == 460
    assert lab.api.head(url, headers=headers).headers["upload-offset"] == "0"
    r = lab.api.patch(url, content=chunk, headers={**headers, "Upload-Offset": "0", "Upload-Checksum": checksum})
    assert r.status_code == 200 and r.json()["offset"] == 1000
    # The same chunk again (a response that never arrived): 409 with the server's offset, nothing appended twice.
    r = lab.api.patch(url, content=chunk, headers={**headers, "Upload-Offset": "0", "Upload-Checksum": checksum})
    assert r.status_code == 409 and r.headers["upload-offset"] == "1000"
    # Someone else's upload, or one that does not exist: refused, and the bytes sent are dropped.
    intruder = lab.device(lab.person())
    theirs = {"Authorization": f"Bearer {intruder.profile.settings[S_ACCESS]}", "Upload-Checksum": checksum}
    r = lab.api.patch(url, content=chunk, headers={**theirs, "Upload-Offset": "1000"})
    assert r.status_code == 403
    r = lab.api.patch(
        f"/v1/sync/uploads/{uuid.uuid4()}",
        content=chunk,
        headers={**headers, "Upload-Offset": "0", "Upload-Checksum": checksum},
    )
    assert r.status_code == 404 and r.json()["code"] == "upload_not_found"
    assert lab.api.head(url, headers=headers).headers["upload-offset"] == "1000"
    assert _incoming(lab) == []  # refused or published, no chunk file stays behind
    a.engine.sync_once()
    sha = hashlib.sha256(content).hexdigest()
    blob = lab.live.settings.data_dir / "blobs" / a.profile.settings["own_dossier_id"] / sha
    assert hashlib.sha256(blob.read_bytes()).hexdigest() == sha


def test_a_document_chunk_may_exceed_the_json_body_limit_but_not_its_own(lab: Lab) -> None:
    """Chunks stream to disk, so they get their own limit (8 MiB by default) above the one for JSON bodies."""
    a = lab.device(lab.person())
    content = _pdf(12 * 1024 * 1024)
    url, headers = lab.start_upload(a, content)
    limit = lab.live.settings.max_chunk_bytes
    assert lab.live.settings.max_body_bytes < 3 * 1024 * 1024 < 3 * 1024 * 1024 + limit < len(content)
    big = lab.api.post("/v1/sync/push", content=b" " * (3 * 1024 * 1024), headers=headers)
    assert big.status_code == 413  # any other body stays under the general limit

    def append(offset: int, chunk: bytes) -> httpx.Response:
        check = f"crc32 {zlib.crc32(chunk):08x}"
        return lab.api.patch(
            url, content=chunk, headers={**headers, "Upload-Offset": str(offset), "Upload-Checksum": check}
        )

    r = append(0, content[: 3 * 1024 * 1024])
    assert r.status_code == 200 and r.json()["offset"] == 3 * 1024 * 1024
    r = append(3 * 1024 * 1024, content[3 * 1024 * 1024 : 3 * 1024 * 1024 + limit + 1])
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"
    assert lab.api.head(url, headers=headers).headers["upload-offset"] == str(3 * 1024 * 1024)
    assert _until(lambda: _incoming(lab) == [])
    a.engine.sync_once()  # the engine finishes it from the server's offset
    assert _blob_files(lab) == [hashlib.sha256(content).hexdigest()]


def test_a_chunk_that_overtakes_the_one_before_it_waits_for_it_instead_of_being_refused(lab: Lab) -> None:
    a = lab.device(lab.person())
    chunk = 256 * 1024
    content = _pdf(2 * chunk)
    url, headers = lab.start_upload(a, content, title="Radio")
    first, second = content[:chunk], content[chunk:]
    halfway, go_on = threading.Event(), threading.Event()

    def slowly() -> Iterator[bytes]:
        yield first[: chunk // 2]
        halfway.set()
        go_on.wait(10)
        yield first[chunk // 2 :]

    def append(offset: int, data: Iterable[bytes], whole: bytes) -> httpx.Response:
        check = {
            "Upload-Offset": str(offset),
            "Upload-Checksum": f"crc32 {zlib.crc32(whole):08x}",
            "Content-Length": str(len(whole)),
        }
        with httpx.Client(base_url=lab.live.url, timeout=30, headers=lab.api.headers) as own:
            return own.patch(url, content=data, headers={**headers, **check})

    with ThreadPoolExecutor(2) as pool:
        slow = pool.submit(append, 0, slowly(), first)
        assert halfway.wait(10)
        fast = pool.submit(append, chunk, [second], second)
        assert _until(lambda: len(_incoming(lab)) == 2)  # both chunks are arriving
        go_on.set()
        assert slow.result().status_code == 200
        answer = fast.result()
    assert answer.status_code == 200 and answer.json()["complete"] is True
    assert _blob_files(lab) == [hashlib.sha256(content).hexdigest()] and _incoming(lab) == []


def test_a_chunk_whose_bytes_stop_coming_is_dropped_by_the_service_without_moving_the_offset(lab: Lab) -> None:
    a = lab.device(lab.person())
    content = _pdf(300_000)
    url, headers = lab.start_upload(a, content, title="Compte rendu")
    chunk, release = content[:100_000], threading.Event()

    def stalls() -> Iterator[bytes]:
        yield chunk[:50_000]
        release.wait(20)  # then nothing, for longer than the service waits (2 s in this lab)
        yield chunk[50_000:]

    check = {
        "Upload-Offset": "0",
        "Upload-Checksum": f"crc32 {zlib.crc32(chunk):08x}",
        "Content-Length": str(len(chunk)),
    }
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(lab.api.patch, url, content=stalls(), headers={**headers, **check})
        assert _until(lambda: len(_incoming(lab)) == 1)
        assert _until(lambda: _incoming(lab) == [])  # given up on while the client is still stalled
        release.set()
        with contextlib.suppress(httpx.HTTPError):
            assert pending.result().status_code == 408
    assert lab.api.head(url, headers=headers).headers["upload-offset"] == "0"
    a.engine.sync_once()
    assert _blob_files(lab) == [hashlib.sha256(content).hexdigest()]


def test_after_a_lost_connection_the_engine_asks_the_offset_and_sends_smaller_chunks_for_a_while(lab: Lab) -> None:
    a = lab.device(lab.person())
    content = _pdf()
    a.profile.dossier().documents.add(content, title="Scanner", category="imagerie")
    a.engine._push(a.profile.dossier(), SyncReport())
    proxy = FaultProxy(lab.live.port)
    try:
        _through(a, proxy)
        landed: list[int] = []
        a.engine.on_progress(lambda p: landed.append(p.bytes_done) if p.phase == "upload" else None)
        proxy.faults.network_cut_after = int(len(content) * 0.6)
        a.engine.sync_once()
    finally:
        proxy.close()
    chunk = lab.live.sync_settings.chunk_size
    steps = [b - a for a, b in zip([0, *landed], landed, strict=False)]
    # Whole chunks until the cut; then the chunk that was cut is sent again as a half, and the size grows back.
    cut = next(i for i, step in enumerate(steps) if step != chunk)
    assert steps[cut] == chunk // 2 and all(step == chunk for step in steps[:cut])
    assert chunk in steps[cut + 1 :]  # back to whole chunks once the link holds
    assert proxy.upstream_bytes <= len(content) + chunk + 64 * 1024  # the landed chunks were not sent twice
    assert _blob_files(lab) == [hashlib.sha256(content).hexdigest()]


def test_server_restarted_mid_upload_resumes_from_the_servers_offset(lab: Lab) -> None:
    a = lab.device(lab.person())
    content = _pdf()
    a.profile.dossier().documents.add(content, title="Scanner", category="imagerie")
    proxy = FaultProxy(lab.live.port)
    try:
        _through(a, proxy, attempts=1)
        a.engine._push(a.profile.dossier(), SyncReport())
        proxy.faults.network_cut_after = int(len(content) * 0.6)
        _through(a, proxy, attempts=1)  # every connection is reset once 60 % of the bytes have passed
        proxy.upstream_bytes = 0
        with pytest.raises(SyncOffline):
            a.engine.sync_once()
        # The chunk cut on the way was never published: its file is gone and the offset is a chunk boundary.
        assert lab.live.settled(proxy.upstream_ports)
        assert _incoming(lab) == []
        chunk = lab.live.sync_settings.chunk_size
        held = sorted((lab.live.settings.data_dir / "uploads").glob("*.part"))
        assert len(held) == 1 and held[0].stat().st_size % chunk == 0 and 0 < held[0].stat().st_size < len(content)
        lab.live.restart()  # the service goes down and comes back while the upload is half done
        _through(a, proxy)
        a.engine.sync_once()
    finally:
        proxy.close()
    chunk = lab.live.sync_settings.chunk_size
    assert proxy.upstream_bytes <= len(content) + chunk + 64 * 1024  # at most one chunk (plus headers) re-sent
    sha = hashlib.sha256(content).hexdigest()
    assert _blob_files(lab) == [sha]
    b = lab.device(lab.person())
    assert b.profile.dossier().documents.count() == 0  # another person's device sees nothing of it


def test_an_interrupted_download_resumes_with_range_into_encrypted_storage(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    content = _pdf(2_000_000)
    doc = a.profile.dossier().documents.add(content, title="Échographie", category="imagerie")
    a.engine.sync_once()
    proxy = FaultProxy(lab.live.port)
    try:
        _through(b, proxy, attempts=1)
        b.engine.sync_once()  # pull the record first
        assert b.profile.dossier().documents.get(doc.id).size == len(content)
    finally:
        proxy.close()
    # Now fetch the bytes with a connection that breaks at 70 %.
    proxy = FaultProxy(lab.live.port)
    try:
        with b.profile.dossier().transaction() as conn:
            from sqlalchemy import delete

            from desktop_app import schema

            conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id == doc.id))
            from desktop_app.sync import tables

            conn.execute(
                tables.sync_blobs.insert().values(
                    document_id=doc.id, direction="down", sha256=hashlib.sha256(content).hexdigest(), size=len(content)
                )
            )
        _through(b, proxy, attempts=1)
        proxy.faults.cut_downstream_after = int(len(content) * 0.7)
        b.engine.sync_once()
        assert b.engine.status()["dossiers"][0]["downloads_pending"] == 1
        with b.profile.dossier().reading() as conn:
            kept = sum(
                len(row.data)
                for row in conn.execute(
                    schema.document_chunks.select().where(schema.document_chunks.c.document_id == doc.id)
                )
            )
        first = proxy.downstream_bytes
        b.engine.sync_once()
    finally:
        proxy.close()
    assert b.profile.dossier().documents.read(doc.id) == content
    # What arrived before the cut was kept (whole 512 KiB storage chunks) and is not fetched again.
    assert 0 < kept <= int(len(content) * 0.7)
    assert proxy.downstream_bytes - first <= len(content) - kept + 16 * 1024
    assert uuid.UUID(doc.id)
