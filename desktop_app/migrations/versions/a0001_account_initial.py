"""Account database: settings and the wrapped keys of the dossiers this profile holds."""

import sqlalchemy as sa
from alembic import op

revision = "a0001"
down_revision = None
branch_labels = ("account",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("wrapped_key", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("dossiers")
    op.drop_table("settings")
