"""The messagerie for the people around the patient, over the real service: a parent sees a child's conversations
but never a secret one; an aidant reads only once the patient allows it, and never answers."""

from __future__ import annotations

import uuid
from datetime import date

from fastapi.testclient import TestClient

from server.clock import ManualClock
from server.context import ServiceContext
from tests.support.access import GP, Pros, patient, provision_minor
from tests.support.messagerie import start_conversation
from tests.support.messages_sync import with_aidant
from tests.support.service import Flows, Mailbox


def test_a_parent_sees_the_childs_conversations_but_never_a_secret_one(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox, pros: Pros
) -> None:
    parent, me = patient(flows)
    child = provision_minor(ctx, mailbox, n=510, parent_email=parent.email, born=date(2011, 2, 3))
    r = client.post("/v1/me/children", headers=me, json=child.proof())
    assert r.status_code == 201, r.text
    child_id = uuid.UUID(r.json()["dossier_id"])
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    mailbox.clear()
    vaccine = start_conversation(client, doctor, child_id, "Rappel de vaccin", secret=False)
    assert "Vous avez un nouveau message." in mailbox.last_body(parent.email)  # the parent manages the space
    mailbox.clear()
    secret = start_conversation(client, doctor, child_id, "Contraception", secret=True)
    assert mailbox.to(parent.email) == []  # a secret conversation is never announced to a parent

    page = client.get("/v1/conversations", params={"dossier_id": str(child_id)}, headers=me).json()
    assert [c["subject"] for c in page["items"]] == ["Rappel de vaccin"]
    hidden = client.get(f"/v1/conversations/{secret}/messages", headers=me)
    assert hidden.status_code == 403 and hidden.json()["code"] == "minor_secret"
    refused = client.post(
        f"/v1/conversations/{secret}/messages", json={"id": str(uuid.uuid4()), "text": "Quoi ?"}, headers=me
    )
    assert refused.status_code == 403 and refused.json()["code"] == "minor_secret"

    answer = client.post(
        f"/v1/conversations/{vaccine}/messages", json={"id": str(uuid.uuid4()), "text": "Jeudi ?"}, headers=me
    )
    assert answer.status_code == 201 and answer.json()["message"]["sender_role"] == "legal_representative"
    assert client.get(f"/v1/conversations/{vaccine}/messages", headers=me).status_code == 200


def test_an_aidant_reads_only_once_allowed_and_never_answers(
    flows: Flows, client: TestClient, clock: ManualClock, pros: Pros
) -> None:
    person, me, aidant_headers, aidant_id = with_aidant(client, flows, clock)
    assert person.dossier_id
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    conv = start_conversation(client, doctor, person.dossier_id, "Ordonnance", secret=False)
    theirs = {"dossier_id": str(person.dossier_id)}

    # a delegation alone is not enough
    r = client.get("/v1/conversations", params=theirs, headers=aidant_headers)
    assert r.status_code == 403 and r.json()["code"] == "aidant_messages_not_allowed"
    assert client.get(f"/v1/conversations/{conv}/messages", headers=aidant_headers).status_code == 403

    # only the patient allows it (the aidant cannot allow themself)
    assert client.put(f"/v1/me/messages/aidants/{aidant_id}", params=theirs, headers=aidant_headers).status_code == 403
    assert client.put(f"/v1/me/messages/aidants/{aidant_id}", headers=me).status_code == 204
    page = client.get("/v1/conversations", params=theirs, headers=aidant_headers).json()
    assert [c["subject"] for c in page["items"]] == ["Ordonnance"]
    read = client.get(f"/v1/conversations/{conv}/messages", headers=aidant_headers)
    assert read.status_code == 200 and len(read.json()["items"]) == 1
    answer = client.post(
        f"/v1/conversations/{conv}/messages",
        json={"id": str(uuid.uuid4()), "text": "Je m'en occupe"},
        headers=aidant_headers,
    )
    assert answer.status_code == 403 and answer.json()["code"] == "aidant_action_not_delegated"
    # the aidant's reading does not mark the patient's message read
    client.post(f"/v1/conversations/{conv}/read", json={"up_to_seq": 1}, headers=aidant_headers)
    assert client.get("/v1/conversations", headers=me).json()["items"][0]["unread"] == 1

    history = client.get("/v1/me/access/history", headers=me, params={"actor_kind": "aidant"}).json()["items"]
    seen = {(h["action"], h["outcome"]) for h in history}
    assert {("message.read", "allowed"), ("message.list", "denied"), ("message.send", "denied")} <= seen

    assert client.delete(f"/v1/me/messages/aidants/{aidant_id}", headers=me).status_code == 204
    assert client.get(f"/v1/conversations/{conv}/messages", headers=aidant_headers).status_code == 403
