"""Prevention: the French vaccination calendar, organised screening and prevention check-ups as versioned data
(resources/prevention), and the pure computation of what is due, overdue or done for one person.

- `schedule`: the calendar files' schema and loading (`load_calendars`, `load_calendar`);
- `records`: dossier entries reduced to dated records, matched to the calendar's acts;
- `compute`: `compute(person, records, calendars, today=…)` → `Recommendation`s with the rule and its source.
"""

from __future__ import annotations

from dossier.prevention.compute import Person, Recommendation, Status, compute, questions
from dossier.prevention.records import Record, records_from_entries
from dossier.prevention.schedule import Calendar, load_calendar, load_calendars

__all__ = [
    "Calendar",
    "Person",
    "Recommendation",
    "Record",
    "Status",
    "compute",
    "load_calendar",
    "load_calendars",
    "questions",
    "records_from_entries",
]
