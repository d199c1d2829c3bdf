"""The real service on loopback with each blob store: the filesystem store (the default) and the S3 store on moto's S3
server over HTTP. A desktop client uploads a document in chunks, another device of the same person downloads it
(whole, and by Range), a deleted space leaves nothing behind in the store.

It is moto's S3 server, not AWS or MinIO (tests/support/s3_moto.py says what that covers).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from botocore.exceptions import BotoCoreError

from desktop_app.sync.engine import S_ACCESS
from server.admin.service import run_jobs
from server.clock import ManualClock
from server.config import S3Settings
from server.dossiers.models import Dossier
from server.storage import Area, blob_store, register
from tests.support.access import GP, Pros, patient
from tests.support.messagerie import PDF, Thread
from tests.support.s3_moto import REGION, MotoS3, moto_s3
from tests.support.service import PASSWORD, Flows, Mailbox, free_port
from tests.support.sync_lab import Device, Lab, LiveServer
from tests.support.sync_lab_fixtures import lab_server

PREFIX = "carnet-e2e"


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoS3]:
    with moto_s3() as server:
        yield server


@pytest.fixture(params=["filesystem", "s3"])
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def live(
    db_url: str,
    tmp_path: Path,
    server_clock: ManualClock,
    smtp_server: tuple[Any, Mailbox],
    store_kind: str,
    request: pytest.FixtureRequest,
) -> Iterator[LiveServer]:
    """The sync lab's service, with `--blob-store s3://<fresh bucket>/carnet-e2e` on moto for the S3 runs."""
    extra: dict[str, Any] = {}
    if store_kind == "s3":
        moto: MotoS3 = request.getfixturevalue("moto")
        extra = {"blob_store": f"s3://{moto.new_bucket()}/{PREFIX}", "s3": moto.settings()}
    server = lab_server(db_url, tmp_path, server_clock, smtp_server[0].port, **extra)
    server.start()
    yield server
    server.stop()


def _pdf(size: int) -> bytes:
    return b"%PDF-1.4\n" + hashlib.shake_256(os.urandom(8)).digest(size - 16) + b"\n%%EOF\n"


def _stored(lab: Lab, moto: MotoS3 | None, dossier: uuid.UUID) -> list[str]:
    """The names of the dossier's bodies, looked at from outside the service (the bucket, or the directory)."""
    settings = lab.live.settings
    if settings.blob_store:
        assert moto is not None
        bucket = settings.blob_store.removeprefix("s3://").split("/")[0]
        return [k.rsplit("/", 1)[1] for k in moto.keys(bucket, f"{PREFIX}/blobs/{dossier}/")]
    folder = settings.blob_root / "blobs" / str(dossier)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _attachments(lab: Lab, moto: MotoS3 | None) -> dict[str, bytes]:
    """Every stored attachment (key or path under the area → its stored bytes), seen from outside the service."""
    settings = lab.live.settings
    if settings.blob_store:
        assert moto is not None
        bucket = settings.blob_store.removeprefix("s3://").split("/")[0]
        client = moto.client()
        keys = moto.keys(bucket, f"{PREFIX}/message-attachments/")
        return {k: client.get_object(Bucket=bucket, Key=k)["Body"].read() for k in keys}
    root = settings.blob_root / "message-attachments"
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()} if root.exists() else {}


def _moto(lab: Lab, request: pytest.FixtureRequest) -> MotoS3 | None:
    return request.getfixturevalue("moto") if lab.live.settings.blob_store else None


def _auth(device: Device) -> dict[str, str]:
    return {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}", "Carnet-Sync-Protocol": "1"}


def test_a_document_goes_up_from_one_device_and_down_to_another(lab: Lab, request: pytest.FixtureRequest) -> None:
    moto = _moto(lab, request)
    person = lab.person()
    assert person.dossier_id is not None
    a, b = lab.device(person), lab.device(person)
    content = _pdf(1_300_000)  # six chunks of 256 KiB
    sha = hashlib.sha256(content).hexdigest()
    doc = a.profile.dossier().documents.add(content, title="IRM genou", category="imagerie")
    assert a.engine.sync_once().uploaded == 1
    assert _stored(lab, moto, person.dossier_id) == [sha]

    root = lab.live.settings.blob_root
    assert not [p.name for p in (root / "uploads").iterdir()]  # the part file went into the store, nothing left
    if moto is not None:  # the bytes are in the bucket, not on the node's disk, and carry no metadata
        assert not (root / "blobs").exists()
        bucket = lab.live.settings.blob_store.removeprefix("s3://").split("/")[0]  # type: ignore[union-attr]
        head = moto.client().head_object(Bucket=bucket, Key=f"{PREFIX}/blobs/{person.dossier_id}/{sha}")
        assert head["Metadata"] == {} and head["ContentLength"] == len(content)

    b.engine.sync_once()
    assert b.profile.dossier().documents.read(doc.id) == content
    # The same bytes again in the same dossier: the server has them already (content-addressed), one object.
    a.profile.dossier().documents.add(content, title="IRM genou (copie)", category="imagerie")
    a.engine.sync_once()
    assert _stored(lab, moto, person.dossier_id) == [sha]


def test_downloads_honour_range_and_a_body_not_yet_uploaded_is_404(lab: Lab, api: httpx.Client) -> None:
    person = lab.person()
    a = lab.device(person)
    content = _pdf(700_000)
    sha = hashlib.sha256(content).hexdigest()
    a.profile.dossier().documents.add(content, title="Bilan", category="biologie")
    a.engine.sync_once()
    url = f"/v1/sync/blobs/{person.dossier_id}/{sha}"

    whole = api.get(url, headers=_auth(a))
    assert whole.status_code == 200 and whole.content == content
    part = api.get(url, headers={**_auth(a), "Range": "bytes=1000-1999"})
    assert part.status_code == 206 and part.content == content[1000:2000]
    assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(content)}"
    tail = api.get(url, headers={**_auth(a), "Range": f"bytes={len(content) - 10}-"})
    assert tail.status_code == 206 and tail.content == content[-10:]
    assert api.get(url, headers={**_auth(a), "Range": f"bytes={len(content)}-"}).status_code == 416

    pending = _pdf(300_000)
    lab.start_upload(a, pending, title="Pas encore là")
    missing = api.get(f"/v1/sync/blobs/{person.dossier_id}/{hashlib.sha256(pending).hexdigest()}", headers=_auth(a))
    assert missing.status_code == 404 and missing.json()["code"] == "blob_not_yet_uploaded"


def test_a_deleted_space_leaves_no_body_in_the_store_and_the_others_keep_theirs(
    lab: Lab, api: httpx.Client, request: pytest.FixtureRequest
) -> None:
    moto = _moto(lab, request)
    leaving, staying = lab.person(), lab.person()
    assert leaving.dossier_id is not None and staying.dossier_id is not None
    content = _pdf(400_000)  # the same bytes in both dossiers: two blobs, and only one goes
    devices = {}
    for person in (leaving, staying):
        devices[person.nir] = device = lab.device(person)
        device.profile.dossier().documents.add(content, title="Radio", category="imagerie")
        assert device.engine.sync_once().uploaded == 1
    assert _stored(lab, moto, leaving.dossier_id) == _stored(lab, moto, staying.dossier_id) != []
    # ...and an upload in progress: its bytes are on the shared directory, not yet in the store.
    pending = _pdf(300_000)
    url, headers = lab.start_upload(devices[leaving.nir], pending, title="En cours")
    chunk = {"Upload-Offset": "0", "Upload-Checksum": f"crc32 {zlib.crc32(pending[:100_000]):08x}"}
    assert api.patch(url, content=pending[:100_000], headers={**headers, **chunk}).json()["offset"] == 100_000
    uploads = lab.live.settings.blob_root / "uploads"
    assert [p.stat().st_size for p in uploads.glob("*.part")] == [100_000]

    r = api.post("/v1/me/deletion-request", json={"password": PASSWORD}, headers=_auth(devices[leaving.nir]))
    assert r.status_code == 200, r.text
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        assert run_jobs(session, lab.live.ctx).deletions_executed == 1
        session.commit()
    assert _stored(lab, moto, leaving.dossier_id) == []
    assert list(uploads.iterdir()) == []
    assert _stored(lab, moto, staying.dossier_id) == [hashlib.sha256(content).hexdigest()]
    store = blob_store(lab.live.settings.blob_root)
    assert store.read_bytes(Area.BODIES, staying.dossier_id, hashlib.sha256(content).hexdigest()) == content


def test_a_message_attachment_is_stored_encrypted_read_back_and_erased_with_the_space(
    lab: Lab, api: httpx.Client, flows: Flows, mailbox: Mailbox, request: pytest.FixtureRequest
) -> None:
    moto = _moto(lab, request)
    assert lab.live.ctx is not None
    person, me = patient(flows)
    doctor = Pros(api, lab.live.ctx, mailbox).sign_in(GP, "Médecin généraliste", "Durand")  # type: ignore[arg-type]
    thread = Thread.opened(api, doctor, person.nir)
    attachment_id = str(uuid.uuid4())
    assert thread.attach(doctor, PDF, "compte-rendu.pdf", attachment_id).status_code == 201
    assert thread.say(doctor, "Voici le compte rendu", attachment_id=attachment_id).status_code == 201

    [(where, stored)] = _attachments(lab, moto).items()
    assert where.endswith(f"message-attachments/{thread.id}/{attachment_id}")  # ids only, no file name
    assert b"%PDF" not in stored and b"Catalog" not in stored  # encrypted before it reaches the store
    got = api.get(f"/v1/conversations/{thread.id}/attachments/{attachment_id}", headers=me)
    assert got.status_code == 200 and got.content == PDF

    assert api.post("/v1/me/deletion-request", json={"password": PASSWORD}, headers=me).status_code == 200
    with lab.live.ctx.sessions() as session:
        assert run_jobs(session, lab.live.ctx).deletions_executed == 1
        session.commit()
    assert _attachments(lab, moto) == {}


def test_a_store_that_refuses_the_finished_body_once_loses_nothing(
    lab: Lab, api: httpx.Client, request: pytest.FixtureRequest
) -> None:
    """Every byte arrived, then the store failed (the bucket was gone; on files, the dossier's folder could not be
    made): the upload is kept whole, the client is not told it is done, and the next sync finishes it from the bytes
    already on the shared directory — none is sent again."""
    moto = _moto(lab, request)
    person = lab.person()
    assert person.dossier_id is not None
    a, b = lab.device(person), lab.device(person)
    content = _pdf(600_000)
    sha = hashlib.sha256(content).hexdigest()
    doc = a.profile.dossier().documents.add(content, title="Scintigraphie", category="imagerie")
    settings = lab.live.settings
    blocker = settings.blob_root / "blobs" / str(person.dossier_id)
    if moto is not None:
        bucket = settings.blob_store.removeprefix("s3://").split("/")[0]  # type: ignore[union-attr]
        moto.client().delete_bucket(Bucket=bucket)
    else:
        blocker.parent.mkdir(parents=True)
        blocker.write_bytes(b"")  # a file where the dossier's folder should be
    with contextlib.suppress(Exception):  # the engine reports the refusal its own way; what matters is below
        a.engine.sync_once()
    if moto is None:
        assert not blocker.is_dir()
    parts = list((settings.blob_root / "uploads").glob("*.part"))
    assert [p.stat().st_size for p in parts] == [len(content)]  # kept whole

    if moto is not None:
        moto.client().create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    else:
        blocker.unlink()
    created = api.post(
        "/v1/sync/uploads",
        json={"dossier_id": str(person.dossier_id), "sha256": sha, "size": len(content)},
        headers=_auth(a),
    )
    assert created.status_code == 201 and created.json()["complete"] is True, created.text
    assert _stored(lab, moto, person.dossier_id) == [sha]
    assert not list((settings.blob_root / "uploads").glob("*.part"))
    a.engine.sync_once()
    b.engine.sync_once()
    assert b.profile.dossier().documents.read(doc.id) == content


@pytest.mark.parametrize("store_kind", ["s3"], indirect=True)
def test_a_space_is_not_deleted_while_its_bodies_cannot_be_erased(
    lab: Lab, api: httpx.Client, request: pytest.FixtureRequest
) -> None:
    """The bucket out of reach when the job runs (the service's store pointed at a port where nothing listens): the
    job fails and the space stays, rows and bodies; the next run, with the bucket back, deletes both. A deleted
    space never leaves bodies behind."""
    person = lab.person()
    assert person.dossier_id is not None and lab.live.ctx is not None
    device = lab.device(person)
    device.profile.dossier().documents.add(_pdf(200_000), title="Radio", category="imagerie")
    device.engine.sync_once()
    assert api.post("/v1/me/deletion-request", json={"password": PASSWORD}, headers=_auth(device)).status_code == 200
    settings = lab.live.settings
    down = S3Settings(endpoint_url=f"http://127.0.0.1:{free_port()}", region=REGION, addressing_style="path")
    register(dataclasses.replace(settings, s3=down))
    try:
        with lab.live.ctx.sessions() as session, pytest.raises(BotoCoreError):
            run_jobs(session, lab.live.ctx)
    finally:
        register(settings)
    moto: MotoS3 = request.getfixturevalue("moto")
    assert len(_stored(lab, moto, person.dossier_id)) == 1
    with lab.live.ctx.sessions() as session:
        assert session.get(Dossier, person.dossier_id) is not None
        assert run_jobs(session, lab.live.ctx).deletions_executed == 1
        session.commit()
    assert _stored(lab, moto, person.dossier_id) == []
