"""Every account door of the window, against the real service on loopback and its real SMTP outbox: forgotten
identifier and password, the account's password, closure and reactivation, the activation wizard's checks and
rule, one person one carnet, and the lock screen's choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop_app.profile import ProfileDirectory
from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.http import Backoff
from dossier.passwords import EXAMPLE_PASSPHRASE_FR
from server.sync.models import SyncRecord
from tests.support.account_doors import online_window
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import PASSWORD as LOCAL_PASSWORD
from ui.dialogs import ScriptedConfirmer

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

NEW_PASSWORD = "Tortue orange lit 9 journaux sous la pluie"


def _sign_in(qtbot, window, person, mailbox: Mailbox):  # type: ignore[no-untyped-def]
    page = window.login_page
    window.on_welcome_choice_made("login")
    qtbot.keyClicks(page.identifier_edit, person.identifier)
    qtbot.keyClicks(page.password_edit, PASSWORD)
    page.next_button.click()
    qtbot.waitUntil(lambda: page.step == 1, timeout=20_000)
    qtbot.keyClicks(page.email_edit, mailbox.last_otp(person.email))
    return page


def _signed_in(qtbot, window, flows: Flows, mailbox: Mailbox):  # type: ignore[no-untyped-def]
    person = flows.active_person()
    page = _sign_in(qtbot, window, person, mailbox)
    page.next_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.recovery_page, timeout=20_000)
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000) as opened:
        window.recovery_page.done_button.click()
    return person, opened.args[0]


def test_forgot_identifier_from_the_login_page_mails_it(qtbot, online_window, flows: Flows, mailbox: Mailbox) -> None:
    person = flows.active_person()
    online_window.on_welcome_choice_made("login")
    page = online_window.login_page
    page.forgot_identifier_button.click()
    steps = page.recovery_steps
    qtbot.waitUntil(lambda: steps.isVisible())
    assert page.recovery_dialog.windowTitle() == "Identifiant oublié"
    qtbot.waitUntil(steps.email_edit.hasFocus)
    steps.next_button.click()  # empty: said beside the field, nothing sent
    error = steps.field_errors["email"][1]
    assert error.isVisible() and "@" in error.text() and steps.email_edit.hasFocus()
    qtbot.keyClicks(steps.email_edit, person.email)
    qtbot.keyClick(steps.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps.step == 1, timeout=20_000)
    assert person.email in steps.sent_message.text()
    assert person.identifier in mailbox.last_body(person.email)
    with qtbot.waitSignal(steps.sig_done):
        steps.next_button.click()


def test_forgot_password_from_the_welcome_screen_then_sign_in_with_the_new_one(
    qtbot, online_window, flows: Flows, mailbox: Mailbox
) -> None:
    person = flows.active_person()
    online_window.welcome.links["forgot_password"].click()
    steps = online_window.recovery_steps
    qtbot.waitUntil(lambda: steps.isVisible())
    qtbot.keyClicks(steps.identifier_edit, person.identifier)
    steps.next_button.click()
    qtbot.waitUntil(lambda: steps.step == 1, timeout=20_000)
    first_code = mailbox.last_otp(person.email)
    steps.resend_button.click()  # « Renvoyer le code »: a new code, the first one no longer works
    qtbot.waitUntil(lambda: mailbox.last_otp(person.email) != first_code or len(mailbox.to(person.email)) >= 4)
    qtbot.waitUntil(lambda: not steps.busy, timeout=20_000)
    qtbot.keyClicks(steps.code_edit, mailbox.last_otp(person.email))
    qtbot.keyClicks(steps.password.edit, EXAMPLE_PASSPHRASE_FR)  # the example shown is refused, and why is said
    assert not steps.password.meter.acceptable
    assert "exemple" in steps.password.meter.advice.text()
    qtbot.keyClicks(steps.password.confirm_edit, EXAMPLE_PASSPHRASE_FR)
    steps.next_button.click()
    assert steps.step == 1 and steps.password.edit.hasFocus()
    steps.password.clear()
    qtbot.keyClicks(steps.password.edit, NEW_PASSWORD)
    qtbot.keyClicks(steps.password.confirm_edit, NEW_PASSWORD)
    steps.next_button.click()
    qtbot.waitUntil(lambda: steps.step == 2, timeout=20_000)
    assert "propre mot de passe" in steps.done_message.text()
    assert flows.start_login(person, NEW_PASSWORD).status_code == 202
    assert flows.start_login(person, PASSWORD).status_code == 401


def test_account_password_change_closure_and_reactivation_from_settings(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, confirmer: ScriptedConfirmer
) -> None:
    person, _profile = _signed_in(qtbot, online_window, flows, mailbox)
    online_window.dossier.show_section("settings")
    box = online_window.dossier.settings.space_box
    assert box.isEnabled()
    box.refresh_button.click()
    qtbot.waitUntil(lambda: box.state_label.text() == "Votre espace est ouvert.", timeout=20_000)
    # The account's password
    box.password_button.click()
    steps = box.steps
    qtbot.waitUntil(lambda: steps.isVisible())
    qtbot.keyClicks(steps.current_edit, "pas le bon mot de passe")
    qtbot.keyClicks(steps.password.edit, NEW_PASSWORD)
    qtbot.keyClicks(steps.password.confirm_edit, NEW_PASSWORD)
    steps.next_button.click()
    current_error = steps.field_errors["current_password"][1]
    qtbot.waitUntil(current_error.isVisible, timeout=20_000)
    assert "incorrect" in current_error.text() and steps.current_edit.hasFocus()
    assert not steps.error.isVisible()  # said once, beside its field
    steps.current_edit.clear()
    qtbot.keyClicks(steps.current_edit, PASSWORD)
    steps.next_button.click()
    qtbot.waitUntil(lambda: steps.step == 1, timeout=20_000)
    steps.next_button.click()
    assert flows.start_login(person, NEW_PASSWORD).status_code == 202
    # Closure: the consequences first, then a question; "no" sends nothing
    box.close_button.click()
    steps = box.steps
    qtbot.waitUntil(lambda: steps.isVisible())
    assert "10 ans" in steps.consequences.text() and "n'ont plus accès" in steps.consequences.text()
    qtbot.keyClicks(steps.password_edit, NEW_PASSWORD)
    steps.next_button.click()
    assert len(confirmer.questions) == 1 and steps.step == 0
    confirmer.answers.append(True)
    steps.next_button.click()
    qtbot.waitUntil(lambda: box.state_label.text().startswith("Votre espace est clôturé"), timeout=20_000)
    assert box.reactivate_button.isEnabled() and not box.close_button.isEnabled()
    confirmer.answers.append(True)
    box.reactivate_button.click()
    qtbot.waitUntil(lambda: box.state_label.text() == "Votre espace est ouvert.", timeout=20_000)
    assert "rouvert" in confirmer.questions[-1][1]


def test_activation_checks_the_code_at_its_step_states_the_real_rule_and_names_the_carnet(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, profiles: ProfileDirectory
) -> None:
    person = flows.provision(first_names="Zoé Marie", last_name="Lefèvre")
    wizard = online_window.activation_page
    online_window.on_welcome_choice_made("activate")
    assert wizard.title.text() == "Activer Mon espace santé — étape 1 sur 6"
    qtbot.keyClicks(wizard.code_edit, person.activation_code)
    wizard.next_button.click()
    qtbot.keyClicks(wizard.nir_edit, person.nir)
    wizard.next_button.click()
    qtbot.keyClicks(wizard.serial_edit, "99999999")  # a wrong serial: refused now, not after the password
    wizard.next_button.click()
    code_error = wizard.field_errors["activation_code"][1]
    qtbot.waitUntil(code_error.isVisible, timeout=20_000)
    assert wizard.step == 0 and wizard.code_edit.hasFocus()
    assert "carte Vitale" in code_error.text()
    assert not wizard.error.isVisible()  # once, beside the field
    wizard.next_button.click()
    wizard.next_button.click()
    wizard.serial_edit.clear()
    qtbot.keyClicks(wizard.serial_edit, person.serial)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.step == 3, timeout=20_000)
    assert wizard.title.text() == "Activer Mon espace santé — étape 4 sur 6"
    qtbot.keyClicks(wizard.identifier_edit, "zoe.lefevre52")
    wizard.next_button.click()
    intro = wizard.password_intro.text()
    assert "7 mots" in intro and EXAMPLE_PASSPHRASE_FR in intro
    qtbot.keyClicks(wizard.password_edit, EXAMPLE_PASSPHRASE_FR)
    assert not wizard.meter.acceptable and "exemple" in wizard.meter.advice.text()
    assert not wizard.meter.bar.isTextVisible() and wizard.meter.verdict.text().endswith("pas encore accepté")
    wizard.password_edit.clear()
    qtbot.keyClicks(wizard.password_edit, "bonjour mon ami comment vas")  # 27 characters, five common words
    assert not wizard.meter.acceptable and "trop facile à deviner" in wizard.meter.advice.text()
    qtbot.keyClicks(wizard.confirm_edit, "bonjour mon ami comment vas")
    wizard.next_button.click()
    password_error = wizard.field_errors["password"][1]
    assert password_error.isVisible() and wizard.password_edit.hasFocus() and wizard.step == 4
    wizard.password_edit.clear()
    wizard.confirm_edit.clear()
    qtbot.keyClicks(wizard.password_edit, PASSWORD)
    assert not password_error.isVisible()
    qtbot.keyClicks(wizard.confirm_edit, PASSWORD)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.step == 5, timeout=20_000)
    assert not wizard.local.isVisible()  # nothing on this computer to link
    first = mailbox.last_otp(person.email)
    wizard.resend_button.click()
    qtbot.waitUntil(lambda: not wizard.busy and "vient d'être envoyé" in wizard.status.text(), timeout=20_000)
    assert wizard.email_edit.hasFocus()
    qtbot.waitUntil(lambda: len(mailbox.to(person.email)) == 3, timeout=20_000)
    second = mailbox.last_otp(person.email)
    assert second != first
    with qtbot.waitSignal(wizard.sig_activated, timeout=20_000):
        qtbot.keyClicks(wizard.email_edit, second)
        wizard.next_button.click()
    assert [p.label for p in profiles.profiles()] == ["Zoé Lefèvre"]


def test_signing_in_links_the_carnet_already_here_and_sends_its_entries_once(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, profiles: ProfileDirectory, live: LiveServer
) -> None:
    local, _ = profiles.create("Zoé (sur ce PC)", LOCAL_PASSWORD)
    local.dossier().entries.create("allergy", {"name": "Pénicilline", "reaction": "Urticaire"})
    local.dossier().entries.create("blood_group", {"abo": "A", "rh": "positive"})
    local_id = local.profile_id
    local.lock()
    other, _ = profiles.create("Camille (autre personne)", LOCAL_PASSWORD)
    other.lock()
    profiles.unlock(LOCAL_PASSWORD, profile_id=local_id).lock()  # Zoé's carnet was opened last
    person = flows.active_person()
    page = _sign_in(qtbot, online_window, person, mailbox)
    assert page.local.isVisible()
    assert page.local.combo.currentText() == "Relier mon carnet « Zoé (sur ce PC) » à mon compte"
    assert page.local.combo.count() == 3  # both carnets here, and « Créer un nouveau carnet »
    with qtbot.waitSignal(page.sig_signed_in, timeout=20_000) as signed:
        page.next_button.click()  # the account's password does not open it: its own password is asked
        qtbot.waitUntil(page.local.password_edit.isVisible, timeout=20_000)
        local_error = page.field_errors["local_password"][1]
        qtbot.waitUntil(local_error.isVisible, timeout=20_000)
        assert page.local.password_edit.hasFocus()
        qtbot.keyClicks(page.local.password_edit, LOCAL_PASSWORD)
        page.next_button.click()
    profile, recovery_key = signed.args
    assert recovery_key is None and profile.profile_id == local_id
    assert sorted(p.label for p in profiles.profiles()) == ["Camille (autre personne)", "Zoé (sur ce PC)"]
    assert profile.dossier_ids() == [str(person.dossier_id)]
    qtbot.waitUntil(lambda: online_window.current_page() is online_window.dossier, timeout=20_000)
    engine = SyncEngine(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    engine.sync_once()
    engine.sync_once()
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        kinds = sorted(
            r.kind for r in session.scalars(select(SyncRecord).where(SyncRecord.dossier_id == person.dossier_id)).all()
        )
    assert kinds == ["allergy", "blood_group"]  # each entry once, nothing duplicated


def test_the_lock_screen_preselects_the_carnet_opened_last(qtbot, window, profiles: ProfileDirectory) -> None:
    for name in ("Alice Martin", "Bruno Martin"):
        profiles.create(name, LOCAL_PASSWORD)[0].lock()
    listed = profiles.profiles()
    last = listed[-1]  # not the first of the list: the one a plain "first carnet" choice would miss
    profiles.unlock(LOCAL_PASSWORD, profile_id=last.profile_id).lock()  # e.g. opened by a sign-in, then closed
    window.show_unlock()  # as at start-up: no carnet named by the caller
    QApplication.processEvents()
    assert window.unlock_page.profile_combo.currentText() == last.label
    assert window.unlock_page.selected_profile_id() == last.profile_id
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000) as opened:
        qtbot.keyClicks(window.unlock_page.password_edit, LOCAL_PASSWORD)
        window.unlock_page.unlock_button.click()
    assert opened.args[0].profile_id == last.profile_id


def test_signing_out_from_settings_ends_the_session_on_the_service_and_keeps_the_carnet(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, confirmer: ScriptedConfirmer, live: LiveServer
) -> None:
    import httpx

    from desktop_app.account import is_signed_in
    from desktop_app.setting_keys import SettingKey

    _person, profile = _signed_in(qtbot, online_window, flows, mailbox)
    online_window.dossier.show_section("settings")
    box = online_window.dossier.settings.space_box
    refresh = profile.settings.get(SettingKey.REFRESH_TOKEN)
    assert refresh and is_signed_in(profile)
    box.signout_button.click()  # "no" first: nothing is sent, nothing forgotten
    assert "ne sera plus synchronisé" in confirmer.questions[-1][1] and is_signed_in(profile)
    confirmer.answers.append(True)
    box.signout_button.click()
    qtbot.waitUntil(lambda: not is_signed_in(profile), timeout=20_000)
    qtbot.waitUntil(lambda: box.state_label.text().startswith("Vous êtes déconnecté"), timeout=20_000)
    assert not box.isEnabled()
    # The service closed the session: the token this computer held is refused there now
    answer = httpx.post(f"{live.url}/v1/auth/refresh", json={"refresh_token": refresh})
    assert answer.status_code == 401, answer.text
    # The carnet itself stays on this computer, readable
    assert profile.dossier().entries.list(limit=10) is not None
