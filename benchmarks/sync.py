"""Sync benchmark on loopback: no-op sync requests, bootstrap speed, upload vs raw HTTP, bytes re-sent after a cut,
and the messagerie's messages as sync entities (a pull of 1,000 messages in 20 conversations, then a no-op sync).

Run: .venv/bin/python benchmarks/sync.py [--entries 20000] [--megabytes 50] [--conversations 20] [--per-conversation 50]
Prints ratios against baselines measured in the same run (targets: 1 request; ≥ 10,000 entries/s; ≥ 0.5 of raw;
≤ one chunk re-sent; a no-op sync with messages present is 1 request). Uses the real service (uvicorn) in its own
process, as deployed — client and service then run in parallel as they do in production, instead of sharing one
interpreter lock —, a real SMTP server and real SQLCipher profiles. `--in-process` serves from a thread of this
process instead (the earlier set-up, for comparison).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy import select
from starlette.types import ASGIApp, Receive, Scope, Send

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.dossier_store import DossierStore  # noqa: E402
from desktop_app.sync.engine import S_URL, SyncReport  # noqa: E402
from desktop_app.sync.uploads import read_range  # noqa: E402
from server.config import Settings, SmtpSettings  # noqa: E402
from server.context import ServiceContext  # noqa: E402
from server.db import migrate  # noqa: E402
from server.sync.service import SyncSettings  # noqa: E402
from tests.support import sync_lab  # noqa: E402
from tests.support.faultproxy import FaultProxy  # noqa: E402
from tests.support.service import FAST_ARGON2, Flows, Mailbox, free_port  # noqa: E402
from tests.support.sync_lab import Lab, LiveServer, make_engine  # noqa: E402

RAW_SINK = "/bench/raw-upload"


class RawSink:
    """Outermost layer of the benchmark's service: a plain upload to RAW_SINK is streamed to a file and fsynced once.

    It is the raw baseline that stores what it receives (as a document upload must): the same server process and
    connection handling, none of the resumable protocol (chunks, checksums, offsets, verification, records) and no
    body limit (the service's own limits stay the deployed defaults). Every other request goes to the real app.
    """

    def __init__(self, app: ASGIApp, *, target: Path) -> None:
        self.app, self.target = app, target

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != RAW_SINK:
            await self.app(scope, receive, send)
            return
        self.target.parent.mkdir(parents=True, exist_ok=True)
        drop = scope["query_string"] == b"drop=1"  # bytes over the wire only
        with self.target.open("wb") as handle:
            more = True
            while more:
                message = await receive()
                if not drop:
                    handle.write(message.get("body", b""))
                more = message.get("more_body", False)
            handle.flush()
            os.fsync(handle.fileno())
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _with_raw_sink(create: Callable[..., FastAPI]) -> Callable[..., FastAPI]:
    def build(*args: Any, **kwargs: Any) -> FastAPI:
        app = create(*args, **kwargs)
        settings: Settings = args[0]
        app.add_middleware(RawSink, target=settings.data_dir / "raw-upload.bin")
        return app

    return build


def _read_all(store: DossierStore, document_id: str, size: int, chunk: int) -> None:
    """What the client must do that a raw upload need not: decrypt every chunk and sum it."""
    for position in range(0, size, chunk):
        zlib.crc32(read_range(store, document_id, position, chunk))


def _install_raw_sink() -> None:
    """Put RawSink in front of the app LiveServer builds (in whichever process serves it)."""
    create = sync_lab.create_app
    sync_lab.create_app = _with_raw_sink(create)  # type: ignore[assignment]


def _serve(settings: Settings, sync_settings: SyncSettings, port: int, ready: Any, stop: Any) -> None:
    """Child process: the real app on `port` until told to stop."""
    _install_raw_sink()
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

    def cpu_seconds(self) -> float:
        """CPU time the service process has used so far (all its threads), from /proc."""
        fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

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
    parser.add_argument("--upload-streams", type=int, default=None, help="chunks in flight (default: the engine's)")
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--per-conversation", type=int, default=50)
    args = parser.parse_args()
    box = Mailbox()
    smtp = Controller(box, hostname="127.0.0.1", port=free_port())
    smtp.start()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        url = f"sqlite:///{base / 'server.sqlite3'}"
        migrate(url)
        settings = Settings(  # the deployed limits and chunk size
            data_dir=base / "server",
            database_url=url,
            smtp=SmtpSettings(host="127.0.0.1", port=smtp.port),
            argon2=FAST_ARGON2,
        )
        chunk = min(SyncSettings().chunk_size, settings.max_chunk_bytes)
        if args.in_process:
            _install_raw_sink()
        server_kind = LiveServer if args.in_process else ProcessServer
        live = server_kind(settings, SyncSettings())
        live.start()
        print(f"service: {'a thread of this process' if args.in_process else 'its own process'}")
        try:
            run(
                live,
                box,
                base,
                args.entries,
                args.megabytes,
                chunk,
                args.upload_streams,
                (args.conversations, args.per_conversation),
            )
        finally:
            live.stop()
            smtp.stop()
    return 0


def run(
    live: LiveServer | ProcessServer,
    box: Mailbox,
    base: Path,
    n_entries: int,
    megabytes: int,
    chunk: int,
    streams: int | None,
    conversations: tuple[int, int] = (20, 50),
) -> None:
    with httpx.Client(base_url=live.url, timeout=120) as api:
        assert live.ctx is not None
        lab = Lab(live, Flows(api, live.ctx, box), box, base, api)  # type: ignore[arg-type]
        person = lab.person()
        streams_kw = {} if streams is None else {"upload_streams": streams}
        writer, reader = lab.device(person, **streams_kw), lab.device(person)
        print(f"chunks in flight: {writer.engine.upload_streams}")

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

        # 3. A large document against a raw HTTP upload of the same bytes to the same server (best of three each,
        # interleaved: the machine is shared, single runs are noisy). Also timed: reading the document back out of
        # the encrypted store alone, and the CPU both processes spend (the 2 cores bound what any overlap can do).
        doc_store = writer.profile.dossier()
        service_cpu = live.cpu_seconds if isinstance(live, ProcessServer) else (lambda: 0.0)
        times: dict[str, list[float]] = {"raw": [], "raw_whole": [], "wire": [], "sync": [], "read": []}
        cpus: dict[str, list[float]] = {"raw": [], "sync": []}

        def timed(name: str, action: Callable[..., object], *args: Any, **kwargs: Any) -> None:
            started, mine, theirs = time.perf_counter(), time.process_time(), service_cpu()
            action(*args, **kwargs)
            times[name].append(time.perf_counter() - started)
            if name in cpus:
                cpus[name].append(time.process_time() - mine + service_cpu() - theirs)

        def raw_upload(content: bytes, *, drop: bool = False, whole: bool = False) -> None:
            """A plain POST. Streamed in pieces like the engine's chunks (httpcore copies the unsent rest of a
            buffer after every partial socket send, which costs a 50 MB body more than its trip); `whole`: the body
            handed over in one piece, as a naive client would."""
            body: bytes | list[bytes] = content
            if not whole:
                view = memoryview(content)
                body = [bytes(view[i : i + 256 * 1024]) for i in range(0, len(content), 256 * 1024)]
            answer = api.post(
                RAW_SINK,
                params={"drop": "1"} if drop else {},
                content=body,
                headers={"Content-Length": str(len(content))},
            )
            assert answer.status_code == 204

        for n in range(3):
            content = b"%PDF-1.4\n" + hashlib.shake_256(b"bench%d" % n).digest(megabytes * 1024 * 1024)
            doc = doc_store.documents.add(content, title=f"Scanner {n}", category="imagerie")
            writer.engine._push(doc_store, SyncReport())
            timed("wire", raw_upload, content, drop=True)
            timed("raw", raw_upload, content)
            timed("raw_whole", raw_upload, content, whole=True)
            timed("read", _read_all, doc_store, doc.id, len(content), chunk)
            timed("sync", writer.engine.sync_once)
        raw, whole, wire, synced, read = (min(times[k]) for k in ("raw", "raw_whole", "wire", "sync", "read"))
        print(
            f"{megabytes} MB upload in {chunk // (1024 * 1024)} MiB chunks: sync {synced:.2f} s, raw upload (a plain "
            f"POST stored and fsynced by the service) {raw:.2f} s → {raw / synced:.2f} of raw (target ≥ 0.5); "
            f"bytes over the wire only (read and dropped) {wire:.2f} s → {wire / synced:.2f}; the raw POST with its "
            f"body in one piece {whole:.2f} s → {whole / synced:.2f}"
        )
        if isinstance(live, ProcessServer):
            floor = min(cpus["sync"]) / (os.cpu_count() or 1)
            started = time.process_time()
            hashlib.sha256(content).digest()
            sha = time.process_time() - started
            started = time.process_time()
            zlib.crc32(content)
            crc = time.process_time() - started
            mandated = sha + 2 * crc + read
            cores = os.cpu_count() or 1
            print(
                f"  work the protocol and the encrypted store require, on top of moving the bytes: whole-file SHA-256 "
                f"{sha:.3f} s + chunk CRC-32 on both sides {2 * crc:.3f} s + decryption {read - crc:.3f} s = "
                f"{mandated:.2f} CPU-s; with the raw upload's own {min(cpus['raw']):.2f} CPU-s, a perfect overlap on "
                f"{cores} cores would still take {(mandated + min(cpus['raw'])) / cores:.2f} s → at best "
                f"{raw / ((mandated + min(cpus['raw'])) / cores):.2f} of raw when client and service share them"
            )
            print(
                f"  CPU, client + service: sync {min(cpus['sync']):.2f} s, raw {min(cpus['raw']):.2f} s; on "
                f"{os.cpu_count()} cores the sync needs ≥ {floor:.2f} s however well it overlaps, so at most "
                f"{raw / floor:.2f} of raw here; reading the document back out of the encrypted local store alone "
                f"(decryption + chunk checksums): {read:.2f} s = {read / raw:.1f}× the whole raw upload"
            )

        # 4. Bytes re-sent after the connection is cut at 90 % of an upload.
        other = content[:9] + content[9:][::-1]
        doc_store.documents.add(other, title="Scanner 2", category="imagerie")
        writer.engine._push(doc_store, SyncReport())
        proxy = FaultProxy(live.port)
        try:
            writer.profile.set_setting(S_URL, proxy.url)
            writer.engine.http.close()
            writer.engine = make_engine(writer.profile, **streams_kw)
            proxy.faults.network_cut_after = int(len(other) * 0.9)
            writer.engine.sync_once()
            resent = proxy.upstream_bytes - len(other)
        finally:
            proxy.close()
        print(
            f"cut at 90 %: {resent / 1024:,.0f} KiB re-sent beyond the file (chunk {chunk // 1024:,} KiB; "
            f"ratio {resent / chunk:.2f} of one chunk, target ≤ 1)"
        )
        run_messages(live, lab, *conversations)


def _fill_conversations(ctx: ServiceContext, dossier_id: uuid.UUID, rpps: str, conversations: int, each: int) -> None:
    """The set-up writes through the messages service itself (as a send stores them: rows and sync records), with
    the per-minute sending limit lifted for it."""
    from server.accounts.dependencies import Principal
    from server.accounts.models import PrincipalKind, Professional
    from server.messages import service as messages_service

    limit = messages_service.check_send_rate
    messages_service.check_send_rate = lambda *_args, **_kw: None  # type: ignore[assignment]
    try:
        with ctx.sessions() as session:
            pro = session.scalars(select(Professional).where(Professional.rpps == rpps)).one()
            principal = Principal(PrincipalKind.PROFESSIONAL, pro.id, uuid.uuid4())
            for c in range(conversations):
                conv = uuid.uuid4()
                messages_service.start(
                    session,
                    ctx,
                    principal,
                    conversation_id=conv,
                    dossier_id=dossier_id,
                    ins=None,
                    subject=f"Suivi {c}",
                    secret=False,
                    message_id=uuid.uuid4(),
                    text=f"Conversation {c}, message 1",
                )
                for m in range(2, each + 1):
                    messages_service.send(
                        session,
                        ctx,
                        principal,
                        conversation_id=conv,
                        message_id=uuid.uuid4(),
                        text=f"Conversation {c}, message {m} : " + "résultat à discuter " * 8,
                    )
                session.commit()
    finally:
        messages_service.check_send_rate = limit  # type: ignore[assignment]


def run_messages(live: LiveServer | ProcessServer, lab: Lab, conversations: int, each: int) -> None:
    """5. Messages as sync entities: a new device's first pull of a dossier with `conversations` × `each` messages,
    then a no-op sync (1 request, messages present), then a reply pushed and pulled by the other device."""
    from desktop_app import messages

    assert live.ctx is not None
    person = lab.person()
    pro = lab.professional()
    assert person.dossier_id is not None
    _fill_conversations(live.ctx, person.dossier_id, pro["rpps"], conversations, each)
    laptop, phone = lab.device(person), lab.device(person)
    started = time.perf_counter()
    first = laptop.engine.sync_once()
    pulled = time.perf_counter() - started
    listed, total = messages.conversations(laptop.profile, limit=conversations)
    held = sum(len(messages.thread(laptop.profile, c.id)[1]) for c in listed)
    assert total == conversations and held == conversations * each, (total, held)
    print(
        f"messages: a first pull of {held:,} messages in {total} conversations: {pulled:.2f} s, "
        f"{first.requests} request(s), {first.pulled:,} records ({held / pulled:,.0f} messages/s)"
    )
    noop = laptop.engine.sync_once().requests
    print(f"messages: no-op sync with {held:,} messages held: {noop} HTTP request(s) (target: exactly 1)")
    assert noop == 1, noop
    phone.engine.sync_once()
    messages.reply(laptop.profile, listed[0].id, "Bien reçu, merci.")
    started = time.perf_counter()
    laptop.engine.sync_once()
    report = phone.engine.sync_once()
    both = time.perf_counter() - started
    assert messages.thread(phone.profile, listed[0].id)[1][-1].text == "Bien reçu, merci."
    print(
        f"messages: a reply pushed by one device and pulled by the other: {both:.2f} s, "
        f"{report.requests} request(s) on the receiving device"
    )


if __name__ == "__main__":
    raise SystemExit(main())
