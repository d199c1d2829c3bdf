"""The messagerie from the clinic workstation against the real service on loopback (behind the fault proxy): the
professional starts a conversation in the day's copy's sync outbox, the patient's engine pulls it and replies, the
clinic's pull brings the reply; offline, what is written waits in the outbox and goes once at the next contact, or
with the background sync without the screen; a blocked professional and bad input get a clear refusal; when the
lease ends, the messages are crypto-shredded with the rest of the copy."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app import clinic_messages, messages
from desktop_app.clinic import ClinicSession, DocumentPolicy
from desktop_app.sync import refusals
from desktop_app.sync.engine import S_ACCESS, S_URL
from desktop_app.sync.http import Backoff, SyncOffline
from dossier.errors import DossierValidationError
from dossier.messages import ATTACHMENT_MAX_BYTES, MESSAGE_MAX_CHARS
from server.messages.models import Message as StoredMessage
from tests.support.faultproxy import FaultProxy
from tests.support.messagerie_uploads import big_pdf
from tests.support.service_fixtures import backend as backend
from tests.support.service_fixtures import db_url as db_url
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.service_fixtures import template_db as template_db
from tests.support.sync_lab import ANNE, Device, Lab, make_engine
from tests.support.sync_lab_fixtures import api as api
from tests.support.sync_lab_fixtures import flows as flows
from tests.support.sync_lab_fixtures import lab as lab
from tests.support.sync_lab_fixtures import live as live
from tests.support.sync_lab_fixtures import server_clock as server_clock


class DeviceClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class Station:
    """Anne's clinic profile behind a proxy whose cable the test can pull, the patient's dossier held for the day."""

    def __init__(self, lab: Lab, patient: Device) -> None:
        self.lab = lab
        pro = lab.professional(ANNE)
        lab.grant(patient, ANNE)
        self.device = lab.pro_device(pro)
        assert lab.live.port
        self.proxy = FaultProxy(lab.live.port)
        self.device.profile.set_setting(S_URL, self.proxy.url)
        self.profile = self.device.profile
        self.session = ClinicSession(self.profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
        self.dossier_id = str(patient.profile.settings["own_dossier_id"])
        assert self.session.prepare_day([self.dossier_id], documents=DocumentPolicy.NONE) == [self.dossier_id]

    def cable(self, *, plugged: bool) -> None:
        self.proxy.faults.reset_probability = 0.0 if plugged else 1.0

    def stored(self, conversation_id: str) -> list[str]:
        assert self.lab.live.ctx is not None
        with self.lab.live.ctx.sessions() as session:
            rows = session.scalars(
                select(StoredMessage)
                .where(StoredMessage.conversation_id == uuid.UUID(conversation_id))
                .order_by(StoredMessage.seq)
            )
            return [m.body for m in rows]

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.profile.settings[S_ACCESS]}"}

    def close(self) -> None:
        self.session.logout()
        self.proxy.close()


@pytest.fixture
def scene(lab: Lab) -> Any:
    patient = lab.device(lab.person())
    station = Station(lab, patient)
    yield patient, station
    station.close()


def clear_text_in(folder: Path, text: str) -> bool:
    return any(text.encode() in f.read_bytes() for f in folder.rglob("*") if f.is_file())


def test_the_professional_writes_the_patient_replies_and_the_clinic_reads_it(scene: Any) -> None:
    patient, station = scene
    conv, sent = clinic_messages.start(
        station.profile, station.dossier_id, "  Vos résultats ", "  Vos résultats sont arrivés.  "
    )
    assert isinstance(sent, messages.Queued)  # into the day's copy's outbox
    station.session.sync()
    assert station.stored(conv) == ["Vos résultats sont arrivés."]

    patient.engine.sync_once()  # the patient's own engine
    [seen], _ = messages.conversations(patient.profile)
    assert (seen.id, seen.subject, seen.unread, seen.professional_name) == (conv, "Vos résultats", 1, "Anne Durand")
    assert isinstance(messages.reply(patient.profile, conv, "Merci, je passe jeudi."), messages.Queued)
    patient.engine.sync_once()

    station.session.sync()
    listed, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert [(c.id, c.unread) for c in listed] == [(conv, 1)] and report.waiting == 0
    conversation, thread = clinic_messages.thread(station.profile, listed[0])
    assert [(m.text, m.mine, m.sender_role) for m in thread] == [
        ("Vos résultats sont arrivés.", True, "professional"),
        ("Merci, je passe jeudi.", False, "patient"),
    ]
    assert not conversation.kept and conversation.unread == 0  # read here at once
    station.session.sync()
    pro_view = station.lab.api.get("/v1/conversations", headers=station.headers()).json()["items"][0]
    assert pro_view["unread"] == 0  # the read mark reached the service
    patient.engine.sync_once()
    assert messages.thread(patient.profile, conv)[1][-1].seen_in(messages.conversations(patient.profile)[0][0])


def test_offline_the_days_copy_is_read_and_what_is_written_goes_once_at_the_next_contact(scene: Any) -> None:
    patient, station = scene
    conv, _ = clinic_messages.start(station.profile, station.dossier_id, "Suivi", "Comment allez-vous ?")
    station.session.sync()

    station.cable(plugged=False)
    queued = clinic_messages.reply(station.profile, conv, "Pensez à votre prise de sang.")
    assert isinstance(queued, messages.Queued)
    new_conv, first = clinic_messages.start(station.profile, station.dossier_id, "Vaccin", "Le rappel est à faire.")
    assert isinstance(first, messages.Queued)
    after = clinic_messages.reply(station.profile, new_conv, "Prenez rendez-vous.")
    assert isinstance(after, messages.Queued)
    offline, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert {c.id for c in offline} == {conv, new_conv} and report.waiting == 3
    _, waiting = clinic_messages.thread(station.profile, next(c for c in offline if c.id == new_conv))
    assert [(m.text, m.pending) for m in waiting] == [("Le rappel est à faire.", True), ("Prenez rendez-vous.", True)]
    with pytest.raises(SyncOffline):
        station.session.sync()
    assert station.stored(conv) == ["Comment allez-vous ?"]  # nothing left the PC

    station.cable(plugged=True)
    station.session.sync()
    online, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert {c.id for c in online} == {conv, new_conv} and report.waiting == 0
    assert station.stored(conv) == ["Comment allez-vous ?", "Pensez à votre prise de sang."]
    assert station.stored(new_conv) == ["Le rappel est à faire.", "Prenez rendez-vous."]
    assert sum(station.session.sync().pushed.values()) == 0  # nothing sent twice
    patient.engine.sync_once()
    patient_side, _ = messages.conversations(patient.profile)
    assert {c.id for c in patient_side} == {conv, new_conv}


def test_the_background_sync_sends_what_is_written_without_the_screen(scene: Any) -> None:
    _patient, station = scene
    engine = station.session.engine
    engine.push_delay = 0.1
    engine.start(interval=300.0, delay=300.0)  # no planned sync soon: only the local change wakes it
    try:
        conv, _ = clinic_messages.start(
            station.profile, station.dossier_id, "Ordonnance", "Votre ordonnance est prête."
        )
        deadline = time.monotonic() + 20
        while not station.stored(conv) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert station.stored(conv) == ["Votre ordonnance est prête."]
    finally:
        engine.cancel()


def test_a_blocked_professional_and_bad_input_are_refused_clearly_with_nothing_kept(scene: Any, lab: Lab) -> None:
    patient, station = scene
    with pytest.raises(DossierValidationError) as empty:
        clinic_messages.start(station.profile, station.dossier_id, "Objet", "   ")
    assert "vide" in empty.value.message("fr")
    with pytest.raises(DossierValidationError) as long:
        clinic_messages.start(station.profile, station.dossier_id, "Objet", "x" * (MESSAGE_MAX_CHARS + 1))
    assert "trop long" in long.value.message("fr")
    with pytest.raises(DossierValidationError):
        clinic_messages.start(station.profile, station.dossier_id, "  ", "Bonjour")
    assert messages.waiting(station.profile) == 0

    headers = {"Authorization": f"Bearer {patient.profile.settings[S_ACCESS]}"}
    r = lab.api.put(f"/v1/me/access/professionals/{ANNE}/block", headers=headers)
    assert r.status_code == 200, r.text
    told: list[refusals.RefusedChange] = []
    station.session.engine.on_revoked(lambda _r: told.extend(refusals.refused_changes(station.profile)))
    clinic_messages.start(station.profile, station.dossier_id, "Objet", "Bonjour")
    report = station.session.sync()
    assert report.pushed.get("forbidden") == 1
    # blocking also withdrew the access: the day's copy is shredded, the refusal told before (with the text)
    [revoked] = report.revoked
    assert revoked.pending_changes == 1 and station.profile.dossier_ids() == []
    [refused] = told
    assert refused.why("fr") == "Ce patient vous a bloqué : vous ne pouvez pas lui écrire."
    assert refused.why("en") == "This patient blocked you: you cannot write to them."
    assert refused.wanted()["text"] == "Bonjour"
    patient.engine.sync_once()
    assert messages.conversations(patient.profile)[0] == []


def test_when_the_clinic_lease_ends_the_messages_are_crypto_shredded(lab: Lab) -> None:
    patient = lab.device(lab.person())
    clinic = lab.pro_device(lab.professional())
    lab.grant(patient)
    clock = DeviceClock()
    clinic.engine.http.close()
    clinic.engine = make_engine(clinic.profile, device_clock=clock)
    clinic.engine.sync_once()
    dossier_id = str(patient.profile.settings["own_dossier_id"])
    conv, _ = messages.start(clinic.profile, dossier_id, "Résultats", "Votre ferritine est à 12 µg/l.")
    clinic.engine.sync_once()
    assert [m.text for m in messages.thread(clinic.profile, conv)[1]] == ["Votre ferritine est à 12 µg/l."]

    clock.now += timedelta(hours=3)  # the lease (1 h in this suite) and its grace (1 h) are over
    assert clinic.engine.check_leases() == {dossier_id: "purged"}
    assert clinic.profile.dossier_ids() == [] and messages.conversations(clinic.profile) == ([], 0)
    assert not clear_text_in(clinic.profile.path, "ferritine")


def test_a_conversation_started_with_a_document_reaches_the_patient_who_files_it(scene: Any) -> None:
    patient, station = scene
    content = big_pdf(1_200_000)  # several chunks of the resumable path
    too_big = big_pdf(ATTACHMENT_MAX_BYTES + 1)
    with pytest.raises(DossierValidationError):  # checked before anything is kept
        clinic_messages.start(station.profile, station.dossier_id, "Bilan", "Voici.", attachment=(too_big, "b.pdf"))
    assert messages.waiting(station.profile) == 0

    station.cable(plugged=False)  # written offline, from the day's copy
    conv, first = clinic_messages.start(
        station.profile, station.dossier_id, "Bilan", "Voici votre bilan.", attachment=(content, "Bilan.pdf")
    )
    assert isinstance(first, messages.Queued)
    offline, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert [c.id for c in offline] == [conv] and report.waiting == 1  # shown at once, waiting to go
    station.cable(plugged=True)
    station.session.sync()
    assert station.stored(conv) == ["Voici votre bilan."]  # the conversation and its first message, once
    assert messages.waiting(station.profile) == 0
    station.session.sync()
    assert station.stored(conv) == ["Voici votre bilan."]

    patient.engine.sync_once()
    conversation, thread = messages.thread(patient.profile, conv)
    [message] = thread
    assert message.attachment is not None and message.attachment.filename == "Bilan.pdf"
    saved = messages.save_to_documents(patient.profile, conversation, message, category="biologie")
    assert patient.profile.dossier().documents.read(saved.id) == content
    assert saved.external_ref == f"message:{message.id}"
