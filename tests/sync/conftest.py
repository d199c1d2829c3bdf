"""Fixtures of the sync suite: the real service on loopback (uvicorn in a thread), real SMTP, real SQLCipher clients."""

from __future__ import annotations

import pytest

# The server suite's fixtures (SQLite and PostgreSQL databases, the real SMTP server) and the sync lab's.
from tests.support.service_fixtures import backend as backend
from tests.support.service_fixtures import db_url as db_url
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.service_fixtures import template_db as template_db
from tests.support.sync_lab_fixtures import api as api
from tests.support.sync_lab_fixtures import flows as flows
from tests.support.sync_lab_fixtures import lab as lab
from tests.support.sync_lab_fixtures import live as live
from tests.support.sync_lab_fixtures import server_clock as server_clock
from tests.support.sync_lab_fixtures import sqlite_only as sqlite_only


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Don't even generate the PostgreSQL copies of client-side tests: a skip there would hide nothing but noise."""
    dropped = [i for i in items if "sqlite_only" in getattr(i, "fixturenames", ()) and "[postgresql" in i.nodeid]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [i for i in items if i not in dropped]
