"""Secrets of the service: password hashing (Argon2id), opaque tokens and one-time codes, stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from server.config import Argon2Params


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_token() -> str:
    """An opaque bearer token (256 bits)."""
    return secrets.token_urlsafe(32)


def new_otp() -> str:
    """A 6-digit one-time code."""
    return f"{secrets.randbelow(1_000_000):06d}"


def same_hash(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class PasswordHasher:
    """Argon2id via pwdlib; `verify` also answers whether the stored hash should be upgraded (S33)."""

    def __init__(self, params: Argon2Params) -> None:
        self._hash = PasswordHash(
            (
                Argon2Hasher(
                    time_cost=params.time_cost,
                    memory_cost=params.memory_cost_kib,
                    parallelism=params.parallelism,
                ),
            )
        )
        # A real hash to verify against when the login is unknown: same cost, no timing oracle.
        self._dummy = self._hash.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hash.hash(password)

    def verify(self, password: str, stored: str | None) -> tuple[bool, str | None]:
        """(valid, new hash if the parameters changed). With `stored=None` runs a dummy verification."""
        if stored is None:
            self._hash.verify(password, self._dummy)
            return False, None
        return self._hash.verify_and_update(password, stored)
