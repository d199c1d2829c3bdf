"""Paramètres: change the password after re-entering the current one, text size, contrast, language, auto-lock."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError, WrongPassword
from desktop_app.profile import UnlockedProfile
from dossier.errors import DossierValidationError
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.locking import DEFAULT_TIMEOUT_S
from ui.ops import Op
from ui.settings.account import DevicesBox, RememberBox, SpaceBox
from ui.settings.recovery import RecoveryKeyBox
from ui.theme import MAX_TEXT_SCALE, MIN_TEXT_SCALE
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


class SettingsPage(Retranslatable, QWidget):
    """Every preference applies at once; the main window stores it in the encrypted profile."""

    sig_text_scale_changed = Signal(int)
    """The text size changed (percent, 100–200)."""
    sig_high_contrast_changed = Signal(bool)
    """The high-contrast theme was switched on or off."""
    sig_language_requested = Signal(str)
    """Another interface language was chosen ("fr" or "en")."""
    sig_autolock_changed = Signal(int)
    """The auto-lock delay changed (seconds)."""
    sig_password_changed = Signal()
    """The password was changed (after the current one was checked)."""

    def __init__(self, *, confirmer: Confirmer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: UnlockedProfile | None = None
        self._busy = False
        self._reset_mode = False
        self.title = label("title")
        # -- password
        self.password_box = QGroupBox()
        self.current_edit = QLineEdit()
        self.new_edit = QLineEdit()
        self.confirm_edit = QLineEdit()
        for edit in (self.current_edit, self.new_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PasswordStrengthMeter()
        self.current_label = label(buddy=self.current_edit, wrap=False)
        self.new_label = label(buddy=self.new_edit, wrap=False)
        self.confirm_label = label(buddy=self.confirm_edit, wrap=False)
        self.current_error = error_label()
        self.new_error = error_label()
        self.confirm_error = error_label()
        self.password_status = label("success")
        self.change_button = QPushButton()
        set_role(self.change_button, "primary")
        self.new_edit.textChanged.connect(self.on_new_edit_text_changed)
        self.confirm_edit.textChanged.connect(self.on_new_edit_text_changed)
        self.current_edit.textChanged.connect(self.on_new_edit_text_changed)
        self.change_button.clicked.connect(self.on_change_button_clicked)
        pw_form = QFormLayout(self.password_box)
        pw_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.current_box = with_messages(self.current_edit, self.current_error)
        pw_form.addRow(self.current_label, self.current_box)
        pw_form.addRow(self.new_label, with_messages(self.new_edit, self.meter, self.new_error))
        pw_form.addRow(self.confirm_label, with_messages(self.confirm_edit, self.confirm_error))
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        pw_form.addRow(row)
        pw_form.addRow(self.password_status)
        # -- display
        self.display_box = QGroupBox()
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(MIN_TEXT_SCALE, MAX_TEXT_SCALE)
        self.scale_spin.setSingleStep(10)
        self.scale_spin.setSuffix(" %")
        self.scale_spin.setValue(100)
        self.contrast_check = QCheckBox()
        self.language_combo = QComboBox()
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.scale_label = label(buddy=self.scale_spin, wrap=False)
        self.language_label = label(buddy=self.language_combo, wrap=False)
        self.scale_spin.valueChanged.connect(self.sig_text_scale_changed)
        self.contrast_check.toggled.connect(self.sig_high_contrast_changed)
        self.language_combo.currentIndexChanged.connect(self.on_language_combo_changed)
        display_form = QFormLayout(self.display_box)
        display_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        display_form.addRow(self.scale_label, self.scale_spin)
        display_form.addRow(self.contrast_check)
        display_form.addRow(self.language_label, self.language_combo)
        # -- security
        self.security_box = QGroupBox()
        self.autolock_spin = QSpinBox()
        self.autolock_spin.setRange(1, 60)
        self.autolock_spin.setValue(DEFAULT_TIMEOUT_S // 60)
        self.autolock_label = label(buddy=self.autolock_spin, wrap=False)
        self.autolock_spin.valueChanged.connect(lambda minutes: self.sig_autolock_changed.emit(minutes * 60))
        security_form = QFormLayout(self.security_box)
        security_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        security_form.addRow(self.autolock_label, self.autolock_spin)
        # -- account and this computer
        self.remember_box = RememberBox()
        self.recovery_box = RecoveryKeyBox()
        self.devices_box = DevicesBox(confirmer=confirmer or Confirmer())
        self.space_box = SpaceBox(confirmer=confirmer or Confirmer())

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.title)
        inner.addWidget(self.display_box)
        inner.addWidget(self.security_box)
        inner.addWidget(self.remember_box)
        inner.addWidget(self.password_box)
        inner.addWidget(self.recovery_box)
        inner.addWidget(self.devices_box)
        inner.addWidget(self.space_box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        order = [
            self.scale_spin,
            self.contrast_check,
            self.language_combo,
            self.autolock_spin,
            self.remember_box.remember_check,
            self.remember_box.password_edit,
            self.remember_box.apply_button,
            self.current_edit,
            self.new_edit,
            self.confirm_edit,
            self.change_button,
            self.devices_box.table,
            self.devices_box.refresh_button,
            self.devices_box.revoke_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.retranslate_ui()

    # -- state -------------------------------------------------------------------------------------------------------
    @property
    def reset_mode(self) -> bool:
        return self._reset_mode

    def ask_new_password(self) -> None:
        """Opened with the recovery key: a new password is chosen without the (forgotten) current one."""
        self._set_reset_mode(True)
        self.password_status.setText(
            self.tr("Vous avez ouvert votre carnet avec la clé de secours : choisissez un nouveau mot de passe.")
        )
        self.new_edit.setFocus()

    def _set_reset_mode(self, on: bool) -> None:
        self._reset_mode = on
        self.current_label.setVisible(not on)
        self.current_box.setVisible(not on)
        self.on_new_edit_text_changed()

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        self._profile = profile
        self._set_reset_mode(False)
        for edit in (self.current_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        for lbl in (self.current_error, self.new_error, self.confirm_error):
            show_error(lbl, "")
        self.password_status.clear()
        self.password_box.setEnabled(profile is not None)
        self.remember_box.set_profile(profile)
        self.recovery_box.set_profile(profile)
        self.devices_box.set_profile(profile)
        self.space_box.set_profile(profile)

    def show_preferences(self, prefs: dict[str, Any]) -> None:
        """Reflect stored preferences without emitting change signals."""
        widgets = (self.scale_spin, self.contrast_check, self.language_combo, self.autolock_spin)
        for w in widgets:
            w.blockSignals(True)
        self.scale_spin.setValue(int(prefs.get("text_scale", 100)))
        self.contrast_check.setChecked(bool(prefs.get("high_contrast", False)))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(prefs.get("language", "fr"))))
        self.autolock_spin.setValue(max(1, int(prefs.get("autolock_seconds", DEFAULT_TIMEOUT_S)) // 60))
        for w in widgets:
            w.blockSignals(False)

    # -- slots -------------------------------------------------------------------------------------------------------
    def on_language_combo_changed(self) -> None:
        self.sig_language_requested.emit(self.language_combo.currentData())

    def on_new_edit_text_changed(self) -> None:
        self.meter.update_for(self.new_edit.text(), user_inputs=[self._profile.label] if self._profile else [])
        mismatch = bool(self.confirm_edit.text()) and self.confirm_edit.text() != self.new_edit.text()
        show_error(self.confirm_error, self.tr("Les deux mots de passe ne sont pas identiques.") if mismatch else "")
        self.change_button.setEnabled(
            not self._busy
            and (self._reset_mode or bool(self.current_edit.text()))
            and self.meter.acceptable
            and self.confirm_edit.text() == self.new_edit.text()
        )

    def on_change_button_clicked(self) -> None:
        profile = self._profile
        if profile is None or self._busy or not self.change_button.isEnabled():
            return
        current, new = self.current_edit.text(), self.new_edit.text()
        self._busy = True
        self.on_new_edit_text_changed()
        for lbl in (self.current_error, self.new_error):
            show_error(lbl, "")
        self.password_status.setText(self.tr("Vérification du mot de passe actuel…"))
        if self._reset_mode:
            op = Op(self, lambda: profile.set_password(new))
        else:
            op = Op(self, lambda: profile.change_password(current, new))
        op.success(self._on_changed).failure(self._on_change_failed).run()

    def _on_changed(self, _: object) -> None:
        self._busy = False
        for edit in (self.current_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self._set_reset_mode(False)
        self.password_status.setText(self.tr("Votre mot de passe a été changé."))
        self.sig_password_changed.emit()

    def _on_change_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.password_status.clear()
        lang = current_language()
        if isinstance(exc, WrongPassword):
            show_error(self.current_error, self.tr("Le mot de passe actuel est incorrect : rien n'a été changé."))
            self.current_edit.selectAll()
            self.current_edit.setFocus()
        elif isinstance(exc, DossierValidationError | CarnetError):
            show_error(self.new_error, exc.message(lang))
        else:
            show_error(self.new_error, self.tr("Le mot de passe n'a pas pu être changé ; l'ancien reste valable."))
        self.on_new_edit_text_changed()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Paramètres"))
        self.password_box.setTitle(self.tr("Mot de passe"))
        self.display_box.setTitle(self.tr("Affichage et langue"))
        self.security_box.setTitle(self.tr("Sécurité"))
        self.current_label.setText(self.tr("Mot de passe &actuel :"))
        self.new_label.setText(self.tr("&Nouveau mot de passe :"))
        self.confirm_label.setText(self.tr("Con&firmer :"))
        self.change_button.setText(self.tr("C&hanger le mot de passe"))
        self.scale_label.setText(self.tr("Taille du te&xte :"))
        self.contrast_check.setText(self.tr("C&ontraste élevé"))
        self.language_label.setText(self.tr("Lan&gue :"))
        self.autolock_label.setText(self.tr("&Verrouiller après (minutes d'inactivité) :"))
        describe(
            self.current_edit, self.tr("Mot de passe actuel"), self.tr("Saisissez d'abord le mot de passe actuel.")
        )
        describe(self.new_edit, self.tr("Nouveau mot de passe"))
        describe(self.confirm_edit, self.tr("Confirmer le nouveau mot de passe"))
        describe(
            self.change_button,
            self.tr("Changer le mot de passe"),
            self.tr("Remplacer le mot de passe ; vos données ne sont pas rechiffrées."),
        )
        describe(self.scale_spin, self.tr("Taille du texte"), self.tr("De 100 à 200 pour cent."))
        describe(self.contrast_check, self.tr("Contraste élevé"), self.tr("Texte blanc sur fond noir."))
        describe(self.language_combo, self.tr("Langue"), self.tr("Langue de l'interface."))
        describe(
            self.autolock_spin,
            self.tr("Délai de verrouillage"),
            self.tr("Le carnet se verrouille après ce nombre de minutes sans activité."),
        )
        self.on_new_edit_text_changed()
