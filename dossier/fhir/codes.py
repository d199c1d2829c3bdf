"""Code systems, LOINC codes and unit conversions shared by FHIR import and export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
LIST_EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBS_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBS_INTERPRETATION_V2 = "http://hl7.org/fhir/v2/0078"  # older spelling some lab systems still send
DATA_ABSENT_REASON_EXT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"  # INS-NIR, as FR Core's Patient INS identifier
INS_NIR_TEST = "urn:oid:1.2.250.1.213.1.4.10"  # INS-NIR of test identities (read, never written)
INS_TYPE_SYSTEM = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"
# Our own systems: stable URIs for what FHIR has no code for (kinds, contact roles, lifestyle topics).
CARNET_BASE = "https://carnet.example.org/fhir"
CARNET_ENTRY_ID = "urn:ietf:rfc:3986"  # identifier system whose value is urn:uuid:<entry id>
CARNET_KIND = f"{CARNET_BASE}/CodeSystem/entry-kind"
CARNET_CONTACT_ROLE = f"{CARNET_BASE}/CodeSystem/contact-role"
CARNET_FIELDS_EXT = f"{CARNET_BASE}/StructureDefinition/entry-fields"
CARNET_SECTION = f"{CARNET_BASE}/CodeSystem/section"

# IPS Composition and sections (LOINC)
IPS_DOCUMENT = "60591-5"
SECTION_MEDICATIONS = ("10160-0", "Historique des médicaments / History of Medication use")
SECTION_ALLERGIES = ("48765-2", "Allergies et intolérances / Allergies and adverse reactions")
SECTION_PROBLEMS = ("11450-4", "Problèmes / Problem list")
SECTION_IMMUNIZATIONS = ("11369-6", "Vaccinations / History of Immunization")
SECTION_VITALS = ("8716-3", "Signes vitaux / Vital signs")
SECTION_RESULTS = ("30954-2", "Résultats / Relevant diagnostic tests")
SECTION_PAST_ILLNESS = ("11348-0", "Antécédents / History of Past illness")
SECTION_HOSPITAL = ("46240-8", "Hospitalisations / History of hospitalizations")
SECTION_PROCEDURES = ("47519-4", "Antécédents chirurgicaux et actes / History of Procedures")
SECTION_FUNCTIONAL = ("47420-5", "Handicaps / Functional status")
SECTION_FAMILY = ("10157-6", "Antécédents familiaux / History of family member diseases")
SECTION_SOCIAL = ("29762-2", "Habitudes de vie / Social history")
SECTION_DIRECTIVES = ("42348-3", "Directives anticipées / Advance directives")
SECTION_OTHER = ("48767-8", "Autres informations / Annotation comment")

# Carnet section id (dossier.entries.SECTIONS) → the IPS section that holds it.
SECTION_OF_CARNET: dict[str, tuple[str, str]] = {
    "maladies": SECTION_PROBLEMS,
    "traitements": SECTION_MEDICATIONS,
    "allergies": SECTION_ALLERGIES,
    "hospitalisations": SECTION_HOSPITAL,
    "actes": SECTION_PROCEDURES,
    "handicaps": SECTION_FUNCTIONAL,
    "antecedents_familiaux": SECTION_FAMILY,
    "vaccinations": SECTION_IMMUNIZATIONS,
    "groupe_sanguin": SECTION_RESULTS,
    "habitudes_de_vie": SECTION_SOCIAL,
    "mesures": SECTION_VITALS,
    "resultats": SECTION_RESULTS,  # after groupe_sanguin: an IPS "no results" section means no lab results
    "entourage": SECTION_OTHER,
    "directives_anticipees": SECTION_DIRECTIVES,
    "don_organes": SECTION_OTHER,
}
# IPS section code → Carnet section, for "nilknown" sections written by other systems.
CARNET_OF_SECTION: dict[str, str] = {
    code: section for section, (code, _) in SECTION_OF_CARNET.items() if code != SECTION_OTHER[0]
} | {SECTION_PAST_ILLNESS[0]: "maladies"}

BLOOD_GROUP_LOINC = "882-1"
# Observation categories that are never lab results, whatever their code and value.
NOT_RESULT_CATEGORIES = frozenset(
    {"vital-signs", "vital-sign", "social-history", "survey", "exam", "activity", "therapy"}
)
TOBACCO_LOINC = "72166-2"
ALCOHOL_LOINC = "74013-4"
SOCIAL_HISTORY_LOINC = frozenset({TOBACCO_LOINC, ALCOHOL_LOINC})


@dataclass(frozen=True, slots=True)
class MeasureCode:
    """How one Carnet measure type is coded in FHIR and which unit Carnet stores it in."""

    measure_type: str
    loinc: str
    display: str  # LOINC's own long common name (never a display of our own)
    unit: str  # Carnet's canonical unit id (dossier.measures)
    ucum: str  # the same unit in UCUM
    category: str = "vital-signs"


MEASURES: dict[str, MeasureCode] = {
    m.measure_type: m
    for m in (
        MeasureCode("weight", "29463-7", "Body weight", "kg", "kg"),
        MeasureCode("height", "8302-2", "Body height", "cm", "cm"),
        MeasureCode("bmi", "39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "kg/m2"),
        MeasureCode("blood_pressure", "85354-9", "Blood pressure panel with all children optional", "mmHg", "mm[Hg]"),
        MeasureCode("heart_rate", "8867-4", "Heart rate", "bpm", "/min"),
        MeasureCode("temperature", "8310-5", "Body temperature", "°C", "Cel"),
        MeasureCode("blood_glucose", "2339-0", "Glucose [Mass/volume] in Blood", "g/L", "g/L", "laboratory"),
        MeasureCode("waist", "8280-0", "Waist Circumference at umbilicus by Tape measure", "cm", "cm"),
        MeasureCode("steps", "41950-7", "Number of steps in 24 hour Measured", "steps", "/d", "activity"),
        MeasureCode(
            "pain",
            "72514-3",
            "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
            "/10",
            "{score}",
            "survey",
        ),
        MeasureCode("head_circumference", "9843-4", "Head Occipital-frontal circumference", "cm", "cm"),
    )
}
SYSTOLIC_LOINC = "8480-6"
DIASTOLIC_LOINC = "8462-4"

# Other LOINC codes meaning the same measure (read on import only).
_ALIASES: dict[str, str] = {
    "55284-4": "blood_pressure",  # Blood pressure systolic & diastolic (Synthea)
    "8331-1": "temperature",  # oral temperature
    "8310-5": "temperature",
    "2345-7": "blood_glucose",  # glucose in serum or plasma
    "41653-7": "blood_glucose",  # glucose in capillary blood by glucometer
    "15074-8": "blood_glucose",  # glucose [moles/volume] in blood
    "8287-5": "head_circumference",  # head circumference by tape measure
    "9843-4": "head_circumference",
    "8306-3": "height",  # body height lying (length)
    "3141-9": "weight",  # body weight measured
}
MEASURE_BY_LOINC: dict[str, str] = {m.loinc: m.measure_type for m in MEASURES.values()} | _ALIASES


def _scale(factor: float) -> Callable[[float], float]:
    return lambda v: v * factor


# (measure_type, source unit as written in FHIR `code` or `unit`) → conversion into Carnet's unit.
_CONVERSIONS: dict[tuple[str, str], Callable[[float], float]] = {
    ("weight", "kg"): _scale(1),
    ("weight", "g"): _scale(0.001),
    ("weight", "[lb_av]"): _scale(0.45359237),
    ("weight", "lb"): _scale(0.45359237),
    ("weight", "lbs"): _scale(0.45359237),
    ("height", "cm"): _scale(1),
    ("height", "m"): _scale(100),
    ("height", "[in_i]"): _scale(2.54),
    ("height", "in"): _scale(2.54),
    ("waist", "cm"): _scale(1),
    ("waist", "[in_i]"): _scale(2.54),
    ("head_circumference", "cm"): _scale(1),
    ("head_circumference", "[in_i]"): _scale(2.54),
    ("bmi", "kg/m2"): _scale(1),
    ("bmi", "kg/m²"): _scale(1),
    ("blood_pressure", "mm[Hg]"): _scale(1),
    ("blood_pressure", "mmHg"): _scale(1),
    ("heart_rate", "/min"): _scale(1),
    ("heart_rate", "bpm"): _scale(1),
    ("heart_rate", "{beats}/min"): _scale(1),
    ("heart_rate", "beats/minute"): _scale(1),
    ("temperature", "Cel"): _scale(1),
    ("temperature", "°C"): _scale(1),
    ("temperature", "[degF]"): lambda f: (f - 32) * 5 / 9,
    ("temperature", "°F"): lambda f: (f - 32) * 5 / 9,
    ("blood_glucose", "g/L"): _scale(1),
    ("blood_glucose", "mg/dL"): _scale(0.01),
    ("blood_glucose", "mmol/L"): _scale(0.18016),  # glucose molar mass 180.16 g/mol
    ("steps", "/d"): _scale(1),
    ("steps", "steps"): _scale(1),
    ("steps", "{steps}/d"): _scale(1),
    ("steps", "pas/jour"): _scale(1),
    ("pain", "{score}"): _scale(1),
    ("pain", "/10"): _scale(1),
    ("pain", "{Score}"): _scale(1),
    ("pain", "1"): _scale(1),
}


def convert_to_carnet_unit(measure_type: str, value: float, unit: str | None) -> float | None:
    """Value in Carnet's unit for this measure, or None when the unit is unknown (the caller skips it)."""
    if unit is None:
        return value if measure_type in {"pain", "steps"} else None
    conv = _CONVERSIONS.get((measure_type, unit))
    if conv is None:
        return None
    return round(conv(value), 3)
