"""Issue 15, finding 3: the audit trail cannot be rewritten behind `audit verify`'s back (S40, docs/SECURITY.md).

The attack round rewrote rows AND the chain head in the database (24 emergency accesses turned into patient reads)
and `audit verify` still said "intact": the chain was plain SHA-256 with its head in the same database. These tests
replay it against the real service over loopback HTTP: the chain is now an HMAC with a key outside the database,
and signed checkpoints outside the database catch a head wound back over deleted rows.
"""

from __future__ import annotations

import os
import stat
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, select, text, update

from server.audit.checkpoints import AuditKeyError, checkpoint_now, load_key
from server.audit.models import AuditEvent, AuditHead
from server.audit.service import SYSTEM, record, row_hash, verify
from server.cli import main
from server.config import Settings
from server.context import ServiceContext
from server.db import migrate
from tests.support.access import GP, SPECIALIST, Pros, patient, put
from tests.support.hardening import served
from tests.support.service import FAST_ARGON2, Flows, Mailbox


def _cli_verify(settings: Settings) -> int:
    return main(
        ["audit", "verify", "--database-url", settings.effective_database_url, "--data-dir", str(settings.data_dir)]
    )


def _emergency_accesses_over_http(settings: Settings, ctx: ServiceContext, mailbox: Mailbox) -> None:
    """A patient who allows emergency access, a specialist who uses it and opens the dossier: real HTTP."""
    with served(settings, ctx) as http:
        flows = Flows(http, ctx, mailbox)  # type: ignore[arg-type] # httpx.Client speaks TestClient's API
        pros = Pros(http, ctx, mailbox)  # type: ignore[arg-type]
        person, me = patient(flows)
        pros.sign_in(GP, "medecin_generaliste", "Durand")
        urgentist = pros.sign_in(SPECIALIST, "medecin_specialiste", "Petit")
        put(http, "/v1/me/access/emergency", me, {"samu": True, "other_professionals": True, "masked_documents": False})  # type: ignore[arg-type]
        body = {"ins": person.nir, "reason_code": "unconscious", "reason": "Inconscient à l'arrivée"}
        r = http.post("/v1/pro/emergency-access", headers=urgentist, json=body)
        assert r.status_code == 201, r.text
        assert http.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=urgentist).status_code == 200


def _rechain_without_key(ctx: ServiceContext, from_seq: int) -> None:
    """What the attacker did: recompute every hash from `from_seq` on (plain SHA-256) and rewrite the head."""
    with ctx.sessions() as session:
        rows = list(session.scalars(select(AuditEvent).where(AuditEvent.seq >= from_seq).order_by(AuditEvent.seq)))
        prev = session.scalar(select(AuditEvent.row_hash).where(AuditEvent.seq == from_seq - 1)) or "0" * 64
        for row in rows:
            row.prev_hash = prev
            row.row_hash = prev = row_hash(row)
        session.execute(update(AuditHead).values(last_hash=prev, last_seq=rows[-1].seq if rows else from_seq - 1))
        session.commit()


def test_emergency_accesses_rewritten_as_patient_reads_with_the_head_are_caught(
    settings: Settings, ctx: ServiceContext, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _emergency_accesses_over_http(settings, ctx, mailbox)
    assert _cli_verify(settings) == 0
    with ctx.sessions() as session:
        forged = list(session.scalars(select(AuditEvent).where(AuditEvent.action.like("%emergency%"))))
        assert forged, "the journey recorded no emergency access"
        patient_id = session.scalar(
            select(AuditEvent.actor_id).where(AuditEvent.actor_role == "patient", AuditEvent.actor_id.is_not(None))
        )
        for row in forged:
            row.action, row.actor_role, row.actor_id = "dossier.read", "patient", patient_id
        session.commit()
    _rechain_without_key(ctx, min(row.seq for row in forged))
    capsys.readouterr()
    assert _cli_verify(settings) != 0
    err = capsys.readouterr().err
    assert "ALTÉRÉ" in err and f"n° {min(row.seq for row in forged)}" in err and "TAMPERED" in err


def test_last_rows_deleted_and_head_wound_back_are_caught_by_the_signed_checkpoints(
    settings: Settings, ctx: ServiceContext, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _emergency_accesses_over_http(settings, ctx, mailbox)  # the service's stop signs the head outside the database
    with ctx.sessions() as session:
        last = session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1))
        assert last is not None and last > 10
        keep = last - 5
        kept_hash = session.scalar(select(AuditEvent.row_hash).where(AuditEvent.seq == keep))
        session.execute(delete(AuditEvent).where(AuditEvent.seq > keep))
        session.execute(update(AuditHead).values(last_seq=keep, last_hash=kept_hash))  # a consistent, shorter chain
        session.commit()
    capsys.readouterr()
    assert _cli_verify(settings) != 0
    assert "rows deleted after a signed checkpoint" in capsys.readouterr().err


def test_checkpoint_file_tampered_or_removed_is_reported(
    settings: Settings, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    _emergency_accesses_over_http(settings, ctx, mailbox)
    checkpoints = settings.effective_audit_checkpoints
    lines = checkpoints.read_text().splitlines()
    assert len(lines) >= 2 and all(len(line.split()) == 4 for line in lines)
    seq, head, keyed_from, mac = lines[-1].split()
    checkpoints.write_text("\n".join([*lines[:-1], f"{int(seq) - 3} {head} {keyed_from} {mac}"]) + "\n")
    assert _cli_verify(settings) != 0
    checkpoints.unlink()
    assert _cli_verify(settings) != 0


def test_the_key_lives_outside_the_database_and_verify_needs_it(
    settings: Settings, ctx: ServiceContext, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _emergency_accesses_over_http(settings, ctx, mailbox)
    key_file = settings.effective_audit_key_file
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    key_hex = key_file.read_text().strip()
    with ctx.sessions() as session:
        dump = " ".join(
            str(tuple(r))
            for table in ("audit_events", "audit_head")
            for r in session.execute(text(f"SELECT * FROM {table}"))
        )
    assert key_hex not in dump
    moved = settings.data_dir.parent / "elsewhere.key"
    key_file.rename(moved)
    capsys.readouterr()
    assert _cli_verify(settings) != 0
    assert "Clé d'audit introuvable" in capsys.readouterr().err
    assert not key_file.exists()  # verify never makes up a new key
    argv = ["audit", "verify", "--database-url", settings.effective_database_url, "--data-dir", str(settings.data_dir)]
    assert main([*argv, "--audit-key-file", str(moved)]) == 0
    os.environ["CARNET_SERVER_AUDIT_KEY"] = "ab" * 32  # the wrong key: every keyed row fails
    try:
        assert main(argv) != 0
    finally:
        del os.environ["CARNET_SERVER_AUDIT_KEY"]


def test_rows_written_before_the_upgrade_stay_covered(tmp_path: Path) -> None:
    """Migration 0500: rows hashed with plain SHA-256 keep their hashes; the first keyed row links to the last of them,
    so rewriting the old rows (even with their hashes recomputed) is still caught."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, "0400")
    settings = Settings(data_dir=tmp_path / "data", database_url=url, argon2=FAST_ARGON2)
    prev = "0" * 64
    engine = create_engine(url)
    with engine.begin() as conn:  # three rows as the service wrote them before the upgrade
        for seq in (1, 2, 3):
            row = AuditEvent(seq=seq, id=uuid.uuid4(), at=datetime(2026, 1, seq, tzinfo=UTC), actor_id=None,
                             actor_role="system", on_behalf_of_id=None, dossier_id=None, action="space.provisioned",
                             device_id=None, assisted_by=None, prev_hash=prev, row_hash="")  # fmt: skip
            row.row_hash = prev = row_hash(row)
            values = {c: getattr(row, c) for c in ("seq", "actor_role", "action", "prev_hash", "row_hash")}
            conn.execute(
                text(
                    "INSERT INTO audit_events (seq, id, at, actor_role, action, prev_hash, row_hash) "
                    "VALUES (:seq, :id, :at, :actor_role, :action, :prev_hash, :row_hash)"
                ),
                {**values, "id": row.id.hex, "at": row.at.replace(tzinfo=None)},
            )
        conn.execute(text("UPDATE audit_head SET last_seq = 3, last_hash = :h"), {"h": prev})
    engine.dispose()
    assert main(["migrate", "--database-url", url, "--data-dir", str(settings.data_dir)]) == 0  # makes key, signs head
    ctx = ServiceContext.build(settings, pool_size=0)
    try:
        with ctx.sessions() as session:
            record(session, actor=SYSTEM, action="jobs.run", at=datetime(2026, 2, 1, tzinfo=UTC))
            session.commit()
            assert session.get(AuditHead, 1).keyed_from_seq == 4  # type: ignore[union-attr]
            assert verify(session).ok
        _rechain_without_key_until(ctx, 2, 3)
        with ctx.sessions() as session:
            report = verify(session)
        assert not report.ok and report.first_bad_seq == 3  # the head `migrate` signed at the upgrade
        settings.effective_audit_checkpoints.unlink()
        checkpoint_now(ctx.sessions)  # even with checkpoints signed after the forgery, the first keyed row links back
        with ctx.sessions() as session:
            report = verify(session)
        assert not report.ok and report.first_bad_seq == 4 and "chain broken" in (report.reason or "")
    finally:
        ctx.close()


def _rechain_without_key_until(ctx: ServiceContext, first: int, last: int) -> None:
    with ctx.sessions() as session:
        prev = session.scalar(select(AuditEvent.row_hash).where(AuditEvent.seq == first - 1))
        for seq in range(first, last + 1):
            row = session.get(AuditEvent, seq)
            assert row is not None and prev is not None
            row.action, row.prev_hash = "space.opposed", prev
            row.row_hash = prev = row_hash(row)
        session.commit()


def _keys_made_at_once(key_file: Path, workers: int) -> list[bytes | str]:
    """What each of `workers` threads released together gets from load_key(create=True): a key or the refusal."""
    start = threading.Barrier(workers)
    keys: list[bytes | str] = []

    def worker() -> None:
        start.wait()
        try:
            keys.append(load_key(key_file, create=True))
        except AuditKeyError as exc:
            keys.append(str(exc))

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return keys


def test_the_workers_of_a_first_start_all_read_the_one_key_made(tmp_path: Path) -> None:
    """`serve --workers N` on a fresh data directory: every worker makes the key at once. Each must come up with the
    same key, none with a file read between its creation and its write (a worker that failed to start: 135 first
    starts of 300 before the key was written whole under a private name, then linked)."""
    for attempt in range(60):
        key_file = tmp_path / str(attempt) / "audit.key"
        keys = _keys_made_at_once(key_file, 4)
        assert keys == [bytes.fromhex(key_file.read_text())] * 4, keys
        assert os.listdir(key_file.parent) == ["audit.key"]  # no draft left behind
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
