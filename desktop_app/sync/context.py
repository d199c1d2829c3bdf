"""What every phase of the sync engine shares: its words, its settings keys, its crash hook and `SyncContext`.

The phases (`push`, `pull`, `uploads`, `downloads`, `revocation`, `leases`, `conflicts`, over the local copy kept by
`local`) are plain functions of a `SyncContext`: the profile, the HTTP client, the device's policy, the limits the
service announced and the listeners. The engine (`engine.py`) builds one context and runs the phases in order.

Guarantees: nothing here talks to the network or writes a dossier; `crash_point` is inert unless the test variable
is set; listeners are called on the thread that syncs, in the order they were added.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app.errors import CarnetError
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import tables as t

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile
    from desktop_app.sync.http import SyncHttp
    from desktop_app.sync.policy import SyncPolicy

CRASH_ENV = "CARNET_SYNC_CRASH_AT"
TERMINAL = ("applied", "merged", "conflict", "rejected", "forbidden")
S_URL, S_ACCESS, S_REFRESH = SettingKey.SERVER_URL, SettingKey.ACCESS_TOKEN, SettingKey.REFRESH_TOKEN
S_LEASES, S_PURGING, S_LAST = SettingKey.LEASES, SettingKey.PURGING, SettingKey.LAST_SERVER_TIME
S_DEVICE_REVOKED = SettingKey.DEVICE_REVOKED  # the person removed this device: nothing syncs until a new sign-in
S_MAX_BODY = SettingKey.MAX_BODY  # the largest request body the service accepts, as it last said
S_MAX_MUTATIONS = SettingKey.MAX_MUTATIONS  # the most mutations in one push, as it last said
S_SEARCH_STALE = "search_stale"  # sync_meta: a bulk pull wrote entries the search index does not hold yet


def crash_point(name: str) -> None:
    """Test hook for the kill -9 matrix: die like a killed process at a named point (never set in production)."""
    if os.environ.get(CRASH_ENV) == name:
        os._exit(137)


def dumps(value: Any) -> str:
    """The one JSON form of values the engine stores (sorted keys, no spaces: equal values, equal text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def get_meta(conn: Connection, key: str) -> str | None:
    """A dossier's own sync bookkeeping (stream id, cursor, search mark), read in the caller's transaction."""
    return conn.execute(select(t.sync_meta.c.value).where(t.sync_meta.c.key == key)).scalar_one_or_none()


def set_meta(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute(delete(t.sync_meta).where(t.sync_meta.c.key == key))
        return
    stmt = upsert(t.sync_meta).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


class SyncState(StrEnum):
    UP_TO_DATE = "up_to_date"
    OFFLINE = "offline"
    SYNCING = "syncing"
    CONFLICTS = "conflicts"
    LOCKED = "locked"
    DEVICE_REVOKED = "device_revoked"  # removed from the account from another device: signed out, copies erased


@dataclass(frozen=True, slots=True)
class Progress:
    phase: str  # push | pull | upload | download
    done: int
    total: int
    bytes_done: int = 0
    bytes_total: int = 0


@dataclass(frozen=True, slots=True)
class Revocation:
    """Told to listeners BEFORE the dossier's local copy is erased (the GUI can still name it and close it)."""

    dossier_id: str
    pending_changes: int  # local edits that will never reach the service (reported as refused)
    documents_delivered: int
    reason: str = "dossier_revoked"  # "dossier_revoked" (access withdrawn) | "device_revoked" (device removed)


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: str
    dossier_id: str
    entity: str
    entity_id: str
    kind: str
    record_conflict: str | None
    fields: dict[str, Any]
    created_at: str


@dataclass(slots=True)
class SyncReport:
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    uploaded: int = 0
    downloaded: int = 0
    new_conflicts: int = 0
    revoked: list[Revocation] = field(default_factory=list)
    lease_purged: list[str] = field(default_factory=list)
    requests: int = 0

    def count(self, status: str) -> None:
        self.pushed[status] = self.pushed.get(status, 0) + 1


class DossierLocked(CarnetError):
    exit_code = 8
    message_fr = "Ce dossier est verrouillé : son bail hors ligne a expiré. Connectez-vous au service pour le rouvrir."
    message_en = "This dossier is locked: its offline lease expired. Connect to the service to reopen it."


@dataclass(slots=True)
class Listeners:
    """Who hears what the engine does (the GUI, the CLI): progress, state, new conflicts, revocations."""

    progress: list[Callable[[Progress], None]] = field(default_factory=list)
    state: list[Callable[[SyncState], None]] = field(default_factory=list)
    conflicts: list[Callable[[list[ConflictView]], None]] = field(default_factory=list)
    revoked: list[Callable[[Revocation], None]] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class SyncContext:
    """Everything a phase needs; one per engine. `max_body`, `max_mutations` and `last_server_time` follow what the
    service says."""

    profile: UnlockedProfile
    http: SyncHttp
    policy: SyncPolicy
    device_clock: Callable[[], datetime]
    push_batch: int
    page_limit: int
    upload_streams: int  # chunks of one document in flight at once (see SyncEngine)
    max_body: int
    max_mutations: int
    listeners: Listeners = field(default_factory=Listeners)
    last_server_time: str | None = None

    @property
    def client_id(self) -> str:
        return self.profile.client_id

    def setting(self, key: str) -> Any:
        return self.profile.settings.get(key)

    def progress(self, progress: Progress) -> None:
        for listener in self.listeners.progress:
            listener(progress)
