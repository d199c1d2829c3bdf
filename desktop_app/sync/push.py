"""Push: send a dossier's outbox to the service in bounded batches, and apply the results it returns.

One `push_dossier` call sends every pending mutation of one dossier, in client-sequence order, in batches filled up to
the body size the service accepts (exact UTF-8 bytes) within the protocol's count (a middlebox that drops large bodies
without an answer makes the batches smaller); the next batch is read, serialised and sent by a helper thread while
this one's answer is applied. `apply_results` records the service's answer to each mutation: the outbox row's
terminal state, the refusal reason, the server's record as the new shadow with any pending work re-applied on top, a
document's body queued for upload once its record is accepted.

Guarantees: the service receives the batches one after the other, in order; the results of one batch commit in one
transaction, on the calling thread (the helper thread only reads the outbox and sends); a crash before that commit
resends the batch, which the service's ledger answers again without applying it twice; a malformed answer
(ServiceAnswerInvalid) applies nothing and leaves the outbox as it was.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app import schema
from desktop_app.changes import ChangeOrigin
from desktop_app.dossier_store import DossierStore
from desktop_app.sync import local
from desktop_app.sync import tables as t
from desktop_app.sync.context import Progress, SyncContext, SyncReport, crash_point, dumps, get_meta, set_meta
from desktop_app.sync.http import ServiceRefused, SyncOffline, read_answer
from dossier.sync_protocol import (
    MAX_MUTATIONS_PER_PUSH,
    Entity,
    MutationOp,
    MutationResult,
    MutationStatus,
    PushResult,
    Record,
)

_ENVELOPE = 256  # the body's fixed part (client, stream and dossier ids, keys, brackets), on top of the mutations
_REFUSED = (MutationStatus.REJECTED, MutationStatus.FORBIDDEN)


def stream_id(store: DossierStore) -> str:
    """This dossier's push stream on this device (the service orders and deduplicates by it)."""
    with store.transaction() as conn:
        found = get_meta(conn, "stream_id")
        if found is None:
            found = str(uuid.uuid4())
            set_meta(conn, "stream_id", found)
        return found


def batch_limit(ctx: SyncContext) -> int:
    """The most mutations one request may carry: what the service last announced (within what this version knows),
    or fewer if the engine was told so."""
    return max(1, min(ctx.push_batch, ctx.max_mutations, MAX_MUTATIONS_PER_PUSH))


def serialise(row: Any) -> bytes:
    """One outbox row as the protocol's mutation, in UTF-8 JSON; its stored `changes` text is spliced as it is."""
    changes = row.changes if isinstance(row.changes, str) else dumps(row.changes)
    head = dumps(
        {
            "base_version": row.base_version,
            "client_seq": row.client_seq,
            "entity": row.entity,
            "entity_id": row.entity_id,
            "kind": row.kind,
            "mutation_id": row.mutation_id,
            "op": row.op,
        }
    )
    return f'{head[:-1]},"changes":{changes}}}'.encode()


@dataclass(frozen=True, slots=True)
class Batch:
    """The next request's mutations, already serialised, and the outbox rows they come from (in order)."""

    rows: list[Any]
    items: list[bytes]

    @property
    def last_seq(self) -> int:
        return int(self.rows[len(self.items) - 1].client_seq)

    def body(self, ctx: SyncContext, store: DossierStore, stream: str) -> bytes:
        head = dumps({"client_id": ctx.client_id, "dossier_id": store.dossier_id, "stream_id": stream})
        return b"".join((head[:-1].encode(), b',"mutations":[', b",".join(self.items), b"]}"))


Sent = tuple[Batch, httpx.Response | SyncOffline | None]  # a batch and how the service answered it


def batch(ctx: SyncContext, rows: list[Any]) -> list[bytes]:
    """As many rows as fit the service's body limit (exact bytes), within the protocol's count; at least one."""
    found: list[bytes] = []
    size = _ENVELOPE
    for row in rows[: batch_limit(ctx)]:
        item = serialise(row)
        if found and size + len(item) + 1 > ctx.max_body:
            break
        found.append(item)
        size += len(item) + 1
    return found


def outbox_rows(
    ctx: SyncContext, store: DossierStore, *, from_seq: int | None = None, after: int | None = None
) -> list[Any]:
    """The next pending rows in client order: from the first pending one, after a given one, or from `from_seq`
    whatever their state (the service asked for a resend). A range on the primary key: rows already answered are
    not read again."""
    outbox = schema.outbox
    query = select(outbox).order_by(outbox.c.client_seq).limit(batch_limit(ctx))
    if from_seq is not None:
        query = query.where(outbox.c.client_seq >= from_seq)
    else:
        query = query.where(outbox.c.state == "pending")
        if after is not None:
            query = query.where(outbox.c.client_seq > after)
    with store.reading() as conn:
        return list(conn.execute(query))


def prepare(ctx: SyncContext, store: DossierStore, *, from_seq: int | None = None, after: int | None = None) -> Batch:
    """Read and serialise the next batch (run on a helper thread while the service applies the current one)."""
    rows = outbox_rows(ctx, store, from_seq=from_seq, after=after)
    return Batch(rows, batch(ctx, rows))


def push_dossier(ctx: SyncContext, store: DossierStore, report: SyncReport) -> None:
    """Send every pending mutation of `store` and apply the results, batch after batch.

    Pipelined: once the service has answered one batch, a helper thread reads, serialises and sends the next one
    while this thread applies the answer (the service still receives the batches one after the other, in order;
    every local write stays on this thread, one transaction per batch). The next batch starts after the current
    one's last row, so an answered row is never read again; a row the service did not answer stays pending for the
    next sync."""
    stream = stream_id(store)
    total = store.outbox.count_pending()
    done = 0
    shrinks = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push-ahead") as pool:
        ahead: Future[Sent] | None = None
        current = prepare(ctx, store)
        while True:
            if ahead is not None:
                current, response = ahead.result()
                ahead = None
            else:
                response = send(ctx, store, stream, current)
            if response is None:
                return  # nothing left to send
            sent = current.items
            if isinstance(response, SyncOffline):
                # A middlebox may drop large bodies without an answer: try smaller batches a few times first.
                shrinks += 1
                smaller = max(4096, ctx.max_body // 4)
                if shrinks > 4 or smaller == ctx.max_body:
                    raise response
                ctx.max_body = smaller
                current = Batch(current.rows, batch(ctx, current.rows))
                if len(current.items) == len(sent):
                    raise response  # the batch is already small: the service is simply unreachable
                continue
            if response.status_code == 413 and len(sent) > 1:
                ctx.max_body = max(4096, ctx.max_body // 2)
                current = Batch(current.rows, batch(ctx, current.rows))
                continue
            if response.status_code in (409, 413):
                body = response.json()
                if body.get("code") == "client_seq_gap":
                    current = prepare(ctx, store, from_seq=int(body["expected"]))
                    continue
                raise ServiceRefused(response.status_code, body)
            crash_point("push.response_received")
            results = read_answer(response, PushResult, "push").results
            ahead = pool.submit(send_next, ctx, store, stream, current.last_seq)
            with store.transaction() as conn:
                apply_results(store, conn, results)
                for result in results:
                    report.count(result.status.value)
                crash_point("push.mid_apply")
            crash_point("push.after_local_commit")
            done += len(results)
            ctx.progress(Progress("push", done, max(total, done)))


def send(ctx: SyncContext, store: DossierStore, stream: str, current: Batch) -> httpx.Response | SyncOffline | None:
    """POST one batch (None: the batch is empty); an unreachable service is returned, for the caller to handle."""
    if not current.items:
        return None
    crash_point("push.before_send")
    try:
        return ctx.http.request(
            "POST",
            "/v1/sync/push",
            content=current.body(ctx, store, stream),
            headers={"Content-Type": "application/json"},
            accept=frozenset({409, 413}),
        )
    except SyncOffline as offline:
        return offline


def send_next(ctx: SyncContext, store: DossierStore, stream: str, after: int) -> Sent:
    """On the helper thread: read and serialise the batch after row `after`, and send it."""
    following = prepare(ctx, store, after=after)
    return following, send(ctx, store, stream, following)


def apply_results(store: DossierStore, conn: Connection, results: list[MutationResult]) -> None:
    """Record every result in bulk; rows the server returned replace the local ones, pending work on top."""
    ids = [str(r.mutation_id) for r in results]
    rows = {
        r.mutation_id: r
        for start in range(0, len(ids), 500)
        for r in conn.execute(select(schema.outbox).where(schema.outbox.c.mutation_id.in_(ids[start : start + 500])))
    }
    known = [(mid, r) for mid, r in zip(ids, results, strict=True) if mid in rows]
    if not known:
        return
    conn.execute(
        update(schema.outbox).where(schema.outbox.c.mutation_id == bindparam("mid")).values(state=bindparam("st")),
        [{"mid": mid, "st": r.status.value} for mid, r in known],
    )
    outcome = [
        {
            "mutation_id": mid,
            "status": r.status.value,
            "reason": r.reason,
            "message": r.message_fr,
            "message_en": r.message_en,
            "conflict_id": str(r.conflict_id) if r.conflict_id else None,
        }
        for mid, r in known
    ]
    stmt = upsert(t.sync_results)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["mutation_id"],
            set_={c: stmt.excluded[c] for c in ("status", "reason", "message", "message_en", "conflict_id")},
        ),
        outcome,
    )
    local.store_shadow(conn, [local.ServerRow.of(r.record) for _, r in known if r.record])
    latest: dict[str, Record] = {}
    touched: dict[str, str] = {}
    for mid, result in known:
        row = rows[mid]
        status, record = result.status, result.record
        if row.entity == Entity.CONFLICT:
            if status in _REFUSED:
                conn.execute(update(t.sync_conflicts).where(t.sync_conflicts.c.id == row.entity_id).values(resolved=0))
            if record:
                touched[str(record.entity_id)] = record.entity.value
            continue
        if row.entity == Entity.DOCUMENT and row.op == MutationOp.CREATE and status not in _REFUSED:
            changes = json.loads(row.changes)
            local.queue_blob(conn, row.entity_id, "up", changes["sha256"][1], int(changes["size"][1]))
        if record:
            previous = latest.get(row.entity_id)
            if previous is None or record.version >= previous.version:
                latest[row.entity_id] = record
        elif status in (MutationStatus.APPLIED, MutationStatus.MERGED):
            continue  # accepted but not readable by this caller (a professional sending a document): keep it
        touched[row.entity_id] = row.entity
    refresh_rows(store, conn, touched, latest)
    if touched:  # rows rewritten from the service's records: the open pages show them after the commit
        kinds = {rows[mid].kind for mid, _ in known}
        store.note_change(ChangeOrigin.PULL, map(Entity, touched.values()), kinds=kinds, ids=touched)


def refresh_rows(
    store: DossierStore, conn: Connection, touched: Mapping[str, str], latest: Mapping[str, Record]
) -> None:
    """Rows with no pending work are written straight from the server's record; others are re-materialised."""
    if not touched:
        return
    pending = pending_among(conn, list(touched))
    for entity in (Entity.ENTRY.value, Entity.DOCUMENT.value):
        plain = [
            local.ServerRow.of(latest[entity_id])
            for entity_id, kind in touched.items()
            if kind == entity and entity_id in latest and entity_id not in pending
        ]
        local.write_rows(store, conn, entity, plain)
    for entity_id, entity in touched.items():
        if entity_id in pending or entity_id not in latest:
            local.materialise(store, conn, entity, entity_id)


def pending_among(conn: Connection, entity_ids: list[str]) -> set[str]:
    """Which of these records still have local changes the service has not answered (one statement per 500 ids)."""
    outbox = schema.outbox
    found: set[str] = set()
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start : start + 500]
        query = select(outbox.c.entity_id).where(outbox.c.state == "pending", outbox.c.entity_id.in_(chunk)).distinct()
        found.update(conn.scalars(query))
    return found
