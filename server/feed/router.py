"""HTTP route of the care history: what the insurer reimbursed, as the patient reads it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server.accounts.dependencies import ContextDep, SessionDep
from server.dossiers.dependencies import PatientDep
from server.feed import service
from server.feed.schemas import CareRecordOut

router = APIRouter(prefix="/v1/me", tags=["dossier"])


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
