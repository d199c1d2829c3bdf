"""The online first-contact screens against the real central service on loopback and its real mail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop_app.profile import ProfileDirectory
from server.accounts.models import Device
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import FakeClock, main_window
from ui.dialogs import ScriptedConfirmer
from ui.ops import wait_for_idle

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]


@pytest.fixture
def online_window(
    qtbot, live: LiveServer, profiles: ProfileDirectory, clock: FakeClock, confirmer: ScriptedConfirmer
) -> Iterator:
    win = main_window(qtbot, profiles, confirmer, clock, server_url=live.url)
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    win.lock()
    wait_for_idle()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_and_enter(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_activation_wizard_completed_with_the_keyboard_alone_then_the_first_sync_runs(
    qtbot, online_window, live: LiveServer, flows: Flows, mailbox: Mailbox, profiles: ProfileDirectory
) -> None:
    person = flows.provision()
    wizard = online_window.activation_page
    qtbot.waitUntil(lambda: online_window.welcome.buttons["unlock"].hasFocus())
    # From the default choice ("Ouvrir mon carnet"), two Tabs reach "J'ai reçu mon code d'activation" (first time here).
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is online_window.welcome.buttons["activate"]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert online_window.current_page() is wizard
    assert focused() is wizard.code_edit
    type_and_enter(qtbot, person.activation_code.lower())
    assert wizard.code_edit.text() == " ".join(person.activation_code[i : i + 4] for i in (0, 4, 8))
    assert focused() is wizard.nir_edit
    type_and_enter(qtbot, person.nir)
    assert focused() is wizard.serial_edit
    assert not wizard.card_picture.pixmap().isNull()
    type_and_enter(qtbot, person.serial)  # the three proofs are checked by the service now, not after the password
    qtbot.waitUntil(lambda: focused() is wizard.identifier_edit, timeout=20_000)
    qtbot.keyClicks(focused(), "Zoe")
    assert wizard.identifier_check.text().startswith("L'identifiant doit compter de 8 à 100")  # live rules
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    type_and_enter(qtbot, "zoe.clavier")
    assert "✓" in wizard.identifier_check.text() or focused() is wizard.password_edit
    assert focused() is wizard.password_edit
    qtbot.keyClicks(focused(), PASSWORD)
    assert wizard.meter.acceptable
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is wizard.confirm_edit
    type_and_enter(qtbot, PASSWORD)
    qtbot.waitUntil(lambda: focused() is wizard.email_edit, timeout=20_000)
    assert "@" in wizard.email_intro.text()
    with qtbot.waitSignal(wizard.sig_activated, timeout=20_000):
        type_and_enter(qtbot, mailbox.last_otp(person.email))
    assert online_window.current_page() is online_window.recovery_page
    assert online_window.recovery_page.shown_key()
    with qtbot.waitSignal(online_window.sig_unlocked, timeout=20_000) as opened:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    profile = opened.args[0]
    assert online_window.current_page() is online_window.dossier
    assert [p.label for p in profiles.profiles()] == ["Zoé Martin"]  # the person, not the identifier
    assert not wizard.password_edit.text() and not wizard.confirm_edit.text()  # nothing of the secret stays
    assert profile.settings["sync.server_url"] == online_window.server_url
    # The activation code opened the session: the first sync runs at once, no second code, no « reconnectez-vous ».
    qtbot.waitUntil(lambda: online_window.network_label.text().startswith("À jour à "), timeout=20_000)
    assert len(mailbox.to(person.email)) == 2  # the activation letter and the confirmation code only
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        registered = session.scalars(select(Device)).all()
    assert [str(d.id) for d in registered] == [profile.settings["sync.device_id"]]
    assert registered[0].revoked_at is None and registered[0].name.startswith("Carnet sur ")


def test_activation_errors_appear_beside_their_field(qtbot, online_window, flows: Flows, confirmer) -> None:
    flows.activate(flows.provision(), identifier="deja.pris.ici")
    person = flows.provision()
    wizard = online_window.activation_page
    online_window.on_welcome_choice_made("activate")
    qtbot.keyClicks(wizard.code_edit, person.activation_code)
    wizard.next_button.click()
    qtbot.keyClicks(wizard.nir_edit, person.nir[:-2] + ("00" if person.nir[-2:] != "00" else "01"))
    wizard.next_button.click()
    nir_error = wizard.field_errors["nir"][1]
    assert wizard.step == 1 and nir_error.isVisible()
    assert nir_error.text().startswith("La clé")  # a refused value stays on its step, explained in French
    wizard.nir_edit.clear()
    qtbot.keyClicks(wizard.nir_edit, person.nir)
    wizard.next_button.click()
    assert not nir_error.isVisible()
    qtbot.keyClicks(wizard.serial_edit, person.serial)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.step == 3, timeout=20_000)
    qtbot.keyClicks(wizard.identifier_edit, "deja.pris.ici")
    wizard.next_button.click()
    qtbot.keyClicks(wizard.password_edit, PASSWORD)
    qtbot.keyClicks(wizard.confirm_edit, PASSWORD)
    wizard.next_button.click()
    identifier_error = wizard.field_errors["identifier"][1]
    qtbot.waitUntil(identifier_error.isVisible, timeout=20_000)
    assert wizard.step == 3  # the service's refusal brought the person back to the identifier
    assert "déjà pris" in identifier_error.text()
    assert wizard.identifier_edit.hasFocus()
    assert wizard.password_edit.text() == PASSWORD  # nothing typed is lost


def test_login_creates_the_carnet_then_opens_it_the_next_time(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, profiles: ProfileDirectory
) -> None:
    person = flows.active_person()
    page = online_window.login_page

    def sign_in() -> None:
        online_window.on_welcome_choice_made("login")
        qtbot.keyClicks(page.identifier_edit, person.identifier)
        qtbot.keyClicks(page.password_edit, PASSWORD)
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.step == 1, timeout=20_000)
        qtbot.keyClicks(page.email_edit, mailbox.last_otp(person.email))

    sign_in()
    with qtbot.waitSignal(page.sig_signed_in, timeout=20_000):
        qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)
    assert online_window.current_page() is online_window.recovery_page  # a new carnet: its key, once
    with qtbot.waitSignal(online_window.sig_unlocked, timeout=20_000):
        online_window.recovery_page.done_button.click()
    online_window.lock()
    sign_in()
    with qtbot.waitSignal(online_window.sig_unlocked, timeout=20_000) as opened:
        qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)
    assert opened.args[0].dossier_ids() == [str(person.dossier_id)]
    assert len(profiles.profiles()) == 1


def test_login_with_a_wrong_password_says_so_beside_the_password(qtbot, online_window, flows: Flows) -> None:
    person = flows.active_person()
    page = online_window.login_page
    online_window.on_welcome_choice_made("login")
    qtbot.keyClicks(page.identifier_edit, person.identifier)
    qtbot.keyClicks(page.password_edit, "pas le bon mot de passe du tout")
    page.next_button.click()
    password_error = page.field_errors["password"][1]
    qtbot.waitUntil(password_error.isVisible, timeout=20_000)
    assert page.step == 0
    assert password_error.text() == "Identifiant ou mot de passe incorrect."
    assert page.password_edit.hasFocus() and page.identifier_edit.text() == person.identifier


def test_opposition_asks_first_explains_and_can_be_undone_later(
    qtbot, online_window, flows: Flows, confirmer: ScriptedConfirmer, live: LiveServer
) -> None:
    person = flows.provision()
    page = online_window.opposition_page
    online_window.on_welcome_choice_made("oppose")
    qtbot.keyClicks(page.code_edit, person.activation_code)
    qtbot.keyClicks(page.nir_edit, person.nir)
    qtbot.keyClicks(page.serial_edit, person.serial)
    page.next_button.click()  # the scripted confirmer answers "no" first: nothing is sent
    assert len(confirmer.questions) == 1
    _title, text = confirmer.questions[0]
    assert "changer d'avis" in text and "ne sera pas créé" in text
    assert page.step == 0
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_opposed, timeout=20_000):
        page.next_button.click()
    assert "changer d'avis" in page.done_message.text()
    assert page.code_edit.text() == ""
    # The person changed their mind: activation still works with the same code.
    flows.activate(person, identifier="zoe.a.change.d.avis")


def _signed_in_window(qtbot, online_window, flows: Flows, mailbox: Mailbox):
    """A person with an account, signed in through the login screen; returns (person, open profile)."""
    person = flows.active_person()
    page = online_window.login_page
    online_window.on_welcome_choice_made("login")
    qtbot.keyClicks(page.identifier_edit, person.identifier)
    qtbot.keyClicks(page.password_edit, PASSWORD)
    page.next_button.click()
    qtbot.waitUntil(lambda: page.step == 1, timeout=20_000)
    qtbot.keyClicks(page.email_edit, mailbox.last_otp(person.email))
    page.next_button.click()
    qtbot.waitUntil(lambda: online_window.current_page() is online_window.recovery_page, timeout=20_000)
    with qtbot.waitSignal(online_window.sig_unlocked, timeout=20_000) as opened:
        online_window.recovery_page.done_button.click()
    return person, opened.args[0]


def test_care_history_section_shows_the_service_copy_then_the_offline_copy_with_its_date(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    from datetime import timedelta

    from server.feed.service import CareItem, import_care_history

    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    today = live.ctx.now().date()
    with live.ctx.sessions() as session:
        import_care_history(
            session,
            live.ctx,
            [
                CareItem("C1", person.nir, "consultation", today - timedelta(days=5), "Consultation", "Dr Durand"),
                CareItem("C2", person.nir, "medicine", today - timedelta(days=40), "Paracétamol 1 g"),
            ],
        )
        session.commit()
    page = online_window.dossier.history
    online_window.dossier.show_section("history")
    assert "Pas encore" in page.freshness.text()
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert page.model.data(page.model.index(0, 2)) == "Consultation"
    assert page.model.data(page.model.index(1, 1)) == "Médicament"
    assert page.freshness.text().startswith("À jour le ")
    live.stop()
    online_window.lock()
    assert page.model.rowCount() == 0  # locking forgets what was shown (S18)
    from tests.ui.helpers import open_dossier

    open_dossier(qtbot, online_window, PASSWORD)
    online_window.dossier.show_section("history")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)  # the copy, at once, without the service
    assert page.freshness.text().startswith("Hors ligne : copie enregistrée le ")
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000) as loaded:
        page.refresh_button.click()  # the service is gone: the copy stays, still dated
    assert loaded.args[0].from_cache
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert page.freshness.text().startswith("Hors ligne")


def test_devices_revoke_asks_first_and_this_computer_cannot_be_revoked(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, confirmer: ScriptedConfirmer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    flows.login(person, device_name="Vieille tablette")
    box = online_window.dossier.settings.devices_box
    online_window.dossier.show_section("settings")
    box.refresh_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 2, timeout=20_000)
    names = [box.model.data(box.model.index(r, 0)) for r in range(2)]
    current_row = next(r for r, n in enumerate(names) if "(cet ordinateur)" in n)
    box.select_row(current_row)
    assert not box.revoke_button.isEnabled()
    tablet_row = 1 - current_row
    box.select_row(tablet_row)
    assert box.revoke_button.isEnabled()
    box.revoke_button.click()  # answered "no": nothing revoked
    question = confirmer.questions[0][1]
    assert "Vieille tablette" in question and "ne pourra plus se connecter" in question
    confirmer.answers.append(True)
    box.revoke_button.click()
    qtbot.waitUntil(
        lambda: box.model.rowCount() == 2 and any(box.model.data(box.model.index(r, 2)) == "Révoqué" for r in range(2)),
        timeout=20_000,
    )
    assert len(confirmer.questions) == 2


def test_online_screens_are_accessible_and_readable_at_200_percent(qtbot, online_window) -> None:
    from tests.ui.helpers import clipped_buttons, missing_accessibility
    from ui import theme

    pages = [online_window.activation_page, online_window.login_page, online_window.opposition_page]
    steps = [page.stack.widget(i) for page in pages for i in range(page.stack.count())]
    assert missing_accessibility([*pages, *steps]) == []
    app = QApplication.instance()
    theme.apply_theme(app, high_contrast=False, text_scale=200)
    try:
        online_window.resize(1280, 800)
        for page in pages:
            for index in range(page.stack.count()):
                online_window.show_page(page)
                page.go_to(index)
                qtbot.waitUntil(page.isVisible)
                QApplication.processEvents()
                assert clipped_buttons(page) == [], (type(page).__name__, index)
                assert page.width() <= online_window.width()
    finally:
        theme.apply_theme(app, high_contrast=False, text_scale=100)
