"""HTTP routes of Dossier Sync v1 under /v1/sync (every route checks the sync protocol version header)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import access
from server.access import notifications
from server.access.dependencies import DossierQuery
from server.access.schemas import DocumentMaskOut, DossierViewOut
from server.accounts.dependencies import (
    ActingHelper,
    Authorization,
    ContextDep,
    PrincipalDep,
    SessionDep,
    principal_of,
)
from server.accounts.models import Professional
from server.audit.writer import Pending as PendingAudit
from server.context import ServiceContext
from server.dossiers.dependencies import PatientContext, PatientDep, run_light_read
from server.errors import PROBLEM_MEDIA_TYPE, ProblemError
from server.storage import Area
from server.storage.http import blob_response
from server.sync import blobs, dossier_view, masking, release, service
from server.sync.schemas import MAX_MUTATIONS_PER_PUSH, PullIn, PullOut, PushIn, PushOut, UploadIn, UploadOut


async def check_protocol(
    version: Annotated[str | None, Header(alias=service.PROTOCOL_HEADER, max_length=10)] = None,
) -> int:
    """426 with a French message when the client speaks a protocol outside the supported range.

    `async def`, like the settings below: no I/O, so it runs on the event loop instead of a thread hop each."""
    try:
        number = int(version or "")
    except ValueError:
        number = 0
    if not service.PROTOCOL_MIN <= number <= service.PROTOCOL_MAX:
        raise ProblemError(
            426,
            "protocol_unsupported",
            "Cette version de Carnet est trop ancienne ou trop récente pour le service : mettez Carnet à jour.",
            "This version of Carnet is not supported by the service: update Carnet.",
            headers={
                service.PROTOCOL_HEADER: f"{service.PROTOCOL_MIN}-{service.PROTOCOL_MAX}",
                "Upgrade": f"carnet-sync/{service.PROTOCOL_MAX}",
            },
        )
    return number


router = APIRouter(prefix="/v1/sync", tags=["sync"], dependencies=[Depends(check_protocol)])
PULL_PATH = "/v1/sync/pull"  # answered by server/sync/fast_pull.py in its common form, by the route otherwise
PUSH_PATH = "/v1/sync/push"  # up to MAX_MUTATIONS_PER_PUSH mutations: the edge allows it `max_push_bytes`
UPLOAD_PREFIX = "/v1/sync/uploads/"  # where a request body is a document chunk (the edge allows it a larger size)


async def sync_settings(request: Request) -> service.SyncSettings:
    found = getattr(request.app.state, "sync_settings", None)
    return found if isinstance(found, service.SyncSettings) else service.SyncSettings()


SettingsDep = Annotated[service.SyncSettings, Depends(sync_settings)]


def _stamp(ctx: ContextDep) -> str:
    return ctx.now().isoformat(timespec="milliseconds").replace("+00:00", "Z")


@router.post(PUSH_PATH.removeprefix("/v1/sync"), response_model=PushOut)
def push(body: PushIn, principal: PrincipalDep, ctx: ContextDep, session: SessionDep) -> PushOut | JSONResponse:
    """Apply mutations in client-sequence order; each gets applied / merged / conflict / rejected / forbidden."""
    caller = service.caller_for(session, principal, body.dossier_id, ctx.now())

    def notify(decision: access.Decision, context: access.Context) -> None:
        # A professional's document or vaccination: whoever manages the dossier is told (in-app and e-mail).
        pro = session.scalars(select(Professional).where(Professional.rpps == caller.rpps)).first()
        if pro is not None:
            notifications.dispatch(
                session, ctx, dossier_id=body.dossier_id, decision=decision, context=context, pro=pro
            )

    session.info[service.SERVICE_CONTEXT] = ctx  # a message's notice is mailed during its push
    try:
        results = service.push(session, caller, body, now=ctx.now(), notify=notify)
    except service.SeqGap as gap:
        session.rollback()
        problem = gap.to_problem().model_dump(mode="json")
        problem["expected"] = gap.expected
        return JSONResponse(problem, status_code=409, media_type=PROBLEM_MEDIA_TYPE)
    session.commit()
    return PushOut(results=results, server_time=_stamp(ctx))


@router.post(PULL_PATH.removeprefix("/v1/sync"), response_model=PullOut)
async def pull(
    body: PullIn,
    ctx: ContextDep,
    settings: SettingsDep,
    authorization: Authorization = None,
    helper: ActingHelper = None,
) -> Response:
    """One request for every dossier the device holds: a page of changes per dossier, revoked or reset states."""
    return await answer_pull(body, ctx, settings, authorization, helper)


async def answer_pull(
    body: PullIn, ctx: ServiceContext, settings: service.SyncSettings, authorization: str | None, helper: str | None
) -> Response:
    """The pull, for the route and for server/sync/fast_pull.py.

    The request every device repeats all day, so it makes ONE thread hop: the token check and the pull run in the
    same worker thread (`PrincipalDep` and `SessionDep` as dependencies would make it two, and cost as much CPU as
    the pull itself when nothing changed). That thread is one of the light reads' bounded few, which queue in order
    instead of taking turns at the GIL with forty others (server/dossiers/dependencies.py). The answer leaves once its
    audit rows are committed, waited for here on the event loop: the thread is already free for the next pull."""
    response, audit = await run_light_read(pull_response, body, ctx, settings, authorization, helper)
    if audit is not None:
        await audit.committed()
    return response


def pull_response(
    body: PullIn, ctx: ServiceContext, settings: service.SyncSettings, authorization: str | None, helper: str | None
) -> tuple[Response, PendingAudit | None]:
    """The serialised answer, and the audit rows it may be sent only after (`PendingAudit.committed`)."""
    with ctx.sessions() as session:
        # Autocommit: a pull only reads (its audit rows go through the audit writer's own transaction), so no BEGIN and
        # COMMIT round trips; under PostgreSQL's READ COMMITTED each statement had its own snapshot anyway, and the
        # head read first bounds what the later reads return. One pooled connection for the token and the pull.
        conn = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        principal = principal_of(ctx, authorization, helper, conn=conn)
        now = ctx.now()
        try:
            answer = service.pull(session, principal, body, now=now, settings=settings)
        except service.ReleaseDue as due:  # held-back documents whose day came: released, then the pull again
            with ctx.sessions() as writing:
                release.release_due(writing, ctx, due.dossier_ids, now)
                writing.commit()
            answer = service.pull(session, principal, body, now=now, settings=settings)
        session.commit()
    out = PullOut(
        dossiers=answer.pages,
        available=answer.available,
        server_time=_stamp(ctx),
        max_body=ctx.settings.max_push_bytes,
        max_mutations=MAX_MUTATIONS_PER_PUSH,
    )
    # Serialised once here: a bootstrap page holds thousands of records, and re-validating it would double the cost.
    return Response(out.model_dump_json(), media_type="application/json"), answer.audit


def _upload_out(upload_id: uuid.UUID | None, offset: int, size: int, complete: bool, chunk: int) -> UploadOut:
    return UploadOut(upload_id=upload_id, offset=offset, size=size, complete=complete, chunk_size=chunk)


def _chunk_size(ctx: ContextDep, settings: service.SyncSettings) -> int:
    return max(1024, min(settings.chunk_size, ctx.settings.max_chunk_bytes))


@router.post("/uploads", response_model=UploadOut, status_code=status.HTTP_201_CREATED)
def create_upload(
    body: UploadIn, principal: PrincipalDep, ctx: ContextDep, session: SessionDep, settings: SettingsDep
) -> UploadOut:
    """Start or find the resumable upload of a document body (complete at once when the dossier has it)."""
    caller = service.caller_for(session, principal, body.dossier_id, ctx.now())
    upload, offset = blobs.create_upload(
        session,
        caller,
        dossier_id=body.dossier_id,
        sha256=body.sha256,
        size=body.size,
        data_dir=ctx.settings.blob_root,
        now=ctx.now(),
    )
    session.commit()
    return _upload_out(upload.id if upload else None, offset, body.size, upload is None, _chunk_size(ctx, settings))


UploadId = Annotated[uuid.UUID, Path()]


@router.head("/uploads/{upload_id}")
def upload_offset(upload_id: UploadId, principal: PrincipalDep, ctx: ContextDep, session: SessionDep) -> Response:
    """The offset the server holds (tus HEAD)."""
    upload = blobs.get_upload(session, principal, upload_id)
    offset = blobs.offset_of(ctx.settings.blob_root, upload)
    return Response(status_code=204, headers={"Upload-Offset": str(offset), "Upload-Length": str(upload.size)})


@router.patch("/uploads/{upload_id}", response_model=UploadOut)
async def upload_append(
    upload_id: UploadId,
    request: Request,
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
    settings: SettingsDep,
    upload_offset: Annotated[int, Header(alias="Upload-Offset", ge=0, le=2**40)],
    upload_checksum: Annotated[str, Header(alias="Upload-Checksum", max_length=80)],
) -> UploadOut:
    """Append one chunk at Upload-Offset with `Upload-Checksum: crc32|sha256 <hex>`; 409 gives the server's offset.

    The chunk streams into its own file while it arrives (checksum and whole-file hash computed on the way, no lock
    and no database work before the first byte is read); a chunk that overtook the one before it waits for it. Then,
    on a worker thread: the caller's right to this upload (403/404, and the bytes are dropped), the offset check and
    the append under the upload's row lock.
    """
    check = blobs.ChunkCheck(upload_checksum)
    data_dir = ctx.settings.blob_root
    received = blobs.ChunkReceiver(data_dir, upload_id, upload_offset, check)

    def publish() -> UploadOut:
        upload = blobs.get_upload(session, principal, upload_id)
        size = upload.size
        offset, complete = blobs.append(
            session, upload, offset=upload_offset, received=received, data_dir=data_dir, now=ctx.now()
        )
        session.commit()
        return _upload_out(None if complete else upload_id, offset, size, complete, _chunk_size(ctx, settings))

    # A connection lost mid-chunk (nobody is left to answer): the bytes are dropped, the offset stays.
    return await blobs.take_chunk(request.stream(), received, upload_offset, publish, idle=settings.chunk_idle_seconds)


@router.get("/blobs/{dossier_id}/{sha256}")
def download(
    dossier_id: Annotated[uuid.UUID, Path()],
    sha256: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")],
    principal: PrincipalDep,
    ctx: ContextDep,
    session: SessionDep,
    range_header: Annotated[str | None, Header(alias="Range", max_length=200)] = None,
) -> Response:
    """A document body; honours `Range` so an interrupted download resumes."""
    store, size = blobs.readable_blob(
        session,
        # Who the caller is *for this dossier* (a parent, an aidant…): the policy then decides each document.
        service.caller_for(session, principal, dossier_id, ctx.now()),
        dossier_id=dossier_id,
        sha256=sha256,
        data_dir=ctx.settings.blob_root,
        now=ctx.now(),
    )
    session.commit()
    return blob_response(store, Area.BODIES, dossier_id, sha256, size, range_header)


# -- the REST side of synced content: masking a document, opening a shared dossier ------------------------------------
# Not under /v1/sync and without its protocol header: plain patient routes, published under the "access" tag.

dossier_router = APIRouter(tags=["access"])


def _mask(
    document_id: uuid.UUID,
    masked: bool,
    me: PatientContext,
    ctx: ContextDep,
    session: Session,
    dossier_id: uuid.UUID | None,
) -> DocumentMaskOut:
    target = me.dossier.id if dossier_id is None else dossier_id
    result = masking.set_masked(
        session, me.principal, dossier_id=target, document_id=document_id, masked=masked, now=ctx.now()
    )
    session.commit()
    return DocumentMaskOut(document_id=result.document_id, masked=result.masked, version=result.version)


@dossier_router.put("/v1/me/documents/{document_id}/masked", response_model=DocumentMaskOut)
def mask_document(
    document_id: uuid.UUID, me: PatientDep, ctx: ContextDep, session: SessionDep, dossier_id: DossierQuery = None
) -> DocumentMaskOut:
    """Masquer: hide a document from professionals (its author, the médecin traitant and administrateurs still see
    it). The same change as sync's ``set_confidentiality``: the patient's other devices pull it."""
    return _mask(document_id, True, me, ctx, session, dossier_id)


@dossier_router.delete("/v1/me/documents/{document_id}/masked", response_model=DocumentMaskOut)
def unmask_document(
    document_id: uuid.UUID, me: PatientDep, ctx: ContextDep, session: SessionDep, dossier_id: DossierQuery = None
) -> DocumentMaskOut:
    """Démasquer: professionals allowed to see the document see it again."""
    return _mask(document_id, False, me, ctx, session, dossier_id)


@dossier_router.get("/v1/me/shared-dossiers/{dossier_id}", response_model=DossierViewOut)
def open_shared(dossier_id: uuid.UUID, me: PatientDep, ctx: ContextDep, session: SessionDep) -> DossierViewOut:
    """Open a space I manage or help with; the policy decides what I see (a minor's secrets stay hidden)."""
    out = dossier_view.dossier_view_out(dossier_view.open_dossier(session, ctx, me.principal, dossier_id))
    session.commit()
    return out
