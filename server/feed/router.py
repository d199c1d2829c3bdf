"""HTTP route of the care history: what the insurer reimbursed, as the patient reads it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Query

from dossier import access
from server.access import service as access_service
from server.accounts.dependencies import ContextDep, ProfessionalDep, SessionDep
from server.dossiers.dependencies import PatientDep
from server.feed import service
from server.feed.models import CareHistoryRecord
from server.feed.schemas import CareRecordOut

router = APIRouter(prefix="/v1/me", tags=["dossier"])
pro_router = APIRouter(prefix="/v1/pro", tags=["professionals"])

PageLimit = Annotated[int, Query(ge=1, le=200)]
PageOffset = Annotated[int, Query(ge=0, le=100_000)]


def _out(rows: Sequence[CareHistoryRecord]) -> list[CareRecordOut]:
    return [
        CareRecordOut(id=r.id, kind=r.kind, date=r.care_date, label=r.label, professional=r.professional_name)
        for r in rows
    ]


@router.get("/care-history", response_model=list[CareRecordOut])
def care_history(
    me: PatientDep,
    ctx: ContextDep,
    session: SessionDep,
    limit: PageLimit = 50,
    offset: PageOffset = 0,
) -> list[CareRecordOut]:
    """Histoire de santé: reimbursed care of the last 24 months, newest first."""
    rows = service.care_history(session, ctx, me.dossier, actor=me.principal.actor, limit=limit, offset=offset)
    session.commit()
    return _out(rows)


@pro_router.get("/dossiers/{dossier_id}/care-history", response_model=list[CareRecordOut])
def pro_care_history(
    dossier_id: uuid.UUID,
    principal: ProfessionalDep,
    ctx: ContextDep,
    session: SessionDep,
    limit: PageLimit = 50,
    offset: PageOffset = 0,
) -> list[CareRecordOut]:
    """A patient's histoire de santé, for a professional they authorised (or under a bris de glace): the policy
    decides, the read is audited (in the patient's historique des accès); 403 with the policy's reason otherwise."""
    access_service.require_active_dossier(session, dossier_id)
    access_service.ask(
        session,
        principal,
        dossier_id=dossier_id,
        action=access.Action.READ,
        target=access.SectionTarget(access.Section.CARE_HISTORY),
        what="care_history.read",
        now=ctx.now(),
    )
    rows = service.care_records(session, ctx, dossier_id, limit=limit, offset=offset)
    session.commit()
    return _out(rows)
