"""PostgreSQL's hash partitioning by dossier id (migration 1000; docs/SCALING.md): what code outside the migration
needs to know about it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKeyConstraint

# The schema holding the partitions (`<table>_p00` …), out of the application's; fixed by migration 1000.
PARTITION_SCHEMA = "carnet_partitions"

# The partitioned tables (PARTITION BY HASH (dossier_id)), as migration 1000 leaves them.
PARTITIONED_TABLES = (
    "sync_records",
    "sync_conflicts",
    "sync_ledger",
    "sync_blobs",
    "audit_events",
    "access_notifications",
    "conversations",
    "messages",
)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's comparison filter: PostgreSQL keeps, beside a foreign key to a partitioned table, one internal
    constraint per partition of it; those are the partitioning's, not the models' (the parent's key is compared)."""
    if type_ == "foreign_key_constraint" and reflected and isinstance(obj, ForeignKeyConstraint):
        return obj.referred_table.schema != PARTITION_SCHEMA
    return True
