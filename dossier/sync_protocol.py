"""The words of Dossier Sync v1, shared by both ends: entities, operations, statuses and the wire shapes.

The service (`server/sync/`) validates requests with these models and answers with them; the client
(`desktop_app/sync/`) builds its outbox rows and reads push results and pull pages with the same ones. One
vocabulary, one place (as Anki's one `sync.proto` serves both of its ends): adding an operation means adding it here,
and both ends, the merge and the tests see it.

Pure: pydantic and the standard library only.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints

from dossier.documents import DocumentFormat
from dossier.merge import Op as MergeOp

MAX_MUTATIONS_PER_PUSH = 2000  # what this service accepts in one push, announced in every pull (`max_mutations`)
LEGACY_MAX_MUTATIONS = 500  # what a service that does not announce it accepts (before issue 16)
MAX_PAGE = 5000
MAX_CHANGED_FIELDS = 200

Short = Annotated[str, StringConstraints(min_length=1, max_length=40)]
FieldName = Annotated[str, StringConstraints(min_length=1, max_length=60)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Cursor = Annotated[str, StringConstraints(max_length=200)]
DocumentSize = Annotated[int, Field(ge=1, le=2**40, strict=True)]
Filename = Annotated[str, StringConstraints(max_length=255, pattern=r"^[^\x00-\x1f\x7f]*$")]


def _as_text(value: object) -> str:
    return str(value)


class Entity(StrEnum):
    """What a mutation or a pulled item is about."""

    ENTRY = "entry"  # a typed dossier entry (allergy, measure, vaccination…)
    DOCUMENT = "document"  # a document's metadata; its bytes travel through the upload routes
    CONFLICT = "conflict"  # a conflict the service recorded; the only op on it is `resolve`
    MESSAGE = "message"  # a message of the messagerie (`create` only: a sent message is never edited)
    CONVERSATION = "conversation"  # a conversation: `create` starts it, `update` marks read/closes/archives, `delete`
    # removes it from the patient's view (server/messages/sync.py applies them with the messagerie's rules)


CORRESPONDENCE: frozenset[str] = frozenset({Entity.MESSAGE, Entity.CONVERSATION})
"""The messagerie's entities: correspondence, not dossier content (no merge, no conflict, no document body)."""


class MutationOp(StrEnum):
    """What a client intends. Every op but `resolve` is merged field by field (`dossier.merge`)."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    SET_CONFIDENTIALITY = "set_confidentiality"  # a document's masking: an update the access policy treats apart
    RESOLVE = "resolve"  # a person chose how a conflict ends

    @property
    def merge_op(self) -> MergeOp | None:
        """The three-way merge's operation for this intent (None for `resolve`, which is not merged)."""
        return _MERGE_OPS.get(self)


_MERGE_OPS: dict[MutationOp, MergeOp] = {
    MutationOp.CREATE: MergeOp.CREATE,
    MutationOp.UPDATE: MergeOp.UPDATE,
    MutationOp.SET_CONFIDENTIALITY: MergeOp.UPDATE,
    MutationOp.DELETE: MergeOp.DELETE,
    MutationOp.RESTORE: MergeOp.RESTORE,
}


class MutationStatus(StrEnum):
    """The service's answer to one mutation."""

    APPLIED = "applied"  # stored as sent
    MERGED = "merged"  # stored, merged with changes from elsewhere
    CONFLICT = "conflict"  # the service kept its value and recorded a conflict for a person to resolve
    REJECTED = "rejected"  # invalid (shape, value, unknown record): never retried as is
    FORBIDDEN = "forbidden"  # the access policy refused it (reason code given)

    @property
    def accepted(self) -> bool:
        """The service stored something for this mutation (the outbox row is done)."""
        return self in (MutationStatus.APPLIED, MutationStatus.MERGED, MutationStatus.CONFLICT)

    @property
    def refused(self) -> bool:
        """The mutation was refused for good: a person must be told, never silence."""
        return self in (MutationStatus.REJECTED, MutationStatus.FORBIDDEN)


class PageState(StrEnum):
    OK = "ok"  # items follow the client's cursor
    RESET = "reset"  # the cursor is unknown or too old: the page starts a full copy
    REVOKED = "revoked"  # this device may no longer hold the dossier: shred it


# In answers, an enum field is written as its text whether the service built the model with the member or, on a hot
# path that skips validation (`model_construct`), with the bare string it read from its database.
EntityOut = Annotated[Entity, PlainSerializer(_as_text, return_type=str)]
StatusOut = Annotated[MutationStatus, PlainSerializer(_as_text, return_type=str)]
PageStateOut = Annotated[PageState, PlainSerializer(_as_text, return_type=str)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- push -------------------------------------------------------------------------------------------------------


class Mutation(_Strict):
    """One intent from a client's outbox: what it changed (`{field: [seen, wanted]}`), against the version it saw."""

    mutation_id: uuid.UUID
    client_seq: int = Field(ge=1, le=2**53)
    entity: Entity
    entity_id: uuid.UUID
    kind: Short
    op: MutationOp
    base_version: int = Field(ge=0, le=2**53)
    changes: dict[FieldName, list[Any]] = Field(max_length=MAX_CHANGED_FIELDS)


class PushRequest(_Strict):
    client_id: uuid.UUID
    stream_id: uuid.UUID
    dossier_id: uuid.UUID
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_PUSH)


class Record(BaseModel):
    """A record as the service holds it after every mutation it accepted."""

    type: Literal["record"] = "record"
    entity: EntityOut
    entity_id: uuid.UUID
    kind: str
    values: dict[str, Any]
    deleted: bool
    version: int
    author_kind: str
    created_at: str


class ConflictItem(BaseModel):
    """A conflict the service recorded, as every device of the dossier pulls it."""

    type: Literal["conflict"] = "conflict"
    id: uuid.UUID
    entity: EntityOut
    entity_id: uuid.UUID
    kind: str
    record_conflict: str | None
    fields: dict[str, Any]
    author_kind: str
    created_at: str
    resolved: bool
    resolution: str | None
    seq: int


class MutationResult(BaseModel):
    mutation_id: uuid.UUID
    client_seq: int
    status: StatusOut
    version: int | None = None
    conflict_id: uuid.UUID | None = None
    reason: str | None = None  # a stable code (e.g. `professionals_add_documents_only`) when refused
    message_fr: str | None = None
    message_en: str | None = None
    record: Record | None = None
    duplicate: bool = False  # the service had already answered this mutation (a retry after a lost answer)


class PushResult(BaseModel):
    results: list[MutationResult]
    server_time: str


# -- pull -------------------------------------------------------------------------------------------------------


class PullRequest(_Strict):
    client_id: uuid.UUID
    dossiers: dict[uuid.UUID, Cursor | None] = Field(max_length=1000)
    limit: int = Field(default=1000, ge=1, le=100_000)  # the service serves at most MAX_PAGE items per request


class DossierPage(BaseModel):
    dossier_id: uuid.UUID
    state: PageStateOut
    items: list[Annotated[Record | ConflictItem, Field(discriminator="type")]] = Field(default_factory=list)
    cursor: str | None = None
    more: bool = False
    digest: str | None = None
    lease_seconds: int | None = None
    grace_seconds: int | None = None


class PullResult(BaseModel):
    dossiers: list[DossierPage]
    available: list[uuid.UUID]
    server_time: str
    max_body: int  # the largest push body the service accepts
    max_mutations: int | None = None  # the most mutations in one push (None: LEGACY_MAX_MUTATIONS)


# -- document bytes ---------------------------------------------------------------------------------------------


class DocumentBody(BaseModel):
    """What a document record says of its bytes: the service checks a pushed record with these rules, the very ones
    of the upload and blob routes, so that no device ever holds a record whose bytes no route would serve."""

    model_config = ConfigDict(extra="ignore")  # the metadata (title, date…) has its own rules (dossier.documents)

    sha256: Sha256
    size: DocumentSize
    format: DocumentFormat | None = None  # absent: read as PDF by the clients (older records)
    filename: Filename | None = None


class UploadRequest(_Strict):
    dossier_id: uuid.UUID
    sha256: Sha256
    size: DocumentSize


class UploadState(BaseModel):
    upload_id: uuid.UUID | None
    offset: int
    size: int
    complete: bool
    chunk_size: int
