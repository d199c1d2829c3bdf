"""« Messagerie » of the clinic workstation against the real service on loopback (behind the fault proxy), at the
keyboard: the professional writes to the opened patient, the patient's engine replies, the clinic reads the reply;
offline, a reply waits « sera envoyé dès la reconnexion » and goes once; bad input and a blocked professional are
refused in a sentence, the text kept."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app import messages
from desktop_app.sync.engine import S_ACCESS
from server.messages.models import Message as StoredMessage
from tests.support.clinic_lab import Network, Picker, prepare, search, shot, sign_in
from tests.support.clinic_lab import clinic as clinic
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.messagerie import PDF
from tests.support.sync_lab import ANNE, Lab
from tests.ui.helpers import missing_accessibility
from ui.clinic.messages import ClinicMessagesDialog
from ui.clinic.window import ClinicWindow


def _stored(lab: Lab, conversation_id: str) -> list[str]:
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        rows = session.scalars(
            select(StoredMessage)
            .where(StoredMessage.conversation_id == uuid.UUID(conversation_id))
            .order_by(StoredMessage.seq)
        )
        return [m.body for m in rows]


def _open_messagerie(qtbot: Any, clinic: ClinicWindow, lab: Lab) -> tuple[Any, ClinicMessagesDialog]:
    anne = lab.professional(ANNE)
    person = lab.person()
    patient = lab.device(person)
    lab.grant(patient, ANNE)
    sign_in(qtbot, clinic, lab, anne)
    prepare(qtbot, clinic, [str(person.dossier_id)])  # the day's offline copy
    search(qtbot, clinic, person.nir)
    clinic.table.selectRow(0)
    clinic.open_button.click()
    qtbot.waitUntil(lambda: clinic.contents.count() > 0 and clinic.messages_button.isEnabled(), timeout=20_000)
    shot(clinic, "messages-0-window-button")
    clinic.messages_button.setFocus()
    qtbot.keyClick(clinic.messages_button, Qt.Key.Key_Space)
    dialog = clinic.messages_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)  # its first look at the service
    return patient, dialog


def _type(qtbot: Any, field: Any, text: str) -> None:
    """Typed at the keyboard (QTest types ASCII only: accented text is inserted where the cursor is)."""
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
    elif hasattr(field, "insertPlainText"):
        field.insertPlainText(text)
    else:
        field.insert(text)


def _send(qtbot: Any, dialog: ClinicMessagesDialog, text: str) -> None:
    _type(qtbot, dialog.text, text)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def test_the_professional_writes_the_patient_replies_offline_waits_then_goes_once(
    qtbot: Any, lab: Lab, clinic: ClinicWindow, network: Network
) -> None:
    patient, dialog = _open_messagerie(qtbot, clinic, lab)
    assert missing_accessibility([dialog]) == []
    qtbot.waitUntil(lambda: "Aucune conversation" in dialog.status.text(), timeout=20_000)
    assert dialog.subject.hasFocus()  # a new message first: the object is asked

    _send(qtbot, dialog, "Bonjour")  # no object: said beside the field, nothing sent
    assert dialog.subject_error.text() == "Donnez un objet à la conversation."
    assert dialog.text.toPlainText() == "Bonjour"
    dialog.text.clear()
    _type(qtbot, dialog.subject, "Vos résultats")
    _send(qtbot, dialog, "   ")
    assert dialog.text_error.text() == "Le message est vide : écrivez quelque chose."
    _send(qtbot, dialog, "Vos résultats sont arrivés, tout est normal.")
    qtbot.waitUntil(lambda: dialog.list.count() == 1 and dialog.messages != [], timeout=20_000)
    assert "1 message(s) en attente" in dialog.status.text()  # in the day's copy's outbox
    assert dialog.conversation is not None
    conv_id = dialog.conversation.id
    qtbot.waitUntil(lambda: _stored(lab, conv_id) != [], timeout=20_000)  # the background sync sent it
    patient.engine.sync_once()
    [seen], _ = messages.conversations(patient.profile)  # the patient's own engine pulls it, and replies
    assert (seen.subject, seen.unread) == ("Vos résultats", 1)
    assert isinstance(messages.reply(patient.profile, seen.id, "Merci docteur."), messages.Queued)
    patient.engine.sync_once()

    qtbot.keyClick(dialog.refresh_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    qtbot.waitUntil(lambda: "Merci docteur." in dialog.thread_view.toPlainText(), timeout=20_000)
    assert [(m.mine, m.text) for m in dialog.messages] == [
        (True, "Vos résultats sont arrivés, tout est normal."),
        (False, "Merci docteur."),
    ]
    shot(dialog, "messages-1-thread")

    network.online = False  # the cable is pulled: the reply waits in the professional's profile
    _send(qtbot, dialog, "Pensez à la prise de sang de contrôle.")
    qtbot.waitUntil(lambda: "dès la reconnexion" in dialog.status.text(), timeout=20_000)
    qtbot.waitUntil(lambda: "en attente d'envoi" in dialog.thread_view.toPlainText(), timeout=20_000)
    assert _stored(lab, seen.id) == ["Vos résultats sont arrivés, tout est normal.", "Merci docteur."]
    shot(dialog, "messages-2-offline")

    network.online = True
    qtbot.keyClick(dialog.refresh_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    qtbot.waitUntil(lambda: "en attente d'envoi" not in dialog.thread_view.toPlainText(), timeout=20_000)
    qtbot.waitUntil(lambda: len(_stored(lab, seen.id)) == 3, timeout=20_000)
    qtbot.keyClick(dialog.refresh_button, Qt.Key.Key_Space)  # again: nothing sent twice
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert _stored(lab, seen.id) == [
        "Vos résultats sont arrivés, tout est normal.",
        "Merci docteur.",
        "Pensez à la prise de sang de contrôle.",
    ]
    patient.engine.sync_once()
    _, thread = messages.thread(patient.profile, seen.id)
    assert thread[-1].text == "Pensez à la prise de sang de contrôle."


def test_a_document_goes_with_a_reply_and_a_bad_file_is_refused_in_a_sentence(
    qtbot: Any, lab: Lab, clinic: ClinicWindow, picker: Picker, tmp_path: Path
) -> None:
    patient, dialog = _open_messagerie(qtbot, clinic, lab)
    assert dialog.attach_button.isEnabled()  # a document may go with the first message too (test below)
    _type(qtbot, dialog.subject, "Compte rendu")
    _send(qtbot, dialog, "Voici le compte rendu de la consultation.")
    qtbot.waitUntil(lambda: dialog.conversation is not None and dialog.attach_button.isEnabled(), timeout=20_000)

    picker.path = tmp_path / "vide.pdf"
    picker.path.write_bytes(b"")
    qtbot.keyClick(dialog.attach_button, Qt.Key.Key_Space)
    assert dialog.text_error.text() == "La pièce jointe est vide." and dialog.attached is None
    picker.path = tmp_path / "compte-rendu.pdf"
    picker.path.write_bytes(PDF)
    qtbot.keyClick(dialog.attach_button, Qt.Key.Key_Space)
    assert dialog.attached == (PDF, "compte-rendu.pdf") and "compte-rendu.pdf" in dialog.attachment_label.text()
    _send(qtbot, dialog, "Le document est joint.")
    qtbot.waitUntil(lambda: "Pièce jointe : compte-rendu.pdf" in dialog.thread_view.toPlainText(), timeout=20_000)
    assert dialog.attached is None
    shot(dialog, "messages-4-attachment")

    patient.engine.sync_once()
    conversation, thread = messages.thread(patient.profile, dialog.conversation.id)  # type: ignore[union-attr]
    attachment = thread[-1].attachment
    assert attachment is not None and attachment.filename == "compte-rendu.pdf"
    assert messages.download(patient.profile, conversation.id, attachment) == PDF


def test_a_conversation_starts_with_a_document_the_patient_saves_into_documents(
    qtbot: Any, lab: Lab, clinic: ClinicWindow, picker: Picker, tmp_path: Path
) -> None:
    patient, dialog = _open_messagerie(qtbot, clinic, lab)
    assert dialog.conversation is None and dialog.subject.isVisible()  # the start form
    _type(qtbot, dialog.subject, "Résultats")
    picker.path = tmp_path / "resultats.pdf"
    picker.path.write_bytes(PDF)
    dialog.attach_button.setFocus()
    qtbot.keyClick(dialog.attach_button, Qt.Key.Key_Space)
    assert dialog.attached == (PDF, "resultats.pdf") and "resultats.pdf" in dialog.attachment_label.text()
    shot(dialog, "messages-5-start-with-attachment")
    _send(qtbot, dialog, "Vos résultats sont joints.")
    qtbot.waitUntil(lambda: dialog.conversation is not None, timeout=20_000)
    assert dialog.attached is None
    clinic_sync = clinic.session
    assert clinic_sync is not None
    clinic_sync.sync()  # the background sync's run: the document, then the start naming it
    conv_id = dialog.conversation.id  # type: ignore[union-attr]
    assert _stored(lab, conv_id) == ["Vos résultats sont joints."]

    patient.engine.sync_once()
    conversation, thread = messages.thread(patient.profile, conv_id)
    [first] = thread
    assert first.attachment is not None and first.attachment.filename == "resultats.pdf"
    saved = messages.save_to_documents(patient.profile, conversation, first, category="biologie")
    assert patient.profile.dossier().documents.read(saved.id) == PDF


def test_a_blocked_professional_is_refused_and_the_days_copy_is_withdrawn(
    qtbot: Any, lab: Lab, clinic: ClinicWindow
) -> None:
    patient, dialog = _open_messagerie(qtbot, clinic, lab)
    headers = {"Authorization": f"Bearer {patient.profile.settings[S_ACCESS]}"}
    assert lab.api.put(f"/v1/me/access/professionals/{ANNE}/block", headers=headers).status_code == 200
    _type(qtbot, dialog.subject, "Rendez-vous")
    _send(qtbot, dialog, "Pouvez-vous rappeler le cabinet ?")
    shot(dialog, "messages-3-blocked")
    # the sync's push is refused (blocked), its pull withdraws the copy: the window says so, nothing was stored
    qtbot.waitUntil(lambda: clinic.session is not None and clinic.session.profile.dossier_ids() == [], timeout=20_000)
    informed = clinic.confirmer.informed  # type: ignore[attr-defined]
    assert any("retiré votre autorisation" in text for _title, text in informed)
    patient.engine.sync_once()
    assert messages.conversations(patient.profile)[0] == []
