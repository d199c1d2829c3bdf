"""The helper's own sign-in on the first screen of an assisted session (S51): e-mail and password, then the code
mailed to the helper. The service then knows who helps, from its registry; nothing typed here reaches the audit.

The first time, « Première connexion » takes the enrolment code the organisation's registration mailed and a new
password (under the policy, with the meter), then comes back to the sign-in with the e-mail filled in."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop_app.assisted import AssistedInputError, HelperSession
from ui.account_forms import link_button
from ui.steps import six_digit_edit
from ui.widgets import PasswordStrengthMeter, describe, label

HelperFactory = Callable[[], HelperSession]
Runner = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class HelperSignIn(QWidget):
    """E-mail and password, then (once the service mailed it) the helper's code. `submit` runs the next step
    through the session's runner, so busy state and errors stay the session's; `signed_in` gets the open session."""

    def __init__(self, helper_factory: HelperFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = helper_factory
        self.helper: HelperSession | None = None
        self.email = QLineEdit()
        self.email.setMaxLength(254)
        describe(self.email, self.tr("E-mail de l'aidant"), self.tr("L'adresse de votre compte d'aidant."))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.password, self.tr("Mot de passe de l'aidant"), self.tr("Le mot de passe de votre compte."))
        self.code = six_digit_edit()
        describe(self.code, self.tr("Code reçu par l'aidant"), self.tr("Les 6 chiffres envoyés à votre adresse."))
        self.code_intro = label("muted")
        self.code_intro.setText(self.tr("Un code à 6 chiffres vient d'être envoyé à votre adresse e-mail d'aidant."))
        # First time (enrolment): the mailed enrolment code and a new password, twice.
        self.enrolling = False
        self.enrol_link = link_button()
        self.enrol_link.setText(self.tr("Première connexion : j'ai reçu un code d'enrôlement"))
        describe(
            self.enrol_link,
            self.tr("Première connexion de l'aidant"),
            self.tr("Choisir le mot de passe de votre compte d'aidant avec le code reçu par e-mail."),
        )
        self.enrol_link.clicked.connect(lambda: self.set_enrolling(not self.enrolling))
        self.enrol_code = QLineEdit()
        self.enrol_code.setMaxLength(40)
        describe(self.enrol_code, self.tr("Code d'enrôlement"), self.tr("Le code reçu par e-mail de votre structure."))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.new_password, self.tr("Nouveau mot de passe de l'aidant"))
        self.new_password_again = QLineEdit()
        self.new_password_again.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.new_password_again, self.tr("Nouveau mot de passe, encore une fois"))
        self.meter = PasswordStrengthMeter()
        self.new_password.textChanged.connect(
            lambda text: self.meter.update_for(text, user_inputs=(self.email.text(),))
        )
        self.rule = label("muted")
        self.rule.setText(self.meter.rule_text())
        self.enrolled_note = label("muted")
        self.enrolled_note.setText(
            self.tr("Votre compte d'aidant est prêt : connectez-vous avec votre nouveau mot de passe.")
        )
        column = QVBoxLayout(self)  # each caption above its field (a nested QFormLayout squeezed the last field)
        column.setContentsMargins(0, 0, 0, 0)
        self.code_label = label(buddy=self.code, wrap=False)
        self._captions: dict[QWidget, QWidget] = {}
        for caption, widget in (
            ("", self.enrolled_note),
            (self.tr("E-mail de l'aidant"), self.email),
            (self.tr("Code d'enrôlement reçu par e-mail"), self.enrol_code),
            (self.tr("Nouveau mot de passe"), self.new_password),
            ("", self.meter),
            ("", self.rule),
            (self.tr("Nouveau mot de passe, encore une fois"), self.new_password_again),
            (self.tr("Mot de passe de l'aidant"), self.password),
            ("", self.code_intro),
            (self.tr("Code reçu par e-mail"), self.code),
            ("", self.enrol_link),
        ):
            if caption:
                buddy = self.code_label if widget is self.code else label(buddy=widget, wrap=False)
                buddy.setText(caption)
                self._captions[widget] = buddy
                column.addWidget(buddy)
            column.addWidget(widget)
        self._ordered = False
        self.enrolled_note.hide()
        self._show_code(False)
        self.set_enrolling(False)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._ordered:  # once inside its window: each mode then reads top to bottom (hidden fields skipped)
            self._ordered = True
            chain = (self.email, self.password, self.code, self.enrol_code, self.new_password, self.new_password_again)
            for first, second in itertools.pairwise((*chain, self.enrol_link)):
                QWidget.setTabOrder(first, second)
        super().showEvent(event)

    def set_enrolling(self, enrolling: bool) -> None:
        """Show the first-time fields (enrolment code, new password twice) or the daily sign-in."""
        self.enrolling = enrolling
        for widget in (self.enrol_code, self.new_password, self.meter, self.rule, self.new_password_again):
            widget.setVisible(enrolling)
            if widget in self._captions:
                self._captions[widget].setVisible(enrolling)
        self.password.setVisible(not enrolling)
        self._captions[self.password].setVisible(not enrolling)
        self.enrol_link.setText(
            self.tr("Retour à la connexion")
            if enrolling
            else self.tr("Première connexion : j'ai reçu un code d'enrôlement")
        )
        if enrolling:
            self.enrolled_note.hide()
        self.setFocusProxy(self.email)

    def _show_code(self, shown: bool) -> None:
        for widget in (self.code_intro, self.code_label, self.code):
            widget.setVisible(shown)
        self.email.setEnabled(not shown)
        self.password.setEnabled(not shown)
        self.setFocusProxy(self.code if shown else self.email)

    @property
    def waiting_for_code(self) -> bool:
        return self.helper is not None and self.helper.started

    def submit(self, run: Runner, signed_in: Callable[[HelperSession], None]) -> None:
        """The next step: the password (the service mails the helper a code), or the code (the session opens)."""
        if self.helper is None:
            self.helper = self._factory()
        helper = self.helper
        if self.enrolling:
            email, code = self.email.text(), self.enrol_code.text()
            password, again = self.new_password.text(), self.new_password_again.text()

            def enrol() -> None:
                if password != again:
                    raise AssistedInputError(
                        "Aidant : les deux mots de passe ne sont pas identiques.",
                        "Helper: the two passwords differ.",
                    )
                helper.enrol(email, code, password)

            run(enrol, lambda _: self._on_enrolled())
            return
        if not helper.started:
            email, password = self.email.text(), self.password.text()
            run(lambda: helper.start(email, password), lambda _: self._on_started())
            return
        code = self.code.raw()
        run(lambda: helper.confirm(code), lambda _: self._on_signed_in(signed_in))

    def _on_enrolled(self) -> None:
        for field in (self.enrol_code, self.new_password, self.new_password_again):
            field.clear()  # nothing of the new password stays in the widget
        self.set_enrolling(False)
        self.enrolled_note.show()
        self.password.setFocus()

    def _on_started(self) -> None:
        self.password.clear()  # not kept in the widget once sent
        self._show_code(True)
        self.code.setFocus()

    def _on_signed_in(self, signed_in: Callable[[HelperSession], None]) -> None:
        helper = self.helper
        assert helper is not None
        self.code.clear()
        signed_in(helper)

    def take_back(self) -> HelperSession | None:
        """The window closed before the helper's session was handed over: forget it here; the caller signs it out
        (`close()`, off the GUI thread)."""
        helper, self.helper = self.helper, None
        self._show_code(False)
        return helper
