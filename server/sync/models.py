"""Tables of Dossier Sync v1: per-dossier heads, records, conflicts, the mutation ledger, streams, blobs."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime, new_id

_BIG = BigInteger().with_variant(Integer(), "sqlite")


class SyncHead(Base):
    """One row per dossier, locked by every write: `last_seq` orders changes in commit order."""

    __tablename__ = "sync_heads"

    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(_BIG, default=0)
    epoch: Mapped[int] = mapped_column(Integer, default=1)  # bumped by a server-side reset: clients re-bootstrap
    digest: Mapped[str] = mapped_column(String(64), default="0" * 64)  # XOR of record fingerprints
    # The first day one of its records held back from the patient (« visible après la consultation d'annonce »)
    # is released: the pull that sees this day reached releases them first (server/sync/release.py).
    next_release: Mapped[date | None] = mapped_column(Date, nullable=True, default=None)


class SyncRecord(Base):
    """The server's current state of one entry or document of a dossier (tombstones kept)."""

    __tablename__ = "sync_records"

    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))  # entry | document
    kind: Mapped[str] = mapped_column(String(40))
    values_json: Mapped[str] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(_BIG)  # the dossier seq of its last change
    blob_sha256: Mapped[str | None] = mapped_column(String(64))  # documents: the body this record refers to
    # The stream that wrote the latest changes, and the version before its uninterrupted run of changes began: a
    # mutation from that stream based at or after `run_base` has seen every change (the rest are its own).
    last_stream_id: Mapped[uuid.UUID | None] = mapped_column()
    run_base: Mapped[int] = mapped_column(_BIG, default=0)
    author_kind: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # A document the patient sees only from this day (the policy's `visible_to_patient_from`), while that day is to
    # come: the patient side's pulls skip it; its release gives it a new version, so every cursor meets it again.
    visible_from: Mapped[date | None] = mapped_column(Date, nullable=True, default=None)

    __table_args__ = (
        Index("ix_sync_records_feed", "dossier_id", "version"),
        Index("ix_sync_records_blob", "dossier_id", "blob_sha256"),
    )


class SyncConflict(Base):
    """Overlapping edits kept for a person to resolve; synced to every device (by `seq`) until resolved.

    On PostgreSQL (hash-partitioned by dossier_id, migration 1000) the key is (dossier_id, id): look it up with both."""

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[uuid.UUID] = mapped_column()
    kind: Mapped[str] = mapped_column(String(40))
    record_conflict: Mapped[str | None] = mapped_column(String(20))
    fields_json: Mapped[str] = mapped_column(Text)  # {field: {base, server, client}}
    mutation_id: Mapped[uuid.UUID] = mapped_column()
    author_kind: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution: Mapped[str | None] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(_BIG)

    __table_args__ = (Index("ix_sync_conflicts_feed", "dossier_id", "seq"),)


class SyncLedger(Base):
    """Every mutation ever received, with its result, written in the same transaction as its effect.

    On PostgreSQL (hash-partitioned by dossier_id, migration 1000) the key is (dossier_id, client_id, mutation_id):
    the replay lookup carries the pushed dossier's id."""

    __tablename__ = "sync_ledger"

    client_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    mutation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    stream_id: Mapped[uuid.UUID] = mapped_column()
    client_seq: Mapped[int] = mapped_column(_BIG)
    dossier_id: Mapped[uuid.UUID] = mapped_column(index=True)
    result_json: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncStream(Base):
    """One client database's mutation stream: the last client_seq accepted (gaps are refused)."""

    __tablename__ = "sync_streams"

    stream_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(index=True)
    device_id: Mapped[uuid.UUID] = mapped_column()
    dossier_id: Mapped[uuid.UUID] = mapped_column()
    last_client_seq: Mapped[int] = mapped_column(_BIG, default=0)


class SyncBlob(Base):
    """A verified document body of one dossier, content-addressed (dedupe only within the dossier)."""

    __tablename__ = "sync_blobs"

    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(_BIG)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncUpload(Base):
    """A resumable upload in progress; its offset is the length of its part file on disk."""

    __tablename__ = "sync_uploads"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(_BIG)
    principal_id: Mapped[uuid.UUID] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
