"""Sessions: one-time codes, access tokens and rotating refresh tokens bound to devices (S34)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server.accounts.models import AccessToken, CodePurpose, Device, OneTimeCode, PrincipalKind, RefreshToken
from server.audit.service import Actor, record
from server.context import ServiceContext
from server.errors import ProblemError, device_revoked
from server.mail import templates
from server.security import new_otp, new_token, same_hash, sha256_hex

_PURPOSE_TEXT = {
    CodePurpose.EMAIL_CONFIRM: ("confirmer votre adresse e-mail", "confirm your e-mail address"),
    CodePurpose.LOGIN: ("vous connecter", "sign in"),
    CodePurpose.PASSWORD_RESET: ("changer votre mot de passe", "reset your password"),
    CodePurpose.LOGIN_UNLOCK: (
        "vous connecter malgré le blocage de votre compte",
        "sign in although your account is locked",
    ),
}


def issue_code(
    session: Session,
    ctx: ServiceContext,
    *,
    purpose: CodePurpose,
    kind: PrincipalKind,
    principal_id: uuid.UUID,
    email: str | None,
) -> OneTimeCode:
    """Store a new code (hashed) and mail it; `email=None` stores a decoy that nobody can use."""
    code = new_otp()
    row = OneTimeCode(
        purpose=purpose,
        principal_kind=kind,
        principal_id=principal_id,
        code_hash=sha256_hex(code),
        expires_at=ctx.now() + ctx.settings.otp_ttl,
        attempts=0,
    )
    session.add(row)
    session.flush()
    if email is not None:
        fr, en = _PURPOSE_TEXT[purpose]
        minutes = int(ctx.settings.otp_ttl.total_seconds() // 60)
        ctx.mailer.send(templates.one_time_code(to=email, code=code, purpose_fr=fr, purpose_en=en, minutes=minutes))
    return row


def _code_invalid() -> ProblemError:
    return ProblemError(
        400,
        "code_invalid",
        "Code incorrect ou déjà utilisé. Demandez un nouveau code.",
        "Wrong or already used code. Ask for a new code.",
    )


def consume_code(
    session: Session, ctx: ServiceContext, *, code_id: uuid.UUID, code: str, purpose: CodePurpose
) -> OneTimeCode:
    """Check and burn a code; a failed attempt is committed before the error is raised."""
    now = ctx.now()
    row = session.get(OneTimeCode, code_id, with_for_update=True)
    if row is None or row.purpose != purpose or row.used_at is not None:
        raise _code_invalid()
    if row.expires_at <= now:
        raise ProblemError(
            400,
            "code_expired",
            "Ce code a expiré. Demandez un nouveau code.",
            "This code has expired. Ask for a new code.",
        )
    if row.attempts >= ctx.settings.otp_max_attempts:
        raise _code_invalid()
    if not same_hash(row.code_hash, sha256_hex(code)):
        row.attempts += 1
        if row.attempts >= ctx.settings.otp_max_attempts:
            row.used_at = now
        record(
            session,
            actor=Actor(row.principal_id, row.principal_kind.value),
            action="auth.code.failed",
            at=now,
        )
        session.commit()
        raise _code_invalid()
    row.used_at = now
    return row


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    device_id: uuid.UUID


def device_of_token(
    session: Session, ctx: ServiceContext, token: str, *, kind: PrincipalKind, principal_id: uuid.UUID
) -> uuid.UUID | None:
    """The live device of this principal that holds this refresh token (unused, unexpired, unrevoked), if any."""
    now = ctx.now()
    row = session.scalars(
        select(Device.id)
        .join(RefreshToken, RefreshToken.device_id == Device.id)
        .where(
            RefreshToken.token_hash == sha256_hex(token),
            RefreshToken.used_at.is_(None),
            RefreshToken.revoked_at.is_(None),
            RefreshToken.expires_at > now,
            Device.principal_kind == kind,
            Device.principal_id == principal_id,
            Device.revoked_at.is_(None),
        )
    ).first()
    return row


def register_device(
    session: Session,
    ctx: ServiceContext,
    *,
    kind: PrincipalKind,
    principal_id: uuid.UUID,
    name: str,
    device_id: uuid.UUID | None,
) -> Device:
    """Reuse the caller's registered device when it is theirs and alive; otherwise register a new one, under the
    id the client generated when nobody has it yet (else a fresh one: the answer always names the id to keep)."""
    now = ctx.now()
    new_id: uuid.UUID | None = None
    if device_id is not None:
        device = session.get(Device, device_id)
        if device is None:
            new_id = device_id
        elif device.principal_id == principal_id and device.principal_kind == kind and device.revoked_at is None:
            device.last_seen_at = now
            device.name = name
            return device
    device = Device(principal_kind=kind, principal_id=principal_id, name=name, first_seen_at=now, last_seen_at=now)
    if new_id is not None:
        device.id = new_id
    session.add(device)
    session.flush()
    return device


def issue_tokens(session: Session, ctx: ServiceContext, device: Device) -> IssuedTokens:
    now = ctx.now()
    access, refresh = new_token(), new_token()
    session.add(
        AccessToken(token_hash=sha256_hex(access), device_id=device.id, expires_at=now + ctx.settings.access_token_ttl)
    )
    session.add(
        RefreshToken(
            token_hash=sha256_hex(refresh),
            device_id=device.id,
            expires_at=now + ctx.settings.refresh_token_ttl,
        )
    )
    return IssuedTokens(
        access_token=access,
        refresh_token=refresh,
        expires_in=int(ctx.settings.access_token_ttl.total_seconds()),
        device_id=device.id,
    )


def open_session(
    session: Session,
    ctx: ServiceContext,
    *,
    kind: PrincipalKind,
    principal_id: uuid.UUID,
    device_name: str,
    device_id: uuid.UUID | None,
    assisted_by: str | None = None,
) -> IssuedTokens:
    """A proven mailbox opens a session: register (or reuse) the device, issue its tokens, audit the sign-in.

    Shared by the login's second factor and the activation's e-mail confirmation (both prove the address).
    """
    device = register_device(session, ctx, kind=kind, principal_id=principal_id, name=device_name, device_id=device_id)
    tokens = issue_tokens(session, ctx, device)
    record(
        session,
        actor=Actor(principal_id, kind.value, device_id=device.id, assisted_by=assisted_by),
        action="auth.login.success",
        at=ctx.now(),
    )
    return tokens


def revoke_device_sessions(session: Session, device_ids: list[uuid.UUID], *, now: datetime) -> None:
    """Kill every access and refresh token of these devices."""
    if not device_ids:
        return
    session.execute(
        update(AccessToken)
        .where(AccessToken.device_id.in_(device_ids), AccessToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.device_id.in_(device_ids), RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_all_sessions(session: Session, *, kind: PrincipalKind, principal_id: uuid.UUID, now: datetime) -> None:
    device_ids = list(
        session.scalars(select(Device.id).where(Device.principal_kind == kind, Device.principal_id == principal_id))
    )
    revoke_device_sessions(session, device_ids, now=now)


def _session_invalid() -> ProblemError:
    return ProblemError(
        401,
        "refresh_token_invalid",
        "Session expirée ou révoquée : reconnectez-vous.",
        "Session expired or revoked: please sign in again.",
    )


def rotate_refresh(session: Session, ctx: ServiceContext, refresh_token: str) -> IssuedTokens:
    """Single-use rotation; presenting a used token again revokes every session of its device (S34)."""
    now = ctx.now()
    token_hash = sha256_hex(refresh_token)
    row = session.get(RefreshToken, token_hash)
    if row is None:
        raise _session_invalid()
    device = session.get(Device, row.device_id)
    if device is not None and device.revoked_at is not None:
        raise device_revoked()  # before expiry: the client must learn the device is gone, not just sign in again
    if device is None or row.revoked_at is not None or row.expires_at <= now:
        raise _session_invalid()
    claimed = session.execute(
        update(RefreshToken)
        .where(RefreshToken.token_hash == token_hash, RefreshToken.used_at.is_(None))
        .values(used_at=now)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        revoke_device_sessions(session, [device.id], now=now)
        record(
            session,
            actor=Actor(device.principal_id, device.principal_kind.value, device_id=device.id),
            action="auth.refresh.reuse_detected",
            at=now,
        )
        session.commit()
        raise ProblemError(
            401,
            "refresh_token_reused",
            "Ce jeton a déjà servi : par sécurité, toutes les sessions de cet appareil sont fermées.",
            "This token was already used: every session of this device has been closed.",
        )
    device.last_seen_at = now
    # The access tokens issued before stop working now, not at their expiry (issue 15, finding 10; S34).
    session.execute(
        update(AccessToken)
        .where(AccessToken.device_id == device.id, AccessToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    record(
        session,
        actor=Actor(device.principal_id, device.principal_kind.value, device_id=device.id),
        action="auth.refresh",
        at=now,
    )
    return issue_tokens(session, ctx, device)
