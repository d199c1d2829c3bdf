"""HTTP routes of patient accounts: opposition, activation, login, tokens, recovery, devices."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from server.accounts import service
from server.accounts.identity import PasswordEmailCodeProvider, PatientDirectory
from server.accounts.models import Account, PrincipalKind
from server.accounts.service import SpaceProof
from server.accounts.tokens import IssuedTokens, revoke_device_sessions, rotate_refresh
from server.audit.service import record
from server.deps import (
    ActingHelper,
    AddressDep,
    ContextDep,
    PatientDep,
    PatientSummaryDep,
    SessionDep,
    parse_acting_helper,
)
from server.dossiers import service as dossiers
from server.schemas import (
    ActivatedOut,
    ActivationIn,
    ActivationStarted,
    ChallengeOut,
    CodeIn,
    DeviceOut,
    ForgotIdentifierIn,
    ForgotPasswordIn,
    LoginIn,
    MeOut,
    PasswordChangeIn,
    RefreshIn,
    RequestAccepted,
    ResetPasswordIn,
    SpaceProofIn,
    StatusOut,
    TokenPair,
    VerifyIn,
)

router = APIRouter(prefix="/v1", tags=["accounts"])


def token_pair(tokens: IssuedTokens) -> TokenPair:
    return TokenPair(
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        expires_in=tokens.expires_in,
        device_id=tokens.device_id,
    )


def _proof(body: SpaceProofIn) -> SpaceProof:
    return SpaceProof(body.activation_code, body.nir, body.carte_vitale_serial)


@router.post("/spaces/opposition", response_model=StatusOut)
def oppose(
    body: SpaceProofIn, ctx: ContextDep, session: SessionDep, address: AddressDep, helper: ActingHelper = None
) -> StatusOut:
    """Oppose the creation of one's space (within 6 weeks of provisioning)."""
    dossier = service.find_space(session, ctx, _proof(body), address=address)
    dossiers.oppose(session, ctx, dossier, assisted_by=parse_acting_helper(helper))
    session.commit()
    return StatusOut(status=dossier.status.value)


@router.post("/activation", response_model=ActivationStarted, status_code=status.HTTP_202_ACCEPTED)
def start_activation(
    body: ActivationIn, ctx: ContextDep, session: SessionDep, address: AddressDep, helper: ActingHelper = None
) -> ActivationStarted:
    """Activation code + NIR + Carte Vitale serial + chosen identifier and password; a code is mailed."""
    pending = service.start_activation(
        session,
        ctx,
        _proof(body),
        identifier=body.identifier,
        password=body.password,
        address=address,
        assisted_by=parse_acting_helper(helper),
    )
    session.commit()
    return ActivationStarted(activation_id=pending.activation_id, email_masked=pending.email_masked)


@router.post("/activation/confirm", response_model=ActivatedOut)
def confirm_activation(body: CodeIn, ctx: ContextDep, session: SessionDep, helper: ActingHelper = None) -> ActivatedOut:
    """Confirm the e-mail address with the mailed 6-digit code: the space becomes active.

    With ``device_id`` (and ``device_name``) the answer also carries a session on that device (``tokens``, the
    same pair as /v1/auth/verify): the code proved the mailbox, so no second code is needed.
    """
    done = service.confirm_activation(
        session,
        ctx,
        activation_id=body.activation_id,
        code=body.code,
        device_id=body.device_id,
        device_name=body.device_name,
        assisted_by=parse_acting_helper(helper),
    )
    session.commit()
    return ActivatedOut(
        identifier=done.account.identifier,
        dossier_id=done.account.dossier_id,
        tokens=token_pair(done.tokens) if done.tokens is not None else None,
    )


def patient_provider(ctx: ContextDep) -> PasswordEmailCodeProvider:
    return PasswordEmailCodeProvider(ctx, PatientDirectory())


@router.post("/auth/login", response_model=ChallengeOut, status_code=status.HTTP_202_ACCEPTED)
def login(body: LoginIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> ChallengeOut:
    """First factor: identifier + password. A 6-digit code is mailed; no token yet (S31)."""
    challenge = patient_provider(ctx).begin(session, login=body.identifier, password=body.password, address=address)
    session.commit()
    return ChallengeOut(challenge_id=challenge.id, expires_at=challenge.expires_at)


@router.post("/auth/verify", response_model=TokenPair)
def verify(body: VerifyIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> TokenPair:
    """Second factor: the mailed code; opens a session on a registered device."""
    tokens = patient_provider(ctx).complete(
        session,
        challenge_id=body.challenge_id,
        code=body.code,
        device_name=body.device_name,
        device_id=body.device_id,
        address=address,
    )
    session.commit()
    return token_pair(tokens)


@router.post("/auth/refresh", response_model=TokenPair)
def refresh(body: RefreshIn, ctx: ContextDep, session: SessionDep) -> TokenPair:
    """Trade a refresh token (single use) for a new pair on the same device."""
    tokens = rotate_refresh(session, ctx, body.refresh_token)
    session.commit()
    return token_pair(tokens)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(me: PatientDep, ctx: ContextDep, session: SessionDep) -> None:
    """Close every session of the calling device."""
    revoke_device_sessions(session, [me.principal.device_id], now=ctx.now())
    record(session, actor=me.principal.actor, action="auth.logout", at=ctx.now())
    session.commit()


_SENT_FR = "Si un compte correspond, un message vient d'être envoyé à l'adresse e-mail enregistrée."


@router.post("/recovery/identifier", response_model=RequestAccepted, status_code=status.HTTP_202_ACCEPTED)
def forgot_identifier(
    body: ForgotIdentifierIn, ctx: ContextDep, session: SessionDep, address: AddressDep
) -> RequestAccepted:
    """Identifiant oublié: the same answer whether or not an account exists."""
    service.forgot_identifier(session, ctx, email=body.email, address=address)
    session.commit()
    return RequestAccepted(detail=_SENT_FR)


@router.post("/recovery/password", response_model=RequestAccepted, status_code=status.HTTP_202_ACCEPTED)
def forgot_password(
    body: ForgotPasswordIn, ctx: ContextDep, session: SessionDep, address: AddressDep
) -> RequestAccepted:
    """Mot de passe oublié: always a request id; a code is mailed only if the account exists."""
    request_id = service.forgot_password(session, ctx, identifier=body.identifier, address=address)
    session.commit()
    return RequestAccepted(request_id=request_id, detail=_SENT_FR)


@router.post("/recovery/password/confirm", status_code=status.HTTP_204_NO_CONTENT)
def reset_password(body: ResetPasswordIn, ctx: ContextDep, session: SessionDep) -> None:
    """New password with the mailed code; every session is revoked."""
    service.reset_password(session, ctx, request_id=body.request_id, code=body.code, new_password=body.new_password)
    session.commit()


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
def change_password(body: PasswordChangeIn, me: PatientDep, ctx: ContextDep, session: SessionDep) -> None:
    """Change my password; every session on my other devices is closed."""
    account = session.get(Account, me.account.id)
    assert account is not None
    service.change_password(
        session, ctx, account=account, actor=me.principal.actor, current=body.current_password, new=body.new_password
    )
    session.commit()


@router.get("/me", response_model=MeOut)
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


@router.get("/me/devices", response_model=list[DeviceOut])
def devices(me: PatientDep, session: SessionDep) -> list[DeviceOut]:
    """The devices registered to my account."""
    return [
        DeviceOut(
            id=d.id,
            name=d.name,
            first_seen_at=d.first_seen_at,
            last_seen_at=d.last_seen_at,
            revoked=d.revoked_at is not None,
            current=d.id == me.principal.device_id,
        )
        for d in service.list_devices(session, kind=PrincipalKind.PATIENT, principal_id=me.account.id)
    ]


@router.delete("/me/devices/{device_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_device(
    device_id: Annotated[uuid.UUID, Path()], me: PatientDep, ctx: ContextDep, session: SessionDep
) -> None:
    """Revoke one of my devices: its tokens stop working at once."""
    service.revoke_device(session, ctx, actor=me.principal.actor, kind=PrincipalKind.PATIENT, device_id=device_id)
    session.commit()
