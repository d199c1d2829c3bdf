"""The blob-store contract, run on the filesystem store and on the S3 store against moto's S3 server over HTTP.

Every operation, missing blobs, per-owner (per-dossier) isolation, deleting an owner's blobs, and atomicity: a reader
never sees half a blob, even while it is being replaced.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from pathlib import Path

import pytest

from server.storage import Area, BlobNotFound, BlobStore
from server.storage.filesystem import FilesystemStore

MIB = 1024 * 1024


def _body(size: int, seed: bytes = b"") -> bytes:
    return hashlib.shake_256(seed + os.urandom(8)).digest(size)


def _source(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / f"source-{uuid.uuid4().hex}"
    path.write_bytes(data)
    return path


def test_a_put_file_is_read_back_whole_by_every_operation(store: BlobStore, tmp_path: Path) -> None:
    dossier = uuid.uuid4()
    data = _body(3 * MIB + 17)
    sha = hashlib.sha256(data).hexdigest()
    source = _source(tmp_path, data)
    store.put_file(Area.BODIES, dossier, sha, source)
    assert source.read_bytes() == data  # not consumed: the caller keeps its file
    assert store.exists(Area.BODIES, dossier, sha)
    assert store.size(Area.BODIES, dossier, sha) == len(data)
    assert store.read_bytes(Area.BODIES, dossier, sha) == data
    assert b"".join(store.open_range(Area.BODIES, dossier, sha)) == data


def test_ranges_give_exactly_the_asked_bytes(store: BlobStore, tmp_path: Path) -> None:
    dossier, data = uuid.uuid4(), _body(2 * MIB + 5)
    store.put_file(Area.BODIES, dossier, "ab" * 32, _source(tmp_path, data))
    for start, length in [(0, 1), (1, 10), (MIB - 3, 7), (MIB, MIB), (len(data) - 5, 5), (len(data) - 5, 100)]:
        got = b"".join(store.open_range(Area.BODIES, dossier, "ab" * 32, start, length))
        assert got == data[start : start + length], (start, length)
    assert b"".join(store.open_range(Area.BODIES, dossier, "ab" * 32, 2 * MIB)) == data[2 * MIB :]
    assert b"".join(store.open_range(Area.BODIES, dossier, "ab" * 32, 0, 0)) == b""


def test_consume_takes_the_source_file(store: BlobStore, tmp_path: Path) -> None:
    dossier, data = uuid.uuid4(), _body(100_000)
    source = _source(tmp_path, data)
    store.put_file(Area.BODIES, dossier, "cd" * 32, source, consume=True)
    assert not source.exists()
    assert store.read_bytes(Area.BODIES, dossier, "cd" * 32) == data


def test_put_bytes_and_an_empty_blob(store: BlobStore) -> None:
    conversation, attachment = uuid.uuid4(), str(uuid.uuid4())
    store.put_bytes(Area.ATTACHMENTS, conversation, attachment, b"nonce|sealed")
    assert store.read_bytes(Area.ATTACHMENTS, conversation, attachment) == b"nonce|sealed"
    store.put_bytes(Area.ATTACHMENTS, conversation, "empty", b"")
    assert store.size(Area.ATTACHMENTS, conversation, "empty") == 0
    assert store.read_bytes(Area.ATTACHMENTS, conversation, "empty") == b""


def test_a_missing_blob_is_blob_not_found_everywhere_and_deleting_it_is_harmless(store: BlobStore) -> None:
    dossier, name = uuid.uuid4(), "ef" * 32
    assert not store.exists(Area.BODIES, dossier, name)
    with pytest.raises(BlobNotFound):
        store.size(Area.BODIES, dossier, name)
    with pytest.raises(BlobNotFound):
        store.read_bytes(Area.BODIES, dossier, name)
    with pytest.raises(BlobNotFound):  # raised by the call itself, before a response starts streaming
        store.open_range(Area.BODIES, dossier, name, 10, 20)
    store.delete(Area.BODIES, dossier, name)
    assert store.delete_owner(Area.BODIES, dossier) == 0


def test_names_that_are_not_ids_or_hashes_are_refused(store: BlobStore) -> None:
    dossier = uuid.uuid4()
    for bad in ("../escape", "a/b", "", ".hidden", "x" * 200, "name with space", "ordonnance-diabète"):
        with pytest.raises(ValueError):
            store.put_bytes(Area.BODIES, dossier, bad, b"x")
    with pytest.raises(ValueError):
        store.put_bytes(Area.BODIES, "not-a-uuid", "ab", b"x")  # type: ignore[arg-type]


def test_dossiers_are_isolated_and_deleting_one_dossier_leaves_the_others(store: BlobStore, tmp_path: Path) -> None:
    one, two = uuid.uuid4(), uuid.uuid4()
    data = _body(50_000)
    sha = hashlib.sha256(data).hexdigest()
    other = _body(10_000)
    # The same bytes in two dossiers are two blobs; a conversation with the dossier's id is another area.
    store.put_file(Area.BODIES, one, sha, _source(tmp_path, data))
    store.put_file(Area.BODIES, one, "01" * 32, _source(tmp_path, other))
    store.put_file(Area.BODIES, two, sha, _source(tmp_path, data))
    store.put_bytes(Area.ATTACHMENTS, one, str(uuid.uuid4()), b"sealed")
    assert not store.exists(Area.BODIES, two, "01" * 32)
    store.delete(Area.BODIES, two, sha)
    assert store.read_bytes(Area.BODIES, one, sha) == data  # the other dossier's copy is untouched
    store.put_file(Area.BODIES, two, sha, _source(tmp_path, data))

    assert store.delete_owner(Area.BODIES, one) == 2
    assert store.delete_owner(Area.BODIES, one) == 0  # idempotent
    assert not store.exists(Area.BODIES, one, sha) and not store.exists(Area.BODIES, one, "01" * 32)
    assert store.read_bytes(Area.BODIES, two, sha) == data
    assert store.delete_owner(Area.ATTACHMENTS, one) == 1


def test_an_owner_with_more_blobs_than_one_listing_page_is_deleted_whole(store: BlobStore) -> None:
    """S3 lists (and deletes) up to 1000 keys a request; the S3 store here pages by 100: 230 blobs take 3 pages."""
    dossier, neighbour = uuid.uuid4(), uuid.uuid4()
    if not isinstance(store, FilesystemStore):
        store.page = 100  # type: ignore[attr-defined]
    count = 230
    names = [f"{i:064x}" for i in range(count)]
    for name in names:
        store.put_bytes(Area.BODIES, dossier, name, b"x")
    store.put_bytes(Area.BODIES, neighbour, names[0], b"y")
    assert store.delete_owner(Area.BODIES, dossier) == count
    assert not any(store.exists(Area.BODIES, dossier, names[i]) for i in (0, 99, 100, 200, -1))
    assert store.read_bytes(Area.BODIES, neighbour, names[0]) == b"y"


def test_a_reader_never_sees_half_a_blob_while_it_is_replaced(store: BlobStore, tmp_path: Path) -> None:
    """Two versions of 4 MiB replaced in turn under one name while two readers read it in a loop: every read is one
    whole version (or, before the first put, nothing). Bounded: 8 puts."""
    dossier, name = uuid.uuid4(), "9a" * 32
    versions = [_body(4 * MIB, b"a"), _body(4 * MIB, b"b")]
    digests = {hashlib.sha256(v).hexdigest() for v in versions}
    sources = [_source(tmp_path, v) for v in versions]
    seen: list[str] = []
    bad: list[str] = []
    done = threading.Event()

    def read_loop() -> None:
        while not done.is_set():
            try:
                got = store.read_bytes(Area.BODIES, dossier, name)
            except BlobNotFound:
                continue
            digest = hashlib.sha256(got).hexdigest()
            (seen if digest in digests else bad).append(f"{len(got)}:{digest[:8]}")

    readers = [threading.Thread(target=read_loop) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for i in range(8):
            store.put_file(Area.BODIES, dossier, name, sources[i % 2])
            time.sleep(0.01)
    finally:
        done.set()
        for reader in readers:
            reader.join(30)
    assert not bad, f"partial or mixed reads: {bad[:5]}"
    assert seen, "the readers read nothing: the test proved nothing"
    assert store.read_bytes(Area.BODIES, dossier, name) == versions[1]


def test_a_put_that_fails_leaves_the_previous_blob_and_no_half_one(store: BlobStore, tmp_path: Path) -> None:
    """A put whose source cannot be read raises and leaves the blob that was there (and no temporary file)."""
    dossier, name = uuid.uuid4(), "7b" * 32
    old = _body(200_000)
    store.put_file(Area.BODIES, dossier, name, _source(tmp_path, old))
    with pytest.raises(OSError):
        store.put_file(Area.BODIES, dossier, name, tmp_path / "gone")
    assert store.read_bytes(Area.BODIES, dossier, name) == old
    if isinstance(store, FilesystemStore):  # no temporary file left beside the blob
        assert sorted(p.name for p in (store.root / "blobs" / str(dossier)).iterdir()) == [name]


def test_a_put_the_store_refuses_leaves_a_consumed_source_in_place(store: BlobStore, tmp_path: Path) -> None:
    """The store fails (the bucket is gone; on files, a folder stands at the blob's name, so the final rename fails
    after the source was moved in): the source given with consume=True is back, whole, for the next attempt."""
    dossier, data = uuid.uuid4(), _body(300_000)
    source = _source(tmp_path, data)
    if isinstance(store, FilesystemStore):
        blocker = store.root / "blobs" / str(dossier) / ("5e" * 32)
        blocker.mkdir(parents=True)
        (blocker / "x").write_bytes(b"")
    else:
        store.client.delete_bucket(Bucket=store.bucket)  # type: ignore[attr-defined]
    with pytest.raises(Exception):  # noqa: B017 - OSError on files, botocore's ClientError on S3
        store.put_file(Area.BODIES, dossier, "5e" * 32, source, consume=True)
    assert source.read_bytes() == data
    if isinstance(store, FilesystemStore):  # no temporary file left beside it
        assert [p.name for p in blocker.parent.iterdir()] == ["5e" * 32]
