"""Deadlines of a request for one's medical records (L1111-7, R1111-1 CSP) with Carnet's stated reading: calendar
days from the day after receipt, a last day on a weekend or public holiday moved to the next working day, 48 hours in
hours, two months when the information is more than five years old."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dossier.right_of_access import RequestStatus, compute_deadlines, request_status
from dossier.right_of_access.deadlines import add_months, older_than_five_years
from dossier.right_of_access.holidays import easter_sunday, is_working_day, public_holidays

OLD = date(2010, 1, 1)


@pytest.mark.parametrize(
    ("received", "oldest", "latest", "moved_from"),
    [
        (date(2025, 6, 2), None, date(2025, 6, 10), None),  # Monday → Tuesday of the next week
        (date(2025, 6, 6), None, date(2025, 6, 16), date(2025, 6, 14)),  # Friday → Saturday → Monday
        (date(2025, 6, 7), None, date(2025, 6, 16), date(2025, 6, 15)),  # Saturday → Sunday → Monday
        (date(2025, 6, 1), None, date(2025, 6, 10), date(2025, 6, 9)),  # → Whit Monday 2025 → Tuesday
        (date(2025, 12, 17), None, date(2025, 12, 26), date(2025, 12, 25)),  # → Christmas → Friday 26
        (date(2026, 4, 28), None, date(2026, 5, 6), None),  # a Wednesday: no holiday in between matters
        (date(2026, 5, 6), None, date(2026, 5, 15), date(2026, 5, 14)),  # → Ascension Thursday 2026 → Friday
        (date(2025, 12, 31), OLD, date(2026, 3, 2), date(2026, 2, 28)),  # two months: 28 Feb (Saturday) → Monday
        (date(2026, 1, 15), OLD, date(2026, 3, 16), date(2026, 3, 15)),  # two months → Sunday → Monday
        (date(2026, 3, 10), OLD, date(2026, 5, 11), date(2026, 5, 10)),  # two months → Sunday → Monday
        (date(2026, 6, 3), OLD, date(2026, 8, 3), None),  # Monday 3 August 2026
    ],
)
def test_latest_day(received: date, oldest: date | None, latest: date, moved_from: date | None) -> None:
    found = compute_deadlines(sent_on=received, received=received, oldest_information=oldest)
    assert (found.latest, found.moved_from) == (latest, moved_from)
    assert found.long_deadline is (oldest is not None)
    assert not found.estimated


def test_five_years_is_judged_on_the_day_of_receipt() -> None:
    on = date(2025, 6, 2)
    assert not older_than_five_years(date(2020, 6, 2), on=on)  # exactly five years: not "more than"
    assert older_than_five_years(date(2020, 6, 1), on=on)
    assert not older_than_five_years(None, on=on)
    assert compute_deadlines(sent_on=on, received=on, oldest_information=date(2020, 6, 2)).latest == date(2025, 6, 10)
    assert compute_deadlines(sent_on=on, received=on, oldest_information=date(2020, 6, 1)).latest == date(2025, 8, 4)


def test_48_hours_are_hours_and_ignore_the_weekend() -> None:
    friday_evening = datetime(2025, 6, 6, 17, 30)
    found = compute_deadlines(sent_on=friday_evening.date(), received=friday_evening)
    assert found.earliest == datetime(2025, 6, 8, 17, 30)  # Sunday: the 48 hours are a minimum, not a deadline
    assert compute_deadlines(sent_on=date(2025, 6, 2)).earliest == datetime(2025, 6, 4, 0, 0)


def test_unknown_receipt_counts_from_sending_and_says_so() -> None:
    found = compute_deadlines(sent_on=date(2025, 6, 2))
    assert found.estimated and found.counted_from == date(2025, 6, 2)
    assert "L1111-7" in found.rule_fr() and "48 heures" in found.rule_fr()
    assert "deux mois" in compute_deadlines(sent_on=date(2025, 6, 2), oldest_information=OLD).rule_fr()


def test_status_through_the_life_of_a_request() -> None:
    found = compute_deadlines(sent_on=date(2025, 6, 2), received=datetime(2025, 6, 2, 10, 0))
    assert request_status(found, now=datetime(2025, 6, 4, 9, 59)) is RequestStatus.REFLECTION
    assert request_status(found, now=datetime(2025, 6, 4, 10, 0)) is RequestStatus.WAITING
    assert request_status(found, now=datetime(2025, 6, 10, 23, 59)) is RequestStatus.WAITING  # the last day counts
    assert request_status(found, now=datetime(2025, 6, 11, 0, 0)) is RequestStatus.LATE
    late_but_answered = request_status(found, now=datetime(2025, 7, 1), answered_on=date(2025, 6, 20))
    assert late_but_answered is RequestStatus.ANSWERED


def test_month_end_arithmetic() -> None:
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)
    assert add_months(date(2025, 11, 30), 2) == date(2026, 1, 30)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5))],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_public_holidays_2026() -> None:
    days = public_holidays(2026)
    assert len(days) == 11
    assert {date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25), date(2026, 7, 14)} <= days
    assert not is_working_day(date(2026, 5, 1)) and is_working_day(date(2026, 5, 4))
