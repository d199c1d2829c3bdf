"""Messagerie screen against the real service on loopback (issue 20, second part), keyboard only: a professional's
attachment saved into Documents with its category, the patient's reply with a file joined, an over-size file refused
with the sentence and nothing joined, « Lu » once the professional has read the reply."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt

from dossier.messages import ATTACHMENT_MAX_BYTES
from tests.support.access import GP, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.messagerie import PDF, Thread
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-messages")


def test_an_attachment_is_saved_into_documents_and_a_reply_carries_a_file(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, tmp_path: Path
) -> None:
    person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    pro = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    thread = Thread.opened(flows.client, pro, person.nir, "Votre bilan sanguin est arrivé.")
    attachment_id = str(uuid.uuid4())
    assert thread.attach(pro, PDF, "Bilan sanguin.pdf", attachment_id).status_code == 201
    assert thread.say(pro, "Le voici en pièce jointe.", attachment_id=attachment_id).status_code == 201

    view = online_window.dossier
    page = view.messages
    view.show_section("messages")
    page.refresh_button.click()  # « Actualiser »: the sync runs now; its pull refreshes the page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading, timeout=20_000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.sig_thread_loaded, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert "Pièce jointe : Bilan sanguin.pdf (1 Ko)" in page.thread_view.toPlainText()
    assert page.save_button.isEnabled() and page.attachment_choice.count() == 1
    assert page.attached_label.text() == "Aucune pièce jointe (5 Mo au plus)."

    # « Enregistrer dans mes documents », in « Résultats de biologie », with the keyboard
    page.category_choice.setFocus()
    qtbot.keyClick(page.category_choice, Qt.Key.Key_Home)
    while page.category_choice.currentData() != "biologie":
        qtbot.keyClick(page.category_choice, Qt.Key.Key_Down)
    page.save_button.setFocus()
    with qtbot.waitSignal(page.sig_saved, timeout=20_000) as saved:
        qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    doc = saved.args[0]
    store = profile.dossier()
    assert store.documents.get(doc.id).category == "biologie" and store.documents.read(doc.id) == PDF
    assert doc.external_ref.startswith("message:")
    assert page.status.text() == "« Bilan sanguin » est enregistré dans vos documents (Résultats de biologie)."

    # an over-size file: the sentence, nothing joined
    big = tmp_path / "scanner.pdf"
    big.write_bytes(PDF + b"0" * ATTACHMENT_MAX_BYTES)
    page.chooser = lambda _parent: big
    page.attach_button.setFocus()
    with qtbot.waitSignal(page.sig_failed, timeout=5_000) as refused:
        qtbot.keyClick(page.attach_button, Qt.Key.Key_Space)
    assert "dépasse 5 Mo" in refused.args[0] and page.attached is None

    letter = tmp_path / "ma-lettre.pdf"
    letter.write_bytes(PDF)
    page.chooser = lambda _parent: letter
    qtbot.keyClick(page.attach_button, Qt.Key.Key_Space)
    assert page.attached_label.text() == "Pièce jointe : ma-lettre.pdf (1 Ko)" and page.detach_button.isEnabled()
    assert page.reply_edit.hasFocus()
    qtbot.keyClicks(page.reply_edit, "Merci, voici ma lettre.")
    qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.attached is None and page.messages[-1].text == "Merci, voici ma lettre.", timeout=20_000
    )
    assert page.error.text() == "" and page.attached_label.text() == "Aucune pièce jointe (5 Mo au plus)."
    # the background sync uploads the file, then sends the message naming it; the page follows its change events
    qtbot.waitUntil(lambda: page.messages[-1].attachment is not None, timeout=20_000)
    assert page.messages[-1].attachment is not None and page.messages[-1].attachment.filename == "ma-lettre.pdf"
    seen = thread.page(pro).json()["items"]
    assert seen[-1]["attachment"]["filename"] == "ma-lettre.pdf"
    assert "Lu" not in page.thread_view.toPlainText()

    assert thread.mark_read(pro, 3).status_code == 200  # the professional reads it
    page.refresh_button.click()
    qtbot.waitUntil(lambda: " — Lu" in page.thread_view.toPlainText(), timeout=20_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    online_window.resize(1100, 900)
    online_window.grab().save(str(SHOTS / "messages_attachments_fr.png"))
    online_window.set_preference("language", "en")
    qtbot.wait(100)
    assert page.save_button.text() == "Save to my &documents" and "Read" in page.thread_view.toPlainText()
    online_window.grab().save(str(SHOTS / "messages_attachments_en.png"))
    online_window.set_preference("language", "fr")

    # offline: the conversations and the thread are this computer's synced copy, as online
    live.stop()
    try:
        with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
            page.refresh_button.click()
        assert page.model.rowCount() == 1 and "1 conversation(s)" in page.status.text()
        assert "Merci, voici ma lettre." in page.thread_view.toPlainText()
    finally:
        live.start()
