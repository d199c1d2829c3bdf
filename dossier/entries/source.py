"""Where an entry came from and the codes it arrived with: two reserved keys of an entry's data, beside its fields.

- `codes`: the codings (SNOMED CT, LOINC, ATC, CIP…) another system sent for the entry's main concept, kept as sent
  (a display only when the source gave one) so that an export sends them out again;
- `provenance`: for an imported entry, the organisation, the author, the source document and the date of import
  (an imported entry is never presented as typed by the patient).

They are not form fields (no form shows or edits them); `validate_entry` checks them and keeps them, and editing an
entry's fields leaves them in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from dossier.errors import DossierValidationError, FieldIssue

CODES: Final = "codes"
PROVENANCE: Final = "provenance"
RESERVED: Final = (CODES, PROVENANCE)
MAX_CODES: Final = 20

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
_Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class SourceCode(BaseModel):
    """One coding as the source sent it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    system: _Short
    code: _Short
    display: _Text | None = None


class Provenance(BaseModel):
    """Where an imported entry came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: _Text  # the file or document it was read from (name, title or identifier)
    imported_on: date
    organisation: _Text | None = None
    author: _Text | None = None


class _Reserved(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    codes: list[SourceCode] = Field(default_factory=list, max_length=MAX_CODES)
    provenance: Provenance | None = None


def split_reserved(fields: Mapping[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    """(form fields, reserved keys) of an entry's data."""
    plain = {k: v for k, v in fields.items() if k not in RESERVED}
    reserved = {k: v for k, v in fields.items() if k in RESERVED and v not in (None, [], {})}
    return plain, reserved


def validate_reserved(reserved: Mapping[str, object]) -> dict[str, Any]:
    """The reserved keys, checked and JSON-ready; a malformed one is refused naming it."""
    try:
        model = _Reserved.model_validate(dict(reserved))
    except ValidationError as error:
        raise DossierValidationError(
            FieldIssue(
                str(e["loc"][0]) if e["loc"] else CODES,
                "invalid_source",
                f"Codes ou provenance mal formés ({e['msg']}).",
                f"Malformed codes or provenance ({e['msg']}).",
            )
            for e in error.errors(include_url=False)
        ) from None
    return model.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def provenance_text(data: Mapping[str, Any], lang: str = "fr") -> str | None:
    """ "Importé de Hôpital X (compte-rendu.json) le 06/12/2026", or None for an entry typed in Carnet."""
    prov = data.get(PROVENANCE)
    if not isinstance(prov, Mapping) or not prov.get("document"):
        return None
    where = str(prov.get("organisation") or prov["document"])
    if prov.get("organisation"):
        where += f" ({prov['document']})"
    day = str(prov.get("imported_on", ""))
    if lang.startswith("en"):
        return f"Imported from {where} on {day}"
    shown = f"{day[8:10]}/{day[5:7]}/{day[:4]}" if len(day) == 10 else day
    return f"Importé de {where} le {shown}"
