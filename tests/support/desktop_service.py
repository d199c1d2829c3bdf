"""The real central service on loopback for the desktop tests (tests/ui, tests/desktop_app): uvicorn in a thread,
SQLite, a real SMTP server. A test module imports the fixtures it uses (`from tests.support.desktop_service import
live`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.clock import ManualClock
from server.config import Settings, SmtpSettings
from server.db import migrate
from server.sync.service import SyncSettings
from tests.support.service import FAST_ARGON2, Flows, Mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]


@pytest.fixture(scope="session")
def server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A service database migrated once per session; each test serves a copy."""
    path = tmp_path_factory.mktemp("server-template") / "carnet-server.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def mailbox(smtp_server: tuple[Any, Mailbox]) -> Mailbox:
    smtp_server[1].clear()
    return smtp_server[1]


@pytest.fixture
def live(server_template: Path, tmp_path: Path, smtp_server: tuple[Any, Mailbox]) -> Iterator[LiveServer]:
    db = tmp_path / "server.sqlite3"
    shutil.copyfile(server_template, db)
    settings = Settings(
        data_dir=tmp_path / "server-data",
        database_url=f"sqlite:///{db}",
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_server[0].port),
        clock=ManualClock(),
        argon2=FAST_ARGON2,
    )
    server = LiveServer(settings, SyncSettings())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def flows(live: LiveServer, mailbox: Mailbox) -> Iterator[Flows]:
    assert live.ctx is not None
    with httpx.Client(base_url=live.url, timeout=30) as client:
        yield Flows(client, live.ctx, mailbox)  # type: ignore[arg-type] # httpx.Client speaks TestClient's API
