"""Messages and conversations in the dossier's sync feed: every stored change of the messagerie is also a record of
`sync_records` (entity ``message`` or ``conversation``), written in the same transaction under the dossier's head lock
and numbered by the dossier's sequence (`sync_heads.last_seq`, the service's order: no client clock).

So a device gets new messages, read marks, closings in the same single pull as the rest of the dossier, masked per
record by the access policy (`server/sync/correspondence.py`); a no-op sync stays one request. The messages tables
stay the messagerie's own state (sequence per conversation, attachments, the rate limit); the records are what
devices hold.

A message record: its conversation, its number in it, who sent it (role), the text, when, its attachment's metadata
(the bytes stay behind the attachment route), and the conversation's professional and secrecy (the policy places the
record without reading the conversation). A conversation record: subject, professional (RPPS and name), patient's
name, secrecy, the last number, both sides' read marks, and when it was closed, archived, deleted from the patient's
view.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.sync_protocol import Entity
from server.access.notifications import professional_name
from server.accounts.models import Professional
from server.dossiers.models import Dossier
from server.messages.models import Conversation, Message, MessageAttachment
from server.sync import service as sync_service
from server.sync.models import SyncHead, SyncRecord


def lock(session: Session, dossier_id: uuid.UUID, head: SyncHead | None = None) -> SyncHead:
    """The dossier's head, locked for the rest of the transaction (the one a push already holds, if given).

    Taken before any messagerie row is written, as a push takes it first: both paths lock in the same order."""
    return head if head is not None else sync_service.lock_head(session, dossier_id)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def attachment_values(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "id": str(row.id),
        "filename": row.filename,
        "format": row.format,
        "mime_type": row.mime_type,
        "size": row.size,
        "sha256": row.sha256,
    }


def message_values(conv: Any, message: Any, attachment: Any) -> dict[str, Any]:
    """A message record's values (ORM rows, or Core rows with their columns: migration 0950)."""
    return {
        "conversation_id": str(conv.id),
        "seq": message.seq,
        "sender_role": message.sender_role,
        "text": message.body,
        "sent_at": message.sent_at.isoformat(),
        "attachment": attachment_values(attachment),
        "professional_rpps": conv.professional_rpps,
        "secret_from_legal_representatives": conv.secret,
    }


def conversation_values(conv: Any, professional: str, patient: str) -> dict[str, Any]:
    """A conversation record's values (``conv``: the ORM row or a Core row with its columns; migration 0950)."""
    return {
        "subject": conv.subject,
        "professional_rpps": conv.professional_rpps,
        "professional_name": professional,
        "patient_name": patient,
        "secret_from_legal_representatives": conv.secret,
        "created_at": conv.created_at.isoformat(),
        "last_seq": conv.last_seq,
        "last_message_at": conv.last_message_at.isoformat(),
        "patient_read_seq": conv.patient_read_seq,
        "professional_read_seq": conv.professional_read_seq,
        "closed_at": _iso(conv.closed_at),
        "archived_at": _iso(conv.archived_at),
        "deleted_at": _iso(conv.deleted_at),
    }


def _names(session: Session, conv: Conversation) -> tuple[str, str]:
    pro = session.scalars(select(Professional).where(Professional.rpps == conv.professional_rpps)).first()
    dossier = session.get(Dossier, conv.dossier_id)
    return (
        professional_name(pro) if pro is not None else conv.professional_rpps,
        f"{dossier.first_names} {dossier.last_name}".strip() if dossier is not None else "",
    )


def _put(
    session: Session,
    head: SyncHead,
    *,
    entity: Entity,
    entity_id: uuid.UUID,
    values: dict[str, Any],
    author_kind: str,
    created_at: datetime,
    now: datetime,
) -> SyncRecord:
    """Write one record at the dossier's next sequence number, the head's digest kept (as `_store_record` does)."""
    rec = session.get(SyncRecord, (head.dossier_id, entity_id))
    digest = int(head.digest, 16)
    if rec is None:
        rec = SyncRecord(
            dossier_id=head.dossier_id,
            entity_id=entity_id,
            entity=entity.value,
            kind=entity.value,
            author_kind=author_kind,
            author_id=None,  # the policy places it by its conversation, never by its author
            created_at=created_at,
            version=0,
            deleted=False,
            values_json="{}",
            run_base=0,
            last_stream_id=None,
        )
        session.add(rec)
    else:
        digest ^= sync_service.fingerprint(rec.entity_id, rec.version, rec.deleted)
    head.last_seq += 1
    rec.values_json = json.dumps(values, ensure_ascii=False, sort_keys=True)
    rec.deleted = False
    rec.version = head.last_seq
    rec.updated_at = now
    head.digest = sync_service.digest_hex(digest ^ sync_service.fingerprint(entity_id, rec.version, False))
    session.flush()  # a later change of the same batch finds it (a push applies without autoflush)
    sync_service.remember_record(session, rec)
    return rec


def publish(
    session: Session,
    head: SyncHead,
    conv: Conversation,
    *,
    message: Message | None = None,
    attachment: MessageAttachment | None = None,
    now: datetime,
) -> SyncRecord:
    """The changed conversation (and its new message) into the feed; the record of what the change is about (the
    message when there is one, else the conversation)."""
    found: SyncRecord | None = None
    if message is not None:
        found = _put(
            session,
            head,
            entity=Entity.MESSAGE,
            entity_id=message.id,
            values=message_values(conv, message, attachment),
            author_kind="professional" if message.sender_role == "professional" else "patient",
            created_at=message.sent_at,
            now=now,
        )
    record = _put(
        session,
        head,
        entity=Entity.CONVERSATION,
        entity_id=conv.id,
        values=conversation_values(conv, *_names(session, conv)),
        author_kind="professional",
        created_at=conv.created_at,
        now=now,
    )
    return found if found is not None else record
