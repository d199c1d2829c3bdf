"""Helpers for access tests over the real API: professionals signed in by real mail, a patient, stored records."""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from typing import Any

from fastapi.testclient import TestClient

from server.context import ServiceContext
from server.dossiers.service import Beneficiary, provision
from server.professionals.service import NewProfessional, add_professional
from server.sync.models import SyncRecord
from tests.support.service import PASSWORD, Flows, Mailbox, Person, bearer, make_nir

Headers = dict[str, str]


class Pros:
    """Registers professionals and signs them in through the real API (enrolment code and OTP by real mail)."""

    def __init__(self, client: TestClient, ctx: ServiceContext, mailbox: Mailbox) -> None:
        self.client, self.ctx, self.mailbox = client, ctx, mailbox

    def sign_in(self, rpps: str, profession: str, last_name: str) -> Headers:
        address = f"{last_name.lower()}@cabinet.example.org"
        with self.ctx.sessions() as session:
            add_professional(session, self.ctx, NewProfessional(rpps, profession, last_name, "Alex", address))
            session.commit()
        code = re.search(r"enrôlement \(usage unique\) : (\w{12})", self.mailbox.last_body(address))
        assert code
        r = self.client.post(
            "/v1/pro/enrolment", json={"rpps": rpps, "enrolment_code": code.group(1), "password": PASSWORD}
        )
        assert r.status_code == 204, r.text
        return self.login(rpps, address)

    def login(self, rpps: str, address: str) -> Headers:
        r = self.client.post("/v1/pro/auth/login", json={"rpps": rpps, "password": PASSWORD})
        assert r.status_code == 202, r.text
        r = self.client.post(
            "/v1/pro/auth/verify",
            json={
                "challenge_id": r.json()["challenge_id"],
                "code": self.mailbox.last_otp(address),
                "device_name": "Cabinet",
            },
        )
        assert r.status_code == 200, r.text
        return bearer(r.json())


GP = "10000000017"
SPECIALIST = "10000000025"


def patient(flows: Flows) -> tuple[Person, Headers]:
    person = flows.active_person()
    return person, bearer(flows.login(person))


def add_record(
    ctx: ServiceContext,
    dossier_id: uuid.UUID,
    *,
    entity: str,
    kind: str,
    title: str,
    values: dict[str, Any] | None = None,
    version: int,
) -> uuid.UUID:
    """A record as sync stores it (test data: this module only reads sync's table)."""
    entity_id = uuid.uuid4()
    now = ctx.now()
    with ctx.sessions() as session:
        session.add(
            SyncRecord(
                dossier_id=dossier_id,
                entity_id=entity_id,
                entity=entity,
                kind=kind,
                values_json=json.dumps({"title": title, **(values or {})}),
                deleted=False,
                version=version,
                run_base=0,
                author_kind="patient",
                author_id=None,
                created_at=now,
                updated_at=now,
            )
        )
        session.commit()
    return entity_id


def titles(view: dict[str, Any]) -> set[str]:
    return {r["title"] for r in view["records"]}


def put(client: TestClient, path: str, headers: Headers, body: dict[str, Any] | None = None) -> Any:
    r = client.put(path, headers=headers, json=body or {})
    assert r.status_code == 200, r.text
    return r.json()


def provision_minor(ctx: ServiceContext, mailbox: Mailbox, *, n: int, parent_email: str, born: date) -> Person:
    child = Person(nir=make_nir(n), serial=f"{22345670 + n}", email=parent_email, first_names="Léa")
    with ctx.sessions() as session:
        provision(
            session,
            ctx,
            [Beneficiary(child.nir, child.serial, "Martin", "Léa", born, parent_email)],
        )
        session.commit()
    child.activation_code = mailbox.last_activation_code(parent_email)
    return child
