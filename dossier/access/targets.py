"""What is asked about: a section, an entry kind, or a document (category, author, confidentiality)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime

from dossier.documents import AuthorKind, Confidentiality
from dossier.errors import DossierValidationError

from .vocabulary import DocumentCategory, EntryKind, Rpps, Section


@dataclass(frozen=True, slots=True)
class Author:
    """Who added a piece of content: its kind and id (RPPS for a professional, person id for the patient)."""

    kind: AuthorKind
    id: str = ""


def add_one_month(day: date) -> date:
    """The same day one calendar month later, clamped to the end of a shorter month (31 Jan → 28/29 Feb)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def visible_to_patient_from(added_at: datetime, hidden_until: date | None) -> date | None:
    """First day the patient sees a result hidden pending an announcement consultation (None: visible now).

    A professional may choose an earlier day, never a later one: the result shows up by itself one month after
    it was added.
    """
    if hidden_until is None:
        return None
    return min(hidden_until, add_one_month(added_at.date()))


@dataclass(frozen=True, slots=True)
class SectionTarget:
    """A part of the space: the dossier as a whole, histoire de santé, historique des accès, the space."""

    section: Section


@dataclass(frozen=True, slots=True)
class EntryTarget:
    """An entry of a given kind (existing, or about to be added when ``author`` is the one adding it)."""

    kind: EntryKind
    author: Author = field(default_factory=lambda: Author(AuthorKind.PATIENT))
    secret_from_legal_representatives: bool = False
    """Care a minor made invisible to legal representatives (contraception, abortion, confidential care)."""


@dataclass(frozen=True, slots=True)
class DocumentTarget:
    """A document (existing, or about to be added): category, author, confidentiality, when added."""

    category: DocumentCategory
    author: Author
    added_at: datetime
    confidentiality: Confidentiality = field(default_factory=Confidentiality)

    def __post_init__(self) -> None:
        if self.added_at.tzinfo is None:
            raise DossierValidationError.single(
                "added_at",
                "naive_datetime",
                "La date d'ajout du document doit préciser son fuseau horaire.",
                "The document's added-at time must carry a time zone.",
            )


@dataclass(frozen=True, slots=True)
class ConversationTarget:
    """A conversation of the messagerie (existing, or about to be started by ``professional``)."""

    professional: Rpps
    """The professional who started it: the patient's only correspondent in it."""
    closed: bool = False
    """The patient closed it: no more replies from anyone."""
    secret_from_legal_representatives: bool = False
    """About a minor's secret care: never shown to their legal representatives (nor aidants)."""


Target = SectionTarget | EntryTarget | DocumentTarget | ConversationTarget
