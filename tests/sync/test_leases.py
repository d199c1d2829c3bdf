"""Offline leases on clinic workstations: lock past the lease, purge clean data after the grace, never unsynced work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.sync.engine import DossierLocked, SyncState
from tests.support.sync_lab import Device, Lab, make_engine

pytestmark = pytest.mark.usefixtures("sqlite_only")


class DeviceClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _clinic_with_patient(lab: Lab) -> tuple[Device, Device, DeviceClock, str]:
    patient = lab.device(lab.person())
    clinic = lab.pro_device(lab.professional())
    lab.grant(patient)
    patient.profile.dossier().entries.create("vaccination", {"vaccine": "BCG", "date": "2001-05-06"})
    patient.engine.sync_once()
    clock = DeviceClock()
    clinic.engine.http.close()
    clinic.engine = make_engine(clinic.profile, device_clock=clock)
    clinic.engine.sync_once()
    return patient, clinic, clock, patient.profile.settings["own_dossier_id"]


def test_past_its_lease_a_cached_dossier_locks_until_the_device_checks_in(lab: Lab) -> None:
    _, clinic, clock, dossier_id = _clinic_with_patient(lab)
    assert clinic.engine.lease_states() == {dossier_id: "ok"}  # the service's lease (1 h in this suite)
    assert clinic.engine.require_open(dossier_id).entries.count() == 1
    clock.now += timedelta(minutes=61)
    assert clinic.engine.lease_states() == {dossier_id: "locked"}
    assert clinic.engine.settled_state() is SyncState.LOCKED
    with pytest.raises(DossierLocked) as refused:
        clinic.engine.require_open(dossier_id)
    assert "Connectez-vous au service" in refused.value.message_fr
    clinic.engine.sync_once()  # checking in renews the lease
    assert clinic.engine.lease_states() == {dossier_id: "ok"}


def test_a_clock_set_backwards_counts_as_expired(lab: Lab) -> None:
    _, clinic, clock, dossier_id = _clinic_with_patient(lab)
    clock.now -= timedelta(days=1)
    assert clinic.engine.lease_states() == {dossier_id: "locked"}


def test_after_the_grace_period_clean_data_is_purged_but_unsynced_work_never_silently(lab: Lab) -> None:
    _, clinic, clock, dossier_id = _clinic_with_patient(lab)
    cached = clinic.profile.dossier(dossier_id)
    cached.documents.add(
        b"%PDF-1.4\nlettre\n%%EOF", title="Lettre", category="compte_rendu", author_kind="professional"
    )
    clock.now += timedelta(hours=3)  # lease 1 h + grace 1 h are over
    assert clinic.engine.check_leases() == {dossier_id: "locked"}  # a document not yet sent: kept, locked
    assert clinic.profile.dossier_ids() == [dossier_id]
    clinic.engine.sync_once()  # the device checks in: the document leaves, the lease restarts
    clock.now += timedelta(hours=3)
    assert clinic.engine.check_leases() == {dossier_id: "purged"}
    assert clinic.profile.dossier_ids() == []
    assert list((clinic.profile.path / "dossiers").iterdir()) == []
