"""How entries read in lists and search: one-line summaries (fr/en), folded search text, sort dates, sections."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from dossier.dates import PartialDate
from dossier.entries.catalogue import ENTRY_KINDS, find_kind
from dossier.entries.fields import FieldSpec, FieldType
from dossier.identifiers import format_nir, ins_kind, ins_oid
from dossier.measures import MEASURES
from dossier.text import collapse_spaces, fold


def _display(spec: FieldSpec | None, value: Any, lang: str) -> str:
    english = lang.startswith("en")
    if spec is None:
        return str(value)
    if spec.type is FieldType.CHOICE:
        return spec.choice_label(value, lang)
    if spec.type is FieldType.BOOLEAN:
        return ("yes" if value else "no") if english else ("oui" if value else "non")
    if spec.type is FieldType.DATE:
        return _date_text(str(value), english=english)
    if spec.type is FieldType.DATETIME:
        return _moment_text(str(value), english=english)
    if spec.type is FieldType.NUMBER and not english:
        return f"{value:g}".replace(".", ",")
    if spec.type is FieldType.NIR:
        return format_nir(str(value))
    return str(value)


def ins_text(nir: str, lang: str = "fr", *, with_oid: bool = False) -> str:
    """The matricule INS as the INS rules want it shown: its nature (INS-NIR or INS-NIA, what its OID says) next to
    the formatted number; ``with_oid`` adds the OID itself."""
    english = lang.startswith("en")
    label = f"{ins_kind(nir)} number" if english else f"Matricule {ins_kind(nir)}"
    oid = f" (OID {ins_oid(nir)})" if with_oid else ""
    return f"{label}{oid}{': ' if english else ' : '}{format_nir(nir)}"


def _identity_summary(data: Mapping[str, Any], lang: str) -> str:
    """ "Identité : Zoé · Lefèvre · 02/05/1984 · Féminin · Matricule INS-NIR : 2 84 05 75 123 456 78"."""
    entry_kind = find_kind("identity")
    parts = [
        _display(entry_kind.field_spec(name), data[name], lang)
        for name in (*entry_kind.summary_fields, "sex")
        if data.get(name) not in (None, "")
    ]
    if data.get("ins"):
        parts.append(ins_text(str(data["ins"]), lang))
    english = lang.startswith("en")
    label = entry_kind.label_en if english else entry_kind.label_fr
    return label + ((": " if english else " : ") + " · ".join(parts) if parts else "")


def _date_text(value: str, *, english: bool) -> str:
    """A stored date as people read it, never ISO: "14/05/2019", "05/2019", "2019" (fr); "5/14/2019", "5/2019",
    "2019" (en) — the order of ui/formatting.py. A value that is not a date is shown as it is."""
    try:
        day = PartialDate.parse(value)
    except ValueError:  # DossierValidationError is a ValueError
        return value
    if not english:
        return day.french()
    if day.month is None:
        return f"{day.year:04d}"
    if day.day is None:
        return f"{day.month}/{day.year:04d}"
    return f"{day.month}/{day.day}/{day.year:04d}"


def _moment_text(value: str, *, english: bool) -> str:
    """A stored moment ("2026-12-06T08:30", "2026-12-06"): "06/12/2026 08:30" (fr), "12/6/2026 08:30" (en)."""
    try:
        moment = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value
    day = _date_text(moment.date().isoformat() if isinstance(moment, datetime) else moment.isoformat(), english=english)
    return f"{day} {moment:%H:%M}" if isinstance(moment, datetime) else day


def _measurement_summary(data: Mapping[str, Any], lang: str) -> str:
    english = lang.startswith("en")
    measure = MEASURES.get(str(data.get("measure_type")))
    if measure is None:
        return str(data.get("measure_type", "?"))
    unit_id = str(data.get("original_unit") or data.get("unit") or measure.canonical_unit.id)
    prefix = "original_" if data.get("original_unit") else ""
    numbers = [data.get(f"{prefix}{name}", data.get(name)) for name in measure.components]
    shown = "/".join(f"{n:g}" if isinstance(n, int | float) else "?" for n in numbers)
    label = measure.label_en if english else measure.label_fr
    when = _moment_text(str(data["measured_at"]), english=english) if data.get("measured_at") else ""
    if not english:
        shown = shown.replace(".", ",")
    separator = ": " if english else " : "
    return f"{label}{separator}{shown} {unit_id}" + (f" — {when}" if when else "")


def _lab_result_summary(data: Mapping[str, Any], lang: str) -> str:
    """ "HbA1c : 7,2 % (élevé) — 02/10/2026": the test leads, as a lab report reads."""
    english = lang.startswith("en")
    entry_kind = ENTRY_KINDS["lab_result"]
    if isinstance(data.get("value"), int | float):
        shown = _display(entry_kind.field_spec("value"), data["value"], lang)
    else:
        shown = str(data.get("value_text") or "?")
    if data.get("unit"):
        shown += f" {data['unit']}"
    if data.get("interpretation"):
        shown += f" ({_display(entry_kind.field_spec('interpretation'), data['interpretation'], lang).lower()})"
    if data.get("date"):
        shown += f" — {_display(entry_kind.field_spec('date'), data['date'], lang)}"
    return f"{data.get('test', '?')}{': ' if english else ' : '}{shown}"


def summarize_entry(kind: str, data: Mapping[str, Any], *, lang: str = "fr") -> str:
    """One line describing an entry, for lists ("Allergie : pénicilline · urticaire · Grave")."""
    entry_kind = find_kind(kind)
    english = lang.startswith("en")
    if kind == "measurement":
        return _measurement_summary(data, lang)
    if kind == "lab_result":
        return _lab_result_summary(data, lang)
    if kind == "identity":
        return _identity_summary(data, lang)
    parts = [
        _display(entry_kind.field_spec(name), data[name], lang)
        for name in entry_kind.summary_fields
        if data.get(name) not in (None, "")
    ]
    label = entry_kind.label_en if english else entry_kind.label_fr
    separator = ": " if english else " : "
    joiner = " " if kind == "blood_group" else " · "
    return label + (separator + joiner.join(parts) if parts else "")


def search_text(kind: str, data: Mapping[str, Any]) -> str:
    """Lowercase, accent-free text of an entry for search (fold queries with dossier.text.fold too)."""
    entry_kind = find_kind(kind)
    words: list[str] = []
    for name, value in data.items():
        spec = entry_kind.field_spec(name)
        if isinstance(value, str) and spec is not None and spec.type is not FieldType.DATETIME:
            words.append(value)
            if spec.type is FieldType.CHOICE:
                words.extend(c.label_fr for c in spec.choices if c.id == value)
    if kind == "measurement" and (measure := MEASURES.get(str(data.get("measure_type")))) is not None:
        words.append(measure.label_fr)
    return fold(collapse_spaces(" ".join(words)))


def sort_date(kind: str, data: Mapping[str, Any]) -> str | None:
    """The ISO date (or date-time) used to order entries of a kind, or None when the entry has none."""
    for name in find_kind(kind).date_fields:
        value = data.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def section_of(kind: str, data: Mapping[str, Any]) -> str | None:
    """The section an entry belongs to (for not_concerned, the section it declares empty)."""
    entry_kind = find_kind(kind)
    if entry_kind.section is None:
        section = data.get("section")
        return section if isinstance(section, str) else None
    return entry_kind.section
