"""Measure types: canonical units, conversions people need (g/L, mmol/L, mg/dL, °F, lb, cmHg), ranges, BMI."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.errors import DossierValidationError
from dossier.measures import GLUCOSE_G_PER_L_PER_MMOL, MEASURES, compute_bmi, normalize_measure

EXPECTED_IDS = {"weight", "height", "bmi", "blood_pressure", "heart_rate", "temperature", "blood_glucose", "waist",
                "steps", "pain", "head_circumference"}  # fmt: skip


def test_every_product_measure_has_a_stable_id_and_french_label() -> None:
    assert set(MEASURES) == EXPECTED_IDS
    for measure in MEASURES.values():
        assert measure.id.isascii() and measure.label_fr and measure.label_en
        assert measure.minimum < measure.maximum


@pytest.mark.parametrize(
    ("measure", "value", "unit", "canonical", "canonical_unit"),
    [
        ("blood_glucose", 1.0, "g/L", 1.0, "g/L"),
        ("blood_glucose", 5.5, "mmol/L", 0.991, "g/L"),  # 5.5 x 0.18016 = 0.99088
        ("blood_glucose", 5.5, "mmol/l", 0.991, "g/L"),
        ("blood_glucose", 99, "mg/dL", 0.99, "g/L"),
        ("blood_glucose", 126, "mg/dl", 1.26, "g/L"),
        ("temperature", 98.6, "°F", 37.0, "°C"),
        ("temperature", 104, "F", 40.0, "°C"),
        ("temperature", 37.2, None, 37.2, "°C"),
        ("weight", 160, "lb", 72.575, "kg"),  # 160 x 0.45359237 = 72.5748
        ("weight", 3450, "g", 3.45, "kg"),
        ("weight", 72.5, "Kg", 72.5, "kg"),
        ("height", 1.75, "m", 175.0, "cm"),
        ("head_circumference", 35, "cm", 35.0, "cm"),
        ("heart_rate", 72, "bpm", 72.0, "/min"),
        ("steps", 8000, "pas", 8000.0, "pas/jour"),
        ("pain", 7, None, 7.0, "/10"),
    ],
)
def test_conversion_to_canonical_unit_keeps_what_was_typed(
    measure: str, value: float, unit: str | None, canonical: float, canonical_unit: str
) -> None:
    result = normalize_measure(measure, {"value": value}, unit=unit)
    assert result.values == {"value": pytest.approx(canonical)}
    assert result.unit == canonical_unit
    assert result.original_values == {"value": value}


def test_glucose_factor_is_18_016_mg_per_dl_per_mmol() -> None:
    assert GLUCOSE_G_PER_L_PER_MMOL == 0.18016
    in_mg = normalize_measure("blood_glucose", {"value": 180.16}, unit="mg/dL").values["value"]
    in_mmol = normalize_measure("blood_glucose", {"value": 10}, unit="mmol/L").values["value"]
    assert in_mg == in_mmol == pytest.approx(1.802, abs=0.001)


@given(st.floats(min_value=0.6, max_value=55))
def test_glucose_mmol_round_trip(mmol: float) -> None:
    measure = MEASURES["blood_glucose"]
    g_per_l = normalize_measure("blood_glucose", {"value": mmol}, unit="mmol/L").values["value"]
    assert measure.unit("mmol/L").from_canonical(g_per_l) == pytest.approx(mmol, abs=0.006)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "unit", "expected", "original_unit"),
    [
        ({"systolic": 12, "diastolic": 8}, None, {"systolic": 120, "diastolic": 80}, "cmHg"),  # "12/8"
        ({"systolic": 13.5, "diastolic": 8.5}, "cmHg", {"systolic": 135, "diastolic": 85}, "cmHg"),
        ({"systolic": 120, "diastolic": 80}, None, {"systolic": 120, "diastolic": 80}, "mmHg"),
        ({"systolic": 120, "diastolic": 80}, "mm Hg", {"systolic": 120, "diastolic": 80}, "mmHg"),
    ],
)
def test_blood_pressure_in_cmhg_and_mmhg(
    values: dict[str, float], unit: str | None, expected: dict[str, float], original_unit: str
) -> None:
    result = normalize_measure("blood_pressure", values, unit=unit)
    assert result.values == expected and result.unit == "mmHg" and result.original_unit == original_unit


@pytest.mark.parametrize("values", [{"systolic": 80, "diastolic": 120}, {"systolic": 8, "diastolic": 8}])
def test_systolic_must_be_above_diastolic(values: dict[str, float]) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_measure("blood_pressure", values)
    assert [(i.field, i.code) for i in error.value.issues] == [("diastolic", "diastolic_not_below_systolic")]
    assert "diastolique" in error.value.issues[0].message_fr


@pytest.mark.parametrize(
    ("measure", "values", "unit", "field", "code"),
    [
        ("weight", {"value": 720}, None, "value", "out_of_range"),  # 720 kg: probably 72,0
        ("weight", {"value": 72}, "g", "value", "out_of_range"),
        ("temperature", {"value": 98.6}, "°C", "value", "out_of_range"),  # °F typed as °C
        ("blood_glucose", {"value": 110}, "g/L", "value", "out_of_range"),  # mg/dL typed as g/L
        ("pain", {"value": 11}, None, "value", "out_of_range"),
        ("pain", {"value": 3.5}, None, "value", "not_integer"),
        ("steps", {"value": -5}, None, "value", "out_of_range"),
        ("heart_rate", {"value": float("nan")}, None, "value", "not_a_number"),
        ("weight", {"value": 72}, "stone", "unit", "unknown_unit"),
        ("weight", {}, None, "value", "required"),
        ("blood_pressure", {"systolic": 120}, None, "diastolic", "required"),
        ("bmi", {"value": 22}, None, "type", "computed_measure"),
        ("cholesterol", {"value": 2}, None, "type", "unknown_measure"),
    ],
)
def test_implausible_or_wrong_values_are_refused(
    measure: str, values: dict[str, float], unit: str | None, field: str, code: str
) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_measure(measure, values, unit=unit)
    assert [(i.field, i.code) for i in error.value.issues] == [(field, code)]
    assert error.value.issues[0].message_fr


def test_out_of_range_message_speaks_the_typed_unit() -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_measure("weight", {"value": 1000}, unit="lb")
    message = error.value.issues[0].message_fr
    assert "1000 livres (lb)" in message and "881,85" in message  # 400 kg in lb, French decimal comma


def test_bmi() -> None:
    assert compute_bmi(70, 175) == 22.9
    assert compute_bmi(3.5, 50) == 14.0
    with pytest.raises(DossierValidationError) as error:
        compute_bmi(0, 175)
    assert error.value.issues[0].field == "weight"
