"""The helper's own sign-in on the first screen of an assisted session (S51): e-mail and password, then the code
mailed to the helper. The service then knows who helps, from its registry; nothing typed here reaches the audit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop_app.assisted import HelperSession
from ui.steps import six_digit_edit
from ui.widgets import describe, label

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
        column = QVBoxLayout(self)  # each caption above its field (a nested QFormLayout squeezed the last field)
        column.setContentsMargins(0, 0, 0, 0)
        self.code_label = label(buddy=self.code, wrap=False)
        for caption, widget in (
            (self.tr("E-mail de l'aidant"), self.email),
            (self.tr("Mot de passe de l'aidant"), self.password),
            ("", self.code_intro),
            (self.tr("Code reçu par e-mail"), self.code),
        ):
            if caption:
                buddy = self.code_label if widget is self.code else label(buddy=widget, wrap=False)
                buddy.setText(caption)
                column.addWidget(buddy)
            column.addWidget(widget)
        self._show_code(False)

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
        if not helper.started:
            email, password = self.email.text(), self.password.text()
            run(lambda: helper.start(email, password), lambda _: self._on_started())
            return
        code = self.code.raw()
        run(lambda: helper.confirm(code), lambda _: self._on_signed_in(signed_in))

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
