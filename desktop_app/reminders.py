"""Reminders while Carnet runs: an appointment at the time the person chose before it, a records request whose legal
deadline has passed. A `ReminderClock` is polled (by the window's timer) with an injected clock, hands each reminder
out once, and says nothing about health while the carnet is locked ("Carnet : un rappel")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from desktop_app.dossier_store import Entry
from desktop_app.records_requests import track
from dossier.recurrence import occurrences, recurrence_of
from dossier.right_of_access import RequestStatus

LOCKED_FR = "Carnet : un rappel"
LOCKED_EN = "Carnet: a reminder"
REQUEST_REMINDER_AT = time(9, 0)  # the morning after the last legal day
LOOK_BEHIND = timedelta(days=1)  # a repeating appointment: the occurrences reminded from a day before now…
LOOK_AHEAD = timedelta(days=7)  # …to a week after (what a locked carnet keeps the times of)


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

    def redacted(self) -> Reminder:
        """The same reminder with nothing health-related left in it (what a locked carnet may keep in memory)."""
        return replace(self, text_fr=LOCKED_FR, text_en=LOCKED_EN)


def _appointment(entry: Entry, now: datetime) -> list[Reminder]:
    """One reminder per occurrence (a single appointment has one) whose reminder time falls from a day before
    `now` to a week after it; the key names the occurrence, so each is handed out once."""
    minutes = entry.data.get("remind_minutes_before")
    if minutes is None:
        return []
    raw = str(entry.data["starts_at"])
    first = datetime.fromisoformat(raw) if "T" in raw else datetime.fromisoformat(raw + "T08:00")
    recurrence = recurrence_of(entry.data)
    title, before = str(entry.data["title"]), timedelta(minutes=int(minutes))
    found: list[Reminder] = []
    for starts in occurrences(first, recurrence):
        assert isinstance(starts, datetime)
        at = starts - before
        if recurrence is not None and at < now - LOOK_BEHIND:
            continue
        if recurrence is not None and at > now + LOOK_AHEAD:
            break
        hour = starts.strftime("%H:%M")
        occurrence = raw if recurrence is None else starts.isoformat(timespec="minutes")
        found.append(
            Reminder(
                key=f"appointment:{entry.id}:{occurrence}:{minutes}",
                at=at,
                text_fr=f"Rendez-vous « {title} » le {starts:%d/%m/%Y} à {hour}.",
                text_en=f"Appointment '{title}' on {starts:%Y-%m-%d} at {hour}.",
            )
        )
    return found


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
        if entry.kind == "appointment":
            found += _appointment(entry, now)
        elif entry.kind == "records_request" and (reminder := _request(entry, now)) is not None:
            found.append(reminder)
    return sorted(found, key=lambda r: r.at)


class ReminderClock:
    """Hands out each reminder once, when its time has come, and not those older than `stale_after` (a reminder
    for an appointment of last month, when Carnet was not running, is no longer useful)."""

    def __init__(self, clock: Callable[[], datetime], *, stale_after: timedelta = timedelta(hours=12)) -> None:
        self._clock = clock
        self._stale_after = stale_after
        self._fired: set[str] = set()

    def now(self) -> datetime:
        return self._clock()

    def poll(self, entries: Iterable[Entry]) -> list[Reminder]:
        """The reminders of these entries whose time has come and that were not handed out yet."""
        return self.due(reminders(entries, now=self._clock()))

    def due(self, candidates: Iterable[Reminder]) -> list[Reminder]:
        """Those of `candidates` whose time has come and that were not handed out yet (each key once)."""
        now = self._clock()
        due = [r for r in candidates if r.key not in self._fired and r.at <= now and now - r.at <= self._stale_after]
        self._fired |= {r.key for r in due}
        return due
