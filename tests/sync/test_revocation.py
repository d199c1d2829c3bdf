"""Revocation over HTTP on loopback: told before the purge, and a device the person removed from another device (S34).

A device revoked by its owner gets `401 device_revoked`: its engine reports every held dossier (with the changes that
will never be sent) BEFORE erasing them, erases them crash-safely, forgets its session and never retries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.sync.engine import S_ACCESS, S_REFRESH, Revocation, SyncState
from desktop_app.sync.http import DeviceRevoked
from tests.support.service import Person
from tests.support.sync_lab import Device, Lab
from tests.sync.test_crash_matrix import run_cli


def _device_id(lab: Lab, device: Device) -> str:
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    r = lab.api.get("/v1/me/devices", headers=headers)
    assert r.status_code == 200, r.text
    [current] = [d for d in r.json() if d["current"]]
    return str(current["id"])


def _remove(lab: Lab, *, by: Device, target: Device) -> None:
    """The person removes `target` from their account, signed in on `by` (Mes appareils → Retirer)."""
    device_id = _device_id(lab, target)
    headers = {"Authorization": f"Bearer {by.profile.settings[S_ACCESS]}"}
    r = lab.api.delete(f"/v1/me/devices/{device_id}", headers=headers)
    assert r.status_code == 204, r.text


def _remove_with_one_change_unsent_for_the_cli(lab: Lab, *, by: Device, target: Device) -> None:
    """`target` made a change it never sent, then was removed; its profile is closed so carnet-cli can open it."""
    target.profile.dossier().entries.create("allergy", {"name": "Arachide"})
    _remove(lab, by=by, target=target)
    target.profile.lock()
    target.engine.http.close()


def _dossier_files(device: Device) -> list[Path]:
    return list((device.profile.path / "dossiers").iterdir())


def test_a_withdrawn_dossier_is_announced_while_its_copy_still_exists(lab: Lab) -> None:
    patient = lab.device(lab.person())
    clinic = lab.pro_device(lab.professional())
    lab.grant(patient)
    patient.profile.dossier().entries.create("vaccination", {"vaccine": "ROR", "date": "2019-03-04"})
    patient.engine.sync_once()
    clinic.engine.sync_once()
    [dossier_id] = clinic.profile.dossier_ids()
    lab.grant(patient, revoke=True)
    seen: list[tuple[Revocation, list[str], int]] = []

    def listener(event: Revocation) -> None:
        # What the GUI does on the event: the dossier can still be named and read (to close its windows).
        store = clinic.profile.dossier(event.dossier_id)
        seen.append((event, clinic.profile.dossier_ids(), store.entries.count()))

    clinic.engine.on_revoked(listener)
    report = clinic.engine.sync_once()
    [(event, held_then, entries_then)] = seen
    assert event.reason == "dossier_revoked" and event.dossier_id == dossier_id
    assert held_then == [dossier_id] and entries_then == 1
    assert report.revoked == [event]
    assert clinic.profile.dossier_ids() == [] and _dossier_files(clinic) == []


@pytest.fixture
def person(lab: Lab) -> Person:
    return lab.person()


@pytest.fixture
def two_devices(lab: Lab, person: Person) -> tuple[Device, Device]:
    a, b = lab.device(person), lab.device(person)
    a.profile.dossier().entries.create("allergy", {"name": "Pénicilline"})
    a.engine.sync_once()
    b.engine.sync_once()
    assert [e.data["name"] for e in b.profile.dossier().entries.list()] == ["Pénicilline"]
    return a, b


def test_a_device_removed_from_another_one_erases_its_dossiers_and_reports_its_pending_work(
    lab: Lab, two_devices: tuple[Device, Device]
) -> None:
    a, b = two_devices
    store = b.profile.dossier()
    dossier_id = store.dossier_id
    store.entries.create("allergy", {"name": "Arachide"})
    store.entries.create("vaccination", {"vaccine": "DTP", "date": "2020-01-02"})
    store.documents.add(b"%PDF-1.4\nordonnance\n%%EOF", title="Ordonnance", category="ordonnance")
    _remove(lab, by=a, target=b)

    seen: list[tuple[Revocation, list[str]]] = []
    b.engine.on_revoked(lambda event: seen.append((event, b.profile.dossier_ids())))
    states: list[SyncState] = []
    b.engine.on_state(states.append)
    with pytest.raises(DeviceRevoked) as raised:
        b.engine.sync_once()
    assert "retiré de votre compte" in raised.value.message_fr
    [(event, held_then)] = seen
    assert event == Revocation(dossier_id, 3, 0, reason="device_revoked")  # two entries and a document never sent
    assert held_then == [dossier_id]  # told before the purge
    assert b.profile.dossier_ids() == [] and _dossier_files(b) == []
    assert b.profile.settings.get(S_ACCESS) is None and b.profile.settings.get(S_REFRESH) is None
    assert b.engine.state is SyncState.DEVICE_REVOKED and states[-1] is SyncState.DEVICE_REVOKED
    assert b.engine.status()["device_revoked"] is True

    # It never retries: a later sync refuses at once, without a request, and tells no new revocation.
    before = b.engine.http.requests
    with pytest.raises(DeviceRevoked):
        b.engine.sync_once()
    assert b.engine.http.requests == before and len(seen) == 1
    # The other device is untouched and the service never got B's pending work.
    assert a.engine.sync_once().pulled == 0
    assert [e.data["name"] for e in a.profile.dossier().entries.list()] == ["Pénicilline"]


def test_the_background_worker_stops_for_good_on_a_removed_device(lab: Lab, two_devices: tuple[Device, Device]) -> None:
    a, b = two_devices
    _remove(lab, by=a, target=b)
    revoked: list[Revocation] = []
    b.engine.on_revoked(revoked.append)
    b.engine.start(interval=0.01)
    worker = b.engine._worker
    assert worker is not None
    worker.join(30)
    assert not worker.is_alive()  # it returned by itself instead of retrying on the backoff timer
    assert [r.reason for r in revoked] == ["device_revoked"]
    assert b.engine.state is SyncState.DEVICE_REVOKED


def test_signing_in_again_on_a_removed_device_brings_the_dossier_back(
    lab: Lab, person: Person, two_devices: tuple[Device, Device]
) -> None:
    a, b = two_devices
    dossier_id = b.profile.dossier().dossier_id
    _remove(lab, by=a, target=b)
    with pytest.raises(DeviceRevoked):
        b.engine.sync_once()
    tokens: dict[str, Any] = lab.flows.login(person, device_name="device again")  # a new sign-in on B
    b.profile.set_setting(S_ACCESS, tokens["access_token"])
    b.profile.set_setting(S_REFRESH, tokens["refresh_token"])
    b.engine.sync_once()
    assert b.profile.dossier_ids() == [dossier_id]
    assert [e.data["name"] for e in b.profile.dossier().entries.list()] == ["Pénicilline"]
    assert b.engine.state is SyncState.UP_TO_DATE
    b.profile.set_setting(S_REFRESH, None)  # signing out later is not mistaken for a removal
    assert b.engine.status()["device_revoked"] is False


@pytest.mark.usefixtures("sqlite_only")
def test_a_device_purge_interrupted_by_a_crash_completes_at_the_next_start(
    lab: Lab, two_devices: tuple[Device, Device]
) -> None:
    a, b = two_devices
    _remove_with_one_change_unsent_for_the_cli(lab, by=a, target=b)
    crashed = run_cli(b, "sync", crash_at="device_purge.before")
    assert crashed.returncode == 137, crashed.stderr
    status = run_cli(b, "status", "--json")
    assert status.returncode == 0, status.stderr
    assert '"device_revoked": true' in status.stdout
    b.reopen()
    assert b.profile.dossier_ids() == [] and _dossier_files(b) == []
    assert b.profile.settings.get("sync.purging") == []
    with pytest.raises(DeviceRevoked):
        b.engine.sync_once()


@pytest.mark.usefixtures("sqlite_only")
def test_carnet_cli_sync_on_a_removed_device_says_what_was_erased_and_exits_9(
    lab: Lab, two_devices: tuple[Device, Device]
) -> None:
    a, b = two_devices
    _remove_with_one_change_unsent_for_the_cli(lab, by=a, target=b)
    done = run_cli(b, "sync")
    assert done.returncode == 9, done.stderr
    assert "Appareil retiré du compte" in done.stdout and "1 modification(s) non envoyée(s) perdue(s)" in done.stdout
    assert "retiré de votre compte" in done.stderr
    assert run_cli(b, "sync").returncode == 9  # and again, without asking the service
