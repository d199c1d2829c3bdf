"""FastAPI dependencies shared by the routers: context, session, caller address, authenticated principal.

The calling patient together with their dossier (PatientDep, PatientSummaryDep) is server/dossiers/dependencies.py:
it reads the same token with the dossier joined in (`token_joins`, `authenticate`, `admit` below)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, Row, Select, and_, bindparam, select, update
from sqlalchemy.orm import Session

from server.accounts.assisting import assisting_helper, helper_refused
from server.accounts.models import AccessToken, Account, Device, PrincipalKind
from server.audit.service import Actor
from server.context import ServiceContext
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
    assisted_by: str | None = None  # checked helper of an assisted session (patients only), "helper id|org id"

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.kind.value, device_id=self.device_id, assisted_by=self.assisted_by)


Authorization = Annotated[str | None, Header(max_length=200)]
LEGACY_HELPER_HEADER = "Carnet-Acting-Helper"  # free text, refused since helpers have accounts (S51)
HELPER_TOKEN_HEADER = "Carnet-Helper-Token"  # noqa: S105 (a header name) — a signed-in helper's access token, beside the patient's session


async def acting_helper(request: Request) -> str | None:
    """The helper of an assisted session, checked (S51): the access token of a signed-in helper account in
    `Carnet-Helper-Token`, beside the patient's own session; the audit records `<helper id>|<organisation id>`.

    The former free-text `Carnet-Acting-Helper` is refused (400 `helper_header_refused`): what a request says of
    its helper is never written to the audit. No header: no helper, and no database read."""
    headers = request.headers
    if LEGACY_HELPER_HEADER in headers:
        raise ProblemError(
            400,
            "helper_header_refused",
            "L'aidant d'une session accompagnée se connecte avec son propre compte : l'en-tête "
            f"{LEGACY_HELPER_HEADER} n'est plus accepté.",
            f"The helper of an assisted session signs in with their own account: the {LEGACY_HELPER_HEADER} "
            "header is no longer accepted.",
        )
    token = headers.get(HELPER_TOKEN_HEADER)
    if token is None:
        return None
    if not token.strip() or len(token) > 200:
        raise helper_refused()
    ctx: ServiceContext = request.app.state.ctx
    return await run_in_threadpool(assisting_helper, ctx, token)


ActingHelper = Annotated[str | None, Depends(acting_helper)]


def bearer_hash(authorization: str | None) -> str:
    """The stored form (SHA-256) of the bearer token of an Authorization header; 401 when there is none."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise unauthorized()
    return sha256_hex(authorization[7:].strip())


def admit(
    now: datetime, *, expires_at: datetime, token_revoked_at: datetime | None, device_revoked_at: datetime | None
) -> None:
    """The one rule of a live token, for both reads below (S34): a revoked device answers `device_revoked` (so the
    client can tell it from an expired session), a revoked or expired token `unauthorized`."""
    if device_revoked_at is not None:
        raise device_revoked()
    if token_revoked_at is not None or expires_at <= now:
        raise unauthorized()


_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def token_joins(query: _Query) -> _Query:
    """The token, its device, and (for a patient) the account, looked up by the token's hash.

    The hash is a bound parameter of a statement built once, so SQLAlchemy reuses its cache key and compiled form
    instead of building them again on every request."""
    return (
        query.select_from(AccessToken)
        .join(Device, Device.id == AccessToken.device_id)
        .outerjoin(Account, and_(Device.principal_kind == PrincipalKind.PATIENT, Account.id == Device.principal_id))
        .where(AccessToken.token_hash == bindparam("token_hash"))
    )


_PRINCIPAL_QUERY = token_joins(select(AccessToken.expires_at, AccessToken.revoked_at, Device, Account))
TOUCH_DEVICE = update(Device).where(Device.id == bindparam("device")).values(last_seen_at=bindparam("seen_at"))


def authenticate(
    ctx: ServiceContext,
    session: Session,
    authorization: str | None,
    query: Select[*tuple[Any, ...]] = _PRINCIPAL_QUERY,
) -> tuple[Principal, Row[*tuple[Any, ...]]]:
    """One indexed read in autocommit: a single round trip (no BEGIN/COMMIT), the token's device and what `query`
    selects after the token's expiry, revocation and device (`token_joins` of those first three columns).

    Checked on every request, nothing cached: a revoked token or device is refused at once in every worker (S34).
    Runs in the threadpool (sync dependency): measured under load, blocking the event loop for the round trip was
    slower than the thread hop. The only write, last seen, happens at most once per LAST_SEEN_GRANULARITY."""
    token_hash = bearer_hash(authorization)
    now = ctx.now()
    if not session.in_transaction():  # the usual case: a fresh request session
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    found = session.execute(query, {"token_hash": token_hash}).first()
    session.commit()  # ends the (autocommit) transaction: the connection goes back to the pool before the route runs
    if found is None:
        raise unauthorized()
    expires_at, token_revoked_at, device = found[:3]
    admit(now, expires_at=expires_at, token_revoked_at=token_revoked_at, device_revoked_at=device.revoked_at)
    if now - device.last_seen_at > LAST_SEEN_GRANULARITY:
        device.last_seen_at = now
        session.commit()
    return Principal(device.principal_kind, device.principal_id, device.id), found


# The light read: columns only, no ORM entity (`read_token_columns`; other light reads add columns after these).
PRINCIPAL_COLUMNS = (
    AccessToken.expires_at,
    AccessToken.revoked_at,
    Device.revoked_at,
    Device.last_seen_at,
    Device.id,
    Device.principal_kind,
    Device.principal_id,
)
_PRINCIPAL_COLUMNS = token_joins(select(*PRINCIPAL_COLUMNS))


def read_token_columns(
    ctx: ServiceContext,
    authorization: str | None,
    query: Select[*tuple[Any, ...]] = _PRINCIPAL_COLUMNS,
    *,
    conn: Connection | None = None,
) -> Row[*tuple[Any, ...]]:
    """The token check on one autocommit read of a few columns (`_PRINCIPAL_COLUMNS` first, then what `query` adds).

    The same rule as every other route (`admit`), read from the database on every request: nothing is cached, so a
    revoked token or device is refused at once in every worker (S34). No session and no ORM entity: a pooled
    connection is held for the read (and the rare last-seen write) only — or `conn`, an autocommit connection the
    caller goes on using (the sync pull reads its changes on the same one)."""
    if conn is None:
        with ctx.engine.connect() as own:
            own.execution_options(isolation_level="AUTOCOMMIT")
            return _read_token(own, ctx.now(), authorization, query)
    return _read_token(conn, ctx.now(), authorization, query)


def _read_token(
    conn: Connection, now: datetime, authorization: str | None, query: Select[*tuple[Any, ...]]
) -> Row[*tuple[Any, ...]]:
    found = conn.execute(query, {"token_hash": bearer_hash(authorization)}).first()
    if found is None:
        raise unauthorized()
    expires_at, token_revoked_at, device_revoked_at, last_seen_at, device_id = found[:5]
    admit(now, expires_at=expires_at, token_revoked_at=token_revoked_at, device_revoked_at=device_revoked_at)
    if now - last_seen_at > LAST_SEEN_GRANULARITY:
        conn.execute(TOUCH_DEVICE, {"device": device_id, "seen_at": now})
    return found


def current_principal(ctx: ContextDep, authorization: Authorization = None, helper: ActingHelper = None) -> Principal:
    """The caller of a route that needs only who they are (sync among others): `read_token_columns`, no entity."""
    return principal_of(ctx, authorization, helper)


def principal_of(
    ctx: ServiceContext, authorization: str | None, helper: str | None, *, conn: Connection | None = None
) -> Principal:
    """`current_principal` for a route that reads on: the token read on `conn` when given (see read_token_columns)."""
    device_id, kind, principal_id = read_token_columns(ctx, authorization, conn=conn)[4:7]
    if kind == PrincipalKind.HELPER:
        raise helper_alone()
    principal = Principal(kind, principal_id, device_id)
    assisted_by = helper
    if assisted_by is not None:
        if principal.kind != PrincipalKind.PATIENT:
            raise ProblemError(
                400, "invalid_helper", "Seul un patient peut être accompagné.", "Only a patient can be assisted."
            )
        principal = replace(principal, assisted_by=assisted_by)
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def patients_only() -> ProblemError:
    return ProblemError(403, "forbidden", "Réservé aux patients.", "Patients only.")


@dataclass(frozen=True, slots=True)
class PatientAccount:
    principal: Principal
    account: Account


def helper_alone() -> ProblemError:
    """A helper's token used as the session itself: a helper only ever acts beside a patient's session (S51)."""
    return ProblemError(
        403,
        "helper_alone",
        "Un aidant n'agit qu'aux côtés de la personne, dans la session de celle-ci.",
        "A helper only acts beside the person, within the person's own session.",
    )


def as_patient(principal: Principal, rows: tuple[Any, ...], helper: str | None) -> Principal:
    """403 unless the caller is a patient, 401 when a row of theirs the token read found is gone (None); the
    checked helper of an assisted session (`acting_helper`) applied."""
    if principal.kind == PrincipalKind.HELPER:
        raise helper_alone()
    if principal.kind != PrincipalKind.PATIENT:
        raise patients_only()
    if any(row is None for row in rows):
        raise unauthorized()
    return principal if helper is None else replace(principal, assisted_by=helper)


def current_patient_account(
    ctx: ContextDep, session: SessionDep, helper: ActingHelper, authorization: Authorization = None
) -> PatientAccount:
    """The calling patient and their account (the routes of the account itself; with the dossier: PatientDep)."""
    principal, found = authenticate(ctx, session, authorization)
    return PatientAccount(as_patient(principal, tuple(found[3:]), helper), found[3])


PatientAccountDep = Annotated[PatientAccount, Depends(current_patient_account)]


def current_professional(principal: PrincipalDep) -> Principal:
    if principal.kind != PrincipalKind.PROFESSIONAL:
        raise ProblemError(403, "forbidden", "Réservé aux professionnels.", "Professionals only.")
    return principal


ProfessionalDep = Annotated[Principal, Depends(current_professional)]
