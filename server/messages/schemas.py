"""Request and response bodies of the messagerie."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

# The text limit is checked by dossier.messages (a sentence in both languages); this bound only stops abuse early.
_TEXT = Field(max_length=20_000)


MAX_SEQ = 2**31 - 1
"""A conversation's sequence fits a 32-bit column: every sequence a client sends is bounded by it (S41)."""


class MessageIn(BaseModel):
    id: uuid.UUID = Field(description="Client-generated: a resend of the same message returns it, never a copy.")
    text: str = _TEXT
    attachment_id: uuid.UUID | None = Field(
        default=None,
        description="An attachment uploaded first (POST, then PATCH …/attachments/{id}/upload) to send with it.",
    )


class StartIn(BaseModel):
    id: uuid.UUID = Field(description="Client-generated conversation id (a resend returns the same conversation).")
    dossier_id: uuid.UUID | None = None
    ins: str | None = Field(default=None, max_length=40)
    subject: str = Field(max_length=1000)
    secret: bool = Field(default=False, description="A minor's secret care: never shown to their parents.")
    message: MessageIn


class AttachmentUploadIn(BaseModel):
    """The announcement of a resumable attachment upload (then PATCH chunks, like a document's body)."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1, le=2**40)
    filename: str = Field(max_length=1000)
    dossier_id: uuid.UUID | None = Field(
        default=None, description="For the first message of a conversation not started yet: the patient's dossier."
    )


class ReadIn(BaseModel):
    up_to_seq: int = Field(ge=0, le=MAX_SEQ)


class AttachmentOut(BaseModel):
    id: uuid.UUID
    filename: str
    format: str
    mime_type: str
    size: int
    sha256: str = Field(description="Of the clear bytes: the client checks what it downloads against it.")


class MessageOut(BaseModel):
    id: uuid.UUID
    conversation_id: uuid.UUID
    seq: int
    sender_role: str
    mine: bool
    text: str
    sent_at: datetime
    attachment: AttachmentOut | None = None


class ConversationOut(BaseModel):
    id: uuid.UUID
    dossier_id: uuid.UUID
    professional_rpps: str
    professional_name: str
    patient_name: str
    subject: str
    secret: bool
    created_at: datetime
    last_seq: int
    last_message_at: datetime
    unread: int
    read_seq: int = Field(description="The caller's side's read mark, shared by all its devices.")
    other_read_seq: int = Field(description="The other side's read mark: the caller's messages up to it were seen.")
    closed: bool
    archived: bool


class ConversationPage(BaseModel):
    items: list[ConversationOut]
    total: int


class SentOut(BaseModel):
    conversation_id: uuid.UUID
    message: MessageOut


class MessagePage(BaseModel):
    conversation: ConversationOut
    items: list[MessageOut]
    next_after_seq: int | None = Field(description="Ask again from here; null when there is nothing more.")
