"""The person's notifications (a professional opened the dossier, …) and how many are unread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of


@dataclass(frozen=True, slots=True)
class Notification:
    id: str
    event: str
    at: datetime
    professional_name: str
    detail: str | None
    read: bool


def notifications(profile: UnlockedProfile, *, limit: int = 50) -> tuple[list[Notification], int]:
    """The newest notifications and how many are unread."""
    with client(server_of(profile), profile=profile) as http:
        page = http.request("GET", f"/v1/me/notifications?limit={limit}").json()
    items = [
        Notification(
            str(n["id"]),
            str(n["event"]),
            datetime.fromisoformat(str(n["at"])),
            str(n["professional_name"]),
            n.get("detail"),
            bool(n["read"]),
        )
        for n in page["items"]
    ]
    return items, int(page["unread"])
