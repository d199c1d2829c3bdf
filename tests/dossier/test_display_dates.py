"""Summaries show dates as people read them (fr "06/12/2026", en "12/6/2026"), never the stored ISO form."""

from __future__ import annotations

import re

import pytest

from dossier.entries import summarize_entry

ISO = re.compile(r"\d{4}-\d{2}")


@pytest.mark.parametrize(
    ("kind", "data", "french", "english"),
    [
        (
            "measurement",
            {"measure_type": "weight", "value": 70.4, "unit": "kg", "measured_at": "2026-12-06T08:30:00"},
            "Poids : 70,4 kg — 06/12/2026 08:30",
            "Weight: 70.4 kg — 12/6/2026 08:30",
        ),
        (
            "measurement",
            {"measure_type": "weight", "value": 70, "unit": "kg", "measured_at": "2026-12-06"},
            "Poids : 70 kg — 06/12/2026",
            "Weight: 70 kg — 12/6/2026",
        ),
        ("vaccination", {"vaccine": "DTPolio", "date": "2021-01-12"}, "12/01/2021", "1/12/2021"),
        ("vaccination", {"vaccine": "DTPolio", "date": "2019-05"}, "05/2019", "5/2019"),
        ("vaccination", {"vaccine": "DTPolio", "date": "2019"}, "2019", "2019"),
        ("lab_result", {"test": "HbA1c", "value": 7.2, "unit": "%", "date": "2025-06-02"}, "02/06/2025", "6/2/2025"),
    ],
)
def test_summaries_show_dates_in_the_reader_s_format(kind: str, data: dict, french: str, english: str) -> None:
    shown_fr, shown_en = summarize_entry(kind, data), summarize_entry(kind, data, lang="en")
    assert french in shown_fr and english in shown_en, (shown_fr, shown_en)
    assert not ISO.search(shown_fr) and not ISO.search(shown_en), (shown_fr, shown_en)


def test_a_stored_value_that_is_not_a_date_is_shown_as_it_is() -> None:
    """Old or imported data with a broken date: the list still shows the entry (no crash), with the text kept."""
    data = {"measure_type": "weight", "value": 70, "unit": "kg", "measured_at": "hier matin"}
    assert summarize_entry("measurement", data).endswith("— hier matin")
    broken = {"vaccine": "DTPolio", "date": "31/02/2021"}
    assert summarize_entry("vaccination", broken, lang="en").endswith("31/02/2021")
