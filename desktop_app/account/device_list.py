"""The devices registered to the account, and revoking one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of


@dataclass(frozen=True, slots=True)
class Device:
    id: str
    name: str
    first_seen_at: datetime
    last_seen_at: datetime
    revoked: bool
    current: bool


def devices(profile: UnlockedProfile) -> list[Device]:
    """The devices registered to the account, this one marked ``current``."""
    with client(server_of(profile), profile=profile) as http:
        rows = http.request("GET", "/v1/me/devices").json()
    return [
        Device(
            str(r["id"]),
            str(r["name"]),
            datetime.fromisoformat(str(r["first_seen_at"])),
            datetime.fromisoformat(str(r["last_seen_at"])),
            bool(r["revoked"]),
            bool(r["current"]),
        )
        for r in rows
    ]


def revoke_device(profile: UnlockedProfile, device_id: str) -> None:
    """Revoke one device: its sessions stop working at once (it keeps nothing it has not synced)."""
    with client(server_of(profile), profile=profile) as http:
        http.request("DELETE", f"/v1/me/devices/{device_id}")
