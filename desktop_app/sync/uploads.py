"""Uploads: send the bytes of the documents added on this device, in resumable chunks (a tus-like protocol).

A document's record travels with the push; its body is queued (`sync_blobs`, direction "up") once the service has
accepted the record, and sent here: the service opens an upload (or says it already has the bytes), then takes
chunks at its own offset, each with a CRC-32; it proves the whole file against its SHA-256 at the end.

Guarantees: a lost connection costs at most the chunk in flight (the engine asks the server's offset and resumes from
it, with smaller chunks for a while); a body leaves the queue only once the service has it whole, or when it can never
be sent (deleted locally before it left, or refused with 403); the bytes are read from the encrypted store chunk by
chunk, never written in clear anywhere.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from sqlalchemy import select

from desktop_app import schema
from desktop_app.dossier_store import CHUNK_SIZE, DossierStore
from desktop_app.errors import NotFound
from desktop_app.sync import local
from desktop_app.sync.context import Progress, SyncContext, SyncReport, crash_point
from desktop_app.sync.http import ServiceRefused, SyncHttp, SyncOffline, read_answer
from dossier.sync_protocol import UploadState

MIN_CHUNK = 64 * 1024  # the smallest chunk the engine falls back to on a flaky link
READERS = 2  # chunks of a document being read (decrypted) ahead of the one being sent, each on its own connection
_CHUNK_ANSWERS = frozenset({404, 409, 460, 422})
COMPLETE = -2


def read_range(store: DossierStore, document_id: str, position: int, size: int) -> bytes:
    """`size` bytes of a document from `position`, in one query over its encrypted chunks (one connection)."""
    first, skip = divmod(position, CHUNK_SIZE)
    last = (position + size - 1) // CHUNK_SIZE
    chunks = schema.document_chunks
    with store.reading() as conn:
        data = b"".join(
            conn.execute(
                select(chunks.c.data)
                .where(chunks.c.document_id == document_id, chunks.c.idx.between(first, last))
                .order_by(chunks.c.idx)
            ).scalars()
        )
    return data[skip : skip + size]


class _ChunkBody:
    """A chunk's bytes as a request body that tells when its last byte has been handed to the connection.

    Handed over in pieces of PIECE bytes: the HTTP stack re-slices what a socket send did not take, which copies the
    rest of the buffer every time — for a whole 8 MiB chunk that is tens of copies. Re-iterable, so a retried request
    sends the whole chunk again."""

    PIECE = 256 * 1024

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.sent = threading.Event()

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[bytes]:
        view = memoryview(self.data)
        for start in range(0, len(view), self.PIECE):
            yield bytes(view[start : start + self.PIECE])
        self.sent.set()

    def sent_or(self, request: Future[httpx.Response]) -> bool:
        """Wait until all the bytes are out (True), or the request ended before they were (False)."""
        while not self.sent.wait(0.01):
            if request.done():
                return self.sent.is_set()
        return True


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


def _settle(flying: deque[Future[httpx.Response]]) -> list[httpx.Response]:
    """Wait for the chunks still in flight; the answers of those that got one (a lost connection among them changes
    nothing: the upload continues from the server's offset). Any other failure is raised, like any send's."""
    answers = []
    for future in flying:
        with contextlib.suppress(httpx.TransportError):
            answers.append(future.result())
    flying.clear()
    return answers


def _state(response: httpx.Response) -> UploadState:
    return read_answer(response, UploadState, "upload")


def _complete(answers: list[httpx.Response]) -> bool:
    return any(a.status_code < 300 and _state(a).complete for a in answers)


def _server_offset(response: httpx.Response, known: int) -> int:
    if response.status_code < 300:
        return _state(response).offset
    return int(response.headers.get("upload-offset", known))


def upload_blobs(ctx: SyncContext, store: DossierStore, report: SyncReport) -> int:
    """Send every queued body of `store`; how many left the queue."""
    rows = local.blob_rows(store, "up")
    sent = 0
    total_bytes = sum(r.size for r in rows)
    for row in rows:
        try:
            upload_one(ctx, store, row, total_bytes)
        except NotFound:
            pass  # deleted locally before its body left: nothing to send
        except ServiceRefused as exc:
            if exc.status != 403:
                raise
        local.forget_blob(store, row.document_id)
        sent += 1
        report.uploaded += 1
    return sent


def upload_one(ctx: SyncContext, store: DossierStore, row: Any, total_bytes: int) -> None:
    def create() -> UploadState:
        response = ctx.http.request(
            "POST",
            "/v1/sync/uploads",
            json={"dossier_id": store.dossier_id, "sha256": row.sha256, "size": row.size},
        )
        created = _state(response)
        crash_point("upload.after_create")
        if not created.complete:
            store.documents.get(row.document_id)  # NotFound once deleted locally: nothing to send
        return created

    resumable(
        ctx,
        create,
        lambda position, size: read_range(store, row.document_id, position, size),
        row.size,
        lambda upload_id: f"/v1/sync/uploads/{upload_id}",
        total_bytes,
    )


class Sender(Protocol):
    """What sends a file's chunks: the sync's context, or a one-off sender outside a sync (`OneOff`)."""

    @property
    def http(self) -> SyncHttp: ...

    @property
    def upload_streams(self) -> int: ...

    def progress(self, progress: Progress) -> None: ...


@dataclass
class OneOff:
    """A sender for one file outside a sync run (a message sent online): one chunk in flight, no progress told."""

    http: SyncHttp
    upload_streams: int = 1

    def progress(self, progress: Progress) -> None:
        del progress


def resumable(
    ctx: Sender,
    create: Callable[[], UploadState],
    read: Callable[[int, int], bytes],
    length: int,
    path_of: Callable[[str], str],
    total_bytes: int,
) -> None:
    """One file through the resumable path: `create` opens (or finds) its upload, then its chunks go from the
    service's offset (`send_chunks`); asked again when the upload vanished or failed its verification."""
    for _ in range(4):
        created = create()
        if created.complete:
            return
        path = path_of(str(created.upload_id))
        offset = send_chunks(ctx, read, length, path, created.offset, created.chunk_size, total_bytes)
        if offset == COMPLETE or offset >= length:
            return
    raise SyncOffline()


def send_chunks(
    ctx: Sender,
    read: Callable[[int, int], bytes],
    length: int,
    path: str,
    offset: int,
    chunk: int,
    total_bytes: int,
) -> int:
    """Append chunks from `offset` to the upload at `path` (`read(position, size)` gives the file's bytes, `length`
    its size): `COMPLETE`, or -1 to ask for the upload again (it vanished or failed). Documents and message
    attachments go this way.

    The next chunks are read (decrypted from SQLCipher, on `READERS` connections at once: SQLite decrypts pages
    without the interpreter lock) and summed while the current one travels; with `upload_streams` > 1 several
    are in flight on as many connections. The server takes a chunk only at its own offset (one that overtook
    its predecessor waits for it there), so a chunk it cannot place is answered 409 with the server's offset and
    the upload resumes from it; after a lost connection the engine asks that offset (HEAD) and sends smaller
    chunks for a while. A CRC-32 per chunk catches transport damage; the server proves the whole file against
    its SHA-256.
    """
    size = chunk  # halved after a lost connection, so a flaky link loses less; doubled back after each success
    http = ctx.http

    def read_at(position: int) -> tuple[bytes, str]:
        data = read(position, size)
        return data, f"{zlib.crc32(data):08x}"

    def send(position: int, body: _ChunkBody, digest: str) -> httpx.Response:
        headers = {
            "Upload-Offset": str(position),
            "Upload-Checksum": f"crc32 {digest}",
            "Content-Type": "application/offset+octet-stream",
            "Content-Length": str(len(body)),
        }
        return http.request("PATCH", path, content=body, headers=headers, accept=_CHUNK_ANSWERS, resend_on_cut=False)

    with (
        ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="carnet-read") as reader,
        ThreadPoolExecutor(max_workers=ctx.upload_streams, thread_name_prefix="carnet-upload") as sender,
    ):
        reads: dict[int, Future[tuple[bytes, str]]] = {}

        def read_ahead(start: int) -> None:
            """Keep the chunks from `start` on being read, `READERS` of them; forget reads elsewhere."""
            wanted = range(start, min(length, start + READERS * size), size)
            for stale in [p for p in reads if p not in wanted]:
                reads.pop(stale).cancel()
            for position in wanted:
                if position not in reads:
                    reads[position] = reader.submit(read_at, position)

        flying: deque[Future[httpx.Response]] = deque()
        last: _ChunkBody | None = None
        position = offset
        cuts, cut_at = 0, -1  # connections lost in a row at the same offset
        while True:
            while len(flying) < ctx.upload_streams and position < length:
                read_ahead(position)
                data, digest = reads.pop(position).result()
                read_ahead(position + len(data))
                if flying and last is not None and not last.sent_or(flying[-1]):
                    # The next chunk's bytes leave once the previous chunk's are out: it travels while that one
                    # is checked and published, and a cut never catches two half-sent chunks. That one ended
                    # before all its bytes left (a lost connection): settle it first.
                    reads[position] = _done((data, digest))
                    break
                last = _ChunkBody(data)
                flying.append(sender.submit(send, position, last, digest))
                position += len(data)
            if not flying:
                return offset if offset < length else COMPLETE
            try:
                response = flying.popleft().result()
            except httpx.TransportError:
                # The connection was lost: the chunk may have landed or not. Ask where the server stands
                # (like tus) instead of sending the whole chunk again, once the others in flight have ended.
                if _complete(_settle(flying)):
                    return COMPLETE
                cuts = cuts + 1 if offset == cut_at else 1
                cut_at = offset
                size = max(MIN_CHUNK, size // 2)
                if cuts >= http.backoff.attempts:
                    raise SyncOffline() from None
                http.pause(cuts)
                head = http.request("HEAD", path, accept=frozenset({404}))
                if head.status_code == 404:
                    return -1  # completed meanwhile (or expired): ask again
                offset = position = int(head.headers["upload-offset"])
                continue
            status = response.status_code
            if status in (404, 422):
                # 404: it completed but the answer was lost (or it expired); 422: whole-file verification
                # failed and the server dropped it. Either way ask again: "complete", or a new upload.
                _settle(flying)
                return -1
            if status in (409, 460):
                # Out of order, a lost answer, or damaged on the way: resume from the server's own offset,
                # once the chunks still in flight have landed (or been refused) too.
                answers = [response, *_settle(flying)]
                if _complete(answers):
                    return COMPLETE
                offset = position = max(_server_offset(a, offset) for a in answers)
                continue
            result = _state(response)
            offset = result.offset
            size = min(chunk, size * 2)
            ctx.progress(Progress("upload", 0, 1, offset, total_bytes))
            crash_point("upload.mid_chunk")
            if result.complete:
                _settle(flying)
                return COMPLETE
