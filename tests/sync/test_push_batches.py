"""A push of many mutations fills each request up to the service's body limit (not a fixed count), never over it, and
reads the outbox a bounded number of times per batch (rows already answered are not read again)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.http import Backoff
from desktop_app.sync.pull import remember_limits
from dossier.sync_protocol import LEGACY_MAX_MUTATIONS, MAX_MUTATIONS_PER_PUSH, PullResult

pytestmark = pytest.mark.usefixtures("sqlite_only")

PUSH = "/v1/sync/push"


class RecordingTransport(httpx.BaseTransport):
    """Forwards to the real service over loopback and keeps each push body and the status it was answered with."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.pushes: list[tuple[bytes, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == PUSH:
            self.pushes.append((request.read(), response.status_code))
        return response

    def close(self) -> None:
        self.inner.close()


def _rows(n: int) -> list[dict[str, Any]]:
    # Sizes vary (and include non-ASCII text, two bytes a letter in UTF-8) so that a count cannot stand for bytes.
    return [{"name": f"Allergie {i}", "reaction": "Œdème " * (i % 30)} for i in range(n)]


def test_a_large_push_fills_requests_to_the_body_limit_and_reads_each_outbox_row_a_bounded_number_of_times(
    lab: Any,
) -> None:
    device = lab.device(lab.person())
    recording = RecordingTransport()
    engine = SyncEngine(device.profile, transport=recording, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    engine.sync_once()  # the pull tells the body limit
    assert engine.ctx.max_body == lab.live.settings.max_push_bytes
    limit = engine.ctx.max_body = 48 * 1024  # as a deployed service says (the lab's accepts more: no 413 here)

    store = device.profile.dossier()
    total = 1500
    store.entries.create_many("allergy", _rows(total))
    outbox_reads = 0

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        nonlocal outbox_reads
        if statement.lstrip().upper().startswith("SELECT") and "FROM outbox" in statement:
            outbox_reads += 1

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        report = engine.sync_once()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
        engine.http.close()

    assert report.pushed == {"applied": total}
    assert store.outbox.count_pending() == 0
    bodies = [body for body, status in recording.pushes]
    assert [status for _, status in recording.pushes] == [200] * len(bodies)  # never refused as too large
    batches = [json.loads(body)["mutations"] for body in bodies]
    assert sum(len(b) for b in batches) == total
    assert [m["client_seq"] for b in batches for m in b] == sorted(m["client_seq"] for b in batches for m in b)
    for body, mutations in zip(bodies, batches, strict=True):
        assert len(body) <= limit
        assert len(mutations) <= MAX_MUTATIONS_PER_PUSH
    # Every request but the last is full: the next mutation would not have fitted (bytes) or the count is reached.
    for body, mutations, following in zip(bodies, batches, batches[1:], strict=False):
        first_next = json.dumps(following[0], ensure_ascii=False, separators=(",", ":")).encode()
        assert len(mutations) == MAX_MUTATIONS_PER_PUSH or len(body) + len(first_next) + 1 > limit - 256
    assert len(bodies) >= 8  # the body limit, not a count, cut this push
    assert max(len(b) for b in batches) < MAX_MUTATIONS_PER_PUSH
    # Reading the outbox: a few statements per request, not one per row or per pending row.
    assert outbox_reads <= 4 * len(bodies) + 6, (outbox_reads, len(bodies))


def test_a_push_under_a_small_body_limit_sends_everything_in_many_batches(lab: Any) -> None:
    device = lab.device(lab.person())
    store = device.profile.dossier()
    store.entries.create_many("allergy", _rows(40))
    device.engine.ctx.max_body = 4096  # many small batches
    report = device.engine.sync_once()
    assert report.pushed == {"applied": 40}
    assert store.outbox.count_pending() == 0
    assert sorted(e.data["name"] for e in store.entries.list("allergy")) == sorted(f"Allergie {i}" for i in range(40))


def test_the_push_takes_the_count_the_service_announces_and_the_old_count_from_a_service_that_does_not(
    lab: Any,
) -> None:
    """Issue 16: this service takes MAX_MUTATIONS_PER_PUSH mutations a request and says so in every pull; a service
    from before says nothing and took LEGACY_MAX_MUTATIONS, which the engine keeps to until told otherwise."""
    device = lab.device(lab.person())
    recording = RecordingTransport()
    engine = SyncEngine(device.profile, transport=recording, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    assert engine.ctx.max_mutations == LEGACY_MAX_MUTATIONS < MAX_MUTATIONS_PER_PUSH  # a new device, nothing said
    store = device.profile.dossier()
    store.entries.create_many("allergy", [{"name": f"Allergie {i}"} for i in range(1200)])
    engine.ctx.max_body = lab.live.settings.max_push_bytes  # bytes are not what limits these batches
    try:
        engine.sync_once()  # the first push, before any pull: the legacy count
        store.entries.create_many("allergy", [{"name": f"Arachide {i}"} for i in range(2 * MAX_MUTATIONS_PER_PUSH)])
        engine.sync_once()
    finally:
        engine.http.close()
    counts = [len(json.loads(body)["mutations"]) for body, status in recording.pushes if status == 200]
    assert counts[:3] == [LEGACY_MAX_MUTATIONS, LEGACY_MAX_MUTATIONS, 200]
    assert counts[3:] == [MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH]  # the pull said so
    assert device.profile.settings["sync.max_mutations"] == MAX_MUTATIONS_PER_PUSH  # remembered for the next start
    assert store.outbox.count_pending() == 0
    # The device is then pointed at a service from before, whose pull answer has no `max_mutations`.
    older = PullResult(dossiers=[], available=[], server_time="2026-12-07T06:00:00.000Z", max_body=64 * 1024)
    remember_limits(engine.ctx, older)
    assert engine.ctx.max_mutations == LEGACY_MAX_MUTATIONS == device.profile.settings["sync.max_mutations"]
