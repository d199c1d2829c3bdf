"""Document categories, authors, confidentiality, format detection from content, and metadata checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.documents import (
    DETECT_HEAD_SIZE,
    DOCUMENT_CATEGORIES,
    AuthorKind,
    Confidentiality,
    DocumentFormat,
    detect_format,
    validate_document_metadata,
)
from dossier.errors import DossierValidationError

TODAY = date(2025, 6, 15)


def test_categories_are_the_national_list() -> None:
    assert list(DOCUMENT_CATEGORIES) == [
        "synthese", "ordonnance", "imagerie", "biologie", "compte_rendu", "prevention", "certificat",
        "administratif", "directives_anticipees", "autre",
    ]  # fmt: skip
    assert DOCUMENT_CATEGORIES["synthese"].label_fr == "Ma santé en résumé"
    assert DOCUMENT_CATEGORIES["imagerie"].label_fr == "Radio/écho/scanner/IRM"
    assert all(c.label_en for c in DOCUMENT_CATEGORIES.values())


def test_formats_have_mime_types() -> None:
    assert {f.value: f.mime_type for f in DocumentFormat} == {
        "pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png", "tiff": "image/tiff",
        "txt": "text/plain", "rtf": "application/rtf",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", DocumentFormat.PDF),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", DocumentFormat.JPEG),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", DocumentFormat.PNG),
        (b"II*\x00\x08\x00\x00\x00", DocumentFormat.TIFF),
        (b"MM\x00*\x00\x00\x00\x08", DocumentFormat.TIFF),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", DocumentFormat.RTF),
        ("Compte rendu de consultation\nTension : 12/8, état général conservé.\n".encode(), DocumentFormat.TXT),
        ("Ordonnance : prendre 1 comprimé à midi\r\n".encode("latin-1"), DocumentFormat.TXT),
        (b"\xef\xbb\xbfTexte avec BOM", DocumentFormat.TXT),
    ],
)
def test_detect_format_from_magic_bytes(head: bytes, expected: DocumentFormat) -> None:
    assert detect_format(head) is expected


def test_detect_format_tolerates_a_character_cut_at_the_end_of_the_head() -> None:
    text = ("é" * DETECT_HEAD_SIZE).encode()  # 2 bytes per character
    assert detect_format(text[: DETECT_HEAD_SIZE - 1]) is DocumentFormat.TXT


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"PK\x03\x04\x14\x00\x06\x00",  # a .docx or .zip
        b"\x7fELF\x02\x01\x01\x00",  # a program
        b"MZ\x90\x00\x03\x00",  # a Windows program
        b"GIF89a\x01\x00",  # an image format we do not accept
        b"Texte\x00avec un NUL",
        b"\x1b[31mcouleurs de terminal\x1b[0m",
    ],
)
def test_unsupported_content_is_refused_listing_accepted_formats(head: bytes) -> None:
    with pytest.raises(DossierValidationError) as error:
        detect_format(head)
    issue = error.value.issues[0]
    assert (issue.field, issue.code) == ("file", "unsupported_format")
    assert "PDF" in issue.message_fr and "JPEG" in issue.message_fr and "accepté" in issue.message_fr


def test_renamed_file_is_judged_by_its_content(corpus_dir: Path, tmp_path: Path) -> None:
    """A real PDF saved as "photo.jpg" is still a PDF; a PNG saved as "compte-rendu.pdf" is a PNG."""
    pdf_bytes = (corpus_dir / "fhir/r4-examples/pdf-extracted/Binary-example__1.pdf").read_bytes()
    renamed = tmp_path / "photo.jpg"
    renamed.write_bytes(pdf_bytes)
    assert detect_format(renamed.read_bytes()[:DETECT_HEAD_SIZE]) is DocumentFormat.PDF
    fake_pdf = tmp_path / "compte-rendu.pdf"
    fake_pdf.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert detect_format(fake_pdf.read_bytes()) is DocumentFormat.PNG


def test_valid_metadata_is_normalised() -> None:
    data = validate_document_metadata(
        title="  Compte rendu   IRM genou ",
        category="imagerie",
        document_date="14/05/2025",
        author_kind="professional",
        confidentiality={"masked_from_professionals": True},
        today=TODAY,
    )
    assert data == {
        "title": "Compte rendu IRM genou",
        "category": "imagerie",
        "document_date": "2025-05-14",
        "author_kind": "professional",
        "confidentiality": {
            "masked_from_professionals": True,
            "hidden_from_legal_representatives": False,
            "hidden_from_patient_until": None,
        },
    }


def test_metadata_accepts_typed_objects_and_no_date() -> None:
    confidentiality = Confidentiality(hidden_from_patient_until=date(2025, 7, 15))
    data = validate_document_metadata(
        title="Résultats", category="biologie", document_date=None, author_kind=AuthorKind.INSURER,
        confidentiality=confidentiality, today=TODAY,
    )  # fmt: skip
    assert data["document_date"] is None
    assert data["confidentiality"]["hidden_from_patient_until"] == "2025-07-15"


def test_bad_metadata_names_every_field() -> None:
    with pytest.raises(DossierValidationError) as error:
        validate_document_metadata(
            title="x" * 201, category="radio", document_date="2026", author_kind="employer",
            confidentiality={"masked": True}, today=TODAY,
        )  # fmt: skip
    assert [(i.field, i.code) for i in error.value.issues] == [
        ("title", "too_long"),
        ("category", "unknown_category"),
        ("document_date", "future_date"),
        ("author_kind", "unknown_author"),
        ("confidentiality", "invalid"),
    ]
    assert "Radio/écho/scanner/IRM" in error.value.issues[1].message_fr


@pytest.mark.parametrize("title", ["", "   "])
def test_title_required(title: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        validate_document_metadata(
            title=title, category="autre", document_date="2025", author_kind="patient", confidentiality=None,
            today=TODAY,
        )  # fmt: skip
    assert [(i.field, i.code) for i in error.value.issues] == [("title", "required")]
