"""Conflicts: the ones the service recorded (they arrive with pull pages), and a person's decision on each.

The service keeps its own value when two devices changed the same field differently and records a conflict; every
device of the dossier pulls it (`store`, in the page's transaction). A person resolves it (`resolve`): keep mine,
keep theirs, or chosen field values. The decision is an outbox mutation like any edit, sent at the next push.

Guarantees: a decision is queued and the conflict marked resolved in one transaction; if the service refuses the
decision, push marks the conflict open again (nothing is silently dropped); listeners hear the open conflicts after
the page that brought new ones has committed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app.dossier_store import Intent
from desktop_app.errors import NotFound
from desktop_app.sync import tables as t
from desktop_app.sync.context import ConflictView, SyncContext, dumps
from dossier.sync_protocol import ConflictItem, Entity, MutationOp


def open_conflicts(ctx: SyncContext) -> list[ConflictView]:
    """Every conflict not yet resolved, in every dossier held."""
    found = []
    for dossier_id in ctx.profile.dossier_ids():
        store = ctx.profile.dossier(dossier_id)
        with store.reading() as conn:
            for row in conn.execute(select(t.sync_conflicts).where(t.sync_conflicts.c.resolved == 0)):
                found.append(
                    ConflictView(
                        row.id,
                        dossier_id,
                        row.entity,
                        row.entity_id,
                        row.kind,
                        row.record_conflict,
                        json.loads(row.fields),
                        row.created_at,
                    )
                )
    return found


def store(conn: Connection, items: Sequence[ConflictItem]) -> int:
    """Record the conflicts a page brought (new or updated); how many are new and still open."""
    new = 0
    for c in items:
        conflict_id = str(c.id)
        values = {
            "entity": c.entity.value,
            "entity_id": str(c.entity_id),
            "kind": c.kind,
            "record_conflict": c.record_conflict,
            "fields": dumps(c.fields),
            "author_kind": c.author_kind,
            "created_at": c.created_at,
            "resolved": int(c.resolved),
            "resolution": c.resolution,
        }
        known = conn.execute(select(t.sync_conflicts.c.id).where(t.sync_conflicts.c.id == conflict_id)).first()
        if known is None and not c.resolved:
            new += 1
        conn.execute(
            upsert(t.sync_conflicts)
            .values(id=conflict_id, **values)
            .on_conflict_do_update(index_elements=["id"], set_=values)
        )
    return new


def tell(ctx: SyncContext) -> None:
    """Tell the conflict listeners which conflicts are open now."""
    views = open_conflicts(ctx)
    for listener in ctx.listeners.conflicts:
        listener(views)


def resolve(
    ctx: SyncContext, conflict_id: str, *, keep: str | None = None, fields: Mapping[str, Any] | None = None
) -> None:
    """Queue a person's decision (sent at the next sync): keep mine, theirs, or chosen field values."""
    if (keep is None) == (not fields):
        raise ValueError("choose exactly one of keep= or fields=")
    view = next((c for c in open_conflicts(ctx) if c.id == conflict_id), None)
    if view is None:
        raise NotFound()
    if keep not in (None, "mine", "theirs"):
        raise ValueError("keep must be 'mine' or 'theirs'")
    changes: dict[str, list[Any]] = {"__keep__": [None, keep or "fields"]}
    for name, value in (fields or {}).items():
        server = view.fields.get(name, {}).get("server") if isinstance(view.fields.get(name), dict) else None
        changes[name] = [server, value]
    dossier = ctx.profile.dossier(view.dossier_id)
    with dossier._write() as write:  # a local change like any other: it schedules a push
        write.queue(Intent(Entity.CONFLICT, conflict_id, view.kind, MutationOp.RESOLVE, 0, changes))
        write.conn.execute(
            update(t.sync_conflicts)
            .where(t.sync_conflicts.c.id == conflict_id)
            .values(resolved=1, resolution=keep or "fields")
        )
