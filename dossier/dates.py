"""Dates as people remember them: a year, a month or a full day, plus date-times for measures."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, Self

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from dossier.errors import DossierValidationError, FieldIssue, as_pydantic_error

MIN_YEAR: Final = 1800
MAX_YEAR: Final = 9999

_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")
_FRENCH = re.compile(r"(?:(?P<d>\d{1,2})[/.-])?(?P<m>\d{1,2})[/.-](?P<y>\d{4})")
_FRENCH_DATETIME = re.compile(
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})"
    r"[ T](?:à )?(?P<h>\d{1,2})[:hH](?P<min>\d{2})?(?::(?P<s>\d{2}))?"
)


def today() -> date:
    """Today's local date, for the edges of the application only: validation takes `today` explicitly."""
    return date.today()  # the local calendar day is what a person means


def _bad_date(field: str, value: str) -> DossierValidationError:
    return DossierValidationError.single(
        field,
        "invalid_date",
        f"« {value} » n'est pas une date valide. Écrivez par exemple 14/05/2019, 05/2019 ou 2019.",
        f"'{value}' is not a valid date. Write for example 2019-05-14, 2019-05 or 2019.",
    )


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A year, a year and month, or a full date; serialised as "2019", "2019-05" or "2019-05-14"."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            assert self.month is not None
            date(self.year, self.month, self.day)  # raises ValueError on 30 February

    @classmethod
    def parse(cls, value: str | date | PartialDate, *, field: str = "date") -> Self:
        """Read ISO ("2019", "2019-05", "2019-05-14") or French ("14/05/2019", "05/2019") forms."""
        if isinstance(value, cls):
            return value
        if isinstance(value, datetime):
            return cls(value.year, value.month, value.day)
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise _bad_date(field, str(value))
        text = value.strip()
        match = _ISO.fullmatch(text) or _FRENCH.fullmatch(text)
        if match is None:
            raise _bad_date(field, text)
        parts = match.groupdict()
        try:
            return cls(
                int(parts["y"]),
                int(parts["m"]) if parts["m"] else None,
                int(parts["d"]) if parts["d"] else None,
            )
        except ValueError:
            raise _bad_date(field, text) from None

    @property
    def precision(self) -> str:
        """ "year", "month" or "day"."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def french(self) -> str:
        """The form French readers expect: "14/05/2019", "05/2019" or "2019"."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"

    def earliest(self) -> date:
        """First day the partial date may mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """Last day the partial date may mean."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int, int]:
        """Orders partial dates by their first possible day ("2019" sorts before "2019-01-02")."""
        return (self.year, self.month or 0, self.day or 0)

    def may_be_before(self, other: PartialDate) -> bool:
        """False only when this date is certainly after `other` (used for "end ≥ start")."""
        return self.earliest() <= other.latest()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: type[Any], handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _pydantic_partial_date,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.isoformat()),
            json_schema_input_schema=core_schema.str_schema(),
        )


def _pydantic_partial_date(value: Any) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except DossierValidationError as error:
        raise as_pydantic_error(error) from None


def not_in_future(value: PartialDate | date, *, today: date, field: str = "date") -> None:
    """Refuse a date that is certainly in the future (a partial date is in the future if its first day is)."""
    first_day = value.earliest() if isinstance(value, PartialDate) else value
    if isinstance(first_day, datetime):
        first_day = first_day.date()
    if first_day > today:
        shown = value.french() if isinstance(value, PartialDate) else value.strftime("%d/%m/%Y")
        raise DossierValidationError(
            [
                FieldIssue(
                    field,
                    "future_date",
                    f"La date {shown} est dans le futur : indiquez une date passée ou d'aujourd'hui.",
                    f"The date {value.isoformat()} is in the future: enter a past date or today.",
                )
            ]
        )


def parse_moment(value: str | date | datetime, *, field: str = "measured_at") -> date | datetime:
    """A date or a date-time, ISO ("2024-03-01T08:30") or French ("01/03/2024 08:30", "01/03/2024 8h30")."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise _bad_date(field, str(value))
    text = value.strip()
    french = _FRENCH_DATETIME.fullmatch(text)
    try:
        if french is not None:
            day = PartialDate.parse(french["date"], field=field)
            assert day.day is not None and day.month is not None
            return datetime(
                day.year, day.month, day.day, int(french["h"]), int(french["min"] or 0), int(french["s"] or 0)
            )
        if "T" in text or " " in text:
            return datetime.fromisoformat(text)
    except ValueError:
        raise _bad_date(field, text) from None
    day = PartialDate.parse(text, field=field)
    if day.day is None:
        raise DossierValidationError.single(
            field,
            "incomplete_date",
            "Indiquez le jour de la mesure (par exemple 14/05/2019).",
            "Give the day of the measurement (for example 2019-05-14).",
        )
    return day.earliest()


MAJORITY_YEARS: Final = 18


def majority_date(birth_date: date) -> date:
    """The 18th birthday (a 29 February birthday comes of age on 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + MAJORITY_YEARS)
    except ValueError:
        return date(birth_date.year + MAJORITY_YEARS, 3, 1)


def is_minor_on(birth_date: date, today: date) -> bool:
    """Under 18 on ``today``."""
    return today < majority_date(birth_date)
