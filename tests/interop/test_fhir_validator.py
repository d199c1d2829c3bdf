"""Carnet's FHIR exports checked by a validator nobody here wrote (tests/interop/validator: @medplum/core against the
R4 core StructureDefinitions, required bindings, UCUM, and the IPS 2.0.0 profiles of hl7.fhir.uv.ips).

Every patient of the shared corpus that imports (IPS examples, Synthea, R4 example bundles) is imported into an empty
real dossier, exported as IPS and as a whole-dossier collection, and every export must have 0 errors; each export
re-imports into another empty dossier with the same entries.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exports.fhir_io import import_fhir_bytes, iter_entries
from dossier.errors import DossierValidationError
from dossier.fhir import build_collection_bundle, build_ips_bundle
from dossier.fhir import codes as c
from tests.support.fhir_validator import distinct_messages, missing_part, validate
from tests.support.required import require

pytestmark = pytest.mark.corpus

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
PASSWORD = "cheval agrafe lune 47 brique Tonnerre"


@dataclass
class Case:
    source: str
    entries: Counter[str]  # what the first dossier holds, as a person sees it
    ips: dict[str, Any] | None  # None when the identity is incomplete (the export refuses)
    ips_refusal: str | None
    collection: dict[str, Any]


def _patients(fhir_corpus: Path) -> list[Path]:
    files = sorted((fhir_corpus / "ips" / "examples").glob("Bundle-*.json"))
    files += sorted((fhir_corpus / "synthea" / "bundles").glob("*.json"))
    files += sorted((fhir_corpus / "r4-examples" / "Bundle").glob("*.json"))
    assert len(files) >= 3 + 24 + 8, "the corpus is incomplete"
    return files


class _Dossiers:
    """Empty real SQLCipher dossiers, one per import, in one profile of a temporary directory."""

    def __init__(self, root: Path) -> None:
        from desktop_app.profile import ProfileDirectory
        from desktop_app.vault import FLOOR_KDF

        self.profile, _ = ProfileDirectory(root, kdf=FLOOR_KDF).create("Interop", PASSWORD)
        self.count = 0

    def new(self) -> Any:
        self.count += 1
        return self.profile.create_dossier(f"Patient {self.count}", role="other")

    def close(self) -> None:
        self.profile.lock()


def content(ds: Any) -> Counter[str]:
    """Entries as a person sees them: kind and values (not ids or import keys)."""
    return Counter(json.dumps([e.kind, e.data], sort_keys=True) for e in iter_entries(ds))


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Dossiers]:
    made = _Dossiers(tmp_path_factory.mktemp("interop") / "data")
    yield made
    made.close()


@pytest.fixture(scope="module")
def cases(fhir_corpus: Path, dossiers: _Dossiers) -> list[Case]:
    out = []
    for path in _patients(fhir_corpus):
        ds = dossiers.new()
        import_fhir_bytes(ds, path.read_bytes(), source=path.name, accept_identity=True)
        entries = list(iter_entries(ds))
        try:
            ips: dict[str, Any] | None = build_ips_bundle(entries, dossier_id=ds.dossier_id, now=NOW)
            refusal = None
        except DossierValidationError as exc:
            ips, refusal = None, exc.issues[0].code
        docs = [(d, ds.documents.read(d.id)) for d in ds.documents.list(limit=1000)]
        collection = build_collection_bundle(entries, dossier_id=ds.dossier_id, now=NOW, documents=docs)
        out.append(Case(path.name, content(ds), ips, refusal, collection))
    return out


@pytest.fixture(scope="module")
def validator() -> None:
    missing = missing_part()
    require(missing is None, str(missing))


def test_every_export_of_every_patient_has_no_error_for_r4_core_and_the_ips_profiles(
    cases: list[Case], validator: None
) -> None:
    items: list[tuple[str, dict[str, Any], bool]] = []
    for case in cases:
        items.append((f"FHIR {case.source}", case.collection, False))
        if case.ips is not None:
            items.append((f"IPS {case.source}", case.ips, True))
    results = validate(items)
    assert set(results) == {name for name, _, _ in items}
    errors = {name: issues for name, issues in results.items() if issues}
    assert not errors, f"{sum(map(len, errors.values()))} errors in {len(errors)} exports:\n" + distinct_messages(
        errors
    )
    ips_count = sum(1 for c in cases if c.ips is not None)
    assert ips_count >= 3 + 20, "IPS exports of the patients (the IPS examples and Synthea patients)"


def test_the_ips_export_refuses_only_without_a_name_or_birth_date(cases: list[Case]) -> None:
    for case in cases:
        if case.ips is None:
            assert case.ips_refusal == "ips_identity_incomplete", case.source
            assert not any(json.loads(x)[0] == "identity" and _complete(json.loads(x)[1]) for x in case.entries)


def _complete(identity: dict[str, Any]) -> bool:
    return bool((identity.get("birth_name") or identity.get("first_names")) and identity.get("birth_date"))


def test_a_broken_export_is_caught_by_the_validator(cases: list[Case], validator: None) -> None:
    """The validator is not a rubber stamp: a structural error, a code outside a required binding, a wrong UCUM unit,
    an IPS rule (lab performer) and a missing IPS section are each reported."""
    case = next(c for c in cases if c.ips is not None and c.source == "Bundle-IPS-examples-Bundle-01.json")
    assert case.ips is not None
    broken = copy.deepcopy(case.ips)
    resources = [e["resource"] for e in broken["entry"]]
    composition = resources[0]
    composition["section"] = [
        s for s in composition["section"] if s["code"]["coding"][0]["code"] != "48765-2"
    ]  # no allergy section
    lab = next(r for r in resources if r["resourceType"] == "Observation" and "valueQuantity" in r)
    lab.pop("performer")
    lab["valueQuantity"].update({"system": "http://unitsofmeasure.org", "code": "grammes"})
    condition = next(r for r in resources if r["resourceType"] == "Condition")
    condition["clinicalStatus"]["coding"][0]["code"] = "better"
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    patient["birthDate"] = "14/03/1950"
    results = validate([("broken", broken, True), ("intact", case.ips, True)])
    assert results["intact"] == []
    messages = "\n".join(f"{i.where}: {i.message}" for i in results["broken"])
    print(messages)
    for expected in (
        "IPS section Allergies (48765-2): expected 1..1, found 0",
        '"grammes" is not a valid UCUM code',
        "Observation.performer: Missing required property",
        "condition-clinical",
        "birthDate",
    ):
        assert expected in messages, expected


def test_every_export_reimports_into_an_empty_dossier_with_the_same_entries(
    cases: list[Case], dossiers: _Dossiers
) -> None:
    for case in cases:
        for label, bundle in (("IPS", case.ips), ("FHIR", case.collection)):
            if bundle is None:
                continue
            ds = dossiers.new()
            import_fhir_bytes(ds, json.dumps(bundle), source=f"{label} {case.source}", accept_identity=True)
            again = content(ds)
            assert again == case.entries, (
                f"{label} export of {case.source}: lost {sorted((case.entries - again).elements())[:5]}, "
                f"gained {sorted((again - case.entries).elements())[:5]}"
            )


def _strip_carnet_fields(node: Any) -> Any:
    """The export as another FHIR reader sees it: without Carnet's private entry-fields extension."""
    if isinstance(node, dict):
        out = {key: _strip_carnet_fields(value) for key, value in node.items()}
        if isinstance(out.get("extension"), list):
            out["extension"] = [e for e in out["extension"] if e.get("url") != c.CARNET_FIELDS_EXT]
            if not out["extension"]:
                del out["extension"]
        return out
    if isinstance(node, list):
        return [_strip_carnet_fields(x) for x in node]
    return node


def test_without_the_private_extension_another_reader_gets_the_same_entries_codes_and_provenance(
    cases: list[Case], dossiers: _Dossiers
) -> None:
    checked = 0
    for case in cases:
        if case.ips is None:
            continue
        stripped = _strip_carnet_fields(case.ips)
        assert c.CARNET_FIELDS_EXT not in json.dumps(stripped)
        ds = dossiers.new()
        import_fhir_bytes(ds, json.dumps(stripped), source="stripped.json", accept_identity=True)
        again = content(ds)
        assert again == case.entries, (
            f"IPS of {case.source} without the extension: lost {sorted((case.entries - again).elements())[:3]}, "
            f"gained {sorted((again - case.entries).elements())[:3]}"
        )
        checked += 1
    assert checked >= 20


def test_imported_entries_keep_their_source_codes_and_provenance(cases: list[Case]) -> None:
    entries = [json.loads(x) for case in cases for x in case.entries]
    clinical = [data for kind, data in entries if kind != "identity"]
    assert all(data.get("provenance", {}).get("imported_on") for data in clinical)
    coded = Counter(kind for kind, data in entries if data.get("codes"))
    for kind in ("condition", "allergy", "treatment", "vaccination"):
        assert coded[kind] > 5, kind
    systems = {code["system"] for _, data in entries for code in data.get("codes", [])}
    assert {"http://snomed.info/sct", "http://www.nlm.nih.gov/research/umls/rxnorm"} <= systems
