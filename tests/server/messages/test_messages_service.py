"""The messagerie over the real service (HTTP, real database, real SMTP): conversations, order, idempotency, refusals,
the historique des accès and the notifications."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from dossier.messages import MESSAGE_MAX_CHARS
from server.clock import ManualClock
from server.context import ServiceContext
from tests.support.access import GP, SPECIALIST, Headers, Pros, patient
from tests.support.messages_sync import stored_counts
from tests.support.service import Flows, Mailbox, Person

SECRET_WORDS = "Votre hémoglobine glyquée est à 9,1 %"


def start(client: TestClient, pro: Headers, person: Person, *, text: str = SECRET_WORDS, **kw: Any) -> Any:
    body = {
        "id": str(kw.pop("conversation_id", uuid.uuid4())),
        "ins": person.nir,
        "subject": kw.pop("subject", "Résultats de biologie"),
        "message": {"id": str(kw.pop("message_id", uuid.uuid4())), "text": text},
        **kw,
    }
    return client.post("/v1/pro/conversations", json=body, headers=pro)


def reply(
    client: TestClient, who: Headers, conversation_id: str, text: str, message_id: uuid.UUID | None = None
) -> Any:
    return client.post(
        f"/v1/conversations/{conversation_id}/messages",
        json={"id": str(message_id or uuid.uuid4()), "text": text},
        headers=who,
    )


def test_professional_writes_patient_replies_in_the_service_order(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")  # never authorised on the dossier
    mailbox.clear()
    r = start(client, doctor, person)
    assert r.status_code == 201, r.text
    conv_id = r.json()["conversation_id"]
    assert r.json()["message"]["seq"] == 1

    # the e-mail says only that there is a message
    mails = mailbox.to(person.email)
    assert len(mails) == 1
    body = mails[0].get_content()
    assert "Vous avez un nouveau message." in body and "hémoglobine" not in body and "biologie" not in body

    page = client.get("/v1/conversations", headers=me).json()
    assert page["total"] == 1
    item = page["items"][0]
    assert (item["unread"], item["professional_name"], item["subject"]) == (1, "Alex Durand", "Résultats de biologie")
    notes = client.get("/v1/me/notifications", headers=me).json()["items"]
    assert [n["event"] for n in notes] == ["new_message"] and notes[0]["detail"] is None

    assert reply(client, me, conv_id, "Merci, que dois-je faire ?").status_code == 201
    assert reply(client, doctor, conv_id, "Reprenons rendez-vous.").status_code == 201
    for who in (me, doctor):
        msgs = client.get(f"/v1/conversations/{conv_id}/messages", headers=who).json()
        assert [m["seq"] for m in msgs["items"]] == [1, 2, 3]
        assert [m["sender_role"] for m in msgs["items"]] == ["professional", "patient", "professional"]
    mine = client.get(f"/v1/conversations/{conv_id}/messages", headers=me).json()["items"]
    assert [m["mine"] for m in mine] == [False, True, False]
    second = client.get(f"/v1/conversations/{conv_id}/messages?after_seq=1&limit=1", headers=me).json()
    assert [m["seq"] for m in second["items"]] == [2] and second["next_after_seq"] == 2

    read = client.post(f"/v1/conversations/{conv_id}/read", json={"up_to_seq": 3}, headers=me)
    assert read.status_code == 200 and read.json()["unread"] == 0

    # the historique des accès: the professional's sends and reads, no content; the holder's reads are not there
    history = client.get("/v1/me/access/history", headers=me).json()["items"]
    actions = [(h["actor_kind"], h["action"], h["outcome"]) for h in history if h["action"].startswith("message")]
    assert ("professional", "message.start", "allowed") in actions
    assert ("professional", "message.send", "allowed") in actions
    assert ("professional", "message.read", "allowed") in actions
    assert ("patient", "message.send", "allowed") in actions
    assert ("patient", "message.read", "allowed") not in actions
    assert all("hémoglobine" not in str(h) for h in history)


def test_a_resend_after_a_cut_returns_the_same_message(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    conv_id, first_id = uuid.uuid4(), uuid.uuid4()
    first = start(client, doctor, person, conversation_id=conv_id, message_id=first_id)
    again = start(client, doctor, person, conversation_id=conv_id, message_id=first_id)
    assert again.status_code == 201 and again.json() == first.json()
    assert stored_counts(ctx) == (1, 1)

    message_id = uuid.uuid4()
    sent = reply(client, me, str(conv_id), "Bien reçu", message_id)
    resent = reply(client, me, str(conv_id), "Bien reçu", message_id)
    assert resent.status_code == 201 and resent.json() == sent.json()
    assert stored_counts(ctx) == (1, 2)

    # the same id for another text is someone else's message: refused, nothing stored
    clash = reply(client, me, str(conv_id), "Autre chose", message_id)
    assert clash.status_code == 409 and clash.json()["code"] == "message_id_in_use"
    assert stored_counts(ctx) == (1, 2)


def test_bad_input_is_refused_with_a_sentence_and_nothing_stored(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    empty = start(client, doctor, person, text="   \n ")
    assert empty.status_code == 422 and empty.json()["issues"][0]["code"] == "message_empty"
    too_long = start(client, doctor, person, text="x" * (MESSAGE_MAX_CHARS + 1))
    assert too_long.status_code == 422
    assert f"{MESSAGE_MAX_CHARS} au plus" in too_long.json()["detail"]
    assert stored_counts(ctx) == (0, 0)

    conv_id = start(client, doctor, person).json()["conversation_id"]
    assert reply(client, me, conv_id, "").json()["issues"][0]["code"] == "message_empty"
    assert reply(client, me, conv_id, "y" * (MESSAGE_MAX_CHARS + 1)).status_code == 422
    assert reply(client, me, conv_id, "y" * MESSAGE_MAX_CHARS).status_code == 201  # the limit itself is fine
    assert stored_counts(ctx) == (1, 2)

    closed = client.post(f"/v1/conversations/{conv_id}/close", headers=me)
    assert closed.status_code == 200 and closed.json()["closed"]
    for who in (me, doctor):
        late = reply(client, who, conv_id, "Encore une question")
        assert late.status_code == 403 and late.json()["code"] == "conversation_closed"
        assert "close" in late.json()["detail"]
    assert stored_counts(ctx) == (1, 2)
    # the professional cannot close, archive or delete the patient's view
    for what in ("close", "archive", "delete"):
        r = client.post(f"/v1/conversations/{conv_id}/{what}", headers=doctor)
        assert r.json()["code"] == "only_patient_side_manages_conversation"


def test_a_blocked_professional_cannot_write_but_keeps_their_correspondence(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    conv_id = start(client, doctor, person).json()["conversation_id"]
    assert client.put(f"/v1/me/access/professionals/{GP}/block", headers=me).status_code == 200
    refused = reply(client, doctor, conv_id, "Vous êtes là ?")
    assert refused.status_code == 403 and refused.json()["code"] == "professional_blocked"
    assert "bloqué" in refused.json()["detail"]
    assert start(client, doctor, person).json()["code"] == "professional_blocked"
    assert stored_counts(ctx) == (1, 1)
    assert client.get(f"/v1/conversations/{conv_id}/messages", headers=doctor).status_code == 200
    history = client.get("/v1/me/access/history", headers=me).json()["items"]
    assert any(h["action"] == "message.send" and h["outcome"] == "denied" for h in history)


def test_only_a_professional_starts_and_only_the_correspondent_reads(
    client: TestClient, flows: Flows, pros: Pros
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    other = pros.sign_in(SPECIALIST, "Médecin spécialiste", "Leroy")
    assert start(client, me, person).status_code == 403  # the patient has no start route
    conv_id = start(client, doctor, person).json()["conversation_id"]
    assert client.put(f"/v1/me/access/professionals/{SPECIALIST}/authorisation", json={}, headers=me).status_code == 200
    snoop = client.get(f"/v1/conversations/{conv_id}/messages", headers=other)
    assert snoop.status_code == 403 and snoop.json()["code"] == "not_conversation_participant"
    assert reply(client, other, conv_id, "Bonjour").json()["code"] == "not_conversation_participant"
    assert client.get("/v1/conversations", headers=other).json()["total"] == 0
    assert client.get("/v1/conversations", headers=doctor).json()["items"][0]["patient_name"]


def test_archive_and_delete_from_the_patients_view(
    client: TestClient, flows: Flows, pros: Pros, clock: ManualClock
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    first = start(client, doctor, person, subject="Premier").json()["conversation_id"]
    clock.advance(timedelta(minutes=1))
    second = start(client, doctor, person, subject="Second").json()["conversation_id"]
    page = client.get("/v1/conversations?limit=1", headers=me).json()
    assert page["total"] == 2 and [c["subject"] for c in page["items"]] == ["Second"]

    assert client.post(f"/v1/conversations/{first}/archive", headers=me).json()["archived"]
    assert [c["subject"] for c in client.get("/v1/conversations", headers=me).json()["items"]] == ["Second"]
    archived = client.get("/v1/conversations?archived=true", headers=me).json()["items"]
    assert [c["subject"] for c in archived] == ["Premier"]

    assert client.post(f"/v1/conversations/{second}/delete", headers=me).status_code == 200
    assert client.get(f"/v1/conversations/{second}/messages", headers=me).status_code == 404
    assert client.get(f"/v1/conversations/{second}/messages", headers=doctor).status_code == 200  # theirs too
    # a professional's new message brings a conversation back into the view
    assert reply(client, doctor, second, "Avez-vous vu mon message ?").status_code == 201
    back = client.get("/v1/conversations", headers=me).json()["items"]
    assert [c["subject"] for c in back] == ["Second"] and back[0]["unread"] == 2


def test_the_same_reply_sent_at_once_on_several_connections_is_stored_once(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    """A client that resends while its first request is still in flight (a cut it could not tell from a delay)."""
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    conv_id = start(client, doctor, person).json()["conversation_id"]
    message_id = uuid.uuid4()
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: reply(client, me, conv_id, "Bien reçu", message_id), range(4)))
    assert [a.status_code for a in answers] == [201] * 4, [a.text for a in answers]
    assert {a.json()["message"]["id"] for a in answers} == {str(message_id)}
    assert {a.json()["message"]["seq"] for a in answers} == {2}
    assert stored_counts(ctx) == (1, 2)
