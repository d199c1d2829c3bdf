"""The doors of issue 17's « Exporter / Imprimer »: one QAction per capability, in the menu « Carnet › Exporter /
Imprimer » and available to the Accueil (``home_actions()``); a FHIR or CDA file dropped on the window is imported.

Installed by one line in ui/app.py; follows the window's unlock and lock (actions that need the open carnet are off
while it is locked). Every dialog it opens is kept in ``self.dialog`` until closed, so tests can answer it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMenu

from desktop_app.exports.printouts import TITLES, Printout
from ui.dialogs import Confirmer
from ui.exports.common import Doors, error_text
from ui.i18n import pick
from ui.ops import Op

if TYPE_CHECKING:
    from desktop_app.exports.backup import BackupInfo
    from desktop_app.exports.file_import import FileImport
    from desktop_app.profile import ProfileDirectory
    from ui.app import MainWindow

IMPORT_SUFFIXES = (".json", ".xml")


class ExportActions(QObject):
    """Owns the actions and the dialogs of exports, printing, backup, restore and import for one main window."""

    def __init__(
        self,
        window: MainWindow,
        *,
        profiles: ProfileDirectory,
        confirmer: Confirmer,
        doors: Doors | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.profiles = profiles
        self.confirmer = confirmer
        self.doors = doors or Doors()
        self.dialog: QDialog | None = None
        self.last_import: FileImport | None = None
        self.menu = QMenu(window)
        self.printouts: dict[Printout, QAction] = {}
        for kind in Printout:
            action = QAction("", window)
            action.triggered.connect(lambda _checked=False, k=kind: self.open_printout(k))
            self.printouts[kind] = action
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.download_action = self._action(self.open_download)
        self.menu.addSeparator()
        self.backup_action = self._action(self.backup)
        self.restore_action = self._action(self.restore)
        self.restore_archive_action = self._action(self.restore_archive)
        self.menu.addSeparator()
        self.import_action = self._action(self.choose_import)
        window.carnet_menu.insertMenu(window.carnet_menu.actions()[0], self.menu)
        window.carnet_menu.insertSeparator(window.carnet_menu.actions()[1])
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.sig_unlocked.connect(lambda _p: self._follow())
        window.sig_locked.connect(self._on_locked)
        self.retranslate_ui()
        self._follow()

    def _action(self, slot: Any) -> QAction:
        action = QAction("", self.window)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def home_actions(self) -> list[QAction]:
        """The actions the Accueil may show as buttons or links."""
        return [
            self.printouts[Printout.SYNTHESE],
            self.printouts[Printout.EMERGENCY_CARD],
            self.printouts[Printout.VACCINATIONS],
            self.download_action,
            self.import_action,
        ]

    def _follow(self) -> None:
        unlocked = not self.window.is_locked()
        for action in (*self.printouts.values(), self.download_action, self.backup_action, self.import_action):
            action.setEnabled(unlocked)

    def _on_locked(self) -> None:
        """Locking closes the open export dialog: a built PDF or a report is health data held in memory (S18)."""
        dialog = self.dialog
        if dialog is not None:
            if hasattr(dialog, "content"):
                dialog.content = None
            dialog.reject()
        self._follow()

    def _show(self, dialog: QDialog) -> QDialog:
        """Window-modal and non-blocking; kept in ``self.dialog`` until it closes."""
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _inform(self, title: str, text: str) -> None:
        self.confirmer.inform(self.window, title=title, text=text)

    # -- printouts and download ----------------------------------------------------------------------------------------
    def open_printout(self, kind: Printout) -> QDialog | None:
        from ui.exports.printable import PrintableDialog

        profile, store = self.window.profile, self.window.store
        if profile is None or store is None:
            return None
        return self._show(
            PrintableDialog(
                kind, profile=profile, store=store, doors=self.doors, confirmer=self.confirmer, parent=self.window
            )
        )

    def open_download(self) -> QDialog | None:
        from ui.exports.download import DownloadDialog

        profile = self.window.profile
        if profile is None:
            return None
        return self._show(
            DownloadDialog(profile=profile, doors=self.doors, confirmer=self.confirmer, parent=self.window)
        )

    # -- backup and restore ------------------------------------------------------------------------------------------
    def backup(self) -> None:
        from ui.exports.download import run_with_progress

        profile = self.window.profile
        if profile is None:
            return
        folder = self.doors.folder(self.window, self.tr("Où enregistrer la sauvegarde du carnet ?"))
        if folder is None:
            return
        self.progress = run_with_progress(
            self.window,
            self.tr("Sauvegarde du carnet…"),
            lambda: profile.backup(folder),
            self._on_backed_up,
            lambda exc: self._inform(self.tr("Sauvegarde impossible"), error_text(exc)),
        )

    def _on_backed_up(self, target: Path) -> None:
        self.last_backup = target
        self._inform(
            self.tr("Sauvegarde terminée"),
            self.tr(
                "Votre carnet est sauvegardé, chiffré, dans le dossier %1. La sauvegarde s'ouvre avec votre mot de "
                "passe actuel : gardez-la sur une clé USB ou un disque à part."
            ).replace("%1", str(target)),
        )

    def restore(self) -> None:
        from desktop_app.exports.backup import read_backup

        folder = self.doors.folder(self.window, self.tr("Choisissez le dossier de la sauvegarde (carnet-…)"))
        if folder is None:
            return
        profiles = self.profiles
        Op(self.window, lambda: read_backup(folder, profiles)).success(self._open_restore).failure(
            lambda exc: self._inform(self.tr("Restauration impossible"), error_text(exc))
        ).run()

    def _open_restore(self, info: BackupInfo) -> None:
        from ui.exports.restore import RestoreDialog

        dialog = RestoreDialog(info, profiles=self.profiles, confirmer=self.confirmer, parent=self.window)
        dialog.sig_confirmed.connect(lambda password: self._restore(info, password))
        self._show(dialog)

    def _restore(self, info: BackupInfo, password: str) -> None:
        from desktop_app.exports.backup import restore_backup
        from ui.exports.download import run_with_progress

        open_profile = self.window.profile
        if open_profile is not None and open_profile.profile_id == info.profile_id:
            self.window.lock()  # the carnet being replaced is closed first (its keys forgotten, files released)
        profiles = self.profiles
        self.progress = run_with_progress(
            self.window,
            self.tr("Restauration du carnet…"),
            lambda: restore_backup(profiles, info.path, password),
            self._on_restored,
            lambda exc: self._inform(self.tr("Restauration impossible"), error_text(exc)),
        )

    def _on_restored(self, profile: Any) -> None:
        self.window.on_unlock_page_unlocked(profile)
        self._inform(
            self.tr("Carnet restauré"),
            self.tr("Le carnet « %1 » est restauré et ouvert.").replace("%1", profile.label),
        )

    def restore_archive(self) -> None:
        from ui.exports.restore import ArchiveRestoreDialog

        path = self.doors.open_path(
            self.window, self.tr("Choisissez l'archive chiffrée à restaurer"), self.tr("Archives Carnet (*.carnet)")
        )
        if path is None:
            return
        dialog = ArchiveRestoreDialog(path, profiles=self.profiles, parent=self.window)
        dialog.sig_restored.connect(self._on_archive_restored)
        self._show(dialog)

    def _on_archive_restored(self, profile: Any, recovery_key: str) -> None:
        """The new carnet opens after its recovery key is shown once (the carnet open before is locked)."""
        if self.window.profile is not None:
            self.window.lock()
        self.window.on_create_page_created(profile, recovery_key)

    # -- import ------------------------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path = self.doors.open_path(
            self.window, self.tr("Importer un fichier FHIR ou CDA"), self.tr("Fichiers FHIR ou CDA (*.json *.xml)")
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Dry run on the worker, then the report; nothing is written before « Importer »."""
        from desktop_app.exports.file_import import import_file

        store = self.window.store
        if store is None:
            return
        Op(self.window, lambda: import_file(store, path, dry_run=True)).success(
            lambda report: self._open_report(path, report)
        ).failure(lambda exc: self._refuse_import(path, exc)).run()

    def _refuse_import(self, path: Path, exc: BaseException) -> None:
        self._inform(
            self.tr("Import impossible"),
            self.tr("« %1 » ne peut pas être importé ; rien n'a été modifié.\n%2")
            .replace("%1", path.name)
            .replace("%2", error_text(exc)),
        )

    def _open_report(self, path: Path, report: FileImport) -> None:
        from ui.exports.importing import ImportReportDialog

        dialog = ImportReportDialog(report, parent=self.window)
        dialog.sig_import_requested.connect(lambda: self._commit_import(dialog, path))
        self._show(dialog)

    def _commit_import(self, dialog: QDialog, path: Path) -> None:
        from desktop_app.exports.file_import import import_file

        store = self.window.store
        if store is None:
            dialog.reject()
            return

        def done(report: FileImport) -> None:
            self.last_import = report
            dialog.accept()
            self._inform(
                self.tr("Import terminé"),
                self.tr("« %1 » : %2 élément(s) et %3 document(s) ajoutés, %4 fusionné(s), %5 ignoré(s).")
                .replace("%1", report.source)
                .replace("%2", str(report.entries.created_entries))
                .replace("%3", str(report.documents_added))
                .replace("%4", str(report.entries.merged))
                .replace("%5", str(len(report.entries.skipped))),
            )

        def failed(exc: BaseException) -> None:
            dialog.reject()
            self._refuse_import(path, exc)

        Op(dialog, lambda: import_file(store, path, dry_run=False)).success(done).failure(failed).run()

    # -- drop and language -------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragEnterEvent | QDropEvent):
            if self._dropped_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = self._dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                self.import_file(path)
                return True
        return super().eventFilter(watched, event)

    def _dropped_file(self, event: QDropEvent) -> Path | None:
        if self.window.is_locked() or not event.mimeData().hasUrls():
            return None
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if url.isLocalFile() and path.suffix.lower() in IMPORT_SUFFIXES and path.is_file():
                return path
        return None

    def retranslate_ui(self) -> None:
        self.menu.setTitle(self.tr("&Exporter / Imprimer"))
        for kind, action in self.printouts.items():
            action.setText(pick(*TITLES[kind]) + "…")
        self.download_action.setText(self.tr("&Télécharger toutes mes données…"))
        self.backup_action.setText(self.tr("&Sauvegarder le carnet…"))
        self.restore_action.setText(self.tr("&Restaurer une sauvegarde…"))
        self.restore_archive_action.setText(self.tr("Restaurer une &archive chiffrée…"))
        self.import_action.setText(self.tr("&Importer un fichier (FHIR, CDA)…"))
