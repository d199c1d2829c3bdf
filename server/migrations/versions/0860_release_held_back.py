"""Documents held back from the patient until a day (« visible après la consultation d'annonce »): the day on the
record while it is to come, and the dossier's next such day on its head, so that a pull releases them when it comes.

Revision ID: 0860
Revises: 0850
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0860"
down_revision: str | None = "0850"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_records") as batch:
        batch.add_column(sa.Column("visible_from", sa.Date(), nullable=True))
    with op.batch_alter_table("sync_heads") as batch:
        batch.add_column(sa.Column("next_release", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_heads") as batch:
        batch.drop_column("next_release")
    with op.batch_alter_table("sync_records") as batch:
        batch.drop_column("visible_from")
