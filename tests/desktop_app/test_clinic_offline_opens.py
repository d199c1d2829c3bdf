"""Dossiers opened offline on a clinic workstation reach the patient's historique des accès (SQLite and PostgreSQL).

The real service on loopback through the fault-injecting TCP proxy; the checks read the service's API and database.
(No SECURITY_CHECKLIST id covers the historique des accès; PRODUCT.md and issue 8 ask for it.)
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from desktop_app.clinic import ClinicSession, DocumentPolicy
from desktop_app.sync.engine import S_ACCESS, S_URL, Revocation
from desktop_app.sync.http import Backoff, SyncOffline
from server.audit.models import AuditEvent
from server.audit.service import verify
from server.clock import ManualClock
from server.professionals.service import OfflineOpen, claimed_open_time, offline_open_event_id
from tests.support.faultproxy import FaultProxy
from tests.support.service_fixtures import backend as backend
from tests.support.service_fixtures import db_url as db_url
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.service_fixtures import template_db as template_db
from tests.support.sync_lab import ANNE, BRUNO, Device, Lab
from tests.support.sync_lab_fixtures import api as api
from tests.support.sync_lab_fixtures import flows as flows
from tests.support.sync_lab_fixtures import lab as lab
from tests.support.sync_lab_fixtures import live as live
from tests.support.sync_lab_fixtures import server_clock as server_clock


class Workstation:
    """Anne's clinic profile, talking to the service through a proxy whose cable the test can pull."""

    def __init__(self, lab: Lab, pro: dict[str, Any], clock: ManualClock) -> None:
        self.device: Device = lab.pro_device(pro)
        assert lab.live.port
        self.proxy = FaultProxy(lab.live.port)
        self.device.profile.set_setting(S_URL, self.proxy.url)
        self.now = clock.now()  # the workstation's own clock
        self.session = ClinicSession(
            self.device.profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2), clock=lambda: self.now
        )

    def cable(self, *, plugged: bool) -> None:
        self.proxy.faults.reset_probability = 0.0 if plugged else 1.0

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.device.profile.settings[S_ACCESS]}"}

    def close(self) -> None:
        self.session.logout()
        self.proxy.close()


def _history(lab: Lab, patient: Device) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {patient.profile.settings[S_ACCESS]}"}
    r = lab.api.get("/v1/me/access/history", headers=headers, params={"actor_kind": "professional", "limit": 200})
    assert r.status_code == 200, r.text
    return [i for i in r.json()["items"] if i["action"] == "dossier.open_offline"]


def _notifications(lab: Lab, patient: Device) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {patient.profile.settings[S_ACCESS]}"}
    r = lab.api.get("/v1/me/notifications", headers=headers, params={"limit": 200})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def _offline_rows(lab: Lab) -> list[AuditEvent]:
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action.like("dossier.open_offline.%"))).all()
        assert verify(session).ok  # the chain stays intact around the re-sealed rows
        return list(rows)


def _opened_offline(station: Workstation, dossier_id: str) -> OfflineOpen:
    station.cable(plugged=False)
    with pytest.raises(SyncOffline):
        station.session.open(dossier_id)  # the online open fails: the window shows the cached copy...
    station.now += timedelta(minutes=1)
    queued = station.session.note_offline_open(dossier_id)  # ...and queues the report
    return OfflineOpen(uuid.UUID(queued.id), queued.opened_at)


def test_a_dossier_opened_offline_lands_once_in_the_patients_history_at_the_next_contact(
    lab: Lab, server_clock: ManualClock
) -> None:
    anne = lab.professional(ANNE)
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, ANNE)
    d = str(patient.dossier_id)
    station = Workstation(lab, anne, server_clock)
    try:
        station.session.prepare_day([d], documents=DocumentPolicy.NONE)
        opened = _opened_offline(station, d)
        with pytest.raises(SyncOffline):  # still offline: the report stays queued, in the encrypted profile
            station.session.sync()
        assert [o.id for o in station.session.offline_opens()] == [str(opened.id)]
        assert _history(lab, device) == []

        notified = len(_notifications(lab, device))
        station.cable(plugged=True)
        server_clock.advance(timedelta(minutes=5))
        received = server_clock.now()
        station.session.sync()
        assert station.session.offline_opens() == []
        history = _history(lab, device)
        assert len(history) == 1
        item = history[0]
        assert (item["outcome"], item["actor_rpps"], item["actor_kind"]) == ("allowed", ANNE, "professional")
        assert datetime.fromisoformat(item["at"].replace("Z", "+00:00")) == received  # the service's receipt time
        assert len(_notifications(lab, device)) == notified + 1  # the patient is told, as for an online opening
        (row,) = _offline_rows(lab)
        assert abs(claimed_open_time(row.id) - opened.opened_at) < timedelta(milliseconds=1)  # the device's time
        assert claimed_open_time(row.id) < received

        # The answer was lost and the workstation sends the same report again: still one line.
        body = {"opens": [{"id": str(opened.id), "opened_at": opened.opened_at.isoformat()}]}
        r = lab.api.post(f"/v1/pro/dossiers/{d}/offline-opens", json=body, headers=station.headers())
        assert r.status_code == 204, r.text
        assert len(_history(lab, device)) == 1 and len(_offline_rows(lab)) == 1
        assert len(_notifications(lab, device)) == notified + 1
    finally:
        station.close()


def test_an_open_reported_after_a_revocation_is_recorded_and_the_cache_is_purged(
    lab: Lab, server_clock: ManualClock
) -> None:
    anne = lab.professional(ANNE)
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, ANNE)
    device.profile.dossier().documents.add(b"%PDF-1.4\n%%EOF\n", title="Radio du genou", category="imagerie")
    device.engine.sync_once()
    d = str(patient.dossier_id)
    station = Workstation(lab, anne, server_clock)
    try:
        station.session.prepare_day([d], documents=DocumentPolicy.ALL)
        assert [doc.title for doc in station.session.profile.dossier(d).documents.list()] == ["Radio du genou"]
        _opened_offline(station, d)
        lab.grant(device, ANNE, revoke=True)  # meanwhile the patient withdraws the authorisation
        revoked: list[Revocation] = []
        station.session.engine.on_revoked(revoked.append)
        station.cable(plugged=True)
        station.session.sync()
        assert [r.dossier_id for r in revoked] == [d]  # the professional is told, the copy is gone
        assert station.session.profile.dossier_ids() == [] and station.session.offline_opens() == []
        (item,) = _history(lab, device)  # the opening happened: it is in the history all the same
        assert item["actor_rpps"] == ANNE and item["outcome"] == "denied"
    finally:
        station.close()


def test_bad_or_unfounded_reports_are_refused_clearly_and_record_nothing(lab: Lab, server_clock: ManualClock) -> None:
    anne, bruno = lab.professional(ANNE), lab.professional(BRUNO)
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, ANNE)
    d = str(patient.dossier_id)
    station = Workstation(lab, anne, server_clock)
    try:
        url = f"/v1/pro/dossiers/{d}/offline-opens"
        good = {"id": str(uuid.uuid4()), "opened_at": server_clock.now().isoformat()}
        for body in (
            {"opens": []},
            {"opens": [{**good, "opened_at": "2026-01-15T09:00:00"}]},  # no time zone
            {"opens": [{**good, "opened_at": "1999-12-31T23:00:00+00:00"}]},
            {"opens": [{**good, "id": "pas-un-uuid"}]},
            {"opens": [good] * 201},
            {"opens": [good], "extra": 1},
        ):
            r = lab.api.post(url, json=body, headers=station.headers())
            assert r.status_code == 422, (body, r.text)
        r = lab.api.post(
            f"/v1/pro/dossiers/{uuid.uuid4()}/offline-opens", json={"opens": [good]}, headers=station.headers()
        )
        assert r.status_code == 404, r.text
        patient_headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
        assert lab.api.post(url, json={"opens": [good]}, headers=patient_headers).status_code in (401, 403)
        assert httpx.post(lab.live.url + url, json={"opens": [good]}).status_code == 401

        # Bruno never held a copy of this dossier: his claim is refused and writes nothing in the patient's history.
        intruder = Workstation(lab, bruno, server_clock)
        try:
            r = lab.api.post(url, json={"opens": [good]}, headers=intruder.headers())
            assert r.status_code == 403, r.text
        finally:
            intruder.close()
        assert _history(lab, device) == [] and _offline_rows(lab) == []
    finally:
        station.close()


def test_the_audit_id_of_an_offline_open_carries_the_claimed_time_and_is_per_professional() -> None:
    report = OfflineOpen(uuid.uuid4(), datetime(2026, 3, 2, 8, 30, 15, 123000, tzinfo=UTC))
    anne, bruno, dossier = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    event = offline_open_event_id(anne, dossier, report)
    assert event.version == 7 and event.variant == uuid.RFC_4122
    assert claimed_open_time(event) == report.opened_at
    assert offline_open_event_id(anne, dossier, report) == event  # a resend maps to the same row
    assert offline_open_event_id(bruno, dossier, report) != event
    assert offline_open_event_id(anne, uuid.uuid4(), report) != event
