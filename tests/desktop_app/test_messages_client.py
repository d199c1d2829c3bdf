"""The client's messagerie against the real central service on loopback: replies through the offline outbox, sent
once when the network is back, no duplicate after a cut, refusals told; and carnet-cli messages."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app import account, messages, vault
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.service_client import ServiceError
from desktop_app.setting_keys import SettingKey
from dossier.errors import DossierValidationError
from server.messages.models import Message
from tests.support.access import GP, Headers, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.faultproxy import FaultProxy, Faults
from tests.support.service import PASSWORD, Flows, Mailbox, Person, free_port
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]


class Scene:
    def __init__(
        self, live: LiveServer, flows: Flows, profile: UnlockedProfile, person: Person, doctor: Headers
    ) -> None:
        self.live, self.flows, self.profile, self.person, self.doctor = live, flows, profile, person, doctor

    def start(self, text: str = "Vos résultats sont arrivés.") -> str:
        body = {
            "id": str(uuid.uuid4()),
            "ins": self.person.nir,
            "subject": "Résultats",
            "message": {"id": str(uuid.uuid4()), "text": text},
        }
        r = self.flows.client.post("/v1/pro/conversations", json=body, headers=self.doctor)
        assert r.status_code == 201, r.text
        return str(r.json()["conversation_id"])

    def stored(self, conversation_id: str) -> list[tuple[str, int, str]]:
        assert self.live.ctx is not None
        with self.live.ctx.sessions() as session:
            rows = session.scalars(
                select(Message).where(Message.conversation_id == uuid.UUID(conversation_id)).order_by(Message.seq)
            )
            return [(str(m.id), m.seq, m.body) for m in rows]

    def offline(self) -> None:
        self.profile.set_setting(SettingKey.SERVER_URL, f"http://127.0.0.1:{free_port()}")  # nobody listens there

    def online(self, url: str | None = None) -> None:
        self.profile.set_setting(SettingKey.SERVER_URL, url or self.live.url)

    def patient_headers(self) -> Headers:
        return {"Authorization": f"Bearer {self.profile.settings[SettingKey.ACCESS_TOKEN]}"}


@pytest.fixture
def scene(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Scene:
    person = flows.provision()
    ticket = account.start_activation(
        live.url, person.activation_code, person.nir, person.serial, "zoe.msg.test", PASSWORD
    )
    directory = ProfileDirectory(tmp_path / "client", kdf=vault.FLOOR_KDF)
    profile, _ = account.confirm_activation(
        ticket, mailbox.last_otp(person.email), directory=directory, device_name="PC"
    )
    assert live.ctx is not None
    doctor = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "Médecin généraliste", "Durand")  # type: ignore[arg-type]
    return Scene(live, flows, profile, person, doctor)


def test_a_reply_written_offline_is_kept_then_sent_once(scene: Scene) -> None:
    conv = scene.start()
    [listed], total = messages.conversations(scene.profile)
    assert (total, listed.id, listed.unread, listed.professional_name) == (1, conv, 1, "Alex Durand")

    scene.offline()
    queued = messages.reply(scene.profile, conv, "  Merci docteur, je passe jeudi.  ")
    assert isinstance(queued, messages.Queued)
    assert [i["text"] for i in messages.outbox(scene.profile)] == ["Merci docteur, je passe jeudi."]
    assert len(scene.stored(conv)) == 1  # nothing left the computer
    assert messages.flush_outbox(scene.profile).waiting == 1  # still offline: still kept

    scene.online()
    _, thread = messages.thread(scene.profile, conv)
    assert [m.pending for m in thread] == [False, True]  # the waiting reply shows, after the service's messages
    report = messages.flush_outbox(scene.profile)
    assert (len(report.sent), report.refused, report.waiting) == (1, [], 0)
    assert messages.outbox(scene.profile) == []
    assert scene.stored(conv) == [
        (scene.stored(conv)[0][0], 1, "Vos résultats sont arrivés."),
        (queued.id, 2, "Merci docteur, je passe jeudi."),
    ]
    assert messages.flush_outbox(scene.profile).sent == []  # nothing sent twice
    _, thread = messages.thread(scene.profile, conv)
    assert [(m.seq, m.mine) for m in thread] == [(1, False), (2, True)]


def test_a_send_cut_after_the_service_stored_it_leaves_no_duplicate(scene: Scene) -> None:
    conv = scene.start()
    proxy = FaultProxy(scene.live.port, Faults(cut_downstream_after=1))  # the answer is lost, the request arrived
    try:
        scene.online(proxy.url)
        outcome = messages.reply(scene.profile, conv, "Bien reçu.")
        assert proxy.connections >= 2  # the first answer was cut: the same reply was sent again
        if isinstance(outcome, messages.Queued):  # every retry was cut: sent again at the next flush
            scene.online()
            assert len(messages.flush_outbox(scene.profile).sent) == 1
    finally:
        proxy.close()
    stored = scene.stored(conv)
    assert [(mid, seq) for mid, seq, _ in stored][1:] == [(outcome.id, 2)]
    assert len(stored) == 2 and messages.outbox(scene.profile) == []


def test_refusals_are_told_and_nothing_is_kept(scene: Scene) -> None:
    conv = scene.start()
    for bad in ("   ", "x" * 5001):
        with pytest.raises(DossierValidationError):
            messages.reply(scene.profile, conv, bad)
    assert messages.outbox(scene.profile) == []

    scene.offline()
    assert isinstance(messages.reply(scene.profile, conv, "Une question encore"), messages.Queued)
    # meanwhile, from another device, the patient closes the conversation
    closed = scene.flows.client.post(f"/v1/conversations/{conv}/close", headers=scene.patient_headers())
    assert closed.status_code == 200
    scene.online()
    report = messages.flush_outbox(scene.profile)
    [refused] = report.refused
    assert refused.error.code == "conversation_closed" and refused.text == "Une question encore"
    assert "close" in refused.error.message_fr
    assert messages.outbox(scene.profile) == [] and len(scene.stored(conv)) == 1
    with pytest.raises(ServiceError) as caught:
        messages.reply(scene.profile, conv, "Et maintenant ?")
    assert caught.value.code == "conversation_closed"
    assert messages.outbox(scene.profile) == [] and len(scene.stored(conv)) == 1


def _cli(data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_carnet_cli_messages_list_show_reply(scene: Scene, tmp_path: Path) -> None:
    conv = scene.start("Pouvez-vous confirmer votre allergie ?")
    data_dir = tmp_path / "client"
    scene.profile.lock()
    listed = _cli(data_dir, "messages", "list", "--password-stdin", stdin=PASSWORD + "\n")
    assert listed.returncode == 0, listed.stderr
    assert conv in listed.stdout and "Résultats" in listed.stdout and "1 non lu" in listed.stdout
    shown = _cli(data_dir, "messages", "show", conv, "--password-stdin", stdin=PASSWORD + "\n")
    assert shown.returncode == 0, shown.stderr
    assert "Pouvez-vous confirmer votre allergie ?" in shown.stdout
    replied = _cli(
        data_dir,
        "messages",
        "reply",
        conv,
        "--text-stdin",
        "--password-stdin",
        stdin=PASSWORD + "\nOui, à la pénicilline.\nDepuis l'enfance.\n",
    )
    assert replied.returncode == 0, replied.stderr
    assert "Réponse envoyée" in replied.stdout
    assert [body for _, _, body in scene.stored(conv)][1] == "Oui, à la pénicilline.\nDepuis l'enfance."
    as_json: Any = _cli(data_dir, "messages", "list", "--json", "--password-stdin", stdin=PASSWORD + "\n")
    assert '"unread": 0' in as_json.stdout  # reading it with show marked it read
    empty = _cli(data_dir, "messages", "reply", conv, "--text-stdin", "--password-stdin", stdin=PASSWORD + "\n \n")
    assert empty.returncode == 4 and "vide" in empty.stderr
    no_flag = _cli(data_dir, "messages", "reply", conv, "--password-stdin", stdin=PASSWORD + "\n")
    assert no_flag.returncode == 2 and "--text-stdin" in no_flag.stderr
    assert len(scene.stored(conv)) == 2
