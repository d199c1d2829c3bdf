"""« Identifiant oublié » and « Mot de passe oublié »: dialogs reached from the login page and the welcome screen.

Both drive the service's recovery endpoints; the service mails the identifier, or a code to choose a new password,
and answers the same whether or not an account exists (so the screens never say "unknown")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from ui.account_forms import AccountSteps, NewPassword, form, link_button, open_steps_dialog
from ui.steps import six_digit_edit
from ui.widgets import describe, error_label, flow_row, label, with_messages

if TYPE_CHECKING:
    from desktop_app.account import PasswordReset


class ForgotIdentifierSteps(AccountSteps):
    """The e-mail address given at activation; the identifier is mailed to it."""

    sig_done = Signal()
    """The person read the answer and closes the window."""

    def __init__(self, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self.intro = label("muted")
        self.email_edit = QLineEdit()
        self.email_edit.setMaxLength(254)
        self.email_label = label(buddy=self.email_edit, wrap=False)
        email_error = error_label()
        self.sent_message = label()
        self.add_step(self.intro, form((self.email_label, with_messages(self.email_edit, email_error))))
        self.add_step(self.sent_message)
        self.watch_field("email", self.email_edit, email_error)
        self.retranslate_ui()

    def reset(self) -> None:
        self.email_edit.clear()
        self.go_to(0)

    def next_step(self) -> None:
        if self.step == 1:
            self.sig_done.emit()
            return
        email = self.email_edit.text().strip()
        if "@" not in email or len(email) < 3:
            self.show_field_error("email", self.tr("Saisissez l'adresse e-mail donnée à l'activation (avec un @)."))
            return
        from desktop_app import account

        url = self.server_url
        self.run_online(
            lambda: account.forgot_identifier(url, email),
            lambda _r: self.go_to(1),
            status=self.tr("Envoi de la demande au service…"),
        )

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Identifiant oublié"))
        self.step_titles[0].setText(self.tr("Votre adresse e-mail"))
        self.step_titles[1].setText(self.tr("Regardez vos e-mails"))
        self.intro.setText(
            self.tr(
                "Saisissez l'adresse e-mail où vous recevez les messages de Mon espace santé : "
                "votre identifiant vous y sera envoyé."
            )
        )
        self.email_label.setText(self.tr("Adresse &e-mail :"))
        self.sent_message.setText(
            self.tr(
                "Si un compte correspond à %1, un e-mail avec votre identifiant vient d'y être envoyé. "
                "Pensez à regarder dans les courriers indésirables. Rien reçu d'ici quelques minutes ? "
                "Vérifiez l'adresse, ou utilisez l'adresse donnée à l'activation."
            ).replace("%1", self.email_edit.text().strip())
        )
        self.next_button.setText(self.tr("&Fermer") if self.step == 1 else self.tr("&Envoyer"))
        self.back_button.setText(self.tr("&Retour") if self.step == 1 else self.tr("&Annuler"))
        self.back_button.setVisible(True)
        describe(self.email_edit, self.tr("Adresse e-mail"), self.tr("L'adresse donnée à l'activation."))
        describe(self.next_button, self.next_button.text().replace("&", ""), self.tr("Demander l'identifiant."))
        describe(self.back_button, self.back_button.text().replace("&", ""), self.tr("Revenir en arrière."))


class ForgotPasswordSteps(AccountSteps):
    """The identifier; then the mailed code and a new password; then what it changes (and what it does not)."""

    sig_done = Signal(str)
    """The account's password was changed; carries the identifier (to sign in with)."""

    def __init__(self, server_url: str, identifier: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self._reset: PasswordReset | None = None
        self.intro = label("muted")
        self.identifier_edit = QLineEdit(identifier)
        self.identifier_edit.setMaxLength(100)
        self.identifier_label = label(buddy=self.identifier_edit, wrap=False)
        identifier_error = error_label()
        self.code_intro = label("muted")
        self.code_edit = six_digit_edit()
        self.code_label = label(buddy=self.code_edit, wrap=False)
        code_error = error_label()
        self.resend_button = link_button()
        self.resend_button.clicked.connect(self.on_resend_button_clicked)
        self.done_message = label()
        self.add_step(self.intro, form((self.identifier_label, with_messages(self.identifier_edit, identifier_error))))
        self.watch_field("identifier", self.identifier_edit, identifier_error)
        self.watch_field("code", self.code_edit, code_error)
        self.password = NewPassword(self, user_inputs=lambda: [self.identifier_edit.text()])
        self.add_step(
            self.code_intro,
            form(
                (self.code_label, with_messages(self.code_edit, code_error, flow_row(self.resend_button))),
                *self.password.rows(),
            ),
        )
        self.add_step(self.done_message)
        self.retranslate_ui()

    def next_step(self) -> None:
        from desktop_app import account

        url, identifier = self.server_url, self.identifier_edit.text().strip()
        if self.step == 0:
            if not identifier:
                self.show_field_error("identifier", self.tr("Saisissez votre identifiant."))
                return
            self.run_online(
                lambda: account.forgot_password(url, identifier),
                self._on_requested,
                status=self.tr("Envoi de la demande au service…"),
            )
        elif self.step == 1:
            reset, code = self._reset, self.code_edit.raw()
            if reset is None:
                self.go_to(0)
                return
            if len(code) != 6:
                self.show_field_error("code", self.tr("Le code reçu par e-mail compte 6 chiffres."))
                return
            if not self.password.check():
                return
            new = self.password.edit.text()
            self.run_online(
                lambda: account.reset_password(reset, code, new),
                self._on_reset,
                status=self.tr("Changement du mot de passe…"),
            )
        else:
            self.sig_done.emit(identifier)

    def on_resend_button_clicked(self) -> None:
        """« Renvoyer le code »: a new request; the previous code stops working."""
        if self.busy:
            return
        from desktop_app import account

        url, identifier = self.server_url, self.identifier_edit.text().strip()
        self.run_online(
            lambda: account.forgot_password(url, identifier),
            self._on_resent,
            status=self.tr("Envoi d'un nouveau code…"),
        )

    def _on_requested(self, reset: PasswordReset) -> None:
        self._reset = reset
        self.go_to(1)

    def _on_resent(self, reset: PasswordReset) -> None:
        self._reset = reset
        self.code_edit.clear()
        self.status.setText(self.tr("Un nouveau code vient d'être envoyé ; le précédent ne fonctionne plus."))
        self.code_edit.setFocus()

    def _on_reset(self, _result: object) -> None:
        self._reset = None
        self.password.clear()
        self.code_edit.clear()
        self.go_to(2)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Mot de passe oublié"))
        self.step_titles[0].setText(self.tr("Votre identifiant"))
        self.step_titles[1].setText(self.tr("Le code reçu et votre nouveau mot de passe"))
        self.step_titles[2].setText(self.tr("Mot de passe changé"))
        self.intro.setText(
            self.tr(
                "Un code à 6 chiffres sera envoyé à l'adresse e-mail de votre compte. "
                "Identifiant oublié aussi ? Fermez cette fenêtre et choisissez « Identifiant oublié »."
            )
        )
        self.identifier_label.setText(self.tr("&Identifiant :"))
        self.code_intro.setText(
            self.tr(
                "Si ce compte existe, un code vient d'être envoyé à son adresse e-mail ; il est valable quelques "
                "minutes. Choisissez ensuite votre nouveau mot de passe."
            )
        )
        self.code_label.setText(self.tr("Code reçu par &e-mail :"))
        self.resend_button.setText(self.tr("Re&nvoyer le code"))
        self.password.label.setText(self.tr("&Nouveau mot de passe :"))
        self.password.confirm_label.setText(self.tr("C&onfirmer le nouveau mot de passe :"))
        self.done_message.setText(
            self.tr(
                "Le mot de passe de votre compte est changé, et vos appareils sont déconnectés. Connectez-vous avec "
                "le nouveau. Le carnet déjà présent sur cet ordinateur garde son propre mot de passe : "
                "ouvrez-le avec l'ancien (ou votre clé de secours), puis changez-le dans Paramètres."
            )
        )
        last = self.step == 2
        self.next_button.setText(
            self.tr("&Fermer")
            if last
            else self.tr("&Changer le mot de passe")
            if self.step == 1
            else self.tr("&Suivant")
        )
        self.back_button.setText(self.tr("&Annuler") if self.step == 0 else self.tr("&Retour"))
        self.back_button.setVisible(not last)
        describe(self.identifier_edit, self.tr("Identifiant"), self.tr("L'identifiant choisi à l'activation."))
        describe(self.code_edit, self.tr("Code reçu par e-mail"), self.tr("6 chiffres."))
        describe(self.resend_button, self.tr("Renvoyer le code"), self.tr("Recevoir un nouveau code par e-mail."))
        describe(self.password.edit, self.tr("Nouveau mot de passe"), self.password.meter.rule_text())
        describe(
            self.password.confirm_edit,
            self.tr("Confirmer le nouveau mot de passe"),
            self.tr("Saisissez-le une seconde fois."),
        )
        describe(self.next_button, self.next_button.text().replace("&", ""), self.tr("Passer à l'étape suivante."))
        describe(self.back_button, self.back_button.text().replace("&", ""), self.tr("Revenir en arrière."))


def open_forgot_identifier(parent: QWidget | None, server_url: str) -> tuple[QDialog, ForgotIdentifierSteps]:
    steps = ForgotIdentifierSteps(server_url)
    dialog = open_steps_dialog(parent, steps)
    steps.sig_done.connect(dialog.accept)
    return dialog, steps


def open_forgot_password(
    parent: QWidget | None, server_url: str, identifier: str = ""
) -> tuple[QDialog, ForgotPasswordSteps]:
    steps = ForgotPasswordSteps(server_url, identifier)
    dialog = open_steps_dialog(parent, steps)
    steps.sig_done.connect(lambda _identifier: dialog.accept())
    return dialog, steps
