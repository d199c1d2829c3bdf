"""Accueil: a dashboard of cards — allergies and current treatments (always shown), sync state, recent documents,
recent entries and quick actions (add a measure, add a document, print the emergency card)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DocumentInfo, DossierStore, Entry
from dossier.sync_protocol import Entity
from ui import icons, theme
from ui.changes import concerns
from ui.entries.columns import entry_columns, entry_summary
from ui.formatting import format_date
from ui.home.upcoming import UpcomingCard
from ui.ops import Op
from ui.paged import PagedTableModel
from ui.sync import SyncStatusLine
from ui.widgets import Card, Retranslatable, describe, label, primary_button, secondary_button

QUICK_ACTIONS = ("add_measure", "add_document", "emergency_card")
"""What ``sig_quick_action`` carries; the dossier view runs the first two, the main window the last."""
CARD_ITEMS = 5  # entries listed per card before « … and N more »
NARROW_IN_CHARS = 100  # below this width (in average characters) the cards stack in one column


@dataclass(frozen=True, slots=True)
class Summary:
    """What the cards show, read on the worker in one go."""

    allergies: list[Entry]
    treatments: list[Entry]
    documents: list[DocumentInfo]
    entry_count: int
    document_count: int


def _read_summary(store: DossierStore) -> Summary:
    allergies = store.entries.list("allergy", limit=CARD_ITEMS + 1)
    treatments = store.entries.list("treatment", limit=CARD_ITEMS + 1)
    return Summary(
        allergies=allergies,
        treatments=treatments,
        documents=store.documents.list(limit=CARD_ITEMS),
        entry_count=store.entries.count(),
        document_count=store.documents.count(),
    )


class _ListCard(Card):
    """A card listing a few items (one label each) or saying plainly that there is none."""

    def __init__(self, icon: str) -> None:
        super().__init__(icon=icons.get(icon))
        self.lines = label()
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.add(self.lines)

    def show_items(self, items: list[str], *, empty: str, more: str = "") -> None:
        text = "\n".join(f"• {item}" for item in items) if items else empty
        if more:
            text += f"\n{more}"
        self.lines.setText(text)
        self.setAccessibleDescription(text)


class HomePage(Retranslatable, QWidget):
    """The first section shown after unlock."""

    sig_quick_action = Signal(str)
    """A quick action was chosen: one of ``QUICK_ACTIONS``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: DossierStore | None = None
        self._owner = ""
        self._summary: Summary | None = None
        self._reads = 0
        self.title = label("title")
        self.counts = label("muted")
        self.allergies_card = _ListCard("block")
        self.treatments_card = _ListCard("add")
        self.documents_card = _ListCard("document")
        self.sync_card = Card(icon=icons.get("offline"))
        self.sync_state = SyncStatusLine()  # the window gives it the status bar's own words
        self.sync_card.add(self.sync_state)
        self.actions_card = Card(icon=icons.get("add"))
        self.quick_buttons: dict[str, QPushButton] = {
            "add_measure": primary_button(),
            "add_document": secondary_button(),
            "emergency_card": secondary_button(),
        }
        for action, button in self.quick_buttons.items():
            button.setObjectName(f"home_{action}")
            button.clicked.connect(lambda _=False, a=action: self.sig_quick_action.emit(a))
            self.actions_card.add_action(button)
        # Shown once something prints the card (the main window's export): until then, no button that does nothing.
        self.quick_buttons["emergency_card"].setVisible(False)
        self.upcoming = UpcomingCard()  # « À venir »: its lines open Agenda or Prévention (the dossier view wires it)
        self.recent_card = Card(icon=icons.get("history"))
        self.recent_title = self.recent_card.title
        self.model: PagedTableModel[Entry] = PagedTableModel(
            entry_columns(with_kind=True), page_size=50, key=lambda e: e.id, parent=self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(8 * self.fontMetrics().height())
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.recent_card.add(self.table, 1)
        self.recent_title.setBuddy(self.table)
        self.grid = QGridLayout()
        self.grid.setSpacing(theme.SPACING["l"])
        self._cards: list[QWidget] = [
            self.actions_card,  # first: a full row of its own
            self.upcoming,
            self.allergies_card,
            self.treatments_card,
            self.documents_card,
            self.sync_card,
        ]
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, theme.SPACING["s"], 0)
        layout.setSpacing(theme.SPACING["m"])
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addLayout(self.grid)
        layout.addWidget(self.recent_card, 1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroller)
        self._columns = 0
        self._place_cards()
        previous: QWidget = self.quick_buttons["add_measure"]
        for widget in (self.quick_buttons["add_document"], self.quick_buttons["emergency_card"], self.table):
            QWidget.setTabOrder(previous, widget)
            previous = widget
        self.retranslate_ui()

    def offer_emergency_card(self, offered: bool = True) -> None:
        """Show « Imprimer ma carte d'urgence » (its ``sig_quick_action("emergency_card")`` is then handled)."""
        self.quick_buttons["emergency_card"].setVisible(offered)

    def _place_cards(self) -> None:
        columns = 1 if self.width() < NARROW_IN_CHARS * self.fontMetrics().averageCharWidth() else 2
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._cards:
            self.grid.removeWidget(card)
        first, *others = self._cards
        self.grid.addWidget(first, 0, 0, 1, columns)
        for i, card in enumerate(others):
            self.grid.addWidget(card, 1 + i // columns, i % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_cards()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._place_cards()
        super().changeEvent(event)

    def set_store(self, store: DossierStore | None, *, owner: str = "") -> None:
        self._store = store
        self._owner = owner
        self._summary = None
        if store is None:
            self.model.clear()
            self.upcoming.clear()
            self._reads += 1
        else:
            self.model.set_source(lambda offset, limit: store.entries.list(offset=offset, limit=limit))
        self.refresh_counts()
        self.retranslate_ui()

    def clear(self) -> None:
        self.set_store(None)

    def refresh_counts(self) -> None:
        store = self._store
        if store is None:
            return
        self._reads += 1
        read = self._reads
        Op(self, lambda: _read_summary(store)).success(
            lambda summary: self._on_summary(summary) if read == self._reads else None
        ).run()

    def concerned_by(self, change: StoreChange) -> bool:
        return concerns(self._store, change, Entity.ENTRY) or concerns(self._store, change, Entity.DOCUMENT)

    def refresh(self) -> None:
        """Show what the store now holds; the list keeps its place."""
        self.model.refresh()
        self.refresh_counts()
        self.upcoming.refresh()

    def _on_summary(self, summary: Summary) -> None:
        self._summary = summary
        self.retranslate_ui()

    @property
    def document_count(self) -> int:
        return -1 if self._summary is None else self._summary.document_count

    def _fill_cards(self) -> None:
        s = self._summary
        if s is None:
            for card in (self.allergies_card, self.treatments_card, self.documents_card):
                card.show_items([], empty="…")
            return

        def more(items: list[Entry]) -> str:
            return self.tr("… et d'autres dans le profil médical") if len(items) > CARD_ITEMS else ""

        self.allergies_card.show_items(
            [entry_summary(e).split(" : ", 1)[-1].split(": ", 1)[-1] for e in s.allergies[:CARD_ITEMS]],
            empty=self.tr("Aucune allergie connue n'est notée. Ajoutez-en dans le profil médical."),
            more=more(s.allergies),
        )
        self.treatments_card.show_items(
            [entry_summary(e).split(" : ", 1)[-1].split(": ", 1)[-1] for e in s.treatments[:CARD_ITEMS]],
            empty=self.tr("Aucun traitement en cours n'est noté."),
            more=more(s.treatments),
        )
        self.documents_card.show_items(
            [f"{d.title} — {format_date(d.document_date or d.created_at.date())}" for d in s.documents[:CARD_ITEMS]],
            empty=self.tr("Aucun document pour l'instant : ajoutez une ordonnance ou un compte rendu."),
        )

    def retranslate_ui(self) -> None:
        if self._owner:
            self.title.setText(self.tr("Accueil — carnet de %1").replace("%1", self._owner))
        else:
            self.title.setText(self.tr("Accueil"))
        s = self._summary
        if s is None:
            self.counts.setText("")
        else:
            self.counts.setText(
                self.tr("%n document(s)", "", s.document_count)
                + " · "
                + self.tr("%n élément(s) dans le profil médical", "", s.entry_count)
            )
        self.allergies_card.set_title(self.tr("Allergies"))
        self.treatments_card.set_title(self.tr("Traitements en cours"))
        self.documents_card.set_title(self.tr("Documents récents"))
        self.sync_card.set_title(self.tr("Synchronisation"))
        self.actions_card.set_title(self.tr("Actions rapides"))
        self._fill_cards()
        texts = {
            "add_measure": (self.tr("Ajouter une &mesure"), self.tr("Noter un poids, une tension, une glycémie…")),
            "add_document": (self.tr("Ajouter un d&ocument…"), self.tr("Ajouter une ordonnance, un compte rendu…")),
            "emergency_card": (
                self.tr("Imprimer ma carte d'&urgence"),
                self.tr("Allergies, traitements et personne à prévenir, à garder avec vos papiers."),
            ),
        }
        for action, (text, description) in texts.items():
            button = self.quick_buttons[action]
            button.setText(text)
            button.setToolTip(description)
            describe(button, text.replace("&", ""), description)
        self.recent_card.set_title(self.tr("&Derniers éléments ajoutés ou modifiés"))
        describe(
            self.table, self.tr("Derniers éléments"), self.tr("Les éléments du carnet, du plus récent au plus ancien.")
        )
        self.model.retranslate()
