"""Helpers shared by the desktop application tests: passwords, a hand-moved clock, unlocking through the UI."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSpinBox, QWidget

from desktop_app.profile import UnlockedProfile

PASSWORD = "cheval agrafe batterie correcte 1987"
OTHER_PASSWORD = "lampe violette sur le toit du moulin 42"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """A monotonic clock the test moves by hand (injected into the idle locker)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def corpus_dir() -> Path | None:
    configured = os.environ.get("CARNET_CORPUS_DIR")
    path = Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "data"
    return path if path.is_dir() else None


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
