"""Registering professionals, their enrolment, and the dossiers they opened offline from a workstation's cache."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dossier import access
from dossier.errors import DossierValidationError
from dossier.identifiers import generate_activation_code, normalize_activation_code, normalize_rpps
from dossier.passwords import check_password
from server.access import service as access_service
from server.accounts import throttle
from server.accounts.dependencies import Principal
from server.accounts.models import Professional
from server.audit.models import AuditEvent
from server.audit.service import ANONYMOUS, SYSTEM, Actor, record
from server.context import ServiceContext
from server.errors import ProblemError, from_validation
from server.mail import templates
from server.security import same_hash, sha256_hex


@dataclass(frozen=True, slots=True)
class NewProfessional:
    rpps: str
    profession: str
    last_name: str
    first_names: str
    email: str
    town: str | None = None


def add_professional(session: Session, ctx: ServiceContext, new: NewProfessional) -> tuple[Professional, bool]:
    """Register (idempotent on RPPS) and mail an enrolment code. Returns (professional, created)."""
    rpps = normalize_rpps(new.rpps)
    existing = session.scalars(select(Professional).where(Professional.rpps == rpps)).first()
    if existing is not None:
        return existing, False
    code = generate_activation_code()
    pro = Professional(
        rpps=rpps,
        profession=new.profession.strip(),
        last_name=new.last_name.strip(),
        first_names=new.first_names.strip(),
        email=new.email.strip().lower(),
        town=(new.town or "").strip() or None,
        enrolment_code_hash=sha256_hex(code),
        created_at=ctx.now(),
    )
    session.add(pro)
    session.flush()
    ctx.mailer.send(
        templates.professional_enrolment(to=pro.email, last_name=pro.last_name, code=code, profession=pro.profession)
    )
    record(session, actor=SYSTEM, action="professional.added", at=ctx.now())
    return pro, True


def enrol(session: Session, ctx: ServiceContext, *, rpps: str, code: str, password: str, address: str) -> None:
    """RPPS + enrolment code → the professional's password (same policy as patients)."""
    now = ctx.now()
    keys = [throttle.address_key(address)]
    throttle.check(session, keys, now=now)
    try:
        rpps_n = normalize_rpps(rpps)
        code_n = normalize_activation_code(code)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    pro = session.scalars(select(Professional).where(Professional.rpps == rpps_n)).first()
    if pro is None or pro.enrolment_code_hash is None or not same_hash(pro.enrolment_code_hash, sha256_hex(code_n)):
        throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
        record(session, actor=ANONYMOUS, action="professional.enrolment_refused", at=now)
        session.commit()
        raise ProblemError(
            400,
            "enrolment_refused",
            "Numéro RPPS ou code d'enrôlement incorrect.",
            "Wrong RPPS number or enrolment code.",
        )
    try:
        check_password(password, user_inputs=(pro.rpps, pro.last_name, pro.first_names, pro.email))
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    pro.password_hash = ctx.hasher.hash(password)
    pro.enrolment_code_hash = None
    record(session, actor=Actor(pro.id, "professional"), action="professional.enrolled", at=now)


# -- dossiers opened offline from a clinic workstation's cache -----------------------------------------------------

OFFLINE_OPEN = "dossier.open_offline"
_EVENT_NAMESPACE = uuid.UUID("6f1f3c1e-5a55-4e0c-9a4b-0c1a7e0ff1e0")
_MS_BITS = 48


@dataclass(frozen=True, slots=True)
class OfflineOpen:
    """One opening of a cached dossier, as the workstation reports it: its own UUID and its own clock."""

    id: uuid.UUID
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class OfflineOpensRecorded:
    decision: access.Decision
    context: access.Context
    recorded: int  # new audit rows (a retry of an already reported open adds none)


def offline_open_event_id(professional_id: uuid.UUID, dossier_id: uuid.UUID, report: OfflineOpen) -> uuid.UUID:
    """The audit row's id for one reported open: UUIDv7-shaped, its timestamp the device's claimed opening time.

    The random part is a hash of (professional, dossier, the client's id), so a resent report maps to the same row
    (idempotent through the audit table's unique id) and nobody can collide with another professional's rows. The
    row's own `at` is the server's time of receipt; `claimed_open_time` reads the device's time back.
    """
    millis = int(report.opened_at.timestamp() * 1000)
    if not 0 <= millis < 1 << _MS_BITS:
        raise ValueError("opened_at out of range")
    digest = uuid.uuid5(_EVENT_NAMESPACE, f"{professional_id}/{dossier_id}/{report.id}").int
    value = (millis << 80) | (0x7 << 76) | ((digest >> 62) & 0xFFF) << 64 | (0b10 << 62) | (digest & ((1 << 62) - 1))
    return uuid.UUID(int=value)


def claimed_open_time(event_id: uuid.UUID) -> datetime:
    """The opening time the workstation claimed, read back from an offline-open audit row's id."""
    return datetime.fromtimestamp((event_id.int >> 80) / 1000, tz=UTC)


def _had_a_copy(session: Session, professional_id: uuid.UUID, dossier_id: uuid.UUID) -> bool:
    """Whether this professional ever reached the dossier (pulled its content, opened it, bris de glace)."""
    found = session.scalars(
        select(AuditEvent.seq)
        .where(AuditEvent.dossier_id == dossier_id, AuditEvent.actor_id == professional_id)
        .limit(1)
    ).first()
    return found is not None


def record_offline_opens(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    opens: Sequence[OfflineOpen],
    now: datetime,
) -> OfflineOpensRecorded:
    """Write each reported open to the audit trail once, whatever the policy says now.

    The policy is asked as for an online opening; its decision (at receipt) is the row's outcome. An open that
    happened before a revocation is still recorded (it happened), and the caller tells the workstation it is
    revoked. A professional the trail never saw reach the dossier cannot report opens of it once the policy
    refuses them (nothing is recorded): no one fills a stranger's history with claims.
    """
    access_service.require_active_dossier(session, dossier_id)
    context = access_service.load_access_context(session, dossier_id, now)
    who = access_service.caller_actor(session, principal, dossier_id=dossier_id, now=now)
    decision = access.decide(
        who,
        access.Action.READ,
        access.SectionTarget(access.Section.DOSSIER),
        context,
        matrix=access_service.matrix(),
    )
    if not decision.allowed and not _had_a_copy(session, principal.id, dossier_id):
        return OfflineOpensRecorded(decision, context, 0)
    actor = Actor(principal.id, access_service.role_of(who), device_id=principal.device_id)
    action = access_service.audit_action(OFFLINE_OPEN, decision)
    recorded = 0
    for report in opens:
        event_id = offline_open_event_id(principal.id, dossier_id, report)
        if (
            session.scalars(
                select(AuditEvent.seq).where(AuditEvent.dossier_id == dossier_id, AuditEvent.id == event_id)
            ).first()
            is not None
        ):
            continue
        record(session, actor=actor, action=action, at=now, dossier_id=dossier_id, event_id=event_id)
        session.flush()
        recorded += 1
    return OfflineOpensRecorded(decision, context, recorded)


# -- the registry, searched by patients -----------------------------------------------------------------------------

SEARCH_MIN_CHARS = 2
MAX_SEARCH_LIMIT = 50


@dataclass(frozen=True, slots=True)
class RegistryQuery:
    """What a patient gives to find a professional: part of a name, a profession, part of a town (one at least)."""

    name: str | None = None
    profession: access.Profession | None = None
    town: str | None = None


def _contains(column: Any, text: str) -> Any:
    """Case-insensitive "contains", with LIKE's wildcards taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped}%", escape="\\")


def _words(value: str | None) -> list[str]:
    return " ".join((value or "").split()).split()


def search_registry(
    session: Session, ctx: ServiceContext, principal: Principal, query: RegistryQuery, *, limit: int, offset: int
) -> list[Professional]:
    """Enrolled professionals (those who set their password) matching every criterion given, by name then RPPS.

    Each search counts against the caller's allowance (`throttle.search_key`): past it, 429 with `Retry-After`,
    so nobody lists the registry whole. A query with no criterion (or a name or town shorter than two letters) is
    a 422 and is not counted.
    """
    names, towns = _words(query.name), _words(query.town)
    texts = ["".join(names), "".join(towns)]
    if (not names and not towns and query.profession is None) or any(0 < len(t) < SEARCH_MIN_CHARS for t in texts):
        raise ProblemError(
            422,
            "search_too_short",
            "Indiquez au moins deux lettres du nom ou de la ville, ou choisissez une profession.",
            "Give at least two letters of the name or the town, or choose a profession.",
        )
    now = ctx.now()
    key = throttle.search_key(principal.id)
    throttle.check(session, [key], now=now)
    throttle.register_failure(session, [key], now=now, limits=ctx.settings.rate_limits)
    stmt = select(Professional).where(Professional.password_hash.is_not(None))
    full_name = Professional.first_names + " " + Professional.last_name
    for word in names:
        stmt = stmt.where(_contains(full_name, word))
    if towns:
        stmt = stmt.where(_contains(Professional.town, " ".join(towns)))
    if query.profession is not None:
        stmt = stmt.where(Professional.profession == query.profession.value)
    stmt = stmt.order_by(Professional.last_name, Professional.first_names, Professional.rpps)
    return list(session.scalars(stmt.limit(limit).offset(offset)))
