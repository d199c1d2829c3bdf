"""« Télécharger toutes mes données »: the IPS summary or the whole dossier in FHIR (plain JSON, with the warning
that it is not encrypted), or the encrypted archive of the whole carnet. The carnet's password is asked again (S19);
the work runs on the store worker behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QProgressDialog,
    QRadioButton,
    QWidget,
)

from ui.dialogs import Confirmer
from ui.exports.common import Doors, action_buttons, error_text, fit, framed, secret_edit
from ui.ops import Op
from ui.widgets import Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile

IPS, FHIR, ARCHIVE = "ips", "fhir", "archive"


def busy_progress(parent: QWidget, text: str) -> QProgressDialog:
    """A progress dialog for work whose length is unknown; shown only if it lasts more than a second."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)  # type: ignore[arg-type]  # the work cannot stop half way: nothing to cancel
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(1000)
    progress.setAutoClose(False)
    progress.setValue(0)
    return progress


def run_with_progress(
    parent: QWidget,
    text: str,
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> QProgressDialog:
    """Run `work` on the store worker behind a progress dialog; `done` or `failed` on the UI thread."""
    progress = busy_progress(parent, text)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            progress.reset()
            progress.deleteLater()
            callback(value)

        return call

    Op(parent, work).success(finish(done)).failure(finish(failed)).run()
    return progress


class ProgressRelay(QObject):
    """Carries the worker's progress to the UI thread (queued), where the progress dialog shows it."""

    sig_percent = Signal(int)

    def report(self, progress: Any) -> None:  # worker thread: emits only
        if progress.phase == "download" and progress.bytes_total:
            self.sig_percent.emit(min(100, progress.bytes_done * 100 // progress.bytes_total))


class DownloadDialog(Retranslatable, QDialog):
    """Choose what to download, prove it is you, choose where; then wait for the file."""

    def __init__(
        self, *, profile: UnlockedProfile, doors: Doors, confirmer: Confirmer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._doors = doors
        self._confirmer = confirmer
        self.written: Path | None = None
        self.setObjectName("downloadDialog")
        self.title = label("title")
        self.intro = label()
        self.choices = QButtonGroup(self)
        self.ips_radio = QRadioButton()
        self.fhir_radio = QRadioButton()
        self.archive_radio = QRadioButton()
        for key, radio in ((IPS, self.ips_radio), (FHIR, self.fhir_radio), (ARCHIVE, self.archive_radio)):
            radio.setProperty("choice", key)
            self.choices.addButton(radio)
        self.fhir_radio.setChecked(True)
        self.warning = label("error")
        self.password_edit = secret_edit()
        self.passphrase_edit = secret_edit()
        self.passphrase_again_edit = secret_edit()
        self.password_label = label(buddy=self.password_edit)
        self.passphrase_label = label(buddy=self.passphrase_edit)
        self.passphrase_again_label = label(buddy=self.passphrase_again_edit)
        self.error = error_label()
        self.status = label("muted")
        self.download_button, self.close_button = action_buttons(self, self.download)
        self.choices.buttonToggled.connect(lambda _b, _c: self._update())
        form = QFormLayout()
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow(self.passphrase_again_label, self.passphrase_again_edit)
        layout = framed(self, [self.download_button, self.close_button])
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        for radio in (self.ips_radio, self.fhir_radio, self.archive_radio):
            layout.addWidget(radio)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self._body = layout
        self._update()

    def choice(self) -> str:
        checked = self.choices.checkedButton()
        return str(checked.property("choice")) if checked is not None else FHIR

    def _update(self) -> None:
        archive = self.choice() == ARCHIVE
        for widget in (self.passphrase_label, self.passphrase_edit, self.passphrase_again_label):
            widget.setVisible(archive)
        self.passphrase_again_edit.setVisible(archive)
        self.retranslate_ui()
        fit(self, self._body, 720)  # the archive's two fields make it taller

    def download(self) -> None:
        from desktop_app.exports.printouts import check_password

        choice = self.choice()
        password = self.password_edit.text()
        passphrase = self.passphrase_edit.text()
        if not password:
            show_error(self.error, self.tr("Saisissez le mot de passe de votre carnet."))
            self.password_edit.setFocus()
            return
        if choice == ARCHIVE and passphrase != self.passphrase_again_edit.text():
            show_error(self.error, self.tr("Les deux phrases de passe diffèrent."))
            self.passphrase_again_edit.setFocus()
            return
        day = datetime.now(UTC).astimezone().date()
        names = {IPS: f"carnet-ips-{day}.json", FHIR: f"carnet-dossier-{day}.json", ARCHIVE: f"carnet-{day}.carnet"}
        filters = {
            IPS: self.tr("Fichiers FHIR (*.json)"),
            FHIR: self.tr("Fichiers FHIR (*.json)"),
            ARCHIVE: self.tr("Archives Carnet (*.carnet)"),
        }
        out = self._doors.save_path(self, self.tr("Télécharger mes données"), names[choice], filters[choice])
        if out is None:
            return
        show_error(self.error, "")
        profile = self._profile

        relay = ProgressRelay(self)
        relay.sig_percent.connect(self._on_percent)

        def work() -> Any:
            check_password(profile, password)  # before anything is written (S19)
            return export_to(profile, choice, out, passphrase, relay.report)

        self.download_button.setEnabled(False)
        self.progress = run_with_progress(
            self, self.tr("Préparation de vos données…"), work, lambda r: self._on_done(out, r), self._on_failed
        )

    def _on_percent(self, percent: int) -> None:
        """Documents not on this computer yet are fetched first: their download has a measurable progress."""
        progress = getattr(self, "progress", None)
        if progress is None or not shiboken6.isValid(progress):
            return
        progress.setRange(0, 100)
        progress.setValue(percent)
        progress.setLabelText(self.tr("Téléchargement des documents… %1 %").replace("%1", str(percent)))

    def _on_done(self, out: Path, result: Any) -> None:
        self.download_button.setEnabled(True)
        self.password_edit.clear()
        self.written = out
        text = self.tr("Vos données sont enregistrées dans %1.").replace("%1", str(out))
        if result.missing:
            text += " " + self.tr(
                "%n document(s) ne sont pas encore sur cet ordinateur et n'y sont pas : synchronisez, puis "
                "téléchargez de nouveau.",
                "",
                result.missing,
            )
        if self.choice() != ARCHIVE:
            text += " " + self.tr("Ce fichier n'est pas chiffré : gardez-le en lieu sûr et supprimez-le après usage.")
        self.status.setText(text)
        self._confirmer.inform(self, title=self.tr("Téléchargement terminé"), text=text)

    def _on_failed(self, exc: BaseException) -> None:
        self.download_button.setEnabled(True)
        show_error(self.error, error_text(exc))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Télécharger toutes mes données"))
        self.title.setText(self.tr("Télécharger toutes mes données"))
        self.intro.setText(
            self.tr(
                "La synthèse IPS est le résumé international de votre santé ; le dossier FHIR contient tout, avec vos "
                "documents ; l'archive chiffrée permet de restaurer le carnet sur un autre ordinateur. Le fichier est "
                "écrit à l'endroit que vous choisissez."
            )
        )
        self.ips_radio.setText(self.tr("&Synthèse IPS (FHIR)"))
        self.fhir_radio.setText(self.tr("Tout le &dossier (FHIR), avec vos documents"))
        self.archive_radio.setText(self.tr("&Archive chiffrée de tout le carnet"))
        if self.choice() == ARCHIVE:
            self.warning.setText(
                self.tr(
                    "L'archive est chiffrée avec la phrase de passe que vous choisissez ci-dessous. Sans elle, "
                    "personne — vous non plus — ne pourra la lire."
                )
            )
        else:
            self.warning.setText(
                self.tr(
                    "Attention : un fichier FHIR n'est pas chiffré. Toute personne qui y a accès peut lire vos "
                    "données de santé. Gardez-le en lieu sûr et supprimez-le après usage."
                )
            )
        self.password_label.setText(self.tr("&Mot de passe du carnet :"))
        self.passphrase_label.setText(self.tr("P&hrase de passe de l'archive :"))
        self.passphrase_again_label.setText(self.tr("&Confirmez la phrase de passe :"))
        describe(self.password_edit, self.tr("Mot de passe du carnet"), self.tr("Demandé de nouveau pour exporter."))
        describe(self.passphrase_edit, self.tr("Phrase de passe de l'archive"), self.tr("Au moins 12 caractères."))
        describe(self.passphrase_again_edit, self.tr("Confirmation de la phrase de passe"))
        for radio in (self.ips_radio, self.fhir_radio, self.archive_radio):
            describe(radio, radio.text().replace("&", ""))
        describe(self.warning, self.tr("Avertissement"), self.warning.text())
        self.download_button.setText(self.tr("&Télécharger…"))
        describe(self.download_button, self.tr("Télécharger"), self.tr("Choisir où écrire le fichier, puis l'écrire."))
        self.close_button.setText(self.tr("&Fermer"))
        describe(self.close_button, self.tr("Fermer"), self.tr("Fermer cette fenêtre."))


class ExportResult:
    """How many documents were left out because their bytes are not on this computer yet."""

    def __init__(self, missing: int) -> None:
        self.missing = missing


def export_to(
    profile: UnlockedProfile,
    choice: str,
    out: Path,
    passphrase: str,
    on_progress: Callable[[Any], None] | None = None,
) -> ExportResult:
    """Worker side: fetch missing document bytes when linked, then write the chosen export (never half a file)."""
    from desktop_app.exports.archive import export_archive
    from desktop_app.exports.fhir_io import export_fhir_collection, export_ips
    from desktop_app.exports.local_bytes import fetch_missing, missing_documents
    from desktop_app.hardening import make_private

    ds = profile.dossier()
    if choice == IPS:
        export_ips(ds, out)
        make_private(out)
        return ExportResult(0)
    ids = profile.dossier_ids() if choice == ARCHIVE else [ds.dossier_id]
    fetch_missing(profile, ids, on_progress)
    missing = {d.id for i in ids for d in missing_documents(profile.dossier(i))}
    if choice == ARCHIVE:
        export_archive(profile, out, passphrase, skip_documents=missing)
    else:
        export_fhir_collection(ds, out, skip_documents=missing)
    make_private(out)
    return ExportResult(len(missing))
