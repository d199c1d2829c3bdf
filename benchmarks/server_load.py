"""Load benchmark of the central service: N concurrent httpx clients on loopback, login once, then GET /v1/me.

Prints req/s, p50 and p99 for SQLite and (with --postgres-url or CARNET_BENCH_POSTGRES_URL) PostgreSQL, next to a
baseline measured in the same run against /health (no database), and the ratio. First it prints what the load
generator alone can do against a raw asyncio responder that does no work: on a small machine the generator shares
the cores with the server, and that figure bounds what any server could show here. Connections are opened before
the clock starts (a burst of 100 connects overflows the accept queue; the 1 s SYN retries are not request handling).
Bounded: about 90 s at most.

    .venv/bin/python benchmarks/server_load.py --clients 100 --seconds 6 [--postgres-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dossier.identifiers import nir_key  # noqa: E402
from server.accounts.models import Account, AccountStatus  # noqa: E402
from server.config import Argon2Params, Settings  # noqa: E402
from server.context import ServiceContext  # noqa: E402
from server.db import migrate  # noqa: E402
from server.dossiers.models import Dossier, SpaceStatus  # noqa: E402

PASSWORD = "Grenouille violette mange 7 crayons bleus"
ARGON2 = "1,8192,1"  # cheap hashes: this measures request handling, not Argon2 (one login per client only)


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
def running_server(data_dir: Path, url: str | None, workers: int) -> Iterator[str]:
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
        yield base
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


async def hammer(base: str, path: str, tokens: list[str | None], seconds: float) -> tuple[float, float, float, int]:
    """Every client loops on `path` for `seconds`; returns (req/s, p50 ms, p99 ms, errors).

    Each client first opens its keep-alive connection with one unmeasured request, and the clock starts only when
    all of them are connected: 100 simultaneous connects overflow the SYN queue, and the 1 s retransmissions that
    follow would otherwise land in p99 (they measure the TCP stack's accept burst, not request handling)."""
    latencies: list[float] = []
    errors = 0
    all_connected = asyncio.Event()
    connected = 0
    window: list[float] = []  # [start, deadline], set once every client is connected

    async def one(token: str | None) -> None:
        # One client (one keep-alive connection) per simulated user: httpx's shared pool degrades past ~20.
        nonlocal errors, connected
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        async with httpx.AsyncClient(base_url=base, timeout=30, headers=headers) as client:
            await client.get(path)
            connected += 1
            if connected == len(tokens):
                now = time.perf_counter()
                window[:] = [now, now + seconds]
                all_connected.set()
            await all_connected.wait()
            while time.perf_counter() < window[1]:
                t0 = time.perf_counter()
                try:
                    ok = (await client.get(path)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok

    await asyncio.gather(*(one(t) for t in tokens))
    elapsed = time.perf_counter() - window[0]
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, p99 * 1000, errors


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


async def generator_ceiling(args: argparse.Namespace) -> float:
    """What the load generator alone can do: the same clients against a raw asyncio responder that does no work."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", _NOOP_SERVER, str(port)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        proc.stdout.readline()
        rps, p50, p99, _ = await hammer(f"http://127.0.0.1:{port}", "/health", [None] * args.clients, args.seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"generator  no-op responder : {rps:7.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  (the ceiling here)")
    return rps


async def bench_backend(name: str, url: str | None, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix=f"carnet-bench-{name}-") as tmp:
        data = Path(tmp)
        db_url = url or f"sqlite:///{data / 'carnet-server.sqlite3'}"
        migrate(db_url)
        users = seed_accounts(db_url, data, args.clients)
        with running_server(data, url, args.workers) as base:
            async with httpx.AsyncClient(base_url=base, timeout=60) as c:
                tokens: list[str | None] = list(
                    await asyncio.gather(*(login(c, data / "outbox", i, a) for i, a in users))
                )
            base_rps, base_p50, base_p99, _ = await hammer(base, "/health", [None] * args.clients, args.seconds)
            rps, p50, p99, errors = await hammer(base, "/v1/me", tokens, args.seconds)
        print(f"{name:10s} baseline /health : {base_rps:7.0f} req/s  p50 {base_p50:6.1f} ms  p99 {base_p99:6.1f} ms")
        print(
            f"{name:10s} GET /v1/me      : {rps:7.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
            f"errors {errors}  ratio to baseline {rps / base_rps:.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=6.0, help="per measured phase (5 phases at most)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (2 cores here)")
    parser.add_argument("--postgres-url", default=os.environ.get("CARNET_BENCH_POSTGRES_URL"))
    args = parser.parse_args()
    print(f"{args.clients} concurrent clients, {args.workers} server workers, {args.seconds:.0f} s per phase")
    asyncio.run(generator_ceiling(args))
    asyncio.run(bench_backend("sqlite", None, args))
    if args.postgres_url:
        engine = create_engine(args.postgres_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:  # start from an empty schema
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        asyncio.run(bench_backend("postgresql", args.postgres_url, args))
    else:
        print("postgresql: skipped (give --postgres-url or CARNET_BENCH_POSTGRES_URL)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
