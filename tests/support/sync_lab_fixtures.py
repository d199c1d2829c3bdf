"""Fixtures of the sync lab: the real service on loopback on each database backend, an HTTP client, the journeys and
the lab. The backend, database and mail fixtures they need come from tests.support.service_fixtures: import both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.clock import ManualClock
from server.config import Settings, SmtpSettings
from server.sync.service import SyncSettings
from tests.support.service import FAST_ARGON2, Flows, Mailbox
from tests.support.sync_lab import MAX_BODY, Lab, LiveServer


@pytest.fixture
def server_clock() -> ManualClock:
    return ManualClock()


def lab_server(db_url: str, tmp_path: Path, clock: ManualClock, smtp_port: int, **settings: Any) -> LiveServer:
    """The lab's service (not started), with `settings` on top of the lab's (e.g. another blob store)."""
    return LiveServer(
        Settings(
            data_dir=tmp_path / "server-data",
            database_url=db_url,
            smtp=SmtpSettings(host="127.0.0.1", port=smtp_port),
            clock=clock,
            argon2=FAST_ARGON2,
            max_body_bytes=MAX_BODY,
            max_push_bytes=MAX_BODY,
            **settings,
        ),
        SyncSettings(lease_seconds=3600, grace_seconds=3600, chunk_size=256 * 1024, chunk_idle_seconds=2.0),
    )


@pytest.fixture
def live(
    db_url: str, tmp_path: Path, server_clock: ManualClock, smtp_server: tuple[Any, Mailbox]
) -> Iterator[LiveServer]:
    server = lab_server(db_url, tmp_path, server_clock, smtp_server[0].port)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def api(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30, headers={"Carnet-Sync-Protocol": "1"}) as client:
        yield client


@pytest.fixture
def flows(api: httpx.Client, live: LiveServer, mailbox: Mailbox) -> Flows:
    assert live.ctx is not None
    return Flows(api, live.ctx, mailbox)  # type: ignore[arg-type] # httpx.Client speaks TestClient's API


@pytest.fixture
def lab(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path, api: httpx.Client) -> Iterator[Lab]:
    lab = Lab(live, flows, mailbox, tmp_path, api)
    yield lab


@pytest.fixture
def sqlite_only(backend: str) -> None:
    """Client-side behaviour (crashes, faults, leases, CLI) does not depend on the server's database: run it once."""
    if backend != "sqlite":
        pytest.skip("client-side behaviour: covered on SQLite; PostgreSQL runs the protocol and concurrency tests")
