"""Load benchmark of the central service: N concurrent httpx clients on loopback, login once, then the hot paths.

Phases, each on every client at once: GET /health (no database: the baseline), GET /v1/me, the sync requests a
client repeats all day — a no-op pull (the client is up to date), a pull returning one change (the cursor one step
behind the dossier's head, so every request gets the same last record back and writes its audit row) — and a push of
10 new entries per request (a fresh batch each time, on the client's own change stream). Each account's dossier
holds 20 records before the sync phases. Prints req/s, p50 and p99 for SQLite and (with --postgres-url or
CARNET_BENCH_POSTGRES_URL) PostgreSQL, the ratio to the baseline or to GET /v1/me, and the machine's load average.
First it prints what the load generator alone can do against a raw asyncio responder that does no work: on a small
machine the generator shares the cores with the server, and that figure bounds what any server could show here.
Connections are opened before the clock starts (a burst of 100 connects overflows the accept queue; the 1 s SYN
retries are not request handling).

The generator: one `httpx.AsyncClient` (one keep-alive HTTP/1.1 connection) per simulated user, spread over
--generator-processes processes (2 by default, one per core: one Python process cannot use more than one core), each
running its clients on one event loop, uvloop when installed (asyncio otherwise). Each client builds its request once
and sends it again and again (`client.send`), so the loop measures request handling, not header merging in the
generator (a push builds a new body per request: a resent batch would only be replayed from the ledger); the phase
starts only once every client of every process is connected.

After each measured phase it prints where the CPU went, from /proc: the server's processes (uvicorn and its
workers), the generator, PostgreSQL (the postmaster listening on the URL's port and its backends), and anything else
running on the machine, in CPU milliseconds per request, plus how the keep-alive connections were spread over the
server's workers. In a closed loop latency ~ clients / req/s, so these lines say what bounds p99 on a given run.
Linux only for those lines; elsewhere they are skipped. Bounded: about 11 phases of --seconds plus set-up.

    .venv/bin/python benchmarks/server_load.py --clients 100 --seconds 6 [--postgres-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import gc
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import wrk_generator  # noqa: E402
from dossier.identifiers import nir_key  # noqa: E402
from server.accounts.models import Account, AccountStatus  # noqa: E402
from server.config import Argon2Params, Settings  # noqa: E402
from server.context import ServiceContext  # noqa: E402
from server.db import migrate  # noqa: E402
from server.dossiers.models import Dossier, SpaceStatus  # noqa: E402
from server.sync.service import decode_cursor, encode_cursor  # noqa: E402

T = TypeVar("T")

# httpcore asks `import sniffio` twice per async request to learn which event loop runs it; sniffio is not installed
# here (anyio no longer needs it), and a failed import is not cached: each attempt walks sys.path again (~0.15 ms,
# a third of the generator's CPU per request). A None entry makes the import fail at once; httpcore then assumes
# asyncio, which is what runs (uvloop is an asyncio loop). Nothing changes when sniffio is installed.
sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

PASSWORD = "Grenouille violette mange 7 crayons bleus"
ARGON2 = "1,8192,1"  # cheap hashes: this measures request handling, not Argon2 (one login per client only)
SYNC_RECORDS = 20  # records in each account's dossier before the sync phases
PUSH_BATCH = 10  # mutations per push request


@dataclass(frozen=True)
class Shot:
    """What one client sends again and again: a prebuilt request, or (`push`) a new batch of entries each time."""

    method: str = "GET"
    path: str = "/health"
    token: str | None = None
    body: bytes | None = None  # sent as is on every request
    push: tuple[str, int] | None = None  # (dossier id, mutations per request): a fresh batch on a new stream

    def headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        if self.path.startswith("/v1/sync/"):
            headers |= {"Carnet-Sync-Protocol": "1", "Content-Type": "application/json"}
        return headers


def entry_mutation(seq: int) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": seq,
        "entity": "entry",
        "entity_id": str(uuid.uuid4()),
        "kind": "allergy",
        "op": "create",
        "base_version": 0,
        "changes": {"name": [None, f"Allergie {seq}"]},
    }


class PushBatches:
    """A client's successive push bodies: `n` new entries each, numbered on after the previous batch."""

    def __init__(self, dossier_id: str, n: int) -> None:
        self.dossier_id, self.n, self.seq = dossier_id, n, 0
        self.client_id, self.stream_id = str(uuid.uuid4()), str(uuid.uuid4())

    def next(self) -> bytes:
        mutations = [entry_mutation(self.seq + i + 1) for i in range(self.n)]
        self.seq += self.n
        body = {"client_id": self.client_id, "stream_id": self.stream_id, "dossier_id": self.dossier_id}
        return json.dumps({**body, "mutations": mutations}).encode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed_accounts(url: str, data_dir: Path, count: int) -> list[tuple[str, str]]:
    """Active accounts written straight into the database (setup, not measured)."""
    settings = Settings(data_dir=data_dir, database_url=url, argon2=Argon2Params(1, 8192, 1))
    ctx = ServiceContext.build(settings, pool_size=0)
    now = ctx.now()
    password_hash = ctx.hasher.hash(PASSWORD)
    users = []
    with ctx.sessions() as session:
        for i in range(count):
            first13 = f"18401750{i:05d}"
            dossier = Dossier(
                nir=first13 + nir_key(first13),
                carte_vitale_serial=f"{10000000 + i}",
                last_name="Bench",
                first_names="Client",
                birth_date=date(1980, 1, 1),
                email=f"bench{i}@example.org",
                status=SpaceStatus.ACTIVE,
                provisioned_at=now,
                opposition_deadline=now,
                created_at=now,
                activated_at=now,
            )
            session.add(dossier)
            session.flush()
            session.add(
                Account(
                    dossier_id=dossier.id,
                    identifier=f"bench.client{i}",
                    password_hash=password_hash,
                    email=dossier.email,
                    status=AccountStatus.ACTIVE,
                    created_at=now,
                )
            )
            users.append((f"bench.client{i}", dossier.email))
        session.commit()
    ctx.close()
    return users


@contextmanager
def running_server(data_dir: Path, url: str | None, workers: int) -> Iterator[tuple[str, int]]:
    """`carnet-server serve` in a subprocess: yields its base URL and its process id."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "server.cli",
        "serve",
        "--data-dir",
        str(data_dir),
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    if url:
        cmd += ["--database-url", url]
    env = {**os.environ, "CARNET_SERVER_ARGON2": ARGON2}
    log = (data_dir / "server.log").open("w")  # a file, not a pipe: a full pipe would stall the server
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, transport=httpx.HTTPTransport(retries=8)) as c:
            c.get("/health").raise_for_status()
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        errors = [
            line
            for line in (data_dir / "server.log").read_text().splitlines()
            if "ERROR" in line or "unhandled" in line
        ]
        if errors:
            print(f"  server logged {len(errors)} errors, first: {errors[0][:200]}")


def otp_for(outbox: Path, address: str) -> str:
    import re

    for path in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns, reverse=True):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if msg["To"] == address:
            body = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
            match = re.search(r": (\d{6})\n", body)
            if match:
                return match.group(1)
    raise RuntimeError(f"no code mailed to {address}")


async def login(client: httpx.AsyncClient, outbox: Path, identifier: str, address: str) -> str:
    r = await client.post("/v1/auth/login", json={"identifier": identifier, "password": PASSWORD})
    r.raise_for_status()
    code = otp_for(outbox, address)
    r = await client.post(
        "/v1/auth/verify", json={"challenge_id": r.json()["challenge_id"], "code": code, "device_name": "bench"}
    )
    r.raise_for_status()
    return str(r.json()["access_token"])


@dataclass(frozen=True)
class CpuSnapshot:
    """CPU seconds used so far: the server's process tree, the database server's (PostgreSQL: the postmaster and
    its backends), and the whole machine (busy, and busy + idle)."""

    server: float
    database: float
    machine_busy: float
    machine_total: float


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of one process (all its threads), from /proc/<pid>/stat; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime (fields 14 and 15 of proc(5))


def _children(pid: int) -> list[int]:
    try:
        text_ = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text_.split()]


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for child in _children(pid):
        pids += _tree(child)
    return pids


def cpu_snapshot(server_pid: int | None, database_pid: int | None = None) -> CpuSnapshot | None:
    """None where /proc is not there (the benchmark then prints no CPU split)."""
    try:
        jiffies = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    idle = jiffies[3] + jiffies[4]  # idle + iowait
    server = sum(_proc_cpu(p) for p in _tree(server_pid)) if server_pid else 0.0
    database = sum(_proc_cpu(p) for p in _tree(database_pid)) if database_pid else 0.0
    return CpuSnapshot(server, database, (sum(jiffies) - idle) / _TICK, sum(jiffies) / _TICK)


def _socket_inodes(port: int, state: str) -> set[str]:
    """Inodes of the TCP sockets on local `port` in `state` (01 established, 0A listening), from /proc/net/tcp*."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()
            if cols[1].rsplit(":", 1)[1] == f"{port:04X}" and cols[3] == state:
                inodes.add(cols[9])
    return inodes


def _holds(pid: int | str, inodes: set[str]) -> int:
    """How many of these sockets process `pid` has open."""
    try:
        fds = [os.readlink(f.path) for f in os.scandir(f"/proc/{pid}/fd")]
    except OSError:
        return 0
    return sum(1 for fd in fds if fd.startswith("socket:[") and fd[8:-1] in inodes)


def listening_pid(port: int | None) -> int | None:
    """The process listening on a local TCP port (the PostgreSQL postmaster), None when not found."""
    if port is None:
        return None
    inodes = _socket_inodes(port, "0A")
    if inodes:
        for entry in os.scandir("/proc"):
            if entry.name.isdigit() and _holds(entry.name, inodes):
                return int(entry.name)
    return None


def connections_per_worker(server_pid: int, port: int) -> list[int]:
    """How many established connections to `port` each server worker holds."""
    established = _socket_inodes(port, "01")
    return sorted((n for n in (_holds(pid, established) for pid in _tree(server_pid)) if n), reverse=True)


@dataclass(frozen=True)
class Phase:
    """One measured phase: throughput, latency percentiles, errors, and the CPU used meanwhile."""

    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    generator_cpu: float  # seconds, summed over the generator processes
    cpu: tuple[CpuSnapshot, CpuSnapshot] | None
    spread: tuple[int, ...]  # established connections per server worker, when the clock started

    def line(self) -> str:
        return f"{self.rps:7.0f} req/s  p50 {self.p50_ms:6.1f} ms  p99 {self.p99_ms:6.1f} ms"

    def cpu_line(self) -> str:
        """CPU milliseconds per request: server, generator, the rest of the machine; and how busy the cores were."""
        if self.cpu is None or not self.requests:
            return ""
        a, b = self.cpu
        per = 1000 / self.requests
        server, generator = (b.server - a.server) * per, self.generator_cpu * per
        database = (b.database - a.database) * per
        rest = (b.machine_busy - a.machine_busy) * per - server - generator - database
        busy = (b.machine_busy - a.machine_busy) / max(b.machine_total - a.machine_total, 1e-9)
        return (
            f"CPU ms/request: server {server:.2f}, generator {generator:.2f}, PostgreSQL {database:.2f}, "
            f"anything else on the machine {max(rest, 0):.2f}; cores {busy:.0%} busy"
        )


@dataclass(frozen=True)
class GroupResult:
    """What one generator process sends back: its latencies (s), errors, measured seconds, CPU seconds."""

    latencies: list[float]
    errors: int
    elapsed: float
    cpu: float


async def client_group(base: str, shots: list[Shot], seconds: float, start: Callable[[], None]) -> GroupResult:
    """This process's clients: each opens its keep-alive connection with one unmeasured request; once all are
    connected, `start` waits for the other generator processes, then every client loops on its shot for `seconds`."""
    latencies: list[float] = []
    errors = 0
    all_connected = asyncio.Event()
    connected = 0
    window: list[float] = []  # [start, deadline, cpu at start], set once every client of every process is connected

    async def one(shot: Shot) -> None:
        # One client (one keep-alive connection) per simulated user: httpx's shared pool degrades past ~20.
        nonlocal errors, connected
        batches = PushBatches(*shot.push) if shot.push else None

        def build() -> httpx.Request:
            content = batches.next() if batches else shot.body
            return client.build_request(shot.method, shot.path, content=content)

        async with httpx.AsyncClient(base_url=base, timeout=30, headers=shot.headers()) as client:
            request = build()  # built once when it does not change (the URL, headers and body)
            await client.send(request)
            connected += 1
            if connected == len(shots):
                # What exists now (clients, connections, modules) lives through the phase: keep it out of the
                # cyclic collector's full passes, which would otherwise pause every client of this process at once.
                gc.collect()
                gc.freeze()
                await asyncio.to_thread(start)
                now = time.perf_counter()
                window[:] = [now, now + seconds, time.process_time()]
                all_connected.set()
            await all_connected.wait()
            clock, record = time.perf_counter, latencies.append
            deadline = window[1]
            while clock() < deadline:
                if batches:
                    request = build()  # a push: new mutations each time (a resent batch is only a replay)
                t0 = clock()
                try:
                    ok = (await client.send(request)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                record(clock() - t0)
                errors += not ok

    await asyncio.gather(*(one(shot) for shot in shots))
    return GroupResult(latencies, errors, time.perf_counter() - window[0], time.process_time() - window[2])


def _generator_process(base: str, shots: list[Shot], seconds: float, barrier: Any, out: Connection) -> None:
    """Entry point of one generator process: its own event loop, its share of the clients."""
    result: list[GroupResult] = []

    async def main() -> None:
        result.append(await client_group(base, shots, seconds, lambda: barrier.wait(60)))

    run_loop(main())
    out.send(result[0])
    out.close()


def hammer(
    base: str,
    shots: list[Shot],
    seconds: float,
    *,
    processes: int,
    server_pid: int | None = None,
    database_pid: int | None = None,
) -> Phase:
    """All clients loop on their shot for `seconds`, spread over `processes` generator processes (one event loop each).

    The clock starts only when every client of every process is connected: 100 simultaneous connects overflow the
    SYN queue, and the 1 s retransmissions that follow would otherwise land in p99 (they measure the TCP stack's
    accept burst, not request handling)."""
    mp = multiprocessing.get_context("spawn")
    barrier = mp.Barrier(processes + 1)
    pipes, procs = [], []
    for i in range(processes):
        receiver, sender = mp.Pipe(duplex=False)
        share = shots[i::processes]
        proc = mp.Process(target=_generator_process, args=(base, share, seconds, barrier, sender))
        proc.start()
        sender.close()
        pipes.append(receiver)
        procs.append(proc)
    try:
        barrier.wait(120)  # every client connected
        spread = tuple(connections_per_worker(server_pid, int(base.rsplit(":", 1)[1]))) if server_pid else ()
        first = cpu_snapshot(server_pid, database_pid)
        results: list[GroupResult] = [pipe.recv() for pipe in pipes]
        last = cpu_snapshot(server_pid, database_pid)
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    latencies = sorted(lat for r in results for lat in r.latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    n = len(latencies)
    return Phase(
        n / max(r.elapsed for r in results),
        statistics.median(latencies) * 1000,
        p99 * 1000,
        sum(r.errors for r in results),
        n,
        sum(r.cpu for r in results),
        (first, last) if first is not None and last is not None else None,
        spread,
    )


_NOOP_SERVER = """
import asyncio, sys
BODY = b'{"status":"ok"}'
RESPONSE = b"HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\ncontent-length: 15\\r\\n\\r\\n" + BODY
class Noop(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""
    def data_received(self, data):
        self.buffer += data
        while b"\\r\\n\\r\\n" in self.buffer:
            self.buffer = self.buffer.split(b"\\r\\n\\r\\n", 1)[1]
            self.transport.write(RESPONSE)
async def main():
    server = await asyncio.get_running_loop().create_server(Noop, "127.0.0.1", int(sys.argv[1]), backlog=1024)
    print("ready", flush=True)
    await server.serve_forever()
asyncio.run(main())
"""


def loop_name() -> str:
    """The generator's event loop: uvloop when installed (it is a dependency on Linux and macOS), else asyncio."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    if loop_name() == "uvloop":
        import uvloop

        return uvloop.run(main)
    return asyncio.run(main)


def generator_ceiling(args: argparse.Namespace) -> None:
    """What the load generator alone can do: the same clients against a raw asyncio responder that does no work."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", _NOOP_SERVER, str(port)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        proc.stdout.readline()
        phase = hammer(
            f"http://127.0.0.1:{port}",
            [Shot()] * args.clients,
            args.seconds,
            processes=args.generator_processes,
            server_pid=proc.pid,
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"generator  no-op responder : {phase.line()}  (the ceiling here)")
    print(f"           {phase.cpu_line()}")


async def log_in_all(base: str, outbox: Path, users: list[tuple[str, str]]) -> list[str | None]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        return list(await asyncio.gather(*(login(c, outbox, i, a) for i, a in users)))


async def seed_dossiers(base: str, tokens: list[str | None]) -> list[tuple[str, str]]:
    """SYNC_RECORDS entries pushed into each account's dossier (set-up, not measured): (dossier id, cursor) each."""

    async def one(c: httpx.AsyncClient, token: str | None) -> tuple[str, str]:
        shot = Shot("POST", "/v1/sync/pull", token)
        me = await c.get("/v1/me", headers=shot.headers())
        dossier_id = str(me.raise_for_status().json()["dossier_id"])
        batch = PushBatches(dossier_id, SYNC_RECORDS).next()
        (await c.post("/v1/sync/push", content=batch, headers=shot.headers())).raise_for_status()
        pulled = {"client_id": str(uuid.uuid4()), "dossiers": {dossier_id: None}}
        r = await c.post("/v1/sync/pull", content=json.dumps(pulled), headers=shot.headers())
        page = r.raise_for_status().json()["dossiers"][0]
        assert len(page["items"]) == SYNC_RECORDS and not page["more"], page
        return dossier_id, str(page["cursor"])

    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        return list(await asyncio.gather(*(one(c, t) for t in tokens)))


def pull_shot(token: str | None, dossier_id: str, cursor: str) -> Shot:
    body = {"client_id": str(uuid.uuid4()), "dossiers": {dossier_id: cursor}}
    return Shot("POST", "/v1/sync/pull", token, json.dumps(body).encode())


def one_step_behind(cursor: str) -> str:
    """The cursor of a client that misses the dossier's last change (the server's format: see encode_cursor)."""
    epoch, seq = decode_cursor(cursor) or (1, SYNC_RECORDS)
    return encode_cursor(epoch, seq - 1)


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average: unknown"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def bench_backend(name: str, url: str | None, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix=f"carnet-bench-{name}-") as tmp:
        data = Path(tmp)
        db_url = url or f"sqlite:///{data / 'carnet-server.sqlite3'}"
        migrate(db_url)
        users = seed_accounts(db_url, data, args.clients)
        with running_server(data, url, args.workers) as (base, pid):
            tokens = run_loop(log_in_all(base, data / "outbox", users))
            dossiers = run_loop(seed_dossiers(base, tokens))
            database_pid = listening_pid(make_url(url).port) if url else None
            load: dict[str, Any] = {
                "processes": args.generator_processes,
                "server_pid": pid,
                "database_pid": database_pid,
            }
            print(f"{name:10s} before: {load_average()}")
            shots = {
                "baseline /health": [Shot()] * args.clients,
                "GET /v1/me": [Shot("GET", "/v1/me", t) for t in tokens],
                "no-op pull": [pull_shot(t, d, c) for t, (d, c) in zip(tokens, dossiers, strict=True)],
                "pull, 1 change": [
                    pull_shot(t, d, one_step_behind(c)) for t, (d, c) in zip(tokens, dossiers, strict=True)
                ],
                f"push, {PUSH_BATCH} entries": [  # measured last (below)
                    Shot("POST", "/v1/sync/push", t, push=(d, PUSH_BATCH))
                    for t, (d, _) in zip(tokens, dossiers, strict=True)
                ],
            }
            push = f"push, {PUSH_BATCH} entries"
            reads = {label: group for label, group in shots.items() if label != push}
            phases: dict[str, Phase] = {}
            if args.generator in ("httpx", "both"):
                phases |= {label: hammer(base, group, args.seconds, **load) for label, group in reads.items()}
            if args.generator in ("wrk", "both"):  # pushes need a stream per client: httpx only (wrk_generator.py)
                phases |= {
                    f"{label} (wrk)": wrk_generator.phase(
                        base, group, args.seconds, lambda: cpu_snapshot(pid, database_pid), Phase
                    )
                    for label, group in reads.items()
                }
            if args.generator in ("httpx", "both"):  # last: its entries make the pulls above pulls with changes
                phases[push] = hammer(base, shots[push], args.seconds, **load)
            print(f"{name:10s} after:  {load_average()}")
        for label, phase in phases.items():
            suffix = " (wrk)" if label.endswith(" (wrk)") else ""
            baseline, me = phases["baseline /health" + suffix], phases["GET /v1/me" + suffix]
            ratio = (
                ""
                if phase is baseline
                else f"  errors {phase.errors}  ratio to /health {phase.rps / baseline.rps:.2f}"
                + ("" if phase is me else f", to /v1/me {phase.rps / me.rps:.2f}")
            )
            print(f"{name:10s} {label:22s}: {phase.line()}{ratio}")
            print(f"           {phase.cpu_line()}")
            if len(phase.spread) > 1:
                print(f"           keep-alive connections per server worker: {' / '.join(map(str, phase.spread))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=6.0, help="per measured phase (11 phases at most)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (2 cores here)")
    parser.add_argument("--postgres-url", default=os.environ.get("CARNET_BENCH_POSTGRES_URL"))
    parser.add_argument("--skip-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument(
        "--generator-processes",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processes (one event loop each) the clients are spread over",
    )
    parser.add_argument(
        "--generator",
        choices=("httpx", "wrk", "both"),
        default="httpx",
        help="httpx clients (this file), wrk (C, Debian package `wrk`: benchmarks/wrk_generator.py), or both in turn",
    )
    args = parser.parse_args()
    if args.generator != "httpx" and not wrk_generator.available():
        parser.error("wrk is not installed (apt install wrk)")
    print(f"{args.clients} concurrent clients, {args.workers} server workers, {args.seconds:.0f} s per phase")
    print(
        f"generator: {args.clients} httpx.AsyncClient (one keep-alive connection each) over "
        f"{args.generator_processes} process(es), one {loop_name()} loop each, each client sending one prebuilt "
        f"request in a loop; {os.cpu_count()} cores shared with the server"
    )
    generator_ceiling(args)
    if not args.skip_sqlite:
        bench_backend("sqlite", None, args)
    if args.postgres_url:
        engine = create_engine(args.postgres_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:  # start from an empty schema
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        bench_backend("postgresql", args.postgres_url, args)
    else:
        print("postgresql: skipped (give --postgres-url or CARNET_BENCH_POSTGRES_URL)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
