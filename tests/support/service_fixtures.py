"""Fixtures shared by the server and sync suites: the same tests on SQLite and (when configured) PostgreSQL, and
a real SMTP server. A conftest imports those it needs (`from tests.support.service_fixtures import db_url as db_url`).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from server.db import migrate
from tests.support.service import PG_ENV, Mailbox, free_port

# ---------------------------------------------------------------- database backends


def _pg_admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not os.environ.get(PG_ENV):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set: under CI=true the PostgreSQL run is mandatory")
        pytest.skip(f"{PG_ENV} not set: PostgreSQL run skipped (scripts/pg-throwaway.sh prints one)")
    return str(request.param)


@pytest.fixture(scope="session")
def template_db(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated once per session; each test gets a copy of it."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        migrate(f"sqlite:///{path}")
        yield str(path)
        return
    base = os.environ[PG_ENV]
    name = f"carnet_tpl_{os.getpid()}"
    admin = create_engine(_pg_admin_url(base), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    migrate(base.rsplit("/", 1)[0] + f"/{name}")
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_url(backend: str, template_db: str, tmp_path: Path) -> Iterator[str]:
    """A clean, fully migrated database for one test."""
    if backend == "sqlite":
        target = tmp_path / "carnet-server.sqlite3"
        shutil.copyfile(template_db, target)
        yield f"sqlite:///{target}"
        return
    base = os.environ[PG_ENV]
    name = f"carnet_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_admin_url(base), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# ---------------------------------------------------------------- mail


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Controller, Mailbox]]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, box
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Controller, Mailbox]) -> Mailbox:
    smtp_server[1].clear()
    return smtp_server[1]
