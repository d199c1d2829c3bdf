"""Messagerie: the conversations professionals started with the person, each thread in the service's order, a reply box
(5,000 characters at most, said here) with one attachment (5 Mo at most, said here), « Clore », « Archiver »,
« Supprimer de ma vue », « Bloquer cet expéditeur », and « Enregistrer dans mes documents » for a thread's attachments.

The conversations are read from the dossiers' synced copy through the engine (desktop_app.messages) on the worker; a
reply, a read mark, closing, archiving, deleting go into the dossier's sync outbox and the background sync sends them
(a reply shows « en attente d'envoi » until then, offline as online). The page refreshes on the change events the
pull and the outbox publish (``concerned_by``), not on a timer. My messages the other side has read are marked « Lu ».
"""

from __future__ import annotations

import html
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from desktop_app.service_client import NotSignedIn, SyncOffline
from dossier.documents import DOCUMENT_CATEGORIES
from dossier.errors import DossierValidationError
from dossier.messages import ATTACHMENT_MAX_BYTES, MESSAGE_MAX_CHARS, check_attachment, check_message_text
from dossier.sync_protocol import Entity
from ui.dialogs import Confirmer
from ui.formatting import format_datetime, locale
from ui.i18n import current_language, pick
from ui.i18n import translate as _t
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.unread import UnreadCount
from ui.widgets import Retranslatable, describe, error_label, fit_columns, flow_row, label, row_table, show_error

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from desktop_app.changes import StoreChange
    from desktop_app.messages import Conversation, Message
    from desktop_app.profile import UnlockedProfile


def _count(number: int) -> str:
    """A count as the language writes it (5 000, 5,000)."""
    return locale().toString(number)


def _size(size: int) -> str:
    """A file size as the person reads it (Ko / Mo in French, KB / MB in English)."""
    if size >= 1024 * 1024:
        return _t("MessagesPage", "%1 Mo").replace("%1", locale().toString(size / (1024 * 1024), "f", 1))
    return _t("MessagesPage", "%1 Ko").replace("%1", _count(max(1, round(size / 1024))))


def category_label(category: str) -> str:
    found = DOCUMENT_CATEGORIES.get(category)
    return pick(found.label_fr, found.label_en) if found is not None else category


def _choose_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _t("MessagesPage", "Joindre un fichier"),
        str(Path.home()),
        _t("MessagesPage", "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)"),
    )
    return Path(name) if name else None


class MessagesPage(Retranslatable, QWidget):
    """Conversation list on top, the chosen thread and its reply box below."""

    sig_loaded = Signal(object)
    """The conversation list changed; carries the list of Conversation."""
    sig_thread_loaded = Signal(object)
    """The thread shown changed; carries (Conversation, messages)."""
    sig_failed = Signal(str)
    """Something was refused or could not be done; carries the sentence shown."""

    sig_saved = Signal(object)
    """An attachment was saved into Documents; carries its DocumentInfo."""

    def __init__(
        self,
        *,
        confirmer: Confirmer,
        chooser: Callable[[QWidget], Path | None] = _choose_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.confirmer = confirmer
        self.chooser = chooser
        self.attached: tuple[bytes, str] | None = None
        """The file joined to the reply being written (its bytes, its name), checked when chosen."""
        self._profile: UnlockedProfile | None = None
        self._generation = 0
        self.conversation: Conversation | None = None
        self.messages: list[Message] = []
        self._convs: list[Conversation] = []
        self.unread = UnreadCount(self)
        self.title = label("title")
        self.intro = label("muted")
        self.authorisation_note = label("muted")
        self.status = label()
        self.error = error_label()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        self.sync_now: Callable[[], None] | None = None
        """The window's sync, run now by « Actualiser » (what it brings refreshes the page by its change events)."""
        self.model: PagedTableModel[Conversation] = PagedTableModel(
            [
                Column(lambda: self.tr("Professionnel"), lambda c: c.professional_name),
                Column(lambda: self.tr("Objet"), self._subject),
                Column(lambda: self.tr("Date"), lambda c: self.format_moment(c.last_message_at)),
                Column(lambda: self.tr("Non lus"), lambda c: str(c.unread) if c.unread else ""),
            ],
            key=lambda c: c.id,
            parent=self,
        )
        self.table = row_table(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fit_columns(self.table, stretch=1, page_loaded=self.model.sig_page_loaded)
        self.table.activated.connect(lambda _index: self.open_current())
        self.thread_title = label("subtitle")
        self.thread_view = QTextBrowser()
        self.thread_view.setOpenLinks(False)
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setTabChangesFocus(True)
        self.reply_edit.textChanged.connect(self._update_count)
        self.count_label = label("muted")
        self.send_button = QPushButton()
        self.send_button.clicked.connect(self.on_send_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self.reply_edit, self.on_send_clicked)
        self.attach_button = QPushButton()
        self.attach_button.clicked.connect(self.on_attach_clicked)
        self.detach_button = QPushButton()
        self.detach_button.clicked.connect(self.on_detach_clicked)
        self.attached_label = label("muted")
        self.attachment_choice = QComboBox()
        self.category_choice = QComboBox()
        for combo in (self.attachment_choice, self.category_choice):  # long names must not widen the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.on_save_clicked)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.on_close_clicked)
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.on_archive_clicked)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.block_button = QPushButton()
        self.block_button.clicked.connect(self.on_block_clicked)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addLayout(top)
        listing_layout.addWidget(self.table, 1)
        thread = QWidget()
        thread_layout = QVBoxLayout(thread)
        thread_layout.setContentsMargins(0, 0, 0, 0)
        thread_layout.addWidget(self.thread_title)
        thread_layout.addWidget(self.thread_view, 2)
        # The thread's attachments, into Documents; then what goes with the reply. Flowing rows: at 200 % text (or
        # a narrow window) the controls wrap onto a second line instead of widening the page.
        thread_layout.addWidget(flow_row(self.attachment_choice, self.category_choice, self.save_button))
        thread_layout.addWidget(self.reply_edit, 1)
        thread_layout.addWidget(flow_row(self.attach_button, self.detach_button))
        thread_layout.addWidget(self.attached_label)
        send_row = QHBoxLayout()
        send_row.addWidget(self.count_label, 1)
        send_row.addWidget(self.send_button)
        thread_layout.addLayout(send_row)
        actions = QHBoxLayout()
        for button in (self.close_button, self.archive_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        thread_layout.addLayout(actions)
        block_row = QHBoxLayout()  # its own line: four buttons side by side scroll sideways at 200 % text
        block_row.addWidget(self.block_button)
        block_row.addStretch(1)
        thread_layout.addLayout(block_row)
        # Below the title everything scrolls as one: at 200 % text the list and the thread keep room for their rows.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.error)
        inner.addWidget(listing, 1)
        inner.addWidget(thread, 2)
        lines = self.fontMetrics().height()
        self.table.setMinimumHeight(lines * 5)
        self.thread_view.setMinimumHeight(lines * 6)
        self.reply_edit.setMinimumHeight(lines * 3)
        for box in (
            self.table,
            self.thread_view,
            self.reply_edit,
        ):  # they share what is left; never below their minimum
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.authorisation_note)  # above the scroller: said before any conversation, never clipped
        layout.addWidget(self.scroller, 1)
        chain: list[QWidget] = [self.refresh_button, self.table, self.thread_view]
        chain += [self.attachment_choice, self.category_choice, self.save_button, self.reply_edit]
        chain += [self.attach_button, self.detach_button, self.send_button]
        chain += [self.close_button, self.archive_button, self.delete_button, self.block_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._pending_note = False
        self._note = ""
        """The sentence of the last action (saved, blocked), shown until the next one."""
        self._signed_in = False
        self._update_enabled()
        self.retranslate_ui()

    # -- words -------------------------------------------------------------------------------------------------------
    @staticmethod
    def format_moment(moment: datetime) -> str:
        return format_datetime(moment.astimezone())

    def _subject(self, conv: Conversation) -> str:
        marks = []
        if conv.closed:
            marks.append(self.tr("close"))
        if conv.archived:
            marks.append(self.tr("archivée"))
        return conv.subject + (f" ({', '.join(marks)})" if marks else "")

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, NotSignedIn):
            return self.tr("Ce carnet n'est pas relié au service en ligne : la messagerie s'ouvre une fois connecté.")
        if isinstance(exc, SyncOffline):
            return self.tr("Le service n'a pas pu être joint. Réessayez plus tard.")
        if isinstance(exc, CarnetError | DossierValidationError):
            return exc.message(current_language())
        return self.tr("La messagerie n'a pas pu faire cela.")

    # -- data --------------------------------------------------------------------------------------------------------
    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Ask the service for the conversations; ``None`` forgets everything shown (S18)."""
        self._profile = profile
        self._generation += 1
        self.conversation, self.messages, self._convs = None, [], []
        self.model.clear()
        self.thread_view.clear()
        self.reply_edit.clear()
        self.attached = None
        self.unread.set(0)
        self._pending_note = self._signed_in = False
        self._note = ""
        show_error(self.error, "")
        self._update_enabled()
        self.retranslate_ui()
        if profile is not None:
            from desktop_app import account

            self._signed_in = account.is_signed_in(profile)
            self.retranslate_ui()
            if self._signed_in:
                self.refresh()

    def clear(self) -> None:
        self.set_profile(None)

    def _run(self, call: Callable[[UnlockedProfile], object], done: Callable[[object], None]) -> None:
        profile = self._profile
        if profile is None:
            return
        generation = self._generation
        show_error(self.error, "")

        def succeeded(result: object) -> None:
            if generation == self._generation:
                done(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._fail(self._failure_text(exc))

        Op(self, lambda: call(profile)).success(succeeded).failure(failed).run()

    def _fail(self, sentence: str) -> None:
        show_error(self.error, sentence)
        self._update_enabled()
        self.sig_failed.emit(sentence)

    def concerned_by(self, change: StoreChange) -> bool:
        """A message, a read mark or a conversation's state changed in a dossier of this profile (pulled, or written
        here). Hidden, the page refreshes anyway: the unread badge of the navigation follows."""
        profile = self._profile
        concerned = (
            profile is not None
            and self._signed_in
            and (change.touches(Entity.MESSAGE) or change.touches(Entity.CONVERSATION))
            and change.dossier_id in profile.dossier_ids()
        )
        if concerned and not self.isVisible():
            self.refresh()
            return False
        return concerned

    def on_refresh_clicked(self) -> None:
        self._note = ""
        if self.sync_now is not None:
            self.sync_now()
        self.refresh()

    def refresh(self) -> None:
        """Read the conversations again from the synced copy (and what waits to be sent)."""
        from desktop_app import messages

        def call(profile: UnlockedProfile) -> object:
            items, _total = messages.conversations(profile, limit=200)
            return messages.waiting(profile), items

        self._run(call, self._show_list)

    def _show_list(self, result: object) -> None:
        waiting, items = cast("tuple[int, list[Conversation]]", result)
        self._convs = list(items)
        if self.model.rowCount() or self.model.loading:
            self.model.refresh()  # in place: the selection follows its row, the scroll stays
        else:
            self.model.set_source(lambda offset, limit: self._convs[offset : offset + limit])
        self.unread.set(sum(c.unread for c in self._convs))
        self._pending_note = waiting > 0
        if self.conversation is not None and any(c.id == self.conversation.id for c in self._convs):
            self._load_thread(self.conversation.id)
        elif self.conversation is not None:  # archived or deleted meanwhile (here or on another device)
            self.conversation, self.messages = None, []
            self.thread_view.clear()
        self._update_enabled()
        self.retranslate_ui()
        self.sig_loaded.emit(list(self._convs))

    def open_current(self) -> None:
        self._note = ""
        index = self.table.currentIndex()
        if not index.isValid():
            show_error(self.error, self.tr("Choisissez d'abord une conversation dans la liste."))
            return
        self._load_thread(self.model.row_object(index.row()).id, then_focus=True)

    def _load_thread(self, conversation_id: str, *, then_focus: bool = False) -> None:
        from desktop_app import messages

        def call(profile: UnlockedProfile) -> object:
            return messages.thread(profile, conversation_id, mark_as_read=True)

        def done(result: object) -> None:
            self._show_thread(result)
            if then_focus:
                (self.reply_edit if self.reply_edit.isEnabled() else self.thread_view).setFocus()

        self._run(call, done)

    def _show_thread(self, result: object) -> None:
        conv, msgs = cast("tuple[Conversation, list[Message]]", result)
        if conv.archived or conv.deleted:
            return  # left the view while it was being read
        self.conversation, self.messages = conv, list(msgs)
        self._convs = [conv if c.id == conv.id else c for c in self._convs]  # its unread count, as now read
        self.unread.set(sum(c.unread for c in self._convs))
        self.model.refresh()
        self._render_thread()
        self._update_enabled()
        self.retranslate_ui()
        self.sig_thread_loaded.emit((conv, self.messages))

    def _render_thread(self) -> None:
        conv = self.conversation
        if conv is None:
            self.thread_view.clear()
            return
        parts = []
        for m in self.messages:
            who = self.tr("Vous") if m.mine else conv.professional_name
            when = self.tr("en attente d'envoi") if m.pending or m.sent_at is None else self.format_moment(m.sent_at)
            if m.seen_in(conv):
                when += " — " + self.tr("Lu")
            text = html.escape(m.text).replace("\n", "<br>")
            if m.attachment is not None:
                text += "<br>" + html.escape(
                    self.tr("Pièce jointe : %1 (%2)")
                    .replace("%1", m.attachment.filename)
                    .replace("%2", _size(m.attachment.size))
                )
            parts.append(f"<p><b>{html.escape(who)}</b> — <i>{html.escape(when)}</i><br>{text}</p>")
        if conv.closed:
            parts.append(f"<p><i>{html.escape(self.tr('Conversation close : on ne peut plus y répondre.'))}</i></p>")
        self.thread_view.setHtml("".join(parts))
        bar = self.thread_view.verticalScrollBar()
        bar.setValue(bar.maximum())  # the latest message in sight
        self._fill_attachments()

    def _fill_attachments(self) -> None:
        """The thread's received attachments in the « Enregistrer dans mes documents » choice, latest first."""
        chosen = self.attachment_choice.currentData()
        self.attachment_choice.clear()
        for m in reversed(self.messages):
            if m.attachment is not None and not m.pending:
                when = self.format_moment(m.sent_at) if m.sent_at is not None else ""
                self.attachment_choice.addItem(f"{m.attachment.filename} — {when}", m.id)
        self.attachment_choice.setCurrentIndex(max(0, self.attachment_choice.findData(chosen)))

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_send_clicked(self) -> None:
        from desktop_app import messages

        self._note = ""
        conv = self.conversation
        if conv is None or not self.send_button.isEnabled():
            return
        try:
            text = check_message_text(self.reply_edit.toPlainText())
        except DossierValidationError as exc:  # the sentence alone: the field is the reply box itself
            self._fail(" ".join(issue.message(current_language()) for issue in exc.issues))
            self.reply_edit.setFocus()
            return
        self.send_button.setEnabled(False)
        attached = self.attached

        def done(result: object) -> None:
            self.reply_edit.clear()
            self.attached = None
            self._pending_note = isinstance(result, messages.Queued)  # in the outbox: the sync sends it
            self._load_thread(conv.id)
            self.retranslate_ui()

        self._run(lambda p: messages.reply(p, conv.id, text, attachment=attached), done)

    def attach_file(self, path: Path) -> bool:
        """Join this file to the reply: checked at once (size, format from its bytes); a refusal is said, nothing
        joined."""
        try:
            content = path.read_bytes()
            _format, name = check_attachment(content, path.name)
        except OSError:
            self._fail(self.tr("Ce fichier n'a pas pu être lu : vérifiez qu'il existe et réessayez."))
            return False
        except DossierValidationError as exc:
            self._fail(" ".join(issue.message(current_language()) for issue in exc.issues))
            return False
        show_error(self.error, "")
        self.attached = (content, name)
        self._update_enabled()
        self.retranslate_ui()
        return True

    def on_attach_clicked(self) -> None:
        chosen = self.chooser(self)
        if chosen is not None and self.attach_file(chosen):
            self.reply_edit.setFocus()

    def on_detach_clicked(self) -> None:
        self.attached = None
        self._update_enabled()
        self.retranslate_ui()
        self.attach_button.setFocus()

    def on_save_clicked(self) -> None:
        """« Enregistrer dans mes documents »: the chosen attachment into Documents, in the chosen category."""
        from desktop_app import messages

        conv, message_id = self.conversation, self.attachment_choice.currentData()
        message = next((m for m in self.messages if m.id == message_id), None)
        if conv is None or message is None:
            return
        category = str(self.category_choice.currentData() or "autre")

        def done(result: object) -> None:
            self._say(
                self.tr("« %1 » est enregistré dans vos documents (%2).")
                .replace("%1", getattr(result, "title", ""))
                .replace("%2", category_label(category))
            )
            self.sig_saved.emit(result)

        self._run(lambda p: messages.save_to_documents(p, conv, message, category=category), done)

    def _confirmed(self, title: str, text: str, confirm: str) -> bool:
        return self.confirmer.ask(self, title=title, text=text, confirm_label=confirm, cancel_label=self.tr("Annuler"))

    def _ask_then(
        self, title: str, question: str, call: Callable[[UnlockedProfile, str], Conversation], *, leaves_view: bool
    ) -> None:
        """Ask (``question``: %1 the subject, %2 the professional); on « oui », apply ``call`` to the conversation."""
        conv = self.conversation
        if conv is None:
            return
        text = question.replace("%1", conv.subject).replace("%2", conv.professional_name)
        if not self._confirmed(title, text, title):
            return

        def done(_result: object) -> None:
            if leaves_view:
                self.conversation, self.messages = None, []
                self.thread_view.clear()
            self.refresh()

        self._run(lambda p: call(p, conv.id), done)

    def on_close_clicked(self) -> None:
        from desktop_app import messages

        question = self.tr("Clore « %1 » ? Ni vous ni %2 ne pourrez plus y répondre.")
        self._ask_then(self.tr("Clore la conversation"), question, messages.close, leaves_view=False)

    def on_archive_clicked(self) -> None:
        from desktop_app import messages

        question = self.tr("Archiver « %1 » ? Elle quitte la liste ; un nouveau message la fait revenir.")
        self._ask_then(self.tr("Archiver"), question, messages.archive, leaves_view=True)

    def on_delete_clicked(self) -> None:
        from desktop_app import messages

        question = self.tr("Supprimer « %1 » de votre vue ? Vous ne la verrez plus ; %2 garde sa correspondance.")
        self._ask_then(self.tr("Supprimer de ma vue"), question, messages.delete, leaves_view=True)

    def on_block_clicked(self) -> None:
        from desktop_app.access import settings

        conv = self.conversation
        if conv is None or not self._confirmed(
            self.tr("Bloquer cet expéditeur"),
            self.tr(
                "Bloquer %1 ? Ce professionnel ne pourra plus vous écrire ni voir votre dossier, et perd "
                "son autorisation. Vous pourrez le débloquer dans Accès et confidentialité."
            ).replace("%1", conv.professional_name),
            self.tr("Bloquer"),
        ):
            return

        def done(_result: object) -> None:
            self._say(self.tr("%1 est bloqué(e).").replace("%1", conv.professional_name))

        self._run(lambda p: settings.block(p, conv.professional_rpps), done)

    def _say(self, sentence: str) -> None:
        """What an action did, kept on the status line until the next action (a refresh does not wipe it)."""
        self._note = sentence
        self.status.setText(sentence)

    # -- state -------------------------------------------------------------------------------------------------------
    def _update_count(self) -> None:
        count = len(self.reply_edit.toPlainText().strip())
        text = self.tr("%1 / %2 caractères").replace("%1", _count(count))
        text = text.replace("%2", _count(MESSAGE_MAX_CHARS))
        if count > MESSAGE_MAX_CHARS:
            text += " — " + self.tr("trop long, raccourcissez-le")
        self.count_label.setText(text)

    def _update_enabled(self) -> None:
        conv = self.conversation
        online = self._profile is not None
        self.refresh_button.setEnabled(online)
        open_ = conv is not None and not conv.closed
        self.reply_edit.setEnabled(open_)
        self.send_button.setEnabled(open_)
        self.attach_button.setEnabled(open_)
        self.detach_button.setEnabled(open_ and self.attached is not None)
        has_files = conv is not None and any(m.attachment is not None and not m.pending for m in self.messages)
        for box in (self.attachment_choice, self.category_choice, self.save_button):
            box.setEnabled(has_files)
        self.close_button.setEnabled(open_)
        for button in (self.archive_button, self.delete_button, self.block_button):
            button.setEnabled(conv is not None)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Messagerie"))
        self.intro.setText(
            self.tr(
                "Les messages que des professionnels de santé vous ont écrits. Seul un professionnel commence une "
                "conversation ; vous y répondez (%1 caractères au plus par message)."
            ).replace("%1", _count(MESSAGE_MAX_CHARS))
        )
        self.authorisation_note.setText(
            self.tr(
                "Un professionnel peut vous écrire sans être autorisé à lire votre dossier. Si vous ne voulez plus "
                "recevoir ses messages, bloquez-le."
            )
        )
        rows = self.model.rowCount()
        if self._profile is None:
            self.status.setText("")
        elif not self._signed_in:  # read online only: say why the list is empty
            self.status.setText(self._failure_text(NotSignedIn()))
        elif self._note:
            self.status.setText(self._note)
        elif self._pending_note:
            self.status.setText(
                self.tr("Votre réponse est en attente d'envoi : la synchronisation l'envoie dès que le service répond.")
            )
        elif any(c.kept for c in self._convs):
            self.status.setText(
                self.tr(
                    "Hors ligne : les conversations gardées sur cet ordinateur. Les nouveaux messages arriveront au "
                    "retour du service."
                )
            )
        else:
            self.status.setText(
                self.tr("%n conversation(s), %1 message(s) non lu(s).", "", rows).replace("%1", str(self.unread.value))
            )
        conv = self.conversation
        self.thread_title.setText(
            self.tr("%1 — %2").replace("%1", conv.subject).replace("%2", conv.professional_name)
            if conv is not None
            else self.tr("Choisissez une conversation (Entrée) pour la lire.")
        )
        self.refresh_button.setText(self.tr("&Actualiser"))
        describe(
            self.refresh_button,
            self.tr("Actualiser"),
            self.tr("Envoyer les réponses en attente et relire la liste."),
        )
        self.send_button.setText(self.tr("&Envoyer"))
        describe(self.send_button, self.tr("Envoyer"), self.tr("Ctrl+Entrée dans la zone de réponse."))
        self.close_button.setText(self.tr("C&lore la conversation"))
        self.archive_button.setText(self.tr("A&rchiver"))
        self.delete_button.setText(self.tr("&Supprimer de ma vue"))
        self.block_button.setText(self.tr("&Bloquer cet expéditeur"))
        limit = _count(ATTACHMENT_MAX_BYTES // (1024 * 1024))
        self.attach_button.setText(self.tr("&Joindre un fichier…"))
        describe(
            self.attach_button,
            self.tr("Joindre un fichier"),
            self.tr("Un document de %1 Mo au plus (PDF, image, texte), envoyé avec votre réponse.").replace(
                "%1", limit
            ),
        )
        self.detach_button.setText(self.tr("Re&tirer la pièce jointe"))
        describe(self.detach_button, self.tr("Retirer la pièce jointe"))
        self.attached_label.setText(
            self.tr("Pièce jointe : %1 (%2)")
            .replace("%1", self.attached[1])
            .replace("%2", _size(len(self.attached[0])))
            if self.attached is not None
            else self.tr("Aucune pièce jointe (%1 Mo au plus).").replace("%1", limit)
        )
        self.save_button.setText(self.tr("Enregistrer dans &mes documents"))
        describe(
            self.save_button,
            self.tr("Enregistrer dans mes documents"),
            self.tr("La pièce jointe choisie rejoint vos documents, dans la catégorie choisie, liée à son message."),
        )
        describe(self.attachment_choice, self.tr("Pièces jointes de la conversation"))
        describe(self.category_choice, self.tr("Catégorie du document"))
        current = self.category_choice.currentData() or "autre"
        self.category_choice.clear()
        for cid in DOCUMENT_CATEGORIES:
            self.category_choice.addItem(category_label(cid), cid)
        self.category_choice.setCurrentIndex(max(0, self.category_choice.findData(current)))
        for button in (self.close_button, self.archive_button, self.delete_button):
            describe(button, button.text().replace("&", ""))
        describe(self.block_button, self.tr("Bloquer cet expéditeur"), self.authorisation_note.text())
        describe(
            self.table,
            self.tr("Conversations"),
            self.tr("La plus récente d'abord ; Entrée ouvre la conversation."),
        )
        describe(self.thread_view, self.tr("Fil de la conversation"), self.tr("Du premier message au dernier."))
        describe(
            self.reply_edit,
            self.tr("Votre réponse"),
            self.tr("%1 caractères au plus. Ctrl+Entrée pour envoyer.").replace("%1", _count(MESSAGE_MAX_CHARS)),
        )
        self.reply_edit.setPlaceholderText(self.tr("Votre réponse…"))
        self._update_count()
        self._render_thread()
        self.model.retranslate()
