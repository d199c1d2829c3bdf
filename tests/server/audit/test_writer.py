"""The audit writer of read requests: rows of concurrent requests share a transaction, none is lost (issue 16).

Real database on both backends; the chain is verified with the audit trail's own check.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime
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
