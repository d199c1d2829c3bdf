"""« Préparer la journée »: the professional checks the patients of the day and how many documents to keep."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from desktop_app.clinic import DEFAULT_POLICY, DocumentPolicy, PatientSummary
from ui.clinic.patients import french_date
from ui.i18n import pick
from ui.widgets import describe, error_label, label, show_error

DOSSIER_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(moment: datetime) -> str:
    """JJ/MM/AAAA à HH:MM (DD/MM/YYYY at HH:MM in English), the dates of the whole workstation."""
    return moment.astimezone().strftime(pick("%d/%m/%Y à %H:%M", "%d/%m/%Y at %H:%M"))


class PrepareDayDialog(QDialog):
    """A checkable list of the patients this professional may open, select all / none, and the document policy."""

    sig_chosen = Signal(list, object)
    """(dossier ids checked, DocumentPolicy): the window prepares the day with them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Préparer la journée"))
        describe(self, self.windowTitle(), self.tr("Choisir les dossiers gardés sur ce poste pour la journée."))
        intro = label()
        intro.setText(
            self.tr(
                "Cochez les patients du jour : seuls leurs dossiers seront gardés, chiffrés, sur ce poste pour "
                "travailler hors ligne. Les autres en seront retirés."
            )
        )
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        describe(self.list, self.tr("Patients du jour"), self.tr("Espace coche ou décoche le patient sélectionné."))
        self.loading = label("muted")
        self.loading.setText(self.tr("Chargement de vos patients…"))
        self.all = QPushButton(self.tr("Tout cocher"))
        describe(self.all, self.all.text(), self.tr("Choisir tous les patients de la liste."))
        self.none = QPushButton(self.tr("Tout décocher"))
        describe(self.none, self.none.text(), self.tr("Ne choisir aucun patient."))
        self.all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.count = label("muted", wrap=False)
        self.documents = QComboBox()
        for text, policy in (
            (self.tr("Aucun document (fiches et titres seulement)"), DocumentPolicy.NONE),
            (self.tr("Documents des 12 derniers mois"), DocumentPolicy.RECENT),
            (self.tr("Tous les documents"), DocumentPolicy.ALL),
        ):
            self.documents.addItem(text, policy.value)
        describe(
            self.documents,
            self.tr("Documents gardés sur ce poste"),
            self.tr("Le contenu des documents à garder hors ligne ; les titres sont toujours là."),
        )
        documents_caption = label(buddy=self.documents)
        documents_caption.setText(self.tr("Documents gardés sur ce poste"))
        self.error = error_label()
        self.confirm = QPushButton(self.tr("Préparer"))
        describe(self.confirm, self.confirm.text(), self.tr("Garder sur ce poste les dossiers cochés."))
        self.confirm.setDefault(True)
        self.cancel = QPushButton(self.tr("Annuler"))
        describe(self.cancel, self.cancel.text(), self.tr("Fermer sans rien changer."))
        self.confirm.clicked.connect(self._submit)
        self.cancel.clicked.connect(self.reject)
        self.model.itemChanged.connect(lambda _item: self._update_count())
        self.set_policy(DEFAULT_POLICY)

        checks = QHBoxLayout()
        checks.addWidget(self.all)
        checks.addWidget(self.none)
        checks.addStretch(1)
        checks.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.loading)
        box.addWidget(self.list, 1)
        box.addLayout(checks)
        box.addWidget(documents_caption)
        box.addWidget(self.documents)
        box.addWidget(self.error)
        box.addLayout(buttons)
        self.resize(620, 480)
        self._update_count()

    def set_patients(
        self,
        patients: list[PatientSummary],
        *,
        chosen: Collection[str],
        until: Mapping[str, datetime],
    ) -> None:
        """One checkable row per patient; those of the current day start checked and show their lease."""
        self.model.clear()
        for p in patients:
            text = f"{p.last_name.upper()} {p.first_names}"
            if p.birth_date:
                text += self.tr(" — né(e) le %1").replace("%1", french_date(p.birth_date))
            if p.ins:
                text += f" — INS {p.ins}"
            if p.dossier_id in until:
                text += self.tr(" — disponible hors ligne jusqu'au %1").replace("%1", local_time(until[p.dossier_id]))
            item = QStandardItem(text)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if p.dossier_id in chosen else Qt.CheckState.Unchecked)
            item.setData(p.dossier_id, DOSSIER_ROLE)
            item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(item)
        self.loading.setVisible(False)
        if not patients:
            show_error(self.error, self.tr("Aucun patient ne vous a autorisé pour le moment."))
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus()
        self._update_count()

    def failed(self, message: str) -> None:
        self.loading.setVisible(False)
        show_error(self.error, message)

    def set_policy(self, policy: DocumentPolicy) -> None:
        self.documents.setCurrentIndex(self.documents.findData(policy.value))

    def policy(self) -> DocumentPolicy:
        return DocumentPolicy(self.documents.currentData())

    def _items(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]

    def chosen_ids(self) -> list[str]:
        return [str(i.data(DOSSIER_ROLE)) for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    def _check_all(self, state: Qt.CheckState) -> None:
        for item in self._items():
            item.setCheckState(state)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 patient(s) choisi(s)").replace("%1", str(len(self.chosen_ids()))))
        self.count.setAccessibleName(self.count.text())

    def _submit(self) -> None:
        show_error(self.error, "")
        self.sig_chosen.emit(self.chosen_ids(), self.policy())
