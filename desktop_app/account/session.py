"""Whether the profile is signed in to the service, and proving the password again."""

from __future__ import annotations

import platform

from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.setting_keys import SettingKey


def is_signed_in(profile: UnlockedProfile) -> bool:
    """True when the profile holds a service address and a session (it may still have expired)."""
    settings = profile.settings
    return bool(settings.get(SettingKey.SERVER_URL) and settings.get(SettingKey.REFRESH_TOKEN))


def verify_password(profile: UnlockedProfile, password: str) -> None:
    """S19: prove the current password again before a sensitive setting (raises WrongPassword; throttled, S29).

    Goes through the public unlock of the profile's directory: the check is the real key derivation, and failures
    count towards the same throttle as the unlock screen.
    """
    ProfileDirectory(profile.path.parent.parent).unlock(password, profile_id=profile.profile_id).lock()


def default_device_name() -> str:
    return f"Carnet sur {platform.node() or 'cet ordinateur'}"[:100]
