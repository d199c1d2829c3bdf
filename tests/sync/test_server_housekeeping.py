"""Server side of sync: an aidant's pull is audited on the patient's behalf; tombstones lose their content in time."""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
import zlib
from datetime import timedelta

from sqlalchemy import select

from server.accounts.models import Account
from server.admin.service import JobsReport, run_jobs
from server.audit.models import AuditEvent
from server.clock import ManualClock
from server.sync.jobs import TOMBSTONE_RETENTION, purge_tombstones
from server.sync.models import SyncBlob, SyncRecord, SyncUpload
from tests.support.service import Person
from tests.support.sync_lab import Device, Lab, LiveServer


def _records(live: LiveServer, dossier_id: str) -> dict[uuid.UUID, SyncRecord]:
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        rows = session.scalars(select(SyncRecord).where(SyncRecord.dossier_id == uuid.UUID(dossier_id))).all()
        session.expunge_all()
        return {r.entity_id: r for r in rows}


def _purge(live: LiveServer, *, after: timedelta) -> tuple[int, int]:
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        report = purge_tombstones(session, now=live.ctx.now() + after, data_dir=live.settings.data_dir)
        session.commit()
    return report.records, report.bodies


def _run_jobs(live: LiveServer, *, after: timedelta) -> JobsReport:
    """`carnet-server jobs run` as it would run `after` from now (it also expires every session of that age)."""
    assert live.ctx is not None
    later = ManualClock(live.ctx.now() + after)
    ctx = dataclasses.replace(live.ctx, settings=dataclasses.replace(live.ctx.settings, clock=later))
    with ctx.sessions() as session:
        report = run_jobs(session, ctx)
        session.commit()
    return report


def test_an_aidants_pull_is_audited_as_acting_for_the_patient(lab: Lab) -> None:
    patient_person = lab.person()
    patient = lab.device(patient_person)
    patient.profile.dossier().entries.create("allergy", {"name": "Pénicilline"})
    patient.engine.sync_once()
    helper_person: Person = lab.person()
    helper = lab.device(helper_person)
    assert lab.live.ctx is not None
    ends = (lab.live.ctx.now() + timedelta(days=30)).isoformat()
    headers = {"Authorization": f"Bearer {patient.profile.settings['sync.access_token']}"}
    r = lab.api.post(
        "/v1/me/access/aidants", headers=headers, json={"identifier": helper_person.identifier, "ends_at": ends}
    )
    assert r.status_code == 200, r.text

    helper.engine.sync_once()  # adopts the patient's dossier and pulls it
    dossier_id = str(patient_person.dossier_id)
    assert dossier_id in helper.profile.dossier_ids()
    assert [e.data["name"] for e in helper.profile.dossier(dossier_id).entries.list()] == ["Pénicilline"]
    with lab.live.ctx.sessions() as session:
        patient_account = session.scalars(
            select(Account.id).where(Account.dossier_id == patient_person.dossier_id)
        ).one()
        helper_account = session.scalars(select(Account.id).where(Account.dossier_id == helper_person.dossier_id)).one()
        pulls = session.execute(
            select(AuditEvent.actor_id, AuditEvent.actor_role, AuditEvent.on_behalf_of_id).where(
                AuditEvent.action == "sync.pull", AuditEvent.dossier_id == patient_person.dossier_id
            )
        ).all()
    by_actor = {row.actor_id: row for row in pulls}
    assert by_actor[helper_account].on_behalf_of_id == patient_account
    assert by_actor[helper_account].actor_role == "aidant"
    assert by_actor[patient_account].on_behalf_of_id is None  # the holder acts for nobody else


def _doc(n: int) -> bytes:
    return b"%PDF-1.4\n" + hashlib.shake_256(b"tomb%d" % n).digest(3000) + b"\n%%EOF"


def test_old_tombstones_lose_their_content_and_orphan_bodies_yet_every_device_converges(lab: Lab) -> None:
    person = lab.person()
    a: Device = lab.device(person)
    late: Device = lab.device(person)  # offline from before the deletions until after the purge
    store = a.profile.dossier()
    kept = store.entries.create("allergy", {"name": "Arachide"})
    gone = store.entries.create("allergy", {"name": "Pollen", "reaction": "Rhinite"})
    live_doc = store.documents.add(_doc(1), title="Radio", category="imagerie")
    dead_doc = store.documents.add(_doc(2), title="Ancienne ordonnance", category="ordonnance")
    a.engine.sync_once()
    late.engine.sync_once()
    store.entries.delete(gone.id)
    store.documents.delete(dead_doc.id)
    a.engine.sync_once()
    dossier_id = store.dossier_id
    dead_sha = hashlib.sha256(_doc(2)).hexdigest()
    body = lab.live.settings.data_dir / "blobs" / dossier_id / dead_sha
    assert body.exists()

    # Not yet due: nothing changes.
    assert _purge(lab.live, after=TOMBSTONE_RETENTION - timedelta(days=1)) == (0, 0)
    assert _records(lab.live, dossier_id)[uuid.UUID(gone.id)].values_json != "{}"

    assert _purge(lab.live, after=TOMBSTONE_RETENTION + timedelta(days=1)) == (2, 1)
    records = _records(lab.live, dossier_id)
    for entity_id in (gone.id, dead_doc.id):
        record = records[uuid.UUID(entity_id)]
        assert record.deleted and record.values_json == "{}" and record.blob_sha256 is None
    assert "Arachide" in records[uuid.UUID(kept.id)].values_json
    assert not body.exists()
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        blobs = set(session.scalars(select(SyncBlob.sha256).where(SyncBlob.dossier_id == uuid.UUID(dossier_id))))
    assert blobs == {hashlib.sha256(_doc(1)).hexdigest()}
    assert _purge(lab.live, after=TOMBSTONE_RETENTION + timedelta(days=2)) == (0, 0)  # idempotent

    # The late device still learns of both deletions; a new device gets the same dossier; no one re-downloads.
    late_report = late.engine.sync_once()
    fresh = lab.device(person)
    fresh.engine.sync_once()
    for device in (a, late, fresh):
        dossier = device.profile.dossier()
        assert [e.data["name"] for e in dossier.entries.list()] == ["Arachide"]
        assert [d.id for d in dossier.documents.list()] == [live_doc.id]
        assert dossier.documents.read(live_doc.id) == _doc(1)
        assert device.engine.local_digest(dossier) == a.engine.local_digest(a.profile.dossier())
    assert late_report.pulled == 2  # the two tombstones only: its digest matched, no forced re-download

    # The periodic jobs runner does the same housekeeping.
    store.entries.delete(kept.id)
    a.engine.sync_once()
    assert _run_jobs(lab.live, after=TOMBSTONE_RETENTION + timedelta(days=3)).tombstones_purged == 1
    assert _records(lab.live, dossier_id)[uuid.UUID(kept.id)].values_json == "{}"


def test_an_upload_abandoned_half_way_is_dropped_with_its_bytes_after_30_days(lab: Lab) -> None:
    device = lab.device(lab.person())
    content = b"%PDF-1.4\n" + hashlib.shake_256(b"abandoned").digest(700_000)
    url, headers = lab.start_upload(device, content)
    upload_id = url.rsplit("/", 1)[1]
    chunk = content[:262_144]
    check = {"Upload-Offset": "0", "Upload-Checksum": f"crc32 {zlib.crc32(chunk):08x}"}
    assert lab.api.patch(url, content=chunk, headers={**headers, **check}).is_success
    uploads = lab.live.settings.data_dir / "uploads"
    (uploads / f"{upload_id}.262144.left-by-a-killed-server.incoming").write_bytes(b"x" * 1000)

    assert _run_jobs(lab.live, after=timedelta(days=29)).uploads_abandoned == 0  # still resumable
    assert (uploads / f"{upload_id}.part").stat().st_size == 262_144 and _upload_rows(lab.live) == 1
    assert _run_jobs(lab.live, after=timedelta(days=31)).uploads_abandoned == 1
    assert sorted(p.name for p in uploads.iterdir()) == []  # its part and chunk files went with it
    assert _upload_rows(lab.live) == 0
    assert _run_jobs(lab.live, after=timedelta(days=31)).uploads_abandoned == 0  # idempotent


def _upload_rows(live: LiveServer) -> int:
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        return len(session.scalars(select(SyncUpload)).all())
