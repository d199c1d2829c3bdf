"""Entry kinds of a dossier (identity, profil médical, entourage…): fields, validation, summaries, search.

- `fields`: field types and specs, how a typed value is coerced and checked, `EntryKind` (a kind's pydantic model);
- `catalogue`: the sections and every kind, as data;
- `rules`: the cross-field rules kinds apply once each field is valid;
- `validate`: `validate_entry`, with errors in French and English led by the form's labels;
- `display`: one-line summaries, search text, sort dates and sections of stored entries;
- `source`: the codes an entry arrived with and where an imported entry came from (reserved keys of its data).

Callers import from `dossier.entries` (or `from dossier import entries`); the names below are the public ones.
"""

from __future__ import annotations

from dossier.entries.catalogue import ENTRY_KINDS, SECTIONS, Section
from dossier.entries.display import search_text, section_of, sort_date, summarize_entry
from dossier.entries.fields import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Choice,
    Context,
    EntryKind,
    FieldSpec,
    FieldType,
    Finisher,
)
from dossier.entries.rules import LOINC_CODE
from dossier.entries.source import CODES, MAX_CODES, PROVENANCE, provenance_text
from dossier.entries.validate import validate_entry

__all__ = [
    "CODES",
    "ENTRY_KINDS",
    "LOINC_CODE",
    "LONG_TEXT_MAX",
    "MAX_CODES",
    "PROVENANCE",
    "SECTIONS",
    "SHORT_TEXT_MAX",
    "Choice",
    "Context",
    "EntryKind",
    "FieldSpec",
    "FieldType",
    "Finisher",
    "Section",
    "provenance_text",
    "search_text",
    "section_of",
    "sort_date",
    "summarize_entry",
    "validate_entry",
]
