"""The messagerie on the patient's computer, against the real service over HTTP on loopback with real SQLCipher
files: conversations come with the dossier's ordinary pull; replies, read marks and closing go through the dossier's
sync outbox (offline works), sent once by the sync — a send cut after the service stored it leaves no copy."""

from __future__ import annotations

import contextlib
import json
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
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import refusals
from desktop_app.sync.context import set_meta
from desktop_app.sync.engine import SyncEngine, SyncReport
from desktop_app.sync.http import Backoff, SyncOffline
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

    def sync(self, url: str | None = None) -> SyncReport:
        """One sync of the carnet (the background sync's one run), through `url` when given."""
        self.profile.set_setting(SettingKey.SERVER_URL, url or self.live.url)
        return SyncEngine(self.profile, backoff=Backoff(base=0.01, cap=0.05, attempts=3)).sync_once()

    def sync_offline(self) -> None:
        with pytest.raises(SyncOffline):
            self.sync(f"http://127.0.0.1:{free_port()}")  # nobody listens there

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
    assert messages.conversations(scene.profile) == ([], 0)  # nothing until the sync brings it
    scene.sync()
    [listed], total = messages.conversations(scene.profile)
    assert (total, listed.id, listed.unread, listed.professional_name) == (1, conv, 1, "Alex Durand")

    queued = messages.reply(scene.profile, conv, "  Merci docteur, je passe jeudi.  ")
    assert isinstance(queued, messages.Queued) and messages.waiting(scene.profile) == 1
    _, thread = messages.thread(scene.profile, conv)
    assert [(m.pending, m.text) for m in thread] == [
        (False, "Vos résultats sont arrivés."),
        (True, "Merci docteur, je passe jeudi."),
    ]
    scene.sync_offline()
    assert len(scene.stored(conv)) == 1 and messages.waiting(scene.profile) == 1  # nothing left the computer

    report = scene.sync()
    assert report.pushed.get("applied") == 1
    assert scene.stored(conv)[1] == (queued.id, 2, "Merci docteur, je passe jeudi.")
    _, thread = messages.thread(scene.profile, conv)
    assert [(m.seq, m.mine, m.pending) for m in thread] == [(1, False, False), (2, True, False)]
    assert messages.waiting(scene.profile) == 0
    again = scene.sync()
    assert sum(again.pushed.values()) == 0 and len(scene.stored(conv)) == 2  # nothing sent twice
    assert again.requests == 1  # a no-op sync with messages present: one request


def test_a_send_cut_after_the_service_stored_it_leaves_no_duplicate(scene: Scene) -> None:
    conv = scene.start()
    scene.sync()
    queued = messages.reply(scene.profile, conv, "Bien reçu.")
    proxy = FaultProxy(scene.live.port, Faults(cut_downstream_after=1))  # the answer is lost, the request arrived
    try:
        with contextlib.suppress(SyncOffline):  # every retry was cut: the next sync sends it again
            scene.sync(proxy.url)
        assert proxy.connections >= 2  # the first answer was cut: the same push was sent again
    finally:
        proxy.close()
    scene.sync()
    stored = scene.stored(conv)
    assert [(mid, seq) for mid, seq, _ in stored][1:] == [(queued.id, 2)] and len(stored) == 2
    assert messages.waiting(scene.profile) == 0
    assert [m.seq for m in messages.thread(scene.profile, conv)[1]] == [1, 2]


def test_refusals_are_told_and_nothing_is_kept(scene: Scene) -> None:
    conv = scene.start()
    scene.sync()
    for bad in ("   ", "x" * 5001):
        with pytest.raises(DossierValidationError):
            messages.reply(scene.profile, conv, bad)
    assert messages.waiting(scene.profile) == 0

    assert isinstance(messages.reply(scene.profile, conv, "Une question encore"), messages.Queued)
    # meanwhile, from another device, the patient closes the conversation
    closed = scene.flows.client.post(f"/v1/conversations/{conv}/close", headers=scene.patient_headers())
    assert closed.status_code == 200
    report = scene.sync()
    assert report.pushed.get("forbidden") == 1
    [refused] = refusals.refused_changes(scene.profile)
    assert refused.reason == "conversation_closed" and refused.wanted()["text"] == "Une question encore"
    assert refused.what("fr") == "Message — ajout : Une question encore"
    assert "close" in refused.why("fr") and "closed" in refused.why("en")
    assert len(scene.stored(conv)) == 1 and messages.waiting(scene.profile) == 0
    assert messages.conversations(scene.profile)[0][0].closed  # the pull brought the closing
    with pytest.raises(messages.ConversationClosed):
        messages.reply(scene.profile, conv, "Et maintenant ?")
    assert messages.waiting(scene.profile) == 0 and len(scene.stored(conv)) == 1


def test_read_marks_close_archive_and_delete_go_through_the_outbox(scene: Scene) -> None:
    first, second = scene.start("Premier"), scene.start("Second")
    scene.sync()
    conv, _ = messages.thread(scene.profile, first, mark_as_read=True)
    assert conv.unread == 0  # counted here at once
    messages.archive(scene.profile, second)
    assert [c.id for c in messages.conversations(scene.profile)[0]] == [first]
    assert [c.id for c in messages.conversations(scene.profile, archived=True)[0]] == [second]
    scene.sync()
    listed = {c["id"]: c for c in scene.flows.client.get("/v1/conversations", headers=scene.doctor).json()["items"]}
    assert listed[first]["other_read_seq"] == 1  # the professional sees it was read
    assert scene.flows.client.get("/v1/conversations", headers=scene.patient_headers()).json()["total"] == 1
    messages.delete(scene.profile, first)
    assert messages.conversations(scene.profile)[0] == []
    scene.sync()
    assert messages.conversations(scene.profile)[0] == []  # the service's state agrees
    assert scene.flows.client.get("/v1/conversations", headers=scene.patient_headers()).json()["total"] == 0


def test_what_an_older_version_queued_is_moved_into_the_outbox_and_sent(scene: Scene) -> None:
    conv = scene.start()
    reply_id = str(uuid.uuid4())
    legacy = [
        {
            "id": reply_id,
            "conversation_id": conv,
            "text": "Écrit avant la mise à jour",
            "queued_at": "2026-12-01T10:00:00+00:00",
        },
        {"kind": "read", "id": f"read:{conv}", "conversation_id": conv, "up_to_seq": 1},
    ]
    scene.profile.set_setting(SettingKey.MESSAGES_OUTBOX, legacy)
    with scene.profile.dossier().transaction() as conn:  # the thread an older version kept
        set_meta(conn, f"messages:c:{conv}", json.dumps({"id": conv}))
        set_meta(conn, f"messages:m:{conv}", json.dumps({"messages": [], "after_seq": 0}))
    assert messages.waiting(scene.profile) == 0
    messages.conversations(scene.profile)  # the first use moves them
    assert messages.waiting(scene.profile) == 1 and scene.profile.settings[SettingKey.MESSAGES_OUTBOX] == []
    scene.sync()
    assert [(mid, body) for mid, _, body in scene.stored(conv)][1:] == [(reply_id, "Écrit avant la mise à jour")]
    [listed], _ = messages.conversations(scene.profile)
    assert listed.read_seq >= 1


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
