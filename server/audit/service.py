"""Appending to and verifying the HMAC-chained audit trail (key and checkpoints: server/audit/checkpoints.py)."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from server.audit.checkpoints import AuditKeyError, Checkpoint, chain_mac, read_checkpoints, secrets_of
from server.audit.models import AuditEvent, AuditHead
from server.db import new_id

GENESIS = "0" * 64
HEAD_ID = 1


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: their id and role, whom they act for, from which device."""

    actor_id: uuid.UUID | None
    role: str
    device_id: uuid.UUID | None = None
    on_behalf_of_id: uuid.UUID | None = None
    assisted_by: str | None = None  # the helper beside the person in an assisted session ("name|structure")


SYSTEM = Actor(None, "system")
ANONYMOUS = Actor(None, "anonymous")


def _uuid_text(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def row_hash(event: AuditEvent, key: bytes | None = None) -> str:
    """HMAC-SHA-256 with the audit key over a canonical JSON of the row's fields and the previous hash.

    Without a key: the plain SHA-256 of rows written before the chain was keyed (seq < AuditHead.keyed_from_seq)."""
    fields = {
        "seq": event.seq,
        "id": str(event.id),
        "at": event.at.isoformat(timespec="microseconds"),
        "actor_id": _uuid_text(event.actor_id),
        "actor_role": event.actor_role,
        "on_behalf_of_id": _uuid_text(event.on_behalf_of_id),
        "dossier_id": _uuid_text(event.dossier_id),
        "action": event.action,
        "device_id": _uuid_text(event.device_id),
        "prev_hash": event.prev_hash,
    }
    if event.assisted_by is not None:  # only when present, so rows written before the column keep their hash
        fields["assisted_by"] = event.assisted_by
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")
    if key is None:
        return hashlib.sha256(canonical).hexdigest()
    return chain_mac(key, canonical)


def ensure_head(session: Session) -> None:
    """Create the chain head row if this database has none yet (migrations also insert it)."""
    if session.get(AuditHead, HEAD_ID) is None:
        session.add(AuditHead(id=HEAD_ID, last_seq=0, last_hash=GENESIS, keyed_from_seq=1))
        session.flush()


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    at: datetime,
    dossier_id: uuid.UUID | None = None,
    event_id: uuid.UUID | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction; the head row's lock keeps concurrent appends in order.

    `event_id` names the row when the caller needs a reported event to be recorded only once (its unique id).
    """
    key = secrets_of(session).key
    locked = session.execute(
        update(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .values(last_seq=AuditHead.last_seq + 1)
        .returning(AuditHead.last_seq, AuditHead.last_hash)
    ).one_or_none()
    if locked is None:
        ensure_head(session)
        return record(session, actor=actor, action=action, at=at, dossier_id=dossier_id, event_id=event_id)
    seq, prev = locked
    event = AuditEvent(
        seq=seq,
        id=event_id or new_id(),
        at=at,
        actor_id=actor.actor_id,
        actor_role=actor.role,
        on_behalf_of_id=actor.on_behalf_of_id,
        dossier_id=dossier_id,
        action=action,
        device_id=actor.device_id,
        assisted_by=actor.assisted_by,
        prev_hash=prev,
        row_hash="",
    )
    event.row_hash = row_hash(event, key)
    session.add(event)
    session.execute(update(AuditHead).where(AuditHead.id == HEAD_ID).values(last_hash=event.row_hash))
    return event


@dataclass(frozen=True, slots=True)
class Entry:
    """One event to append with `record_many` (the arguments of `record`)."""

    actor: Actor
    action: str
    at: datetime
    dossier_id: uuid.UUID | None = None


def record_many(session: Session, entries: Sequence[Entry]) -> None:
    """Append events in the caller's transaction with three statements whatever their number: the head row moved on
    by all of them (its lock taken), every event in one multi-row insert, the head's last hash. The same rows and the
    same chain as `record` called for each in turn (the audit writer's batches: server/audit/writer.py)."""
    if not entries:
        return
    key = secrets_of(session).key
    conn = session.connection()  # Core statements on the tables: no ORM bulk machinery for a log of plain rows
    locked = conn.execute(_MOVE_HEAD, {"n": len(entries)}).one_or_none()
    if locked is None:
        ensure_head(session)
        record_many(session, entries)
        return
    last_seq, prev = locked
    rows = []
    for seq, entry in enumerate(entries, start=last_seq - len(entries) + 1):
        event = AuditEvent(
            seq=seq,
            id=new_id(),
            at=entry.at,
            actor_id=entry.actor.actor_id,
            actor_role=entry.actor.role,
            on_behalf_of_id=entry.actor.on_behalf_of_id,
            dossier_id=entry.dossier_id,
            action=entry.action,
            device_id=entry.actor.device_id,
            assisted_by=entry.actor.assisted_by,
            prev_hash=prev,
            row_hash="",
        )
        prev = row_hash(event, key)
        rows.append({column: getattr(event, column) for column in _EVENT_COLUMNS} | {"row_hash": prev})
    conn.execute(_INSERT_EVENTS, rows)
    conn.execute(_SET_HEAD_HASH, {"last_hash": prev})


_EVENT_COLUMNS = tuple(column.key for column in AuditEvent.__table__.columns if column.key != "row_hash")
_HEAD = cast(Table, AuditHead.__table__)
_MOVE_HEAD = (
    update(_HEAD)
    .where(_HEAD.c.id == HEAD_ID)
    .values(last_seq=_HEAD.c.last_seq + bindparam("n"))
    .returning(_HEAD.c.last_seq, _HEAD.c.last_hash)
)
_INSERT_EVENTS = insert(cast(Table, AuditEvent.__table__))
_SET_HEAD_HASH = update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(last_hash=bindparam("last_hash"))


def check_key(session: Session) -> None:
    """Refuse to start with an audit key other than the one the chain's newest row was written with.

    Every node of a cluster must hold the same key (docs/SCALING.md): a node that made up its own (a fresh data
    directory without the shared key file) would append rows no other node's `audit verify` accepts. One read of the
    newest row, at start; a chain without keyed rows accepts any key."""
    head = session.get(AuditHead, HEAD_ID)
    last = (
        session.scalars(select(AuditEvent).where(AuditEvent.seq == head.last_seq)).first()
        if head is not None and head.last_seq >= head.keyed_from_seq
        else None
    )
    session.rollback()  # only reads: end the transaction
    if last is not None and row_hash(last, secrets_of(session).key) != last.row_hash:
        raise AuditKeyError(
            "Cette clé d'audit n'est pas celle du journal : chaque nœud du service doit avoir la même "
            "(CARNET_SERVER_AUDIT_KEY_FILE ou CARNET_SERVER_AUDIT_KEY). "
            "(This audit key is not the trail's: every node of the service needs the same one.)"
        )


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """Outcome of `audit verify`: ok, or the first bad sequence number and why."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None


def verify(session: Session, *, batch: int = 5000) -> VerifyReport:
    """Walk the chain in order; report the first modified, inserted or deleted row, then check the checkpoints
    kept outside the database (signed heads): a rewritten head or deleted last rows are caught there."""
    audit = secrets_of(session)
    head = session.get(AuditHead, HEAD_ID)
    keyed_from = head.keyed_from_seq if head is not None else 1
    saved = read_checkpoints(audit.checkpoints, audit.key)
    if saved.bad_line is not None:
        return VerifyReport(False, 0, None, f"checkpoint file altered (line {saved.bad_line})")
    at_seq: dict[int, Checkpoint] = {point.seq: point for point in saved.points}
    for point in saved.points:
        if point.keyed_from != keyed_from:
            return VerifyReport(False, 0, point.keyed_from, "keyed-chain start moved (head rewritten)")
    expected_seq, prev = 1, GENESIS
    checked = 0
    last_seen = 0
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > last_seen).order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            break
        for event in rows:
            if event.seq != expected_seq:
                return VerifyReport(False, checked, expected_seq, "missing row (deleted)")
            if event.prev_hash != prev:
                return VerifyReport(False, checked, event.seq, "chain broken (previous row changed or removed)")
            if row_hash(event, audit.key if event.seq >= keyed_from else None) != event.row_hash:
                return VerifyReport(False, checked, event.seq, "row modified")
            signed = at_seq.get(event.seq)
            if signed is not None and signed.head != event.row_hash:
                return VerifyReport(False, checked, event.seq, "row differs from a signed checkpoint")
            prev, expected_seq, last_seen = event.row_hash, expected_seq + 1, event.seq
            checked += 1
    if head is not None and (head.last_seq != last_seen or head.last_hash != prev):
        return VerifyReport(False, checked, last_seen + 1, "missing row at the end (deleted)")
    if not saved.exists and last_seen > 0:
        return VerifyReport(False, checked, None, "checkpoint file missing")
    beyond = [point.seq for point in saved.points if point.seq > last_seen]
    if beyond:
        return VerifyReport(False, checked, last_seen + 1, f"rows deleted after a signed checkpoint (n° {max(beyond)})")
    return VerifyReport(True, checked)


MINOR_SECRET_PUSH = "sync.push.minor_secret"  # noqa: S105 - an audit action: a push of a minor's secret care only


def dossier_events(
    session: Session,
    dossier_id: uuid.UUID,
    *,
    roles: Collection[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int,
    offset: int = 0,
    hidden_actions: Collection[str] = (),
) -> list[AuditEvent]:
    """A dossier's events, newest first, optionally by actor role and time range (``until`` excluded), without
    ``hidden_actions`` (what the reader may not learn, e.g. a minor's secret care for their parents)."""
    query = select(AuditEvent).where(AuditEvent.dossier_id == dossier_id)
    if hidden_actions:
        query = query.where(AuditEvent.action.not_in(list(hidden_actions)))
    if roles:
        query = query.where(AuditEvent.actor_role.in_(list(roles)))
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    return list(session.scalars(query.order_by(AuditEvent.seq.desc()).limit(limit).offset(offset)))
