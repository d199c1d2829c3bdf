"""« J'ai reçu mon code d'activation »: code, NIR, Carte Vitale serial, identifier, password, then the e-mailed code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from dossier.errors import DossierValidationError
from dossier.identifiers import (
    normalize_activation_code,
    normalize_carte_vitale_serial,
    normalize_nir,
    normalize_user_identifier,
)
from ui import icons
from ui.account.link import LocalCarnetChoice
from ui.account_forms import AccountSteps, form, link_button
from ui.steps import GroupedCodeEdit, lang, six_digit_edit
from ui.widgets import PasswordStrengthMeter, describe, error_label, flow_row, label, show_error, with_messages

if TYPE_CHECKING:
    from desktop_app.account import ActivationTicket
    from desktop_app.profile import ProfileDirectory, UnlockedProfile

STEPS = ("code", "nir", "serial", "identifier", "password", "email")


def _field(editor: QLineEdit, *below: QWidget) -> tuple[QLabel, QWidget]:
    caption = label(buddy=editor, wrap=False)
    return caption, with_messages(editor, *below)


class ActivationWizard(AccountSteps):
    """Six short steps; each is checked on Next: locally first, then the three proofs by the service as soon as
    the last of them (the Carte Vitale serial) is typed, the identifier and password when the code is mailed."""

    sig_activated = Signal(object, object)
    """The space is active and the person's carnet open and signed in (its first sync starts once it opens):
    (UnlockedProfile, recovery key to show once, or None when an existing carnet was linked)."""

    def __init__(self, profiles: ProfileDirectory, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self.server_url = server_url
        self._ticket: ActivationTicket | None = None
        # 1. the activation code
        self.code_edit = GroupedCodeEdit(length=12)
        self.code_intro = label("muted")
        self.code_label, code_box = _field(self.code_edit, code_error := error_label())
        # 2. the NIR
        self.nir_edit = QLineEdit()
        self.nir_edit.setMaxLength(21)
        self.nir_intro = label("muted")
        self.nir_label, nir_box = _field(self.nir_edit, nir_error := error_label())
        # 3. the Carte Vitale serial, with a picture of where it is printed
        self.serial_edit = QLineEdit()
        self.serial_edit.setMaxLength(16)
        self.serial_intro = label("muted")
        self.card_picture = QLabel()
        self._size_card()
        self.card_picture.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.serial_label, serial_box = _field(self.serial_edit, serial_error := error_label())
        # 4. the identifier, with its rules checked as one types
        self.identifier_edit = QLineEdit()
        self.identifier_edit.setMaxLength(100)
        self.identifier_rules = label("muted")
        self.identifier_check = label("muted")
        self.identifier_label, identifier_box = _field(
            self.identifier_edit, self.identifier_check, identifier_error := error_label()
        )
        # 5. the password (the same one opens the account and the carnet on this computer)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PasswordStrengthMeter()
        self.password_intro = label("muted")
        self.password_label, password_box = _field(self.password_edit, self.meter, password_error := error_label())
        self.confirm_label, confirm_box = _field(self.confirm_edit, confirm_error := error_label())
        # 6. the code mailed to the person
        self.email_edit = six_digit_edit()
        self.email_intro = label()
        self.resend_button = link_button()
        self.resend_button.clicked.connect(self.on_resend_button_clicked)
        self.email_label, email_box = _field(
            self.email_edit, email_error := error_label(), flow_row(self.resend_button)
        )
        self.local = LocalCarnetChoice()

        self.add_step(self.code_intro, form((self.code_label, code_box)))
        self.add_step(self.nir_intro, form((self.nir_label, nir_box)))
        self.add_step(self.serial_intro, self.card_picture, form((self.serial_label, serial_box)))
        self.add_step(self.identifier_rules, form((self.identifier_label, identifier_box)))
        self.add_step(self.password_intro, form((self.password_label, password_box), (self.confirm_label, confirm_box)))
        self.add_step(self.email_intro, form((self.email_label, email_box)), self.local)
        self.watch_field("activation_code", self.code_edit, code_error)
        self.watch_field("nir", self.nir_edit, nir_error)
        self.watch_field("carte_vitale_serial", self.serial_edit, serial_error)
        self.watch_field("identifier", self.identifier_edit, identifier_error)
        self.watch_field("password", self.password_edit, password_error)
        self.watch_field("confirm", self.confirm_edit, confirm_error)
        self.watch_field("code", self.email_edit, email_error)
        self.watch_field("local_password", self.local.password_edit, self.local.password_error)
        self.identifier_edit.textChanged.connect(self.on_identifier_edit_text_changed)
        self.password_edit.textChanged.connect(self.on_password_edit_text_changed)
        self.confirm_edit.textChanged.connect(self.on_password_edit_text_changed)
        self.retranslate_ui()

    def _size_card(self) -> None:
        # The card's own printing grows with the text size setting (200 %: twice as readable).
        width = max(340, self.fontMetrics().height() * 16)
        self.card_picture.setPixmap(icons.get("carte_vitale").pixmap(QSize(width, width * 214 // 340)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "card_picture"):
            self._size_card()
        super().changeEvent(event)

    def reset(self) -> None:
        """Start again from the first step with empty fields (nothing of a previous attempt is kept)."""
        self._ticket = None
        for editor, error in self.field_errors.values():
            editor.clear()
            show_error(error, "")
        self.go_to(0)

    # -- live feedback -----------------------------------------------------------------------------------------------
    def on_identifier_edit_text_changed(self, text: str) -> None:
        if not text:
            self.identifier_check.clear()
            return
        try:
            normalize_user_identifier(text, nir=self.nir_edit.text())
        except DossierValidationError as exc:
            self.identifier_check.setText(exc.issues[0].message(lang()))
        else:
            self.identifier_check.setText(self.tr("✓ Cet identifiant respecte les règles."))
        self.identifier_check.setAccessibleDescription(self.identifier_check.text())

    def on_password_edit_text_changed(self) -> None:
        self.meter.update_for(self.password_edit.text(), user_inputs=[self.identifier_edit.text()])
        _editor, password_error = self.field_errors["password"]
        if self.meter.acceptable:
            show_error(password_error, "")  # the meter now says « accepté »: no stale refusal beside it
        mismatch = bool(self.confirm_edit.text()) and self.confirm_edit.text() != self.password_edit.text()
        _editor, confirm_error = self.field_errors["confirm"]
        show_error(confirm_error, self.tr("Les deux mots de passe ne sont pas identiques.") if mismatch else "")

    # -- steps -------------------------------------------------------------------------------------------------------
    def next_step(self) -> None:
        step = STEPS[self.step]
        local_checks: dict[str, tuple[str, Callable[[], object]]] = {
            "code": ("activation_code", lambda: normalize_activation_code(self.code())),
            "nir": ("nir", lambda: normalize_nir(self.nir_edit.text())),
            "serial": ("carte_vitale_serial", lambda: normalize_carte_vitale_serial(self.serial_edit.text())),
            "identifier": (
                "identifier",
                lambda: normalize_user_identifier(self.identifier_edit.text(), nir=self.nir_edit.text()),
            ),
        }
        if step == "serial":
            if self.check_locally(*local_checks[step]):
                self._check_proofs()
        elif step in local_checks:
            if self.check_locally(*local_checks[step]):
                self.go_to(self.step + 1)
        elif step == "password":
            self._start()
        else:
            self._confirm()

    def code(self) -> str:
        return self.code_edit.raw()

    def _check_proofs(self) -> None:
        """The code, NIR and serial are checked together by the service now, not after the password: a wrong one
        brings the person back to the code, with what to check."""
        from desktop_app import account

        url, code, nir, serial = self.server_url, self.code(), self.nir_edit.text(), self.serial_edit.text()
        self.run_online(
            lambda: account.check_activation(url, code, nir, serial),
            lambda _status: self.go_to(STEPS.index("identifier")),
            status=self.tr("Vérification de votre code auprès du service…"),
        )

    def _start(self) -> None:
        self.on_password_edit_text_changed()
        if not self.meter.acceptable:
            # The reason is under the gauge, just above: said once, the field gets the focus.
            self.show_field_error("password", self.tr("Pas encore accepté : la raison est indiquée ci-dessus."))
            return
        if self.confirm_edit.text() != self.password_edit.text():
            self.show_field_error("confirm", self.tr("Les deux mots de passe ne sont pas identiques."))
            return
        from desktop_app import account

        url, code, nir, serial = self.server_url, self.code(), self.nir_edit.text(), self.serial_edit.text()
        identifier, password = self.identifier_edit.text(), self.password_edit.text()
        self.run_online(
            lambda: account.start_activation(url, code, nir, serial, identifier, password),
            self._on_started,
            status=self.tr("Vérification auprès du service…"),
        )

    def _on_started(self, ticket: ActivationTicket) -> None:
        self._ticket = ticket
        self.local.prepare(self._profiles, ticket.server_url, ticket.identifier)
        self.go_to(STEPS.index("email"))

    def on_resend_button_clicked(self) -> None:
        """« Renvoyer le code »: the activation is started again; the previous code stops working."""
        if self.busy or self._ticket is None:
            return
        from desktop_app import account

        url, code, nir, serial = self.server_url, self.code(), self.nir_edit.text(), self.serial_edit.text()
        identifier, password = self.identifier_edit.text(), self.password_edit.text()
        self.run_online(
            lambda: account.start_activation(url, code, nir, serial, identifier, password),
            self._on_resent,
            status=self.tr("Envoi d'un nouveau code…"),
        )

    def _on_resent(self, ticket: ActivationTicket) -> None:
        self._ticket = ticket
        self.email_edit.clear()
        self.status.setText(self.tr("Un nouveau code vient d'être envoyé ; le précédent ne fonctionne plus."))
        self.email_edit.setFocus()

    def show_failure(self, exc: BaseException) -> None:
        from desktop_app.errors import WrongPassword

        if isinstance(exc, WrongPassword):
            self.local.ask_password()
        super().show_failure(exc)

    def _confirm(self) -> None:
        ticket, directory, code = self._ticket, self._profiles, self.email_edit.raw()
        if ticket is None:
            self.go_to(STEPS.index("password"))
            return
        if len(code) != 6:
            self.show_field_error("code", self.tr("Le code reçu par e-mail compte 6 chiffres."))
            return
        from desktop_app import account

        choice = self.local.choice()
        self.run_online(
            lambda: account.confirm_activation(ticket, code, directory=directory, choice=choice),
            self._on_confirmed,
            status=self.tr("Activation et chiffrement de votre carnet…"),
        )

    def _on_confirmed(self, result: tuple[UnlockedProfile, str | None]) -> None:
        profile, recovery_key = result
        self._ticket = None  # the password it held is no longer needed
        for edit in (self.password_edit, self.confirm_edit, self.email_edit):
            edit.clear()
        self.sig_activated.emit(profile, recovery_key)

    # -- text --------------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        total = self.stack.count()
        self.title.setText(
            self.tr("Activer Mon espace santé — étape %1 sur %2")
            .replace("%1", str(self.step + 1))
            .replace("%2", str(total))
        )
        headings = [
            self.tr("Votre code d'activation"),
            self.tr("Votre numéro de sécurité sociale"),
            self.tr("Le numéro de série de votre carte Vitale"),
            self.tr("Choisissez votre identifiant"),
            self.tr("Choisissez votre mot de passe"),
            self.tr("Le code reçu par e-mail"),
        ]
        for heading, text in zip(self.step_titles, headings, strict=True):
            heading.setText(text)
        self.code_intro.setText(
            self.tr(
                "Il figure dans le courrier ou l'e-mail de l'Assurance Maladie : 12 lettres et chiffres. "
                "Majuscules ou minuscules, peu importe."
            )
        )
        self.code_label.setText(self.tr("&Code d'activation :"))
        self.nir_intro.setText(
            self.tr("Les 15 chiffres inscrits sur votre carte Vitale ou votre attestation, clé comprise.")
        )
        self.nir_label.setText(self.tr("&Numéro de sécurité sociale :"))
        self.serial_intro.setText(
            self.tr("Il est imprimé sur le devant de la carte, en bas à droite, sous la photo (encadré en rouge).")
        )
        self.serial_label.setText(self.tr("Numéro de &série de la carte Vitale :"))
        self.identifier_rules.setText(
            self.tr(
                "Vous l'utiliserez pour vous connecter. De 8 à 100 caractères : lettres minuscules sans accent, "
                "chiffres, point, tiret et tiret bas. Pas votre numéro de sécurité sociale."
            )
        )
        self.identifier_label.setText(self.tr("&Identifiant :"))
        self.password_intro.setText(
            self.tr(
                "Ce mot de passe protège votre compte en ligne et chiffre votre carnet sur cet ordinateur. %1 "
                "Par exemple « %2 » — mais pas celle-ci, que tout le monde peut lire : inventez la vôtre."
            )
            .replace("%1", self.meter.rule_text())
            .replace("%2", self.meter.example_phrase())
        )
        self.password_label.setText(self.tr("&Mot de passe :"))
        self.confirm_label.setText(self.tr("C&onfirmer le mot de passe :"))
        masked = self._ticket.email_masked if self._ticket else ""
        self.email_intro.setText(
            self.tr("Un code à 6 chiffres vient d'être envoyé à %1. Il est valable quelques minutes.").replace(
                "%1", masked
            )
        )
        self.email_label.setText(self.tr("Code reçu par &e-mail :"))
        self.next_button.setText(self.tr("&Activer") if self.step == total - 1 else self.tr("&Suivant"))
        self.back_button.setText(self.tr("&Retour"))
        describe(self.code_edit, self.tr("Code d'activation"), self.tr("12 lettres et chiffres, reçus par courrier."))
        describe(self.nir_edit, self.tr("Numéro de sécurité sociale"), self.tr("15 chiffres, clé comprise."))
        describe(
            self.serial_edit,
            self.tr("Numéro de série de la carte Vitale"),
            self.tr("De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte."),
        )
        describe(
            self.card_picture,
            self.tr("Dessin d'une carte Vitale"),
            self.tr("Le numéro de série est encadré en rouge, en bas à droite, sous la photo."),
        )
        describe(self.identifier_edit, self.tr("Identifiant"), self.identifier_rules.text())
        describe(self.password_edit, self.tr("Mot de passe"), self.meter.rule_text())
        self.resend_button.setText(self.tr("Re&nvoyer le code"))
        describe(self.resend_button, self.tr("Renvoyer le code"), self.tr("Recevoir un nouveau code par e-mail."))
        describe(self.confirm_edit, self.tr("Confirmer le mot de passe"), self.tr("Saisissez-le une seconde fois."))
        describe(self.email_edit, self.tr("Code reçu par e-mail"), self.tr("6 chiffres."))
        describe(self.next_button, self.next_button.text().replace("&", ""), self.tr("Passer à l'étape suivante."))
        describe(self.back_button, self.tr("Retour"), self.tr("Revenir à l'étape précédente ou à l'accueil."))
        self.on_identifier_edit_text_changed(self.identifier_edit.text())
