"""Pieces shared by the account dialogs: a page of steps in its own window, the service's refusals in plain words,
a new password with its meter and confirmation."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.i18n import translate as _t
from ui.steps import OnlineSteps, lang
from ui.widgets import PasswordStrengthMeter, error_label, label, with_messages


def plain_refusal(code: str) -> str | None:
    """What a refusal of the service means for the person and what to do, in plain words (None: use the service's
    own message, which already says it)."""
    texts = {
        "code_invalid": _t(
            "AccountRefusals",
            "Ce code n'est pas le bon, ou il a déjà servi, ou il a expiré. Vérifiez le dernier e-mail reçu "
            "ou demandez un nouveau code.",
        ),
        "code_expired": _t("AccountRefusals", "Ce code a expiré : demandez-en un nouveau."),
        "space_not_active": _t(
            "AccountRefusals",
            "Votre espace est déjà clôturé ou sa suppression est demandée : rouvrez-le d'abord si vous le souhaitez.",
        ),
        "space_not_closed": _t("AccountRefusals", "Votre espace est ouvert : il n'y a rien à rouvrir."),
        "space_not_activable": _t(
            "AccountRefusals",
            "Cet espace est déjà activé (ou clôturé) : connectez-vous avec « J'ai déjà un compte », ou utilisez "
            "« Identifiant oublié » et « Mot de passe oublié ».",
        ),
        "activation_refused": _t(
            "AccountRefusals",
            "Le code d'activation, le numéro de sécurité sociale ou le numéro de série de la carte Vitale ne "
            "correspondent pas. Vérifiez les trois avec votre courrier et votre carte Vitale.",
        ),
    }
    return texts.get(code)


class AccountSteps(OnlineSteps):
    """OnlineSteps whose refusals are explained in plain words and whose fields carry their errors."""

    def show_failure(self, exc: BaseException) -> None:
        from desktop_app.errors import WrongPassword
        from desktop_app.service_client import ServiceError

        if isinstance(exc, ServiceError):
            plain = plain_refusal(exc.code)
            if plain is not None:
                message = plain
                if exc.field and self.show_field_error(exc.field, message):
                    return
                if exc.field == "activation_code" and self.show_field_error("activation_code", message):
                    return
                from ui.widgets import show_error

                show_error(self.error, message)
                return
            if exc.field in ("new_password",) and self.show_field_error("password", exc.message(lang())):
                return
        if isinstance(exc, WrongPassword) and "local_password" in self.field_errors:
            self.show_field_error(
                "local_password",
                self.tr("Ce mot de passe n'ouvre pas ce carnet : saisissez le mot de passe du carnet."),
            )
            return
        super().show_failure(exc)


class NewPassword:
    """A new password, its live meter (the rule stated, a refusal explained) and its confirmation."""

    def __init__(self, owner: OnlineSteps, *, user_inputs: Callable[[], Sequence[str]] | None = None) -> None:
        self.owner = owner
        self._user_inputs = user_inputs
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PasswordStrengthMeter()
        self.label = label(buddy=self.edit, wrap=False)
        self.confirm_label = label(buddy=self.confirm_edit, wrap=False)
        self.error = error_label()
        self.confirm_error = error_label()
        owner.watch_field("password", self.edit, self.error)
        owner.watch_field("confirm", self.confirm_edit, self.confirm_error)
        self.edit.textChanged.connect(self.update)
        self.confirm_edit.textChanged.connect(self.update)

    def rows(self) -> list[tuple[QLabel, QWidget]]:
        return [
            (self.label, with_messages(self.edit, self.meter, self.error)),
            (self.confirm_label, with_messages(self.confirm_edit, self.confirm_error)),
        ]

    def update(self) -> None:
        inputs = self._user_inputs() if self._user_inputs is not None else []
        self.meter.update_for(self.edit.text(), user_inputs=inputs)

    def check(self) -> bool:
        """Before sending: the meter's verdict and the confirmation; a refusal goes beside its field."""
        self.update()
        if not self.meter.acceptable:
            assessment = self.meter.assessment
            reason = assessment.problems[0].message(lang()) if assessment and assessment.problems else ""
            self.owner.show_field_error("password", reason or self.owner.tr("Saisissez un mot de passe."))
            return False
        if self.confirm_edit.text() != self.edit.text():
            self.owner.show_field_error(
                "confirm", QCoreApplication.translate("AccountForms", "Les deux mots de passe ne sont pas identiques.")
            )
            return False
        return True

    def clear(self) -> None:
        self.edit.clear()
        self.confirm_edit.clear()


def form(*rows: tuple[QLabel, QWidget]) -> QWidget:
    box = QWidget()
    layout = QFormLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    for caption, field in rows:
        layout.addRow(caption, field)
    return box


def link_button() -> QPushButton:
    """A small flat button that reads like a link (« Mot de passe oublié ? »)."""
    button = QPushButton()
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(False)
    return button


class _GrowToFit(QObject):
    """Makes a dialog taller when its content needs more height at its current width (wrapped labels grow)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit)  # cancelled if the dialog is gone by then
        return False

    def _fit(self) -> None:
        layout = self._dialog.layout()
        if layout is None:
            return
        width = self._dialog.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if needed > self._dialog.height():
            self._dialog.resize(width, needed)


def open_steps_dialog(parent: QWidget | None, steps: OnlineSteps) -> QDialog:
    """Show ``steps`` in a window-modal dialog (not blocking: the worker keeps running); Retour on the first step
    or Échap closes it. The dialog deletes itself when closed."""
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(steps.title.text())
    dialog.setAccessibleName(steps.title.text())
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(steps)
    # The window grows with what a step shows (a refusal, the meter's reasons): never clipped.
    dialog.installEventFilter(_GrowToFit(dialog))
    steps.sig_back_requested.connect(dialog.reject)
    dialog.resize(max(680, steps.sizeHint().width()), steps.sizeHint().height())
    dialog.open()
    dialog.activateWindow()
    steps.focus_step()
    return dialog
