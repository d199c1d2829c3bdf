"""Partial dates (year, month, day) as people remember them, French input, and the no-future rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from dossier.dates import PartialDate, not_in_future, parse_moment
from dossier.errors import DossierValidationError

TODAY = date(2025, 6, 15)


@pytest.mark.parametrize(
    ("typed", "iso", "french"),
    [
        ("2019", "2019", "2019"),
        ("2019-05", "2019-05", "05/2019"),
        ("2019-05-14", "2019-05-14", "14/05/2019"),
        ("14/05/2019", "2019-05-14", "14/05/2019"),
        ("5/2019", "2019-05", "05/2019"),
        ("05/2019", "2019-05", "05/2019"),
        (" 1.2.2020 ", "2020-02-01", "01/02/2020"),
        ("29/02/2024", "2024-02-29", "29/02/2024"),
    ],
)
def test_partial_date_parses_iso_and_french(typed: str, iso: str, french: str) -> None:
    parsed = PartialDate.parse(typed)
    assert parsed.isoformat() == iso == str(parsed)
    assert parsed.french() == french
    assert PartialDate.parse(iso) == parsed


@pytest.mark.parametrize("typed", ["", "19", "2019-13", "31/02/2019", "29/02/2023", "14-05-19", "mai 2019", "1799"])
def test_partial_date_refuses_with_an_example(typed: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        PartialDate.parse(typed, field="start_date")
    issue = error.value.issues[0]
    assert (issue.field, issue.code) == ("start_date", "invalid_date")
    assert "14/05/2019" in issue.message_fr


def test_precision_and_bounds() -> None:
    year, month, day = PartialDate(2019), PartialDate(2019, 2), PartialDate(2019, 2, 3)
    assert [d.precision for d in (year, month, day)] == ["year", "month", "day"]
    assert (year.earliest(), year.latest()) == (date(2019, 1, 1), date(2019, 12, 31))
    assert (month.earliest(), month.latest()) == (date(2019, 2, 1), date(2019, 2, 28))
    assert day.earliest() == day.latest() == date(2019, 2, 3)
    assert sorted([day, year, month], key=PartialDate.sort_key) == [year, month, day]


def test_may_be_before_handles_overlapping_precisions() -> None:
    assert PartialDate(2019).may_be_before(PartialDate(2019, 5))  # same year: could be earlier
    assert PartialDate(2019, 5).may_be_before(PartialDate(2019))
    assert not PartialDate(2020).may_be_before(PartialDate(2019, 12, 31))
    assert not PartialDate(2019, 6).may_be_before(PartialDate(2019, 5, 31))


def test_not_in_future_uses_the_given_today() -> None:
    not_in_future(PartialDate(2025), today=TODAY)  # this year: fine
    not_in_future(PartialDate(2025, 6, 15), today=TODAY)
    not_in_future(date(2025, 6, 15), today=TODAY)
    for future in (PartialDate(2025, 7), PartialDate(2025, 6, 16), PartialDate(2026)):
        with pytest.raises(DossierValidationError) as error:
            not_in_future(future, today=TODAY, field="date")
        assert error.value.issues[0].code == "future_date"
        assert "futur" in error.value.issues[0].message_fr
    # the same date is fine when "today" is later: no hidden clock
    not_in_future(PartialDate(2026), today=date(2026, 1, 1))


class _Holder(BaseModel):
    when: PartialDate


def test_pydantic_round_trip_as_iso_string() -> None:
    holder = _Holder.model_validate({"when": "14/05/2019"})
    assert holder.when == PartialDate(2019, 5, 14)
    assert holder.model_dump(mode="json") == {"when": "2019-05-14"}
    assert _Holder.model_validate_json(holder.model_dump_json()) == holder
    with pytest.raises(ValidationError) as error:
        _Holder.model_validate({"when": "31/02/2019"})
    assert error.value.errors()[0]["ctx"]["code"] == "invalid_date"


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(9999, 12, 31)), st.sampled_from(["year", "month", "day"]))
def test_any_date_round_trips_at_any_precision(day: date, precision: str) -> None:
    partial = PartialDate(day.year, None if precision == "year" else day.month, day.day if precision == "day" else None)
    assert PartialDate.parse(partial.isoformat()) == partial
    if precision != "year":
        assert PartialDate.parse(partial.french()) == partial
    assert partial.earliest() <= day <= partial.latest()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2024-03-01T08:30", datetime(2024, 3, 1, 8, 30)),
        ("01/03/2024 08:30", datetime(2024, 3, 1, 8, 30)),
        ("01/03/2024 8h30", datetime(2024, 3, 1, 8, 30)),
        ("01/03/2024 à 8h", datetime(2024, 3, 1, 8, 0)),
        ("2024-03-01", date(2024, 3, 1)),
        ("01/03/2024", date(2024, 3, 1)),
    ],
)
def test_parse_moment(typed: str, expected: date) -> None:
    assert parse_moment(typed) == expected


@pytest.mark.parametrize(("typed", "code"), [("2024-03", "incomplete_date"), ("01/03/2024 25:00", "invalid_date"),
                                             ("hier", "invalid_date")])  # fmt: skip
def test_parse_moment_refuses(typed: str, code: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        parse_moment(typed)
    assert (error.value.issues[0].field, error.value.issues[0].code) == ("measured_at", code)
