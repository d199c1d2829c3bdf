"""Request and response bodies of access management, bounded like every other body of the API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from dossier import access
from server.accounts.schemas import Login, Strict


def _bounded_text(limit: int) -> BeforeValidator:
    def check(value: object) -> object:
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"at most {limit} characters")
        return value

    return BeforeValidator(check)


Moment = Annotated[
    AwareDatetime,
    _bounded_text(40),
    WithJsonSchema({"type": "string", "format": "date-time", "maxLength": 40}),
]
"""An aware date-time (a naive one is refused), never more than 40 characters on the wire."""
Day = Annotated[date, _bounded_text(10), WithJsonSchema({"type": "string", "format": "date", "maxLength": 10})]

RppsText = Annotated[str, StringConstraints(min_length=1, max_length=20, strip_whitespace=True)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]


class AuthoriseIn(Strict):
    until: Moment | None = None


class MedecinTraitantIn(Strict):
    rpps: RppsText | None


class EmergencySettingsIn(Strict):
    samu: bool
    other_professionals: bool
    masked_documents: bool
    mask_all_including_emergency: bool = False


class DefaultConfidentialityIn(Strict):
    masked_from_professionals: bool


class AidantIn(Strict):
    identifier: Login
    ends_at: Moment
    starts_at: Moment | None = None


class RepresentativeIn(Strict):
    identifier: Login


class PostMortemIn(Strict):
    opposed: bool


class HeirAccessRequestIn(Strict):
    """An heir, PACS partner or cohabitant asks for access to a deceased person's records, for one purpose."""

    nir: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    relationship: Annotated[Literal["heir", "pacs", "cohabitant"], Field(json_schema_extra={"maxLength": 10})]
    purpose: Annotated[
        Literal["cause_of_death", "defend_memory", "assert_rights"], Field(json_schema_extra={"maxLength": 14})
    ]
    justification: Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]


def _emergency_text(value: str) -> str:
    text = " ".join(value.split())
    if len(text) < access.EMERGENCY_REASON_MIN_TEXT:
        raise ValueError(f"at least {access.EMERGENCY_REASON_MIN_TEXT} characters")
    return text


class EmergencyAccessIn(Strict):
    """A bris de glace: the patient's INS, a reason from the list and a free text that says what happens."""

    ins: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    reason_code: Annotated[access.EmergencyReason, Field(json_schema_extra={"maxLength": 30})]
    reason: Annotated[str, StringConstraints(max_length=500), AfterValidator(_emergency_text)]


class MarkReadIn(Strict):
    ids: list[uuid.UUID] | None = Field(default=None, max_length=200)


class ProfessionalRef(BaseModel):
    rpps: str
    name: str | None
    profession: str | None


class AuthorisedOut(ProfessionalRef):
    authorised_at: datetime
    until: datetime | None
    administrateur: bool


class AidantOut(BaseModel):
    account_id: uuid.UUID
    identifier: str | None
    starts_at: datetime
    ends_at: datetime
    active: bool
    sees_messages: bool = False
    """The patient lets this aidant read their conversations (PUT/DELETE /v1/me/messages/aidants/{account_id})."""


class EmergencySettingsOut(BaseModel):
    samu: bool
    other_professionals: bool
    masked_documents: bool
    mask_all_including_emergency: bool


class ConsentOut(BaseModel):
    """The patient's access settings: Autorisés (with the date), Bloqués, roles, urgence, aidants."""

    authorised: list[AuthorisedOut]
    blocked: list[ProfessionalRef]
    administrateurs: list[str]
    medecin_traitant: ProfessionalRef | None
    emergency: EmergencySettingsOut
    default_masked_from_professionals: bool
    aidants: list[AidantOut]
    legal_representatives: list[uuid.UUID]
    occupational_consents: list[ProfessionalRef] = []
    """Occupational physicians (médecins du travail) the patient gave express consent to."""
    post_mortem_opposed: bool = False
    """The person opposes access by heirs, cohabitant or PACS partner after their death."""


class HistoryItemOut(BaseModel):
    """One line of the historique des accès: who, role, when, what."""

    at: datetime
    actor_kind: str
    actor_name: str | None
    actor_rpps: str | None
    action: str
    outcome: str
    reason: str | None
    assisted_by: str | None = None  # "name|organisation" of the helper account of an assisted session (S51)


class HistoryPage(BaseModel):
    items: list[HistoryItemOut]
    limit: int
    offset: int
    next_offset: int | None


class NotificationOut(BaseModel):
    id: uuid.UUID
    event: str
    at: datetime
    professional_name: str
    professional_rpps: str | None
    detail: str | None
    read: bool


class NotificationPage(BaseModel):
    items: list[NotificationOut]
    unread: int
    next_offset: int | None


class NotificationPreferencesIn(Strict):
    """Which notifications are also e-mailed (an emergency access always is)."""

    professional_access: bool
    document_added: bool
    aidant: bool


class NotificationPreferencesOut(NotificationPreferencesIn):
    emergency_access: bool = True  # always mailed: not a choice


class MarkedOut(BaseModel):
    marked: int


class RecordOut(BaseModel):
    entity_id: uuid.UUID
    entity: str
    kind: str
    title: str | None
    author_kind: str
    created_at: datetime
    version: int


class DossierSummaryOut(BaseModel):
    dossier_id: uuid.UUID
    last_name: str
    first_names: str
    birth_date: date
    ins: str


class DossierViewOut(DossierSummaryOut):
    """An opened dossier: who it is, why the caller may see it, and the records the policy lets them see."""

    access_reason: str
    records: list[RecordOut]
    withheld: dict[str, int] = {}
    """To a professional: documents not shown, counted by why (`document_masked`, `all_documents_masked`,
    `matrix_denies_category`), so that the screen says what is hidden and why."""


class SharedDossierOut(BaseModel):
    dossier_id: uuid.UUID
    last_name: str
    first_names: str
    birth_date: date
    role: str
    starts_at: datetime | None = None  # a proche aidant's delegation: from…
    until: datetime | None = None  # …until (None for other roles)


class RepresentativeOut(BaseModel):
    account_id: uuid.UUID
    identifier: str


class ChildOut(SharedDossierOut):
    """A child profile with its legal representatives (at most two)."""

    representatives: list[RepresentativeOut]


class HeirAccessOut(BaseModel):
    """A granted heir's access: whose records, for which purpose; open it at /v1/me/shared-dossiers/{dossier_id}."""

    dossier_id: uuid.UUID
    last_name: str
    first_names: str
    birth_date: date
    relationship: str
    purpose: str


class DocumentMaskOut(BaseModel):
    document_id: uuid.UUID
    masked: bool
    version: int
    """The document's new sync version (the patient's other devices pull the change)."""


class EmergencyAccessOut(BaseModel):
    dossier_id: uuid.UUID
    opened_at: datetime
    expires_at: datetime
