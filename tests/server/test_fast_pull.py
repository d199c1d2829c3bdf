"""The sync pull's fast path (server/sync/fast_pull.py) answers exactly as the FastAPI route does (issue 16, S34).

The same requests go to the service as built and to the same service without its fast path (the route alone), on the
same database: every answer — a pull, a revoked device, an expired token, a bad body, a missing protocol header, a
helper's header — must be the same. And the common pull must really be answered past the route (the route's
protocol dependency never runs for it), or the fast path would be dead code measured by nobody.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, cast

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.app import create_app
from server.clock import ManualClock
from server.config import Settings
from server.context import ServiceContext
from server.sync.fast_pull import FastPull
from server.sync.router import check_protocol
from tests.support.service import Flows, bearer

SYNC = {"Carnet-Sync-Protocol": "1"}


@pytest.fixture
def route_only(settings: Settings, ctx: ServiceContext) -> Iterator[TestClient]:
    """The same service on the same database, its fast path taken out: every pull goes to the FastAPI route."""
    app = create_app(settings, context=ctx)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not cast(Any, FastPull)]
    with TestClient(app) as test_client:
        yield test_client


def _answer(response: Any) -> tuple[int, Any]:
    """Status and body without what differs between two answers of the same moment (server time)."""
    if response.headers.get("content-type", "").endswith("json"):
        body = response.json()
        if isinstance(body, dict):
            body.pop("server_time", None)
        return response.status_code, body
    return response.status_code, response.text


def _hygiene(response: Any) -> tuple[str | None, str | None, bool]:
    headers = response.headers
    return headers.get("cache-control"), headers.get("x-content-type-options"), "server-time" in headers


def test_the_fast_path_answers_every_pull_as_the_route_does(
    flows: Flows, client: TestClient, route_only: TestClient, clock: ManualClock
) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    headers = {**bearer(tokens), **SYNC}
    dossier = str(person.dossier_id)
    client_id = str(uuid.uuid4())
    created = {"entity": "entry", "kind": "allergy", "op": "create", "base_version": 0}
    mutations = [
        {**created, "mutation_id": str(uuid.uuid4()), "client_seq": i + 1, "entity_id": str(uuid.uuid4())}
        | {"changes": {"name": [None, f"Allergie {i}"]}}
        for i in range(3)
    ]
    push = {"client_id": client_id, "stream_id": str(uuid.uuid4()), "dossier_id": dossier, "mutations": mutations}
    assert client.post("/v1/sync/push", headers=headers, json=push).status_code == 200
    first = client.post("/v1/sync/pull", headers=headers, json={"client_id": client_id, "dossiers": {dossier: None}})
    cursor = first.json()["dossiers"][0]["cursor"]

    def body(dossiers: dict[str, str | None]) -> bytes:
        return json.dumps({"client_id": client_id, "dossiers": dossiers}).encode()

    as_json = {"Content-Type": "application/json"}
    cases: list[tuple[str, dict[str, str], bytes]] = [
        ("no-op pull", {**headers, **as_json}, body({dossier: cursor})),
        ("bootstrap", {**headers, **as_json}, body({dossier: None})),
        ("a dossier not theirs", {**headers, **as_json}, body({str(uuid.uuid4()): None})),
        ("no token", {**SYNC, **as_json}, body({dossier: cursor})),
        ("unknown token", {**SYNC, **as_json, "Authorization": "Bearer nope"}, body({dossier: cursor})),
        ("token too long", {**SYNC, **as_json, "Authorization": "Bearer " + "x" * 300}, body({dossier: cursor})),
        ("no protocol", {**bearer(tokens), **as_json}, body({dossier: cursor})),
        ("future protocol", {**headers, **as_json, "Carnet-Sync-Protocol": "99"}, body({dossier: cursor})),
        ("malformed JSON", {**headers, **as_json}, b'{"client_id": '),
        ("invalid body", {**headers, **as_json}, json.dumps({"client_id": client_id, "dossiers": [1]}).encode()),
        ("not JSON", {**headers, "Content-Type": "text/plain"}, body({dossier: cursor})),
        ("legacy helper", {**headers, **as_json, "Carnet-Acting-Helper": "Mme X"}, body({dossier: cursor})),
        ("helper token", {**headers, **as_json, "Carnet-Helper-Token": "nope"}, body({dossier: cursor})),
    ]
    for name, sent, content in cases:
        fast = client.post("/v1/sync/pull", headers=sent, content=content)
        routed = route_only.post("/v1/sync/pull", headers=sent, content=content)
        assert _answer(fast) == _answer(routed), name
        assert _hygiene(fast) == _hygiene(routed) == ("no-store", "nosniff", True), name

    # The same rule on the next request (S34): a revoked device, then an expired token, refused the same way.
    other = flows.login(person, device_name="Tablette")
    assert client.delete(f"/v1/me/devices/{other['device_id']}", headers=bearer(tokens)).status_code == 204
    revoked = {**bearer(other), **SYNC, **as_json}
    fast, routed = (
        c.post("/v1/sync/pull", headers=revoked, content=body({dossier: cursor})) for c in (client, route_only)
    )
    assert _answer(fast) == _answer(routed) and fast.json()["code"] == "device_revoked"
    clock.advance(timedelta(minutes=16))
    fast, routed = (
        c.post("/v1/sync/pull", headers={**headers, **as_json}, content=body({dossier: cursor}))
        for c in (client, route_only)
    )
    assert _answer(fast) == _answer(routed) and fast.status_code == 401


def test_the_common_pull_does_not_go_through_the_route(flows: Flows, settings: Settings, ctx: ServiceContext) -> None:
    app: FastAPI = create_app(settings, context=ctx)
    routed: list[int] = []

    async def counting_protocol_check(version: int = 1) -> int:
        routed.append(version)
        return version

    app.dependency_overrides[check_protocol] = counting_protocol_check
    person = flows.active_person()
    headers = {**bearer(flows.login(person)), **SYNC}
    body = {"client_id": str(uuid.uuid4()), "dossiers": {str(person.dossier_id): None}}
    with TestClient(app) as client:
        assert client.post("/v1/sync/pull", headers=headers, json=body).status_code == 200
        assert routed == []  # answered by the fast path
        helper = {**headers, "Carnet-Acting-Helper": "Mme X"}
        assert client.post("/v1/sync/pull", headers=helper, json=body).status_code == 400
        assert len(routed) == 1  # a helper's session goes to the route
