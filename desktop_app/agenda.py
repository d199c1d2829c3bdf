"""The agenda: appointments kept as `appointment` entries (so they sync), exported to and imported from iCalendar
(RFC 5545, the `icalendar` package) so they reach a phone or a mail calendar.

An import is planned first (`plan_import`: what would be added, what is already there, what was left aside and
why), shown to the person, then applied in one transaction (`apply_import`): a file that cannot be read entirely is
refused with a clear message and nothing of it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, Final

import icalendar

from desktop_app.dossier_store import DossierStore, Entry
from desktop_app.errors import CarnetError
from dossier.entries import validate_entry
from dossier.errors import DossierValidationError
from dossier.recurrence import Recurrence, from_rrule, recurrence_of

KIND: Final = "appointment"
PRODID: Final = "-//Carnet//Agenda 1.0//FR"
MAX_EVENTS: Final = 1000  # one import at a time; a bigger file is refused whole
MAX_BYTES: Final = 5 * 1024 * 1024
UID_DOMAIN: Final = "carnet.local"
_PROFESSIONAL: Final = "X-CARNET-PROFESSIONAL"


class CalendarFileError(CarnetError):
    """An .ics file Carnet cannot import; nothing of it was imported."""

    exit_code = 4


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do, to show before doing it."""

    to_add: tuple[dict[str, Any], ...]
    already_there: tuple[str, ...] = ()  # titles of events whose UID is already in the agenda
    left_aside: tuple[tuple[str, str, str], ...] = ()  # (title, reason fr, reason en): cancelled, to-dos…
    notes_fr: tuple[str, ...] = field(default_factory=tuple)
    notes_en: tuple[str, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------------------------------------ the agenda itself
def list_appointments(store: DossierStore, *, since: date | None = None) -> list[Entry]:
    """Every appointment in date order (from `since` when given)."""
    found: list[Entry] = []
    offset = 0
    while batch := store.entries.list(KIND, offset=offset, limit=500):
        found += batch
        offset += len(batch)
    if since is not None:
        found = [e for e in found if str(e.data["starts_at"])[:10] >= since.isoformat()]
    return sorted(found, key=lambda e: str(e.data["starts_at"]))


def add_appointment(store: DossierStore, fields: Mapping[str, object]) -> Entry:
    """Record an appointment typed by the person (validated: a clear message per wrong field, nothing written)."""
    return store.entries.create(KIND, fields)


# ------------------------------------------------------------------------------------------------ export
def _moment(value: str) -> date | datetime:
    """A stored start or end: a whole day ("2026-12-10") or a local time ("2026-12-10T14:30:00")."""
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def export_ics(appointments: Iterable[Entry], *, now: datetime) -> bytes:
    """An iCalendar file of the given appointments (one or the whole agenda).

    Times are written as floating local times (RFC 5545 §3.3.5, form 1): 14:30 stays 14:30 on the phone, which is
    what the person typed. Each event keeps a stable UID so a second export updates rather than duplicates.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = now.astimezone(UTC)
    for entry in appointments:
        data = entry.data
        event = icalendar.Event()
        event.add("uid", data.get("uid") or f"{entry.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        start = _moment(str(data["starts_at"]))
        event.add("dtstart", start)
        recurrence = recurrence_of(data)
        if recurrence is not None:
            event.add("rrule", recurrence.rrule(start))
        if data.get("ends_at"):
            event.add("dtend", _moment(str(data["ends_at"])))
        event.add("summary", data["title"])
        if data.get("place"):
            event.add("location", data["place"])
        description = [f"Professionnel : {data['professional']}"] if data.get("professional") else []
        if data.get("notes"):
            description.append(str(data["notes"]))
        if description:
            event.add("description", "\n".join(description))
        if data.get("professional"):
            event.add(_PROFESSIONAL, data["professional"])
        if data.get("remind_minutes_before") is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", "Rappel")  # nothing health-related on a lock screen
            alarm.add("trigger", -timedelta(minutes=int(data["remind_minutes_before"])))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


# ------------------------------------------------------------------------------------------------ import
def _refuse(fr: str, en: str) -> CalendarFileError:
    return CalendarFileError(f"{fr} Rien n'a été importé.", f"{en} Nothing was imported.")


def _line_of(text: str, fragment: str) -> int | None:
    """The 1-based line of the file holding `fragment` (to point at a broken line)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment and fragment in line:
            return number
    return None


def _problem(text: str, component: Any, prop: str | None, message: str) -> tuple[str, str]:
    fragment = ""
    match = re.search(r"'([^']+)'", message) or re.search(r"format: (\S+)", message)
    if match:
        fragment = match.group(1)
    line = _line_of(text, fragment)
    where_fr = f"ligne {line}" if line else f"rendez-vous « {component.get('summary', '?')} »"
    where_en = f"line {line}" if line else f"event '{component.get('summary', '?')}'"
    if prop in {"DTSTART", "DTEND", "DUE", "DTSTAMP", "RECURRENCE-ID"}:
        return (
            f"{where_fr} : la date « {fragment or '?'} » n'existe pas ou est mal écrite",
            f"{where_en}: the date '{fragment or '?'}' does not exist or is malformed",
        )
    return (f"{where_fr} : ligne illisible ({fragment[:60]}).", f"{where_en}: unreadable line ({fragment[:60]}).")


def _local(value: date | datetime, zone: tzinfo | None) -> str:
    """A start or end as stored: a whole day, or a local date-time without zone (converted to `zone` if zoned)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone).replace(tzinfo=None)
        return value.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    return value.isoformat()


def _text(component: Any, name: str) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _reminder_minutes(event: Any) -> int | None:
    """The first display alarm set some minutes before the start (a relative TRIGGER), if any."""
    for alarm in event.walk("VALARM"):
        trigger = alarm.get("TRIGGER")
        value = getattr(trigger, "dt", None)
        if isinstance(value, timedelta) and value <= timedelta(0):
            return min(20160, int(-value.total_seconds() // 60))
    return None


def _recurrence(event: Any, start: date | datetime) -> Recurrence | None:
    """The event's repeat when Carnet can keep it whole (one simple RRULE, no exceptions); else None."""
    rule = event.get("RRULE")
    if rule is None or isinstance(rule, list) or event.get("EXDATE") is not None or event.get("RDATE") is not None:
        return None
    return from_rrule(rule, start)


def _fields(event: Any, zone: tzinfo | None) -> dict[str, Any]:
    start = event.decoded("DTSTART")
    fields: dict[str, Any] = {
        "title": (_text(event, "SUMMARY") or "Rendez-vous")[:200],
        "starts_at": _local(start, zone),
        "uid": (_text(event, "UID") or "")[:200] or None,
    }
    if event.get("DTEND") is not None:
        end = event.decoded("DTEND")
        if isinstance(end, date) and not isinstance(end, datetime) and not isinstance(start, datetime):
            pass  # an all-day event's DTEND is the next day (exclusive): the start says it all
        else:
            fields["ends_at"] = _local(end, zone)
    place = _text(event, "LOCATION")
    if place:
        fields["place"] = place[:5000]
    professional = _text(event, _PROFESSIONAL)
    description = _text(event, "DESCRIPTION") or ""
    if professional:
        fields["professional"] = professional[:200]
        description = description.replace(f"Professionnel : {professional}", "").strip()
    if description:
        fields["notes"] = description[:5000]
    minutes = _reminder_minutes(event)
    if minutes is not None:
        fields["remind_minutes_before"] = minutes
    recurrence = _recurrence(event, start)
    if recurrence is not None:
        fields |= {"repeat": recurrence.unit, "repeat_interval": recurrence.interval}
        if recurrence.until is not None:
            fields["repeat_until"] = recurrence.until.isoformat()
        if recurrence.count is not None:
            fields["repeat_count"] = recurrence.count
    return {k: v for k, v in fields.items() if v is not None}


def _validated(fields: dict[str, Any], today: date) -> dict[str, Any]:
    """The fields validated; a repeat Carnet cannot keep (every 400 days, an end before the start…) is dropped
    rather than losing the appointment (the plan then says only its first date is imported)."""
    try:
        return validate_entry(KIND, fields, today=today)
    except DossierValidationError:
        if "repeat" not in fields:
            raise
        return validate_entry(KIND, {k: v for k, v in fields.items() if not k.startswith("repeat")}, today=today)


def plan_import(content: bytes, *, existing_uids: Iterable[str], zone: tzinfo | None = None, today: date) -> ImportPlan:
    """Read an .ics file entirely and say what importing it would add; raises CalendarFileError (nothing planned)
    when the file is not a calendar, is too big, holds too many events, a broken line or an impossible date."""
    if len(content) > MAX_BYTES:
        raise _refuse(
            f"Ce fichier fait plus de {MAX_BYTES // (1024 * 1024)} Mo : ce n'est pas un agenda que Carnet peut lire.",
            f"This file is over {MAX_BYTES // (1024 * 1024)} MB: not a calendar Carnet can read.",
        )
    count = content.count(b"BEGIN:VEVENT")
    if count > MAX_EVENTS:
        raise _refuse(
            f"Ce fichier contient {count} rendez-vous ; Carnet en importe au plus {MAX_EVENTS} à la fois. "
            "Exportez une période plus courte depuis votre agenda.",
            f"This file holds {count} events; Carnet imports at most {MAX_EVENTS} at a time. "
            "Export a shorter period from your calendar.",
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(
            "Ce fichier n'est pas un agenda iCalendar lisible (encodage).", "Not a readable iCalendar file."
        ) from None
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        line = _line_of(text, next(iter(re.findall(r"'([^']+)'", str(exc))), ""))
        where = f" (ligne {line})" if line else ""
        where_en = f" (line {line})" if line else ""
        raise _refuse(
            f"Ce fichier n'est pas un agenda iCalendar lisible{where}.",
            f"This file is not a readable iCalendar file{where_en}.",
        ) from None
    if not calendars or any(c.name != "VCALENDAR" for c in calendars):
        raise _refuse("Ce fichier n'est pas un agenda iCalendar (.ics).", "This file is not an iCalendar (.ics) file.")
    problems: list[tuple[str, str]] = []
    for cal in calendars:
        for component in cal.walk():
            problems += [_problem(text, component, prop, message) for prop, message in component.errors]
    if problems:
        more = len(problems) - 3
        fr = " ; ".join(p[0] for p in problems[:3]) + (f" ; et {more} autre(s) problème(s)" if more > 0 else "")
        en = "; ".join(p[1] for p in problems[:3]) + (f"; and {more} more problem(s)" if more > 0 else "")
        raise _refuse(f"Ce fichier d'agenda est abîmé : {fr}.", f"This calendar file is damaged: {en}.")
    known = set(existing_uids)
    to_add: list[dict[str, Any]] = []
    already: list[str] = []
    aside: list[tuple[str, str, str]] = []
    notes_fr: list[str] = []
    notes_en: list[str] = []
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            title = _text(event, "SUMMARY") or "Rendez-vous"
            if event.get("DTSTART") is None:
                aside.append((title, "pas de date de début", "no start date"))
                continue
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                aside.append((title, "rendez-vous annulé", "cancelled event"))
                continue
            fields = _fields(event, zone)
            if fields.get("uid") in known:
                already.append(title)
                continue
            try:
                validated = _validated(fields, today)
            except DossierValidationError as error:
                aside.append((title, error.message("fr"), error.message("en")))
                continue
            if event.get("RRULE") is not None and "repeat" not in validated:
                notes_fr.append(f"« {title} » se répète d'une façon que Carnet ne sait pas noter : seule sa "
                                "première date est importée.")  # fmt: skip
                notes_en.append(f"'{title}' repeats in a way Carnet cannot record: only its first date is imported.")
            known.add(str(fields.get("uid", "")))
            to_add.append(validated)
    return ImportPlan(tuple(to_add), tuple(already), tuple(aside), tuple(notes_fr), tuple(notes_en))


def apply_import(store: DossierStore, plan: ImportPlan) -> list[str]:
    """Add the planned appointments in one transaction (all or nothing); returns their ids."""
    return store.entries.create_many(KIND, list(plan.to_add))


def existing_uids(store: DossierStore) -> set[str]:
    """The iCalendar UIDs already in the agenda (ours are `<entry id>@carnet.local`)."""
    return {str(e.data.get("uid") or f"{e.id}@{UID_DOMAIN}") for e in list_appointments(store)}
