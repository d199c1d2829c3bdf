"""« Les aidants de ma structure »: the organisation's manager registers its helpers and withdraws them (S53).

Opened from the assisted session's first screen once a manager has signed in with their own account. Each new
helper gets an enrolment code by e-mail (then « Première connexion » on that same first screen); withdrawing one
ends their sessions at once, after a confirmation that says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.assisted import HelperSession, OrganisationHelper
from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import announce, describe, error_label, label, primary_button, section_header, show_error


class OrganisationHelpersDialog(QDialog):
    """The organisation's helpers (name, e-mail, state), a form to register one, and « Retirer l'accès »."""

    def __init__(
        self, helper: HelperSession, parent: QWidget | None = None, *, confirmer: Confirmer | None = None
    ) -> None:
        super().__init__(parent)
        self.helper = helper
        self.confirmer = confirmer or Confirmer()
        self.rows: list[OrganisationHelper] = []
        structure = helper.identity.structure
        self.setWindowTitle(self.tr("Les aidants de ma structure"))
        title = section_header("title")
        title.setText(self.tr("Les aidants de %1").replace("%1", structure))
        intro = label("muted")
        intro.setText(
            self.tr(
                "Inscrivez les personnes de votre structure qui accompagnent le public. Chacune reçoit par e-mail "
                "un code pour choisir son mot de passe, puis se connecte avec son propre compte."
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Nom"), self.tr("E-mail"), self.tr("État")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        row_height = self.table.fontMetrics().height() + 12
        self.table.setMinimumHeight(5 * row_height + self.table.horizontalHeader().sizeHint().height())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        describe(self.table, self.tr("Aidants de la structure"), self.tr("Nom, adresse e-mail et état de chacun."))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.withdraw = QPushButton(self.tr("&Retirer l'accès…"))
        describe(
            self.withdraw,
            self.tr("Retirer l'accès"),
            self.tr("L'aidant choisi ne pourra plus accompagner personne ; ses sessions prennent fin."),
        )
        self.withdraw.clicked.connect(self._on_withdraw)
        # Register a helper.
        add_title = section_header()
        add_title.setText(self.tr("Inscrire un aidant"))
        self.email = QLineEdit()
        self.email.setMaxLength(254)
        describe(self.email, self.tr("E-mail du nouvel aidant"), self.tr("Son adresse professionnelle."))
        self.last_name = QLineEdit()
        self.last_name.setMaxLength(100)
        describe(self.last_name, self.tr("Nom du nouvel aidant"))
        self.first_names = QLineEdit()
        self.first_names.setMaxLength(100)
        describe(self.first_names, self.tr("Prénom du nouvel aidant"))
        self.manager = QCheckBox(self.tr("Responsable : peut aussi inscrire et retirer des aidants"))
        describe(self.manager, self.manager.text())
        self.add = primary_button(self.tr("&Inscrire"))
        describe(self.add, self.tr("Inscrire"), self.tr("Inscrire cet aidant : un code lui est envoyé par e-mail."))
        self.add.clicked.connect(self._on_add)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for caption, field in (
            (self.tr("&E-mail"), self.email),
            (self.tr("&Nom"), self.last_name),
            (self.tr("&Prénom"), self.first_names),
        ):
            buddy = label(buddy=field, wrap=False)
            buddy.setText(caption)
            form.addRow(buddy, field)
        form.addRow(self.manager)
        self.error = error_label()
        self.status = label("muted")
        self.status.setAccessibleName(self.tr("État de l'opération"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("&Fermer"))
        describe(close_button, self.tr("Fermer"), self.tr("Revenir au premier écran de la session."))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.withdraw)
        layout.addLayout(row)
        layout.addWidget(add_title)
        layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(860, 780)
        self._busy = False
        self._update_buttons()
        self.refresh()

    # -- service calls (off the GUI thread) --------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self._busy = True
        self._update_buttons()
        show_error(self.error, "")

        def done(result: Any) -> None:
            self._busy = False
            self._update_buttons()
            then(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update_buttons()
            if isinstance(exc, CarnetError | DossierValidationError):
                message = exc.message(current_language())
            else:
                message = self.tr("L'opération a échoué ; rien n'a été modifié. Réessayez.")
            show_error(self.error, message)
            announce(self.error, message, assertive=True)

        Op(self, fn).success(done).failure(failed).run()

    def refresh(self) -> None:
        self._run(self.helper.organisation_helpers, self._show_rows)

    def _state(self, row: OrganisationHelper) -> str:
        if row.disabled:
            return self.tr("Accès retiré")
        state = self.tr("Actif") if row.enrolled else self.tr("En attente de sa première connexion")
        return self.tr("Responsable · %1").replace("%1", state) if row.manager else state

    def _show_rows(self, rows: Any) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            for column, text in enumerate((row.name, row.email, self._state(row))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(index, column, item)
        self._update_buttons()

    def _selected(self) -> OrganisationHelper | None:
        index = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.rows[index] if selected and 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        chosen = self._selected()
        me = self.helper.identity.account_id
        self.withdraw.setEnabled(not self._busy and chosen is not None and not chosen.disabled and chosen.id != me)
        self.add.setEnabled(not self._busy)

    def _say(self, message: str) -> None:
        self.status.setText(message)
        announce(self.status, message)

    def _on_add(self) -> None:
        email, last, first = self.email.text(), self.last_name.text(), self.first_names.text()
        manager = self.manager.isChecked()

        def added(created: Any) -> None:
            name = f"{' '.join(first.split())} {' '.join(last.split())}"
            if created:
                for field in (self.email, self.last_name, self.first_names):
                    field.clear()
                self.manager.setChecked(False)
                self._say(
                    self.tr("%1 est inscrit(e) : un code d'enrôlement vient de lui être envoyé par e-mail.").replace(
                        "%1", name
                    )
                )
            else:
                self._say(self.tr("%1 est déjà inscrit(e) dans votre structure.").replace("%1", name))
            self.email.setFocus()
            self.refresh()

        self._run(lambda: self.helper.add_helper(email, last, first, manager=manager), added)

    def _on_withdraw(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        asked = self.confirmer.ask(
            self,
            title=self.tr("Retirer l'accès de %1 ?").replace("%1", chosen.name),
            text=self.tr(
                "%1 ne pourra plus accompagner personne et ses sessions en cours prennent fin tout de suite. "
                "Seul l'administrateur du service peut rétablir ce compte."
            ).replace("%1", chosen.name),
            confirm_label=self.tr("Retirer l'accès"),
            cancel_label=self.tr("Annuler"),
        )
        if not asked:
            return

        def withdrawn(_: Any) -> None:
            self._say(self.tr("L'accès de %1 est retiré.").replace("%1", chosen.name))
            self.refresh()

        self._run(lambda: self.helper.withdraw_helper(chosen.id), withdrawn)
