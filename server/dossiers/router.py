"""HTTP routes of the own dossier: identity, care history (24 months), closure, reactivation, deletion."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server.accounts.identity import invalid_credentials
from server.context import ServiceContext
from server.deps import ContextDep, PatientContext, PatientDep, SessionDep
from server.dossiers import service
from server.schemas import CareRecordOut, DossierOut, PasswordConfirmIn, StatusOut

router = APIRouter(prefix="/v1/me", tags=["dossier"])


@router.get("/dossier", response_model=DossierOut)
def read_dossier(me: PatientDep, ctx: ContextDep, session: SessionDep) -> DossierOut:
    """My dossier's identity part (the read is audited)."""
    d = service.read_identity(session, ctx, me.dossier, actor=me.principal.actor)
    entries = service.legacy_entries(session, d)
    session.commit()
    return DossierOut(
        dossier_id=d.id,
        last_name=d.last_name,
        first_names=d.first_names,
        birth_date=d.birth_date,
        nir=d.nir,
        email=d.email,
        phone=d.phone,
        status=d.status.value,
        imported_legacy_entries=len(entries),
    )


@router.get("/care-history", response_model=list[CareRecordOut])
def care_history(
    me: PatientDep,
    ctx: ContextDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[CareRecordOut]:
    """Histoire de santé: reimbursed care of the last 24 months, newest first."""
    rows = service.care_history(session, ctx, me.dossier, actor=me.principal.actor, limit=limit, offset=offset)
    session.commit()
    return [
        CareRecordOut(id=r.id, kind=r.kind, date=r.care_date, label=r.label, professional=r.professional_name)
        for r in rows
    ]


def _confirm_password(ctx: ServiceContext, me: PatientContext, password: str) -> None:
    valid, _ = ctx.hasher.verify(password, me.account.password_hash)
    if not valid:
        raise invalid_credentials()


@router.post("/closure", response_model=StatusOut)
def close(body: PasswordConfirmIn, me: PatientDep, ctx: ContextDep, session: SessionDep) -> StatusOut:
    """Close my space: archived 10 years, professionals lose access. Needs my password again."""
    _confirm_password(ctx, me, body.password)
    service.close(session, ctx, me.dossier, actor=me.principal.actor)
    session.commit()
    return StatusOut(status=me.dossier.status.value)


@router.post("/reactivation", response_model=StatusOut)
def reactivate(me: PatientDep, ctx: ContextDep, session: SessionDep) -> StatusOut:
    """Reopen my closed space (or cancel a pending deletion)."""
    service.reactivate(session, ctx, me.dossier, actor=me.principal.actor)
    session.commit()
    return StatusOut(status=me.dossier.status.value)


@router.post("/deletion-request", response_model=StatusOut)
def request_deletion(body: PasswordConfirmIn, me: PatientDep, ctx: ContextDep, session: SessionDep) -> StatusOut:
    """Ask for deletion: executed by the jobs within 3 months. Needs my password again."""
    _confirm_password(ctx, me, body.password)
    service.request_deletion(session, ctx, me.dossier, actor=me.principal.actor)
    session.commit()
    return StatusOut(status=me.dossier.status.value)
