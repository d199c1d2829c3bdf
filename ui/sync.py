"""Sync in the window: drive the SyncEngine from the UI (never blocking it), say its state, resolve conflicts."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops import Op
from ui.widgets import Retranslatable, describe, label

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile
    from desktop_app.sync.engine import ConflictView, Progress, SyncEngine

INTERVAL_S = 300.0


class SyncController(QObject):
    """The one sync driver of a window (the patient's and the clinic's): one engine per open profile.

    The engine's own thread does the work — at start, every `interval_s`, on demand, on its backoff timer after a
    failure, and a few seconds after a local edit (it listens to the profile's change events: nothing here wires
    edits to it). Its listeners reach this object through queued signals, so nothing here ever waits for the
    network."""

    sig_status_changed = Signal(str)
    """The text of the status bar changed (à jour (heure) / hors ligne / synchronisation n/N / conflits (k) /
    verrouillé)."""
    sig_conflicts_changed = Signal(object)
    """The open conflicts changed; carries the list of ConflictView."""
    sig_revoked = Signal(object)
    """The service revoked access to a dossier (its local copy is being removed); carries the Revocation."""
    sig_state_changed = Signal(str)
    """The engine's state changed (syncing, up_to_date, offline, conflicts, locked, device_revoked, idle)."""
    sig_failed = Signal(object)
    """A background sync failed (the engine retries on its backoff timer); carries the exception."""

    # From the engine thread (queued to this object's thread).
    _sig_state = Signal(str)
    _sig_progress = Signal(object)
    _sig_conflicts = Signal(object)
    _sig_revocation = Signal(object)
    _sig_failure = Signal(object)

    def __init__(
        self,
        *,
        engine_factory: Callable[[UnlockedProfile], SyncEngine] | None = None,
        interval_s: float = INTERVAL_S,
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = engine_factory
        self._interval_s = interval_s
        self._clock = clock
        self.engine: SyncEngine | None = None
        self._generation = 0
        self.state = "idle"
        self.progress: Progress | None = None
        self.conflicts: list[ConflictView] = []
        self.last_success: datetime | None = None
        self._sig_state.connect(self._on_state)
        self._sig_progress.connect(self._on_progress)
        self._sig_conflicts.connect(self._on_conflicts)
        self._sig_revocation.connect(self.sig_revoked)
        self._sig_failure.connect(self.sig_failed)

    # -- life --------------------------------------------------------------------------------------------------------
    def start(self, profile: UnlockedProfile) -> None:
        """Build the engine on the worker (it reads the profile), then start syncing: now, then periodically."""
        factory = self._factory or _default_engine
        self._generation += 1
        generation = self._generation

        def build() -> SyncEngine:
            engine = factory(profile)
            engine.on_state(lambda s: self._emit(self._sig_state, s.value))
            engine.on_progress(lambda p: self._emit(self._sig_progress, p))
            engine.on_conflicts(lambda c: self._emit(self._sig_conflicts, c))
            engine.on_revoked(lambda r: self._emit(self._sig_revocation, r))
            engine.on_failure(lambda exc: self._emit(self._sig_failure, exc))
            return engine

        Op(self, build).success(lambda engine: self._on_built(generation, engine)).failure(
            lambda _exc: self._on_state("offline")
        ).run()

    def _on_built(self, generation: int, engine: SyncEngine) -> None:
        if generation != self._generation:  # locked while it was being built: it never starts
            Op(None, engine.http.close).run()
            return
        self.engine = engine
        engine.start(interval=self._interval_s)  # its own thread; the first sync begins at once

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        """From the engine's thread; the window may already be gone at shutdown, then nobody is left to tell."""
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    def stop_on_worker(self) -> Callable[[], None]:
        """What the lock runs on the worker before closing the profile: stop the engine and wait for its thread."""
        engine, self.engine = self.engine, None
        self._generation += 1
        self.state, self.progress, self.conflicts = "idle", None, []
        self.sig_state_changed.emit(self.state)
        self.sig_status_changed.emit(self.status_text())

        def stop() -> None:
            if engine is not None:
                engine.cancel(wait=True)
                engine.http.close()

        return stop

    # -- requests ----------------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        """On demand (button, F5): wake the engine's thread."""
        if self.engine is not None:
            self.engine.start(interval=self._interval_s)  # wakes a running worker, restarts a stopped one

    def keep_going(self) -> None:
        """After a sync was interrupted (`SyncEngine.cancel`): the schedule goes on, the next sync in one interval."""
        if self.engine is not None:
            self.engine.start(interval=self._interval_s, delay=self._interval_s)

    def resolve(self, conflict_id: str, *, fields: dict[str, Any], on_done: Callable[[object], None]) -> None:
        """Record the person's per-field choice (on the worker), then sync it."""
        engine = self.engine
        if engine is None:
            return

        def run() -> list[ConflictView]:
            engine.resolve(conflict_id, fields=fields)
            return engine.conflicts()

        def done(remaining: list[ConflictView]) -> None:
            self._on_conflicts(remaining)
            self.sync_now()
            on_done(remaining)

        Op(self, run).success(done).run()

    # -- engine events (UI thread) -----------------------------------------------------------------------------------
    def _on_state(self, state: str) -> None:
        self.state = state
        if state != "syncing":
            self.progress = None
        if state == "up_to_date":
            self.last_success = self._clock()
        if state in ("conflicts", "up_to_date") and self.engine is not None:
            engine = self.engine
            Op(self, engine.conflicts).success(self._on_conflicts).run()
        self.sig_state_changed.emit(state)
        self.sig_status_changed.emit(self.status_text())

    def _on_progress(self, progress: Progress) -> None:
        self.progress = progress
        self.sig_status_changed.emit(self.status_text())

    def _on_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.conflicts = list(conflicts)
        self.sig_conflicts_changed.emit(self.conflicts)
        self.sig_status_changed.emit(self.status_text())

    # -- text --------------------------------------------------------------------------------------------------------
    def status_text(self) -> str:
        if self.state == "idle":
            return self.tr("Hors ligne")
        if self.state == "syncing":
            p = self.progress
            if p is not None and p.total:
                return self.tr("Synchronisation %1/%2").replace("%1", str(p.done)).replace("%2", str(p.total))
            return self.tr("Synchronisation…")
        if self.state == "offline":
            return self.tr("Hors ligne")
        if self.state == "locked":
            return self.tr("Verrouillé : reconnectez-vous au service")
        if self.state == "device_revoked":
            return self.tr("Appareil retiré de votre compte : reconnectez-vous")
        if self.conflicts:
            return self.tr("Conflits (%1)").replace("%1", str(len(self.conflicts)))
        when = self.last_success.strftime("%H:%M") if self.last_success else ""
        return self.tr("À jour (%1)").replace("%1", when)

    def retranslate_ui(self) -> None:
        """Called by the window when the language changes (a QObject gets no LanguageChange event)."""
        self.sig_status_changed.emit(self.status_text())


def _default_engine(profile: UnlockedProfile) -> SyncEngine:
    from desktop_app.sync.engine import SyncEngine

    return SyncEngine(profile)


class ConflictInbox(Retranslatable, QWidget):
    """Each conflict: base / the other device / mine side by side, one choice per field; « Appliquer » sends it."""

    sig_resolved = Signal()
    """A conflict was resolved (the choice is queued for the next sync)."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.title = label("title")
        self.intro = label("muted")
        self.list = QListWidget()
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.choices: dict[str, QComboBox] = {}
        self.apply_button = QPushButton()
        self.empty = label()
        self.apply_button.clicked.connect(self.on_apply_button_clicked)
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        controller.sig_conflicts_changed.connect(lambda _c: self.refresh())
        right = QVBoxLayout()
        right.addWidget(self.grid_box)
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        conflicts = self._controller.conflicts
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in conflicts:
            self.list.addItem(", ".join(sorted(conflict.fields)) or conflict.entity)
        self.list.blockSignals(False)
        if conflicts:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not conflicts)
        self._show_current()

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        conflicts = self._controller.conflicts
        return conflicts[row] if 0 <= row < len(conflicts) else None

    def _show_current(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices = {}
        conflict = self.current()
        self.apply_button.setEnabled(conflict is not None)
        if conflict is None:
            return
        headers = [self.tr("Champ"), self.tr("Avant"), self.tr("Autre appareil"), self.tr("Cet ordinateur"), ""]
        for column, text in enumerate(headers):
            header = label("heading", wrap=False) if text else QLabel()
            header.setText(text)
            self.grid.addWidget(header, 0, column)
        for row, (name, values) in enumerate(sorted(conflict.fields.items()), start=1):
            values = values if isinstance(values, dict) else {}
            cells = [name, values.get("base"), values.get("server"), values.get("client")]
            for column, value in enumerate(cells):
                cell = label(wrap=True)
                cell.setText("—" if value in (None, "") else str(value))
                self.grid.addWidget(cell, row, column)
            choice = QComboBox()
            choice.addItem(self.tr("Garder l'autre appareil"), values.get("server"))
            choice.addItem(self.tr("Garder le mien"), values.get("client"))
            describe(
                choice,
                self.tr("Valeur à garder pour %1").replace("%1", name),
                self.tr("Avant : %1 ; autre appareil : %2 ; cet ordinateur : %3")
                .replace("%1", str(values.get("base")))
                .replace("%2", str(values.get("server")))
                .replace("%3", str(values.get("client"))),
            )
            self.grid.addWidget(choice, row, 4, Qt.AlignmentFlag.AlignTop)
            self.choices[name] = choice

    def on_apply_button_clicked(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        fields = {name: combo.currentData() for name, combo in self.choices.items()}
        self.apply_button.setEnabled(False)
        self._controller.resolve(conflict.id, fields=fields, on_done=lambda _r: self.sig_resolved.emit())

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Conflits à régler"))
        self.intro.setText(
            self.tr(
                "La même information a été modifiée sur deux appareils. Pour chaque champ, choisissez la valeur "
                "à garder ; votre choix sera envoyé à tous vos appareils."
            )
        )
        self.empty.setText(self.tr("Aucun conflit : tout est à jour."))
        self.apply_button.setText(self.tr("&Appliquer mes choix"))
        describe(self.list, self.tr("Conflits"), self.tr("Choisissez un conflit à régler."))
        describe(self.apply_button, self.tr("Appliquer mes choix"), self.tr("Garder les valeurs choisies."))
        self._show_current()
