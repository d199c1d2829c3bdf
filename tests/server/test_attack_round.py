"""Issue 15 (attack round), service findings 7, 6, 9 and 10, replayed against the real service over loopback HTTP.

New checklist ids (S41–S44) are listed in docs/SECURITY.md.
"""

from __future__ import annotations

import contextlib
import socket
import time
import uuid
from typing import Any

import httpx
import pytest

from server.config import Settings
from server.context import ServiceContext
from tests.support.hardening import SYNC, served, upload_document
from tests.support.service import Flows, Mailbox, bearer


@pytest.fixture
def http(settings: Settings, ctx: ServiceContext) -> Any:
    with served(settings, ctx) as client:
        yield client


@pytest.fixture
def live_flows(http: httpx.Client, ctx: ServiceContext, mailbox: Mailbox) -> Flows:
    return Flows(http, ctx, mailbox)  # type: ignore[arg-type] # httpx.Client speaks TestClient's API


# ---------------------------------------------------------------- finding 7: malformed input, oversized headers (S41)


def _push_body(dossier_id: uuid.UUID | None, name_json: str) -> bytes:
    """A push body written by hand: `name_json` goes in verbatim (json.dumps would escape the backslashes)."""
    mutation = (
        f'{{"mutation_id": "{uuid.uuid4()}", "client_seq": 1, "entity": "entry", "entity_id": "{uuid.uuid4()}",'
        f' "kind": "allergy", "op": "create", "base_version": 0, "changes": {{"name": [null, {name_json}]}}}}'
    )
    return (
        f'{{"client_id": "{uuid.uuid4()}", "stream_id": "{uuid.uuid4()}", "dossier_id": "{dossier_id}",'
        f' "mutations": [{mutation}]}}'
    ).encode()


def test_a_lone_surrogate_in_a_pushed_entry_is_a_problem_not_a_500(live_flows: Flows, http: httpx.Client) -> None:
    """S41: `"\\ud800"` is valid JSON syntax but no Unicode text: refused with a problem code, nothing stored."""
    person = live_flows.active_person()
    headers = {**bearer(live_flows.login(person)), "Content-Type": "application/json", "Carnet-Sync-Protocol": "1"}
    for bad in ('"\\ud800"', '"ok \\udfff"', '"\\ud800\\u0041"'):
        r = http.post("/v1/sync/push", content=_push_body(person.dossier_id, bad), headers=headers)
        assert r.status_code in (400, 422), (bad, r.status_code, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["code"] == "invalid_unicode" and r.json()["detail"]
    # A real pair (an emoji written as two escapes) and plain text still go through.
    r = http.post("/v1/sync/push", content=_push_body(person.dossier_id, '"\\ud83d\\ude00 \\\\ud800"'), headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["status"] == "applied"


def _raw_request(port: int, head: bytes) -> bytes:
    """Send a request head on a plain socket and read what comes back until the server closes or 5 s pass."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head)  # the server may close while the head is still coming: then read its answer
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and b"connection: close" not in answer.lower():
                    break
        except (TimeoutError, ConnectionResetError):
            pass
        return answer


def _port(http: httpx.Client) -> int:
    port = http.base_url.port
    assert port is not None
    return port


@pytest.mark.parametrize("size", [64 * 1024, 1024 * 1024, 8 * 1024 * 1024])
def test_oversized_headers_are_refused_while_they_arrive(http: httpx.Client, size: int) -> None:
    """S41: one huge header gets a 431 (no longer a 200) after at most the cap plus one read, on a real socket."""
    head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * size + b"\r\n\r\n"
    answer = _raw_request(_port(http), head)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert b'"code": "headers_too_large"' in answer
    assert http.get("/health").status_code == 200  # the service goes on


def test_too_many_headers_are_refused(http: httpx.Client) -> None:
    many = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
    answer = _raw_request(_port(http), b"GET /health HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    # An ordinary request with a few dozen headers and a long token is fine.
    headers = {f"X-Custom-{i}": "v" * 100 for i in range(40)} | {"Authorization": "Bearer " + "t" * 2000}
    assert http.get("/health", headers=headers).status_code == 200


def test_a_body_whose_end_arrives_in_one_large_read_is_not_taken_for_a_head(http: httpx.Client) -> None:
    """The head cap counts head bytes only: a body's last 50 kB arriving in one read (a document chunk, a large
    push) was counted as the next head's and refused with a 431 (found running `carnet-server serve` nodes, issue 22).
    """
    body = b'{"identifier": "' + b"a" * 50_000 + b'", "password": "x"}'
    head = b"POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    with socket.create_connection(("127.0.0.1", _port(http)), timeout=10) as sock:
        sock.sendall(head % len(body))
        time.sleep(0.3)  # the head is read on its own; the whole body comes in the next read
        sock.sendall(body)
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 422 "), answer[:300]  # the route's own answer (too long), not a 431


# ---------------------------------------------------------------- finding 6: forwarded addresses, per-space throttle


def _failed_logins(http: httpx.Client, count: int) -> list[int]:
    return [
        http.post(
            "/v1/auth/login",
            json={"identifier": f"inconnu.{i:03d}", "password": "x"},
            headers={"X-Forwarded-For": f"203.0.113.{i}"},
        ).status_code
        for i in range(count)
    ]


def test_a_spoofed_x_forwarded_for_does_not_escape_the_address_throttle(http: httpx.Client) -> None:
    """S42 (with S29): without --trusted-proxies no forwarding header is believed, even from localhost."""
    statuses = _failed_logins(http, 31)
    assert statuses[:30] == [401] * 30 and statuses[30] == 429


def test_wrong_proofs_aimed_at_one_space_from_many_addresses_lock_that_space(
    http: httpx.Client, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    """S29: a per-space counter across addresses; each attempt really comes from its own loopback address."""
    flows = Flows(http, ctx, mailbox)  # type: ignore[arg-type]
    person, other = flows.provision(), flows.provision()

    def oppose(proof: dict[str, str], source: str) -> httpx.Response:
        transport = httpx.HTTPTransport(local_address=source)
        with httpx.Client(base_url=http.base_url, transport=transport, timeout=30) as client:
            return client.post("/v1/spaces/opposition", json=proof)

    statuses = [oppose(person.proof(carte_vitale_serial=f"{90000000 + i}"), f"127.0.0.{i + 2}") for i in range(11)]
    assert [r.status_code for r in statuses[:10]] == [400] * 10
    assert statuses[10].status_code == 429 and int(statuses[10].headers["Retry-After"]) > 0
    assert oppose(person.proof(), "127.0.1.1").status_code == 429  # the right proof waits too
    assert oppose(other.proof(), "127.0.1.2").status_code == 200  # another space is not affected


def test_a_named_proxy_is_believed(settings: Settings, ctx: ServiceContext) -> None:
    """S42: with --trusted-proxies (here the loopback proxy) each forwarded client has its own counter."""
    settings.trusted_proxies = ("127.0.0.1",)
    with served(settings, ctx) as http:
        assert 429 not in _failed_logins(http, 31)


def test_trusted_proxies_from_the_command_line_or_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from server.cli import build_parser, settings_from_args

    args = build_parser().parse_args(["serve", "--data-dir", "/tmp/x", "--trusted-proxies", "10.0.0.1, 10.0.0.2"])
    assert settings_from_args(args).trusted_proxies == ("10.0.0.1", "10.0.0.2")
    monkeypatch.setenv("CARNET_SERVER_TRUSTED_PROXIES", "192.0.2.7")
    assert settings_from_args(build_parser().parse_args(["serve"])).trusted_proxies == ("192.0.2.7",)
    monkeypatch.delenv("CARNET_SERVER_TRUSTED_PROXIES")
    assert settings_from_args(build_parser().parse_args(["serve"])).trusted_proxies == ()


# ---------------------------------------------------------------- finding 9: no who-has-a-space oracle (S43)


def test_heirs_request_answers_the_same_for_no_space_and_for_a_living_person(
    live_flows: Flows, http: httpx.Client
) -> None:
    from tests.support.service import make_nir

    living = live_flows.active_person()
    asker = bearer(live_flows.login(live_flows.active_person()))

    def ask(nir: str) -> httpx.Response:
        body = {"nir": nir, "relationship": "heir", "purpose": "cause_of_death", "justification": "Je suis sa fille."}
        return http.post("/v1/heir-access-requests", headers=asker, json=body)

    alive, nobody = ask(living.nir), ask(make_nir(9997))
    assert (alive.status_code, alive.headers["content-type"]) == (nobody.status_code, nobody.headers["content-type"])
    assert alive.json() == nobody.json() and alive.content == nobody.content
    assert alive.status_code == 404 and alive.json()["code"] == "no_deceased_space"


# ---------------------------------------------------------------- finding 10: hygiene (S44, S34)


def test_health_data_and_blob_answers_are_neither_cached_nor_sniffed(live_flows: Flows, http: httpx.Client) -> None:
    person = live_flows.active_person()
    assert person.dossier_id
    me = bearer(live_flows.login(person))
    digest = upload_document(http, me, person.dossier_id, b"%PDF-1.4 compte rendu <script>alert(1)</script>")
    blob = http.get(f"/v1/sync/blobs/{person.dossier_id}/{digest}", headers={**me, **SYNC})
    assert blob.status_code == 200 and blob.content.startswith(b"%PDF")
    pull = http.post(
        "/v1/sync/pull",
        headers={**me, **SYNC},
        json={"client_id": str(uuid.uuid4()), "dossiers": {str(person.dossier_id): None}},
    )
    sample = {
        "blob": blob,
        "pull": pull,
        "me": http.get("/v1/me", headers=me),
        "dossier": http.get("/v1/me/dossier", headers=me),
        "care history": http.get("/v1/me/care-history", headers=me),
        "access history": http.get("/v1/me/access/history", headers=me),
        "unauthenticated": http.get("/v1/me/dossier"),
        "not found": http.get("/v1/nowhere"),
        "too large": http.post(
            "/v1/auth/login", content=b"x" * (70 * 1024), headers={"Content-Type": "application/json"}
        ),
    }
    statuses = {name: r.status_code for name, r in sample.items()}
    assert statuses == {
        "blob": 200, "pull": 200, "me": 200, "dossier": 200, "care history": 200, "access history": 200,
        "unauthenticated": 401, "not found": 404, "too large": 413,
    }  # fmt: skip
    for name, r in sample.items():
        assert r.headers.get("cache-control") == "no-store", (name, r.status_code, dict(r.headers))
        assert r.headers.get("x-content-type-options") == "nosniff", (name, r.status_code)


def test_api_docs_are_off_unless_dev(settings: Settings, ctx: ServiceContext, http: httpx.Client) -> None:
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert http.get(path).status_code == 404, path
    settings.dev = True
    with served(settings, ctx) as dev:
        assert dev.get("/openapi.json").json()["paths"]
        assert dev.get("/docs").status_code == 200 and dev.get("/redoc").status_code == 200


def test_an_access_token_stops_working_once_refreshed_or_signed_out(live_flows: Flows, http: httpx.Client) -> None:
    """S34: the old access token is refused right after a refresh, the new one after logout."""
    person = live_flows.active_person()
    first = live_flows.login(person)
    assert http.get("/v1/me", headers=bearer(first)).status_code == 200
    r = http.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 200, r.text
    second = r.json()
    assert http.get("/v1/me", headers=bearer(first)).status_code == 401
    assert http.get("/v1/me/dossier", headers=bearer(first)).status_code == 401
    assert http.get("/v1/me", headers=bearer(second)).status_code == 200
    assert http.post("/v1/auth/logout", headers=bearer(second)).status_code == 204
    assert http.get("/v1/me", headers=bearer(second)).status_code == 401
