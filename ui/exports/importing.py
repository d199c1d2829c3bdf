"""Import a FHIR or CDA file: the dry run's report (imported, merged, skipped with reasons) before anything is written;
« Importer » commits it all, « Annuler » leaves the carnet as it was."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QListWidget, QTableView, QWidget

from ui.exports.common import action_buttons, fit, framed
from ui.i18n import current_language
from ui.widgets import Retranslatable, describe, error_label, label

if TYPE_CHECKING:
    from desktop_app.exports.file_import import FileImport


class ImportReportDialog(Retranslatable, QDialog):
    """What the file would bring, per type, and every skipped item with its reason; nothing is written yet."""

    sig_import_requested = Signal()
    """« Importer »: run the import for real."""

    def __init__(self, report: FileImport, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("importReportDialog")
        self.title = label("title")
        self.summary = label()
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.skipped_label = label()
        self.skipped = QListWidget()
        self.skipped.setWordWrap(True)
        self.skipped_label.setBuddy(self.skipped)
        self.error = error_label()
        self.import_button, self.cancel_button = action_buttons(self, self.on_import_clicked)
        layout = framed(self, [self.import_button, self.cancel_button])
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.skipped, 1)
        layout.addWidget(self.error)
        self.retranslate_ui()
        fit(self, layout, 820)

    def on_import_clicked(self) -> None:
        self.import_button.setEnabled(False)
        self.sig_import_requested.emit()

    def skipped_lines(self) -> list[str]:
        """One line per reason and type: « Observation ×3 : reason »."""
        lang = current_language()
        reasons = Counter((s.resource_type, s.reason.message(lang)) for s in self.report.entries.skipped)
        return [
            self.tr("%1 ×%2 : %3").replace("%1", rtype).replace("%2", str(n)).replace("%3", why)
            for (rtype, why), n in sorted(reasons.items())
        ]

    def retranslate_ui(self) -> None:
        r = self.report
        entries = r.entries
        self.setWindowTitle(self.tr("Importer %1").replace("%1", r.source))
        self.title.setText(self.tr("Ce que « %1 » apporte à votre carnet").replace("%1", r.source))
        parts = [
            self.tr("%n élément(s) à ajouter", "", entries.created_entries),
            self.tr("%n élément(s) déjà présent(s), fusionné(s)", "", entries.merged),
            self.tr("%n document(s) à ajouter", "", r.documents_added),
            self.tr("%n ignoré(s)", "", len(entries.skipped)),
        ]
        text = (
            " · ".join(parts)
            + "\n"
            + self.tr(
                "Rien n'est encore enregistré. « Importer » enregistre tout d'un coup ; « Annuler » ne change rien."
            )
        )
        if not r.changes_anything:
            text = self.tr("Ce fichier n'apporte rien de nouveau à votre carnet.") + "\n" + text
        self.summary.setText(text)
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Type"),
                self.tr("Dans le fichier"),
                self.tr("À importer"),
                self.tr("Fusionnés"),
                self.tr("Ignorés"),
            ]
        )
        for rtype in sorted(entries.by_type):
            c = entries.by_type[rtype]
            cells = [rtype, str(c.in_file), str(c.imported), str(c.merged), str(c.skipped)]
            row = [QStandardItem(cell) for cell in cells]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        self.table.resizeColumnsToContents()
        lines = self.skipped_lines()
        self.skipped_label.setText(self.tr("&Ignorés, et pourquoi :") if lines else self.tr("Rien n'est ignoré."))
        self.skipped.clear()
        self.skipped.addItems(lines)
        self.skipped.setVisible(bool(lines))
        describe(
            self.table, self.tr("Par type de données"), self.tr("Ce que le fichier contient et ce qui en sera fait.")
        )
        describe(self.skipped, self.tr("Éléments ignorés"), self.tr("Chaque élément ignoré et la raison."))
        self.import_button.setText(self.tr("&Importer"))
        describe(self.import_button, self.tr("Importer"), self.tr("Enregistrer tout ce qui est listé, d'un coup."))
        self.import_button.setEnabled(r.changes_anything)
        self.cancel_button.setText(self.tr("&Annuler"))
        describe(self.cancel_button, self.tr("Annuler"), self.tr("Ne rien importer."))
