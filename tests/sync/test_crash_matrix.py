"""The kill -9 matrix: `carnet-cli sync` runs as a real subprocess and dies (os._exit(137)) at a named point.

After a restart nothing acknowledged is lost, nothing is doubled (one ledger row per mutation, one entry per create),
no cursor passes unapplied data (a fresh device and the crashed one hold the same state), and a purge completes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.sync.engine import CRASH_ENV
from server.sync.models import SyncLedger
from tests.support.service import PASSWORD
from tests.support.sync_lab import Device, Lab

pytestmark = pytest.mark.usefixtures("sqlite_only")

ROOT = Path(__file__).resolve().parents[2]
DOC = b"%PDF-1.4\n" + hashlib.shake_256(b"crash").digest(1_200_000) + b"\n%%EOF"

SYNC_POINTS = [
    "push.before_send",
    "push.response_received",  # the server committed, the client never saw the answer
    "push.mid_apply",
    "push.after_local_commit",
    "pull.response_received",
    "pull.mid_page",
    "pull.after_page_commit",
    "upload.after_create",
    "upload.mid_chunk",
    "download.mid",
]
PURGE_POINTS = ["purge.before", "purge.closed", "purge.after"]


def run_cli(device: Device, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != CRASH_ENV}
    if crash_at:
        env[CRASH_ENV] = crash_at
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app.cli",
            "--data-dir",
            str(device.directory.data_dir),
            *args,
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def _state(device: Device) -> tuple[dict[str, object], dict[str, bytes]]:
    store = device.profile.dossier()
    entries = {e.id: e.data for e in store.entries.list(limit=10_000)}
    docs = {d.id: store.documents.read(d.id) for d in store.documents.list()}
    return entries, docs


@pytest.mark.parametrize("point", SYNC_POINTS)
def test_a_client_killed_at_any_sync_point_converges_without_loss_or_duplicates(lab: Lab, point: str) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    # Work on the other device that A must pull (entries, and a document body A must download).
    for i in range(30):
        b.profile.dossier().entries.create("allergy", {"name": f"Allergie B{i}"})
    b.profile.dossier().documents.add(DOC, title="Radio", category="imagerie")
    b.engine.sync_once()
    # Acknowledged local work on A (each edit committed locally = acknowledged to the person).
    store = a.profile.dossier()
    created = [store.entries.create("allergy", {"name": f"Allergie A{i}"}).id for i in range(25)]
    store.entries.edit(created[0], {"reaction": "Urticaire"})
    store.entries.delete(created[1])
    store.documents.add(b"%PDF-1.4\n" + DOC[9:][::-1], title="Scanner", category="imagerie")
    a.profile.lock()
    a.engine.http.close()

    crashed = run_cli(a, "sync", crash_at=point)
    assert crashed.returncode == 137, crashed.stderr
    finished = run_cli(a, "sync")
    assert finished.returncode == 0, finished.stderr

    a.reopen()
    a.engine.sync_once()
    b.engine.sync_once()
    fresh = lab.device(person)
    fresh.engine.sync_once()
    state_a, state_b, state_fresh = _state(a), _state(b), _state(fresh)
    assert state_a == state_b == state_fresh
    names = sorted(str(d["name"]) for d in state_a[0].values())
    assert names == sorted([f"Allergie A{i}" for i in range(25) if i != 1] + [f"Allergie B{i}" for i in range(30)])
    assert state_a[0][created[0]]["reaction"] == "Urticaire"
    assert len(state_a[1]) == 2 and DOC in state_a[1].values()
    assert a.profile.dossier().outbox.count_pending() == 0
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        total = session.scalar(select(func.count()).select_from(SyncLedger))
        distinct = session.scalar(select(func.count(func.distinct(SyncLedger.mutation_id))))
    assert total == distinct == 25 + 2 + 1 + 30 + 1


@pytest.mark.parametrize("point", PURGE_POINTS)
def test_a_purge_interrupted_by_a_crash_completes_at_the_next_start(lab: Lab, point: str) -> None:
    patient = lab.device(lab.person())
    clinic = lab.pro_device(lab.professional())
    lab.grant(patient)
    patient.profile.dossier().entries.create("vaccination", {"vaccine": "ROR", "date": "2019-03-04"})
    patient.engine.sync_once()
    clinic.engine.sync_once()
    dossier_id = patient.profile.settings["own_dossier_id"]
    assert clinic.profile.dossier_ids() == [dossier_id]
    lab.grant(patient, revoke=True)
    clinic.profile.lock()
    clinic.engine.http.close()

    assert run_cli(clinic, "sync", crash_at=point).returncode == 137
    status = run_cli(clinic, "status", "--json")
    assert status.returncode == 0, status.stderr
    clinic.reopen()
    assert clinic.profile.dossier_ids() == []
    assert list((clinic.profile.path / "dossiers").iterdir()) == []
    assert clinic.profile.settings.get("sync.purging") == []
