"""The messagerie on the client: conversations, threads, replies through an offline outbox.

A reply is first written to the outbox, in the profile's encrypted settings, with an id made here; then sent. Offline,
it stays there and goes at the next ``flush_outbox`` (every command of the messagerie flushes first). The id makes
the send idempotent: a send cut after the service stored it and sent again returns the same message, never a copy.
A refusal the service gives (closed conversation, blocked, too long) takes the reply out of the outbox and is told to
the person, with the reply's text so that nothing they wrote is lost without their knowing.

Messages are not yet entities of the sync protocol: threads are read online (issue 20, later: pull pages).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import ServiceError, client, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import SyncHttp, SyncOffline
from dossier.messages import check_message_text

PAGE = 100


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


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    seq: int | None
    """The service's order; None while the reply waits in the outbox."""
    mine: bool
    sender_role: str
    text: str
    sent_at: datetime | None

    @property
    def pending(self) -> bool:
        return self.seq is None


@dataclass(frozen=True, slots=True)
class Queued:
    """A reply kept in the outbox (the service was unreachable): it goes at the next flush."""

    id: str
    conversation_id: str


@dataclass(frozen=True, slots=True)
class Refused:
    """A queued reply the service refused: out of the outbox, the person is told (their text with it)."""

    id: str
    conversation_id: str
    text: str
    error: ServiceError


@dataclass(frozen=True, slots=True)
class FlushReport:
    sent: list[Message]
    refused: list[Refused]
    waiting: int
    """Still in the outbox (the service was unreachable)."""


def _conversation(raw: dict[str, Any]) -> Conversation:
    return Conversation(
        id=str(raw["id"]),
        subject=str(raw["subject"]),
        professional_rpps=str(raw["professional_rpps"]),
        professional_name=str(raw["professional_name"]),
        patient_name=str(raw["patient_name"]),
        unread=int(raw["unread"]),
        closed=bool(raw["closed"]),
        archived=bool(raw["archived"]),
        last_seq=int(raw["last_seq"]),
        last_message_at=datetime.fromisoformat(str(raw["last_message_at"])),
    )


def _message(raw: dict[str, Any]) -> Message:
    return Message(
        id=str(raw["id"]),
        seq=int(raw["seq"]),
        mine=bool(raw["mine"]),
        sender_role=str(raw["sender_role"]),
        text=str(raw["text"]),
        sent_at=datetime.fromisoformat(str(raw["sent_at"])),
    )


# -- the outbox ------------------------------------------------------------------------------------------------------


def outbox(profile: UnlockedProfile) -> list[dict[str, str]]:
    """The replies waiting to be sent, oldest first ({id, conversation_id, text, queued_at})."""
    return list(profile.settings.get(SettingKey.MESSAGES_OUTBOX, []))


def _save_outbox(profile: UnlockedProfile, items: list[dict[str, str]]) -> None:
    profile.set_setting(SettingKey.MESSAGES_OUTBOX, items)


def _without(profile: UnlockedProfile, message_id: str) -> None:
    _save_outbox(profile, [item for item in outbox(profile) if item["id"] != message_id])


def _send_queued(profile: UnlockedProfile, item: dict[str, str]) -> Message:
    """Send one outbox item; on success or refusal it leaves the outbox, offline it stays (SyncOffline raised)."""
    try:
        body = {"id": item["id"], "text": item["text"]}
        with client(server_of(profile), profile=profile) as http:
            response = http.request("POST", f"/v1/conversations/{item['conversation_id']}/messages", json=body)
        sent = _message(response.json()["message"])
    except ServiceError:
        _without(profile, item["id"])
        raise
    _without(profile, item["id"])
    return sent


def flush_outbox(profile: UnlockedProfile) -> FlushReport:
    """Send what waits, oldest first; stops at the first sign the service is unreachable (the rest keeps)."""
    sent: list[Message] = []
    refused: list[Refused] = []
    items = outbox(profile)
    for index, item in enumerate(items):
        try:
            sent.append(_send_queued(profile, item))
        except SyncOffline:
            return FlushReport(sent, refused, len(items) - index)
        except ServiceError as exc:
            refused.append(Refused(item["id"], item["conversation_id"], item["text"], exc))
    return FlushReport(sent, refused, 0)


def reply(
    profile: UnlockedProfile, conversation_id: str, text: str, *, message_id: str | None = None
) -> Message | Queued:
    """Reply in a conversation: the sent message, or ``Queued`` when offline (sent by a later flush).

    An empty or over-long text raises DossierValidationError before anything is kept; a service refusal raises
    ServiceError (the reply is not kept)."""
    cleaned = check_message_text(text)
    uuid.UUID(conversation_id)
    item = {
        "id": message_id or str(uuid.uuid4()),
        "conversation_id": conversation_id,
        "text": cleaned,
        "queued_at": datetime.now(UTC).isoformat(),
    }
    _save_outbox(profile, [*outbox(profile), item])  # kept before the first byte leaves: a crash loses nothing
    try:
        return _send_queued(profile, item)
    except SyncOffline:
        return Queued(item["id"], conversation_id)


# -- reading -----------------------------------------------------------------------------------------------------------


def conversations(
    profile: UnlockedProfile, *, archived: bool = False, dossier_id: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Conversation], int]:
    """A page of conversations, latest activity first, and how many there are in all."""
    query = f"/v1/conversations?limit={limit}&offset={offset}&archived={str(archived).lower()}"
    if dossier_id is not None:
        query += f"&dossier_id={uuid.UUID(dossier_id)}"
    with client(server_of(profile), profile=profile) as http:
        page = http.request("GET", query).json()
    return [_conversation(c) for c in page["items"]], int(page["total"])


def _pages(http: SyncHttp, conversation_id: str) -> Iterator[dict[str, Any]]:
    after: int | None = 0
    while after is not None:
        page = http.request(
            "GET", f"/v1/conversations/{conversation_id}/messages?after_seq={after}&limit={PAGE}"
        ).json()
        yield page
        after = page["next_after_seq"]


def thread(profile: UnlockedProfile, conversation_id: str) -> tuple[Conversation, list[Message]]:
    """The whole conversation in the service's order, then this device's replies still waiting in the outbox."""
    uuid.UUID(conversation_id)
    messages: list[Message] = []
    conversation: Conversation | None = None
    with client(server_of(profile), profile=profile) as http:
        for page in _pages(http, conversation_id):
            conversation = _conversation(page["conversation"])
            messages.extend(_message(m) for m in page["items"])
    assert conversation is not None
    pending = [
        Message(item["id"], None, True, "patient", item["text"], None)
        for item in outbox(profile)
        if item["conversation_id"] == conversation_id
    ]
    return conversation, messages + pending


def mark_read(profile: UnlockedProfile, conversation_id: str, up_to_seq: int) -> Conversation:
    with client(server_of(profile), profile=profile) as http:
        raw = http.request("POST", f"/v1/conversations/{conversation_id}/read", json={"up_to_seq": up_to_seq}).json()
    return _conversation(raw)


def _patient_view(profile: UnlockedProfile, conversation_id: str, what: str) -> Conversation:
    uuid.UUID(conversation_id)
    with client(server_of(profile), profile=profile) as http:
        return _conversation(http.request("POST", f"/v1/conversations/{conversation_id}/{what}").json())


def close(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    """Close the conversation: nobody can reply any more."""
    return _patient_view(profile, conversation_id, "close")


def archive(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    return _patient_view(profile, conversation_id, "archive")


def delete(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    """Delete from this person's view (the professional keeps their correspondence)."""
    return _patient_view(profile, conversation_id, "delete")
