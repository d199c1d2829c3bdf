"""Repeating appointments: every N days, weeks or months, until a date or a number of times (a subset of RFC 5545
RRULE that a person can type in a form, and that every calendar program reads back).

Occurrences follow RFC 5545: a monthly repeat from the 31st skips the months without a 31st (it does not move to
the 30th), a COUNT counts only the dates that exist, UNTIL is inclusive. The expansion is written here, by hand, so
the tests can check it against an independent reader of the exported RRULE.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final

UNITS: Final = ("daily", "weekly", "monthly")
MAX_OCCURRENCES: Final = 5000  # an expansion never walks further than this (a daily repeat for 13 years)
_FREQ: Final = {"daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY"}


@dataclass(frozen=True, slots=True)
class Recurrence:
    """Every `interval` `unit`s (daily, weekly, monthly) from the start, until `until` (inclusive) or `count` times
    (at most one of the two; neither: without end)."""

    unit: str
    interval: int = 1
    until: date | None = None
    count: int | None = None

    def __post_init__(self) -> None:
        if self.unit not in UNITS or self.interval < 1 or (self.until is not None and self.count is not None):
            raise ValueError(f"not a recurrence Carnet keeps: {self}")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1")

    def rrule(self, start: date | datetime) -> dict[str, Any]:
        """The RRULE as `icalendar` takes it (`event.add("rrule", …)`). UNTIL has the value type of DTSTART (RFC
        5545 §3.3.10): a date for a whole-day start, the end of that day in floating time for a timed start."""
        rule: dict[str, Any] = {"freq": _FREQ[self.unit]}
        if self.interval != 1:
            rule["interval"] = self.interval
        if self.until is not None:
            rule["until"] = (
                datetime.combine(self.until, time(23, 59, 59)) if isinstance(start, datetime) else self.until
            )
        if self.count is not None:
            rule["count"] = self.count
        return rule


def recurrence_of(data: Mapping[str, Any]) -> Recurrence | None:
    """The recurrence an appointment entry's fields describe (`repeat`, `repeat_interval`, `repeat_until`,
    `repeat_count`), or None for a single appointment."""
    unit = data.get("repeat")
    if not unit:
        return None
    until = data.get("repeat_until")
    count = data.get("repeat_count")
    return Recurrence(
        unit=str(unit),
        interval=int(data.get("repeat_interval") or 1),
        until=date.fromisoformat(str(until)[:10]) if until else None,
        count=int(count) if count else None,
    )


def from_rrule(rule: Mapping[str, Any], start: date | datetime) -> Recurrence | None:
    """The recurrence of an imported RRULE (keys upper-case, values lists, as `icalendar`'s vRecur holds them),
    or None when it says more than Carnet keeps (BYxxx other than the start's own day, SECONDLY…): the caller then
    imports the first date only and says so."""
    freq = [str(v).upper() for v in rule.get("FREQ", [])]
    units = {v: k for k, v in _FREQ.items()}
    if len(freq) != 1 or freq[0] not in units:
        return None
    allowed = {"FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST"}
    weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[start.weekday()]
    # "every week on the start's weekday" / "every month on the start's day" say nothing more than the start.
    if [str(v).upper() for v in rule.get("BYDAY", [])] == [weekday] and freq[0] == "WEEKLY":
        allowed.add("BYDAY")
    if [int(v) for v in rule.get("BYMONTHDAY", [])] == [start.day] and freq[0] == "MONTHLY":
        allowed.add("BYMONTHDAY")
    if set(rule) - allowed:
        return None
    until_raw = (rule.get("UNTIL") or [None])[0]
    until = until_raw.date() if isinstance(until_raw, datetime) else until_raw
    count = (rule.get("COUNT") or [None])[0]
    try:
        return Recurrence(
            unit=units[freq[0]],
            interval=int((rule.get("INTERVAL") or [1])[0]),
            until=until if isinstance(until, date) else None,
            count=int(count) if count is not None else None,
        )
    except (TypeError, ValueError):
        return None


def _add_months(moment: date | datetime, months: int) -> date | datetime | None:
    """`moment` moved by `months` months, or None when that month lacks its day (31 → no 30-day month)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    try:
        return moment.replace(year=year, month=month)
    except ValueError:
        return None


def occurrences(start: date | datetime, recurrence: Recurrence | None) -> Iterator[date | datetime]:
    """Every date (or date-time) of a repeating appointment, from its start, in order; a single one without a
    recurrence. Bounded by `MAX_OCCURRENCES` steps even without an end."""
    if recurrence is None:
        yield start
        return
    produced = 0
    for step in range(MAX_OCCURRENCES):
        moment: date | datetime | None
        if recurrence.unit == "monthly":
            moment = _add_months(start, step * recurrence.interval)
        else:
            days = recurrence.interval * (7 if recurrence.unit == "weekly" else 1)
            moment = start + timedelta(days=step * days)
        if moment is None:
            continue
        day = moment.date() if isinstance(moment, datetime) else moment
        if recurrence.until is not None and day > recurrence.until:
            return
        yield moment
        produced += 1
        if recurrence.count is not None and produced >= recurrence.count:
            return


def next_occurrence(
    start: date | datetime, recurrence: Recurrence | None, *, on_or_after: datetime
) -> date | datetime | None:
    """The first occurrence at or after `on_or_after` (a whole day counts until its end), or None when none is left."""
    for moment in occurrences(start, recurrence):
        at = moment if isinstance(moment, datetime) else datetime.combine(moment, time(23, 59, 59))
        if at >= on_or_after:
            return moment
    return None
