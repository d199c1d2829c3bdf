"""Resumable attachment uploads: the tus-like path of document bodies (server/sync/blobs.py), for the messagerie.

`POST …/attachments/{id}/upload` announces the file (SHA-256, size, name): the writer's right to write in the
conversation is checked and audited there, the size limit too, before any byte is kept. `PATCH` appends a chunk at
`Upload-Offset` with its `Upload-Checksum` (blobs.ChunkCheck / ChunkReceiver / accept_chunk, under the conversation
row's lock); `HEAD` tells the offset after a cut. The file in progress is `<blob dir>/uploads/<attachment id>.part`
(0600, the same place and life as a document's part file) with its announcement sealed beside it
(`<id>.upload`, AES-GCM under the attachment key: the file's name is not left in clear). When the last byte arrives
its SHA-256 is proved, its format checked from the bytes, and only then is it sealed into the blob store and its
`MessageAttachment` row added (attachments.store): a message can name nothing half received.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.messages import ATTACHMENT_MAX_BYTES, check_attachment
from server.accounts.dependencies import Principal
from server.errors import ProblemError, from_validation
from server.messages import attachments
from server.messages.models import Conversation, MessageAttachment
from server.private_files import open_private, private_dir
from server.sync import blobs
from server.sync.service import lock_head

CHUNK = 512 * 1024
"""The chunk size offered to the client: a cut costs at most this much (an attachment is at most 5 Mo)."""


@dataclass(frozen=True, slots=True)
class Announced:
    conversation_id: str
    dossier_id: str
    uploader_id: str
    sha256: str
    size: int
    filename: str
    complete: bool = False
    """Every byte arrived for a conversation not started yet: sealed in the store, waiting for the start."""


def _meta_path(data_dir: Path, attachment_id: uuid.UUID) -> Path:
    return data_dir / "uploads" / f"{attachment_id}.upload"


def _write_meta(data_dir: Path, attachment_id: uuid.UUID, meta: Announced) -> None:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(attachments.key(data_dir)).encrypt(
        nonce, json.dumps(asdict(meta)).encode(), str(attachment_id).encode()
    )
    path = _meta_path(data_dir, attachment_id)
    private_dir(path.parent)
    with os.fdopen(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as handle:
        handle.write(nonce + sealed)


def _read_meta(data_dir: Path, attachment_id: uuid.UUID) -> Announced | None:
    try:
        raw = _meta_path(data_dir, attachment_id).read_bytes()
        clear = AESGCM(attachments.key(data_dir)).decrypt(raw[:12], raw[12:], str(attachment_id).encode())
    except (FileNotFoundError, InvalidTag):
        return None
    return Announced(**json.loads(clear))


def _drop(data_dir: Path, attachment_id: uuid.UUID) -> None:
    for path in (blobs.part_path(data_dir, attachment_id), _meta_path(data_dir, attachment_id)):
        path.unlink(missing_ok=True)


def too_large(size: int) -> ProblemError:
    mb = ATTACHMENT_MAX_BYTES // (1024 * 1024)
    return ProblemError(
        413,
        "attachment_too_large",
        f"Une pièce jointe fait au plus {mb} Mo : rangez les fichiers plus lourds dans Documents.",
        f"An attachment is at most {mb} MB: keep larger files in Documents.",
    )


def _not_found() -> ProblemError:
    return ProblemError(404, "upload_not_found", "Envoi introuvable : recommencez-le.", "Upload not found: restart it.")


def begin(
    session: Session,
    principal: Principal,
    conversation_id: uuid.UUID,
    dossier_id: uuid.UUID,
    *,
    attachment_id: uuid.UUID,
    sha256: str,
    size: int,
    filename: str,
    data_dir: Path,
) -> int | None:
    """Open (or find) the upload of one attachment whose writer was allowed by the caller: the offset to send
    from, or None when the service already has the file. Over the limit: 413, nothing kept."""
    if size > ATTACHMENT_MAX_BYTES:
        raise too_large(size)
    existing = session.get(MessageAttachment, attachment_id)
    if existing is not None:
        if (existing.conversation_id, existing.uploader_id, existing.sha256) == (conversation_id, principal.id, sha256):
            return None
        raise attachments.attachment_id_in_use()
    meta = Announced(str(conversation_id), str(dossier_id), str(principal.id), sha256, size, filename)
    known = _read_meta(data_dir, attachment_id)
    if known is not None and known.complete:
        if known != Announced(**{**asdict(meta), "complete": True}):
            raise attachments.attachment_id_in_use()
        return None
    part = blobs.part_path(data_dir, attachment_id)
    if known is not None and part.exists():
        if known != meta:
            raise attachments.attachment_id_in_use()
        return part.stat().st_size
    private_dir(part.parent)
    os.close(open_private(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC))
    _write_meta(data_dir, attachment_id, meta)
    return 0


def announced(principal: Principal, attachment_id: uuid.UUID, conversation_id: uuid.UUID, data_dir: Path) -> Announced:
    """The upload in progress, if the caller started it in that conversation (else 404: nothing to tell)."""
    meta = _read_meta(data_dir, attachment_id)
    if meta is None or (meta.uploader_id, meta.conversation_id) != (str(principal.id), str(conversation_id)):
        raise _not_found()
    return meta


def offset(data_dir: Path, attachment_id: uuid.UUID) -> int:
    part = blobs.part_path(data_dir, attachment_id)
    return part.stat().st_size if part.exists() else 0


def append(
    session: Session,
    meta: Announced,
    *,
    attachment_id: uuid.UUID,
    offset: int,
    received: blobs.ChunkReceiver,
    data_dir: Path,
    now: datetime,
) -> tuple[int, bool]:
    """Append one received chunk under the conversation's row lock; at the last byte, prove the whole file and
    keep it (sealed) as a staged attachment. A file that does not match its SHA-256 or is not a format Documents
    takes is dropped whole (422 with the reason); the caller commits."""
    conversation_id, dossier_id = uuid.UUID(meta.conversation_id), uuid.UUID(meta.dossier_id)
    started = blobs.lock_row(
        session, Conversation, (dossier_id, conversation_id), Conversation.last_seq, Conversation.id == conversation_id
    )
    if started is None:  # the first message's attachment: the dossier's lock, which the start takes too
        lock_head(session, dossier_id)
    again = _read_meta(data_dir, attachment_id)
    if again is None or again.complete:  # gone, or finished by a concurrent request
        raise _not_found()
    part = blobs.part_path(data_dir, attachment_id)
    current, running = blobs.accept_chunk(part, attachment_id, meta.size, offset, received)
    if current < meta.size:
        return current, False
    content = part.read_bytes()
    try:
        if running.hexdigest() != meta.sha256:
            raise ProblemError(
                422,
                "upload_verification_failed",
                "La pièce jointe reçue ne correspond pas à son empreinte : elle sera renvoyée en entier.",
                "The attachment received does not match its hash: it will be sent again in full.",
            )
        if started is not None:
            attachments.store(
                session,
                data_dir,
                dossier_id=dossier_id,
                conversation_id=conversation_id,
                attachment_id=attachment_id,
                uploader_id=uuid.UUID(meta.uploader_id),
                content=content,
                filename=meta.filename,
                now=now,
            )
        else:
            try:
                check_attachment(content, meta.filename)
            except DossierValidationError as exc:
                raise from_validation(exc) from exc
            attachments.seal(data_dir, conversation_id, attachment_id, content)
            _write_meta(data_dir, attachment_id, Announced(**{**asdict(meta), "complete": True}))
    except BaseException:
        _drop(data_dir, attachment_id)
        raise
    finally:
        blobs.part_path(data_dir, attachment_id).unlink(missing_ok=True)
        if started is not None:
            _meta_path(data_dir, attachment_id).unlink(missing_ok=True)
        for stale in part.parent.glob(f"{attachment_id}.*.incoming"):  # chunks a killed server left half received
            with contextlib.suppress(OSError):
                stale.unlink()
    return current, True


def staged_for_start(
    principal: Principal, conversation_id: uuid.UUID, attachment_id: uuid.UUID, data_dir: Path
) -> Announced:
    """The whole attachment the caller uploaded for the first message of `conversation_id` (else 422: the start
    names nothing half received)."""
    meta = _read_meta(data_dir, attachment_id)
    if (
        meta is None
        or not meta.complete
        or (meta.uploader_id, meta.conversation_id)
        != (
            str(principal.id),
            str(conversation_id),
        )
    ):
        raise attachments.attachment_unknown()
    return meta


def adopt(
    session: Session, meta: Announced, attachment_id: uuid.UUID, message_id: uuid.UUID, data_dir: Path, now: datetime
) -> MessageAttachment:
    """The first message's attachment, sealed before its conversation existed: its row, naming the message."""
    conversation_id = uuid.UUID(meta.conversation_id)
    content = attachments.read_sealed(data_dir, conversation_id, attachment_id, meta.sha256)
    row = attachments.add_row(
        session,
        dossier_id=uuid.UUID(meta.dossier_id),
        conversation_id=conversation_id,
        attachment_id=attachment_id,
        uploader_id=uuid.UUID(meta.uploader_id),
        content=content,
        filename=meta.filename,
        now=now,
        message_id=message_id,
    )
    _meta_path(data_dir, attachment_id).unlink(missing_ok=True)  # the row tells from now on (after the commit)
    return row
