"""Unlock a local profile offline: the Argon2id derivation runs on the worker (S03), throttled retries (S29)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError, UnlockThrottled
from ui.i18n import current_language
from ui.ops import Op
from ui.sync import SyncStatusLine
from ui.widgets import Retranslatable, describe, error_label, label, set_role, show_error

if TYPE_CHECKING:
    from desktop_app.profile import ProfileDirectory, ProfileSummary, UnlockedProfile


class UnlockPage(Retranslatable, QWidget):
    """Choose a profile, type the password, open it; the password field is emptied once used (S23)."""

    sig_unlocked = Signal(object)
    """The profile was opened; carries the UnlockedProfile."""
    sig_back_requested = Signal()
    """The person wants to go back to the welcome screen."""
    sig_unlock_failed = Signal(str)
    """An attempt failed; carries the message shown."""

    def __init__(self, profiles: ProfileDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._summaries: list[ProfileSummary] = []
        self._busy = False
        self.title = label("title")
        self.intro = label("muted")
        self.profile_combo = QComboBox()
        self._profile_names = QStringListModel(self)
        self.profile_combo.setModel(self._profile_names)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.on_unlock_button_clicked)
        self.recovery_check = QCheckBox()
        self.recovery_check.toggled.connect(self.on_recovery_check_toggled)
        self.profile_label = label(buddy=self.profile_combo, wrap=False)
        self.password_label = label(buddy=self.password_edit, wrap=False)
        self.status = label("muted")
        self.sync_state = SyncStatusLine()  # the window gives it the status bar's own words
        self.error = error_label()
        self.unlock_button = QPushButton()
        set_role(self.unlock_button, "primary")
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.clicked.connect(self.on_unlock_button_clicked)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.sig_back_requested)
        self._throttle_timer = QTimer(self)
        self._throttle_timer.setSingleShot(True)
        self._throttle_timer.timeout.connect(self.on_throttle_timer_timeout)

        form = QFormLayout()
        form.addRow(self.profile_label, self.profile_combo)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.recovery_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.sync_state)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        QWidget.setTabOrder(self.profile_combo, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.recovery_check)
        QWidget.setTabOrder(self.password_edit, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.back_button)
        self.retranslate_ui()

    # -- public ------------------------------------------------------------------------------------------------------
    def refresh_profiles(self, *, select_id: str | None = None) -> None:
        """Re-read the profiles on disk (cheap: no key derivation) and focus the password field."""
        self._summaries = self._profiles.profiles()
        self._profile_names.setStringList([s.label for s in self._summaries])
        select_id = select_id or self._profiles.last_opened()  # the carnet opened last comes first
        if select_id is not None:
            for row, summary in enumerate(self._summaries):
                if summary.profile_id == select_id:
                    self.profile_combo.setCurrentIndex(row)
        elif self._summaries:
            self.profile_combo.setCurrentIndex(0)
        self.profile_combo.setVisible(len(self._summaries) > 1)
        self.profile_label.setVisible(len(self._summaries) > 1)
        if not self._summaries:
            show_error(
                self.error,
                self.tr("Aucun carnet n'existe encore sur cet ordinateur. Revenez à l'accueil pour en créer un."),
            )
        else:
            show_error(self.error, "")
        self._update_enabled()
        self.password_edit.setFocus()

    def selected_profile_id(self) -> str | None:
        row = self.profile_combo.currentIndex()
        return self._summaries[row].profile_id if 0 <= row < len(self._summaries) else None

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def used_recovery(self) -> bool:
        """The last unlock used the recovery key: the person must now choose a new password."""
        return self.recovery_check.isChecked()

    # -- slots ------------------------------------------------------------------------------------------------------
    def on_recovery_check_toggled(self, checked: bool) -> None:
        self.password_edit.clear()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password)
        self.retranslate_ui()
        self.password_edit.setFocus()

    def on_unlock_button_clicked(self) -> None:
        if self._busy or not self.unlock_button.isEnabled():
            return
        password = self.password_edit.text()
        if not password:
            show_error(self.error, self.tr("Saisissez votre mot de passe."))
            return
        profile_id = self.selected_profile_id()
        self._busy = True
        self._update_enabled()
        show_error(self.error, "")
        self.status.setText(self.tr("Ouverture du carnet…"))
        directory = self._profiles
        if self.recovery_check.isChecked():
            op = Op(self, lambda: directory.unlock_with_recovery(password, profile_id=profile_id))
        else:
            op = Op(self, lambda: directory.unlock(password, profile_id=profile_id))
        op.success(self._on_unlocked).failure(self._on_unlock_error).run()

    def _on_unlocked(self, profile: UnlockedProfile) -> None:
        self._busy = False
        self.password_edit.clear()  # S23
        self.status.setText("")
        self._update_enabled()
        self.sig_unlocked.emit(profile)

    def _on_unlock_error(self, exc: BaseException) -> None:
        self._busy = False
        self.status.setText("")
        if isinstance(exc, UnlockThrottled):
            self.password_edit.clear()
            self._throttle_timer.start(max(1, int(exc.retry_after * 1000)))
        if isinstance(exc, CarnetError):
            message = exc.message(current_language())
        else:
            message = self.tr("Le carnet n'a pas pu être ouvert. Réessayez ; si cela persiste, redémarrez Carnet.")
        show_error(self.error, message)
        self._update_enabled()
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        self.sig_unlock_failed.emit(message)

    def on_throttle_timer_timeout(self) -> None:
        show_error(self.error, "")
        self._update_enabled()

    def _update_enabled(self) -> None:
        throttled = self._throttle_timer.isActive()
        self.unlock_button.setEnabled(not self._busy and not throttled and bool(self._summaries))
        self.password_edit.setEnabled(not self._busy and not throttled)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Ouvrir mon carnet"))
        self.intro.setText(self.tr("Votre carnet est chiffré sur cet ordinateur. Saisissez votre mot de passe."))
        self.profile_label.setText(self.tr("&Carnet :"))
        recovery = self.recovery_check.isChecked()
        self.password_label.setText(self.tr("Clé de &secours :") if recovery else self.tr("&Mot de passe :"))
        self.recovery_check.setText(self.tr("J'ai &oublié mon mot de passe : utiliser ma clé de secours"))
        describe(
            self.recovery_check,
            self.tr("Utiliser la clé de secours"),
            self.tr(
                "Ouvrir le carnet avec la clé de secours imprimée à sa création, puis choisir un nouveau mot de passe."
            ),
        )
        self.unlock_button.setText(self.tr("&Déverrouiller"))
        self.back_button.setText(self.tr("&Retour"))
        describe(self.profile_combo, self.tr("Carnet à ouvrir"), self.tr("Choisissez le carnet de la personne."))
        if recovery:
            describe(self.password_edit, self.tr("Clé de secours"), self.tr("La clé imprimée à la création du carnet."))
        else:
            describe(self.password_edit, self.tr("Mot de passe"), self.tr("Le mot de passe de ce carnet."))
        describe(self.unlock_button, self.tr("Déverrouiller"), self.tr("Ouvrir le carnet avec ce mot de passe."))
        describe(self.back_button, self.tr("Retour"), self.tr("Revenir à l'écran d'accueil."))
