"""Histoire de santé: reimbursed care of the last 24 months from the service; offline, the last copy and its date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop_app.errors import CarnetError
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from datetime import datetime

    from desktop_app.care_history import CareHistory, CareRecord
    from desktop_app.profile import UnlockedProfile


class CareHistoryPage(Retranslatable, QWidget):
    """A read-only table, newest first; « Actualiser » asks the service again (never blocks the window)."""

    sig_loaded = Signal(object)
    """The history shown changed; carries the CareHistory (from the service or the offline copy)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: UnlockedProfile | None = None
        self._history: CareHistory | None = None
        self._generation = 0
        self.title = label("title")
        self.intro = label("muted")
        self.freshness = label()
        self.error = error_label()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.on_refresh_button_clicked)
        self.model: PagedTableModel[CareRecord] = PagedTableModel(
            [
                Column(lambda: self.tr("Date"), lambda r: r.date.strftime("%d/%m/%Y")),
                Column(lambda: self.tr("Type"), self._kind),
                Column(lambda: self.tr("Soin"), lambda r: r.label),
                Column(lambda: self.tr("Professionnel"), lambda r: r.professional or "—"),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.table.verticalHeader().setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.freshness, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.refresh_button, self.table)
        self.retranslate_ui()

    def _kind(self, record: CareRecord) -> str:
        kinds = {"consultation": self.tr("Consultation"), "medicine": self.tr("Médicament")}
        return kinds.get(record.kind, record.kind)

    def format_moment(self, moment: datetime) -> str:
        """A date and time in local time, as people read them: « 25/11/2026 à 21:30 »."""
        local = moment.astimezone()
        return self.tr("%1 à %2").replace("%1", local.strftime("%d/%m/%Y")).replace("%2", local.strftime("%H:%M"))

    @property
    def history(self) -> CareHistory | None:
        return self._history

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Show the offline copy at once (if any), then ask the service; ``None`` forgets everything (S18)."""
        self._profile = profile
        self._generation += 1
        self._history = None
        self.model.clear()
        show_error(self.error, "")
        self.retranslate_ui()
        if profile is not None:
            from desktop_app import care_history

            generation = self._generation
            Op(self, lambda: care_history.cached_care_history(profile)).success(
                lambda cached: self._show(generation, cached) if cached is not None else None
            ).run()

    def clear(self) -> None:
        self.set_profile(None)

    def on_refresh_button_clicked(self) -> None:
        profile = self._profile
        if profile is None:
            return
        from desktop_app import care_history

        generation = self._generation
        self.refresh_button.setEnabled(False)
        self.freshness.setText(self.tr("Interrogation du service…"))
        Op(self, lambda: care_history.care_history(profile)).success(lambda h: self._show(generation, h)).failure(
            lambda exc: self._on_failed(generation, exc)
        ).run()

    def _show(self, generation: int, history: CareHistory) -> None:
        if generation != self._generation:
            return  # locked or reopened meanwhile
        self.refresh_button.setEnabled(True)
        self._history = history
        records = list(history.records)
        self.model.set_source(lambda offset, limit: records[offset : offset + limit])
        show_error(self.error, "")
        self.retranslate_ui()
        self.sig_loaded.emit(history)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.retranslate_ui()
        message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        show_error(self.error, message or self.tr("L'histoire de santé n'a pas pu être chargée. Réessayez plus tard."))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Histoire de santé"))
        self.intro.setText(
            self.tr(
                "Les soins remboursés par l'Assurance Maladie au cours des 24 derniers mois : consultations et "
                "médicaments. Ces informations viennent du service ; vous ne pouvez pas les modifier."
            )
        )
        h = self._history
        if h is None:
            self.freshness.setText(self.tr("Pas encore chargée."))
        elif h.from_cache:
            self.freshness.setText(
                self.tr("Hors ligne : copie enregistrée le %1 (%n soin(s)).", "", len(h.records)).replace(
                    "%1", self.format_moment(h.fetched_at)
                )
            )
        else:
            self.freshness.setText(
                self.tr("À jour le %1 (%n soin(s)).", "", len(h.records)).replace(
                    "%1", self.format_moment(h.fetched_at)
                )
            )
        self.refresh_button.setText(self.tr("&Actualiser"))
        describe(self.refresh_button, self.tr("Actualiser"), self.tr("Demander au service la dernière version."))
        describe(self.freshness, self.tr("Date de la copie"), self.freshness.text())
        describe(self.table, self.tr("Soins des 24 derniers mois"), self.tr("Du plus récent au plus ancien."))
        self.model.retranslate()
