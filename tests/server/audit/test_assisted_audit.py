"""Assisted sessions (S32, PGSSI-S; S51 since issue 15 #2): the helper at the keyboard is recorded in the audit trail
beside the person — as the helper's own account and organisation, checked from the helper's token."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from server.accounts.helper_models import Helper
from server.audit.models import AuditEvent
from server.audit.service import verify
from server.context import ServiceContext
from tests.support.helper_accounts import HelperAccount, helper_tokens, register_helper
from tests.support.service import Flows, Mailbox, bearer

AMELIE = HelperAccount("amelie.durand@fs-bayeux.example.org", "France Services Bayeux")


def test_requests_of_an_assisted_session_record_the_helper_and_the_person_S32_S51(
    client: TestClient, ctx: ServiceContext, flows: Flows, mailbox: Mailbox
) -> None:
    register_helper(ctx, mailbox, client, AMELIE)
    helper = helper_tokens(client, mailbox, AMELIE.email)
    person = flows.active_person()
    headers = bearer(flows.login(person)) | {"Carnet-Helper-Token": helper["access_token"]}
    assert (
        client.put(
            "/v1/me/access/emergency",
            json={"samu": True, "other_professionals": False, "masked_documents": False},
            headers=headers,
        ).status_code
        == 200
    )
    history = client.get("/v1/me/access/history", headers=headers)
    assert history.status_code == 200, history.text
    with ctx.sessions() as session:
        amelie = session.scalars(select(Helper)).one()
        events = session.scalars(select(AuditEvent).where(AuditEvent.assisted_by.is_not(None))).all()
        assert events, "the assisted request was audited with its helper"
        assert {e.assisted_by for e in events} == {f"{amelie.id}|{amelie.organisation_id}"}
        assert all(e.actor_role for e in events) and all(e.actor_id for e in events)  # the person stays the subject
        assert verify(session).ok  # the field is covered by the hash chain
    assert any(item.get("assisted_by") == "Amélie Durand|France Services Bayeux" for item in history.json()["items"])


def test_a_free_text_helper_is_refused_with_a_french_message_S51(client: TestClient, flows: Flows) -> None:
    person = flows.active_person()
    headers = bearer(flows.login(person)) | {"Carnet-Acting-Helper": "Am%C3%A9lie|France Services"}
    response = client.get("/v1/me/access", headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "helper_header_refused"
    assert "aidant" in response.json()["detail"].lower()
