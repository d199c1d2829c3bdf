"""Helpers for tests that talk to the central service: the people, mail and journeys of the server suite."""

from __future__ import annotations

import email
import email.policy
import re
import socket
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from typing import Any

import httpx
from fastapi.testclient import TestClient

from dossier.identifiers import nir_key
from server.config import Argon2Params
from server.context import ServiceContext
from server.dossiers.service import Beneficiary, provision

PG_ENV = "CARNET_TEST_POSTGRES_URL"
PASSWORD = "Grenouille violette mange 7 crayons bleus"
FAST_ARGON2 = Argon2Params(time_cost=1, memory_cost_kib=8192, parallelism=1)


def make_nir(n: int) -> str:
    first13 = f"184017505{n % 10_000:04d}"
    return first13 + nir_key(first13)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class NotServing(AssertionError):
    """A `carnet-server serve` process that exited, or did not answer in time: what it printed is the message."""

    def __init__(self, url: str, process: subprocess.Popen[str]) -> None:
        if process.poll() is None:
            process.kill()
        out, err = process.communicate(timeout=30)
        self.output = (out or "") + (err or "")
        super().__init__(f"{url} not serving (exit {process.returncode}):\n{self.output}")


def wait_serving(process: subprocess.Popen[str], url: str, seconds: float = 90.0) -> None:
    """Until `url` answers /health, polled a few times a second. A service that exits, or is not up after `seconds`,
    raises NotServing with what it printed. (httpx's retries back off exponentially, their 12th comes 17 minutes
    after the first: a service dead at start hung the run until pytest-timeout and said nothing of why.)"""
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise NotServing(url, process)


@dataclass
class Mailbox:
    """Messages received by the real SMTP server."""

    messages: list[EmailMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        with self.lock:
            self.messages.append(msg)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]

    def last_body(self, address: str) -> str:
        mails = self.to(address)
        assert mails, f"no mail to {address}"
        body = mails[-1].get_body(preferencelist=("plain",))
        assert body is not None
        return str(body.get_content())

    def last_otp(self, address: str) -> str:
        match = re.search(r"usage unique pour [^:]+: (\d{6})", self.last_body(address))
        assert match, "no one-time code in the last mail"
        return match.group(1)

    def last_activation_code(self, address: str) -> str:
        match = re.search(r"code d'activation \(usage unique\) : ([A-Z0-9]{12})", self.last_body(address))
        assert match, "no activation code in the last mail"
        return match.group(1)

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()


@dataclass
class Person:
    """A provisioned beneficiary and what they know."""

    nir: str
    serial: str
    email: str
    first_names: str = "Zoé"
    last_name: str = "Martin"
    identifier: str = ""
    activation_code: str = ""
    dossier_id: uuid.UUID | None = None

    def proof(self, **override: str) -> dict[str, str]:
        body = {"activation_code": self.activation_code, "nir": self.nir, "carte_vitale_serial": self.serial}
        body.update(override)
        return body


class Flows:
    """The user journeys, through the real HTTP API and real mail."""

    def __init__(self, client: TestClient, ctx: ServiceContext, mailbox: Mailbox) -> None:
        self.client, self.ctx, self.mailbox = client, ctx, mailbox
        self._n = 0

    def provision(self, **kw: Any) -> Person:
        self._n += 1
        person = Person(nir=make_nir(self._n), serial=f"{12345670 + self._n}", email=f"zoe{self._n}@example.org", **kw)
        beneficiary = Beneficiary(
            nir=person.nir,
            carte_vitale_serial=person.serial,
            last_name=person.last_name,
            first_names=person.first_names,
            birth_date=date(1984, 1, 1),
            email=person.email,
        )
        with self.ctx.sessions() as session:
            provision(session, self.ctx, [beneficiary])
            session.commit()
        person.activation_code = self.mailbox.last_activation_code(person.email)
        return person

    def activate(self, person: Person, identifier: str | None = None) -> Person:
        person.identifier = identifier or f"zoe.martin{self._n}"
        r = self.client.post(
            "/v1/activation", json={**person.proof(), "identifier": person.identifier, "password": PASSWORD}
        )
        assert r.status_code == 202, r.text
        code = self.mailbox.last_otp(person.email)
        r = self.client.post("/v1/activation/confirm", json={"activation_id": r.json()["activation_id"], "code": code})
        assert r.status_code == 200, r.text
        person.dossier_id = uuid.UUID(r.json()["dossier_id"])
        return person

    def active_person(self) -> Person:
        return self.activate(self.provision())

    def start_login(self, person: Person, password: str = PASSWORD) -> Any:
        return self.client.post("/v1/auth/login", json={"identifier": person.identifier, "password": password})

    def login(self, person: Person, *, device_name: str = "PC salon", device_id: str | None = None) -> dict[str, Any]:
        r = self.start_login(person)
        assert r.status_code == 202, r.text
        body: dict[str, Any] = {
            "challenge_id": r.json()["challenge_id"],
            "code": self.mailbox.last_otp(person.email),
            "device_name": device_name,
        }
        if device_id:
            body["device_id"] = device_id
        r = self.client.post("/v1/auth/verify", json=body)
        assert r.status_code == 200, r.text
        tokens: dict[str, Any] = r.json()
        return tokens


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}
