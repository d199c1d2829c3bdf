"""Backup and restore of the carnet: the encrypted copy of the whole carnet into a folder the person chooses, and
its restoration — the backup's password checked first, then a confirmation that names what will be replaced."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QWidget

from ui.dialogs import Confirmer
from ui.exports.common import action_buttons, error_text, fit, framed, secret_edit
from ui.ops import Op
from ui.widgets import PasswordStrengthMeter, Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from desktop_app.exports.backup import BackupInfo
    from desktop_app.profile import ProfileDirectory


class RestoreDialog(Retranslatable, QDialog):
    """Restore one backup folder: its password, then « Restaurer » after a confirmation."""

    sig_confirmed = Signal(str)
    """The password opens the backup and the person confirmed the replacement; carries the password."""

    def __init__(
        self, info: BackupInfo, *, profiles: ProfileDirectory, confirmer: Confirmer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.info = info
        self._profiles = profiles
        self._confirmer = confirmer
        self.setObjectName("restoreDialog")
        self.title = label("title")
        self.what = label()
        self.warning = label("error")
        self.password_edit = secret_edit()
        self.password_label = label(buddy=self.password_edit)
        self.error = error_label()
        self.restore_button, self.cancel_button = action_buttons(self, self.restore)
        form = QFormLayout()
        form.addRow(self.password_label, self.password_edit)
        layout = framed(self, [self.restore_button, self.cancel_button])
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.retranslate_ui()
        fit(self, layout, 680)

    def restore(self) -> None:
        from desktop_app.exports.backup import check_backup_password

        password = self.password_edit.text()
        if not password:
            show_error(self.error, self.tr("Saisissez le mot de passe que le carnet avait lors de la sauvegarde."))
            self.password_edit.setFocus()
            return
        show_error(self.error, "")
        self.restore_button.setEnabled(False)
        folder = self.info.path
        Op(self, lambda: check_backup_password(folder, password)).success(
            lambda _r: self._on_password_checked(password)
        ).failure(self._on_failed).run()

    def _on_password_checked(self, password: str) -> None:
        self.restore_button.setEnabled(True)
        if not self._confirmer.ask(
            self,
            title=self.tr("Restaurer le carnet ?"),
            text=self.confirmation_text(),
            confirm_label=self.tr("Remplacer par la sauvegarde") if self.info.replaces else self.tr("Restaurer"),
            cancel_label=self.tr("Ne rien changer"),
        ):
            return
        self.sig_confirmed.emit(password)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        show_error(self.error, error_text(exc) + " " + self.tr("Rien n'a été modifié."))

    def saved_at(self) -> str:
        moment = self.info.saved_at
        return self.tr("%1 à %2").replace("%1", moment.strftime("%d/%m/%Y")).replace("%2", moment.strftime("%H:%M"))

    def confirmation_text(self) -> str:
        if self.info.replaces:
            return (
                self.tr(
                    "Le carnet « %1 » de cet ordinateur sera remplacé par la sauvegarde du %2. Ce qui y a été saisi "
                    "depuis et n'a pas été synchronisé avec le service sera perdu."
                )
                .replace("%1", self.info.replaces)
                .replace("%2", self.saved_at())
            )
        return (
            self.tr("Le carnet « %1 » sauvegardé le %2 sera ajouté à cet ordinateur.")
            .replace("%1", self.info.label)
            .replace("%2", self.saved_at())
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        self.title.setText(self.tr("Restaurer une sauvegarde"))
        self.what.setText(
            self.tr("Sauvegarde du carnet « %1 », faite le %2.")
            .replace("%1", self.info.label)
            .replace("%2", self.saved_at())
        )
        self.warning.setText(self.confirmation_text())
        self.password_label.setText(self.tr("&Mot de passe de la sauvegarde :"))
        describe(
            self.password_edit,
            self.tr("Mot de passe de la sauvegarde"),
            self.tr("Le mot de passe que le carnet avait quand la sauvegarde a été faite."),
        )
        describe(self.warning, self.tr("Ce qui va changer"), self.warning.text())
        self.restore_button.setText(self.tr("&Restaurer…"))
        describe(self.restore_button, self.tr("Restaurer"), self.tr("Vérifier le mot de passe, puis confirmer."))
        self.cancel_button.setText(self.tr("&Annuler"))
        describe(self.cancel_button, self.tr("Annuler"), self.tr("Fermer sans rien changer."))


class ArchiveRestoreDialog(Retranslatable, QDialog):
    """Restore an encrypted archive (« Télécharger toutes mes données › Archive ») as a new carnet on this computer:
    the archive's passphrase, a name and a new password; the archive is checked whole before anything is created."""

    sig_restored = Signal(object, str)
    """The new carnet is created and filled; carries the unlocked profile and its recovery key (shown once)."""

    def __init__(self, archive: Path, *, profiles: ProfileDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._profiles = profiles
        self.setObjectName("archiveRestoreDialog")
        self.title = label("title")
        self.what = label()
        self.passphrase_edit = secret_edit()
        self.name_edit = QLineEdit()
        self.password_edit = secret_edit()
        self.password_again_edit = secret_edit()
        self.meter = PasswordStrengthMeter()
        self.password_edit.textChanged.connect(lambda text: self.meter.update_for(text))
        self.passphrase_label = label(buddy=self.passphrase_edit)
        self.name_label = label(buddy=self.name_edit)
        self.password_label = label(buddy=self.password_edit)
        self.password_again_label = label(buddy=self.password_again_edit)
        self.error = error_label()
        self.restore_button, self.cancel_button = action_buttons(self, self.restore)
        form = QFormLayout()
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow("", self.meter)
        form.addRow(self.password_again_label, self.password_again_edit)
        layout = framed(self, [self.restore_button, self.cancel_button])
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.retranslate_ui()
        fit(self, layout, 720)

    def _field_error(self, field: QLineEdit, message: str) -> None:
        show_error(self.error, message)
        field.setFocus()

    def restore(self) -> None:
        from desktop_app.exports.archive import import_archive

        passphrase, name = self.passphrase_edit.text(), self.name_edit.text().strip()
        password = self.password_edit.text()
        if not passphrase:
            return self._field_error(self.passphrase_edit, self.tr("Saisissez la phrase de passe de l'archive."))
        if not name:
            return self._field_error(self.name_edit, self.tr("Donnez un nom au carnet restauré."))
        if password != self.password_again_edit.text():
            return self._field_error(self.password_again_edit, self.tr("Les deux mots de passe diffèrent."))
        show_error(self.error, "")
        self.restore_button.setEnabled(False)
        profiles, archive = self._profiles, self.archive

        def work() -> tuple[Any, str]:
            keys: list[str] = []
            profile = import_archive(
                profiles, archive, passphrase, label=name, password=password, on_recovery_key=keys.append
            )
            return profile, keys[0]

        from ui.exports.download import run_with_progress

        self.progress = run_with_progress(
            self, self.tr("Vérification et restauration de l'archive…"), work, self._on_restored, self._on_failed
        )

    def _on_restored(self, result: tuple[Any, str]) -> None:
        self.password_edit.clear()
        self.password_again_edit.clear()
        self.passphrase_edit.clear()
        self.sig_restored.emit(*result)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        show_error(self.error, error_text(exc))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restaurer une archive chiffrée"))
        self.title.setText(self.tr("Restaurer une archive chiffrée"))
        self.what.setText(
            self.tr(
                "L'archive « %1 » devient un nouveau carnet sur cet ordinateur ; aucun carnet existant n'est "
                "modifié. Choisissez son nom et son mot de passe."
            ).replace("%1", self.archive.name)
        )
        self.passphrase_label.setText(self.tr("P&hrase de passe de l'archive :"))
        self.name_label.setText(self.tr("&Nom du carnet :"))
        self.password_label.setText(self.tr("Nouveau &mot de passe :"))
        self.password_again_label.setText(self.tr("&Confirmez le mot de passe :"))
        describe(self.passphrase_edit, self.tr("Phrase de passe de l'archive"), self.tr("Choisie lors de l'export."))
        describe(self.name_edit, self.tr("Nom du carnet"), self.tr("Le nom affiché à l'ouverture."))
        describe(self.password_edit, self.tr("Nouveau mot de passe"), self.tr("Il protège le carnet restauré."))
        describe(self.password_again_edit, self.tr("Confirmation du mot de passe"))
        self.restore_button.setText(self.tr("&Restaurer"))
        describe(self.restore_button, self.tr("Restaurer"), self.tr("Vérifier l'archive, puis créer le carnet."))
        self.cancel_button.setText(self.tr("&Annuler"))
        describe(self.cancel_button, self.tr("Annuler"), self.tr("Fermer sans rien changer."))
