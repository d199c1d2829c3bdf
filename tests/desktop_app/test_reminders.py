"""Reminders with an injected clock on a real encrypted dossier: an appointment at the time chosen before it, a
records request the morning after its legal deadline, each handed out once, and a locked carnet's notification
that says nothing about health."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import icalendar
import pytest

from desktop_app import agenda, records_requests
from desktop_app.dossier_store import Entry
from desktop_app.reminders import LOCKED_FR, ReminderClock


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(profile: Any) -> Any:
    return profile.dossier()


def _entries(store: Any) -> list[Entry]:
    found: list[Entry] = store.entries.list("appointment") + store.entries.list("records_request")
    return found


def test_appointment_and_request_reminders_fire_once_at_their_time(store: Any) -> None:
    agenda.add_appointment(store, {"title": "Dentiste", "starts_at": "2026-01-12T14:30", "remind_minutes_before": "60"})
    agenda.add_appointment(store, {"title": "Sans rappel", "starts_at": "2026-01-12T16:00"})
    records_requests.add_request(
        store,
        {"recipient": "CHU de Rennes", "recipient_kind": "establishment", "requested": "Mon dossier",
         "method": "email", "sent_on": "2025-12-29"},
    )  # fmt: skip
    clock = Clock(datetime(2026, 1, 7, 8, 59))
    reminders = ReminderClock(clock)
    assert reminders.poll(_entries(store)) == []
    # Sent by e-mail on Monday 29 December 2025: 8 days → Tuesday 6 January 2026, reminded the next morning.
    clock.now = datetime(2026, 1, 7, 9, 0)
    fired = reminders.poll(_entries(store))
    assert [r.text(locked=False) for r in fired] == [
        "Le délai légal de réponse de « CHU de Rennes » à votre demande de dossier est dépassé "
        "(au plus tard le 06/01/2026)."
    ]
    assert fired[0].text(locked=True) == LOCKED_FR and fired[0].text(locked=True, lang="en") == "Carnet: a reminder"
    assert reminders.poll(_entries(store)) == []  # once only
    clock.now = datetime(2026, 1, 12, 13, 29)
    assert reminders.poll(_entries(store)) == []
    clock.now += timedelta(minutes=1)
    fired = reminders.poll(_entries(store))
    assert [r.text(locked=False, lang="en") for r in fired] == ["Appointment 'Dentiste' on 2026-01-12 at 14:30."]
    assert "Dentiste" not in fired[0].text(locked=True)


def test_no_reminder_once_the_records_arrived_nor_long_after(store: Any) -> None:
    request = records_requests.add_request(
        store,
        {"recipient": "Dr Martin", "recipient_kind": "professional", "requested": "Mon dossier",
         "method": "on_site", "sent_on": "2025-12-29"},
    )  # fmt: skip
    clock = Clock(datetime(2026, 3, 1, 9, 0))  # Carnet did not run for weeks: the old reminder is stale
    assert ReminderClock(clock).poll(_entries(store)) == []
    records_requests.close_request(store, request.id, answered_on=datetime(2026, 1, 5).date())
    clock.now = datetime(2026, 1, 7, 9, 0)
    assert ReminderClock(clock).poll(_entries(store)) == []


def test_the_reminder_travels_in_the_icalendar_file(store: Any) -> None:
    agenda.add_appointment(store, {"title": "Kiné", "starts_at": "2030-02-01T10:00", "remind_minutes_before": "1440"})
    ics = agenda.export_ics(agenda.list_appointments(store), now=datetime(2030, 1, 1).astimezone())
    alarms = list(icalendar.Calendar.from_ical(ics).walk("VALARM"))
    assert [a.decoded("TRIGGER") for a in alarms] == [timedelta(days=-1)]
    assert str(alarms[0]["DESCRIPTION"]) == "Rappel"
    plan = agenda.plan_import(ics, existing_uids=set(), today=datetime(2030, 1, 1).date())
    assert plan.to_add[0]["remind_minutes_before"] == 1440
