"""Request and response bodies of the HTTP API; every field is bounded so nothing unchecked reaches the database."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

Code6 = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
Password = Annotated[str, StringConstraints(min_length=1, max_length=256)]
Login = Annotated[str, StringConstraints(min_length=1, max_length=100)]
DeviceName = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]
Email = Annotated[str, StringConstraints(min_length=3, max_length=254)]
Token = Annotated[str, StringConstraints(min_length=10, max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpaceProofIn(Strict):
    activation_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    nir: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    carte_vitale_serial: Annotated[str, StringConstraints(min_length=1, max_length=40)]


class ActivationIn(SpaceProofIn):
    identifier: Login
    password: Password


class ActivationStarted(BaseModel):
    activation_id: uuid.UUID
    email_masked: str


class CodeIn(Strict):
    """The mailed code confirming an activation; with ``device_id`` a session opens on that device at once."""

    activation_id: uuid.UUID
    code: Code6
    device_id: uuid.UUID | None = None
    device_name: DeviceName | None = None

    @field_validator("device_name")
    @classmethod
    def _name_needs_device(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.data.get("device_id") is None:
            raise ValueError("device_name needs device_id: a session opens only on an identified device")
        return value


class StatusOut(BaseModel):
    status: str


class LoginIn(Strict):
    identifier: Login
    password: Password


class ProLoginIn(Strict):
    rpps: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    password: Password


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


class ActivatedOut(BaseModel):
    identifier: str
    dossier_id: uuid.UUID
    tokens: TokenPair | None = None
    """The session opened by the activation itself (only when the client named its device)."""


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


class PasswordConfirmIn(Strict):
    password: Password


class PasswordChangeIn(Strict):
    current_password: Password
    new_password: Password


class MeOut(BaseModel):
    account_id: uuid.UUID
    identifier: str
    dossier_id: uuid.UUID
    space_status: str
    device_id: uuid.UUID


class DeviceOut(BaseModel):
    id: uuid.UUID
    name: str
    first_seen_at: datetime
    last_seen_at: datetime
    revoked: bool
    current: bool


class DossierOut(BaseModel):
    dossier_id: uuid.UUID
    last_name: str
    first_names: str
    birth_date: date
    nir: str
    email: str
    phone: str | None
    status: str
    imported_legacy_entries: int


class CareRecordOut(BaseModel):
    id: uuid.UUID
    kind: str
    date: date
    label: str
    professional: str | None


class EnrolmentIn(Strict):
    rpps: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    enrolment_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    password: Password


class ProfessionalOut(BaseModel):
    id: uuid.UUID
    rpps: str
    profession: str
    last_name: str
    first_names: str
    device_id: uuid.UUID


class HealthOut(BaseModel):
    status: str = Field(examples=["ok"])
