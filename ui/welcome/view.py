"""The first screen: the four choices of Mon espace santé plus creating a carnet on this computer."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui import icons
from ui.account_forms import link_button
from ui.sync import SyncStatusLine
from ui.widgets import Retranslatable, describe, flow_row, label, set_role

CHOICES = ("activate", "login", "unlock", "oppose", "create", "assisted", "clinic")
RECOVERY_CHOICES = ("forgot_identifier", "forgot_password")
"""The small links under the choices (« Identifiant oublié ? », « Mot de passe oublié ? »): also ``sig_choice_made``."""


class WelcomePage(Retranslatable, QWidget):
    """Big, plainly worded buttons; each emits ``sig_choice_made`` with its id from ``CHOICES``."""

    sig_choice_made = Signal(str)
    """The person chose what to do: one of ``CHOICES``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.intro = label("muted")
        self.sync_state = SyncStatusLine()  # the window gives it the status bar's own words
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.sync_state)
        icon_names = {
            "activate": "key",
            "login": "user",
            "unlock": "unlock",
            "oppose": "block",
            "create": "add",
            "assisted": "user",
            "clinic": "user",
        }
        for choice in CHOICES:
            button = QPushButton()
            set_role(button, "choice")
            button.setIcon(icons.get(icon_names[choice]))
            button.setIconSize(QSize(28, 28))
            button.setAutoDefault(True)
            button.clicked.connect(lambda _=False, c=choice: self.on_choice_clicked(c))
            self.buttons[choice] = button
            layout.addWidget(button)
        self.links: dict[str, QPushButton] = {}
        for choice in RECOVERY_CHOICES:
            link = link_button()
            link.clicked.connect(lambda _=False, c=choice: self.on_choice_clicked(c))
            self.links[choice] = link
        layout.addWidget(flow_row(*self.links.values()))
        layout.addStretch(1)
        for first, second in itertools.pairwise([*CHOICES, *RECOVERY_CHOICES]):
            QWidget.setTabOrder({**self.buttons, **self.links}[first], {**self.buttons, **self.links}[second])
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            side = self.fontMetrics().height() + 8  # icons grow with the text size setting
            for button in self.buttons.values():
                button.setIconSize(QSize(side, side))
        super().changeEvent(event)

    def focus_default(self) -> None:
        self.buttons["unlock"].setFocus()

    def on_choice_clicked(self, choice: str) -> None:
        self.sig_choice_made.emit(choice)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Bienvenue dans Carnet"))
        self.intro.setText(
            self.tr(
                "Votre carnet de santé personnel, chiffré sur cet ordinateur. Choisissez ce que vous souhaitez faire."
            )
        )
        texts = {
            "activate": (
                self.tr("J'ai reçu mon &code d'activation"),
                self.tr("Activer Mon espace santé avec le code reçu par courrier ou par e-mail."),
            ),
            "login": (
                self.tr("J'ai &déjà un compte"),
                self.tr("Me connecter au service et installer mon carnet sur cet ordinateur."),
            ),
            "unlock": (
                self.tr("&Ouvrir mon carnet"),
                self.tr("Ouvrir le carnet déjà présent sur cet ordinateur, même sans connexion."),
            ),
            "oppose": (
                self.tr("Je ne veux &pas de Mon espace"),
                self.tr("M'opposer à la création de mon espace santé."),
            ),
            "create": (
                self.tr("C&réer un carnet sur cet ordinateur"),
                self.tr("Commencer un carnet personnel, sans compte en ligne pour l'instant."),
            ),
            "assisted": (
                self.tr("Séance accompa&gnée (aidant)"),
                self.tr(
                    "Pour un aidant (France Services, pharmacien, proche) qui accompagne une personne : "
                    "rien de la personne ne reste sur cet ordinateur."
                ),
            ),
            "clinic": (
                self.tr("Poste de &soins (professionnel de santé)"),
                self.tr(
                    "Pour un professionnel de santé sur un ordinateur partagé : ses patients, hors ligne si besoin."
                ),
            ),
        }
        texts["forgot_identifier"] = (
            self.tr("Identifiant oublié ?"),
            self.tr("Recevoir votre identifiant à l'adresse e-mail de votre compte."),
        )
        texts["forgot_password"] = (
            self.tr("Mot de passe oublié ?"),
            self.tr("Choisir un nouveau mot de passe pour votre compte avec un code reçu par e-mail."),
        )
        for choice, (text, description) in texts.items():
            button = self.buttons.get(choice) or self.links[choice]
            button.setText(text)
            button.setToolTip(description)
            describe(button, text.replace("&", ""), description)
