"""The messagerie on the client: conversations, threads read page by page from a cursor, replies and read receipts
through an offline outbox, attachments sent and saved into Documents.

A reply is first written to the outbox, in the profile's encrypted settings, with an id made here (the bytes of its
attachment, if any, in the own dossier's encrypted database beside the kept threads); then sent. Offline, it stays
there and goes at the next ``flush_outbox`` (every command of the messagerie flushes first). The id makes the send
idempotent: a send cut after the service stored it and sent again returns the same message, never a copy. A refusal
the service gives (closed conversation, blocked, too long) takes the reply out of the outbox and is told to the
person, with the reply's text so that nothing they wrote is lost without their knowing. Past the service's
per-minute allowance the reply stays in the outbox (``RateLimited`` says when to retry).

Threads are kept in the person's own dossier database (SQLCipher, rows of its ``sync_meta``: crypto-shredded with the
dossier when the device loses it) with the last sequence received: a later read asks only for what follows it
(``after_seq``), in pages — one request when nothing is new; offline, the kept thread is shown. Read receipts are
outbox items too: marked read here at once, sent when the service is reachable; the read mark is the service's, so
every device of the person converges on it at its next read. When the service says this device was removed from the
account, the kept threads are erased.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx
import sqlalchemy as sa

from desktop_app.dossier_store import DocumentInfo
from desktop_app.errors import CarnetError
from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import ServiceError, client, server_of, service_error
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.context import get_meta, set_meta
from desktop_app.sync.http import DeviceRevoked, ServiceRefused, SyncHttp, SyncOffline
from desktop_app.sync.tables import sync_meta
from dossier.messages import check_attachment, check_message_text

PAGE = 100
_READ = "read"
START = "start"
"""The kind of an outbox item that starts a conversation (a professional's first message, see clinic_messages)."""


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
    """Read from this device's kept copy: the service was unreachable (it may have newer messages)."""


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    seq: int | None
    """The service's order; None while the reply waits in the outbox."""
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
    """A reply kept in the outbox (the service was unreachable): it goes at the next flush."""

    id: str
    conversation_id: str


@dataclass(frozen=True, slots=True)
class RateLimited:
    """A reply kept in the outbox because too many were sent within a minute: it goes at a flush after `seconds`."""

    id: str
    conversation_id: str
    seconds: int
    message_fr: str
    message_en: str

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang.startswith("en") else self.message_fr


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
    """Replies still in the outbox (the service was unreachable, or the sending limit was reached)."""
    rate_limited: RateLimited | None = None


class AttachmentDamaged(CarnetError):
    message_fr = "La pièce jointe reçue ne correspond pas à celle envoyée : rien n'a été enregistré. Réessayez."
    message_en = "The attachment received does not match the one sent: nothing was saved. Try again."


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
        dossier_id=str(raw.get("dossier_id", "")),
        read_seq=int(raw.get("read_seq", 0)),
        other_read_seq=int(raw.get("other_read_seq", 0)),
    )


def _attachment(raw: dict[str, Any] | None) -> Attachment | None:
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


def _message(raw: dict[str, Any]) -> Message:
    return Message(
        id=str(raw["id"]),
        seq=int(raw["seq"]),
        mine=bool(raw["mine"]),
        sender_role=str(raw["sender_role"]),
        text=str(raw["text"]),
        sent_at=datetime.fromisoformat(str(raw["sent_at"])),
        attachment=_attachment(raw.get("attachment")),
    )


# -- the kept threads --------------------------------------------------------------------------------------------------


class _Kept:
    """The kept threads, in the own dossier's encrypted database: per conversation its state (``messages:c:<id>``)
    and its messages with their cursor (``messages:m:<id>``), and the bytes of attachments waiting in the outbox
    (``messages:a:<id>``). Each read touches its own rows only.

    A profile without a dossier of its own (a clinic workstation's) keeps a conversation's thread in the patient's
    dossier when it is held on this PC (the day's copy, ``dossier_id``), erased with it; otherwise nothing is kept."""

    CONV, THREAD, FILE = "messages:c:", "messages:m:", "messages:a:"

    def __init__(self, profile: UnlockedProfile, dossier_id: str | None = None) -> None:
        own = profile.settings.get(SettingKey.OWN_DOSSIER_ID)
        where = str(own) if own else dossier_id
        self.store = profile.dossier(where) if where and where in profile.dossier_ids() else None

    @classmethod
    def every(cls, profile: UnlockedProfile) -> list[_Kept]:
        """Where this profile keeps threads: its own dossier, or (a clinic) each dossier held for the day."""
        if profile.settings.get(SettingKey.OWN_DOSSIER_ID):
            return [cls(profile)]
        return [cls(profile, dossier_id) for dossier_id in profile.dossier_ids()]

    def get(self, key: str) -> Any:
        if self.store is None:
            return None
        with self.store.reading() as conn:
            found = get_meta(conn, key)
        return json.loads(found) if found is not None else None

    def put(self, **rows: Any) -> None:
        """Write rows (``key=value``; None deletes) in one transaction."""
        if self.store is None:
            return
        with self.store.transaction() as conn:
            for key, value in rows.items():
                set_meta(conn, key, None if value is None else json.dumps(value, ensure_ascii=False))

    def conversations(self) -> list[dict[str, Any]]:
        if self.store is None:
            return []
        with self.store.reading() as conn:
            rows = conn.execute(sa.select(sync_meta.c.value).where(sync_meta.c.key.startswith(self.CONV)))
            return [json.loads(value) for (value,) in rows]

    def drop_all(self) -> None:
        if self.store is None:
            return
        with self.store.transaction() as conn:
            conn.execute(sa.delete(sync_meta).where(sync_meta.c.key.startswith("messages:")))


def forget(profile: UnlockedProfile, conversation_id: str | None = None) -> None:
    """Erase the kept copy of one thread (no longer in the person's view), or of all (this device was removed)."""
    for kept in _Kept.every(profile):
        if conversation_id is None:
            kept.drop_all()
        else:
            kept.put(**{_Kept.CONV + conversation_id: None, _Kept.THREAD + conversation_id: None})


def _keep_conversations(profile: UnlockedProfile, raws: list[dict[str, Any]]) -> None:
    """The latest state of conversations seen (read marks, last sequence) over those of kept threads."""
    by_dossier: dict[str, list[dict[str, Any]]] = {}
    for raw in raws:
        by_dossier.setdefault(str(raw.get("dossier_id", "")), []).append(raw)
    for dossier_id, group in by_dossier.items():
        kept = _Kept(profile, dossier_id)
        changed = {}
        for raw in group:
            key = _Kept.CONV + str(raw["id"])
            before = kept.get(key)
            if before is not None and before != raw:
                changed[key] = raw
        if changed:
            kept.put(**changed)


# -- the outbox ------------------------------------------------------------------------------------------------------


def _queue(profile: UnlockedProfile) -> list[dict[str, Any]]:
    return list(profile.settings.get(SettingKey.MESSAGES_OUTBOX, []))


def outbox(profile: UnlockedProfile) -> list[dict[str, Any]]:
    """The replies waiting to be sent, oldest first ({id, conversation_id, text, queued_at[, attachment]})."""
    return [item for item in _queue(profile) if item.get("kind") != _READ]


def _save_outbox(profile: UnlockedProfile, items: list[dict[str, Any]]) -> None:
    profile.set_setting(SettingKey.MESSAGES_OUTBOX, items)


def _without(profile: UnlockedProfile, item_id: str) -> None:
    """Take an item out of the outbox, and the bytes of its attachment with it."""
    items = _queue(profile)
    for item in items:
        if item["id"] == item_id and item.get("attachment"):
            _Kept(profile).put(**{_Kept.FILE + item["attachment"]["id"]: None})
    _save_outbox(profile, [item for item in items if item["id"] != item_id])


def _rate_limited(item: dict[str, Any], response: httpx.Response) -> RateLimited:
    body = response.json()
    seconds = int(response.headers.get("retry-after", "60"))
    return RateLimited(
        item["id"],
        item["conversation_id"],
        seconds,
        f"{body['detail']} Votre réponse est gardée : elle partira à la prochaine actualisation.",
        f"{body['detail_en']} Your reply is kept: it is sent at the next refresh.",
    )


def _send_item(
    profile: UnlockedProfile, http: SyncHttp, item: dict[str, Any], content: bytes | None = None
) -> Message | RateLimited | Conversation:
    """Send one outbox item on ``http`` (a read receipt; a reply, its attachment first); sent or refused
    (ServiceError), it leaves the outbox; offline (SyncOffline) or limited, it stays. ``content``: the attachment's
    bytes when the caller has them (else those kept with the item)."""
    conv = item["conversation_id"]
    outcome: Message | RateLimited | Conversation
    try:
        if item.get("kind") == _READ:
            raw = http.request("POST", f"/v1/conversations/{conv}/read", json={"up_to_seq": item["up_to_seq"]}).json()
            _keep_conversations(profile, [raw])
            outcome = _conversation(raw)
        elif item.get("kind") == START:  # idempotent by both ids: a resend returns the same conversation
            start = {
                "id": conv,
                "dossier_id": item["dossier_id"],
                "subject": item["subject"],
                "message": {"id": item["id"], "text": item["text"]},
            }
            response = http.request("POST", "/v1/pro/conversations", json=start, accept=frozenset({429}))
            outcome = (
                _rate_limited(item, response) if response.status_code == 429 else _message(response.json()["message"])
            )
        else:
            body: dict[str, Any] = {"id": item["id"], "text": item["text"]}
            attached = item.get("attachment")
            if attached:
                if content is None:  # sent from the outbox: the bytes kept with it
                    kept = attached.get("content") or _Kept(profile).get(_Kept.FILE + attached["id"])
                    content = base64.b64decode(kept)
                http.request(
                    "PUT",
                    f"/v1/conversations/{conv}/attachments/{attached['id']}?filename={quote(attached['filename'])}",
                    content=content,
                    headers={"Content-Type": "application/octet-stream"},
                )
                body["attachment_id"] = attached["id"]
            response = http.request("POST", f"/v1/conversations/{conv}/messages", json=body, accept=frozenset({429}))
            outcome = (
                _rate_limited(item, response) if response.status_code == 429 else _message(response.json()["message"])
            )
    except ServiceRefused as exc:
        _without(profile, item["id"])
        raise service_error(exc) from exc
    if not isinstance(outcome, RateLimited):
        _without(profile, item["id"])
    return outcome


def flush_outbox(profile: UnlockedProfile) -> FlushReport:
    """Send what waits, oldest first; stops at the first sign the service is unreachable or at the sending limit
    (the rest keeps). A refused read receipt is dropped quietly (nothing the person wrote is lost)."""
    sent: list[Message] = []
    refused: list[Refused] = []
    items = _queue(profile)
    if not items:
        return FlushReport(sent, refused, 0)  # nothing waits: not even a connection
    with client(server_of(profile), profile=profile) as http:
        for index, item in enumerate(items):
            waiting = sum(1 for later in items[index:] if later.get("kind") != _READ)
            try:
                outcome = _send_item(profile, http, item)
            except SyncOffline:
                return FlushReport(sent, refused, waiting)
            except ServiceError as exc:
                if item.get("kind") != _READ:
                    refused.append(Refused(item["id"], item["conversation_id"], item["text"], exc))
                continue
            if isinstance(outcome, RateLimited):
                return FlushReport(sent, refused, waiting, outcome)
            if isinstance(outcome, Message):
                sent.append(outcome)
    return FlushReport(sent, refused, 0)


def reply(
    profile: UnlockedProfile,
    conversation_id: str,
    text: str,
    *,
    attachment: tuple[bytes, str] | None = None,
    message_id: str | None = None,
) -> Message | Queued | RateLimited:
    """Reply in a conversation, with an attachment (its bytes, its file name) if given: the sent message, ``Queued``
    when offline, ``RateLimited`` past the sending limit (both kept, sent by a later flush).

    An empty or over-long text, an attachment over the limit or in a format Documents refuses raise
    DossierValidationError before anything is kept; a service refusal raises ServiceError (the reply is not kept)."""
    cleaned = check_message_text(text)
    uuid.UUID(conversation_id)
    item: dict[str, Any] = {
        "id": message_id or str(uuid.uuid4()),
        "conversation_id": conversation_id,
        "text": cleaned,
        "queued_at": datetime.now(UTC).isoformat(),
    }
    if attachment is not None:
        content, filename = attachment
        _format, name = check_attachment(content, filename)
        attachment_id = str(uuid.uuid4())
        item["attachment"] = {"id": attachment_id, "filename": name}
        held = _Kept(profile)
        if held.store is None:  # nowhere encrypted to keep the bytes: sent now or not at all
            item["attachment"]["content"] = base64.b64encode(content).decode()
        else:
            held.put(**{_Kept.FILE + attachment_id: base64.b64encode(content).decode()})
    return submit(profile, item, attachment[0] if attachment is not None else None)


def submit(
    profile: UnlockedProfile, item: dict[str, Any], content: bytes | None = None
) -> Message | Queued | RateLimited:
    """Keep ``item`` in the outbox, then send it: the sent message, ``Queued`` when offline, ``RateLimited`` past the
    sending limit (both kept, sent by a later flush); a refusal raises ServiceError (the item is not kept)."""
    _save_outbox(profile, [*_queue(profile), item])  # kept before the first byte leaves: a crash loses nothing
    try:
        with client(server_of(profile), profile=profile) as http:
            outcome = _send_item(profile, http, item, content)
    except SyncOffline:
        return Queued(item["id"], item["conversation_id"])
    assert not isinstance(outcome, Conversation)
    return outcome


# -- reading -----------------------------------------------------------------------------------------------------------


def conversations(
    profile: UnlockedProfile, *, archived: bool = False, dossier_id: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Conversation], int]:
    """A page of conversations, latest activity first, and how many there are in all. Offline, the conversations
    whose threads this device keeps (the same filter, without paging) — SyncOffline when it keeps none."""
    query = f"/v1/conversations?limit={limit}&offset={offset}&archived={str(archived).lower()}"
    if dossier_id is not None:
        query += f"&dossier_id={uuid.UUID(dossier_id)}"
    try:
        with client(server_of(profile), profile=profile) as http:
            page = http.request("GET", query).json()
    except SyncOffline:
        kept = [replace(_conversation(raw), kept=True) for held in _Kept.every(profile) for raw in held.conversations()]
        kept = [c for c in kept if c.archived == archived and (dossier_id is None or c.dossier_id == dossier_id)]
        if not kept:
            raise
        kept.sort(key=lambda c: c.last_message_at, reverse=True)
        return kept, len(kept)
    except DeviceRevoked:
        forget(profile)
        raise
    _keep_conversations(profile, page["items"])
    return [_conversation(c) for c in page["items"]], int(page["total"])


def fetch(
    profile: UnlockedProfile, conversation_id: str, http: SyncHttp | None = None, *, dossier_id: str | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]], bool]:
    """Bring the kept thread up to date from its cursor (one request when nothing is new): the conversation, its
    messages (as the service sent them) and whether they are fresh (False: the service was unreachable, the kept
    copy is returned). ``dossier_id``: the conversation's patient (where a clinic keeps the thread)."""
    uuid.UUID(conversation_id)
    kept = _Kept(profile, dossier_id)
    conv_key, thread_key = _Kept.CONV + conversation_id, _Kept.THREAD + conversation_id
    before = kept.get(conv_key)
    held = kept.get(thread_key) if before is not None else None
    items: list[dict[str, Any]] = list(held["messages"]) if held is not None else []
    after = int(held["after_seq"]) if held is not None else 0

    def pull(http: SyncHttp) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The pages after the cursor, each of at most PAGE messages, until the service says there is no more."""
        conversation: dict[str, Any] | None = None
        new: list[dict[str, Any]] = []
        cursor: int | None = after
        while cursor is not None:
            page = http.request(
                "GET", f"/v1/conversations/{conversation_id}/messages?after_seq={cursor}&limit={PAGE}"
            ).json()
            conversation = page["conversation"]
            new.extend(page["items"])
            cursor = page["next_after_seq"]
        return conversation, new

    try:
        if http is None:
            with client(server_of(profile), profile=profile) as own:
                conversation, new = pull(own)
        else:
            try:
                conversation, new = pull(http)
            except ServiceRefused as exc:
                raise service_error(exc) from exc
    except SyncOffline:
        if before is None:
            raise
        return before, items, False
    except DeviceRevoked:
        forget(profile)
        raise
    except ServiceError as exc:
        if exc.status in (403, 404) and before is not None:  # no longer in this person's view: not kept either
            forget(profile, conversation_id)
        raise
    assert conversation is not None
    items.extend(new)
    rows: dict[str, Any] = {}
    if conversation != before:
        rows[conv_key] = conversation
    if new or held is None:
        rows[thread_key] = {"messages": items, "after_seq": items[-1]["seq"] if items else 0}
    if rows:
        kept.put(**rows)
    return conversation, items, True


def thread(
    profile: UnlockedProfile,
    conversation_id: str,
    *,
    mark_as_read: bool = False,
    dossier_id: str | None = None,
    role: str = "patient",
) -> tuple[Conversation, list[Message]]:
    """The whole conversation in the service's order (what is new since the last read fetched from its cursor; the
    kept copy when offline), then this device's replies still waiting in the outbox (written as ``role``).
    ``mark_as_read``: what was unread is marked read (on the same connection). ``dossier_id``: see ``fetch``."""
    with client(server_of(profile), profile=profile) as http:
        conversation, items, fresh = fetch(profile, conversation_id, http, dossier_id=dossier_id)
        if mark_as_read and int(conversation["unread"]) > 0 and items:
            read = mark_read(
                profile, conversation_id, int(items[-1]["seq"]), http=http if fresh else None, dossier_id=dossier_id
            )
            conversation = {**conversation, "unread": read.unread, "read_seq": read.read_seq}
    pending = [
        Message(item["id"], None, True, role, item["text"], None)
        for item in outbox(profile)
        if item["conversation_id"] == conversation_id
    ]
    return replace(_conversation(conversation), kept=not fresh), [_message(m) for m in items] + pending


def mark_read(
    profile: UnlockedProfile,
    conversation_id: str,
    up_to_seq: int,
    *,
    http: SyncHttp | None = None,
    dossier_id: str | None = None,
) -> Conversation:
    """Read up to ``up_to_seq``: marked here at once, the receipt (``POST …/read``) sent now (on ``http`` if given)
    or at the next flush (offline); the service keeps the highest mark, so every device of the person shows it read
    after its next look."""
    uuid.UUID(conversation_id)
    receipt_id = f"{_READ}:{conversation_id}"
    items = _queue(profile)
    earlier = max((int(i["up_to_seq"]) for i in items if i["id"] == receipt_id), default=0)
    receipt = {
        "kind": _READ,
        "id": receipt_id,
        "conversation_id": conversation_id,
        "up_to_seq": max(up_to_seq, earlier),
    }
    _save_outbox(profile, [*(i for i in items if i["id"] != receipt_id), receipt])
    kept = _Kept(profile, dossier_id)
    raw = kept.get(_Kept.CONV + conversation_id)
    if raw is not None:
        raw["read_seq"] = max(int(raw.get("read_seq", 0)), min(up_to_seq, int(raw["last_seq"])))
        raw["unread"] = max(0, int(raw["last_seq"]) - raw["read_seq"])
        kept.put(**{_Kept.CONV + conversation_id: raw})
    try:
        if http is None:
            with client(server_of(profile), profile=profile) as own:
                outcome = _send_item(profile, own, receipt)
        else:
            outcome = _send_item(profile, http, receipt)
    except SyncOffline:
        if raw is None:
            raise
        return _conversation(raw)
    assert isinstance(outcome, Conversation)
    return outcome


def _patient_view(profile: UnlockedProfile, conversation_id: str, what: str) -> Conversation:
    uuid.UUID(conversation_id)
    with client(server_of(profile), profile=profile) as http:
        raw = http.request("POST", f"/v1/conversations/{conversation_id}/{what}").json()
    if what == "delete":
        forget(profile, conversation_id)
    else:
        _keep_conversations(profile, [raw])
    return _conversation(raw)


def close(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    """Close the conversation: nobody can reply any more."""
    return _patient_view(profile, conversation_id, "close")


def archive(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    return _patient_view(profile, conversation_id, "archive")


def delete(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    """Delete from this person's view (the professional keeps their correspondence); the kept copy is erased."""
    return _patient_view(profile, conversation_id, "delete")


# -- attachments -------------------------------------------------------------------------------------------------------


def download(profile: UnlockedProfile, conversation_id: str, attachment: Attachment) -> bytes:
    """An attachment's bytes, in memory only (never a file in clear), checked against the SHA-256 the service gave."""
    uuid.UUID(conversation_id)
    uuid.UUID(attachment.id)
    with client(server_of(profile), profile=profile) as http:
        content = http.request("GET", f"/v1/conversations/{conversation_id}/attachments/{attachment.id}").content
    if hashlib.sha256(content).hexdigest() != attachment.sha256:
        raise AttachmentDamaged()
    return content


def save_to_documents(
    profile: UnlockedProfile,
    conversation: Conversation,
    message: Message,
    *,
    category: str,
    title: str | None = None,
) -> DocumentInfo:
    """« Enregistrer dans mes documents »: the message's attachment into the dossier's Documents, in ``category``,
    linked to the message (``external_ref`` ``message:<id>``). Saved once: again, the same document is returned.

    The category and title are checked by Documents (DossierValidationError, nothing saved)."""
    attachment = message.attachment
    if attachment is None:
        raise ValueError("this message has no attachment")
    dossier_id = conversation.dossier_id if conversation.dossier_id in profile.dossier_ids() else None
    store = profile.dossier(dossier_id)
    link = f"message:{message.id}"
    existing = store.documents.find_by_external_ref(link)
    if existing is not None:
        return existing
    content = download(profile, conversation.id, attachment)
    name = attachment.filename.rsplit(".", 1)[0] if "." in attachment.filename else attachment.filename
    return store.documents.add(
        content,
        title=(title or name or attachment.filename).strip(),
        category=category,
        document_date=message.sent_at.date() if message.sent_at else None,
        author_kind="professional" if message.sender_role == "professional" else "patient",
        filename=attachment.filename,
        external_ref=link,
    )
