"""Field types of dossier entries: what a form shows, how a typed value is coerced and checked, and `EntryKind`,
the pydantic model built from a kind's field specs so forms and validation never disagree."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
)
from pydantic_core import PydanticCustomError

from dossier.dates import PartialDate, not_in_future, parse_moment
from dossier.errors import DossierValidationError, as_pydantic_error
from dossier.identifiers import normalize_nir
from dossier.text import collapse_spaces, fold, strip_separators

SHORT_TEXT_MAX: Final = 200
LONG_TEXT_MAX: Final = 5000


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


def _any_moment(value: object, info: ValidationInfo) -> str:
    """A date or date-time that may lie in the future (an appointment)."""
    if not isinstance(value, str | date):
        raise _issue("invalid_date", "Saisissez une date.", "Enter a date.")
    try:
        return parse_moment(value, field=info.field_name or "date").isoformat()
    except DossierValidationError as error:
        raise as_pydantic_error(error) from None


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
        case FieldType.DATETIME if spec.future_allowed:
            base = Annotated[str, BeforeValidator(_any_moment)]
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
