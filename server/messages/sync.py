"""The messagerie's mutations of the sync push: starting a conversation, sending a message, a read mark, closing,
archiving, deleting from the patient's view — each routed to the messages service's rules, under the head and in the
transaction of the push that carries it.

A mutation's answer is the push's: ``applied`` with the record stored (the message, or the conversation), or
``forbidden`` / ``rejected`` with the service's sentence in French and English (blocked sender, closed conversation,
empty or over-long text, sending limit…). Each runs in a savepoint: a refusal stores nothing of it (its audit row
excepted, written after), and the rest of the batch goes on. A push replayed after a cut gets the ledger's answers
(nothing applied twice); a message id is the sender's own, so the same message pushed again under another mutation
id (a rebuilt outbox) finds the stored one.

Mutations (``changes`` are ``{field: [seen, wanted]}``; only the wanted value is read):

| entity | op | changes | service |
|---|---|---|---|
| conversation | create | subject, secret, message_id, text[, attachment_id] | `start` (a professional) |
| message | create | conversation_id, text[, attachment_id] | `send` |
| conversation | update | read_seq | `mark_read` |
| conversation | update | closed: true / archived: true | `patient_view` close / archive |
| conversation | delete | — | `patient_view` delete |
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dossier import access
from dossier.sync_protocol import Entity, MutationOp, MutationStatus
from server.access import service as access_service
from server.audit.service import record as audit
from server.context import ServiceContext
from server.errors import ProblemError
from server.messages import service
from server.messages.models import Conversation
from server.sync import correspondence
from server.sync import service as sync_service
from server.sync.models import SyncHead, SyncRecord
from server.sync.schemas import MutationIn, MutationResult

_NOT_ALLOWED = ("Vous n'avez pas le droit de faire cette modification.", "You are not allowed to make this change.")


class _Refused(Exception):
    def __init__(self, status: MutationStatus, code: str, fr: str, en: str, audit: str | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.fr, self.en, self.audit = status, code, fr, en, audit


def _wanted(m: MutationIn, name: str, kind: type) -> Any:
    pair = m.changes.get(name)
    value = pair[-1] if isinstance(pair, list) and pair else None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise _Refused(
            MutationStatus.REJECTED,
            "malformed_changes",
            f"Modification mal formée (champ : {name}).",
            f"Malformed change (field: {name}).",
        )
    return value


def _uuid(m: MutationIn, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(_wanted(m, name, str))
    except ValueError as exc:
        raise _Refused(
            MutationStatus.REJECTED, "malformed_changes", f"Identifiant invalide : {name}.", f"Invalid id: {name}."
        ) from exc


def _check_policy(
    session: Session,
    head: SyncHead,
    caller: sync_service.Caller,
    action: access.Action,
    target: access.ConversationTarget,
    context: access.Context,
    what: str,
) -> None:
    """The policy's refusal as the mutation's answer, with its audit action (the messages service's `ask` would
    commit: a push must not). Allowed: the service asks again and audits as it does over REST."""
    context = correspondence.with_messaging_aidants(session, context, head.dossier_id)
    decision = access.decide(caller.actor, action, target, context, matrix=access_service.matrix())
    if decision.allowed:
        return
    fr, en = service.refusal_words(decision.reason.value) or _NOT_ALLOWED
    raise _Refused(MutationStatus.FORBIDDEN, decision.reason.value, fr, en, access_service.audit_action(what, decision))


def _conversation(session: Session, head: SyncHead, conversation_id: uuid.UUID) -> Conversation:
    conv = session.get(Conversation, (head.dossier_id, conversation_id))  # keyed by (dossier, id): migration 1000
    if conv is None:
        raise _Refused(
            MutationStatus.REJECTED,
            "unknown_conversation",
            "Cette conversation n'existe pas dans ce dossier.",
            "This conversation does not exist in this dossier.",
        )
    return conv


_VIEW_CHANGES = {"closed": ("close", access.Action.CLOSE), "archived": ("archive", access.Action.ARCHIVE)}


def _route(
    session: Session,
    ctx: ServiceContext,
    head: SyncHead,
    caller: sync_service.Caller,
    m: MutationIn,
    context: access.Context,
) -> SyncRecord | None:
    """Apply one mutation through the service; the record it is about after it (None: nothing changed)."""
    principal, now = caller.principal, context.now
    if m.entity is Entity.MESSAGE and m.op is MutationOp.CREATE:
        conv = _conversation(session, head, _uuid(m, "conversation_id"))
        _check_policy(session, head, caller, access.Action.ADD, service.target_of(conv), context, "message.send")
        attachment = _uuid(m, "attachment_id") if m.changes.get("attachment_id") else None
        text = _wanted(m, "text", str)
        service.send(
            session,
            ctx,
            principal,
            conversation_id=conv.id,
            message_id=m.entity_id,
            text=text,
            attachment_id=attachment,
            head=head,
        )
    elif m.entity is Entity.CONVERSATION and m.op is MutationOp.CREATE:
        if caller.rpps is None:
            raise _Refused(
                MutationStatus.FORBIDDEN,
                access.Reason.ONLY_PROFESSIONAL_STARTS.value,
                *(service.refusal_words(access.Reason.ONLY_PROFESSIONAL_STARTS.value) or _NOT_ALLOWED),
            )
        secret = bool(m.changes.get("secret")) and _wanted(m, "secret", bool)
        target = access.ConversationTarget(access.Rpps(caller.rpps), secret_from_legal_representatives=secret)
        _check_policy(session, head, caller, access.Action.START, target, context, "message.start")
        service.start(
            session,
            ctx,
            principal,
            conversation_id=m.entity_id,
            dossier_id=head.dossier_id,
            ins=None,
            subject=_wanted(m, "subject", str),
            secret=secret,
            message_id=_uuid(m, "message_id"),
            text=_wanted(m, "text", str),
            attachment_id=_uuid(m, "attachment_id") if m.changes.get("attachment_id") else None,
            head=head,
        )
        return session.get(SyncRecord, (head.dossier_id, m.entity_id))
    elif m.entity is Entity.CONVERSATION and m.op is MutationOp.DELETE:
        conv = _conversation(session, head, m.entity_id)
        _check_policy(session, head, caller, access.Action.DELETE, service.target_of(conv), context, "message.delete")
        service.patient_view(session, principal, conversation_id=conv.id, what="delete", now=now, head=head)
    elif m.entity is Entity.CONVERSATION and m.op is MutationOp.UPDATE and m.changes:
        conv = _conversation(session, head, m.entity_id)
        for name in m.changes:
            if name == "read_seq":
                action = access.Action.READ
                _check_policy(session, head, caller, action, service.target_of(conv), context, "message.mark_read")
                up_to = _wanted(m, "read_seq", int)
                service.mark_read(session, principal, conversation_id=conv.id, up_to_seq=up_to, now=now, head=head)
            elif name in _VIEW_CHANGES and _wanted(m, name, bool):
                what, action = _VIEW_CHANGES[name]
                _check_policy(session, head, caller, action, service.target_of(conv), context, f"message.{what}")
                service.patient_view(session, principal, conversation_id=conv.id, what=what, now=now, head=head)
            else:
                raise _Refused(
                    MutationStatus.REJECTED,
                    "unknown_op",
                    "Changement de conversation inconnu (une conversation ne se rouvre pas).",
                    "Unknown conversation change (a conversation is not reopened).",
                )
    else:
        raise _Refused(MutationStatus.REJECTED, "unknown_op", "Opération inconnue.", "Unknown operation.")
    return session.get(SyncRecord, (head.dossier_id, m.entity_id))


def apply(
    session: Session, head: SyncHead, caller: sync_service.Caller, m: MutationIn, context: access.Context
) -> MutationResult:
    """One messagerie mutation of a push (see the module's table), in a savepoint."""
    ctx = session.info.get(sync_service.SERVICE_CONTEXT)
    if not isinstance(ctx, ServiceContext):
        raise RuntimeError("a push carrying messages needs the service context in session.info")
    try:
        with session.begin_nested():
            rec = _route(session, ctx, head, caller, m, context)
    except _Refused as refused:
        status, code, fr, en = refused.status, refused.code, refused.fr, refused.en
        if refused.audit is not None:  # after the savepoint's rollback: the refusal stays in the historique
            audit(
                session,
                actor=access_service.audit_actor_of(session, caller.principal, caller.actor, head.dossier_id),
                action=refused.audit,
                at=context.now,
                dossier_id=head.dossier_id,
            )
    except ProblemError as exc:
        status = MutationStatus.FORBIDDEN if exc.status == 403 else MutationStatus.REJECTED
        code, fr, en = exc.code, exc.detail_fr, exc.detail_en
    except IntegrityError:
        status, code = MutationStatus.REJECTED, "message_id_in_use"
        fr = "Cet identifiant de message est déjà pris par un autre message : le vôtre n'a pas été enregistré."
        en = "This message id is already used by another message: yours was not stored."
    else:
        return MutationResult(
            mutation_id=m.mutation_id,
            client_seq=m.client_seq,
            status=MutationStatus.APPLIED,
            version=rec.version if rec is not None else None,
            record=sync_service.record_out(rec) if rec is not None else None,
        )
    return MutationResult(
        mutation_id=m.mutation_id, client_seq=m.client_seq, status=status, reason=code, message_fr=fr, message_en=en
    )


sync_service.register_entity(Entity.MESSAGE, apply)
sync_service.register_entity(Entity.CONVERSATION, apply)
