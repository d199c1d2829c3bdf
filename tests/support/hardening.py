"""The real service on loopback for the hardening tests (issue 15): `carnet-server serve`'s own uvicorn server
(cli.make_uvicorn_server) in a thread, and an httpx client that speaks the Flows' TestClient API."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from server.app import create_app
from server.cli import make_uvicorn_server
from server.config import Settings
from server.context import ServiceContext
from tests.support.service import free_port


@contextmanager
def served(settings: Settings, ctx: ServiceContext, **server_options: object) -> Iterator[httpx.Client]:
    """Serve the app as `serve` does, on a free loopback port, until the block ends (lifespan stop included)."""
    port = free_port()
    server = make_uvicorn_server(create_app(settings, context=ctx), port=port, **server_options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the service did not start"
        time.sleep(0.01)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        assert not thread.is_alive()
