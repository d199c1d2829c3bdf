"""Ages and durations as the vaccination calendar writes them ("2m", "11m", "5y6m", "6w"), added to dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

_PART: Final = re.compile(r"(\d{1,3})([ymwd])")
_WHOLE: Final = re.compile(r"(?:\d{1,3}[ymwd])+")


@dataclass(frozen=True, slots=True)
class Span:
    """A calendar duration: years and months move the calendar date, weeks and days count days."""

    years: int = 0
    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Span:
        """Read "25y", "16m", "6w", "5y6m" or "0d"; raises ValueError on anything else."""
        if not isinstance(text, str) or not _WHOLE.fullmatch(text):
            raise ValueError(f"not a duration: {text!r} (write for example 2m, 6w, 25y, 5y6m)")
        years = months = days = 0
        for number, unit in _PART.findall(text):
            value = int(number)
            if unit == "y":
                years += value
            elif unit == "m":
                months += value
            elif unit == "w":
                days += 7 * value
            else:
                days += value
        return cls(years, months, days)

    def after(self, start: date) -> date:
        """`start` moved forward by this span; the 31st becomes the last day of a shorter month (29 Feb → 28 Feb)."""
        total = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + total // 12, total % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) + timedelta(days=self.days)

    def before(self, end: date) -> date:
        """`end` moved back by this span (the inverse of `after`, with the same month-end rule)."""
        total = end.month - 1 - self.months - 12 * self.years
        year, month = end.year + total // 12, total % 12 + 1
        day = min(end.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) - timedelta(days=self.days)

    @property
    def whole_years(self) -> int:
        """The number of full years, for labels ("à {age} ans")."""
        return self.years + self.months // 12


def age_in_years(birth: date, on: date) -> int:
    """Age reached on `on` (the birthday itself counts)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
