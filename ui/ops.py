"""Background operations: run store work on one worker thread and hand results back on the UI thread.

Modelled on Anki's ``CollectionOp``::

    Op(self, lambda: store.entries.create(kind, values)).success(self.on_created).failure(self.on_failed).run()

Every store call goes through the single worker thread of ``store_pool()`` so database work is serialised and a
SQLCipher connection is always used from the thread that opened it. The callable must never touch a widget: it
runs on the worker; ``success``/``failure`` callbacks run on the UI thread, and are skipped when the parent widget
was destroyed meanwhile.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)

_POOL: QThreadPool | None = None
_RELAY: _Relay | None = None
# Operations by number, from `run()` until the worker has let go of everything of theirs: an Op (and the widget it
# names as parent) must never lose its last reference on the worker thread, or Qt destroys it there.
_PENDING: dict[int, Op[Any]] = {}
_NUMBERS = itertools.count(1)


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
    return sum(1 for op in _PENDING.values() if not op._delivered)


class _Relay(QObject):
    """Lives on the UI thread; the worker reports to it by operation number, holding no Op itself.

    `finished` carries the boxed outcome; `released` follows once the worker has dropped its references to the
    callable and the outcome, and only then does the UI thread forget the Op (queued signals keep their order).
    """

    finished = Signal(int, object)
    released = Signal(int)

    @Slot(int, object)
    def deliver(self, number: int, box: list[Any]) -> None:
        op = _PENDING.get(number)
        if op is not None:
            op._deliver(box)

    @Slot(int)
    def forget(self, number: int) -> None:
        _PENDING.pop(number, None)


def _relay() -> _Relay:
    global _RELAY
    if _RELAY is None:
        _RELAY = _Relay()
        _RELAY.finished.connect(_RELAY.deliver)
        _RELAY.released.connect(_RELAY.forget)
    return _RELAY


class _Runner(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number = number
        self._fn: Callable[[], Any] | None = fn
        self._relay = relay

    def run(self) -> None:  # worker thread: no widget access here
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            # Boxed: a bare None through a queued `object` signal corrupts None's refcount in PySide6.
            box: list[Any] = [True, fn()]
        except BaseException as exc:  # delivered to the UI thread, never lost
            box = [False, exc]
        del fn
        try:
            self._relay.finished.emit(self._number, box)
            del box  # the Op keeps it until `released` arrives: whatever it holds is freed on the UI thread
            self._relay.released.emit(self._number)
        except RuntimeError:  # the application is shutting down and the relay is gone: nobody left to tell
            log.debug("background operation finished after shutdown")


class Op(QObject, Generic[T]):
    """One background operation; ``run()`` queues it on the store worker."""

    sig_succeeded = Signal(object)
    """Emitted on the UI thread with the callable's result."""
    sig_failed = Signal(object)
    """Emitted on the UI thread with the exception the callable raised."""

    def __init__(self, parent: QObject | None, fn: Callable[[], T]) -> None:
        super().__init__(None)
        self._parent = parent
        self._fn = fn  # held here too, so the worker's reference to it is never the last one
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._delivered = False
        self._box: list[Any] | None = None  # the outcome, kept until the worker has let go of it (`released`)

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def run(self) -> Op[T]:
        number = next(_NUMBERS)
        _PENDING[number] = self
        store_pool().start(_Runner(number, self._fn, _relay()))
        return self

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _deliver(self, box: list[Any]) -> None:
        """UI thread: hand the outcome to the callbacks and the signals."""
        self._box, self._delivered = box, True
        succeeded, outcome = box
        if succeeded:
            if self._parent_alive() and self._on_success is not None:
                self._on_success(outcome)
            self.sig_succeeded.emit(outcome)
            return
        if self._on_failure is not None and self._parent_alive():
            self._on_failure(outcome)
        else:
            log.error("background operation failed: %s", type(outcome).__name__)
        self.sig_failed.emit(outcome)
