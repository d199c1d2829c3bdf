"""Fixtures of the server suite: the same tests on SQLite and (when configured) PostgreSQL, a real SMTP server."""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from dossier.identifiers import nir_key
from server.app import create_app
from server.clock import ManualClock
from server.config import Argon2Params, Settings, SmtpSettings
from server.context import ServiceContext
from server.db import migrate
from server.dossiers.service import Beneficiary, provision

PG_ENV = "CARNET_TEST_POSTGRES_URL"
PASSWORD = "Grenouille violette mange 7 crayons bleus"
FAST_ARGON2 = Argon2Params(time_cost=1, memory_cost_kib=8192, parallelism=1)


def make_nir(n: int) -> str:
    first13 = f"184017505{n % 10_000:04d}"
    return first13 + nir_key(first13)


# ---------------------------------------------------------------- database backends


def _pg_admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not os.environ.get(PG_ENV):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set: under CI=true the PostgreSQL run is mandatory")
        pytest.skip(f"{PG_ENV} not set: PostgreSQL run skipped (scripts/pg-throwaway.sh prints one)")
    return str(request.param)


@pytest.fixture(scope="session")
def template_db(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated once per session; each test gets a copy of it."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        migrate(f"sqlite:///{path}")
        yield str(path)
        return
    base = os.environ[PG_ENV]
    name = f"carnet_tpl_{os.getpid()}"
    admin = create_engine(_pg_admin_url(base), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    migrate(base.rsplit("/", 1)[0] + f"/{name}")
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_url(backend: str, template_db: str, tmp_path: Path) -> Iterator[str]:
    """A clean, fully migrated database for one test."""
    if backend == "sqlite":
        target = tmp_path / "carnet-server.sqlite3"
        shutil.copyfile(template_db, target)
        yield f"sqlite:///{target}"
        return
    base = os.environ[PG_ENV]
    name = f"carnet_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_admin_url(base), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# ---------------------------------------------------------------- mail


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Controller, Mailbox]]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, box
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Controller, Mailbox]) -> Mailbox:
    smtp_server[1].clear()
    return smtp_server[1]


# ---------------------------------------------------------------- the service


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def settings(db_url: str, tmp_path: Path, clock: ManualClock, smtp_server: tuple[Controller, Mailbox]) -> Settings:
    controller = smtp_server[0]
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        smtp=SmtpSettings(host="127.0.0.1", port=controller.port),
        clock=clock,
        argon2=FAST_ARGON2,
    )


@pytest.fixture
def ctx(settings: Settings) -> Iterator[ServiceContext]:
    context = ServiceContext.build(settings, pool_size=5)
    yield context
    context.close()


@pytest.fixture
def client(settings: Settings, ctx: ServiceContext) -> Iterator[TestClient]:
    with TestClient(create_app(settings, context=ctx)) as test_client:
        yield test_client


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


@pytest.fixture
def flows(client: TestClient, ctx: ServiceContext, mailbox: Mailbox) -> Flows:
    return Flows(client, ctx, mailbox)
