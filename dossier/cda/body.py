"""A CDA document's body: embedded files (level 1 `nonXMLBody`, `observationMedia`) and the id → narrative index."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Final
from xml.etree.ElementTree import Element

from dossier.cda.header import find, findall, text
from dossier.cda.parse import HL7, CdaInputError

# Media Carnet can store as a document (dossier.documents.DocumentFormat), by the media type the CDA declares.
ACCEPTED_MEDIA: Final = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/tiff": "tif",
    "text/plain": "txt",
    "text/rtf": "rtf",
    "application/rtf": "rtf",
}


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file embedded in the document, decoded."""

    media_type: str
    content: bytes
    where: str  # "nonXMLBody" or the section title holding the observationMedia

    @property
    def extension(self) -> str:
        return ACCEPTED_MEDIA.get(self.media_type, "bin")


def _decode(el: Element, where: str) -> bytes:
    raw = el.text or ""
    if (el.get("representation") or "TXT").upper() != "B64":
        return raw.encode("utf-8")
    try:
        return base64.b64decode("".join(raw.split()), validate=True)
    except (binascii.Error, ValueError):
        raise CdaInputError.single(
            where,
            "cda_base64",
            "Document joint illisible : son contenu base64 est abîmé. Rien n'a été enregistré.",
            "Unreadable embedded document: its base64 content is damaged. Nothing was stored.",
        ) from None


def attachments(root: Element) -> list[Attachment]:
    """Every embedded file of an accepted media type: the level 1 body first, then observationMedia in order."""
    found: list[Attachment] = []
    body = find(root, "component/nonXMLBody/text")
    if body is not None and (body.get("mediaType") or "") in ACCEPTED_MEDIA:
        found.append(Attachment(str(body.get("mediaType")), _decode(body, "nonXMLBody/text"), "nonXMLBody"))
    for section in root.iter(f"{{{HL7}}}section"):
        title = text(find(section, "title")) or "section"
        for media in findall(section, "entry/observationMedia"):
            value = find(media, "value")
            if value is not None and (value.get("mediaType") or "") in ACCEPTED_MEDIA:
                found.append(
                    Attachment(str(value.get("mediaType")), _decode(value, f"{title}/observationMedia"), title)
                )
    return found


def narrative_index(root: Element) -> dict[str, str]:
    """Text of every narrative element with an ID, to resolve `<reference value="#id"/>` of entries."""
    out: dict[str, str] = {}
    for el in root.iter():
        ident = el.get("ID")
        if ident:
            out[ident] = " ".join("".join(el.itertext()).split())
    return out
