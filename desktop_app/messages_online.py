"""The messagerie online, for a dossier this computer does not hold (read nothing kept, write nothing queued): an
aidant or heir reading the conversations of the person they help, a professional writing to a patient who is not in
the day's copy (authorisation to read the dossier is not needed to write). Everything held here goes through the
dossier's sync instead (`desktop_app.messages`).

Sends are idempotent by ids made here: a send cut after the service stored it and sent again returns the same
message (the service's rule); offline, SyncOffline is raised and nothing is kept.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from desktop_app.message_types import (
    PROFESSIONAL,
    Attachment,
    AttachmentDamaged,
    Conversation,
    Message,
    attachment_of,
    moment,
)
from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of, service_error
from desktop_app.sync import message_files, uploads
from desktop_app.sync.http import ServiceRefused, SyncHttp

PAGE = 100


def conversation_of(raw: dict[str, Any]) -> Conversation:
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
        last_message_at=moment(raw["last_message_at"]),
        dossier_id=str(raw.get("dossier_id", "")),
        read_seq=int(raw.get("read_seq", 0)),
        other_read_seq=int(raw.get("other_read_seq", 0)),
    )


def message_of(raw: dict[str, Any]) -> Message:
    return Message(
        id=str(raw["id"]),
        seq=int(raw["seq"]),
        mine=bool(raw["mine"]),
        sender_role=str(raw["sender_role"]),
        text=str(raw["text"]),
        sent_at=moment(raw["sent_at"]),
        attachment=attachment_of(raw.get("attachment")),
    )


def _call(profile: UnlockedProfile, method: str, path: str, **kw: Any) -> Any:
    """One request of a screen action; a refusal becomes the ServiceError the screens say."""
    try:
        with client(server_of(profile), profile=profile) as http:
            return http.request(method, path, **kw)
    except ServiceRefused as exc:
        raise service_error(exc) from exc


def conversations(
    profile: UnlockedProfile, *, archived: bool = False, dossier_id: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Conversation], int]:
    """A page of the caller's conversations (of ``dossier_id`` when given), latest first, and the total."""
    query = f"/v1/conversations?limit={limit}&offset={offset}&archived={str(archived).lower()}"
    if dossier_id is not None:
        query += f"&dossier_id={uuid.UUID(dossier_id)}"
    page = _call(profile, "GET", query).json()
    return [conversation_of(c) for c in page["items"]], int(page["total"])


def _pages(http: SyncHttp, conversation_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    conversation: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    cursor: int | None = 0
    while cursor is not None:
        page = http.request("GET", f"/v1/conversations/{conversation_id}/messages?after_seq={cursor}&limit={PAGE}")
        body = page.json()
        conversation = body["conversation"]
        items.extend(body["items"])
        cursor = body["next_after_seq"]
    return conversation, items


def thread(
    profile: UnlockedProfile, conversation_id: str, *, mark_as_read: bool = False
) -> tuple[Conversation, list[Message]]:
    """The whole conversation in the service's order; ``mark_as_read``: what was unread is marked read."""
    uuid.UUID(conversation_id)
    try:
        with client(server_of(profile), profile=profile) as http:
            conversation, items = _pages(http, conversation_id)
            if mark_as_read and int(conversation["unread"]) > 0 and items:
                path = f"/v1/conversations/{conversation_id}/read"
                conversation = http.request("POST", path, json={"up_to_seq": int(items[-1]["seq"])}).json()
    except ServiceRefused as exc:
        raise service_error(exc) from exc
    return conversation_of(conversation), [message_of(m) for m in items]


def reply(
    profile: UnlockedProfile,
    conversation_id: str,
    text: str,
    *,
    attachment: tuple[bytes, str] | None = None,
    message_id: str | None = None,
) -> Message:
    """Send a reply now (its attachment uploaded first); ``text`` and the attachment are checked by the caller."""
    body: dict[str, Any] = {"id": message_id or str(uuid.uuid4()), "text": text}
    try:
        with client(server_of(profile), profile=profile) as http:
            if attachment is not None:
                content, filename = attachment
                body["attachment_id"] = attachment_id = str(uuid.uuid4())
                message_files.send(uploads.OneOff(http), conversation_id, attachment_id, filename, content)
            raw = http.request("POST", f"/v1/conversations/{conversation_id}/messages", json=body).json()
    except ServiceRefused as exc:
        raise service_error(exc) from exc
    return message_of(raw["message"])


def start(
    profile: UnlockedProfile,
    dossier_id: str,
    subject: str,
    text: str,
    *,
    conversation_id: str,
    message_id: str,
    attachment: tuple[bytes, str] | None = None,
) -> Message:
    """A professional's new conversation, sent now (idempotent by both ids), its document uploaded first if any."""
    first: dict[str, Any] = {"id": message_id, "text": text}
    body = {"id": conversation_id, "dossier_id": dossier_id, "subject": subject, "message": first}
    try:
        with client(server_of(profile), profile=profile) as http:
            if attachment is not None:
                first["attachment_id"] = attachment_id = str(uuid.uuid4())
                content, filename = attachment
                sender = uploads.OneOff(http)
                message_files.send(sender, conversation_id, attachment_id, filename, content, new_in=dossier_id)
            raw = http.request("POST", "/v1/pro/conversations", json=body).json()
    except ServiceRefused as exc:
        raise service_error(exc) from exc
    message = message_of(raw["message"])
    return Message(message.id, message.seq, True, PROFESSIONAL, message.text, message.sent_at)


def download(profile: UnlockedProfile, conversation_id: str, attachment: Attachment) -> bytes:
    """An attachment's bytes, in memory only (never a file in clear), checked against its SHA-256."""
    uuid.UUID(conversation_id)
    uuid.UUID(attachment.id)
    content: bytes = _call(profile, "GET", f"/v1/conversations/{conversation_id}/attachments/{attachment.id}").content
    if hashlib.sha256(content).hexdigest() != attachment.sha256:
        raise AttachmentDamaged()
    return content
