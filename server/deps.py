"""FastAPI dependencies shared by the routers: context, session, caller address, authenticated principal."""

from __future__ import annotations

import asyncio
import uuid
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Annotated, Any, TypeVar
from urllib.parse import unquote

import anyio
import anyio.to_thread
from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Select, and_, bindparam, select, update
from sqlalchemy.orm import Session, defer

from server.accounts.models import AccessToken, Account, Device, PrincipalKind
from server.audit.service import Actor
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from server.errors import ProblemError, device_revoked, unauthorized
from server.security import sha256_hex

LAST_SEEN_GRANULARITY = timedelta(minutes=5)


# Cheap dependencies are `async def` so they run on the event loop, not through a threadpool hop each.
async def get_context(request: Request) -> ServiceContext:
    ctx: ServiceContext = request.app.state.ctx
    return ctx


ContextDep = Annotated[ServiceContext, Depends(get_context)]


async def get_session(ctx: ContextDep) -> AsyncIterator[Session]:
    """A session per request. Creating it touches no connection; handlers and dependencies end their
    transactions themselves, so closing it here normally has no connection to give back."""
    session = ctx.sessions()
    try:
        yield session
    finally:
        if session.in_transaction():
            await run_in_threadpool(session.close)
        else:
            session.close()


SessionDep = Annotated[Session, Depends(get_session)]


async def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


AddressDep = Annotated[str, Depends(client_address)]


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller, from a valid access token on a live device."""

    kind: PrincipalKind
    id: uuid.UUID
    device_id: uuid.UUID
    assisted_by: str | None = None  # declared helper of an assisted session (patients only), "name|structure"

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.kind.value, device_id=self.device_id, assisted_by=self.assisted_by)


Authorization = Annotated[str | None, Header(max_length=200)]
HELPER_HEADER = "Carnet-Acting-Helper"
ActingHelper = Annotated[str | None, Header(alias=HELPER_HEADER, max_length=400)]


def parse_acting_helper(raw: str | None) -> str | None:
    """`name|structure`, each part percent-encoded UTF-8, as desktop_app/assisted.py sends it; None when absent."""
    if raw is None:
        return None
    name, sep, structure = raw.partition("|")
    name, structure = unquote(name).strip(), unquote(structure).strip()
    if not sep or not name or not structure or len(name) > 100 or len(structure) > 100 or "|" in name + structure:
        raise ProblemError(
            400,
            "invalid_helper",
            "L'identité de l'aidant de la séance accompagnée est incomplète (nom et structure).",
            "The assisted session's helper identity is incomplete (name and structure).",
        )
    return f"{name}|{structure}"


def _bearer_hash(authorization: str | None) -> str:
    """The stored form (SHA-256) of the bearer token of an Authorization header; 401 when there is none."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise unauthorized()
    return sha256_hex(authorization[7:].strip())


def _admit(
    now: datetime, *, expires_at: datetime, token_revoked_at: datetime | None, device_revoked_at: datetime | None
) -> None:
    """The one rule of a live token, for both reads below (S34): a revoked device answers `device_revoked` (so the
    client can tell it from an expired session), a revoked or expired token `unauthorized`."""
    if device_revoked_at is not None:
        raise device_revoked()
    if token_revoked_at is not None or expires_at <= now:
        raise unauthorized()


_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def _token_joins(query: _Query) -> _Query:
    """The token, its device, and (for a patient) the account and dossier, looked up by the token's hash.

    The hash is a bound parameter of a statement built once, so SQLAlchemy reuses its cache key and compiled form
    instead of building them again on every request."""
    return (
        query.select_from(AccessToken)
        .join(Device, Device.id == AccessToken.device_id)
        .outerjoin(Account, and_(Device.principal_kind == PrincipalKind.PATIENT, Account.id == Device.principal_id))
        .outerjoin(Dossier, Dossier.id == Account.dossier_id)
        .where(AccessToken.token_hash == bindparam("token_hash"))
    )


_AUTH_QUERY = _token_joins(
    select(AccessToken.expires_at, AccessToken.revoked_at, Device, Account, Dossier).options(
        defer(Dossier.legacy_bundle)
    )
)
# The light read: columns only, no ORM entity to build (see _patient_summary).
_SUMMARY_QUERY = _token_joins(
    select(
        AccessToken.expires_at,
        AccessToken.revoked_at,
        Device.revoked_at,
        Device.last_seen_at,
        Device.id,
        Device.principal_kind,
        Device.principal_id,
        Account.identifier,
        Dossier.id,
        Dossier.status,
    )
)
_TOUCH_DEVICE = update(Device).where(Device.id == bindparam("device")).values(last_seen_at=bindparam("seen_at"))


def _authenticate(
    ctx: ServiceContext, session: Session, authorization: str | None
) -> tuple[Principal, Account | None, Dossier | None]:
    """One indexed read in autocommit: a single round trip (no BEGIN/COMMIT), the token's device, account, dossier.

    Checked on every request, nothing cached: a revoked token or device is refused at once in every worker (S34).
    Runs in the threadpool (sync dependency): measured under load, blocking the event loop for the round trip was
    slower than the thread hop. The only write, last seen, happens at most once per LAST_SEEN_GRANULARITY."""
    token_hash = _bearer_hash(authorization)
    now = ctx.now()
    if not session.in_transaction():  # the usual case: a fresh request session
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    found = session.execute(_AUTH_QUERY, {"token_hash": token_hash}).first()
    session.commit()  # ends the (autocommit) transaction: the connection goes back to the pool before the route runs
    if found is None:
        raise unauthorized()
    expires_at, token_revoked_at, device, account, dossier = found
    _admit(now, expires_at=expires_at, token_revoked_at=token_revoked_at, device_revoked_at=device.revoked_at)
    if now - device.last_seen_at > LAST_SEEN_GRANULARITY:
        device.last_seen_at = now
        session.commit()
    return Principal(device.principal_kind, device.principal_id, device.id), account, dossier


def current_principal(ctx: ContextDep, authorization: Authorization = None, helper: ActingHelper = None) -> Principal:
    """The caller of a route that needs only who they are (sync among others): _read_token's columns, no entity."""
    principal = _read_token(ctx, authorization)[0]
    assisted_by = parse_acting_helper(helper)
    if assisted_by is not None:
        if principal.kind != PrincipalKind.PATIENT:
            raise ProblemError(
                400, "invalid_helper", "Seul un patient peut être accompagné.", "Only a patient can be assisted."
            )
        principal = replace(principal, assisted_by=assisted_by)
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def _patients_only() -> ProblemError:
    return ProblemError(403, "forbidden", "Réservé aux patients.", "Patients only.")


@dataclass(frozen=True, slots=True)
class PatientContext:
    principal: Principal
    account: Account
    dossier: Dossier


def current_patient(
    ctx: ContextDep, session: SessionDep, authorization: Authorization = None, helper: ActingHelper = None
) -> PatientContext:
    principal, account, dossier = _authenticate(ctx, session, authorization)
    if principal.kind != PrincipalKind.PATIENT:
        raise _patients_only()
    if account is None or dossier is None:
        raise unauthorized()
    assisted_by = parse_acting_helper(helper)
    if assisted_by is not None:
        principal = replace(principal, assisted_by=assisted_by)
    return PatientContext(principal, account, dossier)


PatientDep = Annotated[PatientContext, Depends(current_patient)]


@dataclass(frozen=True, slots=True)
class PatientSummary:
    """Who the calling patient is, without loading their account and dossier: for light routes such as GET /v1/me."""

    principal: Principal
    identifier: str
    dossier_id: uuid.UUID
    space_status: SpaceStatus

    @property
    def account_id(self) -> uuid.UUID:
        return self.principal.id


# Light reads run in worker threads, at most this many at once per event loop (worker process). The default pool
# (40 threads) serves every other sync route; letting up to 40 threads take turns at the GIL for a sub-millisecond
# read made the slowest answers wait behind the others under load (benchmarks/server_load.py, interleaved runs on
# PostgreSQL: p99 about 150 ms with 16 against 165-215 ms with 40). A waiting read queues in order on the limiter.
LIGHT_READ_THREADS = 16
_light_read_limiters: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


def _light_read_limiter() -> anyio.CapacityLimiter:
    """One limiter per event loop (tests run several apps and loops in one process)."""
    loop = asyncio.get_running_loop()
    limiter = _light_read_limiters.get(loop)
    if limiter is None:
        limiter = _light_read_limiters[loop] = anyio.CapacityLimiter(LIGHT_READ_THREADS)
    return limiter


def _read_token(
    ctx: ServiceContext, authorization: str | None
) -> tuple[Principal, str | None, uuid.UUID | None, SpaceStatus | None]:
    """The principal of a live token, and for a patient their identifier, dossier id and space status.

    The same rule as every other route (_admit), read from the database on every request: nothing is cached, so a
    revoked token or device is refused at once in every worker (S34). One autocommit read of a few columns, no
    session and no ORM entity: a pooled connection is held for the read (and the rare last-seen write) only."""
    token_hash = _bearer_hash(authorization)
    now = ctx.now()
    with ctx.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        found = conn.execute(_SUMMARY_QUERY, {"token_hash": token_hash}).first()
        if found is None:
            raise unauthorized()
        (expires_at, token_revoked_at, device_revoked_at, last_seen_at, device_id, kind, principal_id, identifier,
         dossier_id, space_status) = found  # fmt: skip
        _admit(now, expires_at=expires_at, token_revoked_at=token_revoked_at, device_revoked_at=device_revoked_at)
        if now - last_seen_at > LAST_SEEN_GRANULARITY:
            conn.execute(_TOUCH_DEVICE, {"device": device_id, "seen_at": now})
    return Principal(kind, principal_id, device_id), identifier, dossier_id, space_status


def _patient_summary(ctx: ServiceContext, authorization: str | None, helper: str | None) -> PatientSummary:
    """current_patient's checks, in its order and with its answers, on _read_token's read."""
    principal, identifier, dossier_id, space_status = _read_token(ctx, authorization)
    if principal.kind != PrincipalKind.PATIENT:
        raise _patients_only()
    if identifier is None or dossier_id is None or space_status is None:
        raise unauthorized()
    principal = replace(principal, assisted_by=parse_acting_helper(helper))
    return PatientSummary(principal, identifier, dossier_id, space_status)


async def current_patient_summary(
    request: Request, authorization: Authorization = None, helper: ActingHelper = None
) -> PatientSummary:
    """The calling patient, for light routes (GET /v1/me): _patient_summary in a thread, under LIGHT_READ_THREADS."""
    ctx: ServiceContext = request.app.state.ctx
    return await anyio.to_thread.run_sync(_patient_summary, ctx, authorization, helper, limiter=_light_read_limiter())


PatientSummaryDep = Annotated[PatientSummary, Depends(current_patient_summary)]


def current_professional(principal: PrincipalDep) -> Principal:
    if principal.kind != PrincipalKind.PROFESSIONAL:
        raise ProblemError(403, "forbidden", "Réservé aux professionnels.", "Professionals only.")
    return principal


ProfessionalDep = Annotated[Principal, Depends(current_professional)]
