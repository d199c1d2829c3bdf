"""Change events: after a dossier store commits, it tells its listeners what changed and where the change came from.

This is the one spine every reaction to change hangs from (Anki's `OpChanges` + `operation_did_execute` is the
model): the sync engine schedules a push after a local edit, and the window's one relay turns the event into a Qt
signal so that each open page refreshes when it is concerned — whether the change was typed here or came with a pull.
Nobody wires "this button was clicked, so sync" by hand.

Events are delivered synchronously on the thread that committed, *after* the commit (a listener never sees a change
that could still roll back). A listener must be quick and must not raise: an exception is logged (without the event's
content) and the others still hear the event. A UI listener hops to its own thread itself (queued signal).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from dossier.sync_protocol import Entity

log = logging.getLogger(__name__)


class ChangeOrigin(StrEnum):
    LOCAL = "local"  # written on this device (a person, an import): the outbox has something new to send
    PULL = "pull"  # came from the service: pages showing it must refresh, nothing to send


@dataclass(frozen=True, slots=True)
class StoreChange:
    """What one committed write changed in one dossier."""

    dossier_id: str
    origin: ChangeOrigin
    entities: frozenset[Entity]  # which kinds of thing changed (entries, documents, conflicts)
    kinds: frozenset[str] = field(default_factory=frozenset)  # entry kinds / document categories touched, if known
    ids: frozenset[str] = field(default_factory=frozenset)  # the entity ids touched, if known

    def touches(self, entity: Entity, kind: str | None = None) -> bool:
        """Does this change concern a page listing `entity` (of `kind`, when given)?"""
        if entity not in self.entities:
            return False
        return kind is None or not self.kinds or kind in self.kinds

    @classmethod
    def of(
        cls,
        dossier_id: str,
        origin: ChangeOrigin,
        entities: Iterable[Entity],
        *,
        kinds: Iterable[str] = (),
        ids: Iterable[str] = (),
    ) -> StoreChange:
        return cls(dossier_id, origin, frozenset(entities), frozenset(kinds), frozenset(ids))

    @classmethod
    def merged(cls, changes: Iterable[StoreChange]) -> list[StoreChange]:
        """Several changes of one transaction as one per dossier and origin (an import is one event, not 10,000).

        Kinds and ids stay known only if every part knew them (empty means "any")."""
        groups: dict[tuple[str, ChangeOrigin], list[StoreChange]] = {}
        for change in changes:
            groups.setdefault((change.dossier_id, change.origin), []).append(change)
        merged = []
        for (dossier_id, origin), parts in groups.items():
            kinds = frozenset() if any(not p.kinds for p in parts) else frozenset().union(*(p.kinds for p in parts))
            ids = frozenset() if any(not p.ids for p in parts) else frozenset().union(*(p.ids for p in parts))
            entities = frozenset().union(*(p.entities for p in parts))
            merged.append(cls(dossier_id, origin, entities, kinds, ids))
        return merged


Listener = Callable[[StoreChange], None]


class ChangeHub:
    """Where change events are published. One hub per open profile, shared by every dossier store it opens."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Hear every change from now on; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, change: StoreChange) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:  # a broken listener must not stop the others nor the write that already committed
                log.exception("change listener failed (%s, %s)", change.origin, sorted(change.entities))
