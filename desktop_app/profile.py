"""Profiles on disk: create, unlock (password, recovery key or OS keyring), change password, open dossiers, lock.

Layout of a data directory (only `profile.json`, `vault.json` and `unlock-state.json` are plaintext, and they hold
no health data — a label, random ids, KDF parameters, wrapped keys and a failure counter):

    <data_dir>/profiles/<profile_id>/profile.json     label, device mode, format version
    <data_dir>/profiles/<profile_id>/vault.json       key slots (see vault.py)
    <data_dir>/profiles/<profile_id>/unlock-state.json  consecutive wrong passwords, for the growing delay (S29)
    <data_dir>/profiles/<profile_id>/account.db       SQLCipher: settings + each dossier's wrapped data key
    <data_dir>/profiles/<profile_id>/dossiers/<id>.db SQLCipher: one dossier
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import platformdirs
from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine, insert, select, update

from desktop_app import keyring_cache, migrate, schema, vault
from desktop_app.changes import ChangeHub
from desktop_app.dossier_store import DEFAULT_DOCUMENT_LIMIT, Clock, DossierStore, utc_now
from desktop_app.engine import checkpoint_and_dispose, is_corruption, key_pragma, open_encrypted_engine
from desktop_app.errors import (
    AmbiguousProfile,
    CarnetError,
    KeyringNotAllowed,
    NoProfile,
    NotFound,
    ProfileExists,
    StoreCorrupt,
    UnlockThrottled,
    WrongPassword,
    damaged,
)
from desktop_app.secrets_util import zero
from desktop_app.setting_keys import SettingKey
from dossier.passwords import check_password

PROFILE_FORMAT = 1
DeviceMode = Literal["personal", "shared"]
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("Carnet", appauthor=False))


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    profile_id: str
    label: str
    device_mode: DeviceMode
    remembered: bool  # a keyring cache exists for this profile


def _atomic_write(path: Path, content: str) -> None:
    """Write-then-rename with fsync, so a crash leaves either the old or the new file, never half of one."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # 0600 whatever the umask: key slots and the failure counter are nobody else's business (S15).
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_db_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


class ProfileDirectory:
    """All the profiles of one data directory (the OS user data dir by default, or `--data-dir`)."""

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        clock: Clock = utc_now,
        kdf: vault.KdfParams = vault.DEFAULT_KDF,
    ) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.clock = clock
        self.kdf = kdf

    @property
    def _profiles_dir(self) -> Path:
        return self.data_dir / "profiles"

    def profiles(self) -> list[ProfileSummary]:
        if not self._profiles_dir.is_dir():
            return []
        found = []
        for child in sorted(self._profiles_dir.iterdir()):
            if not (child / "vault.json").is_file():
                continue
            try:
                info = json.loads((child / "profile.json").read_text(encoding="utf-8"))
                header = vault.VaultHeader.from_json((child / "vault.json").read_text(encoding="utf-8"))
            except (OSError, ValueError, CarnetError):
                continue  # an unreadable profile is reported when someone tries to open it, not hidden silently
            found.append(
                ProfileSummary(
                    child.name,
                    str(info.get("label", "")),
                    info.get("device_mode", "personal"),
                    header.keyring_slot is not None,
                )
            )
        return found

    def _resolve(self, profile_id: str | None) -> Path:
        if profile_id is not None:
            path = self._profiles_dir / profile_id
            if not (path / "vault.json").is_file():
                # Allow a label too: people remember names, not UUIDs.
                matches = [p for p in self.profiles() if p.label == profile_id]
                if len(matches) != 1:
                    raise NoProfile()
                path = self._profiles_dir / matches[0].profile_id
            return path
        candidates = (
            [p for p in self._profiles_dir.iterdir() if (p / "vault.json").exists()]
            if self._profiles_dir.is_dir()
            else []
        )
        if not candidates:
            raise NoProfile()
        if len(candidates) > 1:
            raise AmbiguousProfile()
        return candidates[0]

    def create(
        self,
        label: str,
        password: str,
        *,
        device_mode: DeviceMode = "personal",
        user_inputs: tuple[str, ...] = (),
        own_dossier_id: str | None = None,
        with_own_dossier: bool = True,
    ) -> tuple[UnlockedProfile, str]:
        """Create a profile with its own (empty) dossier; returns it unlocked and the recovery key to print once.

        `own_dossier_id` is the id the central service gave the person's dossier (activation, login); a profile
        made offline gets a fresh UUID. A clinic workstation profile has no own dossier (`with_own_dossier=False`).
        """
        label = label.strip()
        if not label or len(label) > 200:
            from dossier.errors import DossierValidationError

            raise DossierValidationError.single(
                "name",
                "required",
                "Indiquez un nom pour ce carnet (200 caractères au plus).",
                "Give this record a name (at most 200 characters).",
            )
        if any(p.label == label for p in self.profiles()):
            raise ProfileExists()
        check_password(password, user_inputs=(label, *user_inputs))
        profile_id = str(uuid.uuid4())
        path = self._profiles_dir / profile_id
        path.mkdir(parents=True, mode=0o700)
        (path / "dossiers").mkdir(mode=0o700)
        profile_key = vault.new_key()
        recovery_key = vault.generate_recovery_key()
        try:
            header = vault.create_header(profile_id, profile_key, password, recovery_key, self.kdf)
            _atomic_write(
                path / "profile.json",
                json.dumps(
                    {
                        "format": PROFILE_FORMAT,
                        "label": label,
                        "device_mode": device_mode,
                        "created_at": self.clock().astimezone(UTC).isoformat(),
                    },
                    ensure_ascii=False,
                    indent=2,
                ),
            )
            profile = UnlockedProfile(self, path, header, profile_key, create=True)
            if with_own_dossier:
                profile.create_dossier(label, role="own", dossier_id=own_dossier_id)
            # The vault file is written last: a crash before this point leaves no half-made profile to unlock.
            _atomic_write(path / "vault.json", header.to_json())
            self._note_opened(path)
        except BaseException:
            zero(profile_key)
            _remove_tree(path)
            raise
        return profile, recovery_key

    def _load(self, path: Path) -> tuple[vault.VaultHeader, dict[str, Any]]:
        try:
            header = vault.VaultHeader.from_json((path / "vault.json").read_text(encoding="utf-8"))
            info = json.loads((path / "profile.json").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreCorrupt() from exc
        if int(info.get("format", 0)) > PROFILE_FORMAT:
            from desktop_app.errors import StoreTooNew

            raise StoreTooNew()
        return header, info

    # -- throttling (S29) ---------------------------------------------------------------------------------------------
    def _throttle_state(self, path: Path) -> dict[str, Any]:
        try:
            state = json.loads((path / "unlock-state.json").read_text(encoding="utf-8"))
            return state if isinstance(state, dict) else {}
        except (OSError, ValueError):
            return {}

    def _check_throttle(self, path: Path) -> None:
        state = self._throttle_state(path)
        not_before = state.get("not_before")
        if not_before:
            wait = (datetime.fromisoformat(not_before) - self.clock()).total_seconds()
            if wait > 0:
                raise UnlockThrottled(min(wait, MAX_DELAY_SECONDS))

    def _record_failure(self, path: Path) -> None:
        state = self._throttle_state(path)
        failures = int(state.get("failures", 0)) + 1
        delay = 0.0 if failures < FREE_ATTEMPTS else min(2.0 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS)
        not_before = self.clock() + _seconds(delay)
        _atomic_write(
            path / "unlock-state.json",
            json.dumps({"failures": failures, "not_before": not_before.isoformat() if delay else None}),
        )

    def _record_success(self, path: Path) -> None:
        if (path / "unlock-state.json").exists():
            (path / "unlock-state.json").unlink()
        self._note_opened(path)

    def _note_opened(self, path: Path) -> None:
        """Remember which carnet was opened last (its random id only), so the lock screen offers it first."""
        _atomic_write(self.data_dir / "last-opened", path.name)

    def last_opened(self) -> str | None:
        """The id of the carnet opened (or created) last on this computer, if it still exists."""
        try:
            profile_id = (self.data_dir / "last-opened").read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return profile_id if (self._profiles_dir / profile_id / "vault.json").is_file() else None

    def _unlock(self, profile_id: str | None, opener: Callable[[vault.VaultHeader], bytearray]) -> UnlockedProfile:
        path = self._resolve(profile_id)
        header, _ = self._load(path)
        self._check_throttle(path)
        try:
            key = opener(header)
        except WrongPassword:
            self._record_failure(path)
            raise
        self._record_success(path)
        return UnlockedProfile(self, path, header, key)

    def unlock(self, password: str, *, profile_id: str | None = None) -> UnlockedProfile:
        """Derive the key with Argon2id (~0.5 s: call it off the UI thread) and open the profile."""
        return self._unlock(profile_id, lambda header: vault.unlock_with_password(header, password))

    def unlock_with_recovery(self, recovery_key: str, *, profile_id: str | None = None) -> UnlockedProfile:
        return self._unlock(profile_id, lambda header: vault.unlock_with_recovery(header, recovery_key))

    def unlock_with_keyring(self, *, profile_id: str | None = None) -> UnlockedProfile:
        """Open with the key cached in the OS keyring; raises KeyringUnavailable so the caller asks the password."""
        path = self._resolve(profile_id)
        header, _ = self._load(path)
        key = keyring_cache.unlock(header)
        self._note_opened(path)
        return UnlockedProfile(self, path, header, key)


def _seconds(value: float) -> Any:
    from datetime import timedelta

    return timedelta(seconds=value)


def _tighten_modes(path: Path) -> None:
    """A profile written before files were made private (0644 in 0755 folders) becomes its owner's only: folders
    0700, files 0600 (issue 15 finding 5). Best effort: a file that cannot be changed is left as it is."""
    for item in (path.parent, path, *path.rglob("*")):
        try:
            if stat.S_IMODE(item.stat().st_mode) & 0o077:
                os.chmod(item, 0o700 if item.is_dir() else 0o600)
        except OSError:
            continue


def _remove_tree(path: Path) -> None:
    if not path.exists():
        return
    for child in sorted(path.rglob("*"), reverse=True):
        if child.is_dir():
            child.rmdir()
        else:
            child.unlink()
    path.rmdir()


class UnlockedProfile:
    """A profile whose key is in memory. `lock()` forgets the keys and closes every database (S14, S18)."""

    def __init__(
        self,
        directory: ProfileDirectory,
        path: Path,
        header: vault.VaultHeader,
        profile_key: bytearray,
        *,
        create: bool = False,
    ) -> None:
        self._directory = directory
        self.path = path
        self.profile_id = path.name
        _tighten_modes(path)
        self._header = header
        self._key: bytearray | None = profile_key
        info = json.loads((path / "profile.json").read_text(encoding="utf-8"))
        self.label: str = info["label"]
        self.device_mode: DeviceMode = info.get("device_mode", "personal")
        self._dossiers: dict[str, DossierStore] = {}
        # One hub for every dossier this profile opens: the sync engine and the window's relay listen to it.
        self.changes = ChangeHub()
        account_key = vault.derive_subkey(profile_key, "carnet/account-db/v1")
        try:
            self._account: Engine = open_encrypted_engine(path / "account.db", account_key, create=create)
        except StoreCorrupt as exc:
            raise damaged("account") from exc
        finally:
            zero(account_key)
        try:
            migrate.upgrade(self._account, "account")
            if create:
                self.set_setting(SettingKey.CLIENT_ID, str(uuid.uuid4()))
            self.settings  # noqa: B018 — reads every settings page now, so a damaged one is reported at unlock
        except Exception as exc:
            if not is_corruption(exc):
                raise
            self._account.dispose()
            raise damaged("account") from exc

    # -- state -------------------------------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._key is None

    def _profile_key(self) -> bytearray:
        if self._key is None:
            raise WrongPassword(
                "Ce carnet est verrouillé : saisissez votre mot de passe.",
                "This record is locked: enter your password.",
            )
        return self._key

    def lock(self) -> None:
        """Close every database (WAL checkpointed and truncated), drop pooled connections and zero the keys."""
        for store in self._dossiers.values():
            store.close()
        self._dossiers.clear()
        checkpoint_and_dispose(self._account)
        if self._key is not None:
            zero(self._key)
            self._key = None

    close = lock

    # -- settings (encrypted) ----------------------------------------------------------------------------------------
    @property
    def settings(self) -> dict[str, Any]:
        with self._account.connect() as conn:
            return {row.key: json.loads(row.value) for row in conn.execute(select(schema.account_settings))}

    def set_setting(self, key: str, value: Any) -> None:
        key = str(key)  # a SettingKey is stored as its plain value
        encoded = json.dumps(value, ensure_ascii=False)
        with self._account.connect().execution_options(write=True) as conn, conn.begin():
            done = conn.execute(
                update(schema.account_settings).where(schema.account_settings.c.key == key).values(value=encoded)
            ).rowcount
            if not done:
                conn.execute(insert(schema.account_settings).values(key=key, value=encoded))

    @property
    def client_id(self) -> str:
        return str(self.settings[SettingKey.CLIENT_ID])

    # -- dossiers ----------------------------------------------------------------------------------------------------
    def _dossier_path(self, dossier_id: str) -> Path:
        uuid.UUID(dossier_id)  # ids become file names: only UUIDs
        return self.path / "dossiers" / f"{dossier_id}.db"

    def _aad(self, dossier_id: str) -> bytes:
        return f"carnet/dossier-key/v1/{self.profile_id}/{dossier_id}".encode()

    def dossier_ids(self) -> list[str]:
        with self._account.connect() as conn:
            return [
                r.id
                for r in conn.execute(
                    select(schema.account_dossiers.c.id).order_by(schema.account_dossiers.c.created_at)
                )
            ]

    def create_dossier(self, label: str, *, role: str = "own", dossier_id: str | None = None) -> DossierStore:
        dossier_id = dossier_id or str(uuid.uuid4())
        data_key = vault.new_key()
        try:
            wrapped = vault.wrap_key(self._profile_key(), data_key, self._aad(dossier_id))
            path = self._dossier_path(dossier_id)
            engine = open_encrypted_engine(path, data_key, create=True)
        finally:
            zero(data_key)
        migrate.upgrade(engine, "dossier")
        with engine.connect().execution_options(write=True) as conn, conn.begin():
            conn.execute(insert(schema.meta).values(key="dossier_id", value=dossier_id))
        with self._account.connect().execution_options(write=True) as conn, conn.begin():
            conn.execute(
                insert(schema.account_dossiers).values(
                    id=dossier_id,
                    label=label,
                    role=role,
                    wrapped_key=json.dumps(wrapped),
                    created_at=self._directory.clock().astimezone(UTC).isoformat(),
                )
            )
        if role == "own":
            self.set_setting(SettingKey.OWN_DOSSIER_ID, dossier_id)
        store = self._make_store(engine, dossier_id)
        self._dossiers[dossier_id] = store
        return store

    def _make_store(self, engine: Engine, dossier_id: str) -> DossierStore:
        limit = int(self.settings.get(SettingKey.DOCUMENT_LIMIT_BYTES, DEFAULT_DOCUMENT_LIMIT))
        return DossierStore(engine, dossier_id, clock=self._directory.clock, document_limit=limit, changes=self.changes)

    def dossier(self, dossier_id: str | None = None) -> DossierStore:
        if dossier_id is None:
            dossier_id = str(self.settings[SettingKey.OWN_DOSSIER_ID])
        if dossier_id in self._dossiers:
            return self._dossiers[dossier_id]
        with self._account.connect() as conn:
            row = conn.execute(
                select(schema.account_dossiers).where(schema.account_dossiers.c.id == dossier_id)
            ).first()
        if row is None:
            raise NotFound()
        try:
            engine = self._open_dossier_engine(dossier_id, json.loads(row.wrapped_key))
        except StoreCorrupt as exc:
            raise damaged(dossier_id) from exc
        try:
            migrate.upgrade(engine, "dossier")
        except Exception as exc:
            engine.dispose()
            if not is_corruption(exc):
                raise
            raise damaged(dossier_id) from exc
        store = self._make_store(engine, dossier_id)
        self._dossiers[dossier_id] = store
        return store

    def _wrapped_key(self, dossier_id: str) -> dict[str, str]:
        with self._account.connect() as conn:
            value = conn.execute(
                select(schema.account_dossiers.c.wrapped_key).where(schema.account_dossiers.c.id == dossier_id)
            ).scalar_one()
        wrapped: dict[str, str] = json.loads(value)
        return wrapped

    def _unwrap_dossier_key(self, dossier_id: str, wrapped: dict[str, str]) -> bytearray:
        try:
            return vault.unwrap_key(self._profile_key(), wrapped, self._aad(dossier_id))
        except (InvalidTag, ValueError, KeyError) as exc:
            raise StoreCorrupt() from exc

    def _open_dossier_engine(self, dossier_id: str, wrapped: dict[str, str]) -> Engine:
        data_key = self._unwrap_dossier_key(dossier_id, wrapped)
        try:
            return open_encrypted_engine(self._dossier_path(dossier_id), data_key)
        except StoreCorrupt:
            pending = self.settings.get(f"pending_key:{dossier_id}")
            if pending is None:
                raise
            # A key rotation was interrupted after the rekey and before the swap: finish it now.
            engine = self._open_with(dossier_id, pending)
            self._swap_pending_key(dossier_id, pending)
            return engine
        finally:
            zero(data_key)

    def _open_with(self, dossier_id: str, wrapped: dict[str, str]) -> Engine:
        key = self._unwrap_dossier_key(dossier_id, wrapped)
        try:
            return open_encrypted_engine(self._dossier_path(dossier_id), key)
        finally:
            zero(key)

    def _swap_pending_key(self, dossier_id: str, wrapped: dict[str, str]) -> None:
        with self._account.connect().execution_options(write=True) as conn, conn.begin():
            conn.execute(
                update(schema.account_dossiers)
                .where(schema.account_dossiers.c.id == dossier_id)
                .values(wrapped_key=json.dumps(wrapped))
            )
            conn.execute(
                schema.account_settings.delete().where(schema.account_settings.c.key == f"pending_key:{dossier_id}")
            )

    def rotate_dossier_key(self, dossier_id: str, *, backup_dir: Path) -> Path:
        """Re-encrypt a dossier under a fresh data key (S05): backup first, no other connection, `PRAGMA rekey`.

        The new wrapped key is saved as "pending" before the rekey, so a crash at any point leaves a dossier that
        opens with one of the two keys; opening finishes an interrupted rotation.
        """
        backup = self.backup(backup_dir)
        store = self.dossier(dossier_id)
        store.close()
        self._dossiers.pop(dossier_id, None)
        new_key = vault.new_key()
        try:
            wrapped = vault.wrap_key(self._profile_key(), new_key, self._aad(dossier_id))
            self.set_setting(f"pending_key:{dossier_id}", wrapped)
            engine = self.dossier(dossier_id).engine
            self._dossiers.pop(dossier_id, None)
            raw = engine.raw_connection()
            try:
                raw.cursor().execute(key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
            finally:
                raw.close()
                engine.dispose()
        finally:
            zero(new_key)
        self._swap_pending_key(dossier_id, wrapped)
        return backup

    def purge_dossier(self, dossier_id: str) -> None:
        """Crypto-shred a dossier: close it, delete its files (-wal, -shm too) and destroy its wrapped key."""
        store = self._dossiers.pop(dossier_id, None)
        if store is not None:
            store.engine.dispose()
        with self._account.connect().execution_options(write=True) as conn, conn.begin():
            conn.execute(schema.account_dossiers.delete().where(schema.account_dossiers.c.id == dossier_id))
        _remove_db_files(self._dossier_path(dossier_id))

    # -- backup and checks (S12, S15) --------------------------------------------------------------------------------
    def backup(self, target_dir: Path) -> Path:
        """Copy the whole profile, still encrypted, into a new folder; it opens with the same password."""
        target = Path(target_dir) / f"carnet-{self.profile_id}-{self._directory.clock():%Y%m%d-%H%M%S}"
        (target / "dossiers").mkdir(parents=True, mode=0o700)
        from desktop_app.engine import vacuum_into

        vacuum_into(self._account, target / "account.db")
        for dossier_id in self.dossier_ids():
            self.dossier(dossier_id).backup_to(target / "dossiers" / f"{dossier_id}.db")
        for name in ("profile.json", "vault.json"):
            _atomic_write(target / name, (self.path / name).read_text(encoding="utf-8"))
        return target

    def integrity_problems(self) -> dict[str, list[str]]:
        """Per database ("account" or a dossier id), what SQLCipher's and SQLite's checks report (empty: sound)."""
        from desktop_app.engine import integrity_problems

        report = {"account": integrity_problems(self._account)}
        try:
            dossier_ids = self.dossier_ids()
        except Exception as exc:
            if not is_corruption(exc):
                raise
            report["account"].append("dossier list unreadable")
            dossier_ids = []
        for dossier_id in dossier_ids:
            try:
                report[dossier_id] = self.dossier(dossier_id).integrity_problems()
            except StoreCorrupt:
                report[dossier_id] = ["unreadable"]
        return {name: problems for name, problems in report.items() if problems}

    def dossier_label(self, dossier_id: str) -> str:
        """The label of a dossier, from the account database ("" if unknown)."""
        with self._account.connect() as conn:
            label = conn.execute(
                select(schema.account_dossiers.c.label).where(schema.account_dossiers.c.id == dossier_id)
            ).scalar()
        return str(label or "")

    # -- credentials -------------------------------------------------------------------------------------------------
    def _save_header(self) -> None:
        _atomic_write(self.path / "vault.json", self._header.to_json())

    def change_password(self, current: str, new: str) -> None:
        """Re-enter the current password (S19), then re-wrap the profile key under the new one (S05)."""
        vault.unlock_with_password(self._header, current)  # raises WrongPassword; the result is the same key
        self.set_password(new)

    def new_recovery_key(self, current_password: str) -> str:
        """Re-enter the password (S19), then replace the recovery key: the old printed sheet stops working."""
        vault.unlock_with_password(self._header, current_password)
        recovery_key = vault.generate_recovery_key()
        vault.set_recovery_key(self._header, self._profile_key(), recovery_key)
        self._save_header()
        return recovery_key

    def set_password(self, new: str) -> None:
        """Used after proving the current password or the recovery key."""
        check_password(new, user_inputs=(self.label,))
        self.forget_on_this_device()
        vault.set_password(self._header, self._profile_key(), new, self._directory.kdf)
        self._save_header()

    # -- "se souvenir de moi sur cet ordinateur" (S24, S25) ---------------------------------------------------------
    def remember_on_this_device(self) -> None:
        if self.device_mode != "personal":
            raise KeyringNotAllowed()
        keyring_cache.enable(self._header, self._profile_key())
        self._save_header()

    def forget_on_this_device(self) -> None:
        if self._header.keyring_slot is None:
            return
        keyring_cache.disable(self._header)
        self._save_header()

    @property
    def remembered(self) -> bool:
        return self._header.keyring_slot is not None
