"""A patient's documents opened inside Carnet at the Poste de soins (issue 18), against the real service on loopback
behind the fault proxy, with real SQLCipher profiles for the patient's device and the workstation.

Online the bytes come from the service (the 2019 image the day's preparation did not keep opens too); offline from
the workstation's encrypted copy, or a clear message when it kept none; never a file in any temp directory."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication

from desktop_app.clinic_documents import local_copy
from tests.support.clinic_lab import Network, prepare, search, shot, shows, sign_in
from tests.support.clinic_lab import clinic as clinic
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.sync_lab import ANNE, Lab
from tests.support.viewer_docs import page_on_screen, pages_pdf, png_image
from tests.support.viewer_docs import scratch as scratch
from tests.ui.helpers import clipped_buttons, missing_accessibility
from ui import theme
from ui.clinic.window import DOCUMENT_ROLE, ClinicWindow
from ui.i18n import LanguageManager
from ui.ops import wait_for_idle


def _patient_with_documents(lab: Lab) -> tuple[str, dict[str, str]]:
    """Martin, who authorised Dr Anne, with a recent 3-page PDF, a 2019 image and a recent unreadable TIFF, synced."""
    device = lab.device(lab.person())
    lab.grant(device, ANNE)
    documents = device.profile.dossier().documents
    ids = {
        "pdf": documents.add(pages_pdf(3), title="Compte rendu opératoire", category="compte_rendu").id,
        "image": documents.add(
            png_image(), title="Radio du genou 2019", category="imagerie", document_date=date(2019, 3, 14)
        ).id,
        "tiff": documents.add(b"II*\x00" + b"\x00" * 64, title="Scanner illisible", category="imagerie").id,
    }
    report = device.engine.sync_once()
    assert report.uploaded >= 3, report
    return str(device.profile.settings["own_dossier_id"]), ids


def _open(qtbot: Any, clinic: ClinicWindow, document_id: str, *, keyboard: bool = False) -> None:
    """Choose the document's line in the dossier view, then Entrée or « Ouvrir le document »."""
    row = next(i for i in range(clinic.contents.count()) if clinic.contents.item(i).data(DOCUMENT_ROLE) == document_id)
    clinic.contents.setCurrentRow(row)
    assert clinic.open_document.isEnabled()
    viewer = clinic.document_window.viewer
    with qtbot.waitSignal(viewer.sig_document_shown, timeout=20_000, raising=False):
        if keyboard:
            clinic.contents.setFocus()
            qtbot.keyClick(clinic.contents, Qt.Key.Key_Return)
        else:
            clinic.open_document.click()
    qtbot.waitUntil(lambda: viewer.message() != "Ouverture du document…", timeout=20_000)
    wait_for_idle()
    QApplication.processEvents()


def test_documents_open_in_carnet_online_from_the_service_and_offline_from_the_encrypted_copy(
    qtbot: Any, lab: Lab, clinic: ClinicWindow, network: Network, scratch: Path
) -> None:
    anne = lab.professional(ANNE)
    dossier_id, ids = _patient_with_documents(lab)
    sign_in(qtbot, clinic, lab, anne)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [dossier_id])  # the default rule: the content of the last 12 months' documents
    session = clinic.session
    assert session is not None
    store = session.engine.require_open(dossier_id)
    kept = {key: local_copy(store, store.documents.get(i)) is not None for key, i in ids.items()}
    assert kept == {"pdf": True, "image": False, "tiff": True}

    # Online: the line of a document, « Ouvrir le document »: the PDF from the service, page 1, fitted to the width.
    clinic.open_dossier(dossier_id)
    qtbot.waitUntil(lambda: shows(clinic, "Compte rendu opératoire"), timeout=20_000)
    assert not clinic.open_document.isEnabled()  # no line chosen yet
    window, viewer = clinic.document_window, clinic.document_window.viewer
    _open(qtbot, clinic, ids["pdf"])
    assert window.isVisible() and viewer.page_count() == 3
    assert window.source.text() == "En ligne : document ouvert depuis le service."
    assert viewer.current_page() == 0 and viewer.pdf_view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.waitUntil(lambda: page_on_screen(viewer.pdf_view), timeout=5_000)
    assert window.windowTitle().startswith("Compte rendu opératoire — dossier de MARTIN")
    assert missing_accessibility([window]) == []
    shot(window, "doc-1-online-pdf")
    shot(clinic, "doc-0-dossier-open-document-button")

    # The 2019 image was not kept on this PC: online, the service sends it (in memory, nothing stored).
    _open(qtbot, clinic, ids["image"], keyboard=True)  # Entrée on the line opens it too
    assert viewer.stack.currentWidget() is viewer.image_area and viewer.image_label.pixmap().width() == 400
    assert local_copy(store, store.documents.get(ids["image"])) is None
    shot(window, "doc-2-online-image")

    # A type Carnet cannot draw: said plainly where the document would be.
    _open(qtbot, clinic, ids["tiff"])
    assert viewer.message() == "Ce format ne peut pas être affiché dans Carnet."

    # Offline: the PDF from the workstation's encrypted copy; the image it did not keep, a clear message.
    network.online = False
    clinic.open_dossier(dossier_id)
    qtbot.waitUntil(lambda: "Hors ligne" in clinic.dossier_error.text(), timeout=20_000)
    qtbot.waitUntil(lambda: shows(clinic, "Compte rendu opératoire"), timeout=20_000)
    _open(qtbot, clinic, ids["pdf"])
    assert viewer.page_count() == 3 and viewer.current_page() == 0
    assert window.source.text() == "Hors ligne : document ouvert depuis la copie chiffrée de ce poste."
    qtbot.waitUntil(lambda: page_on_screen(viewer.pdf_view), timeout=5_000)
    shot(window, "doc-3-offline-pdf")
    _open(qtbot, clinic, ids["image"])
    assert viewer.page_count() == 0 and viewer.stack.currentWidget() is viewer.placeholder
    assert viewer.message().startswith("Ce document n'est pas disponible hors ligne sur ce poste")
    assert viewer.title.text() == "Radio du genou 2019" and window.source.text() == ""
    shot(window, "doc-4-offline-not-kept")

    # Nothing of it reached a file; locking closes the window and drops the bytes.
    assert list(scratch.iterdir()) == []
    _open(qtbot, clinic, ids["pdf"])
    assert viewer.page_count() == 3
    clinic.lock_session()
    wait_for_idle()
    assert not window.isVisible() and viewer.page_count() == 0 and viewer.document_id is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_document_window_reads_at_200_percent_text_in_both_languages(
    qtbot: Any, lab: Lab, clinic: ClinicWindow, network: Network, language: str
) -> None:
    anne = lab.professional(ANNE)
    dossier_id, ids = _patient_with_documents(lab)
    sign_in(qtbot, clinic, lab, anne)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [dossier_id])
    clinic.open_dossier(dossier_id)
    qtbot.waitUntil(lambda: shows(clinic, "Compte rendu opératoire"), timeout=20_000)
    app = QApplication.instance()
    languages = LanguageManager()
    try:
        languages.set_language(language)
        theme.apply_theme(app, high_contrast=False, text_scale=200)
        # The keyboard: Tab from the dossier's list reaches « Ouvrir le document » next, where it stands.
        clinic.activateWindow()
        clinic.contents.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is clinic.contents, timeout=5_000)
        row = next(i for i in range(clinic.contents.count()) if clinic.contents.item(i).data(DOCUMENT_ROLE))
        clinic.contents.setCurrentRow(row)
        qtbot.keyClick(clinic.contents, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is clinic.open_document

        _open(qtbot, clinic, ids["pdf"])
        window, viewer = clinic.document_window, clinic.document_window.viewer
        qtbot.waitUntil(lambda: page_on_screen(viewer.pdf_view), timeout=5_000)
        for _ in range(3):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        shot(window, f"doc-5-online-pdf-200-{language}")
        online = {
            "fr": "En ligne : document ouvert depuis le service.",
            "en": "Online: document opened from the service.",
        }
        assert window.source.text() == online[language]
        assert viewer.fit_button.text() == {"fr": "Ajuster à la largeur", "en": "Fit to width"}[language]
        assert clipped_buttons(window) == []
        assert viewer.pdf_view.height() > 400 and viewer.pdf_view.width() > 600
        assert viewer.widen_button.isHidden() and viewer.detach_button.isHidden()  # already a window of its own

        network.online = False
        clinic.open_dossier(dossier_id)
        qtbot.waitUntil(lambda: clinic.dossier_error.text() != "", timeout=20_000)
        qtbot.waitUntil(lambda: shows(clinic, "Radio du genou 2019"), timeout=20_000)
        _open(qtbot, clinic, ids["image"])
        shot(window, f"doc-6-offline-not-kept-200-{language}")
        said = {"fr": "Ce document n'est pas disponible hors ligne", "en": "This document is not available offline"}
        assert viewer.message().startswith(said[language])
        assert viewer.placeholder.wordWrap() and viewer.placeholder.width() <= window.width()
    finally:
        theme.apply_theme(app, high_contrast=False, text_scale=100)
        languages.set_language("fr")
