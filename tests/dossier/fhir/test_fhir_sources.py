"""Codes and provenance an imported entry keeps (dossier.entries.source), and what the exporter does not invent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dossier.entries import provenance_text, validate_entry
from dossier.errors import DossierValidationError
from dossier.fhir import codes as c
from dossier.fhir import kinds as k
from dossier.fhir import parse_fhir, plan_import
from dossier.fhir.provenance import provenance_resource

TODAY = date(2026, 12, 6)
SNOMED_PENICILLIN = {"system": "http://snomed.info/sct", "code": "764146007", "display": "Penicillin"}


def test_codes_and_provenance_are_kept_beside_the_fields() -> None:
    data = validate_entry(
        "allergy",
        {
            "name": "Pénicilline",
            "codes": [SNOMED_PENICILLIN],
            "provenance": {"document": "synthese.json", "imported_on": "2026-12-06", "organisation": "CHU de Rennes"},
        },
        today=TODAY,
    )
    assert data["codes"] == [SNOMED_PENICILLIN]
    assert provenance_text(data) == "Importé de CHU de Rennes (synthese.json) le 06/12/2026"
    assert provenance_text(data, "en") == "Imported from CHU de Rennes (synthese.json) on 2026-12-06"
    assert provenance_text({"name": "typed by the patient"}) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"codes": [{"system": "", "code": "1"}]},
        {"codes": "764146007"},
        {"provenance": {"document": "x.json"}},  # no date of import
        {"provenance": {"document": "x.json", "imported_on": "2026-12-06", "by": "me"}},
    ],
)
def test_malformed_codes_or_provenance_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(DossierValidationError) as refused:
        validate_entry("allergy", {"name": "Pénicilline", **bad}, today=TODAY)
    assert refused.value.issues[0].code == "invalid_source"


def test_the_source_codes_go_out_again_with_their_own_display_only() -> None:
    r = k.entry_to_fhir("allergy", {"name": "Pénicilline", "codes": [SNOMED_PENICILLIN]}, "urn:uuid:p")
    assert r["code"] == {"text": "Pénicilline", "coding": [SNOMED_PENICILLIN]}
    typed = k.entry_to_fhir("condition", {"name": "Asthme"}, "urn:uuid:p")
    assert "coding" not in typed["code"]  # nothing invented for what the patient typed


def test_no_reaction_text_is_invented_when_only_a_severity_is_known() -> None:
    r = k.entry_to_fhir("allergy", {"name": "Arachide", "severity": "severe"}, "urn:uuid:p")
    [reaction] = r["reaction"]
    assert reaction["severity"] == "severe" and "description" not in reaction
    assert reaction["manifestation"] == [k.unknown()]
    assert "réaction" not in str(r).lower()
    back = k.allergy_from_fhir(r)
    assert isinstance(back, tuple) and "reaction" not in back[1]


def _consent(**extra: Any) -> dict[str, Any]:
    return {
        "resourceType": "Consent",
        "status": "active",
        "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "adr"}]},
        "category": [{"coding": [{"system": "http://loinc.org", "code": "75320-2"}]}],
        "dateTime": "2024-01-10T09:00:00+01:00",
        "policyRule": {"text": "Loi Claeys-Leonetti"},
        **extra,
    }


def test_an_advance_directive_consent_becomes_directives_anticipees() -> None:
    consent = _consent(
        organization=[{"display": "Chez mon fils Benoît"}],
        sourceAttachment={"title": "Pas d'acharnement thérapeutique", "contentType": "text/plain"},
    )
    plan = plan_import(parse_fhir(json.dumps(consent)), today=TODAY, source="da.json")
    [item] = plan.items
    assert item.kind == "advance_directive"
    data = validate_entry(item.kind, item.fields, today=TODAY)
    assert data["written_on"] == "2024-01-10" and data["kept_at"] == "Chez mon fils Benoît"
    assert data["summary"] == "Pas d'acharnement thérapeutique"
    assert data["provenance"] == {"document": "da.json", "imported_on": "2026-12-06"}


def test_a_privacy_consent_is_not_a_directive(fhir_corpus: Path) -> None:
    path = fhir_corpus / "r4-examples" / "Consent" / "Consent-consent-example-basic.json"
    plan = plan_import(parse_fhir(path.read_bytes()))
    assert not plan.items and plan.skipped[0].reason.code == "not_a_directive"


def test_a_long_pathology_conclusion_is_kept_whole_out_and_back() -> None:
    conclusion = "Carcinome canalaire infiltrant de grade II, " * 30  # ~1,300 characters
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": c.OBS_CATEGORY, "code": "laboratory"}]}],
        "code": {"coding": [{"system": c.LOINC, "code": "22637-3"}], "text": "Conclusion anatomopathologique"},
        "effectiveDateTime": "2026-02-01",
        "valueString": conclusion,
    }
    [item] = plan_import(parse_fhir(json.dumps(observation))).items
    data = validate_entry("lab_result", item.fields, today=TODAY)
    assert data["value_text"] == conclusion.strip()
    assert k.entry_to_fhir("lab_result", data, "urn:uuid:p")["valueString"] == conclusion.strip()


def test_a_provenance_resource_is_read_back_for_its_target() -> None:
    entry = {
        "name": "Pénicilline",
        "provenance": {"document": "dmp.json", "imported_on": "2026-11-02", "organisation": "CHU", "author": "Dr Roux"},
    }
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:0a0a0a0a-0000-4000-8000-000000000001", "resource": _native(entry)},
            {
                "fullUrl": "urn:uuid:0a0a0a0a-0000-4000-8000-000000000002",
                "resource": provenance_resource("e1", entry, "urn:uuid:0a0a0a0a-0000-4000-8000-000000000001"),
            },
        ],
    }
    plan = plan_import(parse_fhir(json.dumps(bundle)), today=TODAY, source="again.json")
    [item] = plan.items
    assert item.fields["provenance"] == entry["provenance"]  # the original source, not "again.json"
    assert plan.skipped[0].reason.code == "provenance"


def _native(data: dict[str, Any]) -> dict[str, Any]:
    r = k.entry_to_fhir("allergy", data, "urn:uuid:p")
    r.pop("extension")  # as another system would write it
    return r


def test_procedures_become_operations_and_acts_with_their_codes(fhir_corpus: Path) -> None:
    examples = fhir_corpus / "ips" / "examples"
    [item] = plan_import(parse_fhir((examples / "Procedure-eumfh-39-07-1.json").read_bytes())).items
    assert item.kind == "procedure" and item.fields["codes"][0]["system"] == "http://snomed.info/sct"
    data = validate_entry("procedure", item.fields, today=TODAY)
    out = k.entry_to_fhir("procedure", data, "urn:uuid:p")
    assert out["code"]["coding"] == data["codes"] and out["status"] == "completed"
    [undated] = plan_import(parse_fhir((examples / "Procedure-procedure-missing-performed.json").read_bytes())).items
    assert "date" not in undated.fields
    assert k.entry_to_fhir("procedure", undated.fields, "urn:uuid:p")["_performedDateTime"] == k.unknown()
