"""Historique des accès: who opened the dossier or changed its access, when, and the outcome; offline copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui import formatting
from ui.access_words import AccessWords
from ui.i18n import current_language
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from desktop_app.access import AccessEvent
    from desktop_app.access import AccessHistoryPage as HistoryPage
    from desktop_app.profile import UnlockedProfile

PAGE_SIZE = 50
# The filter choices: (key, actor kinds sent to the service).
KIND_FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("all", ()),
    ("professional", ("professional",)),
    ("patient", ("patient",)),
    ("family", ("legal_representative", "aidant")),
    ("other", ("heir", "insurer", "employer", "other", "system")),
)


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What the table shows: kinds of actor (empty: all) and a date range (``until`` excluded)."""

    actor_kinds: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None


class AccessHistoryPage(Retranslatable, QWidget):
    """A read-only paged table, newest first; filters and « Actualiser » ask the service (never block the window)."""

    sig_loaded = Signal(object)
    """A page arrived; carries the AccessHistoryPage (from the service or from the offline copy)."""

    def __init__(
        self, *, dossier_id: str | None = None, child_name: str | None = None, parent: QWidget | None = None
    ) -> None:
        """``dossier_id`` (with ``child_name``): the history of a child's dossier managed as legal representative
        (asked of the service each time: no offline copy is kept for it)."""
        super().__init__(parent)
        self._dossier_id = dossier_id
        self._child_name = child_name
        self._profile: UnlockedProfile | None = None
        self._last: HistoryPage | None = None
        self._pending: HistoryPage | None = None
        self._generation = 0
        self.words = AccessWords(self)
        self.title = label("title")
        self.intro = label("muted")
        self.freshness = label()
        self.error = error_label()
        self.kind_label = label(wrap=False)
        self.kind_combo = QComboBox()
        for key, _kinds in KIND_FILTERS:
            self.kind_combo.addItem(key, key)
        self.kind_label.setBuddy(self.kind_combo)
        self.dates_check = QCheckBox()
        self.since_edit = QDateEdit()
        self.until_edit = QDateEdit()
        today = QDate.currentDate()
        for edit, day in ((self.since_edit, today.addMonths(-1)), (self.until_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(day)
            edit.setEnabled(False)
        self.refresh_button = QPushButton()
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.dates_check.toggled.connect(self.on_dates_check_toggled)
        self.since_edit.dateChanged.connect(lambda _d: self.reload())
        self.until_edit.dateChanged.connect(lambda _d: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.model: PagedTableModel[AccessEvent] = PagedTableModel(
            [
                Column(lambda: self.tr("Date"), lambda e: self.format_moment(e.at)),
                Column(lambda: self.tr("Qui"), self.who),
                Column(lambda: self.tr("Rôle"), self.role),
                Column(lambda: self.tr("Action"), self.action),
                Column(lambda: self.tr("Résultat"), self.outcome),
            ],
            page_size=PAGE_SIZE,
            parent=self,
        )
        self.model.sig_page_loaded.connect(self._on_page_loaded)
        self.model.sig_load_failed.connect(self._on_failed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        # Who, then when, on two lines: at 200 % text one line would be wider than the window.
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(16)
        who = QHBoxLayout()
        who.addWidget(self.kind_label)
        who.addWidget(self.kind_combo)
        who.addStretch(1)
        when = QHBoxLayout()
        when.addWidget(self.dates_check)
        when.addWidget(self.since_edit)
        when.addWidget(self.until_edit)
        when.addStretch(1)
        filters = QVBoxLayout()
        filters.addLayout(who)
        filters.addLayout(when)
        row = QHBoxLayout()
        row.addWidget(self.freshness, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        for first, second in (
            (self.kind_combo, self.dates_check),
            (self.dates_check, self.since_edit),
            (self.since_edit, self.until_edit),
            (self.until_edit, self.refresh_button),
            (self.refresh_button, self.table),
        ):
            QWidget.setTabOrder(first, second)
        self.retranslate_ui()

    # -- how a line reads --------------------------------------------------------------------------------------------
    def format_moment(self, moment: datetime) -> str:
        """A date and time in local time, as people read them: « 25/11/2026 à 21:30 »."""
        local = moment.astimezone()
        day = formatting.format_date(local)  # one date format per language (ui/formatting.py)
        return self.tr("%1 à %2").replace("%1", day).replace("%2", local.strftime("%H:%M"))

    def who(self, event: AccessEvent) -> str:
        return self.words.who(event)

    def role(self, event: AccessEvent) -> str:
        return self.words.role(event)

    def action(self, event: AccessEvent) -> str:
        return self.words.action(event)

    def outcome(self, event: AccessEvent) -> str:
        return self.words.outcome(event)

    # -- state -------------------------------------------------------------------------------------------------------
    @property
    def last_page(self) -> HistoryPage | None:
        return self._last

    def query(self) -> HistoryQuery:
        """The filters as chosen: the date range covers whole local days, the last one included."""
        kinds = dict(KIND_FILTERS)[str(self.kind_combo.currentData())]
        if not self.dates_check.isChecked():
            return HistoryQuery(kinds)
        first, last = (date(d.year(), d.month(), d.day()) for d in (self.since_edit.date(), self.until_edit.date()))
        since = datetime.combine(first, time()).astimezone()
        until = datetime.combine(last + timedelta(days=1), time()).astimezone()
        return HistoryQuery(kinds, since, until)

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Show the offline copy at once (if any); ``None`` forgets everything (S18)."""
        self._profile = profile
        self._generation += 1
        self._last = None
        self.model.clear()
        show_error(self.error, "")
        self.retranslate_ui()
        if profile is not None:
            self._load(offline_only=self._dossier_id is None)

    def clear(self) -> None:
        self.set_profile(None)

    def reload(self) -> None:
        """Ask the service again with the current filters (the offline copy answers when it cannot be reached)."""
        if self._profile is not None:
            self._load(offline_only=False)

    def on_dates_check_toggled(self, checked: bool) -> None:
        self.since_edit.setEnabled(checked)
        self.until_edit.setEnabled(checked)
        self.reload()

    def _load(self, *, offline_only: bool) -> None:
        from desktop_app import access

        profile = self._profile
        assert profile is not None
        q = self.query()
        scope = self._dossier_id

        def read(offset: int, limit: int) -> HistoryPage | None:
            if offline_only:
                return access.cached_access_history(
                    profile, actor_kinds=q.actor_kinds, since=q.since, until=q.until, limit=limit, offset=offset
                )
            return access.access_history(
                profile,
                actor_kinds=q.actor_kinds,
                since=q.since,
                until=q.until,
                limit=limit,
                offset=offset,
                dossier_id=scope,
            )

        def fetch(offset: int, limit: int) -> list[AccessEvent]:
            page = read(offset, limit)
            if page is None:
                return []
            self._pending = page  # read on the GUI thread once the model says the page arrived
            return list(page.items)

        self._pending = None
        show_error(self.error, "")
        if not offline_only:
            self.freshness.setText(self.tr("Interrogation du service…"))
            self.refresh_button.setEnabled(False)
        self.model.set_source(fetch)

    def _on_page_loaded(self, _rows: int) -> None:
        self.refresh_button.setEnabled(True)
        page = self._pending
        if page is not None:
            self._last = page
            self.sig_loaded.emit(page)
        self.retranslate_ui()

    def _on_failed(self, exc: BaseException) -> None:
        from desktop_app.service_client import NotSignedIn, SyncOffline

        self.refresh_button.setEnabled(True)
        self.retranslate_ui()
        message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        if self._child_name is not None and isinstance(exc, SyncOffline | NotSignedIn):
            message = self.tr(
                "Le service n'a pas pu être joint. L'historique des accès de %1 n'est pas gardé sur cet "
                "ordinateur : réessayez une fois connecté."
            ).replace("%1", self._child_name)
        show_error(
            self.error, message or self.tr("L'historique des accès n'a pas pu être chargé. Réessayez plus tard.")
        )

    def retranslate_ui(self) -> None:
        if self._child_name is not None:
            self.title.setText(self.tr("Historique des accès — dossier de %1").replace("%1", self._child_name))
            self.intro.setText(
                self.tr(
                    "Qui a ouvert le dossier de %1 ou modifié ses accès, quand, et si l'accès a été autorisé ou "
                    "refusé. Ces informations viennent du service ; vous ne pouvez pas les modifier."
                ).replace("%1", self._child_name)
            )
        else:
            self.title.setText(self.tr("Historique des accès"))
            self.intro.setText(
                self.tr(
                    "Qui a ouvert votre dossier ou modifié ses accès, quand, et si l'accès a été autorisé ou refusé. "
                    "Ces informations viennent du service ; vous ne pouvez pas les modifier."
                )
            )
        page = self._last
        if page is None:
            self.freshness.setText(self.tr("Pas encore chargé. « Actualiser » interroge le service."))
        elif page.from_cache:
            self.freshness.setText(
                self.tr("Hors ligne : copie enregistrée le %1.").replace("%1", self.format_moment(page.fetched_at))
            )
        else:
            self.freshness.setText(self.tr("À jour le %1.").replace("%1", self.format_moment(page.fetched_at)))
        kind_names = {
            "all": self.tr("Tout le monde"),
            "professional": self.tr("Professionnels de santé"),
            "patient": self.tr("Vous"),
            "family": self.tr("Représentants légaux et aidants"),
            "other": self.tr("Autres (service, assurance…)"),
        }
        for index, (key, _kinds) in enumerate(KIND_FILTERS):
            self.kind_combo.setItemText(index, kind_names[key])
        self.kind_label.setText(self.tr("&Qui :"))
        describe(self.kind_combo, self.tr("Qui"), self.tr("N'afficher que les accès de ce type de personne."))
        self.dates_check.setText(self.tr("&Entre le"))
        describe(self.dates_check, self.tr("Limiter aux dates"), self.tr("N'afficher que les accès entre deux dates."))
        describe(self.since_edit, self.tr("Premier jour"), self.tr("Premier jour affiché, inclus."))
        describe(self.until_edit, self.tr("Dernier jour"), self.tr("Dernier jour affiché, inclus."))
        self.refresh_button.setText(self.tr("&Actualiser"))
        describe(self.refresh_button, self.tr("Actualiser"), self.tr("Demander au service la dernière version."))
        describe(self.freshness, self.tr("Date de la copie"), self.freshness.text())
        describe(self.table, self.tr("Historique des accès"), self.tr("Du plus récent au plus ancien."))
        self.model.retranslate()
