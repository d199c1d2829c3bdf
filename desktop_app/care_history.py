"""Historique des soins: the reimbursed care of the last 24 months, and its offline copy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import NotSignedIn, SyncOffline

CARE_PAGE = 200


@dataclass(frozen=True, slots=True)
class CareRecord:
    id: str
    kind: str
    date: date
    label: str
    professional: str | None


@dataclass(frozen=True, slots=True)
class CareHistory:
    """The reimbursed care of the last 24 months, when it was fetched, and whether it is the offline copy."""

    records: tuple[CareRecord, ...]
    fetched_at: datetime
    from_cache: bool


def _care_from_json(raw: dict[str, Any]) -> CareRecord:
    return CareRecord(
        str(raw["id"]), str(raw["kind"]), date.fromisoformat(str(raw["date"])), str(raw["label"]), raw["professional"]
    )


def cached_care_history(profile: UnlockedProfile) -> CareHistory | None:
    """The last copy fetched (kept in the profile's encrypted settings), or None."""
    cached = profile.settings.get(SettingKey.CARE_HISTORY)
    if not isinstance(cached, dict):
        return None
    records = tuple(_care_from_json(r) for r in cached.get("records", []))
    return CareHistory(records, datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True)


def care_history(profile: UnlockedProfile, *, now: Callable[[], datetime] | None = None) -> CareHistory:
    """Fetch the care history and keep a copy; offline (or signed out) return the last copy if there is one."""
    try:
        raw: list[dict[str, Any]] = []
        with client(server_of(profile), profile=profile) as http:
            while True:
                page = http.request("GET", f"/v1/me/care-history?limit={CARE_PAGE}&offset={len(raw)}", auth=True).json()
                raw.extend(page)
                if len(page) < CARE_PAGE:
                    break
    except (SyncOffline, NotSignedIn):
        cached = cached_care_history(profile)
        if cached is None:
            raise
        return cached
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    profile.set_setting(SettingKey.CARE_HISTORY, {"fetched_at": fetched_at.isoformat(), "records": raw})
    return CareHistory(tuple(_care_from_json(r) for r in raw), fetched_at, from_cache=False)
