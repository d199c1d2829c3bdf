"""Professionals sign in through a real OpenID Connect provider (the OpenID-certified `oidc-provider`, under Node, on
loopback): authorization code + PKCE S256, ID token checked, RPPS claim matched, a Carnet session opened (issue 18).

Every refusal is checked too: unknown or replayed or expired state, a nonce or a PKCE challenge swapped in the
authorization URL, an expired ID token, a forged signature, an unknown RPPS, no RPPS at all, the feature off.
"""

from __future__ import annotations

import argparse
import dataclasses
import secrets
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import RSAKey
from sqlalchemy import select

from server.accounts import oidc
from server.accounts.oidc_models import OidcLogin
from server.audit.models import AuditEvent
from server.cli import settings_from_args
from server.clock import ManualClock
from server.config import OidcSettings, Settings
from server.context import ServiceContext
from server.professionals.service import NewProfessional, add_professional
from tests.support.oidc_provider import RunningProvider, running_provider, sign_in_at_provider
from tests.support.service import bearer

RPPS = "10000000017"  # dr-martin's SubjectNameID at the provider is "8" + this


@pytest.fixture(scope="module")
def provider() -> Iterator[RunningProvider]:
    with running_provider() as running:
        yield running


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))  # the provider's tokens carry real times


@pytest.fixture
def settings(settings: Settings, provider: RunningProvider) -> Settings:
    settings.oidc = OidcSettings(
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        redirect_uri=provider.redirect_uri,
    )
    return settings


@pytest.fixture
def martin(ctx: ServiceContext) -> None:
    with ctx.sessions() as session:
        add_professional(session, ctx, NewProfessional(RPPS, "Médecin généraliste", "Martin", "Alex", "m@cab.example"))
        session.commit()


def start(client: TestClient) -> dict[str, Any]:
    r = client.get("/v1/pro/auth/oidc/start")
    assert r.status_code == 200, r.text
    return dict(r.json())


def callback(client: TestClient, answer: dict[str, str], state: str | None = None) -> Any:
    body = {"code": answer["code"], "state": state or answer["state"], "device_name": "Cabinet"}
    return client.post("/v1/pro/auth/oidc/callback", json=body)


def with_param(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()} | changes
    return parts._replace(query=urlencode(query)).geturl()


def audited(ctx: ServiceContext, prefix: str) -> list[str]:
    with ctx.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.action.startswith(prefix))).all()
    return list(actions)


def assert_refused(r: Any, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["code"] == code
    assert body["detail"] and body["detail_en"] and body["detail"] != body["detail_en"]  # French and English
    assert "access_token" not in body


def test_sign_in_with_the_provider_opens_a_professional_session(
    client: TestClient, ctx: ServiceContext, provider: RunningProvider, martin: None
) -> None:
    started = start(client)
    query = parse_qs(urlsplit(started["authorization_url"]).query)
    assert started["authorization_url"].startswith(provider.issuer)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["state"] == [started["state"]] and query["nonce"][0] and query["client_id"] == [provider.client_id]
    assert started["redirect_uri"] == provider.redirect_uri
    with ctx.sessions() as session:  # the state is kept hashed; the verifier never leaves the service
        row = session.scalars(select(OidcLogin)).one()
        assert row.state_hash != started["state"] and row.code_verifier not in started["authorization_url"]

    answer = sign_in_at_provider(started["authorization_url"], "dr-martin", provider.redirect_uri)
    assert answer["state"] == started["state"]
    r = callback(client, answer)
    assert r.status_code == 200, r.text
    me = client.get("/v1/pro/me", headers=bearer(r.json()))
    assert me.status_code == 200, me.text
    assert me.json()["rpps"] == RPPS and me.json()["last_name"] == "Martin"
    assert me.json()["device_id"] == r.json()["device_id"]
    refreshed = client.post("/v1/auth/refresh", json={"refresh_token": r.json()["refresh_token"]})
    assert refreshed.status_code == 200, refreshed.text
    assert audited(ctx, "auth.login.success") == ["auth.login.success"]

    # the same code and state again: the state is spent
    assert_refused(callback(client, answer), 400, "oidc_state_replayed")
    assert audited(ctx, "auth.oidc.refused") == ["auth.oidc.refused.state_replayed"]


def test_unknown_state_is_refused(client: TestClient, ctx: ServiceContext, provider: RunningProvider) -> None:
    start(client)
    assert_refused(callback(client, {"code": "x" * 20, "state": secrets.token_urlsafe(32)}), 400, "oidc_state_invalid")
    assert audited(ctx, "auth.oidc.refused") == ["auth.oidc.refused.state_invalid"]


def test_expired_state_is_refused(
    client: TestClient, ctx: ServiceContext, clock: ManualClock, provider: RunningProvider, martin: None
) -> None:
    started = start(client)
    answer = sign_in_at_provider(started["authorization_url"], "dr-martin", provider.redirect_uri)
    clock.advance(timedelta(minutes=11))
    assert_refused(callback(client, answer), 400, "oidc_state_expired")


def test_unknown_rpps_and_missing_claim_open_no_session(
    client: TestClient, ctx: ServiceContext, provider: RunningProvider, martin: None
) -> None:
    started = start(client)
    answer = sign_in_at_provider(started["authorization_url"], "dr-inconnu", provider.redirect_uri)
    assert_refused(callback(client, answer), 403, "oidc_professional_unknown")
    started = start(client)
    answer = sign_in_at_provider(started["authorization_url"], "sans-rpps", provider.redirect_uri)
    assert_refused(callback(client, answer), 403, "oidc_rpps_missing")
    assert audited(ctx, "auth.login.success") == []
    assert audited(ctx, "auth.oidc.refused") == [
        "auth.oidc.refused.professional_unknown",
        "auth.oidc.refused.rpps_missing",
    ]


def test_a_code_obtained_for_another_nonce_is_refused(
    client: TestClient, ctx: ServiceContext, provider: RunningProvider, martin: None
) -> None:
    started = start(client)
    swapped = with_param(started["authorization_url"], nonce=secrets.token_urlsafe(32))
    answer = sign_in_at_provider(swapped, "dr-martin", provider.redirect_uri)
    assert_refused(callback(client, answer), 401, "oidc_nonce_mismatch")
    assert audited(ctx, "auth.login.success") == []


def test_a_code_obtained_for_another_pkce_challenge_is_refused(
    client: TestClient, provider: RunningProvider, martin: None
) -> None:
    started = start(client)
    other_verifier = secrets.token_urlsafe(48)
    swapped = with_param(started["authorization_url"], code_challenge=create_s256_code_challenge(other_verifier))
    answer = sign_in_at_provider(swapped, "dr-martin", provider.redirect_uri)
    assert_refused(callback(client, answer), 400, "oidc_code_refused")


def test_an_expired_id_token_is_refused(
    client: TestClient, settings: Settings, clock: ManualClock, provider: RunningProvider, martin: None
) -> None:
    assert settings.oidc is not None
    settings.oidc = dataclasses.replace(settings.oidc, state_ttl=timedelta(days=1))
    started = start(client)
    answer = sign_in_at_provider(started["authorization_url"], "dr-martin", provider.redirect_uri)
    clock.advance(timedelta(hours=2))  # the provider's ID tokens live one hour
    assert_refused(callback(client, answer), 401, "oidc_token_expired")


def test_an_id_token_not_signed_by_the_provider_is_refused(settings: Settings, provider: RunningProvider) -> None:
    assert settings.oidc is not None
    now = int(time.time())
    claims = {"iss": provider.issuer, "aud": provider.client_id, "sub": "dr-martin", "iat": now, "exp": now + 600}
    forged = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims | {"nonce": "n"}, RSAKey.generate_key(2048))
    with pytest.raises(oidc._Refused) as refused:
        oidc.check_id_token(forged, settings.oidc, nonce="n", now=datetime.now(UTC))
    assert refused.value.code == "oidc_token_invalid"


def test_rpps_claim_values() -> None:
    assert oidc.rpps_of("810000000017") == RPPS == oidc.rpps_of(RPPS)
    assert oidc.rpps_of("810000000018") is None and oidc.rpps_of("abc") is None and oidc.rpps_of(None) is None


def test_off_by_default(client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "oidc", None)
    assert_refused(client.get("/v1/pro/auth/oidc/start"), 404, "oidc_disabled")
    r = client.post("/v1/pro/auth/oidc/callback", json={"code": "c", "state": "s", "device_name": "Cabinet"})
    assert_refused(r, 404, "oidc_disabled")


def test_serve_reads_the_oidc_settings_and_refuses_incomplete_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    args = argparse.Namespace(data_dir=str(tmp_path), database_url=None)
    assert settings_from_args(args).oidc is None  # off by default
    monkeypatch.setenv("CARNET_SERVER_OIDC_ISSUER", "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet")
    monkeypatch.setenv("CARNET_SERVER_OIDC_CLIENT_ID", "carnet")
    monkeypatch.setenv("CARNET_SERVER_OIDC_REDIRECT_URI", "http://127.0.0.1:8765/oidc/callback")
    with pytest.raises(SystemExit, match="client_secret"):
        settings_from_args(args)
    monkeypatch.setenv("CARNET_SERVER_OIDC_CLIENT_SECRET", "s3cret-value")
    conf = settings_from_args(args).oidc
    assert conf is not None and conf.rpps_claim == "SubjectNameID" and conf.scope == "openid scope_all"
    assert "s3cret-value" not in repr(conf)
    monkeypatch.setenv("CARNET_SERVER_OIDC_ISSUER", "http://idp.example.org")
    with pytest.raises(SystemExit, match="https"):
        settings_from_args(args)
