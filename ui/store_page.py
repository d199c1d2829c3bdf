"""What the prevention, agenda and records-request pages share: a store-backed table that follows change events,
an error line, file choosers that tests can replace, and writing a file the person chose (owner-only)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore
from desktop_app.errors import CarnetError
from desktop_app.hardening import make_private
from desktop_app.profile import UnlockedProfile
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity
from ui.changes import concerns
from ui.i18n import current_language
from ui.i18n import translate as _t
from ui.paged import Column, PagedTableModel
from ui.widgets import error_label, fit_columns, label, row_table, show_error

OpenChooser = Callable[[QWidget, str], Path | None]
"""Asks for a file to read: (parent, name filter) → path, or None when the person cancels."""
SaveChooser = Callable[[QWidget, str, str], Path | None]
"""Asks where to save: (parent, suggested file name, name filter) → path, or None when the person cancels."""


def ask_open(parent: QWidget, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, _t("StorePage", "Choisir un fichier"), "", name_filter)
    return Path(chosen) if chosen else None


def ask_save(parent: QWidget, suggested: str, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, _t("StorePage", "Enregistrer sous"), suggested, name_filter)
    return Path(chosen) if chosen else None


def write_private(path: Path, content: bytes) -> None:
    """Write a file the person asked for, readable by its owner only (it is not encrypted: S15)."""
    with path.open("wb") as target:
        make_private(path)
        target.write(content)


class StorePage:
    """Mixin for a page listing computed or stored rows of one dossier; subclasses set `kinds` and build `model`."""

    kinds: tuple[str, ...] = ()

    def _init_store_page(self, columns: list[Column[Any]], key: Callable[[Any], object]) -> None:
        self._store: DossierStore | None = None
        self._profile: UnlockedProfile | None = None
        self.title = label("title")
        self.intro = label("muted")
        self.error = error_label()
        self.model: PagedTableModel[Any] = PagedTableModel(columns, key=key, parent=self)  # type: ignore[arg-type]
        self.table: QTableView = row_table(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self._fit_table()
        fit_columns(self.table, page_loaded=self.model.sig_page_loaded)
        self.model.sig_load_failed.connect(self._on_failed)
        self.model.sig_page_loaded.connect(lambda _n: show_error(self.error, ""))  # a refresh that worked
        self._wanted: object | None = None  # a row asked for (show_row) before its page arrived
        self._row_key = key
        self.model.sig_page_loaded.connect(lambda _n: self._select_wanted())

    def _fit_table(self) -> None:
        """A few rows stay visible at any text size (what is below scrolls instead)."""
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 5)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_table()
        super().changeEvent(event)  # type: ignore[misc]  # QWidget's, next in the page's MRO

    def set_context(self, profile: UnlockedProfile | None, store: DossierStore | None) -> None:
        self._profile, self._store = profile, store
        self.reload()

    def clear(self) -> None:
        """Forget everything shown (lock, S18)."""
        self.set_context(None, None)

    def reload(self) -> None:
        show_error(self.error, "")
        fetch = self._fetcher()
        if fetch is None:
            self.model.clear()
        else:
            self.model.set_source(fetch)

    def _fetcher(self) -> Callable[[int, int], list[Any]] | None:
        raise NotImplementedError

    def concerned_by(self, change: StoreChange) -> bool:
        return any(concerns(self._store, change, Entity.ENTRY, kind) for kind in self.kinds)

    def refresh(self) -> None:
        if self._store is not None:
            self.model.refresh()

    def selected(self) -> Any:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def show_row(self, key: object) -> None:
        """Make the row whose key is `key` the current one (now, or once the rows have arrived)."""
        self._wanted = key
        self._select_wanted()

    def _select_wanted(self) -> None:
        if self._wanted is None:
            return
        for row, item in enumerate(self.model.rows()):
            if self._row_key(item) == self._wanted:
                self._wanted = None
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.scrollTo(self.model.index(row, 0))
                self.table.setFocus()
                return

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DossierValidationError | CarnetError):
            show_error(self.error, exc.message(current_language()))
        else:
            show_error(self.error, _t("StorePage", "L'opération a échoué ; rien n'a été modifié."))
