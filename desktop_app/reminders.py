"""Reminders while Carnet runs: an appointment at the time the person chose before it, a records request whose legal
deadline has passed. A `ReminderClock` is polled (by the window's timer) with an injected clock, hands each reminder
out once, and says nothing about health while the carnet is locked ("Carnet : un rappel")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from desktop_app.dossier_store import Entry
from desktop_app.records_requests import track
from dossier.right_of_access import RequestStatus

LOCKED_FR = "Carnet : un rappel"
LOCKED_EN = "Carnet: a reminder"
REQUEST_REMINDER_AT = time(9, 0)  # the morning after the last legal day


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder: what it is about (entry id), when it is due, and its text once the carnet is open."""

    key: str
    at: datetime
    text_fr: str
    text_en: str

    def text(self, *, locked: bool, lang: str = "fr") -> str:
        """The notification's text: never anything health-related while the carnet is locked."""
        if locked:
            return LOCKED_EN if lang.startswith("en") else LOCKED_FR
        return self.text_en if lang.startswith("en") else self.text_fr


def _appointment(entry: Entry) -> Reminder | None:
    minutes = entry.data.get("remind_minutes_before")
    if minutes is None:
        return None
    raw = str(entry.data["starts_at"])
    starts = datetime.fromisoformat(raw) if "T" in raw else datetime.fromisoformat(raw + "T08:00")
    title, hour = str(entry.data["title"]), starts.strftime("%H:%M")
    return Reminder(
        key=f"appointment:{entry.id}:{raw}:{minutes}",
        at=starts - timedelta(minutes=int(minutes)),
        text_fr=f"Rendez-vous « {title} » le {starts:%d/%m/%Y} à {hour}.",
        text_en=f"Appointment '{title}' on {starts:%Y-%m-%d} at {hour}.",
    )


def _request(entry: Entry, now: datetime) -> Reminder | None:
    tracked = track(entry, now=now)
    if tracked.status is RequestStatus.ANSWERED:
        return None
    latest = tracked.deadlines.latest
    recipient = str(entry.data["recipient"])
    return Reminder(
        key=f"request:{entry.id}:{latest.isoformat()}",
        at=datetime.combine(latest + timedelta(days=1), REQUEST_REMINDER_AT),
        text_fr=f"Le délai légal de réponse de « {recipient} » à votre demande de dossier est dépassé "
        f"(au plus tard le {latest:%d/%m/%Y}).",
        text_en=f"The legal deadline for '{recipient}' to answer your records request has passed "
        f"(at the latest on {latest.isoformat()}).",
    )


def reminders(entries: Iterable[Entry], *, now: datetime) -> list[Reminder]:
    """Every reminder the given appointment and records-request entries call for, in time order."""
    found: list[Reminder] = []
    for entry in entries:
        reminder = (
            _appointment(entry)
            if entry.kind == "appointment"
            else _request(entry, now)
            if entry.kind == "records_request"
            else None
        )
        if reminder is not None:
            found.append(reminder)
    return sorted(found, key=lambda r: r.at)


class ReminderClock:
    """Hands out each reminder once, when its time has come, and not those older than `stale_after` (a reminder
    for an appointment of last month, when Carnet was not running, is no longer useful)."""

    def __init__(self, clock: Callable[[], datetime], *, stale_after: timedelta = timedelta(hours=12)) -> None:
        self._clock = clock
        self._stale_after = stale_after
        self._fired: set[str] = set()

    def poll(self, entries: Iterable[Entry]) -> list[Reminder]:
        now = self._clock()
        due = [
            r
            for r in reminders(entries, now=now)
            if r.key not in self._fired and r.at <= now and now - r.at <= self._stale_after
        ]
        self._fired |= {r.key for r in due}
        return due
