"""Sync benchmark on loopback: no-op sync requests, bootstrap speed, upload vs raw HTTP, bytes re-sent after a cut.

Run: .venv/bin/python benchmarks/sync.py [--entries 20000] [--megabytes 50]
Prints ratios against baselines measured in the same run (targets: 1 request; ≥ 10,000 entries/s; ≥ 0.5 of raw;
≤ one chunk re-sent). Uses the real service (uvicorn), a real SMTP server, real SQLCipher profiles.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import httpx
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.sync.engine import S_URL, SyncReport  # noqa: E402
from server.clock import ManualClock  # noqa: E402
from server.config import Settings, SmtpSettings  # noqa: E402
from server.db import migrate  # noqa: E402
from server.sync.service import SyncSettings  # noqa: E402
from tests.server.conftest import FAST_ARGON2, Flows, Mailbox, free_port  # noqa: E402
from tests.sync.conftest import Lab, LiveServer, make_engine  # noqa: E402
from tests.sync.faultproxy import FaultProxy  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--megabytes", type=int, default=50)
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
            clock=ManualClock(),
            argon2=FAST_ARGON2,
            max_body_bytes=(args.megabytes + 8) * 1024 * 1024,
        )
        live = LiveServer(settings, SyncSettings(chunk_size=chunk))
        live.start()
        try:
            run(live, box, base, args.entries, args.megabytes, chunk)
        finally:
            live.stop()
            smtp.stop()
    return 0


def run(live: LiveServer, box: Mailbox, base: Path, n_entries: int, megabytes: int, chunk: int) -> None:
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
        started = time.perf_counter()
        report = reader.engine.sync_once()
        boot = time.perf_counter() - started
        rate = report.pulled / boot
        print(
            f"bootstrap: {report.pulled} entries in {boot:.2f} s = {rate:,.0f} entries/s "
            f"(target ≥ 10,000/s; ratio {rate / 10_000:.2f}); push of the same: {n_entries / push_time:,.0f}/s"
        )

        # 3. A large document against a raw HTTP upload of the same bytes to the same server (best of two each: the
        # machine is shared, single runs are noisy).
        doc_store = writer.profile.dossier()
        raw_times, sync_times = [], []
        for n in range(2):
            content = b"%PDF-1.4\n" + hashlib.shake_256(b"bench%d" % n).digest(megabytes * 1024 * 1024)
            doc_store.documents.add(content, title=f"Scanner {n}", category="imagerie")
            writer.engine._push(doc_store, SyncReport())
            started = time.perf_counter()
            api.post("/health", content=content)  # 405 once the whole body is read: a raw HTTP upload
            raw_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            writer.engine.sync_once()
            sync_times.append(time.perf_counter() - started)
        raw, synced = min(raw_times), min(sync_times)
        print(
            f"{megabytes} MB upload: sync {synced:.2f} s, raw HTTP {raw:.2f} s → {raw / synced:.2f} of raw "
            f"(target ≥ 0.5)"
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
