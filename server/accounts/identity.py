"""Two-factor login behind an identity-provider interface, so that Pro Santé Connect (OIDC) can replace it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.identifiers import normalize_rpps
from server.accounts import throttle
from server.accounts.models import Account, AccountStatus, CodePurpose, PrincipalKind, Professional
from server.accounts.tokens import IssuedTokens, consume_code, issue_code, open_session
from server.audit.service import ANONYMOUS, Actor, record
from server.context import ServiceContext
from server.errors import ProblemError


@dataclass(frozen=True, slots=True)
class PrincipalRecord:
    """What login needs to know about a principal."""

    kind: PrincipalKind
    id: uuid.UUID
    password_hash: str | None
    email: str


class PrincipalDirectory(Protocol):
    """Finds principals of one kind by their login."""

    kind: PrincipalKind

    def find(self, session: Session, login: str) -> PrincipalRecord | None: ...

    def store_password_hash(self, session: Session, principal_id: uuid.UUID, password_hash: str) -> None: ...


class PatientDirectory:
    kind = PrincipalKind.PATIENT

    def find(self, session: Session, login: str) -> PrincipalRecord | None:
        account = session.scalars(
            select(Account).where(Account.identifier == login, Account.status == AccountStatus.ACTIVE)
        ).first()
        if account is None:
            return None
        return PrincipalRecord(self.kind, account.id, account.password_hash, account.email)

    def store_password_hash(self, session: Session, principal_id: uuid.UUID, password_hash: str) -> None:
        account = session.get(Account, principal_id)
        assert account is not None
        account.password_hash = password_hash


class ProfessionalDirectory:
    kind = PrincipalKind.PROFESSIONAL

    def find(self, session: Session, login: str) -> PrincipalRecord | None:
        try:
            rpps = normalize_rpps(login)
        except DossierValidationError:
            return None
        pro = session.scalars(select(Professional).where(Professional.rpps == rpps)).first()
        if pro is None or pro.password_hash is None:
            return None
        return PrincipalRecord(self.kind, pro.id, pro.password_hash, pro.email)

    def store_password_hash(self, session: Session, principal_id: uuid.UUID, password_hash: str) -> None:
        pro = session.get(Professional, principal_id)
        assert pro is not None
        pro.password_hash = password_hash


@dataclass(frozen=True, slots=True)
class Challenge:
    """The first factor passed; a code went by e-mail. `id` is what the second step presents."""

    id: uuid.UUID
    expires_at: datetime


class IdentityProvider(Protocol):
    """Authenticates a principal and opens a session on a device."""

    def begin(self, session: Session, *, login: str, password: str, address: str) -> Challenge: ...

    def complete(
        self,
        session: Session,
        *,
        challenge_id: uuid.UUID,
        code: str,
        device_name: str,
        device_id: uuid.UUID | None,
        address: str,
    ) -> IssuedTokens: ...


def invalid_credentials() -> ProblemError:
    return ProblemError(
        401,
        "invalid_credentials",
        "Identifiant ou mot de passe incorrect.",
        "Wrong identifier or password.",
    )


class PasswordEmailCodeProvider:
    """Password (Argon2id, rehash on login, dummy verify for unknown logins) + a 6-digit code by e-mail."""

    def __init__(self, ctx: ServiceContext, directory: PrincipalDirectory) -> None:
        self.ctx = ctx
        self.directory = directory

    def begin(self, session: Session, *, login: str, password: str, address: str) -> Challenge:
        ctx, now = self.ctx, self.ctx.now()
        keys = [throttle.account_key(self.directory.kind.value, login), throttle.address_key(address)]
        throttle.check(session, keys, now=now)
        principal = self.directory.find(session, login)
        valid, new_hash = ctx.hasher.verify(password, principal.password_hash if principal else None)
        if principal is None or not valid:
            throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
            actor = Actor(principal.id, principal.kind.value) if principal else ANONYMOUS
            record(session, actor=actor, action="auth.login.failed", at=now)
            session.commit()
            raise invalid_credentials()
        if new_hash is not None:
            self.directory.store_password_hash(session, principal.id, new_hash)
        throttle.register_success(session, keys[0])
        code = issue_code(
            session,
            ctx,
            purpose=CodePurpose.LOGIN,
            kind=principal.kind,
            principal_id=principal.id,
            email=principal.email,
        )
        record(session, actor=Actor(principal.id, principal.kind.value), action="auth.login.password_ok", at=now)
        return Challenge(code.id, code.expires_at)

    def complete(
        self,
        session: Session,
        *,
        challenge_id: uuid.UUID,
        code: str,
        device_name: str,
        device_id: uuid.UUID | None,
        address: str,
    ) -> IssuedTokens:
        ctx, now = self.ctx, self.ctx.now()
        keys = [throttle.address_key(address)]
        throttle.check(session, keys, now=now)
        try:
            row = consume_code(session, ctx, code_id=challenge_id, code=code, purpose=CodePurpose.LOGIN)
        except ProblemError:
            throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
            session.commit()
            raise
        if row.principal_kind != self.directory.kind:
            raise invalid_credentials()
        return open_session(
            session,
            ctx,
            kind=row.principal_kind,
            principal_id=row.principal_id,
            device_name=device_name,
            device_id=device_id,
        )
