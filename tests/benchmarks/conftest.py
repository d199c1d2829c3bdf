"""Fixtures of the benchmark scripts' tests: the sync lab (the real service on loopback, real SMTP, real clients)."""

from __future__ import annotations

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
