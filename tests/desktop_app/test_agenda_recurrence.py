"""Repeating appointments on a real encrypted dossier: typed with a rhythm and an end, exported as an RRULE that
`icalendar` parses and an independent reader (dateutil's RFC 5545 expansion) expands to the very dates Carnet
computes, read back whole by the import, reminded at each occurrence once; a repeat that cannot be kept is refused
with a clear message and nothing is written."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import icalendar
import pytest
from dateutil.rrule import rrulestr

from desktop_app import agenda
from desktop_app.reminders import ReminderClock
from dossier.errors import DossierValidationError
from dossier.recurrence import Recurrence, next_occurrence, occurrences, recurrence_of

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
TODAY = NOW.date()

CASES: list[tuple[dict[str, Any], list[str]]] = [
    (  # every two weeks until a date (inclusive)
        {"title": "Kiné", "starts_at": "2027-01-05T09:00", "repeat": "weekly", "repeat_interval": 2,
         "repeat_until": "2027-02-16"},
        ["2027-01-05T09:00", "2027-01-19T09:00", "2027-02-02T09:00", "2027-02-16T09:00"],
    ),
    (  # monthly from the 31st: the months without a 31st are skipped (RFC 5545), the count counts real dates
        {"title": "Injection", "starts_at": "2027-01-31T08:30", "repeat": "monthly", "repeat_count": 4},
        ["2027-01-31T08:30", "2027-03-31T08:30", "2027-05-31T08:30", "2027-07-31T08:30"],
    ),
    (  # every three days, five times
        {"title": "Pansement", "starts_at": "2027-02-26T18:00", "repeat": "daily", "repeat_interval": 3,
         "repeat_count": 5},
        ["2027-02-26T18:00", "2027-03-01T18:00", "2027-03-04T18:00", "2027-03-07T18:00", "2027-03-10T18:00"],
    ),
    (  # a whole day every two months until a date: UNTIL is a DATE like DTSTART
        {"title": "Prise de sang", "starts_at": "2027-01-15", "repeat": "monthly", "repeat_interval": 2,
         "repeat_until": "2027-07-15"},
        ["2027-01-15", "2027-03-15", "2027-05-15", "2027-07-15"],
    ),
]  # fmt: skip


@pytest.fixture
def store(profile: Any) -> Any:
    return profile.dossier()


def _iso(moment: date | datetime) -> str:
    return moment.isoformat(timespec="minutes") if isinstance(moment, datetime) else moment.isoformat()


@pytest.mark.parametrize(("fields", "expected"), CASES, ids=[c[0]["title"] for c in CASES])
def test_exported_rrule_expands_to_the_dates_carnet_computes(
    store: Any, fields: dict[str, Any], expected: list[str]
) -> None:
    entry = agenda.add_appointment(store, fields)
    raw = str(entry.data["starts_at"])
    first = datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
    assert [_iso(m) for m in occurrences(first, recurrence_of(entry.data))] == expected
    event = icalendar.Calendar.from_ical(agenda.export_ics([entry], now=NOW)).walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    rule = event["RRULE"].to_ical().decode()
    # The independent reader: dateutil expands the RRULE text as a phone's calendar would.
    whole_day = not isinstance(start, datetime)
    theirs = list(rrulestr(rule, dtstart=datetime.combine(start, time()) if whole_day else start))
    assert [_iso(m.date() if whole_day else m) for m in theirs] == expected


def test_round_trip_keeps_the_repeat(store: Any) -> None:
    entries = [agenda.add_appointment(store, fields) for fields, _ in CASES]
    content = agenda.export_ics(entries, now=NOW)
    plan = agenda.plan_import(content, existing_uids=set(), today=TODAY)
    assert plan.notes_fr == ()  # every repeat kept whole
    keys = ("repeat", "repeat_interval", "repeat_until", "repeat_count")
    assert [{k: f.get(k) for k in keys} for f in plan.to_add] == [
        {k: e.data.get(k) for k in keys} | {"repeat_interval": e.data.get("repeat_interval") or 1} for e in entries
    ]


def test_an_impossible_repeat_is_refused_and_nothing_written(store: Any) -> None:
    base = {"title": "Kiné", "starts_at": "2027-01-05T09:00"}
    bad = [
        ({"repeat": "weekly", "repeat_until": "2027-03-01", "repeat_count": 3}, "repeat_count", "pas les deux"),
        ({"repeat": "weekly", "repeat_until": "2026-12-31"}, "repeat_until", "avant le premier rendez-vous"),
        ({"repeat": "weekly", "repeat_until": "2027-03"}, "repeat_until", "date complète"),
        ({"repeat_interval": 2}, "repeat", "à quel rythme"),
        ({"repeat": "weekly", "repeat_interval": 0}, "repeat_interval", "comprise entre 1 et 365"),
        ({"repeat": "tous les ans"}, "repeat", "n'est pas une valeur possible"),
    ]
    for extra, field, words in bad:
        with pytest.raises(DossierValidationError) as caught:
            agenda.add_appointment(store, base | extra)
        assert caught.value.issues[0].field == field and words in caught.value.message("fr"), extra
    assert agenda.list_appointments(store) == [] and store.outbox.count_pending() == 0


def test_each_occurrence_is_reminded_once(store: Any) -> None:
    agenda.add_appointment(
        store,
        {"title": "Kiné", "starts_at": "2027-01-05T09:00", "repeat": "weekly", "repeat_count": 3,
         "remind_minutes_before": 30},
    )  # fmt: skip
    now = [datetime(2027, 1, 12, 8, 29)]
    clock = ReminderClock(lambda: now[0])
    entries = agenda.list_appointments(store)
    assert clock.poll(entries) == []
    now[0] = datetime(2027, 1, 12, 8, 30)
    fired = clock.poll(entries)
    assert [r.text(locked=False) for r in fired] == ["Rendez-vous « Kiné » le 12/01/2027 à 09:00."]
    now[0] = datetime(2027, 1, 12, 8, 45)
    assert clock.poll(entries) == []  # once
    now[0] = datetime(2027, 1, 19, 8, 30)
    assert [r.at for r in clock.poll(entries)] == [datetime(2027, 1, 19, 8, 30)]
    now[0] = datetime(2027, 1, 26, 8, 30)
    assert clock.poll(entries) == []  # three times only


def test_next_occurrence() -> None:
    weekly = Recurrence("weekly", 1, count=3)
    start = datetime(2027, 1, 5, 9, 0)
    assert next_occurrence(start, weekly, on_or_after=datetime(2027, 1, 6)) == datetime(2027, 1, 12, 9, 0)
    assert next_occurrence(start, weekly, on_or_after=datetime(2027, 1, 20)) is None
    assert next_occurrence(date(2027, 1, 5), None, on_or_after=datetime(2027, 1, 5, 20, 0)) == date(2027, 1, 5)
    with pytest.raises(ValueError):
        Recurrence("weekly", 1, until=date(2027, 2, 1), count=2)
