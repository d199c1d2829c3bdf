"""Key hierarchy of a profile: Argon2id password slot and recovery slot wrapping the profile key (AES-256-GCM).

The profile key never touches the disk in clear. It is wrapped by a key-encryption key derived from the password
with Argon2id (parameters and salt in the header, S03) and, separately, by a key derived from the printable
recovery key. Every wrap binds the header fields as AAD (S04), so editing the KDF parameters or the vault id in
the header file makes unwrapping fail instead of silently weakening anything. Dossier data keys are wrapped by the
profile key the same way (see `wrap_key`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import StoreCorrupt, StoreTooNew, WrongPassword, WrongRecoveryKey
from desktop_app.secrets_util import zero

HEADER_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
# Crockford-like alphabet without look-alikes, for a key people copy from paper.
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 5  # 40 symbols of log2(30) ≈ 4.9 bits: ≈ 196 bits


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters; stored in the header so they can grow over time (S03)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    # OWASP floor: m=19 MiB, t=2, p=1. Anything weaker is refused even when read from a header.
    FLOOR_MEMORY_KIB = 19 * 1024
    FLOOR_TIME_COST = 2

    def validate(self) -> None:
        if (
            self.memory_kib < self.FLOOR_MEMORY_KIB
            or self.time_cost < self.FLOOR_TIME_COST
            or self.parallelism < 1
            or self.memory_kib > 4 * 1024 * 1024
            or self.time_cost > 100
            or self.parallelism > 64
        ):
            raise ValueError("Argon2id parameters outside the accepted range")

    def as_dict(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> KdfParams:
        params = cls(time_cost=int(raw["t"]), memory_kib=int(raw["m"]), parallelism=int(raw["p"]))
        params.validate()
        return params


DEFAULT_KDF = KdfParams()
# The cheapest parameters the vault accepts; tests use them to keep the suite fast (never used by the app).
FLOOR_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)


def new_key() -> bytearray:
    """A fresh 256-bit key from the OS CSPRNG (S01)."""
    return bytearray(secrets.token_bytes(KEY_BYTES))


def derive_password_key(password: str, salt: bytes, params: KdfParams) -> bytearray:
    params.validate()
    return bytearray(
        hash_secret_raw(
            password.encode("utf-8"),
            salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    )


def derive_subkey(key: bytes | bytearray, purpose: str) -> bytearray:
    """A purpose-bound key from a full-entropy key (HKDF-SHA256); used for the account DB and the recovery slot."""
    return bytearray(HKDF(algorithm=SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode()).derive(bytes(key)))


def wrap_key(kek: bytes | bytearray, key: bytes | bytearray, aad: bytes) -> dict[str, str]:
    """AES-256-GCM with a fresh random 96-bit nonce every time (S04)."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = AESGCM(bytes(kek)).encrypt(nonce, bytes(key), aad)
    return {"nonce": _b64(nonce), "ct": _b64(ciphertext)}


def unwrap_key(kek: bytes | bytearray, wrapped: dict[str, str], aad: bytes) -> bytearray:
    """Raises cryptography's InvalidTag when the KEK, the ciphertext or the AAD is not the one used to wrap."""
    return bytearray(AESGCM(bytes(kek)).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["ct"]), aad))


def generate_recovery_key() -> str:
    groups = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LEN)) for _ in range(RECOVERY_GROUPS)
    ]
    return "-".join(groups)


def normalize_recovery_key(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1").replace("U", "V")
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        raise WrongRecoveryKey()
    return "-".join(cleaned[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(cleaned), RECOVERY_GROUP_LEN))


def _recovery_kek(recovery_key: str, salt: bytes) -> bytearray:
    # The recovery key carries ~196 bits of entropy: a slow KDF adds nothing, HKDF binds it to this vault's salt.
    material = hashlib.sha256(salt + normalize_recovery_key(recovery_key).encode()).digest()
    return derive_subkey(material, "carnet/recovery-slot/v1")


@dataclass(slots=True)
class VaultHeader:
    """The non-secret file that lets a password (or the recovery key) recover the profile key."""

    vault_id: str
    kdf: KdfParams
    salt: bytes
    password_slot: dict[str, str]
    recovery_salt: bytes
    recovery_slot: dict[str, str]
    keyring_slot: dict[str, str] | None = None
    keyring_backend: str | None = None

    def aad(self, slot: str) -> bytes:
        """Associated data: the header fields an attacker could edit to weaken or swap a slot (S04)."""
        bound: dict[str, Any] = {"v": HEADER_VERSION, "vault_id": self.vault_id, "slot": slot}
        if slot == "password":
            bound |= {"kdf": self.kdf.as_dict(), "salt": _b64(self.salt)}
        elif slot == "recovery":
            bound |= {"salt": _b64(self.recovery_salt)}
        elif slot == "keyring":
            bound |= {"backend": self.keyring_backend}
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": "carnet-vault",
                "version": HEADER_VERSION,
                "vault_id": self.vault_id,
                "kdf": {"algorithm": "argon2id", **self.kdf.as_dict()},
                "salt": _b64(self.salt),
                "password_slot": self.password_slot,
                "recovery_salt": _b64(self.recovery_salt),
                "recovery_slot": self.recovery_slot,
                "keyring_slot": self.keyring_slot,
                "keyring_backend": self.keyring_backend,
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> VaultHeader:
        try:
            raw = json.loads(text)
            if raw.get("format") != "carnet-vault" or raw.get("kdf", {}).get("algorithm") != "argon2id":
                raise ValueError("not a Carnet vault header")
            if int(raw["version"]) > HEADER_VERSION:
                raise StoreTooNew()
            return cls(
                vault_id=str(raw["vault_id"]),
                kdf=KdfParams.from_dict(raw["kdf"]),
                salt=_unb64(raw["salt"]),
                password_slot=_slot(raw["password_slot"]),
                recovery_salt=_unb64(raw["recovery_salt"]),
                recovery_slot=_slot(raw["recovery_slot"]),
                keyring_slot=_slot(raw["keyring_slot"]) if raw.get("keyring_slot") else None,
                keyring_backend=str(raw["keyring_backend"]) if raw.get("keyring_backend") else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreCorrupt() from exc


def create_header(
    vault_id: str,
    profile_key: bytes | bytearray,
    password: str,
    recovery_key: str,
    kdf: KdfParams = DEFAULT_KDF,
) -> VaultHeader:
    header = VaultHeader(
        vault_id=vault_id,
        kdf=kdf,
        salt=secrets.token_bytes(16),
        password_slot={},
        recovery_salt=secrets.token_bytes(16),
        recovery_slot={},
    )
    set_password(header, profile_key, password)
    set_recovery_key(header, profile_key, recovery_key)
    return header


def set_password(
    header: VaultHeader, profile_key: bytes | bytearray, password: str, kdf: KdfParams | None = None
) -> None:
    """Re-wrap the profile key under a new password with a new salt (S05: re-wrap only, data is not re-encrypted).

    The recovery slot's AAD does not cover the password slot, so it stays valid. (The caller drops any keyring
    cache: a password is changed on suspicion of compromise, so the cached key goes too.)
    """
    if kdf is not None:
        kdf.validate()
        header.kdf = kdf
    header.salt = secrets.token_bytes(16)
    kek = derive_password_key(password, header.salt, header.kdf)
    try:
        header.password_slot = wrap_key(kek, profile_key, header.aad("password"))
    finally:
        zero(kek)


def set_recovery_key(header: VaultHeader, profile_key: bytes | bytearray, recovery_key: str) -> None:
    """Wrap the profile key under a new recovery key (new salt); the previous recovery key no longer opens it."""
    header.recovery_salt = secrets.token_bytes(16)
    kek = _recovery_kek(recovery_key, header.recovery_salt)
    try:
        header.recovery_slot = wrap_key(kek, profile_key, header.aad("recovery"))
    finally:
        zero(kek)


def unlock_with_password(header: VaultHeader, password: str) -> bytearray:
    kek = derive_password_key(password, header.salt, header.kdf)
    try:
        return unwrap_key(kek, header.password_slot, header.aad("password"))
    except InvalidTag:
        raise WrongPassword() from None
    finally:
        zero(kek)


def unlock_with_recovery(header: VaultHeader, recovery_key: str) -> bytearray:
    kek = _recovery_kek(recovery_key, header.recovery_salt)
    try:
        return unwrap_key(kek, header.recovery_slot, header.aad("recovery"))
    except InvalidTag:
        raise WrongRecoveryKey() from None
    finally:
        zero(kek)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _slot(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or not {"nonce", "ct"} <= raw.keys():
        raise ValueError("bad key slot")
    return {"nonce": str(raw["nonce"]), "ct": str(raw["ct"])}
