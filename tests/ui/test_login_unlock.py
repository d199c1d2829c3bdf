"""Issue 15 #8's door in the desktop app (S50, S29): when a stranger's failures hold the account, the sign-in screen
says so, a known device gets in with its device token, and « Recevoir un code de déblocage par e-mail » lets the
owner in from any computer. Against the real service on loopback, real SMTP, real SQLCipher profiles."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop_app import account
from desktop_app.profile import ProfileDirectory
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox, Person
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]


def _attack(live: LiveServer, person: Person) -> None:
    """A stranger tries five passwords: the account is held for unknown devices (S29)."""
    with httpx.Client(base_url=live.url, timeout=30) as api:
        for _ in range(5):
            r = api.post("/v1/auth/login", json={"identifier": person.identifier, "password": "devine-le-123"})
            assert r.status_code == 401, r.text


def _type_credentials(qtbot, online_window, person: Person) -> None:
    page = online_window.login_page
    online_window.on_welcome_choice_made("login")
    qtbot.keyClicks(page.identifier_edit, person.identifier)
    qtbot.keyClicks(page.password_edit, PASSWORD)
    qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)


def test_a_locked_account_offers_a_code_de_deblocage_by_email_and_the_owner_gets_in_S50_S55(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    person = flows.active_person()
    _attack(live, person)
    page = online_window.login_page
    box = page.unlock_box
    assert not box.isVisible()
    _type_credentials(qtbot, online_window, person)
    qtbot.waitUntil(box.request_button.isVisible, timeout=20_000)
    assert page.step == 0 and "e-mail" in page.error.text() and "Trop de tentatives" in page.error.text()
    online_window.grab().save("/tmp/shots-login-unlock-1.png")
    mailbox.clear()
    box.request_button.click()
    qtbot.waitUntil(box.code.isVisible, timeout=20_000)
    assert box.code.hasFocus() and not box.request_button.isVisible()
    # Without the code, the sign-in waits for it (nothing sent).
    page.next_button.click()
    assert box.error.isVisible() and "6 chiffres" in box.error.text()
    qtbot.keyClicks(box.code, "000000")  # a wrong code: still held, the box stays
    page.next_button.click()
    qtbot.waitUntil(lambda: "Trop de tentatives" in page.error.text(), timeout=20_000)
    assert page.step == 0 and box.isVisible()
    box.code.clear()
    qtbot.keyClicks(box.code, mailbox.last_otp(person.email))  # the code mailed by /v1/auth/unlock
    online_window.grab().save("/tmp/shots-login-unlock-2.png")
    page.next_button.click()
    qtbot.waitUntil(lambda: page.step == 1, timeout=20_000)  # past the lock-out: the login's own mailed code
    assert not box.isVisible()
    qtbot.keyClicks(page.email_edit, mailbox.last_otp(person.email))
    with qtbot.waitSignal(page.sig_signed_in, timeout=20_000):
        qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)


def test_a_known_device_gets_past_the_lock_out_with_its_device_token_S50_S55(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, profiles: ProfileDirectory
) -> None:
    """This computer's carnet of the account holds a live refresh token: the screen signs in as before the attack."""
    person = flows.active_person()
    ticket = account.start_login(live.url, person.identifier, PASSWORD)
    profile, _key = account.confirm_login(ticket, mailbox.last_otp(person.email), directory=profiles)
    profile.lock()
    _attack(live, person)
    with pytest.raises(account.AccountLocked):  # from an unknown computer: held
        account.start_login(live.url, person.identifier, PASSWORD)
    # A wrong password opens nothing locally and sends no token: still held, said as such.
    with pytest.raises(account.AccountLocked):
        account.start_login(live.url, person.identifier, "pas-le-mien-123", directory=profiles)
    page = online_window.login_page
    _type_credentials(qtbot, online_window, person)
    qtbot.waitUntil(lambda: page.step == 1, timeout=20_000)
    assert not page.unlock_box.isVisible()
    qtbot.keyClicks(page.email_edit, mailbox.last_otp(person.email))
    with qtbot.waitSignal(online_window.sig_unlocked, timeout=20_000) as opened:
        qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)
    assert opened.args[0].dossier_ids() == [str(person.dossier_id)]
    assert len(profiles.profiles()) == 1  # the same carnet, not a new one
