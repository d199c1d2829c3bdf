"""The window's one relay of change events: the profile's ChangeHub → a Qt signal on the UI thread.

A dossier store publishes a `StoreChange` after each commit, on whatever thread committed (the worker, the sync
engine's thread). The relay hops to the UI thread (always queued, so a page never refreshes inside the write that
caused it) and re-emits it; each open page then refreshes when the change concerns what it shows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:  # the welcome screen appears before the engine's modules load
    from desktop_app.changes import ChangeHub, StoreChange
    from desktop_app.dossier_store import DossierStore
    from dossier.sync_protocol import Entity


class ChangeRelay(QObject):
    """Follows one hub at a time (the open profile's); nothing heard before `follow()` changed hub is delivered."""

    sig_changed = Signal(object)
    """A dossier store committed a change (UI thread); carries the StoreChange."""

    _sig_heard = Signal(int, object)  # from the committing thread: (generation, change)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._unsubscribe: Callable[[], None] | None = None
        self._sig_heard.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def follow(self, hub: ChangeHub | None) -> None:
        """Listen to `hub` from now on (None: to nothing, e.g. once the profile is locked)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._generation += 1
        if hub is None:
            return
        generation, heard = self._generation, self._sig_heard

        def hear(change: StoreChange) -> None:
            with contextlib.suppress(RuntimeError):  # the window may already be gone at shutdown
                heard.emit(generation, change)

        self._unsubscribe = hub.subscribe(hear)

    def _deliver(self, generation: int, change: StoreChange) -> None:
        if generation == self._generation:
            self.sig_changed.emit(change)


def concerns(store: DossierStore | None, change: StoreChange, entity: Entity, kind: str | None = None) -> bool:
    """Does `change` touch what a page showing `entity` (of `kind`) from `store` lists?"""
    return store is not None and change.dossier_id == store.dossier_id and change.touches(entity, kind)
