"""Messagerie of the clinic workstation, for the opened patient: the professional's conversations with them, the
chosen thread, a reply box, and « Nouveau message au patient » (an object and a first message).

Every call goes through the engine (desktop_app.clinic_messages) on the worker. Offline, the threads read before are
shown from the day's copy and what is written waits in the outbox of the professional's profile: « sera envoyé dès
la reconnexion »; the next refresh sends it, once. Refusals (empty, too long, a patient who blocked the
professional) are said in a sentence beside the field, and the text stays in the box.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clinic_messages
from desktop_app.clinic_messages import Conversation, FlushReport, Message, Queued
from desktop_app.errors import CarnetError
from desktop_app.sync.http import SyncOffline
from dossier.errors import DossierValidationError
from dossier.messages import (
    ATTACHMENT_MAX_BYTES,
    MESSAGE_MAX_CHARS,
    SUBJECT_MAX_CHARS,
    check_attachment,
    check_message_text,
    check_subject,
)
from dossier.sync_protocol import Entity
from ui.formatting import format_datetime, locale
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import describe, error_label, label, show_error

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.changes import StoreChange
    from desktop_app.profile import UnlockedProfile

CONVERSATION_ROLE = Qt.ItemDataRole.UserRole


class ClinicMessagesDialog(QDialog):
    """The opened patient's conversations with this professional (list on top, thread, then the writing box)."""

    def __init__(
        self,
        profile: UnlockedProfile,
        dossier_id: str,
        patient_name: str,
        parent: QWidget | None = None,
        *,
        chooser: Callable[[QWidget], Path | None] | None = None,
        sync_now: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile, self.dossier_id, self.patient_name = profile, dossier_id, patient_name
        self.chooser = chooser
        self.sync_now = sync_now
        """The window's background sync, run now by « Actualiser » (sends what waits, brings what is new)."""
        self.attached: tuple[bytes, str] | None = None
        """The document joined to the reply being written (its bytes, its name), checked when chosen."""
        self.conversations: list[Conversation] = []
        self.conversation: Conversation | None = None
        self.messages: list[Message] = []
        self.busy = False
        self._note = ""
        """What became of the last message sent, said again after the refresh that follows it."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Messagerie — %1").replace("%1", patient_name))
        self.setAccessibleName(self.windowTitle())
        self.title = label("heading")
        self.title.setText(self.tr("Messagerie avec %1").replace("%1", patient_name))
        self.intro = label("muted")
        self.intro.setText(
            self.tr(
                "Vos conversations avec ce patient. Hors ligne, ce que vous écrivez est gardé sur ce poste "
                "et sera envoyé dès la reconnexion."
            )
        )
        self.status = label("muted")
        self.error = error_label()

        self.list = QListWidget()
        self.list.setFixedHeight(110)
        describe(self.list, self.tr("Conversations"), self.tr("Entrée ouvre la conversation choisie."))
        self.list.currentItemChanged.connect(lambda item, _before: self._chosen(item))
        list_caption = label(buddy=self.list)
        list_caption.setText(self.tr("&Conversations"))
        self.new_button = QPushButton(self.tr("&Nouveau message au patient"))
        describe(
            self.new_button,
            self.tr("Nouveau message au patient"),
            self.tr("Commencer une conversation : un objet et un premier message."),
        )
        self.new_button.clicked.connect(self.new_conversation)
        self.refresh_button = QPushButton(self.tr("&Actualiser"))
        describe(self.refresh_button, self.tr("Actualiser"), self.tr("Envoyer ce qui attend et relire les messages."))
        self.refresh_button.clicked.connect(self.on_refresh_clicked)

        self.thread_title = label("subtitle")
        self.thread_view = QTextBrowser()
        self.thread_view.setOpenLinks(False)
        describe(
            self.thread_view, self.tr("Fil de la conversation"), self.tr("Les messages, du plus ancien au dernier.")
        )

        self.subject = QLineEdit()
        self.subject.setMaxLength(SUBJECT_MAX_CHARS)
        describe(self.subject, self.tr("Objet"), self.tr("L'objet de la nouvelle conversation."))
        self.subject_caption = label(buddy=self.subject)
        self.subject_caption.setText(self.tr("&Objet :"))
        self.subject_error = error_label()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        self.text.textChanged.connect(self._update_count)
        self.text_caption = label(buddy=self.text)
        self.count = label("muted")
        self.text_error = error_label()
        self.send_button = QPushButton(self.tr("&Envoyer"))
        describe(self.send_button, self.tr("Envoyer"), self.tr("Envoyer le message (Ctrl+Entrée)."))
        self.send_button.clicked.connect(self.send)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.send)
        self.attach_button = QPushButton(self.tr("&Joindre un document…"))
        mib = ATTACHMENT_MAX_BYTES // (1024 * 1024)
        describe(
            self.attach_button,
            self.tr("Joindre un document"),
            self.tr("Un fichier de %1 Mo au plus joint à la réponse.").replace("%1", str(mib)),
        )
        self.attach_button.clicked.connect(self.choose_attachment)
        self.attach_button.setVisible(chooser is not None)
        self.attachment_label = label("muted")
        self.detach_button = QPushButton(self.tr("Re&tirer la pièce jointe"))
        describe(self.detach_button, self.tr("Retirer la pièce jointe"), self.tr("La réponse partira sans document."))
        self.detach_button.clicked.connect(lambda: self._set_attached(None))
        self.close_button = QPushButton(self.tr("&Fermer"))
        describe(self.close_button, self.tr("Fermer"), self.tr("Fermer la messagerie."))
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(list_caption, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        subject_row = QHBoxLayout()
        subject_row.addWidget(self.subject_caption)
        subject_row.addWidget(self.subject, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)
        box = QVBoxLayout(self)
        for widget in (self.title, self.intro, self.status, self.error):
            box.addWidget(widget)
        box.addLayout(top)
        box.addWidget(self.list)
        box.addWidget(self.thread_title)
        box.addWidget(self.thread_view, 1)
        box.addLayout(subject_row)
        box.addWidget(self.subject_error)
        box.addWidget(self.text_caption)
        box.addWidget(self.text)
        box.addWidget(self.text_error)
        attached_row = QHBoxLayout()
        attached_row.addWidget(self.attachment_label, 1)
        attached_row.addWidget(self.detach_button)
        box.addLayout(attached_row)
        box.addLayout(buttons)
        self.resize(720, 680)
        self._set_attached(None)
        self.new_conversation()
        self._update_count()
        self.refresh()

    # -- what is shown -----------------------------------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> str:
        if isinstance(exc, SyncOffline):
            return self.tr("Hors ligne : aucune conversation avec ce patient n'est gardée sur ce poste.")
        if isinstance(exc, DossierValidationError):  # the sentence alone: the field is beside it
            return " ".join(issue.message(current_language()) for issue in exc.issues)
        if isinstance(exc, CarnetError):
            return exc.message(current_language())
        return self.tr("Une erreur est survenue ; rien n'est perdu, réessayez.")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.send_button, self.refresh_button, self.new_button):
            button.setEnabled(not busy)

    def _update_count(self) -> None:
        size = len(self.text.toPlainText().strip())
        text = self.tr("%1 / %2 caractères").replace("%1", locale().toString(size))
        self.count.setText(text.replace("%2", locale().toString(MESSAGE_MAX_CHARS)))

    def _waiting_status(self, report: FlushReport) -> str:
        parts = []
        if report.waiting:
            parts.append(
                self.tr("%1 message(s) en attente : ils seront envoyés dès la reconnexion.").replace(
                    "%1", str(report.waiting)
                )
            )
        return " ".join(parts)

    def new_conversation(self) -> None:
        """« Nouveau message au patient »: the writing box starts a conversation (an object is asked)."""
        self.conversation = None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.thread_title.setText(self.tr("Nouveau message à %1").replace("%1", self.patient_name))
        self.thread_view.clear()
        self.subject_caption.setVisible(True)
        self.subject.setVisible(True)
        self.attach_button.setEnabled(True)  # a document may go with the first message too
        self._set_attached(None)
        self.text_caption.setText(self.tr("&Message :"))
        describe(self.text, self.tr("Message"), self.tr("%1 caractères au plus.").replace("%1", str(MESSAGE_MAX_CHARS)))
        self.subject.setFocus()

    def _reply_mode(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.subject_caption.setVisible(False)
        self.subject.setVisible(False)
        self.attach_button.setEnabled(True)
        show_error(self.subject_error, "")
        self.thread_title.setText(conversation.subject)
        self.text_caption.setText(self.tr("&Réponse :"))
        describe(self.text, self.tr("Réponse"), self.tr("%1 caractères au plus.").replace("%1", str(MESSAGE_MAX_CHARS)))

    def _set_attached(self, attached: tuple[bytes, str] | None) -> None:
        self.attached = attached
        if attached is None:
            self.attachment_label.setText("")
        else:
            size = locale().toString(max(1, round(len(attached[0]) / 1024)))
            text = self.tr("Pièce jointe : %1 (%2 Ko)").replace("%1", attached[1]).replace("%2", size)
            self.attachment_label.setText(text)
        self.detach_button.setVisible(attached is not None)

    def choose_attachment(self) -> None:
        """« Joindre un document… »: checked at once (size, a format Documents accepts); refused in a sentence."""
        path = self.chooser(self) if self.chooser is not None else None
        if path is None:
            return
        show_error(self.text_error, "")
        try:
            content = path.read_bytes()
            _format, name = check_attachment(content, path.name)
        except DossierValidationError as exc:
            show_error(self.text_error, self._fail(exc))
            return
        except OSError:
            show_error(self.text_error, self.tr("Ce fichier ne peut pas être lu."))
            return
        self._set_attached((content, name))
        self.text.setFocus()

    def on_refresh_clicked(self) -> None:
        """« Actualiser »: the sync runs now; what it brings refreshes this dialog through its change events."""
        if self.sync_now is not None:
            self.sync_now()
        self.refresh()

    def on_store_changed(self, change: StoreChange) -> None:
        """A pull or a push's answer changed this patient's conversations (or something was written here)."""
        if change.dossier_id != self.dossier_id:
            return
        if change.touches(Entity.MESSAGE) or change.touches(Entity.CONVERSATION):
            self.refresh(quiet=True)

    def refresh(self, select: str | None = None, *, quiet: bool = False) -> None:
        """List this patient's conversations again from the day's copy (or online when not held here). ``quiet``
        (a change event's refresh): the buttons stay usable meanwhile, a reply being sent is never held up."""
        chosen = select or (self.conversation.id if self.conversation is not None else None)
        if not quiet:
            self._set_busy(True)

        def shown(result: tuple[list[Conversation], FlushReport]) -> None:
            if not quiet:
                self._set_busy(False)
            conversations, report = result
            self.conversations = conversations
            self.status.setText(self._waiting_status(report) or self._note)
            self._note = ""
            self.list.blockSignals(True)
            self.list.clear()
            for c in conversations:
                item = QListWidgetItem(self._line(c))
                item.setData(CONVERSATION_ROLE, c.id)
                self.list.addItem(item)
            self.list.blockSignals(False)
            if not conversations:
                self.status.setText(self.tr("Aucune conversation avec ce patient : écrivez-lui un premier message."))
            ids = [c.id for c in conversations]
            if chosen in ids:
                self.list.setCurrentRow(ids.index(chosen))
            elif self.conversation is not None or chosen is not None:
                self.new_conversation()

        def failed(exc: BaseException) -> None:
            if not quiet:
                self._set_busy(False)
            show_error(self.error, self._fail(exc))

        Op(self, lambda: clinic_messages.conversations(self.profile, dossier_id=self.dossier_id)).success(
            shown
        ).failure(failed).run()

    def _line(self, c: Conversation) -> str:
        line = f"{c.subject} — {format_datetime(c.last_message_at)}"
        if c.unread:
            line += " — " + self.tr("%1 non lu(s)").replace("%1", str(c.unread))
        if c.closed:
            line += " — " + self.tr("close")
        return line

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        found = [c for c in self.conversations if c.id == item.data(CONVERSATION_ROLE)]
        if found:
            self.open_conversation(found[0])

    def open_conversation(self, conversation: Conversation) -> None:
        self._reply_mode(conversation)

        def shown(result: tuple[Conversation, list[Message]]) -> None:
            if self.conversation is None or self.conversation.id != conversation.id:
                return  # another one was chosen meanwhile
            self.conversation, self.messages = result
            self._render()

        def failed(exc: BaseException) -> None:
            show_error(self.error, self._fail(exc))

        Op(self, lambda: clinic_messages.thread(self.profile, conversation)).success(shown).failure(failed).run()

    def _render(self) -> None:
        parts = []
        for m in self.messages:
            who = self.tr("Vous") if m.mine else self.patient_name
            when = format_datetime(m.sent_at) if m.sent_at is not None else self.tr("en attente d'envoi")
            body = html.escape(m.text).replace("\n", "<br>")
            if m.attachment is not None:
                body += "<br>" + html.escape(self.tr("Pièce jointe : %1").replace("%1", m.attachment.filename))
            parts.append(f"<p><b>{html.escape(who)}</b> · {html.escape(when)}<br>{body}</p>")
        self.thread_view.setHtml("".join(parts))
        self.thread_view.verticalScrollBar().setValue(self.thread_view.verticalScrollBar().maximum())

    # -- writing -----------------------------------------------------------------------------------------------------
    def send(self) -> None:
        """Check here first (empty, too long: said beside the field, nothing kept); then start or reply."""
        if self.busy:
            return
        show_error(self.error, "")
        show_error(self.subject_error, "")
        show_error(self.text_error, "")
        conversation, raw_subject, raw_text = self.conversation, self.subject.text(), self.text.toPlainText()
        attached = self.attached
        try:
            if conversation is None:
                check_subject(raw_subject)
        except DossierValidationError as exc:
            show_error(self.subject_error, self._fail(exc), field=self.subject)
            self.subject.setFocus()
            return
        try:
            check_message_text(raw_text)
        except DossierValidationError as exc:
            show_error(self.text_error, self._fail(exc), field=self.text)
            self.text.setFocus()
            return
        self._set_busy(True)

        def work() -> tuple[str, Message | Queued]:
            if conversation is None:
                return clinic_messages.start(
                    self.profile,
                    self.dossier_id,
                    raw_subject,
                    raw_text,
                    patient_name=self.patient_name,
                    attachment=attached,
                )
            return conversation.id, clinic_messages.reply(self.profile, conversation.id, raw_text, attachment=attached)

        def done(result: tuple[str, Message | Queued]) -> None:
            self._set_busy(False)
            conv_id, outcome = result
            self.text.clear()
            self.subject.clear()
            self._set_attached(None)
            if isinstance(outcome, Queued):
                self._note = self.tr("Message gardé sur ce poste : la synchronisation l'envoie (dès la reconnexion).")
            else:
                self._note = self.tr("Message envoyé.")
            self.status.setText(self._note)
            self.refresh(select=conv_id)
            self.text.setFocus()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)  # the text stays in the box: nothing written is lost
            field = exc.issues[0].field if isinstance(exc, DossierValidationError) and exc.issues else ""
            target = self.subject_error if field == "subject" else self.text_error
            show_error(target, self._fail(exc), field=self.subject if field == "subject" else self.text)

        Op(self, work).success(done).failure(failed).run()
