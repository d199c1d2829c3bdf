"""Cross-field rules of entry kinds, applied once every field is valid on its own (a treatment's end after its start,
the NIR against sex and birth year, a measurement's unit conversion…). Each is a `Finisher` named in the catalogue."""

from __future__ import annotations

import re
from typing import Any, Final

from dossier.dates import PartialDate
from dossier.entries.fields import Context, Finisher
from dossier.errors import DossierValidationError, FieldIssue
from dossier.measures import MEASURES, normalize_measure


def _raise(field_name: str, code: str, fr: str, en: str) -> None:
    raise DossierValidationError.single(field_name, code, fr, en)


def _check_period(data: dict[str, Any], *, start: str, end: str) -> None:
    if data.get(start) and data.get(end):
        first, last = PartialDate.parse(data[start]), PartialDate.parse(data[end])
        if not first.may_be_before(last):
            _raise(
                end,
                "end_before_start",
                f"La date de fin ({last.french()}) est avant la date de début ({first.french()}).",
                f"The end date ({last}) is before the start date ({first}).",
            )


def period(start: str, end: str) -> Finisher:
    def finish(data: dict[str, Any], context: Context) -> dict[str, Any]:
        _check_period(data, start=start, end=end)
        return data

    return finish


def finish_treatment(data: dict[str, Any], context: Context) -> dict[str, Any]:
    _check_period(data, start="start_date", end="end_date")
    ended = bool(data.get("end_date")) and PartialDate.parse(data["end_date"]).latest() < context.today
    if data.get("ongoing") and ended:
        _raise(
            "ongoing",
            "ended_treatment_ongoing",
            "Ce traitement a une date de fin passée : il ne peut pas être « en cours ». "
            "Retirez la date de fin ou décochez « en cours ».",
            "This treatment has a past end date: it cannot be ongoing. Remove the end date or untick 'ongoing'.",
        )
    if data.get("ongoing") is None:
        data["ongoing"] = not ended
    return data


_NIR_SEX = {"1": "M", "3": "M", "7": "M", "2": "F", "4": "F", "8": "F"}


def finish_identity(data: dict[str, Any], context: Context) -> dict[str, Any]:
    nir, sex, birth = data.get("ins"), data.get("sex"), data.get("birth_date")
    if nir and sex in ("F", "M") and _NIR_SEX.get(nir[0]) != sex:
        _raise(
            "ins",
            "nir_sex_mismatch",
            "Le premier chiffre du numéro de sécurité sociale ne correspond pas au sexe indiqué. Vérifiez-les.",
            "The first digit of the social security number does not match the sex given. Check both.",
        )
    if nir and birth and int(nir[1:3]) != int(birth[:4]) % 100:
        _raise(
            "ins",
            "nir_year_mismatch",
            "Les chiffres 2 et 3 du numéro de sécurité sociale (année de naissance) ne correspondent pas "
            "à la date de naissance. Vérifiez-les.",
            "Digits 2 and 3 of the social security number (birth year) do not match the birth date.",
        )
    return data


def finish_lifestyle(data: dict[str, Any], context: Context) -> dict[str, Any]:
    if not data:
        _raise(
            "tobacco",
            "required",
            "Renseignez au moins une habitude (tabac, alcool, activité physique ou sommeil).",
            "Fill in at least one habit (tobacco, alcohol, physical activity or sleep).",
        )
    return data


def finish_advance_directive(data: dict[str, Any], context: Context) -> dict[str, Any]:
    if context.is_minor:
        _raise(
            "kind",
            "minor",
            "Une personne mineure ne peut pas rédiger de directives anticipées.",
            "A minor cannot write advance directives.",
        )
    if not data.get("summary") and not data.get("kept_at"):
        _raise(
            "summary",
            "required",
            "Résumez vos directives ou indiquez où le document est conservé.",
            "Summarise your directives or say where the document is kept.",
        )
    return data


_MEASURE_VALUE_FIELDS: Final = ("value", "systolic", "diastolic")


def finish_measurement(data: dict[str, Any], context: Context) -> dict[str, Any]:
    measure = MEASURES[data["measure_type"]]
    originals = {name: data.get(f"original_{name}") for name in measure.components}
    values = {name: data.get(name) for name in measure.components}
    if data.get("original_unit") and all(v is not None for v in originals.values()):
        # Re-validation of stored data: keep what was typed when the stored values still derive from it.
        again = normalize_measure(measure.id, originals, unit=data["original_unit"])
        if all(values[name] in (None, again.values[name]) for name in measure.components) and data.get("unit") in (
            None,
            again.unit,
        ):
            values, unit = originals, data["original_unit"]
        else:
            unit = data.get("unit")
    else:
        unit = data.get("unit")
    stray = [name for name in _MEASURE_VALUE_FIELDS if name not in measure.components and data.get(name) is not None]
    if stray:
        raise DossierValidationError(
            FieldIssue(
                name,
                "not_for_this_measure",
                f"« {name} » ne s'applique pas à {measure.label_fr.lower()}.",
                f"'{name}' does not apply to {measure.label_en.lower()}.",
            )
            for name in stray
        )
    normalized = normalize_measure(measure.id, values, unit=unit)
    result: dict[str, Any] = {"measure_type": measure.id, "measured_at": data["measured_at"]}
    for name in measure.components:
        canonical = normalized.values[name]
        result[name] = int(canonical) if canonical.is_integer() and measure.integer else canonical
        result[f"original_{name}"] = normalized.original_values[name]
    result["unit"] = normalized.unit
    result["original_unit"] = normalized.original_unit
    if data.get("notes"):
        result["notes"] = data["notes"]
    return result


# A LOINC code: up to 7 digits, a hyphen, one check digit ("4548-4", "17856-6").
LOINC_CODE: Final = re.compile(r"\d{1,7}-\d")


def finish_lab_result(data: dict[str, Any], context: Context) -> dict[str, Any]:
    issues: list[FieldIssue] = []
    if data.get("value") is None and not data.get("value_text"):
        issues.append(
            FieldIssue(
                "value",
                "required",
                "Indiquez un nombre (7,2) ou, dans « Résultat en texte », un résultat écrit (négatif).",
                "Give a number (7.2) or, in 'Result as text', a written result (negative).",
            )
        )
    loinc = data.get("loinc")
    if loinc is not None and not LOINC_CODE.fullmatch(loinc):
        issues.append(
            FieldIssue(
                "loinc",
                "invalid_loinc",
                f"« {loinc} » n'est pas un code LOINC : il s'écrit en chiffres, un tiret et un chiffre (4548-4).",
                f"'{loinc}' is not a LOINC code: digits, a hyphen and one digit (4548-4).",
            )
        )
    if issues:
        raise DossierValidationError(issues)
    return data


def finish_records_request(data: dict[str, Any], context: Context) -> dict[str, Any]:
    """A request is received, then answered, never before it was sent."""
    _check_period(data, start="sent_on", end="received_on")
    _check_period(data, start="sent_on", end="answered_on")
    return data


def finish_appointment(data: dict[str, Any], context: Context) -> dict[str, Any]:
    """An appointment ends after it starts; a day without a time is a whole-day appointment."""
    if data.get("ends_at") and data["ends_at"] < data["starts_at"]:
        _raise(
            "ends_at",
            "end_before_start",
            "La fin du rendez-vous est avant son début.",
            "The appointment ends before it starts.",
        )
    _check_repeat(data)
    return data


def _check_repeat(data: dict[str, Any]) -> None:
    """A repeat says how often; it ends on a whole date on or after the start, or after a number of times (not
    both); the interval, end date and count mean nothing without a repeat."""
    details = [name for name in ("repeat_interval", "repeat_until", "repeat_count") if data.get(name) is not None]
    if not data.get("repeat"):
        if details:
            _raise(
                "repeat",
                "repeat_missing",
                "Choisissez à quel rythme le rendez-vous se répète (ou videz « Tous les N », « Jusqu'au » et "
                "« Nombre de fois »).",
                "Choose how often the appointment repeats (or clear 'Every N', 'Until' and 'Number of times').",
            )
        return
    if data.get("repeat_until") is not None and data.get("repeat_count") is not None:
        _raise(
            "repeat_count",
            "repeat_two_ends",
            "Indiquez soit une date de fin (« Jusqu'au »), soit un nombre de fois, pas les deux.",
            "Give either an end date ('Until') or a number of times, not both.",
        )
    until = data.get("repeat_until")
    if until is not None:
        text = str(until)
        if len(text) != 10:
            _raise(
                "repeat_until",
                "repeat_until_partial",
                "« Jusqu'au » demande une date complète (jour, mois et année).",
                "'Until' needs a whole date (day, month and year).",
            )
        if text < str(data["starts_at"])[:10]:
            _raise(
                "repeat_until",
                "repeat_until_before_start",
                "La date de fin de la répétition est avant le premier rendez-vous.",
                "The repeat's end date is before the first appointment.",
            )
