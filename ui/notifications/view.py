"""Notifications: what happened to the dossier (a professional opened it, an emergency access, a document added, an
aidant invited…), newest first, in plain words; marked read; offline, the last copy and its date.

``UnreadCount`` (ui/unread.py) is the number the sidebar shows as a badge (and the Accueil may show): it follows
the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.unread import UnreadCount
from ui.widgets import Retranslatable, describe, error_label, fit_columns, label, row_table, show_error

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from desktop_app.notifications import MailPreferences, Notification, Notifications
    from desktop_app.profile import UnlockedProfile


class NotificationsPage(Retranslatable, QWidget):
    """A read-only list; « Marquer comme lu » (the chosen one, or Entry) and « Tout marquer comme lu »."""

    sig_loaded = Signal(object)
    """The list shown changed; carries the Notifications (from the service or the offline copy)."""
    sig_conflicts_requested = Signal()
    """The person asked to see the conflicts waiting for them (« Voir »)."""
    sig_refused_requested = Signal()
    """The person asked to see the changes the service refused (« Voir »)."""
    sig_preferences_loaded = Signal(object)
    """The e-mail preferences shown changed (read or saved); carries the MailPreferences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: UnlockedProfile | None = None
        self._list: Notifications | None = None
        self._generation = 0
        self._conflicts = 0
        self._refused = 0
        self.unread = UnreadCount(self)
        self.title = label("title")
        self.intro = label("muted")
        self.freshness = label()
        self.error = error_label()
        self.conflicts_label = label()
        self.conflicts_button = QPushButton()
        self.conflicts_button.clicked.connect(self.sig_conflicts_requested)
        self.refused_label = label()
        self.refused_button = QPushButton()
        self.refused_button.clicked.connect(self.sig_refused_requested)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self.on_read_clicked)
        self.all_read_button = QPushButton()
        self.all_read_button.clicked.connect(self.on_all_read_clicked)
        self.model: PagedTableModel[Notification] = PagedTableModel(
            [
                Column(lambda: self.tr("Date"), lambda n: self.format_moment(n.at)),
                Column(lambda: self.tr("Notification"), self.sentence),
                Column(lambda: self.tr("État"), lambda n: self.tr("Lue") if n.read else self.tr("Nouvelle")),
            ],
            parent=self,
        )
        self.table = row_table(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fit_columns(self.table, stretch=1, page_loaded=self.model.sig_page_loaded)
        self.table.activated.connect(lambda _index: self.on_read_clicked())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_enabled())
        # E-mail preferences: the kinds the service lets the person turn off (an emergency is always mailed).
        self.mail_box = QGroupBox()
        self.mail_access_check = QCheckBox()
        self.mail_document_check = QCheckBox()
        self.mail_aidant_check = QCheckBox()
        self.mail_emergency_note = label("muted")
        self.mail_save_button = QPushButton()
        self.mail_save_button.clicked.connect(self.on_mail_save_clicked)
        self.mail_preferences: MailPreferences | None = None
        mail = QVBoxLayout(self.mail_box)
        for check in (self.mail_access_check, self.mail_document_check, self.mail_aidant_check):
            mail.addWidget(check)
        mail_row = QHBoxLayout()
        mail_row.addWidget(self.mail_emergency_note, 1)
        mail_row.addWidget(self.mail_save_button)
        mail.addLayout(mail_row)
        conflicts = QVBoxLayout()  # what the sync asks of the person: refused changes, conflicts
        for text, button in ((self.refused_label, self.refused_button), (self.conflicts_label, self.conflicts_button)):
            line = QHBoxLayout()
            line.addWidget(text, 1)
            line.addWidget(button)
            conflicts.addLayout(line)
        top = QHBoxLayout()
        top.addWidget(self.freshness, 1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.read_button)
        actions.addWidget(self.all_read_button)
        actions.addStretch(1)
        # Below the title everything scrolls as one: at 200 % text the list keeps room for its rows.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(top)
        inner.addWidget(self.error)
        inner.addLayout(conflicts)
        inner.addWidget(self.table, 1)
        inner.addLayout(actions)
        inner.addWidget(self.mail_box)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 8)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroller, 1)
        QWidget.setTabOrder(self.refresh_button, self.table)
        QWidget.setTabOrder(self.table, self.read_button)
        QWidget.setTabOrder(self.read_button, self.all_read_button)
        self._update_enabled()
        self.retranslate_ui()

    # -- words -------------------------------------------------------------------------------------------------------
    def format_moment(self, moment: datetime) -> str:
        local = moment.astimezone()
        return self.tr("%1 à %2").replace("%1", local.strftime("%d/%m/%Y")).replace("%2", local.strftime("%H:%M"))

    def sentence(self, note: Notification) -> str:
        """What happened, in plain words (the professional's name when the service gave it)."""
        who = note.professional_name or self.tr("Un professionnel de santé")
        detail = note.detail or ""
        texts = {
            "professional_access": self.tr("%1 a ouvert votre dossier."),
            "emergency_access": self.tr("%1 a ouvert votre dossier en urgence (bris de glace)."),
            "document_added_by_professional": (
                self.tr("%1 a ajouté un document à votre dossier : « %2 ».")
                if detail
                else self.tr("%1 a ajouté un document à votre dossier.")
            ),
            "vaccination_recorded_by_professional": self.tr("%1 a inscrit une vaccination dans votre dossier."),
            "appointment_sent_by_professional": self.tr("%1 a ajouté un rendez-vous à votre agenda."),
            "new_message": self.tr("%1 vous a écrit un message."),
            "aidant_invited": self.tr("%1 vous a désigné(e) comme proche aidant, jusqu'au %2."),
            "aidant_ended": self.tr("La délégation de proche aidant avec %1 a pris fin le %2."),
        }
        if note.event in ("aidant_invited", "aidant_ended"):
            who = note.professional_name or "—"
            detail = self._day(detail)
        text = texts.get(note.event, self.tr("%1 : événement « %2 ».").replace("%2", note.event))
        return text.replace("%1", who).replace("%2", detail)

    @staticmethod
    def _day(text: str) -> str:
        """An ISO moment sent by the service as the local day (dd/mm/yyyy); any other text as it is."""
        from datetime import datetime

        try:
            return datetime.fromisoformat(text).astimezone().strftime("%d/%m/%Y")
        except ValueError:
            return text

    # -- data --------------------------------------------------------------------------------------------------------
    @property
    def notifications(self) -> Notifications | None:
        return self._list

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Show the offline copy at once (if any), then ask the service; ``None`` forgets everything (S18)."""
        self._profile = profile
        self._generation += 1
        self._list = None
        self.model.clear()
        self.unread.set(0)
        self.set_conflicts(0)
        self.set_refused(0)
        self.mail_preferences = None
        show_error(self.error, "")
        self._update_enabled()
        self.retranslate_ui()
        if profile is None:
            return
        from desktop_app import account, notifications

        generation = self._generation

        def first() -> Notifications | None:
            cached = notifications.cached_notifications(profile)
            if cached is None and account.is_signed_in(profile):
                return notifications.notifications(profile)
            return cached

        Op(self, first).success(lambda n: self._show(generation, n) if n is not None else None).failure(
            lambda exc: self._on_failed(generation, exc)
        ).run()
        if account.is_signed_in(profile):
            self._preferences_call(notifications.mail_preferences)

    def clear(self) -> None:
        self.set_profile(None)

    def set_conflicts(self, count: int) -> None:
        """Conflicts waiting for the person (from the sync): a line above the list, with « Voir »."""
        self._conflicts = count
        self.conflicts_label.setVisible(count > 0)
        self.conflicts_button.setVisible(count > 0)
        self.retranslate_ui()

    def set_refused(self, count: int) -> None:
        """Changes the service refused (from the sync): a line above the list, with « Voir »."""
        self._refused = count
        self.refused_label.setVisible(count > 0)
        self.refused_button.setVisible(count > 0)
        self.retranslate_ui()

    def refresh(self) -> None:
        """Ask the service for the list again (the copy answers offline)."""
        from desktop_app import notifications

        self._call(notifications.notifications)

    def _preferences_call(self, call: Callable[[UnlockedProfile], MailPreferences], *, saving: bool = False) -> None:
        """Read (quietly offline: the box stays greyed) or save the e-mail preferences."""
        from desktop_app.service_client import NotSignedIn, SyncOffline

        profile = self._profile
        if profile is None:
            return
        generation = self._generation
        self.mail_save_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            if saving or not isinstance(exc, SyncOffline | NotSignedIn):
                self._on_failed(generation, exc)

        Op(self, lambda: call(profile)).success(lambda p: self._show_preferences(generation, p)).failure(failed).run()

    def _show_preferences(self, generation: int, preferences: MailPreferences) -> None:
        if generation != self._generation:
            return
        self.mail_preferences = preferences
        self.mail_access_check.setChecked(preferences.professional_access)
        self.mail_document_check.setChecked(preferences.document_added)
        self.mail_aidant_check.setChecked(preferences.aidant)
        self._update_enabled()
        self.retranslate_ui()
        self.sig_preferences_loaded.emit(preferences)

    def on_mail_save_clicked(self) -> None:
        from desktop_app import notifications

        wanted = notifications.MailPreferences(
            professional_access=self.mail_access_check.isChecked(),
            document_added=self.mail_document_check.isChecked(),
            aidant=self.mail_aidant_check.isChecked(),
        )
        self._preferences_call(lambda p: notifications.set_mail_preferences(p, wanted), saving=True)

    def on_read_clicked(self) -> None:
        from desktop_app import notifications

        index = self.table.currentIndex()
        if not index.isValid():
            show_error(self.error, self.tr("Choisissez d'abord une notification dans la liste."))
            return
        note = self.model.row_object(index.row())
        if not note.read:
            self._call(lambda p: notifications.mark_read(p, [note.id]))

    def on_all_read_clicked(self) -> None:
        from desktop_app import notifications

        self._call(lambda p: notifications.mark_read(p, None))

    def _call(self, call: Callable[[UnlockedProfile], Notifications]) -> None:
        profile = self._profile
        if profile is None:
            return
        generation = self._generation
        self.refresh_button.setEnabled(False)
        show_error(self.error, "")
        Op(self, lambda: call(profile)).success(lambda n: self._show(generation, n)).failure(
            lambda exc: self._on_failed(generation, exc)
        ).run()

    def _show(self, generation: int, shown: Notifications) -> None:
        if generation != self._generation:
            return  # locked or reopened meanwhile
        self._list = shown
        items = list(shown.items)
        self.model.set_source(lambda offset, limit: items[offset : offset + limit])
        self.unread.set(shown.unread)
        show_error(self.error, "")
        self._update_enabled()
        self.retranslate_ui()
        self.sig_loaded.emit(shown)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._update_enabled()
        from desktop_app.service_client import NotSignedIn, SyncOffline

        if isinstance(exc, NotSignedIn):
            message = self.tr(
                "Ce carnet n'est pas relié au service en ligne : les notifications arrivent une fois connecté."
            )
        elif isinstance(exc, SyncOffline):
            message = self.tr("Le service n'a pas pu être joint. Réessayez plus tard.")
        else:
            message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        show_error(self.error, message or self.tr("Les notifications n'ont pas pu être chargées."))

    def _update_enabled(self) -> None:
        shown = self._list is not None
        self.refresh_button.setEnabled(self._profile is not None)
        index = self.table.currentIndex()
        unread_chosen = index.isValid() and shown and not self.model.row_object(index.row()).read
        self.read_button.setEnabled(bool(unread_chosen))
        self.all_read_button.setEnabled(shown and self.unread.value > 0)
        known = self.mail_preferences is not None  # read from the service: shown and changed online only
        for widget in (self.mail_access_check, self.mail_document_check, self.mail_aidant_check, self.mail_save_button):
            widget.setVisible(known)
            widget.setEnabled(known)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Notifications"))
        self.intro.setText(
            self.tr(
                "Ce qui s'est passé dans votre dossier : un professionnel l'a ouvert, y a ajouté un document, un "
                "accès en urgence, un proche aidant… Le service vous prévient aussi par e-mail, sans aucune donnée "
                "de santé."
            )
        )
        n = self._list
        if n is None or n.fetched_at is None:
            self.freshness.setText(self.tr("Pas encore chargées."))
        elif n.from_cache:
            self.freshness.setText(
                self.tr("Hors ligne : copie enregistrée le %1 (%n non lue(s)).", "", n.unread).replace(
                    "%1", self.format_moment(n.fetched_at)
                )
            )
        else:
            self.freshness.setText(
                self.tr("À jour le %1 (%n non lue(s)).", "", n.unread).replace("%1", self.format_moment(n.fetched_at))
            )
        self.conflicts_label.setText(
            self.tr("%n modification(s) en conflit attend(ent) votre choix.", "", self._conflicts)
        )
        self.refused_label.setText(
            self.tr("%n modification(s) refusée(s) par le service : voyez pourquoi et quoi faire.", "", self._refused)
        )
        self.refused_button.setText(self.tr("Voir les modifications &refusées"))
        describe(self.refused_button, self.tr("Voir les modifications refusées"), self.refused_label.text())
        self.conflicts_button.setText(self.tr("&Voir les conflits"))
        describe(self.conflicts_button, self.tr("Voir les conflits"), self.conflicts_label.text())
        self.refresh_button.setText(self.tr("&Actualiser"))
        describe(
            self.refresh_button, self.tr("Actualiser"), self.tr("Demander au service les dernières notifications.")
        )
        self.read_button.setText(self.tr("&Marquer comme lue"))
        describe(self.read_button, self.tr("Marquer comme lue"), self.tr("La notification choisie (ou Entrée)."))
        self.all_read_button.setText(self.tr("&Tout marquer comme lu"))
        describe(self.all_read_button, self.tr("Tout marquer comme lu"))
        describe(self.freshness, self.tr("Date de la liste"), self.freshness.text())
        self.mail_box.setTitle(self.tr("Recevoir aussi un e-mail"))
        self.mail_access_check.setText(self.tr("Quand un professionnel ouvre mon dossier"))
        self.mail_document_check.setText(self.tr("Quand un professionnel ajoute un document ou une vaccination"))
        self.mail_aidant_check.setText(self.tr("Au sujet de mes proches aidants"))
        for check in (self.mail_access_check, self.mail_document_check, self.mail_aidant_check):
            describe(check, check.text())
        self.mail_emergency_note.setText(
            self.tr("Un accès en urgence vous est toujours signalé par e-mail.")
            if self.mail_preferences is not None
            else self.tr(
                "Vos choix d'e-mail s'affichent et se changent une fois le service joint. Un accès en urgence vous "
                "est toujours signalé par e-mail."
            )
        )
        self.mail_save_button.setText(self.tr("&Enregistrer mes choix d'e-mail"))
        describe(self.mail_save_button, self.tr("Enregistrer mes choix d'e-mail"))
        describe(self.table, self.tr("Notifications"), self.tr("De la plus récente à la plus ancienne."))
        self.model.retranslate()
