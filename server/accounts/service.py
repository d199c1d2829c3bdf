"""Patient account flows: recovery, password, devices (activating a space: server/dossiers/activation.py)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.passwords import check_password
from server.accounts import throttle
from server.accounts.models import Account, AccountStatus, CodePurpose, Device, PrincipalKind
from server.accounts.tokens import (
    consume_code,
    issue_code,
    revoke_all_sessions,
    revoke_device_sessions,
)
from server.audit.service import ANONYMOUS, Actor, record
from server.context import ServiceContext
from server.errors import ProblemError, from_validation, not_found
from server.mail import templates


def forgot_identifier(session: Session, ctx: ServiceContext, *, email: str, address: str) -> None:
    """Mail the identifiers tied to this address, if any; the answer is the same either way."""
    now = ctx.now()
    keys = [throttle.address_key(address)]
    throttle.check(session, keys, now=now)
    throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
    identifiers = list(
        session.scalars(
            select(Account.identifier).where(
                Account.email == email.strip().lower(), Account.status == AccountStatus.ACTIVE
            )
        )
    )
    if identifiers:
        ctx.mailer.send(templates.identifier_reminder(to=email.strip(), identifiers=identifiers))
    record(session, actor=ANONYMOUS, action="auth.identifier_reminder", at=now)


def forgot_password(session: Session, ctx: ServiceContext, *, identifier: str, address: str) -> uuid.UUID:
    """Start a reset; unknown identifiers get a decoy request id so the answer never reveals an account."""
    now = ctx.now()
    keys = [throttle.address_key(address)]
    throttle.check(session, keys, now=now)
    throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
    account = session.scalars(
        select(Account).where(Account.identifier == identifier, Account.status == AccountStatus.ACTIVE)
    ).first()
    code = issue_code(
        session,
        ctx,
        purpose=CodePurpose.PASSWORD_RESET,
        kind=PrincipalKind.PATIENT,
        principal_id=account.id if account else uuid.uuid4(),
        email=account.email if account else None,
    )
    record(session, actor=ANONYMOUS, action="auth.password_reset_requested", at=now)
    return code.id


def reset_password(
    session: Session, ctx: ServiceContext, *, request_id: uuid.UUID, code: str, new_password: str
) -> None:
    """Set a new password with the mailed code; every session of the account is revoked (S34)."""
    row = consume_code(session, ctx, code_id=request_id, code=code, purpose=CodePurpose.PASSWORD_RESET)
    account = session.get(Account, row.principal_id)
    if account is None:
        raise ProblemError(400, "code_invalid", "Code incorrect ou déjà utilisé.", "Wrong or already used code.")
    try:
        check_password(new_password, user_inputs=(account.identifier, account.email))
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    now = ctx.now()
    account.password_hash = ctx.hasher.hash(new_password)
    revoke_all_sessions(session, kind=PrincipalKind.PATIENT, principal_id=account.id, now=now)
    record(
        session,
        actor=Actor(account.id, "patient"),
        action="auth.password_reset",
        at=now,
        dossier_id=account.dossier_id,
    )


def change_password(
    session: Session, ctx: ServiceContext, *, account: Account, actor: Actor, current: str, new: str
) -> None:
    """Change on suspicion of compromise (S30): needs the current password; every other session is revoked (S34)."""
    valid, _ = ctx.hasher.verify(current, account.password_hash)
    if not valid:
        raise ProblemError(401, "invalid_credentials", "Mot de passe actuel incorrect.", "Wrong current password.")
    try:
        check_password(new, user_inputs=(account.identifier, account.email))
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    now = ctx.now()
    account.password_hash = ctx.hasher.hash(new)
    others = [
        d.id
        for d in list_devices(session, kind=PrincipalKind.PATIENT, principal_id=account.id)
        if d.id != actor.device_id
    ]
    revoke_device_sessions(session, others, now=now)
    record(session, actor=actor, action="auth.password_changed", at=now, dossier_id=account.dossier_id)


def list_devices(session: Session, *, kind: PrincipalKind, principal_id: uuid.UUID) -> list[Device]:
    return list(
        session.scalars(
            select(Device)
            .where(Device.principal_kind == kind, Device.principal_id == principal_id)
            .order_by(Device.first_seen_at)
        )
    )


def revoke_device(
    session: Session, ctx: ServiceContext, *, actor: Actor, kind: PrincipalKind, device_id: uuid.UUID
) -> None:
    """Revoke one of the principal's devices; its tokens die at once."""
    device = session.get(Device, device_id)
    if device is None or device.principal_id != actor.actor_id or device.principal_kind != kind:
        raise not_found("Appareil", "Device")
    now = ctx.now()
    if device.revoked_at is None:
        device.revoked_at = now
    revoke_device_sessions(session, [device.id], now=now)
    record(session, actor=actor, action="device.revoked", at=now)
