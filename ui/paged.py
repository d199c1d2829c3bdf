"""A table model that pages rows in from the store on the worker thread (fetchMore), never a widget per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.ops import Op

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """A column: its header (called at paint time, so it follows the language) and how to show a row."""

    header: Callable[[], str]
    value: Callable[[T], str]


class PagedTableModel(QAbstractTableModel, Generic[T]):
    """Rows come from ``fetch(offset, limit)`` run on the store worker; ``clear()`` forgets them all (lock, S18)."""

    sig_page_loaded = Signal(int)
    """A page arrived; carries the number of rows now loaded."""
    sig_load_failed = Signal(object)
    """Fetching a page failed; carries the exception."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        page_size: int = PAGE_SIZE,
        key: Callable[[T], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._page_size = page_size
        self._key = key  # what identifies a row across a refresh (its id): the selection follows it
        self._rows: list[T] = []
        self._fetch: Callable[[int, int], list[T]] | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0

    # -- source ------------------------------------------------------------------------------------------------------
    def set_source(self, fetch: Callable[[int, int], list[T]] | None) -> None:
        """Show rows from ``fetch`` (store call, run on the worker); ``None`` empties the model."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._fetch = fetch
        self._exhausted = fetch is None
        self._loading = False
        self.endResetModel()
        if fetch is not None:
            self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_source(self._fetch)

    def clear(self) -> None:
        self.set_source(None)

    def refresh(self) -> None:
        """Read the rows shown again (as many as are loaded, at least a page) and swap them in place.

        Unlike `reload()`, the views keep their place: the current and selected rows follow their row (by `key`),
        the scroll position stays. Without a key, it is a `reload()`."""
        fetch = self._fetch
        if fetch is None or self._key is None:
            self.reload()
            return
        self._generation += 1
        self._loading = True
        generation, wanted, size = self._generation, max(len(self._rows), self._page_size), self._page_size

        def read() -> list[T]:
            rows: list[T] = []
            while len(rows) < wanted:
                ask = min(size, wanted - len(rows))
                page = fetch(len(rows), ask)
                rows.extend(page)
                if len(page) < ask:
                    break
            return rows

        Op(self, read).success(lambda rows: self._on_refreshed(generation, rows, wanted)).failure(
            lambda exc: self._on_page_failed(generation, exc)
        ).run()

    @property
    def loading(self) -> bool:
        return self._loading

    def row_object(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def retranslate(self) -> None:
        """Headers and values read the language at paint time: ask the views to repaint."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    # -- paging ------------------------------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._loading = True
        generation, offset, limit, fetch = self._generation, len(self._rows), self._page_size, self._fetch
        Op(self, lambda: fetch(offset, limit)).success(lambda page: self._on_page(generation, page)).failure(
            lambda exc: self._on_page_failed(generation, exc)
        ).run()

    def _on_page(self, generation: int, page: list[T]) -> None:
        if generation != self._generation:
            return  # the model was cleared or reloaded meanwhile: drop stale rows
        self._loading = False
        if len(page) < self._page_size:
            self._exhausted = True
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.sig_page_loaded.emit(len(self._rows))

    def _on_refreshed(self, generation: int, rows: list[T], wanted: int) -> None:
        if generation != self._generation or self._key is None:
            return
        key = self._key
        self._loading = False
        self._exhausted = len(rows) < wanted
        old_keys = [key(r) for r in self._rows]
        new_rows = {key(r): i for i, r in enumerate(rows)}
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        self._rows = rows
        after = []
        for index in before:
            row = new_rows.get(old_keys[index.row()]) if 0 <= index.row() < len(old_keys) else None
            after.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        self.sig_page_loaded.emit(len(self._rows))

    def _on_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.sig_load_failed.emit(exc)

    # -- Qt model API ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._columns[index.column()].value(self._rows[index.row()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header()
        return super().headerData(section, orientation, role)
