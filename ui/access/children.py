"""Legal representatives and child profiles: the children whose dossier the person manages, and who else does."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.access.empty import TableOrEmpty
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, label, row_table, show_error

if TYPE_CHECKING:
    from desktop_app.access import ChildProfile, Representative
    from desktop_app.profile import UnlockedProfile


def child_name(child: ChildProfile) -> str:
    return f"{child.first_names} {child.last_name}".strip() or "—"


def first_name(child: ChildProfile) -> str:
    return child.first_names.split(" ")[0] if child.first_names else child_name(child)


def representative_name(rep: Representative) -> str:
    return rep.identifier or rep.account_id


class ChildrenBox(Retranslatable, QGroupBox):
    """List, add a child profile, add or remove a legal representative, open the child's access settings."""

    sig_manage_requested = Signal(object)
    """« Gérer les accès de … »: carries the ChildProfile whose access settings to open."""
    sig_changed = Signal()
    """The list of children or of their representatives changed on the service."""

    def __init__(self, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self._profile: UnlockedProfile | None = None
        self._generation = 0
        self.loaded = False
        self.intro = label("muted")
        self.error = error_label()
        self.model: PagedTableModel[ChildProfile] = PagedTableModel(
            [
                Column(lambda: self.tr("Enfant"), child_name),
                Column(lambda: self.tr("Né(e) le"), lambda c: c.birth_date.strftime("%d/%m/%Y")),
                Column(
                    lambda: self.tr("Représentants légaux"),
                    lambda c: ", ".join(representative_name(r) for r in c.representatives) or "—",
                ),
            ],
            parent=self,
        )
        self.table = row_table(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 5)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_child_changed())
        self._wanted_id: str | None = None
        self.model.sig_page_loaded.connect(self._on_rows_loaded)
        self.manage_button = QPushButton()
        self.manage_button.clicked.connect(self.on_manage_clicked)
        # A second representative, or one removed
        self.rep_edit = QLineEdit()
        self.add_rep_button = QPushButton()
        self.add_rep_button.clicked.connect(self.on_add_rep_clicked)
        self.rep_combo = QComboBox()
        self.remove_rep_button = QPushButton()
        self.remove_rep_button.clicked.connect(self.on_remove_rep_clicked)
        # A new child profile, from the letter received for the child
        self.code_edit = QLineEdit()
        self.nir_edit = QLineEdit()
        self.nir_edit.setMaxLength(15)
        self.serial_edit = QLineEdit()
        self.add_child_button = QPushButton()
        self.add_child_button.clicked.connect(self.on_add_child_clicked)
        child_row = QHBoxLayout()
        child_row.addWidget(self.manage_button)
        child_row.addStretch(1)
        # One control per line: long French labels and 200 % text never push the page wider than the window.
        reps = QGridLayout()
        reps.addWidget(self.rep_edit, 0, 0)
        reps.addWidget(self.add_rep_button, 1, 0)
        reps.addWidget(self.rep_combo, 2, 0)
        reps.addWidget(self.remove_rep_button, 3, 0)
        self.new_child_title = label("heading")
        new_child = QGridLayout()
        for row, edit in enumerate((self.code_edit, self.nir_edit, self.serial_edit)):
            new_child.addWidget(edit, row, 0)
        new_child.addWidget(self.add_child_button, 3, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self.stack = TableOrEmpty(self.table, self.model)
        self.stack.empty.setObjectName("children_empty")
        # No child yet: the controls that act on a chosen child step aside, the empty state says how to add one.
        self.stack.currentChanged.connect(lambda _i: self._show_child_controls())
        layout.addWidget(self.stack)
        layout.addLayout(child_row)
        layout.addLayout(reps)
        layout.addWidget(self.new_child_title)
        layout.addLayout(new_child)
        layout.addWidget(self.error)
        for first, second in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)
        self.retranslate_ui()
        self._on_child_changed()

    def tab_chain(self) -> list[QWidget]:
        """The controls in reading order (the page that holds the box chains them with its own)."""
        return [
            self.table,
            self.manage_button,
            self.rep_edit,
            self.add_rep_button,
            self.rep_combo,
            self.remove_rep_button,
            self.code_edit,
            self.nir_edit,
            self.serial_edit,
            self.add_child_button,
        ]

    # -- state -------------------------------------------------------------------------------------------------------
    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Forget what was shown (S18); the list is asked for by ``reload``."""
        self._profile = profile
        self._generation += 1
        self.loaded = False
        self.model.clear()
        for edit in (self.rep_edit, self.code_edit, self.nir_edit, self.serial_edit):
            edit.clear()
        show_error(self.error, "")
        self._on_child_changed()

    def reload(self) -> None:
        from desktop_app import access

        self._run(access.children, lambda _result: None)

    def selected(self) -> ChildProfile | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def _run(self, call: Callable[[UnlockedProfile], object], then: Callable[[object], None]) -> None:
        """Run ``call`` on the worker, then show the list again (fetched on the worker too)."""
        from desktop_app import access

        profile = self._profile
        if profile is None:
            return
        generation = self._generation
        show_error(self.error, "")

        def work() -> tuple[object, list[ChildProfile]]:
            result = call(profile)
            return result, result if isinstance(result, list) else access.children(profile)

        def done(pair: tuple[object, list[ChildProfile]]) -> None:
            if generation != self._generation:
                return
            result, rows = pair
            self._show(rows)
            then(result)

        Op(self, work).success(done).failure(lambda exc: self._on_failed(generation, exc)).run()

    def _show(self, rows: list[ChildProfile]) -> None:
        wanted = self.selected()
        self._wanted_id = wanted.dossier_id if wanted is not None else None
        self.model.set_source(lambda offset, limit: rows[offset : offset + limit])

    def _on_rows_loaded(self, count: int) -> None:
        """The list arrived: the child chosen before stays chosen (else the first), so its actions are ready."""
        rows = self.model.rows()
        row = next((i for i, c in enumerate(rows) if c.dossier_id == self._wanted_id), 0)
        if rows:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.loaded = True
        self._on_child_changed()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        show_error(self.error, message or self.tr("Le service n'a pas pu être joint. Réessayez plus tard."))

    def _on_child_changed(self) -> None:
        child = self.selected()
        self.rep_combo.clear()
        for rep in child.representatives if child is not None else ():
            self.rep_combo.addItem(representative_name(rep), rep.account_id)
        has = child is not None
        self.manage_button.setEnabled(has)
        self.add_rep_button.setEnabled(has)
        self.rep_edit.setEnabled(has)
        self.rep_combo.setEnabled(has and self.rep_combo.count() > 0)
        self.remove_rep_button.setEnabled(has and self.rep_combo.count() > 0)
        self.add_child_button.setEnabled(self._profile is not None)
        self._retranslate_manage()

    def _show_child_controls(self) -> None:
        for control in (self.manage_button, self.rep_edit, self.add_rep_button, self.rep_combo, self.remove_rep_button):
            control.setVisible(not self.stack.showing_empty)

    def _ask(self, *, title: str, text: str, confirm: str) -> bool:
        return self._confirmer.ask(self, title=title, text=text, confirm_label=confirm, cancel_label=self.tr("Annuler"))

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_manage_clicked(self) -> None:
        child = self.selected()
        if child is not None:
            self.sig_manage_requested.emit(child)

    def on_add_child_clicked(self) -> None:
        from desktop_app import access

        code, nir, serial = (
            e.text().replace(" ", "").upper() for e in (self.code_edit, self.nir_edit, self.serial_edit)
        )
        if not (code and nir and serial):
            show_error(
                self.error,
                self.tr(
                    "Recopiez le code d'activation, le NIR et le numéro de série de la lettre reçue pour l'enfant."
                ),
            )
            (self.code_edit if not code else self.nir_edit if not nir else self.serial_edit).setFocus()
            return
        text = self.tr(
            "Vous deviendrez représentant légal de l'enfant dont la lettre porte ce code : vous gérerez son dossier "
            "et qui peut l'ouvrir."
        )
        if self._ask(title=self.tr("Ajouter un profil enfant ?"), text=text, confirm=self.tr("Ajouter")):
            self._run(lambda p: access.add_child(p, activation_code=code, nir=nir, serial=serial), self._added)

    def _added(self, _result: object) -> None:
        for edit in (self.code_edit, self.nir_edit, self.serial_edit, self.rep_edit):
            edit.clear()
        self.sig_changed.emit()

    def on_add_rep_clicked(self) -> None:
        from desktop_app import access

        child, identifier = self.selected(), self.rep_edit.text().strip()
        if child is None:
            return
        if not identifier:
            show_error(self.error, self.tr("Saisissez l'identifiant Carnet du second représentant légal."))
            self.rep_edit.setFocus()
            return
        text = (
            self.tr("%1 deviendra aussi représentant légal de %2 : il gérera son dossier comme vous.")
            .replace("%1", identifier)
            .replace("%2", first_name(child))
        )
        if self._ask(title=self.tr("Ajouter un second représentant légal ?"), text=text, confirm=self.tr("Ajouter")):
            self._run(lambda p: access.add_representative(p, child.dossier_id, identifier), self._added)

    def on_remove_rep_clicked(self) -> None:
        from desktop_app import access

        child, account_id = self.selected(), self.rep_combo.currentData()
        if child is None or not account_id:
            return
        text = (
            self.tr("%1 ne sera plus représentant légal de %2 et ne pourra plus ouvrir ni gérer son dossier.")
            .replace("%1", self.rep_combo.currentText())
            .replace("%2", first_name(child))
        )
        if self._ask(title=self.tr("Retirer ce représentant ?"), text=text, confirm=self.tr("Retirer")):
            self._run(
                lambda p: access.remove_representative(p, child.dossier_id, str(account_id)),
                lambda _r: self.sig_changed.emit(),
            )

    # -- texts -------------------------------------------------------------------------------------------------------
    def _retranslate_manage(self) -> None:
        child = self.selected()
        name = first_name(child) if child is not None else self.tr("l'enfant")
        self.manage_button.setText(self.tr("&Gérer les accès de %1").replace("%1", name))
        describe(
            self.manage_button,
            self.manage_button.text().replace("&", ""),
            self.tr("Ouvrir les réglages d'accès du dossier de l'enfant choisi."),
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Représentants légaux et profils enfants"))
        self.intro.setText(self.tr("Les enfants dont vous gérez le dossier, avec leurs représentants légaux."))
        describe(self.table, self.tr("Profils enfants"), self.tr("Enfant, date de naissance, représentants légaux."))
        self.rep_edit.setPlaceholderText(self.tr("Identifiant Carnet"))
        describe(self.rep_edit, self.tr("Identifiant du second représentant"), self.tr("Son identifiant Carnet."))
        self.add_rep_button.setText(self.tr("A&jouter un second représentant légal"))
        describe(self.add_rep_button, self.tr("Ajouter un second représentant légal"), self.tr("Demande confirmation."))
        describe(self.rep_combo, self.tr("Représentant à retirer"), self.tr("Les représentants de l'enfant choisi."))
        self.remove_rep_button.setText(self.tr("Retirer &ce représentant"))
        describe(self.remove_rep_button, self.tr("Retirer ce représentant"), self.tr("Demande confirmation."))
        self.new_child_title.setText(self.tr("Nouveau profil enfant (lettre reçue pour l'enfant)"))
        for edit, name, hint in (
            (self.code_edit, self.tr("Code d'activation de l'enfant"), self.tr("Code d'activation")),
            (self.nir_edit, self.tr("NIR de l'enfant"), self.tr("NIR (15 chiffres)")),
            (self.serial_edit, self.tr("Numéro de série de la Carte Vitale"), self.tr("N° de série Carte Vitale")),
        ):
            edit.setPlaceholderText(hint)
            describe(edit, name, self.tr("Tel qu'imprimé sur la lettre reçue pour l'enfant."))
        self.add_child_button.setText(self.tr("Ajouter un profil enfant"))
        describe(self.add_child_button, self.tr("Ajouter un profil enfant"), self.tr("Demande confirmation."))
        self.stack.set_texts(
            self.tr("Aucun profil enfant"),
            self.tr(
                "Pour gérer le dossier de votre enfant, saisissez ci-dessous le code d'activation, le NIR et le "
                "numéro de série imprimés sur la lettre reçue pour lui, puis « Ajouter un profil enfant »."
            ),
        )
        self.model.retranslate()
        self._retranslate_manage()
