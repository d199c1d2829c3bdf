"""The sync engine: one full sync of every dossier an unlocked profile holds, phase after phase, and its worker.

`SyncEngine` is thin: it builds the `SyncContext` the phases share and runs them in order — purges left by a crash,
expired leases (`revocation`, `leases`), then per dossier `push`, one `pull` of them all (which also revokes, adopts,
checks in leases and brings `conflicts`), then per dossier `uploads` and `downloads` of document bodies. What a kind
of device holds is its `SyncPolicy` (`policy.py`), passed in: a clinic workstation is this same engine with its own
policy. Plain Python (no Qt): the GUI drives it from a worker thread through `start()` / `cancel()` / `sync_once()`
and listens for progress, state, conflicts and revocations.

Guarantees: one sync at a time per engine; every local step is one SQLCipher transaction (a pulled page and its
cursor commit together, a push's results commit together), so a crash (kill -9) at any point leaves either the old or
the new state and the next run converges (the server's ledger makes resending harmless); a failure is reported as a
CarnetError (the worker retries on the backoff timer) and the state always settles.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import func, select

from desktop_app import schema
from desktop_app.changes import ChangeOrigin, StoreChange
from desktop_app.dossier_store import DossierStore, utc_now
from desktop_app.errors import CarnetError
from desktop_app.profile import UnlockedProfile
from desktop_app.sync import conflicts as conflict_phase
from desktop_app.sync import downloads, leases, local, message_files, pull, push, revocation, uploads
from desktop_app.sync import tables as t
from desktop_app.sync.context import (
    CRASH_ENV,
    S_ACCESS,
    S_DEVICE_REVOKED,
    S_LAST,
    S_LEASES,
    S_MAX_BODY,
    S_MAX_MUTATIONS,
    S_PURGING,
    S_REFRESH,
    S_SEARCH_STALE,
    S_URL,
    TERMINAL,
    ConflictView,
    DossierLocked,
    Progress,
    Revocation,
    SyncContext,
    SyncReport,
    SyncState,
    crash_point,
)
from desktop_app.sync.http import Backoff, DeviceRevoked, NotSignedIn, ServiceRefused, SyncHttp, SyncOffline
from desktop_app.sync.local import fingerprint
from desktop_app.sync.policy import SyncPolicy
from dossier.sync_protocol import LEGACY_MAX_MUTATIONS, MAX_MUTATIONS_PER_PUSH

__all__ = [  # the engine's words, importable from here as before the split
    "CRASH_ENV",
    "S_ACCESS",
    "S_DEVICE_REVOKED",
    "S_LAST",
    "S_LEASES",
    "S_PURGING",
    "S_REFRESH",
    "S_SEARCH_STALE",
    "S_URL",
    "TERMINAL",
    "ConflictView",
    "DossierLocked",
    "Progress",
    "Revocation",
    "SyncEngine",
    "SyncPolicy",
    "SyncReport",
    "SyncState",
    "crash_point",
    "fingerprint",
]


class SyncEngine:
    """Syncs every dossier an unlocked profile holds with the central service."""

    def __init__(
        self,
        profile: UnlockedProfile,
        *,
        http: SyncHttp | None = None,
        policy: SyncPolicy | None = None,
        device_clock: Callable[[], datetime] = utc_now,
        stall_timeout: float = 30.0,
        backoff: Backoff | None = None,
        transport: httpx.BaseTransport | None = None,
        push_batch: int = MAX_MUTATIONS_PER_PUSH,
        page_limit: int = 5000,
        upload_streams: int = 1,
        push_delay: float = 3.0,
        before_sync: Callable[[], object] | None = None,
    ) -> None:
        self.profile = profile
        self.device_clock = device_clock
        self.policy = policy or SyncPolicy()
        self._cancel = threading.Event()
        url = profile.settings.get(S_URL)
        if http is None:
            if not url:
                raise NotSignedIn()
            http = SyncHttp(
                str(url),
                token=lambda: self._setting(S_ACCESS),
                refresh=self._refresh,
                stall_timeout=stall_timeout,
                backoff=backoff,
                cancel=self._cancel,
                transport=transport,
            )
        http.cancel = self._cancel
        self.ctx = SyncContext(
            profile=profile,
            http=http,
            policy=self.policy,
            device_clock=device_clock,
            push_batch=push_batch,
            page_limit=page_limit,
            # Chunks of one document in flight at once. With 2 the next chunk travels while the server checks and
            # publishes the previous one (its bytes leave once the previous one's are all out), but a network cut
            # then loses both: the bytes of the first still in the kernels' buffers die with the connection. One by
            # default, so a cut never costs more than one chunk.
            upload_streams=max(1, upload_streams),
            max_body=int(profile.settings.get(S_MAX_BODY, 60 * 1024)),
            max_mutations=int(profile.settings.get(S_MAX_MUTATIONS, LEGACY_MAX_MUTATIONS)),
        )
        self._state = SyncState.UP_TO_DATE
        self._before_sync = before_sync  # run first in every sync, whoever starts it (a clinic reports its openings)
        self._failure_listeners: list[Callable[[BaseException], None]] = []
        self._worker: threading.Thread | None = None
        self._wake = threading.Event()
        self._lock = threading.Lock()
        # The worker's schedule (time.monotonic()): the next planned sync, and the end of the quiet period after a
        # local edit (quick edits make one push). Whichever comes first starts the next sync.
        self.push_delay = push_delay
        self._interval = 300.0
        self._schedule = threading.Lock()
        self._next_at: float | None = None
        self._quiet_until: float | None = None
        profile.changes.subscribe(self._on_store_change)
        self.finish_purges()

    @property
    def http(self) -> SyncHttp:
        return self.ctx.http

    @property
    def upload_streams(self) -> int:
        """Chunks of one document in flight at once (the batch and page sizes are in `ctx` too)."""
        return self.ctx.upload_streams

    @property
    def client_id(self) -> str:
        return self.profile.client_id

    # -- listeners and state (for the GUI) ------------------------------------------------------------------------
    def on_progress(self, listener: Callable[[Progress], None]) -> None:
        self.ctx.listeners.progress.append(listener)

    def on_state(self, listener: Callable[[SyncState], None]) -> None:
        self.ctx.listeners.state.append(listener)

    def on_conflicts(self, listener: Callable[[list[ConflictView]], None]) -> None:
        self.ctx.listeners.conflicts.append(listener)

    def on_revoked(self, listener: Callable[[Revocation], None]) -> None:
        self.ctx.listeners.revoked.append(listener)

    def on_failure(self, listener: Callable[[BaseException], None]) -> None:
        """Told on the worker's thread when a background sync fails (it retries on the backoff timer)."""
        self._failure_listeners.append(listener)

    @property
    def state(self) -> SyncState:
        return self._state

    def _set_state(self, state: SyncState) -> None:
        self._state = state
        for listener in self.ctx.listeners.state:
            listener(state)

    def settled_state(self) -> SyncState:
        if revocation.device_revoked(self.ctx):
            return SyncState.DEVICE_REVOKED
        if any(v == "locked" for v in self.lease_states().values()):
            return SyncState.LOCKED
        return SyncState.CONFLICTS if self.conflicts() else SyncState.UP_TO_DATE

    # -- worker thread ----------------------------------------------------------------------------------------------
    def start(self, *, interval: float = 300.0, delay: float = 0.0) -> None:
        """Sync within `delay` seconds (at once by default), then every `interval` seconds; after a failure retry on
        the backoff timer. Wakes a running worker, restarts a stopped one."""
        self._interval = interval
        self.poke(after=delay)
        if self._worker is not None and self._worker.is_alive():
            return
        self._cancel.clear()
        self._worker = threading.Thread(target=self._run, name="carnet-sync", daemon=True)
        self._worker.start()

    def poke(self, *, after: float = 0.0) -> None:
        """Sync within `after` seconds (soon, whatever was planned)."""
        with self._schedule:
            at = time.monotonic() + after
            self._next_at = at if self._next_at is None else min(self._next_at, at)
        self._wake.set()

    def _on_store_change(self, change: StoreChange) -> None:
        """A local edit was committed (any thread): push once the edits have paused for `push_delay` seconds."""
        if change.origin is ChangeOrigin.LOCAL:
            with self._schedule:
                self._quiet_until = time.monotonic() + self.push_delay
            self._wake.set()

    def cancel(self, *, wait: bool = True) -> None:
        self._cancel.set()
        self._wake.set()
        if wait and self._worker is not None:
            self._worker.join()

    def resume(self) -> None:
        """Allow syncing again after `cancel()` (syncs refuse with SyncCancelled until then)."""
        self._cancel.clear()

    def _run(self) -> None:
        failures = 0
        while self._sleep_until_due():
            try:
                self.sync_once()
                failures = 0
                delay = self._interval
            except DeviceRevoked:
                return  # never retried: only a new sign-in (a new engine) syncs again
            except CarnetError as exc:  # offline included
                failures += 1
                delay = self.http.backoff.delay(min(failures, 10))
                for listener in self._failure_listeners:
                    listener(exc)
            self.poke(after=delay)

    def _sleep_until_due(self) -> bool:
        """Wait for the next sync's time (planned, or the end of a quiet period); False once cancelled."""
        while not self._cancel.is_set():
            with self._schedule:
                due = min((t for t in (self._next_at, self._quiet_until) if t is not None), default=None)
                if due is not None and due <= time.monotonic():
                    self._next_at = self._quiet_until = None  # what happens from now on plans the next one
                    return True
            self._wake.wait(None if due is None else due - time.monotonic())
            self._wake.clear()
        return False

    # -- one full sync ---------------------------------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        with self._lock:
            report = SyncReport()
            before = self.http.requests
            if revocation.device_revoked(self.ctx):
                self._set_state(SyncState.DEVICE_REVOKED)
                raise DeviceRevoked()
            if self._setting(S_DEVICE_REVOKED):
                self.profile.set_setting(S_DEVICE_REVOKED, None)  # signed in again since: a fresh start
            self._set_state(SyncState.SYNCING)
            try:
                if self._before_sync is not None:
                    self._before_sync()
                self.finish_purges()
                for dossier_id, lease in self.check_leases().items():
                    if lease == "purged":
                        report.lease_purged.append(dossier_id)
                for dossier_id in self.profile.dossier_ids():
                    self._push(self.profile.dossier(dossier_id), report)
                pull.pull(self.ctx, report)
                for dossier_id in self.profile.dossier_ids():
                    store = self.profile.dossier(dossier_id)
                    uploads.upload_blobs(self.ctx, store, report)
                    downloads.download_blobs(self.ctx, store, report)
            except SyncOffline:
                self._set_state(SyncState.OFFLINE)
                raise
            except DeviceRevoked:
                revocation.purge_device(self.ctx, report)
                self._set_state(SyncState.DEVICE_REVOKED)
                raise
            except BaseException:
                self._set_state(self.settled_state())
                raise
            finally:
                report.requests = self.http.requests - before
            self._set_state(self.settled_state())
            return report

    def _push(self, store: DossierStore, report: SyncReport) -> None:
        """Push one dossier's outbox now (tests and benchmarks send a record ahead of its body with it); the message
        attachments waiting go first (their messages name them)."""
        message_files.upload_waiting(self.ctx, store)
        push.push_dossier(self.ctx, store, report)
        if message_files.upload_waiting(self.ctx, store):  # of conversations this push started
            push.push_dossier(self.ctx, store, report)

    # -- session ----------------------------------------------------------------------------------------------------
    def _setting(self, key: str) -> Any:
        return self.profile.settings.get(key)

    def _refresh(self, http: SyncHttp) -> bool:
        token = self._setting(S_REFRESH)
        if not token:
            return False
        try:
            response = http.request("POST", "/v1/auth/refresh", json={"refresh_token": token}, auth=False)
        except ServiceRefused:
            return False
        body = response.json()
        self.profile.set_setting(S_ACCESS, body["access_token"])
        self.profile.set_setting(S_REFRESH, body["refresh_token"])
        return True

    # -- what the GUI and the CLI ask -------------------------------------------------------------------------------
    def local_digest(self, store: DossierStore) -> str:
        """The digest of what this device holds of `store`, as the service computes its own."""
        return local.local_digest(store)

    def lease_states(self) -> dict[str, str]:
        """ok | locked | expired_grace (purgeable) per leased dossier; a clock set backwards counts as expired."""
        return leases.lease_states(self.ctx)

    def check_leases(self) -> dict[str, str]:
        """Purge leased dossiers past their grace period when nothing unsynced remains; otherwise keep them locked."""
        return revocation.check_leases(self.ctx)

    def require_open(self, dossier_id: str) -> DossierStore:
        """What the GUI calls to open a leased dossier: refuses while its lease is expired."""
        return leases.require_open(self.ctx, dossier_id)

    def finish_purges(self) -> None:
        """A purge interrupted by a crash is completed before anything else (its key may already be gone)."""
        revocation.finish_purges(self.ctx)

    def drop(self, dossier_id: str) -> bool:
        """Erase a dossier this device no longer holds; kept (False) while it has changes not yet sent."""
        return revocation.drop(self.ctx, dossier_id)

    def conflicts(self) -> list[ConflictView]:
        return conflict_phase.open_conflicts(self.ctx)

    def resolve(self, conflict_id: str, *, keep: str | None = None, fields: Mapping[str, Any] | None = None) -> None:
        """Queue a person's decision (sent at the next sync): keep mine, theirs, or chosen field values."""
        conflict_phase.resolve(self.ctx, conflict_id, keep=keep, fields=fields)

    def status(self) -> dict[str, Any]:
        lease_states = self.lease_states()
        return {
            "server_url": self._setting(S_URL),
            "signed_in": bool(self._setting(S_REFRESH)),
            "last_server_time": self._setting(S_LAST),
            "state": self.settled_state().value,
            "device_revoked": revocation.device_revoked(self.ctx),
            "dossiers": [self._dossier_status(d, lease_states.get(d)) for d in self.profile.dossier_ids()],
        }

    def _dossier_status(self, dossier_id: str, lease: str | None) -> dict[str, Any]:
        with self.profile.dossier(dossier_id).reading() as conn:
            states: dict[str, int] = {
                state: count
                for state, count in conn.execute(
                    select(schema.outbox.c.state, func.count()).group_by(schema.outbox.c.state)
                )
            }
            refused = [  # not yet dealt with (discarded, or corrected and resent: `sync.refusals.settle`)
                {"mutation_id": r.mutation_id, "status": r.status, "reason": r.reason, "message": r.message}
                for r in conn.execute(
                    select(t.sync_results)
                    .join(schema.outbox, schema.outbox.c.mutation_id == t.sync_results.c.mutation_id)
                    .where(schema.outbox.c.state.in_(("rejected", "forbidden")))
                )
            ]

            def count(table: Any, *where: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

            uploads_pending = count(t.sync_blobs, t.sync_blobs.c.direction == "up")
            downloads_pending = count(t.sync_blobs, t.sync_blobs.c.direction == "down")
            open_conflicts = count(t.sync_conflicts, t.sync_conflicts.c.resolved == 0)
            download_errors = downloads.download_errors(conn)
        return {
            "dossier_id": dossier_id,
            "pending": int(states.get("pending", 0)),
            "results": {k: int(v) for k, v in states.items() if k in TERMINAL},
            "refused": refused,
            "uploads_pending": uploads_pending,
            "downloads_pending": downloads_pending,
            "open_conflicts": open_conflicts,
            "download_errors": download_errors,
            "lease": lease,
        }
