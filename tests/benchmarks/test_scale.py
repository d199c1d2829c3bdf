"""benchmarks/scale.py at a tiny size, so that it cannot rot: the generated population passes the service's own
checks (tokens, digests, the audit chain, the professionals' lists), every measured request succeeds, and each
scratch database is dropped. PostgreSQL only (the benchmark writes with COPY): skipped without
CARNET_TEST_POSTGRES_URL, mandatory under CI=true."""

from __future__ import annotations

import os

import psycopg
import pytest

from benchmarks import scale
from benchmarks.server_load import Phase
from server.db import head_revision
from tests.support.service import PG_ENV

SIZE = 200


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set: under CI=true the PostgreSQL run is mandatory")
        pytest.skip(f"{PG_ENV} not set: PostgreSQL run skipped (scripts/pg-throwaway.sh prints one)")
    return url


def test_a_tiny_population_is_what_the_service_reads_and_is_measured(pg_url: str) -> None:
    tiny = ["--sizes", str(SIZE), "--schema", "both", "--clients", "6", "--seconds", "1", "--generator-processes", "2"]
    args = scale.parse(["--postgres-url", pg_url, *tiny, "--nice", "0", "--verify-audit"])
    runs = scale.run_all(args)  # raises when the service disagrees with a generated row (scale.check)
    expected = {"unpartitioned"} | ({"partitioned"} if head_revision() != scale.UNPARTITIONED else set())
    assert {r.schema for r in runs} == expected
    for run in runs:
        assert run.pop.rows["dossiers"] == SIZE
        assert run.pop.rows["sync_records"] == run.pop.rows["sync_ledger"] == SIZE * 20
        assert run.pop.rows["audit_events"] == SIZE * 6
        assert len(run.pop.patients) == len(run.pop.pro_tokens) == 6
        assert set(run.phases) == set(scale.OPERATIONS)
        for op, phase in run.phases.items():
            assert phase.requests > 0 and phase.errors == 0, (run.schema, op, phase)
        assert 0 < run.tables["sync_records"] < run.database_bytes
    with psycopg.connect(scale.conninfo(scale.database_url(pg_url, "postgres"))) as conn:
        left = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (f"%_{os.getpid()}",)).fetchall()
    assert left == []  # every scratch database dropped


def _phase(p99: float) -> Phase:
    return Phase(100.0, p99 / 2, p99, 0, 100, 0.0, None, ())


def _run(size: int, schema: str, p99: float) -> scale.Run:
    pop = scale.Population(size, 20, size // 100)
    return scale.Run(size, schema, {op: _phase(p99) for op in scale.OPERATIONS}, pop, 1, {}, "", "")


def test_the_verdict_is_on_the_partitioned_schema_only(capsys: pytest.CaptureFixture[str]) -> None:
    within = [_run(10_000, "partitioned", 100), _run(1_000_000, "partitioned", 150)]
    slower = [_run(10_000, "unpartitioned", 100), _run(1_000_000, "unpartitioned", 400)]
    assert scale.report(within + slower)
    out = capsys.readouterr().out
    assert out.count("PASS") == 5 and out.count("FAIL") == 5  # the unpartitioned figures printed beside
    assert not scale.report([_run(10_000, "partitioned", 100), _run(1_000_000, "partitioned", 151)])
    assert "x1.51  FAIL" in capsys.readouterr().out
