"""HL7 CDA R2 documents (French CI-SIS volumes) → Carnet: safe parsing, header, narrative, embedded files, entries.

Pure: bytes in, plain data out. `read_cda` parses and reads everything before anything is written, so a broken or
hostile file raises CdaInputError (a DossierValidationError) and nothing reaches a dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

from dossier.cda.body import Attachment, attachments, narrative_index
from dossier.cda.header import CATEGORY_BY_LOINC, INS_OIDS, CdaHeader, Code, Patient, read_header
from dossier.cda.narrative import render_html
from dossier.cda.parse import DEFAULT_MAX_BYTES, SNIFF_SIZE, CdaInputError, looks_like_cda, parse_cda, too_large
from dossier.cda.templates import LABELS, CdaEntry, extract_entries


@dataclass(frozen=True, slots=True)
class CdaDocument:
    """A parsed CDA document: its header, embedded files and mapped entries."""

    root: Element
    header: CdaHeader
    attachments: tuple[Attachment, ...]
    entries: tuple[CdaEntry, ...]

    @property
    def structured(self) -> bool:
        return any(True for _ in self.root.iterfind("{urn:hl7-org:v3}component/{urn:hl7-org:v3}structuredBody"))

    def html(self, lang: str = "fr") -> str:
        return render_html(self.root, self.header, lang=lang)


def read_cda(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CdaDocument:
    """Parse and read a whole CDA document, or raise CdaInputError before anything is stored."""
    root = parse_cda(data, max_bytes=max_bytes)
    header = read_header(root)
    return CdaDocument(
        root=root,
        header=header,
        attachments=tuple(attachments(root)),
        entries=tuple(extract_entries(root, header, narrative_index(root))),
    )


def cda_html(data: bytes, *, lang: str = "fr", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The readable HTML of a CDA document (header and narrative), for a viewer."""
    root = parse_cda(data, max_bytes=max_bytes)
    return render_html(root, read_header(root), lang=lang)


__all__ = [
    "CATEGORY_BY_LOINC",
    "DEFAULT_MAX_BYTES",
    "INS_OIDS",
    "LABELS",
    "SNIFF_SIZE",
    "Attachment",
    "CdaDocument",
    "CdaEntry",
    "CdaHeader",
    "CdaInputError",
    "Code",
    "Patient",
    "cda_html",
    "looks_like_cda",
    "parse_cda",
    "read_cda",
    "too_large",
]
