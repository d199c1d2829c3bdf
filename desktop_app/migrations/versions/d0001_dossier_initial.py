"""Dossier database: entries with tombstones and full-text search, documents in chunks, the sync outbox."""

import sqlalchemy as sa
from alembic import op

revision = "d0001"
down_revision = None
branch_labels = ("dossier",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("search", sa.Text, nullable=False),
        sa.Column("sort_date", sa.String(40)),
        sa.Column("order_key", sa.String(80), nullable=False),
        sa.Column("author_kind", sa.String(20), nullable=False),
        sa.Column("external_ref", sa.Text, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("deleted", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_entries_live_order", "entries", ["deleted", "order_key"])
    op.create_index("ix_entries_kind_order", "entries", ["kind", "deleted", "order_key"])
    # Substring search ("pénic" finds "Pénicilline") on accent-folded text: an FTS5 trigram index kept in step by
    # triggers. Queries shorter than three characters fall back to LIKE (see dossier_store.EntryService.search).
    op.execute(
        "CREATE VIRTUAL TABLE entries_fts USING fts5(search, content='entries', content_rowid='rowid', "
        "tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN "
        "INSERT INTO entries_fts(rowid, search) VALUES (new.rowid, new.search); END"
    )
    op.execute(
        "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN "
        "INSERT INTO entries_fts(entries_fts, rowid, search) VALUES ('delete', old.rowid, old.search); END"
    )
    op.execute(
        "CREATE TRIGGER entries_fts_update AFTER UPDATE OF search ON entries BEGIN "
        "INSERT INTO entries_fts(entries_fts, rowid, search) VALUES ('delete', old.rowid, old.search); "
        "INSERT INTO entries_fts(rowid, search) VALUES (new.rowid, new.search); END"
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("document_date", sa.String(10)),
        sa.Column("author_kind", sa.String(20), nullable=False),
        sa.Column("confidentiality", sa.Text, nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("mime_type", sa.String(60), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.Text),
        sa.Column("external_ref", sa.Text, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("deleted", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_documents_live", "documents", ["deleted", "category", "created_at"])
    op.create_table(
        "document_chunks",
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("client_seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("mutation_id", sa.String(36), nullable=False, unique=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("op", sa.String(30), nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("state", sa.String(20), nullable=False, server_default="pending"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    for table in ("outbox", "document_chunks", "documents"):
        op.drop_table(table)
    op.execute("DROP TABLE entries_fts")
    op.drop_table("entries")
    op.drop_table("meta")
