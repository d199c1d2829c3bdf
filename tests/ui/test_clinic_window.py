"""Clinic workstation window against the real service on loopback: sign-in, idle lock, offline day, bris de glace.

Between the window and the service sits the fault-injecting TCP proxy (tests/sync/faultproxy.py): pulling its cable
resets every connection, as a dead network does.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.clinic import DocumentPolicy
from desktop_app.sync.engine import S_ACCESS
from dossier.access import EmergencyReason
from tests.support.clinic_lab import Network, Picker, add_document, prepare, search, shot, shows, sign_in
from tests.support.clinic_lab import clinic as clinic
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.service import PASSWORD
from tests.support.sync_lab import ANNE, BRUNO, Lab
from tests.ui.helpers import missing_accessibility
from ui.clinic.day import DOSSIER_ROLE
from ui.clinic.window import ClinicWindow
from ui.ops import wait_for_idle
from ui.sync import SyncController


def test_sign_in_with_the_emailed_code_then_idle_lock_clears_every_view(qtbot: Any, lab: Lab, clinic: Any) -> None:
    anne = lab.professional(ANNE)
    patient = lab.person()
    lab.grant(lab.device(patient), ANNE)
    assert missing_accessibility([clinic]) == []

    clinic.rpps.setText("123")  # bad input: clear error next to the field, nothing sent, nothing created
    clinic.password.setText(PASSWORD)
    clinic.sign_in.click()
    assert clinic.rpps_error.isVisible() and "11 chiffres" in clinic.rpps_error.text()
    assert clinic.directory.profiles() == [] and not clinic.code_box.isVisible()
    shot(clinic, "1-login-error")

    clinic.rpps.setText(anne["rpps"])
    clinic.sign_in.click()
    qtbot.waitUntil(clinic.code_box.isVisible, timeout=20_000)
    shot(clinic, "2-code")
    clinic.code.setText(lab.mailbox.last_otp(anne["email"]))
    clinic.confirm_code.click()
    qtbot.waitUntil(lambda: clinic.session is not None, timeout=20_000)
    assert clinic.password.text() == ""  # not kept once sent
    session = clinic.session
    assert session.profile.settings["clinic.rpps"] == ANNE

    search(qtbot, clinic, patient.nir)  # by INS
    assert [p.dossier_id for p in clinic.patients.patients()] == [str(patient.dossier_id)]
    search(qtbot, clinic, "Martin")
    assert clinic.patients.rowCount() == 1
    clinic.table.selectRow(0)
    clinic.open_button.click()
    qtbot.waitUntil(lambda: clinic.contents.count() > 0, timeout=20_000)
    assert "Pas encore sur ce poste" in clinic.contents.item(0).text()
    shot(clinic, "3-patients")

    # S16: two minutes without keyboard or mouse lock the professional's profile and clear the views.
    clinic.idle._clock.advance(121)
    qtbot.waitUntil(lambda: clinic.locked, timeout=5_000)
    wait_for_idle()
    assert session.profile.locked
    assert clinic.patients.rowCount() == 0 and clinic.contents.count() == 0 and clinic.current is None
    assert clinic.stack.currentIndex() == 0 and clinic.search.text() == ""
    shot(clinic, "4-locked")


def test_two_professionals_in_one_data_directory_see_only_their_own_patients(qtbot: Any, lab: Lab, clinic: Any) -> None:
    anne, bruno = lab.professional(ANNE), lab.professional(BRUNO)
    patient = lab.person()
    lab.grant(lab.device(patient), ANNE)

    sign_in(qtbot, clinic, lab, anne)
    search(qtbot, clinic, "Martin")
    assert clinic.patients.rowCount() == 1
    clinic.switch_user.click()  # « Changer d'utilisateur »
    assert clinic.locked and clinic.patients.rowCount() == 0 and clinic.stack.currentIndex() == 0

    sign_in(qtbot, clinic, lab, bruno)
    search(qtbot, clinic, "Martin")
    assert clinic.patients.rowCount() == 0 and "Aucun patient" in clinic.search_error.text()
    assert "qui vous ont autorisé (ou ouverts en urgence)" in clinic.search_error.text()  # the search explains itself
    assert "JJ/MM/AAAA" in clinic.search_hint.text()
    wait_for_idle()
    assert sorted(p.label for p in clinic.directory.profiles()) == [
        f"Professionnel RPPS {ANNE}",
        f"Professionnel RPPS {BRUNO}",
    ]


def _day_with_one_patient(qtbot: Any, lab: Lab, clinic: ClinicWindow) -> tuple[Any, Any]:
    """Dr Anne signs in, Martin (who authorised her) is found and kept for the day; returns (person, device)."""
    anne = lab.professional(ANNE)
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, ANNE)
    sign_in(qtbot, clinic, lab, anne)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [str(patient.dossier_id)])
    return patient, device


def test_prepare_the_day_then_a_vaccination_added_offline_waits_and_is_sent_on_retry(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Picker, tmp_path: Path
) -> None:
    patient, device = _day_with_one_patient(qtbot, lab, clinic)
    qtbot.waitUntil(lambda: clinic.offline.count() == 1, timeout=30_000)
    assert "disponible hors ligne jusqu'au" in clinic.offline.item(0).text()
    assert clinic.progress.value() == clinic.progress.maximum()
    shot(clinic, "5-prepared")

    network.online = False
    clinic.open_dossier(str(patient.dossier_id))
    qtbot.waitUntil(lambda: clinic.editing.isEnabled(), timeout=20_000)
    assert "Hors ligne" in clinic.dossier_error.text()

    # Bad input: the error shows next to the field and nothing is queued.
    clinic.vaccination.editors["date"].setText("2024-02-30")
    clinic.vaccination.save.click()
    qtbot.waitUntil(lambda: clinic.vaccination.errors["vaccine"].isVisible(), timeout=10_000)
    assert clinic.vaccination.errors["date"].isVisible()
    clinic.refresh_lists()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (0)", timeout=10_000)

    clinic.vaccination.editors["vaccine"].setText("DTPolio")
    clinic.vaccination.editors["date"].setText("2024-02-14")
    clinic.vaccination.save.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)
    qtbot.waitUntil(lambda: shows(clinic, "DTPolio"))
    assert clinic.pending.count() == 1
    shot(clinic, "6-pending")

    clinic.retry.click()  # still offline: the change stays, the error says so
    qtbot.waitUntil(clinic.sync_error.isVisible, timeout=20_000)
    assert "injoignable" in clinic.sync_error.text()
    qtbot.waitUntil(lambda: clinic.retry.isEnabled(), timeout=10_000)
    assert clinic.pending_title.text() == "En attente d'envoi (1)"

    network.online = True
    clinic.retry.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (0)", timeout=30_000)
    assert clinic.pending.count() == 1  # the day's changes stay listed with their fate
    assert clinic.pending.item(0).text().startswith("Envoyée : MARTIN")
    assert "Vaccination DTPolio" in clinic.pending.item(0).text()
    shot(clinic, "7-sent")

    letter = tmp_path / "Courrier de sortie.pdf"
    letter.write_bytes(b"%PDF-1.4\n%%EOF\n")
    picker.path = letter
    add_document(qtbot, clinic, category="compte_rendu")
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)
    qtbot.waitUntil(
        lambda: any("Courrier de sortie" in clinic.contents.item(i).text() for i in range(clinic.contents.count()))
    )
    clinic.retry.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (0)", timeout=30_000)

    # The patient withdraws the authorisation: the next sync erases the cached copy and says why.
    lab.grant(device, ANNE, revoke=True)
    clinic.retry.click()
    qtbot.waitUntil(lambda: bool(clinic.confirmer.informed), timeout=30_000)
    title, text = clinic.confirmer.informed[-1]
    assert title == "Autorisation retirée" and "effacée de ce poste" in text and "MARTIN" in text
    qtbot.waitUntil(lambda: clinic.offline.count() == 0, timeout=10_000)
    assert clinic.patients.rowCount() == 0 and clinic.current is None
    wait_for_idle()
    assert clinic.session.profile.dossier_ids() == []


def test_emergency_access_banner_when_allowed_and_the_servers_refusal_when_opposed(
    qtbot: Any, lab: Lab, clinic: Any
) -> None:
    anne = lab.professional(ANNE)
    patient = lab.person()
    device = lab.device(patient)
    sign_in(qtbot, clinic, lab, anne)

    dialog = clinic.open_emergency_dialog()
    assert missing_accessibility([dialog]) == []
    dialog.ins.setText(patient.nir)
    assert dialog.reason_code.count() == len(EmergencyReason)  # issue 15 #4: a reason from the list…
    dialog.reason_code.setCurrentIndex(dialog.reason_code.findData(EmergencyReason.UNCONSCIOUS.value))
    dialog.reason.setPlainText("vite")
    assert not dialog.confirm.isEnabled()  # …and details of at least 15 characters are mandatory
    dialog.reason.setPlainText("Patient inconscient aux urgences")
    assert dialog.confirm.isEnabled()
    shot(dialog, "8-emergency-dialog")
    dialog.confirm.click()
    qtbot.waitUntil(lambda: clinic.banner.isVisible() or dialog.error.isVisible(), timeout=20_000)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert clinic.banner.text().startswith("Accès en urgence — jusqu'au ")
    assert clinic.emergency is not None and clinic.emergency.dossier_id == str(patient.dossier_id)
    shot(clinic, "9-emergency-banner")

    r = lab.api.put(
        "/v1/me/access/emergency",
        json={"samu": False, "other_professionals": False, "masked_documents": False},
        headers={"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"},
    )
    assert r.status_code == 200, r.text
    dialog = clinic.open_emergency_dialog()
    dialog.ins.setText(patient.nir)
    dialog.reason.setPlainText("Patient inconscient aux urgences")
    dialog.confirm.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=20_000)
    assert dialog.isVisible() and "patient" in dialog.error.text()  # the service's French message
    assert not dialog.error.text().startswith("Le service a refusé")
    shot(dialog, "10-emergency-refused")

    clinic.switch_user.click()
    assert not clinic.banner.isVisible()


def _patient_api(lab: Lab, device: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}


def test_the_chosen_day_then_a_network_cut_a_document_added_and_the_background_sync_delivers_it(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Picker, tmp_path: Path
) -> None:
    anne = lab.professional(ANNE)
    martin = lab.device(lab.person())
    bernard = lab.device(lab.flows.activate(lab.flows.provision(last_name="Bernard", first_names="Paul")))
    for device in (martin, bernard):
        lab.grant(device, ANNE)
    m = str(martin.profile.settings["own_dossier_id"])
    sign_in(qtbot, clinic, lab, anne)
    session = clinic.session
    # The background sync is the patient window's driver on the session's engine (no timer of its own).
    assert isinstance(clinic.sync, SyncController)
    qtbot.waitUntil(lambda: clinic.sync.engine is session.engine, timeout=20_000)

    # « Préparer la journée… »: a checkable list, all / none, the keyboard alone, and the document policy.
    clinic.prepare.click()
    dialog = clinic.day_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=20_000)
    assert missing_accessibility([dialog]) == []
    dialog.all.click()
    assert len(dialog.chosen_ids()) == 2 and dialog.count.text() == "2 patient(s) choisi(s)"
    dialog.none.click()
    assert dialog.chosen_ids() == []
    rows = {dialog.model.item(r).data(DOSSIER_ROLE): r for r in range(dialog.model.rowCount())}
    dialog.list.setFocus()
    dialog.list.setCurrentIndex(dialog.model.index(rows[m], 0))
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.chosen_ids() == [m]
    dialog.documents.setCurrentIndex(dialog.documents.findData(DocumentPolicy.NONE.value))
    shot(dialog, "5a-prepare-day")
    dialog.confirm.click()
    assert clinic.stop_prepare.isVisible() and not clinic.prepare.isEnabled()  # progress and « Interrompre »
    qtbot.waitUntil(lambda: clinic.offline.count() == 1 and not clinic.preparing, timeout=30_000)
    assert (
        "MARTIN" in clinic.offline.item(0).text() and "disponible hors ligne jusqu'au" in clinic.offline.item(0).text()
    )
    assert not clinic.stop_prepare.isVisible()
    wait_for_idle()
    assert session.profile.dossier_ids() == [m]  # Bernard may be opened online, but is not kept on this PC
    assert sorted(p.stem for p in (session.profile.path / "dossiers").glob("*.db")) == [m]
    assert session.day() == ([m], DocumentPolicy.NONE)

    network.online = False  # the proxy resets every connection
    clinic.open_dossier(m)
    qtbot.waitUntil(lambda: clinic.editing.isEnabled(), timeout=20_000)
    assert "Hors ligne" in clinic.dossier_error.text()
    wait_for_idle()
    assert [o.dossier_id for o in session.offline_opens()] == [m]  # to report at the next contact
    letter = tmp_path / "Courrier de sortie.pdf"
    content = b"%PDF-1.4\n% lettre de sortie\n%%EOF\n"
    letter.write_bytes(content)
    picker.path = letter
    add_document(qtbot, clinic, category="compte_rendu")
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)
    shot(clinic, "5b-offline-document")

    # The document schedules a push by itself (nothing wired in the window) while the network is still cut: the
    # change waits and the driver says why.
    qtbot.waitUntil(clinic.sync_error.isVisible, timeout=20_000)
    assert "injoignable" in clinic.sync_error.text()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)

    network.online = True  # no click: the engine's backoff retry (not the 60 s interval) delivers it
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (0)", timeout=30_000)
    qtbot.waitUntil(lambda: not clinic.sync_error.isVisible(), timeout=10_000)
    wait_for_idle()
    assert session.offline_opens() == []

    # On the service (its API, as the patient): the document and its bytes, and the offline opening.
    pulled = lab.api.post(
        "/v1/sync/pull",
        json={"client_id": str(uuid.uuid4()), "dossiers": {m: None}, "limit": 1000},
        headers=_patient_api(lab, martin),
    )
    assert pulled.status_code == 200, pulled.text
    records = [i for page in pulled.json()["dossiers"] for i in page["items"] if i.get("entity") == "document"]
    (record,) = [r for r in records if r["values"].get("title") == "Courrier de sortie"]
    blob = lab.api.get(f"/v1/sync/blobs/{m}/{record['values']['sha256']}", headers=_patient_api(lab, martin))
    assert blob.status_code == 200 and blob.content == content
    history = lab.api.get("/v1/me/access/history", headers=_patient_api(lab, martin)).json()["items"]
    assert any(i["action"] == "dossier.open_offline" and i["actor_rpps"] == ANNE for i in history)

    clinic.switch_user.click()  # logout stops the background sync
    assert clinic.sync.engine is None
    wait_for_idle()
    assert not any(t.name == "carnet-sync" and t.is_alive() for t in threading.enumerate())


def test_the_open_dossier_shows_what_the_patient_adds_meanwhile_without_being_opened_again(
    qtbot: Any, lab: Lab, clinic: Any
) -> None:
    patient, device = _day_with_one_patient(qtbot, lab, clinic)
    clinic.open_dossier(str(patient.dossier_id))
    qtbot.waitUntil(lambda: clinic.editing.isEnabled(), timeout=20_000)
    assert not shows(clinic, "DTPolio")
    opened = _openings(lab, device)
    assert opened >= 1

    device.profile.dossier().entries.create("vaccination", {"vaccine": "DTPolio", "date": "2024-02-14"})
    device.engine.sync_once()
    clinic.sync.sync_now()  # the driver's next sync (every 2 minutes in the clinic)
    qtbot.waitUntil(lambda: shows(clinic, "DTPolio"), timeout=20_000)
    assert clinic.current is not None and clinic.current.dossier_id == str(patient.dossier_id)
    assert _openings(lab, device) == opened  # refreshed from this PC's copy: no new opening on the service


def _openings(lab: Lab, device: Any) -> int:
    history = lab.api.get("/v1/me/access/history", headers=_patient_api(lab, device)).json()["items"]
    return sum(1 for i in history if i["action"] == "dossier.open")
