"""The key hierarchy: Argon2id parameters, AES-GCM wrapping with AAD, recovery keys (S03, S04, S05)."""

from __future__ import annotations

import json

import pytest
from cryptography.exceptions import InvalidTag

from desktop_app import vault
from desktop_app.errors import StoreCorrupt, WrongPassword, WrongRecoveryKey

PASSWORD = "cheval agrafe lune 47 brique Tonnerre"


def _header() -> tuple[vault.VaultHeader, bytearray, str]:
    key = vault.new_key()
    recovery = vault.generate_recovery_key()
    return vault.create_header("vault-1", key, PASSWORD, recovery, vault.FLOOR_KDF), bytearray(key), recovery


def test_default_kdf_meets_rfc9106_low_memory_profile_S03() -> None:
    assert vault.DEFAULT_KDF.memory_kib >= 64 * 1024
    assert vault.DEFAULT_KDF.time_cost >= 3
    vault.DEFAULT_KDF.validate()


@pytest.mark.parametrize(
    "params", [{"t": 1, "m": 65536, "p": 4}, {"t": 3, "m": 8192, "p": 1}, {"t": 3, "m": 65536, "p": 0}]
)
def test_parameters_below_the_owasp_floor_are_refused_even_from_a_header_S03(params: dict[str, int]) -> None:
    header, _, _ = _header()
    raw = json.loads(header.to_json())
    raw["kdf"].update(params)
    with pytest.raises(StoreCorrupt):
        vault.VaultHeader.from_json(json.dumps(raw))


def test_header_round_trips_and_unlocks_S03() -> None:
    header, key, _ = _header()
    again = vault.VaultHeader.from_json(header.to_json())
    assert again.kdf == vault.FLOOR_KDF
    assert vault.unlock_with_password(again, PASSWORD) == key


def test_wrong_password_is_refused() -> None:
    header, _, _ = _header()
    with pytest.raises(WrongPassword):
        vault.unlock_with_password(header, PASSWORD + "x")


@pytest.mark.parametrize("tamper", ["ciphertext", "nonce", "kdf", "vault_id"])
def test_any_tampered_byte_or_header_field_breaks_the_tag_S04(tamper: str) -> None:
    header, _, _ = _header()
    raw = json.loads(header.to_json())
    if tamper == "ciphertext":
        ct = bytearray(vault._unb64(raw["password_slot"]["ct"]))
        ct[0] ^= 1
        raw["password_slot"]["ct"] = vault._b64(bytes(ct))
    elif tamper == "nonce":
        nonce = bytearray(vault._unb64(raw["password_slot"]["nonce"]))
        nonce[-1] ^= 1
        raw["password_slot"]["nonce"] = vault._b64(bytes(nonce))
    elif tamper == "kdf":
        raw["kdf"]["t"] += 1  # a stronger-looking parameter is still a change to authenticated data
    else:
        raw["vault_id"] = "another-vault"
    with pytest.raises(WrongPassword):
        vault.unlock_with_password(vault.VaultHeader.from_json(json.dumps(raw)), PASSWORD)


def test_wrap_uses_a_fresh_nonce_each_time_and_checks_aad_S04() -> None:
    kek, key = vault.new_key(), vault.new_key()
    first, second = vault.wrap_key(kek, key, b"aad"), vault.wrap_key(kek, key, b"aad")
    assert first["nonce"] != second["nonce"]
    assert vault.unwrap_key(kek, first, b"aad") == key
    with pytest.raises(InvalidTag):
        vault.unwrap_key(kek, first, b"other aad")


def test_password_change_rewraps_the_same_key_and_keeps_the_recovery_slot_S05() -> None:
    header, key, recovery = _header()
    old_slot = dict(header.password_slot)
    vault.set_password(header, key, "Grenouille-violette-sous-la-pluie-1987")
    assert header.password_slot != old_slot
    with pytest.raises(WrongPassword):
        vault.unlock_with_password(header, PASSWORD)
    assert vault.unlock_with_password(header, "Grenouille-violette-sous-la-pluie-1987") == key
    assert vault.unlock_with_recovery(header, recovery) == key


def test_recovery_key_is_forgiving_about_case_and_dashes_but_not_about_content() -> None:
    header, key, recovery = _header()
    assert len(recovery.replace("-", "")) == vault.RECOVERY_GROUPS * vault.RECOVERY_GROUP_LEN
    assert vault.unlock_with_recovery(header, recovery.lower().replace("-", " ")) == key
    wrong = ("A" if recovery[0] != "A" else "B") + recovery[1:]
    with pytest.raises(WrongRecoveryKey):
        vault.unlock_with_recovery(header, wrong)
    with pytest.raises(WrongRecoveryKey):
        vault.unlock_with_recovery(header, "too-short")


def test_a_header_from_a_newer_carnet_is_refused_clearly() -> None:
    from desktop_app.errors import StoreTooNew

    header, _, _ = _header()
    raw = json.loads(header.to_json())
    raw["version"] = vault.HEADER_VERSION + 1
    with pytest.raises(StoreTooNew):
        vault.VaultHeader.from_json(json.dumps(raw))


@pytest.mark.parametrize("text", ["", "{}", "not json", '{"format": "carnet-vault"}', "[1, 2]"])
def test_a_foreign_or_damaged_header_is_reported_as_corrupt(text: str) -> None:
    with pytest.raises(StoreCorrupt):
        vault.VaultHeader.from_json(text)
