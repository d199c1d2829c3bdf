"""Migration 0860 on a database that already holds documents « visible après la consultation d'annonce »: those
whose day is still to come are held back from then on (and their dossier's next release day set); the others, and
documents with no such door, are left alone."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from server.db import migrate

COLUMNS = (
    "dossier_id, entity_id, entity, kind, values_json, deleted, version, run_base, author_kind, created_at, updated_at"
)


def _document(conn: sa.Connection, dossier: uuid.UUID, version: int, hidden_until: str | None, added: datetime) -> str:
    entity_id = uuid.uuid4()
    values = {"title": "Résultat", "confidentiality": {"hidden_from_patient_until": hidden_until}}
    conn.execute(
        sa.text(
            f"INSERT INTO sync_records ({COLUMNS}) VALUES (:d, :e, 'document', 'biologie', :v, 0, :n, 0, "
            "'professional', :at, :at)"
        ),
        {
            "d": dossier.hex,
            "e": entity_id.hex,
            "v": json.dumps(values, ensure_ascii=False, sort_keys=True),
            "n": version,
            "at": added.isoformat(sep=" "),
        },
    )
    return entity_id.hex


def test_stored_documents_still_to_be_released_are_held_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, "0850")
    today = datetime.now(UTC).date()
    now = datetime.now(UTC).replace(tzinfo=None)
    dossier, other = uuid.uuid4(), uuid.uuid4()
    engine = sa.create_engine(url)  # no foreign keys enforced: the rows stand for a dossier's synced records
    with engine.begin() as conn:
        for d in (dossier, other):
            conn.execute(
                sa.text("INSERT INTO sync_heads (dossier_id, last_seq, epoch, digest) VALUES (:d, 3, 1, :z)"),
                {"d": d.hex, "z": "0" * 64},
            )
        later = _document(conn, dossier, 1, (today + timedelta(days=10)).isoformat(), now)
        sooner = _document(conn, dossier, 2, (today + timedelta(days=4)).isoformat(), now)
        past = _document(conn, dossier, 3, (today - timedelta(days=1)).isoformat(), now - timedelta(days=3))
        capped = _document(conn, other, 1, (today + timedelta(days=60)).isoformat(), now - timedelta(days=40))
        plain = _document(conn, other, 2, None, now)
    migrate(url, "head")
    with engine.connect() as conn:
        held = dict(conn.execute(sa.text("SELECT entity_id, visible_from FROM sync_records")).all())
        heads = dict(conn.execute(sa.text("SELECT dossier_id, next_release FROM sync_heads")).all())
    engine.dispose()
    assert held[later] == str(today + timedelta(days=10)) and held[sooner] == str(today + timedelta(days=4))
    assert held[past] is None and held[plain] is None
    assert held[capped] is None  # a month after it was added, whatever the day chosen: visible already
    assert heads == {dossier.hex: str(today + timedelta(days=4)), other.hex: None}
    assert date.fromisoformat(heads[dossier.hex]) > today
