"""The entries' search index follows their text, and only their text (dossier migration d0004).

The sync rewrites every acknowledged entry's row from the service's record with the same search text; the index is
then left alone. FTS5's own `integrity-check` compares the index with the entries table: it fails if a change of
text was missed or a row was indexed twice."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection, text

from desktop_app import migrate
from desktop_app.dossier_store import DossierStore
from desktop_app.profile import UnlockedProfile


def _index_consistent(conn: Connection) -> None:
    conn.exec_driver_sql("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')")  # raises if not


def _trigger_sql(store: DossierStore) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'entries_fts_update'")).scalar_one())


def test_rewriting_an_entry_with_the_same_text_keeps_it_found(profile: UnlockedProfile) -> None:
    store = profile.dossier()
    entry = store.entries.create("allergy", {"name": "Pénicilline", "reaction": "Urticaire"})
    with store.transaction() as conn:  # what the sync does with the service's record: same text, new version
        conn.exec_driver_sql("UPDATE entries SET search = search, server_version = 7 WHERE id = ?", (entry.id,))
        _index_consistent(conn)
    assert [e.id for e in store.entries.search("pénic")] == [entry.id]

    store.entries.edit(entry.id, {"name": "Amoxicilline"})
    assert [e.id for e in store.entries.search("amoxi")] == [entry.id]
    assert store.entries.search("pénic") == []
    with store.transaction() as conn:
        _index_consistent(conn)


def test_the_migration_goes_down_and_up_on_a_dossier_in_use(profile: UnlockedProfile) -> None:
    store = profile.dossier()
    entry = store.entries.create("allergy", {"name": "Arachide"})
    assert "WHEN old.search IS NOT new.search" in _trigger_sql(store)
    config = migrate._config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "d0003")
    assert "WHEN" not in _trigger_sql(store)
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "dossier@head")
    assert "WHEN old.search IS NOT new.search" in _trigger_sql(store)
    store.entries.edit(entry.id, {"name": "Noisette"})
    assert [e.id for e in store.entries.search("noiset")] == [entry.id]
    with store.transaction() as conn:
        _index_consistent(conn)
