"""Plain data the FHIR mapping exchanges with its callers: import plans, skip reasons, the entry shape it reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol


class EntryLike(Protocol):
    """What the exporter reads from a dossier entry (desktop_app.dossier_store.Entry satisfies it)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def data(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class SimpleEntry:
    """An EntryLike for callers and tests that have no store at hand."""

    id: str
    kind: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a resource was skipped: a stable code and the sentence shown to a person."""

    code: str
    fr: str
    en: str

    def message(self, lang: str = "fr") -> str:
        return self.en if lang.startswith("en") else self.fr


@dataclass(frozen=True, slots=True)
class DocumentPayload:
    """An attachment to store as a Carnet document."""

    content: bytes
    title: str
    category: str
    content_type: str | None
    document_date: str | None  # ISO date
    filename: str | None


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One thing to write: an entry (kind + fields) or a document, with its idempotency key."""

    resource_type: str
    external_ref: str
    kind: str | None = None  # entry kind, None for a document
    fields: dict[str, Any] = field(default_factory=dict)
    document: DocumentPayload | None = None
    carnet_entry_id: str | None = None  # set when the resource was exported by Carnet from that entry
    source_index: int = 0  # which resource of the file produced it (to count per resource)


@dataclass(frozen=True, slots=True)
class Skipped:
    resource_type: str
    where: str  # FHIR path or fullUrl, to let a person find it
    reason: Reason


@dataclass(slots=True)
class ImportPlan:
    """What a FHIR file would bring into a dossier, before anything is written."""

    items: list[ImportItem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    counts_in_file: Counter[str] = field(default_factory=Counter)
    # resource index → resource type, for every resource that produced at least one item
    sources: dict[int, str] = field(default_factory=dict)
