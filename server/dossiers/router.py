"""HTTP routes of a patient's space: taking it (opposition, activation), who am I, its identity, closure,
reactivation, deletion (its care history: server/feed/router.py).

The routes of taking a space and /v1/me keep the "accounts" tag they were published under."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from dossier.identifiers import ins_oid, sex_from_nir
from server.accounts.dependencies import ActingHelper, AddressDep, ContextDep, SessionDep
from server.accounts.identity import invalid_credentials
from server.accounts.login import token_pair
from server.context import ServiceContext
from server.dossiers import activation, service
from server.dossiers.dependencies import PatientContext, PatientDep, PatientSummaryDep
from server.dossiers.schemas import (
    ActivatedOut,
    ActivationIn,
    ActivationStarted,
    CodeIn,
    DossierOut,
    MeOut,
    PasswordConfirmIn,
    SpaceProofIn,
    StatusOut,
)

router = APIRouter(prefix="/v1")


def _proof(body: SpaceProofIn) -> activation.SpaceProof:
    return activation.SpaceProof(body.activation_code, body.nir, body.carte_vitale_serial)


@router.post("/spaces/opposition", response_model=StatusOut, tags=["accounts"])
def oppose(
    body: SpaceProofIn, ctx: ContextDep, session: SessionDep, address: AddressDep, helper: ActingHelper
) -> StatusOut:
    """Oppose the creation of one's space (within 6 weeks of provisioning)."""
    dossier = activation.find_space(session, ctx, _proof(body), address=address)
    service.oppose(session, ctx, dossier, assisted_by=helper)
    session.commit()
    return StatusOut(status=dossier.status.value)


@router.post("/activation/check", response_model=StatusOut, tags=["accounts"])
def check_activation(body: SpaceProofIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> StatusOut:
    """Check the three proofs (activation code, NIR, Carte Vitale serial) before the person chooses an identifier
    and a password: a wrong proof is said at once, with the same answer and throttle as the activation itself."""
    dossier = activation.find_space(session, ctx, _proof(body), address=address)
    activation.ensure_activable(session, dossier, today=ctx.now().date())
    return StatusOut(status=dossier.status.value)


@router.post("/activation", response_model=ActivationStarted, status_code=status.HTTP_202_ACCEPTED, tags=["accounts"])
def start_activation(
    body: ActivationIn, ctx: ContextDep, session: SessionDep, address: AddressDep, helper: ActingHelper
) -> ActivationStarted:
    """Activation code + NIR + Carte Vitale serial + chosen identifier and password; a code is mailed."""
    pending = activation.start_activation(
        session,
        ctx,
        _proof(body),
        identifier=body.identifier,
        password=body.password,
        address=address,
        assisted_by=helper,
    )
    session.commit()
    return ActivationStarted(activation_id=pending.activation_id, email_masked=pending.email_masked)


@router.post("/activation/confirm", response_model=ActivatedOut, tags=["accounts"])
def confirm_activation(body: CodeIn, ctx: ContextDep, session: SessionDep, helper: ActingHelper) -> ActivatedOut:
    """Confirm the e-mail address with the mailed 6-digit code: the space becomes active.

    With ``device_id`` (and ``device_name``) the answer also carries a session on that device (``tokens``, the
    same pair as /v1/auth/verify): the code proved the mailbox, so no second code is needed.
    """
    done = activation.confirm_activation(
        session,
        ctx,
        activation_id=body.activation_id,
        code=body.code,
        device_id=body.device_id,
        device_name=body.device_name,
        assisted_by=helper,
    )
    session.commit()
    return ActivatedOut(
        identifier=done.account.identifier,
        dossier_id=done.account.dossier_id,
        tokens=token_pair(done.tokens) if done.tokens is not None else None,
    )


@router.get("/me", response_model=MeOut, tags=["accounts"])
async def me(me: PatientSummaryDep) -> Response:
    """Who am I (no health data). `async`: no I/O here, so no threadpool hop. The body is validated by MeOut and
    serialised once, here: FastAPI does not validate and serialise it a second time."""
    body = MeOut(
        account_id=me.account_id,
        identifier=me.identifier,
        dossier_id=me.dossier_id,
        space_status=me.space_status.value,
        device_id=me.principal.device_id,
    )
    return Response(body.model_dump_json(), media_type="application/json")


@router.get("/me/dossier", response_model=DossierOut, tags=["dossier"])
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
        sex=sex_from_nir(d.nir),
        ins=d.nir,
        ins_oid=ins_oid(d.nir),
        email=d.email,
        phone=d.phone,
        status=d.status.value,
        imported_legacy_entries=len(entries),
    )


def _confirm_password(ctx: ServiceContext, me: PatientContext, password: str) -> None:
    valid, _ = ctx.hasher.verify(password, me.account.password_hash)
    if not valid:
        raise invalid_credentials()


@router.post("/me/closure", response_model=StatusOut, tags=["dossier"])
def close(body: PasswordConfirmIn, me: PatientDep, ctx: ContextDep, session: SessionDep) -> StatusOut:
    """Close my space: archived 10 years, professionals lose access. Needs my password again."""
    _confirm_password(ctx, me, body.password)
    service.close(session, ctx, me.dossier, actor=me.principal.actor)
    session.commit()
    return StatusOut(status=me.dossier.status.value)


@router.post("/me/reactivation", response_model=StatusOut, tags=["dossier"])
def reactivate(me: PatientDep, ctx: ContextDep, session: SessionDep) -> StatusOut:
    """Reopen my closed space (or cancel a pending deletion)."""
    service.reactivate(session, ctx, me.dossier, actor=me.principal.actor)
    session.commit()
    return StatusOut(status=me.dossier.status.value)


@router.post("/me/deletion-request", response_model=StatusOut, tags=["dossier"])
def request_deletion(body: PasswordConfirmIn, me: PatientDep, ctx: ContextDep, session: SessionDep) -> StatusOut:
    """Ask for deletion: executed by the jobs within 3 months. Needs my password again."""
    _confirm_password(ctx, me, body.password)
    service.request_deletion(session, ctx, me.dossier, actor=me.principal.actor)
    session.commit()
    return StatusOut(status=me.dossier.status.value)
