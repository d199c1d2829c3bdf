"""Sync in the window against the real service: status bar, F5, a conflict resolved in the inbox, revocation."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.sync.engine import Revocation
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.second_device import other_device
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window
from ui.dialogs import ScriptedConfirmer
from ui.ops import Op

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]


def _run(qtbot, fn):
    """Run store work on the UI's worker (where the window's store lives) and wait for it."""
    op = Op(None, fn)
    with qtbot.waitSignal(op.sig_succeeded, timeout=20_000) as done:
        op.run()
    return done.args[0]


def test_status_bar_follows_sync_and_a_conflict_is_resolved_field_by_field_in_the_inbox(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, tmp_path: Path
) -> None:
    window = online_window
    person, _profile = _signed_in_window(qtbot, window, flows, mailbox)
    # Sync on start: the status bar says "à jour" with the time, without the window ever waiting.
    qtbot.waitUntil(lambda: window.network_label.text().startswith("À jour à "), timeout=20_000)
    assert window.sync_button.isVisible() and window.sync_button.text() == "Synchroniser"
    store = window.store
    entry = _run(qtbot, lambda: store.entries.create("allergy", {"name": "Pénicilline"}))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # on demand
    qtbot.waitUntil(lambda: _run(qtbot, store.outbox.count_pending) == 0, timeout=20_000)

    tablet = other_device(live.url, flows, person, tmp_path / "tablet")
    tablet.sync_once()
    tablet.profile.dossier().entries.edit(entry.id, {"reaction": "Urticaire"})
    tablet.sync_once()
    _run(qtbot, lambda: store.entries.edit(entry.id, {"reaction": "Eczéma"}))
    window.sync.sync_now()
    conflict = re.compile(r"À jour à \d\d:\d\d · 1 conflit à régler — voir")
    qtbot.waitUntil(lambda: conflict.fullmatch(window.network_label.text()) is not None, timeout=20_000)
    assert window.sync_button.text() == "Voir…"

    inbox = window.show_conflicts()
    qtbot.waitUntil(lambda: "reaction" in inbox.choices, timeout=10_000)
    cells = {
        inbox.grid.itemAtPosition(1, column).widget().text()
        for column in range(1, 4)  # base / other / mine
    }
    assert cells == {"—", "Urticaire", "Eczéma"}
    choice = inbox.choices["reaction"]
    choice.setCurrentIndex(choice.findText("Garder le mien"))
    with qtbot.waitSignal(inbox.sig_resolved, timeout=20_000):
        inbox.apply_button.click()
    qtbot.waitUntil(lambda: window.network_label.text().startswith("À jour à "), timeout=20_000)
    qtbot.waitUntil(lambda: _run(qtbot, store.outbox.count_pending) == 0, timeout=20_000)
    tablet.sync_once()
    assert tablet.profile.dossier().entries.get(entry.id).data["reaction"] == "Eczéma"
    assert tablet.conflicts() == []
    tablet.http.close()
    tablet.profile.lock()

    window.lock()  # locking stops the engine before the databases close
    assert window.sync.engine is None
    qtbot.waitUntil(lambda: window.network_label.text() == "Service joignable", timeout=10_000)  # before unlock


def test_a_revocation_is_explained_then_the_carnet_closes(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, confirmer: ScriptedConfirmer
) -> None:
    window = online_window
    _signed_in_window(qtbot, window, flows, mailbox)
    dossier_id = window.store.dossier_id
    with qtbot.waitSignal(window.sig_locked):
        window.sync.sig_revoked.emit(Revocation(dossier_id, pending_changes=2, documents_delivered=0))
    [(title, text)] = confirmer.informed
    assert title == "Accès retiré"
    assert "retiré par le service" in text and "2 modification(s)" in text
