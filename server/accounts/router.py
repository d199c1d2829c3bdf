"""HTTP routes of patient accounts: login, tokens, recovery, password, devices (taking a space: server/dossiers)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status

from server.accounts import service
from server.accounts.dependencies import AddressDep, ContextDep, PatientAccountDep, SessionDep
from server.accounts.identity import PatientDirectory
from server.accounts.login import add_login_routes, token_pair
from server.accounts.models import Account, PrincipalKind
from server.accounts.schemas import (
    DeviceOut,
    ForgotIdentifierIn,
    ForgotPasswordIn,
    LoginIn,
    PasswordChangeIn,
    RefreshIn,
    RequestAccepted,
    ResetPasswordIn,
    TokenPair,
)
from server.accounts.tokens import revoke_device_sessions, rotate_refresh
from server.audit.service import record

router = APIRouter(prefix="/v1", tags=["accounts"])


add_login_routes(
    router,
    directory=PatientDirectory(),
    body_model=LoginIn,
    login_of=lambda body: body.identifier,
    login_doc="First factor: identifier + password. A 6-digit code is mailed; no token yet (S31).",
    verify_doc="Second factor: the mailed code; opens a session on a registered device.",
)


@router.post("/auth/refresh", response_model=TokenPair)
def refresh(body: RefreshIn, ctx: ContextDep, session: SessionDep) -> TokenPair:
    """Trade a refresh token (single use) for a new pair on the same device."""
    tokens = rotate_refresh(session, ctx, body.refresh_token)
    session.commit()
    return token_pair(tokens)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(me: PatientAccountDep, ctx: ContextDep, session: SessionDep) -> None:
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
def change_password(body: PasswordChangeIn, me: PatientAccountDep, ctx: ContextDep, session: SessionDep) -> None:
    """Change my password; every session on my other devices is closed."""
    account = session.get(Account, me.account.id)
    assert account is not None
    service.change_password(
        session, ctx, account=account, actor=me.principal.actor, current=body.current_password, new=body.new_password
    )
    session.commit()


@router.get("/me/devices", response_model=list[DeviceOut])
def devices(me: PatientAccountDep, session: SessionDep) -> list[DeviceOut]:
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
    device_id: Annotated[uuid.UUID, Path()], me: PatientAccountDep, ctx: ContextDep, session: SessionDep
) -> None:
    """Revoke one of my devices: its tokens stop working at once."""
    service.revoke_device(session, ctx, actor=me.principal.actor, kind=PrincipalKind.PATIENT, device_id=device_id)
    session.commit()
