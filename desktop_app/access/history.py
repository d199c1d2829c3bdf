"""Historique des accès: who opened the dossier or changed its access, and its offline copy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import aware, client, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import NotSignedIn, SyncOffline
from dossier.access import ACTOR_KINDS

ACCESS_CACHE_MAX = 1000


@dataclass(frozen=True, slots=True)
class AccessEvent:
    """One line of the historique des accès: who (name, RPPS, kind), when, what, the outcome and its reason."""

    at: datetime
    actor_kind: str
    actor_name: str | None
    actor_rpps: str | None
    action: str
    outcome: str
    reason: str | None
    assisted_by: str | None


@dataclass(frozen=True, slots=True)
class AccessHistoryPage:
    """A page of the history, newest first; ``from_cache`` when it comes from the offline copy of ``fetched_at``."""

    items: tuple[AccessEvent, ...]
    next_offset: int | None
    fetched_at: datetime
    from_cache: bool


def _event_from_json(raw: dict[str, Any]) -> AccessEvent:
    return AccessEvent(
        datetime.fromisoformat(str(raw["at"])),
        str(raw["actor_kind"]),
        raw.get("actor_name"),
        raw.get("actor_rpps"),
        str(raw["action"]),
        str(raw["outcome"]),
        raw.get("reason"),
        raw.get("assisted_by"),
    )


def cached_access_history(
    profile: UnlockedProfile,
    *,
    actor_kinds: tuple[str, ...] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> AccessHistoryPage | None:
    """The offline copy (encrypted settings), filtered like the service does (``until`` excluded), or None."""
    cached = profile.settings.get(SettingKey.ACCESS_HISTORY)
    if not isinstance(cached, dict):
        return None
    events = [_event_from_json(r) for r in cached.get("items", [])]
    kept = [
        e
        for e in events
        if (not actor_kinds or e.actor_kind in actor_kinds)
        and (since is None or e.at >= aware(since, "since"))
        and (until is None or e.at < aware(until, "until"))
    ]
    page = tuple(kept[offset : offset + limit])
    more = offset + limit < len(kept)
    return AccessHistoryPage(
        page, offset + limit if more else None, datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True
    )


def access_history(
    profile: UnlockedProfile,
    *,
    actor_kinds: tuple[str, ...] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
    now: Callable[[], datetime] | None = None,
    dossier_id: str | None = None,
) -> AccessHistoryPage:
    """Who opened the dossier or changed its access, newest first; filters by kind of actor and dates.

    ``since`` is included, ``until`` excluded; both must carry a time zone (ValueError otherwise). Unfiltered pages
    are kept as the offline copy; offline (or signed out), the copy answers, filtered the same way, if there is one.
    With ``dossier_id`` (a child's dossier managed as legal representative), that dossier's history, never cached.
    """
    unknown = set(actor_kinds) - set(ACTOR_KINDS)
    if unknown:
        raise ValueError(f"unknown actor kinds: {sorted(unknown)}")
    params: list[tuple[str, str | int]] = [("actor_kind", k) for k in actor_kinds]
    if since is not None:
        params.append(("since", aware(since, "since").isoformat()))
    if until is not None:
        params.append(("until", aware(until, "until").isoformat()))
    params += [("limit", limit), ("offset", offset)]
    if dossier_id is not None:
        params.append(("dossier_id", dossier_id))
    try:
        with client(server_of(profile), profile=profile) as http:
            body = http.request("GET", f"/v1/me/access/history?{urlencode(params)}").json()
    except (SyncOffline, NotSignedIn):
        if dossier_id is not None:
            raise
        cached = cached_access_history(
            profile, actor_kinds=actor_kinds, since=since, until=until, limit=limit, offset=offset
        )
        if cached is None:
            raise
        return cached
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    raw_items: list[dict[str, Any]] = list(body["items"])
    if not actor_kinds and since is None and until is None and dossier_id is None:
        previous = profile.settings.get(SettingKey.ACCESS_HISTORY)
        kept: list[dict[str, Any]] = []
        if offset > 0 and isinstance(previous, dict):
            kept = list(previous.get("items", []))[:offset]
        if len(kept) == offset:  # only a contiguous copy from the newest line on: never holes
            items = (kept + raw_items)[:ACCESS_CACHE_MAX]
            profile.set_setting(SettingKey.ACCESS_HISTORY, {"fetched_at": fetched_at.isoformat(), "items": items})
    next_offset = body.get("next_offset")
    return AccessHistoryPage(
        tuple(_event_from_json(r) for r in raw_items),
        int(next_offset) if next_offset is not None else None,
        fetched_at,
        from_cache=False,
    )
