"""`carnet-server serve --workers N`: N worker processes, each listening on its own socket (SO_REUSEPORT).

uvicorn's own supervisor hands one listening socket to every worker, so which worker accepts a connection is a race
and a keep-alive client stays where it landed: under load 99 of 100 connections were seen on one worker, leaving the
other core idle and doubling the slowest answers. Here each worker binds its own socket to the same port with
SO_REUSEPORT and the kernel spreads new connections over them by a hash of the address pair. The supervisor holds the
port (bound, never listening: it receives no connection) so `--port 0` works and a restarted worker finds it free,
replaces a worker that died, and stops them all on SIGINT or SIGTERM (each finishes its requests in flight).

Workers rebuild the settings from the environment (`cli._export_env`): spawned processes share no memory with the
supervisor, and spawning (not forking) keeps database connections and threads of the parent out of the workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import socket
import time
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from types import FrameType

import uvicorn
from fastapi import FastAPI

from server.http_limits import uvicorn_options

log = logging.getLogger("carnet.server.workers")

STARTUP_FAILURE = 3  # uvicorn's exit code when the app or the socket cannot start
RESTART_PAUSE = 1.0  # seconds before replacing a worker that died while starting
SETTLING = 10.0  # a worker that dies sooner than this after its start failed to start
MAX_FAILED_STARTS = 3  # failed starts in a row before the supervisor gives up
STOP_GRACE = 20.0  # seconds a worker gets to finish its requests in flight once asked to stop


def supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _die_with(supervisor: int) -> None:
    """Ask Linux for SIGTERM when the supervisor dies (even by kill -9): no orphan keeps serving on the port."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != supervisor:  # it died before the request was made
        raise SystemExit(0)


def _worker(app_factory: Callable[[], FastAPI], host: str, port: int, supervisor: int) -> None:
    """One worker: its own socket on the shared port, one uvicorn server (it handles SIGTERM: graceful stop)."""
    _die_with(supervisor)
    config = uvicorn_config(app_factory(), host, port)
    sock = _bind(host, port)  # asyncio's server calls listen() on it
    uvicorn.Server(config).run(sockets=[sock])


def uvicorn_config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    """The one uvicorn configuration of the service: capped request heads, forwarding headers only from the
    trusted proxies of the app's settings (server/http_limits.py)."""
    settings = app.state.ctx.settings
    options = uvicorn_options(settings.trusted_proxies)
    return uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="on", **options)


class Supervisor:
    """Starts the workers, keeps their number, and stops them."""

    def __init__(self, app_factory: Callable[[], FastAPI], host: str, port: int, workers: int) -> None:
        self.app_factory = app_factory
        self.host = host
        self.workers = workers
        self._holder = _bind(host, port)  # keeps the port ours between worker restarts; never listens
        self.port: int = self._holder.getsockname()[1]
        self._context = multiprocessing.get_context("spawn")
        self._processes: list[BaseProcess] = []
        self._stopping = False

    def _spawn(self) -> BaseProcess:
        process = self._context.Process(
            target=_worker, args=(self.app_factory, self.host, self.port, os.getpid()), name="carnet-server-worker"
        )
        process.start()
        return process

    def _ask_to_stop(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def run(self) -> int:
        """Serve until SIGINT or SIGTERM: 0, or `STARTUP_FAILURE` when workers cannot start (bad configuration,
        database unreachable...): replacing them would only loop."""
        previous = {sig: signal.signal(sig, self._ask_to_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            self._processes = [self._spawn() for _ in range(self.workers)]
            born = [time.monotonic()] * self.workers
            failed_starts = 0
            while not self._stopping:
                time.sleep(0.2)
                for index, process in enumerate(self._processes):
                    if process.is_alive() or self._stopping:
                        continue
                    early = time.monotonic() - born[index] < SETTLING
                    failed_starts = failed_starts + 1 if early else 0
                    if process.exitcode == STARTUP_FAILURE or failed_starts >= MAX_FAILED_STARTS:
                        log.error("worker %s could not start (exit %s): stopping", process.pid, process.exitcode)
                        return STARTUP_FAILURE
                    log.warning("worker %s ended (exit %s): replaced", process.pid, process.exitcode)
                    if early:
                        time.sleep(RESTART_PAUSE)  # a crash at start must not spin the CPU
                    self._processes[index] = self._spawn()
                    born[index] = time.monotonic()
            return 0
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._holder.close()

    def _stop_all(self) -> None:
        for process in self._processes:
            if process.is_alive() and process.pid is not None:
                process.terminate()  # SIGTERM: uvicorn stops accepting and finishes what is in flight
        deadline = time.monotonic() + STOP_GRACE
        for process in self._processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
