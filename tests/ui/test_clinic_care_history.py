"""« Histoire de santé » at the clinic workstation (issue 18), against the real service on loopback: the professional
asks for the patient's reimbursed care, the read is audited for the patient, the copy is kept in the patient's
encrypted copy on this workstation and shown offline with its date; a professional the patient did not authorise is
refused by the policy; an unreadable answer replaces nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app import clinic_care
from desktop_app.sync.http import ServiceRefused
from server.audit.models import AuditEvent
from server.feed.service import CareItem, import_care_history
from tests.support.clinic_lab import Network, prepare, registered, search, shot, shows, sign_in
from tests.support.clinic_lab import clinic as clinic
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.sync_lab import Lab
from ui.clinic.window import ClinicWindow

NURSE, OTHER = "10000000025", "10000000033"
LABEL = "Consultation de médecine générale"


def _feed(lab: Lab, nir: str) -> None:
    ctx = lab.live.ctx
    assert ctx is not None
    today = ctx.now().date()
    items = [
        CareItem("r1", nir, "consultation", today - timedelta(days=40), LABEL, "Dr Anne Durand"),
        CareItem("r2", nir, "medicine", today - timedelta(days=10), "Amoxicilline 500 mg"),
    ]
    with ctx.sessions() as session:
        assert import_care_history(session, ctx, items).imported == 2
        session.commit()


def _care_reads(lab: Lab, dossier_id: Any) -> list[str]:
    ctx = lab.live.ctx
    assert ctx is not None
    with ctx.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.dossier_id == dossier_id))
        return [a for a in actions if a.startswith("care_history.read")]


def _wait_care(qtbot: Any, clinic: ClinicWindow) -> None:
    qtbot.waitUntil(clinic.care_button.isEnabled, timeout=20_000)


def test_the_health_history_is_fetched_kept_encrypted_and_shown_offline_with_its_date(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, tmp_path: Path
) -> None:
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, NURSE)
    _feed(lab, patient.nir)
    sign_in(qtbot, clinic, lab, nurse)
    search(qtbot, clinic, "Martin")
    dossier_id = str(patient.dossier_id)
    prepare(qtbot, clinic, [dossier_id])
    clinic.open_dossier(dossier_id)
    _wait_care(qtbot, clinic)
    assert shows(clinic, "Pas encore demandée sur ce poste")  # nothing fetched yet: the view says how
    assert _care_reads(lab, patient.dossier_id) == []  # opening the dossier does not read it

    clinic.care_button.click()
    qtbot.waitUntil(lambda: shows(clinic, "Amoxicilline 500 mg"), timeout=20_000)
    lines = [clinic.contents.item(i).text().strip() for i in range(clinic.contents.count())]
    newest = lines.index(next(t for t in lines if "Amoxicilline" in t))
    assert "Médicament : Amoxicilline 500 mg" in lines[newest]
    assert f"Consultation : {LABEL} — Dr Anne Durand" in lines[newest + 1]  # newest first
    assert any(t.startswith("Reçue du service le ") for t in lines)
    assert _care_reads(lab, patient.dossier_id) == ["care_history.read.allowed.professional_authorised"]
    shot(clinic, "clinic-care-history-online")

    # The copy lives in the patient's SQLCipher copy on this workstation: no readable trace on disk.
    for path in (tmp_path / "clinic-pc").rglob("*"):
        if path.is_file():
            assert b"Amoxicilline" not in path.read_bytes(), path

    # Offline: the dossier opens from the copy with the history as last received, and the button says so.
    network.online = False
    clinic.open_dossier(dossier_id)
    qtbot.waitUntil(lambda: shows(clinic, "Copie de ce poste, reçue du service le "), timeout=20_000)
    assert shows(clinic, "Amoxicilline 500 mg")
    _wait_care(qtbot, clinic)
    clinic.care_button.click()
    qtbot.waitUntil(lambda: "dernière copie de ce poste, du " in clinic.dossier_error.text(), timeout=20_000)
    assert shows(clinic, "Amoxicilline 500 mg")
    shot(clinic, "clinic-care-history-offline")


def test_a_professional_the_patient_did_not_authorise_is_refused_and_the_refusal_audited(lab: Lab) -> None:
    registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    registered(lab, OTHER, "masseur_kinesitherapeute", "Petit", "Paul")
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, NURSE)
    _feed(lab, patient.nir)
    other = lab.pro_device({"rpps": OTHER, "email": f"pro{OTHER}@example.org"})
    with pytest.raises(ServiceRefused) as refused:
        clinic_care.fetch(other.engine.http, str(patient.dossier_id), None, lambda: lab.live.settings.clock.now())
    assert refused.value.status == 403 and refused.value.body["code"] == "professional_not_authorised"
    assert _care_reads(lab, patient.dossier_id) == ["care_history.read.denied.professional_not_authorised"]
