"""The legal deadlines of a request for one's medical records (loi du 4 mars 2002; Code de la santé publique,
articles L1111-7 and R1111-1), and where a request stands.

The law: the information is communicated "au plus tard dans les huit jours suivant [la] demande et au plus tôt après
qu'un délai de réflexion de quarante-huit heures aura été observé. Ce délai est porté à deux mois lorsque les
informations médicales datent de plus de cinq ans" (L1111-7); the time runs from the receipt of the request
(R1111-1).

Carnet's reading, stated because the code does not spell it out (and tested):
- the days are calendar days; the day of receipt does not count (Code de procédure civile, art. 641), so 8 days after
  a request received on Monday 2 June is Tuesday 10 June;
- a last day that falls on a Saturday, Sunday or public holiday moves to the next working day (CPC art. 642, by
  analogy — a conservative reading: it never tells a person a deadline passed before it surely did);
- two months run to the same day of the month two months later (CPC art. 641), the last day of a shorter month
  when there is no such day;
- the 48 hours are counted in hours from receipt and are not extended by a weekend (a minimum, not a deadline);
- "more than five years old" is judged on the oldest information asked for, on the day of receipt;
- when the date of receipt is unknown, the date of sending stands in (on site and by e-mail they are the same day);
  a letter takes longer, so the result is flagged as an estimate.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Final

from dossier.right_of_access.holidays import next_working_day

REFLECTION: Final = timedelta(hours=48)
SHORT_DAYS: Final = 8
LONG_MONTHS: Final = 2
OLD_AFTER_YEARS: Final = 5

LEGAL_REFERENCES_FR: Final = (
    "Loi n° 2002-303 du 4 mars 2002 relative aux droits des malades et à la qualité du système de santé",
    "Code de la santé publique, article L1111-7 (accès direct aux informations de santé)",
    "Code de la santé publique, articles R1111-1 à R1111-8 (modalités et délais de communication)",
)
LEGAL_REFERENCES_EN: Final = (
    "French law no. 2002-303 of 4 March 2002 on patients' rights and the quality of the health system",
    "Code de la santé publique, article L1111-7 (direct access to health information)",
    "Code de la santé publique, articles R1111-1 to R1111-8 (how and when information is communicated)",
)


class RequestStatus(StrEnum):
    """Where a request stands on a given day."""

    REFLECTION = "reflection"  # within the 48 hours: the records may not be sent yet
    WAITING = "waiting"  # the records may come any time until the deadline
    LATE = "late"  # the deadline has passed and nothing came
    ANSWERED = "answered"  # the records arrived (the request is closed)


@dataclass(frozen=True, slots=True)
class Deadlines:
    """The dates the law sets for one request."""

    counted_from: date
    estimated: bool  # counted from the date of sending, the date of receipt being unknown
    earliest: datetime
    latest: date
    long_deadline: bool  # two months (information more than five years old) instead of eight days
    moved_from: date | None  # the plain last day, when a weekend or public holiday moved it

    def rule_fr(self) -> str:
        if self.long_deadline:
            return (
                "Informations de plus de cinq ans : communication au plus tard dans les deux mois "
                "(article L1111-7 du code de la santé publique)."
            )
        return (
            "Communication au plus tôt après 48 heures de réflexion et au plus tard dans les huit jours "
            "(article L1111-7 du code de la santé publique)."
        )

    def rule_en(self) -> str:
        if self.long_deadline:
            return "Information over five years old: to be sent within two months (article L1111-7 CSP)."
        return "To be sent no sooner than 48 hours and no later than 8 days after receipt (article L1111-7 CSP)."


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it is shorter (31 Jan + 1 → 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def older_than_five_years(oldest_information: date | None, *, on: date) -> bool:
    """Whether information dated `oldest_information` is more than five years old on `on` (unknown → no)."""
    if oldest_information is None:
        return False
    return oldest_information < add_months(on, -12 * OLD_AFTER_YEARS)


def compute_deadlines(
    *,
    sent_on: date,
    received: date | datetime | None = None,
    oldest_information: date | None = None,
) -> Deadlines:
    """The earliest and latest dates for a request sent on `sent_on` and received on `received` (if known).

    A date without a time counts from the start of that day for the 48 hours.
    """
    estimated = received is None
    start = received if received is not None else sent_on
    start_moment = start if isinstance(start, datetime) else datetime.combine(start, time.min)
    start_day = start_moment.date()
    long_deadline = older_than_five_years(oldest_information, on=start_day)
    plain = add_months(start_day, LONG_MONTHS) if long_deadline else start_day + timedelta(days=SHORT_DAYS)
    latest = next_working_day(plain)
    return Deadlines(
        counted_from=start_day,
        estimated=estimated,
        earliest=start_moment + REFLECTION,
        latest=latest,
        long_deadline=long_deadline,
        moved_from=plain if latest != plain else None,
    )


def request_status(deadlines: Deadlines, *, now: datetime, answered_on: date | None = None) -> RequestStatus:
    """REFLECTION, WAITING, LATE (the day after the last day) or ANSWERED."""
    if answered_on is not None:
        return RequestStatus.ANSWERED
    if now < deadlines.earliest:
        return RequestStatus.REFLECTION
    if now.date() > deadlines.latest:
        return RequestStatus.LATE
    return RequestStatus.WAITING
