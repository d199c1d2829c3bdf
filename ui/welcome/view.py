"""The first screen: one main path for the person at home (open my carnet / first time here), the other situations
grouped and explained beside it (professional workstation, assisted session, no account)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui import icons, theme
from ui.account_forms import link_button
from ui.sync import SyncStatusLine
from ui.widgets import Card, Retranslatable, describe, flow_row, label, set_role

CHOICES = ("activate", "login", "unlock", "oppose", "create", "assisted", "clinic", "deceased")
RECOVERY_CHOICES = ("forgot_identifier", "forgot_password")
"""The small links under the choices (« Identifiant oublié ? », « Mot de passe oublié ? »): also ``sig_choice_made``."""
HOME_FIRST_TIME = ("create", "activate", "login")
"""First time here: the paths of a person at home who has no carnet on this computer yet."""
OTHER_SITUATIONS = ("clinic", "assisted", "oppose", "deceased")
"""The other situations, each explained: a professional's workstation, an assisted session, no account, the death
of a relative."""
TAB_ORDER = ("unlock", *HOME_FIRST_TIME, *RECOVERY_CHOICES, *OTHER_SITUATIONS)
NARROW_IN_CHARS = 110  # below this width (in average characters) the two groups stack


class WelcomePage(Retranslatable, QWidget):
    """Big, plainly worded buttons; each emits ``sig_choice_made`` with its id from ``CHOICES``."""

    sig_choice_made = Signal(str)
    """The person chose what to do: one of ``CHOICES``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("display")
        self.intro = label("muted")
        self.sync_state = SyncStatusLine()  # the window gives it the status bar's own words
        self.buttons: dict[str, QPushButton] = {}
        self.explanations: dict[str, QLabel] = {}
        icon_names = {
            "activate": "key",
            "login": "user",
            "unlock": "unlock",
            "oppose": "block",
            "create": "add",
            "assisted": "user",
            "clinic": "carte_vitale",
            "deceased": "user",
        }
        for choice in CHOICES:
            button = QPushButton()
            button.setObjectName(f"welcome_{choice}")
            set_role(button, "hero" if choice == "unlock" else "choice")
            button.setIcon(icons.get(icon_names[choice]))
            button.setAutoDefault(True)
            button.clicked.connect(lambda _=False, c=choice: self.on_choice_clicked(c))
            self.buttons[choice] = button
            explanation = label("muted")
            explanation.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.explanations[choice] = explanation
        # At home: the main path, large, then what to do the first time.
        self.home_card = Card(icon=icons.get("home"))
        self.home_card.add(self.buttons["unlock"])
        self.home_card.add(self.explanations["unlock"])
        self.first_time_title = label("subheading")
        self.first_time_title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.home_card.add(self.first_time_title)
        for choice in HOME_FIRST_TIME:
            self.home_card.add(self.buttons[choice])
            self.home_card.add(self.explanations[choice])
        self.links: dict[str, QPushButton] = {}
        for choice in RECOVERY_CHOICES:
            link = link_button()
            link.clicked.connect(lambda _=False, c=choice: self.on_choice_clicked(c))
            self.links[choice] = link
        self.home_card.add(flow_row(*self.links.values()))  # forgotten identifier or password: under the sign-in
        # The other situations, each explained.
        self.other_card = Card(icon=icons.get("user"))
        for choice in OTHER_SITUATIONS:
            self.other_card.add(self.buttons[choice])
            self.other_card.add(self.explanations[choice])
        self.groups = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.groups.setSpacing(theme.SPACING["xl"])
        self.groups.addWidget(self.home_card, 3)
        self.groups.addWidget(self.other_card, 2)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(theme.SPACING["m"])
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.sync_state)
        layout.addSpacing(theme.SPACING["s"])
        layout.addLayout(self.groups)
        layout.addStretch(1)
        self.scroller = QScrollArea()  # at 200 % text the stacked groups scroll rather than clip
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        controls = {**self.buttons, **self.links}
        for first, second in itertools.pairwise(TAB_ORDER):
            QWidget.setTabOrder(controls[first], controls[second])
        self._size_icons()
        self.retranslate_ui()

    def _size_icons(self) -> None:
        side = self.fontMetrics().height() + 8  # icons grow with the text size setting
        for choice, button in self.buttons.items():
            big = int(side * 1.4) if choice == "unlock" else side
            button.setIconSize(QSize(big, big))

    def _fit_groups(self) -> None:
        narrow = self.width() < NARROW_IN_CHARS * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.groups.direction() != direction:
            self.groups.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_groups()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_icons()
            self._fit_groups()
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
        self.home_card.set_title(self.tr("Chez moi"))
        self.first_time_title.setText(self.tr("Première fois ici ?"))
        self.other_card.set_title(self.tr("Autres situations"))
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
            "deceased": (
                self.tr("&Un proche est décédé"),
                self.tr(
                    "Héritier, partenaire de PACS ou concubin : demander l'accès à son dossier (ouvrez d'abord votre "
                    "propre carnet, relié à votre compte)."
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
            if choice in self.explanations:  # the two small links explain themselves in their tool tip
                self.explanations[choice].setText(description)
