"""Accès et confidentialité in tabs: Professionnels · Urgence · Proches · Enfants · Après mon décès; empty states."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop_app import access
from tests.support.access import GP, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-acctabs")


def _titles(page) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count()) if page.tabs.isTabVisible(i)]


def _clashes(root: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for w in root.findChildren(QWidget):
        if w.isVisibleTo(root) and isinstance(w, QAbstractButton | QLabel):
            match = re.search(r"&([^&\s])", w.text().replace("&&", ""))
            if match:
                found.setdefault(match.group(1).lower(), []).append(w.text())
    return {k: v for k, v in found.items() if len(v) > 1}


def _rect(page: QWidget, w: QWidget) -> QRect:
    return QRect(w.mapTo(page, QPoint(0, 0)), w.size())


def _walk_tab(qtbot, page) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The controls Tab reaches after the tab bar, until it leaves the tab."""
    bar = page.tabs.tabBar()
    bar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar, timeout=5_000)
    seen: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if w is None or not page.tabs.currentWidget().isAncestorOf(w) or w in seen:
            break
        seen.append(w)
    return seen


def test_five_tabs_in_order_with_empty_states_that_say_what_to_do(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    _person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    page = online_window.dossier.access
    online_window.dossier.show_section("access")
    qtbot.waitUntil(lambda: page.settings is not None, timeout=20_000)
    assert _titles(page) == ["Professionnels", "Urgence", "Proches", "Enfants", "Après mon décès"]
    assert page.tabs.tabBar().focusPolicy() & Qt.FocusPolicy.TabFocus

    # Nobody authorised, no aidant, no child, nobody helped: each table gives way to what to do.
    assert page.children_box is not None and page.helping_box is not None
    qtbot.waitUntil(lambda: page.pros_stack.showing_empty and page.aidants_stack.showing_empty, timeout=10_000)
    qtbot.waitUntil(lambda: page.children_box.stack.showing_empty, timeout=20_000)
    qtbot.waitUntil(lambda: page.helping_box.stack.showing_empty, timeout=20_000)
    assert page.pros_stack.empty.title.text() == "Aucun professionnel autorisé ni bloqué"
    assert "RPPS" in page.pros_stack.empty.text.text() and page.pros_stack.empty.isVisible()
    assert not page.table.isVisible()
    assert page.aidants_stack.empty.accessibleName() == "Aucun proche aidant"

    # Each box sits in its tab; each tab has no two Alt+letters alike; Ctrl+Tab walks the tabs.
    for key, part in (
        ("pros", page.pros_box),
        ("pros", page.doctor_box),
        ("emergency", page.emergency_box),
        ("relatives", page.aidants_box),
        ("relatives", page.helping_box),
        ("children", page.children_box),
        ("after_death", page.post_mortem_check),
    ):
        assert page.tab_pages[key].isAncestorOf(part), key
    SHOTS.mkdir(exist_ok=True)
    for language, scale in (("fr", 100), ("en", 100), ("fr", 200), ("en", 200)):
        online_window.set_preference("language", language)
        online_window.set_preference("text_scale", scale)
        for i, key in enumerate(page.TAB_KEYS):
            page.tabs.setCurrentIndex(i)
            qtbot.waitUntil(page.tab_pages[key].isVisible, timeout=5_000)
            assert _clashes(page) == {}, (language, key)
            online_window.resize(1280, 800)
            QApplication.processEvents()
            online_window.grab().save(str(SHOTS / f"access_{key}_{language}_{scale}.png"))
    online_window.set_preference("language", "fr")
    online_window.set_preference("text_scale", 100)
    page.tabs.setCurrentIndex(0)
    page.rpps_edit.setFocus()
    qtbot.keyClick(page.rpps_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1
    page.samu_check.setFocus()
    qtbot.keyClick(page.samu_check, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 2

    # Every tab, by Tab from the tab bar: each control after the one before it on the same line, or below it.
    for i, key in enumerate(page.TAB_KEYS):
        page.tabs.setCurrentIndex(i)
        walk = _walk_tab(qtbot, page)
        assert walk, key
        for a, b in itertools.pairwise(walk):
            ra, rb = _rect(page, a), _rect(page, b)
            same_line = abs(ra.center().y() - rb.center().y()) < min(ra.height(), rb.height()) // 2
            assert (same_line and rb.left() > ra.left()) or rb.top() >= ra.bottom() - 2, (key, a, b)

    # Urgence, by Tab in reading order from the tab bar.
    page.tabs.setCurrentIndex(1)
    bar = page.tabs.tabBar()
    bar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar, timeout=5_000)
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [page.samu_check, page.others_check, page.masked_check, page.mask_all_check, page.emergency_button]

    # A professional authorised: the table comes back, the empty state goes.
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    access.authorise(profile, GP)
    page.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert not page.pros_stack.showing_empty and page.table.isVisible()

    online_window.set_preference("language", "en")
    qtbot.wait(100)
    assert _titles(page) == ["Professionals", "Emergency", "Relatives", "Children", "After my death"]
    assert page.aidants_stack.empty.title.text() == "No caregiver"
    online_window.set_preference("language", "fr")
