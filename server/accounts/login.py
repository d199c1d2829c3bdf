"""The two-factor login routes (password, then the mailed code), made once for every kind of principal.

`add_login_routes` puts `POST …/auth/login` and `POST …/auth/verify` on a router: patients' (accounts) and
professionals' (professionals) differ only in their directory, their login body and how a login is read from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from fastapi import APIRouter, status

from server.accounts.dependencies import ActingHelper, AddressDep, ContextDep, SessionDep
from server.accounts.identity import PasswordEmailCodeProvider, PrincipalDirectory
from server.accounts.models import PrincipalKind
from server.accounts.schemas import ChallengeOut, TokenPair, UnlockIn, VerifyIn
from server.accounts.tokens import IssuedTokens
from server.errors import ProblemError


class Credentials(Protocol):
    """A login body: some login (read by the route's `login_of`) and a password."""

    @property
    def password(self) -> str: ...


Body = TypeVar("Body", bound=Credentials)


def token_pair(tokens: IssuedTokens) -> TokenPair:
    return TokenPair(
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        expires_in=tokens.expires_in,
        device_id=tokens.device_id,
    )


def add_login_routes(
    router: APIRouter,
    *,
    directory: PrincipalDirectory,
    body_model: type[Body],
    login_of: Callable[[Body], str],
    login_doc: str,
    verify_doc: str,
) -> None:
    """`/auth/login` (first factor: a challenge, no token yet, S31) and `/auth/verify` (second factor: a session
    on a registered device) on `router`, for the principals of `directory`."""

    def login(body: Any, ctx: ContextDep, session: SessionDep, address: AddressDep) -> ChallengeOut:
        provider = PasswordEmailCodeProvider(ctx, directory)
        challenge = provider.begin(session, login=login_of(body), password=body.password, address=address, proof=body)
        session.commit()
        return ChallengeOut(challenge_id=challenge.id, expires_at=challenge.expires_at)

    def unlock(body: UnlockIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> ChallengeOut:
        """After failures locked the account: a code mailed to the account's address lets its owner's next login
        in (`unlock_id` + `unlock_code`); the same answer for a login that does not exist (S29)."""
        challenge = PasswordEmailCodeProvider(ctx, directory).request_unlock(
            session, login=body.login.strip(), address=address
        )
        session.commit()
        return ChallengeOut(challenge_id=challenge.id, expires_at=challenge.expires_at)

    def verify(
        body: VerifyIn, ctx: ContextDep, session: SessionDep, address: AddressDep, helper: ActingHelper
    ) -> TokenPair:
        if helper is not None and directory.kind != PrincipalKind.PATIENT:
            raise ProblemError(
                400, "invalid_helper", "Seul un patient peut être accompagné.", "Only a patient can be assisted."
            )
        tokens = PasswordEmailCodeProvider(ctx, directory).complete(
            session,
            challenge_id=body.challenge_id,
            code=body.code,
            device_name=body.device_name,
            device_id=body.device_id,
            address=address,
            assisted_by=helper,  # the checked helper of an assisted session signing the person in (S51)
        )
        session.commit()
        return token_pair(tokens)

    login.__annotations__["body"] = body_model  # FastAPI reads the body's model from here
    login.__doc__, verify.__doc__ = login_doc, verify_doc
    router.post("/auth/login", response_model=ChallengeOut, status_code=status.HTTP_202_ACCEPTED)(login)
    router.post("/auth/verify", response_model=TokenPair)(verify)
    router.post("/auth/unlock", response_model=ChallengeOut, status_code=status.HTTP_202_ACCEPTED)(unlock)
