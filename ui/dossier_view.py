"""The open dossier: the section list (Ctrl+1…9), the sections and the undo offer — built on first unlock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QListView, QStackedWidget, QWidget

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore
from desktop_app.profile import UnlockedProfile
from ui import icons
from ui.access.history import AccessHistoryPage
from ui.access.settings import AccessSettingsPage
from ui.agenda.view import AgendaPage
from ui.care_history.view import CareHistoryPage
from ui.dialogs import Confirmer
from ui.documents.view import DocumentsPage, FileChooser
from ui.home.view import HomePage
from ui.measures.view import MeasuresPage
from ui.messages.view import MessagesPage
from ui.notifications.view import NotificationsPage
from ui.ops import Op
from ui.prevention.requests import RecordsRequestsPage
from ui.prevention.view import PreventionPage
from ui.profile.view import ProfilePage
from ui.settings.view import SettingsPage
from ui.vaccinations.view import VaccinationsPage
from ui.widgets import Retranslatable, describe, fit_side_list, size_to_current_page

SECTIONS = (
    "home",
    "profile",
    "measures",
    "vaccinations",
    "prevention",
    "agenda",
    "documents",
    "requests",
    "history",
    "access_history",
    "access",
    "settings",
    "messages",
    "notifications",
)
UNDO_MS = 10_000


class _Follower(Protocol):
    """A section that shows store data and refreshes itself when a change concerns it."""

    def concerned_by(self, change: StoreChange) -> bool: ...

    def refresh(self) -> None: ...


class UndoOffer(QObject):
    """The last cheap-to-undo action (a deletion, a masking), offered for ``UNDO_MS``; ``undo`` runs its restore.

    The restore runs on the worker through the store, so the outbox records it and the undo syncs too.
    """

    sig_changed = Signal(str)
    """The offer changed: what to say (« … supprimé. »), or "" when nothing can be undone any more."""
    sig_restored = Signal(object)
    """The undo was applied; carries what the restore returned."""
    sig_failed = Signal(object)
    """The restore failed; carries the exception."""

    def __init__(self, *, interval_ms: int = UNDO_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self._restore: Callable[[], object] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.withdraw)

    @property
    def offered(self) -> bool:
        return self._restore is not None

    def offer(self, text: str, restore: Callable[[], object]) -> None:
        self.text, self._restore = text, restore
        self.timer.start()
        self.sig_changed.emit(text)

    def withdraw(self) -> None:
        """Nothing to undo any more (time out, lock, or done)."""
        self.timer.stop()
        if self._restore is not None or self.text:
            self.text, self._restore = "", None
            self.sig_changed.emit("")

    def undo(self) -> None:
        restore = self._restore
        self.withdraw()
        if restore is not None:
            Op(self, restore).success(self.sig_restored.emit).failure(self.sig_failed.emit).run()


class DossierView(Retranslatable, QWidget):
    """The open dossier: a section list on the left (Ctrl+1…9) and the section on the right."""

    def __init__(
        self, *, confirmer: Confirmer, file_chooser: FileChooser | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.home = HomePage()
        self.profile = ProfilePage(confirmer=confirmer)
        self.measures = MeasuresPage(confirmer=confirmer)
        self.vaccinations = VaccinationsPage(confirmer=confirmer)
        self.documents = DocumentsPage(confirmer=confirmer, file_chooser=file_chooser)
        self.history = CareHistoryPage()
        self.access_history = AccessHistoryPage()
        self.access = AccessSettingsPage(confirmer=confirmer)
        self.settings = SettingsPage(confirmer=confirmer)
        self.notifications = NotificationsPage()
        self.notifications.unread.sig_changed.connect(lambda _n: self.retranslate_ui())
        self.messages = MessagesPage(confirmer=confirmer)
        self.messages.unread.sig_changed.connect(lambda _n: self.retranslate_ui())
        # Prévention, Agenda, Mes demandes de dossier: each takes the profile and the store (set_context).
        self.prevention = PreventionPage()
        self.agenda = AgendaPage(confirmer=confirmer)
        self.requests = RecordsRequestsPage()
        self.with_context: dict[str, PreventionPage | AgendaPage | RecordsRequestsPage] = {
            "prevention": self.prevention,
            "agenda": self.agenda,
            "requests": self.requests,
        }
        self.prevention.sig_appointment_requested.connect(self.on_prevention_appointment_requested)
        # The sections that list store data: they follow change events (see on_store_changed).
        self.followers: dict[str, _Follower] = {
            "home": self.home,
            "profile": self.profile,
            "measures": self.measures,
            "vaccinations": self.vaccinations,
            "documents": self.documents,
            "messages": self.messages,
            **self.with_context,
        }
        self._stale: set[str] = set()
        self.pages: dict[str, QWidget] = {
            "home": self.home,
            "profile": self.profile,
            "measures": self.measures,
            "vaccinations": self.vaccinations,
            "prevention": self.prevention,
            "agenda": self.agenda,
            "documents": self.documents,
            "requests": self.requests,
            "history": self.history,
            "access_history": self.access_history,
            "access": self.access,
            "settings": self.settings,
            "messages": self.messages,
            "notifications": self.notifications,
        }
        self.nav_model = QStandardItemModel(self)
        icon_names = {
            "home": "home",
            "profile": "profile",
            "measures": "measures",
            "vaccinations": "vaccination",
            "prevention": "prevention",
            "agenda": "calendar",
            "documents": "document",
            "requests": "letter",
            "history": "history",
            "access_history": "user",
            "access": "key",
            "settings": "settings",
            "messages": "letter",
            "notifications": "bell",
        }
        for section in SECTIONS:
            item = QStandardItem(icons.get(icon_names[section]), section)
            item.setData(section, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.nav_model.appendRow(item)
        self.nav = QListView()
        self.nav.setModel(self.nav_model)
        self.nav.selectionModel().currentChanged.connect(self.on_nav_current_changed)
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        size_to_current_page(self.stack)
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        for number, section in enumerate(SECTIONS[:9], start=1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda s=section: self.show_section(s))
        # Undo where it is cheap: deleting an entry (profile, measures, vaccinations) and masking a document.
        self.undo = UndoOffer(parent=self)
        for page in (self.profile, self.measures, self.vaccinations, self.documents, self.prevention):
            page.sig_undoable.connect(self.undo.offer)
        self.undo.sig_restored.connect(lambda _r: self.reload_data())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo.undo)
        self.home.sig_quick_action.connect(self.on_quick_action)
        self.home.upcoming.sig_open.connect(self.on_upcoming_open)
        self.retranslate_ui()

    def on_quick_action(self, action: str) -> None:
        """Accueil's quick actions: go where the thing is added, ready to type (the emergency card: main window)."""
        if action == "add_measure":
            self.show_section("measures")
            self.measures.form.focus_first_field()
        elif action == "add_document":
            self.show_section("documents")
            self.documents.on_add_button_clicked()

    def on_upcoming_open(self, section: str, key: str) -> None:
        """A line of the Accueil's « À venir »: its row in Agenda or Prévention, chosen."""
        self.show_section(section)
        page = self.agenda if section == "agenda" else self.prevention
        page.show_row(key)

    def on_prevention_appointment_requested(self, title: str) -> None:
        self.show_section("agenda")
        self.agenda.prefill(title)

    def show_section(self, section: str) -> None:
        self.nav.setCurrentIndex(self.nav_model.index(SECTIONS.index(section), 0))

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()]

    def on_nav_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            section = SECTIONS[current.row()]
            self.stack.setCurrentWidget(self.pages[section])
            if section == "home" or section in self._stale:
                self._stale.discard(section)
                self.followers[section].refresh()

    def on_store_changed(self, change: StoreChange) -> None:
        """A change was committed, typed here or brought by a pull: the section shown refreshes now (its list keeps
        its place, a form being typed in is left alone); a hidden one refreshes when it is next shown."""
        shown = self.stack.currentWidget()
        for section, page in self.followers.items():
            if not page.concerned_by(change):
                continue
            if self.pages[section] is shown:
                page.refresh()
            else:
                self._stale.add(section)

    def open(self, profile: UnlockedProfile, store: DossierStore) -> None:
        self._stale.clear()
        self.home.upcoming.set_context(profile, store)
        self.home.set_store(store, owner=profile.label)
        self.profile.set_store(store)
        self.measures.set_store(store)
        self.vaccinations.set_store(store)
        self.documents.set_store(store)
        self.settings.set_profile(profile)
        self.history.set_profile(profile)
        self.access_history.set_profile(profile)
        self.access.set_profile(profile)
        self.notifications.set_profile(profile)
        self.messages.set_profile(profile)
        for page in self.with_context.values():
            page.set_context(profile, store)
        self.show_section("home")

    def clear(self) -> None:
        """Forget every piece of health data shown (S18): models emptied, viewer and forms cleared."""
        self._stale.clear()
        self.undo.withdraw()
        self.home.clear()
        self.profile.clear()
        self.measures.clear()
        self.vaccinations.clear()
        self.documents.clear()
        self.history.clear()
        self.access_history.clear()
        self.access.clear()
        self.notifications.clear()
        self.messages.clear()
        for page in self.with_context.values():
            page.clear()
        self.settings.set_profile(None)

    def reload_data(self) -> None:
        """Show the store's current content again (after an undo)."""
        self.profile.reload()
        self.measures.reload()
        self.vaccinations.reload()
        self.documents.reload()
        self.prevention.reload()  # a suggestion set aside then put back (kept in the settings: no change event)
        self.home.refresh()

    def retranslate_ui(self) -> None:
        names = {
            "home": self.tr("Accueil"),
            "profile": self.tr("Profil médical"),
            "measures": self.tr("Mesures"),
            "vaccinations": self.tr("Vaccinations"),
            "prevention": self.tr("Prévention"),
            "agenda": self.tr("Agenda"),
            "documents": self.tr("Documents"),
            "requests": self.tr("Mes demandes de dossier"),
            "history": self.tr("Histoire de santé"),
            "access_history": self.tr("Historique des accès"),
            "access": self.tr("Accès et confidentialité"),
            "settings": self.tr("Paramètres"),
            "messages": self.tr("Messagerie"),
            "notifications": self.tr("Notifications"),
        }
        unread = self.notifications.unread.value
        for row, section in enumerate(SECTIONS):
            item = self.nav_model.item(row)
            name = names[section]
            if section == "notifications" and unread:  # the badge: how many are unread
                name = self.tr("%1 (%n non lue(s))", "", unread).replace("%1", name)
            unread_messages = self.messages.unread.value
            if section == "messages" and unread_messages:
                name = self.tr("%1 (%n message(s) non lu(s))", "", unread_messages).replace("%1", names[section])
            badge = {"notifications": unread, "messages": unread_messages}.get(section, 0)
            item.setText(f"{names[section]}  ({badge})" if badge else name)
            shortcut = self.tr("%1 (Ctrl+%2)").replace("%1", name).replace("%2", str(row + 1))
            item.setToolTip(shortcut if row < 9 else name)
            item.setData(name, Qt.ItemDataRole.AccessibleTextRole)
        describe(
            self.nav,
            self.tr("Rubriques du carnet"),
            self.tr("Ctrl+1 à Ctrl+%1 pour changer de rubrique.").replace("%1", str(min(9, len(SECTIONS)))),
        )
        self._fit_nav()

    def _fit_nav(self) -> None:
        """The section list is as wide as its longest name; at 200 % long names wrap rather than widen the window."""
        fit_side_list(self.nav, padding=16)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_nav()
        super().changeEvent(event)
