"""Limits that protect the service: per-address lockout, bounded inputs, concurrent appends, thread-mode serving."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from server.accounts.models import AccessToken, OneTimeCode
from server.admin.service import run_jobs
from server.app import create_app
from server.audit.service import verify
from server.cli import make_uvicorn_server
from server.clock import ManualClock
from server.config import Settings
from server.context import ServiceContext
from tests.support.service import PASSWORD, Flows, bearer, free_port


def test_one_address_trying_many_identifiers_is_locked_out(client: TestClient) -> None:
    """S29: per-address limit, so spraying passwords over many accounts is slowed down too."""
    statuses = [
        client.post("/v1/auth/login", json={"identifier": f"inconnu.{i:03d}", "password": "x"}).status_code
        for i in range(31)
    ]
    assert statuses[:30] == [401] * 30
    assert statuses[30] == 429


def test_activation_proofs_cannot_be_brute_forced(flows: Flows, client: TestClient) -> None:
    """S29: guessing activation codes from one address ends in 429 with Retry-After."""
    person = flows.provision()
    last = None
    for i in range(31):
        last = client.post("/v1/spaces/opposition", json=person.proof(carte_vitale_serial=f"{90000000 + i}"))
    assert last is not None and last.status_code == 429 and int(last.headers["Retry-After"]) > 0
    assert client.post("/v1/spaces/opposition", json=person.proof()).status_code == 429  # even the right one waits


def _request_schemas(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            for param in op.get("parameters", []):
                found.append((f"{method} {path} {param['name']}", param["schema"]))
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                name = body["$ref"].rsplit("/", 1)[-1]
                for field, schema in spec["components"]["schemas"][name]["properties"].items():
                    found.append((f"{method} {path} body.{field}", schema))
    return found


def _bounded(schema: dict[str, Any]) -> bool:
    options = schema.get("anyOf", [schema])
    for option in options:
        kind = option.get("type")
        if kind == "null":
            continue
        if kind == "string" and not ("maxLength" in option or option.get("format") == "uuid" or "pattern" in option):
            return False
        if kind == "integer" and not ("maximum" in option and "minimum" in option):
            return False
    return True


def test_every_parameter_and_body_field_is_bounded(dev_client: TestClient) -> None:
    spec = dev_client.get("/openapi.json").json()
    fields = _request_schemas(spec)
    assert len(fields) > 30
    unbounded = [name for name, schema in fields if not _bounded(schema)]
    assert unbounded == []


def test_concurrent_logins_keep_the_audit_chain_linear(flows: Flows, client: TestClient, ctx: ServiceContext) -> None:
    people = [flows.active_person() for _ in range(4)]

    def login(i: int) -> int:
        person = people[i % len(people)]
        return client.post("/v1/auth/login", json={"identifier": person.identifier, "password": PASSWORD}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(login, range(24)))
    assert statuses == [202] * 24
    with ctx.sessions() as session:
        report = verify(session)
    assert report.ok and report.checked > 24


def test_jobs_expire_codes_and_sessions(
    flows: Flows, client: TestClient, ctx: ServiceContext, clock: ManualClock
) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    flows.start_login(person)  # leaves an unused code
    clock.advance(timedelta(days=31))
    with ctx.sessions() as session:
        report = run_jobs(session, ctx)
        session.commit()
        assert report.codes_expired >= 1 and report.sessions_expired >= 2
        assert session.scalar(select(func.count()).select_from(OneTimeCode)) == 0
        assert session.scalar(select(func.count()).select_from(AccessToken)) == 0
    assert client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401
    with ctx.sessions() as session:  # running again changes nothing more
        again = run_jobs(session, ctx)
    assert (again.codes_expired, again.sessions_expired, again.spaces_created) == (0, 0, 0)


def test_someone_elses_device_id_is_not_reused(flows: Flows, client: TestClient) -> None:
    alice = flows.login(flows.active_person())
    bob = flows.active_person()
    bob_tokens = flows.login(bob, device_id=alice["device_id"])
    assert bob_tokens["device_id"] != alice["device_id"]
    assert client.get("/v1/me", headers=bearer(alice)).status_code == 200


def test_serve_in_a_thread_with_uvicorn_server(settings: Settings, ctx: ServiceContext) -> None:
    port = free_port()
    server = make_uvicorn_server(create_app(settings, context=ctx), port=port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", transport=httpx.HTTPTransport(retries=8)) as c:
            r = c.get("/health")
            assert r.status_code == 200 and "server-time" in r.headers
            assert c.get("/v1/me").status_code == 401
        assert server.started
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    assert not thread.is_alive()
