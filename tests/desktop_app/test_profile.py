"""Profiles on disk: create, unlock, wrong passwords, password change, recovery, corrupt files, plaintext checks."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.errors import NoProfile, StoreCorrupt, StoreTooNew, UnlockThrottled, WrongPassword
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.vault import FLOOR_KDF
from dossier.errors import DossierValidationError
from tests.support.profiles import MARKER, OTHER_PASSWORD, PASSWORD


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_created_profile_files_are_encrypted_and_unreadable_by_stdlib_sqlite_S01(
    profile: UnlockedProfile,
) -> None:
    profile.dossier().entries.create("allergy", {"name": "Pénicilline"})
    root = profile.path
    profile.lock()
    databases = [p for p in _files(root) if p.suffix == ".db"]
    assert len(databases) == 2  # account + own dossier
    for db in databases:
        assert db.read_bytes()[:16] != b"SQLite format 3\x00"
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_marker_in_entry_and_document_never_appears_in_any_file_wal_included_S09(
    profile: UnlockedProfile,
) -> None:
    dossier = profile.dossier()
    dossier.entries.create("allergy", {"name": f"Allergie {MARKER}", "reaction": MARKER})
    dossier.documents.add(f"Compte rendu {MARKER}\n".encode() * 2000, title=f"Note {MARKER}", category="compte_rendu")
    data_dir = profile.path.parent.parent
    # Checked while the databases are open (WAL not yet folded back) and again after locking.
    wal_files = [p for p in _files(data_dir) if p.name.endswith("-wal")]
    assert wal_files, "the WAL is in use and must be checked too"
    for path in _files(data_dir):
        assert MARKER.encode() not in path.read_bytes(), path
        assert MARKER.encode("utf-16-le") not in path.read_bytes(), path
    profile.lock()
    for path in _files(data_dir):
        assert MARKER.encode() not in path.read_bytes(), path


def test_unlock_with_the_right_password_after_a_wrong_one(directory: ProfileDirectory) -> None:
    created, _ = directory.create("Zoé Lefèvre", PASSWORD)
    created.dossier().entries.create("allergy", {"name": "Pénicilline"})
    created.lock()
    with pytest.raises(WrongPassword) as info:
        directory.unlock("not the password at all")
    assert "Mot de passe incorrect" in info.value.message("fr")
    again = directory.unlock(PASSWORD)
    assert [e.data["name"] for e in again.dossier().entries.list("allergy")] == ["Pénicilline"]
    again.lock()


def test_repeated_wrong_passwords_bring_a_growing_delay_S29(tmp_path: Path) -> None:
    clock = FakeClock()
    directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF, clock=clock)
    directory.create("Zoé", PASSWORD)[0].lock()
    for _ in range(2):
        with pytest.raises(WrongPassword):
            directory.unlock("wrong password 1")
    delays = []
    for _ in range(3):
        with pytest.raises(WrongPassword):
            directory.unlock("wrong password 2")
        with pytest.raises(UnlockThrottled) as info:
            directory.unlock(PASSWORD)  # even the right password waits: the delay is per attempt, not per guess
        delays.append(info.value.retry_after)
        clock.now += timedelta(seconds=info.value.retry_after + 0.1)
    assert delays == sorted(delays) and delays[0] < delays[-1]
    assert "Patientez" in UnlockThrottled(4).message("fr")
    directory.unlock(PASSWORD).lock()  # success resets the counter
    with pytest.raises(WrongPassword):
        directory.unlock("wrong password 3")


def test_password_change_rewraps_only_and_old_password_fails_S05(directory: ProfileDirectory) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.dossier().entries.create("allergy", {"name": "Arachide"})
    dossier_file = profile.path / "dossiers" / f"{profile.dossier().dossier_id}.db"
    profile.lock()
    digest_before = hashlib.sha256(dossier_file.read_bytes()).hexdigest()
    profile = directory.unlock(PASSWORD)
    with pytest.raises(WrongPassword):
        profile.change_password("wrong current password", OTHER_PASSWORD)
    profile.change_password(PASSWORD, OTHER_PASSWORD)
    profile.lock()
    assert hashlib.sha256(dossier_file.read_bytes()).hexdigest() == digest_before  # data not re-encrypted
    with pytest.raises(WrongPassword):
        directory.unlock(PASSWORD)
    again = directory.unlock(OTHER_PASSWORD)
    assert again.dossier().entries.list()[0].data["name"] == "Arachide"
    again.lock()


def test_weak_new_password_is_refused_with_french_advice(profile: UnlockedProfile) -> None:
    with pytest.raises(DossierValidationError) as info:
        profile.change_password(PASSWORD, "azerty123456")
    assert info.value.issues[0].field == "password"


def test_recovery_key_sets_a_new_password(directory: ProfileDirectory) -> None:
    profile, recovery = directory.create("Zoé", PASSWORD)
    profile.dossier().entries.create("allergy", {"name": "Latex"})
    profile.lock()
    recovered = directory.unlock_with_recovery(recovery.lower())
    recovered.set_password(OTHER_PASSWORD)
    recovered.lock()
    again = directory.unlock(OTHER_PASSWORD)
    assert again.dossier().entries.list()[0].data["name"] == "Latex"
    again.lock()


@pytest.mark.parametrize("target", ["account.db", "dossier", "vault.json"])
def test_corrupt_file_gives_a_clear_error_and_stays_byte_for_byte_untouched_S12_S38(
    directory: ProfileDirectory, target: str
) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    dossier_id = profile.dossier().dossier_id
    profile.lock()
    path = {
        "account.db": profile.path / "account.db",
        "vault.json": profile.path / "vault.json",
        "dossier": profile.path / "dossiers" / f"{dossier_id}.db",
    }[target]
    data = bytearray(path.read_bytes())
    if target == "vault.json":
        data = bytearray(b"{ this is not json")
    else:
        for i in range(0, 4096):  # destroy the first page (salt and first page of B-tree)
            data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreCorrupt) as info:
        directory.unlock(PASSWORD).dossier()
    assert "Restaurez une sauvegarde" in info.value.message("fr")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not path.with_name(path.name + "-wal").exists() or target == "vault.json"


def test_a_foreign_file_in_place_of_the_account_database_is_refused(directory: ProfileDirectory) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.lock()
    foreign = profile.path / "account.db"
    foreign.unlink()
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    with pytest.raises(StoreCorrupt):
        directory.unlock(PASSWORD)
    assert foreign.read_bytes() == before


def test_a_store_from_a_newer_carnet_is_refused_clearly(directory: ProfileDirectory) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    store = profile.dossier()
    with store.engine.connect().execution_options(write=True) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'z9999'")
    profile.lock()
    with pytest.raises(StoreTooNew) as info:
        directory.unlock(PASSWORD).dossier()
    assert "version plus récente" in info.value.message("fr")


def test_a_profile_from_a_newer_format_is_refused(directory: ProfileDirectory) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.lock()
    info = json.loads((profile.path / "profile.json").read_text())
    info["format"] = 99
    (profile.path / "profile.json").write_text(json.dumps(info))
    with pytest.raises(StoreTooNew):
        directory.unlock(PASSWORD)


def test_no_profile_and_several_profiles_are_explained(tmp_path: Path) -> None:
    directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF)
    with pytest.raises(NoProfile):
        directory.unlock(PASSWORD)
    directory.create("Zoé", PASSWORD)[0].lock()
    directory.create("Léo", OTHER_PASSWORD)[0].lock()
    from desktop_app.errors import AmbiguousProfile

    with pytest.raises(AmbiguousProfile):
        directory.unlock(PASSWORD)
    directory.unlock(OTHER_PASSWORD, profile_id="Léo").lock()
    assert sorted(p.label for p in directory.profiles()) == ["Léo", "Zoé"]


def test_lock_disposes_every_connection_and_forgets_the_key_S14_S18(profile: UnlockedProfile) -> None:
    store = profile.dossier()
    store.entries.create("allergy", {"name": "Pollen"})
    profile.lock()
    assert profile.locked
    assert store.engine.pool.checkedout() == 0
    with pytest.raises(WrongPassword):
        profile.dossier()


def test_purge_removes_all_files_and_the_wrapped_key_S09(profile: UnlockedProfile) -> None:
    child = profile.create_dossier("Enfant", role="child")
    child.entries.create("allergy", {"name": "Oeuf"})
    path = profile.path / "dossiers" / f"{child.dossier_id}.db"
    assert path.exists()
    profile.purge_dossier(child.dossier_id)
    assert not any(p.name.startswith(child.dossier_id) for p in path.parent.iterdir())
    assert child.dossier_id not in profile.dossier_ids()


def test_default_kdf_is_used_by_a_default_directory_S03(tmp_path: Path) -> None:
    from desktop_app.vault import DEFAULT_KDF

    directory = ProfileDirectory(tmp_path)
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.lock()
    header = json.loads((profile.path / "vault.json").read_text())
    assert header["kdf"]["m"] == DEFAULT_KDF.memory_kib and header["kdf"]["t"] == DEFAULT_KDF.time_cost


def test_backup_stays_encrypted_and_opens_with_the_same_password_S15(
    directory: ProfileDirectory, tmp_path: Path
) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.dossier().entries.create("allergy", {"name": f"Latex {MARKER}"})
    backup = profile.backup(tmp_path / "backups")
    profile.lock()
    for path in _files(backup):
        assert MARKER.encode() not in path.read_bytes()
        if path.suffix == ".db":
            assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    restored_dir = tmp_path / "restored"
    (restored_dir / "profiles").mkdir(parents=True)
    backup.rename(restored_dir / "profiles" / profile.profile_id)
    restored = ProfileDirectory(restored_dir, kdf=FLOOR_KDF).unlock(PASSWORD)
    assert restored.dossier().entries.list()[0].data["name"] == f"Latex {MARKER}"
    restored.lock()


def test_integrity_check_finds_a_damaged_page_S12(directory: ProfileDirectory, tmp_path: Path) -> None:
    profile, _ = directory.create("Zoé", PASSWORD)
    store = profile.dossier()
    store.entries.create_many("condition", [{"name": f"Affection {i} " + "x" * 150} for i in range(400)])
    assert profile.integrity_problems() == {}
    dossier_id = store.dossier_id
    profile.lock()
    path = profile.path / "dossiers" / f"{dossier_id}.db"
    data = bytearray(path.read_bytes())
    assert len(data) > 5 * 4096
    data[4 * 4096 + 100] ^= 0xFF  # one byte inside page 5
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    again = directory.unlock(PASSWORD)
    problems = again.integrity_problems()
    assert problems.get(dossier_id)
    again.lock()
    assert path.read_bytes() == damaged  # reported, never "repaired" by a silent wipe (S38)


def test_secret_buffers_are_zeroed_S23() -> None:
    from desktop_app.secrets_util import zero

    secret = bytearray(b"profile key material")
    zero(secret)
    assert secret == bytearray(len(b"profile key material"))


def test_migrations_create_exactly_the_tables_the_services_use(profile: UnlockedProfile) -> None:
    from sqlalchemy import inspect

    from desktop_app import schema

    store = profile.dossier()
    inspector = inspect(store.engine)
    for table in schema.dossier_metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_data_key_rotation_rekeys_the_file_after_a_backup_S05(directory: ProfileDirectory, tmp_path: Path) -> None:
    from desktop_app.engine import open_encrypted_engine

    profile, _ = directory.create("Zoé", PASSWORD)
    store = profile.dossier()
    store.entries.create("allergy", {"name": "Pénicilline"})
    dossier_id = store.dossier_id
    old_key = profile._unwrap_dossier_key(dossier_id, profile._wrapped_key(dossier_id))
    backup = profile.rotate_dossier_key(dossier_id, backup_dir=tmp_path / "b")
    assert (backup / "dossiers" / f"{dossier_id}.db").exists()
    assert profile.dossier(dossier_id).entries.list()[0].data["name"] == "Pénicilline"
    profile.lock()
    with pytest.raises(StoreCorrupt):  # the old data key no longer opens the file
        open_encrypted_engine(profile.path / "dossiers" / f"{dossier_id}.db", old_key)
    again = directory.unlock(PASSWORD)
    assert again.dossier(dossier_id).entries.count() == 1
    again.lock()


def test_a_new_recovery_key_replaces_the_old_one_after_the_password_S19(directory: ProfileDirectory) -> None:
    profile, old_key = directory.create("Zoé", PASSWORD)
    with pytest.raises(WrongPassword):
        profile.new_recovery_key("not my password at all")
    new_key = profile.new_recovery_key(PASSWORD)
    assert new_key != old_key
    profile.lock()
    from desktop_app.errors import WrongRecoveryKey

    with pytest.raises(WrongRecoveryKey):
        directory.unlock_with_recovery(old_key)
    directory.unlock_with_recovery(new_key).lock()
    directory.unlock(PASSWORD).lock()  # the password slot is untouched
