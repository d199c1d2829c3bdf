"""A real multi-node Carnet service on loopback (issue 22, docs/SCALING.md): HAProxy in front of N `carnet-server
serve` processes, each with its own port and data directory, sharing one PostgreSQL through PgBouncer in transaction
mode, one blob directory and one audit key. Every part is a real process; `Cluster.stop()` ends them all (also after
a failed start), and the tests use it as a context manager.

Used by tests/cluster/ and by `./dev.sh cluster` (`python -m tests.support.cluster`), which starts the same thing
for a person to try.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from server.audit.checkpoints import load_key
from server.db import migrate

ROOT = Path(__file__).resolve().parents[2]
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
PSQL = shutil.which("psql") or "/usr/bin/psql"
PROXY_SOURCE = "127.0.0.2"  # HAProxy talks to the nodes from here: the one address whose X-Forwarded-For they believe
NODE_HEADER = "X-Carnet-Node"  # HAProxy names the node that answered (tests check both served)
FAST_ARGON2_ENV = "1,8192,1"  # Argon2 cost for tests (CARNET_SERVER_ARGON2); production keeps its defaults


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def missing_parts(database_url: str | None) -> list[str]:
    """What this machine lacks to run the cluster (empty when everything is there)."""
    missing = [name for name, path in (("haproxy", HAPROXY), ("pgbouncer", PGBOUNCER)) if not os.access(path, os.X_OK)]
    if not database_url:
        missing.append("PostgreSQL (CARNET_TEST_POSTGRES_URL; scripts/pg-throwaway.sh start prints one)")
    return missing


def _wait(condition: Callable[[], bool], what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise RuntimeError(f"cluster: {what} not ready after {seconds:.0f} s")


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Proc:
    """One real process of the cluster and its log file."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def stop(self, *, kill: bool = False) -> None:
        """SIGTERM (or SIGKILL) to the process's own group: its children too (runuser's PgBouncer, workers)."""
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


@dataclass
class Node:
    """One `carnet-server serve` process: its own port and data directory."""

    name: str
    port: int
    data_dir: Path
    proc: Proc | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Cluster:
    """HAProxy + `nodes` service processes + PgBouncer (transaction mode) in front of one PostgreSQL database.

    `postgres_url` is a server's URL (any database on it): the cluster creates its own database there and drops it
    at the end. `smtp_port`: where the nodes send mail (else each node writes its outbox in its data directory).
    """

    postgres_url: str
    base: Path
    nodes_count: int = 2
    smtp_port: int | None = None
    extra_env: dict[str, str] = field(default_factory=dict)  # e.g. the S3 blob store's settings (tests/cluster)
    argon2: str | None = FAST_ARGON2_ENV
    port: int = 0  # HAProxy's; 0 picks a free one
    database: str = field(default_factory=lambda: f"carnet_cluster_{uuid.uuid4().hex[:10]}")
    nodes: list[Node] = field(default_factory=list)
    procs: list[Proc] = field(default_factory=list)
    pgbouncer_port: int = 0
    _pgbouncer_dir: Path | None = None

    # ------------------------------------------------------------------ addresses

    @property
    def url(self) -> str:
        """HAProxy: what clients use."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def shared_dir(self) -> Path:
        return self.base / "shared"

    @property
    def blob_dir(self) -> Path:
        return self.shared_dir / "blobs"

    @property
    def audit_key_file(self) -> Path:
        return self.shared_dir / "audit.key"

    @property
    def audit_checkpoints(self) -> Path:
        return self.shared_dir / "audit-checkpoints"

    @property
    def direct_url(self) -> str:
        """The database itself, bypassing PgBouncer (for the test's own checks and migrations)."""
        return self._db_url(make_url(self.postgres_url).port or 5432, pooled=False)

    @property
    def pooled_url(self) -> str:
        """The database through PgBouncer, as the nodes use it (no server-side prepared statements)."""
        return self._db_url(self.pgbouncer_port, pooled=True)

    def _db_url(self, port: int, *, pooled: bool) -> str:
        url = make_url(self.postgres_url).set(host="127.0.0.1", port=port, database=self.database)
        if pooled:
            url = url.update_query_dict({"prepare_threshold": "none"})
        return url.render_as_string(hide_password=False)

    def env(self) -> dict[str, str]:
        """The environment of every node and of `carnet-server admin …` run against the cluster."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("CARNET_SERVER_")}
        env |= {
            "CARNET_SERVER_DATABASE_URL": self.pooled_url,
            "CARNET_SERVER_BLOB_DIR": str(self.blob_dir),
            "CARNET_SERVER_AUDIT_KEY_FILE": str(self.audit_key_file),
            "CARNET_SERVER_AUDIT_CHECKPOINTS": str(self.audit_checkpoints),
            # Only HAProxy's X-Forwarded-For is believed; a client on 127.0.0.1 (direct or through it) is a client.
            "CARNET_SERVER_TRUSTED_PROXIES": PROXY_SOURCE,
            "PYTHONPATH": str(ROOT),
        }
        if self.argon2:
            env["CARNET_SERVER_ARGON2"] = self.argon2
        if self.smtp_port:
            env |= {"CARNET_SERVER_SMTP_HOST": "127.0.0.1", "CARNET_SERVER_SMTP_PORT": str(self.smtp_port)}
        return env | self.extra_env

    def cli(self, *args: str, data_dir: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`carnet-server …` as an operator runs it on one node (its data dir, the cluster's shared settings)."""
        command = [sys.executable, "-m", "server.cli", *args, "--data-dir", str(data_dir or self.base / "admin")]
        return subprocess.run(command, cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=timeout)

    def cli_async(self, *args: str, data_dir: Path | None = None) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "server.cli", *args, "--data-dir", str(data_dir or self.base / "admin")]
        return subprocess.Popen(
            command, cwd=ROOT, env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    # ------------------------------------------------------------------ life cycle

    def __enter__(self) -> Cluster:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Cluster:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        self.base.mkdir(parents=True, exist_ok=True)
        for folder in (self.shared_dir, self.blob_dir, self.base / "admin"):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._create_database()
        migrate(self.direct_url)
        load_key(self.audit_key_file, create=True)  # one key for every node: the chain is one chain
        self._start_pgbouncer()
        for index in range(self.nodes_count):
            node = Node(f"node{index + 1}", free_port(), self.base / f"node{index + 1}")
            self.nodes.append(node)
            self.start_node(node)
        for node in self.nodes:
            self.wait_node(node)
        self._start_haproxy()

    def _admin_engine(self) -> Any:
        url = make_url(self.postgres_url).set(database="postgres")
        return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def _create_database(self) -> None:
        engine = self._admin_engine()
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.database}"'))
        engine.dispose()

    def _drop_database(self) -> None:
        engine = self._admin_engine()
        with contextlib.suppress(Exception), engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'))
        engine.dispose()

    def _spawn(
        self, name: str, command: Sequence[str], *, env: dict[str, str] | None = None, user: str | None = None
    ) -> Proc:
        log = self.base / f"{name}.log"
        handle: IO[bytes] = open(log, "ab")  # noqa: SIM115 (the child keeps it; closed when we return)
        try:
            argv = list(command)
            if user is not None:
                argv = ["runuser", "-u", user, "--", *argv]
            process = subprocess.Popen(
                argv, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
            )
        finally:
            handle.close()
        proc = Proc(name, process, log)
        self.procs.append(proc)
        return proc

    def _start_pgbouncer(self) -> None:
        """PgBouncer in transaction mode. It refuses to run as root: as root it runs as the `postgres` user."""
        # Its own folder outside `base` (which may be private to root): the postgres user must read it.
        folder = self._pgbouncer_dir = Path(tempfile.mkdtemp(prefix="carnet-pgbouncer-"))
        os.chmod(folder, 0o755)
        self.pgbouncer_port = free_port()
        pg = make_url(self.postgres_url)
        user = pg.username or "postgres"
        (folder / "userlist.txt").write_text(f'"{user}" "{pg.password or ""}"\n')
        (folder / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"* = host=127.0.0.1 port={pg.port or 5432}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.pgbouncer_port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {folder / 'userlist.txt'}\nadmin_users = {user}\n"
            "pool_mode = transaction\nmax_client_conn = 1000\ndefault_pool_size = 20\nreserve_pool_size = 5\n"
            "server_reset_query =\nignore_startup_parameters = extra_float_digits,options\n"
            f"logfile = {folder / 'pgbouncer.log'}\npidfile = {folder / 'pgbouncer.pid'}\n"
        )
        run_as = None
        if os.geteuid() == 0:
            run_as = "postgres"
            owner = pwd.getpwnam(run_as)
            for path in (folder, *folder.iterdir()):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        proc = self._spawn("pgbouncer", [PGBOUNCER, str(folder / "pgbouncer.ini")], user=run_as)
        self._wait_port(proc, self.pgbouncer_port)

    def _wait_port(self, proc: Proc, port: int) -> None:
        def ready() -> bool:
            if not proc.alive():
                raise RuntimeError(f"cluster: {proc.name} exited ({proc.process.returncode}):\n{proc.tail()}")
            return _port_open(port)

        _wait(ready, proc.name)

    def start_node(self, node: Node, *, env: dict[str, str] | None = None) -> None:
        """(Re)start one node's `carnet-server serve` process on its port (`env`: settings that differ)."""
        node.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        command = [sys.executable, "-m", "server.cli", "serve", "--data-dir", str(node.data_dir)]
        node.proc = self._spawn(node.name, [*command, "--port", str(node.port)], env=self.env() | (env or {}))

    def wait_node(self, node: Node) -> None:
        assert node.proc is not None
        proc = node.proc

        def healthy() -> bool:
            if not proc.alive():
                raise RuntimeError(f"cluster: {node.name} exited ({proc.process.returncode}):\n{proc.tail()}")
            try:
                return httpx.get(node.url + "/health", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        _wait(healthy, node.name, seconds=60)

    def kill_node(self, node: Node) -> None:
        """kill -9: no graceful stop, requests in flight are cut."""
        assert node.proc is not None
        node.proc.stop(kill=True)

    def _start_haproxy(self) -> None:
        self.port = self.port or free_port()
        servers = "".join(f"  server {n.name} 127.0.0.1:{n.port} check\n" for n in self.nodes)
        config = self.base / "haproxy.cfg"
        config.write_text(
            "global\n  maxconn 2000\n"
            "defaults\n  mode http\n  timeout connect 2s\n  timeout client 120s\n  timeout server 120s\n"
            "  option forwardfor\n  option redispatch\n  retries 2\n"
            f"frontend carnet\n  bind 127.0.0.1:{self.port}\n  default_backend nodes\n"
            f"backend nodes\n  balance roundrobin\n  source {PROXY_SOURCE}\n"
            "  option httpchk GET /health\n  http-check expect status 200\n"
            "  default-server inter 300ms fall 2 rise 2\n"
            f"  http-response set-header {NODE_HEADER} %s\n"
            f"{servers}"
        )
        subprocess.run([HAPROXY, "-c", "-q", "-f", str(config)], check=True, capture_output=True)
        proc = self._spawn("haproxy", [HAPROXY, "-db", "-f", str(config)])
        self._wait_port(proc, self.port)

        def all_up() -> bool:
            seen = {
                httpx.get(self.url + "/health", timeout=2).headers.get(NODE_HEADER) for _ in range(2 * len(self.nodes))
            }
            return seen == {n.name for n in self.nodes}

        _wait(all_up, "haproxy's backends")

    def pgbouncer_show(self, what: str) -> str:
        """PgBouncer's admin console (`SHOW POOLS`, `SHOW CONFIG`…), through psql (it speaks the simple protocol)."""
        pg = make_url(self.postgres_url)
        command = [PSQL, "-h", "127.0.0.1", "-p", str(self.pgbouncer_port), "-U", pg.username or "postgres"]
        done = subprocess.run(
            [*command, "-A", "-F", "|", "-c", f"SHOW {what}", "pgbouncer"], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def stop(self) -> None:
        """Stop every process this cluster started (HAProxy first, PgBouncer last), then drop its database."""
        for proc in reversed(self.procs):
            with contextlib.suppress(Exception):
                proc.stop()
        self.procs.clear()
        if self._pgbouncer_dir is not None:
            shutil.rmtree(self._pgbouncer_dir, ignore_errors=True)
        self._drop_database()


def main(argv: Sequence[str] | None = None) -> int:
    """`./dev.sh cluster`: start a cluster on this machine and keep it until Ctrl-C."""
    import argparse

    parser = argparse.ArgumentParser(description="Carnet: HAProxy + service nodes + PgBouncer + PostgreSQL")
    parser.add_argument("--postgres-url", default=os.environ.get("CARNET_TEST_POSTGRES_URL"))
    parser.add_argument("--nodes", type=int, default=2)
    parser.add_argument("--port", type=int, default=8000, help="HAProxy's port (default 8000)")
    args = parser.parse_args(argv)
    missing = missing_parts(args.postgres_url)
    if missing:
        print("Il manque : " + ", ".join(missing) + f". / Missing: {', '.join(missing)}.", file=sys.stderr)
        return 2
    base = Path(tempfile.mkdtemp(prefix="carnet-cluster-"))
    cluster = Cluster(args.postgres_url, base, nodes_count=args.nodes, argon2=None, port=args.port)
    stop = False

    def ask_stop(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, ask_stop)
    signal.signal(signal.SIGINT, ask_stop)
    with cluster:
        print(f"[carnet] grappe prête / cluster ready: {cluster.url}", flush=True)
        for node in cluster.nodes:
            outbox = node.data_dir / "outbox"
            print(f"  {node.name}: {node.url}  (données / data: {node.data_dir}; courriels / mail: {outbox})")
        print(f"  PgBouncer (transaction): 127.0.0.1:{cluster.pgbouncer_port} -> base / database {cluster.database}")
        print(f"  blobs partagés / shared blobs: {cluster.blob_dir}")
        admin_env = {k: v for k, v in cluster.env().items() if k.startswith("CARNET_SERVER_") and "ARGON2" not in k}
        print("  admin (carnet-server admin … / audit verify) :")
        print("    " + " ".join(f"{k}='{v}'" for k, v in sorted(admin_env.items())) + " carnet-server admin …")
        print("  Ctrl-C arrête tout / stops everything.", flush=True)
        while not stop:
            for proc in cluster.procs:
                if not proc.alive() and proc.name in ("haproxy", "pgbouncer"):
                    print(f"[carnet] {proc.name} s'est arrêté / stopped:\n{proc.tail()}", file=sys.stderr)
                    stop = True
            time.sleep(0.5)
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
