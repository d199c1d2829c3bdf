"""Documents of a dossier: categories, authors, confidentiality, accepted formats and metadata validation."""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from pydantic import BaseModel, ConfigDict

from dossier.dates import PartialDate, not_in_future
from dossier.errors import DossierValidationError, FieldIssue
from dossier.text import collapse_spaces

TITLE_MAX: Final = 200


@dataclass(frozen=True, slots=True)
class Category:
    """A document category as Mon espace santé shows it."""

    id: str
    label_fr: str
    label_en: str


DOCUMENT_CATEGORIES: Final[Mapping[str, Category]] = MappingProxyType(
    {
        c.id: c
        for c in (
            Category("synthese", "Ma santé en résumé", "My health summary"),
            Category("ordonnance", "Ordonnances et soins", "Prescriptions and care"),
            Category("imagerie", "Radio/écho/scanner/IRM", "X-ray/ultrasound/CT/MRI"),
            Category("biologie", "Résultats de biologie", "Laboratory results"),
            Category("compte_rendu", "Comptes rendus", "Reports"),
            Category("prevention", "Prévention et dépistages", "Prevention and screening"),
            Category("certificat", "Certificats médicaux", "Medical certificates"),
            Category("administratif", "Pièces administratives", "Administrative documents"),
            Category("directives_anticipees", "Directives anticipées", "Advance directives"),
            Category("autre", "Autres", "Other"),
        )
    }
)


class AuthorKind(StrEnum):
    """Who added a document: it decides whether the patient may edit it or only mask it."""

    PATIENT = "patient"
    PROFESSIONAL = "professional"
    INSURER = "insurer"
    SERVICE = "service"


class Confidentiality(BaseModel):
    """Who must not see a document (masking is reversible)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    masked_from_professionals: bool = False
    hidden_from_legal_representatives: bool = False
    hidden_from_patient_until: date | None = None


class DocumentFormat(StrEnum):
    """Formats Carnet stores and shows; detected from the content, never from the file name."""

    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    TIFF = "tiff"
    TXT = "txt"
    RTF = "rtf"

    @property
    def mime_type(self) -> str:
        return _MIME[self]

    @property
    def label_fr(self) -> str:
        return _LABEL_FR[self]


_MIME: Final = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.JPEG: "image/jpeg",
    DocumentFormat.PNG: "image/png",
    DocumentFormat.TIFF: "image/tiff",
    DocumentFormat.TXT: "text/plain",
    DocumentFormat.RTF: "application/rtf",
}
_LABEL_FR: Final = {
    DocumentFormat.PDF: "PDF",
    DocumentFormat.JPEG: "image JPEG",
    DocumentFormat.PNG: "image PNG",
    DocumentFormat.TIFF: "image TIFF",
    DocumentFormat.TXT: "texte",
    DocumentFormat.RTF: "texte RTF",
}
_MAGIC: Final = (
    (b"%PDF-", DocumentFormat.PDF),
    (b"\xff\xd8\xff", DocumentFormat.JPEG),
    (b"\x89PNG\r\n\x1a\n", DocumentFormat.PNG),
    (b"II*\x00", DocumentFormat.TIFF),
    (b"MM\x00*", DocumentFormat.TIFF),
    (b"{\\rtf", DocumentFormat.RTF),
)
# How much of a file detect_format looks at: callers pass at least this many bytes of longer files.
DETECT_HEAD_SIZE: Final = 8192
_TEXT_CONTROL_CHARS: Final = "\t\n\r\x0c"
_TEXT_CONTROLS_ALLOWED: Final = frozenset(_TEXT_CONTROL_CHARS.encode())


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    body = head.removeprefix(b"\xef\xbb\xbf")
    try:
        # final=False: the head may cut a multi-byte character in two at its very end.
        text = codecs.getincrementaldecoder("utf-8")().decode(body, final=False)
    except UnicodeDecodeError:
        # latin-1 decodes any byte: accept it only when no C0/C1 control character shows up
        return all((b >= 0x20 and not 0x7F <= b < 0xA0) or b in _TEXT_CONTROLS_ALLOWED for b in body)
    return all(ch.isprintable() or ch in _TEXT_CONTROL_CHARS for ch in text)


def detect_format(head: bytes) -> DocumentFormat:
    """The document format from the first bytes of its content (pass the first DETECT_HEAD_SIZE bytes)."""
    for magic, found in _MAGIC:
        if head.startswith(magic):
            return found
    if _looks_like_text(head[:DETECT_HEAD_SIZE]):
        return DocumentFormat.TXT
    accepted = ", ".join(f.label_fr for f in DocumentFormat)
    raise DossierValidationError.single(
        "file",
        "unsupported_format",
        f"Ce type de fichier n'est pas accepté. Formats acceptés : {accepted}. "
        "Enregistrez ou numérisez le document dans l'un de ces formats.",
        "This type of file is not accepted. Accepted formats: "
        f"{', '.join(f.value.upper() for f in DocumentFormat)}. "
        "Save or scan the document in one of these formats.",
    )


def validate_document_metadata(
    *,
    title: str,
    category: str,
    document_date: str | date | PartialDate | None,
    author_kind: str | AuthorKind,
    confidentiality: Confidentiality | Mapping[str, Any] | None,
    today: date,
) -> dict[str, Any]:
    """Check a document's metadata; return it JSON-ready, or raise naming every bad field."""
    issues: list[FieldIssue] = []
    clean_title = collapse_spaces(title or "")
    if not clean_title:
        issues.append(FieldIssue("title", "required", "Donnez un titre au document.", "Give the document a title."))
    elif len(clean_title) > TITLE_MAX:
        issues.append(
            FieldIssue(
                "title",
                "too_long",
                f"Le titre est trop long ({len(clean_title)} caractères) : {TITLE_MAX} au maximum.",
                f"The title is too long ({len(clean_title)} characters): {TITLE_MAX} at most.",
            )
        )
    if category not in DOCUMENT_CATEGORIES:
        names = ", ".join(c.label_fr for c in DOCUMENT_CATEGORIES.values())
        issues.append(
            FieldIssue(
                "category",
                "unknown_category",
                f"Catégorie inconnue : « {category} ». Choisissez parmi : {names}.",
                f"Unknown category: '{category}'.",
            )
        )
    iso_date: str | None = None
    if document_date is not None and document_date != "":
        try:
            parsed = PartialDate.parse(document_date, field="document_date")
            not_in_future(parsed, today=today, field="document_date")
            iso_date = parsed.isoformat()
        except DossierValidationError as error:
            issues.extend(error.issues)
    try:
        author = AuthorKind(author_kind)
    except ValueError:
        issues.append(
            FieldIssue(
                "author_kind",
                "unknown_author",
                "Auteur inconnu : choisissez patient, professionnel, Assurance Maladie ou service.",
                "Unknown author: choose patient, professional, insurer or service.",
            )
        )
    conf: Confidentiality | None = None
    try:
        conf = (
            confidentiality
            if isinstance(confidentiality, Confidentiality)
            else Confidentiality.model_validate(dict(confidentiality or {}))
        )
    except ValueError:
        issues.append(
            FieldIssue(
                "confidentiality",
                "invalid",
                "Les réglages de confidentialité sont incorrects.",
                "The confidentiality settings are invalid.",
            )
        )
    if issues:
        raise DossierValidationError(issues)
    assert conf is not None
    return {
        "title": clean_title,
        "category": category,
        "document_date": iso_date,
        "author_kind": author.value,
        "confidentiality": conf.model_dump(mode="json"),
    }
