"""The main window on the real local service, for the account-door tests (a module imports the fixture it uses:
`from tests.support.account_doors import online_window`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.profile import ProfileDirectory
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import FakeClock, main_window
from ui.dialogs import ScriptedConfirmer
from ui.ops import wait_for_idle


@pytest.fixture
def online_window(
    qtbot: Any, live: LiveServer, profiles: ProfileDirectory, clock: FakeClock, confirmer: ScriptedConfirmer
) -> Iterator[Any]:
    win = main_window(qtbot, profiles, confirmer, clock, server_url=live.url)
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    win.lock()
    wait_for_idle()
