"""« Fin de journée » against the real service on loopback: the dossiers opened online and offline, what was added,
what still waits and why, when each copy is erased, a button that sends now, and the same sheet printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QPdfWriter

from tests.support.clinic_lab import Network, prepare, registered, search, shot, sign_in
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
from tests.ui.helpers import missing_accessibility


def test_end_of_day_sheet_lists_the_day_and_sends_what_waits(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, tmp_path: Path
) -> None:
    nurse = registered(lab, "10000000074", "infirmier", "Leroy", "Claire")
    patient = lab.person()
    lab.grant(lab.device(patient), nurse["rpps"])
    sign_in(qtbot, clinic, lab, nurse)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [str(patient.dossier_id)])
    clinic.open_dossier(str(patient.dossier_id))  # online
    qtbot.waitUntil(lambda: clinic.editing.isEnabled(), timeout=20_000)
    network.online = False
    clinic.open_dossier(str(patient.dossier_id))  # offline, from this PC's copy
    qtbot.waitUntil(clinic.dossier_error.isVisible, timeout=20_000)
    clinic.vaccination.editors["vaccine"].setText("Grippe")
    clinic.vaccination.editors["date"].setText("20/10/2024")
    clinic.vaccination.save.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)

    clinic.end_of_day_button.click()  # « Fin de journée… »
    dialog = clinic.end_of_day
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.day is not None, timeout=10_000)
    assert missing_accessibility([dialog]) == []
    text = dialog.sheet.toPlainText()
    assert "Dossiers ouverts (2)" in text
    assert "MARTIN Zoé" in text and "en ligne" in text and "hors ligne, depuis la copie de ce poste" in text
    assert "Pas encore envoyé, et pourquoi (1)" in text and "Vaccination Grippe — en attente" in text
    assert "effacée de ce poste le" in text and "(fin du bail)" in text
    assert "1 ouverture(s) hors ligne pas encore signalée(s)" in text
    assert dialog.send_now.isEnabled()
    shot(dialog, "d1-end-of-day-waiting")

    network.online = True
    dialog.send_now.click()
    qtbot.waitUntil(lambda: "Tout a été envoyé." in dialog.sheet.toPlainText(), timeout=30_000)
    text = dialog.sheet.toPlainText()
    assert "Ajouté et envoyé (1)" in text and "Vaccination Grippe" in text
    assert not dialog.send_now.isEnabled()
    shot(dialog, "d2-end-of-day-sent")

    pdf = tmp_path / "fin-de-journee.pdf"
    writer = QPdfWriter(str(pdf))
    dialog.print_to(writer)
    del writer
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
