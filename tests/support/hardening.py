"""The real service on loopback for the hardening tests (issue 15): `carnet-server serve`'s own uvicorn server
(cli.make_uvicorn_server) in a thread, and an httpx client that speaks the Flows' TestClient API."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from server.app import create_app
from server.cli import make_uvicorn_server
from server.config import Settings
from server.context import ServiceContext
from tests.support.service import free_port, wait_serving

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def serve_process(data: Path) -> Iterator[str]:
    """`carnet-server serve --data-dir data` as a real subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "CARNET_SERVER_ARGON2": "1,8192,1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--data-dir", str(data), "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_serving(proc, base)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


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


SYNC = {"Carnet-Sync-Protocol": "1"}


def upload_document(http: httpx.Client, headers: dict[str, str], dossier_id: uuid.UUID, data: bytes) -> str:
    """A document body through the real resumable upload (one chunk); returns its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    mutation = {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": 1,
        "entity": "document",
        "entity_id": str(uuid.uuid4()),
        "kind": "imagerie",
        "op": "create",
        "base_version": 0,
        "changes": {"title": [None, "Compte rendu"], "sha256": [None, digest], "size": [None, len(data)]},
    }
    body = {"client_id": str(uuid.uuid4()), "stream_id": str(uuid.uuid4()), "dossier_id": str(dossier_id)}
    r = http.post("/v1/sync/push", headers={**headers, **SYNC}, json={**body, "mutations": [mutation]})
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text
    r = http.post(
        "/v1/sync/uploads",
        headers={**headers, **SYNC},
        json={"dossier_id": str(dossier_id), "sha256": digest, "size": len(data)},
    )
    assert r.status_code == 201, r.text
    r = http.patch(
        f"/v1/sync/uploads/{r.json()['upload_id']}",
        headers={
            **headers,
            **SYNC,
            "Upload-Offset": "0",
            "Upload-Checksum": f"sha256 {digest}",
            "Content-Type": "application/offset+octet-stream",
        },
        content=data,
    )
    assert r.status_code == 200 and r.json()["complete"], r.text
    return digest
