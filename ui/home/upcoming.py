"""The Accueil's « À venir » card: the next appointments and the prevention acts due or overdue, each a line that
opens its row in Agenda or Prévention. Read on the worker (desktop_app.upcoming); refreshed with the Accueil (on
every entry change event, and each time it is shown)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop_app import upcoming
from desktop_app.dossier_store import DossierStore
from desktop_app.profile import UnlockedProfile
from ui import icons
from ui.formatting import format_date, format_datetime
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import Card, Retranslatable, describe, label

_WRAP = int(Qt.TextFlag.TextWordWrap)


class UpcomingCard(Retranslatable, Card):
    """« À venir »: up to `upcoming.LIMIT` lines in a list (one Tab stop; arrows, then Enter or a click, open one)."""

    sig_open = Signal(str, str)
    """A line was chosen: (section « agenda » or « prevention », the row's key: entry id or rule id)."""

    def __init__(self, *, now: Callable[[], datetime] = datetime.now, parent: QWidget | None = None) -> None:
        super().__init__(parent, icon=icons.get("calendar"))
        self.now = now
        self._profile: UnlockedProfile | None = None
        self._store: DossierStore | None = None
        self._lines: list[upcoming.Upcoming] = []
        self._total = 0
        self._reads = 0
        self.empty = label("muted")
        self.more = label("muted")
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long labels wrap at 200 % text instead of widening the window
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        self.list.installEventFilter(self)
        self.title.setBuddy(self.list)
        self.add(self.empty)
        self.add(self.list)
        self.add(self.more)
        self.retranslate_ui()

    def set_context(self, profile: UnlockedProfile | None, store: DossierStore | None) -> None:
        self._profile, self._store = profile, store
        self._lines, self._total = [], 0
        self.refresh()

    def clear(self) -> None:
        self.set_context(None, None)

    def refresh(self) -> None:
        self._reads += 1
        store, profile, read = self._store, self._profile, self._reads
        if store is None or profile is None:
            self.retranslate_ui()
            return
        now = self.now()
        Op(self, lambda: upcoming.upcoming(store, profile, now=now)).success(
            lambda found: self._on_read(read, *found)
        ).run()

    def _on_read(self, read: int, lines: list[upcoming.Upcoming], total: int) -> None:
        if read == self._reads:
            self._lines, self._total = lines, total
            self.retranslate_ui()

    def lines(self) -> list[str]:
        """The lines shown (for tests)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def open_line(self, index: int) -> None:
        self._open(self.list.item(index))

    def _open(self, item: QListWidgetItem | None) -> None:
        index = self.list.row(item) if item is not None else -1
        if 0 <= index < len(self._lines):
            line = self._lines[index]
            self.sig_open.emit(line.section, line.key)

    def _text(self, line: upcoming.Upcoming) -> str:
        what = line.label(current_language())
        if line.section == "prevention":
            state = self.tr("En retard") if line.overdue else self.tr("À faire")
            return self.tr("%1 — %2").replace("%1", state).replace("%2", what)
        when = format_datetime(line.at) if isinstance(line.at, datetime) else format_date(line.at)
        return self.tr("%1 — %2").replace("%1", when).replace("%2", what)

    def _fit(self) -> None:
        """As tall as its lines at the current width (the card, not the list, takes the room)."""
        metrics, width = self.list.fontMetrics(), max(self.list.viewport().width() - 8, 40)
        rows = 0
        for i in range(self.list.count()):
            wrapped = metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, self.list.item(i).text()).height()
            rows += max(self.list.sizeHintForRow(i), wrapped + 4) + 2 * self.list.spacing()
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4 if self.list.count() else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            QTimer.singleShot(0, self._fit)
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.set_title(self.tr("À &venir"))
        self.list.clear()
        for line in self._lines:
            text = self._text(line)
            item = QListWidgetItem(text)
            where = self.tr("Ouvrir dans l'agenda.") if line.section == "agenda" else self.tr("Ouvrir dans Prévention.")
            item.setToolTip(where)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, where)
            self.list.addItem(item)
        self.list.setVisible(bool(self._lines))
        self.empty.setText(
            self.tr("Rien de prévu : ni rendez-vous dans les trois mois, ni acte de prévention à faire.")
            if self._store is not None and not self._lines
            else ""
        )
        self.empty.setVisible(bool(self.empty.text()))
        hidden = self._total - len(self._lines)
        self.more.setText(self.tr("… et %n autre(s)", "", hidden) if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        describe(
            self.list,
            self.tr("À venir"),
            self.tr("Rendez-vous et actes de prévention ; Entrée ouvre celui choisi."),
        )
        self._fit()
