"""The local copy the phases write: the server's shadow of each record, and the visible rows = shadow + pending work.

Push (its results) and pull (its pages) both end here. A record from the service is stored as its shadow, then its
visible row (entry or document) is written straight from it when no local change is pending, or re-materialised
(shadow, then each pending mutation in order) when one is. Also here: the queue of document bodies to move
(`sync_blobs`) and the digest compared with the service's.

Guarantees: every function writes in the caller's transaction (a page, a push's results) and never creates an outbox
mutation (these rows come from the service, not from a person); a pending local change is never overwritten by a
record from the service; the shadow only moves forward (an older version never replaces a newer one).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app import schema
from desktop_app.dossier_store import DossierStore
from desktop_app.sync import tables as t
from desktop_app.sync.context import dumps
from dossier.documents import DocumentFormat
from dossier.sync_protocol import CORRESPONDENCE, Record


def fingerprint(entity_id: str, version: int, deleted: bool) -> int:
    """Same formula as the server's digest (server/sync/service.py)."""
    raw = hashlib.sha256(f"{entity_id}:{version}:{int(deleted)}".encode()).digest()
    return int.from_bytes(raw, "big")


def local_digest(store: DossierStore) -> str:
    """The digest of the shadow, as the service computes it over what it holds: equal when the copies agree."""
    value = 0
    with store.reading() as conn:
        for row in conn.execute(select(t.sync_shadow.c.entity_id, t.sync_shadow.c.version, t.sync_shadow.c.deleted)):
            value ^= fingerprint(row.entity_id, row.version, bool(row.deleted))
    return f"{value:064x}"


class ServerRow(NamedTuple):
    """One record as the server sent it, its values serialised once (for the shadow and the visible row).

    A named tuple: immutable, and built several times faster than a frozen dataclass (a bootstrap builds one per
    record; that saving pays for validating the page)."""

    entity_id: str
    entity: str
    kind: str
    values: dict[str, Any]
    values_json: str
    deleted: bool
    version: int
    author_kind: str
    created_at: str

    @classmethod
    def of(cls, record: Record) -> ServerRow:
        values = record.values  # validated into a dict of its own: no copy needed
        return cls(
            str(record.entity_id),
            record.entity.value,
            record.kind,
            values,
            dumps(values),
            record.deleted,
            record.version,
            record.author_kind,
            record.created_at,
        )


# Raw statements for the bulk paths (a bootstrap writes tens of thousands of rows: no per-row SQL compilation).
_SHADOW_UPSERT = (
    'INSERT INTO sync_shadow (entity_id, entity, kind, "values", version, deleted, author_kind, created_at) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id) DO UPDATE SET entity = excluded.entity, "
    'kind = excluded.kind, "values" = excluded."values", version = excluded.version, deleted = excluded.deleted, '
    "author_kind = excluded.author_kind WHERE sync_shadow.version <= excluded.version"
)
# The visible entry row: the seven plain columns, then the derived ones `EntryService._row_values` computes.
_DERIVED = itemgetter("data", "summary", "search", "sort_date", "order_key")
_ENTRY_UPSERT = (
    "INSERT INTO entries (id, kind, author_kind, created_at, updated_at, server_version, deleted, data, summary, "
    "search, sort_date, order_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "kind = excluded.kind, data = excluded.data, summary = excluded.summary, search = excluded.search, "
    "sort_date = excluded.sort_date, order_key = excluded.order_key, updated_at = excluded.updated_at, "
    "server_version = excluded.server_version, deleted = excluded.deleted"
)


def pending_ids(conn: Connection) -> set[str]:
    """The records with local changes not yet acknowledged by the service."""
    query = select(schema.outbox.c.entity_id).where(schema.outbox.c.state == "pending").distinct()
    return {r.entity_id for r in conn.execute(query)}


def store_shadow(conn: Connection, rows: Iterable[ServerRow]) -> None:
    params = [
        (r.entity_id, r.entity, r.kind, r.values_json, r.version, int(r.deleted), r.author_kind, r.created_at)
        for r in rows
    ]
    if params:
        conn.exec_driver_sql(_SHADOW_UPSERT, params)


def materialise(store: DossierStore, conn: Connection, entity: str, entity_id: str) -> None:
    """Write the visible row of one record: its shadow with every pending mutation re-applied on top, in order.

    Messages and conversations have no visible row: their screens read the shadow and the outbox themselves."""
    if entity in CORRESPONDENCE:
        return
    shadow = conn.execute(select(t.sync_shadow).where(t.sync_shadow.c.entity_id == entity_id)).first()
    pending = list(
        conn.execute(
            select(schema.outbox)
            .where(schema.outbox.c.entity_id == entity_id, schema.outbox.c.state == "pending")
            .order_by(schema.outbox.c.client_seq)
        )
    )
    if shadow is None and not pending:
        drop_local(conn, entity, entity_id)
        return
    if shadow is not None:
        values: dict[str, Any] = json.loads(shadow.values)
        deleted, kind, version = bool(shadow.deleted), shadow.kind, shadow.version
        author, created = shadow.author_kind, shadow.created_at
    else:
        values, deleted, kind, version, author, created = {}, True, pending[0].kind, 0, "patient", ""
    for m in pending:
        kind = m.kind
        if m.op == "delete":
            deleted = True
            continue
        deleted = False
        for name, pair in json.loads(m.changes).items():
            if pair[1] is None:
                values.pop(name, None)
            else:
                values[name] = pair[1]
    existing = local_row(conn, entity, entity_id)
    if existing is not None:
        author = existing.author_kind if shadow is None else author
        created = created or existing.created_at
    created = created or datetime.now(UTC).isoformat()
    row = ServerRow(entity_id, entity, kind, values, dumps(values), deleted, version, author, created)
    write_rows(store, conn, entity, [row])


def local_row(conn: Connection, entity: str, entity_id: str) -> Any:
    table = schema.entries if entity == "entry" else schema.documents
    return conn.execute(select(table).where(table.c.id == entity_id)).first()


def drop_local(conn: Connection, entity: str, entity_id: str) -> None:
    if entity == "document":
        _drop_body(conn, entity_id)
        conn.execute(delete(schema.documents).where(schema.documents.c.id == entity_id))
    elif entity == "entry":
        conn.execute(delete(schema.entries).where(schema.entries.c.id == entity_id))


def _drop_body(conn: Connection, document_id: str) -> None:
    conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id == document_id))
    conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.document_id == document_id))


def write_rows(store: DossierStore, conn: Connection, entity: str, rows: list[ServerRow]) -> None:
    """Upsert visible rows without creating outbox mutations (they come from the server, not from a person)."""
    if not rows:
        return
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    if entity == "entry":
        _write_entries(store, conn, rows, now)
    else:
        for r in rows:
            _write_document(conn, r, now)


def _write_entries(store: DossierStore, conn: Connection, rows: list[ServerRow], now: str) -> None:
    params = []
    for r in rows:
        data, data_json = ({}, "{}") if r.deleted else (r.values, r.values_json)
        try:
            derived = store.entries._row_values(r.kind, data, r.entity_id, r.created_at, data_json=data_json)
        except Exception:  # a server value we cannot summarise must not block the page
            derived = {
                "data": data_json,
                "summary": "",
                "search": "",
                "sort_date": None,
                "order_key": f"{r.created_at[:10]}|{r.created_at}|{r.entity_id}",
            }
        if r.deleted:
            derived.update(summary="", search="")
        params.append(
            (
                r.entity_id,
                r.kind,
                r.author_kind,
                r.created_at,
                now,
                r.version,
                int(r.deleted),
                *_DERIVED(derived),
            )
        )
    conn.exec_driver_sql(_ENTRY_UPSERT, params)


def _write_document(conn: Connection, r: ServerRow, now: str) -> None:
    """A document's metadata row; its body is queued for download when it is new or changed."""
    entity_id, values, deleted = r.entity_id, r.values, r.deleted
    fmt = str(values.get("format") or "pdf")
    try:
        mime = DocumentFormat(fmt).mime_type
    except ValueError:
        mime = "application/octet-stream"
    sha256, size = str(values.get("sha256") or ""), int(values.get("size") or 0)
    row = {
        "title": "" if deleted else str(values.get("title") or ""),
        "category": r.kind,
        "document_date": values.get("document_date"),
        "author_kind": str(values.get("author_kind") or r.author_kind),
        "confidentiality": dumps(values.get("confidentiality") or {}),
        "format": fmt,
        "mime_type": mime,
        "size": size,
        "sha256": sha256,
        "filename": None if deleted else values.get("filename"),
        "updated_at": now,
        "server_version": r.version,
        "deleted": int(deleted),
    }
    existing = local_row(conn, "document", entity_id)
    if existing is None:
        conn.execute(insert(schema.documents).values(id=entity_id, created_at=r.created_at, external_ref=None, **row))
    else:
        conn.execute(update(schema.documents).where(schema.documents.c.id == entity_id).values(**row))
    if deleted:
        _drop_body(conn, entity_id)
    elif existing is None or existing.sha256 != sha256:
        have = conn.execute(
            select(func.count())
            .select_from(schema.document_chunks)
            .where(schema.document_chunks.c.document_id == entity_id)
        ).scalar_one()
        if not have or existing is not None:
            queue_blob(conn, entity_id, "down", sha256, size)


# -- the queue of document bodies to move -----------------------------------------------------------------------------
def queue_blob(conn: Connection, document_id: str, direction: str, sha256: str, size: int) -> None:
    """Queue a body to send ("up") or fetch ("down"); a body already queued stays as it is."""
    conn.execute(
        upsert(t.sync_blobs)
        .values(document_id=document_id, direction=direction, sha256=sha256, size=size)
        .on_conflict_do_nothing()
    )


def blob_rows(store: DossierStore, direction: str) -> list[Any]:
    with store.reading() as conn:
        return list(conn.execute(select(t.sync_blobs).where(t.sync_blobs.c.direction == direction)))


def forget_blob(store: DossierStore, document_id: str) -> None:
    with store.transaction() as conn:
        conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.document_id == document_id))
