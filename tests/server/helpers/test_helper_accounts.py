"""Issue 15, finding 2: the helper of an assisted session is an account of their own (S51-S53).

Registered by their organisation (admin command, or the organisation's manager), signing in with their own password
and mailed code; the assisted session presents the helper's token beside the patient's session, and the audit names
the helper's account and organisation — never the free text a request carries (S32, S51)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.accounts.helper_models import Helper, HelperOrganisation
from server.audit.models import AuditEvent
from server.audit.service import verify
from server.cli import EXIT_BAD_INPUT, main
from server.context import ServiceContext
from tests.support.helper_accounts import HelperAccount, enrolment_code, helper_tokens, register_helper
from tests.support.service import PASSWORD, Flows, Mailbox, bearer

AMELIE = HelperAccount("amelie.durand@fs-bayeux.example.org", "France Services Bayeux")
OMAR = HelperAccount("omar.k@pharmacie-lys.example.org", "Pharmacie du Lys", first_names="Omar", last_name="Kaci")
SETTINGS = {"samu": True, "other_professionals": False, "masked_documents": False}


def _helper(token: dict[str, object]) -> dict[str, str]:
    return {"Carnet-Helper-Token": str(token["access_token"])}


def _assisted_rows(ctx: ServiceContext) -> list[AuditEvent]:
    with ctx.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.assisted_by.is_not(None))))


def _ids(ctx: ServiceContext, email: str) -> str:
    with ctx.sessions() as session:
        helper = session.scalars(select(Helper).where(Helper.email == email)).one()
        return f"{helper.id}|{helper.organisation_id}"


@pytest.mark.parametrize(
    "forged",
    [
        "Am%C3%A9lie Durand|France Services Bayeux",  # what the client used to send
        "Docteur%0AHouse|H%C3%B4pital%1B[31m",  # control characters, percent-encoded
        "x" * 300,
    ],
)
def test_a_free_text_helper_header_is_refused_and_never_reaches_the_audit_S51(
    client: TestClient, ctx: ServiceContext, flows: Flows, forged: str
) -> None:
    person = flows.active_person()
    me = bearer(flows.login(person))
    r = client.put("/v1/me/access/emergency", json=SETTINGS, headers=me | {"Carnet-Acting-Helper": forged})
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "helper_header_refused" and "compte" in r.json()["detail"]
    # Public routes of an assisted session too (activation, opposition, sign-in).
    r = client.post("/v1/spaces/opposition", json=flows.provision().proof(), headers={"Carnet-Acting-Helper": forged})
    assert r.status_code == 400 and r.json()["code"] == "helper_header_refused"
    pull = {"client_id": str(uuid.uuid4()), "dossiers": {}}
    sync = me | {"Carnet-Sync-Protocol": "1", "Carnet-Acting-Helper": forged}
    r = client.post("/v1/sync/pull", json=pull, headers=sync)  # the sync routes (their own token check) too
    assert r.status_code == 400 and r.json()["code"] == "helper_header_refused"
    assert client.get("/v1/me/access", headers=me).status_code == 200  # the person's session is unharmed
    assert _assisted_rows(ctx) == []
    with ctx.sessions() as session:
        assert verify(session).ok


def test_the_audit_and_the_history_name_the_helpers_account_and_organisation_S51(
    client: TestClient, ctx: ServiceContext, flows: Flows, mailbox: Mailbox
) -> None:
    register_helper(ctx, mailbox, client, AMELIE)
    helper = helper_tokens(client, mailbox, AMELIE.email)
    person = flows.active_person()
    headers = bearer(flows.login(person)) | _helper(helper)
    assert client.put("/v1/me/access/emergency", json=SETTINGS, headers=headers).status_code == 200
    rows = _assisted_rows(ctx)
    assert rows and {e.assisted_by for e in rows} == {_ids(ctx, AMELIE.email)}  # ids only: no free text
    assert all(e.actor_role == "patient" and e.actor_id for e in rows)  # the person stays the subject
    history = client.get("/v1/me/access/history", headers=headers).json()["items"]
    assert any(i.get("assisted_by") == "Amélie Durand|France Services Bayeux" for i in history), history
    with ctx.sessions() as session:
        assert verify(session).ok
    me = client.get("/v1/helpers/me", headers=bearer(helper)).json()
    assert (me["organisation"], me["first_names"]) == ("France Services Bayeux", "Amélie")


def test_a_helper_who_only_passed_the_password_cannot_assist_S52(
    client: TestClient, ctx: ServiceContext, flows: Flows, mailbox: Mailbox
) -> None:
    register_helper(ctx, mailbox, client, AMELIE)
    person = flows.active_person()
    patient_tokens = flows.login(person)
    me = bearer(patient_tokens)
    started = client.post("/v1/helpers/auth/login", json={"email": AMELIE.email, "password": PASSWORD})
    assert started.status_code == 202 and "access_token" not in started.json()
    for token in (
        str(started.json()["challenge_id"]),  # the first factor gives no token to present
        str(patient_tokens["access_token"]),  # nor does a patient's token make a helper
        "not-a-token-at-all-x",
        " ",
    ):
        r = client.put("/v1/me/access/emergency", json=SETTINGS, headers=me | {"Carnet-Helper-Token": token})
        assert r.status_code == 403, (token, r.text)  # not 401: the person's session itself is fine
        assert r.json()["code"] == "helper_unauthorized" and "aidant" in r.json()["detail"]
    # The code mailed to the helper is the second factor; a wrong one gives nothing.
    r = client.post(
        "/v1/helpers/auth/verify",
        json={"challenge_id": started.json()["challenge_id"], "code": "000000", "device_name": "Accueil"},
    )
    assert r.status_code == 400
    assert _assisted_rows(ctx) == []


def test_a_helper_token_is_no_session_of_its_own_and_a_professional_is_no_helper_S52(
    client: TestClient, ctx: ServiceContext, flows: Flows, mailbox: Mailbox
) -> None:
    register_helper(ctx, mailbox, client, AMELIE)
    helper = helper_tokens(client, mailbox, AMELIE.email)
    for method, path, body in (
        ("GET", "/v1/me", None),
        ("GET", "/v1/me/access", None),
        ("POST", "/v1/sync/pull", {"client_id": str(uuid.uuid4()), "dossiers": {}}),
    ):
        r = client.request(method, path, json=body, headers=bearer(helper) | {"Carnet-Sync-Protocol": "1"})
        assert r.status_code == 403 and r.json()["code"] == "helper_alone", (path, r.text)
    # A patient's or an unenrolled helper's credentials do not open the helpers' login.
    person = flows.active_person()
    r = client.post("/v1/helpers/auth/login", json={"email": person.email, "password": PASSWORD})
    assert r.status_code == 401
    with ctx.sessions() as session:
        org = session.scalars(select(HelperOrganisation)).one()
        from server.helpers.service import NewHelper, add_helper

        add_helper(session, ctx, org, NewHelper("pas.enrole@fs-bayeux.example.org", "Roy", "Aline"))
        session.commit()
    r = client.post("/v1/helpers/auth/login", json={"email": "pas.enrole@fs-bayeux.example.org", "password": PASSWORD})
    assert r.status_code == 401


def test_organisations_register_only_their_own_helpers_and_a_disabled_helper_stops_at_once_S53(
    client: TestClient, ctx: ServiceContext, flows: Flows, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    register_helper(ctx, mailbox, client, AMELIE, manager=True)
    register_helper(ctx, mailbox, client, OMAR)
    manager = bearer(helper_tokens(client, mailbox, AMELIE.email))
    new = {"email": "leo.b@fs-bayeux.example.org", "last_name": "Bernard", "first_names": "Léo"}
    r = client.post("/v1/helpers/organisation/helpers", json=new, headers=manager)
    assert r.status_code == 201 and r.json()["created"], r.text
    with ctx.sessions() as session:
        leo = session.scalars(select(Helper).where(Helper.email == new["email"])).one()
        org = session.get(HelperOrganisation, leo.organisation_id)
        assert org is not None and org.name == AMELIE.organisation  # the manager's organisation, always
    assert enrolment_code(mailbox, new["email"])
    # Omar belongs to the pharmacy: Bayeux's manager cannot take him over, and Omar registers nobody.
    r = client.post(
        "/v1/helpers/organisation/helpers",
        json={"email": OMAR.email, "last_name": "Kaci", "first_names": "Omar"},
        headers=manager,
    )
    assert r.status_code == 409 and r.json()["code"] == "helper_elsewhere"
    omar = helper_tokens(client, mailbox, OMAR.email)
    r = client.post("/v1/helpers/organisation/helpers", json=new | {"email": "x@y.example.org"}, headers=bearer(omar))
    assert r.status_code == 403 and r.json()["code"] == "not_a_manager"
    # Omar's assisted requests name Omar and the pharmacy, whatever else is sent beside them.
    me = bearer(flows.login(flows.active_person()))
    assert client.put("/v1/me/access/emergency", json=SETTINGS, headers=me | _helper(omar)).status_code == 200
    assert {e.assisted_by for e in _assisted_rows(ctx)} == {_ids(ctx, OMAR.email)}
    # The administrator disables Omar: his token stops assisting at once.
    data = ["--data-dir", str(ctx.settings.data_dir), "--database-url", ctx.settings.effective_database_url]
    assert main(["admin", "helper", "disable", "--email", OMAR.email, *data]) == 0
    r = client.put("/v1/me/access/emergency", json=SETTINGS, headers=me | _helper(omar))
    assert r.status_code == 403 and r.json()["code"] == "helper_unauthorized"
    capsys.readouterr()


def test_the_admin_command_registers_a_helper_and_their_organisation_S53(
    client: TestClient, ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(ctx.settings.data_dir), "--database-url", ctx.settings.effective_database_url]
    who = ["--organisation", "CCAS de Lisieux", "--last-name", "Roy", "--first-names", "Aline"]
    assert main(["admin", "helper", "add", "--email", "Aline.Roy@ccas.example.org", *who, *data]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["created"] and out["organisation_created"]
    assert uuid.UUID(out["id"]) and uuid.UUID(out["organisation_id"])
    assert main(["admin", "helper", "add", "--email", "aline.roy@ccas.example.org", *who, *data]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again == out | {"created": False, "organisation_created": False}  # idempotent
    outbox = list((ctx.settings.data_dir / "outbox").glob("*.eml"))
    assert sum("aline.roy@ccas.example.org" in p.read_text(encoding="utf-8", errors="replace") for p in outbox) == 1
    # Bad input: a clear error, nothing registered.
    assert main(["admin", "helper", "add", "--email", "pas-une-adresse", *who, *data]) == EXIT_BAD_INPUT
    assert "e-mail" in capsys.readouterr().err
    bad = ["--organisation", "CCAS\x1b[31m", "--last-name", "Roy", "--first-names", "Aline"]
    assert main(["admin", "helper", "add", "--email", "b@ccas.example.org", *bad, *data]) == EXIT_BAD_INPUT
    with ctx.sessions() as session:
        assert session.scalars(select(Helper).where(Helper.email == "b@ccas.example.org")).first() is None


def test_a_manager_lists_and_withdraws_only_their_own_organisations_helpers_S53(
    client: TestClient, ctx: ServiceContext, flows: Flows, mailbox: Mailbox
) -> None:
    register_helper(ctx, mailbox, client, AMELIE, manager=True)
    register_helper(ctx, mailbox, client, OMAR)
    manager = bearer(helper_tokens(client, mailbox, AMELIE.email))
    new = {"email": "leo.b@fs-bayeux.example.org", "last_name": "Bernard", "first_names": "Léo"}
    assert client.post("/v1/helpers/organisation/helpers", json=new, headers=manager).status_code == 201
    r = client.get("/v1/helpers/organisation/helpers", headers=manager)
    assert r.status_code == 200, r.text
    rows = {row["email"]: row for row in r.json()}
    assert set(rows) == {AMELIE.email, new["email"]}  # never the pharmacy's Omar
    assert rows[AMELIE.email]["manager"] and rows[AMELIE.email]["enrolled"]
    assert not rows[new["email"]]["enrolled"] and not rows[new["email"]]["disabled"]
    omar_id, amelie_id = _ids(ctx, OMAR.email).split("|")[0], rows[AMELIE.email]["id"]
    # Another organisation's helper is not found; the manager does not withdraw themself; Omar manages nothing.
    r = client.post(f"/v1/helpers/organisation/helpers/{omar_id}/disable", headers=manager)
    assert r.status_code == 404 and r.json()["code"] == "helper_not_found"
    r = client.post(f"/v1/helpers/organisation/helpers/{amelie_id}/disable", headers=manager)
    assert r.status_code == 409 and r.json()["code"] == "cannot_disable_self"
    omar = bearer(helper_tokens(client, mailbox, OMAR.email))
    assert client.get("/v1/helpers/organisation/helpers", headers=omar).json()["code"] == "not_a_manager"
    r = client.post(f"/v1/helpers/organisation/helpers/{amelie_id}/disable", headers=omar)
    assert r.status_code == 403
    # A patient's token is no helper's.
    me = bearer(flows.login(flows.active_person()))
    assert client.get("/v1/helpers/organisation/helpers", headers=me).status_code == 403
    # Withdrawn: Léo, once enrolled and signed in, stops at once; the list says so; the audit names the manager.
    body = {"email": new["email"], "enrolment_code": enrolment_code(mailbox, new["email"]), "password": PASSWORD}
    assert client.post("/v1/helpers/enrolment", json=body).status_code == 204
    leo = helper_tokens(client, mailbox, new["email"])
    assert client.get("/v1/helpers/me", headers=bearer(leo)).status_code == 200
    leo_id = rows[new["email"]]["id"]
    assert client.post(f"/v1/helpers/organisation/helpers/{leo_id}/disable", headers=manager).status_code == 204
    assert client.get("/v1/helpers/me", headers=bearer(leo)).status_code in (401, 403)
    r = client.put("/v1/me/access/emergency", json=SETTINGS, headers=me | _helper(leo))
    assert r.status_code in (401, 403)
    after = {row["email"]: row for row in client.get("/v1/helpers/organisation/helpers", headers=manager).json()}
    assert after[new["email"]]["disabled"] and after[new["email"]]["enrolled"]
    with ctx.sessions() as session:
        withdrawn = session.scalars(select(AuditEvent).where(AuditEvent.action == "helper.disabled")).all()
        assert [str(e.actor_id) for e in withdrawn] == [amelie_id]
        assert verify(session).ok
    r = client.post("/v1/helpers/organisation/helpers/pas-un-uuid/disable", headers=manager)
    assert r.status_code == 422
