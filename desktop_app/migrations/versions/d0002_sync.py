"""Dossier database: what sync keeps locally (stream, cursor, server shadow, results, conflicts, blob queue)."""

import sqlalchemy as sa
from alembic import op

revision = "d0002"
down_revision = "d0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The engine looks up pending mutations by entity (re-applying them on pulled rows) and by state in sequence.
    op.create_index("ix_outbox_entity_state", "outbox", ["entity_id", "state"])
    op.create_index("ix_outbox_state_seq", "outbox", ["state", "client_seq"])
    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_shadow",
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("values", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Integer, nullable=False),
        sa.Column("author_kind", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "sync_results",
        sa.Column("mutation_id", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(60)),
        sa.Column("message", sa.Text),
        sa.Column("conflict_id", sa.String(36)),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("record_conflict", sa.String(20)),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("author_kind", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("resolved", sa.Integer, nullable=False),
        sa.Column("resolution", sa.String(20)),
    )
    op.create_table(
        "sync_blobs",
        sa.Column("document_id", sa.String(36), primary_key=True),
        sa.Column("direction", sa.String(4), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("sync_blobs", "sync_conflicts", "sync_results", "sync_shadow", "sync_meta"):
        op.drop_table(table)
    op.drop_index("ix_outbox_state_seq", "outbox")
    op.drop_index("ix_outbox_entity_state", "outbox")
