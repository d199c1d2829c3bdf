"""Declarative hash partitioning by `dossier_id` of the big tables (PostgreSQL), and the dossier id on messages.

PostgreSQL: sync_records, sync_conflicts, sync_ledger, sync_blobs, audit_events, access_notifications, conversations
and messages become `PARTITION BY HASH (dossier_id)` tables of MODULUS partitions each (docs/SCALING.md says why 32).
Each table is rebuilt: a partitioned copy is created, the rows are moved, the old table dropped and the copy takes its
name; the indexes and foreign keys are recreated from the old table's own definitions, and the keys now carry
`dossier_id` (a unique constraint on a partitioned table must contain the partition key):

- sync_conflicts, access_notifications, conversations: (dossier_id, id);
- sync_ledger: (dossier_id, client_id, mutation_id) — the push's idempotency lookup carries the dossier id;
- messages: (dossier_id, id), its order (dossier_id, conversation_id, seq); the new `messages.dossier_id` column is
  filled from its conversation; message_attachments (small, not partitioned) gets it too, for its composite foreign
  keys to conversations and messages;
- audit_events: (dossier_id, id) unique and an index on `seq`. Account-level events (dossier_id NULL: logins, account
  changes) stay NULL — hashing a NULL key gives 0, so PostgreSQL routes them all to the remainder-0 partition, and the
  chain (ordered by the global `seq`, hashed over the row's fields with dossier_id null) is unchanged and verifies as
  before. There is no PRIMARY KEY (its columns must be NOT NULL); `seq` stays unique through the chain head's lock.

The partitions live in the schema `carnet_partitions` (`<table>_p00` …), out of the application's schema.

SQLite (one machine, no partitioning): only what the models declare for both engines — the dossier id on messages
and attachments, the composite keys and foreign keys of the messagerie, the audit events' (dossier_id, id) key.

The downgrade restores plain tables with their 0900 keys, rows kept (on PostgreSQL; on SQLite the 0900 keys).

Revision ID: 1000_partition_by_dossier
Revises: 0900
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1000_partition_by_dossier"
down_revision: str | None = "0900"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MODULUS = 32
SCHEMA = "carnet_partitions"

# table -> (primary key or None, unique constraints {name: columns}) once partitioned.
PARTITIONED: dict[str, tuple[tuple[str, ...] | None, dict[str, tuple[str, ...]]]] = {
    "sync_records": (("dossier_id", "entity_id"), {}),
    "sync_conflicts": (("dossier_id", "id"), {}),
    "sync_ledger": (("dossier_id", "client_id", "mutation_id"), {}),
    "sync_blobs": (("dossier_id", "sha256"), {}),
    "audit_events": (None, {"uq_audit_events_dossier_id": ("dossier_id", "id")}),
    "access_notifications": (("dossier_id", "id"), {}),
    "conversations": (("dossier_id", "id"), {}),
    "messages": (
        ("dossier_id", "id"),
        {"uq_messages_conversation_seq": ("dossier_id", "conversation_id", "seq")},
    ),
}
# The same tables at 0900 (plain).
PLAIN: dict[str, tuple[tuple[str, ...] | None, dict[str, tuple[str, ...]]]] = {
    "sync_records": (("dossier_id", "entity_id"), {}),
    "sync_conflicts": (("id",), {}),
    "sync_ledger": (("client_id", "mutation_id"), {}),
    "sync_blobs": (("dossier_id", "sha256"), {}),
    "audit_events": (("seq",), {"uq_audit_events_id": ("id",)}),
    "access_notifications": (("id",), {}),
    "conversations": (("id",), {}),
    "messages": (("id",), {"uq_messages_conversation_seq": ("conversation_id", "seq")}),
}
# Indexes that exist only in one of the two shapes.
PARTITIONED_ONLY_INDEXES = {"ix_audit_events_seq": "CREATE INDEX ix_audit_events_seq ON audit_events (seq)"}

# Foreign keys of the messagerie once conversations and messages are keyed by (dossier_id, id).
COMPOSITE_FKS = {
    "messages": [
        ("fk_messages_dossier_id_conversations", "(dossier_id, conversation_id)", "conversations (dossier_id, id)"),
    ],
    "message_attachments": [
        (
            "fk_message_attachments_dossier_id_conversations",
            "(dossier_id, conversation_id)",
            "conversations (dossier_id, id)",
        ),
        ("fk_message_attachments_dossier_id_messages", "(dossier_id, message_id)", "messages (dossier_id, id)"),
    ],
}
PLAIN_FKS = {
    "messages": [("fk_messages_conversation_id_conversations", "(conversation_id)", "conversations (id)")],
    "message_attachments": [
        ("fk_message_attachments_conversation_id_conversations", "(conversation_id)", "conversations (id)"),
        ("fk_message_attachments_message_id_messages", "(message_id)", "messages (id)"),
    ],
}
MANAGED_FKS = {name for fks in (COMPOSITE_FKS, PLAIN_FKS) for constraints in fks.values() for name, _, _ in constraints}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _downgrade_postgresql()
    else:
        _downgrade_sqlite()


# -- PostgreSQL -----------------------------------------------------------------------------------------------------


def _exec(sql: str) -> None:
    op.execute(sa.text(sql))


def _other_fks(table: str) -> list[tuple[str, str]]:
    """The foreign keys of `table` that are not the messagerie's (to dossiers, accounts): kept as they were."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname"
        ),
        {"t": table},
    )
    return [(name, definition) for name, definition in rows if name not in MANAGED_FKS]


def _plain_indexes(table: str) -> list[str]:
    """`CREATE INDEX` statements of the table's indexes that back no constraint (keys are rebuilt separately)."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = CAST(:t AS regclass) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY c.relname"
        ),
        {"t": table},
    )
    return [definition for name, definition in rows if name not in PARTITIONED_ONLY_INDEXES]


def _drop_messagerie_fks(fks: dict[str, list[tuple[str, str, str]]]) -> None:
    for table, constraints in fks.items():
        for name, _, _ in constraints:
            _exec(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")


def _add_messagerie_fks(fks: dict[str, list[tuple[str, str, str]]]) -> None:
    for table, constraints in fks.items():
        for name, columns, target in constraints:
            _exec(
                f"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY {columns} REFERENCES {target} ON DELETE CASCADE"
            )


def _rebuild(table: str, shape: tuple[tuple[str, ...] | None, dict[str, tuple[str, ...]]], *, partitioned: bool) -> int:
    """Recreate `table` partitioned (or plain) with the same columns, rows, indexes and outside foreign keys, and the
    keys of `shape`. Returns the number of rows moved."""
    fks = _other_fks(table)
    indexes = _plain_indexes(table)
    new = f"{table}__new"
    suffix = " PARTITION BY HASH (dossier_id)" if partitioned else ""
    _exec(f"CREATE TABLE {new} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS){suffix}")
    if partitioned:
        for remainder in range(MODULUS):
            _exec(
                f"CREATE TABLE {SCHEMA}.{table}_p{remainder:02d} PARTITION OF {new} "
                f"FOR VALUES WITH (MODULUS {MODULUS}, REMAINDER {remainder})"
            )
    moved = op.get_bind().execute(sa.text(f"INSERT INTO {new} SELECT * FROM {table}")).rowcount  # noqa: S608
    _exec(f"DROP TABLE {table}")
    _exec(f"ALTER TABLE {new} RENAME TO {table}")
    primary, uniques = shape
    if primary is not None:
        _exec(f"ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY ({', '.join(primary)})")
    for name, columns in uniques.items():
        _exec(f"ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE ({', '.join(columns)})")
    for definition in indexes:
        _exec(definition)
    for name, definition in fks:
        _exec(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    if partitioned:
        for definition in PARTITIONED_ONLY_INDEXES.values():
            if f" ON {table} " in definition:
                _exec(definition)
    _exec(f"ANALYZE {table}")
    return int(moved or 0)


def _add_dossier_id(table: str) -> None:
    """The dossier id of a messagerie row, from its conversation."""
    _exec(f"ALTER TABLE {table} ADD COLUMN dossier_id UUID")
    _exec(
        f"UPDATE {table} AS t SET dossier_id = c.dossier_id FROM conversations AS c "  # noqa: S608
        "WHERE c.id = t.conversation_id"
    )
    _exec(f"ALTER TABLE {table} ALTER COLUMN dossier_id SET NOT NULL")


def _refuse_unknown_references() -> None:
    """A foreign key from elsewhere to a table rebuilt here (added by a later revision merged before this one) would
    be dropped with it: stop with its name rather than lose it."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT conname, conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 "
            "AND confrelid::regclass::text = ANY(:tables)"
        ),
        {"tables": list(PARTITIONED)},
    )
    unknown = [f"{name} ({table})" for name, table in rows if name not in MANAGED_FKS]
    if unknown:
        raise RuntimeError(
            "Migration 1000 rebuilds these tables; foreign keys it does not know point at them: "
            + ", ".join(unknown)
            + ". Add them to COMPOSITE_FKS / PLAIN_FKS (with the dossier id) first."
        )


def _upgrade_postgresql() -> None:
    _refuse_unknown_references()
    _exec(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    _add_dossier_id("messages")
    _add_dossier_id("message_attachments")
    _drop_messagerie_fks(PLAIN_FKS)  # they point at the plain keys being replaced
    for table, shape in PARTITIONED.items():
        _rebuild(table, shape, partitioned=True)
    _add_messagerie_fks(COMPOSITE_FKS)


def _downgrade_postgresql() -> None:
    _refuse_unknown_references()
    _drop_messagerie_fks(COMPOSITE_FKS)
    for table, shape in PLAIN.items():
        _rebuild(table, shape, partitioned=False)
    _add_messagerie_fks(PLAIN_FKS)
    for table in ("message_attachments", "messages"):
        _exec(f"ALTER TABLE {table} DROP COLUMN dossier_id")
    _exec(f"DROP SCHEMA IF EXISTS {SCHEMA}")  # empty: the partitions went with their tables


# -- SQLite ---------------------------------------------------------------------------------------------------------


def _fill_dossier_id(table: str) -> None:
    _exec(
        f"UPDATE {table} SET dossier_id = (SELECT c.dossier_id FROM conversations AS c "  # noqa: S608
        f"WHERE c.id = {table}.conversation_id)"
    )


def _upgrade_sqlite() -> None:
    with op.batch_alter_table("audit_events", recreate="always") as batch:
        batch.drop_constraint("uq_audit_events_id", type_="unique")
        batch.create_unique_constraint("uq_audit_events_dossier_id", ["dossier_id", "id"])
        batch.create_index("ix_audit_events_seq", ["seq"])
    with op.batch_alter_table("conversations", recreate="always") as batch:
        batch.drop_constraint("pk_conversations", type_="primary")
        batch.create_primary_key("pk_conversations", ["dossier_id", "id"])
    for table in ("messages", "message_attachments"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("dossier_id", sa.Uuid(), nullable=True))
        _fill_dossier_id(table)
    with op.batch_alter_table("messages", recreate="always") as batch:
        batch.alter_column("dossier_id", existing_type=sa.Uuid(), nullable=False)
        batch.drop_constraint("fk_messages_conversation_id_conversations", type_="foreignkey")
        batch.drop_constraint("uq_messages_conversation_seq", type_="unique")
        batch.drop_constraint("pk_messages", type_="primary")
        batch.create_primary_key("pk_messages", ["dossier_id", "id"])
        batch.create_unique_constraint("uq_messages_conversation_seq", ["dossier_id", "conversation_id", "seq"])
        batch.create_foreign_key(
            "fk_messages_dossier_id_conversations",
            "conversations",
            ["dossier_id", "conversation_id"],
            ["dossier_id", "id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("message_attachments", recreate="always") as batch:
        batch.alter_column("dossier_id", existing_type=sa.Uuid(), nullable=False)
        batch.drop_constraint("fk_message_attachments_conversation_id_conversations", type_="foreignkey")
        batch.drop_constraint("fk_message_attachments_message_id_messages", type_="foreignkey")
        batch.create_foreign_key(
            "fk_message_attachments_dossier_id_conversations",
            "conversations",
            ["dossier_id", "conversation_id"],
            ["dossier_id", "id"],
            ondelete="CASCADE",
        )
        batch.create_foreign_key(
            "fk_message_attachments_dossier_id_messages",
            "messages",
            ["dossier_id", "message_id"],
            ["dossier_id", "id"],
            ondelete="CASCADE",
        )


def _downgrade_sqlite() -> None:
    with op.batch_alter_table("message_attachments", recreate="always") as batch:
        batch.drop_constraint("fk_message_attachments_dossier_id_messages", type_="foreignkey")
        batch.drop_constraint("fk_message_attachments_dossier_id_conversations", type_="foreignkey")
        batch.drop_column("dossier_id")
        batch.create_foreign_key(
            "fk_message_attachments_conversation_id_conversations",
            "conversations",
            ["conversation_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_foreign_key(
            "fk_message_attachments_message_id_messages", "messages", ["message_id"], ["id"], ondelete="CASCADE"
        )
    with op.batch_alter_table("messages", recreate="always") as batch:
        batch.drop_constraint("fk_messages_dossier_id_conversations", type_="foreignkey")
        batch.drop_constraint("uq_messages_conversation_seq", type_="unique")
        batch.drop_constraint("pk_messages", type_="primary")
        batch.drop_column("dossier_id")
        batch.create_primary_key("pk_messages", ["id"])
        batch.create_unique_constraint("uq_messages_conversation_seq", ["conversation_id", "seq"])
        batch.create_foreign_key(
            "fk_messages_conversation_id_conversations",
            "conversations",
            ["conversation_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("conversations", recreate="always") as batch:
        batch.drop_constraint("pk_conversations", type_="primary")
        batch.create_primary_key("pk_conversations", ["id"])
    with op.batch_alter_table("audit_events", recreate="always") as batch:
        batch.drop_index("ix_audit_events_seq")
        batch.drop_constraint("uq_audit_events_dossier_id", type_="unique")
        batch.create_unique_constraint("uq_audit_events_id", ["id"])
