"""Database plumbing: the declarative base, engines for SQLite and PostgreSQL, sessions, Alembic migrations."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import DateTime, Engine, MetaData, create_engine, event, func, select, text
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table of the central service."""

    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone, so we store UTC and put it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: use the clock, which gives UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


# How many database connections one service process can use at once: a request holds at most one at a time, on a
# thread of anyio's default limiter (40 threads: sync routes and dependencies) or of the light-read limiter
# (server.dossiers.dependencies.LIGHT_READ_THREADS, 4), and the audit writer's thread one (server/audit/writer.py).
# The pool keeps that many open: a connection returned to a full pool is closed (the overflow), so a smaller pool
# opened and closed PostgreSQL backends all through a load (86-116 in 9 s).
SERVICE_CONNECTIONS = 40 + 4 + 1
POOL_OVERFLOW = 8  # for the rare checkout outside those limiters (startup, housekeeping); closed when returned


PREPARE_THRESHOLD = "prepare_threshold"


class DatabaseUrlError(ValueError):
    """A database URL the service cannot use as given."""


def postgres_connect_args(url: str) -> tuple[str, dict[str, Any]]:
    """The URL without our `prepare_threshold` query parameter, and the driver's keyword it stands for.

    psycopg 3 turns a statement run 5 times on one connection into a server-side prepared statement. Behind PgBouncer
    in transaction mode (docs/SCALING.md) consecutive transactions of one client connection land on different server
    connections, where that statement does not exist: `?prepare_threshold=none` in the URL turns preparing off
    (psycopg's `prepare_threshold=None`); an integer sets the threshold. Without the parameter psycopg's default holds.
    """
    parsed = make_url(url)
    raw = parsed.query.get(PREPARE_THRESHOLD)
    if raw is None:
        return url, {}
    value = raw[-1] if isinstance(raw, tuple) else raw
    stripped = parsed.difference_update_query([PREPARE_THRESHOLD]).render_as_string(hide_password=False)
    if value.strip().lower() in ("none", "off", ""):
        return stripped, {PREPARE_THRESHOLD: None}
    try:
        return stripped, {PREPARE_THRESHOLD: int(value)}
    except ValueError:
        raise DatabaseUrlError(
            "Adresse de base de données : prepare_threshold doit valoir « none » ou un entier. "
            "(Database URL: prepare_threshold must be 'none' or an integer.)"
        ) from None


def make_engine(url: str, *, pool_size: int = SERVICE_CONNECTIONS) -> Engine:
    """An engine with the pragmas we rely on for SQLite, a pool sized to the process's concurrency (PostgreSQL: see
    `postgres_connect_args` for the URL's `prepare_threshold`)."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=max(pool_size, 1),
            max_overflow=POOL_OVERFLOW,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    url, connect_args = postgres_connect_args(url)
    if pool_size <= 0:
        return create_engine(url, poolclass=NullPool, connect_args=connect_args)
    return create_engine(
        url, pool_size=pool_size, max_overflow=POOL_OVERFLOW, pool_pre_ping=False, connect_args=connect_args
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    """Alembic configuration built in code: no alembic.ini, no URL written anywhere."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision`."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), revision)


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_at_head(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def job_key(name: str) -> int:
    """A stable signed 64-bit key for PostgreSQL's advisory locks, derived from a job's name."""
    return int.from_bytes(hashlib.sha256(f"carnet-job:{name}".encode()).digest()[:8], "big", signed=True)


def claim_job(session: Session, name: str) -> bool:
    """Take the job `name` for the session's current transaction, or answer False when another process has it.

    PostgreSQL: `pg_try_advisory_xact_lock`, released by the transaction's end (so it works through PgBouncer in
    transaction mode, where a session-level lock would stay on a server connection other clients get). SQLite: the
    database's single writer lock, taken by a write as the transaction's first statement (waiting for the other
    writer, whose work is then committed and visible): always True. Call it first in a fresh transaction."""
    if session.get_bind().dialect.name == "postgresql":
        return bool(session.scalar(select(func.pg_try_advisory_xact_lock(job_key(name)))))
    session.execute(text("UPDATE alembic_version SET version_num = version_num"))
    return True
