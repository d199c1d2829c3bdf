"""Fixtures of the server suite: the same tests on SQLite and (when configured) PostgreSQL, a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from server.app import create_app
from server.clock import ManualClock
from server.config import Settings, SmtpSettings
from server.context import ServiceContext
from tests.support.service import FAST_ARGON2, Flows, Mailbox
from tests.support.service_fixtures import backend as backend
from tests.support.service_fixtures import db_url as db_url
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.service_fixtures import template_db as template_db

# ---------------------------------------------------------------- the service


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def settings(db_url: str, tmp_path: Path, clock: ManualClock, smtp_server: tuple[Controller, Mailbox]) -> Settings:
    controller = smtp_server[0]
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        smtp=SmtpSettings(host="127.0.0.1", port=controller.port),
        clock=clock,
        argon2=FAST_ARGON2,
    )


@pytest.fixture
def ctx(settings: Settings) -> Iterator[ServiceContext]:
    context = ServiceContext.build(settings, pool_size=5)
    yield context
    context.close()


@pytest.fixture
def client(settings: Settings, ctx: ServiceContext) -> Iterator[TestClient]:
    with TestClient(create_app(settings, context=ctx)) as test_client:
        yield test_client


@pytest.fixture
def flows(client: TestClient, ctx: ServiceContext, mailbox: Mailbox) -> Flows:
    return Flows(client, ctx, mailbox)


@pytest.fixture
def dev_client(settings: Settings, ctx: ServiceContext) -> Iterator[TestClient]:
    """The service as `serve --dev` runs it: /openapi.json, /docs and /redoc are served (off in production)."""
    settings.dev = True
    with TestClient(create_app(settings, context=ctx)) as test_client:
        yield test_client


# ---------------------------------------------------------------- one backend's tests


@pytest.fixture
def sqlite_backend_only(backend: str) -> None:
    """A test of SQLite's own behaviour: its PostgreSQL copy is not generated (see below)."""
    assert backend == "sqlite"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Don't generate the copies of a test for the backend it is not about (a skip would be noise, and under CI=true
    every skip must mean something missing): `postgresql_only` tests on SQLite, `sqlite_backend_only` on PostgreSQL."""
    dropped = [
        i
        for i in items
        if ("postgresql_only" in getattr(i, "fixturenames", ()) and "[sqlite" in i.nodeid)
        or ("sqlite_backend_only" in getattr(i, "fixturenames", ()) and "[postgresql" in i.nodeid)
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [i for i in items if i not in dropped]
