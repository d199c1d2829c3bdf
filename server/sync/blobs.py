"""Resumable, content-addressed document bodies (tus-like): create, offset query, append with checksum, verify.

Finished bodies live in the blob store (server/storage: `<data_dir>/blobs/<dossier_id>/<sha256>` by default, or an
S3-compatible bucket under the same key); an upload in progress is `<data_dir>/uploads/<id>.part` whatever the store
and its offset is the part file's length (fsynced once, when complete), so a restarted server resumes exactly where
the bytes on disk end. A chunk first streams into its own `<id>.<offset>.<random>.incoming` file while it arrives
(checksums and the write on a worker thread, no lock held during the network read); only then, under the upload's
row lock, is it checked against the server's offset and appended to the part file by an in-kernel copy.
Dedupe is per dossier only: the same bytes in two dossiers are two blobs (no cross-dossier "does this exist?" oracle).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import threading
import time
import uuid
import zlib
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from dossier import access
from server.accounts.dependencies import Principal
from server.errors import ProblemError
from server.private_files import open_private, private_dir
from server.storage import Area, BlobStore, blob_store
from server.sync.models import SyncBlob, SyncRecord, SyncUpload
from server.sync.service import Caller, access_context, caller_for, may_open, may_read_record

_COPY = 1024 * 1024
_T = TypeVar("_T")
# The whole-file hash of each upload in progress, updated chunk by chunk, so the final verification does not read the
# file again. After a restart (or on another API process) it is rebuilt once from the bytes on disk.
_HASHES: dict[uuid.UUID, tuple[int, Any]] = {}
_HASH_LOCK = threading.Lock()


class ChunkCheck:
    """The per-chunk checksum of `Upload-Checksum: <algorithm> <hex>`, fed while the body arrives.

    `crc32` (what Carnet sends: it only has to catch transport damage, the whole-file SHA-256 proves the content)
    or `sha256`. An unknown algorithm is refused before any byte is stored.
    """

    def __init__(self, header: str) -> None:
        algorithm, _, digest = header.strip().partition(" ")
        self.algorithm = algorithm.lower()
        self.expected = digest.strip().lower()
        self._crc = 0
        self._sha = hashlib.sha256() if self.algorithm == "sha256" else None
        if self.algorithm not in ("crc32", "sha256"):
            raise ProblemError(
                400,
                "checksum_algorithm",
                "Somme de contrôle crc32 ou sha256 attendue.",
                "A crc32 or sha256 checksum is expected.",
            )

    def update(self, piece: bytes) -> None:
        if self._sha is not None:
            self._sha.update(piece)
        else:
            self._crc = zlib.crc32(piece, self._crc)

    def matches(self) -> bool:
        found = self._sha.hexdigest() if self._sha is not None else f"{self._crc:08x}"
        return found == self.expected


def running_hash_at(upload_id: uuid.UUID, offset: int) -> Any:
    """A copy of this process's whole-file hash of the upload if it stands at `offset` (else None), to be fed with
    the chunk while it arrives; `append` adopts it only if the offset is still the server's."""
    with _HASH_LOCK:
        known = _HASHES.get(upload_id)
    return known[1].copy() if known is not None and known[0] == offset else None


def _running_hash(part: Path, upload_id: uuid.UUID, offset: int) -> Any:
    with _HASH_LOCK:
        known = _HASHES.get(upload_id)
    if known is not None and known[0] == offset:
        return known[1]
    digest = hashlib.sha256()
    with open(part, "rb") as handle:
        remaining = offset
        while remaining and (block := handle.read(min(_COPY, remaining))):
            digest.update(block)
            remaining -= len(block)
    return digest


def blob_path(data_dir: Path, dossier_id: uuid.UUID, sha256: str) -> Path:
    """Where the filesystem store keeps a body (tests and tools that look at the files)."""
    return data_dir / Area.BODIES.value / str(dossier_id) / sha256


def part_path(data_dir: Path, upload_id: uuid.UUID) -> Path:
    return data_dir / "uploads" / f"{upload_id}.part"


def _may_upload(session: Session, caller: Caller, dossier_id: uuid.UUID, sha256: str) -> bool:
    """An upload must belong to a document record of that dossier the caller added (or may see, for the holder)."""
    rows = session.scalars(
        select(SyncRecord).where(
            SyncRecord.dossier_id == dossier_id,
            SyncRecord.entity == "document",
            SyncRecord.blob_sha256 == sha256,
        )
    ).all()
    if isinstance(caller.actor, access.Holder):
        return caller.own_dossier_id == dossier_id and bool(rows)
    return any(r.author_id == caller.principal.id for r in rows)


def _forbidden() -> ProblemError:
    return ProblemError(403, "forbidden", "Accès refusé à ce document.", "Access to this document is refused.")


def create_upload(
    session: Session, caller: Caller, *, dossier_id: uuid.UUID, sha256: str, size: int, data_dir: Path, now: datetime
) -> tuple[SyncUpload | None, int]:
    """Start (or find) the upload of one body; None when the dossier already holds it (dedupe)."""
    if not _may_upload(session, caller, dossier_id, sha256):
        raise _forbidden()
    if session.get(SyncBlob, (dossier_id, sha256)) is not None:
        return None, size
    upload = session.scalars(
        select(SyncUpload).where(
            SyncUpload.dossier_id == dossier_id, SyncUpload.sha256 == sha256, SyncUpload.size == size
        )
    ).first()
    if upload is None:
        upload = SyncUpload(
            id=uuid.uuid4(),
            dossier_id=dossier_id,
            sha256=sha256,
            size=size,
            principal_id=caller.principal.id,
            created_at=now,
        )
        session.add(upload)
        part = part_path(data_dir, upload.id)
        private_dir(part.parent)
        os.close(open_private(part, os.O_WRONLY | os.O_CREAT))
    elif offset_of(data_dir, upload) == size:
        # Every byte arrived but the store did not take the body (it failed, the node died): finish it now, under
        # the upload's lock, instead of telling the client to send nothing more.
        try:
            upload = _lock_upload(session, upload.id)
        except ProblemError:  # a concurrent request finished it meanwhile
            if session.get(SyncBlob, (dossier_id, sha256)) is not None:
                return None, size
            raise
        if offset_of(data_dir, upload) == size:
            digest = _running_hash(part_path(data_dir, upload.id), upload.id, size).hexdigest()
            _publish(session, upload, digest, data_dir=data_dir, now=now)
            return None, size
    return upload, offset_of(data_dir, upload)


def offset_of(data_dir: Path, upload: SyncUpload) -> int:
    part = part_path(data_dir, upload.id)
    return part.stat().st_size if part.exists() else 0


def get_upload(session: Session, principal: Principal, upload_id: uuid.UUID) -> SyncUpload:
    """The upload, if the caller started it (or holds its dossier). Asked once per chunk: the common case (the one
    who started it) needs no access-policy look-up."""
    upload = session.get(SyncUpload, upload_id)
    if upload is None:
        raise ProblemError(
            404, "upload_not_found", "Envoi introuvable : recommencez-le.", "Upload not found: restart it."
        )
    if upload.principal_id == principal.id:
        return upload
    caller = caller_for(session, principal)
    if not (isinstance(caller.actor, access.Holder) and caller.own_dossier_id == upload.dossier_id):
        raise _forbidden()
    return upload


class OffsetMismatch(ProblemError):
    """The client's offset is not where the server's bytes end: it must resume from `offset`."""

    def __init__(self, offset: int) -> None:
        super().__init__(
            409,
            "offset_mismatch",
            f"Reprise de l'envoi à l'octet {offset}.",
            f"Resume the upload at byte {offset}.",
            headers={"Upload-Offset": str(offset)},
        )
        self.offset = offset


def lock_row(session: Session, model: Any, ident: Any, touch: Any, *where: Any) -> Any:
    """Hold one row's lock until the transaction ends, across processes: two appends at one offset never both
    write. PostgreSQL: `SELECT … FOR UPDATE` on the row. SQLite: a write as the transaction's first statement
    takes the database's single writer lock at once (the request's earlier reads are committed first, so no stale
    read snapshot has to be upgraded); `touch` is a column set to itself. None when the row is gone."""
    session.commit()
    if session.get_bind().dialect.name == "postgresql":
        return session.scalars(
            select(model).where(*where).with_for_update().execution_options(populate_existing=True)
        ).one_or_none()
    session.execute(update(model).where(*where).values({touch: touch}).execution_options(synchronize_session=False))
    return session.get(model, ident, populate_existing=True)


def _lock_upload(session: Session, upload_id: uuid.UUID) -> SyncUpload:
    """The upload's row lock (see `lock_row`)."""
    found: SyncUpload | None = lock_row(session, SyncUpload, upload_id, SyncUpload.size, SyncUpload.id == upload_id)
    if found is None:  # completed (or dropped) by a concurrent request meanwhile
        raise ProblemError(
            404, "upload_not_found", "Envoi introuvable : recommencez-le.", "Upload not found: restart it."
        )
    return found


class ChunkReceiver:
    """One chunk streamed into its own file while it arrives, before any lock is taken.

    Batches of about a mebibyte go to a worker thread that feeds the chunk's checksum and the whole-file hash and
    writes them (hashlib, zlib and file writes release the interpreter lock), so hashing and writing overlap the
    receipt of the next bytes instead of following it. `append` then publishes the file under the row lock.
    """

    BATCH = 1024 * 1024

    def __init__(self, data_dir: Path, upload_id: uuid.UUID, offset: int, check: ChunkCheck) -> None:
        self.check = check
        self.upload_id, self.data_dir = upload_id, data_dir
        # The whole-file hash if this process holds it at `offset` (else `append` rebuilds it from the disk).
        self.running = running_hash_at(upload_id, offset)
        self.length = 0
        self.path = data_dir / "uploads" / f"{upload_id}.{offset}.{uuid.uuid4().hex}.incoming"
        private_dir(self.path.parent)
        self._handle = os.fdopen(open_private(self.path), "wb")  # closed by receive or discard, across awaits
        self._job: asyncio.Future[None] | None = None

    def _absorb(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self.check.update(piece)
            if self.running is not None:
                self.running.update(piece)
            self._handle.write(piece)

    async def receive(self, stream: AsyncIterator[bytes], *, idle: float) -> None:
        """Take the whole body; raises what the stream raises (a client gone mid-chunk) with nothing published, and
        408 when no byte came for `idle` seconds (a stalled client must not hold a handler and a file forever)."""
        loop = asyncio.get_running_loop()
        pending: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(idle) as deadline:
                async for piece in stream:
                    deadline.reschedule(loop.time() + idle)
                    pending.append(piece)
                    size += len(piece)
                    if size >= self.BATCH:
                        if self._job is not None:
                            await self._job
                        self._job = loop.run_in_executor(None, self._absorb, pending)
                        pending, size = [], 0
                    self.length += len(piece)
        except TimeoutError:
            raise ProblemError(
                408,
                "upload_stalled",
                "Plus rien n'arrivait de cet envoi : il reprendra où il s'est arrêté.",
                "Nothing more arrived for this upload: it will resume where it stopped.",
            ) from None
        if self._job is not None:
            await self._job
        self._job = loop.run_in_executor(None, self._finish, pending)
        await self._job

    def _finish(self, pieces: list[bytes]) -> None:
        self._absorb(pieces)
        self._handle.close()

    def discard(self) -> None:
        """Remove the chunk's file (published or not), once the worker thread is done with it."""
        if self._job is not None and not self._job.done():
            self._job.add_done_callback(self._remove)
        else:
            self._remove()

    def _remove(self, job: asyncio.Future[None] | None = None) -> None:
        if job is not None and not job.cancelled():
            job.exception()  # retrieved: a write cut short by the client's departure is not worth a log line
        self._handle.close()
        self.path.unlink(missing_ok=True)


async def wait_for_turn(
    data_dir: Path, upload_id: uuid.UUID, offset: int, *, patience: float = 30.0, grace: float = 2.0
) -> None:
    """Let a chunk that arrived ahead of the server's offset wait (holding no lock) for the chunks before it.

    A client keeps the next chunk travelling while the previous one is checked and published, so the next one may
    be complete first. It waits while an earlier chunk of the same upload is still arriving (its file exists and
    something moved in the last `patience` seconds), and for `grace` seconds in any case (the request before it may
    not have reached its handler yet); then `append` answers 409 with the server's offset. Works across worker
    processes: it only looks at the files.
    """
    part = part_path(data_dir, upload_id)
    folder = part.parent
    seen: tuple[int, ...] = ()
    started = moved = time.monotonic()
    while True:
        try:
            current = part.stat().st_size
        except FileNotFoundError:
            return
        if current >= offset:
            return
        earlier: list[int] = []
        for incoming in folder.glob(f"{upload_id}.*.incoming"):
            starts = int(incoming.name.split(".")[1])
            if current <= starts < offset:
                with contextlib.suppress(FileNotFoundError):
                    earlier.append(incoming.stat().st_size)
        if not earlier and time.monotonic() - started > grace:
            return
        state = (current, *sorted(earlier))
        if state != seen:
            seen, moved = state, time.monotonic()
        elif time.monotonic() - moved > patience:
            return
        await asyncio.sleep(0.002)


async def take_chunk(
    stream: AsyncIterator[bytes],
    received: ChunkReceiver,
    offset: int,
    publish: Callable[[], _T],
    *,
    idle: float,
) -> _T:
    """A PATCH's chunk: received while it arrives, after the chunks before it (`wait_for_turn`), then `publish` on a
    worker thread (the caller's checks and `accept_chunk` under its lock). A client gone mid-chunk: its bytes are
    dropped and the offset stays (document bodies and message attachments alike)."""
    try:
        await received.receive(stream, idle=idle)
        await wait_for_turn(received.data_dir, received.upload_id, offset)
        return await run_in_threadpool(publish)
    except ClientDisconnect:
        raise ProblemError(
            400, "upload_interrupted", "Envoi interrompu : reprenez-le.", "Upload interrupted: resume it."
        ) from None
    finally:
        received.discard()


def _append_file(source: Path, target: Path, at: int) -> None:
    """Append `source` to `target`, whose length is `at`: an in-kernel copy where the system offers one."""
    with open(source, "rb") as src, open(target, "r+b") as dst:
        size = os.fstat(src.fileno()).st_size
        done = 0
        if hasattr(os, "copy_file_range"):
            with contextlib.suppress(OSError):  # e.g. not across these file systems: user space below
                while done < size:
                    copied = os.copy_file_range(src.fileno(), dst.fileno(), size - done, done, at + done)
                    if not copied:
                        break
                    done += copied
        if done < size:
            src.seek(done)
            dst.seek(at + done)
            shutil.copyfileobj(src, dst, _COPY)


def append(
    session: Session, upload: SyncUpload, *, offset: int, received: ChunkReceiver, data_dir: Path, now: datetime
) -> tuple[int, bool]:
    """Publish one received chunk at `offset` if its checksum matches and the offset is still the server's; verify
    the whole body (SHA-256) when the last byte arrives."""
    upload = _lock_upload(session, upload.id)
    current, running = accept_chunk(part_path(data_dir, upload.id), upload.id, upload.size, offset, received)
    if current < upload.size:
        return current, False
    _publish(session, upload, running.hexdigest(), data_dir=data_dir, now=now)
    return current, True


def accept_chunk(part: Path, upload_id: uuid.UUID, size: int, offset: int, received: ChunkReceiver) -> tuple[int, Any]:
    """Append a received chunk to the part file (the caller holds the upload's lock): 409 unless `offset` is where
    the part ends, 460 when the chunk's checksum does not match (nothing appended), 413 past the announced `size`.
    The new offset and the whole-file hash so far."""
    current = part.stat().st_size if part.exists() else 0
    if offset != current:
        raise OffsetMismatch(current)
    if not received.check.matches():
        raise ProblemError(
            460,
            "chunk_checksum_mismatch",
            "Ce morceau est arrivé abîmé : renvoyez-le.",
            "This chunk arrived damaged: send it again.",
            headers={"Upload-Offset": str(current)},
        )
    if current + received.length > size:
        raise ProblemError(413, "upload_too_long", "Envoi plus long qu'annoncé.", "Upload longer than announced.")
    running = received.running
    if running is None:
        running = _running_hash(part, upload_id, current)
        with open(received.path, "rb") as handle:
            while block := handle.read(_COPY):
                running.update(block)
    # No fsync per chunk: after a crash the offset is whatever length survived, the client resumes from it, and the
    # whole-body SHA-256 catches any damage. Durability is enforced once, before the body is published.
    _append_file(received.path, part, current)
    current += received.length
    with _HASH_LOCK:
        if current < size:
            _HASHES[upload_id] = (current, running)
        else:
            _HASHES.pop(upload_id, None)
    return current, running


def _publish(session: Session, upload: SyncUpload, digest: str, *, data_dir: Path, now: datetime) -> None:
    """Verify the whole body and hand it to the blob store; the upload row goes, the blob row comes (the caller
    commits). A store that fails here (S3 out of reach) leaves the whole part file and the row: the next
    `create_upload` of the same body finishes it."""
    part = part_path(data_dir, upload.id)
    if digest != upload.sha256:
        part.unlink()
        session.delete(upload)
        session.commit()
        raise ProblemError(
            422,
            "upload_verification_failed",
            "Le document reçu ne correspond pas à son empreinte : il sera renvoyé en entier.",
            "The received document does not match its hash: it will be sent again in full.",
        )
    # Atomic in every store (a reader never sees half a body); the part file is the store's from here on.
    blob_store(data_dir).put_file(Area.BODIES, upload.dossier_id, upload.sha256, part, consume=True)
    if session.get(SyncBlob, (upload.dossier_id, upload.sha256)) is None:
        session.add(SyncBlob(dossier_id=upload.dossier_id, sha256=upload.sha256, size=upload.size, created_at=now))
    session.delete(upload)
    for stale in part.parent.glob(f"{upload.id}.*.incoming"):  # chunks a killed server left half received
        with contextlib.suppress(OSError):
            stale.unlink()


def readable_blob(
    session: Session, caller: Caller, *, dossier_id: uuid.UUID, sha256: str, data_dir: Path, now: datetime
) -> tuple[BlobStore, int]:
    """The store holding the body and its size, if the caller may read a document of that dossier holding it."""
    context = access_context(session, dossier_id, now)
    if not may_open(session, caller, dossier_id, context):
        raise _forbidden()
    rows = session.scalars(
        select(SyncRecord).where(
            SyncRecord.dossier_id == dossier_id,
            SyncRecord.entity == "document",
            SyncRecord.blob_sha256 == sha256,
            SyncRecord.deleted.is_(False),
        )
    ).all()
    if not any(may_read_record(session, caller, r, context) for r in rows):
        raise _forbidden()
    blob = session.get(SyncBlob, (dossier_id, sha256))
    store = blob_store(data_dir)
    if blob is None or not store.exists(Area.BODIES, dossier_id, sha256):
        raise ProblemError(
            404,
            "blob_not_yet_uploaded",
            "Ce document n'est pas encore arrivé sur le serveur.",
            "This document has not reached the server yet.",
            headers={"Retry-After": "30"},
        )
    return store, blob.size
