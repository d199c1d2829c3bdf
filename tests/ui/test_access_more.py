"""Accès et confidentialité against the real service: withdraw, post-mortem opposition, offline copy, children and
their legal representatives, a child's access settings; keyboard alone and 200 % text on both access screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from desktop_app import access
from tests.support.access import GP, Pros, provision_minor
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import clipped_buttons, controls, missing_accessibility, open_dossier
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]


def _served(flows: Flows, me: dict, dossier_id: str | None = None) -> dict:
    params = {"dossier_id": dossier_id} if dossier_id else None
    r = flows.client.get("/v1/me/access", headers=me, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _access_page(qtbot, window):
    page = window.dossier.access
    window.dossier.show_section("access")
    qtbot.waitUntil(lambda: page.settings is not None, timeout=20_000)
    return page


def test_withdraw_an_authorisation_oppose_after_death_then_read_the_offline_copy(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    me = bearer(flows.login(person))
    access.authorise(profile, GP)
    page = _access_page(qtbot, online_window)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert not page.withdraw_button.isEnabled()  # nothing chosen yet
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.withdraw_button.isEnabled()

    confirmer.answers.append(False)  # « Annuler »: still authorised
    page.withdraw_button.click()
    assert [a["rpps"] for a in _served(flows, me)["authorised"]] == [GP]
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.withdraw_button.click()
    title, text = confirmer.questions[-1]
    assert title == "Retirer l'autorisation ?"
    assert "Alex Durand (RPPS 10000000017) ne pourra plus ouvrir votre dossier" in text
    assert "Il n'est pas bloqué" in text
    served = _served(flows, me)
    assert served["authorised"] == [] and served["blocked"] == []  # withdrawn, not blocked
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)

    # Post-mortem opposition: asked in words, then held by the service.
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.post_mortem_check.setChecked(True)
    assert "ne pourront pas accéder à votre dossier" in confirmer.questions[-1][1]
    assert _served(flows, me)["post_mortem_opposed"] is True
    assert page.settings is not None and page.settings.post_mortem_opposed
    confirmer.answers.append(False)  # changing one's mind: « Annuler » puts the box back
    page.post_mortem_check.setChecked(False)
    assert page.post_mortem_check.isChecked() and _served(flows, me)["post_mortem_opposed"] is True

    # Offline: the copy kept in the encrypted profile, dated; every change disabled with the reason said.
    assert page.freshness.text().startswith("À jour le ")
    online_window.lock()
    assert page.settings is None and page.freshness.text() == ""  # S18
    live.stop()
    open_dossier(qtbot, online_window, PASSWORD)
    page = _access_page(qtbot, online_window)
    assert page.offline and page.settings is not None and page.settings.from_cache
    assert page.settings.post_mortem_opposed
    assert page.freshness.text().startswith("Copie du ") and "hors ligne" in page.freshness.text()
    assert "ne peuvent pas être modifiés sans connexion" in page.freshness.text()
    for control in page._change_controls():
        assert not control.isEnabled(), control
    assert page.table.isEnabled() and page.refresh_button.isEnabled()


def test_children_profiles_representatives_and_the_childs_own_access_settings(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    parent, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    child = provision_minor(live.ctx, mailbox, n=700, parent_email=parent.email, born=date(2015, 3, 2))  # type: ignore[arg-type]
    me = bearer(flows.login(parent))
    page = _access_page(qtbot, online_window)
    box = page.children_box
    assert box is not None
    qtbot.waitUntil(lambda: box.loaded, timeout=20_000)
    assert box.model.rowCount() == 0

    # Nothing typed: said beside the part, nothing asked.
    box.add_child_button.click()
    assert "code d'activation" in box.error.text() and confirmer.questions == []
    qtbot.keyClicks(box.code_edit, child.activation_code or "")
    qtbot.keyClicks(box.nir_edit, child.nir)
    qtbot.keyClicks(box.serial_edit, child.serial)
    confirmer.answers.append(True)
    with qtbot.waitSignal(box.sig_changed, timeout=20_000):
        box.add_child_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    assert box.model.data(box.model.index(0, 0)) == "Léa Martin"
    assert box.model.data(box.model.index(0, 1)) == "02/03/2015"
    assert box.model.data(box.model.index(0, 2)) == parent.identifier
    assert box.manage_button.text().replace("&", "") == "Gérer les accès de Léa"

    # A second legal representative, then removed; the last one cannot be (the service's French detail shown).
    second = flows.active_person()
    qtbot.keyClicks(box.rep_edit, second.identifier)
    confirmer.answers.append(True)
    with qtbot.waitSignal(box.sig_changed, timeout=20_000):
        box.add_rep_button.click()
    qtbot.waitUntil(lambda: box.rep_combo.count() == 2, timeout=10_000)
    box.rep_combo.setCurrentIndex(box.rep_combo.findText(second.identifier))
    confirmer.answers.append(True)
    with qtbot.waitSignal(box.sig_changed, timeout=20_000):
        box.remove_rep_button.click()
    assert "ne sera plus représentant légal de Léa" in confirmer.questions[-1][1]
    qtbot.waitUntil(lambda: box.rep_combo.count() == 1, timeout=10_000)
    children = flows.client.get("/v1/me/children", headers=me).json()
    assert [r["identifier"] for r in children[0]["representatives"]] == [parent.identifier]
    confirmer.answers.append(True)
    box.remove_rep_button.click()
    qtbot.waitUntil(lambda: box.error.text() != "", timeout=20_000)
    assert box.error.text() == "Impossible de retirer le dernier représentant légal : ajoutez-en un autre d'abord."
    assert box.rep_combo.count() == 1

    # « Gérer les accès de Léa »: the same screen, every call on the child's dossier (dossier_id=…).
    child_id = box.selected().dossier_id
    box.manage_button.click()
    child_page = page.child_page
    assert child_page is not None and child_page.children_box is None
    qtbot.waitUntil(lambda: child_page.settings is not None, timeout=20_000)
    assert child_page.title.text() == "Accès et confidentialité — dossier de Léa"
    assert not child_page.post_mortem_check.isVisibleTo(child_page)
    qtbot.keyClicks(child_page.rpps_edit, GP)
    confirmer.answers.append(True)
    with qtbot.waitSignal(child_page.sig_changed, timeout=20_000):
        child_page.authorise_button.click()
    assert [a["rpps"] for a in _served(flows, me, child_id)["authorised"]] == [GP]
    assert _served(flows, me)["authorised"] == []  # the parent's own dossier is untouched
    history = access.access_history(profile, dossier_id=child_id)
    assert any(e.action == "access.authorised" or "authori" in e.action for e in history.items)
    online_window.lock()
    assert page.child_page is not None and page.child_page.settings is None  # S18: the child's settings too


def _tab_walk(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=5_000)
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def _reachable(page: QWidget) -> list[QWidget]:
    return [c for c in controls(page) if c.isEnabled() and c.isVisibleTo(page) and c.focusPolicy() & Qt.TabFocus]


def test_access_screens_work_with_the_keyboard_alone_and_at_200_percent(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    _person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    access.authorise(profile, GP)
    online_window.activateWindow()
    qtbot.waitUntil(online_window.isActiveWindow, timeout=5_000)
    page = _access_page(qtbot, online_window)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.reload()
    assert page.children_box is not None
    qtbot.waitUntil(lambda: page.children_box.loaded, timeout=20_000)
    history = online_window.dossier.access_history
    assert missing_accessibility([page, history]) == []

    # Tab reaches every enabled control of Accès et confidentialité, in one loop.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    for tab in range(page.tabs.count()):  # each tab, from « Actualiser » through the tab bar
        page.tabs.setCurrentIndex(tab)
        wanted = _reachable(page)
        seen = _tab_walk(qtbot, page.refresh_button, 2 * len(wanted) + 10)
        missing = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}" for w in wanted if w not in seen]
        assert missing == [], page.tabs.tabText(tab)
    page.tabs.setCurrentIndex(0)
    # Every action is a focusable button: Space on « Retirer l'autorisation » asks, in words.
    page.withdraw_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.withdraw_button, timeout=5_000)
    confirmer.answers.append(False)
    qtbot.keyClick(page.withdraw_button, Qt.Key.Key_Space)
    assert confirmer.questions[-1][0] == "Retirer l'autorisation ?"

    # Historique des accès: the same with its filters and pages.
    online_window.dossier.show_section("access_history")
    wanted = _reachable(history)
    seen = _tab_walk(qtbot, wanted[0], 2 * len(wanted) + 10)
    assert [w for w in wanted if w not in seen] == []

    # 200 %: no button text clipped on either screen (each tab of the access screen scrolls on its own).
    online_window.set_preference("text_scale", 200)
    online_window.resize(1280, 800)
    shows = [(page, "access", tab) for tab in range(page.tabs.count())] + [(history, "access_history", 0)]
    for shown, section, tab in shows:
        online_window.dossier.show_section(section)
        page.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda s=shown: s.isVisible(), timeout=5_000)
        QApplication.processEvents()
        online_window.resize(1280, 800)
        QApplication.processEvents()
        assert online_window.width() <= 1280, f"{section} needs {online_window.width()} px at 200 %"
        assert clipped_buttons(shown) == [], section
        buttons = [b for b in controls(shown) if isinstance(b, QAbstractButton) and b.isVisible()]
        assert all(b.height() >= b.fontMetrics().height() for b in buttons), (section, tab)
    online_window.set_preference("text_scale", 100)
