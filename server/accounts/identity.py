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
from server.accounts.assisting import usable
from server.accounts.helper_models import Helper, HelperOrganisation
from server.accounts.models import Account, AccountStatus, CodePurpose, PrincipalKind, Professional
from server.accounts.schemas import OwnerProof
from server.accounts.tokens import IssuedTokens, consume_code, device_of_token, issue_code, open_session
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


class HelperDirectory:
    """Helpers of assisted sessions, by e-mail: enrolled, neither they nor their organisation disabled (S51)."""

    kind = PrincipalKind.HELPER

    def find(self, session: Session, login: str) -> PrincipalRecord | None:
        helper = session.scalars(select(Helper).where(Helper.email == login.strip().lower())).first()
        org = session.get(HelperOrganisation, helper.organisation_id) if helper is not None else None
        if helper is None or not usable(helper, org):
            return None
        return PrincipalRecord(self.kind, helper.id, helper.password_hash, helper.email)

    def store_password_hash(self, session: Session, principal_id: uuid.UUID, password_hash: str) -> None:
        helper = session.get(Helper, principal_id)
        assert helper is not None
        helper.password_hash = password_hash


@dataclass(frozen=True, slots=True)
class Challenge:
    """The first factor passed; a code went by e-mail. `id` is what the second step presents."""

    id: uuid.UUID
    expires_at: datetime


class IdentityProvider(Protocol):
    """Authenticates a principal and opens a session on a device."""

    def begin(
        self, session: Session, *, login: str, password: str, address: str, proof: OwnerProof | None = None
    ) -> Challenge: ...

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

    def begin(
        self, session: Session, *, login: str, password: str, address: str, proof: OwnerProof | None = None
    ) -> Challenge:
        ctx, now = self.ctx, self.ctx.now()
        principal = self.directory.find(session, login)
        account = self._account_key(session, login, principal, proof)
        throttle.check(session, [throttle.address_key(address)], now=now)
        if account is not None:
            throttle.check(session, [account], now=now, hint=throttle.OWNER_WAYS_IN)
        unlocked = account is None  # by a mailed code: the strangers' failures stay counted against the account
        account = account or throttle.account_key(self.directory.kind.value, login)
        keys = [account, throttle.address_key(address)]
        valid, new_hash = ctx.hasher.verify(password, principal.password_hash if principal else None)
        if principal is None or not valid:
            throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
            actor = Actor(principal.id, principal.kind.value) if principal else ANONYMOUS
            record(session, actor=actor, action="auth.login.failed", at=now)
            session.commit()
            raise invalid_credentials()
        if new_hash is not None:
            self.directory.store_password_hash(session, principal.id, new_hash)
        if not unlocked:
            throttle.register_success(session, account)
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

    def _account_key(
        self, session: Session, login: str, principal: PrincipalRecord | None, proof: OwnerProof | None
    ) -> str | None:
        """The account's counter, or what the owner's proof puts in its place (S29, issue 15 #8): a known device's
        own counter, or none at all for one login after a code mailed to the account's address."""
        key = throttle.account_key(self.directory.kind.value, login)
        if principal is None or proof is None:
            return key
        if proof.device_token is not None:
            device = device_of_token(
                session, self.ctx, proof.device_token, kind=principal.kind, principal_id=principal.id
            )
            if device is not None:
                return throttle.device_key(key, device)
        if proof.unlock_id is not None and proof.unlock_code is not None:
            try:
                row = consume_code(
                    session, self.ctx, code_id=proof.unlock_id, code=proof.unlock_code, purpose=CodePurpose.LOGIN_UNLOCK
                )
            except ProblemError:
                return key
            if row.principal_kind == principal.kind and row.principal_id == principal.id:
                return None
        return key

    def request_unlock(self, session: Session, *, login: str, address: str) -> Challenge:
        """Mail a code that lets the owner's next login past the account lock-out; the same answer whether the
        login exists or not (a decoy code for an unknown one). Each request counts against the address and the
        account, so that it cannot flood a mailbox."""
        ctx, now = self.ctx, self.ctx.now()
        keys = [throttle.account_key("unlock:" + self.directory.kind.value, login), throttle.address_key(address)]
        throttle.check(session, keys, now=now)
        throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
        principal = self.directory.find(session, login)
        code = issue_code(
            session,
            ctx,
            purpose=CodePurpose.LOGIN_UNLOCK,
            kind=self.directory.kind,
            principal_id=principal.id if principal else uuid.uuid4(),
            email=principal.email if principal else None,
        )
        actor = Actor(principal.id, principal.kind.value) if principal else ANONYMOUS
        record(session, actor=actor, action="auth.login.unlock_requested", at=now)
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
        assisted_by: str | None = None,
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
            assisted_by=assisted_by,
        )
