"""HTTP routes of professionals: enrolment, two-factor login, who am I."""

from __future__ import annotations

from fastapi import APIRouter, status

from server.accounts.identity import PasswordEmailCodeProvider, ProfessionalDirectory
from server.accounts.router import token_pair
from server.deps import AddressDep, ContextDep, ProfessionalDep, SessionDep
from server.errors import unauthorized
from server.professionals import service
from server.professionals.models import Professional
from server.schemas import ChallengeOut, EnrolmentIn, ProfessionalOut, ProLoginIn, TokenPair, VerifyIn

router = APIRouter(prefix="/v1/pro", tags=["professionals"])


def professional_provider(ctx: ContextDep) -> PasswordEmailCodeProvider:
    """Today a password + e-mail code; Pro Santé Connect (OIDC) will implement the same interface."""
    return PasswordEmailCodeProvider(ctx, ProfessionalDirectory())


@router.post("/enrolment", status_code=status.HTTP_204_NO_CONTENT)
def enrol(body: EnrolmentIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> None:
    """RPPS + mailed enrolment code → choose a password."""
    service.enrol(session, ctx, rpps=body.rpps, code=body.enrolment_code, password=body.password, address=address)
    session.commit()


@router.post("/auth/login", response_model=ChallengeOut, status_code=status.HTTP_202_ACCEPTED)
def login(body: ProLoginIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> ChallengeOut:
    """First factor: RPPS + password; a code is mailed."""
    challenge = professional_provider(ctx).begin(
        session, login=body.rpps.strip(), password=body.password, address=address
    )
    session.commit()
    return ChallengeOut(challenge_id=challenge.id, expires_at=challenge.expires_at)


@router.post("/auth/verify", response_model=TokenPair)
def verify(body: VerifyIn, ctx: ContextDep, session: SessionDep, address: AddressDep) -> TokenPair:
    """Second factor: the mailed code."""
    tokens = professional_provider(ctx).complete(
        session,
        challenge_id=body.challenge_id,
        code=body.code,
        device_name=body.device_name,
        device_id=body.device_id,
        address=address,
    )
    session.commit()
    return token_pair(tokens)


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
