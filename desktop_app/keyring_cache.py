"""Opt-in "remember me on this computer": a random cache key in the OS keyring wraps the profile key (S24, S25).

The keyring holds only a random key; the wrapped profile key lives in the vault header. Neither alone opens
anything. If the keyring is missing, locked, emptied or replaced by another backend, unlocking falls back to the
password: we never generate a new key and never store anything unencrypted.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag

from desktop_app import vault
from desktop_app.errors import KeyringUnavailable
from desktop_app.secrets_util import zero

SERVICE = "Carnet"


def _username(header: vault.VaultHeader) -> str:
    return f"vault:{header.vault_id}"


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _usable_backend() -> str:
    name = backend_name()
    # The fail backend cannot store anything; keyrings.alt's plaintext/“encrypted” file backends are refused: a
    # secret in a file next to the data would defeat the purpose (and keyrings.alt is never a dependency of ours).
    if name.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")):
        raise KeyringUnavailable()
    return name


def enable(header: vault.VaultHeader, profile_key: bytes | bytearray) -> None:
    name = _usable_backend()
    cache_key = vault.new_key()
    try:
        try:
            keyring.set_password(SERVICE, _username(header), cache_key.hex())
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable() from exc
        header.keyring_backend = name
        header.keyring_slot = vault.wrap_key(cache_key, profile_key, header.aad("keyring"))
    finally:
        zero(cache_key)


def disable(header: vault.VaultHeader) -> None:
    # Already gone or unreachable: the slot below is useless without it anyway.
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, _username(header))
    header.keyring_slot = None
    header.keyring_backend = None


def unlock(header: vault.VaultHeader) -> bytearray:
    if header.keyring_slot is None:
        raise KeyringUnavailable()
    try:
        if _usable_backend() != header.keyring_backend:
            raise KeyringUnavailable()  # the keyring changed since the person opted in: ask the password (S25)
        secret = keyring.get_password(SERVICE, _username(header))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable() from exc
    if not secret:
        raise KeyringUnavailable()
    try:
        cache_key = bytearray(bytes.fromhex(secret))
    except ValueError as exc:
        raise KeyringUnavailable() from exc
    try:
        return vault.unwrap_key(cache_key, header.keyring_slot, header.aad("keyring"))
    except (InvalidTag, ValueError, KeyError) as exc:
        raise KeyringUnavailable() from exc
    finally:
        zero(cache_key)
