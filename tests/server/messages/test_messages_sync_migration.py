"""Migration 0950 on a database that already holds conversations: each message (its attachment's metadata with it)
and each conversation becomes a record of its dossier's sync feed, after the dossier's last number and in its digest,
so every device meets them at its next pull; running it on a database without messages changes nothing."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from server.db import alembic_config, migrate
from server.sync.service import digest_hex, fingerprint

OLD_DIGEST = "ab" * 32


def _insert(conn: sa.Connection, table: str, **values: object) -> None:
    names = ", ".join(values)
    conn.execute(sa.text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in values)})"), values)


def test_stored_conversations_join_the_dossiers_sync_feed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, "0900")
    dossier, conv, first, reply, attachment = (uuid.uuid4() for _ in range(5))
    at = datetime(2026, 11, 30, 9, 0, tzinfo=UTC).replace(tzinfo=None)
    engine = sa.create_engine(url)  # no foreign keys enforced: the rows stand for a dossier's messagerie
    with engine.begin() as conn:
        _insert(conn, "sync_heads", dossier_id=dossier.hex, last_seq=3, epoch=1, digest=OLD_DIGEST)
        _insert(
            conn,
            "conversations",
            id=conv.hex,
            dossier_id=dossier.hex,
            professional_rpps="10000000017",
            subject="Résultats",
            secret=False,
            created_at=at,
            last_seq=2,
            last_message_at=at + timedelta(hours=1),
            patient_read_seq=2,
            professional_read_seq=1,
        )
        for mid, seq, role, body in ((first, 1, "professional", "Vos résultats"), (reply, 2, "patient", "Merci")):
            _insert(
                conn,
                "messages",
                id=mid.hex,
                conversation_id=conv.hex,
                seq=seq,
                sender_role=role,
                sender_id=uuid.uuid4().hex,
                body=body,
                sent_at=at + timedelta(minutes=seq),
            )
        _insert(
            conn,
            "message_attachments",
            id=attachment.hex,
            conversation_id=conv.hex,
            uploader_id=uuid.uuid4().hex,
            message_id=first.hex,
            filename="bilan.pdf",
            format="pdf",
            mime_type="application/pdf",
            size=42,
            sha256="c" * 64,
            created_at=at,
        )
    migrate(url, "head")
    with engine.connect() as conn:
        records = conn.execute(
            sa.text("SELECT entity, entity_id, version, values_json FROM sync_records ORDER BY version")
        ).all()
        head = conn.execute(sa.text("SELECT last_seq, digest FROM sync_heads")).one()
    assert [(r.entity, uuid.UUID(r.entity_id), r.version) for r in records] == [
        ("message", first, 4),
        ("message", reply, 5),
        ("conversation", conv, 6),
    ]
    values = [json.loads(r.values_json) for r in records]
    assert (values[0]["text"], values[0]["seq"], values[0]["attachment"]["filename"]) == (
        "Vos résultats",
        1,
        "bilan.pdf",
    )
    assert (values[1]["sender_role"], values[1]["attachment"]) == ("patient", None)
    assert values[0]["professional_rpps"] == "10000000017" and values[0]["conversation_id"] == str(conv)
    assert (values[2]["subject"], values[2]["patient_read_seq"], values[2]["last_seq"]) == ("Résultats", 2, 2)
    expected = int(OLD_DIGEST, 16)
    for entity_id, version in ((first, 4), (reply, 5), (conv, 6)):
        expected ^= fingerprint(entity_id, version, False)
    assert (head.last_seq, head.digest) == (6, digest_hex(expected))

    # Down again: the records leave the feed and the digest (devices' digests would otherwise never agree with it
    # again); the sequence does not go back.
    command.downgrade(alembic_config(url), "1000_partition_by_dossier")
    with engine.connect() as conn:
        left = conn.execute(sa.text("SELECT count(*) FROM sync_records")).scalar_one()
        head = conn.execute(sa.text("SELECT last_seq, digest FROM sync_heads")).one()
    assert (left, head.last_seq, head.digest) == (0, 6, OLD_DIGEST)


def test_without_messages_nothing_changes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    migrate(url, "0900")
    migrate(url, "head")
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM sync_records")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM sync_heads")).scalar_one() == 0
