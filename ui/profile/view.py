"""Profil médical: one rubric per entry kind — its entries in a paged table, a generated form, "non concerné"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore, Entry
from desktop_app.errors import CarnetError
from dossier import entries as entry_rules
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity
from ui.changes import concerns
from ui.dialogs import Confirmer
from ui.entries.actions import NOT_CONCERNED, delete_entry, not_concerned_section, restorer
from ui.entries.columns import entry_columns, entry_summary, kind_label
from ui.entries.form import EntryForm
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, fit_columns, fit_side_list, flow_row, label, show_error

# Measures and vaccinations have their own sections (table + chart; « Vaccinations »); "non concerné" is a button
# on each rubric, not a rubric.
_ELSEWHERE = {"measurement", "vaccination", NOT_CONCERNED, "records_request", "appointment"}


def profile_kinds() -> list[str]:
    return [k for k in entry_rules.ENTRY_KINDS if k not in _ELSEWHERE]


class ProfilePage(Retranslatable, QWidget):
    """Rubric list on the left; the chosen rubric's entries, actions and form on the right."""

    sig_entry_saved = Signal(object)
    """An entry was added or edited; carries the Entry."""
    sig_entry_deleted = Signal(str)
    """An entry was deleted; carries its id."""
    sig_undoable = Signal(str, object)
    """Something cheap to undo happened; carries what to say (« … supprimé ») and the RestoreFn."""

    def __init__(self, *, confirmer: Confirmer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: DossierStore | None = None
        self._confirmer = confirmer or Confirmer()
        self._kinds = profile_kinds()
        self._kind = self._kinds[0]
        self.kinds_model = QStandardItemModel(self)
        for kind in self._kinds:
            item = QStandardItem(kind)
            item.setData(kind, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.kinds_model.appendRow(item)
        self.kinds_view = QListView()
        self.kinds_view.setModel(self.kinds_model)
        self.kinds_view.selectionModel().currentChanged.connect(self.on_kinds_view_current_changed)
        self.title = label("title")
        self.kind_title = label("heading")
        self.model: PagedTableModel[Entry] = PagedTableModel(
            entry_columns(with_kind=False), key=lambda e: e.id, parent=self
        )
        self.model.sig_page_loaded.connect(lambda _n: self._update_actions())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        # The summary stretches (its tool tip carries the full text); dates stay whole.
        fit_columns(self.table, stretch=0, page_loaded=self.model.sig_page_loaded)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.table.activated.connect(self.on_edit_button_clicked)
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.not_concerned_button = QPushButton()
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.not_concerned_button.clicked.connect(self.on_not_concerned_button_clicked)
        self.error = error_label()
        self.form_title = label("heading")
        self.forms: dict[str, EntryForm] = {}
        self.form_stack = QStackedWidget()
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form_stack)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.on_delete_button_clicked)

        actions = flow_row(self.edit_button, self.delete_button, self.not_concerned_button)  # wraps at 200 %
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.kind_title)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(actions)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.form_title)
        right_layout.addWidget(form_scroll, 3)
        body = QHBoxLayout()
        body.addWidget(self.kinds_view)
        body.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        QWidget.setTabOrder(self.kinds_view, self.table)
        QWidget.setTabOrder(self.table, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.not_concerned_button)
        self.retranslate_ui()
        self.show_kind(self._kind)

    # -- rubric ------------------------------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self._kind

    def form(self, kind: str | None = None) -> EntryForm:
        kind = kind or self._kind
        if kind not in self.forms:
            form = EntryForm(kind)
            form.set_store(self._store)
            form.sig_saved.connect(self.on_form_saved)
            self.forms[kind] = form
            self.form_stack.addWidget(form)
        return self.forms[kind]

    def show_kind(self, kind: str) -> None:
        self._kind = kind
        row = self._kinds.index(kind)
        if self.kinds_view.currentIndex().row() != row:
            self.kinds_view.setCurrentIndex(self.kinds_model.index(row, 0))
        self.form_stack.setCurrentWidget(self.form(kind))
        self.form(kind).scroll_to_top()  # forms open at their first field
        self.reload()
        self.retranslate_ui()

    def on_kinds_view_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and self._kinds[current.row()] != self._kind:
            self.show_kind(self._kinds[current.row()])

    # -- store -------------------------------------------------------------------------------------------------------
    def set_store(self, store: DossierStore | None) -> None:
        self._store = store
        for form in self.forms.values():
            form.set_store(store)
        self.reload()

    def clear(self) -> None:
        self.set_store(None)

    def reload(self) -> None:
        store, kind = self._store, self._kind
        show_error(self.error, "")
        if store is None:
            self.model.clear()
        else:
            self.model.set_source(lambda offset, limit: store.entries.list(kind, offset=offset, limit=limit))
        self._update_actions()

    def concerned_by(self, change: StoreChange) -> bool:
        return concerns(self._store, change, Entity.ENTRY, self._kind)

    def refresh(self) -> None:
        """Show what the store now holds (a pull, another page): the list keeps its place, the form is left alone."""
        self.model.refresh()

    def selected(self) -> Entry | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_form_saved(self, entry: Entry) -> None:
        self.reload()
        self.sig_entry_saved.emit(entry)

    def on_edit_button_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.kind in self.forms:
            self.forms[entry.kind].edit(entry)
            self.form_title.setText(self.tr("Modifier l'élément"))
            self.forms[entry.kind].rows[0].editor.setFocus()

    def on_delete_button_clicked(self) -> None:
        store, entry = self._store, self.selected()
        if store is None or entry is None:
            return
        text = self.tr("L'élément « %1 » sera supprimé de votre profil médical.").replace("%1", entry.summary)
        delete_entry(
            self,
            confirmer=self._confirmer,
            store=store,
            entry=entry,
            question=text,
            on_deleted=lambda gone: self._on_deleted(store, gone),
            on_failed=self._on_failed,
        )

    def _on_deleted(self, store: DossierStore, entry: Entry) -> None:
        self.reload()
        self.sig_entry_deleted.emit(entry.id)
        self.sig_undoable.emit(self.tr("« %1 » supprimé.").replace("%1", entry_summary(entry)), restorer(store, entry))

    def on_not_concerned_button_clicked(self) -> None:
        store, kind = self._store, self._kind
        if store is None:
            return
        section = not_concerned_section(kind)
        if section is None:
            return
        values = {"section": section}
        Op(self, lambda: store.entries.create(NOT_CONCERNED, values)).success(self.on_form_saved).failure(
            self._on_failed
        ).run()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DossierValidationError | CarnetError):
            show_error(self.error, exc.message(current_language()))
        else:
            show_error(self.error, self.tr("L'opération a échoué ; rien n'a été modifié."))

    def _update_actions(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.not_concerned_button.setEnabled(self._store is not None and not_concerned_section(self._kind) is not None)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Profil médical"))
        for row, kind in enumerate(self._kinds):
            self.kinds_model.item(row).setText(kind_label(kind))
        name = kind_label(self._kind)
        self.kind_title.setText(name)
        self.form_title.setText(self.tr("Ajouter dans « %1 »").replace("%1", name))
        self.edit_button.setText(self.tr("&Modifier"))
        self.delete_button.setText(self.tr("&Supprimer"))
        self.not_concerned_button.setText(self.tr("&Non concerné"))
        describe(self.kinds_view, self.tr("Rubriques du profil médical"), self.tr("Choisissez une rubrique."))
        describe(
            self.table,
            self.tr("Éléments de la rubrique %1").replace("%1", name),
            self.tr("Entrée pour modifier l'élément choisi."),
        )
        describe(self.edit_button, self.tr("Modifier"), self.tr("Modifier l'élément choisi dans le formulaire."))
        describe(self.delete_button, self.tr("Supprimer"), self.tr("Supprimer l'élément choisi."))
        describe(
            self.not_concerned_button,
            self.tr("Non concerné"),
            self.tr("Indiquer que vous n'êtes pas concerné par « %1 ».").replace("%1", name),
        )
        self.model.retranslate()
        self._fit_kinds()

    def _fit_kinds(self) -> None:
        """The rubric list is as wide as its longest name; at 200 % long names wrap rather than widen the window."""
        fit_side_list(self.kinds_view)
        self.table.setMinimumHeight(self.fontMetrics().height() * 5)  # a few rows at any text size

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_kinds()
        super().changeEvent(event)
