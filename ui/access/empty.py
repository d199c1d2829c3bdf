"""A table of the access screens, or, once loaded with no row, an empty state that says what to do instead."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QTableView, QWidget

from ui.paged import PagedTableModel
from ui.widgets import EmptyState


class TableOrEmpty(QStackedWidget):
    """Shows ``table`` while it has rows or is loading; its empty state once a load brought no row."""

    def __init__(self, table: QTableView, model: PagedTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.model = model
        self.empty = EmptyState()
        self.addWidget(table)
        self.addWidget(self.empty)
        self._loaded = False
        model.modelReset.connect(self._on_reset)
        model.sig_page_loaded.connect(self._on_loaded)
        model.rowsInserted.connect(self._update)
        model.rowsRemoved.connect(self._update)

    @property
    def showing_empty(self) -> bool:
        return self.currentWidget() is self.empty

    def set_texts(self, title: str, text: str) -> None:
        self.empty.set_texts(title, text)

    def _on_reset(self) -> None:
        self._loaded = False  # cleared (lock) or reloading: not known to be empty yet
        self._update()

    def _on_loaded(self, _count: int) -> None:
        self._loaded = True
        self._update()

    def _update(self) -> None:
        empty = self._loaded and self.model.rowCount() == 0
        self.setCurrentWidget(self.empty if empty else self.table)
