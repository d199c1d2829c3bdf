"""HTTP routes of the messagerie: `/v1/pro/conversations` (a professional starts one), `/v1/conversations/…` (both
sides read, reply, mark read; the patient side closes, archives, deletes from its view)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query, Request, Response, status
from sqlalchemy.orm import Session

from dossier.sync_protocol import UploadState
from server.access.dependencies import ManagedDossierDep
from server.accounts.dependencies import ContextDep, Principal, PrincipalDep, ProfessionalDep, SessionDep
from server.accounts.models import PrincipalKind
from server.context import ServiceContext
from server.dossiers.dependencies import PatientContext, PatientDep
from server.messages import service, uploads
from server.messages import sync as _sync_entities  # noqa: F401  (registers the messagerie's sync mutations)
from server.messages.models import Conversation, Message, MessageAttachment
from server.messages.schemas import (
    MAX_SEQ,
    AttachmentOut,
    AttachmentUploadIn,
    ConversationOut,
    ConversationPage,
    MessageIn,
    MessageOut,
    MessagePage,
    ReadIn,
    SentOut,
    StartIn,
)
from server.sync import blobs
from server.sync.router import SettingsDep

router = APIRouter(tags=["messages"])

PageLimit = Annotated[int, Query(ge=1, le=service.MAX_PAGE)]


ATTACHMENT_PATH = "/v1/conversations/{conversation_id}/attachments/{attachment_id}"
UPLOAD_PATH = ATTACHMENT_PATH + "/upload"


def is_attachment_upload(method: str, path: str) -> bool:
    """An attachment's body (PUT …/attachments/{id}, or a PATCH chunk of …/attachments/{id}/upload): the edge lets
    it be as large as a document chunk."""
    parts = path.split("/")
    if parts[1:3] != ["v1", "conversations"] or len(parts) < 6 or parts[4] != "attachments":
        return False
    return (method == "PUT" and len(parts) == 6) or (method == "PATCH" and len(parts) == 7 and parts[6] == "upload")


def _attachment_out(row: MessageAttachment | None) -> AttachmentOut | None:
    if row is None:
        return None
    return AttachmentOut(
        id=row.id, filename=row.filename, format=row.format, mime_type=row.mime_type, size=row.size, sha256=row.sha256
    )


def _message_out(message: Message, me: uuid.UUID, attachment: MessageAttachment | None = None) -> MessageOut:
    return MessageOut(
        id=message.id,
        conversation_id=message.conversation_id,
        seq=message.seq,
        sender_role=message.sender_role,
        mine=message.sender_id == me,
        text=message.body,
        sent_at=message.sent_at,
        attachment=_attachment_out(attachment),
    )


def _conversation_out(listed: service.Listed) -> ConversationOut:
    c = listed.conversation
    return ConversationOut(
        id=c.id,
        dossier_id=c.dossier_id,
        professional_rpps=c.professional_rpps,
        professional_name=listed.professional_name,
        patient_name=listed.patient_name,
        subject=c.subject,
        secret=c.secret,
        created_at=c.created_at,
        last_seq=c.last_seq,
        last_message_at=c.last_message_at,
        unread=max(listed.unread, 0),
        read_seq=listed.read_seq,
        other_read_seq=listed.other_read_seq,
        closed=c.closed_at is not None,
        archived=c.archived_at is not None,
    )


def _one(session: Session, principal: Principal, conv: Conversation) -> ConversationOut:
    pros, patients = service.names(session, [conv])
    return _conversation_out(
        service.listed(
            conv,
            pro_side=principal.kind == PrincipalKind.PROFESSIONAL,
            professional=pros.get(conv.professional_rpps, conv.professional_rpps),
            patient=patients.get(conv.dossier_id, ""),
        )
    )


@router.post("/v1/pro/conversations", response_model=SentOut, status_code=status.HTTP_201_CREATED)
def start(body: StartIn, principal: ProfessionalDep, ctx: ContextDep, session: SessionDep) -> SentOut:
    """Start a conversation with a patient (by dossier id or INS) with its first message, and its document uploaded
    first if any (…/attachments/{id}/upload with the dossier). Authorisation to read the dossier is not needed; a
    professional the patient blocked is refused. The patient is notified."""
    sent = service.start(
        session,
        ctx,
        principal,
        conversation_id=body.id,
        dossier_id=body.dossier_id,
        ins=body.ins,
        subject=body.subject,
        secret=body.secret,
        message_id=body.message.id,
        text=body.message.text,
        attachment_id=body.message.attachment_id,
    )
    attached = service.attachments_of(session, [sent.message]).get(sent.message.id)
    out = SentOut(conversation_id=sent.conversation.id, message=_message_out(sent.message, principal.id, attached))
    session.commit()
    return out


@router.get("/v1/conversations", response_model=ConversationPage)
def conversations(
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
    dossier_id: Annotated[
        uuid.UUID | None, Query(description="A space the caller manages; omitted: their own.")
    ] = None,
    archived: bool = False,
    limit: PageLimit = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> ConversationPage:
    """The caller's conversations, latest activity first (a professional: theirs; the patient side: one space's)."""
    listed, total = service.conversations(
        session, principal, dossier_id=dossier_id, archived=archived, limit=limit, offset=offset, now=ctx.now()
    )
    out = ConversationPage(items=[_conversation_out(item) for item in listed], total=total)
    session.commit()
    return out


@router.get("/v1/conversations/{conversation_id}/messages", response_model=MessagePage)
def messages(
    conversation_id: uuid.UUID,
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
    after_seq: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
    limit: PageLimit = 100,
) -> MessagePage:
    """Messages after `after_seq`, in the service's order; every read by someone other than the patient is in the
    historique des accès."""
    conv, rows = service.read(
        session, principal, conversation_id=conversation_id, after_seq=after_seq, limit=limit, now=ctx.now()
    )
    last = rows[-1].seq if rows else after_seq
    attached = service.attachments_of(session, rows)
    out = MessagePage(
        conversation=_one(session, principal, conv),
        items=[_message_out(m, principal.id, attached.get(m.id)) for m in rows],
        next_after_seq=last if last < conv.last_seq else None,
    )
    session.commit()
    return out


@router.post(
    "/v1/conversations/{conversation_id}/messages", response_model=SentOut, status_code=status.HTTP_201_CREATED
)
def reply(
    conversation_id: uuid.UUID, body: MessageIn, principal: PrincipalDep, ctx: ContextDep, session: SessionDep
) -> SentOut:
    """Reply (idempotent by the message's client id), with an attachment uploaded first if any. Empty, over-size,
    closed conversation, blocked sender, more than the per-minute allowance (429 with Retry-After): a problem
    answer, nothing stored."""
    sent = service.send(
        session,
        ctx,
        principal,
        conversation_id=conversation_id,
        message_id=body.id,
        text=body.text,
        attachment_id=body.attachment_id,
    )
    attached = service.attachments_of(session, [sent.message]).get(sent.message.id)
    out = SentOut(conversation_id=sent.conversation.id, message=_message_out(sent.message, principal.id, attached))
    session.commit()
    return out


@router.put(ATTACHMENT_PATH, response_model=AttachmentOut, status_code=status.HTTP_201_CREATED)
def upload_attachment(
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
    content: Annotated[bytes, Body(media_type="application/octet-stream")] = b"",
    filename: Annotated[str, Query(max_length=1000)] = "",
) -> AttachmentOut:
    """The body of an attachment for the caller's next message (then sent with `attachment_id`); at most
    `dossier.messages.ATTACHMENT_MAX_BYTES`, a format Documents accepts; stored encrypted. The same upload again
    returns it."""
    row = service.upload(
        session,
        principal,
        conversation_id=conversation_id,
        attachment_id=attachment_id,
        content=content,
        filename=filename,
        data_dir=ctx.settings.blob_root,  # shared by the nodes of a cluster, as document bodies are
        now=ctx.now(),
    )
    out = _attachment_out(row)
    session.commit()
    assert out is not None
    return out


def _upload_state(attachment_id: uuid.UUID, offset: int | None, size: int, ctx: ServiceContext) -> UploadState:
    complete = offset is None or offset >= size
    chunk = max(1024, min(uploads.CHUNK, ctx.settings.max_chunk_bytes))
    return UploadState(
        upload_id=None if complete else attachment_id,
        offset=size if offset is None else offset,
        size=size,
        complete=complete,
        chunk_size=chunk,
    )


@router.post(UPLOAD_PATH, response_model=UploadState, status_code=status.HTTP_201_CREATED)
def begin_attachment_upload(
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    body: AttachmentUploadIn,
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
) -> UploadState:
    """Start (or find) the resumable upload of an attachment, as a document body's (tus-like): then PATCH its chunks
    from `offset`, each with `Upload-Checksum`; `complete` at once when the service has the file. Who may upload:
    whoever may write in the conversation; over `dossier.messages.ATTACHMENT_MAX_BYTES`: 413, nothing kept."""
    offset = service.begin_upload(
        session,
        principal,
        conversation_id=conversation_id,
        attachment_id=attachment_id,
        sha256=body.sha256,
        size=body.size,
        filename=body.filename,
        data_dir=ctx.settings.blob_root,
        now=ctx.now(),
        dossier_id=body.dossier_id,
    )
    session.commit()
    return _upload_state(attachment_id, offset, body.size, ctx)


@router.head(UPLOAD_PATH)
def attachment_upload_offset(
    conversation_id: uuid.UUID, attachment_id: uuid.UUID, principal: PrincipalDep, ctx: ContextDep
) -> Response:
    """The offset the service holds (tus HEAD); 404 once complete (or never started by the caller)."""
    data_dir = ctx.settings.blob_root
    meta = uploads.announced(principal, attachment_id, conversation_id, data_dir)
    offset = uploads.offset(data_dir, attachment_id)
    return Response(status_code=204, headers={"Upload-Offset": str(offset), "Upload-Length": str(meta.size)})


@router.patch(UPLOAD_PATH, response_model=UploadState)
async def attachment_upload_append(
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    request: Request,
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
    settings: SettingsDep,
    upload_offset: Annotated[int, Header(alias="Upload-Offset", ge=0, le=2**40)],
    upload_checksum: Annotated[str, Header(alias="Upload-Checksum", max_length=80)],
) -> UploadState:
    """Append one chunk at Upload-Offset with `Upload-Checksum: crc32|sha256 <hex>` (409 gives the service's
    offset, 460 a damaged chunk, nothing appended); the last one proves the whole file's SHA-256."""
    data_dir = ctx.settings.blob_root
    meta = uploads.announced(principal, attachment_id, conversation_id, data_dir)
    received = blobs.ChunkReceiver(data_dir, attachment_id, upload_offset, blobs.ChunkCheck(upload_checksum))

    def publish() -> UploadState:
        offset, _complete = uploads.append(
            session,
            meta,
            attachment_id=attachment_id,
            offset=upload_offset,
            received=received,
            data_dir=data_dir,
            now=ctx.now(),
        )
        session.commit()
        return _upload_state(attachment_id, offset, meta.size, ctx)

    return await blobs.take_chunk(request.stream(), received, upload_offset, publish, idle=settings.chunk_idle_seconds)


@router.get(ATTACHMENT_PATH, response_class=Response)
def download_attachment(
    conversation_id: uuid.UUID, attachment_id: uuid.UUID, principal: PrincipalDep, ctx: ContextDep, session: SessionDep
) -> Response:
    """An attachment's bytes, for whoever may read the conversation (audited like a read)."""
    row, content = service.download(
        session,
        principal,
        conversation_id=conversation_id,
        attachment_id=attachment_id,
        data_dir=ctx.settings.blob_root,  # shared by the nodes of a cluster, as document bodies are
        now=ctx.now(),
    )
    session.commit()
    return Response(
        content,
        media_type=row.mime_type,
        headers={"X-Content-Sha256": row.sha256, "Content-Disposition": "attachment", "Cache-Control": "no-store"},
    )


@router.post("/v1/conversations/{conversation_id}/read", response_model=ConversationOut)
def mark_read(
    conversation_id: uuid.UUID, body: ReadIn, principal: PrincipalDep, ctx: ContextDep, session: SessionDep
) -> ConversationOut:
    conv = service.mark_read(
        session, principal, conversation_id=conversation_id, up_to_seq=body.up_to_seq, now=ctx.now()
    )
    out = _one(session, principal, conv)
    session.commit()
    return out


def _patient_view(
    what: str, conversation_id: uuid.UUID, principal: Principal, ctx: ServiceContext, session: Session
) -> ConversationOut:
    conv = service.patient_view(session, principal, conversation_id=conversation_id, what=what, now=ctx.now())
    out = _one(session, principal, conv)
    session.commit()
    return out


@router.post("/v1/conversations/{conversation_id}/close", response_model=ConversationOut)
def close(conversation_id: uuid.UUID, principal: PrincipalDep, ctx: ContextDep, session: SessionDep) -> ConversationOut:
    """The patient side closes the conversation: nobody can reply any more."""
    return _patient_view("close", conversation_id, principal, ctx, session)


@router.post("/v1/conversations/{conversation_id}/archive", response_model=ConversationOut)
def archive(
    conversation_id: uuid.UUID, principal: PrincipalDep, ctx: ContextDep, session: SessionDep
) -> ConversationOut:
    """The patient side archives the conversation (a professional's new message brings it back)."""
    return _patient_view("archive", conversation_id, principal, ctx, session)


@router.post("/v1/conversations/{conversation_id}/delete", response_model=ConversationOut)
def delete(
    conversation_id: uuid.UUID, principal: PrincipalDep, ctx: ContextDep, session: SessionDep
) -> ConversationOut:
    """The patient side deletes the conversation from its view (the professional keeps their correspondence)."""
    return _patient_view("delete", conversation_id, principal, ctx, session)


def _set_aidant(
    allowed: bool,
    account_id: uuid.UUID,
    me: PatientContext,
    dossier_id: uuid.UUID,
    ctx: ServiceContext,
    session: Session,
) -> None:
    service.allow_aidant(
        session, me.principal, dossier_id=dossier_id, aidant_id=account_id, allowed=allowed, now=ctx.now()
    )
    session.commit()


@router.put("/v1/me/messages/aidants/{account_id}", status_code=status.HTTP_204_NO_CONTENT)
def allow_aidant(
    account_id: uuid.UUID, me: PatientDep, dossier_id: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> None:
    """Let an aidant of mine read my conversations (a delegation alone is not enough; they never answer)."""
    _set_aidant(True, account_id, me, dossier_id, ctx, session)


@router.delete("/v1/me/messages/aidants/{account_id}", status_code=status.HTTP_204_NO_CONTENT)
def withdraw_aidant(
    account_id: uuid.UUID, me: PatientDep, dossier_id: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> None:
    """Withdraw it: the aidant no longer sees my conversations."""
    _set_aidant(False, account_id, me, dossier_id, ctx, session)
