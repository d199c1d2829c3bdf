"""Screenshots of the clinic's histoire de santé and of a refused document being corrected (issue 18), in French and
English (run with QT_SCALE_FACTOR=2 for 200 %), saved under /tmp/shots-clinic (CARNET_SHOTS_DIR to choose); the
words asserted in the language shown."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.dossier_store import utc_now
from server.feed.service import CareItem, import_care_history
from tests.support.clinic_lab import Network, Picker, make_window, prepare, registered, search, shows, sign_in
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.sync_lab import Lab
from ui.i18n import LanguageManager
from ui.ops import wait_for_idle

OUT = Path(os.environ.get("CARNET_SHOTS_DIR", "/tmp/shots-clinic"))


def _save(window: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    window.grab().save(str(OUT / f"clinic-{name}-{int(float(scale) * 100)}.png"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_care_history_and_document_correction_screens(
    qtbot: Any, lab: Lab, network: Network, picker: Picker, tmp_path: Path, language: str
) -> None:
    languages = LanguageManager()
    languages.set_language(language)
    try:
        window = make_window(qtbot, tmp_path, network, picker)
        nurse = registered(lab, "10000000025", "infirmier", "Leroy", "Claire")
        patient = lab.person()
        lab.grant(lab.device(patient), nurse["rpps"])
        ctx = lab.live.ctx
        assert ctx is not None
        today = ctx.now().date()
        with ctx.sessions() as session:
            import_care_history(
                session,
                ctx,
                [
                    CareItem(
                        "c1", patient.nir, "consultation", today - timedelta(days=40), "Médecine générale", "Dr Durand"
                    ),
                    CareItem("c2", patient.nir, "medicine", today - timedelta(days=10), "Amoxicilline 500 mg"),
                ],
            )
            session.commit()
        sign_in(qtbot, window, lab, nurse)
        search(qtbot, window, "Martin")
        dossier_id = str(patient.dossier_id)
        prepare(qtbot, window, [dossier_id])
        window.open_dossier(dossier_id)
        qtbot.waitUntil(window.care_button.isEnabled, timeout=20_000)
        window.care_button.click()
        qtbot.waitUntil(lambda: shows(window, "Amoxicilline 500 mg"), timeout=20_000)
        received = "Reçue du service le " if language == "fr" else "Received from the service "
        assert shows(window, received) and shows(window, "Médicament" if language == "fr" else "Medicine")
        _save(window, f"{language}-5-care-history")

        # A document dated today here is in the future for the service (its test clock): refused, then corrected.
        network.online = False
        window.open_dossier(dossier_id)
        qtbot.waitUntil(lambda: window.editing.isEnabled(), timeout=20_000)
        picker.path = tmp_path / "Résultat.pdf"
        picker.path.write_bytes(b"%PDF-1.4\n%%EOF\n")
        window.add_document.click()
        qtbot.waitUntil(lambda: window.document_dialog is not None, timeout=10_000)
        dialog = window.document_dialog
        dialog.title.setText("Sérologie")
        dialog.date.setText(utc_now().strftime("%d/%m/%Y"))
        dialog.confirm.click()
        qtbot.waitUntil(lambda: window.document_dialog is None, timeout=10_000)
        network.online = True
        qtbot.waitUntil(window.retry.isEnabled, timeout=20_000)
        window.retry.click()
        refused = "REFUSÉE" if language == "fr" else "REFUSED"
        qtbot.waitUntil(lambda: window.pending.count() > 0 and refused in window.pending.item(0).text(), timeout=30_000)
        window.pending.setCurrentRow(0)
        window.correct.click()
        qtbot.waitUntil(lambda: window.document_dialog is not None, timeout=10_000)
        correcting = window.document_dialog
        assert correcting.title.text() == "Sérologie" and correcting.error.text()
        _save(correcting, f"{language}-6-document-correct")
        correcting.reject()
        window.lock_session()
        wait_for_idle()
        window.close()
    finally:
        languages.set_language("fr")
