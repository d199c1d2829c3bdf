"""FHIR mapping without a store: IPS/collection bundles round-trip through the importer, foreign data maps natively."""

from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

import pytest

from dossier.entries import validate_entry
from dossier.errors import DossierValidationError
from dossier.fhir import (
    FhirInputError,
    SimpleEntry,
    build_collection_bundle,
    build_ips_bundle,
    parse_fhir,
    plan_import,
)
from dossier.fhir import codes as c
from dossier.fhir import kinds as k
from dossier.identifiers import nir_key

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
DOSSIER = "0b6f7c3e-2f7e-4d7e-9d55-8f4f3c1a2b10"

TODAY = date(2026, 3, 14)
_NIR_BODY = "2480275112345"
RAW: list[tuple[str, str, dict[str, Any]]] = [
    (
        "11111111-1111-4111-8111-111111111111",
        "identity",
        {
            "birth_name": "Lefèvre",
            "first_names": "Zoé Hélène",
            "sex": "F",
            "birth_date": "1948-02-29",
            "ins": _NIR_BODY + nir_key(_NIR_BODY),
            "gp_name": "Dr Éloïse Marchand",
        },
    ),
    (
        "22222222-2222-4222-8222-222222222222",
        "condition",
        {"name": "Diabète de type 2", "onset_date": "2015-06", "status": "active"},
    ),
    (
        "33333333-3333-4333-8333-333333333333",
        "treatment",
        {"name": "Metformine 850 mg", "dosage": "1 comprimé matin et soir", "start_date": "2015-06-10"},
    ),
    (
        "44444444-4444-4444-8444-444444444444",
        "vaccination",
        {"vaccine": "Grippe saisonnière", "date": "2025-10-20", "lot": "AB12", "dose": "rappel"},
    ),
    (
        "55555555-5555-4555-8555-555555555555",
        "measurement",
        {
            "measure_type": "blood_pressure",
            "systolic": 135,
            "diastolic": 85,
            "measured_at": "2026-03-01T08:00:00+01:00",
        },
    ),
    (
        "66666666-6666-4666-8666-666666666666",
        "measurement",
        {"measure_type": "weight", "value": 61.5, "unit": "kg", "measured_at": "2026-03-01T08:05:00+01:00"},
    ),
    ("77777777-7777-4777-8777-777777777777", "not_concerned", {"section": "allergies"}),
    (
        "88888888-8888-4888-8888-888888888888",
        "trusted_person",
        {"name": "Benoît Lefèvre", "phone": "06 12 34 56 78", "relationship": "fils"},
    ),
    ("99999999-9999-4999-8999-999999999999", "organ_donation", {"position": "donor", "told_relatives": True}),
    ("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "blood_group", {"abo": "A", "rh": "positive"}),
    (
        "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
        "hospitalisation",
        {"reason": "Pose de prothèse de hanche", "start_date": "2019-04-02", "end_date": "2019-04-09"},
    ),
    (
        "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
        "lifestyle",
        {"tobacco": "former", "alcohol": "occasional", "sleep_hours": 7},
    ),
    (
        "dddddddd-dddd-4ddd-8ddd-dddddddddddd",
        "family_history",
        {"condition": "Cancer du sein", "relationship": "mother", "age_at_onset": 52},
    ),
    (
        "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee",
        "advance_directive",
        {"written_on": "2024-01-10", "kept_at": "Chez mon fils Benoît"},
    ),
    (
        "ffffffff-ffff-4fff-8fff-ffffffffffff",
        "lab_result",
        {
            "test": "Hémoglobine glyquée (HbA1c)",
            "loinc": "4548-4",
            "value": "7,2",
            "unit": "%",
            "reference_range": "4,0–6,0",
            "interpretation": "élevé",
            "date": "2026-02-10",
            "laboratory": "Laboratoire Cerballiance Rennes",
            "notes": "Prélèvement à jeun",
        },
    ),
    (
        "12121212-1212-4121-8121-121212121212",
        "lab_result",
        {"test": "Sérologie VIH", "value_text": "négatif", "interpretation": "N", "date": "2025-11"},
    ),
]
# Entries exactly as the store keeps them: normalised by dossier.entries.
ENTRIES = [SimpleEntry(i, kind, validate_entry(kind, data, today=TODAY)) for i, kind, data in RAW]
NOT_NATIVE = {"organ_donation", "advance_directive"}  # travel in the Carnet extension only


def _as_pairs(items: Any) -> Counter[str]:
    """Compare entries as the store would keep them (validated, normalised)."""
    return Counter(
        json.dumps([kind, validate_entry(kind, fields, today=TODAY)], sort_keys=True) for kind, fields in items
    )


def _strip_carnet_extensions(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: _strip_carnet_extensions(v)
            for k, v in node.items()
            if not (k == "extension" and all(e.get("url") == c.CARNET_FIELDS_EXT for e in v))
        }
    if isinstance(node, list):
        return [_strip_carnet_extensions(x) for x in node]
    return node


@pytest.mark.parametrize("builder", [build_ips_bundle, build_collection_bundle])
def test_export_then_import_gives_back_every_entry(builder: Any) -> None:
    bundle = builder(ENTRIES, dossier_id=DOSSIER, now=NOW)
    # The bundle is valid FHIR R4 for fhir.resources' R4B models and our own checks.
    parsed = parse_fhir(json.dumps(bundle, ensure_ascii=False), source="export.json")
    plan = plan_import(parsed, accept_identity=True)
    assert _as_pairs((i.kind, i.fields) for i in plan.items) == _as_pairs((e.kind, e.data) for e in ENTRIES)
    assert {i.carnet_entry_id for i in plan.items if i.resource_type != "Composition"} <= {e.id for e in ENTRIES}


def test_ips_document_has_the_ips_shape() -> None:
    bundle = build_ips_bundle(ENTRIES, dossier_id=DOSSIER, now=NOW)
    assert bundle["type"] == "document"
    composition = bundle["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["type"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "60591-5",
        "display": "Patient summary Document",
    }
    sections = {s["code"]["coding"][0]["code"]: s for s in composition["section"]}
    # Required IPS sections: medications and problems have entries, allergies were declared "non concerné".
    assert sections["10160-0"]["entry"] and sections["11450-4"]["entry"]
    assert sections["48765-2"]["emptyReason"]["coding"][0]["code"] == "nilknown"
    assert "entry" not in sections["48765-2"]
    patient = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    assert patient["identifier"][0]["system"] == "urn:oid:1.2.250.1.213.1.4.8"
    assert patient["identifier"][0]["value"] == ENTRIES[0].data["ins"]
    assert patient["identifier"][0]["type"]["coding"][0]["code"] == "INS-NIR"
    # Every section reference resolves inside the bundle.
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(ref["reference"] in urls for s in composition["section"] for ref in s.get("entry", []))


def test_ips_without_a_name_or_birth_date_is_refused_with_a_sentence() -> None:
    with pytest.raises(DossierValidationError) as refused:
        build_ips_bundle([], dossier_id=DOSSIER, now=NOW)
    assert refused.value.issues[0].code == "ips_identity_incomplete"
    assert "date de naissance" in refused.value.message("fr") and "birth date" in refused.value.message("en")
    nameless = SimpleEntry("e0", "identity", {"sex": "F", "birth_date": "1950-01-01"})
    with pytest.raises(DossierValidationError, match="nom ou les prénoms"):
        build_ips_bundle([nameless], dossier_id=DOSSIER, now=NOW)


def test_ips_with_only_an_identity_declares_required_sections_unavailable() -> None:
    identity = next(e for e in ENTRIES if e.kind == "identity")
    bundle = build_ips_bundle([identity], dossier_id=DOSSIER, now=NOW)
    parse_fhir(json.dumps(bundle))
    sections = bundle["entry"][0]["resource"]["section"]
    assert sorted(s["code"]["coding"][0]["code"] for s in sections) == ["10160-0", "11450-4", "48765-2"]
    assert {s["emptyReason"]["coding"][0]["code"] for s in sections} == {"unavailable"}


def test_native_elements_alone_carry_the_clinical_content() -> None:
    """What another system reads (no Carnet extension) still maps back to the same entries for mapped kinds."""
    bundle = _strip_carnet_extensions(build_ips_bundle(ENTRIES, dossier_id=DOSSIER, now=NOW))
    plan = plan_import(parse_fhir(json.dumps(bundle)), accept_identity=True)
    got = _as_pairs((i.kind, i.fields) for i in plan.items)
    native = [e for e in ENTRIES if e.kind not in NOT_NATIVE]
    assert got == _as_pairs((e.kind, e.data) for e in native)


def _observation(code: str, value: float, unit: str, **extra: Any) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
        "effectiveDateTime": "2024-05-01T10:00:00Z",
        "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit},
        **extra,
    }


@pytest.mark.parametrize(
    ("code", "value", "unit", "measure", "expected"),
    [
        ("29463-7", 154.0, "[lb_av]", "weight", 69.853),
        ("8302-2", 1.72, "m", "height", 172.0),
        ("8310-5", 98.6, "[degF]", "temperature", 37.0),
        ("2339-0", 95.0, "mg/dL", "blood_glucose", 0.95),
        ("2339-0", 5.5, "mmol/L", "blood_glucose", 0.991),
        ("8867-4", 72.0, "/min", "heart_rate", 72.0),
    ],
)
def test_vital_signs_are_converted_to_carnet_units_and_keep_the_value_as_sent(
    code: str, value: float, unit: str, measure: str, expected: float
) -> None:
    plan = plan_import(parse_fhir(json.dumps(_observation(code, value, unit))))
    [item] = plan.items
    assert item.kind == "measurement"
    assert item.fields["measure_type"] == measure
    stored = validate_entry("measurement", item.fields, today=TODAY)
    assert stored["value"] == pytest.approx(expected, abs=0.001)
    assert stored["original_value"] == value  # as sent, full precision, in its own unit


def test_a_measure_keeps_its_precision_out_and_back() -> None:
    """Synthea sends 128.269 cm: Carnet shows 128.3 but keeps and exports 128.269 (no 128.269 → 128.0)."""
    plan = plan_import(parse_fhir(json.dumps(_observation("8302-2", 128.269, "cm"))))
    stored = validate_entry("measurement", plan.items[0].fields, today=TODAY)
    assert (stored["value"], stored["original_value"]) == (128.3, 128.269)
    out = k.entry_to_fhir("measurement", stored, "urn:uuid:p")
    assert out["valueQuantity"] == {"value": 128.269, "unit": "cm", "system": c.UCUM, "code": "cm"}


def test_unknown_unit_is_skipped_with_its_name() -> None:
    plan = plan_import(parse_fhir(json.dumps(_observation("29463-7", 3.0, "[stone_av]"))))
    assert not plan.items
    assert "[stone_av]" in plan.skipped[0].reason.fr


def test_a_single_resource_without_identifier_has_a_stable_key() -> None:
    text = json.dumps(_observation("29463-7", 70.0, "kg"))
    first = plan_import(parse_fhir(text)).items[0].external_ref
    again = plan_import(parse_fhir(text)).items[0].external_ref
    assert first == again and first.startswith("fhir:sha256:")


def test_patient_is_only_mapped_when_the_person_confirms() -> None:
    patient = {"resourceType": "Patient", "name": [{"family": "Martin", "given": ["Luc"]}], "gender": "male"}
    assert plan_import(patient).skipped[0].reason.code == "identity_not_confirmed"
    [item] = plan_import(patient, accept_identity=True).items
    assert item.fields == {"birth_name": "Martin", "first_names": "Luc", "sex": "M"}
    assert item.kind == "identity"


def test_broken_structure_is_refused_with_its_path() -> None:
    bundle = build_collection_bundle(ENTRIES, dossier_id=DOSSIER, now=NOW)
    broken = copy.deepcopy(bundle)
    broken["entry"][2]["resource"]["code"] = "not a CodeableConcept"
    with pytest.raises(FhirInputError) as exc:
        parse_fhir(json.dumps(broken), source="lot.json")
    assert any(i.field.startswith("lot.json:Bundle.entry[2].resource") for i in exc.value.issues)
    assert "FHIR R4" in exc.value.message("fr")


def test_unknown_code_and_misspelled_type_are_refused() -> None:
    with pytest.raises(FhirInputError) as exc:
        parse_fhir(json.dumps({"resourceType": "Patient", "gender": "F"}))
    assert exc.value.issues[0].field == "Patient.gender"
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": {"resourceType": "Patinet"}}],
    }
    with pytest.raises(FhirInputError):
        parse_fhir(json.dumps(bundle))
    with pytest.raises(FhirInputError) as exc:
        parse_fhir('{"resourceType": "Patient",\n "gender": "male",,}', source="p.json")
    assert exc.value.issues[0].field == "p.json:ligne 2, colonne 19"


def test_non_utf8_and_non_resource_json_are_refused() -> None:
    with pytest.raises(FhirInputError, match="UTF-8"):
        parse_fhir('{"resourceType": "Patient", "name": [{"family": "Lefèvre"}]}'.encode("latin-1"))
    with pytest.raises(FhirInputError, match="resourceType"):
        parse_fhir("[1, 2, 3]")
