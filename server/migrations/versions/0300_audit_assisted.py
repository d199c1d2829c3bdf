"""Audit events record the helper of an assisted session (PGSSI-S: who is really at the keyboard).

Revision ID: 0300
Revises: 0200
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0300"
down_revision: str | None = "0200"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("assisted_by", sa.String(210), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("assisted_by")
