"""Reading FHIR R4 JSON safely: syntax, R4B structure and our own checks, naming where it breaks."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dossier.errors import DossierValidationError, FieldIssue

# Resource types whose absence from fhir.resources.R4B we tolerate: none today, the list documents the intent.
_MAX_ISSUES = 20


class FhirInputError(DossierValidationError):
    """The file is not usable FHIR R4 JSON; each issue's `field` is where it breaks (line/column or a FHIR path)."""


def _issue(where: str, code: str, fr: str, en: str) -> FieldIssue:
    return FieldIssue(where, code, fr, en)


def load_json(text: str | bytes, *, source: str = "") -> dict[str, Any]:
    """Parse JSON text into a resource dict; refuse syntax errors with their line and column."""
    prefix = f"{source}:" if source else ""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FhirInputError(
                [
                    _issue(
                        f"{prefix}octet {exc.start}",
                        "fhir_encoding",
                        "Le fichier n'est pas encodé en UTF-8 comme l'exige FHIR.",
                        "The file is not UTF-8 encoded as FHIR requires.",
                    )
                ]
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FhirInputError(
            [
                _issue(
                    f"{prefix}ligne {exc.lineno}, colonne {exc.colno}",
                    "fhir_json_syntax",
                    f"JSON invalide ({exc.msg}) : le fichier est abîmé ou n'est pas du FHIR JSON.",
                    f"Invalid JSON ({exc.msg}): the file is damaged or is not FHIR JSON.",
                )
            ]
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        raise FhirInputError(
            [
                _issue(
                    f"{prefix}resourceType",
                    "fhir_not_resource",
                    "Ce fichier JSON n'est pas une ressource FHIR (champ « resourceType » absent).",
                    "This JSON file is not a FHIR resource ('resourceType' is missing).",
                )
            ]
        )
    return data


def _loc_to_path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith("function-") or part in {"json-or-python[json=...,python=...]"}:
            continue
        else:
            out += f".{part}" if out else part
    return out


def _iter_resources(resource: Mapping[str, Any], path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Yield (path, resource) for the resource and every Bundle entry, recursively (nested Bundles included)."""
    yield path, resource
    if resource.get("resourceType") == "Bundle":
        entries = resource.get("entry") or []
        if isinstance(entries, list):
            for i, entry in enumerate(entries):
                if isinstance(entry, Mapping) and isinstance(entry.get("resource"), Mapping):
                    yield from _iter_resources(entry["resource"], f"{path}.entry[{i}].resource")


def _own_checks(resource: Mapping[str, Any], path: str) -> list[FieldIssue]:
    """Checks fhir.resources does not make: code values we rely on, and Bundle structure."""
    issues: list[FieldIssue] = []
    rtype = resource.get("resourceType")
    if (
        rtype == "Patient"
        and "gender" in resource
        and resource["gender"]
        not in {
            "male",
            "female",
            "other",
            "unknown",
        }
    ):
        issues.append(
            _issue(
                f"{path}.gender",
                "fhir_code",
                f"Code de sexe inconnu « {resource['gender']} » (attendu : male, female, other, unknown).",
                f"Unknown gender code '{resource['gender']}' (expected male, female, other, unknown).",
            )
        )
    if rtype == "Bundle":
        # The same fullUrl twice is only legal for different versions of a resource (R4 Bundle rule bdl-7).
        full_urls: dict[tuple[str, object], int] = {}
        for i, entry in enumerate(resource.get("entry") or []):
            if not isinstance(entry, Mapping):
                continue
            res = entry.get("resource")
            version = (res.get("meta") or {}).get("versionId") if isinstance(res, Mapping) else None
            url = (entry["fullUrl"], version) if isinstance(entry.get("fullUrl"), str) else None
            if url is not None:
                if url in full_urls:
                    issues.append(
                        _issue(
                            f"{path}.entry[{i}].fullUrl",
                            "fhir_duplicate_fullurl",
                            f"Même fullUrl que entry[{full_urls[url]}] : le lot est incohérent.",
                            f"Same fullUrl as entry[{full_urls[url]}]: the bundle is inconsistent.",
                        )
                    )
                full_urls.setdefault(url, i)
    return issues


def validate_resource(resource: Mapping[str, Any], *, source: str = "") -> None:
    """Validate a resource (or Bundle) with fhir.resources' R4B models and our own checks; raise FhirInputError."""
    from fhir.resources.R4B import get_fhir_model_class  # heavy import, only when validating
    from pydantic import ValidationError

    prefix = f"{source}:" if source else ""
    issues: list[FieldIssue] = []
    root = str(resource.get("resourceType", "?"))
    for path, res in _iter_resources(resource, root):
        issues.extend(
            FieldIssue(f"{prefix}{i.field}", i.code, i.message_fr, i.message_en) for i in _own_checks(res, path)
        )
    try:
        model = get_fhir_model_class(root)
    except KeyError:
        model = None
        issues.append(
            _issue(
                f"{prefix}resourceType",
                "fhir_unknown_type",
                f"Type de ressource FHIR inconnu « {root} ».",
                f"Unknown FHIR resource type '{root}'.",
            )
        )
    if model is not None:
        try:
            model.model_validate(dict(resource))
        except ValidationError as exc:
            for err in exc.errors()[:_MAX_ISSUES]:
                where = _loc_to_path(err.get("loc", ()))
                issues.append(
                    _issue(
                        f"{prefix}{root}.{where}" if where else f"{prefix}{root}",
                        "fhir_structure",
                        f"Contenu non conforme à FHIR R4 : {err.get('msg', '')}.",
                        f"Not valid FHIR R4: {err.get('msg', '')}.",
                    )
                )
        except KeyError as exc:  # a misspelled nested resourceType raises KeyError, not ValidationError
            issues.append(
                _issue(
                    f"{prefix}{root}",
                    "fhir_unknown_type",
                    f"Type de ressource FHIR inconnu {exc} dans le lot.",
                    f"Unknown FHIR resource type {exc} inside the bundle.",
                )
            )
    if issues:
        raise FhirInputError(issues)


def parse_fhir(text: str | bytes, *, source: str = "") -> dict[str, Any]:
    """Load and validate FHIR JSON or XML text; the returned dict is safe to map."""
    from dossier.fhir.xml_input import load_xml, looks_like_xml

    raw = text.encode() if isinstance(text, str) else text
    data = load_xml(raw, source=source) if looks_like_xml(raw) else load_json(text, source=source)
    validate_resource(data, source=source)
    return data
