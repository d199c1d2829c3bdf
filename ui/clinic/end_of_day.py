"""« Fin de journée »: one screen and a printable sheet — dossiers opened (online and offline), what was added, what
is still unsent and why, what will be erased from this PC and when (end of the lease) — with a button to send now."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.clinic import EndOfDay
from desktop_app.clinic_fates import Fate
from ui.i18n import current_language
from ui.widgets import describe


class EndOfDayDialog(QDialog):
    """The end-of-day sheet on screen, printable as it is shown."""

    sig_send_now = Signal()
    """« Envoyer maintenant »: the window syncs, then shows the sheet again."""

    def __init__(
        self, *, who: str, name_of: Callable[[str], str], when: Callable[..., str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fin de journée"))
        describe(self, self.windowTitle(), self.tr("Ce que la journée laisse sur ce poste, à imprimer."))
        self.who, self.name_of, self.when = who, name_of, when
        self.sheet = QTextBrowser()
        describe(
            self.sheet, self.tr("Feuille de fin de journée"), self.tr("Dossiers ouverts, ajouts, envois, effacements.")
        )
        self.send_now = QPushButton(self.tr("Envoyer maintenant"))
        describe(self.send_now, self.send_now.text(), self.tr("Envoyer au service ce qui attend encore."))
        self.send_now.clicked.connect(self.sig_send_now.emit)
        self.print_button = QPushButton(self.tr("Imprimer…"))
        describe(self.print_button, self.print_button.text(), self.tr("Imprimer la feuille de fin de journée."))
        self.print_button.clicked.connect(self.print_sheet)
        self.close_button = QPushButton(self.tr("Fermer"))
        describe(self.close_button, self.close_button.text(), self.tr("Revenir au poste de soins."))
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.send_now, self.print_button, self.close_button):
            row.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.sheet, 1)
        box.addLayout(row)
        self.resize(760, 640)
        self.day: EndOfDay | None = None

    def show_day(self, day: EndOfDay) -> None:
        self.day = day
        self.sheet.setHtml(self.html())
        self.send_now.setEnabled(any(c.fate is Fate.WAITING for c in day.changes) or day.opens_unreported > 0)

    def html(self) -> str:
        """The sheet (what is shown is what is printed); every text escaped."""
        day = self.day
        if day is None:
            return ""
        lang = current_language()
        title = self.tr("Fin de journée")
        opened = self.tr("Dossiers ouverts (%1)").replace("%1", str(len(day.opened)))
        parts = [
            f"<h2>{escape(title)}</h2>",
            f"<p>{escape(self.who)} — {escape(self.when(day.at))}</p>",
            f"<h3>{escape(opened)}</h3>",
        ]
        parts.append(
            self._list(
                [
                    f"{o.name} — {self.when(o.at)} — "
                    + (self.tr("en ligne") if o.online else self.tr("hors ligne, depuis la copie de ce poste"))
                    for o in day.opened
                ],
                self.tr("Aucun dossier ouvert aujourd'hui."),
            )
        )
        sent = [c for c in day.changes if c.fate is Fate.SENT]
        parts.append("<h3>" + escape(self.tr("Ajouté et envoyé (%1)").replace("%1", str(len(sent)))) + "</h3>")
        parts.append(self._list([f"{self.name_of(c.dossier_id)} — {c.what(lang)}" for c in sent], self.tr("Rien.")))
        unsent = [c for c in day.changes if c.fate is not Fate.SENT]
        parts.append(
            "<h3>" + escape(self.tr("Pas encore envoyé, et pourquoi (%1)").replace("%1", str(len(unsent)))) + "</h3>"
        )
        waiting = self.tr("en attente : le service n'a pas encore été joint ; envoyé dès la prochaine connexion.")
        parts.append(
            self._list(
                [
                    f"{self.name_of(c.dossier_id)} — {c.what(lang)} — "
                    + (c.why(lang) if c.fate is not Fate.WAITING else waiting)
                    for c in unsent
                ],
                self.tr("Tout a été envoyé."),
            )
        )
        if day.opens_unreported:
            parts.append(
                "<p>"
                + escape(
                    self.tr(
                        "%1 ouverture(s) hors ligne pas encore signalée(s) au service "
                        "(historique des accès du patient)."
                    ).replace("%1", str(day.opens_unreported))
                )
                + "</p>"
            )
        parts.append("<h3>" + escape(self.tr("Copies gardées sur ce poste et leur effacement")) + "</h3>")
        parts.append(
            self._list(
                [
                    self.tr("%1 — effacée de ce poste le %2 (fin du bail)")
                    .replace("%1", self.name_of(d))
                    .replace("%2", self.when(t))
                    for d, t in sorted(day.purged_at.items(), key=lambda i: i[1])
                ],
                self.tr("Aucune copie sur ce poste."),
            )
        )
        return "\n".join(parts)

    @staticmethod
    def _list(lines: list[str], empty: str) -> str:
        if not lines:
            return f"<p><i>{escape(empty)}</i></p>"
        return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(self.html())
        return doc

    def print_sheet(self) -> None:
        """The system's print dialog (a PDF printer is one of its choices)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def print_to(self, writer: QPdfWriter) -> None:
        """The sheet on a paged device (tests print to a PDF writer: the same document the printer gets)."""
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.document().print_(writer)
