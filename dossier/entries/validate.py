"""Validation of an entry's fields: pydantic errors become `FieldIssue`s in French and English, led by the label
the person sees on the form; then the kind's cross-field rule runs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from pydantic import ValidationError

from dossier.entries.catalogue import find_kind
from dossier.entries.fields import Context, EntryKind
from dossier.entries.source import split_reserved, validate_reserved
from dossier.errors import DossierValidationError, FieldIssue


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
    entry_kind = find_kind(kind)
    fields, reserved = split_reserved(fields)  # codes and provenance: not form fields (dossier.entries.source)
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
    if reserved:
        data.update(validate_reserved(reserved))
    return data
