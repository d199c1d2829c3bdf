"""Where finished bodies live: a small blob-store interface, a filesystem store and an S3-compatible store.

A blob is named by an area (document bodies, message attachments), an owner id (the dossier of a document body, the
conversation of an attachment) and a name (the body's SHA-256, the attachment's id): content-addressed per dossier,
never across dossiers. Keys hold those ids and hashes only; no file name, title or other dossier content, and no
object metadata.

- `FilesystemStore` (the default, nothing to configure): `<blob dir>/<area>/<owner>/<name>`, the layout of every
  earlier version (a shared mount for the nodes of a cluster).
- `S3Store` (`carnet-server serve --blob-store s3://bucket/prefix`): the same keys under the prefix, in any
  S3-compatible service (AWS, MinIO, Ceph RGW, Scaleway, OVH...), reached with boto3.

Uploads in progress are NOT in the store: their part and chunk files stay in `<blob dir>/uploads` (a shared
directory for the nodes of a cluster), whatever the store; only the verified, finished body is put into the store
(docs/SCALING.md says why). Each store's `put_file` is atomic: a reader sees the whole blob or none.

The service finds the store of its blob directory with `blob_store(settings.blob_root)`: `register(settings)` (done by
`ServiceContext.build`) installs the configured S3 store for that directory; without one, it is the filesystem store.
"""

from __future__ import annotations

import re
import threading
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from server.config import Settings

_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,127}$")
CHUNK = 1024 * 1024


class Area(StrEnum):
    """The kinds of blobs; each value is the top folder (or key prefix) of its blobs."""

    BODIES = "blobs"  # document bodies: <dossier_id>/<sha256>
    ATTACHMENTS = "message-attachments"  # encrypted message attachments: <conversation_id>/<attachment_id>


class BlobNotFound(LookupError):
    """No blob under that name (never uploaded, or deleted)."""


class BlobStore(ABC):
    """Finished blobs, content-addressed per owner. Every method may be called from any thread."""

    @staticmethod
    def key(area: Area, owner: uuid.UUID, name: str) -> str:
        """`<area>/<owner>/<name>`: ids and hashes only, checked (no path or key can be smuggled in)."""
        if not isinstance(owner, uuid.UUID) or not _NAME.match(name):
            raise ValueError("a blob is named by a UUID owner and a plain name (hex hash or id)")
        return f"{Area(area).value}/{owner}/{name}"

    @abstractmethod
    def put_file(self, area: Area, owner: uuid.UUID, name: str, source: Path, *, consume: bool = False) -> None:
        """Store the local file `source` under the name, atomically (readers see the old blob, or none, until the
        whole new one is there); `consume=True` lets the store take the file (it is gone afterwards)."""

    @abstractmethod
    def put_bytes(self, area: Area, owner: uuid.UUID, name: str, data: bytes) -> None:
        """Store `data` under the name, atomically."""

    @abstractmethod
    def size(self, area: Area, owner: uuid.UUID, name: str) -> int:
        """The blob's length in bytes; BlobNotFound when there is none."""

    def exists(self, area: Area, owner: uuid.UUID, name: str) -> bool:
        try:
            self.size(area, owner, name)
        except BlobNotFound:
            return False
        return True

    @abstractmethod
    def read_bytes(self, area: Area, owner: uuid.UUID, name: str) -> bytes:
        """The whole blob (for small ones: attachments); BlobNotFound when there is none."""

    @abstractmethod
    def open_range(
        self, area: Area, owner: uuid.UUID, name: str, start: int = 0, length: int | None = None
    ) -> Iterator[bytes]:
        """The bytes from `start` (`length` of them, or to the end) as an iterator of pieces; BlobNotFound is raised
        by the call itself, before any piece, when there is no blob."""

    def local_path(self, area: Area, owner: uuid.UUID, name: str) -> Path | None:
        """A local file holding the blob, for stores that have one (the download then uses sendfile); else None."""
        return None

    @abstractmethod
    def delete(self, area: Area, owner: uuid.UUID, name: str) -> None:
        """Remove one blob; a missing one is not an error."""

    @abstractmethod
    def delete_owner(self, area: Area, owner: uuid.UUID) -> int:
        """Remove every blob of that owner in that area (a deleted dossier, a deleted conversation); returns how
        many went. Idempotent."""


_STORES: dict[Path, BlobStore] = {}
_STORES_LOCK = threading.Lock()


def register(settings: Settings) -> BlobStore:
    """Build and remember the store the settings name for their blob directory (called once per process)."""
    from server.storage.filesystem import FilesystemStore

    store: BlobStore
    if settings.blob_store:
        from server.storage.s3 import S3Store

        store = S3Store.from_settings(settings)
    else:
        store = FilesystemStore(settings.blob_root)
    with _STORES_LOCK:
        _STORES[settings.blob_root.resolve()] = store
    return store


def blob_store(blob_root: Path) -> BlobStore:
    """The store registered for this blob directory, else the filesystem store under it."""
    with _STORES_LOCK:
        found = _STORES.get(blob_root.resolve())
    if found is not None:
        return found
    from server.storage.filesystem import FilesystemStore

    return FilesystemStore(blob_root)
