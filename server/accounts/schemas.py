"""Request and response bodies of the HTTP API; every field is bounded so nothing unchecked reaches the database."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Code6 = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
Password = Annotated[str, StringConstraints(min_length=1, max_length=256)]
Login = Annotated[str, StringConstraints(min_length=1, max_length=100)]
DeviceName = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]
Email = Annotated[str, StringConstraints(min_length=3, max_length=254)]
Token = Annotated[str, StringConstraints(min_length=10, max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OwnerProof(Strict):
    """What lets an account's owner in while strangers' failures hold the account (S29): a refresh token of one of
    the account's devices, or a code mailed to the account's address (`/auth/unlock`)."""

    device_token: Token | None = None
    unlock_id: uuid.UUID | None = None
    unlock_code: Code6 | None = None


class LoginIn(OwnerProof):
    identifier: Login
    password: Password


class UnlockIn(Strict):
    login: Login


class ChallengeOut(BaseModel):
    challenge_id: uuid.UUID
    expires_at: datetime


class VerifyIn(Strict):
    challenge_id: uuid.UUID
    code: Code6
    device_name: DeviceName
    device_id: uuid.UUID | None = None


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 (the OAuth token type name)
    expires_in: int
    device_id: uuid.UUID


class RefreshIn(Strict):
    refresh_token: Token


class ForgotIdentifierIn(Strict):
    email: Email


class ForgotPasswordIn(Strict):
    identifier: Login


class RequestAccepted(BaseModel):
    request_id: uuid.UUID | None = None
    detail: str


class ResetPasswordIn(Strict):
    request_id: uuid.UUID
    code: Code6
    new_password: Password


class PasswordChangeIn(Strict):
    current_password: Password
    new_password: Password


class DeviceOut(BaseModel):
    id: uuid.UUID
    name: str
    first_seen_at: datetime
    last_seen_at: datetime
    revoked: bool
    current: bool
