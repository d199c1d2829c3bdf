"""The code de déblocage on the sign-in screen (S50): shown only when the service holds the account after failed
attempts — « Recevoir un code de déblocage par e-mail », then the field for the code received."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.steps import six_digit_edit
from ui.widgets import Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from desktop_app.account import UnlockTicket


class UnlockCodeBox(Retranslatable, QWidget):
    """Hidden until `offer()`; `sig_requested` asks the screen to have the code mailed (it runs the request and
    calls `sent()`); then `ticket` and `code` go with the next sign-in."""

    sig_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket: UnlockTicket | None = None
        self.request_button = QPushButton()
        self.request_button.clicked.connect(self.sig_requested)
        self.sent_label = label("muted")
        self.code = six_digit_edit()
        self.code_label = label(buddy=self.code, wrap=False)
        self.error = error_label()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.request_button)
        row.addStretch(1)
        column.addLayout(row)
        for widget in (self.sent_label, self.code_label, self.code, self.error):
            column.addWidget(widget)
        self.retranslate_ui()
        self.reset()

    def offer(self) -> None:
        """The service said "locked": show the way in by e-mail (the error above already says why)."""
        self.setVisible(True)
        self.request_button.setVisible(True)  # again after a used or mistyped code: a new one

    def sent(self, ticket: UnlockTicket) -> None:
        self.ticket = ticket
        self.request_button.setVisible(False)
        for widget in (self.sent_label, self.code_label, self.code):
            widget.setVisible(True)
        self.code.setFocus()

    def missing_code(self) -> bool:
        """A code was asked but not (fully) typed: said here, and the sign-in waits for it."""
        if self.ticket is not None and len(self.code.raw()) != 6:
            show_error(self.error, self.tr("Saisissez les 6 chiffres du code de déblocage reçu par e-mail."))
            self.code.setFocus()
            return True
        show_error(self.error, "")
        return False

    def reset(self) -> None:
        self.ticket = None
        self.code.clear()
        show_error(self.error, "")
        for widget in (self.sent_label, self.code_label, self.code):
            widget.setVisible(False)
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        self.request_button.setText(self.tr("Recevoir un code de déblocage par e-mail"))
        describe(
            self.request_button,
            self.tr("Recevoir un code de déblocage par e-mail"),
            self.tr("Un code envoyé à l'adresse de votre compte vous permet de vous connecter malgré le blocage."),
        )
        self.sent_label.setText(
            self.tr(
                "Si ce compte existe, un code de déblocage vient d'être envoyé à son adresse e-mail. "
                "Saisissez-le, puis connectez-vous avec votre mot de passe."
            )
        )
        self.code_label.setText(self.tr("Code de &déblocage :"))
        describe(self.code, self.tr("Code de déblocage"), self.tr("Les 6 chiffres reçus par e-mail."))
