"""Create a carnet on this computer: a name, a password with a live strength meter, then the recovery key once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import (
    PasswordStrengthMeter,
    Retranslatable,
    describe,
    error_label,
    label,
    set_role,
    show_error,
    with_messages,
)

if TYPE_CHECKING:
    from desktop_app.profile import ProfileDirectory, UnlockedProfile


class CreateProfilePage(Retranslatable, QWidget):
    """The form; on success emits ``sig_created`` with the open profile and its recovery key."""

    sig_created = Signal(object, str)
    """A profile was created: (UnlockedProfile, recovery key to show once)."""
    sig_back_requested = Signal()
    """The person wants to go back to the welcome screen."""

    def __init__(self, profiles: ProfileDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._busy = False
        self.title = label("title")
        self.intro = label("muted")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PasswordStrengthMeter()
        self.name_label = label(buddy=self.name_edit, wrap=False)
        self.password_label = label(buddy=self.password_edit, wrap=False)
        self.confirm_label = label(buddy=self.confirm_edit, wrap=False)
        self.name_error = error_label()
        self.password_error = error_label()
        self.confirm_error = error_label()
        self.error = error_label()
        self.status = label("muted")
        self.create_button = QPushButton()
        set_role(self.create_button, "primary")
        self.create_button.setAutoDefault(True)
        self.back_button = QPushButton()

        self.name_edit.textChanged.connect(self.on_password_edit_text_changed)
        self.password_edit.textChanged.connect(self.on_password_edit_text_changed)
        self.confirm_edit.textChanged.connect(self.on_password_edit_text_changed)
        self.confirm_edit.returnPressed.connect(self.on_create_button_clicked)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.back_button.clicked.connect(self.sig_back_requested)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.name_label, with_messages(self.name_edit, self.name_error))
        form.addRow(self.password_label, with_messages(self.password_edit, self.meter, self.password_error))
        form.addRow(self.confirm_label, with_messages(self.confirm_edit, self.confirm_error))
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for a, b in [
            (self.name_edit, self.password_edit),
            (self.password_edit, self.confirm_edit),
            (self.confirm_edit, self.create_button),
            (self.create_button, self.back_button),
        ]:
            QWidget.setTabOrder(a, b)
        self.retranslate_ui()
        self._update_enabled()

    def reset(self) -> None:
        for edit in (self.name_edit, self.password_edit, self.confirm_edit):
            edit.clear()
        for lbl in (self.name_error, self.password_error, self.confirm_error, self.error):
            show_error(lbl, "")
        self.name_edit.setFocus()

    def on_password_edit_text_changed(self) -> None:
        self.meter.update_for(self.password_edit.text(), user_inputs=[self.name_edit.text()])
        mismatch = bool(self.confirm_edit.text()) and self.confirm_edit.text() != self.password_edit.text()
        show_error(self.confirm_error, self.tr("Les deux mots de passe ne sont pas identiques.") if mismatch else "")
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = (
            bool(self.name_edit.text().strip())
            and self.meter.acceptable
            and self.confirm_edit.text() == self.password_edit.text()
        )
        self.create_button.setEnabled(ready and not self._busy)

    def on_create_button_clicked(self) -> None:
        if self._busy or not self.create_button.isEnabled():
            return
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        self._busy = True
        self._update_enabled()
        self.status.setText(self.tr("Création et chiffrement du carnet…"))
        directory = self._profiles
        Op(self, lambda: directory.create(name, password)).success(self._on_created).failure(self._on_failed).run()

    def _on_created(self, result: tuple[UnlockedProfile, str]) -> None:
        self._busy = False
        profile, recovery_key = result
        self.password_edit.clear()
        self.confirm_edit.clear()
        self.status.setText("")
        self._update_enabled()
        self.sig_created.emit(profile, recovery_key)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.setText("")
        lang = current_language()
        if isinstance(exc, DossierValidationError):
            for issue in exc.issues:
                target = self.name_error if issue.field in ("name", "label") else self.password_error
                show_error(target, issue.message(lang))
        elif isinstance(exc, CarnetError):
            show_error(self.error, exc.message(lang))
        else:
            show_error(self.error, self.tr("Le carnet n'a pas pu être créé ; rien n'a été enregistré."))
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Créer un carnet sur cet ordinateur"))
        self.intro.setText(
            self.tr("Votre carnet sera chiffré avec votre mot de passe. %1").replace("%1", self.meter.rule_text())
        )
        self.name_label.setText(self.tr("&Nom du carnet :"))
        self.password_label.setText(self.tr("&Mot de passe :"))
        self.confirm_label.setText(self.tr("&Confirmer :"))
        self.create_button.setText(self.tr("Créer le &carnet"))
        self.back_button.setText(self.tr("&Retour"))
        describe(self.name_edit, self.tr("Nom du carnet"), self.tr("Par exemple votre prénom et votre nom."))
        describe(self.password_edit, self.tr("Mot de passe"), self.tr("Le mot de passe qui chiffre ce carnet."))
        describe(self.confirm_edit, self.tr("Confirmer le mot de passe"), self.tr("Saisissez-le une seconde fois."))
        describe(self.create_button, self.tr("Créer le carnet"), self.tr("Créer et chiffrer le carnet."))
        describe(self.back_button, self.tr("Retour"), self.tr("Revenir à l'écran d'accueil."))
        self.on_password_edit_text_changed()


class RecoveryKeyPage(Retranslatable, QWidget):
    """Shows the recovery key exactly once; it is forgotten when the person continues."""

    sig_done = Signal()
    """The person has noted the key and continues to the dossier."""
    sig_copy_requested = Signal(str)
    """The person asked to copy the key (the window's SecretClipboard marks it secret and clears it, S20)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.paper import ask_printer_safely

        self.printer_factory: Callable[[QWidget], QPrinter | None] = lambda parent: ask_printer_safely(
            parent, suggested_name="cle-de-secours.pdf"
        )
        """Where the sheet is printed (the print dialog; tests give a PDF printer)."""
        self._person_name = ""
        self.title = label("title")
        self.message = label()
        self.key_label = label("key")
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.warning = label("muted")
        self.print_button = QPushButton()
        self.copy_button = QPushButton()
        self.done_button = QPushButton()
        set_role(self.done_button, "primary")
        self.done_button.setAutoDefault(True)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.copy_button.clicked.connect(lambda: self.sig_copy_requested.emit(self.key_label.text()))
        self.done_button.clicked.connect(self.on_done_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.key_label)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_key(self, recovery_key: str, *, person_name: str = "") -> None:
        self.key_label.setText(recovery_key)
        self.key_label.setAccessibleDescription(recovery_key)
        self._person_name = person_name
        self.done_button.setFocus()

    def sheet_pdf(self) -> bytes:
        """The sheet to print: whose carnet, the date, the key, what it is for, where to keep it (in memory)."""
        from datetime import UTC, datetime

        from desktop_app.exports.pdf import build_recovery_sheet

        return build_recovery_sheet(
            person_name=getattr(self, "_person_name", "") or "—",
            recovery_key=self.key_label.text(),
            generated_at=datetime.now(UTC).astimezone(),
            lang=current_language(),
        )

    def shown_key(self) -> str:
        return self.key_label.text()

    def on_print_button_clicked(self) -> None:
        """Print the sheet (a PDF painted in memory); « to a file » only on a USB key, never next to the carnet."""
        from ui.paper import print_pdf

        printer = self.printer_factory(self)
        if printer is not None:
            print_pdf(self.sheet_pdf(), printer)

    def on_done_button_clicked(self) -> None:
        self.key_label.clear()  # shown once: nothing keeps it after this page
        self.sig_done.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Votre clé de secours"))
        self.message.setText(
            self.tr(
                "Si vous oubliez votre mot de passe, cette clé est le seul moyen d'ouvrir votre carnet. "
                "Imprimez-la ou recopiez-la et rangez-la en lieu sûr."
            )
        )
        self.warning.setText(self.tr("Elle ne sera plus affichée ensuite."))
        self.print_button.setText(self.tr("&Imprimer"))
        self.copy_button.setText(self.tr("Co&pier"))
        describe(
            self.copy_button,
            self.tr("Copier la clé"),
            self.tr("Copier la clé ; elle sera effacée du presse-papiers au bout de 30 secondes."),
        )
        self.done_button.setText(self.tr("J'ai &noté ma clé, continuer"))
        describe(self.key_label, self.tr("Clé de secours"), self.key_label.text())
        describe(self.print_button, self.tr("Imprimer"), self.tr("Imprimer la clé de secours."))
        describe(self.done_button, self.tr("Continuer"), self.tr("Ouvrir mon carnet ; la clé ne sera plus affichée."))
