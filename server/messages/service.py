"""The messagerie's rules on stored conversations: every decision is the access policy's (`ask`, audited there).

Ordering is the service's: each message gets the next sequence number of its conversation under the row's lock
(`UPDATE … RETURNING`), never a client's clock. A message's id is the sender's own (client-generated): a resend of
the same message after a cut finds it and returns it, nothing is stored twice. Everything is checked before
anything is written, so a refusal stores nothing (only its audit row).
"""

from __future__ import annotations

import logging
import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dossier import access
from dossier.errors import DossierValidationError
from dossier.messages import ATTACHMENT_MAX_BYTES, check_message_text, check_subject
from server.access import service as access_service
from server.access.models import AidantLink, MessagingAidant, PatientNotification
from server.access.notifications import patient_addresses, professional_name
from server.accounts.dependencies import Principal
from server.accounts.models import Account, AccountStatus, PrincipalKind, Professional
from server.context import ServiceContext
from server.dossiers.models import Dossier
from server.errors import ProblemError, from_validation, not_found
from server.mail import templates
from server.mail.service import MailDeliveryError, mask_address
from server.messages import attachments, feed, uploads
from server.messages.models import Conversation, Message, MessageAttachment
from server.sync import correspondence
from server.sync.models import SyncHead

log = logging.getLogger("carnet.server.messages")

MAX_PAGE = 200
SENDS_PER_MINUTE = 20
"""Messages (starts and replies) one account may send in any 60 seconds; resends of a stored message do not count."""
_WINDOW = timedelta(minutes=1)
NEW_MESSAGE_EVENT = access.NotificationEvent.NEW_MESSAGE.value

_REFUSALS: dict[access.Reason, tuple[str, str]] = {
    access.Reason.CONVERSATION_CLOSED: (
        "Cette conversation est close : on ne peut plus y répondre.",
        "This conversation is closed: no more replies.",
    ),
    access.Reason.PROFESSIONAL_BLOCKED: (
        "Ce patient vous a bloqué : vous ne pouvez pas lui écrire.",
        "This patient blocked you: you cannot write to them.",
    ),
    access.Reason.ONLY_PROFESSIONAL_STARTS: (
        "Seul un professionnel de santé peut commencer une conversation ; répondez dans une conversation existante.",
        "Only a health professional can start a conversation; reply in an existing one.",
    ),
    access.Reason.AIDANT_MESSAGES_NOT_ALLOWED: (
        "La personne aidée ne vous a pas autorisé à voir ses messages.",
        "The person you help has not allowed you to see their messages.",
    ),
}


def _checked(value: str, check: object) -> str:
    try:
        return check(value)  # type: ignore[operator, no-any-return]
    except DossierValidationError as exc:
        raise from_validation(exc) from exc


def _conversation_context(session: Session, dossier_id: uuid.UUID, now: datetime) -> access.Context:
    """The stored access context, with the aidants the patient lets read their conversations."""
    context = access_service.load_access_context(session, dossier_id, now)
    return correspondence.with_messaging_aidants(session, context, dossier_id)


def refusal_words(code: str) -> tuple[str, str] | None:
    """The sentence (fr, en) of a policy refusal the person can act on (closed, blocked…), if it has one."""
    return next((words for reason, words in _REFUSALS.items() if reason.value == code), None)


def target_of(conv: Conversation) -> access.ConversationTarget:
    return access.ConversationTarget(
        access.Rpps(conv.professional_rpps),
        closed=conv.closed_at is not None,
        secret_from_legal_representatives=conv.secret,
    )


def _ask(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    action: access.Action,
    target: access.ConversationTarget,
    what: str,
    now: datetime,
) -> access_service.Asked:
    """The policy's answer (audited by `ask`); a refusal the person can act on gets its own sentence."""
    try:
        return access_service.ask(
            session,
            principal,
            dossier_id=dossier_id,
            action=action,
            target=target,
            what=what,
            now=now,
            context=_conversation_context(session, dossier_id, now),
        )
    except ProblemError as exc:
        sentence = next((words for reason, words in _REFUSALS.items() if reason.value == exc.code), None)
        if sentence is None:
            raise
        raise ProblemError(403, exc.code, *sentence, title="Refused") from exc


def _by_id(session: Session, conversation_id: uuid.UUID) -> Conversation | None:
    """The conversation of this id. Its URL names no dossier, so on PostgreSQL this one lookup probes the id's index
    in every partition (docs/SCALING.md); what follows carries the conversation's dossier id."""
    return session.scalars(select(Conversation).where(Conversation.id == conversation_id)).first()


def _conversation(session: Session, conversation_id: uuid.UUID, *, patient_side: bool) -> Conversation:
    conv = _by_id(session, conversation_id)
    if conv is None or (patient_side and conv.deleted_at is not None):
        raise not_found("Conversation", "Conversation")
    return conv


def _ask_on(
    session: Session, principal: Principal, conv: Conversation, action: access.Action, what: str, now: datetime
) -> access_service.Asked:
    return _ask(
        session, principal, dossier_id=conv.dossier_id, action=action, target=target_of(conv), what=what, now=now
    )


def _open(
    session: Session, principal: Principal, conversation_id: uuid.UUID, action: access.Action, what: str, now: datetime
) -> tuple[Conversation, access_service.Asked]:
    """The conversation and the policy's answer for the caller's action on it (404 when not in their view)."""
    conv = _conversation(session, conversation_id, patient_side=not _is_professional(principal))
    return conv, _ask_on(session, principal, conv, action, what, now)


def _is_professional(principal: Principal) -> bool:
    return principal.kind == PrincipalKind.PROFESSIONAL


def _append(
    session: Session,
    conv: Conversation,
    *,
    message_id: uuid.UUID,
    role: str,
    sender_id: uuid.UUID,
    text: str,
    now: datetime,
) -> Message:
    """The next message of the conversation, numbered under the conversation row's lock."""
    seq = session.execute(
        update(Conversation)
        .where(Conversation.dossier_id == conv.dossier_id, Conversation.id == conv.id)
        .values(last_seq=Conversation.last_seq + 1, last_message_at=now)
        .returning(Conversation.last_seq)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    message = Message(
        dossier_id=conv.dossier_id,
        id=message_id,
        conversation_id=conv.id,
        seq=seq,
        sender_role=role,
        sender_id=sender_id,
        body=text,
        sent_at=now,
    )
    session.add(message)
    session.flush()
    session.refresh(conv)
    if role == "professional":
        conv.professional_read_seq = seq
        conv.archived_at = None  # a new message brings the conversation back into the patient's view
        conv.deleted_at = None
    else:
        conv.patient_read_seq = seq
    return message


def _same_resend(
    session: Session,
    dossier_id: uuid.UUID,
    message_id: uuid.UUID,
    conv_id: uuid.UUID,
    sender: uuid.UUID,
    text: str,
    attachment_id: uuid.UUID | None = None,
) -> Message | None:
    """The message already stored under this id in the dossier when this is its resend; 409 when the id is someone
    else's (ids are unique per dossier: the key of the partitioned table)."""
    existing = session.scalars(
        select(Message).where(Message.dossier_id == dossier_id, Message.id == message_id)
    ).first()
    if existing is None:
        return None
    attached = session.scalar(select(MessageAttachment.id).where(MessageAttachment.message_id == existing.id))
    same = (existing.conversation_id, existing.sender_id, existing.body, attached) == (
        conv_id,
        sender,
        text,
        attachment_id,
    )
    if same:
        return existing
    raise ProblemError(
        409,
        "message_id_in_use",
        "Cet identifiant de message est déjà pris par un autre message : le vôtre n'a pas été enregistré.",
        "This message id is already used by another message: yours was not stored.",
    )


def _seconds_to_wait(session: Session, moments: Select[Any], now: datetime) -> int:
    """0 when fewer than SENDS_PER_MINUTE of these moments fall in the last minute, else the seconds until the
    oldest of them leaves it (at most SENDS_PER_MINUTE rows are read)."""
    recent: list[datetime] = list(
        session.scalars(moments.order_by(moments.selected_columns[0]).limit(SENDS_PER_MINUTE))
    )
    if len(recent) < SENDS_PER_MINUTE:
        return 0
    return max(1, math.ceil((recent[0] + _WINDOW - now).total_seconds()))


def check_send_rate(session: Session, sender_id: uuid.UUID, now: datetime) -> None:
    """429 with `Retry-After` and a sentence saying when to retry, past SENDS_PER_MINUTE in the last minute."""
    recent = select(Message.sent_at).where(Message.sender_id == sender_id, Message.sent_at > now - _WINDOW)
    seconds = _seconds_to_wait(session, recent, now)
    if seconds:
        raise ProblemError(
            429,
            "messages_rate_limited",
            f"Vous avez envoyé {SENDS_PER_MINUTE} messages en une minute : attendez {seconds} seconde(s) avant "
            "d'envoyer le suivant.",
            f"You sent {SENDS_PER_MINUTE} messages within a minute: wait {seconds} second(s) before sending the "
            "next one.",
            title="Too many messages",
            headers={"Retry-After": str(seconds)},
        )


def check_upload_rate(session: Session, uploader_id: uuid.UUID, now: datetime) -> None:
    """The same allowance for attachments received (sent or not): nobody fills the disk with staged files."""
    recent = select(MessageAttachment.created_at).where(
        MessageAttachment.uploader_id == uploader_id, MessageAttachment.created_at > now - _WINDOW
    )
    seconds = _seconds_to_wait(session, recent, now)
    if seconds:
        raise ProblemError(
            429,
            "attachments_rate_limited",
            f"Vous avez joint {SENDS_PER_MINUTE} fichiers en une minute : attendez {seconds} seconde(s) avant "
            "d'en joindre un autre.",
            f"You attached {SENDS_PER_MINUTE} files within a minute: wait {seconds} second(s) before attaching "
            "another one.",
            title="Too many attachments",
            headers={"Retry-After": str(seconds)},
        )


def _staged_attachment(
    session: Session, conv: Conversation, sender_id: uuid.UUID, attachment_id: uuid.UUID | None
) -> MessageAttachment | None:
    """The attachment a new message names: uploaded by the sender in this conversation, not sent with another."""
    if attachment_id is None:
        return None
    row = session.get(MessageAttachment, attachment_id)
    if row is None or row.conversation_id != conv.id or row.uploader_id != sender_id or row.message_id is not None:
        raise attachments.attachment_unknown()
    return row


# -- notifications -----------------------------------------------------------------------------------------------


def _holder_address(session: Session, dossier_id: uuid.UUID) -> list[str]:
    own = session.scalars(
        select(Account.email).where(Account.dossier_id == dossier_id, Account.status == AccountStatus.ACTIVE)
    ).first()
    return [own] if own else []


def notify_new_message(
    session: Session, ctx: ServiceContext, *, conv: Conversation, decision: access.Decision, pro: Professional
) -> None:
    """In-app notification and an e-mail that says only « vous avez un nouveau message » (never the content).

    A minor's secret conversation (Recipient.HOLDER) is mailed to the minor only, and gets no row in the dossier's
    notification feed, which their legal representatives read."""
    now = ctx.now()
    for wanted in decision.notify:
        if wanted.event is not access.NotificationEvent.NEW_MESSAGE:
            continue
        holder_only = wanted.recipient is access.Recipient.HOLDER
        addresses = (
            _holder_address(session, conv.dossier_id) if holder_only else patient_addresses(session, conv.dossier_id)
        )
        delivered = True
        for address in addresses:
            mail = templates.notice(
                to=address,
                subject_fr="nouveau message",
                text_fr="Vous avez un nouveau message.",
                text_en="You have a new message.",
            )
            try:
                ctx.mailer.send(mail)
            except MailDeliveryError:
                delivered = False
                log.warning("new message notice not mailed to %s", mask_address(address))
        if not holder_only:
            session.add(
                PatientNotification(
                    dossier_id=conv.dossier_id,
                    event=NEW_MESSAGE_EVENT,
                    at=now,
                    actor_rpps=pro.rpps,
                    actor_name=professional_name(pro)[:420],
                    detail=None,
                    mailed_at=now if delivered else None,
                )
            )


# -- the operations ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sent:
    conversation: Conversation
    message: Message


def start(
    session: Session,
    ctx: ServiceContext,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    dossier_id: uuid.UUID | None,
    ins: str | None,
    subject: str,
    secret: bool,
    message_id: uuid.UUID,
    text: str,
    attachment_id: uuid.UUID | None = None,
    head: SyncHead | None = None,
) -> Sent:
    """A professional starts a conversation with its first message (idempotent on both ids), with an attachment
    uploaded whole beforehand if any (`begin_upload` with the dossier). ``head``: the dossier's head a sync push
    holds (else it is locked here); the conversation and its message go into the dossier's sync feed."""
    now = ctx.now()
    text, subject = _checked(text, check_message_text), _checked(subject, check_subject)
    if (dossier_id is None) == (ins is None):
        raise ProblemError(
            422,
            "patient_required",
            "Indiquez le patient : son dossier ou son INS (l'un des deux).",
            "Name the patient: their dossier or their INS (one of the two).",
        )
    dossier = access_service.dossier_by_ins(session, ins) if ins is not None else None
    if dossier is None:
        assert dossier_id is not None
        dossier = access_service.require_active_dossier(session, dossier_id)
    pro = access_service.professional_of(session, principal)
    existing = _by_id(session, conversation_id)
    if existing is not None:
        first = session.scalars(
            select(Message).where(
                Message.dossier_id == existing.dossier_id, Message.conversation_id == existing.id, Message.seq == 1
            )
        ).one()
        if existing.professional_rpps == pro.rpps and existing.dossier_id == dossier.id and first.id == message_id:
            return Sent(existing, first)
        raise ProblemError(
            409,
            "conversation_id_in_use",
            "Cet identifiant de conversation est déjà pris.",
            "This conversation id is already used.",
        )
    _same_resend(session, dossier.id, message_id, conversation_id, principal.id, text)  # an id reused elsewhere: 409
    staged = None
    if attachment_id is not None:  # uploaded first (uploads.begin with the dossier), whole: else 422, nothing kept
        staged = uploads.staged_for_start(principal, conversation_id, attachment_id, ctx.settings.blob_root)
        if staged.dossier_id != str(dossier.id):
            raise attachments.attachment_unknown()
    check_send_rate(session, principal.id, now)
    target = access.ConversationTarget(access.Rpps(pro.rpps), secret_from_legal_representatives=secret)
    asked = _ask(
        session,
        principal,
        dossier_id=dossier.id,
        action=access.Action.START,
        target=target,
        what="message.start",
        now=now,
    )
    head = feed.lock(session, dossier.id, head)
    conv = Conversation(
        id=conversation_id,
        dossier_id=dossier.id,
        professional_rpps=pro.rpps,
        subject=subject,
        secret=secret,
        created_at=now,
        last_seq=0,
        last_message_at=now,
        patient_read_seq=0,
        professional_read_seq=0,
    )
    session.add(conv)
    session.flush()
    message = _append(
        session, conv, message_id=message_id, role="professional", sender_id=principal.id, text=text, now=now
    )
    attachment = None
    if staged is not None and attachment_id is not None:
        attachment = uploads.adopt(session, staged, attachment_id, message.id, ctx.settings.blob_root, now)
    feed.publish(session, head, conv, message=message, attachment=attachment, now=now)
    notify_new_message(session, ctx, conv=conv, decision=asked.decision, pro=pro)
    return Sent(conv, message)


def send(
    session: Session,
    ctx: ServiceContext,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    text: str,
    attachment_id: uuid.UUID | None = None,
    head: SyncHead | None = None,
) -> Sent:
    """A reply in a conversation, with the attachment uploaded for it if any; its resend (same id, text, sender
    and attachment) returns the stored message. Past SENDS_PER_MINUTE: 429, nothing stored. ``head``: see
    ``start``."""
    now = ctx.now()
    text = _checked(text, check_message_text)
    pro_side = _is_professional(principal)
    conv = _conversation(session, conversation_id, patient_side=not pro_side)
    again = _same_resend(session, conv.dossier_id, message_id, conv.id, principal.id, text, attachment_id)
    if again is not None:
        return Sent(conv, again)
    asked = _ask_on(session, principal, conv, access.Action.ADD, "message.send", now)
    check_send_rate(session, principal.id, now)
    attachment = _staged_attachment(session, conv, principal.id, attachment_id)
    role = access_service.role_of(asked.actor)
    pushed = head is not None
    head = feed.lock(session, conv.dossier_id, head)
    try:
        message = _append(session, conv, message_id=message_id, role=role, sender_id=principal.id, text=text, now=now)
        if attachment is not None:
            attachment.message_id = message.id
            session.flush()
    except IntegrityError:  # the same send, resent while the first was still being stored, got there first
        if pushed:
            raise  # a push's savepoint undoes it (`server/messages/sync.py`); its batch goes on
        session.rollback()
        again = _same_resend(session, conv.dossier_id, message_id, conv.id, principal.id, text, attachment_id)
        if again is None:
            raise
        return Sent(_conversation(session, conv.id, patient_side=False), again)
    feed.publish(session, head, conv, message=message, attachment=attachment, now=now)
    if pro_side:
        notify_new_message(
            session, ctx, conv=conv, decision=asked.decision, pro=access_service.professional_of(session, principal)
        )
    return Sent(conv, message)


def read(
    session: Session, principal: Principal, *, conversation_id: uuid.UUID, after_seq: int, limit: int, now: datetime
) -> tuple[Conversation, list[Message]]:
    """The conversation's messages after ``after_seq``, in the service's order (audited unless the holder reads)."""
    conv, _ = _open(session, principal, conversation_id, access.Action.READ, "message.read", now)
    rows = session.scalars(
        select(Message)
        .where(Message.dossier_id == conv.dossier_id, Message.conversation_id == conv.id, Message.seq > after_seq)
        .order_by(Message.seq)
        .limit(limit)
    )
    return conv, list(rows)


def attachments_of(session: Session, messages: list[Message]) -> dict[uuid.UUID, MessageAttachment]:
    """The attachment of each of these messages that has one, by message id (one query)."""
    ids = [m.id for m in messages]
    if not ids:
        return {}
    rows = session.scalars(select(MessageAttachment).where(MessageAttachment.message_id.in_(ids)))
    return {row.message_id: row for row in rows if row.message_id is not None}


def upload(
    session: Session,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    content: bytes,
    filename: str,
    data_dir: Path,
    now: datetime,
) -> MessageAttachment:
    """Keep an attachment for the caller's next message in the conversation: the caller must be allowed to write
    there (closed, blocked: refused before any byte is kept); bad size or format: 422, nothing kept."""
    conv, _ = _open(session, principal, conversation_id, access.Action.ADD, "message.attach", now)
    known = session.get(MessageAttachment, attachment_id)
    if known is None:  # the same upload again is not a new one
        check_upload_rate(session, principal.id, now)
    return attachments.store(
        session,
        data_dir,
        dossier_id=conv.dossier_id,
        conversation_id=conv.id,
        attachment_id=attachment_id,
        uploader_id=principal.id,
        content=content,
        filename=filename,
        now=now,
    )


def begin_upload(
    session: Session,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    sha256: str,
    size: int,
    filename: str,
    data_dir: Path,
    now: datetime,
    dossier_id: uuid.UUID | None = None,
) -> int | None:
    """Open the resumable upload of an attachment for the caller's next message in the conversation (see
    server.messages.uploads): the offset to send from, None when the file is already here. The same policy as
    any writing there (closed, blocked: refused), over the size limit: 413, both before any byte is kept. For the
    first message of a conversation not started yet, ``dossier_id`` names the patient and the right to start a
    conversation there is asked instead."""
    if size > ATTACHMENT_MAX_BYTES:
        raise uploads.too_large(size)
    if dossier_id is not None and _is_professional(principal) and _by_id(session, conversation_id) is None:
        # The first message's attachment, before the conversation exists: the right to start one there.
        pro = access_service.professional_of(session, principal)
        target = access.ConversationTarget(access.Rpps(pro.rpps), secret_from_legal_representatives=False)
        dossier = access_service.require_active_dossier(session, dossier_id)
        _ask(
            session,
            principal,
            dossier_id=dossier.id,
            action=access.Action.START,
            target=target,
            what="message.attach",
            now=now,
        )
    else:
        conv, _ = _open(session, principal, conversation_id, access.Action.ADD, "message.attach", now)
        dossier_id = conv.dossier_id
    if session.get(MessageAttachment, attachment_id) is None and uploads.offset(data_dir, attachment_id) == 0:
        check_upload_rate(session, principal.id, now)
    return uploads.begin(
        session,
        principal,
        conversation_id,
        dossier_id,
        attachment_id=attachment_id,
        sha256=sha256,
        size=size,
        filename=filename,
        data_dir=data_dir,
    )


def download(
    session: Session,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    data_dir: Path,
    now: datetime,
) -> tuple[MessageAttachment, bytes]:
    """An attachment's clear bytes, for whoever may read the conversation (audited like any read but the holder's);
    a staged attachment only for its uploader."""
    conv, _ = _open(session, principal, conversation_id, access.Action.READ, "message.attachment.read", now)
    row = session.get(MessageAttachment, attachment_id)
    if row is None or row.conversation_id != conv.id or (row.message_id is None and row.uploader_id != principal.id):
        raise not_found("Pièce jointe", "Attachment")
    return row, attachments.read(data_dir, row)


def mark_read(
    session: Session,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    up_to_seq: int,
    now: datetime,
    head: SyncHead | None = None,
) -> Conversation:
    """Move the caller's side's read mark forward (never back); an aidant's reading marks nothing. A mark that
    moved is a new version of the conversation's record (``head``: see ``start``)."""
    pro_side = _is_professional(principal)
    conv, asked = _open(session, principal, conversation_id, access.Action.READ, "message.mark_read", now)
    head = feed.lock(session, conv.dossier_id, head)
    session.refresh(conv)  # read under the head's lock: a message stored meanwhile is counted
    before = (conv.professional_read_seq, conv.patient_read_seq)
    mark = min(up_to_seq, conv.last_seq)
    if pro_side:
        conv.professional_read_seq = max(conv.professional_read_seq, mark)
    elif not isinstance(asked.actor, access.Aidant):
        conv.patient_read_seq = max(conv.patient_read_seq, mark)
    if (conv.professional_read_seq, conv.patient_read_seq) != before:
        feed.publish(session, head, conv, now=now)
    return conv


_VIEW_ACTIONS = {
    "close": (access.Action.CLOSE, "closed_at"),
    "archive": (access.Action.ARCHIVE, "archived_at"),
    "delete": (access.Action.DELETE, "deleted_at"),
}


def patient_view(
    session: Session,
    principal: Principal,
    *,
    conversation_id: uuid.UUID,
    what: str,
    now: datetime,
    head: SyncHead | None = None,
) -> Conversation:
    """Close, archive or delete from the patient's view (the patient side's acts; idempotent). A change is a new
    version of the conversation's record (``head``: see ``start``)."""
    action, column = _VIEW_ACTIONS[what]
    conv, _ = _open(session, principal, conversation_id, action, f"message.{what}", now)
    if getattr(conv, column) is None:
        head = feed.lock(session, conv.dossier_id, head)
        setattr(conv, column, now)
        session.flush()
        feed.publish(session, head, conv, now=now)
    return conv


@dataclass(frozen=True, slots=True)
class Listed:
    conversation: Conversation
    unread: int
    professional_name: str
    patient_name: str
    read_seq: int = 0
    """The caller's side's read mark (every device of the patient shares it)."""
    other_read_seq: int = 0
    """The other side's read mark: the caller's messages up to it have been seen."""


def listed(conv: Conversation, *, pro_side: bool, professional: str, patient: str) -> Listed:
    mine, other = (
        (conv.professional_read_seq, conv.patient_read_seq)
        if pro_side
        else (conv.patient_read_seq, conv.professional_read_seq)
    )
    return Listed(conv, conv.last_seq - mine, professional, patient, mine, other)


def names(session: Session, convs: list[Conversation]) -> tuple[dict[str, str], dict[uuid.UUID, str]]:
    rpps = {c.professional_rpps for c in convs}
    pros = {
        p.rpps: professional_name(p) for p in session.scalars(select(Professional).where(Professional.rpps.in_(rpps)))
    }
    ids = {c.dossier_id for c in convs}
    patients = {
        d.id: f"{d.first_names} {d.last_name}".strip()
        for d in session.scalars(select(Dossier).where(Dossier.id.in_(ids)))
    }
    return pros, patients


def conversations(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID | None,
    archived: bool,
    limit: int,
    offset: int,
    now: datetime,
) -> tuple[list[Listed], int]:
    """A page of the caller's conversations, latest activity first, with the total.

    A professional lists their own correspondence; the patient side lists one dossier's (its own, or ``dossier_id``
    it manages), each conversation filtered by the policy (a minor's secret ones never reach a parent)."""
    query = select(Conversation)
    if _is_professional(principal):
        pro = access_service.professional_of(session, principal)
        query = query.where(Conversation.professional_rpps == pro.rpps)
        readable = None
    else:
        account = session.get(Account, principal.id)
        own = account.dossier_id if account is not None else None
        target_dossier = dossier_id or own
        if target_dossier is None:
            raise not_found("Espace santé", "Health space")
        target_dossier = access_service.managed_dossier_id(session, target_dossier, target_dossier)
        gate = access.ConversationTarget(access.Rpps(""))  # any of the dossier's conversations that is not secret
        asked = _ask(
            session,
            principal,
            dossier_id=target_dossier,
            action=access.Action.READ,
            target=gate,
            what="message.list",
            now=now,
        )
        query = query.where(
            Conversation.dossier_id == target_dossier,
            Conversation.deleted_at.is_(None),
            Conversation.archived_at.is_not(None) if archived else Conversation.archived_at.is_(None),
        )
        if not isinstance(asked.actor, access.Holder):
            query = query.where(Conversation.secret.is_(False))  # the policy's MINOR_SECRET, as a filter
        readable = asked
    total = int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    rows = list(
        session.scalars(
            query.order_by(Conversation.last_message_at.desc(), Conversation.id).limit(limit).offset(offset)
        )
    )
    if readable is not None:  # the policy has the last word on each row
        rows = [
            c
            for c in rows
            if access.decide(
                readable.actor, access.Action.READ, target_of(c), readable.context, matrix=access_service.matrix()
            ).allowed
        ]
    pros, patients = names(session, rows)
    pro_side = _is_professional(principal)
    found = [
        listed(
            c,
            pro_side=pro_side,
            professional=pros.get(c.professional_rpps, c.professional_rpps),
            patient=patients.get(c.dossier_id, ""),
        )
        for c in rows
    ]
    return found, total


def allow_aidant(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    aidant_id: uuid.UUID,
    allowed: bool,
    now: datetime,
) -> None:
    """The patient lets an aidant of theirs read their conversations, or withdraws it (a MANAGE_ACCESS act)."""
    access_service.check_manages(session, principal, dossier_id=dossier_id, what="message.aidant", now=now)
    row = session.get(MessagingAidant, (dossier_id, aidant_id))
    if allowed and row is None:
        if session.get(AidantLink, (dossier_id, aidant_id)) is None:
            raise ProblemError(
                404, "not_an_aidant", "Cette personne n'est pas votre aidant.", "This person is not your aidant."
            )
        session.add(MessagingAidant(dossier_id=dossier_id, aidant_account_id=aidant_id, allowed_at=now))
    elif not allowed and row is not None:
        session.delete(row)
