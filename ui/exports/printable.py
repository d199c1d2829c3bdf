"""One printable document (synthèse, carte d'urgence, carnet de vaccination, historique des accès, justificatif
d'aidant): built in memory on the worker, then previewed, printed, saved as a PDF where the person chooses, or stored
in the dossier's documents (encrypted, synced: professionals can open it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QPushButton, QWidget

from desktop_app.exports.printouts import TITLES, Printout, file_name
from ui.dialogs import Confirmer
from ui.exports.common import Doors, error_text, fit, framed
from ui.i18n import current_language, pick
from ui.ops import Op
from ui.widgets import Retranslatable, describe, error_label, label, set_role, show_error

if TYPE_CHECKING:
    from desktop_app.access import AccessEvent, Aidant
    from desktop_app.dossier_store import DossierStore
    from desktop_app.exports import pdf
    from desktop_app.profile import UnlockedProfile


def print_pdf_bytes(content: bytes, printer: QPrinter) -> int:
    """Paint the PDF, from memory, on a printer (or a print preview): no file is written."""
    from ui.paper import print_pdf

    return print_pdf(content, printer)


def worded_access_events(events: tuple[AccessEvent, ...]) -> list[pdf.AccessEvent]:
    """The service's lines in the words of the Historique des accès screen (who, role, action, outcome)."""
    from desktop_app.exports import pdf
    from ui.access_words import AccessWords

    words = AccessWords()  # the wording of a line the Historique des accès screen uses
    try:
        return [
            pdf.AccessEvent(
                at=e.at.astimezone(),
                actor=f"{words.who(e)} ({words.role(e)})",
                action=words.action(e),
                detail=words.outcome(e),
                emergency=e.action == "dossier.emergency",
            )
            for e in events
        ]
    finally:
        words.deleteLater()


class PrintableDialog(Retranslatable, QDialog):
    """The doors of one printable document; « Enregistrer dans mes documents » stores it through the store."""

    def __init__(
        self,
        kind: Printout,
        *,
        profile: UnlockedProfile,
        store: DossierStore,
        doors: Doors,
        confirmer: Confirmer,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._profile = profile
        self._store = store
        self._doors = doors
        self._confirmer = confirmer
        self._now = now or datetime.now(UTC)
        self.content: bytes | None = None
        self.saved_document_id: str | None = None
        self._access_lines: list[pdf.AccessEvent] = []
        self._aidants: list[Aidant] = []
        self._source_note = ""
        self.setObjectName("printableDialog")
        self.title = label("title")
        self.intro = label()
        self.status = label("muted")
        self.error = error_label()
        self.aidant_label = label(wrap=False)
        self.aidant_combo = QComboBox()
        self.aidant_label.setBuddy(self.aidant_combo)
        self.aidant_combo.currentIndexChanged.connect(lambda _i: self._build())
        self.preview_button = QPushButton()
        self.print_button = QPushButton()
        self.save_pdf_button = QPushButton()
        self.save_documents_button = QPushButton()
        self.close_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_pdf_button.clicked.connect(self.save_as_pdf)
        self.save_documents_button.clicked.connect(self.save_to_documents)
        self.close_button.clicked.connect(self.reject)
        self.preview_button.setDefault(True)
        set_role(self.preview_button, "primary")
        aidant_row = QHBoxLayout()
        aidant_row.addWidget(self.aidant_label)
        aidant_row.addWidget(self.aidant_combo, 1)
        layout = framed(
            self,
            [
                self.preview_button,
                self.print_button,
                self.save_pdf_button,
                self.save_documents_button,
                self.close_button,
            ],
        )
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(aidant_row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show_aidants(kind is Printout.CAREGIVER)
        self._set_ready(False)
        self.retranslate_ui()
        self._body = layout
        fit(self, layout, 1000)
        self._load()

    # -- building ----------------------------------------------------------------------------------------------------
    def _show_aidants(self, visible: bool) -> None:
        self.aidant_label.setVisible(visible)
        self.aidant_combo.setVisible(visible)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_pdf_button, self.save_documents_button):
            button.setEnabled(ready)

    def _load(self) -> None:
        """What the document needs beyond the dossier: the access history, or the aidants (from the service, or the
        offline copy), then the PDF."""
        profile = self._profile
        self.status.setText(self.tr("Préparation du document…"))
        if self.kind is Printout.ACCESS_HISTORY:
            from desktop_app.exports.printouts import access_report

            Op(self, lambda: access_report(profile)).success(self._on_access_report).failure(self._on_failed).run()
        elif self.kind is Printout.CAREGIVER:
            from desktop_app.access import access_settings

            Op(self, lambda: access_settings(profile)).success(self._on_aidants).failure(self._on_failed).run()
        else:
            self._build()

    def _on_access_report(self, report: Any) -> None:
        self._access_lines = worded_access_events(report.events)
        moment = report.fetched_at.astimezone().strftime("%d/%m/%Y %H:%M")
        self._source_note = (
            self.tr("Copie hors ligne du %1 (le service n'a pas pu être joint).").replace("%1", moment)
            if report.from_cache
            else self.tr("Historique du service, à jour le %1.").replace("%1", moment)
        )
        self._build()

    def _on_aidants(self, settings: Any) -> None:
        self._aidants = [a for a in settings.aidants if a.active]
        self.aidant_combo.blockSignals(True)
        self.aidant_combo.clear()
        for aidant in self._aidants:
            until = aidant.ends_at.astimezone().strftime("%d/%m/%Y")
            name = aidant.identifier or aidant.account_id
            self.aidant_combo.addItem(self.tr("%1, jusqu'au %2").replace("%1", name).replace("%2", until))
        self.aidant_combo.blockSignals(False)
        if not self._aidants:
            self.status.setText("")
            show_error(
                self.error,
                self.tr(
                    "Aucun proche aidant n'est invité sur votre dossier. Invitez-en un dans « Accès et "
                    "confidentialité », puis revenez ici pour imprimer son justificatif."
                ),
            )
            return
        self._build()

    def _build(self) -> None:
        from desktop_app.exports.printouts import build_printout, caregiver_grant

        store, kind, now, owner = self._store, self.kind, self._now, self._profile.label
        lines, lang = list(self._access_lines), current_language()
        aidant = self._aidants[self.aidant_combo.currentIndex()] if self._aidants else None
        if kind is Printout.CAREGIVER and aidant is None:
            return
        self._set_ready(False)
        self.content = None

        def build() -> bytes:
            grant = caregiver_grant(store, aidant, now=now, owner=owner, lang=lang) if aidant is not None else None
            return build_printout(store, kind, now=now, owner=owner, access_events=lines, grant=grant, lang=lang)

        Op(self, build).success(self._on_built).failure(self._on_failed).run()

    def _on_built(self, content: bytes) -> None:
        self.content = content
        show_error(self.error, "")
        ready = self.tr("Le document est prêt : prévisualisez-le, imprimez-le ou enregistrez-le.")
        self.status.setText(f"{self._source_note} {ready}".strip())
        self._set_ready(True)
        fit(self, self._body, max(1000, self.width()))  # the status line may need one more line

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText("")
        show_error(self.error, error_text(exc))

    # -- doors -------------------------------------------------------------------------------------------------------
    def make_preview(self) -> QPrintPreviewDialog:
        """The print preview, painting the PDF from memory."""
        assert self.content is not None
        content = self.content
        # The preview does not own its printer: kept here, or Python frees it under the dialog.
        self._preview_printer = printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Aperçu avant impression — %1").replace("%1", self.document_title()))
        dialog.paintRequested.connect(lambda target: print_pdf_bytes(content, target))
        return dialog

    def preview(self) -> None:
        if self.content is not None:
            self._doors.run_modal(self.make_preview())

    def print_document(self) -> None:
        if self.content is None:
            return
        printer = self._doors.printer(self)
        if printer is not None:
            print_pdf_bytes(self.content, printer)

    def save_as_pdf(self) -> None:
        from desktop_app.hardening import make_private

        if self.content is None:
            return
        out = self._doors.save_path(
            self,
            self.tr("Enregistrer en PDF"),
            file_name(self.kind, self._now.astimezone().date()),
            self.tr("Documents PDF (*.pdf)"),
        )
        if out is None:
            return
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            out.write_bytes(self.content)  # only where the person chose (S15)
            make_private(out)
        except OSError as exc:
            show_error(self.error, error_text(exc))
            return
        self.status.setText(self.tr("PDF enregistré : %1").replace("%1", str(out)))

    def save_to_documents(self) -> None:
        from desktop_app.exports.printouts import save_to_documents

        if self.content is None:
            return
        store, kind, content, day = self._store, self.kind, self.content, self._now.astimezone().date()
        lang = current_language()
        self.save_documents_button.setEnabled(False)
        Op(self, lambda: save_to_documents(store, kind, content, day=day, lang=lang)).success(self._on_saved).failure(
            self._on_failed
        ).run()

    def _on_saved(self, info: Any) -> None:
        self.saved_document_id = info.id
        self.status.setText(
            self.tr(
                "« %1 » est enregistré dans vos documents (Ma santé en résumé). Les professionnels que vous avez "
                "autorisés peuvent le consulter."
            ).replace("%1", info.title)
        )

    # -- text --------------------------------------------------------------------------------------------------------
    def document_title(self) -> str:
        return pick(*TITLES[self.kind])

    def retranslate_ui(self) -> None:
        intros = {
            Printout.SYNTHESE: self.tr(
                "Tout ce que vous avez renseigné, rubrique par rubrique, pour le montrer à un professionnel."
            ),
            Printout.EMERGENCY_CARD: self.tr(
                "Une carte à découper et à garder avec vos papiers : votre nom, votre date de naissance, vos "
                "allergies, traitements, groupe sanguin et contacts d'urgence."
            ),
            Printout.VACCINATIONS: self.tr(
                "Le relevé de vos vaccinations : date, vaccin, injection, numéro de lot et vaccinateur."
            ),
            Printout.ACCESS_HISTORY: self.tr(
                "Qui a ouvert votre dossier ou modifié ses accès, et quand, tel que le service l'a enregistré."
            ),
            Printout.CAREGIVER: self.tr(
                "La preuve qu'un proche aidant peut vous aider à gérer votre dossier, avec ses dates et ses limites."
            ),
        }
        title = self.document_title()
        self.setWindowTitle(title)
        self.title.setText(title)
        self.intro.setText(intros[self.kind])
        self.aidant_label.setText(self.tr("&Proche aidant :"))
        describe(
            self.aidant_combo, self.tr("Proche aidant"), self.tr("Le proche aidant dont imprimer le justificatif.")
        )
        texts = (
            (
                self.preview_button,
                self.tr("&Aperçu avant impression…"),
                self.tr("Voir les pages avant de les imprimer."),
            ),
            (self.print_button, self.tr("&Imprimer…"), self.tr("Choisir une imprimante et imprimer le document.")),
            (
                self.save_pdf_button,
                self.tr("Enregistrer en &PDF…"),
                self.tr("Écrire le document dans un fichier PDF, à l'endroit que vous choisissez (non chiffré)."),
            ),
            (
                self.save_documents_button,
                self.tr("Enregistrer dans mes &documents"),
                self.tr("Garder le document dans votre carnet, chiffré, où vos professionnels peuvent le voir."),
            ),
            (self.close_button, self.tr("&Fermer"), self.tr("Fermer cette fenêtre.")),
        )
        for button, text, description in texts:
            button.setText(text)
            describe(button, text.replace("&", "").rstrip("…"), description)
