"""What the messagerie shows, whether read from the dossier's synced copy (`desktop_app.messages`) or online for a
dossier this computer does not hold (`desktop_app.messages_online`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.errors import CarnetError

PATIENT, PROFESSIONAL = "patient", "professional"


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str
    filename: str
    format: str
    mime_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    subject: str
    professional_rpps: str
    professional_name: str
    patient_name: str
    unread: int
    closed: bool
    archived: bool
    last_seq: int
    last_message_at: datetime
    dossier_id: str = ""
    read_seq: int = 0
    """This side's read mark (shared by every device of the person)."""
    other_read_seq: int = 0
    """The other side's read mark: my messages up to it have been seen."""
    kept: bool = False
    """Not yet on the service (started here, waiting in the outbox) or read from this computer's copy."""
    deleted: bool = False
    """Deleted from the patient's view (the professional keeps their correspondence)."""


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    seq: int | None
    """The service's order; None while the message waits in the outbox."""
    mine: bool
    sender_role: str
    text: str
    sent_at: datetime | None
    attachment: Attachment | None = None

    @property
    def pending(self) -> bool:
        return self.seq is None

    def seen_in(self, conversation: Conversation) -> bool:
        """One of my messages the other side has read."""
        return self.mine and self.seq is not None and self.seq <= conversation.other_read_seq


@dataclass(frozen=True, slots=True)
class Queued:
    """A message (or a start) written into the dossier's outbox: the background sync sends it, once."""

    id: str
    conversation_id: str


class AttachmentDamaged(CarnetError):
    message_fr = "La pièce jointe reçue ne correspond pas à celle envoyée : rien n'a été enregistré. Réessayez."
    message_en = "The attachment received does not match the one sent: nothing was saved. Try again."


def attachment_of(raw: dict[str, Any] | None) -> Attachment | None:
    if not raw:
        return None
    return Attachment(
        id=str(raw["id"]),
        filename=str(raw["filename"]),
        format=str(raw["format"]),
        mime_type=str(raw["mime_type"]),
        size=int(raw["size"]),
        sha256=str(raw["sha256"]),
    )


def moment(value: object) -> datetime:
    return datetime.fromisoformat(str(value))
