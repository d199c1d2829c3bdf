"""Helpers shared by the desktop application tests: passwords, a hand-moved clock, unlocking through the UI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.profile import UnlockedProfile

PASSWORD = "cheval agrafe batterie correcte 1987"
OTHER_PASSWORD = "lampe violette sur le toit du moulin 42"


class FakeClock:
    """A monotonic clock the test moves by hand (injected into the idle locker)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def main_window(qtbot, profiles, confirmer, clock, *, languages: Any = None, **options: Any) -> Any:
    """The real main window in French, shown, with the idle poll fast and the OS-lock watch off; `options` go to
    MainWindow (server_url, apply_preferences…). Pass `languages` to switch the language back at teardown."""
    from ui.app import MainWindow
    from ui.i18n import LanguageManager

    languages = languages or LanguageManager()
    languages.set_language("fr")
    window = MainWindow(
        profiles=profiles,
        languages=languages,
        confirmer=confirmer,
        clock=clock,
        idle_poll_ms=20,
        watch_os_lock=False,
        **options,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def open_dossier(qtbot, window, password: str = PASSWORD) -> UnlockedProfile:
    """Unlock through the real unlock page (typing the password) and wait for the dossier to show."""
    window.show_unlock()
    qtbot.keyClicks(window.unlock_page.password_edit, password)
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000) as blocker:
        window.unlock_page.unlock_button.click()
    return blocker.args[0]


def controls(root: QWidget) -> list[QWidget]:
    """The interactive controls under ``root`` (our subclasses included; Qt's own inner widgets left out)."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QSpinBox)
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds)
        and not w.isHidden()
        and w.parent() is not None
        and not w.objectName().startswith("qt_")
        and not (isinstance(w, QLineEdit) and isinstance(w.parent(), QSpinBox | QComboBox))
    ]


def missing_accessibility(pages: Iterable[QWidget]) -> list[str]:
    """Controls without an accessible name or description, as "Page: Control text" lines."""
    missing = []
    for page in pages:
        for control in controls(page):
            if not control.accessibleName() or not control.accessibleDescription():
                text = control.text() if hasattr(control, "text") else ""
                missing.append(f"{type(page).__name__}: {type(control).__name__} {text}")
    return missing


def clipped_buttons(page: QWidget) -> list[str]:
    """Visible buttons whose text does not fit (checked at 200 % text)."""
    clipped = []
    for control in controls(page):
        if isinstance(control, QAbstractButton) and control.isVisible():
            needed = control.fontMetrics().horizontalAdvance(control.text().replace("&", ""))
            if control.width() < needed or control.height() < control.fontMetrics().height():
                clipped.append(control.text())
    return clipped


def clipped_labels(page: QWidget) -> list[str]:
    """Visible labels whose text does not fit their box (wrapped: too short for the lines; else: too narrow).

    A label that elides on purpose carries its full text in its tool tip and is left out."""
    clipped = []
    for lbl in page.findChildren(QLabel):
        text = lbl.text()
        if not lbl.isVisible() or not text or lbl.objectName().startswith("qt_") or lbl.toolTip():
            continue
        if lbl.wordWrap():
            words = [w for w in text.split() if "<" not in w]
            longest = max((lbl.fontMetrics().horizontalAdvance(w) for w in words), default=0)
            too_small = lbl.height() < lbl.heightForWidth(lbl.width()) or lbl.contentsRect().width() < longest
        else:
            hint = lbl.minimumSizeHint()
            too_small = lbl.width() < hint.width() or lbl.height() < hint.height()
        parent = lbl.parentWidget()
        if parent is not None and not parent.rect().contains(lbl.geometry()):
            too_small = True  # cut off by its parent (a layout that placed it wider than the room)
        if too_small:
            clipped.append(f"{text[:60]} ({lbl.width()}×{lbl.height()})")
    return clipped
