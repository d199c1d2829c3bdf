"""Heirs' requests keep their relationship, purpose and justification (access after death, issue 4).

Revision ID: 0400
Revises: 0300
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0400"
down_revision: str | None = "0300"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("access_post_mortem_claimants") as batch:
        batch.add_column(sa.Column("relationship", sa.String(20), nullable=True))
        batch.add_column(sa.Column("purpose", sa.String(20), nullable=True))
        batch.add_column(sa.Column("justification", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("access_post_mortem_claimants") as batch:
        batch.drop_column("justification")
        batch.drop_column("purpose")
        batch.drop_column("relationship")
