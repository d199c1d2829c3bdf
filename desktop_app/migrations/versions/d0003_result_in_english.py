"""Dossier database: the service's detail of a refused change in English too (`sync_results.message_en`), so an
English window never shows the French one."""

import sqlalchemy as sa
from alembic import op

revision = "d0003"
down_revision = "d0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_results") as batch:
        batch.add_column(sa.Column("message_en", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("sync_results") as batch:
        batch.drop_column("message_en")
