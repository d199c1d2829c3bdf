"""Wire shapes of Dossier Sync v1 (push, pull, uploads)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_MUTATIONS_PER_PUSH = 500
MAX_PAGE = 5000

Short = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MutationIn(_Strict):
    """One intent from a client's outbox: what it changed, against the version it saw."""

    mutation_id: uuid.UUID
    client_seq: int = Field(ge=1, le=2**53)
    entity: Literal["entry", "document", "conflict"]
    entity_id: uuid.UUID
    kind: Short
    op: Literal["create", "update", "delete", "restore", "set_confidentiality", "resolve"]
    base_version: int = Field(ge=0, le=2**53)
    changes: dict[Annotated[str, StringConstraints(min_length=1, max_length=60)], list[Any]] = Field(max_length=200)


class PushIn(_Strict):
    client_id: uuid.UUID
    stream_id: uuid.UUID
    dossier_id: uuid.UUID
    mutations: list[MutationIn] = Field(max_length=MAX_MUTATIONS_PER_PUSH)


class RecordOut(BaseModel):
    type: Literal["record"] = "record"
    entity: str
    entity_id: uuid.UUID
    kind: str
    values: dict[str, Any]
    deleted: bool
    version: int
    author_kind: str
    created_at: str


class ConflictOut(BaseModel):
    type: Literal["conflict"] = "conflict"
    id: uuid.UUID
    entity: str
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
    status: Literal["applied", "merged", "conflict", "rejected", "forbidden"]
    version: int | None = None
    conflict_id: uuid.UUID | None = None
    reason: str | None = None
    message_fr: str | None = None
    record: RecordOut | None = None
    duplicate: bool = False


class PushOut(BaseModel):
    results: list[MutationResult]
    server_time: str


class PullIn(_Strict):
    client_id: uuid.UUID
    dossiers: dict[uuid.UUID, Annotated[str, StringConstraints(max_length=200)] | None] = Field(max_length=1000)
    limit: int = Field(default=1000, ge=1, le=100_000)  # the service serves at most MAX_PAGE items per request


class DossierPage(BaseModel):
    dossier_id: uuid.UUID
    state: Literal["ok", "reset", "revoked"]
    items: list[RecordOut | ConflictOut] = Field(default_factory=list)
    cursor: str | None = None
    more: bool = False
    digest: str | None = None
    lease_seconds: int | None = None
    grace_seconds: int | None = None


class PullOut(BaseModel):
    dossiers: list[DossierPage]
    available: list[uuid.UUID]
    server_time: str
    max_body: int


class UploadIn(_Strict):
    dossier_id: uuid.UUID
    sha256: Sha256
    size: int = Field(ge=1, le=2**40)


class UploadOut(BaseModel):
    upload_id: uuid.UUID | None
    offset: int
    size: int
    complete: bool
    chunk_size: int
