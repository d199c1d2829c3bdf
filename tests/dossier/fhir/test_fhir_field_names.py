"""The FHIR mapping reads and writes only the fields the domain defines (dossier.entries.ENTRY_KINDS).

The IPS export once read an allergy's `substance` while the field is `name`: every allergy went out nameless, and the
round-trip test did not see it because both sides were equally wrong. These tests compare with the domain instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossier import entries
from dossier.fhir import codes as c
from dossier.fhir import kinds as k
from dossier.fhir import parse_fhir, plan_import

_SAMPLE = {
    entries.FieldType.TEXT: "texte",
    entries.FieldType.LONG_TEXT: "texte long",
    entries.FieldType.DATE: "2020-01-02",
    entries.FieldType.DATETIME: "2020-01-02T10:00:00+01:00",
    entries.FieldType.NUMBER: 12.5,
    entries.FieldType.INTEGER: 3,
    entries.FieldType.BOOLEAN: True,
    entries.FieldType.NIR: "2480275112345",
    entries.FieldType.PHONE: "0612345678",
    entries.FieldType.EMAIL: "a@example.org",
}


def _known(kind: str) -> set[str]:
    """The kind's fields, and the keys every entry may have besides (codes it came with, provenance)."""
    return {spec.name for spec in entries.ENTRY_KINDS[kind].fields} | {entries.CODES, entries.PROVENANCE}


class _Recording(dict[str, Any]):
    """Entry fields that remember every name the exporter asked for, present or not."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def _full_entries() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every kind with every field filled (each measure type separately)."""
    for name, kind in entries.ENTRY_KINDS.items():
        data = {
            spec.name: spec.choices[0].id if spec.choices else _SAMPLE[spec.type]
            for spec in kind.fields
            if spec.type in _SAMPLE or spec.choices
        }
        if name == "measurement":
            for measure_type in c.MEASURES:
                yield name, {**data, "measure_type": measure_type}
        else:
            yield name, data


@pytest.mark.parametrize(("kind", "data"), list(_full_entries()), ids=lambda x: x if isinstance(x, str) else "")
def test_the_exporter_reads_only_fields_the_domain_kind_has(kind: str, data: dict[str, Any]) -> None:
    fields = _Recording(data)
    k.entry_to_fhir(kind, fields, "urn:uuid:00000000-0000-0000-0000-000000000001")
    known = _known(kind)
    assert fields.asked <= known, f"{kind}: the exporter reads {sorted(fields.asked - known)}, not fields of {kind}"


def test_a_misspelled_field_in_an_exporter_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: an exporter reading `substance` (the old bug) is reported."""

    def old_allergy(f: Any, patient_ref: str) -> dict[str, Any]:
        return {"resourceType": "AllergyIntolerance", "code": k.concept(str(f.get("substance", "")))}

    monkeypatch.setitem(k.EXPORTERS, "allergy", old_allergy)
    fields = _Recording({"name": "Pénicilline"})
    k.entry_to_fhir("allergy", fields, "urn:uuid:x")
    assert "substance" in fields.asked - _known("allergy")


def test_the_allergy_name_goes_out_in_the_code() -> None:
    r = k.entry_to_fhir("allergy", {"name": "Pénicilline", "severity": "severe"}, "urn:uuid:x")
    assert r["code"]["text"] == "Pénicilline"


def test_every_field_an_import_plans_belongs_to_its_kind(fhir_corpus: Path) -> None:
    files = sorted((fhir_corpus / "ips" / "examples").glob("*.json"))
    files += sorted((fhir_corpus / "synthea" / "bundles").glob("*.json"))
    seen: set[str] = set()
    for path in files:
        for item in plan_import(parse_fhir(path.read_bytes()), accept_identity=True).items:
            if item.kind is None:
                continue
            seen.add(item.kind)
            known = _known(item.kind)
            assert set(item.fields) <= known, f"{path.name}: {item.kind} gets {sorted(set(item.fields) - known)}"
    assert {"allergy", "condition", "treatment", "measurement", "vaccination"} <= seen
