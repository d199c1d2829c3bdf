"""A stored blob as an HTTP response: the single-range parser, and a blob gone between the check and the read."""

from __future__ import annotations

import uuid

import pytest

from server.errors import ProblemError
from server.storage import Area, BlobStore
from server.storage.http import blob_response, byte_range


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-0", (0, 1)),
        ("bytes=5-", (5, 95)),
        ("bytes=10-19", (10, 10)),
        ("bytes=90-500", (90, 10)),  # the end is clipped to the body
        ("bytes=-3", (97, 3)),
        ("bytes=-500", (0, 100)),
        (None, None),
        ("", None),
        ("bytes=0-1,3-4", None),  # several ranges: the whole body (RFC 9110 allows ignoring Range)
        ("items=0-1", None),
        ("bytes=-", None),
    ],
)
def test_single_ranges_are_understood(header: str | None, expected: tuple[int, int] | None) -> None:
    assert byte_range(header, 100) == expected


@pytest.mark.parametrize("header", ["bytes=100-", "bytes=150-160", "bytes=10-5", "bytes=-0"])
def test_unsatisfiable_ranges_are_refused(header: str) -> None:
    with pytest.raises(ValueError):
        byte_range(header, 100)


@pytest.mark.parametrize("store", ["s3"], indirect=True)  # files answer with a FileResponse that opens them itself
def test_a_blob_gone_before_the_read_is_a_404_not_a_broken_response(store: BlobStore) -> None:
    dossier = uuid.uuid4()
    store.put_bytes(Area.BODIES, dossier, "ab" * 32, b"x" * 10)
    assert blob_response(store, Area.BODIES, dossier, "ab" * 32, 10, "bytes=2-").status_code == 206
    store.delete(Area.BODIES, dossier, "ab" * 32)
    with pytest.raises(ProblemError) as exc:
        blob_response(store, Area.BODIES, dossier, "ab" * 32, 10, None)
    assert exc.value.status == 404
    answer = blob_response(store, Area.BODIES, dossier, "ab" * 32, 10, "bytes=20-")
    assert answer.status_code == 416 and answer.headers["Content-Range"] == "bytes */10"
