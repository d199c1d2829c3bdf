"""Background operations: run store work on one worker thread and hand results back on the UI thread.

Modelled on Anki's ``CollectionOp``::

    Op(self, lambda: store.entries.create(kind, values)).success(self.on_created).failure(self.on_failed).run()

Every store call goes through the single worker thread of ``store_pool()`` so database work is serialised and a
SQLCipher connection is always used from the thread that opened it. The callable must never touch a widget: it
runs on the worker; ``success``/``failure`` callbacks run on the UI thread, and are skipped when the parent widget
was destroyed meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)

_POOL: QThreadPool | None = None
# Ops kept alive until their result is delivered (the runnable holds no Python reference the GC would keep).
_PENDING: set[Op[Any]] = set()


def store_pool() -> QThreadPool:
    """The one worker that runs every store operation (one thread that never expires: connections stay on it)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
        _POOL.setExpiryTimeout(-1)
    return _POOL


def wait_for_idle(timeout_ms: int = 30_000) -> bool:
    """Block until the worker has finished everything queued (used at shutdown and by benchmarks)."""
    return store_pool().waitForDone(timeout_ms)


def pending_count() -> int:
    """How many operations are queued or running: the status bar and tests read it."""
    return len(_PENDING)


class _Runner(QRunnable):
    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op

    def run(self) -> None:  # worker thread: no widget access here
        op = self._op
        try:
            result = op._fn()
        except BaseException as exc:  # delivered to the UI thread, never lost
            outcome, signal = [exc], op._sig_worker_failed
        else:
            # Boxed: a bare None through a queued `object` signal corrupts None's refcount in PySide6.
            outcome, signal = [result], op._sig_worker_done
        try:
            signal.emit(outcome)
        except RuntimeError:  # the application is shutting down and the Op is gone: nobody left to tell
            log.debug("background operation finished after shutdown")


class Op(QObject, Generic[T]):
    """One background operation; ``run()`` queues it on the store worker."""

    sig_succeeded = Signal(object)
    """Emitted on the UI thread with the callable's result."""
    sig_failed = Signal(object)
    """Emitted on the UI thread with the exception the callable raised."""

    # Internal: emitted from the worker; queued to this object's (UI) thread.
    _sig_worker_done = Signal(object)
    _sig_worker_failed = Signal(object)

    def __init__(self, parent: QObject | None, fn: Callable[[], T]) -> None:
        super().__init__(None)
        self._parent = parent
        self._fn = fn
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._sig_worker_done.connect(self._on_worker_done)
        self._sig_worker_failed.connect(self._on_worker_failed)

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def run(self) -> Op[T]:
        _PENDING.add(self)
        store_pool().start(_Runner(self))
        return self

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    @Slot(object)
    def _on_worker_done(self, boxed: list[Any]) -> None:
        result = boxed[0]
        _PENDING.discard(self)
        if self._parent_alive() and self._on_success is not None:
            self._on_success(result)
        self.sig_succeeded.emit(result)

    @Slot(object)
    def _on_worker_failed(self, boxed: list[BaseException]) -> None:
        exc = boxed[0]
        _PENDING.discard(self)
        if self._on_failure is not None and self._parent_alive():
            self._on_failure(exc)
        else:
            log.error("background operation failed: %s", type(exc).__name__)
        self.sig_failed.emit(exc)
