"""Attachments of the messagerie: checked (size, format from the bytes), encrypted at rest, read back by the policy.

A body is stored once per attachment id, in the blob store (server/storage), under
`<blob dir>/message-attachments/<conversation_id>/<id>` by default (the blob directory: the data dir unless
`--blob-dir` names one the nodes of a cluster share) or the same key in the S3 bucket of `--blob-store`, as
`nonce ‖ AES-256-GCM(body)` with the conversation and attachment ids as associated data (a file moved to another
attachment does not decrypt). The key is the service's `attachments.key` in that same directory (0600, made at first
use with O_EXCL, so the first node wins; keep a copy with the backups; never in the bucket). The store writes
atomically, so a cut never leaves half a body under the final name; the row is added in the same transaction that the
caller commits after the rename.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.messages import check_attachment
from server.audit.checkpoints import load_key
from server.errors import ProblemError, from_validation
from server.messages.models import MessageAttachment
from server.private_files import private_dir
from server.storage import Area, blob_store

_KEYS: dict[Path, bytes] = {}
_KEYS_LOCK = threading.Lock()
_NONCE = 12


def key(data_dir: Path) -> bytes:
    path = data_dir / "attachments.key"
    with _KEYS_LOCK:
        if path not in _KEYS:
            private_dir(data_dir)
            _KEYS[path] = load_key(path, create=True)
        return _KEYS[path]


def body_path(data_dir: Path, conversation_id: uuid.UUID, attachment_id: uuid.UUID) -> Path:
    """Where the filesystem store keeps an attachment (the S3 store uses the same key under its prefix)."""
    return data_dir / Area.ATTACHMENTS.value / str(conversation_id) / str(attachment_id)


def _aad(conversation_id: uuid.UUID, attachment_id: uuid.UUID) -> bytes:
    return f"{conversation_id}/{attachment_id}".encode()


def attachment_id_in_use() -> ProblemError:
    return ProblemError(
        409,
        "attachment_id_in_use",
        "Cet identifiant de pièce jointe est déjà pris par un autre fichier : le vôtre n'a pas été enregistré.",
        "This attachment id is already used by another file: yours was not stored.",
    )


def attachment_unknown() -> ProblemError:
    return ProblemError(
        422,
        "attachment_unknown",
        "La pièce jointe n'a pas été reçue par le service : joignez-la à nouveau.",
        "The service did not receive the attachment: attach it again.",
    )


def store(
    session: Session,
    data_dir: Path,
    *,
    dossier_id: uuid.UUID,
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    uploader_id: uuid.UUID,
    content: bytes,
    filename: str,
    now: datetime,
) -> MessageAttachment:
    """Check and keep one attachment (staged until a message names it); the same upload again returns it."""
    try:
        check_attachment(content, filename)  # before any byte is kept: a sentence for each issue
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    digest = hashlib.sha256(content).hexdigest()
    existing = session.get(MessageAttachment, attachment_id)
    if existing is not None:
        if (existing.conversation_id, existing.uploader_id, existing.sha256) == (conversation_id, uploader_id, digest):
            return existing
        raise attachment_id_in_use()
    seal(data_dir, conversation_id, attachment_id, content)
    return add_row(
        session,
        dossier_id=dossier_id,
        conversation_id=conversation_id,
        attachment_id=attachment_id,
        uploader_id=uploader_id,
        content=content,
        filename=filename,
        now=now,
    )


def seal(data_dir: Path, conversation_id: uuid.UUID, attachment_id: uuid.UUID, content: bytes) -> None:
    """Encrypt and keep the body (atomic in every store, server/storage: a cut never leaves half a body under the
    final name)."""
    nonce = secrets.token_bytes(_NONCE)
    sealed = AESGCM(key(data_dir)).encrypt(nonce, content, _aad(conversation_id, attachment_id))
    blob_store(data_dir).put_bytes(Area.ATTACHMENTS, conversation_id, str(attachment_id), nonce + sealed)


def add_row(
    session: Session,
    *,
    dossier_id: uuid.UUID,
    conversation_id: uuid.UUID,
    attachment_id: uuid.UUID,
    uploader_id: uuid.UUID,
    content: bytes,
    filename: str,
    now: datetime,
    message_id: uuid.UUID | None = None,
) -> MessageAttachment:
    """The attachment's row for a sealed body (checked by `check_attachment`); staged while `message_id` is None."""
    found, name = check_attachment(content, filename)
    row = MessageAttachment(
        id=attachment_id,
        dossier_id=dossier_id,
        conversation_id=conversation_id,
        uploader_id=uploader_id,
        message_id=message_id,
        filename=name,
        format=found.value,
        mime_type=found.mime_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def read(data_dir: Path, row: MessageAttachment) -> bytes:
    """The clear bytes, checked against the stored SHA-256 (a damaged file is an error, never other bytes)."""
    return read_sealed(data_dir, row.conversation_id, row.id, row.sha256)


def read_sealed(data_dir: Path, conversation_id: uuid.UUID, attachment_id: uuid.UUID, sha256: str) -> bytes:
    raw = blob_store(data_dir).read_bytes(Area.ATTACHMENTS, conversation_id, str(attachment_id))
    clear = AESGCM(key(data_dir)).decrypt(raw[:_NONCE], raw[_NONCE:], _aad(conversation_id, attachment_id))
    if hashlib.sha256(clear).hexdigest() != sha256:
        raise ValueError("attachment body does not match its checksum")
    return clear
