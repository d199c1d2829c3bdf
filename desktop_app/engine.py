"""The SQLCipher engine factory: raw 256-bit key first, fail fast on a wrong key, hardened pragmas (S01–S14).

Every encrypted database of the client is opened here and nowhere else. The key is applied as the very first
statement of every pooled connection as `PRAGMA key = "x'<64 hex>'"` after a strict hex check (PRAGMA takes no bound
parameters, S02). The URL never contains the key (S14), so it cannot leak through SQLAlchemy's logging.
"""

from __future__ import annotations

import os
import re
import types
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop_app.errors import DriverNotSQLCipher, StoreCorrupt, StoreGone

_HEX_KEY = re.compile(r"\A[0-9a-f]{64}\Z")

# Pragmas applied to every connection after keying. `secure_delete` overwrites freed pages; `temp_store=MEMORY`
# keeps sorts and temp tables off the disk (S08); WAL with synchronous=FULL never loses a committed transaction (S09).
_CONNECTION_PRAGMAS = (
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 10000",
    # 32 MiB of page cache per connection: SQLCipher caches pages *decrypted*, so a bigger cache is what makes
    # paging through a 100,000-entry list cost the same as plain SQLite once the pages are warm.
    "PRAGMA cache_size = -32768",
)

# S11: cipher_memory_security stays OFF (SQLCipher's default since 4.5). It wipes SQLCipher's own buffers but costs
# ~30 % on every query, while the same plaintext lives in Python strings we cannot wipe anyway; the realistic threat
# (a stolen powered-off laptop) is covered by encryption at rest and by disabled core dumps.


def key_pragma(key: bytes | bytearray) -> str:
    """The keying statement for a raw key; refuses anything but exactly 64 lowercase hex digits (S02)."""
    return pragma_for_hex(bytes(key).hex())


def pragma_for_hex(hex_key: str) -> str:
    if not isinstance(hex_key, str) or not _HEX_KEY.match(hex_key):
        raise ValueError("a database key must be exactly 64 hexadecimal digits")
    return f"PRAGMA key = \"x'{hex_key}'\""


def check_driver(module: types.ModuleType) -> None:
    """Fail closed when the DB-API module is not SQLCipher (S06)."""
    if not module.__name__.startswith("sqlcipher3"):
        raise DriverNotSQLCipher()
    conn = module.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        # The log level is process-wide: set it before any keyed file is read, or a damaged page prints SQLCipher's
        # own "hmac check failed" lines on stderr (S38: the person gets our sentence, never raw engine logs).
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()
    if not row or not row[0]:
        raise DriverNotSQLCipher()


def open_encrypted_engine(
    path: Path,
    key: bytes | bytearray,
    *,
    create: bool = False,
    module: types.ModuleType = sqlcipher3,
    plain_for_benchmark: bool = False,
) -> Engine:
    """An engine on one SQLCipher file; the first connection is made at once so a wrong key fails here.

    `plain_for_benchmark` opens a stdlib-format SQLite file with the same pragmas and code path; it exists only
    so benchmarks/store.py can measure the cost of encryption. The application never sets it.
    """
    if not plain_for_benchmark:
        check_driver(module)
    if not create and not path.exists():
        raise StoreCorrupt()
    statement = None if plain_for_benchmark else key_pragma(key)
    if create and not path.exists():
        create_private_file(path)  # SQLite gives -wal and -shm the main file's mode: 0600 for all three (S15)

    engine = create_engine(
        f"sqlite:///{path}",
        module=module,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        # Our listener sets the isolation (BEGIN IMMEDIATE) itself; pysqlite's implicit transactions are disabled.
        connect_args={"check_same_thread": False, "isolation_level": None},
    )

    @event.listens_for(engine, "do_connect")
    def _never_recreate(_dialect: Any, _record: Any, _cargs: Any, _cparams: Any) -> None:
        # A carnet wiped while work on it was still queued (revocation, deletion) stays gone: SQLite would create an
        # empty file of the same name at the next connection of a pool that outlived it.
        if not path.exists():
            raise StoreGone()

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            if statement is not None:
                cursor.execute("PRAGMA cipher_log_level = NONE")
                cursor.execute(statement)
            # A wrong key is only detected when a page is read: do it now, before anything else (STACK_NOTES).
            cursor.execute("SELECT count(*) FROM sqlite_master")
            for pragma in _CONNECTION_PRAGMAS:
                if plain_for_benchmark and pragma.startswith("PRAGMA cipher"):
                    continue
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock at BEGIN (`write=True` execution option) so two writers never deadlock on an
        # upgrade from a read lock; readers use a plain deferred BEGIN and never wait on WAL writers.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:
        engine.dispose()
        raise classify_open_error(exc) from exc
    return engine


_CORRUPTION_MARKERS = ("file is not a database", "notadb", "malformed", "corrupt", "disk i/o", "unable to open")


def is_corruption(exc: BaseException) -> bool:
    """True when a (SQLAlchemy-wrapped) SQLCipher error means a damaged or foreign file: a failed page HMAC reads
    as "file is not a database", a broken B-tree as "database disk image is malformed" (S12, S38)."""
    if isinstance(exc, StoreCorrupt):
        return True
    import sqlalchemy.exc

    inner = exc.orig if isinstance(exc, sqlalchemy.exc.DBAPIError) else exc
    if not isinstance(inner, sqlcipher3.DatabaseError | sqlalchemy.exc.DatabaseError):
        return False
    text = str(inner).lower()
    return any(marker in text for marker in _CORRUPTION_MARKERS)


def classify_open_error(exc: BaseException) -> Exception:
    # The vault has already proven the password (GCM tag), so a key that does not open a file means the file is
    # damaged or is not the one this key belongs to: StoreCorrupt, and the file is left as it is (S38).
    text = str(exc).lower()
    if is_corruption(exc) or any(marker in text for marker in _CORRUPTION_MARKERS):
        return StoreCorrupt()
    return exc if isinstance(exc, Exception) else StoreCorrupt()


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (0600), whatever the umask; fails if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def checkpoint_and_dispose(engine: Engine) -> None:
    """Fold the WAL back into the main file and truncate it, then drop every pooled connection (S09, S14)."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # noqa: S110 — closing must not fail because a checkpoint could not run
        pass
    engine.dispose()


def integrity_problems(engine: Engine) -> list[str]:
    """SQLCipher's per-page HMAC check plus SQLite's structural quick_check; rows describe what is damaged (S12)."""
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            problems += [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            problems += [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check") if r[0] != "ok"]
    except Exception as exc:
        if not is_corruption(exc):
            raise
        problems.append("unreadable page: " + str(getattr(exc, "orig", exc)))
    return problems


def vacuum_into(engine: Engine, target: Path) -> None:
    """Write a consistent, still-encrypted copy of the database to `target` (which must not exist)."""
    if target.exists():
        raise FileExistsError(target)
    create_private_file(target)  # VACUUM INTO accepts an empty file and keeps its 0600 mode
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        # VACUUM takes no bound parameters; the path is ours (a backup directory), quoted for SQL.
        cursor.execute("VACUUM INTO '" + str(target).replace("'", "''") + "'")
    finally:
        raw.close()
