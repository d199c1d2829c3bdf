"""Downloads: fetch the bytes of the documents pulled from the service, resuming where a cut left them.

A pulled document record whose body this device lacks (or whose body changed) is queued (`sync_blobs`, direction
"down"); the policy says which of them to fetch now (`SyncPolicy.bodies_wanted`: a clinic by the day's rule). A body
is streamed into the encrypted store chunk by chunk, resumed with a Range request after a cut, then proved against
the record's SHA-256.

Guarantees: a body leaves the queue only once stored whole and verified (or when its record is gone or changed); a
body that fails verification is cleared and fetched again, never shown; the bytes go from the network straight into
encrypted chunks, never to a file in clear; a body the service does not have yet stays queued for the next sync.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from sqlalchemy import Connection, delete, func, select
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app import schema
from desktop_app.dossier_store import CHUNK_SIZE, DossierStore
from desktop_app.sync import local
from desktop_app.sync import tables as t
from desktop_app.sync.context import Progress, SyncContext, SyncReport, crash_point, set_meta
from desktop_app.sync.http import SyncOffline, refuse_unauthorised

ERROR_PREFIX = "download_error:"  # sync_meta: the service refused this document's bytes (its status code)


class DownloadRefused(Exception):
    """The service answered a 4xx for one document's bytes: an error about that document, never "offline"."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _note_error(store: DossierStore, document_id: str, status: int | None) -> None:
    with store.transaction() as conn:
        set_meta(conn, ERROR_PREFIX + document_id, None if status is None else str(status))


def download_errors(conn: Connection) -> list[dict[str, Any]]:
    """The documents whose bytes the service refused at the last try (shown by `status`)."""
    rows = conn.execute(select(t.sync_meta).where(t.sync_meta.c.key.startswith(ERROR_PREFIX)))
    return [{"document_id": r.key.removeprefix(ERROR_PREFIX), "status": int(r.value)} for r in rows]


def download_blobs(ctx: SyncContext, store: DossierStore, report: SyncReport) -> None:
    """Fetch every queued body of `store` the policy wants now."""
    wanted = ctx.policy.bodies_wanted(store)
    for row in local.blob_rows(store, "down"):
        if (wanted is None or row.document_id in wanted) and download_one(ctx, store, row):
            local.forget_blob(store, row.document_id)
            report.downloaded += 1


def _stored_bytes(store: DossierStore, document_id: str) -> tuple[int, int]:
    with store.reading() as conn:
        count, size = conn.execute(
            select(func.count(), func.coalesce(func.sum(func.length(schema.document_chunks.c.data)), 0)).where(
                schema.document_chunks.c.document_id == document_id
            )
        ).one()
    return int(count), int(size)


def download_one(ctx: SyncContext, store: DossierStore, row: Any) -> bool:
    """True when the body is done with (stored and verified, or no longer wanted by its record)."""
    with store.reading() as conn:
        doc = conn.execute(select(schema.documents).where(schema.documents.c.id == row.document_id)).first()
    if doc is None or doc.deleted or doc.sha256 != row.sha256:
        return True
    for attempt in range(ctx.http.backoff.attempts):
        count, have = _stored_bytes(store, row.document_id)
        if have > count * CHUNK_SIZE or (have < count * CHUNK_SIZE and have < row.size):
            _clear_chunks(store, row.document_id)
            count, have = 0, 0
        if have < row.size:
            try:
                if not fetch(ctx, store, row, count, have):
                    return False  # not on the server yet: try at the next sync
            except DownloadRefused as refused:
                _note_error(store, row.document_id, refused.status)
                return False  # kept queued and tried again at the next sync; the rest of the sync goes on
            except httpx.TransportError:
                ctx.http._wait(ctx.http.backoff.delay(attempt))
                continue
        if _verify(store, row):
            _note_error(store, row.document_id, None)
            return True
        _clear_chunks(store, row.document_id)
    return False


def fetch(ctx: SyncContext, store: DossierStore, row: Any, idx: int, offset: int) -> bool:
    """Stream the body from `offset` (chunk `idx`) into the store; False when the service does not have it yet."""
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with ctx.http.stream("GET", f"/v1/sync/blobs/{store.dossier_id}/{row.sha256}", headers=headers) as response:
        if response.status_code == 404:
            return False
        if response.status_code == 401:
            response.read()
            refuse_unauthorised(response)
        if response.status_code == 403:
            return True
        if 400 <= response.status_code < 500:
            raise DownloadRefused(response.status_code)  # about this document, not the link
        if response.status_code >= 400:
            raise SyncOffline()
        if offset and response.status_code != 206:
            _clear_chunks(store, row.document_id)
            idx, offset = 0, 0
        buffer = bytearray()
        for part in response.iter_bytes():
            buffer += part
            while len(buffer) >= CHUNK_SIZE:
                _put_chunk(store, row.document_id, idx, bytes(buffer[:CHUNK_SIZE]))
                del buffer[:CHUNK_SIZE]
                idx += 1
                ctx.progress(Progress("download", 0, 1, idx * CHUNK_SIZE, row.size))
                crash_point("download.mid")
        if buffer:
            _put_chunk(store, row.document_id, idx, bytes(buffer))
    return True


def _put_chunk(store: DossierStore, document_id: str, idx: int, data: bytes) -> None:
    with store.transaction() as conn:
        conn.execute(
            upsert(schema.document_chunks)
            .values(document_id=document_id, idx=idx, data=data)
            .on_conflict_do_update(index_elements=["document_id", "idx"], set_={"data": data})
        )


def _clear_chunks(store: DossierStore, document_id: str) -> None:
    with store.transaction() as conn:
        conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id == document_id))


def _verify(store: DossierStore, row: Any) -> bool:
    digest = hashlib.sha256()
    with store.reading() as conn:
        for chunk in conn.execute(
            select(schema.document_chunks.c.data)
            .where(schema.document_chunks.c.document_id == row.document_id)
            .order_by(schema.document_chunks.c.idx)
        ):
            digest.update(chunk.data)
    return bool(digest.hexdigest() == row.sha256)
