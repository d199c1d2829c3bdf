"""The sync inbox: what the person must look at after a sync — changes the service refused, and conflicts.

A refused change is never silent: the status says "M modifications refusées — voir", and here each one is listed
with what it was, why the service refused it in plain words and what to do — edit it and send it again (the entry's
own form, filled with what was refused; the store validates it as any edit), or discard it (the carnet keeps the
service's version). Conflicts sit in the next tab (`ui.sync.ConflictInbox`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language
from ui.ops import Op
from ui.sync import ConflictInbox, SyncController, inbox_layout
from ui.widgets import Retranslatable, describe, error_label, flow_row, label, set_role, show_error

if TYPE_CHECKING:
    from desktop_app.dossier_store import DossierStore, Entry
    from desktop_app.sync.refusals import RefusedChange
    from ui.entries.form import EntryForm


class RefusedInbox(Retranslatable, QWidget):
    """Each refused change: what, why, what to do; « Modifier et renvoyer… » and « Abandonner »."""

    sig_settled = Signal(str)
    """A refused change was dealt with; carries "discarded" or "resent"."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.form: EntryForm | None = None
        self._editing: str | None = None  # the mutation id of the refused change whose form is open
        self.title = label("title")
        self.intro = label("muted")
        self.empty = label()
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long items and 200 % text wrap rather than scroll sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.what = label("heading")
        self.why = label()
        self.advice = label("muted")
        self.error = error_label()
        self.resend_button = QPushButton()
        set_role(self.resend_button, "primary")
        self.discard_button = QPushButton()
        self.cancel_edit_button = QPushButton()
        self.resend_button.clicked.connect(self.on_resend_button_clicked)
        self.discard_button.clicked.connect(self.on_discard_button_clicked)
        self.cancel_edit_button.clicked.connect(self._close_form)
        self.list.currentRowChanged.connect(self.on_list_current_row_changed)
        controller.sig_refused_changed.connect(lambda _r: self.refresh())
        self.form_box = QVBoxLayout()
        right = QVBoxLayout()
        right.addWidget(self.what)
        right.addWidget(self.why)
        right.addWidget(self.advice)
        right.addWidget(flow_row(self.resend_button, self.discard_button))
        right.addWidget(self.error)
        right.addLayout(self.form_box)
        right.addWidget(self.cancel_edit_button)
        right.addStretch(1)
        panel = QWidget()
        panel.setLayout(right)
        scroller = QScrollArea()  # the entry's form can be long, and the text 200 %
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(panel)
        inbox_layout(self, (self.title, self.intro, self.empty), self.list, scroller, (2, 3))
        self.retranslate_ui()
        self.refresh()

    # -- the list ----------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        changes = self._controller.refused
        keep = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        lang = current_language()
        for change in changes:
            self.list.addItem(change.what(lang))
        row = next((i for i, c in enumerate(changes) if keep and c.mutation_id == keep.mutation_id), 0)
        self.list.setCurrentRow(row if changes else -1)
        self.list.blockSignals(False)
        self.empty.setVisible(not changes)
        self._show_current()

    def current(self) -> RefusedChange | None:
        row = self.list.currentRow()
        changes = self._controller.refused
        return changes[row] if 0 <= row < len(changes) else None

    def on_list_current_row_changed(self, _row: int) -> None:
        show_error(self.error, "")  # an error said about another change
        self._show_current()

    def _show_current(self) -> None:
        change = self.current()
        if change is None or change.mutation_id != self._editing:
            self._close_form()
        lang = current_language()
        for widget in (self.what, self.why, self.advice):
            widget.setVisible(change is not None)
        self.discard_button.setVisible(change is not None)
        self.resend_button.setVisible(change is not None and change.can_resend)
        if change is None:
            return
        self.what.setText(change.what(lang))
        self.why.setText(self.tr("Pourquoi : %1").replace("%1", change.why(lang)))
        self.advice.setText(change.explanation.advice(lang))
        describe(self.list, self.tr("Modifications refusées"), self.tr("Choisissez une modification refusée."))

    # -- what to do --------------------------------------------------------------------------------------------------
    def on_discard_button_clicked(self) -> None:
        change = self.current()
        if change is None:
            return
        show_error(self.error, "")
        self.discard_button.setEnabled(False)
        self._controller.settle(
            change, "discarded", on_done=lambda: self._settled("discarded"), on_failed=self._settle_failed
        )

    def on_resend_button_clicked(self) -> None:
        """Open the entry's own form, filled with what was refused: the person corrects it, then saves to resend."""
        change = self.current()
        profile = self._controller.profile
        if change is None or profile is None or not change.can_resend:
            return
        show_error(self.error, "")
        dossier_id = change.dossier_id

        def load() -> tuple[DossierStore, Entry | None]:
            from desktop_app.errors import NotFound

            store = profile.dossier(dossier_id)
            try:
                entry = store.entries.get(change.entity_id) if change.op != "create" else None
            except NotFound:  # gone since (deleted elsewhere): resent as a new entry
                entry = None
            return store, entry

        Op(self, load).success(lambda found: self._open_form(change, *found)).failure(self._settle_failed).run()

    def _open_form(self, change: RefusedChange, store: DossierStore, entry: Entry | None) -> None:
        from ui.entries.form import EntryForm

        self._close_form()
        form = EntryForm(change.kind)
        form.set_store(store)
        wanted = change.wanted()
        if entry is not None:
            form.edit(dataclasses.replace(entry, data={**entry.data, **wanted}))
        else:
            for row in form.rows:
                if row.name in wanted:
                    row.set_value(wanted[row.name])
        form.reset_button.hide()  # emptying it would turn the correction of this entry into a new entry
        form.save_button.setText(self.tr("&Renvoyer"))
        describe(form.save_button, self.tr("Renvoyer"), self.tr("Enregistrer ces valeurs et les envoyer au service."))
        form.sig_saved.connect(
            lambda _entry: self._controller.settle(
                change, "resent", on_done=lambda: self._settled("resent"), on_failed=self._settle_failed
            )
        )
        self.form, self._editing = form, change.mutation_id
        self.form_box.addWidget(form)
        self.cancel_edit_button.setVisible(True)
        self.resend_button.setEnabled(False)
        # Where the refused values are: one the form cannot show (not a choice it offers) is named beside its field.
        refused_rows = [row for row in form.rows if row.name in wanted and not row.hidden]
        for row in refused_rows:
            value = wanted[row.name]
            if value is not None and row.value() != value:
                text = self.tr("Valeur refusée par le service : « %1 ». Corrigez-la.")
                show_error(row.error, text.replace("%1", str(value)))
        unshown = [row for row in refused_rows if row.error.text()]
        first = next(iter(unshown or refused_rows or [r for r in form.rows if not r.hidden]), None)
        if first is not None:
            first.editor.setFocus()

    def _close_form(self) -> None:
        if self.form is not None:
            self.form_box.removeWidget(self.form)
            self.form.hide()  # gone from the screen now, not when the event loop gets round to deleting it
            self.form.deleteLater()
            self.form = None
        self._editing = None
        self.cancel_edit_button.setVisible(False)
        self.resend_button.setEnabled(True)

    def _settled(self, outcome: str) -> None:
        self.discard_button.setEnabled(True)
        self._close_form()
        self.sig_settled.emit(outcome)

    def _settle_failed(self, exc: BaseException) -> None:
        from desktop_app.errors import CarnetError, NotFound

        self.discard_button.setEnabled(True)
        if isinstance(exc, NotFound):  # dealt with meanwhile (another window of this carnet): the list follows
            show_error(self.error, self.tr("Cette modification a déjà été réglée ailleurs : rien n'a été modifié."))
        elif isinstance(exc, CarnetError):
            show_error(self.error, exc.message(current_language()))
        else:
            show_error(self.error, self.tr("L'opération a échoué ; rien n'a été modifié."))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Modifications refusées"))
        self.intro.setText(
            self.tr(
                "Le service a refusé ces modifications faites sur cet ordinateur ; votre carnet montre la version "
                "du service. Pour chacune : pourquoi, et ce que vous pouvez faire."
            )
        )
        self.empty.setText(self.tr("Aucune modification refusée."))
        self.resend_button.setText(self.tr("&Modifier et renvoyer…"))
        self.discard_button.setText(self.tr("A&bandonner cette modification"))
        self.cancel_edit_button.setText(self.tr("Ne pas renvoyer pour l'instant"))
        describe(
            self.resend_button,
            self.tr("Modifier et renvoyer"),
            self.tr("Corriger la modification refusée, puis l'envoyer à nouveau."),
        )
        describe(
            self.discard_button,
            self.tr("Abandonner cette modification"),
            self.tr("Ne plus l'envoyer ; le carnet garde la version du service."),
        )
        describe(self.cancel_edit_button, self.tr("Ne pas renvoyer pour l'instant"), self.tr("Fermer le formulaire."))
        self.refresh()


class SyncInboxDialog(Retranslatable, QDialog):
    """The inbox in a window of its own beside the dossier (not modal): refused changes, then conflicts."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.refused = RefusedInbox(controller)
        self.conflicts = ConflictInbox(controller)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.refused, "")
        self.tabs.addTab(self.conflicts, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(950, 560)
        controller.sig_refused_changed.connect(lambda _r: self.retranslate_ui())
        controller.sig_conflicts_changed.connect(lambda _c: self.retranslate_ui())
        self.retranslate_ui()

    def show_tab(self, which: str) -> None:
        """Bring the inbox up on "refused" or "conflicts"."""
        self.tabs.setCurrentWidget(self.refused if which == "refused" else self.conflicts)
        metrics = self.fontMetrics()  # room for the text size chosen (200 % too)
        self.resize(max(950, metrics.averageCharWidth() * 120), max(560, metrics.height() * 30))
        self.refused.refresh()
        self.conflicts.refresh()
        self.show()
        self.raise_()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("À régler après la synchronisation"))
        refused, conflicts = len(self._controller.refused), len(self._controller.conflicts)
        self.tabs.setTabText(0, self.tr("Modifications refusées (%1)").replace("%1", str(refused)))
        self.tabs.setTabText(1, self.tr("Conflits (%1)").replace("%1", str(conflicts)))
