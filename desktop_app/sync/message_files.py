"""Replies with an attachment, waiting to go: the bytes are uploaded first, then the message joins the outbox.

A reply with an attachment is kept whole in the dossier's encrypted database (``sync_meta`` under
``messages:a:<attachment id>``: its conversation, the message's id and text, the file's name and bytes). Before the
dossier's outbox is pushed, each waiting attachment whose conversation is on the service (its start is not still
waiting in the outbox) is uploaded through the resumable path of document bodies (``POST …/attachments/{id}/upload``,
then chunks with their CRC-32 from the service's offset, the whole file proved by its SHA-256; the same id again is the
same file); then, in one transaction, its bytes are dropped and its message is queued in the outbox, naming the
attachment, and the push sends it. Offline, or cut mid-upload, the whole reply waits: the next sync asks the service's
offset and sends only the rest. A refused upload (the conversation closed meanwhile…) queues the message all the same:
the service refuses it at the push with its sentence, and the sync inbox tells the person, with their text. The engine
runs this before and after each push (`SyncEngine._push`): an attachment of a conversation started in the same push
goes in the second round.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from typing import Any

from sqlalchemy import Connection, delete, select

from desktop_app import schema
from desktop_app.dossier_store import DossierStore, Intent
from desktop_app.sync import tables as t
from desktop_app.sync import uploads
from desktop_app.sync.context import SyncContext, set_meta
from desktop_app.sync.http import ServiceRefused, read_answer
from dossier.sync_protocol import Entity, MutationOp, UploadState

PREFIX = "messages:a:"


def keep(
    conn: Connection,
    attachment_id: str,
    *,
    conversation_id: str,
    message_id: str,
    text: str,
    filename: str,
    content: bytes,
    start: dict[str, Any] | None = None,
    queued_at: str | None = None,
) -> None:
    """Keep a reply with its attachment until the bytes are on the service (in the caller's transaction); ``start``:
    the changes of a conversation's start whose first message it is (queued instead of a reply)."""
    value: dict[str, Any] = {
        "conversation_id": conversation_id,
        "message_id": message_id,
        "text": text,
        "filename": filename,
        "content": base64.b64encode(content).decode(),
    }
    if start is not None:
        value |= {"start": start, "queued_at": queued_at}
    set_meta(conn, PREFIX + attachment_id, json.dumps(value, ensure_ascii=False))


def waiting(store: DossierStore) -> list[tuple[str, dict[str, Any]]]:
    """The replies waiting for their attachment's upload: (attachment id, the kept reply)."""
    with store.reading() as conn:
        rows = conn.execute(select(t.sync_meta).where(t.sync_meta.c.key.startswith(PREFIX)))
        found = [(row.key[len(PREFIX) :], json.loads(row.value)) for row in rows]
    return [(key, item) for key, item in found if isinstance(item, dict)]  # an older version's bytes: not yet moved


def message_intent(attachment_id: str, item: dict[str, Any]) -> Intent:
    if "start" in item:  # the first message of a conversation: its start, naming the attachment
        changes = {**item["start"], "attachment_id": [None, attachment_id]}
        return Intent(Entity.CONVERSATION, str(item["conversation_id"]), "conversation", MutationOp.CREATE, 0, changes)
    changes = {
        "conversation_id": [None, item["conversation_id"]],
        "text": [None, item["text"]],
        "attachment_id": [None, attachment_id],
    }
    return Intent(Entity.MESSAGE, str(item["message_id"]), Entity.MESSAGE.value, MutationOp.CREATE, 0, changes)


def _started_here(store: DossierStore) -> set[str]:
    """Conversations whose start still waits in the outbox (not on the service yet)."""
    outbox = schema.outbox
    query = select(outbox.c.entity_id).where(
        outbox.c.entity == Entity.CONVERSATION.value,
        outbox.c.op == MutationOp.CREATE.value,
        outbox.c.state == "pending",
    )
    with store.reading() as conn:
        return set(conn.scalars(query))


def send(
    ctx: uploads.Sender,
    conversation_id: str,
    attachment_id: str,
    filename: str,
    content: bytes,
    *,
    new_in: str | None = None,
) -> None:
    """An attachment's bytes through the resumable path (as a document's body): after a cut (SyncOffline, the
    reply still waiting) the next sync asks the service's offset and sends only the rest. ``new_in``: the dossier
    of a conversation not started yet (the attachment of its first message)."""
    path = f"/v1/conversations/{conversation_id}/attachments/{attachment_id}/upload"
    announced: dict[str, Any] = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    announced |= {"filename": filename, "dossier_id": new_in}

    def create() -> UploadState:
        return read_answer(ctx.http.request("POST", path, json=announced), UploadState, "upload")

    def read(position: int, size: int) -> bytes:
        return content[position : position + size]

    uploads.resumable(ctx, create, read, len(content), lambda _: path, len(content))


def upload_waiting(ctx: SyncContext, store: DossierStore) -> int:
    """Upload the waiting attachments whose conversation is on the service and queue their messages (SyncOffline
    leaves the rest waiting); how many messages were queued."""
    queued = 0
    pending_starts = _started_here(store)
    for attachment_id, item in waiting(store):
        if item["conversation_id"] in pending_starts and "start" not in item:
            continue  # after its start's push
        with contextlib.suppress(ServiceRefused):  # then the message is refused at its push, with the sentence
            content = base64.b64decode(item["content"])
            new_in = store.dossier_id if "start" in item else None
            send(ctx, item["conversation_id"], attachment_id, str(item["filename"]), content, new_in=new_in)
        with store._write() as w:
            w.conn.execute(delete(t.sync_meta).where(t.sync_meta.c.key == PREFIX + attachment_id))
            w.queue(message_intent(attachment_id, item))
        queued += 1
    return queued
