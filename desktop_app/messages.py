"""The messagerie on the client: conversations and messages are entities of the dossier's sync (Dossier Sync v1).

Reading: the ordinary pull brings every message, read mark and closing of the dossiers this computer holds, in the
service's order, into the dossier's encrypted copy (its ``sync_shadow``, crypto-shredded with it when the device is
revoked or a clinic's lease ends). A screen reads that copy, with what waits in the dossier's outbox on top (a reply
not sent yet shows as « en attente d'envoi », a read mark counts at once): no request, the same offline and online.

Writing: a reply, a read mark, closing, archiving, deleting from the patient's view, a professional's new
conversation are rows of the dossier's sync outbox (entities ``message`` / ``conversation``), written in one
transaction with what the screen shows; the background sync sends them (a local change schedules a push), once:
the service's ledger answers a resent push, and a message's id is made here, so a send cut after the service stored
it never makes a copy. An attachment's bytes wait beside its message (`desktop_app.sync.message_files`) and go just
before it. A refusal (closed conversation, blocked, over-long text…) is the push's refused result: the sync inbox
tells it, with what was written.

A dossier this computer does not hold (an aidant reading the person they help, a professional writing to a patient
outside the day's copy) is read and written online (`desktop_app.messages_online`).

Replies and read marks an older version kept in the profile's settings (``messages.outbox``) and the threads it kept
in ``sync_meta`` are moved into this model at the first use (`adopt_legacy`): nothing queued is lost.
"""

from __future__ import annotations

import base64
import json
import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from desktop_app import messages_online as online
from desktop_app import schema
from desktop_app.changes import ChangeOrigin
from desktop_app.dossier_store import DocumentInfo, DossierStore, Intent
from desktop_app.errors import CarnetError
from desktop_app.message_types import (
    PATIENT,
    PROFESSIONAL,
    Attachment,
    AttachmentDamaged,
    Conversation,
    Message,
    Queued,
    attachment_of,
    moment,
)
from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import ServiceError
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import message_files
from desktop_app.sync import tables as t
from desktop_app.sync.http import SyncOffline
from dossier.messages import check_attachment, check_message_text, check_subject
from dossier.sync_protocol import CORRESPONDENCE, Entity, MutationOp

__all__ = [
    "Attachment",
    "AttachmentDamaged",
    "Conversation",
    "ConversationClosed",
    "Message",
    "Queued",
    "adopt_legacy",
    "archive",
    "close",
    "conversations",
    "delete",
    "download",
    "mark_read",
    "reply",
    "save_to_documents",
    "start",
    "thread",
]

log = logging.getLogger("carnet.messages")

_LEGACY_THREADS = ("messages:c:", "messages:m:")
_READ = "read"
_START = "start"


class ConversationClosed(CarnetError):
    message_fr = "Cette conversation est close : on ne peut plus y répondre."
    message_en = "This conversation is closed: no more replies."


def side(profile: UnlockedProfile) -> str:
    """Whose messagerie this profile is: a patient's carnet (it has a dossier of its own) or a clinic's."""
    return PATIENT if profile.settings.get(SettingKey.OWN_DOSSIER_ID) else PROFESSIONAL


def _now() -> str:
    return datetime.now(UTC).isoformat()


# -- the dossier's copy --------------------------------------------------------------------------------------------


@dataclass
class _Thread:
    """One conversation as this computer holds it: the service's state with what waits in the outbox on top."""

    store: DossierStore
    values: dict[str, Any]
    messages: list[Message] = field(default_factory=list)
    started_here: bool = False  # its start waits in the outbox (not on the service yet)

    def conversation(self, conversation_id: str, me: str) -> Conversation:
        v = self.values
        mine, other = ("patient_read_seq", "professional_read_seq")
        if me == PROFESSIONAL:
            mine, other = other, mine
        last_seq = int(v.get("last_seq") or 0)
        read = int(v.get(mine) or 0)
        return Conversation(
            id=conversation_id,
            subject=str(v.get("subject") or ""),
            professional_rpps=str(v.get("professional_rpps") or ""),
            professional_name=str(v.get("professional_name") or ""),
            patient_name=str(v.get("patient_name") or ""),
            unread=max(0, last_seq - read),
            closed=v.get("closed_at") is not None,
            archived=v.get("archived_at") is not None,
            last_seq=last_seq,
            last_message_at=moment(v.get("last_message_at") or v.get("created_at") or _now()),
            dossier_id=self.store.dossier_id,
            read_seq=read,
            other_read_seq=int(v.get(other) or 0),
            kept=self.started_here,
            deleted=v.get("deleted_at") is not None,
        )


def _wanted(changes: dict[str, list[Any]], name: str) -> Any:
    pair = changes.get(name)
    return pair[1] if pair else None


def _read(store: DossierStore, me: str) -> dict[str, _Thread]:
    """Every conversation of one dossier's copy: the shadow's records, then the pending outbox rows in order."""
    shadow, outbox = t.sync_shadow, schema.outbox
    with store.reading() as conn:
        records = list(
            conn.execute(
                sa.select(shadow.c.entity_id, shadow.c.entity, shadow.c["values"]).where(
                    shadow.c.entity.in_(CORRESPONDENCE)
                )
            )
        )
        pending = list(
            conn.execute(
                sa.select(outbox)
                .where(outbox.c.entity.in_(CORRESPONDENCE), outbox.c.state == "pending")
                .order_by(outbox.c.client_seq)
            )
        )
    threads = {r.entity_id: _Thread(store, json.loads(r.values)) for r in records if r.entity == Entity.CONVERSATION}
    for r in records:
        if r.entity != Entity.MESSAGE:
            continue
        v = json.loads(r.values)
        thread = threads.get(str(v.get("conversation_id")))
        if thread is None:
            continue
        role = str(v.get("sender_role") or "")
        thread.messages.append(
            Message(
                id=r.entity_id,
                seq=int(v["seq"]),
                mine=(role == PROFESSIONAL) == (me == PROFESSIONAL),
                sender_role=role,
                text=str(v.get("text") or ""),
                sent_at=moment(v["sent_at"]),
                attachment=attachment_of(v.get("attachment")),
            )
        )
    for thread in threads.values():
        thread.messages.sort(key=lambda m: m.seq or 0)
    for row in pending:
        _overlay(threads, store, row, me)
    for _attachment_id, item in message_files.waiting(store):  # replies whose attachment is not uploaded yet
        if "start" in item and str(item["conversation_id"]) not in threads:  # a start with a document: as queued
            changes = json.dumps(item["start"])
            _overlay(threads, store, _Waiting(str(item["conversation_id"]), changes, str(item["queued_at"])), me)
            continue
        thread = threads.get(str(item["conversation_id"]))
        if thread is not None and all(m.id != item["message_id"] for m in thread.messages):
            thread.messages.append(Message(str(item["message_id"]), None, True, me, str(item["text"]), None))
    return threads


@dataclass(frozen=True, slots=True)
class _Waiting:
    """A conversation's start kept with its first message's attachment, shown as if in the outbox."""

    entity_id: str
    changes: str
    created_at: str
    entity: Entity = Entity.CONVERSATION
    op: MutationOp = MutationOp.CREATE


def _overlay(threads: dict[str, _Thread], store: DossierStore, row: Any, me: str) -> None:
    """One pending outbox row on top of the copy (what the person did here, before the service has it)."""
    changes: dict[str, list[Any]] = json.loads(row.changes)
    if row.entity == Entity.CONVERSATION and row.op == MutationOp.CREATE:
        if row.entity_id in threads:
            return  # the service has it already (its answer was lost): the copy is the truth
        values = {
            "subject": _wanted(changes, "subject"),
            "patient_name": _wanted(changes, "patient_name") or "",
            "secret_from_legal_representatives": _wanted(changes, "secret") is True,
            "created_at": row.created_at,
            "last_message_at": row.created_at,
        }
        thread = threads[row.entity_id] = _Thread(store, values, started_here=True)
        text = str(_wanted(changes, "text") or "")
        thread.messages.append(Message(str(_wanted(changes, "message_id")), None, True, me, text, None))
        return
    target = row.entity_id if row.entity == Entity.CONVERSATION else str(_wanted(changes, "conversation_id"))
    found = threads.get(target)
    if found is None:
        return
    values = found.values
    if row.entity == Entity.MESSAGE:
        if all(m.id != row.entity_id for m in found.messages):  # not yet in the service's copy
            found.messages.append(Message(row.entity_id, None, True, me, str(_wanted(changes, "text") or ""), None))
        values["last_message_at"] = max(str(values.get("last_message_at") or ""), str(row.created_at))
    elif row.op == MutationOp.DELETE:
        values["deleted_at"] = values.get("deleted_at") or row.created_at
    else:
        key = "patient_read_seq" if me == PATIENT else "professional_read_seq"
        read = _wanted(changes, "read_seq")
        if isinstance(read, int):
            values[key] = max(int(values.get(key) or 0), min(read, int(values.get("last_seq") or 0)))
        for name, column in (("closed", "closed_at"), ("archived", "archived_at")):
            if _wanted(changes, name) is True:
                values[column] = values.get(column) or row.created_at


def _held(profile: UnlockedProfile, dossier_id: str | None = None) -> list[str]:
    ids = profile.dossier_ids()
    return ids if dossier_id is None else [d for d in ids if d == dossier_id]


def _threads(profile: UnlockedProfile, dossier_id: str | None = None) -> dict[str, _Thread]:
    me = side(profile)
    found: dict[str, _Thread] = {}
    for held in _held(profile, dossier_id):
        found.update(_read(profile.dossier(held), me))
    return found


def _find(profile: UnlockedProfile, conversation_id: str) -> _Thread | None:
    uuid.UUID(conversation_id)
    return _threads(profile).get(conversation_id)


# -- reading -------------------------------------------------------------------------------------------------------


def conversations(
    profile: UnlockedProfile, *, archived: bool = False, dossier_id: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Conversation], int]:
    """A page of conversations, latest activity first, and how many there are in all, from the dossiers this
    computer holds (no request); of ``dossier_id`` only when given — online when it is not held here."""
    if dossier_id is not None and dossier_id not in profile.dossier_ids():
        return online.conversations(profile, archived=archived, dossier_id=dossier_id, limit=limit, offset=offset)
    adopt_legacy(profile)
    me = side(profile)
    found = [thread.conversation(cid, me) for cid, thread in _threads(profile, dossier_id).items()]
    if me == PATIENT:
        found = [c for c in found if not c.deleted and c.archived == archived]
    found.sort(key=lambda c: (c.last_message_at, c.id), reverse=True)
    return found[offset : offset + limit], len(found)


def unread(profile: UnlockedProfile) -> int:
    """Messages not yet read on this side, over the conversations in view."""
    return sum(c.unread for c in conversations(profile, limit=10_000)[0])


def thread(
    profile: UnlockedProfile, conversation_id: str, *, mark_as_read: bool = False, **_where: object
) -> tuple[Conversation, list[Message]]:
    """The whole conversation in the service's order, then what waits in the outbox; ``mark_as_read``: what was
    unread is marked read (a read mark queued for the service). A conversation not held here is read online."""
    found = _find(profile, conversation_id)
    if found is None:
        return online.thread(profile, conversation_id, mark_as_read=mark_as_read)
    conv = found.conversation(conversation_id, side(profile))
    if mark_as_read and conv.unread > 0 and not found.started_here:
        conv = mark_read(profile, conversation_id, conv.last_seq)
    return conv, list(found.messages)


# -- writing -------------------------------------------------------------------------------------------------------


def _queue(store: DossierStore, intent: Intent) -> None:
    """One outbox row in one transaction; the change schedules a push."""
    with store._write() as w:
        w.queue(intent)


def _keep_with_attachment(store: DossierStore, attachment_id: str, item: dict[str, Any], content: bytes) -> None:
    """A reply with an attachment, kept whole until its bytes are uploaded (`message_files`); the change, published
    as a local message, schedules the sync."""
    with store.transaction() as conn:
        message_files.keep(
            conn,
            attachment_id,
            conversation_id=item["conversation_id"],
            message_id=item["message_id"],
            text=item["text"],
            filename=item["filename"],
            content=content,
            start=item.get("start"),
            queued_at=item.get("queued_at"),
        )
        store.note_change(ChangeOrigin.LOCAL, [Entity.MESSAGE], ids=[item["message_id"]])


def _changes(**wanted: Any) -> dict[str, list[Any]]:
    return {name: [None, value] for name, value in wanted.items() if value is not None}


def reply(
    profile: UnlockedProfile,
    conversation_id: str,
    text: str,
    *,
    attachment: tuple[bytes, str] | None = None,
    message_id: str | None = None,
) -> Queued | Message:
    """Reply in a conversation, with an attachment (its bytes, its file name) if given: written into the dossier's
    outbox (``Queued``, sent by the background sync), or sent now when the dossier is not held here.

    An empty or over-long text, an attachment over the limit or in a format Documents refuses raise
    DossierValidationError, a closed conversation ConversationClosed, before anything is kept."""
    cleaned = check_message_text(text)
    checked = None
    if attachment is not None:
        content, filename = attachment
        _format, name = check_attachment(content, filename)
        checked = (content, name)
    found = _find(profile, conversation_id)
    if found is None:
        return online.reply(profile, conversation_id, cleaned, attachment=checked, message_id=message_id)
    if found.values.get("closed_at") is not None:
        raise ConversationClosed()
    mid = message_id or str(uuid.uuid4())
    if checked is not None:
        item = {"conversation_id": conversation_id, "message_id": mid, "text": cleaned, "filename": checked[1]}
        _keep_with_attachment(found.store, str(uuid.uuid4()), item, checked[0])
        return Queued(mid, conversation_id)
    changes = _changes(conversation_id=conversation_id, text=cleaned)
    _queue(found.store, Intent(Entity.MESSAGE, mid, Entity.MESSAGE.value, MutationOp.CREATE, 0, changes))
    return Queued(mid, conversation_id)


def start(
    profile: UnlockedProfile,
    dossier_id: str,
    subject: str,
    text: str,
    *,
    patient_name: str = "",
    secret: bool = False,
    conversation_id: str | None = None,
    message_id: str | None = None,
    attachment: tuple[bytes, str] | None = None,
) -> tuple[str, Queued | Message]:
    """A professional's new conversation with the patient ``dossier_id`` and its first message, with a document if
    given: into that dossier's outbox when it is held here (the day's copy: offline works; with a document, kept
    whole until its bytes are uploaded, as a reply's), else sent now. Subject, text and document are checked
    first (DossierValidationError, nothing kept)."""
    cleaned_subject, cleaned = check_subject(subject), check_message_text(text)
    checked = None
    if attachment is not None:
        _format, name = check_attachment(*attachment)
        checked = (attachment[0], name)
    conv = conversation_id or str(uuid.uuid4())
    mid = message_id or str(uuid.uuid4())
    dossier_id = str(uuid.UUID(dossier_id))
    if dossier_id not in profile.dossier_ids():
        sent = online.start(
            profile, dossier_id, cleaned_subject, cleaned, conversation_id=conv, message_id=mid, attachment=checked
        )
        return conv, sent
    changes = _changes(subject=cleaned_subject, secret=secret, message_id=mid, text=cleaned, patient_name=patient_name)
    if checked is not None:
        item: dict[str, Any] = {"conversation_id": conv, "message_id": mid, "text": cleaned, "filename": checked[1]}
        item |= {"start": changes, "queued_at": _now()}
        _keep_with_attachment(profile.dossier(dossier_id), str(uuid.uuid4()), item, checked[0])
        return conv, Queued(mid, conv)
    _queue(
        profile.dossier(dossier_id), Intent(Entity.CONVERSATION, conv, "conversation", MutationOp.CREATE, 0, changes)
    )
    return conv, Queued(mid, conv)


def _change(profile: UnlockedProfile, conversation_id: str, op: MutationOp, **wanted: Any) -> Conversation:
    found = _find(profile, conversation_id)
    if found is None:
        raise SyncOffline() if not profile.dossier_ids() else LookupError(conversation_id)
    intent = Intent(Entity.CONVERSATION, conversation_id, "conversation", op, 0, _changes(**wanted))
    _queue(found.store, intent)
    after = _find(profile, conversation_id)
    assert after is not None
    return after.conversation(conversation_id, side(profile))


def mark_read(profile: UnlockedProfile, conversation_id: str, up_to_seq: int, **_where: object) -> Conversation:
    """Read up to ``up_to_seq``: counted here at once, the mark sent by the background sync; the service keeps the
    highest, so every device of the person shows it read after its next pull."""
    found = _find(profile, conversation_id)
    if found is None:
        return online.thread(profile, conversation_id, mark_as_read=True)[0]
    conv = found.conversation(conversation_id, side(profile))
    if min(up_to_seq, conv.last_seq) <= conv.read_seq:
        return conv
    return _change(profile, conversation_id, MutationOp.UPDATE, read_seq=min(up_to_seq, conv.last_seq))


def close(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    """Close the conversation: nobody can reply any more."""
    return _change(profile, conversation_id, MutationOp.UPDATE, closed=True)


def archive(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    return _change(profile, conversation_id, MutationOp.UPDATE, archived=True)


def delete(profile: UnlockedProfile, conversation_id: str) -> Conversation:
    """Delete from this person's view (the professional keeps their correspondence)."""
    return _change(profile, conversation_id, MutationOp.DELETE)


# -- attachments ---------------------------------------------------------------------------------------------------

download = online.download


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
        author_kind="professional" if message.sender_role == PROFESSIONAL else "patient",
        filename=attachment.filename,
        external_ref=link,
    )


# -- what an older version kept ------------------------------------------------------------------------------------


def _legacy_store(profile: UnlockedProfile, item: dict[str, Any]) -> DossierStore | None:
    """Where a legacy item goes: the dossier it names, the one whose copy holds its conversation, the own one."""
    wanted = str(item.get("dossier_id") or "")
    conversation_id = str(item["conversation_id"])
    for held in profile.dossier_ids():
        store = profile.dossier(held)
        if held == wanted or conversation_id in _read(store, side(profile)):
            return store
        with store.reading() as conn:
            key = sa.select(t.sync_meta.c.key).where(t.sync_meta.c.key == _LEGACY_THREADS[0] + conversation_id)
            if conn.execute(key).first() is not None:
                return store
    own = profile.settings.get(SettingKey.OWN_DOSSIER_ID)
    return profile.dossier(str(own)) if own and not wanted else None


def _legacy_intent(item: dict[str, Any]) -> Intent:
    cid = str(item["conversation_id"])
    if item.get("kind") == _READ:
        changes = _changes(read_seq=int(item["up_to_seq"]))
        return Intent(Entity.CONVERSATION, cid, "conversation", MutationOp.UPDATE, 0, changes)
    if item.get("kind") == _START:
        changes = _changes(
            subject=item["subject"], message_id=item["id"], text=item["text"], patient_name=item.get("patient_name")
        )
        return Intent(Entity.CONVERSATION, cid, "conversation", MutationOp.CREATE, 0, changes)
    changes = _changes(conversation_id=cid, text=item["text"])
    return Intent(Entity.MESSAGE, str(item["id"]), "message", MutationOp.CREATE, 0, changes)


def _legacy_bytes(store: DossierStore, item: dict[str, Any]) -> tuple[str, str, bytes] | None:
    """A legacy reply's attachment (its bytes kept in the item or under the old key), as `_queue` keeps it."""
    attached = item.get("attachment")
    if not attached:
        return None
    raw = attached.get("content")
    with store.reading() as conn:
        row = conn.execute(
            sa.select(t.sync_meta.c.value).where(t.sync_meta.c.key == message_files.PREFIX + attached["id"])
        ).first()
    if raw is None and row is not None:
        raw = json.loads(row.value)
    if not isinstance(raw, str):
        return None
    return attached["id"], str(attached["filename"]), base64.b64decode(raw)


def adopt_legacy(profile: UnlockedProfile) -> int:
    """Move what an older version queued in the profile's settings into the dossiers' sync outboxes (in order), and
    drop the threads it kept (the pull brings them); how many items moved. An item for a dossier not held here is
    sent online; offline it stays for the next time."""
    items: list[dict[str, Any]] = list(profile.settings.get(SettingKey.MESSAGES_OUTBOX) or [])
    left: list[dict[str, Any]] = []
    moved = 0
    for item in items:
        store = _legacy_store(profile, item)
        if store is not None:
            attached = _legacy_bytes(store, item)
            if attached is not None:
                attachment_id, filename, content = attached
                kept = {**item, "message_id": str(item["id"]), "filename": filename}
                _keep_with_attachment(store, attachment_id, kept, content)
            else:
                _queue(store, _legacy_intent(item))
            moved += 1
            continue
        if item.get("kind") == _READ:
            continue  # a read mark for a conversation not held here: nothing the person wrote
        try:
            if item.get("kind") == _START:
                online.start(
                    profile,
                    str(item["dossier_id"]),
                    item["subject"],
                    item["text"],
                    conversation_id=str(item["conversation_id"]),
                    message_id=str(item["id"]),
                )
            else:
                online.reply(profile, str(item["conversation_id"]), item["text"], message_id=str(item["id"]))
            moved += 1
        except SyncOffline:
            left.append(item)
        except ServiceError as exc:  # refused for good (closed, blocked): said in the log, as the old flush did
            log.warning("a queued message was refused by the service: %s", exc.code)
    if items:
        profile.set_setting(SettingKey.MESSAGES_OUTBOX, left)
    for held in profile.dossier_ids():
        store = profile.dossier(held)
        with store.reading() as conn:
            stale = conn.execute(
                sa.select(sa.func.count())
                .select_from(t.sync_meta)
                .where(sa.or_(*(t.sync_meta.c.key.startswith(p) for p in _LEGACY_THREADS)))
            ).scalar_one()
        if stale:
            with store.transaction() as conn:
                conn.execute(
                    sa.delete(t.sync_meta).where(sa.or_(*(t.sync_meta.c.key.startswith(p) for p in _LEGACY_THREADS)))
                )
    return moved


def waiting(profile: UnlockedProfile) -> int:
    """Messages (and new conversations) written here that the sync has not sent yet."""
    outbox = schema.outbox
    count = 0
    for held in profile.dossier_ids():
        with profile.dossier(held).reading() as conn:
            query = sa.select(sa.func.count()).select_from(outbox)
            creates = outbox.c.op == MutationOp.CREATE.value
            query = query.where(outbox.c.entity.in_(CORRESPONDENCE), creates, outbox.c.state == "pending")
            count += int(conn.execute(query).scalar_one())
        count += len(message_files.waiting(profile.dossier(held)))  # replies waiting for their attachment's upload
    return count
