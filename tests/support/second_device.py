"""A second device of the same person, signed in to a live service: what "another computer" writes reaches the
window under test only through the service (used by the sync window and change-event tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app import vault
from desktop_app.profile import ProfileDirectory
from desktop_app.sync.engine import S_ACCESS, S_REFRESH, S_URL, SyncEngine
from desktop_app.sync.http import Backoff

LOCAL_PASSWORD = "tablette violette sous la pluie 1987"  # this device's own profile: any strong passphrase


def other_device(url: str, flows: Any, person: Any, folder: Path, *, name: str = "Tablette") -> SyncEngine:
    """Sign `person` in on a new profile in `folder` (its own SQLCipher files); returns its engine (not started).

    `flows` and `person` are the server suite's `Flows` and `Person` (tests/server)."""
    tokens = flows.login(person, device_name=name)
    directory = ProfileDirectory(folder, kdf=vault.FLOOR_KDF)
    profile, _ = directory.create(name, LOCAL_PASSWORD, own_dossier_id=str(person.dossier_id))
    profile.set_setting(S_URL, url)
    profile.set_setting(S_ACCESS, tokens["access_token"])
    profile.set_setting(S_REFRESH, tokens["refresh_token"])
    return SyncEngine(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=3))
