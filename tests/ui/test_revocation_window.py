"""A revoked dossier or device: the window clears the dossier view first, then explains in words, then welcome."""

from __future__ import annotations

import pytest

from desktop_app.setting_keys import SettingKey
from desktop_app.sync.engine import Revocation
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import main_window, open_dossier
from tests.ui.test_online_screens import _signed_in_window, online_window
from ui.dialogs import ScriptedConfirmer

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]


class WatchingConfirmer(ScriptedConfirmer):
    """Records, when the dialog appears, what the window still shows (it must show no health data any more)."""

    def __init__(self) -> None:
        super().__init__()
        self.window = None
        self.seen_at_dialog: list[tuple[str, int, bool]] = []

    def inform(self, parent, *, title: str, text: str) -> None:
        w = self.window
        if w is not None and w._dossier is not None:
            d = w.dossier
            rows = d.vaccinations.model.rowCount() + d.profile.model.rowCount() + d.documents.model.rowCount()
            self.seen_at_dialog.append((type(w.current_page()).__name__, rows, w.is_locked()))
        super().inform(parent, title=title, text=text)


@pytest.fixture
def watching() -> WatchingConfirmer:
    return WatchingConfirmer()


def _revocation(dossier_id: str, pending: int, reason: str) -> Revocation:
    return Revocation(dossier_id=dossier_id, pending_changes=pending, documents_delivered=0, reason=reason)


def test_a_revoked_dossier_is_cleared_from_the_screen_before_the_explanation(
    qtbot, profiles, clock, watching: WatchingConfirmer, existing_profile
) -> None:
    window = main_window(qtbot, profiles, watching, clock)
    watching.window = window
    open_dossier(qtbot, window)
    window.store.entries.create("vaccination", {"vaccine": "ROR", "date": "2015-06-01"})
    window.dossier.vaccinations.reload()
    qtbot.waitUntil(lambda: window.dossier.vaccinations.model.rowCount() == 1, timeout=10_000)

    # A revocation of another dossier does not close this one (but is still explained).
    window.sync.sig_revoked.emit(_revocation("00000000-0000-4000-8000-000000000000", 0, "dossier_revoked"))
    assert not window.is_locked() and len(watching.informed) == 1

    # The sync thread's signal reaches the window: cleared and locked FIRST, then told, then the welcome screen.
    with qtbot.waitSignal(window.sig_locked, timeout=10_000):
        window.sync.sig_revoked.emit(_revocation(window.store.dossier_id, 3, "dossier_revoked"))
    assert watching.seen_at_dialog[-1] == ("WelcomePage", 0, True)
    title, text = watching.informed[-1]
    assert title == "Accès retiré"
    assert "L'accès de cet ordinateur à ce carnet a été retiré" in text
    assert "3 modification(s) faite(s) sur cet ordinateur n'avai(en)t pas encore été envoyée(s)" in text
    assert window.current_page() is window.welcome


def test_this_computer_revoked_from_another_session_is_explained_and_its_copy_is_gone(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    qtbot.waitUntil(lambda: online_window.sync.engine is not None, timeout=20_000)
    dossier_file = profile.path / "dossiers" / f"{online_window.store.dossier_id}.db"
    assert dossier_file.exists()
    device_id = profile.settings[SettingKey.DEVICE_ID]
    other = bearer(flows.login(person, device_name="Téléphone"))
    r = flows.client.delete(f"/v1/me/devices/{device_id}", headers=other)
    assert r.status_code in (200, 204), r.text

    online_window.sync.sync_now()
    qtbot.waitUntil(lambda: confirmer.informed != [], timeout=30_000)
    title, text = confirmer.informed[-1]
    assert title == "Accès retiré"
    assert "Cet ordinateur a été retiré de vos appareils" in text
    assert "reconnectez-vous avec « J'ai déjà un compte »" in text
    assert online_window.is_locked() and online_window.current_page() is online_window.welcome
    assert online_window.dossier.vaccinations.model.rowCount() == 0
    qtbot.waitUntil(lambda: not dossier_file.exists(), timeout=20_000)
