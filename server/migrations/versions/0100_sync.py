"""Dossier Sync v1: heads, records, conflicts, ledger, streams, blobs, uploads.

Revision ID: 0100
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0100"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _dossier_fk() -> "sa.Column[object]":
    column: sa.Column[object] = sa.Column(
        "dossier_id", sa.Uuid(), sa.ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False
    )
    return column


def upgrade() -> None:
    op.create_table(
        "sync_heads",
        _dossier_fk(),
        sa.Column("last_seq", _BIG, nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", name="pk_sync_heads"),
    )
    op.create_table(
        "sync_records",
        _dossier_fk(),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", _BIG, nullable=False),
        sa.Column("blob_sha256", sa.String(64), nullable=True),
        sa.Column("last_stream_id", sa.Uuid(), nullable=True),
        sa.Column("run_base", _BIG, nullable=False),
        sa.Column("author_kind", sa.String(20), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", "entity_id", name="pk_sync_records"),
    )
    op.create_index("ix_sync_records_feed", "sync_records", ["dossier_id", "version"])
    op.create_index("ix_sync_records_blob", "sync_records", ["dossier_id", "blob_sha256"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        _dossier_fk(),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("record_conflict", sa.String(20), nullable=True),
        sa.Column("fields_json", sa.Text(), nullable=False),
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("author_kind", sa.String(20), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.Column("seq", _BIG, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflicts"),
    )
    op.create_index("ix_sync_conflicts_feed", "sync_conflicts", ["dossier_id", "seq"])
    op.create_table(
        "sync_ledger",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("stream_id", sa.Uuid(), nullable=False),
        sa.Column("client_seq", _BIG, nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("client_id", "mutation_id", name="pk_sync_ledger"),
    )
    op.create_index("ix_sync_ledger_dossier_id", "sync_ledger", ["dossier_id"])
    op.create_table(
        "sync_streams",
        sa.Column("stream_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("last_client_seq", _BIG, nullable=False),
        sa.PrimaryKeyConstraint("stream_id", name="pk_sync_streams"),
    )
    op.create_index("ix_sync_streams_client_id", "sync_streams", ["client_id"])
    op.create_table(
        "sync_blobs",
        _dossier_fk(),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", _BIG, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", "sha256", name="pk_sync_blobs"),
    )
    op.create_table(
        "sync_uploads",
        sa.Column("id", sa.Uuid(), nullable=False),
        _dossier_fk(),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", _BIG, nullable=False),
        sa.Column("principal_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_uploads"),
    )
    op.create_index("ix_sync_uploads_dossier_id", "sync_uploads", ["dossier_id"])


def downgrade() -> None:
    for table in (
        "sync_uploads",
        "sync_blobs",
        "sync_streams",
        "sync_ledger",
        "sync_conflicts",
        "sync_records",
        "sync_heads",
    ):
        op.drop_table(table)
