"""The messagerie on the clinic workstation (plain Python, no Qt): the professional's conversations with a patient,
a thread, a new conversation, replies.

It is the patient side's engine (``desktop_app.messages``) run on the professional's profile. For a patient in the
day's copy (the dossier held on this PC under its lease), the conversations come with the copy's ordinary pull and
everything written — a new conversation (its id and its first message's made here), a reply, a read mark — is a row
of that dossier's sync outbox: offline works, and the background sync sends it (not only while this screen is open),
once. The copy, messages included, is crypto-shredded when the lease ends. For a patient not in the copy (writing
does not need the authorisation to read the dossier), the service is asked online, nothing kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app import messages
from desktop_app.message_types import Conversation, Message, Queued
from desktop_app.profile import UnlockedProfile

ROLE = "professional"

__all__ = ["Conversation", "FlushReport", "Message", "Queued", "conversations", "reply", "start", "thread"]


@dataclass(frozen=True, slots=True)
class FlushReport:
    """What still waits in the outbox for the conversations shown (the background sync sends it)."""

    waiting: int
    refused: list[object] = field(default_factory=list)
    """Refusals are told by the clinic's list of changes and the sync inbox (the outbox rows' fates)."""


def _waiting(found: list[Conversation], threads: dict[str, list[Message]]) -> int:
    return sum(1 for c in found for m in threads.get(c.id, []) if m.pending)


def conversations(
    profile: UnlockedProfile, *, dossier_id: str | None = None, limit: int = 200
) -> tuple[list[Conversation], FlushReport]:
    """The professional's conversations, latest first (only the patient ``dossier_id``'s when given), with how many
    of their messages wait to be sent. From the day's copy when the patient is in it; otherwise online (SyncOffline
    when the service cannot be reached)."""
    found, _total = messages.conversations(profile, dossier_id=dossier_id, limit=limit)
    held = dossier_id is None or dossier_id in profile.dossier_ids()
    if not held:
        return found, FlushReport(0)
    threads = {c.id: messages.thread(profile, c.id)[1] for c in found}
    return found, FlushReport(_waiting(found, threads))


def thread(profile: UnlockedProfile, conversation: Conversation) -> tuple[Conversation, list[Message]]:
    """The conversation's messages (what is new marked read), then those waiting in the outbox."""
    return messages.thread(profile, conversation.id, mark_as_read=True)


def start(
    profile: UnlockedProfile,
    dossier_id: str,
    subject: str,
    text: str,
    *,
    patient_name: str = "",
    conversation_id: str | None = None,
    message_id: str | None = None,
    attachment: tuple[bytes, str] | None = None,
) -> tuple[str, Message | Queued]:
    """« Nouveau message au patient »: a conversation with the patient ``dossier_id`` and its first message; the
    conversation's id and what became of the message (``Queued`` in the day's copy, else sent now).

    With ``attachment`` (its bytes, its file name), the first message carries that document (uploaded resumably
    first, as a reply's). An empty or too long subject or text, a document over the limit or in a format Documents
    refuses raise DossierValidationError before anything is kept; a refusal of the service for a patient outside the
    copy raises ServiceError (inside it, the sync tells it)."""
    return messages.start(
        profile,
        dossier_id,
        subject,
        text,
        patient_name=patient_name,
        conversation_id=conversation_id,
        message_id=message_id,
        attachment=attachment,
    )


def reply(
    profile: UnlockedProfile,
    conversation_id: str,
    text: str,
    *,
    attachment: tuple[bytes, str] | None = None,
    message_id: str | None = None,
) -> Message | Queued:
    """A reply in one of the professional's conversations, with a document if given: see ``messages.reply``."""
    return messages.reply(profile, conversation_id, text, attachment=attachment, message_id=message_id)
