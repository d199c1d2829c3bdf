"""Opening, read-only, a dossier someone else holds, from one's own window, against the real service on loopback: an
aidant opens the helped person's dossier (what the policy allows, in plain words when refused, offline or after the
delegation ends, closed on lock); an heir whose request is granted opens the deceased relative's dossier and sees
only what the purpose allows, from the request's answer and later from the list."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app import access
from tests.support.access import GP, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import Flows, Mailbox, bearer
from tests.support.shared_dossiers import AIDANT_UNTIL, name_aidant, someone_with
from tests.support.sync_lab import LiveServer
from tests.ui.test_access_more import _access_page
from tests.ui.test_messages_screen import _start
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-shared")


def _cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_an_aidant_opens_the_helped_persons_dossier_read_only_until_the_delegation_ends(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    _aidant, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    helped = someone_with(
        flows,
        live,
        ("Odette", "Lefèvre"),
        [("entry", "condition", "Diabète de type 2"), ("document", "compte_rendu", "Compte rendu de cardiologie")],
    )
    assert live.ctx is not None
    helped_headers = bearer(flows.login(helped))
    name_aidant(flows, helped_headers, _aidant.identifier)
    ends = AIDANT_UNTIL

    page = _access_page(qtbot, online_window)
    box = page.helping_box
    assert box is not None
    # Nothing chosen: nothing opens, and the box says what to do.
    assert not box.open_button.isEnabled()
    with qtbot.waitSignal(box.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    assert box.open_helped() is None and box.error.text() == "Choisissez d'abord la personne dans la liste."
    assert not box.relatives_part.isVisibleTo(box)  # no deceased relative: the part stays hidden
    box.table.selectRow(0)
    assert box.open_button.isEnabled()
    box.open_button.click()
    dialog = box.shared_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state == "loaded", timeout=20_000)
    qtbot.waitUntil(lambda: dialog.entries.model.rowCount() == dialog.documents.model.rowCount() == 1, timeout=10_000)
    assert dialog.windowTitle() == "Dossier d'Odette Lefèvre"
    assert dialog.who.text() == "Né(e) le 01/01/1984"
    assert dialog.role_label.text() == (
        f"Lecture seule. Vous le consultez comme proche aidant, jusqu'au {ends.astimezone().strftime('%d/%m/%Y')}."
    )
    assert dialog.tabs.tabText(0) == "Informations de santé (1)" and dialog.tabs.tabText(1) == "Documents (1)"
    today = live.ctx.now().astimezone().strftime("%d/%m/%Y")
    assert _cells(dialog.entries.model, 0) == [
        "Maladie ou sujet de santé",
        "Diabète de type 2",
        today,
        "La personne ou son entourage",
    ]
    assert _cells(dialog.documents.model, 0)[:2] == ["Comptes rendus", "Compte rendu de cardiologie"]
    assert dialog.error.text() == ""
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "shared_aidant_fr.png"))
    # The opening is the service's to record: the helped person reads it in their access history.
    history = flows.client.get("/v1/me/access/history", headers=helped_headers, params={"actor_kind": "aidant"})
    assert [(i["outcome"], i["reason"]) for i in history.json()["items"]] == [("allowed", "aidant_delegation")]

    online_window.set_preference("language", "en")
    qtbot.wait(100)
    assert dialog.windowTitle() == "Record of Odette Lefèvre"
    assert dialog.tabs.tabText(0) == "Health information (1)"
    assert _cells(dialog.entries.model, 0)[0] == "Illness or health topic"
    dialog.documents.table.setFocus()
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "shared_aidant_en.png"))
    dialog.tabs.setCurrentIndex(0)
    online_window.set_preference("language", "fr")

    # Offline: said plainly; the lists are emptied (nothing of it is kept, nothing stale stays on screen).
    live.stop()
    with qtbot.waitSignal(page.sig_changed, timeout=30_000):
        page.refresh_button.click()  # the access page falls back to its copy: its boxes cannot change anything…
    assert page.offline and not box.isEnabled()
    assert dialog.isEnabled() and dialog.reload_button.isEnabled()  # …the open dossier's window still answers
    with qtbot.waitSignal(dialog.sig_loaded, timeout=30_000):
        dialog.reload_button.click()
    assert dialog.state == "failed" and dialog.entries.model.rowCount() == 0
    assert dialog.error.text().startswith("Le service n'a pas pu être joint : ce dossier s'ouvre seulement en ligne")
    live.start()

    # The helped person ends the delegation: the next opening is refused in plain words, not a reason code.
    account_id = flows.client.get("/v1/me/access", headers=helped_headers).json()["aidants"][0]["account_id"]
    assert flows.client.delete(f"/v1/me/access/aidants/{account_id}", headers=helped_headers).status_code == 200
    with qtbot.waitSignal(dialog.sig_loaded, timeout=20_000):
        dialog.reload_button.click()
    assert dialog.state == "failed" and dialog.documents.model.rowCount() == 0
    assert "_" not in dialog.error.text() and "ne vous est" in dialog.error.text(), dialog.error.text()
    dialog.grab().save(str(SHOTS / "shared_refused_fr.png"))

    # Locking closes it: another person's dossier never stays on screen.
    online_window.lock()
    assert box.shared_dialog is None and not dialog.isVisible()
    assert profile is not None


def test_an_heir_opens_the_deceased_relatives_dossier_within_the_purpose_from_the_answer_then_from_the_list(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    from server.admin.service import record_death

    _heir, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    relative = someone_with(
        flows,
        live,
        ("Jeanne", "Martin"),
        [
            ("entry", "condition", "Asthme"),
            ("document", "compte_rendu", "Compte rendu des urgences"),
            ("document", "administratif", "Mutuelle"),
        ],
    )
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        record_death(session, live.ctx, nir=relative.nir, day=live.ctx.now().date() - timedelta(days=3))
        session.commit()

    page = _access_page(qtbot, online_window)
    box = page.helping_box
    assert box is not None
    request = box.open_heir_request()
    assert request is not None and not request.open_button.isVisible()
    qtbot.keyClicks(request.nir_edit, relative.nir)
    request.justification_edit.setPlainText("Je suis son fils ; acte de notoriété joint.")
    request.purpose_combo.setCurrentIndex(request.purpose_combo.findData("cause_of_death"))
    with qtbot.waitSignal(request.sig_granted, timeout=20_000):
        request.send_button.click()
    assert request.open_button.isVisible() and request.open_button.hasFocus()
    request.open_button.click()
    dialog = box.shared_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state == "loaded", timeout=20_000)
    assert dialog.windowTitle() == "Dossier de Jeanne Martin"
    assert dialog.role_label.text().startswith("Lecture seule. Vous le consultez comme ayant droit")
    qtbot.waitUntil(lambda: dialog.documents.model.rowCount() == 1, timeout=10_000)
    # Cause of death: the compte rendu, not the administrative paper, nor the entries of the medical profile.
    assert dialog.documents.model.rowCount() == 1
    assert _cells(dialog.documents.model, 0)[1] == "Compte rendu des urgences"
    assert dialog.entries.showing_empty and dialog.entries.model.rowCount() == 0
    assert dialog.entries.empty.title.text() == "Aucune information de santé à afficher"
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "shared_heir_fr.png"))
    request.close()
    dialog.close()

    # Later, from the list of deceased relatives' dossiers (the request's grant reloaded the box).
    qtbot.waitUntil(lambda: box.relatives_model.rowCount() == 1, timeout=20_000)
    assert box.relatives_part.isVisibleTo(box)
    assert _cells(box.relatives_model, 0) == ["Jeanne Martin", "01/01/1984"]
    assert box.model.rowCount() == 0 and access.helped(profile) == []  # an heir is not an aidant
    page.show_part(box)
    online_window.grab().save(str(SHOTS / "helping_relatives_fr.png"))
    assert not box.open_relative_button.isEnabled()
    box.relatives_table.selectRow(0)
    assert box.open_relative_button.isEnabled()
    box.relatives_table.setFocus()
    qtbot.keyClick(box.relatives_table, Qt.Key.Key_Return)  # the keyboard opens it as the button does
    again = box.shared_dialog
    assert again is not None and again is not dialog
    qtbot.waitUntil(lambda: again.state == "loaded", timeout=20_000)
    qtbot.waitUntil(lambda: again.documents.model.rowCount() == 1, timeout=10_000)
    # The offline copy of the list keeps the relative (names only), so the door stays findable.
    live.stop()
    with qtbot.waitSignal(box.sig_loaded, timeout=30_000):
        box.reload()
    assert box.copy is not None and box.copy.from_cache and [r.first_names for r in box.relatives] == ["Jeanne"]
    live.start()


def test_the_person_lets_an_aidant_read_their_messages_then_withdraws_it_from_accès_et_confidentialité(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    aidant = flows.active_person()
    aidant_headers = bearer(flows.login(aidant))
    me = bearer(flows.login(person))
    name_aidant(flows, me, aidant.identifier)
    listing = f"/v1/conversations?dossier_id={person.dossier_id}"
    assert flows.client.get(listing, headers=aidant_headers).json()["code"] == "aidant_messages_not_allowed"

    page = _access_page(qtbot, online_window)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: page.aidants_model.rowCount() == 1, timeout=10_000)
    assert _cells(page.aidants_model, 0)[-1] == "Non"
    assert not page.aidant_messages_button.isEnabled()  # nobody chosen
    page.aidants_table.selectRow(0)
    assert page.aidant_messages_button.isEnabled()
    assert page.aidant_messages_button.text() == "Lui montrer mes &messages…"
    confirmer.answers.extend([False])  # « Annuler »: nothing asked of the service
    page.aidant_messages_button.click()
    assert (
        confirmer.questions[-1][0] == "Lui montrer vos messages ?" and aidant.identifier in confirmer.questions[-1][1]
    )
    assert flows.client.get(listing, headers=aidant_headers).status_code == 403
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.aidant_messages_button.click()
    qtbot.waitUntil(lambda: page.aidants_model.rowCount() == 1 and _cells(page.aidants_model, 0)[-1] == "Les lit")
    assert flows.client.get(listing, headers=aidant_headers).status_code == 200
    page.aidants_table.selectRow(0)
    assert page.aidant_messages_button.text() == "Ne plus lui montrer mes &messages"
    page.show_part(page.aidant_messages_button)
    online_window.grab().save(str(SHOTS / "aidant_messages_fr.png"))
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.aidant_messages_button.click()
    assert confirmer.questions[-1][0] == "Ne plus lui montrer vos messages ?"
    qtbot.waitUntil(lambda: page.aidants_model.rowCount() == 1 and _cells(page.aidants_model, 0)[-1] == "Non")
    assert flows.client.get(listing, headers=aidant_headers).status_code == 403


def test_an_aidant_reads_the_helped_persons_conversations_only_once_allowed_and_never_marks_them_read(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    aidant, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    helped = someone_with(flows, live, ("Odette", "Lefèvre"), [])
    assert live.ctx is not None
    pro = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    _start(flows, pro, helped, "Résultats de la prise de sang", "Votre glycémie est stable.")
    helped_headers = bearer(flows.login(helped))
    name_aidant(flows, helped_headers, aidant.identifier)
    page = _access_page(qtbot, online_window)
    box = page.helping_box
    assert box is not None
    with qtbot.waitSignal(box.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    box.table.selectRow(0)
    box.open_button.click()
    dialog = box.shared_dialog
    assert dialog is not None and dialog.conversations is not None
    part = dialog.conversations
    qtbot.waitUntil(lambda: dialog.state == "loaded", timeout=20_000)
    assert part.stale  # asked for only when looked at
    # Not allowed yet: the empty state says so, and where the person allows it.
    with qtbot.waitSignal(part.sig_loaded, timeout=20_000):
        dialog.tabs.setCurrentIndex(2)
    assert part.refused_code == "aidant_messages_not_allowed" and part.list.showing_empty
    assert part.list.empty.title.text() == "Ses messages ne vous sont pas montrés"
    assert "« Lui montrer mes messages »" in part.list.empty.text.text()
    assert dialog.tabs.tabText(2) == "Messages"
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "shared_messages_refused_fr.png"))

    account_id = flows.client.get("/v1/me/access", headers=helped_headers).json()["aidants"][0]["account_id"]
    r = flows.client.put(f"/v1/me/messages/aidants/{account_id}", headers=helped_headers)
    assert r.status_code == 204, r.text
    with qtbot.waitSignal(part.sig_loaded, timeout=20_000):
        dialog.reload_button.click()
    qtbot.waitUntil(lambda: part.model.rowCount() == 1, timeout=10_000)
    assert part.refused_code == "" and part.error.text() == ""
    subject, professional, _last, state = _cells(part.model, 0)
    assert subject == "Résultats de la prise de sang" and "Durand" in professional and state == "En cours"
    with qtbot.waitSignal(part.sig_thread_loaded, timeout=20_000):
        part.list.table.selectRow(0)
    assert "Votre glycémie est stable." in part.thread_view.toPlainText()
    assert part.thread_view.isReadOnly()
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "shared_messages_fr.png"))
    # Read by the aidant, still unread for the person: an aidant never marks them read.
    mine = flows.client.get("/v1/conversations", headers=helped_headers).json()["items"]
    assert [c["unread"] for c in mine] == [1]
