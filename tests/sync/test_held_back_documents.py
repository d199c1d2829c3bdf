"""A result « visible par le patient après la consultation d'annonce » (issue 18), against the real service: the
patient's devices do not get it before its day — not in a pull, not its body, not in the notifications — although
their cursors move past it; on its day it is released (a new version) and reaches both devices, once, and the patient
is told then. Meanwhile the digest leaves it out, so the patient's devices never re-download their dossier for it."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.sync.engine import S_ACCESS
from dossier.documents import Confidentiality
from server.clock import ManualClock
from tests.support.sync_lab import ANNE, Device, Lab

BODY = b"%PDF-1.4\nserologie\n%%EOF\n"


def _titles(device: Device) -> list[str]:
    return sorted(d.title for d in device.profile.dossier().documents.list())


def _events(lab: Lab, device: Device) -> list[str]:
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    return [n["event"] for n in lab.api.get("/v1/me/notifications", headers=headers).json()["items"]]


def _blob_status(lab: Lab, device: Device, dossier_id: str, sha256: str) -> int:
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    return lab.api.get(f"/v1/sync/blobs/{dossier_id}/{sha256}", headers=headers).status_code


def test_a_held_back_result_reaches_both_devices_of_the_patient_on_its_day_not_before(
    lab: Lab, server_clock: ManualClock
) -> None:
    anne = lab.professional(ANNE)
    person = lab.person()
    phone, laptop = lab.device(person), lab.device(person)
    lab.grant(phone, ANNE)
    clinic = lab.pro_device(anne)
    dossier_id = str(person.dossier_id)
    clinic.engine.sync_once()
    for device in (phone, laptop):
        device.engine.sync_once()
    store = clinic.profile.dossier(dossier_id)
    day: date = server_clock.now().date() + timedelta(days=5)
    store.documents.add(
        BODY,
        title="Sérologie",
        category="biologie",
        author_kind="professional",
        confidentiality=Confidentiality(hidden_from_patient_until=day),
    )
    store.documents.add(b"%PDF-1.4\n%%EOF\n", title="Courrier", category="compte_rendu", author_kind="professional")
    assert clinic.engine.sync_once().pushed.get("applied") == 2
    sha = next(d.sha256 for d in store.documents.list() if d.title == "Sérologie")

    # Before its day: the other document arrives, not this one; its body is refused; nothing announces it.
    for device in (phone, laptop):
        device.engine.sync_once()
        assert _titles(device) == ["Courrier"]
    assert _blob_status(lab, phone, dossier_id, sha) == 403
    assert _events(lab, phone).count("document_added_by_professional") == 1  # the Courrier only
    # The digest leaves it out: a second sync finds nothing to pull (no re-download of the dossier).
    assert phone.engine.sync_once().pulled == 0

    server_clock.advance(timedelta(days=4))  # the day before: still held back
    assert phone.engine.sync_once().pulled == 0 and _titles(phone) == ["Courrier"]

    server_clock.advance(timedelta(days=1))  # its day: the next pull releases it
    report = phone.engine.sync_once()
    assert report.pulled == 1 and report.downloaded == 1
    assert _titles(phone) == ["Courrier", "Sérologie"]
    released = next(d.id for d in phone.profile.dossier().documents.list() if d.title == "Sérologie")
    assert phone.profile.dossier().documents.read(released) == BODY
    laptop.engine.sync_once()  # the other device, whose cursor was past it too
    assert _titles(laptop) == ["Courrier", "Sérologie"]
    assert _events(lab, phone).count("document_added_by_professional") == 2  # told now, once
    assert phone.engine.sync_once().pulled == 0 and laptop.engine.sync_once().pulled == 0  # released once

    # The author's copy follows the new version, unchanged.
    clinic.engine.sync_once()
    [mine] = [d for d in clinic.profile.dossier(dossier_id).documents.list() if d.title == "Sérologie"]
    assert mine.confidentiality.hidden_from_patient_until == day
