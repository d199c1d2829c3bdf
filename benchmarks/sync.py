"""Sync benchmark on loopback: no-op sync requests, bootstrap speed, upload vs raw HTTP, bytes re-sent after a cut.

Run: .venv/bin/python benchmarks/sync.py [--entries 20000] [--megabytes 50]
Prints ratios against baselines measured in the same run (targets: 1 request; ≥ 10,000 entries/s; ≥ 0.5 of raw;
≤ one chunk re-sent). Uses the real service (uvicorn) in its own process, as deployed — client and service then
run in parallel as they do in production, instead of sharing one interpreter lock —, a real SMTP server and real
SQLCipher profiles. `--in-process` serves from a thread of this process instead (the earlier set-up, for comparison).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from aiosmtpd.controller import Controller
from fastapi import FastAPI, Request, Response

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.sync.engine import S_URL, SyncReport  # noqa: E402
from server.config import Settings, SmtpSettings  # noqa: E402
from server.context import ServiceContext  # noqa: E402
from server.db import migrate  # noqa: E402
from server.sync.service import SyncSettings  # noqa: E402
from tests.server.conftest import FAST_ARGON2, Flows, Mailbox, free_port  # noqa: E402
from tests.sync import conftest as sync_conftest  # noqa: E402
from tests.sync.conftest import Lab, LiveServer, make_engine  # noqa: E402
from tests.sync.faultproxy import FaultProxy  # noqa: E402

RAW_SINK = "/bench/raw-upload"


def _with_raw_sink(create: Callable[..., FastAPI]) -> Callable[..., FastAPI]:
    """The real app plus one benchmark-only route: a plain upload, the body streamed to a file and fsynced once.

    It is the raw baseline that stores what it receives (as a document upload must): the same server process, the
    same middleware, none of the resumable protocol (chunks, checksums, offsets, verification, records).
    """

    def build(*args: Any, **kwargs: Any) -> FastAPI:
        app = create(*args, **kwargs)
        settings: Settings = args[0]

        async def raw_upload(request: Request) -> Response:
            target = settings.data_dir / "raw-upload.bin"
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as handle:
                async for piece in request.stream():
                    handle.write(piece)
                handle.flush()
                os.fsync(handle.fileno())
            return Response(status_code=204)

        app.add_api_route(RAW_SINK, raw_upload, methods=["POST"])
        return app

    return build


def _serve(settings: Settings, sync_settings: SyncSettings, port: int, ready: Any, stop: Any) -> None:
    """Child process: the real app on `port` until told to stop."""
    sync_conftest.create_app = _with_raw_sink(sync_conftest.create_app)  # type: ignore[assignment]
    live = LiveServer(settings, sync_settings)
    live.port, live.url = port, f"http://127.0.0.1:{port}"
    live.start()
    ready.set()
    stop.wait()
    live.stop()


class ProcessServer:
    """The same service as LiveServer, served by a child process; `ctx` here only provisions test people."""

    def __init__(self, settings: Settings, sync_settings: SyncSettings) -> None:
        self.settings, self.sync_settings = settings, sync_settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ctx: ServiceContext | None = None
        spawn = multiprocessing.get_context("spawn")
        self._ready, self._stop = spawn.Event(), spawn.Event()
        self._process = spawn.Process(
            target=_serve, args=(settings, sync_settings, self.port, self._ready, self._stop), daemon=True
        )

    def start(self) -> None:
        self._process.start()
        if not self._ready.wait(60):
            raise RuntimeError("the service process did not start")
        self.ctx = ServiceContext.build(settings=self.settings, pool_size=2)

    def stop(self) -> None:
        self._stop.set()
        self._process.join(20)
        if self.ctx is not None:
            self.ctx.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--in-process", action="store_true", help="serve from a thread of this process")
    args = parser.parse_args()
    box = Mailbox()
    smtp = Controller(box, hostname="127.0.0.1", port=free_port())
    smtp.start()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        url = f"sqlite:///{base / 'server.sqlite3'}"
        migrate(url)
        chunk = 8 * 1024 * 1024
        settings = Settings(
            data_dir=base / "server",
            database_url=url,
            smtp=SmtpSettings(host="127.0.0.1", port=smtp.port),
            argon2=FAST_ARGON2,
            max_body_bytes=(args.megabytes + 8) * 1024 * 1024,
        )
        server_kind = LiveServer if args.in_process else ProcessServer
        live = server_kind(settings, SyncSettings(chunk_size=chunk))
        live.start()
        print(f"service: {'a thread of this process' if args.in_process else 'its own process'}")
        try:
            run(live, box, base, args.entries, args.megabytes, chunk)
        finally:
            live.stop()
            smtp.stop()
    return 0


def run(live: LiveServer | ProcessServer, box: Mailbox, base: Path, n_entries: int, megabytes: int, chunk: int) -> None:
    with httpx.Client(base_url=live.url, timeout=120) as api:
        assert live.ctx is not None
        lab = Lab(live, Flows(api, live.ctx, box), box, base, api)  # type: ignore[arg-type]
        person = lab.person()
        writer, reader = lab.device(person), lab.device(person)

        # 1. A no-op sync.
        writer.engine.sync_once()
        noop = writer.engine.sync_once().requests
        print(f"no-op sync: {noop} HTTP request(s) (target: exactly 1)")

        # 2. Bootstrap of a large dossier on a new device.
        rows = [{"name": f"Allergie {i}", "reaction": "Urticaire"} for i in range(n_entries)]
        writer.profile.dossier().entries.create_many("allergy", rows)
        started = time.perf_counter()
        writer.engine.sync_once()
        push_time = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        report = reader.engine.sync_once()
        boot, boot_cpu = time.perf_counter() - started, time.process_time() - cpu
        rate = report.pulled / boot
        print(
            f"bootstrap: {report.pulled} entries in {boot:.2f} s = {rate:,.0f} entries/s "
            f"(target ≥ 10,000/s; ratio {rate / 10_000:.2f}; CPU of this process {boot_cpu:.2f} s); "
            f"push of the same: {n_entries / push_time:,.0f}/s"
        )

        # 3. A large document against a raw HTTP upload of the same bytes to the same server (best of two each: the
        # machine is shared, single runs are noisy).
        doc_store = writer.profile.dossier()
        stored = isinstance(live, ProcessServer)
        raw_times, wire_times, sync_times, raw_cpu, sync_cpu = [], [], [], [], []
        for n in range(2):
            content = b"%PDF-1.4\n" + hashlib.shake_256(b"bench%d" % n).digest(megabytes * 1024 * 1024)
            doc_store.documents.add(content, title=f"Scanner {n}", category="imagerie")
            writer.engine._push(doc_store, SyncReport())
            started = time.perf_counter()
            api.post("/health", content=content)  # 405 once the whole body is read: bytes over the wire only
            wire_times.append(time.perf_counter() - started)
            if stored:
                started, cpu = time.perf_counter(), time.process_time()
                assert api.post(RAW_SINK, content=content).status_code == 204
                raw_times.append(time.perf_counter() - started)
                raw_cpu.append(time.process_time() - cpu)
            else:
                raw_times.append(wire_times[-1])
                raw_cpu.append(0.0)
            started, cpu = time.perf_counter(), time.process_time()
            writer.engine.sync_once()
            sync_times.append(time.perf_counter() - started)
            sync_cpu.append(time.process_time() - cpu)
        raw, wire, synced = min(raw_times), min(wire_times), min(sync_times)
        baseline = "a plain POST stored and fsynced by the service" if stored else "bytes read and dropped"
        print(
            f"{megabytes} MB upload: sync {synced:.2f} s, raw upload ({baseline}) {raw:.2f} s → "
            f"{raw / synced:.2f} of raw (target ≥ 0.5); bytes over the wire only {wire:.2f} s → {wire / synced:.2f}; "
            f"CPU of this process: sync {min(sync_cpu):.2f} s, raw {min(raw_cpu):.2f} s"
        )

        # 4. Bytes re-sent after the connection is cut at 90 % of an upload.
        other = content[:9] + content[9:][::-1]
        doc_store.documents.add(other, title="Scanner 2", category="imagerie")
        writer.engine._push(doc_store, SyncReport())
        proxy = FaultProxy(live.port)
        try:
            writer.profile.set_setting(S_URL, proxy.url)
            writer.engine.http.close()
            writer.engine = make_engine(writer.profile)
            proxy.faults.cut_upstream_after = int(len(other) * 0.9)
            writer.engine.sync_once()
            resent = proxy.upstream_bytes - len(other)
        finally:
            proxy.close()
        print(
            f"cut at 90 %: {resent / 1024:,.0f} KiB re-sent beyond the file (chunk {chunk // 1024:,} KiB; "
            f"ratio {resent / chunk:.2f} of one chunk, target ≤ 1)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
