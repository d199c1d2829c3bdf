"""Push and pull of Dossier Sync v1: per-dossier sequence under the row lock, ledger, merge, conflicts, pages.

Every read or write of a dossier asks the access policy (`dossier.access.decide`). Every change of a dossier takes
`last_seq + 1` while holding the dossier's head row lock (`SELECT … FOR UPDATE` on PostgreSQL; on SQLite the first
statement is a write, so the transaction holds the database's single writer lock from the start), so the sequence
order is the commit order and a cursor can never pass a row that commits later.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    CompoundSelect,
    Date,
    Engine,
    Integer,
    String,
    Uuid,
    bindparam,
    cast,
    column,
    false,
    insert,
    null,
    select,
    true,
    union,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from dossier import access
from dossier import documents as doc_rules
from dossier import entries as entry_rules
from dossier.errors import DossierValidationError
from dossier.merge import MergeResult, Outcome, ServerRecord, merge
from dossier.sync_protocol import CORRESPONDENCE, DocumentBody, Entity, MutationOp, MutationStatus
from server.access import service as access_service
from server.accounts.dependencies import Principal
from server.accounts.models import Account, PrincipalKind, Professional
from server.audit.service import MINOR_SECRET_PUSH
from server.audit.service import Actor as AuditActor
from server.audit.service import record as audit
from server.audit.writer import Pending as PendingAudit
from server.audit.writer import Row as AuditRow
from server.audit.writer import writer_for as audit_writer_for
from server.db import UTCDateTime
from server.dossiers.models import Dossier, SpaceStatus
from server.errors import ProblemError
from server.sync import correspondence
from server.sync.dossier_view import record_target
from server.sync.models import SyncConflict, SyncHead, SyncLedger, SyncRecord, SyncStream
from server.sync.schemas import (
    MAX_PAGE,
    ConflictOut,
    DossierPage,
    MutationIn,
    MutationResult,
    PullIn,
    PushIn,
    RecordOut,
)

PROTOCOL_HEADER = "Carnet-Sync-Protocol"
PROTOCOL_MIN = 1
PROTOCOL_MAX = 1
ZERO_DIGEST = "0" * 64


@dataclass(frozen=True, slots=True)
class SyncSettings:
    """Server-defined sync parameters (tests shorten them; `app.state.sync_settings` overrides the defaults)."""

    lease_seconds: int = 72 * 3600
    grace_seconds: int = 14 * 24 * 3600
    # Document chunks: each streams to disk as it arrives, so a large one costs no memory; a cut costs at most one.
    chunk_size: int = 8 * 1024 * 1024
    chunk_idle_seconds: float = 60.0  # a chunk whose bytes stop coming for this long is dropped (408)


class SeqGap(ProblemError):
    """A mutation's client_seq is not the next one the server expects: nothing of the batch was applied."""

    def __init__(self, expected: int) -> None:
        super().__init__(
            409,
            "client_seq_gap",
            f"Des modifications manquent avant celles-ci : renvoyez à partir du numéro {expected}.",
            f"Changes are missing before these: resend from number {expected}.",
        )
        self.expected = expected


# -- who is asking ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Caller:
    """The principal as the access policy sees it, for one dossier (server/access decides the role)."""

    principal: Principal
    actor: access.Actor
    own_dossier_id: uuid.UUID | None
    author_kind: str
    rpps: str | None = None


def caller_for(
    session: Session, principal: Principal, dossier_id: uuid.UUID | None = None, now: datetime | None = None
) -> Caller:
    """Holder, legal representative, aidant, heir, professional (with a live emergency claim) or nobody."""
    # Loaded first and held: caller_actor then finds the row in the session's identity map (one read, not two).
    if principal.kind == PrincipalKind.PATIENT:
        account = session.get(Account, principal.id)
        actor = access_service.caller_actor(session, principal, dossier_id=dossier_id, now=now)
        return Caller(principal, actor, account.dossier_id if account else None, "patient")
    pro = session.get(Professional, principal.id)
    actor = access_service.caller_actor(session, principal, dossier_id=dossier_id, now=now)
    return Caller(principal, actor, None, "professional", rpps=pro.rpps if pro else None)


def _audit_actor(session: Session, caller: Caller, dossier_id: uuid.UUID) -> AuditActor:
    """Who acted, in the audit trail: an aidant's or representative's row names the patient they acted for."""
    return access_service.audit_actor_of(session, caller.principal, caller.actor, dossier_id)


def access_context(session: Session, dossier_id: uuid.UUID, now: datetime) -> access.Context:
    return access_service.load_access_context(session, dossier_id, now)


def _decide(caller: Caller, action: access.Action, target: access.Target, context: access.Context) -> access.Decision:
    return access.decide(caller.actor, action, target, context, matrix=access_service.matrix())


def may_open(session: Session, caller: Caller, dossier_id: uuid.UUID, context: access.Context) -> bool:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None or dossier.status != SpaceStatus.ACTIVE:
        return False
    if isinstance(caller.actor, access.Holder):
        return caller.own_dossier_id == dossier_id
    target = access.SectionTarget(access.Section.DOSSIER)
    return _decide(caller, access.Action.READ, target, context).allowed


@dataclass(frozen=True, slots=True)
class Reach:
    """One dossier as a pull sees it, from one query: its status, whose it is, its head."""

    status: SpaceStatus
    own: bool  # the calling patient's own space (they hold it)
    candidate: bool  # one this principal might sync (`access_service.sync_candidates`)
    head: tuple[int, int, str]  # last_seq, epoch, digest
    next_release: date | None = None  # the first day a held-back document of it is released (`release.py`)


@cache
def _reach_statement(kind: PrincipalKind) -> Any:
    """`reach`'s statement for one kind of principal, built once (its values are bound parameters)."""
    parts = access_service.sync_candidates(kind)
    candidates = union(*parts)
    # Every dossier the answer is about, as one union: both backends then look dossiers up by primary key
    # (`held OR candidate` as two IN terms made PostgreSQL scan the whole table).
    wanted: CompoundSelect[uuid.UUID] = union(
        select(Dossier.id).where(Dossier.id.in_(bindparam("held", expanding=True))), *parts
    )
    own = (
        Dossier.id.in_(select(Account.dossier_id).where(Account.id == bindparam("me")))
        if kind == PrincipalKind.PATIENT
        else false()
    )
    return (
        select(
            Dossier.id,
            Dossier.status,
            own.label("own"),
            Dossier.id.in_(candidates).label("candidate"),
            SyncHead.last_seq,
            SyncHead.epoch,
            SyncHead.digest,
            SyncHead.next_release,
        )
        .outerjoin(SyncHead, SyncHead.dossier_id == Dossier.id)
        .where(Dossier.id.in_(wanted))
    )


def reach(session: Session, principal: Principal, held: list[uuid.UUID], now: datetime) -> dict[uuid.UUID, Reach]:
    """The dossiers a device holds and every dossier the principal might sync, with their heads: one statement.

    Read on every request, nothing kept: the policy then decides each dossier on what this read found (S34). A
    Core read on the session's connection: plain rows, no ORM machinery.
    """
    params = {**access_service.sync_candidate_params(principal, now), "held": held}
    rows = session.connection().execute(_reach_statement(principal.kind), params)
    return {
        d: Reach(
            status, bool(is_own), bool(cand), (0, 1, ZERO_DIGEST) if seq is None else (seq, epoch, digest), release
        )
        for d, status, is_own, cand, seq, epoch, digest, release in rows
    }


class PullScope:
    """Who the caller is for each dossier of one pull, and the policy's context, each loaded at most once.

    Lives for one request only (S34: a revoked delegation or a withdrawn consent counts on the next request). The
    caller's own space needs neither: its holder may open it while it is active (`may_open`), and sees all of it.
    """

    def __init__(self, session: Session, principal: Principal, now: datetime, found: dict[uuid.UUID, Reach]) -> None:
        self.session, self.principal, self.now, self.found = session, principal, now, found
        others = [d for d, r in found.items() if not r.own and r.status == SpaceStatus.ACTIVE]
        # Every context this request may need, in one batch; the caller's account or registry row, held so that
        # each caller_for below reads it from the session instead of the database.
        self.contexts = access_service.load_access_contexts(session, others, now) if others else {}
        self._anchor = (
            session.get(Account if principal.kind == PrincipalKind.PATIENT else Professional, principal.id)
            if others
            else None
        )
        self._callers: dict[uuid.UUID, Caller] = {}
        self._messaging: dict[uuid.UUID, access.Context] = {}  # contexts with the aidants allowed to read messages

    def caller(self, dossier_id: uuid.UUID) -> Caller:
        caller = self._callers.get(dossier_id)
        if caller is None:
            if self.found[dossier_id].own:
                holder = access.Holder(access.PersonId(str(self.principal.id)))
                caller = Caller(self.principal, holder, dossier_id, "patient")
            else:
                caller = caller_for(self.session, self.principal, dossier_id, self.now)
            self._callers[dossier_id] = caller
        return caller

    def opened(self, dossier_id: uuid.UUID) -> Caller | None:
        """The caller, when they may open this dossier now (`may_open`'s rule); None otherwise."""
        found = self.found.get(dossier_id)
        if found is None or found.status != SpaceStatus.ACTIVE:
            return None
        caller = self.caller(dossier_id)
        if isinstance(caller.actor, access.Holder):
            return caller if caller.own_dossier_id == dossier_id else None
        target = access.SectionTarget(access.Section.DOSSIER)
        return caller if _decide(caller, access.Action.READ, target, self.contexts[dossier_id]).allowed else None

    def may_read(self, caller: Caller, dossier_id: uuid.UUID, rec: Any) -> bool:
        if isinstance(caller.actor, access.Holder) and not held_back(rec, self.now):
            return True
        context = self.contexts.get(dossier_id)
        if context is None:  # the holder's own space, for a document held back from them: the policy says so
            context = self.contexts[dossier_id] = access_context(self.session, dossier_id, self.now)
        if rec.entity in CORRESPONDENCE:
            context = self._correspondence_context(dossier_id, context)
        return may_read_record(self.session, caller, rec, context)

    def _correspondence_context(self, dossier_id: uuid.UUID, context: access.Context) -> access.Context:
        """The context with the aidants the patient lets read their messages (read once, when a message comes)."""
        found = self._messaging.get(dossier_id)
        if found is None:
            found = correspondence.with_messaging_aidants(self.session, context, dossier_id)
            self._messaging[dossier_id] = found
        return found

    def available(self, held: set[uuid.UUID]) -> list[uuid.UUID]:
        """Dossiers the caller may sync and does not hold yet, their own space first."""
        ids = [d for d, r in sorted(self.found.items(), key=lambda i: not i[1].own) if r.candidate and d not in held]
        return [d for d in ids if self.opened(d) is not None]


def visible_dossiers(session: Session, principal: Principal, now: datetime) -> list[uuid.UUID]:
    """Every dossier this principal may sync now (server/access lists the candidates, the policy decides)."""
    return PullScope(session, principal, now, reach(session, principal, [], now)).available(set())


def _target(
    entity: str, kind: str, author_kind: str, author_rpps: str, values: dict[str, Any], added_at: datetime
) -> access.Target:
    author = access.Author(doc_rules.AuthorKind(author_kind), id=author_rpps)
    if entity == Entity.DOCUMENT:
        conf = values.get("confidentiality") or {}
        return access.DocumentTarget(
            category=access.DocumentCategory(kind),
            author=author,
            added_at=added_at,
            confidentiality=doc_rules.Confidentiality.model_validate(conf),
        )
    return access.EntryTarget(
        kind=access.EntryKind(kind),
        author=author,
        secret_from_legal_representatives=values.get("secret_from_legal_representatives") is True,
    )


def _record_target(rec: Any, values: dict[str, Any], session: Session) -> access.Target:
    rpps = ""
    if rec.author_kind == "professional" and rec.author_id is not None:
        pro = session.get(Professional, rec.author_id)
        rpps = pro.rpps if pro else ""
    return record_target(rec, values, rpps)


def held_back(rec: Any, now: datetime) -> bool:
    """A document waiting for the day the patient may see it (the policy then decides who reads it meanwhile)."""
    visible_from: date | None = getattr(rec, "visible_from", None)
    return visible_from is not None and now.date() < visible_from


def may_read_record(session: Session, caller: Caller, rec: Any, context: access.Context) -> bool:
    if isinstance(caller.actor, access.Holder) and not held_back(rec, context.now):
        return True
    try:
        target = _record_target(rec, json.loads(rec.values_json), session)
    except (ValueError, TypeError, DossierValidationError):
        return False
    return _decide(caller, access.Action.READ, target, context).allowed


# -- the head: sequence, epoch, digest ----------------------------------------------------------------------------


def lock_head(session: Session, dossier_id: uuid.UUID) -> SyncHead:
    """Take the dossier's row lock for the rest of the transaction (creating the head row on first use)."""
    dialect = session.get_bind().dialect.name
    values = {"dossier_id": dossier_id, "last_seq": 0, "epoch": 1, "digest": ZERO_DIGEST}
    if dialect == "postgresql":
        session.execute(pg_insert(SyncHead).values(**values).on_conflict_do_nothing())
        head = session.scalars(
            select(SyncHead)
            .where(SyncHead.dossier_id == dossier_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        return head
    # SQLite: a write as the first statement takes the single writer lock at once (BEGIN IMMEDIATE semantics),
    # so no other transaction can read last_seq until this one commits.
    session.execute(sqlite_insert(SyncHead).values(**values).on_conflict_do_nothing())
    session.execute(update(SyncHead).where(SyncHead.dossier_id == dossier_id).values(last_seq=SyncHead.last_seq))
    return session.scalars(
        select(SyncHead).where(SyncHead.dossier_id == dossier_id).execution_options(populate_existing=True)
    ).one()


def fingerprint(entity_id: uuid.UUID | str, version: int, deleted: bool) -> int:
    """One record's contribution to the dossier digest (XOR of all fingerprints: updated in O(1) per change)."""
    raw = hashlib.sha256(f"{entity_id}:{version}:{int(deleted)}".encode()).digest()
    return int.from_bytes(raw, "big")


def digest_hex(value: int) -> str:
    return f"{value:064x}"


_BATCH_RECORDS = "carnet.sync.batch_records"  # session.info: the records a push batch touches, read in one SELECT


def _record(session: Session, dossier_id: uuid.UUID, entity_id: uuid.UUID) -> SyncRecord | None:
    """A dossier's record, from the batch's look-up when the batch named it (no query per mutation)."""
    batch: dict[uuid.UUID, SyncRecord | None] | None = session.info.get(_BATCH_RECORDS)
    if batch is not None and entity_id in batch:
        return batch[entity_id]
    return session.get(SyncRecord, (dossier_id, entity_id))


@contextmanager
def _batch_records(session: Session, dossier_id: uuid.UUID, mutations: list[MutationIn]) -> Iterator[None]:
    """Look up every record the batch names with one SELECT … IN, and apply it without autoflush.

    Applying a mutation reads no row that an earlier mutation of the batch could have changed in the database but
    not in the session: records come from this look-up (records created by the batch are added to it), the head
    and the stream are held by the caller. The unit of work writes everything at the commit, in a few statements.
    """
    ids = {m.entity_id for m in mutations if m.entity is not Entity.CONFLICT}
    batch: dict[uuid.UUID, SyncRecord | None] = dict.fromkeys(ids)
    if ids:
        query = select(SyncRecord).where(SyncRecord.dossier_id == dossier_id, SyncRecord.entity_id.in_(ids))
        batch.update((rec.entity_id, rec) for rec in session.scalars(query))
    session.info[_BATCH_RECORDS] = batch
    try:
        with session.no_autoflush:
            yield
    finally:
        session.info.pop(_BATCH_RECORDS, None)


def remember_record(session: Session, rec: SyncRecord) -> None:
    """A record written outside `_store_record` (a message), seen by the rest of its push batch (`_record`)."""
    batch = session.info.get(_BATCH_RECORDS)
    if batch is not None:
        batch[rec.entity_id] = rec


EntityHandler = Callable[[Session, SyncHead, Caller, MutationIn, access.Context], MutationResult]
"""Applies a mutation of an entity another domain owns (the messagerie's), under the head this push holds."""
_ENTITY_HANDLERS: dict[Entity, EntityHandler] = {}
SERVICE_CONTEXT = "carnet.service_context"
"""`session.info` key of the service context during a push (a handler that sends mail needs it)."""


def register_entity(entity: Entity, handler: EntityHandler) -> None:
    """Route mutations of `entity` to `handler` (a domain above sync registers itself: no import cycle)."""
    _ENTITY_HANDLERS[entity] = handler


def _next_seq(head: SyncHead) -> int:
    head.last_seq += 1
    return head.last_seq


def _store_record(
    session: Session,
    head: SyncHead,
    rec: SyncRecord | None,
    *,
    m: MutationIn,
    caller: Caller,
    values: dict[str, Any],
    deleted: bool,
    now: datetime,
    stream_id: uuid.UUID | None,
) -> SyncRecord:
    digest = int(head.digest, 16)
    seq = _next_seq(head)
    if deleted:
        # The tombstone keeps the last values server-side only (pull never sends them), so that a person resolving
        # an edit-versus-delete conflict can restore the record whole.
        values = {**(json.loads(rec.values_json) if rec is not None else {}), **values}
    if rec is None:
        rec = SyncRecord(
            dossier_id=head.dossier_id,
            entity_id=m.entity_id,
            entity=m.entity,
            kind=m.kind,
            author_kind=caller.author_kind,
            author_id=caller.principal.id,
            created_at=now,
            version=0,
            deleted=False,
            values_json="{}",
            run_base=0,
            last_stream_id=stream_id,
        )
        session.add(rec)
        batch = session.info.get(_BATCH_RECORDS)
        if batch is not None:
            batch[rec.entity_id] = rec  # a later mutation of the same batch finds it without a flush
    else:
        digest ^= fingerprint(rec.entity_id, rec.version, rec.deleted)
        if rec.last_stream_id != stream_id or stream_id is None:
            rec.run_base, rec.last_stream_id = rec.version, stream_id
    rec.values_json = json.dumps(values, ensure_ascii=False, sort_keys=True)
    rec.deleted = deleted
    rec.version = seq
    rec.updated_at = now
    if rec.entity == Entity.DOCUMENT:
        sha = values.get("sha256")
        rec.blob_sha256 = sha if isinstance(sha, str) else rec.blob_sha256
        rec.visible_from = None if deleted else pending_release(values, rec.created_at, now.date())
        if rec.visible_from is not None and (head.next_release is None or rec.visible_from < head.next_release):
            head.next_release = rec.visible_from
    head.digest = digest_hex(digest ^ fingerprint(rec.entity_id, seq, deleted))
    return rec


def pending_release(values: dict[str, Any], added_at: datetime, today: date) -> date | None:
    """The day a document is released to the patient (the policy's `visible_to_patient_from`), if still to come."""
    try:
        conf = doc_rules.Confidentiality.model_validate(values.get("confidentiality") or {})
    except (ValidationError, DossierValidationError):
        return None  # the policy cannot place it either: nobody but its author and professionals read it
    day = access.visible_to_patient_from(added_at, conf.hidden_from_patient_until)
    return day if day is not None and day > today else None


# -- push ---------------------------------------------------------------------------------------------------------


_RECORD_COLUMNS = (
    SyncRecord.entity,
    SyncRecord.entity_id,
    SyncRecord.kind,
    SyncRecord.values_json,
    SyncRecord.deleted,
    SyncRecord.version,
    SyncRecord.author_kind,
    SyncRecord.author_id,
    SyncRecord.created_at,
)


def record_out(rec: Any) -> RecordOut:
    """A record for the wire (an ORM object or a row with the same column names).

    Built without validation: every field comes from our own typed columns (a bootstrap page holds thousands).
    """
    return RecordOut.model_construct(
        type="record",
        entity=rec.entity,
        entity_id=rec.entity_id,
        kind=rec.kind,
        values={} if rec.deleted else json.loads(rec.values_json),
        deleted=rec.deleted,
        version=rec.version,
        author_kind=rec.author_kind,
        created_at=rec.created_at.isoformat(),
    )


def conflict_out(conflict: Any) -> ConflictOut:
    """A conflict for the wire (an ORM object or a row with the same column names)."""
    return ConflictOut(
        id=conflict.id,
        entity=conflict.entity,
        entity_id=conflict.entity_id,
        kind=conflict.kind,
        record_conflict=conflict.record_conflict,
        fields=json.loads(conflict.fields_json),
        author_kind=conflict.author_kind,
        created_at=conflict.created_at.isoformat(),
        resolved=conflict.resolved_at is not None,
        resolution=conflict.resolution,
        seq=conflict.seq,
    )


def _rejected(m: MutationIn, reason: str, fr: str, en: str) -> MutationResult:
    return MutationResult(
        mutation_id=m.mutation_id,
        client_seq=m.client_seq,
        status=MutationStatus.REJECTED,
        reason=reason,
        message_fr=fr,
        message_en=en,
    )


def _validate(m: MutationIn, values: dict[str, Any], today: date) -> dict[str, Any]:
    """Server-side validation of the merged values (a client may be old, buggy or hostile)."""
    if m.entity is Entity.ENTRY:
        return entry_rules.validate_entry(m.kind, values, today=today)
    meta = doc_rules.validate_document_metadata(
        title=str(values.get("title") or ""),
        category=m.kind,
        document_date=values.get("document_date"),
        author_kind=str(values.get("author_kind") or "patient"),
        confidentiality=values.get("confidentiality"),
        today=today,
    )
    DocumentBody.model_validate(values)  # the upload and blob routes' rules: a record no route would serve is refused
    return {**values, **meta}


# One mutation goes through named steps: shape → (its record) → policy → merge → validate → store or conflict.
# Each step either hands the mutation on or answers it (rejected, forbidden); `_apply` only chains them.


@dataclass(frozen=True, slots=True)
class _Change:
    """A mutation bound to the record it is about, as the steps after `_shape` see it."""

    m: MutationIn
    rec: SyncRecord | None  # None: the server has no such record yet
    current: dict[str, Any]  # the record's values on the server
    wanted: dict[str, Any]  # those values with the client's changes


def _shape(m: MutationIn) -> MutationResult | None:
    """Refuse what no record could take: an op that is not merged (`resolve` names a conflict, not a record), masking
    an entry (only documents are masked), a change that is not a `[seen, wanted]` pair."""
    if m.op.merge_op is None or (m.entity is Entity.ENTRY and m.op is MutationOp.SET_CONFIDENTIALITY):
        return _rejected(m, "unknown_op", "Opération inconnue.", "Unknown operation.")
    if any(len(pair) != 2 for pair in m.changes.values()):
        return _rejected(m, "malformed_changes", "Modification mal formée.", "Malformed change.")
    return None


def _bind(m: MutationIn, rec: SyncRecord | None) -> _Change | MutationResult:
    """The mutation against the server's record; another entity or kind under the same id is refused (a delete is
    not: it removes whatever the id names)."""
    if rec is not None and (rec.entity != m.entity or rec.kind != m.kind) and m.op is not MutationOp.DELETE:
        fr, en = "Cet élément a un autre type sur le serveur.", "This item has another type on the service."
        return _rejected(m, "kind_mismatch", fr, en)
    current = json.loads(rec.values_json) if rec is not None else {}
    return _Change(m, rec, current, {**current, **{k: pair[1] for k, pair in m.changes.items()}})


def _action(change: _Change) -> access.Action:
    """What the access policy is asked: masking by the wanted confidentiality, adding when the record is new."""
    op = change.m.op
    if op is MutationOp.SET_CONFIDENTIALITY:
        masked = bool((change.wanted.get("confidentiality") or {}).get("masked_from_professionals"))
        return access.Action.MASK if masked else access.Action.UNMASK
    if change.rec is None or op is MutationOp.CREATE:
        return access.Action.ADD
    return access.Action.DELETE if op is MutationOp.DELETE else access.Action.EDIT


def _policy(
    session: Session, caller: Caller, change: _Change, context: access.Context
) -> MutationResult | access.Decision:
    """The access policy's decision on this change (the record's target as it would be after it): the refusal as
    the mutation's answer, or the decision that allowed it (whom to notify)."""
    m = change.m
    try:
        if change.rec is not None:
            target = _record_target(change.rec, change.wanted, session)
        else:
            target = _target(m.entity, m.kind, caller.author_kind, caller.rpps or "", change.wanted, context.now)
    except (ValueError, DossierValidationError):
        return _rejected(m, "unknown_kind", "Type d'élément ou de document inconnu.", "Unknown item or document type.")
    decision = _decide(caller, _action(change), target, context)
    if decision.allowed:
        return decision
    return MutationResult(
        mutation_id=m.mutation_id,
        client_seq=m.client_seq,
        status=MutationStatus.FORBIDDEN,
        reason=decision.reason.value,
        message_fr="Vous n'avez pas le droit de faire cette modification.",
        message_en="You are not allowed to make this change.",
    )


def _merge(change: _Change, stream_id: uuid.UUID) -> MergeResult:
    """Three-way merge of the client's changes with the server's record, from the version the client saw."""
    m, rec = change.m, change.rec
    server = ServerRecord(change.current, rec.version, rec.deleted) if rec is not None else None
    base = m.base_version
    if rec is not None and rec.last_stream_id == stream_id and base >= rec.run_base:
        base = rec.version  # every change since the client's base is its own earlier mutation
    op = m.op.merge_op
    assert op is not None  # `_shape` refused the ops that are not merged
    return merge(op, m.changes, base, server)


def _validated(m: MutationIn, result: MergeResult, today: date) -> dict[str, Any] | MutationResult:
    """The merged values, checked as a new record would be; a deletion or a no-op keeps them as they are."""
    if result.deleted or result.outcome is Outcome.NOOP:
        return dict(result.values)
    return _checked(m, dict(result.values), today)


def _checked(m: MutationIn, values: dict[str, Any], today: date) -> dict[str, Any] | MutationResult:
    """`_validate`, its refusal as the mutation's answer with a reason code."""
    try:
        return _validate(m, values, today)
    except DossierValidationError as exc:
        return _rejected(
            m,
            "validation_failed",
            "; ".join(i.message_fr for i in exc.issues),
            "; ".join(i.message_en for i in exc.issues),
        )
    except ValidationError as exc:  # the fields are named, never their values
        fields = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        return _rejected(
            m, "invalid_document", f"Document invalide (champs : {fields}).", f"Invalid document (fields: {fields})."
        )


_STATUS = {
    Outcome.APPLIED: MutationStatus.APPLIED,
    Outcome.MERGED: MutationStatus.MERGED,
    Outcome.CONFLICT: MutationStatus.CONFLICT,
    Outcome.NOOP: MutationStatus.APPLIED,  # already there: for the client, applied
}


def _store(
    session: Session,
    head: SyncHead,
    caller: Caller,
    change: _Change,
    result: MergeResult,
    values: dict[str, Any],
    *,
    now: datetime,
    stream_id: uuid.UUID,
) -> SyncRecord | None:
    """Write the record when the merge changed it (a new version in the dossier's sequence); the record after it."""
    rec = change.rec
    changed = rec is None or values != change.current or result.deleted != rec.deleted
    if result.outcome is Outcome.NOOP or not changed or (rec is None and result.deleted):
        return rec
    return _store_record(
        session,
        head,
        rec,
        m=change.m,
        caller=caller,
        values=values,
        deleted=result.deleted,
        now=now,
        stream_id=stream_id,
    )


def _record_conflict(
    session: Session, head: SyncHead, caller: Caller, m: MutationIn, result: MergeResult, now: datetime
) -> uuid.UUID:
    """Keep the server's value and record the conflict for a person to resolve; it takes a sequence number so that
    every device of the dossier pulls it."""
    conflict = SyncConflict(
        id=uuid.uuid4(),
        dossier_id=head.dossier_id,
        entity=m.entity,
        entity_id=m.entity_id,
        kind=m.kind,
        record_conflict=result.record_conflict,
        fields_json=json.dumps(
            {c.field: {"base": c.base, "server": c.server, "client": c.client} for c in result.conflicts}
            if result.record_conflict is None
            else {"client": {k: pair[1] for k, pair in m.changes.items()}, "op": m.op},
            ensure_ascii=False,
            sort_keys=True,
        ),
        mutation_id=m.mutation_id,
        author_kind=caller.author_kind,
        author_id=caller.principal.id,
        created_at=now,
        seq=_next_seq(head),
    )
    session.add(conflict)
    return conflict.id


def _apply(
    session: Session,
    head: SyncHead,
    caller: Caller,
    m: MutationIn,
    context: access.Context,
    stream_id: uuid.UUID,
    notices: list[access.Decision],
) -> MutationResult:
    """One mutation of a push: shape → its record → policy → merge → validate → store or conflict.

    A stored addition whose decision asks to notify (a professional's document or vaccination) joins `notices`."""
    if m.entity is Entity.CONFLICT:
        return _resolve(session, head, caller, m, context)
    if (handler := _ENTITY_HANDLERS.get(m.entity)) is not None:
        return handler(session, head, caller, m, context)
    if (refused := _shape(m)) is not None:
        return refused
    change = _bind(m, _record(session, head.dossier_id, m.entity_id))
    if isinstance(change, MutationResult):
        return change
    decision = _policy(session, caller, change, context)
    if isinstance(decision, MutationResult):
        return decision
    result = _merge(change, stream_id)
    values = _validated(m, result, context.now.date())
    if isinstance(values, MutationResult):
        return values
    rec = _store(session, head, caller, change, result, values, now=context.now, stream_id=stream_id)
    if decision.notify and change.rec is None and rec is not None:
        notices.append(decision)
    conflict_id = (
        _record_conflict(session, head, caller, m, result, context.now) if result.outcome is Outcome.CONFLICT else None
    )
    return MutationResult(
        mutation_id=m.mutation_id,
        client_seq=m.client_seq,
        status=_STATUS[result.outcome],
        version=rec.version if rec is not None else None,
        conflict_id=conflict_id,
        record=record_out(rec) if rec is not None else None,
    )


def _resolve(
    session: Session, head: SyncHead, caller: Caller, m: MutationIn, context: access.Context
) -> MutationResult:
    """A person chose: `{"__keep__": [null, "mine"|"theirs"|"fields"], field: [server value, chosen value]…}`."""
    conflict = session.scalars(
        select(SyncConflict).where(SyncConflict.dossier_id == head.dossier_id, SyncConflict.id == m.entity_id)
    ).first()
    if conflict is None:
        return _rejected(m, "unknown_conflict", "Ce conflit n'existe pas.", "This conflict does not exist.")
    rec = session.get(SyncRecord, (head.dossier_id, conflict.entity_id))
    if conflict.resolved_at is not None or rec is None:
        return MutationResult(
            mutation_id=m.mutation_id,
            client_seq=m.client_seq,
            status=MutationStatus.APPLIED,
            reason="already_resolved",
            record=record_out(rec) if rec is not None else None,
        )
    keep = str((m.changes.get("__keep__") or [None, "fields"])[1])
    if keep not in ("mine", "theirs", "fields"):
        return _rejected(m, "bad_resolution", "Choix de résolution inconnu.", "Unknown resolution choice.")
    current = json.loads(rec.values_json)
    try:
        target = _record_target(rec, current, session)
    except (ValueError, DossierValidationError):
        return _rejected(m, "unknown_kind", "Type d'élément ou de document inconnu.", "Unknown item or document type.")
    if not _decide(caller, access.Action.EDIT, target, context).allowed:
        return MutationResult(
            mutation_id=m.mutation_id, client_seq=m.client_seq, status=MutationStatus.FORBIDDEN, reason="cannot_resolve"
        )
    detail = json.loads(conflict.fields_json)
    fake = MutationIn(
        mutation_id=m.mutation_id,
        client_seq=m.client_seq,
        entity=Entity(rec.entity),
        entity_id=rec.entity_id,
        kind=rec.kind,
        op=MutationOp.UPDATE,
        base_version=rec.version,
        changes={},
    )
    deleted, values = rec.deleted, dict(current)
    if conflict.record_conflict is None:
        if keep == "mine":
            values.update({k: v["client"] for k, v in detail.items()})
        elif keep == "fields":
            values.update({k: pair[1] for k, pair in m.changes.items() if k != "__keep__"})
        values = {k: v for k, v in values.items() if v is not None}
    elif keep == "mine":
        if detail.get("op") == MutationOp.DELETE:
            deleted, values = True, {}
        else:
            deleted = False
            values = {**values, **detail.get("client", {})}
            values = {k: v for k, v in values.items() if v is not None}
    if not deleted and (values != current or deleted != rec.deleted):
        checked = _checked(fake, values, context.now.date())
        if isinstance(checked, MutationResult):
            return checked
        values = checked
    if values != current or deleted != rec.deleted:
        rec = _store_record(
            session, head, rec, m=fake, caller=caller, values=values, deleted=deleted, now=context.now, stream_id=None
        )
    conflict.resolved_at = context.now
    conflict.resolution = keep
    conflict.seq = _next_seq(head)
    return MutationResult(
        mutation_id=m.mutation_id,
        client_seq=m.client_seq,
        status=MutationStatus.APPLIED,
        version=rec.version,
        record=record_out(rec),
    )


Notify = Callable[[access.Decision, access.Context], None]
"""Delivers what an allowed change's decision asks to notify (the router's, with the service context)."""


def push(
    session: Session, caller: Caller, body: PushIn, *, now: datetime, notify: Notify | None = None
) -> list[MutationResult]:
    """Apply a batch in client_seq order, in one transaction with its ledger rows; duplicates get stored results.

    `notify` is called for the stored additions whose decision names someone to tell, once per kind of event in the
    batch (never for a resend)."""
    context = access_context(session, body.dossier_id, now)
    dossier = session.get(Dossier, body.dossier_id)
    if dossier is None:
        raise ProblemError(404, "dossier_not_found", "Dossier introuvable.", "Dossier not found.")
    head = lock_head(session, body.dossier_id)
    stream = session.get(SyncStream, body.stream_id, populate_existing=True)
    if stream is None:
        stream = SyncStream(
            stream_id=body.stream_id,
            client_id=body.client_id,
            device_id=caller.principal.device_id,
            dossier_id=body.dossier_id,
            last_client_seq=0,
        )
        session.add(stream)
    elif (stream.client_id, stream.device_id, stream.dossier_id) != (
        body.client_id,
        caller.principal.device_id,
        body.dossier_id,
    ):
        raise ProblemError(
            409,
            "stream_mismatch",
            "Cette file de modifications appartient à un autre appareil ou dossier.",
            "This change stream belongs to another device or dossier.",
        )
    ids = [m.mutation_id for m in body.mutations]
    stored = (
        {
            row.mutation_id: row
            for row in session.scalars(
                select(SyncLedger).where(
                    SyncLedger.dossier_id == body.dossier_id,  # the partition key (docs/SCALING.md)
                    SyncLedger.client_id == body.client_id,
                    SyncLedger.mutation_id.in_(ids),
                )
            )
        }
        if ids
        else {}
    )
    expected = stream.last_client_seq + 1
    for m in sorted((m for m in body.mutations if m.mutation_id not in stored), key=lambda m: m.client_seq):
        if m.client_seq != expected:
            raise SeqGap(expected)
        expected += 1
    open_ok = may_open(session, caller, body.dossier_id, context)
    results: list[MutationResult] = []
    notices: list[access.Decision] = []
    answered: set[uuid.UUID] = set()  # a mutation sent twice in one batch is applied once
    # A professional's batch that only carried a minor's secret care: its audit row says so, and the history the
    # minor's legal representatives read leaves it out (who wrote to the child's dossier would tell them).
    secret_only = caller.principal.kind == PrincipalKind.PROFESSIONAL
    ledger: list[dict[str, Any]] = []  # written in one multi-row INSERT: nothing reads them back in the batch
    with _batch_records(session, body.dossier_id, [m for m in body.mutations if m.mutation_id not in stored]):
        for m in sorted(body.mutations, key=lambda m: m.client_seq):
            if m.mutation_id in stored:
                previous = MutationResult.model_validate_json(stored[m.mutation_id].result_json)
                results.append(previous.model_copy(update={"duplicate": True}))
                continue
            if m.mutation_id in answered:
                continue
            answered.add(m.mutation_id)
            result = _apply(session, head, caller, m, context, body.stream_id, notices)
            secret_only = secret_only and _minor_secret(_record(session, body.dossier_id, m.entity_id))
            if result.record is not None and not open_ok:
                result = result.model_copy(update={"record": None})  # a sender without read access learns nothing
            ledger.append(
                {
                    "client_id": body.client_id,
                    "mutation_id": m.mutation_id,
                    "stream_id": body.stream_id,
                    "client_seq": m.client_seq,
                    "dossier_id": body.dossier_id,
                    "result_json": result.model_copy(update={"record": None}).model_dump_json(),
                    "at": now,
                }
            )
            stream.last_client_seq = m.client_seq
            results.append(result)
    if ledger:
        session.execute(insert(SyncLedger), ledger)
    if notify is not None:  # once per kind of event in a batch: ten documents sent together make one notice
        for decision in {d.notify: d for d in notices}.values():
            notify(decision, context)
    if body.mutations:
        audit(
            session,
            actor=_audit_actor(session, caller, body.dossier_id),
            action=MINOR_SECRET_PUSH if secret_only and answered else "sync.push",
            at=now,
            dossier_id=body.dossier_id,
        )
    return results


def _minor_secret(rec: SyncRecord | None) -> bool:
    """A stored record a minor's legal representatives may never see (a document or entry of secret care)."""
    if rec is None:
        return False
    try:
        values = json.loads(rec.values_json)
    except ValueError:
        return False
    conf = values.get("confidentiality") if rec.entity == "document" else None
    if isinstance(conf, dict):
        return conf.get("hidden_from_legal_representatives") is True
    return values.get("secret_from_legal_representatives") is True


# -- pull ---------------------------------------------------------------------------------------------------------


class ReleaseDue(Exception):
    """Held-back documents of these dossiers reached their day: release them (a write), then pull again."""

    def __init__(self, dossier_ids: list[uuid.UUID]) -> None:
        super().__init__(f"{len(dossier_ids)} dossier(s) to release")
        self.dossier_ids = dossier_ids


def _digest_without_held_back(session: Session, dossier_id: uuid.UUID, digest: str) -> str:
    """The head's digest less the documents the holder does not get yet, as their device computes its own."""
    rows = session.execute(
        select(SyncRecord.entity_id, SyncRecord.version, SyncRecord.deleted).where(
            SyncRecord.dossier_id == dossier_id, SyncRecord.visible_from.is_not(None)
        )
    )
    value = int(digest, 16)
    for entity_id, version, deleted in rows:
        value ^= fingerprint(entity_id, version, deleted)
    return digest_hex(value)


def encode_cursor(epoch: int, seq: int) -> str:
    raw = json.dumps({"e": epoch, "s": seq}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[int, int] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        return int(data["e"]), int(data["s"])
    except (binascii.Error, ValueError, KeyError, TypeError):
        return (-1, 0)  # unreadable: treated as a reset


def read_head(session: Session, dossier_id: uuid.UUID) -> tuple[int, int, str]:
    head = session.get(SyncHead, dossier_id, populate_existing=True)
    if head is None:
        return 0, 1, ZERO_DIGEST
    return head.last_seq, head.epoch, head.digest


@lru_cache(maxsize=1)
def _changes_statement() -> Any:
    """Records and conflicts of a dossier in (since, bound], in sequence order, as one statement built once.

    Plain rows, not ORM objects: a bootstrap page holds thousands of records and the identity map costs more than
    the query. A record row carries a record's attribute names (`record_out` reads it); a conflict row its own
    under the same columns (`values_json` is its fields, `version` its seq).
    """
    dossier: BindParameter[uuid.UUID] = bindparam("dossier")
    since: BindParameter[int] = bindparam("since")
    bound: BindParameter[int] = bindparam("bound")
    records = select(
        false().label("is_conflict"),
        *_RECORD_COLUMNS,
        cast(null(), Uuid()).label("id"),
        cast(null(), String(20)).label("record_conflict"),
        cast(null(), UTCDateTime()).label("resolved_at"),
        cast(null(), String(20)).label("resolution"),
        SyncRecord.visible_from,
    ).where(SyncRecord.dossier_id == dossier, SyncRecord.version > since, SyncRecord.version <= bound)
    conflicts = select(
        true(),
        SyncConflict.entity,
        SyncConflict.entity_id,
        SyncConflict.kind,
        SyncConflict.fields_json,
        false(),
        SyncConflict.seq,
        SyncConflict.author_kind,
        SyncConflict.author_id,
        SyncConflict.created_at,
        SyncConflict.id,
        SyncConflict.record_conflict,
        SyncConflict.resolved_at,
        SyncConflict.resolution,
        cast(null(), Date()),
    ).where(SyncConflict.dossier_id == dossier, SyncConflict.seq > since, SyncConflict.seq <= bound)
    return union_all(records, conflicts).order_by(column("version")).limit(bindparam("limit", type_=Integer()))


def _changes(session: Session, dossier_id: uuid.UUID, since: int, bound: int, limit: int) -> list[Any]:
    params = {"dossier": dossier_id, "since": since, "bound": bound, "limit": limit}
    return list(session.connection().execute(_changes_statement(), params))


def _conflict_row(row: Any) -> SimpleNamespace:
    return SimpleNamespace(**row._mapping, fields_json=row.values_json, seq=row.version)


@dataclass(frozen=True, slots=True)
class PullAnswer:
    pages: list[DossierPage]
    available: list[uuid.UUID]  # dossiers the caller may sync but does not hold yet
    audit: PendingAudit | None  # rows to see committed before the answer is sent (see `pull`)


def pull(session: Session, principal: Principal, body: PullIn, *, now: datetime, settings: SyncSettings) -> PullAnswer:
    """A page per held dossier, and the dossiers the caller may sync but does not hold yet.

    The same rule as every other route, evaluated on this request's reads (S34): `reach` (one statement for every
    dossier), the contexts of dossiers the caller does not hold in one batch (`PullScope`), then one statement per
    dossier that has changes.

    The audit rows of the dossiers that returned items come back as `PullAnswer.audit`, with the process's audit
    writer that commits them (one transaction for the rows of many concurrent pulls, server/audit/writer.py): the
    caller sends the answer only once they are committed, so a crash loses no row of an answered pull, and waits for
    that on the event loop, which frees the pull's thread (server/sync/router.py). A session bound to a single
    connection (no engine for a writer) records them in its own transaction instead.
    """
    pages: list[DossierPage] = []
    budget = min(body.limit, MAX_PAGE)  # a client asking for more gets pages of the service's size
    lease = settings.lease_seconds if principal.kind == PrincipalKind.PROFESSIONAL else None
    grace = settings.grace_seconds if lease is not None else None
    found = reach(session, principal, list(body.dossiers), now)
    # Held-back documents: released first when their day came (`ReleaseDue`: the route writes, then pulls again);
    # until then the holder's digest leaves them out.
    due = {d: day for d in body.dossiers if d in found and (day := found[d].next_release) is not None}
    if ripe := [d for d, day in due.items() if day <= now.date()]:
        raise ReleaseDue(ripe)
    scope = PullScope(session, principal, now, found)
    served: list[tuple[Caller, uuid.UUID]] = []
    for dossier_id, cursor in body.dossiers.items():
        caller = scope.opened(dossier_id)
        if caller is None:
            pages.append(DossierPage(dossier_id=dossier_id, state="revoked"))
            continue
        bound, epoch, digest = scope.found[dossier_id].head
        decoded = decode_cursor(cursor)
        state = "ok"
        since = 0
        if decoded is not None:
            if decoded[0] != epoch or decoded[1] > bound:
                state = "reset"
            else:
                since = decoded[1]
        if budget <= 0:
            pages.append(
                DossierPage(
                    dossier_id=dossier_id,
                    state=state,  # type: ignore[arg-type]
                    cursor=cursor if state == "ok" else encode_cursor(epoch, 0),
                    more=True,
                    lease_seconds=lease,
                    grace_seconds=grace,
                )
            )
            continue
        # Nothing after `since` up to `bound`: no query (the no-op pull every client repeats all day).
        merged = _changes(session, dossier_id, since, bound, budget + 1) if since < bound else []
        more = len(merged) > budget
        taken = merged[:budget]
        items: list[RecordOut | ConflictOut] = []
        for item in taken:
            if not item.is_conflict:
                if scope.may_read(caller, dossier_id, item):
                    items.append(record_out(item))
            elif isinstance(caller.actor, access.Holder) or caller.principal.id == item.author_id:
                items.append(conflict_out(_conflict_row(item)))
        # Without more rows, everything up to `bound` was scanned: the cursor may move there (past holes and rows
        # this caller may not see). With more, it stops at the last row actually taken.
        last = taken[-1].version if more else bound
        budget -= len(taken)
        full_view = isinstance(caller.actor, access.Holder)
        if full_view and not more and dossier_id in due:
            digest = _digest_without_held_back(session, dossier_id, digest)
        pages.append(
            DossierPage(
                dossier_id=dossier_id,
                state=state,  # type: ignore[arg-type]
                items=items,
                cursor=encode_cursor(epoch, last),
                more=more,
                digest=digest if full_view and not more else None,
                lease_seconds=lease,
                grace_seconds=grace,
            )
        )
        if items:
            served.append((caller, dossier_id))
    available = scope.available(set(body.dossiers))
    rows = [AuditRow(_audit_actor(session, caller, d), "sync.pull", now, d) for caller, d in served]
    bind = session.get_bind()
    if rows and isinstance(bind, Engine):
        return PullAnswer(pages, available, PendingAudit(audit_writer_for(bind, session.info), rows))
    for row in rows:
        audit(session, actor=row.actor, action=row.action, at=row.at, dossier_id=row.dossier_id)
    return PullAnswer(pages, available, None)


# -- server-side operations --------------------------------------------------------------------------------------


def reset_dossier(session: Session, dossier_id: uuid.UUID) -> None:
    """After a restore from backup: every client re-downloads the dossier (keeping its unsent changes)."""
    head = lock_head(session, dossier_id)
    head.epoch += 1
