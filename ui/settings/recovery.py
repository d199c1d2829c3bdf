"""« Nouvelle clé de secours »: after the password (S19), replace the recovery key and show the new one to print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop_app.errors import CarnetError, WrongPassword
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import Retranslatable, describe, error_label, label, set_role, show_error, with_messages

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile


class RecoveryKeyBox(Retranslatable, QGroupBox):
    """Issues a new recovery key; the old printed sheet stops working. The key is only ever shown, never stored."""

    sig_issued = Signal(str)
    """A new recovery key was made: show it once so the person can print or copy it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: UnlockedProfile | None = None
        self.intro = label("muted")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = label(buddy=self.password_edit, wrap=False)
        self.password_error = error_label()
        self.issue_button = QPushButton()
        set_role(self.issue_button, "primary")
        self.status = label("muted")
        self.password_edit.textChanged.connect(lambda _t: self._update_enabled())
        self.password_edit.returnPressed.connect(self.on_issue_button_clicked)
        self.issue_button.clicked.connect(self.on_issue_button_clicked)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.intro)
        form.addRow(self.password_label, with_messages(self.password_edit, self.password_error))
        row = QHBoxLayout()
        row.addWidget(self.issue_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.status)
        QWidget.setTabOrder(self.password_edit, self.issue_button)
        self.retranslate_ui()
        self.set_profile(None)

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        self._profile = profile
        self.password_edit.clear()
        show_error(self.password_error, "")
        self.status.clear()
        self.setEnabled(profile is not None)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.issue_button.setEnabled(self._profile is not None and bool(self.password_edit.text()))

    def on_issue_button_clicked(self) -> None:
        profile = self._profile
        if profile is None or not self.issue_button.isEnabled():
            return
        password = self.password_edit.text()
        self.password_edit.clear()  # S23: the field never keeps the password
        show_error(self.password_error, "")
        self.status.setText(self.tr("Vérification du mot de passe…"))
        Op(self, lambda: profile.new_recovery_key(password)).success(self._on_issued).failure(self._on_failed).run()

    def _on_issued(self, recovery_key: str) -> None:
        self.status.setText(self.tr("Nouvelle clé créée : l'ancienne ne fonctionne plus."))
        self.sig_issued.emit(recovery_key)

    def _on_failed(self, exc: BaseException) -> None:
        self.status.clear()
        if isinstance(exc, WrongPassword):
            show_error(self.password_error, self.tr("Mot de passe incorrect : la clé de secours n'a pas changé."))
            self.password_edit.setFocus()
        elif isinstance(exc, CarnetError):
            show_error(self.password_error, exc.message(current_language()))
        else:
            show_error(self.password_error, self.tr("La clé de secours n'a pas pu être changée."))
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Clé de secours"))
        self.intro.setText(
            self.tr(
                "Vous avez perdu la feuille où est imprimée votre clé de secours ? Créez-en une nouvelle : "
                "l'ancienne ne fonctionnera plus."
            )
        )
        self.password_label.setText(self.tr("Mo&t de passe du carnet :"))
        self.issue_button.setText(self.tr("Créer &une nouvelle clé de secours"))
        describe(self.password_edit, self.tr("Mot de passe du carnet"), self.tr("Requis avant de changer la clé."))
        describe(
            self.issue_button,
            self.tr("Créer une nouvelle clé de secours"),
            self.tr("Remplace la clé de secours ; elle s'affiche une fois pour être imprimée."),
        )
