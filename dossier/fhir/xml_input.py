"""FHIR XML → the same dict as FHIR JSON, read safely (defusedxml: no entities, no DTD, no network).

Which elements repeat and which primitives are numbers or booleans comes from the R4B models of fhir.resources, so
a single <identifier> still becomes a list and <value value="7.2"/> a number, as in JSON. A CDA document (root
ClinicalDocument) is refused with a pointer to `import cda`.
"""

from __future__ import annotations

import decimal
import types
import typing
from typing import Any
from xml.etree.ElementTree import Element, tostring

from dossier.errors import FieldIssue
from dossier.fhir.parse import FhirInputError

FHIR_NS = "{http://hl7.org/fhir}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
MAX_XML_BYTES = 50 * 1024 * 1024


def _refuse(where: str, code: str, fr: str, en: str) -> FhirInputError:
    return FhirInputError([FieldIssue(where, code, fr, en)])


def looks_like_xml(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def load_xml(raw: bytes, *, source: str = "") -> dict[str, Any]:
    """Parse FHIR XML into a resource dict (validated afterwards like JSON)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    prefix = f"{source}:" if source else ""
    if len(raw) > MAX_XML_BYTES:
        raise _refuse(prefix, "fhir_too_large", "Fichier XML trop volumineux.", "XML file too large.")
    try:
        root = fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise _refuse(
            prefix,
            "xml_forbidden",
            "XML refusé : il déclare des entités ou une DTD (risque de sécurité).",
            "XML refused: it declares entities or a DTD (a security risk).",
        ) from None
    except Exception as exc:  # ParseError and expat errors
        raise _refuse(
            prefix,
            "xml_syntax",
            f"XML invalide ({exc}) : le fichier est abîmé ou n'est pas du FHIR XML.",
            f"Invalid XML ({exc}): the file is damaged or is not FHIR XML.",
        ) from None
    if root.tag.endswith("ClinicalDocument"):
        raise _refuse(
            prefix,
            "fhir_is_cda",
            "Ce fichier est un document CDA (ClinicalDocument), pas du FHIR : utilisez « carnet-cli import cda ».",
            "This is a CDA document (ClinicalDocument), not FHIR: use `carnet-cli import cda`.",
        )
    if not root.tag.startswith(FHIR_NS):
        raise _refuse(
            prefix,
            "fhir_not_resource",
            "Ce fichier XML n'est pas une ressource FHIR (espace de noms http://hl7.org/fhir attendu).",
            "This XML file is not a FHIR resource (namespace http://hl7.org/fhir expected).",
        )
    return _resource(root, prefix)


def _resource(elem: Element, where: str) -> dict[str, Any]:
    from fhir.resources.R4B import get_fhir_model_class

    rtype = elem.tag[len(FHIR_NS) :]
    try:
        model = get_fhir_model_class(rtype)
    except KeyError:
        raise _refuse(
            f"{where}{rtype}",
            "fhir_unknown_type",
            f"Type de ressource FHIR inconnu « {rtype} ».",
            f"Unknown FHIR resource type '{rtype}'.",
        ) from None
    return {"resourceType": rtype, **_element(elem, model, f"{where}{rtype}")}


def _field(model: Any, name: str) -> tuple[bool, Any]:
    """(repeats, inner type) of an element of a model: a model class, "resource", "xhtml" or a Python type."""
    info = model.model_fields.get(name)
    if info is None:
        return False, None
    inner = info.annotation
    if typing.get_origin(inner) in (typing.Union, types.UnionType):  # Optional[X] / X | None
        inner = next(a for a in typing.get_args(inner) if a is not type(None))
    repeats = typing.get_origin(inner) in (list, typing.List)  # noqa: UP006
    if repeats:
        inner = typing.get_args(inner)[0]
    if typing.get_origin(inner) is typing.Annotated:
        base, *marks = typing.get_args(inner)
        return repeats, "xhtml" if any(type(m).__name__ == "Xhtml" for m in marks) else base
    if getattr(inner, "__name__", "") == "ResourceType":
        return repeats, "resource"
    klass = getattr(inner, "get_model_klass", None)
    return repeats, klass() if klass is not None else inner


def _primitive(value: str, kind: Any) -> Any:
    if kind is bool:
        return value == "true"
    if kind is int:
        return int(value)
    if kind is decimal.Decimal or kind is float:
        number = decimal.Decimal(value)
        return int(number) if number == number.to_integral_value() and "." not in value else float(number)
    return value


def _element(elem: Element, model: Any, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if elem.get("id") is not None:
        out["id"] = elem.get("id")
    if elem.get("url") is not None:  # Extension.url is an attribute
        out["url"] = elem.get("url")
    for child in elem:
        if not isinstance(child.tag, str) or (not child.tag.startswith(FHIR_NS) and not child.tag.startswith(XHTML_NS)):
            continue
        name = child.tag.split("}", 1)[1]
        path = f"{where}.{name}"
        repeats, kind = _field(model, name)
        if kind is None:
            raise _refuse(
                path, "fhir_structure", f"Élément FHIR inconnu « {name} ».", f"Unknown FHIR element '{name}'."
            )
        if kind == "xhtml":
            value: Any = tostring(child, encoding="unicode")
        elif kind == "resource":
            inner = next(iter(child), None)
            if inner is None:
                raise _refuse(path, "fhir_structure", "Ressource vide.", "Empty resource.")
            value = _resource(inner, f"{path}.")
        elif isinstance(kind, type) and hasattr(kind, "model_fields"):
            value = _element(child, kind, path)
        else:
            raw = child.get("value")
            extra = _element(child, _extension_holder(), path) if len(child) or child.get("id") else {}
            if extra:
                key = f"_{name}"
                if repeats:
                    out.setdefault(key, []).append(extra)
                else:
                    out[key] = extra
            if raw is None:
                continue
            try:
                value = _primitive(raw, kind)
            except (ValueError, decimal.InvalidOperation):
                raise _refuse(
                    path, "fhir_structure", f"Valeur illisible « {raw} ».", f"Unreadable value '{raw}'."
                ) from None
        if repeats:
            out.setdefault(name, []).append(value)
        else:
            out[name] = value
    return out


def _extension_holder() -> Any:
    from fhir.resources.R4B import get_fhir_model_class

    return get_fhir_model_class("Element")
