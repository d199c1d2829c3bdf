"""GET /v1/me reads the caller from a few columns: it must answer exactly like every other patient route (S34)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from server.accounts.dependencies import HELPER_TOKEN_HEADER, LEGACY_HELPER_HEADER
from server.app import create_app
from server.clock import ManualClock
from server.config import Settings
from server.context import ServiceContext
from tests.support.access import GP, Pros
from tests.support.helper_accounts import HelperAccount, helper_tokens, register_helper
from tests.support.service import Flows, Mailbox, bearer


def outcome(response: Response) -> tuple[int, str | None]:
    """Status and problem code; a problem is problem+json, a success carries no code."""
    if response.status_code == 200:
        return 200, None
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return response.status_code, response.json()["code"]


def both(client: TestClient, headers: dict[str, str]) -> tuple[tuple[int, str | None], tuple[int, str | None]]:
    """The light route (/v1/me) next to a route of the full check (/v1/me/devices), with the same headers."""
    return outcome(client.get("/v1/me", headers=headers)), outcome(client.get("/v1/me/devices", headers=headers))


def test_me_answers_like_every_patient_route_whatever_the_token(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox, clock: ManualClock
) -> None:
    """S34: no header, garbage, a logged-out token, a revoked device, a professional, a bad helper, an expired token."""
    person = flows.active_person()
    mine = flows.login(person, device_name="PC salon")
    spent = flows.login(person, device_name="Téléphone")
    revoked = flows.login(person, device_name="Tablette")
    assert client.post("/v1/auth/logout", headers=bearer(spent)).status_code == 204
    assert client.delete(f"/v1/me/devices/{revoked['device_id']}", headers=bearer(mine)).status_code == 204
    pro = Pros(client, ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")
    register_helper(ctx, mailbox, client, HelperAccount("aline.roy@fs.example.org", "France services"))
    helper = helper_tokens(client, mailbox, "aline.roy@fs.example.org")["access_token"]
    cases = {
        "live": (bearer(mine), (200, None)),
        "assisted": ({**bearer(mine), HELPER_TOKEN_HEADER: helper}, (200, None)),
        "bad helper": ({**bearer(mine), HELPER_TOKEN_HEADER: "pas-un-jeton-d-aidant"}, (403, "helper_unauthorized")),
        "free-text helper": ({**bearer(mine), LEGACY_HELPER_HEADER: "Aline%20Roy|FS"}, (400, "helper_header_refused")),
        "helper alone": ({"Authorization": f"Bearer {helper}"}, (403, "helper_alone")),
        "no header": ({}, (401, "unauthorized")),
        "not bearer": ({"Authorization": "Basic YWxpY2U6c2VjcmV0"}, (401, "unauthorized")),
        "garbage": ({"Authorization": "Bearer pas-un-jeton"}, (401, "unauthorized")),
        "logged out": (bearer(spent), (401, "unauthorized")),
        "revoked device": (bearer(revoked), (401, "device_revoked")),
        "professional": (pro, (403, "forbidden")),
    }
    for name, (headers, expected) in cases.items():
        light, full = both(client, headers)
        assert light == full == expected, name
    clock.advance(timedelta(minutes=15, seconds=1))
    assert both(client, bearer(mine)) == ((401, "unauthorized"), (401, "unauthorized"))
    # A revoked device stays revoked, not merely expired, even after its token's lifetime.
    assert both(client, bearer(revoked)) == ((401, "device_revoked"), (401, "device_revoked"))


def test_me_body_is_the_documented_json(flows: Flows, client: TestClient, ctx: ServiceContext) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    r = client.get("/v1/me", headers=bearer(tokens))
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert "Server-Time" in r.headers
    assert r.json() == {
        "account_id": r.json()["account_id"],
        "identifier": person.identifier,
        "dossier_id": str(person.dossier_id),
        "space_status": "active",
        "device_id": tokens["device_id"],
    }
    spec = create_app(ctx.settings, context=ctx).openapi()  # served only with --dev (S44): read from the app
    schema = spec["paths"]["/v1/me"]["get"]["responses"]["200"]
    assert schema["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/MeOut"}


@pytest.fixture
def second_worker(settings: Settings) -> Iterator[TestClient]:
    """Another process's view of the same database: its own app, context and connection pool."""
    context = ServiceContext.build(settings, pool_size=2)
    with TestClient(create_app(settings, context=context)) as other:
        yield other
    context.close()


def test_a_revocation_is_seen_at_once_by_another_worker(
    flows: Flows, client: TestClient, second_worker: TestClient
) -> None:
    """S34: nothing about a token is remembered between requests, so no worker keeps serving a revoked device."""
    person = flows.active_person()
    mine = flows.login(person, device_name="PC salon")
    other = flows.login(person, device_name="Tablette")
    for _ in range(3):  # warm: the other worker has answered this token several times
        assert second_worker.get("/v1/me", headers=bearer(other)).status_code == 200
    assert client.delete(f"/v1/me/devices/{other['device_id']}", headers=bearer(mine)).status_code == 204
    assert outcome(second_worker.get("/v1/me", headers=bearer(other))) == (401, "device_revoked")
    assert client.post("/v1/auth/logout", headers=bearer(mine)).status_code == 204
    assert outcome(second_worker.get("/v1/me", headers=bearer(mine))) == (401, "unauthorized")
