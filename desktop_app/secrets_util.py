"""Best-effort handling of secret bytes: mutable buffers that are zeroed after use (S23)."""

from __future__ import annotations

import ctypes
import hmac


def zero(buffer: bytearray) -> None:
    """Overwrite a secret buffer in place. Python `bytes`/`str` copies cannot be wiped: keep secrets in bytearrays."""
    if buffer:
        ctypes.memset((ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))


def constant_time_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
