"""Health measures: types, canonical units, accepted units with conversions, plausible ranges, BMI."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from dossier.errors import DossierValidationError, FieldIssue
from dossier.text import fold

# 1 mmol/L of glucose = 18.016 mg/dL = 0.18016 g/L (molar mass of glucose 180.16 g/mol).
GLUCOSE_G_PER_L_PER_MMOL: Final = 0.18016
POUND_IN_KG: Final = 0.45359237


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit a person may type and its conversion: canonical = value * factor + offset."""

    id: str
    label_fr: str
    label_en: str
    factor: float = 1.0
    offset: float = 0.0
    aliases: tuple[str, ...] = ()

    def to_canonical(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_canonical(self, value: float) -> float:
        return (value - self.offset) / self.factor


@dataclass(frozen=True, slots=True)
class MeasureType:
    """One kind of measure (poids, tension…): canonical unit, accepted units, plausible range."""

    id: str
    label_fr: str
    label_en: str
    units: tuple[Unit, ...]  # the first one is canonical
    minimum: float
    maximum: float
    decimals: int
    components: tuple[str, ...] = ("value",)
    integer: bool = False
    computed: bool = False
    note_fr: str = ""
    _by_alias: dict[str, Unit] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for unit in self.units:
            for alias in (unit.id, *unit.aliases):
                self._by_alias[_unit_key(alias)] = unit

    @property
    def canonical_unit(self) -> Unit:
        return self.units[0]

    def unit(self, typed: str | None) -> Unit | None:
        """The unit matching what was typed ("kg", "Kg", "kilos", "mmol/l"…), the canonical one when empty."""
        if typed is None or not typed.strip():
            return self.canonical_unit
        return self._by_alias.get(_unit_key(typed))


def _unit_key(text: str) -> str:
    return fold(text).replace(" ", "").replace("°", "").replace("⁄", "/")


def _single(unit_id: str, label_fr: str, label_en: str, *aliases: str) -> Unit:
    return Unit(unit_id, label_fr, label_en, aliases=aliases)


_CM = _single("cm", "cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_M = Unit("m", "m", "m", factor=100.0, aliases=("metre", "metres", "meter", "meters"))

_MEASURE_LIST: Final = (
    MeasureType(
        "weight",
        "Poids",
        "Weight",
        (
            _single("kg", "kg", "kg", "kilo", "kilos", "kilogramme", "kilogrammes", "kilogram", "kilograms"),
            Unit("g", "g", "g", factor=0.001, aliases=("gramme", "grammes", "gram", "grams")),
            Unit(
                "lb",
                "livres (lb)",
                "lb",
                factor=POUND_IN_KG,
                aliases=("lbs", "livre", "livres", "pound", "pounds"),
            ),
        ),
        minimum=0.3,
        maximum=400.0,
        decimals=3,
    ),
    MeasureType("height", "Taille", "Height", (_CM, _M), minimum=20.0, maximum=260.0, decimals=1),
    MeasureType(
        "bmi",
        "IMC (indice de masse corporelle)",
        "BMI (body mass index)",
        (_single("kg/m²", "kg/m²", "kg/m²", "kg/m2"),),
        minimum=5.0,
        maximum=150.0,
        decimals=1,
        computed=True,
        note_fr="Calculé à partir du dernier poids et de la dernière taille.",
    ),
    MeasureType(
        "blood_pressure",
        "Tension artérielle",
        "Blood pressure",
        (
            _single("mmHg", "mmHg", "mmHg", "mm hg", "millimetres de mercure"),
            Unit("cmHg", "cmHg", "cmHg", factor=10.0, aliases=("cm hg", "centimetres de mercure")),
        ),
        minimum=20.0,
        maximum=300.0,
        decimals=0,
        components=("systolic", "diastolic"),
    ),
    MeasureType(
        "heart_rate",
        "Fréquence cardiaque",
        "Heart rate",
        (_single("/min", "battements/min", "beats/min", "bpm", "batt/min", "pulsations/min"),),
        minimum=20.0,
        maximum=300.0,
        decimals=0,
        integer=True,
    ),
    MeasureType(
        "temperature",
        "Température",
        "Temperature",
        (
            _single("°C", "°C", "°C", "c", "celsius", "degres", "degres celsius"),
            Unit("°F", "°F", "°F", factor=5 / 9, offset=-32 * 5 / 9, aliases=("f", "fahrenheit")),
        ),
        minimum=25.0,
        maximum=45.0,
        decimals=2,
    ),
    MeasureType(
        "blood_glucose",
        "Glycémie",
        "Blood glucose",
        (
            _single("g/L", "g/L", "g/L", "g/l", "gl"),
            Unit("mmol/L", "mmol/L", "mmol/L", factor=GLUCOSE_G_PER_L_PER_MMOL, aliases=("mmol", "mmol/litre")),
            Unit("mg/dL", "mg/dL", "mg/dL", factor=0.01, aliases=("mg/dl", "mg/100ml")),
        ),
        minimum=0.1,
        maximum=10.0,
        decimals=3,
    ),
    MeasureType("waist", "Tour de taille", "Waist circumference", (_CM, _M), minimum=20.0, maximum=300.0, decimals=1),
    MeasureType(
        "steps",
        "Pas par jour",
        "Steps per day",
        (_single("pas/jour", "pas", "steps", "pas", "steps", "steps/day"),),
        minimum=0.0,
        maximum=200_000.0,
        decimals=0,
        integer=True,
    ),
    MeasureType(
        "pain",
        "Douleur (0 à 10)",
        "Pain (0 to 10)",
        (_single("/10", "sur 10", "out of 10", "score", "points"),),
        minimum=0.0,
        maximum=10.0,
        decimals=0,
        integer=True,
    ),
    MeasureType(
        "head_circumference",
        "Périmètre crânien",
        "Head circumference",
        (_CM, _M),
        minimum=20.0,
        maximum=70.0,
        decimals=1,
        note_fr="Mesure suivie chez l'enfant.",
    ),
)

MEASURES: Final[Mapping[str, MeasureType]] = MappingProxyType({m.id: m for m in _MEASURE_LIST})

# Nobody alive has a systolic pressure of 30 mmHg: "12/8" is cmHg, as French people say it.
_CMHG_GUESS_BELOW: Final = 30.0


@dataclass(frozen=True, slots=True)
class NormalizedMeasure:
    """A measure converted to its canonical unit, with what the person typed kept for display."""

    values: dict[str, float]
    unit: str
    original_values: dict[str, float]
    original_unit: str


def _issue(field_name: str, code: str, fr: str, en: str) -> FieldIssue:
    return FieldIssue(field_name, code, fr, en)


def _format(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def normalize_measure(
    measure_id: str, values: Mapping[str, float | None], *, unit: str | None = None
) -> NormalizedMeasure:
    """Convert typed values to the canonical unit and check them; the error names each bad field."""
    measure = MEASURES.get(measure_id)
    if measure is None:
        raise DossierValidationError.single(
            "type",
            "unknown_measure",
            f"Type de mesure inconnu : « {measure_id} ». Choisissez-en un dans la liste.",
            f"Unknown measure type: '{measure_id}'. Pick one from the list.",
        )
    if measure.computed:
        raise DossierValidationError.single(
            "type",
            "computed_measure",
            f"{measure.label_fr} se calcule automatiquement : saisissez plutôt le poids et la taille.",
            f"{measure.label_en} is computed: enter the weight and the height instead.",
        )
    issues = [
        _issue(name, "required", f"Saisissez la valeur « {name} ».", f"Enter the '{name}' value.")
        for name in measure.components
        if values.get(name) is None
    ]
    if issues:
        raise DossierValidationError(issues)
    typed = {name: float(values[name] or 0.0) for name in measure.components}  # all present: checked above
    chosen = measure.unit(unit)
    if chosen is None:
        accepted = ", ".join(u.label_fr for u in measure.units)
        raise DossierValidationError.single(
            "unit",
            "unknown_unit",
            f"Unité « {unit} » non reconnue pour {measure.label_fr.lower()}. Unités acceptées : {accepted}.",
            f"Unit '{unit}' is not known for {measure.label_en.lower()}. Accepted units: "
            f"{', '.join(u.label_en for u in measure.units)}.",
        )
    if (
        measure.id == "blood_pressure"
        and not (unit or "").strip()
        and all(v < _CMHG_GUESS_BELOW for v in typed.values())
    ):
        chosen = measure.units[1]
    canonical = {name: round(chosen.to_canonical(v), measure.decimals) for name, v in typed.items()}
    issues = []
    for name, value in canonical.items():
        if not math.isfinite(value):
            issues.append(
                _issue(name, "not_a_number", "Saisissez un nombre.", "Enter a number."),
            )
        elif measure.integer and not chosen.to_canonical(typed[name]).is_integer():
            issues.append(
                _issue(
                    name,
                    "not_integer",
                    f"{measure.label_fr} : saisissez un nombre entier (sans virgule).",
                    f"{measure.label_en}: enter a whole number.",
                )
            )
        elif not measure.minimum <= value <= measure.maximum:
            low, high = (chosen.from_canonical(b) for b in (measure.minimum, measure.maximum))
            issues.append(
                _issue(
                    name,
                    "out_of_range",
                    f"{measure.label_fr} : {_format(typed[name])} {chosen.label_fr} n'est pas plausible. "
                    f"Vérifiez la valeur et l'unité (attendu entre {_format(round(low, 2))} et "
                    f"{_format(round(high, 2))} {chosen.label_fr}).",
                    f"{measure.label_en}: {typed[name]:g} {chosen.label_en} is implausible. Check the value "
                    f"and the unit (expected between {low:.4g} and {high:.4g} {chosen.label_en}).",
                )
            )
    if not issues and measure.id == "blood_pressure" and canonical["systolic"] <= canonical["diastolic"]:
        issues.append(
            _issue(
                "diastolic",
                "diastolic_not_below_systolic",
                "La tension diastolique (le 2e chiffre) doit être plus petite que la systolique (le 1er).",
                "The diastolic pressure (second number) must be lower than the systolic (first number).",
            )
        )
    if issues:
        raise DossierValidationError(issues)
    if measure.integer:
        canonical = {name: float(int(v)) for name, v in canonical.items()}
    return NormalizedMeasure(canonical, measure.canonical_unit.id, typed, chosen.id)


def compute_bmi(weight_kg: float, height_cm: float) -> float:
    """Body mass index (kg/m²) from a weight in kg and a height in cm, rounded to one decimal."""
    issues = [
        _issue(name, "not_positive", f"{label} doit être positif.", f"{label_en} must be positive.")
        for name, label, label_en, value in (
            ("weight", "Le poids", "The weight", weight_kg),
            ("height", "La taille", "The height", height_cm),
        )
        if not value > 0
    ]
    if issues:
        raise DossierValidationError(issues)
    height_m = height_cm / 100
    return round(weight_kg / (height_m * height_m), 1)
