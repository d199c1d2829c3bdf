"""The real FHIR corpus (../shared/data/fhir): every IPS example and Synthea patient plans fully; conformance cases."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dossier.fhir import FhirInputError, parse_fhir, plan_import

pytestmark = pytest.mark.corpus

# Types the importer turns into entries or documents (the others are skipped with a reason).
IMPORTED_TYPES = {
    "AllergyIntolerance",
    "Condition",
    "MedicationStatement",
    "MedicationRequest",
    "Immunization",
    "Observation",
    "Encounter",
    "DocumentReference",
    "DiagnosticReport",
    "Binary",
    "FamilyMemberHistory",
    "RelatedPerson",
}


def _files(fhir_corpus: Path) -> list[Path]:
    files = sorted((fhir_corpus / "ips" / "examples").glob("*.json"))
    files += sorted((fhir_corpus / "synthea" / "bundles").glob("*.json"))
    assert len(files) >= 42 + 24, "the corpus is incomplete"
    return files


def test_every_resource_of_every_ips_example_and_synthea_patient_is_accounted_for(fhir_corpus: Path) -> None:
    for path in _files(fhir_corpus):
        plan = plan_import(parse_fhir(path.read_bytes(), source=path.name))
        planned = Counter(plan.sources.values())
        skipped = Counter(s.resource_type for s in plan.skipped)
        assert planned + skipped == plan.counts_in_file, path.name
        # Every skip says why, in French and in English.
        assert all(s.reason.fr and s.reason.en for s in plan.skipped), path.name


def test_synthea_clinical_content_is_found(fhir_corpus: Path) -> None:
    kinds: Counter[str] = Counter()
    for path in sorted((fhir_corpus / "synthea" / "bundles").glob("*_*.json")):
        kinds.update(i.kind for i in plan_import(parse_fhir(path.read_bytes())).items)
    for kind in ("measurement", "vaccination", "treatment", "condition", "allergy", "hospitalisation"):
        assert kinds[kind] > 10, kind


def test_ips_minimal_bundle_maps_its_clinical_entries(fhir_corpus: Path) -> None:
    path = fhir_corpus / "ips" / "examples" / "Bundle-bundle-minimal.json"
    plan = plan_import(parse_fhir(path.read_bytes()), accept_identity=True)
    kinds = Counter(i.kind for i in plan.items)
    assert kinds == Counter({"identity": 1, "condition": 1, "treatment": 1, "allergy": 1})
    treatment = next(i for i in plan.items if i.kind == "treatment")
    assert treatment.fields["name"]  # resolved through the referenced Medication


def _conformance_cases(fhir_corpus: Path) -> list[tuple[dict[str, object], Path, int | None]]:
    base = fhir_corpus / "conformance" / "validator-r4-subset"
    manifest = json.loads((base / "manifest-subset.json").read_text(encoding="utf-8"))
    cases = []
    for case in manifest["test-cases"]:
        path = base / "inputs" / str(case["file"])
        expected = base / "expected" / str(case.get("java", ""))
        errors = None
        if isinstance(case.get("java"), str) and expected.is_file():
            outcome = json.loads(expected.read_text(encoding="utf-8"))
            errors = sum(1 for i in outcome.get("issue", []) if i.get("severity") in {"error", "fatal"})
        if path.is_file():
            cases.append((case, path, errors))
    return cases


def test_conformance_broken_json_is_refused_with_line_and_column(fhir_corpus: Path) -> None:
    broken = [
        (case, path)
        for case, path, _ in _conformance_cases(fhir_corpus)
        if case.get("module") in {"json5", "fmt"} and not case.get("allow-comments")
    ]
    refused = 0
    for _case, path in broken:
        try:
            json.loads(path.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError:
            with pytest.raises(FhirInputError) as exc:
                parse_fhir(path.read_bytes(), source=path.name)
            assert "ligne" in exc.value.issues[0].field and "colonne" in exc.value.issues[0].field
            assert "JSON" in exc.value.message("en")
            refused += 1
    assert refused >= 8  # bad-json-close-1..3, json-comma-bad-1..2, json-no-quotes-1..2, json-comments-1..2


def test_conformance_valid_inputs_of_types_we_import_are_accepted(fhir_corpus: Path) -> None:
    accepted = 0
    for case, path, errors in _conformance_cases(fhir_corpus):
        if errors != 0 or case.get("module") == "json5":
            continue
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        types = {data.get("resourceType")} | {
            e.get("resource", {}).get("resourceType") for e in data.get("entry", []) if isinstance(e, dict)
        }
        if not types & IMPORTED_TYPES:
            continue
        plan = plan_import(parse_fhir(path.read_bytes(), source=path.name))
        assert sum(plan.counts_in_file.values()) == len(plan.sources) + len(plan.skipped)
        accepted += 1
    assert accepted >= 3
