"""The audit writer of read requests: rows of concurrent requests share a transaction, none is lost, and a coroutine
waits for them without a thread (issue 16).

Real database on both backends; the chain is verified with the audit trail's own check.
"""

from __future__ import annotations

import asyncio
import fcntl
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import StatementError

from server.audit.checkpoints import checkpoint_now
from server.audit.models import AuditEvent
from server.audit.service import Actor, verify
from server.audit.writer import AuditWriter, Row, writer_for
from server.context import ServiceContext


def _writer(ctx: ServiceContext) -> AuditWriter:
    with ctx.sessions() as session:  # the writer's sessions carry what the service's do (the audit key)
        return writer_for(ctx.engine, session.info)


def _rows(ctx: ServiceContext, action: str) -> int:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)) or 0


def test_rows_waiting_together_are_committed_in_one_transaction(ctx: ServiceContext) -> None:
    writer = _writer(ctx)
    gate, first_statement = threading.Event(), threading.Event()
    commits: list[int] = []

    def hold_first(*_args: Any) -> None:
        if not first_statement.is_set():
            first_statement.set()
            gate.wait(10)  # the writer is busy with the first request: the others queue behind it

    event.listen(ctx.engine, "before_cursor_execute", hold_first)
    event.listen(ctx.engine, "commit", lambda _conn: commits.append(1))
    actor = Actor(uuid.uuid4(), "patient")
    errors: list[BaseException] = []

    def request(i: int) -> None:
        try:
            writer.append([Row(actor, "test.pull", ctx.now(), None), Row(actor, "test.pull", ctx.now(), None)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=request, args=(i,)) for i in range(12)]
    threads[0].start()
    assert first_statement.wait(10)
    for t in threads[1:]:
        t.start()
    deadline = time.monotonic() + 10
    while len(writer._waiting) < 11 and time.monotonic() < deadline:
        time.sleep(0.01)
    gate.set()
    for t in threads:
        t.join(20)
    event.remove(ctx.engine, "before_cursor_execute", hold_first)
    assert errors == []
    assert _rows(ctx, "test.pull") == 24  # every row of every request, each returned only once committed
    assert len(commits) == 2  # the first request alone, then the eleven that waited, together
    checkpoint_now(ctx.sessions)  # as the service does every minute: the head is signed outside the database
    with ctx.sessions() as session:
        assert verify(session).ok


def test_a_failed_commit_fails_its_requests_and_the_next_ones_go_through(ctx: ServiceContext) -> None:
    writer = _writer(ctx)
    actor = Actor(uuid.uuid4(), "patient")
    with pytest.raises((ValueError, StatementError)):
        writer.append([Row(actor, "test.bad", datetime(2026, 1, 1), None)])  # naive: the column refuses it
    writer.append([Row(actor, "test.good", ctx.now(), None)])
    assert _rows(ctx, "test.bad") == 0 and _rows(ctx, "test.good") == 1
    checkpoint_now(ctx.sessions)  # as the service does every minute: the head is signed outside the database
    with ctx.sessions() as session:
        assert verify(session).ok


def test_a_batch_takes_three_statements_whatever_its_size_and_keeps_the_chain(ctx: ServiceContext) -> None:
    writer = _writer(ctx)
    actor = Actor(uuid.uuid4(), "patient", device_id=uuid.uuid4(), assisted_by="helper|org")
    writer.append([Row(actor, "test.one", ctx.now(), None)])  # the chain goes on from a single row
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split(None, 1)[0].upper())

    event.listen(ctx.engine, "before_cursor_execute", count)
    try:
        writer.append([Row(actor, "test.many", ctx.now(), uuid.uuid4()) for _ in range(50)])
    finally:
        event.remove(ctx.engine, "before_cursor_execute", count)
    writes = [s for s in statements if s in ("INSERT", "UPDATE")]
    assert writes == ["UPDATE", "INSERT", "UPDATE"], statements  # head moved by 50, 50 rows at once, head's hash
    assert _rows(ctx, "test.many") == 50
    with ctx.sessions() as session:
        seqs = list(session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
    assert seqs == list(range(1, len(seqs) + 1))  # no gap, no overlap
    checkpoint_now(ctx.sessions)
    with ctx.sessions() as session:
        assert verify(session).ok


def test_sqlite_writers_of_two_processes_take_turns_on_a_lock_file(
    ctx: ServiceContext, sqlite_backend_only: None
) -> None:
    """Two worker processes each have a writer (two engines on one file here): the second waits on the lock file
    beside the database (the kernel wakes it at once) instead of SQLite's busy handler; no row lost, one chain."""
    other = ServiceContext.build(ctx.settings, pool_size=2)
    try:
        with other.sessions() as session:
            second = AuditWriter(other.engine, session.info)
        first = _writer(ctx)
        lock_file = second._turn_file
        assert lock_file is not None and lock_file.parent == Path(ctx.engine.url.database or "").parent
        actor = Actor(uuid.uuid4(), "patient")
        done = threading.Event()

        def append_then_tell() -> None:
            second.append([Row(actor, "test.turn", ctx.now(), None)])
            done.set()

        with lock_file.open("a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)  # another process's writer is committing
            waiter = threading.Thread(target=append_then_tell)
            waiter.start()
            assert not done.wait(0.5)  # it waits for its turn
            fcntl.flock(held, fcntl.LOCK_UN)
        assert done.wait(10)
        waiter.join(10)
        errors: list[BaseException] = []

        def burst(writer: AuditWriter) -> None:
            try:
                for _ in range(20):
                    writer.append([Row(actor, "test.turn", ctx.now(), None)] * 3)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=burst, args=(w,)) for w in (first, second, first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
        assert _rows(ctx, "test.turn") == 1 + 4 * 20 * 3
        checkpoint_now(ctx.sessions)
        with ctx.sessions() as session:
            assert verify(session).ok
    finally:
        other.close()


def _hold_writer(ctx: ServiceContext) -> tuple[threading.Event, threading.Event]:
    """(reached, gate): the writer thread stops before its first statement until `gate` is set."""
    reached, gate = threading.Event(), threading.Event()

    def hold(*_args: Any) -> None:
        if threading.current_thread().name == "carnet-audit-writer" and not reached.is_set():
            reached.set()
            gate.wait(20)

    event.listen(ctx.engine, "before_cursor_execute", hold)
    return reached, gate


def test_an_async_wait_returns_once_committed_and_the_loop_runs_meanwhile(ctx: ServiceContext) -> None:
    writer = _writer(ctx)
    reached, gate = _hold_writer(ctx)
    actor = Actor(uuid.uuid4(), "patient")

    async def main() -> tuple[int, int]:
        task = asyncio.create_task(writer.append_async([Row(actor, "test.async", ctx.now(), None)]))
        assert await asyncio.to_thread(reached.wait, 10)
        ticks = 0
        for _ in range(20):  # the loop is free while the writer is held: other requests go on
            await asyncio.sleep(0.01)
            ticks += 1
        assert not task.done()
        before = _rows(ctx, "test.async")
        gate.set()
        await asyncio.wait_for(task, 20)
        return ticks, before

    ticks, before = asyncio.run(main())
    assert (ticks, before) == (20, 0)
    assert _rows(ctx, "test.async") == 1  # returned only once committed


def test_an_async_wait_raises_what_the_commit_raised(ctx: ServiceContext) -> None:
    writer = _writer(ctx)
    actor = Actor(uuid.uuid4(), "patient")
    with pytest.raises((ValueError, StatementError)):
        asyncio.run(writer.append_async([Row(actor, "test.bad", datetime(2026, 1, 1), None)]))
    asyncio.run(writer.append_async([Row(actor, "test.good", ctx.now(), None)]))
    assert _rows(ctx, "test.bad") == 0 and _rows(ctx, "test.good") == 1


def test_a_cancelled_async_wait_still_commits_and_the_writer_goes_on(ctx: ServiceContext) -> None:
    """The client went away mid-pull, its loop even closed: the rows of what was read are written all the same."""
    writer = _writer(ctx)
    reached, gate = _hold_writer(ctx)
    actor = Actor(uuid.uuid4(), "patient")

    async def main() -> None:
        task = asyncio.create_task(writer.append_async([Row(actor, "test.gone", ctx.now(), None)]))
        assert await asyncio.to_thread(reached.wait, 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())  # the loop is closed before the writer commits and tries to wake it
    gate.set()
    deadline = time.monotonic() + 20
    while _rows(ctx, "test.gone") < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _rows(ctx, "test.gone") == 1
    writer.append([Row(actor, "test.after", ctx.now(), None)])  # the writer thread did not die on the closed loop
    assert _rows(ctx, "test.after") == 1
    checkpoint_now(ctx.sessions)
    with ctx.sessions() as session:
        assert verify(session).ok
