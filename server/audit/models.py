"""Tables of the audit trail: append-only events and the head of their HMAC chain."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime


class AuditEvent(Base):
    """Who did what to which dossier, when, from which device. Never health data.

    On PostgreSQL the table is hash-partitioned by dossier_id (migration 1000): the event id is unique per dossier,
    `seq` (the chain's order) is indexed, not a database key — the chain head's lock hands each number out once.
    Account-level events (dossier_id NULL) land in the remainder-0 partition."""

    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("dossier_id", "id", name="uq_audit_events_dossier_id"),
        Index("ix_audit_events_seq", "seq"),
    )

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    id: Mapped[uuid.UUID] = mapped_column()
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[uuid.UUID | None]
    actor_role: Mapped[str] = mapped_column(String(32))
    on_behalf_of_id: Mapped[uuid.UUID | None]
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[uuid.UUID | None]
    # Assisted sessions (PGSSI-S, S32): "name|structure" of the helper at the keyboard beside the person.
    assisted_by: Mapped[str | None] = mapped_column(String(210))
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row holding the last sequence number and hash: appends lock it, so the chain stays linear."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    last_hash: Mapped[str] = mapped_column(String(64))
    # Rows from this sequence number on are HMAC-chained with the audit key; older ones (written before migration
    # 0500) keep their plain SHA-256. Signed checkpoints carry this number too, so moving it is caught.
    keyed_from_seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
