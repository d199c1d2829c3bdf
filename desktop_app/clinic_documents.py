"""A patient's document opened at the clinic workstation: its bytes, in memory, from the service or this PC's copy.

Online, the body is fetched from the service (`GET /v1/sync/blobs/{dossier}/{sha256}`: the service checks at that
moment that this professional may still read it) into memory. Offline (or while the service is unreachable), it is
read from the encrypted copy the day's preparation kept, if it kept it whole. Either way the bytes are proved
against the record's SHA-256 and never written to a file: the viewer renders them from memory.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy.exc import NoResultFound

from desktop_app.dossier_store import DocumentInfo, DossierStore
from desktop_app.errors import CarnetError
from desktop_app.sync.http import SyncCancelled, SyncHttp, SyncOffline

NOT_YET_UPLOADED = 404  # the record reached the service, its bytes not yet (they are still on the author's device)


class DocumentNotOffline(CarnetError):
    """Offline, and this workstation kept no whole copy of the document's content."""

    exit_code = 6
    message_fr = (
        "Ce document n'est pas disponible hors ligne sur ce poste : son contenu n'a pas été gardé lors de la "
        "préparation de la journée. Il s'ouvrira dès que le poste sera de nouveau connecté au service."
    )
    message_en = (
        "This document is not available offline on this workstation: its content was not kept when the day was "
        "prepared. It will open as soon as the workstation is connected to the service again."
    )


class DocumentNotYetOnService(CarnetError):
    """The service has the document's record but not its bytes yet, and this workstation has no copy either."""

    exit_code = 6
    message_fr = (
        "Le contenu de ce document n'est pas encore arrivé sur le service (il est encore sur l'appareil de son "
        "auteur). Réessayez plus tard."
    )
    message_en = (
        "This document's content has not reached the service yet (it is still on its author's device). Try again later."
    )


class DocumentDamaged(CarnetError):
    """The bytes received do not match the record's fingerprint: never shown."""

    exit_code = 5
    message_fr = "Le contenu reçu pour ce document est abîmé ; il n'est pas affiché. Réessayez."
    message_en = "The content received for this document is damaged; it is not shown. Try again."


@dataclass(frozen=True, slots=True)
class OpenedDocument:
    """A document's record and its bytes, and where they came from: `online`, the service; else this PC's copy,
    the service being out of reach or (`reached`) reached but without the document's bytes yet."""

    info: DocumentInfo
    content: bytes
    online: bool
    reached: bool = True

    def __repr__(self) -> str:  # the bytes are health data: never in a log or a traceback
        return f"OpenedDocument(id={self.info.id!r}, size={len(self.content)}, online={self.online})"


def _proved(info: DocumentInfo, content: bytes) -> bool:
    return len(content) == info.size and hashlib.sha256(content).hexdigest() == info.sha256


def local_copy(store: DossierStore, info: DocumentInfo) -> bytes | None:
    """The document's bytes from this PC's encrypted copy, when it holds them whole (else None)."""
    try:
        content = store.documents.read(info.id)
    except NoResultFound:  # a chunk missing (never fetched, or a download cut midway): no whole copy
        return None
    return content if _proved(info, content) else None


def from_service(http: SyncHttp, dossier_id: str, info: DocumentInfo) -> bytes | None:
    """The document's bytes from the service, in memory; None when the service does not have them yet.

    Raises SyncOffline when the service cannot be reached, ServiceRefused when it refuses (masked since, access
    withdrawn), DocumentDamaged when what arrived is not the document."""
    response = http.request("GET", f"/v1/sync/blobs/{dossier_id}/{info.sha256}", accept=frozenset({NOT_YET_UPLOADED}))
    if response.status_code == NOT_YET_UPLOADED:
        return None
    content = response.content
    if not _proved(info, content):
        raise DocumentDamaged()
    return content


def open_document(http: SyncHttp, store: DossierStore, document_id: str) -> OpenedDocument:
    """A document of an open dossier (`store`: this PC's copy), for the in-app viewer: from the service online,
    else from this PC's copy.

    A refusal of the service (ServiceRefused: masked since, access withdrawn) is final: the copy of this PC is not
    shown instead."""
    info = store.documents.get(document_id)
    try:
        content = from_service(http, store.dossier_id, info)
    except (SyncOffline, SyncCancelled):
        content = None
        online = False
    else:
        online = True
        if content is not None:
            return OpenedDocument(info, content, online=True)
    kept = local_copy(store, info)
    if kept is not None:
        return OpenedDocument(info, kept, online=False, reached=online)
    raise DocumentNotYetOnService() if online else DocumentNotOffline()
