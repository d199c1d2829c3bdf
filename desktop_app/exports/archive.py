"""The portable archive: a whole profile (entries, documents, settings, never keys) in one passphrase-encrypted file.

Format (version 1), all integers big-endian:
    MAGIC (16 bytes) | header length (4) | header JSON (KDF parameters, salt, nonce prefix, chunk size)
    | check length (4) | check = AES-GCM(key, nonce(prefix, 0xFFFFFFFF, 2), b"carnet-archive-check", aad=header)
    | chunks: length (4) | AES-GCM(key, nonce(prefix, counter, last), plaintext ≤ chunk size, aad=header)
Key = Argon2id(passphrase, salt) with the vault's parameters (S03). The counter in each nonce stops reordering,
the `last` flag stops truncation, the header is authenticated with every chunk. The plaintext is a sequence of
JSON lines, each document's bytes following its line; a final "end" record repeats the counts.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import secrets
import shutil
import struct
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.errors import CarnetError, WrongPassword
from desktop_app.setting_keys import SettingKey
from desktop_app.vault import DEFAULT_KDF, KdfParams
from dossier.passwords import check_password

if TYPE_CHECKING:
    from desktop_app.dossier_store import DossierStore
    from desktop_app.profile import ProfileDirectory, UnlockedProfile

MAGIC = b"CARNET-ARCHIVE\x00\x01"
FORMAT = 1
CHUNK_SIZE = 1024 * 1024
_MAX_HEADER = 4096
_CHECK = b"carnet-archive-check"
_CHECK_COUNTER = 0xFFFFFFFF
# Settings that belong to one installation or are rebuilt when the profile is created.
_LOCAL_SETTINGS = frozenset({SettingKey.CLIENT_ID, SettingKey.OWN_DOSSIER_ID})
_PAGE = 5_000


class ArchivePassphraseError(WrongPassword):
    message_fr = (
        "Phrase de passe de l'archive incorrecte (ou fichier modifié). Vérifiez-la et réessayez ; rien n'a été importé."
    )
    message_en = "Wrong archive passphrase (or the file was altered). Check it and try again; nothing was imported."


class ArchiveCorrupt(CarnetError):
    exit_code = 5
    message_fr = (
        "Cette archive est abîmée ou incomplète : son contrôle d'intégrité a échoué. Rien n'a été importé. "
        "Refaites l'export depuis l'ancien ordinateur."
    )
    message_en = "This archive is damaged or incomplete: its integrity check failed. Nothing was imported."


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """What an archive holds (counted while writing, or while verifying every chunk)."""

    dossiers: int
    entries: int
    documents: int
    settings: int


def _nonce(prefix: bytes, counter: int, *, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


# --- encrypted stream ----------------------------------------------------------------------------------------------
class _EncryptingWriter:
    """Buffers plaintext and writes it out as authenticated chunks; `close()` writes the final chunk."""

    def __init__(self, out: IO[bytes], aead: AESGCM, *, prefix: bytes, aad: bytes) -> None:
        self._out, self._aead, self._prefix, self._aad = out, aead, prefix, aad
        self._buf = bytearray()
        self._counter = 0

    def write(self, data: bytes) -> None:
        self._buf += data
        while len(self._buf) > CHUNK_SIZE:  # strictly more: the last chunk is never empty unless all is
            self._emit(bytes(self._buf[:CHUNK_SIZE]), last=False)
            del self._buf[:CHUNK_SIZE]

    def _emit(self, plain: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._prefix, self._counter, last=last), plain, self._aad)
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._counter += 1

    def close(self) -> None:
        self._emit(bytes(self._buf), last=True)
        self._buf.clear()


class _DecryptingReader(io.RawIOBase):
    """Reads the plaintext back, checking every chunk; raises ArchiveCorrupt on any tampering or truncation."""

    def __init__(self, src: IO[bytes], aead: AESGCM, *, prefix: bytes, aad: bytes) -> None:
        super().__init__()
        self._src, self._aead, self._prefix, self._aad = src, aead, prefix, aad
        self._buf = b""
        self._pos = 0
        self._counter = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> bool:
        if self._done:
            return False
        raw_len = self._src.read(4)
        if len(raw_len) != 4:
            raise ArchiveCorrupt()  # truncated: the final chunk never came
        (length,) = struct.unpack(">I", raw_len)
        if length > CHUNK_SIZE + 16:
            raise ArchiveCorrupt()
        sealed = self._src.read(length)
        if len(sealed) != length:
            raise ArchiveCorrupt()
        for last in (False, True):
            try:
                plain = self._aead.decrypt(_nonce(self._prefix, self._counter, last=last), sealed, self._aad)
            except InvalidTag:
                continue
            self._counter += 1
            self._buf, self._pos = plain, 0
            if last:
                self._done = True
                if self._src.read(1):
                    raise ArchiveCorrupt()  # bytes after the final chunk
            return True
        raise ArchiveCorrupt()

    def readinto(self, buffer: Any) -> int:
        while self._pos >= len(self._buf):
            if not self._next_chunk():
                return 0
        n = min(len(buffer), len(self._buf) - self._pos)
        buffer[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n


def _open_reader(src: IO[bytes], passphrase: str) -> io.BufferedReader:
    if src.read(len(MAGIC)) != MAGIC:
        raise ArchiveCorrupt(
            "Ce fichier n'est pas une archive Carnet (ou sa version est inconnue). Rien n'a été importé.",
            "This file is not a Carnet archive (or its version is unknown). Nothing was imported.",
        )
    raw_len = src.read(4)
    (header_len,) = struct.unpack(">I", raw_len) if len(raw_len) == 4 else (0,)
    if not 0 < header_len <= _MAX_HEADER:
        raise ArchiveCorrupt()
    header_raw = src.read(header_len)
    try:
        header = json.loads(header_raw)
        kdf = KdfParams.from_dict(header["kdf"])  # refuses parameters below the floor (S03)
        salt = base64.b64decode(header["salt"])
        prefix = base64.b64decode(header["nonce_prefix"])
        if header["format"] != FORMAT or len(prefix) != 7 or len(salt) < 16:
            raise ValueError("unsupported header")
    except (ValueError, KeyError, TypeError):
        raise ArchiveCorrupt() from None
    aad = MAGIC + raw_len + header_raw
    key = _derive(passphrase, salt, kdf)
    aead = AESGCM(key)
    check_len = src.read(4)
    check = src.read(struct.unpack(">I", check_len)[0]) if len(check_len) == 4 else b""
    try:
        if aead.decrypt(_nonce(prefix, _CHECK_COUNTER, last=False), check, aad) != _CHECK:
            raise InvalidTag
    except InvalidTag:
        raise ArchivePassphraseError() from None
    return io.BufferedReader(_DecryptingReader(src, aead, prefix=prefix, aad=aad), buffer_size=CHUNK_SIZE)


# --- records -----------------------------------------------------------------------------------------------------
def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def _iter_all(fetch: Callable[[int], list[Any]]) -> Iterator[Any]:
    offset = 0
    while True:
        page = fetch(offset)
        yield from page
        if len(page) < _PAGE:
            return
        offset += _PAGE


def _write_dossier(
    w: _EncryptingWriter, ds: DossierStore, *, role: str, label: str, skip: Container[str] = ()
) -> tuple[int, int]:
    w.write(_line({"t": "dossier", "id": ds.dossier_id, "role": role, "label": label}))
    entries = list(_iter_all(lambda off: ds.entries.list(offset=off, limit=_PAGE)))
    # Identity first: other entries are validated against it (a minor cannot have advance directives).
    entries.sort(key=lambda e: e.kind != "identity")
    for e in entries:
        w.write(
            _line(
                {
                    "t": "entry",
                    "kind": e.kind,
                    "data": e.data,
                    "author_kind": e.author_kind,
                    "external_ref": e.external_ref,
                }
            )
        )
    docs = 0
    for d in _iter_all(lambda off: ds.documents.list(offset=off, limit=_PAGE)):
        if d.id in skip:  # bytes not on this computer (exports.local_bytes): left out and listed by the caller
            continue
        meta = {
            "t": "document",
            "title": d.title,
            "category": d.category,
            "document_date": d.document_date.isoformat() if d.document_date else None,
            "author_kind": d.author_kind,
            "confidentiality": d.confidentiality.model_dump(mode="json"),
            "filename": d.filename,
            "external_ref": d.external_ref,
            "size": d.size,
            "sha256": d.sha256,
        }
        w.write(_line(meta))
        with ds.documents.open(d.id) as stream:
            while chunk := stream.read(CHUNK_SIZE):
                w.write(chunk)
        docs += 1
    return len(entries), docs


def export_archive(
    profile: UnlockedProfile,
    out: Path,
    passphrase: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    skip_documents: Container[str] = (),
) -> ArchiveSummary:
    """Write every dossier, document and setting of `profile` to `out`, encrypted with `passphrase`.

    The caller re-authenticates the person first (S19). The file appears under its name only once complete.
    """
    check_password(passphrase)
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(7)
    header = json.dumps(
        {
            "format": FORMAT,
            "kdf": kdf.as_dict() | {"name": "argon2id"},
            "salt": base64.b64encode(salt).decode(),
            "nonce_prefix": base64.b64encode(prefix).decode(),
            "chunk_size": CHUNK_SIZE,
        },
        sort_keys=True,
    ).encode()
    head = MAGIC + struct.pack(">I", len(header)) + header
    aead = AESGCM(_derive(passphrase, salt, kdf))
    check = aead.encrypt(_nonce(prefix, _CHECK_COUNTER, last=False), _CHECK, head)
    settings = {k: v for k, v in profile.settings.items() if k not in _LOCAL_SETTINGS}
    own = str(profile.settings.get(SettingKey.OWN_DOSSIER_ID, ""))
    tmp = out.with_name(f".{out.name}.part")
    entries = documents = 0
    try:
        with open(tmp, "wb") as fh:
            fh.write(head + struct.pack(">I", len(check)) + check)
            w = _EncryptingWriter(fh, aead, prefix=prefix, aad=head)
            w.write(
                _line(
                    {
                        "t": "archive",
                        "format": FORMAT,
                        "label": profile.label,
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    }
                )
            )
            w.write(_line({"t": "settings", "values": settings}))
            ids = sorted(profile.dossier_ids(), key=lambda i: i != own)
            for dossier_id in ids:
                n_entries, n_docs = _write_dossier(
                    w,
                    profile.dossier(dossier_id),
                    role="own" if dossier_id == own else "other",
                    label=profile.label,
                    skip=skip_documents,
                )
                entries += n_entries
                documents += n_docs
            w.write(_line({"t": "end", "dossiers": len(ids), "entries": entries, "documents": documents}))
            w.close()
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return ArchiveSummary(len(ids), entries, documents, len(settings))


class _LimitedReader(io.RawIOBase):
    """Exactly `size` bytes of a document out of the plaintext stream, hashed on the way."""

    def __init__(self, src: io.BufferedReader, size: int) -> None:
        super().__init__()
        self._src, self._left = src, size
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._left <= 0:
            return 0
        data = self._src.read(min(len(buffer), self._left))
        if not data:
            raise ArchiveCorrupt()
        self.sha256.update(data)
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)


def _records(reader: io.BufferedReader) -> Iterator[tuple[dict[str, Any], _LimitedReader | None]]:
    """Yield each record; a document record comes with a reader over its bytes (drained if the caller doesn't)."""
    while True:
        raw = reader.readline()
        if not raw:
            raise ArchiveCorrupt()  # the "end" record never came
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            raise ArchiveCorrupt() from None
        if not isinstance(record, dict):
            raise ArchiveCorrupt()
        if record.get("t") == "document":
            body = _LimitedReader(reader, int(record["size"]))
            yield record, body
            while body.read(CHUNK_SIZE):
                pass
            if body.sha256.hexdigest() != record["sha256"]:
                raise ArchiveCorrupt()
        else:
            yield record, None
        if record.get("t") == "end":
            if reader.read(1):
                raise ArchiveCorrupt()
            return


def verify_archive(path: Path, passphrase: str) -> ArchiveSummary:
    """Decrypt and check every chunk and every document's SHA-256 without writing anything."""
    counts = {"dossier": 0, "entry": 0, "document": 0}
    settings = 0
    with open(path, "rb") as fh:
        for record, _ in _records(_open_reader(fh, passphrase)):
            kind = str(record.get("t"))
            if kind in counts:
                counts[kind] += 1
            elif kind == "settings":
                settings = len(record.get("values", {}))
            elif kind == "end" and (
                record.get("dossiers"),
                record.get("entries"),
                record.get("documents"),
            ) != (counts["dossier"], counts["entry"], counts["document"]):
                raise ArchiveCorrupt()
    return ArchiveSummary(counts["dossier"], counts["entry"], counts["document"], settings)


def import_archive(
    pdir: ProfileDirectory,
    path: Path,
    passphrase: str,
    *,
    label: str,
    password: str,
    on_recovery_key: Callable[[str], None] | None = None,
) -> UnlockedProfile:
    """Create a new profile `label` protected by `password` from an archive; all or nothing.

    The whole archive is verified first (wrong passphrase → ArchivePassphraseError, damage → ArchiveCorrupt) so
    nothing is created from a bad file. The new profile's recovery key goes to `on_recovery_key` (print it once).
    """
    verify_archive(path, passphrase)
    profile, recovery_key = pdir.create(label, password)
    try:
        _restore(profile, path, passphrase)
    except BaseException:
        profile_path = profile.path
        profile.lock()
        shutil.rmtree(profile_path, ignore_errors=True)
        raise
    if on_recovery_key is not None:
        on_recovery_key(recovery_key)
    return profile


def _restore(profile: UnlockedProfile, path: Path, passphrase: str) -> None:
    from dossier.documents import Confidentiality

    ds: DossierStore | None = None
    with open(path, "rb") as fh:
        for record, body in _records(_open_reader(fh, passphrase)):
            kind = record.get("t")
            if kind == "settings":
                for key, value in record["values"].items():
                    profile.set_setting(key, value)
            elif kind == "dossier":
                ds = (
                    profile.dossier()
                    if record["role"] == "own"
                    else profile.create_dossier(str(record["label"]), role=str(record["role"]), dossier_id=record["id"])
                )
            elif kind == "entry" and ds is not None:
                ds.entries.create(
                    record["kind"],
                    record["data"],
                    external_ref=record.get("external_ref"),
                    author_kind=record["author_kind"],
                )
            elif kind == "document" and ds is not None and body is not None:
                doc_date = record.get("document_date")
                ds.documents.add(
                    _as_binary(body),
                    title=record["title"],
                    category=record["category"],
                    document_date=date.fromisoformat(doc_date) if doc_date else None,
                    author_kind=record["author_kind"],
                    confidentiality=Confidentiality.model_validate(record["confidentiality"]),
                    filename=record.get("filename"),
                    external_ref=record.get("external_ref"),
                )


def _as_binary(raw: _LimitedReader) -> BinaryIO:
    return io.BufferedReader(raw)
