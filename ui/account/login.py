"""« J'ai déjà un compte »: identifier + password, then the e-mailed code; the local carnet is opened or created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from ui.account.link import LocalCarnetChoice
from ui.account.unlock_code import UnlockCodeBox
from ui.account_forms import AccountSteps, link_button
from ui.steps import six_digit_edit
from ui.widgets import describe, error_label, flow_row, label, with_messages

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop_app.account import LoginTicket
    from desktop_app.profile import ProfileDirectory, UnlockedProfile


class LoginSteps(AccountSteps):
    """Two steps; on success emits ``sig_signed_in`` with the open profile and, if it was just created, its key."""

    sig_signed_in = Signal(object, object)
    """Signed in and the carnet is open: (UnlockedProfile, recovery key str or None when it already existed)."""

    def __init__(self, profiles: ProfileDirectory, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self.server_url = server_url
        self._ticket: LoginTicket | None = None
        self.intro = label("muted")
        self.identifier_edit = QLineEdit()
        self.identifier_edit.setMaxLength(100)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.identifier_label = label(buddy=self.identifier_edit, wrap=False)
        self.password_label = label(buddy=self.password_edit, wrap=False)
        self.email_intro = label()
        self.email_edit = six_digit_edit()
        self.email_label = label(buddy=self.email_edit, wrap=False)
        self.forgot_identifier_button = link_button()
        self.forgot_password_button = link_button()
        self.forgot_identifier_button.clicked.connect(self.on_forgot_identifier_button_clicked)
        self.forgot_password_button.clicked.connect(self.on_forgot_password_button_clicked)
        self.recovery_dialog: QDialog | None = None
        self.recovery_steps: QWidget | None = None
        self.local = LocalCarnetChoice()
        errors = {name: error_label() for name in ("identifier", "password", "code")}
        credentials = QWidget()
        form = QFormLayout(credentials)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.identifier_label, with_messages(self.identifier_edit, errors["identifier"]))
        form.addRow(self.password_label, with_messages(self.password_edit, errors["password"]))
        self.unlock_box = UnlockCodeBox()  # shown when the service holds the account (S50)
        self.unlock_box.sig_requested.connect(self._request_unlock)
        form.addRow(self.unlock_box)
        code = QWidget()
        code_form = QFormLayout(code)
        code_form.setContentsMargins(0, 0, 0, 0)
        code_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        code_form.addRow(self.email_label, with_messages(self.email_edit, errors["code"]))
        self.add_step(self.intro, credentials, flow_row(self.forgot_identifier_button, self.forgot_password_button))
        self.add_step(self.email_intro, code, self.local)
        self.watch_field("local_password", self.local.password_edit, self.local.password_error)
        self.watch_field("identifier", self.identifier_edit, errors["identifier"])
        self.watch_field("password", self.password_edit, errors["password"])
        self.watch_field("code", self.email_edit, errors["code"])
        self.retranslate_ui()

    def reset(self) -> None:
        self._ticket = None
        self.unlock_box.reset()
        for editor, error in self.field_errors.values():
            editor.clear()
            error.clear()
            error.setVisible(False)
        self.go_to(0)

    def next_step(self) -> None:
        from desktop_app import account

        if self.step == 0:
            url, identifier, password = self.server_url, self.identifier_edit.text(), self.password_edit.text()
            if not identifier.strip():
                self.show_field_error("identifier", self.tr("Saisissez votre identifiant."))
            elif not password:
                self.show_field_error("password", self.tr("Saisissez votre mot de passe."))
            elif not self.unlock_box.missing_code():
                profiles, unlock, unlock_code = self._profiles, self.unlock_box.ticket, self.unlock_box.code.raw()
                self.run_online(
                    lambda: account.start_login(
                        url, identifier, password, directory=profiles, unlock=unlock, unlock_code=unlock_code
                    ),
                    self._on_started,
                    status=self.tr("Vérification auprès du service…"),
                )
            return
        ticket, directory, code = self._ticket, self._profiles, self.email_edit.raw()
        if ticket is None:
            self.go_to(0)
        elif len(code) != 6:
            self.show_field_error("code", self.tr("Le code reçu par e-mail compte 6 chiffres."))
        else:
            choice = self.local.choice()
            self.run_online(
                lambda: account.confirm_login(ticket, code, directory=directory, choice=choice),
                self._on_confirmed,
                status=self.tr("Connexion et ouverture de votre carnet…"),
            )

    def _on_started(self, ticket: LoginTicket) -> None:
        self._ticket = ticket
        self.unlock_box.reset()
        self.local.prepare(self._profiles, ticket.server_url, ticket.identifier)
        self.go_to(1)

    def show_failure(self, exc: BaseException) -> None:
        from desktop_app.account import AccountLocked
        from desktop_app.errors import WrongPassword

        if isinstance(exc, WrongPassword):
            self.local.ask_password()
        super().show_failure(exc)
        if isinstance(exc, AccountLocked):
            self.unlock_box.offer()

    def _request_unlock(self) -> None:
        from desktop_app import account

        url, identifier = self.server_url, self.identifier_edit.text()
        if not identifier.strip():
            self.show_field_error("identifier", self.tr("Saisissez votre identifiant."))
            return
        self.run_online(
            lambda: account.request_unlock(url, identifier),
            self.unlock_box.sent,
            status=self.tr("Envoi du code de déblocage…"),
        )

    # -- « Identifiant oublié », « Mot de passe oublié » --------------------------------------------------------------
    def on_forgot_identifier_button_clicked(self) -> None:
        from ui.account.recovery import open_forgot_identifier

        self.recovery_dialog, self.recovery_steps = open_forgot_identifier(self.window(), self.server_url)

    def on_forgot_password_button_clicked(self) -> None:
        from ui.account.recovery import open_forgot_password

        dialog, steps = open_forgot_password(self.window(), self.server_url, self.identifier_edit.text().strip())
        steps.sig_done.connect(self._on_password_reset)
        self.recovery_dialog, self.recovery_steps = dialog, steps

    def _on_password_reset(self, identifier: str) -> None:
        """Back on the login page with the identifier filled in: the new password is all that is left to type."""
        self.go_to(0)
        self.identifier_edit.setText(identifier)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _on_confirmed(self, result: tuple[UnlockedProfile, str | None]) -> None:
        self._ticket = None
        self.password_edit.clear()
        self.email_edit.clear()
        self.sig_signed_in.emit(*result)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Me connecter à mon compte"))
        self.step_titles[0].setText(self.tr("Identifiant et mot de passe"))
        self.step_titles[1].setText(self.tr("Le code reçu par e-mail"))
        self.intro.setText(
            self.tr(
                "Si votre carnet est déjà sur cet ordinateur, il s'ouvre ; sinon il est créé et chiffré avec "
                "ce même mot de passe."
            )
        )
        self.identifier_label.setText(self.tr("&Identifiant :"))
        self.password_label.setText(self.tr("&Mot de passe :"))
        self.email_intro.setText(
            self.tr("Un code à 6 chiffres vient de vous être envoyé par e-mail. Il est valable quelques minutes.")
        )
        self.email_label.setText(self.tr("Code reçu par &e-mail :"))
        self.forgot_identifier_button.setText(self.tr("Identifiant &oublié ?"))
        self.forgot_password_button.setText(self.tr("Mot de passe oub&lié ?"))
        describe(
            self.forgot_identifier_button,
            self.tr("Identifiant oublié"),
            self.tr("Recevoir votre identifiant à l'adresse e-mail de votre compte."),
        )
        describe(
            self.forgot_password_button,
            self.tr("Mot de passe oublié"),
            self.tr("Choisir un nouveau mot de passe avec un code reçu par e-mail."),
        )
        self.next_button.setText(self.tr("Se &connecter") if self.step == 1 else self.tr("&Suivant"))
        self.back_button.setText(self.tr("&Retour"))
        describe(self.identifier_edit, self.tr("Identifiant"), self.tr("L'identifiant choisi à l'activation."))
        describe(self.password_edit, self.tr("Mot de passe"), self.tr("Le mot de passe de votre compte."))
        describe(self.email_edit, self.tr("Code reçu par e-mail"), self.tr("6 chiffres."))
        describe(self.next_button, self.next_button.text().replace("&", ""), self.tr("Passer à l'étape suivante."))
        describe(self.back_button, self.tr("Retour"), self.tr("Revenir à l'étape précédente ou à l'accueil."))
