"""HTTP routes of the helpers of assisted sessions (/v1/helpers): enrolment, two-factor login, who am I, and an
organisation's manager registering its own helpers (S51-S53). The assisted session itself is the patient's: the
helper's access token goes beside it in `Carnet-Helper-Token` (server/accounts/dependencies.py `acting_helper`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status

from dossier.errors import DossierValidationError
from server.accounts.assisting import helper_refused, usable
from server.accounts.dependencies import AddressDep, ContextDep, SessionDep, read_token_columns
from server.accounts.dependencies import Authorization as AuthorizationHeader
from server.accounts.helper_models import Helper, HelperOrganisation
from server.accounts.identity import HelperDirectory
from server.accounts.login import add_login_routes
from server.accounts.models import PrincipalKind
from server.accounts.tokens import revoke_device_sessions
from server.audit.service import Actor, record
from server.errors import ProblemError, from_validation
from server.helpers import service
from server.helpers.schemas import (
    HelperAddedOut,
    HelperEnrolmentIn,
    HelperLoginIn,
    HelperOut,
    NewHelperIn,
    OrganisationHelperOut,
)

router = APIRouter(prefix="/v1/helpers", tags=["helpers"])


@router.post("/enrolment", status_code=status.HTTP_204_NO_CONTENT)
def enrol(body: HelperEnrolmentIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> None:
    """E-mail + mailed enrolment code → choose a password."""
    service.enrol(session, ctx, email=body.email, code=body.enrolment_code, password=body.password, address=address)
    session.commit()


add_login_routes(
    router,
    directory=HelperDirectory(),
    body_model=HelperLoginIn,
    login_of=lambda body: body.email.strip().lower(),
    login_doc="First factor: the helper's e-mail + password; a code is mailed.",
    verify_doc="Second factor: the mailed code; the helper's token then goes beside the patient's session.",
)


def current_helper(
    ctx: ContextDep, session: SessionDep, authorization: AuthorizationHeader = None
) -> tuple[Helper, HelperOrganisation, Actor]:
    """The signed-in helper (their own token in Authorization), still usable (not disabled, nor their organisation)."""
    device_id, kind, principal_id = read_token_columns(ctx, authorization)[4:7]
    if kind != PrincipalKind.HELPER:
        raise ProblemError(403, "forbidden", "Réservé aux aidants.", "Helpers only.")
    helper = session.get(Helper, principal_id)
    org = session.get(HelperOrganisation, helper.organisation_id) if helper is not None else None
    if helper is None or org is None or not usable(helper, org):
        raise helper_refused()
    return helper, org, Actor(helper.id, service.HELPER_ROLE, device_id=device_id)


HelperDep = Annotated[tuple[Helper, HelperOrganisation, Actor], Depends(current_helper)]


def _out(helper: Helper, org: HelperOrganisation) -> HelperOut:
    return HelperOut(
        id=helper.id,
        email=helper.email,
        last_name=helper.last_name,
        first_names=helper.first_names,
        manager=helper.manager,
        organisation_id=org.id,
        organisation=org.name,
    )


@router.get("/me", response_model=HelperOut)
def me(me: HelperDep, session: SessionDep) -> HelperOut:
    """Who am I, and for which organisation (what the assisted session's receipt names)."""
    out = _out(me[0], me[1])
    session.commit()
    return out


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(me: HelperDep, ctx: ContextDep, session: SessionDep) -> None:
    """End the helper's session on this device (the assisted session is over): its tokens stop working at once."""
    actor = me[2]
    assert actor.device_id is not None
    revoke_device_sessions(session, [actor.device_id], now=ctx.now())
    record(session, actor=actor, action="auth.logout", at=ctx.now())
    session.commit()


def _manager(me: tuple[Helper, HelperOrganisation, Actor]) -> tuple[Helper, HelperOrganisation, Actor]:
    """Only the organisation's manager manages its helpers (S53)."""
    if not me[0].manager:
        raise ProblemError(
            403,
            "not_a_manager",
            "Seul le responsable de la structure inscrit ses aidants.",
            "Only the organisation's manager registers its helpers.",
        )
    return me


@router.get("/organisation/helpers", response_model=list[OrganisationHelperOut])
def list_helpers(me: HelperDep, session: SessionDep) -> list[OrganisationHelperOut]:
    """The manager's organisation's helpers (never another organisation's)."""
    _helper, org, _actor = _manager(me)
    out = [
        OrganisationHelperOut(
            id=h.id,
            email=h.email,
            last_name=h.last_name,
            first_names=h.first_names,
            manager=h.manager,
            enrolled=h.password_hash is not None,
            disabled=h.disabled_at is not None,
        )
        for h in service.organisation_helpers(session, org)
    ]
    session.commit()
    return out


@router.post("/organisation/helpers", response_model=HelperAddedOut, status_code=status.HTTP_201_CREATED)
def add_helper(body: NewHelperIn, me: HelperDep, ctx: ContextDep, session: SessionDep) -> HelperAddedOut:
    """A manager registers a helper of their own organisation (never of another: the organisation is the
    manager's, and an e-mail registered elsewhere is refused with 409 `helper_elsewhere`)."""
    _helper, org, actor = _manager(me)
    new = service.NewHelper(body.email, body.last_name, body.first_names, manager=body.manager)
    try:
        added, created = service.add_helper(session, ctx, org, new, actor=actor)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    session.commit()
    return HelperAddedOut(id=added.id, created=created)


@router.post("/organisation/helpers/{helper_id}/disable", status_code=status.HTTP_204_NO_CONTENT)
def disable_helper(helper_id: uuid.UUID, me: HelperDep, ctx: ContextDep, session: SessionDep) -> None:
    """A manager withdraws one of their organisation's helpers: the helper's sessions end at once. Another
    organisation's helper is not found (404, nothing said about them); the manager cannot withdraw themself."""
    manager, org, actor = _manager(me)
    target = session.get(Helper, helper_id)
    if target is None or target.organisation_id != org.id:
        raise ProblemError(404, "helper_not_found", "Aidant introuvable dans votre structure.", "No such helper.")
    if target.id == manager.id:
        raise ProblemError(
            409,
            "cannot_disable_self",
            "Vous ne pouvez pas retirer votre propre compte : demandez-le à l'administrateur.",
            "You cannot withdraw your own account: ask the administrator.",
        )
    service.disable_helper(session, ctx, target, actor=actor)
    session.commit()
