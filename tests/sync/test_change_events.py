"""The engine schedules itself from change events (no UI, no wiring): a local edit is pushed a moment later, quick
edits make one sync, a pull publishes a PULL change and schedules nothing. Against the real service on loopback."""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop_app.changes import ChangeOrigin, StoreChange
from desktop_app.sync.engine import SyncState
from dossier.sync_protocol import Entity
from tests.support.sync_lab import Device, Lab

QUIET = 0.4  # the engine's push_delay in these tests


def _wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _syncs(device: Device) -> list[SyncState]:
    """Every state the engine enters from now on (one SYNCING per sync)."""
    states: list[SyncState] = []
    device.engine.on_state(states.append)
    return states


def test_a_local_edit_is_pushed_a_moment_later_with_nothing_wired(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person, push_delay=QUIET), lab.device(person)
    states = _syncs(a)
    a.engine.start(interval=3600)  # the first sync at once, the next one in an hour
    _wait(lambda: states.count(SyncState.SYNCING) == 1 and states[-1] is SyncState.UP_TO_DATE)

    store = a.profile.dossier()
    entry = store.entries.create("allergy", {"name": "Pénicilline"})  # no poke(), no UI: only the store's event
    _wait(lambda: store.outbox.count_pending() == 0)
    assert states.count(SyncState.SYNCING) == 2
    b.engine.sync_once()
    assert b.profile.dossier().entries.get(entry.id).data["name"] == "Pénicilline"
    a.engine.cancel()


def test_quick_edits_make_one_push_once_they_pause(lab: Lab) -> None:
    a = lab.device(lab.person(), push_delay=1.0)
    states = _syncs(a)
    a.engine.start(interval=3600)
    _wait(lambda: states[-1:] == [SyncState.UP_TO_DATE])
    store = a.profile.dossier()
    started = time.monotonic()
    for name in ("Pollen", "Acariens", "Latex", "Arachide"):
        store.entries.create("allergy", {"name": name})
    assert time.monotonic() - started < 1.0, "the edits must come quicker than the quiet period"
    _wait(lambda: store.outbox.count_pending() == 0)
    time.sleep(1.5)  # longer than the quiet period: no further sync comes
    assert states.count(SyncState.SYNCING) == 2  # the first one, then one for the four edits
    a.engine.cancel()


def test_a_pull_publishes_what_changed_and_schedules_no_push(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person, push_delay=QUIET), lab.device(person)
    heard: list[StoreChange] = []
    a.profile.changes.subscribe(heard.append)
    states = _syncs(a)
    a.engine.start(interval=3600)
    _wait(lambda: states[-1:] == [SyncState.UP_TO_DATE])

    shot = b.profile.dossier().entries.create("vaccination", {"vaccine": "ROR", "date": "2019-05-14"})
    b.engine.sync_once()
    heard.clear()
    a.engine.poke()  # the periodic sync, come early
    _wait(lambda: any(c.origin is ChangeOrigin.PULL and shot.id in c.ids for c in heard))
    [pulled] = [c for c in heard if shot.id in c.ids]
    assert pulled.dossier_id == str(person.dossier_id)
    assert pulled.touches(Entity.ENTRY, "vaccination") and not pulled.touches(Entity.DOCUMENT)
    _wait(lambda: states[-1:] == [SyncState.UP_TO_DATE])
    time.sleep(QUIET * 3)
    assert states.count(SyncState.SYNCING) == 2  # the pull brought a change, not a reason to sync again
    assert all(c.origin is ChangeOrigin.PULL for c in heard)
    a.engine.cancel()


def test_resolving_a_conflict_is_a_local_change_that_reaches_the_other_device(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person, push_delay=QUIET), lab.device(person)
    entry = a.profile.dossier().entries.create("allergy", {"name": "Pénicilline"})
    a.engine.sync_once()
    b.engine.sync_once()
    b.profile.dossier().entries.edit(entry.id, {"reaction": "Urticaire"})
    b.engine.sync_once()
    a.profile.dossier().entries.edit(entry.id, {"reaction": "Eczéma"})
    heard: list[StoreChange] = []
    a.profile.changes.subscribe(heard.append)
    a.engine.sync_once()
    [conflict] = a.engine.conflicts()
    assert any(c.origin is ChangeOrigin.PULL and Entity.CONFLICT in c.entities for c in heard)

    states = _syncs(a)
    a.engine.start(interval=3600, delay=3600)  # running, nothing planned before an hour
    heard.clear()
    a.engine.resolve(conflict.id, keep="mine")
    assert [(c.origin, c.entities) for c in heard] == [(ChangeOrigin.LOCAL, {Entity.CONFLICT})]
    _wait(lambda: a.profile.dossier().outbox.count_pending() == 0)  # pushed without anyone asking
    assert states.count(SyncState.SYNCING) == 1
    b.engine.sync_once()
    assert b.profile.dossier().entries.get(entry.id).data["reaction"] == "Eczéma"
    a.engine.cancel()
