"""Login with password + e-mail code, tokens bound to devices, recovery, rate limiting (S29, S31, S33, S34, S37)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from server.accounts.models import Account
from server.clock import ManualClock
from server.config import Argon2Params
from server.context import ServiceContext
from server.security import PasswordHasher
from tests.support.service import PASSWORD, Flows, Mailbox, bearer


def test_two_factor_login_gives_tokens_and_password_alone_reaches_nothing(
    flows: Flows, client: TestClient, mailbox: Mailbox
) -> None:
    """S31: the password step yields only a challenge; health endpoints need the e-mailed code."""
    person = flows.active_person()
    r = flows.start_login(person)
    assert r.status_code == 202
    challenge = r.json()["challenge_id"]
    assert "access_token" not in r.json()
    assert client.get("/v1/me/dossier", headers={"Authorization": f"Bearer {challenge}"}).status_code == 401
    code = mailbox.last_otp(person.email)
    r = client.post("/v1/auth/verify", json={"challenge_id": challenge, "code": code, "device_name": "PC"})
    assert r.status_code == 200
    tokens = r.json()
    dossier = client.get("/v1/me/dossier", headers=bearer(tokens))
    assert dossier.status_code == 200 and dossier.json()["nir"] == person.nir
    assert "Server-Time" in dossier.headers


def test_wrong_password_and_unknown_identifier_look_the_same(flows: Flows, client: TestClient) -> None:
    person = flows.active_person()
    wrong = flows.start_login(person, password="Pas le bon mot de passe du tout")
    unknown = client.post("/v1/auth/login", json={"identifier": "personne.inconnue", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_login_code_is_single_use_and_expires(
    flows: Flows, client: TestClient, mailbox: Mailbox, clock: ManualClock
) -> None:
    person = flows.active_person()
    challenge = flows.start_login(person).json()["challenge_id"]
    code = mailbox.last_otp(person.email)
    body = {"challenge_id": challenge, "code": code, "device_name": "PC"}
    assert client.post("/v1/auth/verify", json=body).status_code == 200
    reused = client.post("/v1/auth/verify", json=body)
    assert reused.status_code == 400 and reused.json()["code"] == "code_invalid"
    challenge = flows.start_login(person).json()["challenge_id"]
    code = mailbox.last_otp(person.email)
    clock.advance(timedelta(minutes=11))
    expired = client.post("/v1/auth/verify", json={"challenge_id": challenge, "code": code, "device_name": "PC"})
    assert expired.status_code == 400 and expired.json()["code"] == "code_expired"


def test_login_code_dies_after_too_many_wrong_attempts(flows: Flows, client: TestClient, mailbox: Mailbox) -> None:
    person = flows.active_person()
    challenge = flows.start_login(person).json()["challenge_id"]
    code = mailbox.last_otp(person.email)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        r = client.post("/v1/auth/verify", json={"challenge_id": challenge, "code": wrong, "device_name": "PC"})
        assert r.status_code == 400
    r = client.post("/v1/auth/verify", json={"challenge_id": challenge, "code": code, "device_name": "PC"})
    assert r.status_code == 400 and r.json()["code"] == "code_invalid"


def test_brute_force_on_one_account_gets_429_with_retry_after_then_recovers(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    """S29: after 5 failures the account is locked progressively; the right password waits too."""
    person = flows.active_person()
    for _ in range(5):
        assert flows.start_login(person, password="mauvais mot de passe").status_code == 401
    locked = flows.start_login(person)
    assert locked.status_code == 429
    assert locked.json()["code"] == "too_many_attempts"
    assert int(locked.headers["Retry-After"]) == 60
    clock.advance(timedelta(seconds=61))
    assert flows.start_login(person, password="mauvais mot de passe").status_code == 401
    second = flows.start_login(person)
    assert second.status_code == 429 and int(second.headers["Retry-After"]) == 120  # progressive
    clock.advance(timedelta(seconds=121))
    assert flows.start_login(person).status_code == 202


def test_refresh_rotates_and_reuse_revokes_every_session_of_that_device_only(flows: Flows, client: TestClient) -> None:
    """S34: a replayed refresh token closes all sessions of its device; another device keeps working."""
    person = flows.active_person()
    laptop = flows.login(person, device_name="Portable")
    laptop_again = flows.login(person, device_name="Portable", device_id=laptop["device_id"])
    assert laptop_again["device_id"] == laptop["device_id"]
    desktop = flows.login(person, device_name="Fixe")
    rotated = client.post("/v1/auth/refresh", json={"refresh_token": laptop["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != laptop["refresh_token"] and new["device_id"] == laptop["device_id"]
    replay = client.post("/v1/auth/refresh", json={"refresh_token": laptop["refresh_token"]})
    assert replay.status_code == 401 and replay.json()["code"] == "refresh_token_reused"
    for tokens in (laptop, laptop_again, new):
        assert client.get("/v1/me", headers=bearer(tokens)).status_code == 401
    assert client.post("/v1/auth/refresh", json={"refresh_token": new["refresh_token"]}).status_code == 401
    assert client.get("/v1/me", headers=bearer(desktop)).status_code == 200


def test_access_token_expires_after_fifteen_minutes(flows: Flows, client: TestClient, clock: ManualClock) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    clock.advance(timedelta(minutes=15, seconds=1))
    assert client.get("/v1/me", headers=bearer(tokens)).status_code == 401
    refreshed = client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()
    assert client.get("/v1/me", headers=bearer(refreshed)).status_code == 200


def test_devices_are_listed_and_a_revoked_device_loses_its_tokens_at_once(flows: Flows, client: TestClient) -> None:
    person = flows.active_person()
    mine = flows.login(person, device_name="PC salon")
    other = flows.login(person, device_name="Tablette")
    listed = client.get("/v1/me/devices", headers=bearer(mine)).json()
    assert {d["name"] for d in listed} == {"PC salon", "Tablette"}
    assert [d["current"] for d in listed if d["name"] == "PC salon"] == [True]
    r = client.delete(f"/v1/me/devices/{other['device_id']}", headers=bearer(mine))
    assert r.status_code == 204
    assert_device_revoked(client.get("/v1/me", headers=bearer(other)))
    assert_device_revoked(client.post("/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}))
    assert client.get("/v1/me", headers=bearer(mine)).status_code == 200
    listed = client.get("/v1/me/devices", headers=bearer(mine)).json()
    assert [d["revoked"] for d in listed if d["name"] == "Tablette"] == [True]
    # Someone else's device id is "not found", never revocable.
    stranger = flows.login(flows.active_person())
    assert client.delete(f"/v1/me/devices/{mine['device_id']}", headers=bearer(stranger)).status_code == 404


def assert_device_revoked(response: Response) -> None:
    """The sync client (H5) relies on exactly this: 401, problem+json, code `device_revoked`, a French detail."""
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "device_revoked"
    assert body["detail"].startswith("Cet appareil a été retiré de votre compte")
    assert body["detail_en"].startswith("This device was removed from your account")


def test_revoked_device_is_told_apart_from_an_expired_or_closed_session(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    """S34: only a revoked device answers `device_revoked`; expiry, logout and reset keep the generic session errors."""
    person = flows.active_person()
    mine = flows.login(person, device_name="PC salon")
    other = flows.login(person, device_name="Tablette")
    spent = flows.login(person, device_name="Téléphone")
    assert client.post("/v1/auth/logout", headers=bearer(spent)).status_code == 204
    logged_out = client.get("/v1/me", headers=bearer(spent))
    assert logged_out.status_code == 401 and logged_out.json()["code"] == "unauthorized"
    refused = client.post("/v1/auth/refresh", json={"refresh_token": spent["refresh_token"]})
    assert refused.status_code == 401 and refused.json()["code"] == "refresh_token_invalid"
    garbage = client.get("/v1/me", headers={"Authorization": "Bearer pas-un-jeton"})
    assert garbage.status_code == 401 and garbage.json()["code"] == "unauthorized"

    assert client.delete(f"/v1/me/devices/{other['device_id']}", headers=bearer(mine)).status_code == 204
    # Every route that authenticates says so, and so does a refresh token even once expired.
    assert_device_revoked(client.get("/v1/me/devices", headers=bearer(other)))
    assert_device_revoked(client.get("/v1/me/dossier", headers=bearer(other)))
    clock.advance(timedelta(days=31))
    assert_device_revoked(client.get("/v1/me", headers=bearer(other)))
    assert_device_revoked(client.post("/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}))
    expired = client.get("/v1/me", headers=bearer(mine))
    assert expired.status_code == 401 and expired.json()["code"] == "unauthorized"
    # Signing in again on that device registers a new, live device: nothing of the revoked one comes back.
    again = flows.login(person, device_name="Tablette", device_id=other["device_id"])
    assert again["device_id"] != other["device_id"]
    assert client.get("/v1/me", headers=bearer(again)).status_code == 200


def test_last_seen_follows_use_of_the_device_at_a_few_minutes_granularity(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    """The devices list shows when each device was last used; one write every few minutes at most, not per request."""
    person = flows.active_person()
    tokens = flows.login(person)
    signed_in_at = clock.now()

    def last_seen() -> datetime:
        listed = client.get("/v1/me/devices", headers=bearer(tokens)).json()
        return datetime.fromisoformat(listed[0]["last_seen_at"])

    clock.advance(timedelta(minutes=1))
    assert client.get("/v1/me", headers=bearer(tokens)).status_code == 200
    assert last_seen() == signed_in_at
    clock.advance(timedelta(minutes=5))
    assert client.get("/v1/me", headers=bearer(tokens)).status_code == 200
    assert last_seen() == clock.now() == signed_in_at + timedelta(minutes=6)


def test_logout_closes_the_device_sessions(flows: Flows, client: TestClient) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    assert client.post("/v1/auth/logout", headers=bearer(tokens)).status_code == 204
    assert client.get("/v1/me", headers=bearer(tokens)).status_code == 401


def test_forgot_identifier_never_reveals_whether_an_account_exists(
    flows: Flows, client: TestClient, mailbox: Mailbox
) -> None:
    person = flows.active_person()
    known = client.post("/v1/recovery/identifier", json={"email": person.email})
    unknown = client.post("/v1/recovery/identifier", json={"email": "inconnu@example.org"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert person.identifier in mailbox.last_body(person.email)
    assert mailbox.to("inconnu@example.org") == []


def test_password_reset_revokes_every_session_and_unknown_identifiers_look_the_same(
    flows: Flows, client: TestClient, mailbox: Mailbox
) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    known = client.post("/v1/recovery/password", json={"identifier": person.identifier})
    unknown = client.post("/v1/recovery/password", json={"identifier": "personne.inconnue"})
    assert known.status_code == unknown.status_code == 202
    assert set(known.json()) == set(unknown.json())
    code = mailbox.last_otp(person.email)
    decoy = client.post(
        "/v1/recovery/password/confirm",
        json={
            "request_id": unknown.json()["request_id"],
            "code": code,
            "new_password": "Un tout autre mot de passe 9 fois",
        },
    )
    assert decoy.status_code == 400
    weak = client.post(
        "/v1/recovery/password/confirm",
        json={"request_id": known.json()["request_id"], "code": code, "new_password": "motdepasse"},
    )
    assert weak.status_code == 422
    code = mailbox.last_otp(person.email)
    known = client.post("/v1/recovery/password", json={"identifier": person.identifier})
    code = mailbox.last_otp(person.email)
    new_password = "Cerf-volant orange sous 3 nuages tièdes"
    r = client.post(
        "/v1/recovery/password/confirm",
        json={"request_id": known.json()["request_id"], "code": code, "new_password": new_password},
    )
    assert r.status_code == 204
    assert client.get("/v1/me", headers=bearer(tokens)).status_code == 401
    assert client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401
    assert flows.start_login(person).status_code == 401
    assert flows.start_login(person, password=new_password).status_code == 202


def test_password_hash_is_upgraded_at_login_when_parameters_change(flows: Flows, ctx: ServiceContext) -> None:
    """S33: rehash on login."""
    person = flows.active_person()
    with ctx.sessions() as session:
        before = session.scalars(select(Account.password_hash).where(Account.identifier == person.identifier)).one()
    ctx.hasher = PasswordHasher(Argon2Params(time_cost=2, memory_cost_kib=8192, parallelism=1))
    assert flows.start_login(person).status_code == 202
    with ctx.sessions() as session:
        after = session.scalars(select(Account.password_hash).where(Account.identifier == person.identifier)).one()
    assert before.startswith("$argon2id$") and after.startswith("$argon2id$")
    assert "t=1" in before and "t=2" in after


class CountingHasher(PasswordHasher):
    """pwdlib's hasher, counting how many Argon2 verifications ran."""

    verifications = 0

    def verify(self, password: str, stored: str | None) -> tuple[bool, str | None]:
        CountingHasher.verifications += 1
        return super().verify(password, stored)


def test_unknown_identifier_still_runs_a_password_verification(
    flows: Flows, client: TestClient, ctx: ServiceContext
) -> None:
    """S33: dummy verification for unknown logins (no timing oracle)."""
    ctx.hasher = CountingHasher(Argon2Params(time_cost=1, memory_cost_kib=8192, parallelism=1))
    CountingHasher.verifications = 0
    assert (
        client.post("/v1/auth/login", json={"identifier": "personne.inconnue", "password": PASSWORD}).status_code == 401
    )
    assert CountingHasher.verifications == 1


def test_logs_never_contain_passwords_codes_or_tokens(
    flows: Flows, client: TestClient, mailbox: Mailbox, caplog: pytest.LogCaptureFixture
) -> None:
    """S37: sentinel secrets are absent from every log record; mail logs mask the address."""
    caplog.set_level(logging.DEBUG)
    person = flows.provision()
    flows.activate(person)
    tokens = flows.login(person)
    client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    flows.start_login(person, password="Sentinelle-Secrete-123456")
    client.get("/v1/me/dossier", headers=bearer(tokens))
    # aiosmtpd's own "mail.log" is the test's SMTP server, which by nature sees the message bodies.
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))
    codes = [flows.mailbox.last_otp(person.email)]
    for secret in [
        PASSWORD,
        "Sentinelle-Secrete-123456",
        tokens["access_token"],
        tokens["refresh_token"],
        person.activation_code,
        person.nir,
        person.email,
        *codes,
    ]:
        assert secret not in logged
    assert "z***@example.org" in logged


def test_professional_enrols_and_logs_in_with_password_and_code(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    from server.professionals.service import NewProfessional, add_professional

    with ctx.sessions() as session:
        _pro, created = add_professional(
            session, ctx, NewProfessional("10000000009", "Médecin", "Durand", "Anne", "anne.durand@example.org")
        )
        session.commit()
    assert created
    import re

    code = re.search(r"enrôlement \(usage unique\) : ([A-Z0-9]{12})", mailbox.last_body("anne.durand@example.org"))
    assert code
    bad = client.post(
        "/v1/pro/enrolment", json={"rpps": "10000000009", "enrolment_code": "ABCDEFGHJKLM", "password": PASSWORD}
    )
    assert bad.status_code == 400
    ok = client.post(
        "/v1/pro/enrolment", json={"rpps": "10000000009", "enrolment_code": code.group(1), "password": PASSWORD}
    )
    assert ok.status_code == 204
    r = client.post("/v1/pro/auth/login", json={"rpps": "10000000009", "password": PASSWORD})
    assert r.status_code == 202
    otp = mailbox.last_otp("anne.durand@example.org")
    # A professional's challenge cannot be completed on the patient endpoint.
    assert (
        client.post(
            "/v1/auth/verify", json={"challenge_id": r.json()["challenge_id"], "code": otp, "device_name": "Cabinet"}
        ).status_code
        == 401
    )
    r = client.post("/v1/pro/auth/login", json={"rpps": "10000000009", "password": PASSWORD})
    otp = mailbox.last_otp("anne.durand@example.org")
    tokens = client.post(
        "/v1/pro/auth/verify", json={"challenge_id": r.json()["challenge_id"], "code": otp, "device_name": "Cabinet"}
    ).json()
    me = client.get("/v1/pro/me", headers=bearer(tokens))
    assert me.status_code == 200 and me.json()["rpps"] == "10000000009"
    # A professional token does not open patient endpoints.
    assert client.get("/v1/me/dossier", headers=bearer(tokens)).status_code == 403


def test_password_change_needs_the_current_one_and_closes_other_devices(flows: Flows, client: TestClient) -> None:
    """S30/S34: change on suspicion of compromise; the other devices' sessions die, this one stays."""
    person = flows.active_person()
    here = flows.login(person, device_name="Ici")
    elsewhere = flows.login(person, device_name="Ailleurs")
    new_password = "Cerf-volant orange sous 3 nuages tièdes"
    wrong = client.post(
        "/v1/me/password",
        json={"current_password": "pas le bon", "new_password": new_password},
        headers=bearer(here),
    )
    assert wrong.status_code == 401
    weak = client.post(
        "/v1/me/password", json={"current_password": PASSWORD, "new_password": "azerty"}, headers=bearer(here)
    )
    assert weak.status_code == 422
    ok = client.post(
        "/v1/me/password", json={"current_password": PASSWORD, "new_password": new_password}, headers=bearer(here)
    )
    assert ok.status_code == 204
    assert client.get("/v1/me", headers=bearer(elsewhere)).status_code == 401
    assert client.post("/v1/auth/refresh", json={"refresh_token": elsewhere["refresh_token"]}).status_code == 401
    assert client.get("/v1/me", headers=bearer(here)).status_code == 200
    assert flows.start_login(person, password=new_password).status_code == 202
