"""Fixtures of the blob-store suite: the filesystem store and the S3 store on moto's S3 server over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server.storage import BlobStore
from server.storage.filesystem import FilesystemStore
from tests.support.s3_moto import MotoS3, moto_s3


@pytest.fixture(scope="session")
def moto() -> Iterator[MotoS3]:
    with moto_s3() as server:
        yield server


@pytest.fixture(params=["filesystem", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    """Each contract test runs on both stores (a fresh directory, a fresh bucket)."""
    if request.param == "filesystem":
        return FilesystemStore(tmp_path / "blob-root")
    moto: MotoS3 = request.getfixturevalue("moto")
    store: BlobStore = moto.store()
    return store
