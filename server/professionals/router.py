"""HTTP routes of professionals (/v1/pro): enrolment, two-factor login, who am I, finding and opening dossiers, bris de
glace, dossiers opened offline."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from dossier import access
from server.access import notifications
from server.access import service as access_service
from server.access.dependencies import Limit, Offset
from server.access.schemas import Day, DossierSummaryOut, DossierViewOut, EmergencyAccessIn, EmergencyAccessOut
from server.access.service import denied
from server.accounts.dependencies import AddressDep, ContextDep, ProfessionalDep, SessionDep
from server.accounts.identity import ProfessionalDirectory
from server.accounts.login import add_login_routes
from server.accounts.models import Professional
from server.dossiers.dependencies import PatientDep
from server.errors import unauthorized
from server.professionals import service
from server.professionals.schemas import (
    EnrolmentIn,
    OfflineOpensIn,
    ProfessionalOut,
    ProLoginIn,
    RegistryEntryOut,
    RegistryPage,
)
from server.sync import dossier_view

router = APIRouter(prefix="/v1/pro", tags=["professionals"])


@router.post("/enrolment", status_code=status.HTTP_204_NO_CONTENT)
def enrol(body: EnrolmentIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> None:
    """RPPS + mailed enrolment code → choose a password."""
    service.enrol(session, ctx, rpps=body.rpps, code=body.enrolment_code, password=body.password, address=address)
    session.commit()


add_login_routes(
    router,
    directory=ProfessionalDirectory(),  # Pro Santé Connect (OIDC) will implement the same interface
    body_model=ProLoginIn,
    login_of=lambda body: body.rpps.strip(),
    login_doc="First factor: RPPS + password; a code is mailed.",
    verify_doc="Second factor: the mailed code.",
)


@router.get("/me", response_model=ProfessionalOut)
def me(principal: ProfessionalDep, session: SessionDep) -> ProfessionalOut:
    pro = session.get(Professional, principal.id)
    if pro is None:
        raise unauthorized()
    return ProfessionalOut(
        id=pro.id,
        rpps=pro.rpps,
        profession=pro.profession,
        last_name=pro.last_name,
        first_names=pro.first_names,
        device_id=principal.device_id,
    )


@router.post("/dossiers/{dossier_id}/offline-opens", status_code=status.HTTP_204_NO_CONTENT)
def offline_opens(
    dossier_id: uuid.UUID, body: OfflineOpensIn, principal: ProfessionalDep, ctx: ContextDep, session: SessionDep
) -> None:
    """A workstation reports dossiers opened offline from its cache: each lands once in the historique des accès.

    Recorded even when the authorisation was revoked meanwhile (the opening happened); the answer is then the
    policy's 403, so the workstation learns of the revocation.
    """
    outcome = service.record_offline_opens(
        session,
        principal,
        dossier_id=dossier_id,
        opens=[service.OfflineOpen(o.id, o.opened_at) for o in body.opens],
        now=ctx.now(),
    )
    decision = outcome.decision
    # Notified once per report, as for one online opening (and, like it, not again under a bris de glace).
    if outcome.recorded and decision.allowed and decision.reason is not access.Reason.EMERGENCY_ACCESS:
        notifications.dispatch(
            session,
            ctx,
            dossier_id=dossier_id,
            decision=decision,
            context=outcome.context,
            pro=access_service.professional_of(session, principal),
        )
    session.commit()
    if not decision.allowed:
        raise denied(decision.reason)


# -- dossiers a professional finds and opens -----------------------------------------------------------------------
# Published under the "access" tag, as before they moved here.

dossier_router = APIRouter(prefix="/v1/pro", tags=["access"])


@dossier_router.get("/dossiers", response_model=list[DossierSummaryOut])
def pro_dossiers(
    principal: ProfessionalDep,
    ctx: ContextDep,
    session: SessionDep,
    name: Annotated[str | None, Query(max_length=100)] = None,
    birth_date: Annotated[Day | None, Query()] = None,
    ins: Annotated[str | None, Query(max_length=40)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[DossierSummaryOut]:
    """The dossiers I may open now, searchable by name, birth date or INS."""
    rows = access_service.accessible_dossiers(
        session, principal, now=ctx.now(), name=name, birth_date=birth_date, ins=ins, limit=limit, offset=offset
    )
    session.commit()
    return [
        DossierSummaryOut(
            dossier_id=d.id, last_name=d.last_name, first_names=d.first_names, birth_date=d.birth_date, ins=d.nir
        )
        for d in rows
    ]


@dossier_router.get("/dossiers/{dossier_id}", response_model=DossierViewOut)
def pro_open(dossier_id: uuid.UUID, principal: ProfessionalDep, ctx: ContextDep, session: SessionDep) -> DossierViewOut:
    """Open a dossier (audited; the patient is notified); 403 with the policy's reason code when denied."""
    out = dossier_view.dossier_view_out(dossier_view.open_dossier(session, ctx, principal, dossier_id))
    session.commit()
    return out


@dossier_router.post("/emergency-access", response_model=EmergencyAccessOut, status_code=status.HTTP_201_CREATED)
def emergency_access(
    body: EmergencyAccessIn, principal: ProfessionalDep, ctx: ContextDep, session: SessionDep
) -> EmergencyAccessOut:
    """Bris de glace by INS with a reason (a code from the list and a free text): refused if the patient opposed it;
    throttled per professional; lasts 24 h; patient and médecin traitant are notified."""
    dossier = access_service.emergency_dossier(session, ctx, principal, body.ins)
    asked, row = access_service.declare_emergency(
        session, principal, dossier_id=dossier.id, reason_code=body.reason_code, reason=body.reason, now=ctx.now()
    )
    notifications.dispatch(
        session,
        ctx,
        dossier_id=dossier.id,
        decision=asked.decision,
        context=asked.context,
        pro=access_service.professional_of(session, principal),
    )
    session.commit()
    return EmergencyAccessOut(dossier_id=dossier.id, opened_at=row.opened_at, expires_at=row.expires_at)


# -- the registry, as patients search it ---------------------------------------------------------------------------

registry_router = APIRouter(prefix="/v1/professionals", tags=["professionals"])


@registry_router.get("", response_model=RegistryPage)
def search_registry(
    me: PatientDep,
    ctx: ContextDep,
    session: SessionDep,
    name: Annotated[str | None, Query(max_length=100)] = None,
    profession: Annotated[access.Profession | None, Query()] = None,
    town: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=service.MAX_SEARCH_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000)] = 0,
) -> RegistryPage:
    """Enrolled professionals by part of their name, their profession and part of their town, to authorise, block
    or choose one; paged; each search counts against the caller's allowance (429 with Retry-After past it)."""
    query = service.RegistryQuery(name=name, profession=profession, town=town)
    rows = service.search_registry(session, ctx, me.principal, query, limit=limit + 1, offset=offset)
    session.commit()
    more = len(rows) > limit
    items = [
        RegistryEntryOut(
            rpps=p.rpps, last_name=p.last_name, first_names=p.first_names, profession=p.profession, town=p.town
        )
        for p in rows[:limit]
    ]
    return RegistryPage(items=items, limit=limit, offset=offset, next_offset=offset + limit if more else None)
