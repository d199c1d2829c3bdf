"""The calling patient with their dossier: the dependency of every route about a patient's own space.

Read with the account's token check (server/accounts/dependencies.py) in the same single round trip: the dossier is
joined to the token's device and account, never loaded by a second query."""

from __future__ import annotations

import asyncio
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar, TypeVarTuple, Unpack

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import defer

from server.accounts.dependencies import (
    PRINCIPAL_COLUMNS,
    ActingHelper,
    Authorization,
    ContextDep,
    Principal,
    SessionDep,
    as_patient,
    authenticate,
    helper_alone,
    patients_only,
    read_token_columns,
    token_joins,
)
from server.accounts.models import AccessToken, Account, Device, PrincipalKind
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from server.errors import unauthorized

T = TypeVar("T")
Args = TypeVarTuple("Args")

_PATIENT_QUERY = token_joins(
    select(AccessToken.expires_at, AccessToken.revoked_at, Device, Account, Dossier).options(
        defer(Dossier.legacy_bundle)
    )
).outerjoin(Dossier, Dossier.id == Account.dossier_id)
# The light read: columns only, no ORM entity to build (see _patient_summary).
_SUMMARY_QUERY = token_joins(
    select(
        *PRINCIPAL_COLUMNS,
        Account.identifier,
        Dossier.id,
        Dossier.status,
    )
).outerjoin(Dossier, Dossier.id == Account.dossier_id)


@dataclass(frozen=True, slots=True)
class PatientContext:
    principal: Principal
    account: Account
    dossier: Dossier


def current_patient(
    ctx: ContextDep, session: SessionDep, helper: ActingHelper, authorization: Authorization = None
) -> PatientContext:
    principal, found = authenticate(ctx, session, authorization, _PATIENT_QUERY)
    account, dossier = found[3:]
    return PatientContext(as_patient(principal, (account, dossier), helper), account, dossier)


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


# Light reads run in worker threads, at most this many at once per event loop (worker process): GET /v1/me's check,
# and the sync pull (server/sync/router.py), the request every device repeats all day. The default pool (40 threads)
# serves every other sync route. A light read holds the GIL for most of its time, so threads past the few that cover
# its database round trips only take turns at the GIL, and each turn costs CPU and delays the slowest answers; a
# waiting read queues in order on the limiter instead. Measured (benchmarks/server_load.py's requests with wrk,
# PostgreSQL, 2 workers, 100 clients, alternating runs, 7 Dec 2026), req/s · p99:
#   threads   GET /v1/me                no-op pull                pull, 1 change
#   40        -                         934-1,070 · 182-298 ms    546-638 · 335-388 ms   (pull: before append_async)
#   16        1,699-1,810 · 184-191 ms  969-1,010 · 167-176 ms    640-673 · 290-360 ms
#   4         2,316-2,798 · 57-100 ms   1,424-1,702 · 85-108 ms   810-927 · 187-221 ms
# 2, 3 and 6 were alike. With 4, a few slow reads at once (5,000-record bootstrap pages) make the others wait their
# turn, as they would wait their share of the GIL with more threads.
LIGHT_READ_THREADS = 4
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


async def run_light_read(func: Callable[[Unpack[Args]], T], *args: *Args) -> T:
    """`func(*args)` in a worker thread, under LIGHT_READ_THREADS."""
    return await anyio.to_thread.run_sync(func, *args, limiter=_light_read_limiter())


def _patient_summary(ctx: ServiceContext, authorization: str | None, helper: str | None) -> PatientSummary:
    """current_patient's checks, in its order and with its answers, on `read_token_columns`' light read."""
    found = read_token_columns(ctx, authorization, _SUMMARY_QUERY)
    device_id, kind, principal_id, identifier, dossier_id, space_status = found[4:]
    if kind == PrincipalKind.HELPER:
        raise helper_alone()
    if kind != PrincipalKind.PATIENT:
        raise patients_only()
    if identifier is None or dossier_id is None:
        raise unauthorized()
    principal = Principal(kind, principal_id, device_id, assisted_by=helper)
    return PatientSummary(principal, identifier, dossier_id, space_status)


async def current_patient_summary(
    request: Request, helper: ActingHelper, authorization: Authorization = None
) -> PatientSummary:
    """The calling patient, for light routes (GET /v1/me): _patient_summary in a thread, under LIGHT_READ_THREADS."""
    ctx: ServiceContext = request.app.state.ctx
    return await run_light_read(_patient_summary, ctx, authorization, helper)


PatientSummaryDep = Annotated[PatientSummary, Depends(current_patient_summary)]
