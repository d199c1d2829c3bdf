"""The messagerie on the clinic workstation (plain Python, no Qt): the professional's conversations, a thread, a
new conversation with the opened patient, replies.

It is the patient side's engine (``desktop_app.messages``) run on the professional's own encrypted profile: the same
outbox (in that profile's encrypted settings, every item with an id made here, so a send cut and sent again never
makes a copy), the same kept threads — kept in the patient's dossier when it is held for the day (the day's offline
copy, erased with it at the end of the day), nowhere otherwise. What is specific here: a new conversation is an
outbox item too (``messages.START``: the conversation's id and its first message's, made here), so a professional
offline can still write to a patient of the day; it goes at the next contact.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from desktop_app import messages
from desktop_app.messages import Conversation, FlushReport, Message, Queued, RateLimited
from desktop_app.profile import UnlockedProfile
from desktop_app.sync.http import SyncOffline
from dossier.messages import check_message_text, check_subject

ROLE = "professional"

__all__ = [
    "Conversation",
    "FlushReport",
    "Message",
    "Queued",
    "RateLimited",
    "conversations",
    "flush",
    "reply",
    "start",
    "thread",
]


def _waiting_starts(profile: UnlockedProfile) -> list[dict[str, Any]]:
    return [item for item in messages.outbox(profile) if item.get("kind") == messages.START]


def _waiting(item: dict[str, Any], name: str) -> Conversation:
    """A conversation started here and not yet on the service (it waits in the outbox)."""
    return Conversation(
        id=str(item["conversation_id"]),
        subject=str(item["subject"]),
        professional_rpps="",
        professional_name="",
        patient_name=str(item.get("patient_name") or name),
        unread=0,
        closed=False,
        archived=False,
        last_seq=0,
        last_message_at=datetime.fromisoformat(str(item["queued_at"])),
        dossier_id=str(item["dossier_id"]),
        kept=True,
    )


def flush(profile: UnlockedProfile) -> FlushReport:
    """Send what waits in the outbox (new conversations, replies, read receipts), oldest first."""
    return messages.flush_outbox(profile)


def conversations(
    profile: UnlockedProfile, *, dossier_id: str | None = None, limit: int = 200
) -> tuple[list[Conversation], FlushReport]:
    """The professional's conversations, latest first (only the patient ``dossier_id``'s when given), after sending
    what waits; with the flush's report (``waiting``: what is still in the outbox). Offline: those kept on this
    PC (the day's patients) and the conversations started here not yet sent — SyncOffline when there are none."""
    report = flush(profile)
    try:
        found, _total = messages.conversations(profile, limit=limit)
    except SyncOffline:
        found = []
        if not _waiting_starts(profile):
            raise
    known = {c.id for c in found}
    found += [_waiting(item, "") for item in _waiting_starts(profile) if item["conversation_id"] not in known]
    if dossier_id is not None:
        found = [c for c in found if c.dossier_id == dossier_id]
    found.sort(key=lambda c: c.last_message_at, reverse=True)
    return found, report


def thread(profile: UnlockedProfile, conversation: Conversation) -> tuple[Conversation, list[Message]]:
    """The conversation's messages (what is new marked read), then those waiting in the outbox; offline, the copy
    kept with the patient's dossier of the day."""
    waiting = [item for item in _waiting_starts(profile) if item["conversation_id"] == conversation.id]
    if waiting:  # not on the service yet: only what waits here
        pending = [
            Message(item["id"], None, True, ROLE, item["text"], None)
            for item in messages.outbox(profile)
            if item["conversation_id"] == conversation.id
        ]
        return _waiting(waiting[0], conversation.patient_name), pending
    return messages.thread(
        profile, conversation.id, mark_as_read=True, dossier_id=conversation.dossier_id or None, role=ROLE
    )


def start(
    profile: UnlockedProfile,
    dossier_id: str,
    subject: str,
    text: str,
    *,
    patient_name: str = "",
    conversation_id: str | None = None,
    message_id: str | None = None,
) -> tuple[str, Message | Queued | RateLimited]:
    """« Nouveau message au patient »: a conversation with the patient ``dossier_id`` and its first message; the
    conversation's id and what became of the message (sent, ``Queued`` offline, ``RateLimited``).

    An empty or too long subject or text raises DossierValidationError before anything is kept; a refusal of the
    service (the patient blocked this professional…) raises ServiceError, nothing kept."""
    cleaned_subject = check_subject(subject)
    cleaned = check_message_text(text)
    conv = conversation_id or str(uuid.uuid4())
    item: dict[str, Any] = {
        "kind": messages.START,
        "id": message_id or str(uuid.uuid4()),
        "conversation_id": conv,
        "dossier_id": str(uuid.UUID(dossier_id)),
        "subject": cleaned_subject,
        "patient_name": patient_name,
        "text": cleaned,
        "queued_at": datetime.now(UTC).isoformat(),
    }
    return conv, messages.submit(profile, item)


def reply(
    profile: UnlockedProfile,
    conversation_id: str,
    text: str,
    *,
    attachment: tuple[bytes, str] | None = None,
    message_id: str | None = None,
) -> Message | Queued | RateLimited:
    """A reply in one of the professional's conversations, with a document if given (its bytes, its file name; kept
    in the professional's encrypted profile while it waits): see ``messages.reply``. A reply to a conversation
    started offline waits behind its start in the outbox."""
    if any(item["conversation_id"] == conversation_id for item in _waiting_starts(profile)):
        flush(profile)  # its start first, if the service is reachable
    return messages.reply(profile, conversation_id, text, attachment=attachment, message_id=message_id)
