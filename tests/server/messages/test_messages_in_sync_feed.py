"""Messages as entities of Dossier Sync v1, over the real service: they come in the dossier's ordinary pull, in its
sequence; sends, read marks and closing are push mutations with the messagerie's rules; the pull's per-record masking
applies the access policy's messaging cells (each checked both ways with real pulls)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from fastapi.testclient import TestClient

from dossier.messages import MESSAGE_MAX_CHARS
from server.clock import ManualClock
from server.context import ServiceContext
from server.messages.service import SENDS_PER_MINUTE
from tests.support.access import GP, SPECIALIST, Pros, patient, provision_minor, put
from tests.support.messagerie import start_conversation
from tests.support.messages_sync import SyncDevice, statements_of, stored_counts, with_aidant
from tests.support.service import Flows, Mailbox

NOOP_PULL_BUDGET = 3
ONE_CHANGE_PULL_BUDGET = 6


def test_messages_come_in_the_one_pull_in_the_dossier_sequence(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    put(client, f"/v1/me/access/professionals/{GP}/authorisation", me)
    phone, clinic = SyncDevice(client, me, person.dossier_id), SyncDevice(client, doctor, person.dossier_id)
    phone.pull()
    clinic.pull()

    conv, started = clinic.start("Résultats de biologie", "Votre HbA1c est à 9,1 %.")
    assert started["status"] == "applied" and started["record"]["entity"] == "conversation"
    with statements_of(ctx.engine) as one:
        page = phone.pull()
    assert [i["entity"] for i in page["items"]] == ["message", "conversation"]  # the dossier's order
    assert len(one) <= ONE_CHANGE_PULL_BUDGET, "\n".join(one)
    versions = [i["version"] for i in page["items"]]
    assert versions == sorted(versions)
    (c,) = phone.of("conversation")
    assert (c["values"]["subject"], c["values"]["professional_name"], c["values"]["last_seq"]) == (
        "Résultats de biologie",
        "Alex Durand",
        1,
    )

    # the patient replies through the push: the message is stored once, numbered by the service
    reply_id = uuid.uuid4()
    mutation = phone.next("message", reply_id, conversation_id=conv, text="Que dois-je faire ?")
    first = phone.push(mutation)[0]
    assert first["status"] == "applied" and first["record"]["values"]["seq"] == 2
    assert first["record"]["values"]["sender_role"] == "patient"
    again = phone.push(mutation)[0]  # the same push replayed after a cut: the ledger's answer, nothing new
    assert again["duplicate"] is True and stored_counts(ctx) == (1, 2)
    other = phone.next("message", reply_id, conversation_id=conv, text="Que dois-je faire ?")
    assert phone.push(other)[0]["status"] == "applied" and stored_counts(ctx) == (
        1,
        2,
    )  # same message id: found, not copied

    # a reply over REST is in the feed too, and the read marks are conversation versions
    r = client.post(
        f"/v1/conversations/{conv}/messages", json={"id": str(uuid.uuid4()), "text": "Revenez jeudi."}, headers=doctor
    )
    assert r.status_code == 201
    read = phone.push(phone.next("conversation", conv, "update", read_seq=3))[0]
    assert read["status"] == "applied" and read["record"]["values"]["patient_read_seq"] == 3
    clinic.pull()
    assert clinic.texts() == ["Votre HbA1c est à 9,1 %.", "Que dois-je faire ?", "Revenez jeudi."]
    (seen,) = clinic.of("conversation")
    assert (seen["values"]["patient_read_seq"], seen["values"]["last_seq"]) == (3, 3)

    phone.pull()
    with statements_of(ctx.engine) as noop:
        page = phone.pull()
    assert page["items"] == [] and len(noop) <= NOOP_PULL_BUDGET, "\n".join(noop)
    # the REST read of the conversation agrees with the feed
    listed = client.get("/v1/conversations", headers=me).json()["items"][0]
    assert (listed["unread"], listed["last_seq"]) == (0, 3)


def test_refusals_are_mutation_results_with_a_sentence_and_store_nothing(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")  # never authorised on the dossier: may still write
    phone, clinic = SyncDevice(client, me, person.dossier_id), SyncDevice(client, doctor, person.dossier_id)
    conv, started = clinic.start("Ordonnance", "Votre ordonnance est prête.")
    assert started["status"] == "applied" and started["record"] is None  # a sender without read access learns nothing

    refused = phone.start("Question", "Bonjour docteur")[1]  # only a professional starts
    assert (refused["status"], refused["reason"]) == ("forbidden", "only_professional_starts")
    assert "Seul un professionnel" in refused["message_fr"] and "Only a health professional" in refused["message_en"]
    empty = phone.send(conv, "   ")
    assert empty["status"] == "rejected" and empty["message_fr"] and empty["message_en"]
    too_long = phone.send(conv, "x" * (MESSAGE_MAX_CHARS + 1))
    assert too_long["status"] == "rejected" and str(MESSAGE_MAX_CHARS) in too_long["message_fr"].replace("\u202f", "")
    unknown = phone.send(str(uuid.uuid4()), "Bonjour")
    assert (unknown["status"], unknown["reason"]) == ("rejected", "unknown_conversation")
    assert stored_counts(ctx) == (1, 1)

    closed = phone.push(phone.next("conversation", conv, "update", closed=True))[0]
    assert closed["status"] == "applied" and closed["record"]["values"]["closed_at"]
    late = clinic.send(conv, "Une dernière chose")
    assert (late["status"], late["reason"]) == ("forbidden", "conversation_closed")
    assert "close" in late["message_fr"] and "closed" in late["message_en"]
    reopen = phone.push(phone.next("conversation", conv, "update", closed=False))[0]
    assert reopen["status"] == "rejected"
    assert stored_counts(ctx) == (1, 1)

    put(client, f"/v1/me/access/professionals/{GP}/block", me)
    blocked = clinic.start("Autre sujet", "Bonjour")[1]
    assert (blocked["status"], blocked["reason"]) == ("forbidden", "professional_blocked")
    assert "bloqué" in blocked["message_fr"] and "blocked" in blocked["message_en"]
    assert stored_counts(ctx) == (1, 1)
    # the refusals are in the historique des accès (metadata only)
    history = client.get("/v1/me/access/history", headers=me).json()["items"]
    assert any(h["action"] == "message.start" and h["outcome"] == "denied" for h in history)
    assert all("Bonjour" not in str(h) for h in history)


def test_the_sending_limit_refuses_a_push_past_it_and_the_batch_goes_on(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext, clock: ManualClock
) -> None:
    person, _ = patient(flows)
    assert person.dossier_id
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    clinic = SyncDevice(client, doctor, person.dossier_id)
    conv, _ = clinic.start("Suivi", "Premier message")
    batch = [
        clinic.next("message", uuid.uuid4(), conversation_id=conv, text=f"Message {i}") for i in range(SENDS_PER_MINUTE)
    ]
    results = clinic.push(*batch)
    assert [r["status"] for r in results[:-1]] == ["applied"] * (SENDS_PER_MINUTE - 1)
    assert (results[-1]["status"], results[-1]["reason"]) == ("rejected", "messages_rate_limited")
    assert "attendez" in results[-1]["message_fr"] and "wait" in results[-1]["message_en"]
    assert stored_counts(ctx) == (1, SENDS_PER_MINUTE)
    clock.advance(timedelta(minutes=2))
    assert clinic.send(conv, "Après une pause")["status"] == "applied"


def test_a_professional_pulls_only_their_own_conversations(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    gp = pros.sign_in(GP, "Médecin généraliste", "Durand")
    cardio = pros.sign_in(SPECIALIST, "medecin_specialiste", "Martin")
    for rpps in (GP, SPECIALIST):
        put(client, f"/v1/me/access/professionals/{rpps}/authorisation", me)
    start_conversation(client, gp, person.dossier_id, "Vaccins")
    start_conversation(client, cardio, person.dossier_id, "Holter")
    mine, theirs = SyncDevice(client, gp, person.dossier_id), SyncDevice(client, cardio, person.dossier_id)
    mine.pull()
    theirs.pull()
    assert mine.subjects() == {"Vaccins"} and theirs.subjects() == {"Holter"}
    assert mine.texts() == ["Vaccins : venez me voir."] and theirs.texts() == ["Holter : venez me voir."]
    phone = SyncDevice(client, me, person.dossier_id)
    phone.pull()
    assert phone.subjects() == {"Vaccins", "Holter"}


def test_an_aidant_pulls_messages_only_once_the_patient_allows_it(
    client: TestClient, flows: Flows, pros: Pros, clock: ManualClock
) -> None:
    person, me, aidant_headers, aidant_id = with_aidant(client, flows, clock)
    assert person.dossier_id
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    start_conversation(client, doctor, person.dossier_id, "Ordonnance")

    helper = SyncDevice(client, aidant_headers, person.dossier_id)
    page = helper.pull()
    assert page["state"] == "ok" and helper.of("message") == [] and helper.of("conversation") == []
    assert client.put(f"/v1/me/messages/aidants/{aidant_id}", headers=me).status_code == 204
    helper.cursor = None  # a new copy after the consent changed (the feed's cursor had passed the rows)
    helper.pull()
    assert helper.texts() == ["Ordonnance : venez me voir."] and helper.subjects() == {"Ordonnance"}
    answer = helper.push(
        helper.next(
            "message", uuid.uuid4(), conversation_id=helper.of("conversation")[0]["entity_id"], text="Je m'en occupe"
        )
    )[0]
    assert (answer["status"], answer["reason"]) == ("forbidden", "aidant_action_not_delegated")


def test_a_parent_pulls_the_childs_conversations_but_never_a_secret_one(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox, pros: Pros
) -> None:
    parent, me = patient(flows)
    child = provision_minor(ctx, mailbox, n=511, parent_email=parent.email, born=date(2011, 2, 3))
    r = client.post("/v1/me/children", headers=me, json=child.proof())
    assert r.status_code == 201, r.text
    child_id = uuid.UUID(r.json()["dossier_id"])
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    start_conversation(client, doctor, child_id, "Rappel de vaccin")
    secret = start_conversation(client, doctor, child_id, "Contraception", secret=True)

    device = SyncDevice(client, me, child_id)
    assert device.pull()["state"] == "ok"
    assert device.subjects() == {"Rappel de vaccin"} and device.texts() == ["Rappel de vaccin : venez me voir."]
    refused = device.send(secret, "Quoi ?")
    assert (refused["status"], refused["reason"]) == ("forbidden", "minor_secret")
    # the professional's own clinic copy has both (a secret conversation is theirs)
    put_auth = client.get("/v1/conversations", headers=doctor).json()
    assert {c["subject"] for c in put_auth["items"]} == {"Rappel de vaccin", "Contraception"}
