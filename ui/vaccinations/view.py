"""Vaccinations: a paged table (vaccine, date, dose and lot, who added it), edit, delete and a quick add."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore, Entry
from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity
from ui.changes import concerns
from ui.dialogs import Confirmer
from ui.entries.actions import NOT_CONCERNED, PROTECTED_AUTHORS, delete_entry, not_concerned_section, restorer
from ui.entries.columns import entry_date, entry_source
from ui.entries.form import EntryForm, field_choices, field_spec
from ui.i18n import current_language, pick
from ui.i18n import translate as _t
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, fit_columns, flow_row, label, row_table, show_error

KIND = "vaccination"
SECTION = not_concerned_section(KIND) or "vaccinations"


def declarations(store: DossierStore) -> list[Entry]:
    """The « non concerné » entries that declare the Vaccinations section empty (worker side)."""
    found: list[Entry] = []
    offset = 0
    while batch := store.entries.list(NOT_CONCERNED, offset=offset, limit=500):
        found += [e for e in batch if e.data.get("section") == SECTION]
        offset += len(batch)
    return found


def dose_and_lot(entry: Entry) -> str:
    """« Rappel · lot AB123 » — the dose type in the current language, then the batch number, when known."""
    spec = field_spec(KIND, "dose")
    choices = {c.value: pick(c.label_fr, c.label_en) for c in field_choices(spec)} if spec is not None else {}
    dose = entry.data.get("dose")
    parts = [choices.get(str(dose), str(dose))] if dose else []
    if entry.data.get("lot"):
        parts.append(_t("VaccinationsPage", "lot %1").replace("%1", str(entry.data["lot"])))
    return " · ".join(parts) or "—"


def added_by(entry: Entry) -> str:
    imported = entry_source(entry)
    if imported:  # never "Moi" for what came from another system
        return imported
    labels = {
        "patient": _t("VaccinationsPage", "Moi"),
        "professional": _t("VaccinationsPage", "Un professionnel de santé"),
        "insurer": _t("VaccinationsPage", "L'Assurance Maladie"),
    }
    return labels.get(entry.author_kind, entry.author_kind)


class _Contradiction(Exception):
    """« Non concerné » asked while vaccinations are recorded."""


class VaccinationsPage(Retranslatable, QWidget):
    """The patient's own vaccinations can be edited and deleted (asked first); a professional's are read-only."""

    sig_entry_saved = Signal(object)
    """A vaccination was added or edited; carries the Entry."""
    sig_entry_deleted = Signal(str)
    """A vaccination was deleted; carries its id."""
    sig_undoable = Signal(str, object)
    """A vaccination was deleted; carries what to say and how to restore it (ui.entries.actions.RestoreFn)."""

    def __init__(self, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self._store: DossierStore | None = None
        self._declared: list[Entry] = []
        self._generation = 0
        self.title = label("title")
        self.intro = label("muted")
        self.not_concerned_note = label("muted")
        self.not_concerned_note.setVisible(False)
        self.model: PagedTableModel[Entry] = PagedTableModel(
            [
                Column(lambda: self.tr("Vaccin"), lambda e: str(e.data.get("vaccine") or "—")),
                Column(lambda: self.tr("Date"), entry_date),
                Column(lambda: self.tr("Dose et lot"), dose_and_lot),
                Column(lambda: self.tr("Ajoutée par"), added_by),
            ],
            key=lambda e: e.id,
            parent=self,
        )
        self.model.sig_page_loaded.connect(lambda _n: self._update_actions())
        self.table = row_table(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self._fit_table()
        self.table.verticalHeader().setVisible(False)
        # Every column as wide as its content (dates and "who" never elided); the last one takes what is left.
        fit_columns(self.table, page_loaded=self.model.sig_page_loaded)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.table.activated.connect(self.on_edit_button_clicked)
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.new_button = QPushButton()
        self.not_concerned_button = QPushButton()
        self.not_concerned_button.clicked.connect(self.on_not_concerned_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.on_delete_button_clicked)
        self.read_only_note = label("muted")
        self.error = error_label()
        self.form_title = label("heading")
        self.form = EntryForm(KIND)
        self.form.sig_saved.connect(self.on_form_saved)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        # Wraps onto a second line at 200 % text rather than widening the window.
        actions = flow_row(self.new_button, self.edit_button, self.delete_button, self.not_concerned_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.not_concerned_note)
        layout.addWidget(self.table, 2)
        layout.addWidget(actions)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.error)
        layout.addWidget(self.form_title)
        layout.addWidget(form_scroll, 3)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.not_concerned_button)
        self.retranslate_ui()
        self._update_actions()

    # -- store -------------------------------------------------------------------------------------------------------
    def set_store(self, store: DossierStore | None) -> None:
        self._store = store
        self.form.set_store(store)
        self.reload()

    def clear(self) -> None:
        self.set_store(None)

    def reload(self) -> None:
        store = self._store
        show_error(self.error, "")
        self._generation += 1
        self._declared = []
        if store is None:
            self.model.clear()
        else:
            self.model.set_source(lambda offset, limit: store.entries.list(KIND, offset=offset, limit=limit))
            self._read_declared(store)
        self._update_actions()

    def _read_declared(self, store: DossierStore) -> None:
        self._generation += 1
        generation = self._generation
        Op(self, lambda: declarations(store)).success(lambda found: self._show_declared(generation, found)).failure(
            self._on_failed
        ).run()

    def concerned_by(self, change: StoreChange) -> bool:
        return concerns(self._store, change, Entity.ENTRY, KIND) or concerns(
            self._store, change, Entity.ENTRY, NOT_CONCERNED
        )

    def refresh(self) -> None:
        """Show what the store now holds (a pull, another page): the list keeps its place, the form is left alone."""
        if self._store is not None:
            self.model.refresh()
            self._read_declared(self._store)

    def _show_declared(self, generation: int, found: list[Entry]) -> None:
        if generation == self._generation:
            self._declared = found
            self._update_actions()

    @property
    def not_concerned(self) -> bool:
        """The person declared the Vaccinations section « non concerné »."""
        return bool(self._declared)

    def selected(self) -> Entry | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_form_saved(self, entry: Entry) -> None:
        if self._declared and self._store is not None:
            self._withdraw_declaration(self._store)  # a vaccination recorded: the section is no longer empty
        self.reload()
        self.form_title.setText(self.tr("Ajouter une vaccination"))
        self.sig_entry_saved.emit(entry)

    def on_new_button_clicked(self) -> None:
        self.form.reset()
        self.form_title.setText(self.tr("Ajouter une vaccination"))
        self.form.rows[0].editor.setFocus()

    def on_edit_button_clicked(self) -> None:
        entry = self.selected()
        if entry is None or entry.author_kind in PROTECTED_AUTHORS:
            return
        self.form.edit(entry)
        self.form_title.setText(self.tr("Modifier la vaccination"))
        self.form.rows[0].editor.setFocus()

    def on_delete_button_clicked(self) -> None:
        store, entry = self._store, self.selected()
        if store is None or entry is None or entry.author_kind in PROTECTED_AUTHORS:
            return
        question = self.tr(
            "La vaccination « %1 » du %2 sera supprimée de votre carnet, sur tous vos appareils après la "
            "synchronisation."
        )
        delete_entry(
            self,
            confirmer=self._confirmer,
            store=store,
            entry=entry,
            question=question.replace("%1", str(entry.data.get("vaccine") or "—")).replace("%2", entry_date(entry)),
            on_deleted=lambda gone: self._on_deleted(store, gone),
            on_failed=self._on_failed,
        )

    def on_not_concerned_button_clicked(self) -> None:
        """Declare the section empty (PRODUCT.md §1), or withdraw that declaration; refused while vaccinations are
        recorded (the declaration would contradict them)."""
        store = self._store
        if store is None:
            return
        show_error(self.error, "")
        if self._declared:
            self._withdraw_declaration(store)
            return

        def declare() -> Entry:
            if store.entries.count(KIND):
                raise _Contradiction
            return store.entries.create(NOT_CONCERNED, {"section": SECTION})

        Op(self, declare).success(lambda entry: self._after_not_concerned([], entry)).failure(self._on_failed).run()

    def _withdraw_declaration(self, store: DossierStore) -> None:
        declared = [e.id for e in self._declared]

        def withdraw() -> None:
            for entry_id in declared:
                store.entries.delete(entry_id)

        Op(self, withdraw).success(lambda _r: self._after_not_concerned(declared, None)).failure(self._on_failed).run()

    def _after_not_concerned(self, deleted: list[str], created: Entry | None) -> None:
        self.reload()
        for entry_id in deleted:
            self.sig_entry_deleted.emit(entry_id)
        if created is not None:
            self.sig_entry_saved.emit(created)

    def _on_deleted(self, store: DossierStore, entry: Entry) -> None:
        self.form.reset()
        self.reload()
        self.sig_entry_deleted.emit(entry.id)
        text = self.tr("Vaccination « %1 » supprimée.").replace("%1", str(entry.data.get("vaccine") or "—"))
        self.sig_undoable.emit(text, restorer(store, entry))

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, _Contradiction):
            show_error(
                self.error,
                self.tr(
                    "Des vaccinations sont enregistrées dans votre carnet : supprimez-les d'abord si vous n'êtes "
                    "vraiment pas concerné."
                ),
            )
        elif isinstance(exc, DossierValidationError | CarnetError):
            show_error(self.error, exc.message(current_language()))
        else:
            show_error(self.error, self.tr("L'opération a échoué ; rien n'a été modifié."))

    def _update_actions(self) -> None:
        entry = self.selected()
        protected = entry is not None and entry.author_kind in PROTECTED_AUTHORS
        self.edit_button.setEnabled(entry is not None and not protected)
        self.delete_button.setEnabled(entry is not None and not protected)
        self.new_button.setEnabled(self._store is not None)
        self.not_concerned_button.setEnabled(self._store is not None)
        self.not_concerned_note.setVisible(self.not_concerned)
        self._retranslate_not_concerned()
        self.read_only_note.setText(
            self.tr("Cette vaccination a été ajoutée par %1 : vous ne pouvez ni la modifier ni la supprimer.").replace(
                "%1", added_by(entry).lower() if entry is not None else ""
            )
            if protected
            else ""
        )
        self.read_only_note.setVisible(protected)

    def _retranslate_not_concerned(self) -> None:
        if self.not_concerned:
            self.not_concerned_button.setText(self.tr("Retirer « n&on concerné »"))
            describe(
                self.not_concerned_button,
                self.tr("Retirer « non concerné »"),
                self.tr("Ne plus déclarer la rubrique Vaccinations vide."),
            )
        else:
            self.not_concerned_button.setText(self.tr("N&on concerné"))
            describe(
                self.not_concerned_button,
                self.tr("Non concerné"),
                self.tr("Indiquer que vous n'êtes pas concerné par les vaccinations."),
            )
        self.not_concerned_note.setText(self.tr("Vous avez indiqué ne pas être concerné par les vaccinations."))

    def _fit_table(self) -> None:
        """Several rows stay visible at any text size (the form below scrolls instead)."""
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_table()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Vaccinations"))
        self.intro.setText(
            self.tr("Vos vaccinations et celles que des professionnels ont ajoutées. Entrée pour modifier la vôtre.")
        )
        self.form_title.setText(self.tr("Ajouter une vaccination"))
        self.new_button.setText(self.tr("&Nouvelle vaccination"))
        self.edit_button.setText(self.tr("&Modifier"))
        self.delete_button.setText(self.tr("&Supprimer"))
        describe(self.table, self.tr("Vaccinations"), self.tr("Vaccin, date, dose et lot, qui l'a ajoutée."))
        describe(self.new_button, self.tr("Nouvelle vaccination"), self.tr("Vider le formulaire pour en ajouter une."))
        describe(self.edit_button, self.tr("Modifier"), self.tr("Modifier la vaccination choisie (les vôtres)."))
        describe(
            self.delete_button,
            self.tr("Supprimer"),
            self.tr("Supprimer la vaccination choisie ; demande confirmation."),
        )
        self.model.retranslate()
        self._update_actions()
