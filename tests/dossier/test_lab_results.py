"""Lab results ("Résultats d'analyses"): good and bad values, French messages naming the field, summaries, search."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dossier.access import EntryKind as AccessEntryKind
from dossier.entries import ENTRY_KINDS, SECTIONS, search_text, section_of, sort_date, summarize_entry
from dossier.entries import validate_entry as _validate
from dossier.errors import DossierValidationError

TODAY = date(2025, 6, 15)
HBA1C = {"test": "Hémoglobine glyquée (HbA1c)", "date": "02/06/2025"}


def validate(fields: dict[str, Any]) -> dict[str, Any]:
    return _validate("lab_result", fields, today=TODAY)


# (fields as typed, expected subset of the normalised result)
GOOD: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({**HBA1C, "value": "7,2", "unit": "%"}, {"value": 7.2, "unit": "%", "date": "2025-06-02"}),
    ({**HBA1C, "value": "1 234,5", "unit": "UI/L"}, {"value": 1234.5}),  # thousands separator, decimal comma
    ({**HBA1C, "value": 7.2}, {"value": 7.2}),  # a number from a script
    ({**HBA1C, "value": "-1,3", "unit": "{T-score}"}, {"value": -1.3, "unit": "{T-score}"}),
    ({"test": "Sérologie VIH", "value_text": " négatif ", "date": "2025"}, {"value_text": "négatif", "date": "2025"}),
    ({"test": "ECBU", "value_text": "stérile", "date": "05/2025"}, {"date": "2025-05"}),
    ({**HBA1C, "value": "0,5", "value_text": "< 0,5"}, {"value": 0.5, "value_text": "< 0,5"}),
    ({**HBA1C, "value": "7,2", "loinc": " 4548-4 "}, {"loinc": "4548-4"}),
    ({**HBA1C, "value": "7,2", "reference_range": "4,0–6,0"}, {"reference_range": "4,0–6,0"}),
    ({**HBA1C, "value": "7,2", "laboratory": "Cerballiance Rennes"}, {"laboratory": "Cerballiance Rennes"}),
    ({**HBA1C, "value": "7,2", "notes": "À jeun.\nContrôle dans 3 mois."}, {"notes": "À jeun.\nContrôle dans 3 mois."}),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "expected"), GOOD)
def test_good_lab_results_are_normalised(fields: dict[str, Any], expected: dict[str, Any]) -> None:
    data = validate(fields)
    assert data.items() >= expected.items()
    assert validate(data) == data  # stored data validates again unchanged


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("élevé", "high"),
        ("Élevée", "high"),
        ("H", "high"),
        ("haut", "high"),
        ("bas", "low"),
        ("L", "low"),
        ("N", "normal"),
        ("normale", "normal"),
        ("A", "abnormal"),
        ("anormal", "abnormal"),
        ("critique", "critical"),
        ("HH", "critical"),
        ("LL", "critical"),
        ("AA", "critical"),
        ("critical", "critical"),
    ],
)
def test_interpretation_accepts_french_words_and_lab_letters(typed: str, stored: str) -> None:
    assert validate({**HBA1C, "value": "7,2", "interpretation": typed})["interpretation"] == stored


# (fields, [(field, code), ...] expected, in order)
BAD: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"value": "7,2", "date": "2025-06-02"}, [("test", "required")]),
    ({"test": "HbA1c", "value": "7,2"}, [("date", "required")]),
    ({"test": "HbA1c", "date": "2025-06-02"}, [("value", "required")]),  # neither a number nor a text
    ({"test": "HbA1c", "date": "2025-06-02", "value": "  ", "value_text": ""}, [("value", "required")]),
    ({**HBA1C, "value": "sept"}, [("value", "not_a_number")]),
    ({**HBA1C, "value": "7,2,1"}, [("value", "not_a_number")]),
    ({**HBA1C, "value": True}, [("value", "not_a_number")]),
    ({**HBA1C, "value": "nan"}, [("value", "not_a_number")]),
    ({**HBA1C, "value": "7,2", "interpretation": "bof"}, [("interpretation", "invalid_choice")]),
    ({**HBA1C, "value": "7,2", "loinc": "HBA1C"}, [("loinc", "invalid_loinc")]),
    ({"test": "HbA1c", "value": "7,2", "date": "2025-07"}, [("date", "future_date")]),
    ({"test": "HbA1c", "value": "7,2", "date": "31/02/2025"}, [("date", "invalid_date")]),
    ({**HBA1C, "value": "7,2", "result": "7,2"}, [("result", "unknown_field")]),
    ({**HBA1C, "test": "x" * 201, "value": "7,2"}, [("test", "too_long")]),
    ({"test": "HbA1c", "date": "2025-06-02", "loinc": "abc"}, [("value", "required"), ("loinc", "invalid_loinc")]),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "expected"), BAD)
def test_bad_lab_results_name_every_bad_field_in_french(
    fields: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    original = dict(fields)
    with pytest.raises(DossierValidationError) as error:
        validate(fields)
    assert [(i.field, i.code) for i in error.value.issues] == expected
    assert fields == original  # the caller's input is untouched: nothing is lost
    for issue in error.value.issues:
        spec = ENTRY_KINDS["lab_result"].field_spec(issue.field)
        if spec is not None:
            assert issue.message_fr.startswith(spec.label_fr), issue.message_fr  # names the field the person sees
        assert "Input should" not in issue.message_fr and "Field required" not in issue.message_fr
        assert issue.message_en and issue.message_en != issue.message_fr


def test_a_missing_result_says_how_to_give_one() -> None:
    with pytest.raises(DossierValidationError) as error:
        validate({"test": "HbA1c", "date": "2025-06-02"})
    [issue] = error.value.issues
    assert "un nombre (7,2)" in issue.message_fr and "Résultat en texte" in issue.message_fr
    assert "a number (7.2)" in issue.message_en


def test_kind_section_and_labels() -> None:
    kind = ENTRY_KINDS["lab_result"]
    assert (kind.label_fr, kind.label_en, kind.section, kind.singleton) == (
        "Résultat d'analyse",
        "Lab result",
        "resultats",
        False,
    )
    section = SECTIONS["resultats"]
    assert (section.label_fr, section.label_en, section.can_be_not_concerned) == (
        "Résultats d'analyses",
        "Lab results",
        True,
    )
    assert [f.name for f in kind.fields if f.required] == ["test", "date"]
    # "Non concerné" can be declared for the section, by id or by its French label.
    assert _validate("not_concerned", {"section": "Résultats d'analyses"}, today=TODAY) == {"section": "resultats"}


def test_the_access_vocabulary_knows_every_entry_kind() -> None:
    """The access policy speaks of the same kinds as the dossier: a new kind cannot slip past it."""
    assert {k.value for k in AccessEntryKind} == set(ENTRY_KINDS)


def test_summaries_in_french_and_english() -> None:
    data = validate({"test": "HbA1c", "value": "7,2", "unit": "%", "interpretation": "H", "date": "02/06/2025"})
    assert summarize_entry("lab_result", data) == "HbA1c : 7,2 % (élevé) — 02/06/2025"
    assert summarize_entry("lab_result", data, lang="en") == "HbA1c: 7.2 % (high) — 6/2/2025"
    text = validate({"test": "Sérologie VIH", "value_text": "négatif", "date": "2025-05"})
    assert summarize_entry("lab_result", text) == "Sérologie VIH : négatif — 05/2025"
    bare = validate({"test": "Plaquettes", "value": 250, "date": "2025"})
    assert summarize_entry("lab_result", bare) == "Plaquettes : 250 — 2025"


def test_search_sort_and_section() -> None:
    data = validate(
        {**HBA1C, "value": "7,2", "loinc": "4548-4", "interpretation": "élevé", "laboratory": "Cerballiance"}
    )
    words = search_text("lab_result", data)
    assert "hemoglobine glyquee" in words and "4548-4" in words and "eleve" in words and "cerballiance" in words
    assert sort_date("lab_result", data) == "2025-06-02"
    assert section_of("lab_result", data) == "resultats"
