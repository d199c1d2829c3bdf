"""The filesystem blob store: `<root>/<area>/<owner>/<name>`, files 0600 in directories 0700.

Atomic by rename: a blob is written (or moved) to a temporary name in its final directory, fsynced, then renamed over
the final name, and the directory is fsynced; a reader opens the old file or the new one, never a half-written one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from server.private_files import open_private, private_dir
from server.storage import CHUNK, Area, BlobNotFound, BlobStore


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FilesystemStore(BlobStore):
    def __init__(self, root: Path) -> None:
        self.root = root

    def __repr__(self) -> str:
        return f"FilesystemStore({str(self.root)!r})"

    def path(self, area: Area, owner: uuid.UUID, name: str) -> Path:
        return self.root / self.key(area, owner, name)

    def _temporary(self, target: Path) -> Path:
        private_dir(target.parent)
        return target.with_name(f"{target.name}.{secrets.token_hex(6)}.tmp")

    def _publish(self, temporary: Path, target: Path, *, restore: Path | None = None) -> None:
        """fsync, rename over the target, fsync the folder. On failure the temporary file goes, or back to `restore`
        (a consumed source is the caller's again: nothing is lost)."""
        try:
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            if restore is not None:
                os.replace(temporary, restore)
            raise
        finally:
            temporary.unlink(missing_ok=True)
        _fsync_dir(target.parent)

    def put_file(self, area: Area, owner: uuid.UUID, name: str, source: Path, *, consume: bool = False) -> None:
        target = self.path(area, owner, name)
        temporary = self._temporary(target)
        moved = False
        if consume:
            with contextlib.suppress(OSError):  # another file system: copied below
                os.rename(source, temporary)
                moved = True
        if not moved:
            with open(source, "rb") as src, os.fdopen(open_private(temporary), "wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
        self._publish(temporary, target, restore=source if moved else None)
        if consume and not moved:
            source.unlink(missing_ok=True)

    def put_bytes(self, area: Area, owner: uuid.UUID, name: str, data: bytes) -> None:
        target = self.path(area, owner, name)
        temporary = self._temporary(target)
        with os.fdopen(open_private(temporary), "wb") as out:
            out.write(data)
        self._publish(temporary, target)

    def size(self, area: Area, owner: uuid.UUID, name: str) -> int:
        try:
            return self.path(area, owner, name).stat().st_size
        except FileNotFoundError:
            raise BlobNotFound(self.key(area, owner, name)) from None

    def read_bytes(self, area: Area, owner: uuid.UUID, name: str) -> bytes:
        try:
            return self.path(area, owner, name).read_bytes()
        except FileNotFoundError:
            raise BlobNotFound(self.key(area, owner, name)) from None

    def open_range(
        self, area: Area, owner: uuid.UUID, name: str, start: int = 0, length: int | None = None
    ) -> Iterator[bytes]:
        try:
            handle = open(self.path(area, owner, name), "rb")  # noqa: SIM115 - closed by the generator
        except FileNotFoundError:
            raise BlobNotFound(self.key(area, owner, name)) from None
        return _pieces(handle, start, length)

    def local_path(self, area: Area, owner: uuid.UUID, name: str) -> Path | None:
        return self.path(area, owner, name)

    def delete(self, area: Area, owner: uuid.UUID, name: str) -> None:
        self.path(area, owner, name).unlink(missing_ok=True)

    def delete_owner(self, area: Area, owner: uuid.UUID) -> int:
        folder = self.root / Area(area).value / str(owner)
        if not isinstance(owner, uuid.UUID) or not folder.is_dir():
            return 0
        gone = 0
        for item in folder.iterdir():
            with contextlib.suppress(FileNotFoundError):
                item.unlink()
                gone += 0 if item.name.endswith(".tmp") else 1
        with contextlib.suppress(OSError):  # a concurrent put made a file meanwhile: it stays with its folder
            folder.rmdir()
        return gone


def _pieces(handle: BinaryIO, start: int, length: int | None) -> Iterator[bytes]:
    with handle:
        handle.seek(start)
        remaining = length
        while remaining is None or remaining > 0:
            piece = handle.read(CHUNK if remaining is None else min(CHUNK, remaining))
            if not piece:
                return
            if remaining is not None:
                remaining -= len(piece)
            yield piece
