"""Tables of the messagerie (migration 0800)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime


class Conversation(Base):
    """A conversation a professional started with a patient; its id is the client's (idempotent start)."""

    __tablename__ = "conversations"
    __table_args__ = (
        Index("ix_conversations_dossier", "dossier_id", "last_message_at"),
        Index("ix_conversations_rpps", "professional_rpps", "last_message_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
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
    __table_args__ = (UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    sender_role: Mapped[str] = mapped_column(String(30))
    sender_id: Mapped[uuid.UUID] = mapped_column()
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
