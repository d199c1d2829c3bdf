"""A session right after activation: the e-mailed activation code proves the mailbox, so no second code (S31, S34)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from server.accounts.helper_models import Helper
from server.accounts.models import Device
from server.audit.models import AuditEvent
from server.context import ServiceContext
from tests.support.helper_accounts import HelperAccount, helper_tokens, register_helper
from tests.support.service import PASSWORD, Flows, Mailbox, Person, bearer

SYNC = {"Carnet-Sync-Protocol": "1"}


def _start(client: TestClient, person: Person, identifier: str, headers: dict[str, str] | None = None) -> str:
    person.identifier = identifier
    body = {**person.proof(), "identifier": identifier, "password": PASSWORD}
    r = client.post("/v1/activation", json=body, headers=headers or {})
    assert r.status_code == 202, r.text
    return str(r.json()["activation_id"])


def _confirm(client: TestClient, activation_id: str, code: str, headers: dict[str, str] | None = None, **extra: Any):  # type: ignore[no-untyped-def]
    return client.post(
        "/v1/activation/confirm", json={"activation_id": activation_id, "code": code, **extra}, headers=headers or {}
    )


def test_activation_with_a_device_opens_a_session_that_reaches_me_and_sync_S31(
    flows: Flows, client: TestClient, mailbox: Mailbox, ctx: ServiceContext
) -> None:
    person = flows.provision()
    activation_id = _start(client, person, "zoe.session")
    mails_before = len(mailbox.to(person.email))
    device_id = str(uuid.uuid4())
    r = _confirm(client, activation_id, mailbox.last_otp(person.email), device_id=device_id, device_name="PC salon")
    assert r.status_code == 200, r.text
    done = r.json()
    tokens = done["tokens"]
    assert tokens["token_type"] == "bearer" and tokens["expires_in"] > 0
    assert tokens["device_id"] == device_id  # the id the client generated is the one registered
    assert len(mailbox.to(person.email)) == mails_before  # no second code was mailed
    me = client.get("/v1/me", headers=bearer(tokens))
    assert me.status_code == 200, me.text
    assert me.json()["identifier"] == "zoe.session" and me.json()["device_id"] == device_id
    assert me.json()["dossier_id"] == done["dossier_id"] and me.json()["space_status"] == "active"
    body = {"client_id": str(uuid.uuid4()), "dossiers": {done["dossier_id"]: None}}
    pull = client.post("/v1/sync/pull", headers={**bearer(tokens), **SYNC}, json=body)
    assert pull.status_code == 200, pull.text
    assert pull.json()["dossiers"][0]["state"] == "ok"
    devices = client.get("/v1/me/devices", headers=bearer(tokens)).json()
    assert [(d["id"], d["name"], d["current"]) for d in devices] == [(device_id, "PC salon", True)]
    with ctx.sessions() as session:
        signed_in = session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.login.success")).all()
    assert [str(e.device_id) for e in signed_in] == [device_id]  # audited as a login on that device


def test_the_activation_refresh_token_rotates_and_its_replay_closes_the_device_S34(
    flows: Flows, client: TestClient, mailbox: Mailbox
) -> None:
    person = flows.provision()
    activation_id = _start(client, person, "zoe.rotation")
    code = mailbox.last_otp(person.email)
    tokens = _confirm(client, activation_id, code, device_id=str(uuid.uuid4()), device_name="Portable").json()["tokens"]
    rotated = client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()
    assert new["device_id"] == tokens["device_id"] and new["refresh_token"] != tokens["refresh_token"]
    assert client.get("/v1/me", headers=bearer(new)).status_code == 200
    replay = client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert replay.status_code == 401 and replay.json()["code"] == "refresh_token_reused"
    assert client.get("/v1/me", headers=bearer(new)).status_code == 401


def test_without_a_device_the_activation_opens_no_session_as_before(
    flows: Flows, client: TestClient, mailbox: Mailbox, ctx: ServiceContext
) -> None:
    person = flows.provision()
    activation_id = _start(client, person, "zoe.sans.appareil")
    r = _confirm(client, activation_id, mailbox.last_otp(person.email))
    assert r.status_code == 200, r.text
    assert r.json()["tokens"] is None and r.json()["identifier"] == "zoe.sans.appareil"
    with ctx.sessions() as session:
        assert session.scalars(select(Device)).all() == []
    assert flows.login(person)["access_token"]  # the usual login still works afterwards


def test_a_replayed_confirmation_is_refused_and_opens_no_second_session(
    flows: Flows, client: TestClient, mailbox: Mailbox, ctx: ServiceContext
) -> None:
    person = flows.provision()
    activation_id = _start(client, person, "zoe.rejeu")
    code = mailbox.last_otp(person.email)
    assert _confirm(client, activation_id, code, device_id=str(uuid.uuid4()), device_name="PC").status_code == 200
    replay = _confirm(client, activation_id, code, device_id=str(uuid.uuid4()), device_name="Autre PC")
    assert replay.status_code == 400 and replay.json()["code"] == "code_invalid"
    assert "tokens" not in replay.json()
    with ctx.sessions() as session:
        assert [d.name for d in session.scalars(select(Device))] == ["PC"]


def test_a_wrong_code_opens_nothing_and_the_right_one_still_works(
    flows: Flows, client: TestClient, mailbox: Mailbox
) -> None:
    person = flows.provision()
    activation_id = _start(client, person, "zoe.erreur")
    code = mailbox.last_otp(person.email)
    wrong = "000000" if code != "000000" else "111111"
    refused = _confirm(client, activation_id, wrong, device_id=str(uuid.uuid4()), device_name="PC")
    assert refused.status_code == 400 and refused.json()["code"] == "code_invalid"
    ok = _confirm(client, activation_id, code, device_id=str(uuid.uuid4()), device_name="PC")
    assert ok.status_code == 200 and ok.json()["tokens"]["access_token"]


def test_a_device_name_without_a_device_id_is_refused_clearly_and_keeps_the_code_usable(
    flows: Flows, client: TestClient, mailbox: Mailbox
) -> None:
    person = flows.provision()
    activation_id = _start(client, person, "zoe.nom.seul")
    code = mailbox.last_otp(person.email)
    refused = _confirm(client, activation_id, code, device_name="PC")
    assert refused.status_code == 422
    assert [i["field"] for i in refused.json()["issues"]] == ["device_name"]
    assert _confirm(client, activation_id, code, device_id=str(uuid.uuid4())).json()["tokens"]["access_token"]


def test_someone_elses_device_id_is_not_taken_over(flows: Flows, client: TestClient, mailbox: Mailbox) -> None:
    owner = flows.login(flows.active_person(), device_name="PC de Paul")
    person = flows.provision()
    activation_id = _start(client, person, "zoe.intruse")
    tokens = _confirm(
        client, activation_id, mailbox.last_otp(person.email), device_id=owner["device_id"], device_name="PC"
    ).json()["tokens"]
    assert tokens["device_id"] != owner["device_id"]  # a new device of her own
    assert client.get("/v1/me", headers=bearer(owner)).status_code == 200  # the owner's session is untouched


def test_an_assisted_activation_records_the_helper_on_the_session_it_opens_S32(
    flows: Flows, client: TestClient, mailbox: Mailbox, ctx: ServiceContext
) -> None:
    register_helper(ctx, mailbox, client, HelperAccount("amelie@fs-bayeux.example.org", "France Services Bayeux"))
    helper = {"Carnet-Helper-Token": helper_tokens(client, mailbox, "amelie@fs-bayeux.example.org")["access_token"]}
    person = flows.provision()
    activation_id = _start(client, person, "zoe.aidee", headers=helper)
    code = mailbox.last_otp(person.email)
    r = _confirm(client, activation_id, code, headers=helper, device_id=str(uuid.uuid4()), device_name="Séance")
    assert r.status_code == 200, r.text
    with ctx.sessions() as session:
        amelie = session.scalars(select(Helper)).one()
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(("space.activated", "auth.login.success")))
        ).all()
        rows = [e for e in rows if e.actor_role == "patient"]
    assert {(e.action, e.assisted_by) for e in rows} == {
        ("space.activated", f"{amelie.id}|{amelie.organisation_id}"),  # S51: the helper's account, not free text
        ("auth.login.success", f"{amelie.id}|{amelie.organisation_id}"),
    }
