"""The SQLCipher engine factory: raw keys, hardened pragmas, refusal of a non-SQLCipher driver (S01–S14)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from desktop_app import engine as engine_mod
from desktop_app import vault
from desktop_app.errors import DriverNotSQLCipher, StoreCorrupt

MARKER = "ZQXJMARKERPLAINTEXT7731"


@pytest.fixture
def db(tmp_path: Path):
    key = vault.new_key()
    eng = engine_mod.open_encrypted_engine(tmp_path / "t.db", key, create=True)
    with eng.connect().execution_options(write=True) as conn, conn.begin():
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
    yield eng, key, tmp_path / "t.db"
    eng.dispose()


def test_raw_key_is_64_hex_and_file_header_is_not_sqlite_S01_S13(db) -> None:
    eng, key, path = db
    assert len(bytes(key).hex()) == 64
    engine_mod.checkpoint_and_dispose(eng)
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_wrong_key_fails_at_open_with_file_is_not_a_database_S01(db) -> None:
    eng, _, path = db
    engine_mod.checkpoint_and_dispose(eng)
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt) as info:
        engine_mod.open_encrypted_engine(path, vault.new_key())
    assert "file is not a database" in str(info.value.__cause__)
    assert path.read_bytes() == before  # S38: the file is left untouched


@pytest.mark.parametrize("bad", ["'; DROP TABLE t; --", "00" * 31 + "'\"", "g" * 64, "0" * 63, "0" * 65, 'x";--'])
def test_key_text_is_validated_before_interpolation_S02(bad: str) -> None:
    with pytest.raises(ValueError):
        engine_mod.pragma_for_hex(bad)


def test_driver_that_is_not_sqlcipher_is_refused_S06(tmp_path: Path) -> None:
    with pytest.raises(DriverNotSQLCipher):
        engine_mod.open_encrypted_engine(tmp_path / "plain.db", vault.new_key(), create=True, module=sqlite3)
    assert not (tmp_path / "plain.db").exists()


def test_cipher_settings_are_sqlcipher4_defaults_S07(db) -> None:
    eng, _, _ = db
    with eng.connect() as conn:
        version = conn.exec_driver_sql("PRAGMA cipher_version").scalar_one()
        settings = [row[0] for row in conn.exec_driver_sql("PRAGMA cipher_settings")]
    assert version.startswith("4.")
    joined = " ".join(settings)
    assert "cipher_page_size = 4096" in joined
    assert "cipher_hmac_algorithm = HMAC_SHA512" in joined
    assert "cipher_kdf_algorithm = PBKDF2_HMAC_SHA512" in joined
    assert "cipher_plaintext_header_size = 0" in joined or "plaintext_header" not in joined  # S13


def test_temp_store_is_memory_and_a_big_sort_writes_no_temp_file_S08(db, tmp_path: Path, monkeypatch) -> None:
    eng, _, _ = db
    empty = tmp_path / "tmpdir"
    empty.mkdir()
    monkeypatch.setenv("TMPDIR", str(empty))
    monkeypatch.setenv("SQLITE_TMPDIR", str(empty))
    conn = sqlcipher3.connect(":memory:")
    options = [r[0] for r in conn.execute("PRAGMA compile_options")]
    assert any(o in ("TEMP_STORE=2", "TEMP_STORE=3") for o in options)
    with eng.connect().execution_options(write=True) as c, c.begin():
        assert c.exec_driver_sql("PRAGMA temp_store").scalar_one() == 2
        c.execute(
            text(
                "INSERT INTO t (v) SELECT hex(randomblob(200)) FROM "
                "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 20000) SELECT i FROM n)"
            )
        )
        c.exec_driver_sql("SELECT v FROM t ORDER BY v DESC").fetchall()
    raw = eng.raw_connection()  # VACUUM must run outside a transaction
    try:
        raw.cursor().execute("VACUUM")
    finally:
        raw.close()
    assert list(empty.iterdir()) == []


def test_wal_is_encrypted_and_synchronous_full_S09(db) -> None:
    eng, _, path = db
    with eng.connect().execution_options(write=True) as c, c.begin():
        c.execute(text("INSERT INTO t (v) VALUES (:v)"), {"v": MARKER * 50})
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    for candidate in path.parent.iterdir():
        assert MARKER.encode() not in candidate.read_bytes()
    engine_mod.checkpoint_and_dispose(eng)
    assert not wal.exists() or wal.stat().st_size == 0


def test_foreign_keys_and_secure_delete_on_every_pooled_connection_S10(db) -> None:
    eng, _, _ = db
    connections = [eng.connect() for _ in range(3)]
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar_one() == 1
    finally:
        for conn in connections:
            conn.close()


def test_cipher_memory_security_is_off_by_documented_decision_S11(db) -> None:
    eng, _, _ = db
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar_one() in (0, "0")
    assert "S11" in Path(engine_mod.__file__).read_text()


def test_key_never_logged_and_dispose_leaves_no_connection_S14(tmp_path: Path, caplog) -> None:
    key = vault.new_key()
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)
    try:
        eng = engine_mod.open_encrypted_engine(tmp_path / "k.db", key, create=True)
        with eng.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        assert bytes(key).hex() not in caplog.text
        assert bytes(key).hex() not in str(eng.url)
        engine_mod.checkpoint_and_dispose(eng)
        assert eng.pool.checkedout() == 0
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


def test_plain_sqlite_switch_exists_only_for_benchmarks(tmp_path: Path) -> None:
    eng = engine_mod.open_encrypted_engine(
        tmp_path / "p.db", b"", create=True, module=sqlite3, plain_for_benchmark=True
    )
    eng.dispose()
    assert (tmp_path / "p.db").read_bytes()[:16] == b"SQLite format 3\x00"
    app_code = "".join(p.read_text() for p in Path(engine_mod.__file__).parent.rglob("*.py") if p.name != "engine.py")
    assert "plain_for_benchmark" not in app_code
