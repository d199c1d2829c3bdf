"""The bytes of message attachments waiting to go, and the sync phase that sends them before the dossier's push.

A reply with an attachment is two things kept together in the dossier's encrypted database: the message's outbox row
(entity ``message``, naming ``attachment_id``) and the attachment's bytes in ``sync_meta`` under
``messages:a:<attachment id>`` (with its conversation and file name). Before the dossier's outbox is pushed, each
waiting attachment is uploaded to its conversation (``PUT /v1/conversations/{id}/attachments/{id}``, idempotent: the
same id again is the same file), then its bytes are dropped; the message that names it follows in the push. Offline,
both wait. A refused upload (the conversation closed meanwhile…) drops the bytes: the message's push is then refused
with the service's sentence and the sync inbox tells the person.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import quote

from sqlalchemy import delete, select

from desktop_app.dossier_store import DossierStore
from desktop_app.sync import tables as t
from desktop_app.sync.context import SyncContext, set_meta
from desktop_app.sync.http import ServiceRefused

PREFIX = "messages:a:"


def keep(
    store: DossierStore, conn: Any, attachment_id: str, conversation_id: str, filename: str, content: bytes
) -> None:
    """Keep an attachment's bytes beside its message's outbox row (in the caller's transaction)."""
    value = {"conversation_id": conversation_id, "filename": filename, "content": base64.b64encode(content).decode()}
    set_meta(conn, PREFIX + attachment_id, json.dumps(value))


def waiting(store: DossierStore) -> list[tuple[str, dict[str, Any]]]:
    with store.reading() as conn:
        rows = conn.execute(select(t.sync_meta).where(t.sync_meta.c.key.startswith(PREFIX)))
        found = [(row.key[len(PREFIX) :], json.loads(row.value)) for row in rows]
    return [(key, item) for key, item in found if isinstance(item, dict)]  # an older version's bytes: not yet moved


def upload_waiting(ctx: SyncContext, store: DossierStore) -> int:
    """Send every waiting attachment of this dossier (SyncOffline leaves the rest waiting); how many went."""
    sent = 0
    for attachment_id, item in waiting(store):
        path = (
            f"/v1/conversations/{item['conversation_id']}/attachments/{attachment_id}"
            f"?filename={quote(str(item['filename']))}"
        )
        try:
            ctx.http.request(
                "PUT",
                path,
                content=base64.b64decode(item["content"]),
                headers={"Content-Type": "application/octet-stream"},
            )
            sent += 1
        except ServiceRefused:
            pass  # the message naming it is refused at its push, with the service's sentence
        with store.transaction() as conn:
            conn.execute(delete(t.sync_meta).where(t.sync_meta.c.key == PREFIX + attachment_id))
    return sent
