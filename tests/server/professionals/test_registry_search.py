"""GET /v1/professionals: patients find enrolled professionals by name, profession and town (paged, rate-limited)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from server.clock import ManualClock
from server.config import RateLimits, Settings
from server.context import ServiceContext
from tests.support.people import NOT_ENROLLED, registry
from tests.support.service import Flows, Mailbox, bearer

FREE = 6


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, rate_limits=replace(RateLimits(), search_free_requests=FREE))


@pytest.fixture
def me(flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox) -> dict[str, str]:
    registry(ctx, mailbox, client)
    return bearer(flows.login(flows.active_person()))


def _search(client: TestClient, me: dict[str, str], **params: object) -> list[dict[str, object]]:
    r = client.get("/v1/professionals", params=params, headers=me)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_search_by_name_profession_and_town_lists_only_enrolled_professionals_without_private_data(
    client: TestClient, me: dict[str, str]
) -> None:
    found = _search(client, me, name="durand")
    assert [(p["first_names"], p["last_name"]) for p in found] == [("Anne", "Durand"), ("Marc", "Durandal")]
    # Paul Durant is in the registry but never enrolled: nobody can choose him.
    assert NOT_ENROLLED[0] not in {p["rpps"] for p in _search(client, me, name="durant")}
    assert _search(client, me, name="dur", town="lyon") == [
        {
            "rpps": "10000000017",
            "last_name": "Durand",
            "first_names": "Anne",
            "profession": "medecin_generaliste",
            "town": "Lyon",
        }
    ]
    assert [p["last_name"] for p in _search(client, me, profession="medecin_generaliste")] == ["Durand", "Petit"]
    assert [p["last_name"] for p in _search(client, me, name="anne durand")] == ["Durand"]  # every word counts
    assert _search(client, me, name="100%") == []  # LIKE wildcards are taken literally
    # Exactly the public fields: no e-mail, no internal id, nothing about the account.
    assert set(found[0]) == {"rpps", "last_name", "first_names", "profession", "town"}


def test_search_pages_through_the_results(client: TestClient, me: dict[str, str]) -> None:
    r = client.get(
        "/v1/professionals",
        params={"town": "l", "name": "", "profession": "medecin_generaliste", "limit": 1},
        headers=me,
    )
    assert r.status_code == 422  # a one-letter town is too short
    first = client.get("/v1/professionals", params={"name": "r", "town": "", "limit": 2}, headers=me)
    assert first.status_code == 422
    page1 = client.get("/v1/professionals", params={"profession": "medecin_generaliste", "limit": 1}, headers=me)
    assert page1.status_code == 200
    body1 = page1.json()
    assert [p["last_name"] for p in body1["items"]] == ["Durand"] and body1["next_offset"] == 1
    body2 = client.get(
        "/v1/professionals", params={"profession": "medecin_generaliste", "limit": 1, "offset": 1}, headers=me
    ).json()
    assert [p["last_name"] for p in body2["items"]] == ["Petit"] and body2["next_offset"] is None


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "search_too_short"),
        ({"name": "  d  "}, "search_too_short"),
        ({"profession": "sorcier"}, None),
        ({"name": "x" * 101}, None),
        ({"name": "durand", "limit": 51}, None),
        ({"name": "durand", "limit": 0}, None),
        ({"name": "durand", "offset": -1}, None),
    ],
)
def test_bad_search_input_is_a_422_problem(
    client: TestClient, me: dict[str, str], params: dict[str, object], code: str | None
) -> None:
    r = client.get("/v1/professionals", params=params, headers=me)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    if code is not None:
        assert r.json()["code"] == code


def test_search_needs_a_patient_session(client: TestClient, me: dict[str, str]) -> None:
    assert client.get("/v1/professionals", params={"name": "durand"}).status_code == 401


def test_search_is_rate_limited_per_account_with_retry_after(
    client: TestClient, me: dict[str, str], clock: ManualClock
) -> None:
    for _ in range(FREE - 1):
        _search(client, me, name="durand")
    r = client.get("/v1/professionals", params={"name": "durand"}, headers=me)
    assert r.status_code == 200  # the last free one counts, and locks the next ones for a while
    r = client.get("/v1/professionals", params={"name": "petit"}, headers=me)
    assert r.status_code == 429, r.text
    assert r.json()["code"] == "too_many_attempts"
    wait = int(r.headers["Retry-After"])
    assert wait > 0
    from datetime import timedelta

    clock.advance(timedelta(seconds=wait + 1))
    assert [p["last_name"] for p in _search(client, me, name="petit")] == ["Petit"]
