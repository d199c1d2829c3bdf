"""Assisted sessions (S32, PGSSI-S): the helper at the keyboard is recorded in the audit trail beside the person."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import select

from server.audit.models import AuditEvent
from server.audit.service import verify
from server.context import ServiceContext
from tests.support.service import Flows, bearer

HELPER = quote("Amélie Durand") + "|" + quote("France Services Bayeux")


def test_requests_of_an_assisted_session_record_the_helper_and_the_person_S32(
    client: TestClient, ctx: ServiceContext, flows: Flows
) -> None:
    person = flows.active_person()
    headers = bearer(flows.login(person)) | {"Carnet-Acting-Helper": HELPER}
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
        events = session.scalars(select(AuditEvent).where(AuditEvent.assisted_by.is_not(None))).all()
        assert events, "the assisted request was audited with its helper"
        assert {e.assisted_by for e in events} == {"Amélie Durand|France Services Bayeux"}
        assert all(e.actor_role for e in events) and all(e.actor_id for e in events)  # the person stays the subject
        assert verify(session).ok  # the new field is covered by the hash chain
    assert any(item.get("assisted_by") == "Amélie Durand|France Services Bayeux" for item in history.json()["items"])


def test_an_incomplete_helper_identity_is_refused_with_a_french_message(client: TestClient, flows: Flows) -> None:
    person = flows.active_person()
    headers = bearer(flows.login(person)) | {"Carnet-Acting-Helper": quote("Amélie") + "|"}
    response = client.get("/v1/me/access", headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_helper"
    assert "aidant" in response.json()["detail"]
