"""Every entry kind: good and bad values, French messages naming the field, CLI strings, summaries, search."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dossier.entries import ENTRY_KINDS, SECTIONS, FieldType, search_text, section_of, sort_date, summarize_entry
from dossier.entries import validate_entry as _validate
from dossier.errors import DossierValidationError
from dossier.identifiers import nir_key
from dossier.text import fold

TODAY = date(2025, 6, 15)
NIR_1955_M = "1550575123456" + nir_key("1550575123456")


def validate(kind: str, fields: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return _validate(kind, fields, today=TODAY, **kwargs)


# (kind, fields as typed, expected subset of the normalised result)
GOOD: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("identity", {"birth_name": " Dupont ", "first_names": "Jean  Marie", "sex": "Homme", "birth_date": "15/05/1955",
                  "ins": " ".join([NIR_1955_M[:1], NIR_1955_M[1:3], NIR_1955_M[3:]]), "phone": "06 12 34 56 78",
                  "email": "jean.dupont@exemple.fr", "gp_name": "Dr Martin"},
     {"birth_name": "Dupont", "first_names": "Jean Marie", "sex": "M", "birth_date": "1955-05-15", "ins": NIR_1955_M,
      "phone": "0612345678"}),
    ("identity", {"birth_name": "Lefèvre", "first_names": "Zoé", "sex": "F", "birth_date": "2019"},
     {"birth_date": "2019", "sex": "F"}),
    ("condition", {"name": "Diabète de type 2", "onset_date": "2015", "status": "en cours"},
     {"name": "Diabète de type 2", "onset_date": "2015", "status": "active"}),
    ("condition", {"name": "Zona", "onset_date": "03/2020", "end_date": "2020", "status": "guéri"},
     {"end_date": "2020", "status": "resolved"}),
    ("treatment", {"name": "Metformine", "dosage": "1000 mg matin et soir", "start_date": "2015-09"},
     {"ongoing": True, "start_date": "2015-09"}),
    ("treatment", {"name": "Amoxicilline", "start_date": "01/03/2024", "end_date": "10/03/2024"},
     {"ongoing": False, "end_date": "2024-03-10"}),
    ("treatment", {"name": "Kiné", "start_date": "2025-06", "end_date": "2025-09", "ongoing": "oui"},
     {"ongoing": True}),  # end date planned in the future
    ("allergy", {"name": "Pénicilline", "reaction": "urticaire", "severity": "Grave"},
     {"severity": "severe"}),
    ("allergy", {"substance": "Arachide"}, {"name": "Arachide"}),  # "substance" is an accepted alias
    ("procedure", {"name": "Appendicectomie", "date": "2010-03", "place": "CHU de Rennes"}, {"date": "2010-03"}),
    ("hospitalisation", {"reason": "Appendicite", "place": "CHU de Rennes", "start_date": "2010",
                         "end_date": "2010"}, {"start_date": "2010"}),
    ("disability", {"name": "Surdité partielle", "since": "2001", "aids": "Appareil auditif"}, {"since": "2001"}),
    ("family_history", {"condition": "Cancer du sein", "relationship": "Mère", "age_at_onset": "52"},
     {"relationship": "mother", "age_at_onset": 52}),
    ("family_history", {"condition": "Infarctus", "relationship": "paternal_grandfather"},
     {"relationship": "paternal_grandfather"}),
    ("vaccination", {"vaccine": "DTPolio", "date": "12/01/2021", "lot": "AB123", "dose": "rappel",
                     "vaccinator": "Pharmacie du centre"}, {"date": "2021-01-12", "dose": "rappel"}),
    ("vaccination", {"vaccine": "BCG", "date": "1980", "dose": "Primo-vaccination"}, {"dose": "primo"}),
    ("blood_group", {"abo": "ab", "rh": "-"}, {"abo": "AB", "rh": "negative"}),
    ("blood_group", {"abo": "0", "rh": "positif"}, {"abo": "O", "rh": "positive"}),
    ("lifestyle", {"tobacco": "ancien fumeur", "alcohol": "occasionnel", "sleep_hours": "7,5"},
     {"tobacco": "former", "alcohol": "occasional", "sleep_hours": 7.5}),
    ("lifestyle", {"physical_activity": "Modérée"}, {"physical_activity": "moderate"}),
    ("measurement", {"measure_type": "weight", "value": "72,5", "measured_at": "14/05/2025 08:30"},
     {"value": 72.5, "unit": "kg", "measured_at": "2025-05-14T08:30:00"}),
    ("measurement", {"measure_type": "Glycémie", "value": "5,5", "unit": "mmol/L", "measured_at": "2025-05-14"},
     {"measure_type": "blood_glucose", "value": 0.991, "unit": "g/L", "original_value": 5.5,
      "original_unit": "mmol/L"}),
    ("measurement", {"measure_type": "blood_pressure", "systolic": "12", "diastolic": "8",
                     "measured_at": "2025-06-15"},
     {"systolic": 120.0, "diastolic": 80.0, "unit": "mmHg", "original_unit": "cmHg"}),
    ("measurement", {"measure_type": "temperature", "value": "100.4", "unit": "°F", "measured_at": "2025-06-01"},
     {"value": 38.0, "unit": "°C"}),
    ("measurement", {"measure_type": "pain", "value": "6", "measured_at": "2025-06-01T22:00"}, {"value": 6}),
    ("lab_result", {"test": "Hémoglobine glyquée (HbA1c)", "value": "7,2", "unit": "%", "interpretation": "élevé",
                    "date": "02/06/2025"}, {"value": 7.2, "interpretation": "high", "date": "2025-06-02"}),
    ("emergency_contact", {"name": "Marie Dupont", "relationship": "épouse", "phone": "+33 6 12 34 56 78"},
     {"phone": "+33612345678"}),
    ("trusted_person", {"name": "Paul Martin", "phone": "0033 612345678", "designated_on": "2024"},
     {"phone": "+33612345678", "designated_on": "2024"}),
    ("caregiver", {"name": "Sophie Dupont", "relationship": "fille"}, {"name": "Sophie Dupont"}),
    ("advance_directive", {"written_on": "2023-02-01", "summary": "Pas d'acharnement thérapeutique."},
     {"written_on": "2023-02-01"}),
    ("advance_directive", {"kept_at": "Mon médecin traitant"}, {"kept_at": "Mon médecin traitant"}),
    ("organ_donation", {"position": "Je refuse le don d'organes", "national_refusal_register": "oui"},
     {"position": "refuses", "national_refusal_register": True}),
    ("records_request", {"recipient": "CHU de Rennes", "recipient_kind": "établissement",
                         "requested": "Compte rendu d'hospitalisation de mars 2019", "method": "LRAR",
                         "sent_on": "02/06/2025", "received_on": "2025-06-04", "oldest_information": "2019-03"},
     {"recipient_kind": "establishment", "method": "registered_letter", "sent_on": "2025-06-02"}),
    ("appointment", {"title": "Dentiste", "starts_at": "02/03/2026 10h30", "professional": "Dr Leroy"},
     {"starts_at": "2026-03-02T10:30:00"}),  # appointments may be in the future
    ("not_concerned", {"section": "allergies"}, {"section": "allergies"}),
    ("not_concerned", {"section": "Don d'organes"}, {"section": "don_organes"}),
]  # fmt: skip

# (kind, fields, [(field, code), ...] expected, in order)
BAD: list[tuple[str, dict[str, Any], list[tuple[str, str]]]] = [
    ("identity", {"birth_name": "Dupont"}, [("first_names", "required"), ("sex", "required"),
                                            ("birth_date", "required")]),
    ("identity", {"birth_name": "Dupont", "first_names": "Jean", "sex": "X", "birth_date": "2030",
                  "email": "jean@", "phone": "12"},
     [("sex", "invalid_choice"), ("birth_date", "future_date"), ("phone", "invalid_phone"),
      ("email", "invalid_email")]),
    ("identity", {"birth_name": "Dupont", "first_names": "Jean", "sex": "M", "birth_date": "1955",
                  "ins": NIR_1955_M[:-2] + "00"}, [("ins", "invalid_key")]),
    ("identity", {"birth_name": "Dupont", "first_names": "Jeanne", "sex": "F", "birth_date": "1955",
                  "ins": NIR_1955_M}, [("ins", "nir_sex_mismatch")]),
    ("identity", {"birth_name": "Dupont", "first_names": "Jean", "sex": "M", "birth_date": "1956",
                  "ins": NIR_1955_M}, [("ins", "nir_year_mismatch")]),
    ("condition", {"onset_date": "2015"}, [("name", "required")]),
    ("condition", {"name": "Zona", "onset_date": "2021", "end_date": "2020"}, [("end_date", "end_before_start")]),
    ("condition", {"name": "Zona", "onset_date": "2026"}, [("onset_date", "future_date")]),
    ("treatment", {"name": "Amoxicilline", "start_date": "2024-03", "end_date": "2024-02"},
     [("end_date", "end_before_start")]),
    ("treatment", {"name": "Amoxicilline", "end_date": "2024-02", "ongoing": "oui"},
     [("ongoing", "ended_treatment_ongoing")]),
    ("treatment", {"name": "Amoxicilline", "ongoing": "peut-être"}, [("ongoing", "not_boolean")]),
    ("allergy", {"name": "Pollen", "severity": "terrible", "colour": "rouge"},
     [("severity", "invalid_choice"), ("colour", "unknown_field")]),
    ("allergy", {"name": "x" * 201}, [("name", "too_long")]),
    ("hospitalisation", {"reason": "Fracture"}, [("start_date", "required")]),
    ("procedure", {"date": "2019-04-02"}, [("name", "required")]),
    ("hospitalisation", {"reason": "Fracture", "start_date": "2020-05-10", "end_date": "2020-05-01"},
     [("end_date", "end_before_start")]),
    ("disability", {"since": "31/02/2001"}, [("name", "required"), ("since", "invalid_date")]),
    ("family_history", {"condition": "Diabète", "relationship": "voisin"}, [("relationship", "invalid_choice")]),
    ("family_history", {"condition": "Diabète", "relationship": "mère", "age_at_onset": "52,5"},
     [("age_at_onset", "not_integer")]),
    ("family_history", {"condition": "Diabète", "relationship": "mère", "age_at_onset": "200"},
     [("age_at_onset", "out_of_range")]),
    ("vaccination", {"vaccine": "Grippe", "date": "2026-01"}, [("date", "future_date")]),
    ("vaccination", {"vaccine": "Grippe", "date": "2024", "dose": "troisième"}, [("dose", "invalid_choice")]),
    ("blood_group", {"abo": "C", "rh": "+"}, [("abo", "invalid_choice")]),
    ("blood_group", {"abo": "A"}, [("rh", "required")]),
    ("lifestyle", {}, [("tobacco", "required")]),
    ("lifestyle", {"sleep_hours": "25"}, [("sleep_hours", "out_of_range")]),
    ("lifestyle", {"sleep_hours": "beaucoup"}, [("sleep_hours", "not_a_number")]),
    ("measurement", {"measure_type": "weight", "value": "abc", "measured_at": "2025-01-01"},
     [("value", "not_a_number")]),
    ("measurement", {"measure_type": "weight", "value": "72", "measured_at": "2025-07-01"},
     [("measured_at", "future_date")]),
    ("measurement", {"measure_type": "weight", "value": "720", "measured_at": "2025-01-01"},
     [("value", "out_of_range")]),
    ("measurement", {"measure_type": "blood_pressure", "systolic": "80", "diastolic": "120",
                     "measured_at": "2025-01-01"}, [("diastolic", "diastolic_not_below_systolic")]),
    ("measurement", {"measure_type": "weight", "systolic": "120", "value": "72", "measured_at": "2025-01-01"},
     [("systolic", "not_for_this_measure")]),
    ("measurement", {"measure_type": "bmi", "value": "22", "measured_at": "2025-01-01"},
     [("measure_type", "invalid_choice")]),
    ("measurement", {"measure_type": "weight", "value": "72", "unit": "stone", "measured_at": "2025-01-01"},
     [("unit", "unknown_unit")]),
    ("measurement", {"value": "72"}, [("measure_type", "required"), ("measured_at", "required")]),
    ("lab_result", {"test": "Ferritine", "date": "2025-05"}, [("value", "required")]),
    ("emergency_contact", {"name": "Marie"}, [("phone", "required")]),
    ("trusted_person", {"name": "Paul", "designated_on": "2030"}, [("designated_on", "future_date")]),
    ("caregiver", {"phone": "06 12 34 56 78"}, [("name", "required")]),
    ("advance_directive", {"written_on": "2023"}, [("summary", "required")]),
    ("organ_donation", {"position": "bof"}, [("position", "invalid_choice")]),
    ("records_request", {"recipient": "CHU de Rennes", "recipient_kind": "hôpital", "requested": "Mon dossier",
                         "method": "courriel", "sent_on": "2025-03-01", "received_on": "2025-02-01"},
     [("received_on", "end_before_start")]),
    ("records_request", {"recipient": "Dr Martin", "recipient_kind": "professional", "requested": "Comptes rendus",
                         "method": "pigeon", "sent_on": "2026-01-01"},
     [("method", "invalid_choice"), ("sent_on", "future_date")]),
    ("appointment", {"title": "Dentiste", "starts_at": "31/02/2026 10h00"}, [("starts_at", "invalid_date")]),
    ("appointment", {"title": "Dentiste", "starts_at": "2026-03-02T10:00", "ends_at": "2026-03-02T09:30"},
     [("ends_at", "end_before_start")]),
    ("appointment", {"starts_at": "2026-03-02T10:00"}, [("title", "required")]),
    ("not_concerned", {"section": "identite"}, [("section", "invalid_choice")]),
    ("not_concerned", {"section": "allergies", "note": "rien"}, [("note", "unknown_field")]),
]  # fmt: skip


def test_every_kind_has_good_and_bad_cases() -> None:
    assert {k for k, _, _ in GOOD} == set(ENTRY_KINDS) == {k for k, _, _ in BAD}


def test_kind_names_and_sections() -> None:
    assert set(ENTRY_KINDS) == {
        "identity", "condition", "treatment", "allergy", "hospitalisation", "procedure", "disability", "family_history",
        "vaccination", "blood_group", "lifestyle", "measurement", "lab_result", "emergency_contact",
        "trusted_person", "caregiver", "advance_directive", "organ_donation", "not_concerned", "records_request",
        "appointment",
    }  # fmt: skip
    assert {
        "maladies", "traitements", "allergies", "hospitalisations", "actes", "handicaps", "antecedents_familiaux",
        "vaccinations", "groupe_sanguin", "habitudes_de_vie", "mesures", "resultats", "entourage",
        "directives_anticipees", "don_organes",
    } <= set(SECTIONS)  # fmt: skip
    singletons = {k.name for k in ENTRY_KINDS.values() if k.singleton}
    assert singletons == {"identity", "blood_group", "lifestyle", "trusted_person", "organ_donation"}
    for kind in ENTRY_KINDS.values():
        assert kind.section is None or kind.section in SECTIONS
        assert kind.label_fr and kind.label_en


def test_field_specs_describe_the_model_exactly() -> None:
    """A UI or CLI building a form from `fields` gets exactly what validation accepts."""
    for kind in ENTRY_KINDS.values():
        assert [f.name for f in kind.fields] == list(kind.model.model_fields)
        for spec in kind.fields:
            assert spec.label_fr and spec.label_en
            assert kind.model.model_fields[spec.name].is_required() == spec.required
            assert bool(spec.choices) == (spec.type is FieldType.CHOICE)


@pytest.mark.parametrize(("kind", "fields", "expected"), GOOD, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(GOOD)])
def test_good_entries_are_normalised(kind: str, fields: dict[str, Any], expected: dict[str, Any]) -> None:
    data = validate(kind, fields)
    assert data.items() >= expected.items()
    assert all(isinstance(v, str | int | float | bool) for v in data.values())  # JSON-ready
    assert validate(kind, data) == data  # stored data validates again unchanged
    assert summarize_entry(kind, data) and summarize_entry(kind, data, lang="en")
    assert search_text(kind, data) == fold(search_text(kind, data))


@pytest.mark.parametrize(("kind", "fields", "expected"), BAD, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BAD)])
def test_bad_entries_name_every_bad_field_in_french(
    kind: str, fields: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    original = dict(fields)
    with pytest.raises(DossierValidationError) as error:
        validate(kind, fields)
    assert [(i.field, i.code) for i in error.value.issues] == expected
    assert fields == original  # the caller's input is untouched, nothing lost
    for issue in error.value.issues:
        spec = ENTRY_KINDS[kind].field_spec(issue.field)
        if spec is not None:
            assert spec.label_fr in issue.message_fr  # the message names the field the person sees
        for english in ("Input should", "Field required", "Extra inputs", "Value error", "validation error"):
            assert english not in issue.message_fr
        assert issue.message_en and issue.message_en != issue.message_fr


def test_unknown_kind() -> None:
    with pytest.raises(DossierValidationError) as error:
        validate("recipe", {"name": "Tarte"})
    assert [(i.field, i.code) for i in error.value.issues] == [("kind", "unknown_kind")]


def test_advance_directives_refused_for_minors_only() -> None:
    fields = {"summary": "Pas d'acharnement thérapeutique."}
    assert validate("advance_directive", fields, is_minor=False)["summary"]
    with pytest.raises(DossierValidationError) as error:
        validate("advance_directive", fields, is_minor=True)
    assert error.value.issues[0].code == "minor" and "mineure" in error.value.issues[0].message_fr


def test_today_is_explicit() -> None:
    """The same date is in the future one day and fine later: validation never reads the clock."""
    fields = {"vaccine": "Grippe", "date": "2025-10-01"}
    with pytest.raises(DossierValidationError):
        _validate("vaccination", fields, today=date(2025, 9, 30))
    assert _validate("vaccination", fields, today=date(2025, 10, 1))["date"] == "2025-10-01"


def test_empty_cli_values_mean_not_given() -> None:
    data = validate("allergy", {"name": "Latex", "reaction": "", "severity": "  "})
    assert data == {"name": "Latex"}


def test_numbers_and_booleans_arrive_as_python_values_too() -> None:
    data = validate("lifestyle", {"sleep_hours": 8, "cigarettes_per_day": 10.0, "tobacco": "current"})
    assert data == {"sleep_hours": 8.0, "cigarettes_per_day": 10, "tobacco": "current"}
    assert validate("organ_donation", {"position": "donor", "told_relatives": True})["told_relatives"] is True
    with pytest.raises(DossierValidationError) as error:
        validate("lifestyle", {"sleep_hours": True})
    assert error.value.issues[0].code == "not_a_number"


def test_edited_measurement_value_wins_over_stored_original() -> None:
    stored = validate(
        "measurement", {"measure_type": "blood_glucose", "value": "5,5", "unit": "mmol/L", "measured_at": "2025-05-14"}
    )
    edited = validate("measurement", {**stored, "value": "1,2", "unit": "g/L"})
    assert (edited["value"], edited["original_value"], edited["original_unit"]) == (1.2, 1.2, "g/L")


def test_summaries_in_french_and_english() -> None:
    allergy = validate("allergy", {"name": "Pénicilline", "reaction": "urticaire", "severity": "grave"})
    assert summarize_entry("allergy", allergy) == "Allergie : Pénicilline · urticaire · Grave"
    assert summarize_entry("allergy", allergy, lang="en") == "Allergy: Pénicilline · urticaire · Severe"
    glucose = validate(
        "measurement", {"measure_type": "blood_glucose", "value": "5,5", "unit": "mmol/L", "measured_at": "2025-05-14"}
    )
    assert summarize_entry("measurement", glucose) == "Glycémie : 5,5 mmol/L — 14/05/2025"
    pressure = validate(
        "measurement",
        {"measure_type": "blood_pressure", "systolic": 12, "diastolic": 8, "measured_at": "2025-05-14 8h"},
    )
    assert summarize_entry("measurement", pressure) == "Tension artérielle : 12/8 cmHg — 14/05/2025 08:00"
    group = validate("blood_group", {"abo": "A", "rh": "+"})
    assert summarize_entry("blood_group", group) == "Groupe sanguin : A Positif (+)"
    vaccine = validate("vaccination", {"vaccine": "DTPolio", "date": "2021-01-12", "dose": "rappel"})
    assert summarize_entry("vaccination", vaccine) == "Vaccination : DTPolio · Rappel · 12/01/2021"


def test_search_text_is_folded_and_includes_choice_labels() -> None:
    data = validate("family_history", {"condition": "Maladie d'Œdème Éléphantin", "relationship": "mère"})
    text = search_text("family_history", data)
    assert "oedeme elephantin" in text and "mere" in text
    assert fold("ŒDÈME") in text


def test_sort_date_and_section() -> None:
    treatment = validate("treatment", {"name": "Metformine", "start_date": "2015-09"})
    assert sort_date("treatment", treatment) == "2015-09"
    assert sort_date("allergy", validate("allergy", {"name": "Latex"})) is None
    weight = validate("measurement", {"measure_type": "weight", "value": 70, "measured_at": "01/06/2025 07:15"})
    assert sort_date("measurement", weight) == "2025-06-01T07:15:00"
    assert section_of("not_concerned", {"section": "allergies"}) == "allergies"
    assert section_of("caregiver", {"name": "x"}) == "entourage"


def test_fold() -> None:
    assert fold("Éléonore Œdème ÇA Straße") == "eleonore oedeme ca strasse"
