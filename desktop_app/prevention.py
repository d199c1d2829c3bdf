"""Prevention for one dossier: what is due, overdue or done, computed by dossier.prevention from the dossier's
identity, vaccinations, procedures and lab results, and the person's answers to the calendar's questions (kept in
the profile's encrypted settings, one set per dossier)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from typing import Any, Final, Protocol

from desktop_app.dossier_store import DossierStore
from desktop_app.errors import CarnetError
from dossier.dates import PartialDate
from dossier.prevention import (
    Calendar,
    Person,
    Recommendation,
    Record,
    compute,
    load_calendars,
    records_from_entries,
)
from dossier.prevention.compute import DEFAULT_HORIZON

ANSWERS_PREFIX: Final = "prevention.answers:"  # + dossier id, in the profile's encrypted settings
_RECORD_KINDS: Final = ("vaccination", "procedure", "lab_result")


class Settings(Protocol):
    @property
    def settings(self) -> dict[str, Any]: ...

    def set_setting(self, key: str, value: Any) -> None: ...


@cache
def calendars() -> tuple[Calendar, ...]:
    """The shipped calendars, read and validated once (a broken file raises DossierValidationError, clearly)."""
    return load_calendars()


def person_of(store: DossierStore, answers: Mapping[str, bool | None]) -> Person:
    """The person the dossier is about: birth date and sex from its identity entry."""
    identity = store.entries.list("identity", limit=1)
    birth = identity[0].data.get("birth_date") if identity else None
    if not birth:
        raise CarnetError(
            "Renseignez la date de naissance (rubrique Identité) : le calendrier des vaccinations en dépend.",
            "Fill in the birth date (Identity): the vaccination calendar depends on it.",
        )
    partial = PartialDate.parse(str(birth))
    # A birth year alone: 1 July keeps every age within six months of the truth.
    born = date(partial.year, partial.month or 7, partial.day or 1)
    sex = identity[0].data.get("sex")
    return Person(birth_date=born, sex=str(sex) if sex in {"F", "M"} else None, answers=dict(answers))


def records_of(store: DossierStore) -> list[Record]:
    """The vaccinations, procedures and lab results of the dossier as dated records."""
    pairs: list[tuple[str, Mapping[str, Any]]] = []
    for kind in _RECORD_KINDS:
        offset = 0
        while batch := store.entries.list(kind, offset=offset, limit=500):
            pairs += [(e.kind, e.data) for e in batch]
            offset += len(batch)
    return records_from_entries(pairs)


def due(
    store: DossierStore,
    *,
    answers: Mapping[str, bool | None],
    today: date,
    horizon: timedelta = DEFAULT_HORIZON,
) -> list[Recommendation]:
    """Every recommendation for the dossier's person on `today` (overdue first)."""
    return compute(person_of(store, answers), records_of(store), calendars(), today=today, horizon=horizon)


def load_answers(profile: Settings, dossier_id: str) -> dict[str, bool | None]:
    """The answers given for this dossier (a question never answered is absent, i.e. skipped)."""
    stored = profile.settings.get(ANSWERS_PREFIX + dossier_id) or {}
    return {str(k): v for k, v in stored.items() if v is None or isinstance(v, bool)}


def save_answers(profile: Settings, dossier_id: str, answers: Mapping[str, bool | None]) -> None:
    """Keep the answers (encrypted with the profile's settings); unknown question ids are refused."""
    known = {cid for cal in calendars() for cid in cal.conditions}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise CarnetError(
            f"Question inconnue : {', '.join(unknown)}. Questions possibles : {', '.join(sorted(known))}.",
            f"Unknown question: {', '.join(unknown)}. Possible questions: {', '.join(sorted(known))}.",
        )
    merged = {**load_answers(profile, dossier_id), **answers}
    profile.set_setting(ANSWERS_PREFIX + dossier_id, merged)


# ------------------------------------------------------------------------------------------------ dismissed suggestions
DISMISSED_PREFIX: Final = "prevention.dismissed:"  # + dossier id: {rule id: "never" | ISO date "proposed again on"}
NEVER: Final = "never"
LATER: Final = timedelta(days=30)  # « Plus tard »: proposed again a month on


def load_dismissed(profile: Settings, dossier_id: str) -> dict[str, str]:
    """The suggestions the person set aside for this dossier: rule id → "never" or the day it comes back."""
    stored = profile.settings.get(DISMISSED_PREFIX + dossier_id) or {}
    return {str(k): str(v) for k, v in stored.items() if isinstance(v, str)}


def is_dismissed(rule_id: str, dismissed: Mapping[str, str], *, today: date) -> bool:
    mark = dismissed.get(rule_id)
    return mark is not None and (mark == NEVER or today < date.fromisoformat(mark))


def dismiss(profile: Settings, dossier_id: str, rule_id: str, *, never: bool, today: date) -> str | None:
    """Stop proposing `rule_id` (for good, or until a month from `today`); returns the previous mark, for undo.
    A rule the calendars do not know is refused."""
    known = {rule.id for cal in calendars() for rule in cal.rules}
    if rule_id not in known:
        raise CarnetError(f"Recommandation inconnue : {rule_id}.", f"Unknown recommendation: {rule_id}.")
    return _mark(profile, dossier_id, rule_id, NEVER if never else (today + LATER).isoformat())


def restore(profile: Settings, dossier_id: str, rule_id: str, previous: str | None = None) -> str | None:
    """Propose `rule_id` again (or put back its `previous` mark: the undo of a dismissal); returns the mark it had."""
    return _mark(profile, dossier_id, rule_id, previous)


def _mark(profile: Settings, dossier_id: str, rule_id: str, value: str | None) -> str | None:
    marks = load_dismissed(profile, dossier_id)
    before = marks.pop(rule_id, None)
    if value is not None:
        marks[rule_id] = value
    profile.set_setting(DISMISSED_PREFIX + dossier_id, marks)
    return before
