"""Request and response bodies of the space's routes: taking it (opposition, activation), who am I, its identity,
its life cycle."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, ValidationInfo, field_validator

from server.accounts.schemas import Code6, DeviceName, Login, Password, Strict, TokenPair


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


class ActivatedOut(BaseModel):
    identifier: str
    dossier_id: uuid.UUID
    tokens: TokenPair | None = None
    """The session opened by the activation itself (only when the client named its device)."""


class DossierOut(BaseModel):
    dossier_id: uuid.UUID
    last_name: str
    first_names: str
    birth_date: date
    nir: str
    sex: str = Field(description="F, M or I (undetermined), as the Assurance Maladie's NIR says.")
    ins: str = Field(description="The matricule INS (the NIR, or the NIA for a temporary number).")
    ins_oid: str = Field(description="The OID of the matricule INS: 1.2.250.1.213.1.4.8 (INS-NIR) or …4.9 (NIA).")
    email: str
    phone: str | None
    status: str
    imported_legacy_entries: int


class StatusOut(BaseModel):
    status: str


class PasswordConfirmIn(Strict):
    password: Password


class MeOut(BaseModel):
    account_id: uuid.UUID
    identifier: str
    dossier_id: uuid.UUID
    space_status: str
    device_id: uuid.UUID
