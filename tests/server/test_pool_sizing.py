"""The connection pool keeps as many connections as one service process uses at once (issue 16: no churn).

A connection returned to a full pool is closed: with a pool smaller than the process's concurrency, a load opened
and closed PostgreSQL backends all through the run. Both backends, real connections.
"""

from __future__ import annotations

import threading

import anyio
import anyio.to_thread
from sqlalchemy import event, text

from server.db import SERVICE_CONNECTIONS, make_engine
from server.dossiers.dependencies import LIGHT_READ_THREADS


def test_the_pool_covers_every_thread_that_can_hold_a_connection() -> None:
    async def default_threads() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    audit_writer = 1  # its own thread, one connection (server/audit/writer.py)
    assert anyio.run(default_threads) + LIGHT_READ_THREADS + audit_writer <= SERVICE_CONNECTIONS


def test_connections_returned_under_full_load_stay_open(db_url: str) -> None:
    engine = make_engine(db_url)
    opened: list[int] = []
    engine_connects = threading.Lock()

    @event.listens_for(engine, "connect")
    def _count(_dbapi: object, _record: object) -> None:
        with engine_connects:
            opened.append(1)

    try:
        for _round in range(2):  # the second burst reuses every connection of the first
            held = [engine.connect() for _ in range(SERVICE_CONNECTIONS)]
            for conn in held:
                conn.execute(text("SELECT 1"))
            for conn in held:
                conn.close()
            assert engine.pool.checkedin() == SERVICE_CONNECTIONS  # type: ignore[attr-defined]
        assert len(opened) == SERVICE_CONNECTIONS
    finally:
        engine.dispose()
