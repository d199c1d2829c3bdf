"""People by name, against the real central service on loopback: a professional found by name and authorised
with a confirmation naming them; an aidant sees whom they help and stops; « Un proche est décédé » from the welcome
screen sends an heir's request and shows the service's answer (a refusal, then a grant)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app import access
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.people import registry
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import open_dossier
from tests.ui.test_access_more import _access_page
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-people")


def _cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_a_professional_found_by_name_is_authorised_and_chosen_as_medecin_traitant_with_named_confirmations(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    registry(live.ctx, mailbox, flows.client)
    page = _access_page(qtbot, online_window)

    dialog = page.find_professional("pros")
    assert dialog is not None and page.search_dialog is dialog
    # Too little to search: said beside the fields, nothing asked of the service.
    qtbot.keyClicks(dialog.name_edit, "d")
    with qtbot.waitSignal(dialog.sig_loaded, timeout=2_000, raising=False) as blocker:
        dialog.search_button.click()
        qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert not blocker.signal_triggered
    assert "deux lettres" in dialog.error.text()

    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "durand")
    with qtbot.waitSignal(dialog.sig_loaded, timeout=20_000):
        dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert _cells(dialog.model, 0) == ["Anne Durand", "médecin généraliste", "Lyon", "10000000017"]
    assert _cells(dialog.model, 1) == ["Marc Durandal", "infirmier", "Villeurbanne", "10000000033"]
    # Never-enrolled Paul Durant is not offered.
    qtbot.keyClicks(dialog.town_edit, "lyon")
    with qtbot.waitSignal(dialog.sig_loaded, timeout=20_000):
        qtbot.keyClick(dialog.town_edit, "\r")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "search_fr.png"))
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.sig_chosen, timeout=5_000):
        dialog.choose_button.click()
    assert page.rpps_edit.text() == "10000000017"

    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.authorise_button.click()
    assert confirmer.questions[-1] == (
        "Autoriser ce professionnel ?",
        "Anne Durand, médecin généraliste (RPPS 10000000017) pourra ouvrir votre dossier.",
    )
    me = bearer(flows.login(person))
    served = flows.client.get("/v1/me/access", headers=me).json()
    assert [a["rpps"] for a in served["authorised"]] == ["10000000017"]
    # Blocking and the administrateur role name the person too (answered « Annuler »: nothing changes).
    confirmer.answers.extend([False, False])
    page.block_button.click()
    page.admin_button.click()
    assert confirmer.questions[-2][1].startswith("Anne Durand, médecin généraliste (RPPS 10000000017) ne pourra plus")
    assert confirmer.questions[-1][1] == (
        "Anne Durand, médecin généraliste (RPPS 10000000017) pourra gérer votre dossier comme administrateur."
    )

    # Médecin traitant: by profession and town this time.
    doctor = page.find_professional("doctor")
    assert doctor is not None
    doctor.profession_combo.setCurrentIndex(doctor.profession_combo.findData("medecin_generaliste"))
    qtbot.keyClicks(doctor.town_edit, "marseille")
    with qtbot.waitSignal(doctor.sig_loaded, timeout=20_000):
        doctor.search_button.click()
    qtbot.waitUntil(lambda: doctor.model.rowCount() == 1, timeout=10_000)
    doctor.table.selectRow(0)
    doctor.choose_button.click()
    assert page.doctor_edit.text() == "10000000041"
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.doctor_button.click()
    assert confirmer.questions[-1][1] == (
        "Claire Petit, médecin généraliste (RPPS 10000000041) deviendra votre médecin traitant."
    )
    assert flows.client.get("/v1/me/access", headers=me).json()["medecin_traitant"]["rpps"] == "10000000041"
    assert page.doctor_label.text() == "Actuel : Claire Petit (RPPS 10000000041)"
    online_window.set_preference("language", "en")
    qtbot.wait(100)
    assert doctor.windowTitle() == "Search for a health professional"
    assert _cells(doctor.model, 0)[1] == "general practitioner"
    doctor.show()
    doctor.grab().save(str(SHOTS / "search_en.png"))
    page.show_part(page.helping_box)
    online_window.grab().save(str(SHOTS / "access_people_en.png"))
    online_window.set_preference("language", "fr")
    doctor.close()


def test_an_aidant_sees_whom_they_help_until_when_and_stops_helping(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    aidant, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    helped = flows.provision(first_names="Odette", last_name="Lefèvre")
    flows.activate(helped, "odette.lefevre")
    ends = datetime(2030, 6, 30, 12, tzinfo=UTC)
    r = flows.client.post(
        "/v1/me/access/aidants",
        headers=bearer(flows.login(helped)),
        json={"identifier": aidant.identifier, "ends_at": ends.isoformat()},
    )
    assert r.status_code == 200, r.text
    notes = online_window.dossier.notifications
    with qtbot.waitSignal(notes.sig_loaded, timeout=20_000):
        notes.refresh()
    qtbot.waitUntil(lambda: notes.model.rowCount() == 1, timeout=10_000)
    assert notes.model.data(notes.model.index(0, 1)) == (
        f"Odette Lefèvre vous a désigné(e) comme proche aidant, jusqu'au {ends.astimezone().strftime('%d/%m/%Y')}."
    )
    page = _access_page(qtbot, online_window)
    box = page.helping_box
    assert box is not None
    with qtbot.waitSignal(box.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    page.show_part(box)
    online_window.grab().save(str(SHOTS / "helping_fr.png"))
    assert _cells(box.model, 0) == ["Odette Lefèvre", "01/01/1984", ends.astimezone().strftime("%d/%m/%Y"), "En cours"]
    # Offline: the encrypted copy answers, dated.
    live.stop()
    with qtbot.waitSignal(box.sig_loaded, timeout=20_000):
        box.reload()
    assert box.copy is not None and box.copy.from_cache
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    assert box.intro.text().startswith("Hors ligne : copie du ")
    live.start()
    with qtbot.waitSignal(box.sig_loaded, timeout=20_000):
        box.reload()
    assert box.copy is not None and not box.copy.from_cache
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    box.table.selectRow(0)
    confirmer.answers.extend([False])  # « Annuler »: nothing changes
    box.stop_button.click()
    assert "Odette Lefèvre" in confirmer.questions[-1][1] and box.model.rowCount() == 1
    confirmer.answers.extend([True])
    with qtbot.waitSignal(box.sig_loaded, timeout=20_000):
        box.stop_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 0, timeout=10_000)
    assert box.intro.text() == "Personne ne vous a désigné(e) comme proche aidant."
    page.show_part(box)
    online_window.grab().save(str(SHOTS / "helping_after_fr.png"))
    assert live.ctx is not None
    served = flows.client.get("/v1/me/access", headers=bearer(flows.login(helped))).json()
    assert served["aidants"] == []


def test_a_deceased_relative_request_from_the_welcome_screen_is_refused_then_granted(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    from server.admin.service import record_death

    heir, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    relative = flows.provision(first_names="Jeanne", last_name="Martin")
    flows.activate(relative, "jeanne.martin")
    online_window.lock()
    online_window.show_welcome()
    online_window.welcome.buttons["deceased"].click()
    assert online_window.current_page() is online_window.unlock_page
    open_dossier(qtbot, online_window, PASSWORD)
    box = online_window.dossier.access.helping_box
    assert box is not None
    qtbot.waitUntil(lambda: box.heir_dialog is not None and box.heir_dialog.isVisible(), timeout=10_000)
    dialog = box.heir_dialog
    assert online_window.dossier.current_section() == "access"

    # Bad input: said beside the field, nothing sent.
    dialog.send_button.click()
    assert "sécurité sociale" in dialog.error.text()
    # Alive: the service's refusal, in its words.
    qtbot.keyClicks(dialog.nir_edit, relative.nir)
    dialog.justification_edit.setPlainText("Je suis sa fille ; acte de notoriété joint.")
    with qtbot.waitSignal(dialog.sig_answered, timeout=20_000):
        dialog.send_button.click()
    assert dialog.error.text() == (
        "Demande refusée : Aucun espace santé de personne décédée ne correspond à ce numéro de sécurité sociale."
    )
    assert dialog.answer is None

    assert live.ctx is not None
    with live.ctx.sessions() as session:
        record_death(session, live.ctx, nir=relative.nir, day=live.ctx.now().date() - timedelta(days=3))
        session.commit()
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("cause_of_death"))
    with qtbot.waitSignal(dialog.sig_granted, timeout=20_000):
        dialog.send_button.click()
    assert dialog.answer is not None and dialog.error.text() == ""
    assert dialog.answer_label.text() == (
        "Demande acceptée : le dossier de Jeanne Martin (né(e) le 01/01/1984) vous est ouvert, pour « Connaître les "
        "causes de son décès » seulement."
    )
    qtbot.wait(50)  # the answer's label wraps on the next layout pass
    dialog.grab().save(str(SHOTS / "heir_fr.png"))
    profile = online_window.profile
    assert profile is not None
    assert heir.identifier  # the grant is the service's: the account now reaches the space as heir
    shared = flows.client.get("/v1/me/shared-dossiers", headers=bearer(flows.login(heir))).json()
    assert [(s["role"], s["first_names"]) for s in shared] == [("heir", "Jeanne")]
    assert access.helped(profile) == []  # an heir is not an aidant
    online_window.set_preference("language", "en")
    qtbot.wait(100)
    assert dialog.answer_label.text().startswith("Request granted: the record of Jeanne Martin")
    dialog.grab().save(str(SHOTS / "heir_en.png"))
    online_window.set_preference("language", "fr")


def test_without_the_service_a_deceased_relative_choice_says_so_plainly(qtbot, window) -> None:
    window.welcome.buttons["deceased"].click()
    assert window.current_page() is window.unavailable
    assert window.unavailable.title.text() == "Un proche est décédé"
    assert not window.heir_request_pending
