"""Sync in the window: drive the SyncEngine from the UI (never blocking it), say its state, resolve conflicts."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.changes import ChangeRelay
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import Retranslatable, describe, label

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile
    from desktop_app.sync.engine import ConflictView, Progress, SyncEngine
    from desktop_app.sync.refusals import RefusedChange
    from desktop_app.sync.status import Counts, SyncStatus

INTERVAL_S = 300.0
PROBE_INTERVAL_MS = 60_000
"""Before unlock, how often the service's reachability is checked again (the welcome and lock screens say it)."""


class SyncController(QObject):
    """The one sync driver of a window (the patient's and the clinic's): one engine per open profile.

    The engine's own thread does the work — at start, every `interval_s`, on demand, on its backoff timer after a
    failure, and a few seconds after a local edit (it listens to the profile's change events: nothing here wires
    edits to it). Its listeners reach this object through queued signals, so nothing here ever waits for the
    network.

    It is also the window's adapter of the one status model (`desktop_app.sync.status.SyncStatus`): the engine's
    state, the conflicts, and the counts of changes waiting to be sent or refused, read again after every change
    event of the profile (a local edit shows as pending at once) and after every sync. Every screen that shows the
    status shows `status_text()`; before unlock it says whether the service is reachable (`probe`)."""

    sig_status_changed = Signal(str)
    """The status text changed (the same on every screen: hors ligne / synchronisation… / à jour à HH:MM /
    N modifications en attente d'envoi / M modifications refusées — voir / K conflits à régler — voir)."""
    sig_conflicts_changed = Signal(object)
    """The open conflicts changed; carries the list of ConflictView."""
    sig_refused_changed = Signal(object)
    """The refused changes not yet dealt with changed; carries the list of RefusedChange."""
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
    _sig_probed = Signal(int, bool)  # from the probe's thread: (generation, reachable)

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
        self._profile: UnlockedProfile | None = None
        self._generation = 0
        self.state = "idle"
        self.progress: Progress | None = None
        self.conflicts: list[ConflictView] = []
        self.refused: list[RefusedChange] = []
        self.pending = 0
        self.last_success: datetime | None = None
        self._success_before: datetime | None = None
        self.local_only = False  # an open carnet without an account: nothing to sync
        self._retrying = False  # the engine is trying again after it found the service unreachable
        self.reachable: bool | None = None  # before unlock: does the service answer? (None: not asked)
        self._server_url: str | None = None
        self._probe_generation = 0
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(PROBE_INTERVAL_MS)
        self._probe_timer.timeout.connect(self._probe_now)
        self.changes = ChangeRelay(self)  # the open profile's change events: counts are read again after each
        self.changes.sig_changed.connect(lambda _change: self.refresh_counts())
        self._sig_state.connect(self._on_state)
        self._sig_progress.connect(self._on_progress)
        self._sig_conflicts.connect(self._on_conflicts)
        self._sig_revocation.connect(self.sig_revoked)
        self._sig_failure.connect(self._on_failure)
        self._sig_probed.connect(self._on_probed)

    # -- life --------------------------------------------------------------------------------------------------------
    def start(self, profile: UnlockedProfile) -> None:
        """Build the engine on the worker (it reads the profile), then start syncing: now, then periodically."""
        factory = self._factory or _default_engine
        self._generation += 1
        generation = self._generation
        self._follow(profile)

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

    def open_local(self, profile: UnlockedProfile) -> None:
        """A carnet without an account is open: nothing syncs, the status says so."""
        self._generation += 1
        self._follow(profile)
        self.local_only = True
        self._tell()

    def _follow(self, profile: UnlockedProfile) -> None:
        self._profile = profile
        self._probe_timer.stop()
        self._probe_generation += 1  # an answer still on its way says nothing about the open carnet
        self.changes.follow(profile.changes)
        self.refresh_counts()

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
        self.changes.follow(None)
        self._profile = None
        self.state, self.progress, self.conflicts, self.refused, self.pending = "idle", None, [], [], 0
        self.local_only = False
        self._retrying = False
        self.sig_state_changed.emit(self.state)
        self.sig_conflicts_changed.emit(self.conflicts)
        self.sig_refused_changed.emit(self.refused)
        self.sig_status_changed.emit(self.status_text())
        if self._server_url:
            self.probe(self._server_url)

        def stop() -> None:
            if engine is not None:
                engine.cancel(wait=True)
                engine.http.close()

        return stop

    # -- before unlock -----------------------------------------------------------------------------------------------
    def probe(self, server_url: str | None) -> None:
        """While no carnet is open: ask whether the service answers, now and every minute (on a thread of its own:
        neither the UI nor the store's worker ever waits for the network)."""
        self._server_url = server_url
        if not server_url or self._profile is not None:
            return
        self._probe_now()
        self._probe_timer.start()

    def _probe_now(self) -> None:
        url = self._server_url
        if not url or self._profile is not None:
            self._probe_timer.stop()
            return
        generation, probed = self._probe_generation, self._sig_probed

        def ask() -> None:
            from desktop_app.sync.status import reachable

            answer = reachable(url)
            with contextlib.suppress(RuntimeError):  # the window may be gone
                probed.emit(generation, answer)

        threading.Thread(target=ask, name="carnet-probe", daemon=True).start()

    def _on_probed(self, generation: int, answer: bool) -> None:
        if generation != self._probe_generation or self._profile is not None:
            return
        if answer != self.reachable:
            self.reachable = answer
            self._tell()

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

    def settle(
        self,
        change: RefusedChange,
        outcome: str,
        *,
        on_done: Callable[[], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A refused change was dealt with (`discarded`, or `resent` once its corrected version is saved)."""
        profile = self._profile
        if profile is None:
            return

        def run() -> None:
            from desktop_app.sync.refusals import settle

            settle(profile, change, outcome)

        def done(_none: None) -> None:
            self.refresh_counts()
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            self.refresh_counts()
            if on_failed is not None:
                on_failed(exc)

        Op(self, run).success(done).failure(failed).run()

    def refresh_counts(self) -> None:
        """Read again, on the worker, what waits to be sent and what was refused (a few counts; after each change)."""
        profile, generation = self._profile, self._generation
        if profile is None:
            return

        def read() -> tuple[Counts, list[RefusedChange]]:
            from desktop_app.sync.refusals import refused_changes
            from desktop_app.sync.status import read_counts

            counts = read_counts(profile)
            return counts, refused_changes(profile) if counts.refused else []

        def show(found: tuple[Counts, list[RefusedChange]]) -> None:
            if generation != self._generation:
                return  # locked (or another carnet opened) meanwhile
            counts, refused = found
            if refused != self.refused:
                self.refused = refused
                self.sig_refused_changed.emit(self.refused)
            self.pending = counts.pending
            self._tell()

        Op(self, read).success(show).failure(lambda _exc: None).run()  # a carnet closing meanwhile: nothing to say

    # -- engine events (UI thread) -----------------------------------------------------------------------------------
    def _on_state(self, state: str) -> None:
        if state == "syncing" and self.state == "offline":
            self._retrying = True  # while the engine tries again, the status still says offline: nothing changed yet
        elif state != "syncing":
            self._retrying = False
        self.state = state
        if state != "syncing":
            self.progress = None
        if state == "up_to_date":
            self._success_before, self.last_success = self.last_success, self._clock()
        if state in ("conflicts", "up_to_date") and self.engine is not None:
            engine = self.engine
            Op(self, engine.conflicts).success(self._on_conflicts).run()
        self.sig_state_changed.emit(state)
        self._tell()
        if state != "syncing":
            self.refresh_counts()  # what the sync sent, and what the service refused

    def _on_failure(self, exc: BaseException) -> None:
        """A sync that failed settles the engine's state as if all went well: it did not end up to date."""
        if self.state in ("up_to_date", "conflicts", "syncing"):
            self.last_success = self._success_before
            self.state = "offline"
            self._tell()
        self.sig_failed.emit(exc)

    def _on_progress(self, progress: Progress) -> None:
        self.progress = progress
        self._tell()

    def _on_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.conflicts = list(conflicts)
        self.sig_conflicts_changed.emit(self.conflicts)
        self._tell()

    def _tell(self) -> None:
        self.sig_status_changed.emit(self.status_text())

    @property
    def profile(self) -> UnlockedProfile | None:
        """The open profile this controller follows (None while locked)."""
        return self._profile

    # -- the status --------------------------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        """The status model as it stands (state, counts, last success)."""
        from desktop_app.sync.status import Link, SyncStatus

        if self._profile is None:
            link = Link.REACHABLE if self.reachable else Link.OFFLINE
        elif self.local_only:
            link = Link.LOCAL_ONLY
        else:
            link = Link.OFFLINE if self._retrying else Link(_LINKS.get(self.state, Link.OFFLINE.value))
        progress = (self.progress.done, self.progress.total) if self.progress is not None else None
        return SyncStatus(
            link=link,
            pending=self.pending if self._profile is not None and not self.local_only else 0,
            refused=len(self.refused),
            conflicts=len(self.conflicts),
            last_success=self.last_success,
            progress=progress,
        )

    def status_text(self) -> str:
        """The one sentence every screen shows, in the interface's language."""
        return self.status().text(current_language())

    def retranslate_ui(self) -> None:
        """Called by the window when the language changes (a QObject gets no LanguageChange event)."""
        self._tell()


_LINKS = {
    "syncing": "syncing",
    "up_to_date": "up_to_date",
    "conflicts": "up_to_date",
    "offline": "offline",
    "locked": "locked",
    "device_revoked": "device_revoked",
}
"""The engine's states as the status model's links (values of `desktop_app.sync.status.Link`, a StrEnum)."""


def _default_engine(profile: UnlockedProfile) -> SyncEngine:
    from desktop_app.sync.engine import SyncEngine

    return SyncEngine(profile)


def inbox_layout(
    page: QWidget, head: tuple[QWidget, ...], side: QWidget, detail: QWidget | QLayout, ratio: tuple[int, int]
) -> None:
    """An inbox page: its title and texts above, the list on the left and the chosen item's detail on the right."""
    body = QHBoxLayout()
    body.addWidget(side, ratio[0])
    if isinstance(detail, QLayout):
        body.addLayout(detail, ratio[1])
    else:
        body.addWidget(detail, ratio[1])
    layout = QVBoxLayout(page)
    for widget in head:
        layout.addWidget(widget)
    layout.addLayout(body, 1)


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
        inbox_layout(self, (self.title, self.intro, self.empty), self.list, right, (1, 3))
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


class SyncStatusLine(QLabel):
    """The status sentence on a page (Accueil, lock and welcome screens): the window gives it the one text
    `SyncController.status_text()` that the status bar shows too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", "muted")

    def show_status(self, text: str) -> None:
        self.setText(text)
        describe(self, self.tr("État de la synchronisation"), text)
