"""Fixtures for the desktop application tests: a real profile directory in tmp, the real main window, offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")

from desktop_app import vault
from desktop_app.profile import ProfileDirectory
from tests.support.required import require
from tests.ui.helpers import PASSWORD, FakeClock, main_window
from ui.dialogs import ScriptedConfirmer
from ui.ops import wait_for_idle


@pytest.fixture
def corpus_pdfs(corpus_dir: Path) -> list[Path]:
    pdfs = sorted(corpus_dir.rglob("*.pdf"))
    require(bool(pdfs), f"no PDF in the shared corpus at {corpus_dir} (set CARNET_CORPUS_DIR)")
    return pdfs


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileDirectory:
    # The floor Argon2 parameters keep tests fast; the derivation still runs for real on the worker.
    return ProfileDirectory(tmp_path / "data", kdf=vault.FLOOR_KDF)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def confirmer() -> ScriptedConfirmer:
    return ScriptedConfirmer()


@pytest.fixture
def window(qtbot, profiles: ProfileDirectory, clock: FakeClock, confirmer: ScriptedConfirmer) -> Iterator:
    from ui.i18n import LanguageManager

    languages = LanguageManager()
    win = main_window(qtbot, profiles, confirmer, clock, languages=languages)
    yield win
    win.lock()
    wait_for_idle()
    languages.set_language("fr")


@pytest.fixture
def existing_profile(profiles: ProfileDirectory) -> Iterator[str]:
    profile, _ = profiles.create("Camille Martin", PASSWORD)
    profile_id = profile.profile_id
    profile.lock()
    yield profile_id
