"""Paramètres: « se souvenir de moi » after re-entering the password (S19, S24, S25), only in personal mode."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import pytest

from desktop_app.profile import ProfileDirectory
from tests.ui.helpers import PASSWORD, open_dossier


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A stand-in for the OS keyring (a third-party service, not our code): secrets kept in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _apply(qtbot, box, password: str) -> None:
    box.password_edit.clear()
    qtbot.keyClicks(box.password_edit, password)
    box.apply_button.click()
    qtbot.waitUntil(lambda: not box.status.text().startswith("Vérification"), timeout=20_000)


def test_remember_me_needs_the_password_again_S19(
    qtbot, window, existing_profile, profiles: ProfileDirectory, memory_keyring: MemoryKeyring
) -> None:
    open_dossier(qtbot, window)
    box = window.dossier.settings.remember_box
    window.dossier.show_section("settings")
    assert box.isEnabled() and not box.remember_check.isChecked()
    assert not box.apply_button.isEnabled()  # nothing to apply yet
    box.remember_check.setChecked(True)
    assert not box.apply_button.isEnabled()  # the password is required first (S19)
    _apply(qtbot, box, "ce n'est pas le mot de passe")
    qtbot.waitUntil(box.password_error.isVisible, timeout=20_000)
    assert box.password_error.text() == "Mot de passe incorrect : rien n'a été changé."
    assert memory_keyring.secrets == {} and not box.remember_check.isChecked()
    assert box.password_edit.text() == ""  # a password field never keeps what was typed (S23)

    box.remember_check.setChecked(True)
    _apply(qtbot, box, PASSWORD)
    qtbot.waitUntil(lambda: "se souviendra" in box.status.text(), timeout=20_000)
    assert len(memory_keyring.secrets) == 1
    assert next(p for p in profiles.profiles() if p.profile_id == existing_profile).remembered
    window.lock()
    reopened = profiles.unlock_with_keyring(profile_id=existing_profile)  # opens without the password now
    reopened.lock()
    open_dossier(qtbot, window)
    window.dossier.show_section("settings")
    assert box.remember_check.isChecked()
    box.remember_check.setChecked(False)
    _apply(qtbot, box, PASSWORD)
    qtbot.waitUntil(lambda: "ne se souvient plus" in box.status.text(), timeout=20_000)
    assert memory_keyring.secrets == {}


def test_without_a_keyring_the_message_says_so_and_nothing_changes_S25(
    qtbot, window, existing_profile, profiles: ProfileDirectory
) -> None:
    open_dossier(qtbot, window)  # the test session's keyring is the "fail" backend (tests/conftest.py)
    box = window.dossier.settings.remember_box
    window.dossier.show_section("settings")
    box.remember_check.setChecked(True)
    _apply(qtbot, box, PASSWORD)
    qtbot.waitUntil(box.password_error.isVisible, timeout=20_000)
    assert box.password_error.text() == "Le trousseau du système n'est pas disponible : saisissez votre mot de passe."
    assert not box.remember_check.isChecked()
    assert not next(p for p in profiles.profiles()).remembered


def test_remember_me_is_not_offered_on_a_shared_computer_S24(qtbot, window, profiles: ProfileDirectory) -> None:
    shared, _ = profiles.create("Poste partagé", PASSWORD, device_mode="shared")
    shared.lock()
    open_dossier(qtbot, window)
    box = window.dossier.settings.remember_box
    assert not box.isEnabled()
    assert "ordinateur partagé" in box.status.text()
