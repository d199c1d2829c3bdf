"""Dossier database: the search index is rewritten only when an entry's search text changes.

The update trigger of d0001 fired on every UPDATE that named the `search` column, and the sync rewrites each pushed
or pulled entry's row from the service's record with the same text: every acknowledged entry cost a delete and a
re-insert of all its trigrams. Same index, same contents; a `WHEN` clause skips the unchanged rows."""

from alembic import op

revision = "d0004"
down_revision = "d0003"
branch_labels = None
depends_on = None

_REINDEX = (
    "BEGIN INSERT INTO entries_fts(entries_fts, rowid, search) VALUES ('delete', old.rowid, old.search); "
    "INSERT INTO entries_fts(rowid, search) VALUES (new.rowid, new.search); END"
)


def upgrade() -> None:
    op.execute("DROP TRIGGER entries_fts_update")
    op.execute(
        "CREATE TRIGGER entries_fts_update AFTER UPDATE OF search ON entries "
        f"WHEN old.search IS NOT new.search {_REINDEX}"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER entries_fts_update")
    op.execute(f"CREATE TRIGGER entries_fts_update AFTER UPDATE OF search ON entries {_REINDEX}")
