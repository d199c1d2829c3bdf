"""benchmarks/wrk_generator.py, so that the figures it prints mean what they say: wrk really sends the benchmark's
requests to the real service (a no-op pull answered 200 with the account's token), and a refused request is counted
as an error, not as throughput. wrk is a Debian package: skipped without it locally, mandatory under CI=true."""

from __future__ import annotations

from typing import Any

from benchmarks import wrk_generator
from benchmarks.server_load import Shot, pull_shot
from desktop_app.sync.context import S_ACCESS
from desktop_app.sync.pull import cursor
from tests.support.required import require


def test_wrk_sends_the_benchmarks_requests_and_counts_refusals_as_errors(lab: Any) -> None:
    require(wrk_generator.available(), "wrk is not installed (apt-get install wrk)")
    device = lab.device(lab.person())
    device.engine.sync_once()
    token = str(device.profile.settings[S_ACCESS])
    store = device.profile.dossier()
    pulls = [pull_shot(token, store.dossier_id, str(cursor(store)))] * 4

    rps, p50, p99, errors, count, cpu = wrk_generator.run(lab.live.url, pulls, 1, clients=4)
    assert count > 10 and errors == 0 and rps > 0 and 0 < p50 <= p99 and cpu > 0  # wrk's own CPU, measured

    refused = [Shot("GET", "/v1/me", "not-a-token")] * 4
    _, _, _, errors, count, _ = wrk_generator.run(lab.live.url, refused, 1, clients=4)
    assert count > 10 and errors == count  # every 401 an error
