"""The messagerie from the clinic workstation against the real service on loopback (behind the fault proxy): the
professional starts a conversation, the patient's engine sees it and replies, the clinic reads the reply; offline,
the day's copy is read and what is written waits in the outbox, sent once at the next contact; a blocked
professional and bad input get a clear refusal, nothing kept."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app import clinic_messages, messages
from desktop_app.clinic import ClinicSession, DocumentPolicy
from desktop_app.service_client import ServiceError
from desktop_app.sync.engine import S_ACCESS, S_URL
from desktop_app.sync.http import Backoff, SyncOffline
from dossier.errors import DossierValidationError
from dossier.messages import MESSAGE_MAX_CHARS
from server.messages.models import Message as StoredMessage
from tests.support.faultproxy import FaultProxy
from tests.support.service_fixtures import backend as backend
from tests.support.service_fixtures import db_url as db_url
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.service_fixtures import template_db as template_db
from tests.support.sync_lab import ANNE, Device, Lab
from tests.support.sync_lab_fixtures import api as api
from tests.support.sync_lab_fixtures import flows as flows
from tests.support.sync_lab_fixtures import lab as lab
from tests.support.sync_lab_fixtures import live as live
from tests.support.sync_lab_fixtures import server_clock as server_clock


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

    def close(self) -> None:
        self.session.logout()
        self.proxy.close()


@pytest.fixture
def scene(lab: Lab) -> Any:
    patient = lab.device(lab.person())
    station = Station(lab, patient)
    yield patient, station
    station.close()


def test_the_professional_writes_the_patient_replies_and_the_clinic_reads_it(scene: Any) -> None:
    patient, station = scene
    conv, sent = clinic_messages.start(
        station.profile, station.dossier_id, "  Vos résultats ", "  Vos résultats sont arrivés.  "
    )
    assert isinstance(sent, messages.Message) and sent.seq == 1 and sent.mine

    [seen], _ = messages.conversations(patient.profile)  # the patient's own engine
    assert (seen.id, seen.subject, seen.unread, seen.professional_name) == (conv, "Vos résultats", 1, "Anne Durand")
    answer = messages.reply(patient.profile, conv, "Merci, je passe jeudi.")
    assert isinstance(answer, messages.Message)

    listed, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert [(c.id, c.unread) for c in listed] == [(conv, 1)] and report.waiting == 0
    conversation, thread = clinic_messages.thread(station.profile, listed[0])
    assert [(m.text, m.mine, m.sender_role) for m in thread] == [
        ("Vos résultats sont arrivés.", True, "professional"),
        ("Merci, je passe jeudi.", False, "patient"),
    ]
    assert not conversation.kept
    again, _ = clinic_messages.conversations(station.profile)
    assert again[0].unread == 0  # read: marked on the service
    assert clinic_messages.conversations(station.profile, dossier_id=str(uuid.uuid4()))[0] == []


def test_offline_the_days_copy_is_read_and_what_is_written_goes_once_at_the_next_contact(scene: Any) -> None:
    patient, station = scene
    conv, _ = clinic_messages.start(station.profile, station.dossier_id, "Suivi", "Comment allez-vous ?")
    [listed], _ = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    clinic_messages.thread(station.profile, listed)  # read once: kept with the patient's dossier of the day

    station.cable(plugged=False)
    kept, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert [c.id for c in kept] == [conv] and kept[0].kept and report.waiting == 0
    conversation, thread = clinic_messages.thread(station.profile, kept[0])
    assert conversation.kept and [m.text for m in thread] == ["Comment allez-vous ?"]

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
    assert station.stored(conv) == ["Comment allez-vous ?"]  # nothing left the PC

    station.cable(plugged=True)
    online, report = clinic_messages.conversations(station.profile, dossier_id=station.dossier_id)
    assert (len(report.sent), report.refused, report.waiting) == (3, [], 0)
    assert {c.id for c in online} == {conv, new_conv} and not any(c.kept for c in online)
    assert messages.outbox(station.profile) == []
    assert station.stored(conv) == ["Comment allez-vous ?", "Pensez à votre prise de sang."]
    assert station.stored(new_conv) == ["Le rappel est à faire.", "Prenez rendez-vous."]
    assert clinic_messages.flush(station.profile).sent == []  # nothing sent twice
    patient_side, _ = messages.conversations(patient.profile)
    assert {c.id for c in patient_side} == {conv, new_conv}


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
    assert messages.outbox(station.profile) == []

    headers = {"Authorization": f"Bearer {patient.profile.settings[S_ACCESS]}"}
    r = lab.api.put(f"/v1/me/access/professionals/{ANNE}/block", headers=headers)
    assert r.status_code == 200, r.text
    with pytest.raises(ServiceError) as blocked:
        clinic_messages.start(station.profile, station.dossier_id, "Objet", "Bonjour")
    assert blocked.value.message_fr == "Ce patient vous a bloqué : vous ne pouvez pas lui écrire."
    assert messages.outbox(station.profile) == []
    assert messages.conversations(patient.profile)[0] == []
    station.cable(plugged=False)
    with pytest.raises(SyncOffline):  # offline, with nothing kept and nothing waiting: said, not an empty list
        clinic_messages.conversations(station.profile)
