"""The assisted session screens: large text, one question per screen, « Étape 2 sur 8 », no time pressure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from string import Template
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.assisted import AssistedWork, HelperSession
from desktop_app.errors import CarnetError
from desktop_app.service_client import ServiceError
from dossier.errors import DossierValidationError
from dossier.identifiers import (
    normalize_activation_code,
    normalize_carte_vitale_serial,
    normalize_nir,
    normalize_user_identifier,
)
from ui.assisted.helper_signin import HelperFactory, HelperSignIn
from ui.i18n import current_language
from ui.ops import Op
from ui.paper import ask_printer_safely, print_pdf
from ui.steps import GroupedCodeEdit
from ui.theme import BASE_POINT_SIZE
from ui.widgets import PasswordStrengthMeter, describe, error_label, label, set_role, show_error

PrinterFactory = Callable[[QWidget], QPrinter | None]
WorkFactory = Callable[[HelperSession], AssistedWork]

_STYLE = """
#assistedSession QLabel { font-size: $body; }
#assistedSession QLabel[role="title"] { font-size: $title; font-weight: bold; }
#assistedSession QLabel[role="banner"] { font-size: $body; font-weight: bold; background: #fff3cd; color: #3d2c00;
    border: 2px solid #8a6d00; padding: 12px; }
#assistedSession QLineEdit, #assistedSession QCheckBox { font-size: $body; min-height: 44px; }
#assistedSession QPushButton { font-size: $body; min-height: 56px; padding: 4px 24px; }
"""


def _style(text_scale: float) -> str:
    """Large text (16 pt, titles 22 pt at 100 %) that still grows with the application's text size setting."""
    scale = max(1.0, text_scale)
    return Template(_STYLE).substitute(body=f"{16 * scale:.1f}pt", title=f"{22 * scale:.1f}pt")


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The print dialog; « to a file » only on the person's USB key, never on the helper's computer (ui.paper)."""
    return ask_printer_safely(parent, suggested_name="carnet-seance-accompagnee.pdf")


def _speech_class() -> Any:
    """QTextToSpeech, or None when the Qt add-on is not installed (read-aloud is then disabled)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    return QTextToSpeech


@dataclass(slots=True)
class _Step:
    name: str
    holder: QScrollArea  # what the stack shows: the page scrolls rather than squeeze at 200 % text
    page: QWidget
    title: Any  # QLabel
    intro: Any  # QLabel
    error: Any  # QLabel
    primary: QPushButton | None  # None on the choice screen: its three big buttons are the answers
    back: QPushButton | None  # None once the service was asked something that going back would not undo
    action: Callable[[], None]
    fields: list[QWidget]
    box: QVBoxLayout

    def focus_target(self) -> QWidget | None:
        shown = [w for w in self.fields if not w.isHidden()]
        return shown[0] if shown else self.primary


_BEFORE_CHOICE = ["helper", "consent", "choice"]
_SIGNED_IN = ["entries", "rpps", "finish"]
_PROOFS = ["act_code", "nir", "serial"]
PATHS: dict[str, list[str]] = {
    "login": [*_BEFORE_CHOICE, "password", "code", *_SIGNED_IN],
    # The confirmed activation opens the session itself: no second mailed code, no "code" screen.
    "activation": [*_BEFORE_CHOICE, *_PROOFS, "identifier", "new_password", "act_email", *_SIGNED_IN],
    "opposition": [*_BEFORE_CHOICE, *_PROOFS, "oppose_confirm", "finish"],
}
"""The screens of each path, in order: « Étape n sur N » counts them."""

# « Retour » only where nothing was asked of the service yet, so going back never leaves a half-done step behind.
_BACKABLE = frozenset(
    {"consent", "choice", "password", "act_code", "nir", "serial", "identifier", "new_password", "oppose_confirm"}
)

# A refusal naming a field sends the person back to the screen of that field (first one present in the path).
_PAGES_OF_FIELD = {
    "activation_code": ("act_code",),
    "nir": ("nir",),
    "carte_vitale_serial": ("serial",),
    "identifier": ("identifier", "password"),
    "password": ("new_password", "password"),
    "confirm": ("new_password",),
}


class AssistedSession(QWidget):
    """One accompanied session, from the helper's identity to the wiped PC. The lead hooks it onto the welcome screen.

    After the consent, one screen asks what brings the person: a code d'activation received (activation, which
    signs in at once), an account already (sign-in), or « je ne veux pas de Mon espace santé » (opposition). Each
    path is one question per screen; `PATHS` lists them.

    The helper signs in first with their own account (`HelperSignIn`; `helper_factory` builds the helper's session,
    default `HelperSession(server_url)`); `work_factory(helper)` builds the engine side (default:
    `AssistedWork(server_url, helper)`); `printer` returns
    the QPrinter to print on (default: the print dialog); `speech_engine` is the QtTextToSpeech engine to read
    screens aloud with ("" = the platform default, "mock" in tests); read-aloud is disabled when none is available.
    """

    sig_finished = Signal()
    """The session ended and everything local was wiped."""

    def __init__(
        self,
        *,
        server_url: str,
        work_factory: WorkFactory | None = None,
        helper_factory: HelperFactory | None = None,
        printer: PrinterFactory = ask_printer,
        speech_engine: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assistedSession")
        self._restyle()
        self._work_factory: WorkFactory = work_factory or (lambda helper: AssistedWork(server_url, helper))
        self.helper_signin = HelperSignIn(helper_factory or (lambda: HelperSession(server_url)))
        self._printer = printer
        self._speech_engine = speech_engine
        self._speech: Any = None
        self.spoken: list[str] = []
        self.work: AssistedWork | None = None
        self._busy = False
        self.path_name = ""
        """"" before the choice, then "login", "activation" or "opposition"."""
        self._path = list(_BEFORE_CHOICE)
        self._position = 0
        self.stack = QStackedWidget()
        self.step_label = label("muted")
        self.read_aloud = QCheckBox(self.tr("Lire l'écran à voix haute"))
        describe(
            self.read_aloud,
            self.tr("Lire l'écran à voix haute"),
            self.tr("Une voix lit chaque écran."),
        )
        self.read_aloud.toggled.connect(self._on_read_aloud)
        self._steps: dict[str, _Step] = {}
        self.look_away: dict[str, QLabel] = {}
        """The "look away" banner of each password screen, by screen name."""
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
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._on_back)
        self._show()

    def _restyle(self) -> None:
        sheet = _style(QApplication.font().pointSizeF() / BASE_POINT_SIZE)
        if sheet != self.styleSheet():  # setting it sends a font change: only when the size really changed
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._restyle()
        super().changeEvent(event)

    # -- pages ---------------------------------------------------------------------------------------------------------
    def _page(
        self,
        name: str,
        title: str,
        intro: str,
        fields: list[tuple[str, QWidget]],
        action: Callable[[], None] | None,
    ) -> _Step:
        page = QWidget()
        title_label = set_role(label(), "title")
        title_label.setText(title)  # type: ignore[attr-defined]
        intro_label = label()
        intro_label.setText(intro)
        error = error_label()
        primary: QPushButton | None = None
        box = QVBoxLayout(page)
        box.addWidget(title_label)
        box.addWidget(intro_label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # each caption above its field
        for caption, widget in fields:
            if caption:
                buddy = label(buddy=widget, wrap=False)  # the caption sits above its field: full width
                buddy.setText(caption)
                form.addRow(buddy, widget)
            else:
                form.addRow(widget)
        box.addLayout(form)
        box.addWidget(error)
        box.addStretch(1)
        buttons = QHBoxLayout()
        back: QPushButton | None = None
        if name in _BACKABLE:
            back = QPushButton(self.tr("Retour"))
            describe(back, self.tr("Retour"), self.tr("Revenir à l'écran précédent (touche Échap)."))
            back.clicked.connect(self._on_back)
            buttons.addWidget(back)
        buttons.addStretch(1)
        if action is not None:
            primary = QPushButton(self.tr("Continuer"))
            describe(primary, self.tr("Continuer"), self.tr("Valider cet écran et passer au suivant."))
            primary.clicked.connect(action)
            buttons.addWidget(primary)
            if back is not None:
                QWidget.setTabOrder(primary, back)  # Tab from the last field reaches « Continuer » first
        box.addLayout(buttons)
        editable = [w for _, w in fields if not isinstance(w, PasswordStrengthMeter)]
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder.setWidget(page)
        step = _Step(
            name, holder, page, title_label, intro_label, error, primary, back, action or (lambda: None), editable, box
        )
        self._steps[name] = step
        self.stack.addWidget(holder)
        return step

    def _edit(self, name: str, description: str, *, secret: bool = False, grouped: int = 0) -> QLineEdit:
        """A described line edit; `grouped` = length of a code shown in groups of 4 (``ABCD EFGH JKLM``)."""
        edit = GroupedCodeEdit(length=grouped) if grouped else QLineEdit()
        describe(edit, name, description)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _look_away(self, step: _Step) -> None:
        """The banner asking the helper to look away while the person types a password."""
        banner = label()
        set_role(banner, "banner")
        banner.setText(self.tr("Aidant : merci de détourner le regard pendant la saisie du mot de passe."))
        step.box.insertWidget(1, banner)
        self.look_away[step.name] = banner

    def _build_manager_panel(self) -> None:
        """Shown instead of the sign-in once an organisation's manager signed in: « Gérer les aidants de ma
        structure » (S53), or « Continuer » to accompany someone."""
        self.manager_panel = QWidget()
        self.manager_note = label()
        self.manage_helpers = QPushButton(self.tr("Gérer les aidants de ma structure"))
        describe(
            self.manage_helpers,
            self.tr("Gérer les aidants de ma structure"),
            self.tr("Inscrire un aidant de votre structure, ou lui retirer l'accès."),
        )
        self.manage_helpers.clicked.connect(self._on_manage_helpers)
        column = QVBoxLayout(self.manager_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.manager_note)
        column.addWidget(self.manage_helpers)
        self.manager_panel.hide()
        self.helpers_dialog: QWidget | None = None

    def _on_manage_helpers(self) -> None:
        from ui.assisted.organisation import OrganisationHelpersDialog

        if self.work is None:
            return
        dialog = OrganisationHelpersDialog(self.work.helper_session, self)
        self.helpers_dialog = dialog
        dialog.finished.connect(self.manage_helpers.setFocus)
        dialog.open()

    def _build_pages(self) -> None:
        self._build_manager_panel()
        self._page(
            "helper",
            self.tr("L'aidant se connecte"),
            self.tr(
                "L'aidant se connecte avec son propre compte d'aidant. Son nom et sa structure figureront dans "
                "l'historique de votre dossier."
            ),
            [("", self.helper_signin), ("", self.manager_panel)],
            self._on_helper,
        )
        self.consent = QCheckBox(self.tr("J'accepte d'être accompagné(e) pour cette session"))
        describe(self.consent, self.consent.text(), self.tr("Votre accord est nécessaire pour continuer."))
        self._page(
            "consent",
            self.tr("Votre accord"),
            self.tr(
                "L'aidant vous aide à utiliser votre espace santé. Il ne voit pas votre mot de passe. "
                "À la fin, rien de votre dossier ne reste sur cet ordinateur. Prenez votre temps."
            ),
            [("", self.consent)],
            self._on_consent,
        )
        self._build_choice()
        self._build_sign_in()
        self._build_activation()
        self._build_after_sign_in()
        done = QWidget()
        self.done_label = set_role(label(), "title")
        self.done_label.setText(  # type: ignore[attr-defined]
            self.tr("Session terminée. Rien de votre dossier n'est resté sur cet ordinateur. Merci !")
        )
        QVBoxLayout(done).addWidget(self.done_label)
        self.stack.addWidget(done)

    def _build_choice(self) -> None:
        self.choices: dict[str, QPushButton] = {}
        for path, text, description in (
            (
                "activation",
                self.tr("La personne a reçu un code d'activation"),
                self.tr("Activer Mon espace santé avec le code reçu par courrier ou par e-mail."),
            ),
            (
                "login",
                self.tr("La personne a déjà un compte"),
                self.tr("Se connecter avec son identifiant et son mot de passe."),
            ),
            (
                "opposition",
                self.tr("La personne ne veut pas de Mon espace santé"),
                self.tr("S'opposer à la création de son espace, avec le code reçu."),
            ),
        ):
            button = QPushButton(text)
            describe(button, text, description)
            button.clicked.connect(lambda _=False, chosen=path: self._choose(chosen))
            self.choices[path] = button
        self._page(
            "choice",
            self.tr("Que souhaitez-vous faire ?"),
            self.tr("Choisissez ce qui correspond à votre situation."),
            [("", button) for button in self.choices.values()],
            None,
        )

    def _build_sign_in(self) -> None:
        self.identifier = self._edit(self.tr("Votre identifiant"), self.tr("Identifiant de votre espace santé."))
        self.password = self._edit(self.tr("Votre mot de passe"), self.tr("Vous seul(e) le tapez."), secret=True)
        self._look_away(
            self._page(
                "password",
                self.tr("Connexion"),
                self.tr("Tapez vous-même votre identifiant et votre mot de passe."),
                [(self.tr("Votre identifiant"), self.identifier), (self.tr("Votre mot de passe"), self.password)],
                self._on_password,
            )
        )
        self.code = self._edit(self.tr("Code reçu par e-mail"), self.tr("Le code à usage unique que vous avez reçu."))
        self._page(
            "code",
            self.tr("Code de confirmation"),
            self.tr("Un code vient de vous être envoyé par e-mail. Tapez-le ici."),
            [(self.tr("Code reçu par e-mail"), self.code)],
            self._on_code,
        )

    def _build_activation(self) -> None:
        self.activation_code = self._edit(
            self.tr("Code d'activation"), self.tr("12 lettres et chiffres, reçus par courrier."), grouped=12
        )
        self._page(
            "act_code",
            self.tr("Votre code d'activation"),
            self.tr("Il figure dans le courrier ou l'e-mail de l'Assurance Maladie : 12 lettres et chiffres."),
            [(self.tr("Code d'activation"), self.activation_code)],
            lambda: self._check_and_advance(lambda: normalize_activation_code(self.activation_code.text())),
        )
        self.nir = self._edit(self.tr("Numéro de sécurité sociale"), self.tr("15 chiffres, clé comprise."))
        self.nir.setMaxLength(21)
        self._page(
            "nir",
            self.tr("Votre numéro de sécurité sociale"),
            self.tr("Les 15 chiffres inscrits sur votre carte Vitale, clé comprise."),
            [(self.tr("Numéro de sécurité sociale"), self.nir)],
            lambda: self._check_and_advance(lambda: normalize_nir(self.nir.text())),
        )
        self.serial = self._edit(
            self.tr("Numéro de série de la carte Vitale"),
            self.tr("De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte."),
        )
        self.serial.setMaxLength(16)
        self._page(
            "serial",
            self.tr("Le numéro de série de votre carte Vitale"),
            self.tr("Il est imprimé sur le devant de la carte, en bas à droite, sous la photo."),
            [(self.tr("Numéro de série de la carte Vitale"), self.serial)],
            lambda: self._check_and_advance(lambda: normalize_carte_vitale_serial(self.serial.text())),
        )
        self.new_identifier = self._edit(
            self.tr("Identifiant choisi"), self.tr("De 8 à 100 caractères : lettres minuscules, chiffres, . - _")
        )
        self.new_identifier.setMaxLength(100)
        self._page(
            "identifier",
            self.tr("Choisissez votre identifiant"),
            self.tr(
                "Vous l'utiliserez pour vous connecter. De 8 à 100 caractères : lettres minuscules sans accent, "
                "chiffres, point, tiret et tiret bas. Pas votre numéro de sécurité sociale."
            ),
            [(self.tr("Identifiant choisi"), self.new_identifier)],
            lambda: self._check_and_advance(
                lambda: normalize_user_identifier(self.new_identifier.text(), nir=self.nir.text())
            ),
        )
        self.new_password = self._edit(
            self.tr("Mot de passe choisi"),
            self.tr("Au moins 12 caractères, difficile à deviner ; le plus simple : 7 mots sans lien entre eux."),
            secret=True,
        )
        self.new_password_again = self._edit(
            self.tr("Le même mot de passe"), self.tr("Tapez-le une seconde fois."), secret=True
        )
        self.meter = PasswordStrengthMeter()
        self.new_password.textChanged.connect(self._on_new_password_changed)
        self._look_away(
            self._page(
                "new_password",
                self.tr("Choisissez votre mot de passe"),
                self.tr("%1 Par exemple « %2 » — mais pas celle-ci, que tout le monde peut lire : inventez la vôtre.")
                .replace("%1", self.meter.rule_text())
                .replace("%2", self.meter.example_phrase()),
                [
                    (self.tr("Mot de passe choisi"), self.new_password),
                    ("", self.meter),
                    (self.tr("Le même mot de passe"), self.new_password_again),
                ],
                self._on_new_password,
            )
        )
        self.activation_email_code = self._edit(
            self.tr("Code reçu par e-mail"), self.tr("Le code à 6 chiffres reçu par e-mail.")
        )
        self._page(
            "act_email",
            self.tr("Confirmez votre adresse e-mail"),
            "",  # names the masked address once the service has sent the code
            [(self.tr("Code reçu par e-mail"), self.activation_email_code)],
            self._on_activation_email,
        )
        self._page(
            "oppose_confirm",
            self.tr("Vous ne voulez pas de Mon espace santé"),
            self.tr(
                "Votre espace ne sera pas créé : aucun document de santé n'y sera déposé et les professionnels "
                "ne pourront pas le consulter. Vos remboursements ne changent pas. Vous pourrez changer d'avis "
                "plus tard, avec le même code tant qu'il est valable, ou auprès de votre caisse d'Assurance Maladie."
            ),
            [],
            self._on_oppose,
        )
        primary = self._steps["oppose_confirm"].primary
        assert primary is not None
        primary.setText(self.tr("Je confirme : je ne veux pas de Mon espace santé"))
        describe(primary, primary.text(), self.tr("Enregistrer votre opposition auprès du service."))

    def _build_after_sign_in(self) -> None:
        self.allergy = self._edit(self.tr("Allergie"), self.tr("Une allergie, si vous en avez (facultatif)."))
        self.treatment = self._edit(self.tr("Traitement en cours"), self.tr("Un médicament pris (facultatif)."))
        self.contact_name = self._edit(self.tr("Contact d'urgence"), self.tr("Nom d'un proche à prévenir."))
        self.contact_phone = self._edit(self.tr("Téléphone du contact"), self.tr("Son numéro de téléphone."))
        self._page(
            "entries",
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
            "rpps",
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
            "finish",
            self.tr("Terminer"),
            self.tr("Imprimez ce qui vous est utile, puis terminez : tout est effacé de cet ordinateur."),
            [("", self.print_card), ("", self.print_receipt)],
            self._on_finish,
        )
        assert step.primary is not None
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

    # -- navigation ------------------------------------------------------------------------------------------------
    @property
    def current_step(self) -> int:
        """The position in the current path (0 = the helper's screen; len(path) = the closing screen)."""
        return self._position

    @property
    def current_page(self) -> str:
        """The name of the screen shown (see `PATHS`), or "done" once everything is wiped."""
        return self._path[self._position] if self._position < len(self._path) else "done"

    @property
    def path(self) -> list[str]:
        return list(self._path)

    def step(self, name: str) -> _Step:
        """One screen by name: its title, intro, error label and primary button."""
        return self._steps[name]

    def _show(self) -> None:
        if self._position >= len(self._path):
            self.stack.setCurrentIndex(self.stack.count() - 1)
            self.step_label.setText("")
            self._say(self.done_label.text())  # type: ignore[attr-defined]
            return
        step = self._steps[self.current_page]
        self.stack.setCurrentWidget(step.holder)
        number = str(self._position + 1)
        if self.path_name:
            text = self.tr("Étape %1 sur %2").replace("%1", number).replace("%2", str(len(self._path)))
        else:  # the length of the session depends on the answer to the third screen
            text = self.tr("Étape %1").replace("%1", number)
        self.step_label.setText(text)
        target = step.focus_target()
        if target is not None:
            target.setFocus()
        self._say(f"{self.step_label.text()}. {step.title.text()}")

    def _go(self, name: str) -> None:
        self._position = self._path.index(name) if name != "done" else len(self._path)
        self._show()

    def _advance(self) -> None:
        self._position += 1
        self._show()

    def _on_back(self) -> None:
        """The previous screen, what was typed kept; from the first screen of a path, back to the choice."""
        if self._busy or self.current_page not in _BACKABLE:
            return
        self._position -= 1
        if self.current_page == "choice":
            self.path_name = ""
            self._path = list(_BEFORE_CHOICE)
        self._show()

    def _on_enter(self) -> None:
        focused = self.focusWidget()
        if isinstance(focused, QPushButton):
            focused.click()
        elif self.current_page != "done":
            self._steps[self.current_page].action()

    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        if self._busy:
            return
        self._busy = True
        step = self._steps[self.current_page]
        if step.primary is not None:
            step.primary.setEnabled(False)
        show_error(step.error, "")

        def settle() -> None:
            self._busy = False
            if step.primary is not None:
                step.primary.setEnabled(True)

        def done(result: Any) -> None:
            settle()
            then(result)

        def failed(exc: BaseException) -> None:
            settle()
            self._fail(exc)

        Op(self, fn).success(done).failure(failed).run()

    def _field_of(self, exc: BaseException) -> str | None:
        if isinstance(exc, ServiceError):
            return exc.field
        if isinstance(exc, DossierValidationError) and exc.issues:
            return exc.issues[0].field
        return None

    def _fail(self, exc: BaseException) -> None:
        """Show the error on the screen of the field it concerns (going back there if needed): what was typed stays."""
        field_name = self._field_of(exc)
        earlier = self._path[: self._position + 1]
        target = next((p for p in _PAGES_OF_FIELD.get(field_name or "", ()) if p in earlier), None)
        if target is not None and target != self.current_page:
            self._go(target)
        step = self._steps[self._path[min(self._position, len(self._path) - 1)]]
        if isinstance(exc, DossierValidationError) and exc.issues:
            message = exc.issues[0].message(current_language())
        elif isinstance(exc, CarnetError):
            message = exc.message(current_language())
        else:
            message = self.tr("Une erreur est survenue ; rien n'est perdu, réessayez.")
        show_error(step.error, message)
        self._say(message)

    def _check_and_advance(self, check: Callable[[], object]) -> None:
        """A screen checked on this PC before going on (nothing is sent): the error stays beside the field."""
        try:
            check()
        except DossierValidationError as exc:
            self._fail(exc)
            return
        show_error(self._steps[self.current_page].error, "")
        self._advance()

    # -- actions ---------------------------------------------------------------------------------------------------
    def _on_helper(self) -> None:
        if self.work is None:
            self.helper_signin.submit(self._run, self._on_helper_signed_in)
        else:  # back from the consent screen: the helper is signed in already
            self._advance()

    def _on_helper_signed_in(self, helper: HelperSession) -> None:
        self.work = self._work_factory(helper)
        who = helper.identity
        if not who.manager:
            self._advance()
            return
        # A manager may first manage the organisation's helpers; « Continuer » then accompanies someone.
        self.helper_signin.hide()
        self.manager_note.setText(
            self.tr(
                "%1, vous êtes connecté(e) comme responsable de %2. Pour accompagner une personne, choisissez "
                "« Continuer »."
            )
            .replace("%1", who.name)
            .replace("%2", who.structure)
        )
        self.manager_panel.show()
        self.manage_helpers.setFocus()

    def _on_consent(self) -> None:
        if not self.consent.isChecked():
            show_error(self._steps["consent"].error, self.tr("Cochez la case pour donner votre accord."))
            return
        self._advance()

    def _choose(self, path: str) -> None:
        self.path_name = path
        self._path = list(PATHS[path])
        finish = self._steps["finish"]
        opposing = path == "opposition"
        self.print_card.setVisible(not opposing)
        finish.intro.setText(
            self.tr(
                "Votre opposition est enregistrée : votre espace ne sera pas créé. Imprimez le récapitulatif, "
                "puis terminez : tout est effacé de cet ordinateur."
            )
            if opposing
            else self.tr("Imprimez ce qui vous est utile, puis terminez : tout est effacé de cet ordinateur.")
        )
        self._advance()

    def _need_work(self) -> AssistedWork:
        assert self.work is not None  # built on the first screen
        return self.work

    def _on_password(self) -> None:
        work, identifier, password = self._need_work(), self.identifier.text(), self.password.text()

        def then(_: Any) -> None:
            self.password.clear()  # not kept in the widget once sent
            self._advance()

        self._run(lambda: work.start_login(identifier, password), then)

    def _on_code(self) -> None:
        work, code = self._need_work(), self.code.text()
        self._run(lambda: work.confirm_code(code), lambda _: self._advance())

    def _on_new_password_changed(self, text: str) -> None:
        self.meter.update_for(text, user_inputs=[self.new_identifier.text()])

    def _on_new_password(self) -> None:
        step = self._steps["new_password"]
        if not self.meter.acceptable:
            show_error(step.error, self.tr("Ce mot de passe n'est pas encore assez solide : suivez les conseils."))
            return
        if self.new_password_again.text() != self.new_password.text():
            show_error(step.error, self.tr("Les deux mots de passe ne sont pas identiques."))
            return
        work = self._need_work()
        values = dict(
            code=self.activation_code.text(),
            nir=self.nir.text(),
            serial=self.serial.text(),
            identifier=self.new_identifier.text(),
            password=self.new_password.text(),
        )

        def then(masked: Any) -> None:
            for edit in (self.new_password, self.new_password_again):
                edit.clear()  # sent: kept neither here nor by the engine
            self._steps["act_email"].intro.setText(
                self.tr("Un code à 6 chiffres vient d'être envoyé à %1. Tapez-le ici.").replace("%1", str(masked))
            )
            self._advance()

        self._run(lambda: work.start_activation(**values), then)

    def _on_activation_email(self) -> None:
        work, code = self._need_work(), self.activation_email_code.text()
        self._run(lambda: work.confirm_activation(code), lambda _: self._advance())

    def _on_oppose(self) -> None:
        work = self._need_work()
        code, nir, serial = self.activation_code.text(), self.nir.text(), self.serial.text()
        self._run(lambda: work.oppose(code=code, nir=nir, serial=serial), lambda _: self._advance())

    def _on_entries(self) -> None:
        work = self._need_work()
        values = dict(
            allergies=[self.allergy.text()],
            treatments=[self.treatment.text()],
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
        )
        self._run(lambda: work.add_first_entries(**values), lambda _: self._advance())  # type: ignore[arg-type]

    def _on_rpps(self) -> None:
        work, rpps = self._need_work(), self.rpps.text().strip()
        if not rpps:
            self._advance()
            return
        self._run(lambda: work.authorise_medecin_traitant(rpps), lambda _: self._advance())

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

    def receipt_pdf(self) -> bytes:
        """The récapitulatif as a styled PDF page like the other sheets (in memory only)."""
        work = self._need_work()
        assert work.receipt is not None
        return work.receipt.pdf(at=work.now().astimezone())

    def _on_print_receipt(self) -> None:
        printer = self._printer(self)
        if printer is not None:
            print_pdf(self.receipt_pdf(), printer)

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
        self._go("done")
        self.sig_finished.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.work is not None:  # the window closed mid-session: wipe anyway
            Op(None, self.work.abandon).run()
            self.work = None
        elif (helper := self.helper_signin.take_back()) is not None:  # signed in, nobody helped yet: sign out
            Op(None, helper.close).run()
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
        if on and self.current_page != "done":
            self._say(self._steps[self.current_page].title.text())

    def _say(self, text: str) -> None:
        if self._speech is not None and self.read_aloud.isChecked():
            self.spoken.append(text)
            self._speech.say(text)
