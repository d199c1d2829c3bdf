"""Data pulled while a view is open appears in that view, without navigating away and back.

Real parts throughout: the window signed in to the live service on loopback, a second device of the same person
(its own SQLCipher profile) writing through the service; the window's sync pulls, the store publishes a PULL change,
the window's one relay brings it to the UI thread and the open section refreshes — keeping the selected row and what
the person is typing in a form.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit

from desktop_app.sync.engine import SyncEngine
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.second_device import other_device
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window
from ui.ops import Op
from ui.paged import PagedTableModel

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

PDF = b"%PDF-1.4\n% compte rendu\n%%EOF\n"


def _run(qtbot: Any, fn: Callable[[], Any]) -> Any:
    """Store work on the window's worker (where its store lives), waited for."""
    op = Op(None, fn)
    with qtbot.waitSignal(op.sig_succeeded, timeout=20_000) as done:
        op.run()
    return done.args[0]


def _texts(model: PagedTableModel[Any], column: int = 0) -> list[str]:
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _shows(model: PagedTableModel[Any], text: str) -> Callable[[], bool]:
    return lambda: any(text in t for column in range(model.columnCount()) for t in _texts(model, column))


def _from_tablet(tablet: SyncEngine, write: Callable[[Any], object]) -> None:
    """The other device writes and sends it: the window hears of it only through the service."""
    write(tablet.profile.dossier())
    tablet.sync_once()


def _signed_in_with_a_tablet(
    qtbot: Any, window: Any, flows: Flows, mailbox: Mailbox, live: LiveServer, tmp_path: Path
) -> SyncEngine:
    """The window signed in and synced once; the same person's other device (its engine, not started)."""
    person, _profile = _signed_in_window(qtbot, window, flows, mailbox)
    qtbot.waitUntil(lambda: window.network_label.text().startswith("À jour à "), timeout=20_000)
    return other_device(live.url, flows, person, tmp_path / "tablet")


def test_what_another_device_sends_appears_in_the_open_section_without_navigation(
    qtbot: Any, online_window: Any, flows: Flows, mailbox: Mailbox, live: LiveServer, tmp_path: Path
) -> None:
    window = online_window
    tablet = _signed_in_with_a_tablet(qtbot, window, flows, mailbox, live, tmp_path)
    view, store = window.dossier, window.store

    # Profil médical: a row selected and a new allergy half typed in the form — both survive the refresh.
    view.show_section("profile")
    profile = view.profile
    profile.show_kind("allergy")
    _run(qtbot, lambda: store.entries.create("allergy", {"name": "Pénicilline"}))
    qtbot.waitUntil(_shows(profile.model, "Pénicilline"), timeout=10_000)  # a local write refreshes it too
    profile.table.setCurrentIndex(profile.model.index(0, 0))
    typing = profile.form("allergy").row("name").editor
    assert isinstance(typing, QLineEdit)
    typing.setText("Pollen de bouleau")
    _from_tablet(tablet, lambda s: s.entries.create("allergy", {"name": "Arachide"}))
    window.sync.sync_now()
    qtbot.waitUntil(_shows(profile.model, "Arachide"), timeout=20_000)
    assert view.current_section() == "profile"
    assert profile.selected() is not None and profile.selected().data["name"] == "Pénicilline"
    assert typing.text() == "Pollen de bouleau"

    # Mesures: the table and the chart.
    view.show_section("measures")
    view.measures.select_measure("weight")
    weight = {"measure_type": "weight", "value": "72,5", "unit": "kg", "measured_at": "2026-01-02"}
    _from_tablet(tablet, lambda s: s.entries.create("measurement", weight))
    window.sync.sync_now()
    qtbot.waitUntil(lambda: view.measures.proxy.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: view.measures.points_shown == 1, timeout=10_000)

    # Vaccinations.
    view.show_section("vaccinations")
    _from_tablet(tablet, lambda s: s.entries.create("vaccination", {"vaccine": "DTPolio", "date": "2024-02-14"}))
    window.sync.sync_now()
    qtbot.waitUntil(_shows(view.vaccinations.model, "DTPolio"), timeout=20_000)

    # Documents.
    view.show_section("documents")
    _from_tablet(tablet, lambda s: s.documents.add(PDF, title="Compte rendu du Dr Durand", category="compte_rendu"))
    window.sync.sync_now()
    qtbot.waitUntil(_shows(view.documents.model, "Compte rendu du Dr Durand"), timeout=20_000)

    # Accueil: the recent entries and the counts.
    view.show_section("home")
    qtbot.waitUntil(lambda: view.home.document_count == 1, timeout=10_000)
    _from_tablet(tablet, lambda s: s.entries.create("condition", {"name": "Asthme"}))
    _from_tablet(tablet, lambda s: s.documents.add(PDF + b" ", title="Radio", category="imagerie"))
    window.sync.sync_now()
    qtbot.waitUntil(_shows(view.home.model, "Asthme"), timeout=20_000)
    qtbot.waitUntil(lambda: view.home.document_count == 2, timeout=10_000)

    # A hidden section heard of it too: shown again, it already lists what came meanwhile.
    _from_tablet(tablet, lambda s: s.entries.create("allergy", {"name": "Latex"}))
    window.sync.sync_now()
    qtbot.waitUntil(_shows(view.home.model, "Latex"), timeout=20_000)
    view.show_section("profile")
    qtbot.waitUntil(_shows(profile.model, "Latex"), timeout=10_000)
    assert typing.text() == "Pollen de bouleau"
    tablet.http.close()
    tablet.profile.lock()


def test_an_edit_in_a_section_reaches_the_service_with_nothing_wired_in_the_window(
    qtbot: Any, online_window: Any, flows: Flows, mailbox: Mailbox, live: LiveServer, tmp_path: Path
) -> None:
    window = online_window
    tablet = _signed_in_with_a_tablet(qtbot, window, flows, mailbox, live, tmp_path)
    window.sync.engine.push_delay = 0.2  # a short quiet period for the test
    view = window.dossier
    view.show_section("vaccinations")
    form = view.vaccinations.form
    form.row("vaccine").set_value("ROR")
    form.row("date").set_value("2019-05-14")
    with qtbot.waitSignal(form.sig_saved, timeout=20_000):
        form.save_button.click()
    store = window.store
    qtbot.waitUntil(lambda: _run(qtbot, store.outbox.count_pending) == 0, timeout=20_000)  # no F5, no button
    tablet.sync_once()
    assert [e.data["vaccine"] for e in tablet.profile.dossier().entries.list("vaccination")] == ["ROR"]
    tablet.http.close()
    tablet.profile.lock()
