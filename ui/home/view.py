"""Accueil: what is new in the dossier (recent entries), how many documents, and the sync state."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore, Entry
from dossier.sync_protocol import Entity
from ui.changes import concerns
from ui.entries.columns import entry_columns
from ui.ops import Op
from ui.paged import PagedTableModel
from ui.sync import SyncStatusLine
from ui.widgets import Retranslatable, describe, label


class HomePage(Retranslatable, QWidget):
    """The first section shown after unlock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: DossierStore | None = None
        self._owner = ""
        self._documents = -1
        self._entries = -1
        self.title = label("title")
        self.counts = label()
        self.sync_state = SyncStatusLine()  # the window gives it the status bar's own words
        self.recent_title = label("heading")
        self.model: PagedTableModel[Entry] = PagedTableModel(
            entry_columns(with_kind=True), page_size=50, key=lambda e: e.id, parent=self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.recent_title.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addWidget(self.sync_state)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def set_store(self, store: DossierStore | None, *, owner: str = "") -> None:
        self._store = store
        self._owner = owner
        self._documents = self._entries = -1
        if store is None:
            self.model.clear()
        else:
            self.model.set_source(lambda offset, limit: store.entries.list(offset=offset, limit=limit))
        self.refresh_counts()
        self.retranslate_ui()

    def clear(self) -> None:
        self.set_store(None)

    def refresh_counts(self) -> None:
        store = self._store
        if store is None:
            return
        Op(self, lambda: (store.entries.count(), store.documents.count())).success(self._on_counts).run()

    def concerned_by(self, change: StoreChange) -> bool:
        return concerns(self._store, change, Entity.ENTRY) or concerns(self._store, change, Entity.DOCUMENT)

    def refresh(self) -> None:
        """Show what the store now holds; the list keeps its place."""
        self.model.refresh()
        self.refresh_counts()

    def _on_counts(self, counts: tuple[int, int]) -> None:
        self._entries, self._documents = counts
        self.retranslate_ui()

    @property
    def document_count(self) -> int:
        return self._documents

    def retranslate_ui(self) -> None:
        if self._owner:
            self.title.setText(self.tr("Accueil — carnet de %1").replace("%1", self._owner))
        else:
            self.title.setText(self.tr("Accueil"))
        if self._documents < 0:
            self.counts.setText("")
        else:
            self.counts.setText(
                self.tr("%n document(s)", "", self._documents)
                + " · "
                + self.tr("%n élément(s) dans le profil médical", "", self._entries)
            )
        self.recent_title.setText(self.tr("&Derniers éléments ajoutés ou modifiés"))
        describe(
            self.table, self.tr("Derniers éléments"), self.tr("Les éléments du carnet, du plus récent au plus ancien.")
        )
        self.model.retranslate()
