"""Restore a carnet from the encrypted backup folder `UnlockedProfile.backup()` makes (« Sauvegarder le carnet »).

A backup is the profile's SQLCipher files and its vault, still encrypted; it opens with the password the carnet had
when it was made. Restoring checks that password on the backup's own vault before touching anything, then swaps the
folders: the carnet it replaces is moved aside and comes back if anything fails, so a failed restore loses nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import vault
from desktop_app.errors import CarnetError
from desktop_app.secrets_util import zero

if TYPE_CHECKING:
    from desktop_app.profile import ProfileDirectory, UnlockedProfile

_NEEDED = ("vault.json", "profile.json", "account.db")


class NotABackup(CarnetError):
    exit_code = 4
    message_fr = (
        "Ce dossier n'est pas une sauvegarde Carnet (il y manque vault.json, profile.json ou account.db). "
        "Choisissez le dossier « carnet-… » créé par « Sauvegarder le carnet ». Rien n'a été modifié."
    )
    message_en = (
        "This folder is not a Carnet backup (vault.json, profile.json or account.db is missing). Choose the "
        "'carnet-…' folder made by 'Back up the record'. Nothing was changed."
    )


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup folder holds, read without its password."""

    path: Path
    profile_id: str
    label: str
    saved_at: datetime  # when the backup was made (its vault's modification time)
    replaces: str | None  # the label of the carnet on this computer it would replace, None if it adds one


def read_backup(folder: Path, pdir: ProfileDirectory) -> BackupInfo:
    """Describe a backup folder; raises NotABackup for anything else."""
    if not all((folder / name).is_file() for name in _NEEDED):
        raise NotABackup()
    try:
        header = vault.VaultHeader.from_json((folder / "vault.json").read_text(encoding="utf-8"))
        info = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
        label = str(info["label"])
    except (OSError, ValueError, KeyError, TypeError, CarnetError):
        raise NotABackup() from None
    existing = {p.profile_id: p.label for p in pdir.profiles()}
    saved_at = datetime.fromtimestamp((folder / "vault.json").stat().st_mtime).astimezone()
    return BackupInfo(folder, header.vault_id, label, saved_at, existing.get(header.vault_id))  # vault id = profile id


def check_backup_password(folder: Path, password: str) -> None:
    """Raises WrongPassword when `password` does not open the backup (nothing is written, here or elsewhere)."""
    header = vault.VaultHeader.from_json((folder / "vault.json").read_text(encoding="utf-8"))
    zero(vault.unlock_with_password(header, password))


def restore_backup(pdir: ProfileDirectory, folder: Path, password: str) -> UnlockedProfile:
    """Put the backup in place of the carnet with the same id (or add it), and open it with `password`.

    The carnet being replaced must be locked by the caller. Wrong password → WrongPassword before any change;
    a backup that does not open → the replaced carnet is put back as it was and the error raised.
    """
    info = read_backup(folder, pdir)
    check_backup_password(folder, password)
    profiles_dir = pdir.data_dir / "profiles"
    target = profiles_dir / info.profile_id
    aside = profiles_dir / f".{info.profile_id}.before-restore"
    staged = profiles_dir / f".{info.profile_id}.restoring"
    profiles_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(folder, staged)  # copied next to its place first: a full disk fails here, nothing moved yet
    moved = False
    try:
        if target.exists():
            shutil.rmtree(aside, ignore_errors=True)
            os.replace(target, aside)
            moved = True
        os.replace(staged, target)
        profile = pdir.unlock(password, profile_id=info.profile_id)
        problems = profile.integrity_problems()
        if problems:
            profile.lock()
            from desktop_app.errors import StoreCorrupt

            raise StoreCorrupt()
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        if moved:
            os.replace(aside, target)
        shutil.rmtree(staged, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)
    return profile
