"""The sync engine: push the outbox, pull pages, re-apply pending work on top, conflicts, documents, revocation, leases.

Plain Python (no Qt): the GUI drives it from a worker thread through `start()` / `cancel()` / `sync_once()` and
listens for progress, state, conflicts and revocations. Every local step is one SQLCipher transaction: a pulled page
and its cursor commit together, a push's results commit together, so a crash (kill -9) at any point leaves either
the old or the new state and the next run converges (the server's ledger makes resending harmless).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import httpx
from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from desktop_app import schema
from desktop_app.changes import ChangeOrigin, StoreChange
from desktop_app.dossier_store import CHUNK_SIZE, DossierStore, Intent, utc_now
from desktop_app.errors import CarnetError, NotFound
from desktop_app.profile import UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import tables as t
from desktop_app.sync.http import (
    Backoff,
    DeviceRevoked,
    NotSignedIn,
    ServiceRefused,
    SyncHttp,
    SyncOffline,
    refuse_unauthorised,
)
from dossier.documents import DocumentFormat
from dossier.sync_protocol import Entity, MutationOp

CRASH_ENV = "CARNET_SYNC_CRASH_AT"
TERMINAL = ("applied", "merged", "conflict", "rejected", "forbidden")
S_URL, S_ACCESS, S_REFRESH = SettingKey.SERVER_URL, SettingKey.ACCESS_TOKEN, SettingKey.REFRESH_TOKEN
S_LEASES, S_PURGING, S_LAST = SettingKey.LEASES, SettingKey.PURGING, SettingKey.LAST_SERVER_TIME
S_DEVICE_REVOKED = SettingKey.DEVICE_REVOKED  # the person removed this device: nothing syncs until a new sign-in
_MUTATION_OVERHEAD = 400
S_SEARCH_STALE = "search_stale"  # sync_meta: a bulk pull wrote entries the search index does not hold yet
_SEARCH_TRIGGERS = ("entries_fts_insert", "entries_fts_update")
_BULK_ROWS = 500  # from this many entries in one page, the search index is rebuilt once instead of row by row


def _drop(ahead: tuple[Any, Future[Any]] | None) -> None:
    """Forget a page asked for in advance: wait for it (bounded by the HTTP timeouts), ignore how it ended."""
    if ahead is not None and not ahead[1].cancel():
        with contextlib.suppress(Exception):
            ahead[1].result()


def _read_range(store: DossierStore, document_id: str, position: int, size: int) -> bytes:
    """`size` bytes of a document from `position`, in one query over its encrypted chunks (one connection)."""
    first, skip = divmod(position, CHUNK_SIZE)
    last = (position + size - 1) // CHUNK_SIZE
    chunks = schema.document_chunks
    with store.reading() as conn:
        data = b"".join(
            conn.execute(
                select(chunks.c.data)
                .where(chunks.c.document_id == document_id, chunks.c.idx.between(first, last))
                .order_by(chunks.c.idx)
            ).scalars()
        )
    return data[skip : skip + size]


_COMPLETE = -2


class _ChunkBody:
    """A chunk's bytes as a request body that tells when its last byte has been handed to the connection.

    Handed over in pieces of PIECE bytes: the HTTP stack re-slices what a socket send did not take, which copies the
    rest of the buffer every time — for a whole 8 MiB chunk that is tens of copies. Re-iterable, so a retried request
    sends the whole chunk again."""

    PIECE = 256 * 1024

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.sent = threading.Event()

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[bytes]:
        view = memoryview(self.data)
        for start in range(0, len(view), self.PIECE):
            yield bytes(view[start : start + self.PIECE])
        self.sent.set()

    def sent_or(self, request: Future[httpx.Response]) -> bool:
        """Wait until all the bytes are out (True), or the request ended before they were (False)."""
        while not self.sent.wait(0.01):
            if request.done():
                return self.sent.is_set()
        return True


MIN_CHUNK = 64 * 1024  # the smallest chunk the engine falls back to on a flaky link
READERS = 2  # chunks of a document being read (decrypted) ahead of the one being sent, each on its own connection
_CHUNK_ANSWERS = frozenset({404, 409, 460, 422})


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


def _settle(flying: deque[Future[httpx.Response]]) -> list[httpx.Response]:
    """Wait for the chunks still in flight; the answers of those that got one (a lost connection among them changes
    nothing: the upload continues from the server's offset). Any other failure is raised, like any send's."""
    answers = []
    for future in flying:
        with contextlib.suppress(httpx.TransportError):
            answers.append(future.result())
    flying.clear()
    return answers


def _server_offset(response: httpx.Response, known: int) -> int:
    if response.status_code < 300:
        return int(response.json()["offset"])
    return int(response.headers.get("upload-offset", known))


def crash_point(name: str) -> None:
    """Test hook for the kill -9 matrix: die like a killed process at a named point (never set in production)."""
    if os.environ.get(CRASH_ENV) == name:
        os._exit(137)


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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(entity_id: str, version: int, deleted: bool) -> int:
    """Same formula as the server's digest (server/sync/service.py)."""
    raw = hashlib.sha256(f"{entity_id}:{version}:{int(deleted)}".encode()).digest()
    return int.from_bytes(raw, "big")


@dataclass(frozen=True, slots=True)
class _Row:
    """One record as the server sent it, its values serialised once (for the shadow and the visible row)."""

    entity_id: str
    entity: str
    kind: str
    values: dict[str, Any]
    values_json: str
    deleted: bool
    version: int
    author_kind: str
    created_at: str

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> _Row:
        values = dict(record["values"])
        return cls(
            str(record["entity_id"]),
            str(record["entity"]),
            str(record["kind"]),
            values,
            _dumps(values),
            bool(record["deleted"]),
            int(record["version"]),
            str(record["author_kind"]),
            str(record["created_at"]),
        )


# Raw statements for the bulk paths (a bootstrap writes tens of thousands of rows: no per-row SQL compilation).
_SHADOW_UPSERT = (
    'INSERT INTO sync_shadow (entity_id, entity, kind, "values", version, deleted, author_kind, created_at) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id) DO UPDATE SET entity = excluded.entity, "
    'kind = excluded.kind, "values" = excluded."values", version = excluded.version, deleted = excluded.deleted, '
    "author_kind = excluded.author_kind WHERE sync_shadow.version <= excluded.version"
)
# The visible entry row: the seven plain columns, then the derived ones `EntryService._row_values` computes.
_DERIVED = ("data", "summary", "search", "sort_date", "order_key")
_ENTRY_UPSERT = (
    "INSERT INTO entries (id, kind, author_kind, created_at, updated_at, server_version, deleted, data, summary, "
    "search, sort_date, order_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "kind = excluded.kind, data = excluded.data, summary = excluded.summary, search = excluded.search, "
    "sort_date = excluded.sort_date, order_key = excluded.order_key, updated_at = excluded.updated_at, "
    "server_version = excluded.server_version, deleted = excluded.deleted"
)


class SyncEngine:
    """Syncs every dossier an unlocked profile holds with the central service."""

    def __init__(
        self,
        profile: UnlockedProfile,
        *,
        http: SyncHttp | None = None,
        device_clock: Callable[[], datetime] = utc_now,
        stall_timeout: float = 30.0,
        backoff: Backoff | None = None,
        transport: httpx.BaseTransport | None = None,
        push_batch: int = 200,
        page_limit: int = 5000,
        upload_streams: int = 1,
        push_delay: float = 3.0,
    ) -> None:
        self.profile = profile
        self.device_clock = device_clock
        self.push_batch = push_batch
        self.page_limit = page_limit
        # Chunks of one document in flight at once. With 2 the next chunk travels while the server checks and
        # publishes the previous one (its bytes leave once the previous one's are all out), but a network cut then
        # loses both: the bytes of the first still in the kernels' buffers die with the connection. One by default,
        # so a cut never costs more than one chunk.
        self.upload_streams = max(1, upload_streams)
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
        self.http = http
        self.http.cancel = self._cancel
        self._max_body = int(profile.settings.get("sync.max_body", 60 * 1024))
        self._state = SyncState.UP_TO_DATE
        self._last_server_time: str | None = None
        self._progress_listeners: list[Callable[[Progress], None]] = []
        self._state_listeners: list[Callable[[SyncState], None]] = []
        self._conflict_listeners: list[Callable[[list[ConflictView]], None]] = []
        self._revocation_listeners: list[Callable[[Revocation], None]] = []
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

    # -- listeners and state (for the GUI) ------------------------------------------------------------------------
    def on_progress(self, listener: Callable[[Progress], None]) -> None:
        self._progress_listeners.append(listener)

    def on_state(self, listener: Callable[[SyncState], None]) -> None:
        self._state_listeners.append(listener)

    def on_conflicts(self, listener: Callable[[list[ConflictView]], None]) -> None:
        self._conflict_listeners.append(listener)

    def on_revoked(self, listener: Callable[[Revocation], None]) -> None:
        self._revocation_listeners.append(listener)

    def on_failure(self, listener: Callable[[BaseException], None]) -> None:
        """Told on the worker's thread when a background sync fails (it retries on the backoff timer)."""
        self._failure_listeners.append(listener)

    @property
    def state(self) -> SyncState:
        return self._state

    def _set_state(self, state: SyncState) -> None:
        self._state = state
        for listener in self._state_listeners:
            listener(state)

    def _progress(self, progress: Progress) -> None:
        for listener in self._progress_listeners:
            listener(progress)

    def settled_state(self) -> SyncState:
        if self._device_revoked():
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
            if self._device_revoked():
                self._set_state(SyncState.DEVICE_REVOKED)
                raise DeviceRevoked()
            if self._setting(S_DEVICE_REVOKED):
                self.profile.set_setting(S_DEVICE_REVOKED, None)  # signed in again since: a fresh start
            self._set_state(SyncState.SYNCING)
            try:
                self.finish_purges()
                for dossier_id, lease in self.check_leases().items():
                    if lease == "purged":
                        report.lease_purged.append(dossier_id)
                for dossier_id in self.profile.dossier_ids():
                    self._push(self.profile.dossier(dossier_id), report)
                self._pull(report)
                for dossier_id in self.profile.dossier_ids():
                    store = self.profile.dossier(dossier_id)
                    self._upload_blobs(store, report)
                    self._download_blobs(store, report)
            except SyncOffline:
                self._set_state(SyncState.OFFLINE)
                raise
            except DeviceRevoked:
                self._purge_device(report)
                self._set_state(SyncState.DEVICE_REVOKED)
                raise
            except BaseException:
                self._set_state(self.settled_state())
                raise
            finally:
                report.requests = self.http.requests - before
            self._set_state(self.settled_state())
            return report

    # -- settings helpers -------------------------------------------------------------------------------------------
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

    @property
    def client_id(self) -> str:
        return self.profile.client_id

    # -- push -------------------------------------------------------------------------------------------------------
    def _meta(self, conn: Connection, key: str) -> str | None:
        return conn.execute(select(t.sync_meta.c.value).where(t.sync_meta.c.key == key)).scalar_one_or_none()

    def _set_meta(self, conn: Connection, key: str, value: str | None) -> None:
        if value is None:
            conn.execute(delete(t.sync_meta).where(t.sync_meta.c.key == key))
            return
        stmt = upsert(t.sync_meta).values(key=key, value=value)
        conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def _stream_id(self, store: DossierStore) -> str:
        with store.transaction() as conn:
            found = self._meta(conn, "stream_id")
            if found is None:
                found = str(uuid.uuid4())
                self._set_meta(conn, "stream_id", found)
            return found

    def _batch(self, rows: list[Any]) -> list[dict[str, Any]]:
        """Bounded by count and bytes: the server refuses bodies over its limit."""
        batch: list[dict[str, Any]] = []
        size = 200
        for row in rows[: self.push_batch]:
            item = {
                "mutation_id": row.mutation_id,
                "client_seq": row.client_seq,
                "entity": row.entity,
                "entity_id": row.entity_id,
                "kind": row.kind,
                "op": row.op,
                "base_version": row.base_version,
                "changes": json.loads(row.changes) if isinstance(row.changes, str) else row.changes,
            }
            cost = len(_dumps(item)) + _MUTATION_OVERHEAD // 4
            if batch and size + cost > min(self._max_body * 0.8, 256 * 1024):
                break
            batch.append(item)
            size += cost
        return batch

    def _outbox_rows(self, store: DossierStore, *, from_seq: int | None = None) -> list[Any]:
        query = select(schema.outbox).order_by(schema.outbox.c.client_seq).limit(self.push_batch)
        if from_seq is None:
            query = query.where(schema.outbox.c.state == "pending")
        else:
            query = query.where(schema.outbox.c.client_seq >= from_seq)
        with store.reading() as conn:
            return list(conn.execute(query))

    def _push(self, store: DossierStore, report: SyncReport) -> None:
        stream_id = self._stream_id(store)
        total = store.outbox.count_pending()
        done = 0
        shrinks = 0
        resend_from: int | None = None
        while True:
            rows = self._outbox_rows(store, from_seq=resend_from)
            resend_from = None
            if not rows:
                return
            batch = self._batch(rows)
            crash_point("push.before_send")
            try:
                response = self.http.request(
                    "POST",
                    "/v1/sync/push",
                    json={
                        "client_id": self.client_id,
                        "stream_id": stream_id,
                        "dossier_id": store.dossier_id,
                        "mutations": batch,
                    },
                    accept=frozenset({409, 413}),
                )
            except SyncOffline:
                # A middlebox may drop large bodies without an answer: try smaller batches a few times first.
                shrinks += 1
                smaller = max(4096, self._max_body // 4)
                if shrinks > 4 or smaller == self._max_body:
                    raise
                self._max_body = smaller
                if len(self._batch(rows)) == len(batch):
                    raise  # the batch is already small: the service is simply unreachable
                continue
            if response.status_code == 413 and len(batch) > 1:
                self._max_body = max(4096, self._max_body // 2)
                continue
            if response.status_code in (409, 413):
                body = response.json()
                if body.get("code") == "client_seq_gap":
                    resend_from = int(body["expected"])
                    continue
                raise ServiceRefused(response.status_code, body)
            crash_point("push.response_received")
            results = response.json()["results"]
            with store.transaction() as conn:
                self._apply_results(store, conn, results)
                for result in results:
                    report.count(result["status"])
                crash_point("push.mid_apply")
            crash_point("push.after_local_commit")
            done += len(results)
            self._progress(Progress("push", done, max(total, done)))

    def _apply_results(self, store: DossierStore, conn: Connection, results: list[Mapping[str, Any]]) -> None:
        """Record every result in bulk; rows the server returned replace the local ones, pending work on top."""
        ids = [str(r["mutation_id"]) for r in results]
        rows = {
            r.mutation_id: r
            for start in range(0, len(ids), 500)
            for r in conn.execute(
                select(schema.outbox).where(schema.outbox.c.mutation_id.in_(ids[start : start + 500]))
            )
        }
        known = [r for r in results if str(r["mutation_id"]) in rows]
        if not known:
            return
        conn.execute(
            update(schema.outbox).where(schema.outbox.c.mutation_id == bindparam("mid")).values(state=bindparam("st")),
            [{"mid": str(r["mutation_id"]), "st": str(r["status"])} for r in known],
        )
        outcome = [
            {
                "mutation_id": str(r["mutation_id"]),
                "status": str(r["status"]),
                "reason": r.get("reason"),
                "message": r.get("message_fr"),
                "conflict_id": str(r["conflict_id"]) if r.get("conflict_id") else None,
            }
            for r in known
        ]
        stmt = upsert(t.sync_results)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["mutation_id"],
                set_={c: stmt.excluded[c] for c in ("status", "reason", "message", "conflict_id")},
            ),
            outcome,
        )
        self._store_shadow(conn, [_Row.of(r["record"]) for r in known if r.get("record")])
        latest: dict[str, Mapping[str, Any]] = {}
        touched: dict[str, str] = {}
        for result in known:
            row = rows[str(result["mutation_id"])]
            status = str(result["status"])
            record = result.get("record")
            if row.entity == "conflict":
                if status in ("rejected", "forbidden"):
                    conn.execute(
                        update(t.sync_conflicts).where(t.sync_conflicts.c.id == row.entity_id).values(resolved=0)
                    )
                if record:
                    touched[str(record["entity_id"])] = str(record["entity"])
                continue
            if row.entity == "document" and row.op == "create" and status not in ("rejected", "forbidden"):
                changes = json.loads(row.changes)
                conn.execute(
                    upsert(t.sync_blobs)
                    .values(
                        document_id=row.entity_id,
                        direction="up",
                        sha256=changes["sha256"][1],
                        size=int(changes["size"][1]),
                    )
                    .on_conflict_do_nothing()
                )
            if record:
                previous = latest.get(row.entity_id)
                if previous is None or int(record["version"]) >= int(previous["version"]):
                    latest[row.entity_id] = record
            elif status in ("applied", "merged"):
                continue  # accepted but not readable by this caller (a professional sending a document): keep it
            touched[row.entity_id] = row.entity
        self._refresh_rows(store, conn, touched, latest)
        if touched:  # rows rewritten from the service's records: the open pages show them after the commit
            kinds = {rows[str(r["mutation_id"])].kind for r in known}
            store.note_change(ChangeOrigin.PULL, map(Entity, touched.values()), kinds=kinds, ids=touched)

    def _refresh_rows(
        self,
        store: DossierStore,
        conn: Connection,
        touched: Mapping[str, str],
        latest: Mapping[str, Mapping[str, Any]],
    ) -> None:
        """Rows with no pending work are written straight from the server's record; others are re-materialised."""
        if not touched:
            return
        pending = {
            r.entity_id
            for r in conn.execute(
                select(schema.outbox.c.entity_id).where(schema.outbox.c.state == "pending").distinct()
            )
        }
        for entity in ("entry", "document"):
            plain = [
                _Row.of(latest[entity_id])
                for entity_id, kind in touched.items()
                if kind == entity and entity_id in latest and entity_id not in pending
            ]
            self._write_rows(store, conn, entity, plain)
        for entity_id, entity in touched.items():
            if entity_id in pending or entity_id not in latest:
                self._materialise(store, conn, entity, entity_id)

    # -- local state: the server's shadow, and the visible rows = shadow + pending mutations -------------------------
    def _store_shadow(self, conn: Connection, rows: Iterable[_Row]) -> None:
        params = [
            (r.entity_id, r.entity, r.kind, r.values_json, r.version, int(r.deleted), r.author_kind, r.created_at)
            for r in rows
        ]
        if params:
            conn.exec_driver_sql(_SHADOW_UPSERT, params)

    def _materialise(self, store: DossierStore, conn: Connection, entity: str, entity_id: str) -> None:
        shadow = conn.execute(select(t.sync_shadow).where(t.sync_shadow.c.entity_id == entity_id)).first()
        pending = list(
            conn.execute(
                select(schema.outbox)
                .where(schema.outbox.c.entity_id == entity_id, schema.outbox.c.state == "pending")
                .order_by(schema.outbox.c.client_seq)
            )
        )
        if shadow is None and not pending:
            self._drop_local(conn, entity, entity_id)
            return
        if shadow is not None:
            values: dict[str, Any] = json.loads(shadow.values)
            deleted, kind, version = bool(shadow.deleted), shadow.kind, shadow.version
            author, created = shadow.author_kind, shadow.created_at
        else:
            values, deleted, kind, version, author, created = {}, True, pending[0].kind, 0, "patient", ""
        for m in pending:
            kind = m.kind
            if m.op == "delete":
                deleted = True
                continue
            deleted = False
            for name, pair in json.loads(m.changes).items():
                if pair[1] is None:
                    values.pop(name, None)
                else:
                    values[name] = pair[1]
        existing = self._local_row(conn, entity, entity_id)
        if existing is not None:
            author = existing.author_kind if shadow is None else author
            created = created or existing.created_at
        created = created or datetime.now(UTC).isoformat()
        row = _Row(entity_id, entity, kind, values, _dumps(values), deleted, version, author, created)
        self._write_rows(store, conn, entity, [row])

    def _local_row(self, conn: Connection, entity: str, entity_id: str) -> Any:
        table = schema.entries if entity == "entry" else schema.documents
        return conn.execute(select(table).where(table.c.id == entity_id)).first()

    def _drop_local(self, conn: Connection, entity: str, entity_id: str) -> None:
        if entity == "document":
            conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id == entity_id))
            conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.document_id == entity_id))
            conn.execute(delete(schema.documents).where(schema.documents.c.id == entity_id))
        elif entity == "entry":
            conn.execute(delete(schema.entries).where(schema.entries.c.id == entity_id))

    def _write_rows(self, store: DossierStore, conn: Connection, entity: str, rows: list[_Row]) -> None:
        """Upsert visible rows without creating outbox mutations (they come from the server, not from a person)."""
        if not rows:
            return
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        if entity == "entry":
            params = []
            for r in rows:
                data, data_json = ({}, "{}") if r.deleted else (r.values, r.values_json)
                try:
                    derived = store.entries._row_values(r.kind, data, r.entity_id, r.created_at, data_json=data_json)
                except Exception:  # a server value we cannot summarise must not block the page
                    derived = {
                        "data": data_json,
                        "summary": "",
                        "search": "",
                        "sort_date": None,
                        "order_key": f"{r.created_at[:10]}|{r.created_at}|{r.entity_id}",
                    }
                if r.deleted:
                    derived.update(summary="", search="")
                params.append(
                    (
                        r.entity_id,
                        r.kind,
                        r.author_kind,
                        r.created_at,
                        now,
                        r.version,
                        int(r.deleted),
                        *(derived[c] for c in _DERIVED),
                    )
                )
            conn.exec_driver_sql(_ENTRY_UPSERT, params)
            return
        for r in rows:
            entity_id, values, deleted = r.entity_id, r.values, r.deleted
            fmt = str(values.get("format") or "pdf")
            try:
                mime = DocumentFormat(fmt).mime_type
            except ValueError:
                mime = "application/octet-stream"
            row = {
                "title": "" if deleted else str(values.get("title") or ""),
                "category": r.kind,
                "document_date": values.get("document_date"),
                "author_kind": str(values.get("author_kind") or r.author_kind),
                "confidentiality": _dumps(values.get("confidentiality") or {}),
                "format": fmt,
                "mime_type": mime,
                "size": int(values.get("size") or 0),
                "sha256": str(values.get("sha256") or ""),
                "filename": None if deleted else values.get("filename"),
                "updated_at": now,
                "server_version": r.version,
                "deleted": int(deleted),
            }
            existing = self._local_row(conn, "document", entity_id)
            if existing is None:
                conn.execute(
                    insert(schema.documents).values(id=entity_id, created_at=r.created_at, external_ref=None, **row)
                )
            else:
                conn.execute(update(schema.documents).where(schema.documents.c.id == entity_id).values(**row))
            if deleted:
                conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id == entity_id))
                conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.document_id == entity_id))
            elif existing is None or existing.sha256 != row["sha256"]:
                have = conn.execute(
                    select(func.count())
                    .select_from(schema.document_chunks)
                    .where(schema.document_chunks.c.document_id == entity_id)
                ).scalar_one()
                if not have or existing is not None:
                    conn.execute(
                        upsert(t.sync_blobs)
                        .values(document_id=entity_id, direction="down", sha256=row["sha256"], size=row["size"])
                        .on_conflict_do_nothing()
                    )

    # -- pull -------------------------------------------------------------------------------------------------------
    def _cursor(self, store: DossierStore) -> str | None:
        with store.reading() as conn:
            return self._meta(conn, "cursor")

    def _pull_body(self, cursors: Mapping[str, str | None]) -> dict[str, Any]:
        response = self.http.request(
            "POST",
            "/v1/sync/pull",
            json={"client_id": self.client_id, "dossiers": dict(cursors), "limit": self.page_limit},
        )
        body: dict[str, Any] = response.json()
        return body

    def _pull(self, report: SyncReport) -> None:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="carnet-pull") as fetcher:
            try:
                self._pull_pages(report, fetcher)
            except BaseException:
                with contextlib.suppress(Exception):  # the sync's own failure is the one to report
                    self._rebuild_search_indexes()
                raise
        self._rebuild_search_indexes()
        if self._last_server_time:
            self.profile.set_setting(S_LAST, self._last_server_time)

    def _pull_pages(self, report: SyncReport, fetcher: ThreadPoolExecutor) -> None:
        redo: set[str] = set()
        forced_reset: set[str] = set()
        # While a page is applied locally, the next one is already asked for (the server builds it meanwhile). It is
        # used only if the request it answers is exactly the one the loop would send now; otherwise it is dropped.
        ahead: tuple[dict[str, str | None], Future[dict[str, Any]]] | None = None
        try:
            for _ in range(10_000):
                held = [d for d in self.profile.dossier_ids() if self.lease_states().get(d) != "purged"]
                cursors = {d: (None if d in forced_reset else self._cursor(self.profile.dossier(d))) for d in held}
                body = ahead[1].result() if ahead is not None and ahead[0] == cursors else self._pull_body(cursors)
                _drop(ahead)
                ahead = None
                crash_point("pull.response_received")
                self._remember_limits(body)
                pages = body["dossiers"]
                if any(p["more"] for p in pages) and all(p["state"] == "ok" for p in pages) and not forced_reset:
                    following = {str(p["dossier_id"]): p.get("cursor") for p in pages}
                    ahead = (following, fetcher.submit(self._pull_body, following))
                if not self._apply_pull(body, held, report, redo=redo, forced_reset=forced_reset):
                    return
        finally:
            _drop(ahead)

    def _apply_pull(
        self,
        body: Mapping[str, Any],
        held: list[str],
        report: SyncReport,
        *,
        redo: set[str],
        forced_reset: set[str],
    ) -> bool:
        """Apply one pull answer; True when another request is needed."""
        more = False
        for page in body["dossiers"]:
            dossier_id = str(page["dossier_id"])
            if page["state"] == "revoked":
                self._revoke(dossier_id, report)
                continue
            reset = page["state"] == "reset" or dossier_id in forced_reset
            forced_reset.discard(dossier_id)
            store = self.profile.dossier(dossier_id)
            report.pulled += self._apply_page(store, page, reset=reset, report=report)
            self._check_in(dossier_id, page, body.get("server_time"))
            if page["more"]:
                more = True
            elif page.get("digest") and page["digest"] != self.local_digest(store) and dossier_id not in redo:
                # Diverged (e.g. a damaged local copy): re-download that dossier, keeping the pending work.
                redo.add(dossier_id)
                forced_reset.add(dossier_id)
                more = True
            self._progress(Progress("pull", report.pulled, report.pulled + (1 if page["more"] else 0)))
        for dossier_id in body.get("available", []):
            if str(dossier_id) not in held:
                self._adopt(str(dossier_id))
                more = True
        return more

    def _remember_limits(self, body: Mapping[str, Any]) -> None:
        limit = int(body.get("max_body") or 0)
        if limit and limit != self._max_body:
            self._max_body = limit
            self.profile.set_setting("sync.max_body", limit)
        if body.get("server_time"):
            self._last_server_time = str(body["server_time"])

    def _adopt(self, dossier_id: str) -> None:
        own = self.profile.settings.get("own_dossier_id")
        mine = own in (None, dossier_id)  # after a device purge, signing in again brings the person's own dossier back
        role = "own" if mine and self.profile.device_mode == "personal" else "patient"
        self.profile.create_dossier(f"Dossier {dossier_id[:8]}", role=role, dossier_id=dossier_id)

    def _apply_page(self, store: DossierStore, page: Mapping[str, Any], *, reset: bool, report: SyncReport) -> int:
        items = page.get("items", [])
        records = [i for i in items if i["type"] == "record"]
        conflicts = [i for i in items if i["type"] == "conflict"]
        with store.transaction() as conn:
            if reset:
                self._reset_local(conn)
            rows = [_Row.of(r) for r in records]
            self._store_shadow(conn, rows)
            pending_ids = set()
            if records:
                pending_ids = {
                    r.entity_id
                    for r in conn.execute(
                        select(schema.outbox.c.entity_id).where(schema.outbox.c.state == "pending").distinct()
                    )
                }
            plain = [r for r in rows if r.entity_id not in pending_ids]
            entries = [r for r in plain if r.entity == "entry"]
            triggers = self._defer_search_index(conn) if len(entries) >= _BULK_ROWS else []
            self._write_rows(store, conn, "entry", entries)
            for sql in triggers:
                conn.exec_driver_sql(sql)
            self._write_rows(store, conn, "document", [r for r in plain if r.entity == "document"])
            crash_point("pull.mid_page")
            for r in records:
                if str(r["entity_id"]) in pending_ids:
                    self._materialise(store, conn, r["entity"], str(r["entity_id"]))
            for c in conflicts:
                values = {
                    "entity": c["entity"],
                    "entity_id": str(c["entity_id"]),
                    "kind": c["kind"],
                    "record_conflict": c.get("record_conflict"),
                    "fields": _dumps(c["fields"]),
                    "author_kind": c["author_kind"],
                    "created_at": c["created_at"],
                    "resolved": int(bool(c["resolved"])),
                    "resolution": c.get("resolution"),
                }
                known = conn.execute(select(t.sync_conflicts.c.id).where(t.sync_conflicts.c.id == str(c["id"]))).first()
                if known is None and not c["resolved"]:
                    report.new_conflicts += 1
                conn.execute(
                    upsert(t.sync_conflicts)
                    .values(id=str(c["id"]), **values)
                    .on_conflict_do_update(index_elements=["id"], set_=values)
                )
            self._set_meta(conn, "cursor", page.get("cursor"))
            if reset or items:  # published after the commit: the open pages refresh, the engine ignores it
                entities = {Entity(i["entity"]) for i in records} | ({Entity.CONFLICT} if conflicts else set())
                kinds = () if reset else {str(i["kind"]) for i in items}
                ids = () if reset else {str(i["entity_id"]) for i in records}
                store.note_change(ChangeOrigin.PULL, set(Entity) if reset else entities, kinds=kinds, ids=ids)
        crash_point("pull.after_page_commit")
        if report.new_conflicts and conflicts:
            views = self.conflicts()
            for listener in self._conflict_listeners:
                listener(views)
        return len(items)

    def _defer_search_index(self, conn: Connection) -> list[str]:
        """Write this page's entries without indexing each one for search; the index is rebuilt once afterwards.

        The trigram index costs most of a bulk write when kept row by row, and a rebuild from the table is about ten
        times cheaper. The triggers are dropped here and re-created (from the SQL returned) in this page's transaction,
        so other connections never see them missing; the `search_stale` mark commits with the page, so a crash before
        the rebuild is repaired by the next sync. Until then, search may miss this page's entries.
        """
        triggers = [
            str(sql)
            for (sql,) in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?) ORDER BY name",
                _SEARCH_TRIGGERS,
            )
        ]
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS entries_fts_insert")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS entries_fts_update")
        self._set_meta(conn, S_SEARCH_STALE, "1")
        return triggers

    def _rebuild_search_indexes(self) -> None:
        """Rebuild the search index of every dossier a bulk pull left stale (one transaction each)."""
        for dossier_id in self.profile.dossier_ids():
            store = self.profile.dossier(dossier_id)
            with store.reading() as conn:
                if self._meta(conn, S_SEARCH_STALE) is None:
                    continue
            with store.transaction() as conn:
                conn.exec_driver_sql("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
                self._set_meta(conn, S_SEARCH_STALE, None)

    def _reset_local(self, conn: Connection) -> None:
        """Forget the server's state (it comes again) but keep every pending local change and its rows."""
        pending = {
            r.entity_id
            for r in conn.execute(select(schema.outbox.c.entity_id).where(schema.outbox.c.state == "pending"))
        }
        conn.execute(delete(t.sync_shadow))
        conn.execute(delete(t.sync_conflicts))
        conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.direction == "down"))
        for table in (schema.entries, schema.documents):
            ids = [r.id for r in conn.execute(select(table.c.id)) if r.id not in pending]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                if table is schema.documents:
                    conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id.in_(chunk)))
                conn.execute(delete(table).where(table.c.id.in_(chunk)))
        self._set_meta(conn, "cursor", None)

    def local_digest(self, store: DossierStore) -> str:
        value = 0
        with store.reading() as conn:
            for row in conn.execute(
                select(t.sync_shadow.c.entity_id, t.sync_shadow.c.version, t.sync_shadow.c.deleted)
            ):
                value ^= fingerprint(row.entity_id, row.version, bool(row.deleted))
        return f"{value:064x}"

    # -- documents --------------------------------------------------------------------------------------------------
    def _blob_rows(self, store: DossierStore, direction: str) -> list[Any]:
        with store.reading() as conn:
            return list(conn.execute(select(t.sync_blobs).where(t.sync_blobs.c.direction == direction)))

    def _forget_blob(self, store: DossierStore, document_id: str) -> None:
        with store.transaction() as conn:
            conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.document_id == document_id))

    def _upload_blobs(self, store: DossierStore, report: SyncReport) -> int:
        rows = self._blob_rows(store, "up")
        sent = 0
        total_bytes = sum(r.size for r in rows)
        for row in rows:
            try:
                self._upload_one(store, row, total_bytes)
            except NotFound:
                pass  # deleted locally before its body left: nothing to send
            except ServiceRefused as exc:
                if exc.status != 403:
                    raise
            self._forget_blob(store, row.document_id)
            sent += 1
            report.uploaded += 1
        return sent

    def _upload_one(self, store: DossierStore, row: Any, total_bytes: int) -> None:
        for _ in range(4):
            response = self.http.request(
                "POST",
                "/v1/sync/uploads",
                json={"dossier_id": store.dossier_id, "sha256": row.sha256, "size": row.size},
            )
            body = response.json()
            crash_point("upload.after_create")
            if body["complete"]:
                return
            upload_id, offset, chunk = body["upload_id"], int(body["offset"]), int(body["chunk_size"])
            store.documents.get(row.document_id)  # NotFound once deleted locally: nothing to send
            offset = self._send_chunks(store, row, str(upload_id), offset, chunk, total_bytes)
            if offset == _COMPLETE:
                return
            if offset >= row.size:
                return
        raise SyncOffline()

    def _send_chunks(
        self, store: DossierStore, row: Any, upload_id: str, offset: int, chunk: int, total_bytes: int
    ) -> int:
        """Append chunks from `offset`: `_COMPLETE`, or -1 to ask for the upload again (it vanished or failed).

        The next chunks are read (decrypted from SQLCipher, on `READERS` connections at once: SQLite decrypts pages
        without the interpreter lock) and summed while the current one travels; with `upload_streams` > 1 several
        are in flight on as many connections. The server takes a chunk only at its own offset (one that overtook
        its predecessor waits for it there), so a chunk it cannot place is answered 409 with the server's offset and
        the upload resumes from it; after a lost connection the engine asks that offset (HEAD) and sends smaller
        chunks for a while. A CRC-32 per chunk catches transport damage; the server proves the whole file against
        its SHA-256.
        """
        path = f"/v1/sync/uploads/{upload_id}"
        size = chunk  # halved after a lost connection, so a flaky link loses less; doubled back after each success

        def read_at(position: int) -> tuple[bytes, str]:
            data = _read_range(store, row.document_id, position, size)
            return data, f"{zlib.crc32(data):08x}"

        def send(position: int, body: _ChunkBody, digest: str) -> httpx.Response:
            headers = {
                "Upload-Offset": str(position),
                "Upload-Checksum": f"crc32 {digest}",
                "Content-Type": "application/offset+octet-stream",
                "Content-Length": str(len(body)),
            }
            return self.http.request(
                "PATCH", path, content=body, headers=headers, accept=_CHUNK_ANSWERS, resend_on_cut=False
            )

        with (
            ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="carnet-read") as reader,
            ThreadPoolExecutor(max_workers=self.upload_streams, thread_name_prefix="carnet-upload") as sender,
        ):
            reads: dict[int, Future[tuple[bytes, str]]] = {}

            def read_ahead(start: int) -> None:
                """Keep the chunks from `start` on being read, `READERS` of them; forget reads elsewhere."""
                wanted = range(start, min(row.size, start + READERS * size), size)
                for stale in [p for p in reads if p not in wanted]:
                    reads.pop(stale).cancel()
                for position in wanted:
                    if position not in reads:
                        reads[position] = reader.submit(read_at, position)

            flying: deque[Future[httpx.Response]] = deque()
            last: _ChunkBody | None = None
            position = offset
            cuts, cut_at = 0, -1  # connections lost in a row at the same offset
            while True:
                while len(flying) < self.upload_streams and position < row.size:
                    read_ahead(position)
                    data, digest = reads.pop(position).result()
                    read_ahead(position + len(data))
                    if flying and last is not None and not last.sent_or(flying[-1]):
                        # The next chunk's bytes leave once the previous chunk's are out: it travels while that one
                        # is checked and published, and a cut never catches two half-sent chunks. That one ended
                        # before all its bytes left (a lost connection): settle it first.
                        reads[position] = _done((data, digest))
                        break
                    last = _ChunkBody(data)
                    flying.append(sender.submit(send, position, last, digest))
                    position += len(data)
                if not flying:
                    return offset if offset < row.size else _COMPLETE
                try:
                    response = flying.popleft().result()
                except httpx.TransportError:
                    # The connection was lost: the chunk may have landed or not. Ask where the server stands
                    # (like tus) instead of sending the whole chunk again, once the others in flight have ended.
                    answers = _settle(flying)
                    if any(a.status_code < 300 and a.json()["complete"] for a in answers):
                        return _COMPLETE
                    cuts = cuts + 1 if offset == cut_at else 1
                    cut_at = offset
                    size = max(MIN_CHUNK, size // 2)
                    if cuts >= self.http.backoff.attempts:
                        raise SyncOffline() from None
                    self.http.pause(cuts)
                    head = self.http.request("HEAD", path, accept=frozenset({404}))
                    if head.status_code == 404:
                        return -1  # completed meanwhile (or expired): ask again
                    offset = position = int(head.headers["upload-offset"])
                    continue
                status = response.status_code
                if status in (404, 422):
                    # 404: it completed but the answer was lost (or it expired); 422: whole-file verification
                    # failed and the server dropped it. Either way ask again: "complete", or a new upload.
                    _settle(flying)
                    return -1
                if status in (409, 460):
                    # Out of order, a lost answer, or damaged on the way: resume from the server's own offset,
                    # once the chunks still in flight have landed (or been refused) too.
                    answers = [response, *_settle(flying)]
                    if any(a.status_code < 300 and a.json()["complete"] for a in answers):
                        return _COMPLETE
                    offset = position = max(_server_offset(a, offset) for a in answers)
                    continue
                result = response.json()
                offset = int(result["offset"])
                size = min(chunk, size * 2)
                self._progress(Progress("upload", 0, 1, offset, total_bytes))
                crash_point("upload.mid_chunk")
                if result["complete"]:
                    _settle(flying)
                    return _COMPLETE

    def _bodies_wanted(self, store: DossierStore) -> Container[str] | None:
        """Which documents' bodies to fetch (None: all of them); a clinic workstation narrows it by its policy."""
        return None

    def _download_blobs(self, store: DossierStore, report: SyncReport) -> None:
        wanted = self._bodies_wanted(store)
        for row in self._blob_rows(store, "down"):
            if (wanted is None or row.document_id in wanted) and self._download_one(store, row):
                self._forget_blob(store, row.document_id)
                report.downloaded += 1

    def _stored_bytes(self, store: DossierStore, document_id: str) -> tuple[int, int]:
        with store.reading() as conn:
            count, size = conn.execute(
                select(func.count(), func.coalesce(func.sum(func.length(schema.document_chunks.c.data)), 0)).where(
                    schema.document_chunks.c.document_id == document_id
                )
            ).one()
        return int(count), int(size)

    def _download_one(self, store: DossierStore, row: Any) -> bool:
        with store.reading() as conn:
            doc = conn.execute(select(schema.documents).where(schema.documents.c.id == row.document_id)).first()
        if doc is None or doc.deleted or doc.sha256 != row.sha256:
            return True
        for attempt in range(self.http.backoff.attempts):
            count, have = self._stored_bytes(store, row.document_id)
            if have > count * CHUNK_SIZE or (have < count * CHUNK_SIZE and have < row.size):
                self._clear_chunks(store, row.document_id)
                count, have = 0, 0
            if have < row.size:
                try:
                    if not self._fetch(store, row, count, have):
                        return False  # not on the server yet: try at the next sync
                except httpx.TransportError:
                    self.http._wait(self.http.backoff.delay(attempt))
                    continue
            if self._verify(store, row):
                return True
            self._clear_chunks(store, row.document_id)
        return False

    def _fetch(self, store: DossierStore, row: Any, idx: int, offset: int) -> bool:
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        with self.http.stream("GET", f"/v1/sync/blobs/{store.dossier_id}/{row.sha256}", headers=headers) as response:
            if response.status_code == 404:
                return False
            if response.status_code == 401:
                response.read()
                refuse_unauthorised(response)
            if response.status_code == 403:
                return True
            if response.status_code >= 400:
                raise SyncOffline()
            if offset and response.status_code != 206:
                self._clear_chunks(store, row.document_id)
                idx, offset = 0, 0
            buffer = bytearray()
            for part in response.iter_bytes():
                buffer += part
                while len(buffer) >= CHUNK_SIZE:
                    self._put_chunk(store, row.document_id, idx, bytes(buffer[:CHUNK_SIZE]))
                    del buffer[:CHUNK_SIZE]
                    idx += 1
                    self._progress(Progress("download", 0, 1, idx * CHUNK_SIZE, row.size))
                    crash_point("download.mid")
            if buffer:
                self._put_chunk(store, row.document_id, idx, bytes(buffer))
        return True

    def _put_chunk(self, store: DossierStore, document_id: str, idx: int, data: bytes) -> None:
        with store.transaction() as conn:
            conn.execute(
                upsert(schema.document_chunks)
                .values(document_id=document_id, idx=idx, data=data)
                .on_conflict_do_update(index_elements=["document_id", "idx"], set_={"data": data})
            )

    def _clear_chunks(self, store: DossierStore, document_id: str) -> None:
        with store.transaction() as conn:
            conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id == document_id))

    def _verify(self, store: DossierStore, row: Any) -> bool:
        digest = hashlib.sha256()
        with store.reading() as conn:
            for chunk in conn.execute(
                select(schema.document_chunks.c.data)
                .where(schema.document_chunks.c.document_id == row.document_id)
                .order_by(schema.document_chunks.c.idx)
            ):
                digest.update(chunk.data)
        return bool(digest.hexdigest() == row.sha256)

    # -- revocation: crypto-shredding -------------------------------------------------------------------------------
    def _revoke(self, dossier_id: str, report: SyncReport) -> None:
        store = self.profile.dossier(dossier_id)
        delivered = 0
        with contextlib.suppress(SyncOffline):
            delivered = self._upload_blobs(store, report)  # a professional's documents still reach the patient
        revocation = Revocation(dossier_id, self._refused(store, documents=False), delivered)
        for listener in self._revocation_listeners:
            listener(revocation)  # before the purge: the GUI closes its windows on the dossier and says why
        self._shred(dossier_id, store)
        report.revoked.append(revocation)

    def _shred(self, dossier_id: str, store: DossierStore) -> None:
        """Crypto-shred one dossier, journalled so that a crash mid-way is completed by `finish_purges`."""
        self._journal_purge(dossier_id, add=True)
        crash_point("purge.before")
        store.close()
        crash_point("purge.closed")
        self.profile.purge_dossier(dossier_id)
        crash_point("purge.after")
        self._journal_purge(dossier_id, add=False)
        self._forget_lease(dossier_id)

    def _has_unsent(self, store: DossierStore) -> bool:
        """Changes or document bodies not yet acknowledged by the service: such a dossier is never purged silently."""
        return bool(store.outbox.count_pending() or self._blob_rows(store, "up"))

    @staticmethod
    def _refused(store: DossierStore, *, documents: bool) -> int:
        """Local changes that will never reach the service (documents too when nothing can be sent any more)."""
        query = (
            select(func.count()).select_from(schema.outbox).where(schema.outbox.c.state.in_(("pending", "forbidden")))
        )
        if not documents:
            query = query.where(schema.outbox.c.entity != "document")
        with store.reading() as conn:
            return int(conn.execute(query).scalar_one())

    def _device_revoked(self) -> bool:
        """Removed from the account, and not signed in again since (a new sign-in stores a new refresh token)."""
        return bool(self._setting(S_DEVICE_REVOKED)) and not self._setting(S_REFRESH)

    def _purge_device(self, report: SyncReport) -> None:
        """The device was removed from the account: tell, then erase every dossier it holds and forget the session.

        Crash-safe like a dossier purge: the journal names every dossier before the first is erased, and
        `finish_purges` completes it at the next start. Nothing could be sent, so every pending change is reported.
        """
        held = self.profile.dossier_ids()
        revocations = [
            Revocation(d, self._refused(self.profile.dossier(d), documents=True), 0, reason="device_revoked")
            for d in held
        ]
        for revocation in revocations:
            for listener in self._revocation_listeners:
                listener(revocation)
        self._journal_purge(*held, add=True)
        for key, value in ((S_DEVICE_REVOKED, True), (S_ACCESS, None), (S_REFRESH, None)):
            self.profile.set_setting(key, value)
        crash_point("device_purge.before")
        self.finish_purges()
        report.revoked.extend(revocations)

    def _journal_purge(self, *dossier_ids: str, add: bool) -> None:
        current = list(self.profile.settings.get(S_PURGING) or [])
        if add:
            current += [d for d in dossier_ids if d not in current]
        else:
            current = [d for d in current if d not in dossier_ids]
        self.profile.set_setting(S_PURGING, current)

    def finish_purges(self) -> None:
        """A purge interrupted by a crash is completed before anything else (its key may already be gone)."""
        for dossier_id in list(self.profile.settings.get(S_PURGING) or []):
            self.profile.purge_dossier(dossier_id)
            self._journal_purge(dossier_id, add=False)
            self._forget_lease(dossier_id)

    # -- offline leases ---------------------------------------------------------------------------------------------
    def _check_in(self, dossier_id: str, page: Mapping[str, Any], server_time: str | None) -> None:
        leases = dict(self.profile.settings.get(S_LEASES) or {})
        if page.get("lease_seconds") is None:
            if dossier_id in leases:
                leases.pop(dossier_id)
                self.profile.set_setting(S_LEASES, leases)
            return
        leases[dossier_id] = {
            "lease": int(page["lease_seconds"]),
            "grace": int(page.get("grace_seconds") or 0),
            "checked_in": self.device_clock().astimezone(UTC).isoformat(),
            "server_time": server_time,
        }
        self.profile.set_setting(S_LEASES, leases)

    def _forget_lease(self, dossier_id: str) -> None:
        leases = dict(self.profile.settings.get(S_LEASES) or {})
        if leases.pop(dossier_id, None) is not None:
            self.profile.set_setting(S_LEASES, leases)

    def lease_states(self) -> dict[str, str]:
        """ok | locked | expired_grace (purgeable) per leased dossier; a clock set backwards counts as expired."""
        now = self.device_clock().astimezone(UTC)
        states: dict[str, str] = {}
        for dossier_id, lease in (self.profile.settings.get(S_LEASES) or {}).items():
            checked = datetime.fromisoformat(lease["checked_in"])
            elapsed = (now - checked).total_seconds()
            if elapsed < 0 or elapsed > lease["lease"] + lease["grace"]:
                states[dossier_id] = "expired_grace" if elapsed >= 0 else "locked"
                if elapsed < 0:
                    continue
            elif elapsed > lease["lease"]:
                states[dossier_id] = "locked"
            else:
                states[dossier_id] = "ok"
        return states

    def check_leases(self) -> dict[str, str]:
        """Purge leased dossiers past their grace period when nothing unsynced remains; otherwise keep them locked."""
        states = self.lease_states()
        for dossier_id, state in states.items():
            if state != "expired_grace":
                continue
            store = self.profile.dossier(dossier_id)
            if self._has_unsent(store):
                states[dossier_id] = "locked"  # unsynced work is never purged silently
                continue
            self._shred(dossier_id, store)
            states[dossier_id] = "purged"
        return states

    def require_open(self, dossier_id: str) -> DossierStore:
        """What the GUI calls to open a leased dossier: refuses while its lease is expired."""
        if self.lease_states().get(dossier_id) in ("locked", "expired_grace"):
            raise DossierLocked()
        return self.profile.dossier(dossier_id)

    # -- conflicts --------------------------------------------------------------------------------------------------
    def conflicts(self) -> list[ConflictView]:
        found = []
        for dossier_id in self.profile.dossier_ids():
            store = self.profile.dossier(dossier_id)
            with store.reading() as conn:
                for row in conn.execute(select(t.sync_conflicts).where(t.sync_conflicts.c.resolved == 0)):
                    found.append(
                        ConflictView(
                            row.id,
                            dossier_id,
                            row.entity,
                            row.entity_id,
                            row.kind,
                            row.record_conflict,
                            json.loads(row.fields),
                            row.created_at,
                        )
                    )
        return found

    def resolve(self, conflict_id: str, *, keep: str | None = None, fields: Mapping[str, Any] | None = None) -> None:
        """Queue a person's decision (sent at the next sync): keep mine, theirs, or chosen field values."""
        if (keep is None) == (not fields):
            raise ValueError("choose exactly one of keep= or fields=")
        view = next((c for c in self.conflicts() if c.id == conflict_id), None)
        if view is None:
            raise NotFound()
        if keep not in (None, "mine", "theirs"):
            raise ValueError("keep must be 'mine' or 'theirs'")
        changes: dict[str, list[Any]] = {"__keep__": [None, keep or "fields"]}
        for name, value in (fields or {}).items():
            server = view.fields.get(name, {}).get("server") if isinstance(view.fields.get(name), dict) else None
            changes[name] = [server, value]
        store = self.profile.dossier(view.dossier_id)
        with store._write() as write:  # a local change like any other: it schedules a push
            write.queue(Intent(Entity.CONFLICT, conflict_id, view.kind, MutationOp.RESOLVE, 0, changes))
            write.conn.execute(
                update(t.sync_conflicts)
                .where(t.sync_conflicts.c.id == conflict_id)
                .values(resolved=1, resolution=keep or "fields")
            )

    # -- status -----------------------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        leases = self.lease_states()
        dossiers = []
        for dossier_id in self.profile.dossier_ids():
            store = self.profile.dossier(dossier_id)
            with store.reading() as conn:
                states: dict[str, int] = {
                    state: count
                    for state, count in conn.execute(
                        select(schema.outbox.c.state, func.count()).group_by(schema.outbox.c.state)
                    )
                }
                refused = [
                    {"mutation_id": r.mutation_id, "status": r.status, "reason": r.reason, "message": r.message}
                    for r in conn.execute(
                        select(t.sync_results).where(t.sync_results.c.status.in_(("rejected", "forbidden")))
                    )
                ]
                uploads = conn.execute(
                    select(func.count()).select_from(t.sync_blobs).where(t.sync_blobs.c.direction == "up")
                ).scalar_one()
                downloads = conn.execute(
                    select(func.count()).select_from(t.sync_blobs).where(t.sync_blobs.c.direction == "down")
                ).scalar_one()
                conflicts = conn.execute(
                    select(func.count()).select_from(t.sync_conflicts).where(t.sync_conflicts.c.resolved == 0)
                ).scalar_one()
            dossiers.append(
                {
                    "dossier_id": dossier_id,
                    "pending": int(states.get("pending", 0)),
                    "results": {k: int(v) for k, v in states.items() if k in TERMINAL},
                    "refused": refused,
                    "uploads_pending": int(uploads),
                    "downloads_pending": int(downloads),
                    "open_conflicts": int(conflicts),
                    "lease": leases.get(dossier_id),
                }
            )
        return {
            "server_url": self._setting(S_URL),
            "signed_in": bool(self._setting(S_REFRESH)),
            "last_server_time": self._setting(S_LAST),
            "state": self.settled_state().value,
            "device_revoked": self._device_revoked(),
            "dossiers": dossiers,
        }
