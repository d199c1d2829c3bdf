"""Request and response bodies of the helpers' routes (/v1/helpers)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import BaseModel, StringConstraints

from server.accounts.schemas import Email, OwnerProof, Password, Strict

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class HelperLoginIn(OwnerProof):
    email: Email
    password: Password


class HelperEnrolmentIn(Strict):
    email: Email
    enrolment_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    password: Password


class NewHelperIn(Strict):
    email: Email
    last_name: Name
    first_names: Name
    manager: bool = False


class HelperOut(BaseModel):
    id: uuid.UUID
    email: str
    last_name: str
    first_names: str
    manager: bool
    organisation_id: uuid.UUID
    organisation: str


class HelperAddedOut(BaseModel):
    id: uuid.UUID
    created: bool


class OrganisationHelperOut(BaseModel):
    """One of the organisation's helpers, as its manager sees them: enrolled (password chosen) or not yet, withdrawn
    or not."""

    id: uuid.UUID
    email: str
    last_name: str
    first_names: str
    manager: bool
    enrolled: bool
    disabled: bool
