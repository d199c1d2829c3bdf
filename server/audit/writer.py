"""Group commit of audit rows for read requests: one writer per database, one transaction for many requests.

A read that must leave an audit row (a sync pull that returned items) would otherwise open a write transaction of its
own, and under load those queue on the audit chain's head row (on SQLite, on the database's single writer lock, with
the busy handler's sleeps between attempts). Here each request hands its rows to the process's writer and waits: the
writer appends everything waiting in one transaction and commits it, then wakes every request of the batch.

Nothing is lost on a crash: a request returns (and its response is sent) only once its rows are committed; if the
commit fails, every request of the batch gets the error (an error answer, the client retries). The writer thread
exists only while rows wait; the next request starts a new one.

A request on the event loop waits with `append_async`: its worker thread is free meanwhile. Measured (6-7 Dec 2026,
100 clients pulling one change each, PostgreSQL, 2 workers), a pull's thread spent about half its time parked in
`append`, and with the pull's threads bounded (server/dossiers/dependencies.py) that parked time was capacity lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from server.audit.service import Entry, record_many

Row = Entry  # one audit row to append (the arguments of `server.audit.service.record`)


@dataclass(slots=True)
class _Waiting:
    rows: list[Row]
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    wake: Callable[[], None] | None = None  # called from the writer thread once `done` is set

    def finish(self, error: BaseException | None) -> None:
        self.error = error
        self.done.set()
        if self.wake is not None:
            self.wake()


class AuditWriter:
    """Appends the rows of concurrent requests in shared transactions (see the module's docstring)."""

    def __init__(self, engine: Engine, info: Mapping[str, Any]) -> None:
        self._engine = engine
        self._info = dict(info)  # what the service's sessions carry (the audit key: the chain is keyed)
        self._lock = threading.Lock()
        self._waiting: list[_Waiting] = []
        self._running = False
        self._turn_file = _turn_file(engine)

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """SQLite: wait for this database's other writers' batches in the kernel's queue, not in SQLite's busy handler.

        Each worker process has its own writer; on SQLite their transactions share the single write lock, and a
        writer that finds it taken sleeps in SQLite's busy handler (1, 2, 5 ... 100 ms) while the other process's
        writer takes it again and again: measured, a pull's audit row waited up to 6 s (p99) with 2 workers, 1 s
        with one. An exclusive flock on a file beside the database is handed to the waiting writer at once."""
        if self._turn_file is None:
            yield
            return
        with self._turn_file.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def append(self, rows: list[Row]) -> None:
        """Return once these rows are committed; raise what the commit raised."""
        if not rows:
            return
        waiting = self._submit(_Waiting(rows))
        waiting.done.wait()
        if waiting.error is not None:
            raise waiting.error

    async def append_async(self, rows: list[Row]) -> None:
        """`append` for a coroutine: the event loop goes on while the writer commits. Cancelled (the client went
        away), the rows are committed all the same: a pull that was answered has its trace."""
        if not rows:
            return
        loop = asyncio.get_running_loop()
        committed = loop.create_future()

        def wake() -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile (the worker stopping): nobody waits
                loop.call_soon_threadsafe(_resolve, committed)

        waiting = self._submit(_Waiting(rows, wake=wake))
        await committed
        if waiting.error is not None:
            raise waiting.error

    def _submit(self, waiting: _Waiting) -> _Waiting:
        with self._lock:
            self._waiting.append(waiting)
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="carnet-audit-writer", daemon=True).start()
        return waiting

    def _run(self) -> None:
        while True:
            with self._lock:
                batch, self._waiting = self._waiting, []
                if not batch:
                    self._running = False
                    return
            error: BaseException | None = None
            try:
                with self._turn(), Session(self._engine, info=dict(self._info)) as session:
                    record_many(session, [row for waiting in batch for row in waiting.rows])
                    session.commit()
            except BaseException as exc:  # every request of the batch answers with the error; none is dropped
                error = exc
            for waiting in batch:
                waiting.finish(error)


@dataclass(frozen=True, slots=True)
class Pending:
    """Rows a request must see committed before it answers: `committed` hands them to the writer and returns once
    they are (a sync pull's, server/sync/router.py)."""

    writer: AuditWriter
    rows: list[Row]

    async def committed(self) -> None:
        await self.writer.append_async(self.rows)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():  # a cancelled wait (the client went away) has nothing to wake
        future.set_result(None)


def _turn_file(engine: Engine) -> Path | None:
    """The lock file of `AuditWriter._turn`: beside a SQLite database file; None for PostgreSQL (row locks queue
    there) and for a database in memory."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).with_name(Path(database).name + ".audit-lock")


_writers: weakref.WeakKeyDictionary[Engine, AuditWriter] = weakref.WeakKeyDictionary()
_writers_lock = threading.Lock()


def writer_for(engine: Engine, info: Mapping[str, Any]) -> AuditWriter:
    """The writer of this database in this process; its sessions carry `info` (a service session's, with its key)."""
    with _writers_lock:
        writer = _writers.get(engine)
        if writer is None:
            writer = _writers[engine] = AuditWriter(engine, info)
        return writer
