"""Local tables sync adds to each dossier database (created by migration d0002_sync)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

sync_metadata = MetaData()

sync_meta = Table(
    "sync_meta",
    sync_metadata,
    Column("key", String(60), primary_key=True),  # stream_id, cursor
    Column("value", Text, nullable=False),
)

# The server's state of each record as last pulled: the base pending mutations are re-applied on, and the digest.
sync_shadow = Table(
    "sync_shadow",
    sync_metadata,
    Column("entity_id", String(36), primary_key=True),
    Column("entity", String(20), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("values", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted", Integer, nullable=False),
    Column("author_kind", String(20), nullable=False),
    Column("created_at", String(40), nullable=False),
)

# The terminal result of each pushed mutation (the outbox row's `state` holds the status).
sync_results = Table(
    "sync_results",
    sync_metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("reason", String(60)),
    Column("message", Text),  # the service's detail, in French
    Column("conflict_id", String(36)),
    Column("message_en", Text),  # the same in English (d0003)
)

sync_conflicts = Table(
    "sync_conflicts",
    sync_metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("record_conflict", String(20)),
    Column("fields", Text, nullable=False),
    Column("author_kind", String(20), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("resolved", Integer, nullable=False),
    Column("resolution", String(20)),
)

# Document bodies still to send ("up") or to fetch ("down").
sync_blobs = Table(
    "sync_blobs",
    sync_metadata,
    Column("document_id", String(36), primary_key=True),
    Column("direction", String(4), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
)
