"""The Poste de soins' document window: a patient's document opened inside Carnet, never by another program.

Online, its bytes come from the service; offline, from the encrypted copy the day's preparation kept on this PC
(desktop_app.clinic_documents); either way they stay in memory, rendered by the shared viewer (ui.viewer).
When the document cannot be shown (not kept for offline use, refused by the service…), the window says why where
the document would be. Locking the workstation or closing the window drops the bytes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.clinic import ClinicSession
from desktop_app.clinic_documents import OpenedDocument, open_document
from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from ui.i18n import current_language
from ui.ops import Op
from ui.viewer import DocumentViewer
from ui.widgets import Retranslatable, describe, label


class ClinicDocumentWindow(Retranslatable, QWidget):
    """One document of the open dossier, in a window of its own beside the Poste de soins (Échap closes it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ticket = 0  # a document asked for before a lock or a newer request is never shown
        self._opened: OpenedDocument | None = None  # where the bytes shown came from (never logged)
        self._patient = ""
        self.source = label("muted")
        self.viewer = DocumentViewer(widen=False, detach=False)  # already a window: as large as one wants
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.viewer, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(820, 900)
        self.retranslate_ui()

    def open(self, session: ClinicSession, dossier_id: str, document_id: str, *, title: str, patient: str) -> None:
        """Fetch the document on the worker (the service online, this PC's copy offline), then show it here."""
        self._ticket += 1
        ticket = self._ticket
        self._patient = patient
        self._opened = None
        self.viewer.show_message(title, self.tr("Ouverture du document…"))
        self._present()

        def load() -> OpenedDocument:
            return open_document(session.http, session.engine.require_open(dossier_id), document_id)

        def shown(opened: OpenedDocument) -> None:
            if ticket == self._ticket:
                self._opened = opened
                self.viewer.show_document(opened.info, opened.content)
                self.retranslate_ui()

        def failed(exc: BaseException) -> None:
            if ticket == self._ticket:
                self.viewer.show_message(title, _message(exc))
                self.retranslate_ui()

        Op(self, load).success(shown).failure(failed).run()

    def _present(self) -> None:
        self.retranslate_ui()
        self.show()
        self.raise_()
        self.activateWindow()

    def clear(self) -> None:
        """Drop the document (lock, another professional, dossier closed) and hide the window."""
        self._ticket += 1
        self._opened = None
        self._patient = ""
        self.viewer.clear()
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticket += 1
        self._opened = None
        self.viewer.clear()  # closed: nothing of the document stays in memory
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        opened = self._opened
        if opened is None:
            self.source.setText("")
        elif opened.online:
            self.source.setText(self.tr("En ligne : document ouvert depuis le service."))
        elif opened.reached:
            self.source.setText(
                self.tr("Copie chiffrée de ce poste : le service n'a pas encore reçu le contenu de ce document.")
            )
        else:
            self.source.setText(self.tr("Hors ligne : document ouvert depuis la copie chiffrée de ce poste."))
        describe(self.source, self.tr("Provenance du document"), self.source.text() or self.tr("Aucun document"))
        shown = self.viewer.title.text()
        self.setWindowTitle(
            self.tr("%1 — dossier de %2").replace("%1", shown).replace("%2", self._patient)
            if shown and self._patient
            else self.tr("Document — Poste de soins")
        )


def _message(exc: BaseException) -> str:
    if isinstance(exc, CarnetError | DossierValidationError):
        return exc.message(current_language())
    return "Une erreur est survenue ; rien n'est perdu, réessayez. (An error occurred; nothing was lost.)"
