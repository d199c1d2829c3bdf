"""The assisted session screens: large text, one question per screen, « Étape 2 sur 7 », no time pressure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPainter, QShortcut, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.assisted import AssistedWork, Helper
from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import describe, error_label, label, set_role, show_error

PrinterFactory = Callable[[QWidget], QPrinter | None]
WorkFactory = Callable[[Helper], AssistedWork]

_STYLE = """
#assistedSession QLabel { font-size: 16pt; }
#assistedSession QLabel[role="title"] { font-size: 22pt; font-weight: bold; }
#assistedSession QLabel[role="banner"] { font-size: 16pt; font-weight: bold; background: #fff3cd; color: #3d2c00;
    border: 2px solid #8a6d00; padding: 12px; }
#assistedSession QLineEdit, #assistedSession QCheckBox { font-size: 16pt; min-height: 44px; }
#assistedSession QPushButton { font-size: 16pt; min-height: 56px; padding: 4px 24px; }
"""


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The system print dialog; None when the person cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of a PDF (kept in memory) onto the printer; returns the number of pages."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    settled = (QPdfDocument.Status.Ready, QPdfDocument.Status.Error)
    loop = QEventLoop()
    document.statusChanged.connect(lambda status: loop.quit() if status in settled else None)
    document.load(buffer)  # from a QIODevice the load is asynchronous: wait for it (a few milliseconds)
    if document.status() not in settled:
        loop.exec()
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError("the PDF could not be read back for printing")
    painter = QPainter(printer)
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            image = document.render(page, QSize(target.width(), target.height()))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return document.pageCount()


def _speech_class() -> Any:
    """QTextToSpeech, or None when the Qt add-on is not installed (read-aloud is then disabled)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    return QTextToSpeech


@dataclass(slots=True)
class _Step:
    page: QWidget
    title: Any  # QLabel
    error: Any  # QLabel
    primary: QPushButton
    action: Callable[[], None]
    focus: QWidget
    box: QVBoxLayout


class AssistedSession(QWidget):
    """One accompanied session, from the helper's identity to the wiped PC. The lead hooks it onto the welcome screen.

    `work_factory(helper)` builds the engine side (default: `AssistedWork(server_url, helper)`); `printer` returns
    the QPrinter to print on (default: the print dialog); `speech_engine` is the QtTextToSpeech engine to read
    screens aloud with ("" = the platform default, "mock" in tests); read-aloud is disabled when none is available.
    """

    sig_finished = Signal()
    """The session ended and everything local was wiped."""

    STEPS = 7

    def __init__(
        self,
        *,
        server_url: str,
        work_factory: WorkFactory | None = None,
        printer: PrinterFactory = ask_printer,
        speech_engine: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assistedSession")
        self.setStyleSheet(_STYLE)
        self._work_factory: WorkFactory = work_factory or (lambda helper: AssistedWork(server_url, helper))
        self._printer = printer
        self._speech_engine = speech_engine
        self._speech: Any = None
        self.spoken: list[str] = []
        self.work: AssistedWork | None = None
        self._busy = False
        self.stack = QStackedWidget()
        self.step_label = label("muted")
        self.read_aloud = QCheckBox(self.tr("Lire l'écran à voix haute"))
        describe(
            self.read_aloud,
            self.tr("Lire l'écran à voix haute"),
            self.tr("Une voix lit chaque écran."),
        )
        self.read_aloud.toggled.connect(self._on_read_aloud)
        self._steps: list[_Step] = []
        self._build_pages()
        top = QHBoxLayout()
        top.addWidget(self.step_label, 1)
        top.addWidget(self.read_aloud)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_enter)
        self._go(0)

    # -- pages ---------------------------------------------------------------------------------------------------------
    def _page(self, title: str, intro: str, fields: list[tuple[str, QWidget]], action: Callable[[], None]) -> _Step:
        page = QWidget()
        title_label = set_role(label(), "title")
        title_label.setText(title)  # type: ignore[attr-defined]
        intro_label = label()
        intro_label.setText(intro)
        error = error_label()
        primary = QPushButton(self.tr("Continuer"))
        describe(primary, self.tr("Continuer"), self.tr("Valider cet écran et passer au suivant."))
        primary.clicked.connect(action)
        box = QVBoxLayout(page)
        box.addWidget(title_label)
        box.addWidget(intro_label)
        form = QFormLayout()
        for caption, widget in fields:
            if caption:
                buddy = label(buddy=widget)
                buddy.setText(caption)
                form.addRow(buddy, widget)
            else:
                form.addRow(widget)
        box.addLayout(form)
        box.addWidget(error)
        box.addStretch(1)
        box.addWidget(primary, 0, Qt.AlignmentFlag.AlignRight)
        focus = fields[0][1] if fields else primary
        step = _Step(page, title_label, error, primary, action, focus, box)
        self._steps.append(step)
        self.stack.addWidget(page)
        return step

    def _edit(self, name: str, description: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        describe(edit, name, description)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _build_pages(self) -> None:
        self.helper_name = self._edit(
            self.tr("Nom de l'aidant"), self.tr("Votre nom et votre prénom, à vous l'aidant.")
        )
        self.helper_structure = self._edit(self.tr("Structure"), self.tr("Par exemple : France Services de Melun."))
        self._page(
            self.tr("Qui vous accompagne ?"),
            self.tr("L'aidant indique son nom et sa structure. Ils figureront dans l'historique de votre dossier."),
            [(self.tr("Nom de l'aidant"), self.helper_name), (self.tr("Structure"), self.helper_structure)],
            self._on_helper,
        )
        self.consent = QCheckBox(self.tr("J'accepte d'être accompagné(e) pour cette session"))
        describe(self.consent, self.consent.text(), self.tr("Votre accord est nécessaire pour continuer."))
        self._page(
            self.tr("Votre accord"),
            self.tr(
                "L'aidant vous aide à utiliser votre espace santé. Il ne voit pas votre mot de passe. "
                "À la fin, rien de votre dossier ne reste sur cet ordinateur. Prenez votre temps."
            ),
            [("", self.consent)],
            self._on_consent,
        )
        self.identifier = self._edit(self.tr("Votre identifiant"), self.tr("Identifiant de votre espace santé."))
        self.password = self._edit(self.tr("Votre mot de passe"), self.tr("Vous seul(e) le tapez."), secret=True)
        step = self._page(
            self.tr("Connexion"),
            self.tr("Tapez vous-même votre identifiant et votre mot de passe."),
            [(self.tr("Votre identifiant"), self.identifier), (self.tr("Votre mot de passe"), self.password)],
            self._on_password,
        )
        banner = set_role(label(), "banner")
        banner.setText(self.tr("Aidant : merci de détourner le regard pendant la saisie du mot de passe."))  # type: ignore[attr-defined]
        step.box.insertWidget(1, banner)
        self.code = self._edit(self.tr("Code reçu par e-mail"), self.tr("Le code à usage unique que vous avez reçu."))
        self._page(
            self.tr("Code de confirmation"),
            self.tr("Un code vient de vous être envoyé par e-mail. Tapez-le ici."),
            [(self.tr("Code reçu par e-mail"), self.code)],
            self._on_code,
        )
        self.allergy = self._edit(self.tr("Allergie"), self.tr("Une allergie, si vous en avez (facultatif)."))
        self.treatment = self._edit(self.tr("Traitement en cours"), self.tr("Un médicament pris (facultatif)."))
        self.contact_name = self._edit(self.tr("Contact d'urgence"), self.tr("Nom d'un proche à prévenir."))
        self.contact_phone = self._edit(self.tr("Téléphone du contact"), self.tr("Son numéro de téléphone."))
        self._page(
            self.tr("Premières informations"),
            self.tr("Tout est facultatif : laissez vide ce que vous ne voulez pas renseigner."),
            [
                (self.tr("Allergie"), self.allergy),
                (self.tr("Traitement en cours"), self.treatment),
                (self.tr("Contact d'urgence"), self.contact_name),
                (self.tr("Téléphone du contact"), self.contact_phone),
            ],
            self._on_entries,
        )
        self.rpps = self._edit(
            self.tr("Numéro RPPS du médecin traitant"), self.tr("11 chiffres ; laissez vide pour passer.")
        )
        self._page(
            self.tr("Votre médecin traitant"),
            self.tr("Autorisez votre médecin traitant à consulter votre dossier (facultatif)."),
            [(self.tr("Numéro RPPS du médecin traitant"), self.rpps)],
            self._on_rpps,
        )
        self.print_card = QPushButton(self.tr("Imprimer la carte d'urgence"))
        describe(
            self.print_card, self.print_card.text(), self.tr("Imprimer la carte d'urgence à garder avec vos papiers.")
        )
        self.print_card.clicked.connect(self._on_print_card)
        self.print_receipt = QPushButton(self.tr("Imprimer le récapitulatif"))
        describe(self.print_receipt, self.print_receipt.text(), self.tr("Ce qui a été fait et la suite."))
        self.print_receipt.clicked.connect(self._on_print_receipt)
        step = self._page(
            self.tr("Terminer"),
            self.tr("Imprimez ce qui vous est utile, puis terminez : tout est effacé de cet ordinateur."),
            [("", self.print_card), ("", self.print_receipt)],
            self._on_finish,
        )
        step.primary.setText(self.tr("Terminer et tout effacer"))
        describe(step.primary, step.primary.text(), self.tr("Terminer la séance et tout effacer de cet ordinateur."))
        self.wipe_anyway = QPushButton(self.tr("Effacer sans envoyer"))
        describe(
            self.wipe_anyway,
            self.wipe_anyway.text(),
            self.tr("Le service est injoignable : tout effacer sans envoyer."),
        )
        self.wipe_anyway.setVisible(False)
        self.wipe_anyway.clicked.connect(self._wipe_without_sending)
        step.box.addWidget(self.wipe_anyway)
        done = QWidget()
        self.done_label = set_role(label(), "title")
        self.done_label.setText(  # type: ignore[attr-defined]
            self.tr("Session terminée. Rien de votre dossier n'est resté sur cet ordinateur. Merci !")
        )
        QVBoxLayout(done).addWidget(self.done_label)
        self.stack.addWidget(done)

    # -- navigation ------------------------------------------------------------------------------------------------
    @property
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if index < len(self._steps):
            step = self._steps[index]
            text = self.tr("Étape %1 sur %2").replace("%1", str(index + 1)).replace("%2", str(self.STEPS))
            self.step_label.setText(text)
            step.focus.setFocus()
            self._say(f"{self.step_label.text()}. {step.title.text()}")
        else:
            self.step_label.setText("")
            self._say(self.done_label.text())  # type: ignore[attr-defined]

    def _on_enter(self) -> None:
        focused = self.focusWidget()
        if isinstance(focused, QPushButton):
            focused.click()
        elif self.current_step < len(self._steps):
            self._steps[self.current_step].action()

    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        if self._busy:
            return
        self._busy = True
        step = self._steps[self.current_step]
        step.primary.setEnabled(False)
        show_error(step.error, "")

        def done(result: Any) -> None:
            self._busy = False
            step.primary.setEnabled(True)
            then(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            step.primary.setEnabled(True)
            self._fail(exc)

        Op(self, fn).success(done).failure(failed).run()

    def _fail(self, exc: BaseException) -> None:
        step = self._steps[min(self.current_step, len(self._steps) - 1)]
        if isinstance(exc, CarnetError | DossierValidationError):
            message = exc.message(current_language())
        else:
            message = self.tr("Une erreur est survenue ; rien n'est perdu, réessayez.")
        show_error(step.error, message)
        self._say(message)

    # -- actions ---------------------------------------------------------------------------------------------------
    def _on_helper(self) -> None:
        try:
            helper = Helper.of(self.helper_name.text(), self.helper_structure.text())
        except CarnetError as exc:
            self._fail(exc)
            return
        if self.work is None:
            self.work = self._work_factory(helper)
        self._go(1)

    def _on_consent(self) -> None:
        if not self.consent.isChecked():
            show_error(self._steps[1].error, self.tr("Cochez la case pour donner votre accord."))
            return
        self._go(2)

    def _need_work(self) -> AssistedWork:
        assert self.work is not None  # built on the first screen
        return self.work

    def _on_password(self) -> None:
        work, identifier, password = self._need_work(), self.identifier.text(), self.password.text()

        def then(_: Any) -> None:
            self.password.clear()  # not kept in the widget once sent
            self._go(3)

        self._run(lambda: work.start_login(identifier, password), then)

    def _on_code(self) -> None:
        work, code = self._need_work(), self.code.text()
        self._run(lambda: work.confirm_code(code), lambda _: self._go(4))

    def _on_entries(self) -> None:
        work = self._need_work()
        values = dict(
            allergies=[self.allergy.text()],
            treatments=[self.treatment.text()],
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
        )
        self._run(lambda: work.add_first_entries(**values), lambda _: self._go(5))  # type: ignore[arg-type]

    def _on_rpps(self) -> None:
        work, rpps = self._need_work(), self.rpps.text().strip()
        if not rpps:
            self._go(6)
            return
        self._run(lambda: work.authorise_medecin_traitant(rpps), lambda _: self._go(6))

    def _on_print_card(self) -> None:
        work = self._need_work()

        def then(pdf: Any) -> None:
            printer = self._printer(self)
            if printer is not None:
                print_pdf(pdf, printer)

        self._run(work.emergency_card_pdf, then)

    def receipt_text(self) -> str:
        work = self._need_work()
        assert work.receipt is not None
        return "\n".join(work.receipt.lines_fr(at=work.now().astimezone()))

    def _on_print_receipt(self) -> None:
        printer = self._printer(self)
        if printer is not None:
            document = QTextDocument()
            document.setPlainText(self.receipt_text())
            document.print_(printer)

    def _on_finish(self) -> None:
        work = self._need_work()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.wipe_anyway.setVisible(True)
            self._fail(exc)

        if self._busy:
            return
        self._busy = True
        Op(self, work.finish).success(lambda _: self._finished()).failure(failed).run()

    def _wipe_without_sending(self) -> None:
        work = self._need_work()
        Op(self, work.abandon).success(lambda _: self._finished()).run()

    def _finished(self) -> None:
        self._busy = False
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        self.work = None
        self._go(len(self._steps))
        self.sig_finished.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.work is not None:  # the window closed mid-session: wipe anyway
            Op(None, self.work.abandon).run()
            self.work = None
        super().closeEvent(event)

    # -- read aloud ------------------------------------------------------------------------------------------------
    def _on_read_aloud(self, on: bool) -> None:
        if on and self._speech is None:
            speech_class = _speech_class()
            engines = speech_class.availableEngines() if speech_class is not None else []
            wanted = self._speech_engine or (engines[0] if engines else "")
            if speech_class is None or not wanted or wanted not in engines:
                self.read_aloud.setChecked(False)
                self.read_aloud.setEnabled(False)
                self.read_aloud.setToolTip(self.tr("Lecture à voix haute indisponible sur cet ordinateur."))
                return
            self._speech = speech_class(wanted, self)
        if on and self.current_step < len(self._steps):
            self._say(self._steps[self.current_step].title.text())

    def _say(self, text: str) -> None:
        if self._speech is not None and self.read_aloud.isChecked():
            self.spoken.append(text)
            self._speech.say(text)
