"""Push: send a dossier's outbox to the service in bounded batches, and apply the results it returns.

One `push_dossier` call sends every pending mutation of one dossier, in client-sequence order, in batches bounded by
count and by the body size the service accepts (a middlebox that drops large bodies without an answer makes the
batches smaller). `apply_results` records the service's answer to each mutation: the outbox row's terminal state,
the refusal reason, the server's record as the new shadow with any pending work re-applied on top, a document's body
queued for upload once its record is accepted.

Guarantees: the results of one batch commit in one transaction; a crash before that commit resends the batch, which
the service's ledger answers again without applying it twice; a malformed answer (ServiceAnswerInvalid) applies
nothing and leaves the outbox as it was.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app import schema
from desktop_app.dossier_store import DossierStore
from desktop_app.sync import local
from desktop_app.sync import tables as t
from desktop_app.sync.context import Progress, SyncContext, SyncReport, crash_point, dumps, get_meta, set_meta
from desktop_app.sync.http import ServiceRefused, SyncOffline, read_answer
from dossier.sync_protocol import Entity, MutationOp, MutationResult, MutationStatus, PushResult, Record

_MUTATION_OVERHEAD = 400
_REFUSED = (MutationStatus.REJECTED, MutationStatus.FORBIDDEN)


def stream_id(store: DossierStore) -> str:
    """This dossier's push stream on this device (the service orders and deduplicates by it)."""
    with store.transaction() as conn:
        found = get_meta(conn, "stream_id")
        if found is None:
            found = str(uuid.uuid4())
            set_meta(conn, "stream_id", found)
        return found


def batch(ctx: SyncContext, rows: list[Any]) -> list[dict[str, Any]]:
    """Bounded by count and bytes: the server refuses bodies over its limit."""
    found: list[dict[str, Any]] = []
    size = 200
    for row in rows[: ctx.push_batch]:
        item = {
            "mutation_id": row.mutation_id,
            "client_seq": row.client_seq,
            "entity": row.entity,
            "entity_id": row.entity_id,
            "kind": row.kind,
            "op": row.op,
            "base_version": row.base_version,
            "changes": json.loads(row.changes) if isinstance(row.changes, str) else row.changes,
        }
        cost = len(dumps(item)) + _MUTATION_OVERHEAD // 4
        if found and size + cost > min(ctx.max_body * 0.8, 256 * 1024):
            break
        found.append(item)
        size += cost
    return found


def outbox_rows(ctx: SyncContext, store: DossierStore, *, from_seq: int | None = None) -> list[Any]:
    query = select(schema.outbox).order_by(schema.outbox.c.client_seq).limit(ctx.push_batch)
    if from_seq is None:
        query = query.where(schema.outbox.c.state == "pending")
    else:
        query = query.where(schema.outbox.c.client_seq >= from_seq)
    with store.reading() as conn:
        return list(conn.execute(query))


def push_dossier(ctx: SyncContext, store: DossierStore, report: SyncReport) -> None:
    """Send every pending mutation of `store` and apply the results, batch after batch."""
    stream = stream_id(store)
    total = store.outbox.count_pending()
    done = 0
    shrinks = 0
    resend_from: int | None = None
    while True:
        rows = outbox_rows(ctx, store, from_seq=resend_from)
        resend_from = None
        if not rows:
            return
        sent = batch(ctx, rows)
        crash_point("push.before_send")
        try:
            response = ctx.http.request(
                "POST",
                "/v1/sync/push",
                json={
                    "client_id": ctx.client_id,
                    "stream_id": stream,
                    "dossier_id": store.dossier_id,
                    "mutations": sent,
                },
                accept=frozenset({409, 413}),
            )
        except SyncOffline:
            # A middlebox may drop large bodies without an answer: try smaller batches a few times first.
            shrinks += 1
            smaller = max(4096, ctx.max_body // 4)
            if shrinks > 4 or smaller == ctx.max_body:
                raise
            ctx.max_body = smaller
            if len(batch(ctx, rows)) == len(sent):
                raise  # the batch is already small: the service is simply unreachable
            continue
        if response.status_code == 413 and len(sent) > 1:
            ctx.max_body = max(4096, ctx.max_body // 2)
            continue
        if response.status_code in (409, 413):
            body = response.json()
            if body.get("code") == "client_seq_gap":
                resend_from = int(body["expected"])
                continue
            raise ServiceRefused(response.status_code, body)
        crash_point("push.response_received")
        results = read_answer(response, PushResult, "push").results
        with store.transaction() as conn:
            apply_results(store, conn, results)
            for result in results:
                report.count(result.status.value)
            crash_point("push.mid_apply")
        crash_point("push.after_local_commit")
        done += len(results)
        ctx.progress(Progress("push", done, max(total, done)))


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
            "conflict_id": str(r.conflict_id) if r.conflict_id else None,
        }
        for mid, r in known
    ]
    stmt = upsert(t.sync_results)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["mutation_id"],
            set_={c: stmt.excluded[c] for c in ("status", "reason", "message", "conflict_id")},
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


def refresh_rows(
    store: DossierStore, conn: Connection, touched: Mapping[str, str], latest: Mapping[str, Record]
) -> None:
    """Rows with no pending work are written straight from the server's record; others are re-materialised."""
    if not touched:
        return
    pending = local.pending_ids(conn)
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
