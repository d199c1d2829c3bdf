"""The page shown for online choices while the central service cannot be reached (no fake flows)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets import Retranslatable, describe, label, set_role


class ServiceUnavailablePage(Retranslatable, QWidget):
    """Says plainly that the online service is not reachable and what the person can do instead."""

    sig_back_requested = Signal()
    """The person wants to go back to the welcome screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choice = "activate"
        self.title = label("title")
        self.message = label()
        self.hint = label("muted")
        self.back_button = QPushButton()
        set_role(self.back_button, "primary")
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.on_back_button_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate_ui()

    @property
    def choice(self) -> str:
        return self._choice

    def show_for(self, choice: str) -> None:
        self._choice = choice
        self.retranslate_ui()
        self.back_button.setFocus()

    def on_back_button_clicked(self) -> None:
        self.sig_back_requested.emit()

    def retranslate_ui(self) -> None:
        titles = {
            "activate": self.tr("Activer Mon espace santé"),
            "login": self.tr("Me connecter à mon compte"),
            "oppose": self.tr("M'opposer à la création de mon espace"),
            "assisted": self.tr("Séance accompagnée"),
            "clinic": self.tr("Poste de soins"),
            "forgot_identifier": self.tr("Identifiant oublié"),
            "forgot_password": self.tr("Mot de passe oublié"),
        }
        self.title.setText(titles.get(self._choice, titles["activate"]))
        self.message.setText(
            self.tr(
                "Le service en ligne n'est pas joignable pour le moment : cette démarche a besoin d'une connexion "
                "au service Carnet. Rien n'a été envoyé ni enregistré."
            )
        )
        self.hint.setText(
            self.tr(
                "Vous pouvez réessayer plus tard, ou créer dès maintenant un carnet sur cet ordinateur : "
                "il fonctionne sans connexion."
            )
        )
        self.back_button.setText(self.tr("&Retour à l'accueil"))
        describe(self.back_button, self.tr("Retour à l'accueil"), self.tr("Revenir aux choix de l'écran d'accueil."))
