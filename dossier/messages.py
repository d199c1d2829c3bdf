"""Rules of the messagerie that both ends check: what a message's text and its attachment may be."""

from __future__ import annotations

from dossier.documents import DETECT_HEAD_SIZE, DocumentFormat, detect_format
from dossier.errors import DossierValidationError

MESSAGE_MAX_CHARS = 5000
"""Product decision: a message is at most 5,000 characters (about two pages); longer content goes as a document."""
SUBJECT_MAX_CHARS = 200


def check_message_text(text: str, *, field: str = "text") -> str:
    """The text to store (ends trimmed), or DossierValidationError: empty, or longer than MESSAGE_MAX_CHARS."""
    cleaned = text.strip()
    if not cleaned:
        raise DossierValidationError.single(
            field, "message_empty", "Le message est vide : écrivez quelque chose.", "The message is empty."
        )
    if len(cleaned) > MESSAGE_MAX_CHARS:
        raise DossierValidationError.single(
            field,
            "message_too_long",
            f"Le message est trop long : {len(cleaned)} caractères pour {MESSAGE_MAX_CHARS} au plus. "
            "Raccourcissez-le ou envoyez un document.",
            f"The message is too long: {len(cleaned)} characters, at most {MESSAGE_MAX_CHARS}. "
            "Shorten it or send a document.",
        )
    return cleaned


def check_subject(subject: str) -> str:
    cleaned = " ".join(subject.split())
    if not cleaned:
        raise DossierValidationError.single(
            "subject", "subject_empty", "Donnez un objet à la conversation.", "Give the conversation a subject."
        )
    if len(cleaned) > SUBJECT_MAX_CHARS:
        raise DossierValidationError.single(
            "subject",
            "subject_too_long",
            f"L'objet est trop long ({SUBJECT_MAX_CHARS} caractères au plus).",
            f"The subject is too long (at most {SUBJECT_MAX_CHARS} characters).",
        )
    return cleaned


ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
"""Product decision: an attachment is at most 5 Mo (a scanned letter, a results PDF); larger files go to Documents."""
ATTACHMENT_NAME_MAX_CHARS = 200


def check_attachment(content: bytes, filename: str) -> tuple[DocumentFormat, str]:
    """The format found in the content and the cleaned file name, or DossierValidationError: empty, over
    ATTACHMENT_MAX_BYTES, a format Documents does not accept (detected from the bytes, never the name)."""
    if not content:
        raise DossierValidationError.single(
            "attachment", "attachment_empty", "La pièce jointe est vide.", "The attachment is empty."
        )
    if len(content) > ATTACHMENT_MAX_BYTES:
        mib = ATTACHMENT_MAX_BYTES // (1024 * 1024)
        raise DossierValidationError.single(
            "attachment",
            "attachment_too_large",
            f"La pièce jointe dépasse {mib} Mo : envoyez un fichier plus petit (ou compressez-le). "
            "Votre message n'a pas été envoyé.",
            f"The attachment is over {mib} MB: send a smaller (or compressed) file. Your message was not sent.",
        )
    found = detect_format(content[:DETECT_HEAD_SIZE])
    name = " ".join(filename.replace("/", " ").replace("\\", " ").split())[:ATTACHMENT_NAME_MAX_CHARS]
    return found, name or f"piece-jointe.{found.value}"
