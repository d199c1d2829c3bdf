"""The audit chain's key and its signed checkpoints, both kept outside the database.

The chain is an HMAC-SHA-256 chain: without the key (a file or an environment variable, never a database row) a row
cannot be rewritten and rehashed so that it still verifies. Checkpoints — the sequence number and chain head at a
moment, signed with the same key — are appended to a file outside the database; `audit verify` checks every one of
them, so deleting the last rows and winding the head back is caught too.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from server.audit.models import AuditHead

log = logging.getLogger("carnet.server.audit")

SESSION_INFO_KEY = "carnet_audit"
KEY_BYTES = 32
HEAD_ID = 1


class AuditKeyError(RuntimeError):
    """The audit key is missing or unreadable: the chain can be neither extended nor checked."""


@dataclass(frozen=True, slots=True)
class AuditSecrets:
    """What every database session carries to append to and check the chain (`session.info`)."""

    key: bytes
    checkpoints: Path

    def __repr__(self) -> str:  # never the key in a log or a traceback
        return f"AuditSecrets(checkpoints={self.checkpoints!s})"


def parse_key(text: str) -> bytes:
    raw = text.strip()
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) < KEY_BYTES:
        raise AuditKeyError(
            "Clé d'audit invalide : 64 caractères hexadécimaux attendus. "
            "(Invalid audit key: 64 hexadecimal characters expected.)"
        )
    return key


def load_key(key_file: Path, *, create: bool) -> bytes:
    """Read the key file; create it (0600, random) on the service's first start when `create` is set."""
    if not key_file.exists():
        if not create:
            raise AuditKeyError(
                f"Clé d'audit introuvable ({key_file}) : sans elle le journal ne peut pas être vérifié. "
                f"(Audit key not found at {key_file}: the trail cannot be checked without it.)"
            )
        _create_key(key_file)
    try:
        return parse_key(key_file.read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditKeyError(f"Clé d'audit illisible ({key_file}). (Audit key unreadable at {key_file}.)") from exc


def _create_key(key_file: Path) -> None:
    """Write a new key whole under a private name, then link it to its place: the workers of a first start all
    create one at once, and none may read the file between its creation and its write (an empty key). The first
    link wins; the others find the file there and read that key."""
    key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    draft = key_file.with_name(f".{key_file.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(KEY_BYTES) + "\n")
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):  # another worker's key is there first
            os.link(draft, key_file)
    finally:
        draft.unlink(missing_ok=True)
    directory = os.open(key_file.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the link survives a power cut
    finally:
        os.close(directory)


def secrets_of(session: Session) -> AuditSecrets:
    found = session.info.get(SESSION_INFO_KEY)
    if not isinstance(found, AuditSecrets):
        raise AuditKeyError("Session sans clé d'audit. (Database session without the audit key.)")
    return found


def chain_mac(key: bytes, canonical: bytes) -> str:
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def _checkpoint_mac(key: bytes, seq: int, head: str, keyed_from: int) -> str:
    return chain_mac(key, f"carnet-audit-checkpoint:v1|{seq}|{head}|{keyed_from}".encode())


@dataclass(frozen=True, slots=True)
class Checkpoint:
    seq: int
    head: str
    keyed_from: int


def write_checkpoint(session: Session) -> Checkpoint:
    """Append the committed chain head to the checkpoint file (O_APPEND, one line, fsync'd), unless it is there."""
    audit = secrets_of(session)
    row = session.execute(
        select(AuditHead.last_seq, AuditHead.last_hash, AuditHead.keyed_from_seq).where(AuditHead.id == HEAD_ID)
    ).one()
    session.rollback()  # only a read: end the transaction
    point = Checkpoint(int(row[0]), str(row[1]), int(row[2]))
    if _last_line(audit.checkpoints) == _line(audit.key, point):  # the head has not moved since
        return point
    line = _line(audit.key, point) + "\n"
    audit.checkpoints.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(audit.checkpoints, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return point


def _fields(point: Checkpoint) -> tuple[int, str, int]:
    return point.seq, point.head, point.keyed_from


def _line(key: bytes, point: Checkpoint) -> str:
    return f"{point.seq} {point.head} {point.keyed_from} {_checkpoint_mac(key, *_fields(point))}"


def _last_line(path: Path) -> str | None:
    """The file's last line, read from its end (the file grows for as long as the service lives)."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 1024))
            tail = handle.read().decode("ascii", errors="replace").splitlines()
    except FileNotFoundError:
        return None
    return tail[-1] if tail else None


@dataclass(frozen=True, slots=True)
class CheckpointFile:
    """The checkpoints read back: the valid ones in file order, and the first bad line if any."""

    exists: bool
    points: tuple[Checkpoint, ...]
    bad_line: int | None = None


def read_checkpoints(path: Path, key: bytes) -> CheckpointFile:
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return CheckpointFile(False, ())
    except (OSError, UnicodeDecodeError):
        return CheckpointFile(True, (), 1)
    points: list[Checkpoint] = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        try:
            point = Checkpoint(int(parts[0]), parts[1], int(parts[2]))
            mac = parts[3]
        except (IndexError, ValueError):
            return CheckpointFile(True, tuple(points), number)
        if len(parts) != 4 or not hmac.compare_digest(mac, _checkpoint_mac(key, *_fields(point))):
            return CheckpointFile(True, tuple(points), number)
        points.append(point)
    return CheckpointFile(True, tuple(points))


def checkpoint_now(sessions: Callable[[], Session]) -> Checkpoint:
    """A checkpoint from a fresh session (the app's timer, its start and stop, `jobs run`, `audit verify`)."""
    with sessions() as session:
        return write_checkpoint(session)


async def checkpoint_every(sessions: Callable[[], Session], interval_s: float) -> None:
    """The running service's timer: a checkpoint every `interval_s` seconds while the head moves (until cancelled)."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await anyio.to_thread.run_sync(checkpoint_now, sessions)
        except (OSError, SQLAlchemyError) as exc:  # a full disk must not stop the service: say it, try again later
            log.error("audit checkpoint not written: %s", type(exc).__name__)
