"""Lab results in FHIR: laboratory Observations import as lab_result entries and export to the IPS Results section."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from dossier.entries import validate_entry
from dossier.fhir import SimpleEntry, build_collection_bundle, build_ips_bundle, parse_fhir, plan_import

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
TODAY = date(2026, 3, 14)
LAB = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}


def _obs(*, category: str | None = "laboratory", **extra: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "resourceType": "Observation",
        "id": "lab1",
        "status": "final",
        "code": {
            "coding": [
                {
                    "system": "http://loinc.org",
                    "code": "6690-2",
                    "display": "Leukocytes [#/volume] in Blood by Automated count",
                }
            ],
            "text": "Leucocytes",
        },
        "effectiveDateTime": "2016-12-27T22:28:27+00:00",
        "valueQuantity": {"value": 3.85, "unit": "10*3/uL", "system": "http://unitsofmeasure.org", "code": "10*3/uL"},
    }
    if category:
        r["category"] = [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": category}]}
        ]
    r.update(extra)
    return {k: v for k, v in r.items() if v is not None}


def _plan(resource: dict[str, Any]) -> Any:
    return plan_import(parse_fhir(json.dumps(resource)))


def _fields(resource: dict[str, Any]) -> dict[str, Any]:
    plan = _plan(resource)
    assert not plan.skipped, [s.reason.en for s in plan.skipped]
    [item] = plan.items
    assert item.kind == "lab_result"
    return dict(item.fields)


def test_a_laboratory_observation_becomes_a_lab_result_with_its_unit_as_given() -> None:
    fields = _fields(_obs())
    assert fields == {
        "test": "Leucocytes",
        "loinc": "6690-2",
        # the source's own display of its code is kept (it goes out again); Carnet never writes one of its own
        "codes": [
            {
                "system": "http://loinc.org",
                "code": "6690-2",
                "display": "Leukocytes [#/volume] in Blood by Automated count",
            }
        ],
        "value": 3.85,
        "unit": "10*3/uL",
        "date": "2016-12-27",
    }
    assert validate_entry("lab_result", fields, today=TODAY)["unit"] == "10*3/uL"


def test_the_test_name_falls_back_on_the_coding_display() -> None:
    code = {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c"}]}
    assert _fields(_obs(code=code))["test"] == "Hemoglobin A1c"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"valueString": " négatif "}, {"value_text": "négatif"}),
        ({"valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "260385009",
                                               "display": "Negative"}]}}, {"value_text": "Negative"}),
        ({"valueInteger": 250}, {"value": 250}),
        ({"valueQuantity": {"value": 0.5, "comparator": "<", "unit": "mg/L"}}, {"value_text": "< 0,5", "unit": "mg/L"}),
        ({"valueQuantity": {"value": 140, "code": "mmol/L"}}, {"value": 140, "unit": "mmol/L"}),  # code when no unit
    ],
)  # fmt: skip
def test_every_kind_of_value(value: dict[str, Any], expected: dict[str, Any]) -> None:
    fields = _fields({**_obs(valueQuantity=None), **value})
    assert {k: fields.get(k) for k in ("value", "value_text", "unit") if k in fields} == expected


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([{"low": {"value": 4.0}, "high": {"value": 10.5}}], "4–10,5"),
        ([{"low": {"value": 3.5}}], "≥ 3,5"),
        ([{"high": {"value": 200}}], "≤ 200"),
        ([{"text": "< 5 mg/L", "high": {"value": 5}}], "< 5 mg/L"),  # the lab's own words win
    ],
)
def test_reference_range_reads_low_high_or_text(ranges: list[dict[str, Any]], expected: str) -> None:
    assert _fields(_obs(referenceRange=ranges))["reference_range"] == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("H", "high"), ("L", "low"), ("N", "normal"), ("A", "abnormal"), ("HH", "critical"), ("LL", "critical"),
     ("AA", "critical")],
)  # fmt: skip
def test_interpretation_codes(code: str, expected: str) -> None:
    system = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    fields = _fields(_obs(interpretation=[{"coding": [{"system": system, "code": code}]}]))
    assert fields["interpretation"] == expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ({"effectiveDateTime": None, "effectivePeriod": {"start": "2020-03-01T08:00:00Z"}}, "2020-03-01"),
        ({"effectiveDateTime": None, "issued": "2021-04-02T10:00:00Z"}, "2021-04-02"),
        ({"effectiveDateTime": "2019-05"}, "2019-05"),
    ],
)
def test_date_from_effective_period_or_issued(when: dict[str, Any], expected: str) -> None:
    assert _fields(_obs(**when))["date"] == expected


def test_laboratory_name_from_a_referenced_organisation() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:5f1c0e8a-0000-4000-8000-000000000001",
             "resource": {"resourceType": "Organization", "name": "Laboratoire Cerballiance"}},
            {"fullUrl": "urn:uuid:5f1c0e8a-0000-4000-8000-000000000002",
             "resource": _obs(performer=[{"reference": "urn:uuid:5f1c0e8a-0000-4000-8000-000000000001"}])},
        ],
    }  # fmt: skip
    plan = plan_import(parse_fhir(json.dumps(bundle)))
    [item] = plan.items
    assert item.fields["laboratory"] == "Laboratoire Cerballiance"


def test_a_malformed_loinc_code_is_dropped_and_the_result_kept() -> None:
    code = {"coding": [{"system": "http://loinc.org", "code": "HBA1C"}], "text": "HbA1c"}
    fields = _fields(_obs(code=code))
    assert "loinc" not in fields and fields["test"] == "HbA1c"


@pytest.mark.parametrize("category", [None, "imaging", "procedure"])
def test_a_loinc_coded_value_outside_the_laboratory_category_is_a_result(category: str | None) -> None:
    assert _fields(_obs(category=category))["loinc"] == "6690-2"


@pytest.mark.parametrize(
    ("resource", "code"),
    [
        (_obs(category="vital-signs"), "unsupported_observation"),
        (_obs(category="survey"), "unsupported_observation"),
        (_obs(category="exam"), "unsupported_observation"),
        (_obs(category=None, code={"coding": [{"system": "http://loinc.org", "code": "74013-4"}]}),
         "unsupported_observation"),  # alcohol use is social history
        (_obs(category=None, valueQuantity=None, valueDateTime="2020-05-02"), "unsupported_observation"),
        (_obs(valueQuantity=None), "no_value"),
        (_obs(valueQuantity=None, dataAbsentReason={"text": "masked"}), "no_value"),
        (_obs(effectiveDateTime=None), "no_date"),
        (_obs(code={"coding": [{"system": "http://loinc.org"}], "text": " "}), "no_text"),
        (_obs(status="entered-in-error"), "not_final"),
    ],
)  # fmt: skip
def test_what_is_not_a_lab_result_is_skipped_with_a_reason(resource: dict[str, Any], code: str) -> None:
    plan = _plan(resource)
    assert not plan.items
    [skipped] = plan.skipped
    assert skipped.reason.code == code
    assert skipped.reason.fr and skipped.reason.en and skipped.reason.fr != skipped.reason.en


def _lab_entries() -> list[SimpleEntry]:
    raw = [
        ("a1a1a1a1-0000-4000-8000-000000000001", "lab_result",
         {"test": "Potassium", "loinc": "2823-3", "value": "6,8", "unit": "mmol/L", "interpretation": "critique",
          "reference_range": "3,5–5,0", "date": "2026-03-01", "laboratory": "Biogroup"}),
        ("a1a1a1a1-0000-4000-8000-000000000002", "lab_result",
         {"test": "Sérologie VIH", "value_text": "négatif", "date": "2025-11"}),
        ("a1a1a1a1-0000-4000-8000-000000000003", "blood_group", {"abo": "O", "rh": "-"}),
    ]  # fmt: skip
    return [SimpleEntry(i, kind, validate_entry(kind, data, today=TODAY)) for i, kind, data in raw]


IDENTITY = SimpleEntry(
    "b2b2b2b2-0000-4000-8000-0000000000aa",
    "identity",
    {"birth_name": "Martin", "first_names": "Louise", "sex": "F", "birth_date": "1960-05-04"},
)


def _resources(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def test_ips_results_section_holds_lab_results_as_laboratory_observations() -> None:
    entries = _lab_entries()
    bundle = build_ips_bundle([IDENTITY, *entries], dossier_id="d1", now=NOW)
    parse_fhir(json.dumps(bundle))  # valid for fhir.resources and our own checks
    sections = {s["code"]["coding"][0]["code"]: s for s in bundle["entry"][0]["resource"]["section"]}
    results = sections["30954-2"]
    refs = [r["reference"] for r in results["entry"]]
    assert refs == [f"urn:uuid:{e.id}" for e in entries]  # both lab results and the blood group
    potassium = _resources(bundle)[refs[0]]
    assert potassium["category"][0]["coding"][0]["code"] == "laboratory"
    # No display of our own: "Potassium" is the test as written, not LOINC's name for 2823-3.
    assert potassium["code"]["coding"][0] == {"system": "http://loinc.org", "code": "2823-3"}
    assert potassium["code"]["text"] == "Potassium"
    assert potassium["valueQuantity"] == {"value": 6.8, "unit": "mmol/L"}
    assert potassium["interpretation"][0]["coding"][0]["code"] == "AA"
    assert potassium["referenceRange"] == [{"text": "3,5–5,0"}]
    assert potassium["effectiveDateTime"] == "2026-03-01"
    assert _resources(bundle)[refs[1]]["valueString"] == "négatif"
    assert "Potassium" in results["text"]["div"]


def test_collection_bundle_carries_lab_results_and_they_come_back() -> None:
    entries = _lab_entries()
    bundle = build_collection_bundle(entries, dossier_id="d1", now=NOW)
    plan = plan_import(parse_fhir(json.dumps(bundle)))
    got = sorted((i.kind, json.dumps(i.fields, sort_keys=True)) for i in plan.items if i.kind == "lab_result")
    want = sorted((e.kind, json.dumps(e.data, sort_keys=True)) for e in entries if e.kind == "lab_result")
    assert got == want


def test_a_declared_empty_results_section_comes_back_as_non_concerne() -> None:
    declared = [SimpleEntry("b2b2b2b2-0000-4000-8000-000000000001", "not_concerned", {"section": "resultats"})]
    bundle = build_ips_bundle([IDENTITY, *declared], dossier_id="d1", now=NOW)
    sections = {s["code"]["coding"][0]["code"]: s for s in bundle["entry"][0]["resource"]["section"]}
    assert sections["30954-2"]["emptyReason"]["coding"][0]["code"] == "nilknown"
    plan = plan_import(parse_fhir(json.dumps(bundle)))
    assert [(i.kind, i.fields) for i in plan.items if i.kind != "identity"] == [
        ("not_concerned", {"section": "resultats"})
    ]
