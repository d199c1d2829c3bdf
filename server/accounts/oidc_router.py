"""`GET /v1/pro/auth/oidc/start` and `POST /v1/pro/auth/oidc/callback`: professionals' sign-in through Pro Santé
Connect or another OpenID Connect provider (server.accounts.oidc); 404 `oidc_disabled` unless configured."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, StringConstraints

from server.accounts import oidc
from server.accounts.dependencies import ContextDep, SessionDep
from server.accounts.login import token_pair
from server.accounts.schemas import DeviceName, Strict, TokenPair

router = APIRouter(prefix="/v1/pro/auth/oidc", tags=["professionals"])

Opaque = Annotated[str, StringConstraints(min_length=1, max_length=2048)]


class OidcStartOut(BaseModel):
    authorization_url: str
    state: str  # the client checks that the redirect it catches carries this very state
    redirect_uri: str
    expires_at: datetime


class OidcCallbackIn(Strict):
    code: Opaque
    state: Opaque
    device_name: DeviceName
    device_id: uuid.UUID | None = None


@router.get("/start", response_model=OidcStartOut)
def start(ctx: ContextDep, session: SessionDep) -> OidcStartOut:
    """The provider's authorization URL (state, nonce, PKCE S256 challenge) to open in the professional's browser."""
    authorization = oidc.start(session, ctx)
    session.commit()
    assert ctx.settings.oidc is not None
    return OidcStartOut(
        authorization_url=authorization.url,
        state=authorization.state,
        redirect_uri=ctx.settings.oidc.redirect_uri,
        expires_at=authorization.expires_at,
    )


@router.post("/callback", response_model=TokenPair)
def callback(body: OidcCallbackIn, ctx: ContextDep, session: SessionDep) -> TokenPair:
    """The code and state the provider sent to the redirect URI → a Carnet session of the matched professional."""
    tokens = oidc.finish(
        session, ctx, code=body.code, state=body.state, device_name=body.device_name, device_id=body.device_id
    )
    session.commit()
    return token_pair(tokens)
