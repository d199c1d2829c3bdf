"""Reading an HL7 CDA R2 document safely: defusedxml (no DTD, no entity, no network), a size limit, the root check.

Everything here is pure: bytes in, an ElementTree out, or a CdaInputError (a DossierValidationError, so the CLI exits
4) naming what is wrong in French and English.
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from dossier.errors import DossierValidationError, FieldIssue

HL7: Final = "urn:hl7-org:v3"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
NS: Final = {"h": HL7, "xsi": XSI}
# A DMP document with its embedded PDF is a few MB; 50 MB leaves room for scans and refuses absurd files early.
DEFAULT_MAX_BYTES: Final = 50 * 1024 * 1024
# Real documents nest a few dozen levels; far deeper nesting is an attack on the recursive readers that follow.
MAX_DEPTH: Final = 200
# How much of a file looks_like_cda reads: the root element comes after at most a prolog and comments.
SNIFF_SIZE: Final = 4096

_ROOT_RE: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?ClinicalDocument[\s>/]")
_NS_RE: Final = re.compile(rb"urn:hl7-org:v3")


class CdaInputError(DossierValidationError):
    """The file is not a usable CDA R2 document (broken, hostile, too large or another kind of XML)."""


def _error(code: str, fr: str, en: str, *, where: str = "fichier") -> CdaInputError:
    return CdaInputError([FieldIssue(where, code, fr, en)])


def looks_like_cda(head: bytes) -> bool:
    """True when the first bytes of a file (pass SNIFF_SIZE of them) open an HL7 CDA ClinicalDocument.

    Cheap and without parsing: `import fhir` and `document add` use it to route a file before reading it whole.
    """
    start = head[:SNIFF_SIZE].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"<"):
        return False
    return bool(_ROOT_RE.search(start)) and bool(_NS_RE.search(start))


def too_large(size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> CdaInputError:
    mb = max_bytes // (1024 * 1024)
    return _error(
        "cda_too_large",
        f"Document CDA trop volumineux ({size // (1024 * 1024)} Mo) : {mb} Mo au maximum. Rien n'a été enregistré.",
        f"CDA document too large ({size // (1024 * 1024)} MB): {mb} MB at most. Nothing was stored.",
    )


def _too_deep(root: Element) -> bool:
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in el)
    return False


def parse_cda(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Element:
    """The ClinicalDocument root element of `data`, or CdaInputError.

    Refused: anything over `max_bytes`; any DTD (so no entity expansion — billion laughs — and no external entity,
    file:// or http://); malformed XML; nesting deeper than MAX_DEPTH; a root that is not an HL7 v3 ClinicalDocument.
    """
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    try:
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise _error(
            "cda_forbidden_xml",
            "Document refusé : il déclare une DTD ou des entités XML (construction dangereuse, jamais présente "
            "dans un document CDA du DMP). Rien n'a été enregistré.",
            "Document refused: it declares a DTD or XML entities (a dangerous construct never found in a CDA "
            "document). Nothing was stored.",
        ) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise _error(
            "cda_xml_syntax",
            "XML invalide : le fichier est abîmé ou n'est pas un document CDA. Rien n'a été enregistré.",
            "Invalid XML: the file is damaged or is not a CDA document. Nothing was stored.",
            where=f"ligne {line}, colonne {column}",
        ) from None
    if _too_deep(root):
        raise _error(
            "cda_too_deep",
            f"Document refusé : ses éléments sont imbriqués sur plus de {MAX_DEPTH} niveaux (construction anormale). "
            "Rien n'a été enregistré.",
            f"Document refused: its elements are nested more than {MAX_DEPTH} levels deep (an abnormal construct). "
            "Nothing was stored.",
        )
    if root.tag != f"{{{HL7}}}ClinicalDocument":
        raise _error(
            "cda_not_clinical_document",
            "Ce fichier XML n'est pas un document CDA R2 (élément racine ClinicalDocument de l'espace "
            "urn:hl7-org:v3 attendu).",
            "This XML file is not a CDA R2 document (a ClinicalDocument root in the urn:hl7-org:v3 namespace is "
            "expected).",
        )
    return root
