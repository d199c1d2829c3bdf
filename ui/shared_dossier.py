"""The read-only view of a dossier another person holds, opened from one's own window: a proche aidant opening the
helped person's dossier, an heir opening a deceased relative's. Shared (ui/access opens it for both; any screen may).

What it shows is what the service's access policy lets the caller see, as two lists (health information and
documents), newest first; nothing can be changed and nothing is kept on this computer (it opens online only). Each
opening is recorded in the person's historique des accès, and the view says so."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.formatting import format_date, format_datetime
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import (
    EmptyState,
    Retranslatable,
    describe,
    describe_tab_scrollers,
    error_label,
    fit_columns,
    label,
    row_table,
    section_header,
    show_error,
)

if TYPE_CHECKING:
    from desktop_app.access import SharedDossierView, SharedRecord
    from desktop_app.messages import Conversation, Message
    from desktop_app.profile import UnlockedProfile

ROLES = ("aidant", "heir")


class _RecordList(QStackedWidget):
    """One list of the view (entries, documents, conversations): the table, or what its emptiness means."""

    def __init__(self, model: PagedTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table: QTableView = row_table(model)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        fit_columns(self.table, stretch=1, page_loaded=model.sig_page_loaded)
        self.empty = EmptyState()
        self.addWidget(self.table)
        self.addWidget(self.empty)

    def show_rows(self, rows: Sequence[object]) -> None:
        self.model.set_source(lambda offset, limit: list(rows[offset : offset + limit]))
        self.setCurrentWidget(self.table if rows else self.empty)

    def clear(self) -> None:
        self.model.clear()
        self.setCurrentWidget(self.table)

    @property
    def showing_empty(self) -> bool:
        return self.currentWidget() is self.empty


def _failure_text(exc: BaseException, fallback: str, offline: str, signed_out: str) -> str:
    from desktop_app.service_client import NotSignedIn, SyncOffline

    if isinstance(exc, SyncOffline):
        return offline
    if isinstance(exc, NotSignedIn):
        return signed_out
    return exc.message(current_language()) if isinstance(exc, CarnetError) else fallback


class SharedConversations(Retranslatable, QWidget):
    """The helped person's conversations with professionals, read only (an aidant never answers, never marks them
    read): the list, then the chosen one's thread. Shown only if the person lets the aidant see them; otherwise the
    service's refusal says so, and where the person allows it."""

    sig_loaded = Signal(object)
    """The list arrived; carries the conversations, or the exception."""
    sig_thread_loaded = Signal(object)
    """A thread arrived; carries (Conversation, messages), or the exception."""

    def __init__(self, profile: UnlockedProfile, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._dossier_id = dossier_id
        self._generation = 0
        self.refused_code = ""
        self.stale = True  # to be asked for (again) when next shown
        self.shown_thread: tuple[Conversation, list[Message]] | None = None
        self.model: PagedTableModel[Conversation] = PagedTableModel(
            [
                Column(lambda: self.tr("Sujet"), lambda c: c.subject),
                Column(lambda: self.tr("Professionnel"), lambda c: c.professional_name or c.professional_rpps),
                Column(lambda: self.tr("Dernier message"), lambda c: format_datetime(c.last_message_at.astimezone())),
                Column(lambda: self.tr("État"), lambda c: self.tr("Close") if c.closed else self.tr("En cours")),
            ],
            key=lambda c: c.id,
            parent=self,
        )
        self.list = _RecordList(self.model)  # the same table-or-empty, for conversations
        self.list.table.selectionModel().currentRowChanged.connect(lambda *_a: self.open_chosen())
        self.thread_view = QPlainTextEdit()
        self.thread_view.setReadOnly(True)
        self.thread_view.setTabChangesFocus(True)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.thread_view, 1)
        self.retranslate_ui()

    def reload(self) -> None:
        # Asked of the service even when this computer keeps a copy of the dossier: the copy holds no message the
        # person has not allowed, and only the service says why the list is empty (« pas encore autorisé »).
        from desktop_app import messages_online

        self._generation += 1
        generation = self._generation
        self.stale = False
        self.shown_thread = None
        self.thread_view.clear()
        profile, dossier_id = self._profile, self._dossier_id
        Op(self, lambda: messages_online.conversations(profile, dossier_id=dossier_id)).success(
            lambda page: self._show(generation, page[0])
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _show(self, generation: int, found: list[Conversation]) -> None:
        if generation != self._generation:
            return
        self.refused_code = ""
        show_error(self.error, "")
        self.list.show_rows(found)
        self.retranslate_ui()
        self.sig_loaded.emit(found)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.refused_code = str(getattr(exc, "code", ""))
        self.list.show_rows([])
        self.thread_view.setVisible(False)
        if self.refused_code != "aidant_messages_not_allowed":  # said by the empty state, with what to do
            show_error(self.error, self._failure(exc))
        self.retranslate_ui()
        self.sig_loaded.emit(exc)

    def _failure(self, exc: BaseException) -> str:
        return _failure_text(
            exc,
            self.tr("Les messages n'ont pas pu être chargés. Réessayez plus tard."),
            self.tr("Le service n'a pas pu être joint : les messages se lisent seulement en ligne."),
            self.tr("Vous n'êtes pas connecté(e) au service."),
        )

    def clear(self) -> None:
        """Forget what was shown (the dossier is no longer open to the person)."""
        self._generation += 1
        self.stale = True
        self.shown_thread = None
        self.thread_view.clear()
        self.list.clear()

    def open_chosen(self) -> None:
        from desktop_app import messages

        index = self.list.table.currentIndex()
        if not index.isValid():
            return
        conversation = self.model.row_object(index.row())
        generation = self._generation
        profile = self._profile
        self.thread_view.setPlainText(self.tr("Chargement de la conversation…"))
        Op(self, lambda: messages.thread(profile, conversation.id)).success(
            lambda found: self._show_thread(generation, found)
        ).failure(lambda exc: self._thread_failed(generation, exc)).run()

    def _show_thread(self, generation: int, found: tuple[Conversation, list[Message]]) -> None:
        if generation != self._generation:
            return
        self.shown_thread = found
        conversation, items = found
        lines = [f"{conversation.subject}", ""]
        for m in items:
            when = format_datetime(m.sent_at.astimezone()) if m.sent_at is not None else ""
            lines += [f"{when} — {self._sender(conversation, m)}", m.text, ""]
        self.thread_view.setPlainText("\n".join(lines).rstrip())
        self.sig_thread_loaded.emit(found)

    def _thread_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.shown_thread = None
        self.thread_view.setPlainText(self._failure(exc))
        self.sig_thread_loaded.emit(exc)

    def _sender(self, conversation: Conversation, m: Message) -> str:
        if m.sender_role == "professional":
            return conversation.professional_name or self.tr("Le professionnel")
        if m.sender_role == "legal_representative":
            return self.tr("Son représentant légal")
        return self.tr("La personne")

    def retranslate_ui(self) -> None:
        not_allowed = self.refused_code == "aidant_messages_not_allowed"
        self.thread_view.setVisible(not self.refused_code and not self.list.showing_empty)
        self.list.empty.set_texts(
            self.tr("Ses messages ne vous sont pas montrés") if not_allowed else self.tr("Aucune conversation"),
            self.tr(
                "La personne que vous aidez ne vous a pas autorisé(e) à lire ses conversations avec les "
                "professionnels. Elle peut le faire dans Accès et confidentialité › Proches › « Lui montrer mes "
                "messages »."
            )
            if not_allowed
            else self.tr("Aucun professionnel ne lui a écrit pour l'instant."),
        )
        describe(self.list.table, self.tr("Conversations"), self.tr("Sujet, professionnel, dernier message, état."))
        describe(self.thread_view, self.tr("Fil de la conversation"), self.tr("En lecture seule."))
        self.model.retranslate()


class SharedDossierDialog(Retranslatable, QDialog):
    """« Dossier de … »: whose, born when, in which role the person reads it (until when, for an aidant), then the
    health information and the documents the policy lets them see. Not modal; « Actualiser » opens it again.

    Refusals (role ended, access withdrawn, opposed…) and an unreachable service are said in plain words above the
    lists, which are then emptied: nothing of a dossier no longer open stays on screen."""

    sig_loaded = Signal(object)
    """The service answered; carries the SharedDossierView, or the exception of a refusal or of no connection."""

    def __init__(
        self,
        profile: UnlockedProfile,
        dossier_id: str,
        *,
        name: str,
        role: str,
        until: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if role not in ROLES:
            raise ValueError(f"unknown role: {role!r}")
        self._profile = profile
        self.dossier_id = dossier_id
        self._name = name
        self._role = role
        self._until = until
        self._generation = 0
        self.view: SharedDossierView | None = None
        self.opened_at = datetime.now()
        self.state = "loading"  # "loading", "loaded" or "failed"
        self.heading = section_header()
        self.who = label("muted")
        self.role_label = label()
        self.audit_label = label("muted")
        self.status = label("muted")
        self.error = error_label()
        self.entries = _RecordList(self._model(documents=False))
        self.documents = _RecordList(self._model(documents=True))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entries, "")
        self.tabs.addTab(self.documents, "")
        self.conversations: SharedConversations | None = None  # an aidant's only: an heir never sees them
        if role == "aidant":
            self.conversations = SharedConversations(profile, dossier_id)
            self.tabs.addTab(self.conversations, "")
            self.tabs.currentChanged.connect(lambda _i: self._load_conversations_if_shown())
        describe_tab_scrollers(self.tabs)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        self.close_button = QPushButton()
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.who, self.role_label, self.audit_label, self.status, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)  # takes the room of the lists while a refusal hides them
        layout.addLayout(buttons)
        self.setTabOrder(self.tabs, self.entries.table)
        self.setTabOrder(self.entries.table, self.documents.table)
        self.setTabOrder(self.documents.table, self.reload_button)
        if self.conversations is not None:
            self.setTabOrder(self.documents.table, self.conversations.list.table)
            self.setTabOrder(self.conversations.list.table, self.conversations.thread_view)
            self.setTabOrder(self.conversations.thread_view, self.reload_button)
        self.setTabOrder(self.reload_button, self.close_button)
        metrics = self.fontMetrics()  # room for the four columns and a few rows, at 200 % text too
        self.resize(max(760, metrics.averageCharWidth() * 105), max(560, metrics.height() * 30))
        self.retranslate_ui()
        self.reload()

    def _model(self, *, documents: bool) -> PagedTableModel[SharedRecord]:
        return PagedTableModel(
            [
                Column(
                    (lambda: self.tr("Catégorie")) if documents else (lambda: self.tr("Type")),
                    lambda r: r.kind_label(current_language()),
                ),
                Column(lambda: self.tr("Intitulé"), lambda r: r.title or self.tr("(sans intitulé)")),
                Column(lambda: self.tr("Ajouté le"), lambda r: format_date(r.created_at.astimezone())),
                Column(lambda: self.tr("Ajouté par"), self._author),
            ],
            key=lambda r: r.entity_id,
            parent=self,
        )

    def _author(self, r: SharedRecord) -> str:
        authors = {
            "patient": self.tr("La personne ou son entourage"),
            "professional": self.tr("Un professionnel de santé"),
            "insurer": self.tr("L'Assurance Maladie"),
            "service": self.tr("Le service Carnet"),
        }
        return authors.get(r.author_kind, r.author_kind)

    def reload(self) -> None:
        from desktop_app import access

        self._generation += 1
        generation = self._generation
        self.state = "loading"
        self.reload_button.setEnabled(False)
        self.retranslate_ui()
        profile, dossier_id = self._profile, self.dossier_id
        Op(self, lambda: access.open_shared_dossier(profile, dossier_id)).success(
            lambda view: self._show(generation, view)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def present(self, view: SharedDossierView) -> None:
        """Show a view fetched elsewhere (a printout's preview, the screenshots); an opening under way is ignored."""
        self._generation += 1
        self._show(self._generation, view)

    def _show(self, generation: int, view: SharedDossierView) -> None:
        if generation != self._generation:
            return
        self.view = view
        self.opened_at = datetime.now()
        self.state = "loaded"
        self.reload_button.setEnabled(True)
        show_error(self.error, "")
        self.entries.show_rows(view.entries)
        self.documents.show_rows(view.documents)
        if self.conversations is not None:
            self.conversations.stale = True
            self._load_conversations_if_shown()
        self.retranslate_ui()
        self.sig_loaded.emit(view)

    def _load_conversations_if_shown(self) -> None:
        """The conversations are asked for when the person looks at them, not with every opening: an aidant the
        person does not let read them would otherwise leave a refusal in the person's access history each time."""
        part = self.conversations
        if part is not None and part.stale and self.view is not None and self.tabs.currentWidget() is part:
            part.reload()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.view = None
        self.state = "failed"
        self.reload_button.setEnabled(True)
        self.entries.clear()
        self.documents.clear()
        if self.conversations is not None:
            self.conversations.clear()
        message = _failure_text(
            exc,
            self.tr("Le dossier n'a pas pu être ouvert. Réessayez plus tard."),
            self.tr(
                "Le service n'a pas pu être joint : ce dossier s'ouvre seulement en ligne (rien n'en est gardé sur "
                "cet ordinateur). Vérifiez la connexion, puis « Actualiser »."
            ),
            self.tr(
                "Vous n'êtes pas connecté(e) au service : connectez-vous (Paramètres › Mon espace), puis "
                "« Actualiser »."
            ),
        )
        show_error(self.error, message)
        self.retranslate_ui()
        self.sig_loaded.emit(exc)

    def _role_text(self) -> str:
        if self._role == "heir":
            return self.tr(
                "Lecture seule. Vous le consultez comme ayant droit : vous ne voyez que ce que votre demande permet."
            )
        if self._until is not None:
            return self.tr("Lecture seule. Vous le consultez comme proche aidant, jusqu'au %1.").replace(
                "%1", format_date(self._until.astimezone())
            )
        return self.tr("Lecture seule. Vous le consultez comme proche aidant.")

    def retranslate_ui(self) -> None:
        view = self.view
        name = f"{view.first_names} {view.last_name}".strip() if view is not None else self._name
        # French elides before a vowel: « Dossier d'Odette Lefèvre », « Dossier de Jeanne Martin ».
        title = (
            self.tr("Dossier d'%1") if name[:1].upper() in "AEIOUYÀÂÉÈÊËÎÏÔÛÙÜ" and name else self.tr("Dossier de %1")
        )
        self.setWindowTitle(title.replace("%1", name or "—"))
        self.heading.setText(title.replace("%1", name or "—"))
        self.who.setText(self.tr("Né(e) le %1").replace("%1", format_date(view.birth_date)) if view is not None else "")
        self.who.setVisible(view is not None)
        self.role_label.setText(self._role_text())
        self.audit_label.setText(
            self.tr(
                "Chaque ouverture est inscrite dans l'historique des accès de ce dossier. Rien n'en est gardé sur "
                "cet ordinateur."
            )
        )
        if self.state == "loading":
            self.status.setText(self.tr("Ouverture du dossier…"))
        elif view is not None:
            self.status.setText(self.tr("Ouvert le %1.").replace("%1", format_datetime(self.opened_at)))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        self.tabs.setVisible(self.state != "failed")  # a refusal empties the lists: no empty table under it
        count_entries = len(view.entries) if view is not None else 0
        count_documents = len(view.documents) if view is not None else 0
        self.tabs.setTabText(0, self.tr("Informations de santé (%1)").replace("%1", str(count_entries)))
        self.tabs.setTabText(1, self.tr("Documents (%1)").replace("%1", str(count_documents)))
        if self.conversations is not None:
            self.tabs.setTabText(2, self.tr("Messages"))
        describe(self.tabs, self.tr("Contenu du dossier"), self.tr("Informations de santé et documents."))
        describe(self.entries.table, self.tr("Informations de santé"), self.tr("Type, intitulé, date, auteur."))
        describe(self.documents.table, self.tr("Documents"), self.tr("Catégorie, intitulé, date, auteur."))
        self.entries.empty.set_texts(
            self.tr("Aucune information de santé à afficher"),
            self.tr(
                "Le dossier n'en contient pas, ou aucune ne vous est accessible. Ce que la personne ajoutera "
                "apparaîtra ici : « Actualiser » pour revoir."
            )
            if self._role == "aidant"
            else self.tr("Le dossier n'en contient pas, ou votre demande ne permet pas de les voir."),
        )
        self.documents.empty.set_texts(
            self.tr("Aucun document à afficher"),
            self.tr(
                "Le dossier n'en contient pas, ou aucun ne vous est accessible. Les documents ajoutés plus tard "
                "apparaîtront ici : « Actualiser » pour revoir."
            )
            if self._role == "aidant"
            else self.tr("Le dossier n'en contient pas, ou votre demande ne permet pas de les voir."),
        )
        self.reload_button.setText(self.tr("&Actualiser"))
        describe(self.reload_button, self.tr("Actualiser"), self.tr("Ouvre à nouveau le dossier sur le service."))
        self.close_button.setText(self.tr("Fermer"))
        self.entries.model.retranslate()
        self.documents.model.retranslate()
