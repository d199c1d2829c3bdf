"""What a dossier says was done: vaccinations, procedures and lab results reduced to dated records, and whether a
record is an act of the calendar (by the vaccine's or test's name, or by its CVX or LOINC code)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Final

from dossier.dates import PartialDate
from dossier.entries import CODES
from dossier.errors import DossierValidationError
from dossier.prevention.schedule import Act
from dossier.text import fold

CVX_SYSTEM: Final = "http://hl7.org/fhir/sid/cvx"
LOINC_SYSTEM: Final = "http://loinc.org"

# The text of each entry kind that names what was done.
_NAME_FIELDS: Final[Mapping[str, str]] = {"vaccination": "vaccine", "procedure": "name", "lab_result": "test"}
_DATE_FIELDS: Final[Mapping[str, str]] = {"vaccination": "date", "procedure": "date", "lab_result": "date"}


@dataclass(frozen=True, slots=True)
class Record:
    """One act done on a date: its name as written and the codes it came with."""

    on: date
    name: str
    cvx: frozenset[str] = frozenset()
    loinc: frozenset[str] = frozenset()
    kind: str = "vaccination"


@lru_cache(maxsize=512)
def _pattern(keyword: str) -> re.Pattern[str]:
    # Whole words only: "ror" must not match "erreur", "td" must not match "std".
    return re.compile(r"(?<![a-z0-9])" + re.escape(fold(keyword)) + r"(?![a-z0-9])")


def is_act(record: Record, act: Act) -> bool:
    """Whether `record` is (or contains) `act`: a code in the act's lists or one of its words in the name."""
    if record.cvx & normalise_cvx(act.cvx) or record.loinc & set(act.loinc):
        return True
    name = fold(record.name)
    return any(_pattern(keyword).search(name) for keyword in act.keywords)


def _first_day(value: object) -> date | None:
    """A partial date's first day ("2017" → 1 Jan 2017); None when the value is not a date."""
    if not isinstance(value, str | date):
        return None
    text = value[:10] if isinstance(value, str) else value
    try:
        partial = PartialDate.parse(text)
    except DossierValidationError:
        return None
    return date(partial.year, partial.month or 1, partial.day or 1)


def _codes(data: Mapping[str, Any], system: str) -> frozenset[str]:
    found = {
        str(c.get("code", "")).strip().lstrip("0") or "0"
        for c in data.get(CODES) or []
        if isinstance(c, Mapping) and c.get("system") == system and c.get("code")
    }
    return frozenset(found)


def records_from_entries(entries: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Record]:
    """The records of (kind, data) pairs of a dossier; kinds that say nothing about prevention are skipped."""
    records: list[Record] = []
    for kind, data in entries:
        name_field = _NAME_FIELDS.get(kind)
        if name_field is None:
            continue
        on = _first_day(data.get(_DATE_FIELDS[kind]))
        if on is None:
            continue
        loinc = _codes(data, LOINC_SYSTEM)
        if kind == "lab_result" and data.get("loinc"):
            loinc |= {str(data["loinc"]).strip()}
        records.append(
            Record(on=on, name=str(data.get(name_field) or ""), cvx=_codes(data, CVX_SYSTEM), loinc=loinc, kind=kind)
        )
    return records


def normalise_cvx(codes: Iterable[str]) -> frozenset[str]:
    """CVX codes without leading zeros ("03" and "3" are the same code)."""
    return frozenset(code.lstrip("0") or "0" for code in codes)
