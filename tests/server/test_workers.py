"""`carnet-server serve --workers N`: every worker takes its share of connections, a dead one is replaced, and
stopping the service (or killing it) leaves no worker behind on the port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.support.service import NotServing, free_port, wait_serving

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="one socket per worker needs SO_REUSEPORT")


class Served:
    def __init__(self, data_dir: Path, port: int, workers: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "server.cli", "serve", "--data-dir", str(data_dir), "--port", str(port)]
        self.process = subprocess.Popen(
            [*command, "--workers", str(workers)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def workers(self) -> list[int]:
        """The live worker processes (the supervisor's spawned children; not multiprocessing's resource tracker)."""
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(c) for c in children if _alive(int(c)) and "spawn_main" in _cmdline(int(c))]

    def connections_held_by(self, pid: int, state: str = "01") -> int:
        """TCP sockets on our port that process `pid` holds: established ("01"), or listening ("0A")."""
        ours = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for row in Path(table).read_text().splitlines()[1:]:
                local, found, inode = row.split()[1], row.split()[3], row.split()[9]
                if int(local.rsplit(":", 1)[1], 16) == self.port and found == state:
                    ours.add(f"socket:[{inode}]")
        try:
            return sum(1 for fd in os.scandir(f"/proc/{pid}/fd") if os.readlink(fd.path) in ours)
        except OSError:  # a descriptor closed while it was read
            return 0

    def listening(self) -> bool:
        """Both workers are up, each with its own listening socket (before that, a burst may all go to one)."""
        workers = self.workers()
        return len(workers) == 2 and all(self.connections_held_by(pid, "0A") for pid in workers)


def _start(data_dir: Path) -> Served:
    """The service up on a free port. Another process may take the port between free_port() and the service's bind:
    the service then says so and exits, and it is started again on another."""
    for _attempt in range(3):
        service = Served(data_dir, free_port(), workers=2)
        try:
            wait_serving(service.process, service.url)
            return service
        except NotServing as exc:
            if "Cannot listen on" not in exc.output:
                raise
    raise AssertionError("three free ports taken before the service could bind them")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    service = _start(tmp_path / "data")
    try:
        yield service
    finally:
        if service.process.poll() is None:
            service.process.kill()
        service.process.communicate(timeout=30)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped by whoever adopted it serves nothing)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _until(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_burst_of_clients_is_shared_by_a_worker_busy_when_it_arrives(served: Served) -> None:
    """Keep-alive clients stay on the worker that accepted them. With one shared socket a worker busy for a moment
    (here: stopped) when a burst of clients arrives gets none of them, and the other does all their work for as
    long as they stay; with one socket per worker the kernel gives each its share, served once it is free."""
    assert _until(served.listening)
    busy = served.workers()[0]
    with ExitStack() as stack:
        os.kill(busy, signal.SIGSTOP)
        try:
            address = ("127.0.0.1", served.port)
            burst = [stack.enter_context(socket.create_connection(address, timeout=30)) for _ in range(40)]
            for sock in burst:
                sock.sendall(b"GET /health HTTP/1.1\r\nHost: carnet\r\n\r\n")
            time.sleep(0.5)  # the free worker takes what it can meanwhile
        finally:
            os.kill(busy, signal.SIGCONT)
        assert all(sock.recv(4096).startswith(b"HTTP/1.1 200") for sock in burst)
        held = sorted(served.connections_held_by(pid) for pid in served.workers())
    assert sum(held) == 40
    assert held[0] >= 8, held  # a fair coin gives fewer than 8 of 40 once in ten million runs


def test_a_worker_that_dies_is_replaced_and_the_service_keeps_answering(served: Served) -> None:
    assert _until(lambda: len(served.workers()) == 2)
    victim = served.workers()[0]
    os.kill(victim, signal.SIGKILL)
    assert _until(lambda: len(served.workers()) == 2 and victim not in served.workers())
    for _ in range(20):  # fresh connections land on both sockets: each must be answered
        with httpx.Client(base_url=served.url, transport=httpx.HTTPTransport(retries=3)) as client:
            assert client.get("/health").status_code == 200


def test_stopping_the_service_ends_every_worker_and_frees_the_port(served: Served) -> None:
    assert _until(lambda: len(served.workers()) == 2)
    workers = served.workers()
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=30) == 0
    assert not any(_alive(pid) for pid in workers)
    with socket.create_server(("127.0.0.1", served.port)):  # nothing listens there any more
        pass


def test_a_killed_supervisor_takes_its_workers_with_it(served: Served) -> None:
    """No orphan keeps answering on the port after `kill -9` of the service (the next start would share it)."""
    assert _until(lambda: len(served.workers()) == 2)
    workers = served.workers()
    served.process.kill()
    served.process.wait(timeout=10)
    assert _until(lambda: not any(_alive(pid) for pid in workers), seconds=30)
    with pytest.raises(httpx.ConnectError):
        httpx.get(served.url + "/health", timeout=5)


def test_a_port_already_taken_is_refused_with_a_sentence(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        service = Served(tmp_path / "data", taken.getsockname()[1], workers=2)
        output, _ = service.process.communicate(timeout=60)
    assert service.process.returncode == 3
    assert "Impossible d'écouter" in output and "--port" in output and "Traceback" not in output
