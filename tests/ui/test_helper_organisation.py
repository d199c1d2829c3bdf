"""Issue 15 #2 (S53): the organisation's manager registers and withdraws its helpers from the window — the assisted
session's first screen, once signed in with their own account — against the real service on loopback."""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import Qt

from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.helper_accounts import HelperAccount, enrolment_code, register_helper
from tests.support.service import PASSWORD, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import missing_accessibility
from ui.assisted.organisation import OrganisationHelpersDialog
from ui.assisted.session import AssistedSession
from ui.dialogs import ScriptedConfirmer

MANAGER = HelperAccount(
    "claire.m@fs-caen.example.org", "France Services de Caen", first_names="Claire", last_name="Morel"
)
STAFF = HelperAccount("paul.r@fs-caen.example.org", "France Services de Caen", first_names="Paul", last_name="Roux")
ELSEWHERE = HelperAccount("ines.t@pharma.example.org", "Pharmacie du Port", first_names="Inès", last_name="Tran")


def _sign_in(qtbot: Any, session: AssistedSession, mailbox: Mailbox, who: HelperAccount) -> None:
    signin = session.helper_signin
    signin.email.setText(who.email)
    signin.password.setText(PASSWORD)
    session.step("helper").primary.click()  # type: ignore[union-attr]
    qtbot.waitUntil(signin.code.isVisible, timeout=20_000)
    signin.code.setText(mailbox.last_otp(who.email))
    session.step("helper").primary.click()  # type: ignore[union-attr]


def _states(dialog: OrganisationHelpersDialog) -> dict[str, str]:
    return {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}


def test_a_manager_registers_and_withdraws_the_organisations_helpers_from_the_first_screen_S53(
    qtbot: Any, live: LiveServer, mailbox: Mailbox
) -> None:
    assert live.ctx is not None
    with httpx.Client(base_url=live.url, timeout=30) as api:
        register_helper(live.ctx, mailbox, api, MANAGER, manager=True)
        register_helper(live.ctx, mailbox, api, STAFF)
        register_helper(live.ctx, mailbox, api, ELSEWHERE)
    session = AssistedSession(server_url=live.url)
    qtbot.addWidget(session)
    session.resize(1000, 800)
    session.show()
    _sign_in(qtbot, session, mailbox, MANAGER)
    # Signed in as the manager: the first screen offers the door and stays (nobody is being helped yet).
    qtbot.waitUntil(session.manage_helpers.isVisible, timeout=20_000)
    assert session.current_page == "helper" and not session.helper_signin.isVisible()
    assert "responsable de France Services de Caen" in session.manager_note.text()
    assert session.manage_helpers.hasFocus()
    qtbot.keyClick(session.manage_helpers, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: session.helpers_dialog is not None and session.helpers_dialog.isVisible())
    dialog = session.helpers_dialog
    assert isinstance(dialog, OrganisationHelpersDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20_000)
    states = _states(dialog)
    assert set(states) == {MANAGER.email, STAFF.email}  # never the pharmacy's helper
    assert states[MANAGER.email] == "Responsable · Actif" and states[STAFF.email] == "Actif"
    assert missing_accessibility([dialog]) == []
    # Bad input: a clear error, what was typed kept, nothing registered.
    dialog.email.setText("pas-une-adresse")
    dialog.last_name.setText("Lemoine")
    dialog.first_names.setText("Zoé")
    dialog.add.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=20_000)
    assert "e-mail" in dialog.error.text() and dialog.last_name.text() == "Lemoine"
    # Registered: the enrolment code goes by mail; the list says she has not signed in yet.
    dialog.email.setText("zoe.l@fs-caen.example.org")
    dialog.add.click()
    qtbot.waitUntil(lambda: "code d'enrôlement" in dialog.status.text(), timeout=20_000)
    assert "Zoé Lemoine est inscrit(e)" in dialog.status.text() and dialog.email.text() == ""
    assert enrolment_code(mailbox, "zoe.l@fs-caen.example.org")
    qtbot.waitUntil(lambda: len(_states(dialog)) == 3, timeout=20_000)
    assert _states(dialog)["zoe.l@fs-caen.example.org"] == "En attente de sa première connexion"
    # Withdraw: the manager's own row cannot be; Paul's is, after a confirmation (declined first: nothing happens).
    row_of = {dialog.rows[i].email: i for i in range(len(dialog.rows))}
    dialog.table.selectRow(row_of[MANAGER.email])
    assert not dialog.withdraw.isEnabled()
    dialog.table.selectRow(row_of[STAFF.email])
    assert dialog.withdraw.isEnabled()
    dialog.confirmer = ScriptedConfirmer([False, True])
    dialog.withdraw.click()
    assert _states(dialog)[STAFF.email] == "Actif" and "Paul Roux" in dialog.confirmer.questions[0][0]
    dialog.withdraw.click()
    qtbot.waitUntil(lambda: _states(dialog).get(STAFF.email) == "Accès retiré", timeout=20_000)
    assert "L'accès de Paul Roux est retiré" in dialog.status.text()
    r = httpx.post(f"{live.url}/v1/helpers/auth/login", json={"email": STAFF.email, "password": PASSWORD})
    assert r.status_code in (401, 403)  # Paul can no longer sign in to help anyone
    # Closed: back on the first screen, « Continuer » accompanies someone.
    dialog.reject()
    qtbot.waitUntil(lambda: session.focusWidget() is session.manage_helpers)
    session.step("helper").primary.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: session.current_page == "consent")
    session.close()


def test_a_helper_who_is_not_a_manager_goes_straight_on_and_sees_no_door_S53(
    qtbot: Any, live: LiveServer, mailbox: Mailbox
) -> None:
    assert live.ctx is not None
    with httpx.Client(base_url=live.url, timeout=30) as api:
        register_helper(live.ctx, mailbox, api, STAFF)
    session = AssistedSession(server_url=live.url)
    qtbot.addWidget(session)
    session.show()
    _sign_in(qtbot, session, mailbox, STAFF)
    qtbot.waitUntil(lambda: session.current_page == "consent", timeout=20_000)
    assert not session.manage_helpers.isVisible()
    session.close()
