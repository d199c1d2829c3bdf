"""Mes demandes de dossier: requests for one's medical records with their legal deadlines (48 hours, 8 days, two
months past five years), the request letter to print or attach, and closing a request when the records arrive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app import records_requests
from desktop_app.dossier_store import DossierStore
from desktop_app.records_requests import TrackedRequest
from dossier.right_of_access import RequestStatus
from ui.entries.form import EntryForm
from ui.i18n import current_language, pick
from ui.ops import Op
from ui.paged import Column
from ui.store_page import OpenChooser, SaveChooser, StorePage, ask_open, ask_save, write_private
from ui.widgets import Retranslatable, describe, flow_row, label

PDF_FILTER = "PDF (*.pdf)"


def _day(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if current_language() == "fr" else value.isoformat()


class RecordsRequestsPage(StorePage, Retranslatable, QWidget):
    """The requests (late first), the deadline rule of the chosen one, its letter, and a form to add one."""

    kinds = (records_requests.KIND,)

    def __init__(
        self,
        *,
        save_chooser: SaveChooser = ask_save,
        open_chooser: OpenChooser = ask_open,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.save_chooser = save_chooser
        self.open_chooser = open_chooser
        self.now = now
        self._init_store_page(
            [
                Column(lambda: self.tr("Destinataire"), lambda t: str(t.entry.data.get("recipient") or "")),
                Column(
                    lambda: self.tr("Envoyée le"), lambda t: _day(records_requests.first_day(t.entry.data["sent_on"]))
                ),
                Column(lambda: self.tr("Au plus tard le"), self._latest),
                Column(lambda: self.tr("État"), self._status_text),
            ],
            key=lambda t: t.entry.id,
        )
        self.detail = label("muted")
        self.notice = label("muted")
        self.letter_button, self.received_button, self.new_button = QPushButton(), QPushButton(), QPushButton()
        self.file_button = QPushButton()
        self.file_button.clicked.connect(self.on_file_button_clicked)
        self.letter_button.clicked.connect(self.on_letter_button_clicked)
        self.received_button.clicked.connect(self.on_received_button_clicked)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.form_title = label("heading")
        self.form = EntryForm(records_requests.KIND)
        self.form.set_hidden(["answered_on"])
        self.form.sig_saved.connect(lambda _e: self.reload())
        # Below the buttons, one scrolling pane: the chosen request's deadlines, the last result, the form.
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.detail, self.notice, self.form_title, self.form):
            column.addWidget(widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(pane)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(flow_row(self.new_button, self.letter_button, self.file_button, self.received_button))
        layout.addWidget(self.error)
        layout.addWidget(scroll, 3)
        self.retranslate_ui()

    def set_context(self, profile: object, store: DossierStore | None) -> None:  # type: ignore[override]
        self.form.set_store(store)
        super().set_context(profile, store)  # type: ignore[arg-type]
        self._show_detail()

    def _fetcher(self) -> Callable[[int, int], list[TrackedRequest]] | None:
        store = self._store
        if store is None:
            return None
        now = self.now()
        return lambda offset, limit: records_requests.list_requests(store, now=now)[offset : offset + limit]

    # -- display -----------------------------------------------------------------------------------------------------
    def _latest(self, t: TrackedRequest) -> str:
        text = _day(t.deadlines.latest)
        return text + " " + self.tr("(estimation)") if t.deadlines.estimated else text

    def _status_text(self, t: TrackedRequest) -> str:
        return {
            RequestStatus.REFLECTION: self.tr("Délai de réflexion (48 h)"),
            RequestStatus.WAITING: self.tr("En attente"),
            RequestStatus.LATE: self.tr("Délai dépassé"),
            RequestStatus.ANSWERED: self.tr("Dossier reçu"),
        }[t.status]

    def _show_detail(self) -> None:
        t = self.selected()
        self.letter_button.setEnabled(t is not None)
        self.received_button.setEnabled(t is not None and t.status is not RequestStatus.ANSWERED)
        self.file_button.setEnabled(t is not None and t.status is not RequestStatus.ANSWERED)
        self.new_button.setEnabled(self._store is not None)
        if t is None:
            self.detail.setText("")
            return
        text = pick(t.deadlines.rule_fr(), t.deadlines.rule_en())
        if t.deadlines.estimated:
            text += " " + self.tr(
                "Date de réception inconnue : le délai est compté depuis l'envoi ; indiquez la date de l'accusé de "
                "réception pour le préciser."
            )
        if t.status is RequestStatus.LATE:
            text += " " + self.tr(
                "Le délai légal est dépassé : relancez le destinataire ; sans réponse, vous pouvez saisir la "
                "Commission d'accès aux documents administratifs (CADA) pour un établissement public, ou le conseil "
                "de l'ordre pour un professionnel libéral."
            )
        self.detail.setText(text)

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_new_button_clicked(self) -> None:
        self.form.reset()
        self.form.rows[0].editor.setFocus()

    def on_letter_button_clicked(self) -> None:
        store, t = self._store, self.selected()
        if store is None or t is None:
            return
        path = self.save_chooser(self, "demande-de-dossier.pdf", PDF_FILTER)
        if path is None:
            return
        now = self.now()

        def work() -> None:
            pdf = records_requests.letter(store, t.entry.id, written_on=now.date(), generated_at=now)
            write_private(path, pdf)

        Op(self, work).success(
            lambda _r: self.notice.setText(
                self.tr(
                    "Lettre enregistrée dans %1 (fichier non chiffré) : imprimez-la ou joignez-la à un courriel."
                ).replace("%1", str(path))
            )
        ).failure(self._on_failed).run()

    def on_file_button_clicked(self) -> None:
        """The records arrived as a file: file it into Documents, which closes the request."""
        store, t = self._store, self.selected()
        if store is None or t is None:
            return
        path = self.open_chooser(self, self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.xml *.txt)"))
        if path is None:
            return
        today = self.now().date()

        def work() -> object:
            content = path.read_bytes()
            return records_requests.file_records(store, t.entry.id, content, filename=path.name, received_on=today)

        Op(self, work).success(lambda _d: self._filed()).failure(self._on_failed).run()

    def _filed(self) -> None:
        self.notice.setText(self.tr("Dossier classé dans Documents ; la demande est close."))
        self.reload()

    def on_received_button_clicked(self) -> None:
        store, t = self._store, self.selected()
        if store is None or t is None:
            return
        today = self.now().date()
        Op(self, lambda: records_requests.close_request(store, t.entry.id, answered_on=today)).success(
            lambda _e: self.reload()
        ).failure(self._on_failed).run()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Mes demandes de dossier"))
        self.intro.setText(
            self.tr(
                "Demandez vos informations de santé à un professionnel ou à un établissement (loi du 4 mars 2002) : "
                "Carnet écrit la lettre et suit les délais légaux."
            )
        )
        self.form_title.setText(self.tr("Nouvelle demande"))
        buttons = (
            (self.new_button, self.tr("&Nouvelle demande"), self.tr("Vider le formulaire pour une nouvelle demande.")),
            (self.letter_button, self.tr("Écrire la &lettre (PDF)"), self.tr("La lettre de demande, à imprimer.")),
            (self.file_button, self.tr("&Classer le dossier reçu…"), self.tr("Ajouter le fichier reçu à Documents.")),
            (self.received_button, self.tr("Dossier &reçu"), self.tr("Les documents sont arrivés : clore la demande.")),
        )
        for button, text, description in buttons:
            button.setText(text)
            describe(button, text.replace("&", ""), description)
        describe(self.table, self.tr("Demandes de dossier"), self.tr("Destinataire, envoi, délai légal et état."))
        self.model.retranslate()
        self._show_detail()
