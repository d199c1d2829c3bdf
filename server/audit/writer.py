"""Group commit of audit rows for read requests: one writer per database, one transaction for many requests.

A read that must leave an audit row (a sync pull that returned items) would otherwise open a write transaction of its
own, and under load those queue on the audit chain's head row (on SQLite, on the database's single writer lock, with
the busy handler's sleeps between attempts). Here each request hands its rows to the process's writer and waits: the
writer appends everything waiting in one transaction and commits it, then wakes every request of the batch.

Nothing is lost on a crash: a request returns (and its response is sent) only once its rows are committed; if the
commit fails, every request of the batch gets the error (an error answer, the client retries). The writer thread
exists only while rows wait; the next request starts a new one.
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from server.audit.service import Actor, record


@dataclass(frozen=True, slots=True)
class Row:
    """One audit row to append (the arguments of `server.audit.service.record`)."""

    actor: Actor
    action: str
    at: datetime
    dossier_id: uuid.UUID | None = None


@dataclass(slots=True)
class _Waiting:
    rows: list[Row]
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None


class AuditWriter:
    """Appends the rows of concurrent requests in shared transactions (see the module's docstring)."""

    def __init__(self, engine: Engine, info: Mapping[str, Any]) -> None:
        self._engine = engine
        self._info = dict(info)  # what the service's sessions carry (the audit key: the chain is keyed)
        self._lock = threading.Lock()
        self._waiting: list[_Waiting] = []
        self._running = False

    def append(self, rows: list[Row]) -> None:
        """Return once these rows are committed; raise what the commit raised."""
        if not rows:
            return
        waiting = _Waiting(rows)
        with self._lock:
            self._waiting.append(waiting)
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="carnet-audit-writer", daemon=True).start()
        waiting.done.wait()
        if waiting.error is not None:
            raise waiting.error

    def _run(self) -> None:
        while True:
            with self._lock:
                batch, self._waiting = self._waiting, []
                if not batch:
                    self._running = False
                    return
            try:
                with Session(self._engine, info=dict(self._info)) as session:
                    for waiting in batch:
                        for row in waiting.rows:
                            record(session, actor=row.actor, action=row.action, at=row.at, dossier_id=row.dossier_id)
                    session.commit()
            except BaseException as exc:  # every request of the batch answers with the error; none is dropped
                for waiting in batch:
                    waiting.error = exc
            for waiting in batch:
                waiting.done.set()


_writers: weakref.WeakKeyDictionary[Engine, AuditWriter] = weakref.WeakKeyDictionary()
_writers_lock = threading.Lock()


def writer_for(engine: Engine, info: Mapping[str, Any]) -> AuditWriter:
    """The writer of this database in this process; its sessions carry `info` (a service session's, with its key)."""
    with _writers_lock:
        writer = _writers.get(engine)
        if writer is None:
            writer = _writers[engine] = AuditWriter(engine, info)
        return writer
