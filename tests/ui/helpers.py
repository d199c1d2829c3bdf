"""Helpers shared by the desktop application tests: passwords, a hand-moved clock, unlocking through the UI."""

from __future__ import annotations

import os
from pathlib import Path

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
