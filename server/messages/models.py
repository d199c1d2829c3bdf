"""Tables of the messagerie (migrations 0800, 0900, 1000).

Keyed by (dossier_id, id) since migration 1000: on PostgreSQL conversations and messages are hash-partitioned by
dossier id, and a key of a partitioned table must contain the partition key."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime


class Conversation(Base):
    """A conversation a professional started with a patient; its id is the client's (idempotent start)."""

    __tablename__ = "conversations"
    __table_args__ = (
        Index("ix_conversations_dossier", "dossier_id", "last_message_at"),
        Index("ix_conversations_rpps", "professional_rpps", "last_message_at"),
    )

    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    professional_rpps: Mapped[str] = mapped_column(String(11))
    subject: Mapped[str] = mapped_column(String(200))
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    """A minor's secret care: never shown to legal representatives or aidants."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    """The last message's sequence number: the service's order, never a client's clock."""
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime())
    patient_read_seq: Mapped[int] = mapped_column(Integer, default=0)
    professional_read_seq: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    """Deleted from the patient's view (the professional keeps their correspondence)."""


class Message(Base):
    """One message; its id is the sender's client-generated id (a resend after a cut finds it)."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("dossier_id", "conversation_id", "seq", name="uq_messages_conversation_seq"),
        Index("ix_messages_sender_sent", "sender_id", "sent_at"),  # the per-minute sending limit counts with it
        ForeignKeyConstraint(
            ["dossier_id", "conversation_id"], ["conversations.dossier_id", "conversations.id"], ondelete="CASCADE"
        ),
    )

    dossier_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    """Its conversation's (the partition key on PostgreSQL)."""
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    conversation_id: Mapped[uuid.UUID] = mapped_column()
    seq: Mapped[int] = mapped_column(Integer)
    sender_role: Mapped[str] = mapped_column(String(30))
    sender_id: Mapped[uuid.UUID] = mapped_column()
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MessageAttachment(Base):
    """A document sent with a message: uploaded first (its id is the sender's), then named by the message.

    The body is a file under `<data_dir>/message-attachments/<conversation_id>/<id>`, encrypted with AES-GCM under the
    service's attachment key (`attachments.key`); only its size and SHA-256 (of the clear bytes) are in the database."""

    __tablename__ = "message_attachments"
    __table_args__ = (
        ForeignKeyConstraint(
            ["dossier_id", "conversation_id"], ["conversations.dossier_id", "conversations.id"], ondelete="CASCADE"
        ),
        ForeignKeyConstraint(["dossier_id", "message_id"], ["messages.dossier_id", "messages.id"], ondelete="CASCADE"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column()
    """Its conversation's: the composite keys of conversations and messages name it."""
    conversation_id: Mapped[uuid.UUID] = mapped_column(index=True)
    uploader_id: Mapped[uuid.UUID] = mapped_column()
    message_id: Mapped[uuid.UUID | None] = mapped_column(unique=True, default=None)
    """None while staged (uploaded, not yet sent with a message)."""
    filename: Mapped[str] = mapped_column(String(200))
    format: Mapped[str] = mapped_column(String(10))
    mime_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
