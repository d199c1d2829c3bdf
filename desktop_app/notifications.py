"""The person's notifications (a professional opened the dossier, an emergency access, a document added, an aidant
invited…), how many are unread, and marking them read — with an offline copy.

Every list the service returns is kept in the profile's encrypted settings (``SettingKey.NOTIFICATIONS``): offline
(or signed out) the last copy answers, dated. Marking read offline marks the copy at once and remembers the ids; they
are sent before the next list is asked, so nothing read comes back unread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import NotSignedIn, SyncOffline

EVENTS = ("professional_access", "emergency_access", "document_added_by_professional")
"""The kinds of notification the service sends today (others are shown with a generic sentence)."""
MAX_IDS = 200  # the service's limit for one "mark read" call


@dataclass(frozen=True, slots=True)
class Notification:
    id: str
    event: str
    at: datetime
    professional_name: str
    detail: str | None
    read: bool


@dataclass(frozen=True, slots=True)
class Notifications:
    """The newest notifications and how many are unread; ``from_cache`` when this is the copy of ``fetched_at``."""

    items: tuple[Notification, ...]
    unread: int
    fetched_at: datetime | None = None
    from_cache: bool = False


def _item(raw: dict[str, Any]) -> Notification:
    return Notification(
        str(raw["id"]),
        str(raw["event"]),
        datetime.fromisoformat(str(raw["at"])),
        str(raw.get("professional_name") or ""),
        raw.get("detail"),
        bool(raw["read"]),
    )


def _from_page(page: dict[str, Any], *, fetched_at: datetime | None, from_cache: bool) -> Notifications:
    items = tuple(_item(n) for n in page["items"])
    return Notifications(items, int(page["unread"]), fetched_at, from_cache)


def _copy(profile: UnlockedProfile) -> dict[str, Any] | None:
    raw = profile.settings.get(SettingKey.NOTIFICATIONS)
    return raw if isinstance(raw, dict) and isinstance(raw.get("page"), dict) else None


def _pending(profile: UnlockedProfile) -> list[str]:
    copy = _copy(profile)
    return [str(i) for i in (copy or {}).get("pending_read") or ()]


def cached_notifications(profile: UnlockedProfile) -> Notifications | None:
    """The offline copy of the last list (with what was marked read since), or None."""
    copy = _copy(profile)
    if copy is None:
        return None
    return _from_page(copy["page"], fetched_at=datetime.fromisoformat(str(copy["fetched_at"])), from_cache=True)


def _keep(profile: UnlockedProfile, page: dict[str, Any], fetched_at: datetime, pending: list[str]) -> None:
    profile.set_setting(
        SettingKey.NOTIFICATIONS, {"fetched_at": fetched_at.isoformat(), "page": page, "pending_read": pending}
    )


def _send_read(http: Any, ids: list[str] | None) -> None:
    if ids is None:
        http.request("POST", "/v1/me/notifications/read", json={})
        return
    for start in range(0, len(ids), MAX_IDS):
        http.request("POST", "/v1/me/notifications/read", json={"ids": ids[start : start + MAX_IDS]})


def notifications(profile: UnlockedProfile, *, limit: int = 50) -> Notifications:
    """The newest notifications and how many are unread; kept as the offline copy.

    Offline (or signed out) the copy answers (``from_cache``) if there is one; else the error is raised.
    """
    pending = _pending(profile)
    try:
        with client(server_of(profile), profile=profile) as http:
            if pending:
                _send_read(http, pending)
            page = http.request("GET", f"/v1/me/notifications?limit={int(limit)}").json()
    except (SyncOffline, NotSignedIn):
        cached = cached_notifications(profile)
        if cached is None:
            raise
        return cached
    fetched_at = datetime.now(UTC)
    _keep(profile, page, fetched_at, [])
    return _from_page(page, fetched_at=fetched_at, from_cache=False)


def mark_read(profile: UnlockedProfile, ids: list[str] | None = None) -> Notifications:
    """Mark some notifications (or, with None, all of them) read: in the copy at once, on the service when it
    answers (else at the next list). Returns the list as it now stands."""
    copy = _copy(profile)
    page: dict[str, Any] = dict(copy["page"]) if copy is not None else {"items": [], "unread": 0}
    wanted = {str(i) for i in ids} if ids is not None else None
    items = [
        {**n, "read": True} if wanted is None or str(n["id"]) in wanted else dict(n) for n in page.get("items") or ()
    ]
    newly = sum(1 for old, new in zip(page.get("items") or (), items, strict=True) if new["read"] and not old["read"])
    page = {**page, "items": items, "unread": max(0, int(page.get("unread") or 0) - newly)}
    if wanted is None:
        page["unread"] = 0
    fetched_at = datetime.fromisoformat(str(copy["fetched_at"])) if copy is not None else datetime.now(UTC)
    targets = sorted(wanted) if wanted is not None else [str(n["id"]) for n in items]
    pending = sorted(set(_pending(profile)) | set(targets))
    _keep(profile, page, fetched_at, pending)
    try:
        with client(server_of(profile), profile=profile) as http:
            _send_read(http, None if wanted is None else pending)
    except (SyncOffline, NotSignedIn):
        cached = cached_notifications(profile)
        assert cached is not None
        return cached
    _keep(profile, page, fetched_at, [])
    return _from_page(page, fetched_at=fetched_at, from_cache=False)


def unread_count(profile: UnlockedProfile) -> int:
    """How many notifications of the offline copy are unread (0 when nothing was ever fetched)."""
    cached = cached_notifications(profile)
    return cached.unread if cached is not None else 0


@dataclass(frozen=True, slots=True)
class MailPreferences:
    """Which notifications the service also sends by e-mail (an emergency access always is)."""

    professional_access: bool = True
    document_added: bool = True
    aidant: bool = True


def _preferences(raw: dict[str, Any]) -> MailPreferences:
    return MailPreferences(bool(raw["professional_access"]), bool(raw["document_added"]), bool(raw["aidant"]))


def mail_preferences(profile: UnlockedProfile) -> MailPreferences:
    with client(server_of(profile), profile=profile) as http:
        return _preferences(http.request("GET", "/v1/me/notification-preferences").json())


def set_mail_preferences(profile: UnlockedProfile, wanted: MailPreferences) -> MailPreferences:
    body = {
        "professional_access": wanted.professional_access,
        "document_added": wanted.document_added,
        "aidant": wanted.aidant,
    }
    with client(server_of(profile), profile=profile) as http:
        return _preferences(http.request("PUT", "/v1/me/notification-preferences", json=body).json())
