"""« Votre carnet sur cet ordinateur »: at sign-in or activation, link the carnet a person already keeps here
instead of creating a second one (one person, one carnet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from ui.widgets import Retranslatable, describe, error_label, label, with_messages

if TYPE_CHECKING:
    from desktop_app.account import LocalChoice
    from desktop_app.profile import ProfileDirectory


class LocalCarnetChoice(Retranslatable, QWidget):
    """A choice between the carnets here that no account claims yet (the last opened first, chosen by default) and
    a new carnet; the chosen carnet's password when it is not the account's. Hidden when there is nothing to link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._carnets: list[tuple[str, str]] = []
        self.intro = label("muted")
        self.combo = QComboBox()
        self.combo_label = label(buddy=self.combo, wrap=False)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = label(buddy=self.password_edit, wrap=False)
        self.password_error = error_label()
        self.password_box = with_messages(self.password_edit, self.password_error)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout.addRow(self.intro)
        layout.addRow(self.combo_label, self.combo)
        layout.addRow(self.password_label, self.password_box)
        self.combo.currentIndexChanged.connect(lambda _i: self._update())
        self.retranslate_ui()
        self.setVisible(False)

    def prepare(self, directory: ProfileDirectory, server_url: str, identifier: str) -> None:
        """Look for carnets to link (cheap: no key derivation); shows the choice only when there is one."""
        from desktop_app import account

        self._carnets = account.linkable_carnets(directory, server_url, identifier)
        self.password_edit.clear()
        self.password_error.clear()
        self.password_error.setVisible(False)
        self.retranslate_ui()
        self.combo.setCurrentIndex(0)
        self.setVisible(bool(self._carnets))
        self.combo.setVisible(True)
        self.combo_label.setVisible(True)
        self._update()

    def ask_password(self) -> None:
        """The carnet to open did not open with the account's password: ask for its own."""
        self.setVisible(True)
        self.combo.setVisible(bool(self._carnets))
        self.combo_label.setVisible(bool(self._carnets))
        if not self._carnets:
            self.intro.setText(self.tr("Votre carnet sur cet ordinateur a son propre mot de passe : saisissez-le."))
        self.password_label.setVisible(True)
        self.password_box.setVisible(True)

    def _update(self) -> None:
        linking = self.combo.currentData() is not None
        self.password_label.setVisible(linking)
        self.password_box.setVisible(linking)

    def choice(self) -> LocalChoice:
        from desktop_app.account import LocalChoice

        chosen = self.combo.currentData() if self._carnets else None
        return LocalChoice(str(chosen) if chosen else None, self.password_edit.text() or None)

    def retranslate_ui(self) -> None:
        current = self.combo.currentIndex()
        self.combo.blockSignals(True)
        self.combo.clear()
        for profile_id, name in self._carnets:
            self.combo.addItem(self.tr("Relier mon carnet « %1 » à mon compte").replace("%1", name), profile_id)
        self.combo.addItem(self.tr("Créer un nouveau carnet sur cet ordinateur"), None)
        self.combo.setCurrentIndex(max(0, current))
        self.combo.blockSignals(False)
        self.intro.setText(
            self.tr(
                "Un carnet existe déjà sur cet ordinateur. Si c'est le vôtre, reliez-le à votre compte : ses "
                "informations seront envoyées une seule fois sur votre espace, sans créer un second carnet."
            )
        )
        self.combo_label.setText(self.tr("Votre carnet sur cet ordina&teur :"))
        self.password_label.setText(self.tr("Mot de passe de ce carnet (s'il &diffère de celui du compte) :"))
        describe(
            self.combo, self.tr("Votre carnet sur cet ordinateur"), self.tr("Relier un carnet existant ou en créer un.")
        )
        describe(
            self.password_edit,
            self.tr("Mot de passe du carnet"),
            self.tr("Laissez vide si c'est le même que celui du compte."),
        )
