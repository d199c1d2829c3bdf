"""The agenda on a real encrypted dossier: our iCalendar export read back by `icalendar`, a round trip, real files
written by Google Calendar and Thunderbird imported, and bad files (10,000 events, a broken line, an impossible
date, not a calendar) refused with a clear message while nothing is half-imported."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from desktop_app.agenda import (
    CalendarFileError,
    ImportPlan,
    add_appointment,
    apply_import,
    existing_uids,
    export_ics,
    list_appointments,
    plan_import,
)
from dossier.errors import DossierValidationError
from tests.support.required import require

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PARIS = ZoneInfo("Europe/Paris")
REAL_FILES = Path(icalendar.__file__).parent / "tests" / "calendars"


def _plan(content: bytes, store: Any = None) -> ImportPlan:
    uids = existing_uids(store) if store is not None else set()
    return plan_import(content, existing_uids=uids, zone=PARIS, today=TODAY)


def _event(i: int, start: str = "20261210T143000") -> str:
    lines = ("BEGIN:VEVENT", f"UID:ev{i}@test", "DTSTAMP:20261201T000000Z", f"DTSTART:{start}", f"SUMMARY:RDV {i}")
    return "\r\n".join((*lines, "END:VEVENT", ""))


def _calendar(*events: str) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n").encode()


@pytest.fixture
def store(profile: Any) -> Any:
    return profile.dossier()


def _fill(store: Any) -> None:
    add_appointment(
        store,
        {
            "title": "Dentiste",
            "starts_at": "10/12/2026 14h30",
            "ends_at": "2026-12-10T15:00",
            "professional": "Dr Leroy",
            "place": "3 place de la Mairie, Rennes",
            "notes": "Apporter la radio",
        },
    )
    add_appointment(store, {"title": "Bilan prévention", "starts_at": "2027-01-15"})


def test_our_export_is_read_by_icalendar(store: Any) -> None:
    _fill(store)
    ics = export_ics(list_appointments(store), now=NOW)
    cal = icalendar.Calendar.from_ical(ics)
    events = list(cal.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Dentiste", "Bilan prévention"]
    assert events[0].decoded("DTSTART") == datetime(2026, 12, 10, 14, 30)  # floating local time, as typed
    assert events[0].decoded("DTEND") == datetime(2026, 12, 10, 15, 0)
    assert events[1].decoded("DTSTART") == date(2027, 1, 15)  # a whole day
    assert str(events[0]["LOCATION"]) == "3 place de la Mairie, Rennes"
    assert "Dr Leroy" in str(events[0]["DESCRIPTION"]) and "Apporter la radio" in str(events[0]["DESCRIPTION"])
    assert all(e.errors == [] for e in cal.walk()) and cal["PRODID"] and str(cal["VERSION"]) == "2.0"
    assert len({str(e["UID"]) for e in events}) == 2


def test_round_trip_into_another_dossier_and_no_duplicates(store: Any, profile: Any) -> None:
    _fill(store)
    ics = export_ics(list_appointments(store), now=NOW)
    assert _plan(ics, store).to_add == ()  # the same agenda: everything is already there
    assert len(_plan(ics, store).already_there) == 2
    target = profile.create_dossier("Léo", role="child")  # another encrypted dossier
    plan = _plan(ics, target)
    assert [f["title"] for f in plan.to_add] == ["Dentiste", "Bilan prévention"]
    apply_import(target, plan)
    again = [(e.data["title"], e.data["starts_at"], e.data.get("professional")) for e in list_appointments(target)]
    assert again == [("Dentiste", "2026-12-10T14:30:00", "Dr Leroy"), ("Bilan prévention", "2027-01-15", None)]
    assert list_appointments(target)[0].data["notes"] == "Apporter la radio"


@pytest.mark.parametrize(
    ("name", "title", "starts_at"),
    [
        ("alarm_google_future.ics", "event with alarms", "2024-10-04T20:15:00"),  # 18:15 UTC → Paris (CEST)
        ("alarm_thunderbird_future.ics", None, None),
    ],
)
def test_real_files_from_other_programs(store: Any, name: str, title: str | None, starts_at: str | None) -> None:
    path = REAL_FILES / name
    require(path.is_file(), f"icalendar's sample calendars are not installed ({path})")
    plan = _plan(path.read_bytes(), store)
    assert len(plan.to_add) == 1
    if title is not None:
        assert plan.to_add[0]["title"] == title and plan.to_add[0]["starts_at"] == starts_at
    apply_import(store, plan)
    assert len(list_appointments(store)) == 1
    assert _plan(path.read_bytes(), store).to_add == ()  # imported once only


def _refused(store: Any, content: bytes) -> str:
    with pytest.raises(CalendarFileError) as caught:
        _plan(content, store)
    assert list_appointments(store) == []
    message = caught.value.message("fr")
    assert "Rien n'a été importé" in message and "Nothing was imported" in caught.value.message("en")
    return message


def test_ten_thousand_events_are_refused_whole(store: Any) -> None:
    message = _refused(store, _calendar(*(_event(i) for i in range(10_000))))
    assert "10000 rendez-vous" in message and "au plus 1000" in message


def test_a_broken_line_is_refused_and_located(store: Any) -> None:
    broken = _calendar(_event(1), _event(2).replace("SUMMARY:RDV 2", "SUMMARY RDV deux sans deux-points"))
    message = _refused(store, broken)
    assert "ligne 14" in message and "abîmé" in message


def test_an_impossible_date_is_refused(store: Any) -> None:
    message = _refused(store, _calendar(_event(1), _event(2, start="20261310T143000")))
    assert "20261310T143000" in message and "n'existe pas" in message and "ligne 13" in message


@pytest.mark.parametrize(
    "content", [b"bonjour", b"", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "\xff\xfe".encode("latin-1")]
)
def test_not_a_calendar_is_refused(store: Any, content: bytes) -> None:
    assert "agenda" in _refused(store, content)


def test_cancelled_events_are_left_aside_and_repeats_noted(store: Any) -> None:
    cancelled = _event(1).replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")
    weekly = _event(2).replace("END:VEVENT", "RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT")
    twice_a_week = _event(3).replace("END:VEVENT", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE\r\nEND:VEVENT")
    plan = _plan(_calendar(cancelled, weekly, twice_a_week), store)
    assert [f["title"] for f in plan.to_add] == ["RDV 2", "RDV 3"]
    assert plan.left_aside == (("RDV 1", "rendez-vous annulé", "cancelled event"),)
    assert (plan.to_add[0]["repeat"], plan.to_add[0]["repeat_count"]) == ("weekly", 4)  # kept whole
    assert "repeat" not in plan.to_add[1]  # more than Carnet records: the first date, and a note that says so
    assert len(plan.notes_fr) == 1 and "RDV 3" in plan.notes_fr[0] and "première date" in plan.notes_fr[0]


def test_applying_is_all_or_nothing(store: Any) -> None:
    plan = _plan(_calendar(_event(1), _event(2)), store)
    spoiled = ImportPlan(to_add=(*plan.to_add, {"title": "", "starts_at": "pas une date"}))
    with pytest.raises(DossierValidationError):
        apply_import(store, spoiled)
    assert list_appointments(store) == [] and store.outbox.count_pending() == 0


def test_an_impossible_typed_date_is_refused(store: Any) -> None:
    with pytest.raises(DossierValidationError) as caught:
        add_appointment(store, {"title": "Kiné", "starts_at": "30/02/2027 10h00"})
    assert caught.value.issues[0].field == "starts_at"
    assert list_appointments(store) == []
