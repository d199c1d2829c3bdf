"""Helpers of the resumable attachment upload tests (issue 20): the raw HTTP steps, and what the service keeps."""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path
from typing import Any

import httpx

Headers = dict[str, str]


def big_pdf(size: int) -> bytes:
    """A PDF Documents accepts, `size` bytes of random content (several upload chunks)."""
    head, tail = b"%PDF-1.4\n", b"\n%%EOF\n"
    return head + hashlib.shake_256(os.urandom(16)).digest(size - len(head) - len(tail)) + tail


def upload_path(conversation_id: str, attachment_id: str) -> str:
    return f"/v1/conversations/{conversation_id}/attachments/{attachment_id}/upload"


def begin(client: httpx.Client, who: Headers, path: str, content: bytes, filename: str, size: int = 0) -> Any:
    announced = {"sha256": hashlib.sha256(content).hexdigest(), "size": size or len(content), "filename": filename}
    return client.post(path, json=announced, headers=who)


def chunk(client: httpx.Client, who: Headers, path: str, offset: int, data: bytes, crc: str = "") -> Any:
    headers = {
        **who,
        "Upload-Offset": str(offset),
        "Upload-Checksum": f"crc32 {crc or format(zlib.crc32(data), '08x')}",
        "Content-Type": "application/offset+octet-stream",
    }
    return client.patch(path, content=data, headers=headers)


def kept_files(blob_root: Path) -> list[str]:
    """Every file the service keeps for attachments: sealed bodies and uploads in progress."""
    found: list[str] = []
    for area in ("message-attachments", "uploads"):
        folder = blob_root / area
        if folder.exists():
            found += sorted(str(p.relative_to(blob_root)) for p in folder.rglob("*") if p.is_file())
    return found
