"""The calendar files: the shipped ones validate, a broken one is refused with a message naming the file and the
place, and dossier entries become records the calendar recognises."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dossier.errors import DossierValidationError
from dossier.prevention import Person, Status, compute, load_calendar, load_calendars, records_from_entries
from dossier.prevention.schedule import CALENDAR_FILES, calendars_dir


def _shipped(name: str = CALENDAR_FILES[0]) -> dict[str, object]:
    data = json.loads((calendars_dir() / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_shipped_calendars_validate_and_cite_their_source() -> None:
    calendars = load_calendars()
    assert [c.id for c in calendars] == ["calendrier-vaccinal-2025", "depistages-organises-bilans-prevention-2025"]
    assert calendars[0].published == date(2025, 4, 28)
    assert all(c.url.startswith("https://") for c in calendars)


def test_not_json_is_refused_with_the_file_name() -> None:
    with pytest.raises(DossierValidationError) as caught:
        load_calendar(b"{ pas du json", name="calendrier_vaccinal_2025.json")
    assert "calendrier_vaccinal_2025.json" in caught.value.message("fr")
    assert "JSON" in caught.value.message("en")


def test_bad_duration_names_the_rule() -> None:
    data = _shipped()
    rules = data["rules"]
    assert isinstance(rules, list)
    rules[1]["window"] = "un an"  # dtp_adult
    with pytest.raises(DossierValidationError) as caught:
        load_calendar(json.dumps(data), name="x.json")
    text = caught.value.message("fr")
    assert "rules[1] (dtp_adult).window" in text and "x.json" in text


def test_unknown_act_and_duplicate_id_are_refused() -> None:
    data = _shipped()
    rules = data["rules"]
    assert isinstance(rules, list)
    rules[0]["acts"] = ["cholera"]
    rules[2]["id"] = rules[3]["id"]
    with pytest.raises(DossierValidationError) as caught:
        load_calendar(json.dumps(data), name="x.json")
    text = caught.value.message("en")
    assert "unknown act 'cholera'" in text and "used twice" in text


def test_unknown_field_is_refused() -> None:
    data = _shipped(CALENDAR_FILES[1])
    data["rules"][0]["evry"] = "2y"  # type: ignore[index]
    with pytest.raises(DossierValidationError, match="evry"):
        load_calendar(json.dumps(data), name="x.json")


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DossierValidationError) as caught:
        load_calendars(tmp_path)
    assert "introuvable" in caught.value.message("fr")


def test_dossier_entries_become_records() -> None:
    entries: list[tuple[str, dict[str, Any]]] = [
        ("vaccination", {"vaccine": "Revaxis", "date": "2022-05-01", "dose": "rappel"}),
        (
            "vaccination",
            {
                "vaccine": "Td (adult)",
                "date": "2017",
                "codes": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "09"}],
            },
        ),
        ("procedure", {"name": "Mammographie de dépistage", "date": "2025-06-01"}),
        ("lab_result", {"test": "Sang dans les selles", "loinc": "29771-3", "date": "2025-09-01"}),
        ("allergy", {"name": "Pénicilline"}),
        ("vaccination", {"vaccine": "Grippe", "date": "pas une date"}),
    ]
    records = records_from_entries(entries)
    assert [(r.kind, r.on) for r in records] == [
        ("vaccination", date(2022, 5, 1)),
        ("vaccination", date(2017, 1, 1)),
        ("procedure", date(2025, 6, 1)),
        ("lab_result", date(2025, 9, 1)),
    ]
    assert records[1].cvx == frozenset({"9"})
    person = Person(date(1970, 1, 1), "F", {})
    results = {r.rule_id: r for r in compute(person, records, load_calendars(), today=date(2026, 12, 6))}
    assert results["screening_breast"].status is Status.DONE
    assert results["screening_colorectal"].status is Status.DONE  # by its LOINC code
    # the booster of 2022 (at 52, late) stands for the one at 45; the next is at 65
    assert (results["dtp_adult"].status, results["dtp_adult"].next_due) == (Status.DONE, date(2035, 1, 1))


def test_nothing_for_a_birth_date_in_the_future() -> None:
    assert compute(Person(date(2030, 1, 1)), [], load_calendars(), today=date(2026, 12, 6)) == []


def test_as_dict_is_json_ready() -> None:
    results = compute(Person(date(1958, 1, 1), "F"), [], load_calendars(), today=date(2026, 12, 6))
    text = json.dumps([r.as_dict() for r in results])
    assert '"status": "overdue"' in text and "Calendrier des vaccinations" in text
