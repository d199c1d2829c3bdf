"""Professionals carry the town where they practise (patients find them by name, profession and town); which
notifications a dossier also gets by e-mail.

Revision ID: 0850
Revises: 0800
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0850"
down_revision: str | None = "0800"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("professionals") as batch:
        batch.add_column(sa.Column("town", sa.String(length=100), nullable=True))
    op.create_table(
        "access_notification_preferences",
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("mail_professional_access", sa.Boolean(), nullable=False),
        sa.Column("mail_document_added", sa.Boolean(), nullable=False),
        sa.Column("mail_aidant", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("dossier_id", name="pk_access_notification_preferences"),
    )


def downgrade() -> None:
    op.drop_table("access_notification_preferences")
    with op.batch_alter_table("professionals") as batch:
        batch.drop_column("town")
