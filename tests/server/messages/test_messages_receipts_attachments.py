"""The messagerie over the real service (issue 20, second part): pages with a cursor, read receipts seen by the other
side and shared by the patient's devices, revocation, attachments (checked, encrypted at rest), the sending limit."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from dossier.messages import ATTACHMENT_MAX_BYTES
from server.accounts.models import PrincipalKind, Professional
from server.accounts.tokens import revoke_all_sessions
from server.clock import ManualClock
from server.context import ServiceContext
from server.messages.models import Message, MessageAttachment
from server.messages.service import SENDS_PER_MINUTE
from tests.support.access import GP, SPECIALIST, Pros, patient
from tests.support.messagerie import PDF, Thread
from tests.support.messagerie_uploads import chunk, upload_path
from tests.support.service import Flows, bearer


def counts(ctx: ServiceContext) -> tuple[int, int]:
    with ctx.sessions() as session:
        messages = session.scalar(select(func.count()).select_from(Message))
        attachments = session.scalar(select(func.count()).select_from(MessageAttachment))
    return int(messages or 0), int(attachments or 0)


def bodies_on_disk(ctx: ServiceContext) -> list[Path]:
    root = ctx.settings.data_dir / "message-attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def listed(client: TestClient, who: dict[str, str]) -> dict[str, int]:
    [item] = client.get("/v1/conversations", headers=who).json()["items"]
    return {k: item[k] for k in ("unread", "read_seq", "other_read_seq", "last_seq")}


def test_pages_follow_the_cursor_and_reads_reach_the_other_side_and_every_device(
    client: TestClient, flows: Flows, pros: Pros
) -> None:
    person, laptop = patient(flows)
    phone = bearer(flows.login(person, device_name="Portable"))  # a second device of the same patient
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    thread = Thread.opened(client, doctor, person.nir)
    for n in range(2, 6):
        assert thread.say(doctor, f"Message {n}").status_code == 201

    seen: list[int] = []
    after: int | None = 0
    while after is not None:
        page = thread.page(laptop, after, limit=2).json()
        seen += [m["seq"] for m in page["items"]]
        after = page["next_after_seq"]
    assert seen == [1, 2, 3, 4, 5]
    assert thread.page(laptop, 5).json() == {**thread.page(laptop, 5).json(), "items": [], "next_after_seq": None}

    assert listed(client, phone) == {"unread": 5, "read_seq": 0, "other_read_seq": 5, "last_seq": 5}
    assert listed(client, doctor)["other_read_seq"] == 0  # the patient has not read yet
    assert thread.mark_read(laptop, 5).json()["unread"] == 0
    # read on the laptop: read on the phone at its next look, and seen by the professional
    assert listed(client, phone) == {"unread": 0, "read_seq": 5, "other_read_seq": 5, "last_seq": 5}
    assert listed(client, doctor) == {"unread": 0, "read_seq": 5, "other_read_seq": 5, "last_seq": 5}

    assert thread.say(phone, "Bien reçu, merci.").status_code == 201
    assert listed(client, doctor)["unread"] == 1 and listed(client, laptop)["other_read_seq"] == 5
    assert thread.mark_read(doctor, 6).status_code == 200
    assert listed(client, laptop)["other_read_seq"] == 6  # the patient sees their reply was read
    # a read mark never goes back (an older device's late receipt), nor past the last message
    assert thread.mark_read(laptop, 2).json()["read_seq"] == 6
    assert thread.mark_read(phone, 99).json()["read_seq"] == 6


def test_a_revoked_professional_no_longer_reads_nor_writes(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    thread = Thread.opened(client, doctor, person.nir)
    assert thread.say(me, "Une question").status_code == 201

    # the patient blocks them: no message, no attachment, nothing kept
    assert client.put(f"/v1/me/access/professionals/{GP}/block", headers=me).status_code == 200
    assert thread.say(doctor, "Toujours là ?").json()["code"] == "professional_blocked"
    assert thread.attach(doctor, PDF).json()["code"] == "professional_blocked"
    assert counts(ctx) == (2, 0) and bodies_on_disk(ctx) == []

    # their access is revoked (every session ended): they no longer see the conversation nor post in it
    with ctx.sessions() as session:
        pro_id = session.scalars(select(Professional.id).where(Professional.rpps == GP)).one()
        revoke_all_sessions(session, kind=PrincipalKind.PROFESSIONAL, principal_id=pro_id, now=ctx.now())
        session.commit()
    for answer in (
        thread.page(doctor),
        client.get("/v1/conversations", headers=doctor),
        thread.say(doctor, "Encore moi"),
        thread.mark_read(doctor, 2),
    ):
        assert answer.status_code == 401, answer.text
    assert counts(ctx) == (2, 0)
    assert [m["text"] for m in thread.page(me).json()["items"]] == ["Vos résultats sont arrivés.", "Une question"]


def test_an_attachment_travels_encrypted_and_bad_files_are_refused_with_nothing_kept(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    other = pros.sign_in(SPECIALIST, "Médecin spécialiste", "Leroy")
    thread = Thread.opened(client, doctor, person.nir)

    too_big = thread.attach(doctor, PDF + b"0" * ATTACHMENT_MAX_BYTES)
    assert too_big.status_code == 422 and too_big.json()["issues"][0]["code"] == "attachment_too_large"
    assert "5 Mo" in too_big.json()["detail"]
    not_a_document = thread.attach(doctor, b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", "facture.pdf")
    assert not_a_document.json()["issues"][0]["code"] == "unsupported_format"  # the name does not decide
    assert thread.attach(doctor, b"").json()["issues"][0]["code"] == "attachment_empty"
    beyond_the_edge = thread.attach(doctor, b"%PDF-" + b"0" * (9 * 1024 * 1024))
    assert beyond_the_edge.status_code == 413
    unknown = thread.say(doctor, "Voici le compte rendu", attachment_id=str(uuid.uuid4()))
    assert unknown.status_code == 422 and unknown.json()["code"] == "attachment_unknown"
    assert counts(ctx) == (1, 0) and bodies_on_disk(ctx) == []

    attachment_id = str(uuid.uuid4())
    up = thread.attach(doctor, PDF, "../Compte rendu.pdf", attachment_id)
    assert up.status_code == 201, up.text
    assert (up.json()["format"], up.json()["filename"]) == ("pdf", ".. Compte rendu.pdf")
    assert thread.attach(doctor, PDF, "x.pdf", attachment_id).status_code == 201  # the same upload again
    assert thread.attach(doctor, PDF + b"autre", "x.pdf", attachment_id).json()["code"] == "attachment_id_in_use"
    [body] = bodies_on_disk(ctx)
    assert b"%PDF" not in body.read_bytes() and b"Catalog" not in body.read_bytes()  # encrypted at rest
    assert body.stat().st_mode & 0o077 == 0

    message_id = str(uuid.uuid4())
    sent = thread.say(doctor, "Voici le compte rendu", attachment_id=attachment_id, message_id=message_id)
    assert sent.status_code == 201 and sent.json()["message"]["attachment"]["id"] == attachment_id
    again = thread.say(doctor, "Voici le compte rendu", attachment_id=attachment_id, message_id=message_id)
    assert again.json() == sent.json()  # a resend after a cut: the same message
    reused = thread.say(doctor, "Et encore", attachment_id=attachment_id)
    assert reused.json()["code"] == "attachment_unknown"  # one attachment, one message

    [_, with_file] = thread.page(me).json()["items"]
    assert with_file["attachment"]["sha256"] == hashlib.sha256(PDF).hexdigest()
    got = client.get(f"/v1/conversations/{thread.id}/attachments/{attachment_id}", headers=me)
    assert got.status_code == 200 and got.content == PDF and got.headers["content-type"] == "application/pdf"
    snoop = client.get(f"/v1/conversations/{thread.id}/attachments/{attachment_id}", headers=other)
    assert snoop.status_code == 403
    history = client.get("/v1/me/access/history", headers=me).json()["items"]
    assert any(h["action"] == "message.attach" and h["actor_kind"] == "professional" for h in history)

    # a staged attachment is its uploader's only
    staged = str(uuid.uuid4())
    assert thread.attach(me, PDF, "ma-lettre.pdf", staged).status_code == 201
    assert client.get(f"/v1/conversations/{thread.id}/attachments/{staged}", headers=doctor).status_code == 404


def test_sending_is_limited_per_account_per_minute_with_a_sentence_saying_when(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext, clock: ManualClock
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    thread = Thread.opened(client, doctor, person.nir)
    first_id = str(uuid.uuid4())
    assert thread.say(me, "Message 1", message_id=first_id).status_code == 201
    clock.advance(timedelta(seconds=15))
    for n in range(2, SENDS_PER_MINUTE + 1):
        assert thread.say(me, f"Message {n}").status_code == 201
    refused = thread.say(me, "Un de trop")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "45"
    assert "attendez 45 seconde(s)" in refused.json()["detail"]
    assert counts(ctx) == (1 + SENDS_PER_MINUTE, 0)
    assert thread.say(me, "Message 1", message_id=first_id).status_code == 201  # a resend is not a new send
    assert thread.say(doctor, "Le professionnel a sa propre limite").status_code == 201
    clock.advance(timedelta(seconds=46))
    assert thread.say(me, "Un de trop").status_code == 201


def test_attachments_are_limited_too_and_a_first_message_names_only_its_own_upload(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext, clock: ManualClock
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    thread = Thread.opened(client, doctor, person.nir)
    first = str(uuid.uuid4())
    assert thread.attach(doctor, PDF, "a.pdf", first).status_code == 201
    conversation_id, message_id = str(uuid.uuid4()), str(uuid.uuid4())
    body: dict[str, Any] = {
        "id": conversation_id,
        "ins": person.nir,
        "subject": "Avec un document",
        "message": {"id": message_id, "text": "Voici", "attachment_id": first},
    }
    on_start = client.post("/v1/pro/conversations", json=body, headers=doctor)  # another conversation's file
    assert on_start.status_code == 422 and on_start.json()["code"] == "attachment_unknown"
    assert "joignez-la à nouveau" in on_start.json()["detail"]

    # The first message's own document: uploaded (resumable path) for the conversation about to start.
    own = str(uuid.uuid4())
    path = upload_path(conversation_id, own)
    announced = {"sha256": hashlib.sha256(PDF).hexdigest(), "size": len(PDF), "filename": "cr.pdf"}
    assert client.post(path, json=announced, headers=me).status_code == 404  # a patient never starts one
    opened = client.post(path, json={**announced, "dossier_id": str(person.dossier_id)}, headers=doctor)
    assert opened.status_code == 201 and opened.json()["offset"] == 0, opened.text
    assert chunk(client, doctor, path, 0, PDF).json()["complete"] is True
    started = client.post(
        "/v1/pro/conversations",
        json={**body, "message": {"id": message_id, "text": "Voici", "attachment_id": own}},
        headers=doctor,
    )
    assert started.status_code == 201, started.text
    assert started.json()["message"]["attachment"]["filename"] == "cr.pdf"
    mine = client.get(f"/v1/conversations/{conversation_id}/attachments/{own}", headers=me)
    assert mine.status_code == 200 and mine.content == PDF  # the patient reads it

    for _ in range(SENDS_PER_MINUTE - 2):  # two attachments so far
        assert thread.attach(doctor, PDF).status_code == 201
    assert thread.attach(doctor, PDF, "a.pdf", first).status_code == 201  # the same upload again is not counted
    refused = thread.attach(doctor, PDF)
    assert refused.status_code == 429 and refused.json()["code"] == "attachments_rate_limited"
    assert "attendez 60 seconde(s)" in refused.json()["detail"] and refused.headers["Retry-After"] == "60"
    assert counts(ctx) == (2, SENDS_PER_MINUTE) and len(bodies_on_disk(ctx)) == SENDS_PER_MINUTE
    clock.advance(timedelta(seconds=61))
    assert thread.attach(doctor, PDF).status_code == 201


def test_an_attachment_goes_up_in_checksummed_chunks_from_the_services_offset(
    client: TestClient, flows: Flows, pros: Pros, ctx: ServiceContext
) -> None:
    person, me = patient(flows)
    doctor = pros.sign_in(GP, "Médecin généraliste", "Durand")
    thread = Thread.opened(client, doctor, person.nir)
    content = PDF + b"%" * 5000
    attachment_id = str(uuid.uuid4())
    path = upload_path(thread.id, attachment_id)
    announced = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content), "filename": "cr.pdf"}
    assert client.post(path, json=announced, headers=doctor).json()["offset"] == 0
    assert chunk(client, doctor, path, 0, content[:3000]).json()["offset"] == 3000
    again = client.post(path, json=announced, headers=doctor)  # asked again (after a cut): where to resume
    assert again.json()["offset"] == 3000 and client.head(path, headers=doctor).headers["Upload-Offset"] == "3000"
    assert client.head(path, headers=me).status_code == 404  # only its uploader continues it
    behind = chunk(client, doctor, path, 0, content[:3000])
    assert behind.status_code == 409 and behind.headers["Upload-Offset"] == "3000"
    assert counts(ctx) == (1, 0)  # nothing a message could name yet
    assert chunk(client, doctor, path, 3000, content[3000:]).json()["complete"] is True
    assert counts(ctx) == (1, 1) and client.post(path, json=announced, headers=doctor).json()["complete"] is True
    assert thread.say(doctor, "Le compte rendu", attachment_id=attachment_id).status_code == 201
    got = client.get(f"/v1/conversations/{thread.id}/attachments/{attachment_id}", headers=me)
    assert got.status_code == 200 and got.content == content
