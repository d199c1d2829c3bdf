"""The multi-node suite (issue 22): one real cluster per module — HAProxy, two `carnet-server serve` nodes, PgBouncer
in transaction mode, PostgreSQL — and what the tests need to act on it (a service context for the operator's acts,
people signed in through the load balancer). Skips locally when HAProxy, PgBouncer or PostgreSQL is missing; fails
under CI=true (tests/support/required.py)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from aiosmtpd.controller import Controller

from server.config import Settings, SmtpSettings
from server.context import ServiceContext
from tests.support.cluster import Cluster, missing_parts
from tests.support.required import require
from tests.support.service import FAST_ARGON2, PG_ENV, Flows, Mailbox
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.sync_lab import Lab, LiveServer

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
_PEOPLE_BLOCKS = itertools.count(1)  # the cluster's database lives for the module: each test's people are new ones


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, smtp_server: tuple[Controller, Mailbox]) -> Iterator[Cluster]:
    url = os.environ.get(PG_ENV)
    missing = missing_parts(url)
    require(not missing, "the multi-node cluster needs " + ", ".join(missing))
    assert url is not None
    with Cluster(url, tmp_path_factory.mktemp("cluster"), smtp_port=smtp_server[0].port) as running:
        yield running


@pytest.fixture(scope="module")
def cluster_ctx(cluster: Cluster, smtp_server: tuple[Controller, Mailbox]) -> Iterator[ServiceContext]:
    """The operator's side (provisioning, checks) on the cluster's database through PgBouncer, with its audit key."""
    settings = Settings(
        data_dir=cluster.base / "admin",
        database_url=cluster.pooled_url,
        blob_dir=cluster.blob_dir,
        audit_key_file=cluster.audit_key_file,
        audit_checkpoints_file=cluster.audit_checkpoints,
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_server[0].port),
        argon2=FAST_ARGON2,
    )
    ctx = ServiceContext.build(settings, pool_size=2)
    yield ctx
    ctx.close()


def _client(url: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=60, headers={"Carnet-Sync-Protocol": "1"})


@pytest.fixture
def api(cluster: Cluster) -> Iterator[httpx.Client]:
    """Through HAProxy (round robin over the nodes)."""
    with _client(cluster.url) as client:
        yield client


@pytest.fixture
def node_a(cluster: Cluster) -> Iterator[httpx.Client]:
    with _client(cluster.nodes[0].url) as client:
        yield client


@pytest.fixture
def node_b(cluster: Cluster) -> Iterator[httpx.Client]:
    with _client(cluster.nodes[1].url) as client:
        yield client


@pytest.fixture
def flows(api: httpx.Client, cluster_ctx: ServiceContext, mailbox: Mailbox) -> Flows:
    made = Flows(cast(Any, api), cluster_ctx, mailbox)  # httpx.Client speaks TestClient's API
    made._n = next(_PEOPLE_BLOCKS) * 300
    return made


@pytest.fixture
def lab(cluster: Cluster, cluster_ctx: ServiceContext, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Lab:
    """Real SQLCipher profiles signed in through HAProxy (the lab of the sync suite, on the cluster)."""
    live = cast(LiveServer, SimpleNamespace(url=cluster.url, ctx=cluster_ctx, settings=cluster_ctx.settings))
    return Lab(live, flows, mailbox, tmp_path, flows.client)  # type: ignore[arg-type]
