"""Messages become entities of Dossier Sync v1: every conversation and message stored before this revision is
written into its dossier's sync feed (`sync_records`, entities ``message`` and ``conversation``), each at the next
number of the dossier's sequence and in the digest, as the messages service now writes every new one. Devices meet
them at their next pull (their cursors are behind these numbers); nothing else changes.

Core statements on this revision's own table shapes (never the ORM models of later revisions); the record values are
the messages domain's own (`server/messages/feed.py`), so a backfilled record is the one a send would have written.
Running it again adds nothing (records already there are skipped).

Revision ID: 0950_messages_sync
Revises: 1000_partition_by_dossier (written as 0950 after 0900; chained after 1000, merged first)
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from alembic import op

from server.db import UTCDateTime
from server.messages.feed import conversation_values, message_values
from server.sync.service import ZERO_DIGEST, digest_hex, fingerprint

revision: str = "0950_messages_sync"
down_revision: str | None = "1000_partition_by_dossier"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_conversations = sa.table(
    "conversations",
    *(sa.column(c, sa.Uuid()) for c in ("id", "dossier_id")),
    *(sa.column(c, sa.String()) for c in ("professional_rpps", "subject")),
    sa.column("secret", sa.Boolean()),
    *(sa.column(c, sa.Integer()) for c in ("last_seq", "patient_read_seq", "professional_read_seq")),
    *(sa.column(c, UTCDateTime()) for c in ("created_at", "last_message_at", "closed_at", "archived_at", "deleted_at")),
)
_messages = sa.table(
    "messages",
    *(sa.column(c, sa.Uuid()) for c in ("id", "conversation_id")),
    sa.column("seq", sa.Integer()),
    *(sa.column(c, sa.String()) for c in ("sender_role", "body")),
    sa.column("sent_at", UTCDateTime()),
)
_attachments = sa.table(
    "message_attachments",
    *(sa.column(c, sa.Uuid()) for c in ("id", "message_id")),
    *(sa.column(c, sa.String()) for c in ("filename", "format", "mime_type", "sha256")),
    sa.column("size", sa.Integer()),
)
_records = sa.table(
    "sync_records",
    *(sa.column(c, sa.Uuid()) for c in ("dossier_id", "entity_id", "author_id", "last_stream_id")),
    *(sa.column(c, sa.String()) for c in ("entity", "kind", "values_json", "author_kind")),
    sa.column("deleted", sa.Boolean()),
    *(sa.column(c, sa.BigInteger()) for c in ("version", "run_base")),
    *(sa.column(c, UTCDateTime()) for c in ("created_at", "updated_at")),
)
_heads = sa.table(
    "sync_heads",
    sa.column("dossier_id", sa.Uuid()),
    sa.column("last_seq", sa.BigInteger()),
    sa.column("epoch", sa.Integer()),
    sa.column("digest", sa.String()),
)
_pros = sa.table("professionals", *(sa.column(c, sa.String()) for c in ("rpps", "first_names", "last_name")))
_dossiers = sa.table(
    "dossiers", sa.column("id", sa.Uuid()), *(sa.column(c, sa.String()) for c in ("first_names", "last_name"))
)


class _Head:
    """One dossier's head while its records are written: the sequence and the digest, saved at the end."""

    def __init__(self, found: Any) -> None:
        self.known = found is not None
        self.last_seq = int(found.last_seq) if found is not None else 0
        self.digest = int(found.digest if found is not None else ZERO_DIGEST, 16)

    def take(self, entity_id: uuid.UUID) -> int:
        self.last_seq += 1
        self.digest ^= fingerprint(entity_id, self.last_seq, False)
        return self.last_seq


def upgrade() -> None:
    bind = op.get_bind()
    now = datetime.now(UTC)
    done = {
        row.entity_id
        for row in bind.execute(
            sa.select(_records.c.entity_id).where(_records.c.entity.in_(("message", "conversation")))
        )
    }
    names = {r.rpps: f"{r.first_names} {r.last_name}".strip() for r in bind.execute(sa.select(_pros))}
    heads: dict[uuid.UUID, _Head] = {}
    rows: list[dict[str, Any]] = []

    def add(
        head: _Head,
        dossier_id: uuid.UUID,
        entity: str,
        entity_id: uuid.UUID,
        values: dict[str, Any],
        author: str,
        at: datetime,
    ) -> None:
        rows.append(
            {
                "dossier_id": dossier_id,
                "entity_id": entity_id,
                "entity": entity,
                "kind": entity,
                "values_json": json.dumps(values, ensure_ascii=False, sort_keys=True),
                "deleted": False,
                "version": head.take(entity_id),
                "run_base": 0,
                "author_kind": author,
                "author_id": None,
                "last_stream_id": None,
                "created_at": at,
                "updated_at": now,
            }
        )

    conversations = bind.execute(sa.select(_conversations).order_by(_conversations.c.created_at, _conversations.c.id))
    for conv in list(conversations):
        if conv.dossier_id not in heads:
            found = bind.execute(sa.select(_heads).where(_heads.c.dossier_id == conv.dossier_id)).first()
            heads[conv.dossier_id] = _Head(found)
        head = heads[conv.dossier_id]
        query = (
            sa.select(
                _messages,
                _attachments.c.id.label("attachment_id"),
                _attachments.c.filename,
                _attachments.c.format,
                _attachments.c.mime_type,
                _attachments.c.size,
                _attachments.c.sha256,
            )
            .select_from(_messages.outerjoin(_attachments, _attachments.c.message_id == _messages.c.id))
            .where(_messages.c.conversation_id == conv.id)
            .order_by(_messages.c.seq)
        )
        for m in bind.execute(query):
            if m.id in done:
                continue
            attached = (
                SimpleNamespace(
                    id=m.attachment_id,
                    filename=m.filename,
                    format=m.format,
                    mime_type=m.mime_type,
                    size=m.size,
                    sha256=m.sha256,
                )
                if m.attachment_id is not None
                else None
            )
            values = message_values(conv, m, attached)
            author = "professional" if m.sender_role == "professional" else "patient"
            add(head, conv.dossier_id, "message", m.id, values, author, m.sent_at)
        if conv.id not in done:
            patient = bind.execute(sa.select(_dossiers).where(_dossiers.c.id == conv.dossier_id)).first()
            patient_name = f"{patient.first_names} {patient.last_name}".strip() if patient is not None else ""
            professional = names.get(conv.professional_rpps, conv.professional_rpps)
            values = conversation_values(conv, professional, patient_name)
            add(head, conv.dossier_id, "conversation", conv.id, values, "professional", conv.created_at)
    for start in range(0, len(rows), 500):
        bind.execute(sa.insert(_records), rows[start : start + 500])
    for dossier_id, head in heads.items():
        values = {"last_seq": head.last_seq, "digest": digest_hex(head.digest)}
        if head.known:
            bind.execute(sa.update(_heads).where(_heads.c.dossier_id == dossier_id).values(**values))
        else:
            bind.execute(sa.insert(_heads).values(dossier_id=dossier_id, epoch=1, **values))


def downgrade() -> None:
    """The messagerie's records leave the feed, and their fingerprints leave their dossiers' digests (the digest
    stays the XOR of the records that remain; the sequence never goes back)."""
    bind = op.get_bind()
    correspondence = _records.c.entity.in_(("message", "conversation"))
    removed: dict[uuid.UUID, int] = {}
    query = sa.select(_records.c.dossier_id, _records.c.entity_id, _records.c.version, _records.c.deleted)
    for row in bind.execute(query.where(correspondence)):
        removed[row.dossier_id] = removed.get(row.dossier_id, 0) ^ fingerprint(row.entity_id, row.version, row.deleted)
    for dossier_id, mask in removed.items():
        found = bind.execute(sa.select(_heads.c.digest).where(_heads.c.dossier_id == dossier_id)).scalar_one()
        digest = digest_hex(int(found, 16) ^ mask)
        bind.execute(sa.update(_heads).where(_heads.c.dossier_id == dossier_id).values(digest=digest))
    bind.execute(sa.delete(_records).where(correspondence))
