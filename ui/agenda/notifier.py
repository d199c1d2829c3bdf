"""Reminders reach the person while Carnet runs: a system notification (QSystemTrayIcon.showMessage) where the desktop
has a system tray, else a banner at the top of the window. The appointments and records requests are read on the
worker when the carnet opens and again when a change event concerns them; a timer only compares the clock with
the reminders' times (desktop_app.reminders.ReminderClock: each reminder once).

Locked, Carnet keeps only the times of the coming week's reminders, their text replaced by « Carnet : un rappel »:
nothing health-related stays in memory or appears in a notification (the banner is emptied at lock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSystemTrayIcon, QWidget

from desktop_app import agenda, records_requests
from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore, Entry
from desktop_app.reminders import LOOK_AHEAD, Reminder, ReminderClock, reminders
from dossier.sync_protocol import Entity
from ui import icons
from ui.changes import concerns
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import Retranslatable, describe, label, set_role

POLL_MS = 30_000
MESSAGE_MS = 15_000
_KINDS = (agenda.KIND, records_requests.KIND)


def _read(store: DossierStore) -> list[Entry]:
    """The appointments and records requests (on the worker)."""
    found: list[Entry] = []
    for kind in _KINDS:
        offset = 0
        while batch := store.entries.list(kind, offset=offset, limit=500):
            found += batch
            offset += len(batch)
    return found


class ReminderBanner(Retranslatable, QFrame):
    """The reminders shown in the window when there is no system tray (one line each, newest last)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = label()
        self.text = label()
        self.open_button = QPushButton()  # the dossier view's section the last reminder is about
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.addWidget(self.icon)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.hide()
        self._size_icon()
        self.retranslate_ui()

    def _size_icon(self) -> None:
        side = self.fontMetrics().height()
        self.icon.setPixmap(icons.get("bell").pixmap(side, side))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_icon()
        super().changeEvent(event)

    def add_line(self, text: str) -> None:
        lines = [line for line in self.text.text().split("\n") if line]
        self.text.setText("\n".join([*lines, text][-3:]))
        describe(self.text, self.tr("Rappel"), self.text.text())
        self.show()

    def dismiss(self) -> None:
        self.text.clear()
        self.hide()

    def retranslate_ui(self) -> None:
        self.open_button.setText(self.tr("Voir"))
        describe(self.open_button, self.tr("Voir le rappel"), self.tr("Ouvrir l'agenda ou la demande concernée."))
        self.close_button.setText(self.tr("Fermer le rappel"))
        describe(self.close_button, self.tr("Fermer le rappel"), self.tr("Masquer ce rappel."))
        describe(self, self.tr("Rappels"), self.text.text())


class ReminderNotifier(QObject):
    """Polls the reminders and says each one once, through the tray or the banner."""

    sig_notified = Signal(str)
    """A reminder was said; carries its text (what the tray or the banner showed)."""
    sig_open_requested = Signal(str)
    """The person chose a reminder (the tray message or the banner's « Voir »): the section to show, « agenda » or
    « requests »."""

    def __init__(
        self,
        *,
        now: Callable[[], datetime] = datetime.now,
        poll_ms: int = POLL_MS,
        tray_available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = ReminderClock(now)
        self.banner = ReminderBanner()
        available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self.tray: QSystemTrayIcon | None = None
        self.section = "agenda"  # what the last reminder was about
        if available:
            self.tray = QSystemTrayIcon(icons.get("carnet"), self)
            self.tray.setToolTip("Carnet")
            self.tray.messageClicked.connect(lambda: self.sig_open_requested.emit(self.section))
            self.tray.show()
        self.banner.open_button.clicked.connect(self._open_from_banner)
        self._store: DossierStore | None = None
        self._entries: list[Entry] = []
        self._locked: list[Reminder] = []  # while locked: the coming reminders' times, text redacted
        self._reads = 0
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)

    # -- what to remind ----------------------------------------------------------------------------------------------
    def set_store(self, store: DossierStore | None) -> None:
        """The open dossier (None: locked)."""
        self._store = store
        self._locked = []
        self._entries = []
        self.reload()

    def lock(self) -> None:
        """Forget the entries and the banner's words; keep only the coming reminders' times, redacted."""
        now = self.clock.now()
        self._locked = [r.redacted() for r in reminders(self._entries, now=now) if now <= r.at <= now + LOOK_AHEAD]
        self._store, self._entries = None, []
        self._reads += 1
        self.banner.dismiss()
        if self._locked:
            self.timer.start()

    def reload(self) -> None:
        store = self._store
        self._reads += 1
        if store is None:
            self.timer.stop()
            return
        read = self._reads
        Op(self, lambda: _read(store)).success(lambda found: self._on_read(read, found)).run()

    def _on_read(self, read: int, entries: list[Entry]) -> None:
        if read != self._reads:
            return  # locked or changed meanwhile
        self._entries = entries
        self.timer.start()
        self.poll()

    def on_store_changed(self, change: StoreChange) -> None:
        if any(concerns(self._store, change, Entity.ENTRY, kind) for kind in _KINDS):
            self.reload()

    # -- saying it ---------------------------------------------------------------------------------------------------
    def poll(self) -> list[str]:
        """Say every reminder whose time has come (each once); returns what was said."""
        locked = self._store is None
        due = self.clock.due(self._locked) if locked else self.clock.poll(self._entries)
        said = [r.text(locked=locked, lang=current_language()) for r in due]
        if due:
            self.section = "requests" if due[-1].key.startswith("request:") else "agenda"
        for text in said:
            self.notify(text)
        return said

    def _open_from_banner(self) -> None:
        self.banner.dismiss()
        self.sig_open_requested.emit(self.section)

    def notify(self, text: str) -> None:
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage("Carnet", text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        else:
            self.banner.add_line(text)
        self.sig_notified.emit(text)
