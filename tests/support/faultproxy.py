"""A fault-injecting TCP proxy on loopback: latency, resets, cuts after N bytes, stalls, a body-size limit, canned 503.

Faults are described by a `Faults` object the test changes between (or during) syncs. Byte counters let a test
measure what was re-sent after a cut. Runs as threads in the test process; `close()` stops everything.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Faults:
    latency: float = 0.0  # seconds added before forwarding each block
    reset_probability: float = 0.0  # per block, either direction: the connection is reset (RST)
    cut_upstream_after: int | None = None  # close the next connection once this many request bytes passed
    cut_downstream_after: int | None = None  # end the next connection once this many response bytes passed
    network_cut_after: int | None = None  # once this many request bytes passed (all connections), reset them all
    stall_downstream_for: float = 0.0  # the next connection stops delivering response bytes this long
    max_request_bytes: int | None = None  # a body-size limit in front of the service: larger requests are cut
    reply_503: int = 0  # the next N connections get "503 Retry-After: <retry_after>" without reaching the service
    retry_after: int = 1
    seed: int = 0
    rng: random.Random = field(default_factory=random.Random)


class FaultProxy:
    def __init__(self, target_port: int, faults: Faults | None = None) -> None:
        self.target_port = target_port
        self.faults = faults or Faults()
        self.faults.rng.seed(self.faults.seed)
        self.upstream_bytes = 0
        self.downstream_bytes = 0
        self._towards_cut = 0
        self.connections = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = threading.Event()
        self._sockets: list[socket.socket] = []
        self.upstream_ports: set[int] = set()  # the proxy's side of its connections to the service
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        _close(self._listener)  # shut down first, so the thread blocked in accept() ends
        for sock in list(self._sockets):
            _close(sock)

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                canned = self.faults.reply_503 > 0
                if canned:
                    self.faults.reply_503 -= 1
                plan = {
                    "cut_up": self.faults.cut_upstream_after,
                    "cut_down": self.faults.cut_downstream_after,
                    "stall": self.faults.stall_downstream_for,
                }
                self.faults.cut_upstream_after = None
                self.faults.cut_downstream_after = None
                self.faults.stall_downstream_for = 0.0
            if canned:
                threading.Thread(target=self._reply_503, args=(client,), daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                _reset(client)
                continue
            self._sockets += [client, upstream]
            self.upstream_ports.add(upstream.getsockname()[1])
            threading.Thread(target=self._pump, args=(client, upstream, True, plan), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False, plan), daemon=True).start()

    def _reply_503(self, client: socket.socket) -> None:
        try:
            client.settimeout(5)
            client.recv(65536)
            body = b'{"code":"busy"}'
            head = (
                f"HTTP/1.1 503 Service Unavailable\r\nRetry-After: {self.faults.retry_after}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
            client.sendall(head + body)
        except OSError:
            pass
        finally:
            _close(client)

    def _pump(self, src: socket.socket, dst: socket.socket, upstream: bool, plan: dict[str, object]) -> None:
        passed = 0
        limit = plan["cut_up"] if upstream else plan["cut_down"]
        stall = float(plan["stall"] or 0.0) if not upstream else 0.0  # type: ignore[arg-type]
        try:
            while not self._closed.is_set():
                data = src.recv(65536)
                if not data:
                    break
                faults = self.faults
                if faults.latency:
                    time.sleep(faults.latency)
                if stall:
                    self._closed.wait(stall)  # deliver nothing for a while: the client must notice the stall
                    stall = 0.0
                if faults.reset_probability and faults.rng.random() < faults.reset_probability:
                    _reset(src)
                    _reset(dst)
                    return
                if upstream and faults.max_request_bytes is not None and passed + len(data) > faults.max_request_bytes:
                    _reset(src)
                    _reset(dst)
                    return
                room = self._network_cut_room(len(data)) if upstream else None
                if room is not None:
                    self._count(upstream, room)
                    dst.sendall(data[:room])
                    for sock in list(self._sockets):
                        _reset(sock)
                    return
                if isinstance(limit, int) and passed + len(data) >= limit:
                    data = data[: max(0, limit - passed)]
                    self._count(upstream, len(data))
                    dst.sendall(data)
                    _reset(src)
                    if upstream:
                        _reset(dst)
                    else:  # the client gets every byte that passed, then the end of the stream mid-answer: a reset
                        # would make its kernel drop what it had received but not yet read, so what "passed" would
                        # depend on how busy the machine was
                        with contextlib.suppress(OSError):
                            dst.shutdown(socket.SHUT_WR)
                    return
                passed += len(data)
                self._count(upstream, len(data))
                dst.sendall(data)
        except OSError:
            pass
        finally:
            _close(src)
            _close(dst)

    def _network_cut_room(self, n: int) -> int | None:
        """With a network cut planned: None while these `n` request bytes fit before it, else how many still pass."""
        with self._lock:
            if self.faults.network_cut_after is None:
                return None
            room = self.faults.network_cut_after - self._towards_cut
            if n < room:
                self._towards_cut += n
                return None
            self.faults.network_cut_after = None
            self._towards_cut = 0
            return max(0, room)

    def _count(self, upstream: bool, n: int) -> None:
        with self._lock:
            if upstream:
                self.upstream_bytes += n
            else:
                self.downstream_bytes += n


def _close(sock: socket.socket) -> None:
    """Close now: `shutdown` first, or a pump thread blocked reading this socket keeps it open (no FIN is sent)."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), like a middlebox dropping the connection."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a pump thread blocked on this socket, so the close takes effect now
    _close(sock)
