"""The real service on loopback (uvicorn in a thread) and a lab that makes people, professionals and devices
(real SQLCipher profiles signed in to it) for the sync suite and the engine tests."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.sync.engine import S_ACCESS, S_REFRESH, S_URL, SyncEngine, SyncReport
from desktop_app.sync.http import Backoff
from desktop_app.vault import FLOOR_KDF
from server.app import create_app
from server.config import Settings
from server.context import ServiceContext
from server.professionals.service import NewProfessional, add_professional
from server.sync.router import router as sync_router
from server.sync.service import SyncSettings
from tests.support.service import PASSWORD, Flows, Mailbox, Person, free_port

MAX_BODY = 2 * 1024 * 1024
RPPS = "10000000009"
# Two professionals of a clinic workstation (Anne is the lab's default professional).
ANNE, BRUNO = RPPS, "10000000017"


class LiveServer:
    """The real app served by uvicorn on 127.0.0.1; `restart()` stops it and serves the same data again."""

    def __init__(self, settings: Settings, sync_settings: SyncSettings) -> None:
        self.settings = settings
        self.sync_settings = sync_settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ctx: ServiceContext | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.ctx = ServiceContext.build(self.settings, pool_size=25)
        app = create_app(self.settings, context=self.ctx)
        if not any(getattr(r, "path", "").startswith("/v1/sync") for r in app.routes):
            app.include_router(sync_router)
        app.state.sync_settings = self.sync_settings
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on", timeout_graceful_shutdown=1
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the service did not start")
            self._thread.join(0.01)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(20)
        if self.ctx is not None:
            self.ctx.close()
        self._server = self._thread = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def settled(self, peer_ports: Collection[int], seconds: float = 10.0) -> bool:
        """Wait until the connections from these peer ports are gone and no request runs any more.

        A request cut by the network may start its handler after the client has already given up (the service was
        busy): only once its connection is closed and its handler has ended is what it left behind final.
        """
        assert self._server is not None
        state = self._server.server_state

        def busy() -> bool:
            peers = [getattr(connection, "client", None) for connection in state.connections]
            return bool(state.tasks) or any(peer is not None and peer[1] in peer_ports for peer in peers)

        deadline = time.monotonic() + seconds
        while busy():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True


@dataclass
class Device:
    """One installation: a local encrypted profile signed in to the live service."""

    name: str
    directory: ProfileDirectory
    profile: UnlockedProfile
    engine: SyncEngine

    def reopen(self) -> Device:
        """Like a restart: lock everything and open the profile again from disk."""
        self.engine.http.close()
        self.profile.lock()
        self.profile = self.directory.unlock(PASSWORD)
        self.engine = make_engine(self.profile)
        return self


def make_engine(profile: UnlockedProfile, **kw: Any) -> SyncEngine:
    kw.setdefault("backoff", Backoff(base=0.01, cap=0.05, attempts=4))
    kw.setdefault("stall_timeout", 5.0)
    return SyncEngine(profile, **kw)


class Lab:
    """Makes people, professionals and devices against one live service."""

    def __init__(self, live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path, api: httpx.Client) -> None:
        self.live, self.flows, self.mailbox, self.tmp_path, self.api = live, flows, mailbox, tmp_path, api
        self._n = 0

    def person(self) -> Person:
        return self.flows.active_person()

    def device(self, person: Person, **engine_kw: Any) -> Device:
        self._n += 1
        name = f"device{self._n}"
        tokens = self.flows.login(person, device_name=name)
        directory = ProfileDirectory(self.tmp_path / name, kdf=FLOOR_KDF)
        profile, _ = directory.create(f"Carnet {name}", PASSWORD, own_dossier_id=str(person.dossier_id))
        self._sign_in(profile, tokens)
        return Device(name, directory, profile, make_engine(profile, **engine_kw))

    def start_upload(self, device: Device, content: bytes, *, title: str = "Scanner") -> tuple[str, dict[str, str]]:
        """Add a document on `device`, push its record only (records never wait on bytes) and start its upload
        through the API directly: the upload's URL and the device's authorisation header."""
        store = device.profile.dossier()
        store.documents.add(content, title=title, category="imagerie")
        device.engine._push(store, SyncReport())
        headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
        body = {
            "dossier_id": device.profile.settings["own_dossier_id"],
            "sha256": hashlib.sha256(content).hexdigest(),
            "size": len(content),
        }
        created = self.api.post("/v1/sync/uploads", json=body, headers=headers)
        assert created.status_code == 201, created.text
        return f"/v1/sync/uploads/{created.json()['upload_id']}", headers

    def _sign_in(self, profile: UnlockedProfile, tokens: dict[str, Any]) -> None:
        profile.set_setting(S_URL, self.live.url)
        profile.set_setting(S_ACCESS, tokens["access_token"])
        profile.set_setting(S_REFRESH, tokens["refresh_token"])

    def professional(self, rpps: str = RPPS) -> dict[str, Any]:
        """Registers, enrols and signs in a médecin généraliste; returns its tokens."""
        ctx = self.live.ctx
        assert ctx is not None
        address = f"pro{rpps}@example.org"
        with ctx.sessions() as session:
            add_professional(session, ctx, NewProfessional(rpps, "medecin_generaliste", "Durand", "Anne", address))
            session.commit()
        code = re.search(r"enrôlement \(usage unique\) : ([A-Z0-9]{12})", self.mailbox.last_body(address))
        assert code
        r = self.api.post(
            "/v1/pro/enrolment", json={"rpps": rpps, "enrolment_code": code.group(1), "password": PASSWORD}
        )
        assert r.status_code == 204, r.text
        return {"rpps": rpps, "email": address}

    def pro_device(self, pro: dict[str, Any], **engine_kw: Any) -> Device:
        self._n += 1
        name = f"clinic{self._n}"
        r = self.api.post("/v1/pro/auth/login", json={"rpps": pro["rpps"], "password": PASSWORD})
        assert r.status_code == 202, r.text
        body = {
            "challenge_id": r.json()["challenge_id"],
            "code": self.mailbox.last_otp(pro["email"]),
            "device_name": name,
        }
        tokens = self.api.post("/v1/pro/auth/verify", json=body).json()
        directory = ProfileDirectory(self.tmp_path / name, kdf=FLOOR_KDF)
        profile, _ = directory.create(f"Poste {name}", PASSWORD, device_mode="shared", with_own_dossier=False)
        self._sign_in(profile, tokens)
        return Device(name, directory, profile, make_engine(profile, **engine_kw))

    def grant(self, patient: Device, rpps: str = RPPS, *, revoke: bool = False) -> None:
        token = patient.profile.settings[S_ACCESS]
        headers = {"Authorization": f"Bearer {token}"}
        url = f"/v1/me/access/professionals/{rpps}/authorisation"  # the access service (server/access)
        r = self.api.delete(url, headers=headers) if revoke else self.api.put(url, json={}, headers=headers)
        assert r.status_code == 200, r.text
