"""The messagerie sécurisée (issue 20): conversations, messages in the service's order, aidants allowed to read.

Revision ID: 0800
Revises: 0700
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from server.db import UTCDateTime

revision: str = "0800"
down_revision: str | None = "0700"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("professional_rpps", sa.String(11), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("secret", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_message_at", UTCDateTime(), nullable=False),
        sa.Column("patient_read_seq", sa.Integer(), nullable=False),
        sa.Column("professional_read_seq", sa.Integer(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("archived_at", UTCDateTime(), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_conversations_dossier", "conversations", ["dossier_id", "last_message_at"])
    op.create_index("ix_conversations_rpps", "conversations", ["professional_rpps", "last_message_at"])
    op.create_table(
        "messages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("conversation_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sender_role", sa.String(30), nullable=False),
        sa.Column("sender_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),
    )
    op.create_table(
        "messaging_aidants",
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("aidant_account_id", sa.Uuid(), nullable=False),
        sa.Column("allowed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["aidant_account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("dossier_id", "aidant_account_id"),
    )


def downgrade() -> None:
    op.drop_table("messaging_aidants")
    op.drop_table("messages")
    op.drop_index("ix_conversations_rpps", table_name="conversations")
    op.drop_index("ix_conversations_dossier", table_name="conversations")
    op.drop_table("conversations")
