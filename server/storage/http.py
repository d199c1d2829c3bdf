"""A stored blob as an HTTP response, honouring a single `Range` (an interrupted download resumes).

A store with local files answers with Starlette's FileResponse (sendfile, its own Range handling); any other store
streams the bytes it fetches for the asked range (one ranged GET on S3). Several ranges, or a Range that does not
parse, get the whole body (RFC 9110 lets a server ignore Range); a start past the end gets 416.
"""

from __future__ import annotations

import re
import uuid

from fastapi.responses import FileResponse, Response, StreamingResponse

from server.errors import ProblemError
from server.storage import Area, BlobNotFound, BlobStore

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
MEDIA_TYPE = "application/octet-stream"


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, length) of a single `bytes=` range within `size`; None for the whole body; ValueError when
    unsatisfiable."""
    match = _RANGE.match((header or "").strip())
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = min(int(last), size)
        if length == 0:
            raise ValueError("empty suffix range")
        return size - length, length
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError("range outside the body")
    return start, end - start + 1


def blob_response(
    store: BlobStore, area: Area, owner: uuid.UUID, name: str, size: int, range_header: str | None
) -> Response:
    path = store.local_path(area, owner, name)
    if path is not None:
        return FileResponse(path, media_type=MEDIA_TYPE)
    try:
        wanted = byte_range(range_header, size)
    except ValueError:
        return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
    headers = {"Accept-Ranges": "bytes"}
    start, length = wanted if wanted is not None else (0, size)
    try:  # the store answers (or says the blob is gone) before the response starts
        pieces = store.open_range(area, owner, name, start, None if wanted is None else length)
    except BlobNotFound:  # deleted between the caller's check and now
        raise ProblemError(404, "blob_not_found", "Ce fichier n'existe plus.", "This file no longer exists.") from None
    headers["Content-Length"] = str(length)
    if wanted is None:
        return StreamingResponse(pieces, media_type=MEDIA_TYPE, headers=headers)
    headers["Content-Range"] = f"bytes {start}-{start + length - 1}/{size}"
    return StreamingResponse(pieces, status_code=206, media_type=MEDIA_TYPE, headers=headers)
