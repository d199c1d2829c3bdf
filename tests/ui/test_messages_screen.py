"""Messagerie against the real central service on loopback: a professional starts a conversation, the patient sees
it (unread badge), reads it, replies with the keyboard alone, and the professional reads the reply; an over-long reply
is refused with the sentence and nothing is sent; offline, the reply waits in the outbox « en attente d'envoi »."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app import messages
from dossier.messages import MESSAGE_MAX_CHARS
from tests.support.access import GP, Headers, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.messagerie import PDF, Thread
from tests.support.service import Flows, Mailbox, Person, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window
from ui.dossier_view import SECTIONS

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-messages")


def _start(flows: Flows, pro: Headers, person: Person, subject: str, text: str) -> str:
    """A professional starts a conversation through the service's own route; returns its id."""
    started = flows.client.post(
        "/v1/pro/conversations",
        json={
            "id": str(uuid.uuid4()),
            "ins": person.nir,
            "subject": subject,
            "message": {"id": str(uuid.uuid4()), "text": text},
        },
        headers=pro,
    )
    assert started.status_code == 201, started.text
    return str(started.json()["conversation_id"])


def _pending_rows(profile) -> int:
    """Every messagerie change of the carnet still waiting in its sync outbox (replies, read marks, closing…)."""
    from sqlalchemy import func, select

    from desktop_app import schema

    outbox = schema.outbox
    with profile.dossier().reading() as conn:
        query = select(func.count()).select_from(outbox).where(outbox.c.state == "pending")
        return int(conn.execute(query.where(outbox.c.entity.in_(["message", "conversation"]))).scalar_one())


def _synced(qtbot, window, profile) -> None:
    """Ask the background sync to run now (F5) and wait until what the messagerie queued has left."""
    window.sync.sync_now()
    qtbot.waitUntil(lambda: _pending_rows(profile) == 0, timeout=20_000)


def _open(qtbot, page, subject: str) -> None:
    """Choose the conversation of that subject in the list and open it with Entrée."""
    qtbot.waitUntil(lambda: subject in [c.subject for c in page.model.rows()], timeout=20_000)
    subjects = [c.subject for c in page.model.rows()]
    page.table.setFocus()
    page.table.selectRow(subjects.index(subject))
    with qtbot.waitSignal(page.sig_thread_loaded, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)


def test_a_professional_writes_the_patient_reads_and_replies_with_the_keyboard(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    pro = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    conv_id = _start(flows, pro, person, "Résultats de biologie", "Votre bilan est arrivé.\nPouvons-nous en parler ?")

    view = online_window.dossier
    page = view.messages
    view.show_section("messages")
    online_window.sync.sync_now()  # the ordinary pull brings it; the page refreshes on its change event
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
    assert [page.model.data(page.model.index(0, c)) for c in (0, 1, 3)] == ["Alex Durand", "Résultats de biologie", "1"]
    assert page.unread.value == 1
    row = view.nav_model.item(SECTIONS.index("messages"))
    assert row.text() == "Messagerie  (1)"
    assert "5\u202f000 caractères" in page.intro.text() and page.count_label.text() == "0 / 5\u202f000 caractères"
    assert "sans être autorisé à lire votre dossier" in page.authorisation_note.text()

    # Keyboard only: into the list, Entrée opens the thread (marked read), type, Ctrl+Entrée sends.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.sig_thread_loaded, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert "Votre bilan est arrivé." in page.thread_view.toPlainText()
    qtbot.waitUntil(lambda: page.unread.value == 0, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 3)) == "", timeout=10_000)
    assert row.text() == "Messagerie"
    assert page.reply_edit.hasFocus()

    # Too long: refused with the sentence, nothing sent, the text kept.
    too_long = "a" * (MESSAGE_MAX_CHARS + 1)
    page.reply_edit.setPlainText(too_long)
    assert "trop long" in page.count_label.text()
    with qtbot.waitSignal(page.sig_failed, timeout=5_000) as refused:
        qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert refused.args[0].startswith(
        f"Le message est trop long : {MESSAGE_MAX_CHARS + 1} caractères pour 5000 au plus."
    )
    assert page.error.text() == refused.args[0]
    assert page.reply_edit.toPlainText() == too_long
    page.reply_edit.clear()

    # The reply goes into the outbox (shown waiting at once); the background sync sends it, the page follows.
    qtbot.keyClicks(page.reply_edit, "Oui, jeudi me convient.")
    with qtbot.waitSignal(page.sig_thread_loaded, timeout=20_000):
        qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.error.text() == ""
    assert [m.text for m in page.messages] == [
        "Votre bilan est arrivé.\nPouvons-nous en parler ?",
        "Oui, jeudi me convient.",
    ]
    qtbot.waitUntil(lambda: [m.seq for m in page.messages] == [1, 2], timeout=20_000)  # sent: numbered
    seen = flows.client.get(f"/v1/conversations/{conv_id}/messages", headers=pro).json()["items"]
    assert [(m["sender_role"], m["text"]) for m in seen] == [
        ("professional", "Votre bilan est arrivé.\nPouvons-nous en parler ?"),
        ("patient", "Oui, jeudi me convient."),
    ]
    SHOTS.mkdir(parents=True, exist_ok=True)
    online_window.resize(1100, 760)
    online_window.grab().save(str(SHOTS / "messages_fr.png"))
    online_window.set_preference("language", "en")
    qtbot.wait(100)
    assert page.title.text() == "Messages" and "at most 5,000 characters" in page.intro.text()
    online_window.grab().save(str(SHOTS / "messages_en.png"))
    online_window.set_preference("language", "fr")

    # The professional answers with a document; the patient files it into Documents from the keyboard.
    thread = Thread(flows.client, conv_id)
    attachment_id = str(uuid.uuid4())
    assert thread.attach(pro, PDF, "Bilan sanguin.pdf", attachment_id).status_code == 201
    assert thread.say(pro, "Voici le compte rendu.", attachment_id=attachment_id).status_code == 201
    online_window.sync.sync_now()
    qtbot.waitUntil(lambda: page.attachment_choice.count() == 1, timeout=20_000)
    page.category_choice.setFocus()
    biologie = page.category_choice.findData("biologie")
    while page.category_choice.currentIndex() != biologie:
        qtbot.keyClick(
            page.category_choice, Qt.Key.Key_Down if page.category_choice.currentIndex() < biologie else Qt.Key.Key_Up
        )
    page.save_button.setFocus()
    with qtbot.waitSignal(page.sig_saved, timeout=20_000) as saved:
        qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    document = saved.args[0]
    assert (document.title, document.category, document.external_ref) == (
        "Bilan sanguin",
        "biologie",
        f"message:{page.messages[-1].id}",
    )
    assert profile.dossier().documents.read(document.id) == PDF

    # Offline: the reply is kept in the outbox and said to wait; the sync sends it when the service is back.
    live.stop()
    page.reply_edit.setFocus()
    qtbot.keyClicks(page.reply_edit, "Et vers quelle heure ?")
    qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "en attente d'envoi" in page.status.text(), timeout=20_000)
    qtbot.waitUntil(lambda: "en attente d'envoi" in page.thread_view.toPlainText(), timeout=20_000)
    online_window.grab().save(str(SHOTS / "messages_offline_fr.png"))
    assert messages.waiting(profile) == 1
    live.start()
    _synced(qtbot, online_window, profile)
    qtbot.waitUntil(lambda: "en attente d'envoi" not in page.thread_view.toPlainText(), timeout=20_000)
    seen = flows.client.get(f"/v1/conversations/{conv_id}/messages", headers=pro).json()["items"]
    assert [m["text"] for m in seen][-1] == "Et vers quelle heure ?" and len(seen) == 4


def test_close_block_archive_and_delete_each_ask_first_and_do_what_they_say(
    qtbot, online_window, confirmer, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    pro = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    conv_id = _start(flows, pro, person, "Suivi", "Comment allez-vous ?")
    other_id = _start(flows, pro, person, "Ordonnance", "Votre ordonnance est prête.")
    me = bearer(flows.login(person))
    view = online_window.dossier
    page = view.messages
    view.show_section("messages")
    online_window.sync.sync_now()
    _open(qtbot, page, "Suivi")

    # « Clore »: a « non » changes nothing; a « oui » closes it and the reply box goes grey.
    confirmer.answers.extend([False])
    page.close_button.click()
    assert confirmer.questions[-1][0] == "Clore la conversation"
    assert "Alex Durand" in confirmer.questions[-1][1]
    assert page.reply_edit.isEnabled()
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_thread_loaded, timeout=20_000):
        page.close_button.click()
    assert page.conversation is not None and page.conversation.closed
    assert not page.reply_edit.isEnabled() and not page.send_button.isEnabled()
    assert "Conversation close" in page.thread_view.toPlainText()
    _synced(qtbot, online_window, profile)
    refused = flows.client.post(
        f"/v1/conversations/{conv_id}/messages", json={"id": str(uuid.uuid4()), "text": "Encore ?"}, headers=pro
    )
    assert refused.status_code >= 400

    # « Bloquer cet expéditeur »: the professional can no longer write (authorisation to read was never needed).
    confirmer.answers.extend([True])
    page.block_button.click()
    qtbot.waitUntil(lambda: "bloqué" in page.status.text(), timeout=20_000)
    assert "Bloquer Alex Durand ?" in confirmer.questions[-1][1]
    blocked = flows.client.post(
        "/v1/pro/conversations",
        json={
            "id": str(uuid.uuid4()),
            "ins": person.nir,
            "subject": "Autre",
            "message": {"id": str(uuid.uuid4()), "text": "Bonjour"},
        },
        headers=pro,
    )
    assert blocked.status_code == 403 and blocked.json()["code"] == "professional_blocked"

    # « Archiver »: out of the list, among the archived at the service; « Supprimer de ma vue »: gone from both.
    confirmer.answers.extend([True])
    page.archive_button.click()
    assert confirmer.questions[-1][0] == "Archiver"
    qtbot.waitUntil(lambda: [c.subject for c in page.model.rows()] == ["Ordonnance"], timeout=10_000)
    assert page.conversation is None and not page.archive_button.isEnabled()
    _synced(qtbot, online_window, profile)
    archived = flows.client.get("/v1/conversations?archived=true", headers=me).json()
    assert [c["id"] for c in archived["items"]] == [conv_id]

    _open(qtbot, page, "Ordonnance")
    confirmer.answers.extend([False])
    page.delete_button.click()
    assert confirmer.questions[-1][0] == "Supprimer de ma vue" and page.model.rowCount() == 1
    confirmer.answers.extend([True])
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    _synced(qtbot, online_window, profile)
    listed = flows.client.get("/v1/conversations", headers=me).json()
    assert other_id not in [c["id"] for c in listed["items"]]
    kept = flows.client.get(f"/v1/conversations/{other_id}/messages", headers=pro)
    assert kept.status_code == 200 and kept.json()["items"][0]["text"] == "Votre ordonnance est prête."


def test_a_carnet_not_linked_to_the_service_says_why_the_messagerie_is_empty(qtbot, window, existing_profile) -> None:
    from tests.ui.helpers import open_dossier

    open_dossier(qtbot, window)
    page = window.dossier.messages
    window.dossier.show_section("messages")
    assert page.status.text().startswith("Ce carnet n'est pas relié au service en ligne")
    assert page.model.rowCount() == 0 and not page.reply_edit.isEnabled() and not page.block_button.isEnabled()
