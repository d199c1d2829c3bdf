"""Entry kinds of a dossier (identity, profil médical, entourage…): fields, validation, summaries, search."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    create_model,
)
from pydantic_core import PydanticCustomError

from dossier.dates import PartialDate, not_in_future, parse_moment
from dossier.errors import DossierValidationError, FieldIssue, as_pydantic_error
from dossier.identifiers import normalize_nir
from dossier.measures import MEASURES, normalize_measure
from dossier.text import collapse_spaces, fold, strip_separators

SHORT_TEXT_MAX: Final = 200
LONG_TEXT_MAX: Final = 5000


# ---------------------------------------------------------------------------- sections
@dataclass(frozen=True, slots=True)
class Section:
    """A part of the dossier as the patient sees it; most can be declared "non concerné"."""

    id: str
    label_fr: str
    label_en: str
    can_be_not_concerned: bool = True


SECTIONS: Final[Mapping[str, Section]] = MappingProxyType(
    {
        s.id: s
        for s in (
            Section("identite", "Identité", "Identity", can_be_not_concerned=False),
            Section("maladies", "Maladies et sujets de santé", "Illnesses and health topics"),
            Section("traitements", "Traitements", "Treatments"),
            Section("allergies", "Allergies", "Allergies"),
            Section("hospitalisations", "Hospitalisations", "Hospital stays"),
            Section("handicaps", "Handicaps", "Disabilities"),
            Section("antecedents_familiaux", "Antécédents familiaux", "Family history"),
            Section("vaccinations", "Vaccinations", "Vaccinations"),
            Section("groupe_sanguin", "Groupe sanguin", "Blood group"),
            Section("habitudes_de_vie", "Habitudes de vie", "Lifestyle"),
            Section("mesures", "Mesures", "Measurements"),
            Section("resultats", "Résultats d'analyses", "Lab results"),
            Section("entourage", "Entourage", "Family and contacts"),
            Section("directives_anticipees", "Directives anticipées", "Advance directives"),
            Section("don_organes", "Don d'organes", "Organ donation"),
        )
    }
)


# ---------------------------------------------------------------------------- field types
class FieldType(StrEnum):
    """How a field is typed in and shown; a UI or a CLI builds its input from it."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"  # partial date: "2019", "2019-05" or "2019-05-14"
    DATETIME = "datetime"  # date or date-time
    NUMBER = "number"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    NIR = "nir"
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class Choice:
    """One allowed value of a choice field; `aliases` are other spellings accepted on input."""

    id: str
    label_fr: str
    label_en: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What a form needs to know about one field."""

    name: str
    label_fr: str
    label_en: str
    type: FieldType
    required: bool = False
    choices: tuple[Choice, ...] = ()
    future_allowed: bool = False
    minimum: float | None = None
    maximum: float | None = None

    def choice_label(self, value: object, lang: str = "fr") -> str:
        for choice in self.choices:
            if choice.id == value:
                return choice.label_en if lang.startswith("en") else choice.label_fr
        return str(value)


def _issue(code: str, fr: str, en: str) -> PydanticCustomError:
    return PydanticCustomError("dossier_issue", en, {"code": code, "fr": fr, "en": en})


_TRUE = frozenset({"oui", "o", "vrai", "yes", "y", "true", "1", "x"})
_FALSE = frozenset({"non", "n", "faux", "no", "false", "0"})


def _to_bool(value: object) -> object:
    if isinstance(value, str):
        word = fold(value.strip())
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise _issue("not_boolean", "Répondez par oui ou par non.", "Answer yes or no.")
    return value


def _to_number(value: object) -> object:
    if isinstance(value, bool):
        raise _issue("not_a_number", "Saisissez un nombre.", "Enter a number.")
    if isinstance(value, str):
        text = strip_separators(value, " \u00a0\u202f").replace(",", ".")
        try:
            return float(text)
        except ValueError:
            raise _issue(
                "not_a_number",
                f"« {value.strip()} » n'est pas un nombre. Écrivez par exemple 72,5.",
                f"'{value.strip()}' is not a number. Write for example 72.5.",
            ) from None
    return value


def _to_integer(value: object) -> object:
    number = _to_number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise _issue("not_integer", "Saisissez un nombre entier (sans virgule).", "Enter a whole number.")
        return int(number)
    return number


def _partial_date(value: object, info: ValidationInfo) -> PartialDate:
    if not isinstance(value, str | date | PartialDate):
        raise _issue("invalid_date", "Saisissez une date.", "Enter a date.")
    try:
        return PartialDate.parse(value, field=info.field_name or "date")
    except DossierValidationError as error:
        raise as_pydantic_error(error) from None


def _past_partial_date(value: PartialDate, info: ValidationInfo) -> PartialDate:
    try:
        not_in_future(value, today=_today(info))
    except DossierValidationError as error:
        raise as_pydantic_error(error) from None
    return value


def _past_moment(value: object, info: ValidationInfo) -> str:
    if not isinstance(value, str | date):
        raise _issue("invalid_date", "Saisissez une date.", "Enter a date.")
    try:
        moment = parse_moment(value, field=info.field_name or "date")
        not_in_future(moment.date() if isinstance(moment, datetime) else moment, today=_today(info))
    except DossierValidationError as error:
        raise as_pydantic_error(error) from None
    return moment.isoformat()


def _today(info: ValidationInfo) -> date:
    context = info.context or {}
    today = context.get("today")
    if not isinstance(today, date):
        raise TypeError("validation needs context={'today': date}")
    return today


def _nir(value: object) -> str:
    try:
        return normalize_nir(str(value))
    except DossierValidationError as error:
        raise as_pydantic_error(error) from None


_PHONE = re.compile(r"(?:0[1-9]\d{8}|\+\d{8,15})")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _phone(value: object) -> str:
    phone = strip_separators(str(value), " \u00a0\u202f\t-./()")
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if not _PHONE.fullmatch(phone):
        raise _issue(
            "invalid_phone",
            "Numéro de téléphone incorrect : écrivez 10 chiffres (06 12 34 56 78) ou le format international "
            "(+33 6 12 34 56 78).",
            "Invalid phone number: write 10 digits (06 12 34 56 78) or the international form (+33 6 12 34 56 78).",
        )
    return phone


def _email(value: object) -> str:
    email = str(value).strip()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise _issue(
            "invalid_email",
            "Adresse e-mail incorrecte : elle s'écrit comme prenom.nom@exemple.fr.",
            "Invalid e-mail address: it looks like name@example.com.",
        )
    return email


def _text(limit: int, *, multiline: bool) -> Callable[[object], str]:
    def clean(value: object) -> str:
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise _issue("not_text", "Saisissez un texte.", "Enter some text.")
        text = str(value).strip() if multiline else collapse_spaces(str(value))
        if len(text) > limit:
            raise _issue(
                "too_long",
                f"Texte trop long ({len(text)} caractères) : {limit} au maximum.",
                f"Text too long ({len(text)} characters): {limit} at most.",
            )
        return text

    return clean


def _choice(spec_choices: tuple[Choice, ...]) -> Callable[[object], str]:
    lookup: dict[str, str] = {}
    for choice in spec_choices:
        for spelling in (choice.id, choice.label_fr, choice.label_en, *choice.aliases):
            lookup[fold(spelling.strip())] = choice.id

    def pick(value: object) -> str:
        found = lookup.get(fold(str(value).strip()))
        if found is None:
            listed = ", ".join(f"{c.label_fr} ({c.id})" for c in spec_choices)
            raise _issue(
                "invalid_choice",
                f"« {value} » n'est pas une valeur possible. Choisissez parmi : {listed}.",
                f"'{value}' is not an allowed value. Choose one of: {', '.join(c.id for c in spec_choices)}.",
            )
        return found

    return pick


def _range(spec: FieldSpec) -> Callable[[float], float]:
    def check(value: float) -> float:
        low, high = spec.minimum, spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise _issue(
                "out_of_range",
                f"La valeur doit être comprise entre {low:g} et {high:g}.".replace(".", ","),
                f"The value must be between {low:g} and {high:g}.",
            )
        return value

    return check


def _annotation(spec: FieldSpec) -> Any:
    """The pydantic type of a field, built from its spec so forms and validation never disagree."""
    base: Any
    match spec.type:
        case FieldType.TEXT:
            base = Annotated[str, BeforeValidator(_text(SHORT_TEXT_MAX, multiline=False))]
        case FieldType.LONG_TEXT:
            base = Annotated[str, BeforeValidator(_text(LONG_TEXT_MAX, multiline=True))]
        case FieldType.DATE if spec.future_allowed:
            base = Annotated[PartialDate, BeforeValidator(_partial_date)]
        case FieldType.DATE:
            base = Annotated[PartialDate, BeforeValidator(_partial_date), AfterValidator(_past_partial_date)]
        case FieldType.DATETIME:
            base = Annotated[str, BeforeValidator(_past_moment)]
        case FieldType.NUMBER:
            base = Annotated[float, BeforeValidator(_to_number), Field(allow_inf_nan=False)]
        case FieldType.INTEGER:
            base = Annotated[int, BeforeValidator(_to_integer)]
        case FieldType.BOOLEAN:
            base = Annotated[bool, BeforeValidator(_to_bool)]
        case FieldType.CHOICE:
            base = Annotated[str, BeforeValidator(_choice(spec.choices))]
        case FieldType.NIR:
            base = Annotated[str, BeforeValidator(_nir)]
        case FieldType.PHONE:
            base = Annotated[str, BeforeValidator(_phone)]
        case FieldType.EMAIL:
            base = Annotated[str, BeforeValidator(_email)]
    if spec.minimum is not None or spec.maximum is not None:
        base = Annotated[base, AfterValidator(_range(spec))]
    return base if spec.required else base | None


# ---------------------------------------------------------------------------- kinds
@dataclass(frozen=True, slots=True)
class Context:
    """What validation may depend on besides the fields: today's date and whether the person is a minor."""

    today: date
    is_minor: bool


Finisher = Callable[[dict[str, Any], Context], dict[str, Any]]


@dataclass(frozen=True)
class EntryKind:
    """One kind of entry: its labels, section, fields and pydantic model."""

    name: str
    label_fr: str
    label_en: str
    section: str | None  # None for not_concerned, whose section is in its data
    singleton: bool
    fields: tuple[FieldSpec, ...]
    summary_fields: tuple[str, ...]
    date_fields: tuple[str, ...] = ()
    finish: Finisher | None = None
    model: type[BaseModel] = field(init=False)

    def __post_init__(self) -> None:
        definitions: dict[str, Any] = {
            spec.name: (_annotation(spec), ... if spec.required else None) for spec in self.fields
        }
        model = create_model(  # type: ignore[call-overload]
            f"{''.join(part.title() for part in self.name.split('_'))}Entry",
            __config__=ConfigDict(extra="forbid", frozen=True),
            **definitions,
        )
        object.__setattr__(self, "model", model)

    def field_spec(self, name: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.name == name), None)


def _f(
    name: str,
    label_fr: str,
    label_en: str,
    type_: FieldType = FieldType.TEXT,
    *,
    required: bool = False,
    choices: tuple[Choice, ...] = (),
    future_allowed: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> FieldSpec:
    return FieldSpec(
        name, label_fr, label_en, type_, required, choices, future_allowed, minimum=minimum, maximum=maximum
    )


def _notes() -> FieldSpec:
    return _f("notes", "Remarques", "Notes", FieldType.LONG_TEXT)


def _contact_fields(*, phone_required: bool) -> tuple[FieldSpec, ...]:
    return (
        _f("name", "Nom et prénom", "Full name", required=True),
        _f("relationship", "Lien (conjoint, enfant, ami…)", "Relationship (spouse, child, friend…)"),
        _f("phone", "Téléphone", "Phone", FieldType.PHONE, required=phone_required),
        _f("email", "Adresse e-mail", "E-mail address", FieldType.EMAIL),
        _f("address", "Adresse", "Address", FieldType.LONG_TEXT),
        _notes(),
    )


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


def _period(start: str, end: str) -> Finisher:
    def finish(data: dict[str, Any], context: Context) -> dict[str, Any]:
        _check_period(data, start=start, end=end)
        return data

    return finish


def _finish_treatment(data: dict[str, Any], context: Context) -> dict[str, Any]:
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


def _finish_identity(data: dict[str, Any], context: Context) -> dict[str, Any]:
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


def _finish_lifestyle(data: dict[str, Any], context: Context) -> dict[str, Any]:
    if not data:
        _raise(
            "tobacco",
            "required",
            "Renseignez au moins une habitude (tabac, alcool, activité physique ou sommeil).",
            "Fill in at least one habit (tobacco, alcohol, physical activity or sleep).",
        )
    return data


def _finish_advance_directive(data: dict[str, Any], context: Context) -> dict[str, Any]:
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


def _finish_measurement(data: dict[str, Any], context: Context) -> dict[str, Any]:
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


def _finish_lab_result(data: dict[str, Any], context: Context) -> dict[str, Any]:
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


def _choices(*items: tuple[str, str, str] | tuple[str, str, str, tuple[str, ...]]) -> tuple[Choice, ...]:
    return tuple(Choice(*item) for item in items)


_SEVERITY = _choices(
    ("mild", "Légère", "Mild", ("legere", "faible")),
    ("moderate", "Modérée", "Moderate", ("moyenne",)),
    ("severe", "Grave", "Severe", ("severe", "forte", "anaphylaxie")),
    ("unknown", "Je ne sais pas", "Unknown", ("inconnue", "ne sait pas")),
)
_RELATIONSHIPS = _choices(
    ("mother", "Mère", "Mother", ("maman",)),
    ("father", "Père", "Father", ("papa",)),
    ("sister", "Sœur", "Sister"),
    ("brother", "Frère", "Brother"),
    ("half_sister", "Demi-sœur", "Half-sister"),
    ("half_brother", "Demi-frère", "Half-brother"),
    ("daughter", "Fille", "Daughter"),
    ("son", "Fils", "Son"),
    ("maternal_grandmother", "Grand-mère maternelle", "Maternal grandmother"),
    ("maternal_grandfather", "Grand-père maternel", "Maternal grandfather"),
    ("paternal_grandmother", "Grand-mère paternelle", "Paternal grandmother"),
    ("paternal_grandfather", "Grand-père paternel", "Paternal grandfather"),
    ("aunt", "Tante", "Aunt"),
    ("uncle", "Oncle", "Uncle"),
    ("cousin", "Cousin ou cousine", "Cousin", ("cousine",)),
    ("other", "Autre membre de la famille", "Other relative", ("autre",)),
)

_KIND_LIST: Final = (
    EntryKind(
        "identity",
        "Identité",
        "Identity",
        "identite",
        singleton=True,
        fields=(
            _f("birth_name", "Nom de naissance", "Birth name", required=True),
            _f("first_names", "Prénoms", "First names", required=True),
            _f("used_name", "Nom d'usage", "Used name"),
            _f(
                "sex",
                "Sexe",
                "Sex",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    ("F", "Féminin", "Female", ("femme", "f", "feminin")),
                    ("M", "Masculin", "Male", ("homme", "h", "masculin")),
                    ("I", "Indéterminé", "Undetermined", ("indetermine",)),
                ),
            ),
            _f("birth_date", "Date de naissance", "Birth date", FieldType.DATE, required=True),
            _f("birth_place", "Lieu de naissance", "Birth place"),
            _f("ins", "Numéro de sécurité sociale (INS)", "Social security number (INS)", FieldType.NIR),
            _f("address", "Adresse", "Address", FieldType.LONG_TEXT),
            _f("phone", "Téléphone", "Phone", FieldType.PHONE),
            _f("email", "Adresse e-mail", "E-mail address", FieldType.EMAIL),
            _f("gp_name", "Médecin traitant", "General practitioner"),
        ),
        summary_fields=("first_names", "birth_name", "birth_date"),
        finish=_finish_identity,
    ),
    EntryKind(
        "condition",
        "Maladie ou sujet de santé",
        "Illness or health topic",
        "maladies",
        singleton=False,
        fields=(
            _f("name", "Maladie ou sujet de santé", "Illness or health topic", required=True),
            _f("onset_date", "Depuis (année ou date)", "Since (year or date)", FieldType.DATE),
            _f("end_date", "Jusqu'à (si guéri)", "Until (if resolved)", FieldType.DATE),
            _f(
                "status",
                "État",
                "Status",
                FieldType.CHOICE,
                choices=_choices(
                    ("active", "En cours", "Active", ("actif", "actuel")),
                    ("resolved", "Guéri ou terminé", "Resolved", ("gueri", "termine", "resolu")),
                ),
            ),
            _notes(),
        ),
        summary_fields=("name", "onset_date"),
        date_fields=("onset_date", "end_date"),
        finish=_period("onset_date", "end_date"),
    ),
    EntryKind(
        "treatment",
        "Traitement",
        "Treatment",
        "traitements",
        singleton=False,
        fields=(
            _f("name", "Médicament ou traitement", "Medicine or treatment", required=True),
            _f("dosage", "Dosage et posologie", "Dose and schedule"),
            _f("start_date", "Début", "Start", FieldType.DATE, future_allowed=True),
            _f("end_date", "Fin", "End", FieldType.DATE, future_allowed=True),
            _f("ongoing", "En cours", "Ongoing", FieldType.BOOLEAN),
            _f("prescriber", "Prescrit par", "Prescribed by"),
            _notes(),
        ),
        summary_fields=("name", "dosage", "start_date"),
        date_fields=("start_date", "end_date"),
        finish=_finish_treatment,
    ),
    EntryKind(
        "allergy",
        "Allergie",
        "Allergy",
        "allergies",
        singleton=False,
        fields=(
            _f(
                "name",
                "Allergie à (médicament, aliment…)",
                "Allergic to (medicine, food…)",
                required=True,
            ),
            _f("reaction", "Réaction", "Reaction"),
            _f("severity", "Gravité", "Severity", FieldType.CHOICE, choices=_SEVERITY),
            _f("since", "Depuis", "Since", FieldType.DATE),
            _notes(),
        ),
        summary_fields=("name", "reaction", "severity"),
        date_fields=("since",),
    ),
    EntryKind(
        "hospitalisation",
        "Hospitalisation",
        "Hospital stay",
        "hospitalisations",
        singleton=False,
        fields=(
            _f("reason", "Motif", "Reason", required=True),
            _f("place", "Établissement", "Hospital"),
            _f("start_date", "Entrée", "Admission", FieldType.DATE, required=True),
            _f("end_date", "Sortie", "Discharge", FieldType.DATE),
            _notes(),
        ),
        summary_fields=("reason", "place", "start_date"),
        date_fields=("start_date", "end_date"),
        finish=_period("start_date", "end_date"),
    ),
    EntryKind(
        "disability",
        "Handicap",
        "Disability",
        "handicaps",
        singleton=False,
        fields=(
            _f("name", "Handicap", "Disability", required=True),
            _f("since", "Depuis", "Since", FieldType.DATE),
            _f("aids", "Aides et appareillages", "Aids and equipment", FieldType.LONG_TEXT),
            _notes(),
        ),
        summary_fields=("name", "since"),
        date_fields=("since",),
    ),
    EntryKind(
        "family_history",
        "Antécédent familial",
        "Family history",
        "antecedents_familiaux",
        singleton=False,
        fields=(
            _f("condition", "Maladie", "Illness", required=True),
            _f(
                "relationship",
                "Membre de la famille",
                "Family member",
                FieldType.CHOICE,
                required=True,
                choices=_RELATIONSHIPS,
            ),
            _f("age_at_onset", "Âge au début", "Age at onset", FieldType.INTEGER, minimum=0, maximum=130),
            _notes(),
        ),
        summary_fields=("condition", "relationship"),
    ),
    EntryKind(
        "vaccination",
        "Vaccination",
        "Vaccination",
        "vaccinations",
        singleton=False,
        fields=(
            _f("vaccine", "Vaccin", "Vaccine", required=True),
            _f("date", "Date", "Date", FieldType.DATE, required=True),
            _f("lot", "Numéro de lot", "Batch number"),
            _f(
                "dose",
                "Type d'injection",
                "Dose type",
                FieldType.CHOICE,
                choices=_choices(
                    (
                        "primo",
                        "Primo-vaccination",
                        "Primary",
                        ("primovaccination", "premiere dose", "primary"),
                    ),
                    ("rappel", "Rappel", "Booster", ("booster",)),
                ),
            ),
            _f("vaccinator", "Vacciné par", "Vaccinated by"),
            _notes(),
        ),
        summary_fields=("vaccine", "dose", "date"),
        date_fields=("date",),
    ),
    EntryKind(
        "blood_group",
        "Groupe sanguin",
        "Blood group",
        "groupe_sanguin",
        singleton=True,
        fields=(
            _f(
                "abo",
                "Groupe (A, B, AB, O)",
                "Group (A, B, AB, O)",
                FieldType.CHOICE,
                required=True,
                choices=_choices(("A", "A", "A"), ("B", "B", "B"), ("AB", "AB", "AB"), ("O", "O", "O", ("0",))),
            ),
            _f(
                "rh",
                "Rhésus",
                "Rhesus",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    ("positive", "Positif (+)", "Positive (+)", ("+", "positif", "rh+")),
                    ("negative", "Négatif (−)", "Negative (−)", ("-", "−", "negatif", "rh-")),
                ),
            ),
            _f("date", "Date de l'analyse", "Test date", FieldType.DATE),
        ),
        summary_fields=("abo", "rh"),
        date_fields=("date",),
    ),
    EntryKind(
        "lifestyle",
        "Habitudes de vie",
        "Lifestyle",
        "habitudes_de_vie",
        singleton=True,
        fields=(
            _f(
                "tobacco",
                "Tabac",
                "Tobacco",
                FieldType.CHOICE,
                choices=_choices(
                    ("never", "Jamais fumé", "Never smoked", ("jamais", "non-fumeur")),
                    ("former", "Ancien fumeur", "Former smoker", ("ancien",)),
                    ("current", "Fumeur", "Smoker", ("fumeur", "oui")),
                ),
            ),
            _f(
                "cigarettes_per_day",
                "Cigarettes par jour",
                "Cigarettes per day",
                FieldType.INTEGER,
                minimum=0,
                maximum=200,
            ),
            _f(
                "alcohol",
                "Alcool",
                "Alcohol",
                FieldType.CHOICE,
                choices=_choices(
                    ("none", "Jamais", "Never", ("jamais", "non")),
                    ("occasional", "Occasionnellement", "Occasionally", ("occasionnel",)),
                    ("regular", "Régulièrement", "Regularly", ("regulier",)),
                ),
            ),
            _f(
                "alcohol_units_per_week",
                "Verres d'alcool par semaine",
                "Drinks per week",
                FieldType.INTEGER,
                minimum=0,
                maximum=500,
            ),
            _f(
                "physical_activity",
                "Activité physique",
                "Physical activity",
                FieldType.CHOICE,
                choices=_choices(
                    ("none", "Aucune", "None", ("aucune",)),
                    ("low", "Faible", "Low"),
                    ("moderate", "Modérée", "Moderate"),
                    ("high", "Importante", "High", ("intense",)),
                ),
            ),
            _f(
                "sleep_hours",
                "Heures de sommeil par nuit",
                "Hours of sleep per night",
                FieldType.NUMBER,
                minimum=0,
                maximum=24,
            ),
            _notes(),
        ),
        summary_fields=("tobacco", "alcohol", "physical_activity", "sleep_hours"),
        finish=_finish_lifestyle,
    ),
    EntryKind(
        "measurement",
        "Mesure",
        "Measurement",
        "mesures",
        singleton=False,
        fields=(
            _f(
                "measure_type",
                "Type de mesure",
                "Measure type",
                FieldType.CHOICE,
                required=True,
                choices=tuple(Choice(m.id, m.label_fr, m.label_en) for m in MEASURES.values() if not m.computed),
            ),
            _f("value", "Valeur", "Value", FieldType.NUMBER),
            _f("systolic", "Systolique (1er chiffre)", "Systolic (first number)", FieldType.NUMBER),
            _f("diastolic", "Diastolique (2e chiffre)", "Diastolic (second number)", FieldType.NUMBER),
            _f("unit", "Unité", "Unit"),
            _f(
                "measured_at",
                "Date et heure de la mesure",
                "Date and time measured",
                FieldType.DATETIME,
                required=True,
            ),
            _f("original_value", "Valeur saisie", "Value as typed", FieldType.NUMBER),
            _f("original_systolic", "Systolique saisie", "Systolic as typed", FieldType.NUMBER),
            _f("original_diastolic", "Diastolique saisie", "Diastolic as typed", FieldType.NUMBER),
            _f("original_unit", "Unité saisie", "Unit as typed"),
            _notes(),
        ),
        summary_fields=("measure_type", "measured_at"),
        date_fields=("measured_at",),
        finish=_finish_measurement,
    ),
    EntryKind(
        "lab_result",
        "Résultat d'analyse",
        "Lab result",
        "resultats",
        singleton=False,
        fields=(
            _f("test", "Analyse", "Test", required=True),
            _f("loinc", "Code LOINC", "LOINC code"),
            _f("value", "Valeur", "Value", FieldType.NUMBER),
            _f("value_text", "Résultat en texte", "Result as text"),
            _f("unit", "Unité", "Unit"),
            _f("reference_range", "Valeurs de référence", "Reference range"),
            _f(
                "interpretation",
                "Interprétation",
                "Interpretation",
                FieldType.CHOICE,
                choices=_choices(
                    ("normal", "Normal", "Normal", ("n", "normale")),
                    ("high", "Élevé", "High", ("h", "haut", "elevee", "augmente")),
                    ("low", "Bas", "Low", ("l", "basse", "diminue")),
                    ("abnormal", "Anormal", "Abnormal", ("a", "anormale")),
                    ("critical", "Critique", "Critical", ("hh", "ll", "aa", "critique", "alerte")),
                ),
            ),
            _f("date", "Date de l'analyse", "Test date", FieldType.DATE, required=True),
            _f("laboratory", "Laboratoire", "Laboratory"),
            _notes(),
        ),
        summary_fields=("test", "value", "unit", "interpretation", "date"),
        date_fields=("date",),
        finish=_finish_lab_result,
    ),
    EntryKind(
        "emergency_contact",
        "Contact d'urgence",
        "Emergency contact",
        "entourage",
        singleton=False,
        fields=_contact_fields(phone_required=True),
        summary_fields=("name", "relationship", "phone"),
    ),
    EntryKind(
        "trusted_person",
        "Personne de confiance",
        "Trusted person",
        "entourage",
        singleton=True,
        fields=(
            *_contact_fields(phone_required=False),
            _f("designated_on", "Désignée le", "Designated on", FieldType.DATE),
        ),
        summary_fields=("name", "relationship", "phone"),
        date_fields=("designated_on",),
    ),
    EntryKind(
        "caregiver",
        "Proche aidant",
        "Caregiver",
        "entourage",
        singleton=False,
        fields=_contact_fields(phone_required=False),
        summary_fields=("name", "relationship", "phone"),
    ),
    EntryKind(
        "advance_directive",
        "Directives anticipées",
        "Advance directives",
        "directives_anticipees",
        singleton=False,
        fields=(
            _f("written_on", "Rédigées le", "Written on", FieldType.DATE),
            _f("summary", "Mes volontés en résumé", "My wishes in short", FieldType.LONG_TEXT),
            _f("kept_at", "Document conservé chez", "Document kept by"),
        ),
        summary_fields=("written_on", "kept_at"),
        date_fields=("written_on",),
        finish=_finish_advance_directive,
    ),
    EntryKind(
        "organ_donation",
        "Don d'organes",
        "Organ donation",
        "don_organes",
        singleton=True,
        fields=(
            _f(
                "position",
                "Ma position",
                "My position",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    (
                        "donor",
                        "Je souhaite donner mes organes",
                        "I wish to donate my organs",
                        ("donneur", "oui"),
                    ),
                    ("refuses", "Je refuse le don d'organes", "I refuse organ donation", ("refus", "non")),
                    ("undecided", "Je n'ai pas encore décidé", "I have not decided yet", ("indecis",)),
                ),
            ),
            _f("told_relatives", "Mes proches le savent", "My relatives know", FieldType.BOOLEAN),
            _f(
                "national_refusal_register",
                "Inscrit au registre national des refus",
                "Registered on the national refusal register",
                FieldType.BOOLEAN,
            ),
            _notes(),
        ),
        summary_fields=("position",),
    ),
    EntryKind(
        "not_concerned",
        "Non concerné",
        "Not concerned",
        None,
        singleton=False,
        fields=(
            _f(
                "section",
                "Rubrique",
                "Section",
                FieldType.CHOICE,
                required=True,
                choices=tuple(
                    Choice(s.id, s.label_fr, s.label_en) for s in SECTIONS.values() if s.can_be_not_concerned
                ),
            ),
        ),
        summary_fields=("section",),
    ),
)

ENTRY_KINDS: Final[Mapping[str, EntryKind]] = MappingProxyType({k.name: k for k in _KIND_LIST})


# ---------------------------------------------------------------------------- validation
def _kind(kind: str) -> EntryKind:
    found = ENTRY_KINDS.get(kind)
    if found is None:
        raise DossierValidationError.single(
            "kind",
            "unknown_kind",
            f"Type de saisie inconnu : « {kind} ».",
            f"Unknown entry kind: '{kind}'.",
        )
    return found


def _lower_first(sentence: str) -> str:
    """ "Le numéro…" -> "le numéro…" after a label and a colon (acronyms such as "RPPS" stay)."""
    if len(sentence) > 1 and sentence[0].isupper() and sentence[1].islower():
        return sentence[0].lower() + sentence[1:]
    return sentence


def _labelled(entry_kind: EntryKind, issue: FieldIssue) -> FieldIssue:
    """Start the message with the label the person sees on the form ("Sortie : la date de fin…")."""
    spec = entry_kind.field_spec(issue.field)
    if spec is None or issue.message_fr.startswith(spec.label_fr):
        return issue
    return FieldIssue(
        issue.field,
        issue.code,
        f"{spec.label_fr} : {_lower_first(issue.message_fr)}",
        f"{spec.label_en}: {issue.message_en}",
    )


def _issue_from_pydantic(entry_kind: EntryKind, error: Mapping[str, Any]) -> FieldIssue:
    name = str(error["loc"][0]) if error["loc"] else "kind"
    spec = entry_kind.field_spec(name)
    label_fr = spec.label_fr if spec else name
    label_en = spec.label_en if spec else name
    kind_of_error = error["type"]
    ctx = error.get("ctx") or {}
    if kind_of_error == "dossier_issue":
        return _labelled(entry_kind, FieldIssue(name, ctx["code"], ctx["fr"], ctx["en"]))
    if kind_of_error == "missing":
        return FieldIssue(name, "required", f"{label_fr} : ce champ est obligatoire.", f"{label_en}: required.")
    if kind_of_error == "extra_forbidden":
        known = ", ".join(s.name for s in entry_kind.fields)
        return FieldIssue(
            name,
            "unknown_field",
            f"Champ inconnu « {name} » pour « {entry_kind.label_fr} ». Champs possibles : {known}.",
            f"Unknown field '{name}' for '{entry_kind.label_en}'. Possible fields: {known}.",
        )
    if kind_of_error in ("finite_number", "float_parsing", "float_type", "int_parsing", "int_type"):
        return FieldIssue(name, "not_a_number", f"{label_fr} : saisissez un nombre.", f"{label_en}: enter a number.")
    if kind_of_error in ("bool_parsing", "bool_type"):
        return FieldIssue(name, "not_boolean", f"{label_fr} : répondez oui ou non.", f"{label_en}: answer yes or no.")
    return FieldIssue(
        name,
        "invalid",
        f"{label_fr} : valeur incorrecte, vérifiez-la.",
        f"{label_en}: invalid value, check it.",
    )


# Other spellings accepted on input for a field (FHIR and older scripts say "substance" for an allergy's name).
_FIELD_ALIASES: Final[Mapping[str, Mapping[str, str]]] = {"allergy": {"substance": "name"}}


def _prepare(kind: str, fields: Mapping[str, object]) -> dict[str, object]:
    """Drop empty values (an empty CLI `--field x=` means "not given") and keep the rest as typed."""
    aliases = _FIELD_ALIASES.get(kind, {})
    prepared: dict[str, object] = {}
    for name, value in fields.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        prepared[aliases.get(str(name), str(name))] = value
    return prepared


def validate_entry(kind: str, fields: Mapping[str, object], *, today: date, is_minor: bool = False) -> dict[str, Any]:
    """Validate and normalise an entry's fields; return a JSON-ready dict or raise naming every bad field."""
    entry_kind = _kind(kind)
    try:
        model = entry_kind.model.model_validate(_prepare(kind, fields), context={"today": today})
    except ValidationError as error:
        raise DossierValidationError(
            _issue_from_pydantic(entry_kind, e) for e in error.errors(include_url=False)
        ) from None
    data = model.model_dump(mode="json", exclude_none=True)
    if entry_kind.finish is not None:
        try:
            data = entry_kind.finish(data, Context(today=today, is_minor=is_minor))
        except DossierValidationError as error:
            raise DossierValidationError(_labelled(entry_kind, i) for i in error.issues) from None
    return data


# ------------------------------------------------------------------------------------ display, search
def _display(spec: FieldSpec | None, value: Any, lang: str) -> str:
    english = lang.startswith("en")
    if spec is None:
        return str(value)
    if spec.type is FieldType.CHOICE:
        return spec.choice_label(value, lang)
    if spec.type is FieldType.BOOLEAN:
        return ("yes" if value else "no") if english else ("oui" if value else "non")
    if spec.type is FieldType.DATE:
        return str(value) if english else PartialDate.parse(str(value)).french()
    if spec.type is FieldType.DATETIME:
        return _moment_text(str(value), english=english)
    if spec.type is FieldType.NUMBER and not english:
        return f"{value:g}".replace(".", ",")
    return str(value)


def _moment_text(value: str, *, english: bool) -> str:
    moment = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if english:
        return value.replace("T", " ")[:16]
    if isinstance(moment, datetime):
        return moment.strftime("%d/%m/%Y %H:%M")
    return moment.strftime("%d/%m/%Y")


def _measurement_summary(data: Mapping[str, Any], lang: str) -> str:
    english = lang.startswith("en")
    measure = MEASURES.get(str(data.get("measure_type")))
    if measure is None:
        return str(data.get("measure_type", "?"))
    unit_id = str(data.get("original_unit") or data.get("unit") or measure.canonical_unit.id)
    prefix = "original_" if data.get("original_unit") else ""
    numbers = [data.get(f"{prefix}{name}", data.get(name)) for name in measure.components]
    shown = "/".join(f"{n:g}" if isinstance(n, int | float) else "?" for n in numbers)
    label = measure.label_en if english else measure.label_fr
    when = _moment_text(str(data["measured_at"]), english=english) if data.get("measured_at") else ""
    if not english:
        shown = shown.replace(".", ",")
    separator = ": " if english else " : "
    return f"{label}{separator}{shown} {unit_id}" + (f" — {when}" if when else "")


def _lab_result_summary(data: Mapping[str, Any], lang: str) -> str:
    """ "HbA1c : 7,2 % (élevé) — 02/10/2026": the test leads, as a lab report reads."""
    english = lang.startswith("en")
    entry_kind = ENTRY_KINDS["lab_result"]
    if isinstance(data.get("value"), int | float):
        shown = _display(entry_kind.field_spec("value"), data["value"], lang)
    else:
        shown = str(data.get("value_text") or "?")
    if data.get("unit"):
        shown += f" {data['unit']}"
    if data.get("interpretation"):
        shown += f" ({_display(entry_kind.field_spec('interpretation'), data['interpretation'], lang).lower()})"
    if data.get("date"):
        shown += f" — {_display(entry_kind.field_spec('date'), data['date'], lang)}"
    return f"{data.get('test', '?')}{': ' if english else ' : '}{shown}"


def summarize_entry(kind: str, data: Mapping[str, Any], *, lang: str = "fr") -> str:
    """One line describing an entry, for lists ("Allergie : pénicilline · urticaire · Grave")."""
    entry_kind = _kind(kind)
    english = lang.startswith("en")
    if kind == "measurement":
        return _measurement_summary(data, lang)
    if kind == "lab_result":
        return _lab_result_summary(data, lang)
    parts = [
        _display(entry_kind.field_spec(name), data[name], lang)
        for name in entry_kind.summary_fields
        if data.get(name) not in (None, "")
    ]
    label = entry_kind.label_en if english else entry_kind.label_fr
    separator = ": " if english else " : "
    joiner = " " if kind == "blood_group" else " · "
    return label + (separator + joiner.join(parts) if parts else "")


def search_text(kind: str, data: Mapping[str, Any]) -> str:
    """Lowercase, accent-free text of an entry for search (fold queries with dossier.text.fold too)."""
    entry_kind = _kind(kind)
    words: list[str] = []
    for name, value in data.items():
        spec = entry_kind.field_spec(name)
        if isinstance(value, str) and spec is not None and spec.type is not FieldType.DATETIME:
            words.append(value)
            if spec.type is FieldType.CHOICE:
                words.extend(c.label_fr for c in spec.choices if c.id == value)
    if kind == "measurement" and (measure := MEASURES.get(str(data.get("measure_type")))) is not None:
        words.append(measure.label_fr)
    return fold(collapse_spaces(" ".join(words)))


def sort_date(kind: str, data: Mapping[str, Any]) -> str | None:
    """The ISO date (or date-time) used to order entries of a kind, or None when the entry has none."""
    for name in _kind(kind).date_fields:
        value = data.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def section_of(kind: str, data: Mapping[str, Any]) -> str | None:
    """The section an entry belongs to (for not_concerned, the section it declares empty)."""
    entry_kind = _kind(kind)
    if entry_kind.section is None:
        section = data.get("section")
        return section if isinstance(section, str) else None
    return entry_kind.section
