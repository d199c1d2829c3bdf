"""« À venir » on the Accueil: the next appointments (the next date of a repeating one) and the prevention acts due
or overdue, not those the person set aside — read in one go on the worker, each saying which screen opens it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from desktop_app import agenda, prevention
from desktop_app.dossier_store import DossierStore
from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from dossier.prevention import Status
from dossier.recurrence import next_occurrence, recurrence_of

LIMIT: Final = 6
APPOINTMENTS_AHEAD: Final = timedelta(days=90)
_SHOWN: Final = (Status.OVERDUE, Status.DUE)


@dataclass(frozen=True, slots=True)
class Upcoming:
    """One line of « À venir »: which section opens it (`agenda` or `prevention`) and the row there (`key`: the
    entry id or the rule id), when (a day or a time), what, and whether it is overdue."""

    section: str
    key: str
    at: date | datetime
    label_fr: str
    label_en: str
    overdue: bool = False

    def label(self, lang: str = "fr") -> str:
        return self.label_en if lang.startswith("en") else self.label_fr

    def sort_key(self) -> tuple[int, datetime]:
        at = self.at if isinstance(self.at, datetime) else datetime.combine(self.at, time())
        return (0 if self.overdue else 1, at)


def _appointments(store: DossierStore, now: datetime) -> list[Upcoming]:
    found: list[Upcoming] = []
    for entry in agenda.list_appointments(store):
        raw = str(entry.data["starts_at"])
        first = datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
        moment = next_occurrence(first, recurrence_of(entry.data), on_or_after=now)
        if moment is None or moment.isoformat()[:10] > (now + APPOINTMENTS_AHEAD).date().isoformat():
            continue
        title = str(entry.data["title"])
        found.append(Upcoming("agenda", entry.id, moment, title, title))
    return found


def _prevention(store: DossierStore, profile: prevention.Settings, today: date) -> list[Upcoming]:
    answers = prevention.load_answers(profile, store.dossier_id)
    dismissed = prevention.load_dismissed(profile, store.dossier_id)
    try:
        recommendations = prevention.due(store, answers=answers, today=today)
    except (CarnetError, DossierValidationError):
        return []  # no birth date yet, or a calendar file that does not load: the Prévention screen says why
    return [
        Upcoming("prevention", r.rule_id, r.due_date or today, r.label_fr, r.label_en, r.status is Status.OVERDUE)
        for r in recommendations
        if r.status in _SHOWN and not prevention.is_dismissed(r.rule_id, dismissed, today=today)
    ]


def upcoming(
    store: DossierStore, profile: prevention.Settings, *, now: datetime, limit: int = LIMIT
) -> tuple[list[Upcoming], int]:
    """The first `limit` lines and how many there are in all: the next appointments by date (at most half the lines
    while prevention has some to show), then the prevention acts, overdue first."""
    appointments = sorted(_appointments(store, now), key=Upcoming.sort_key)
    acts = sorted(_prevention(store, profile, now.date()), key=Upcoming.sort_key)
    dated = appointments[: max(limit // 2, limit - len(acts))]
    lines = dated + acts[: limit - len(dated)]
    return lines, len(appointments) + len(acts)
