"""'Se souvenir de moi': opt-in OS keyring caching against a real Secret Service, and the fallbacks (S24, S25)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import keyring
import keyring.backend
import pytest

from desktop_app.errors import KeyringNotAllowed, KeyringUnavailable
from desktop_app.profile import ProfileDirectory
from desktop_app.vault import FLOOR_KDF
from tests.support.profiles import PASSWORD
from tests.support.required import require


@pytest.fixture
def secret_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A private D-Bus session with an unlocked gnome-keyring (the recipe of STACK_NOTES.md)."""
    require(
        shutil.which("dbus-daemon") is not None and shutil.which("gnome-keyring-daemon") is not None,
        "dbus-daemon and gnome-keyring-daemon are needed for the Secret Service tests",
    )
    runtime = Path(tempfile.mkdtemp(prefix="carnet-xdg-"))
    runtime.chmod(0o700)
    home = Path(tempfile.mkdtemp(prefix="carnet-home-"))
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(home),
    }
    daemon = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input="pw",
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "HOME"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    keyring.set_keyring(backend)
    try:
        assert daemon.returncode == 0, daemon.stderr
        yield
    finally:
        keyring.set_keyring(_fail_backend())
        subprocess.run(["pkill", "-f", f"gnome-keyring-daemon.*{runtime}"], check=False)
        for line in daemon.stdout.splitlines():
            if line.startswith("GNOME_KEYRING_PID="):
                subprocess.run(["kill", line.split("=", 1)[1]], check=False)
        bus.terminate()
        bus.wait(timeout=10)
        shutil.rmtree(runtime, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def _fail_backend() -> keyring.backend.KeyringBackend:
    from keyring.backends import fail

    return fail.Keyring()


@pytest.mark.keyring
def test_remember_me_opens_without_password_through_a_real_secret_service_S24(
    secret_service: None, tmp_path: Path
) -> None:
    directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF)
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.dossier().entries.create("allergy", {"name": "Pénicilline"})
    profile.remember_on_this_device()
    profile.lock()
    assert directory.profiles()[0].remembered
    stored = keyring.get_password("Carnet", f"vault:{profile.profile_id}")
    assert stored and len(stored) == 64  # a random cache key, not the profile key and not the password
    assert PASSWORD not in stored
    again = directory.unlock_with_keyring()
    assert again.dossier().entries.list()[0].data["name"] == "Pénicilline"
    again.forget_on_this_device()
    again.lock()
    assert keyring.get_password("Carnet", f"vault:{profile.profile_id}") is None
    with pytest.raises(KeyringUnavailable):
        directory.unlock_with_keyring()


@pytest.mark.keyring
def test_emptied_or_changed_keyring_falls_back_to_the_password_S25(secret_service: None, tmp_path: Path) -> None:
    directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF)
    profile, _ = directory.create("Zoé", PASSWORD)
    profile.remember_on_this_device()
    vault_file = profile.path / "vault.json"
    profile.lock()
    keyring.delete_password("Carnet", f"vault:{profile.profile_id}")  # the keyring lost our secret
    before = hashlib.sha256(vault_file.read_bytes()).hexdigest()
    with pytest.raises(KeyringUnavailable):
        directory.unlock_with_keyring()
    assert hashlib.sha256(vault_file.read_bytes()).hexdigest() == before  # never a new key
    directory.unlock(PASSWORD).lock()


def test_without_any_keyring_remember_me_is_refused_and_password_still_works_S25(tmp_path: Path) -> None:
    keyring.set_keyring(_fail_backend())
    directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF)
    profile, _ = directory.create("Zoé", PASSWORD)
    with pytest.raises(KeyringUnavailable):
        profile.remember_on_this_device()
    assert not profile.remembered
    profile.lock()
    with pytest.raises(KeyringUnavailable):
        directory.unlock_with_keyring()
    directory.unlock(PASSWORD).lock()


class _RecordingKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append("set")

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append("delete")


def test_shared_workstation_never_writes_to_the_keyring_S24(tmp_path: Path) -> None:
    recorder = _RecordingKeyring()
    keyring.set_keyring(recorder)
    try:
        directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF)
        profile, _ = directory.create("Dr Martin", PASSWORD, device_mode="shared")
        with pytest.raises(KeyringNotAllowed):
            profile.remember_on_this_device()
        profile.lock()
        assert recorder.calls == []
    finally:
        keyring.set_keyring(_fail_backend())


def test_a_different_keyring_backend_than_at_opt_in_asks_for_the_password_S25(tmp_path: Path) -> None:
    class MemoryKeyring(_RecordingKeyring):
        store: ClassVar[dict[tuple[str, str], str]] = {}

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

    class OtherMemoryKeyring(MemoryKeyring):
        pass

    keyring.set_keyring(MemoryKeyring())
    try:
        directory = ProfileDirectory(tmp_path, kdf=FLOOR_KDF)
        profile, _ = directory.create("Zoé", PASSWORD)
        profile.remember_on_this_device()
        profile.lock()
        directory.unlock_with_keyring().lock()
        keyring.set_keyring(OtherMemoryKeyring())  # same secrets visible, but another backend
        with pytest.raises(KeyringUnavailable):
            directory.unlock_with_keyring()
    finally:
        keyring.set_keyring(_fail_backend())
