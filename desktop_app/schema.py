"""Tables of the client's two kinds of encrypted database: the profile's account DB and one DB per dossier.

The services use these SQLAlchemy Core tables (bulk statements, no ORM unit of work: see STACK_NOTES on speed).
The migrations in desktop_app/migrations create them; a test checks that both agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

account_metadata = MetaData()

account_settings = Table(
    "settings",
    account_metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

account_dossiers = Table(
    "dossiers",
    account_metadata,
    Column("id", String(36), primary_key=True),
    Column("label", Text, nullable=False),
    Column("role", String(20), nullable=False),  # own | child | patient
    Column("wrapped_key", Text, nullable=False),  # JSON {nonce, ct}: the dossier's data key under the profile key
    Column("created_at", String(40), nullable=False),
)

dossier_metadata = MetaData()

meta = Table(
    "meta",
    dossier_metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

entries = Table(
    "entries",
    dossier_metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("data", Text, nullable=False),  # JSON of the validated fields; "{}" once deleted
    Column("summary", Text, nullable=False),
    Column("search", Text, nullable=False),  # accent-folded lowercase text for search
    Column("sort_date", String(40)),
    Column("order_key", String(80), nullable=False),  # newest first: "<sort date or created>|<id>"
    Column("author_kind", String(20), nullable=False),
    Column("external_ref", Text, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("server_version", Integer, nullable=False, default=0),
    Column("deleted", Integer, nullable=False, default=0),  # tombstone
)
Index("ix_entries_live_order", entries.c.deleted, entries.c.order_key)
Index("ix_entries_kind_order", entries.c.kind, entries.c.deleted, entries.c.order_key)

documents = Table(
    "documents",
    dossier_metadata,
    Column("id", String(36), primary_key=True),
    Column("title", Text, nullable=False),
    Column("category", String(40), nullable=False),
    Column("document_date", String(10)),
    Column("author_kind", String(20), nullable=False),
    Column("confidentiality", Text, nullable=False),  # JSON
    Column("format", String(10), nullable=False),
    Column("mime_type", String(60), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("filename", Text),
    Column("external_ref", Text, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("server_version", Integer, nullable=False, default=0),
    Column("deleted", Integer, nullable=False, default=0),
)
Index("ix_documents_live", documents.c.deleted, documents.c.category, documents.c.created_at)

document_chunks = Table(
    "document_chunks",
    dossier_metadata,
    Column("document_id", String(36), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

outbox = Table(
    "outbox",
    dossier_metadata,
    Column("client_seq", Integer, primary_key=True, autoincrement=True),
    Column("mutation_id", String(36), nullable=False, unique=True),
    Column("entity", String(20), nullable=False),  # entry | document
    Column("entity_id", String(36), nullable=False),
    Column("kind", String(40), nullable=False),  # entry kind or document category
    Column("op", String(30), nullable=False),  # create | update | delete | set_confidentiality
    Column("base_version", Integer, nullable=False),
    Column("changes", Text, nullable=False),  # JSON {field: [old, new]}
    Column("created_at", String(40), nullable=False),
    Column("state", String(20), nullable=False, default="pending"),
    sqlite_autoincrement=True,
)
