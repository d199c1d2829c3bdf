"""Codes and provenance an imported entry keeps (dossier.entries.source), and what the exporter does not invent."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dossier.entries import provenance_text, validate_entry
from dossier.errors import DossierValidationError
from dossier.fhir import kinds as k

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
