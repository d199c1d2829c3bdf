"""The client's messagerie against the real service on loopback (issue 20, second part): threads kept and brought up
to date from their cursor, read receipts through the outbox converging on two devices of one patient, a removed
device forgetting its threads, attachments sent and saved into Documents, the sending limit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app import account, messages, vault
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.context import set_meta
from desktop_app.sync.http import DeviceRevoked
from desktop_app.sync.tables import sync_meta
from dossier.errors import DossierValidationError
from dossier.messages import ATTACHMENT_MAX_BYTES
from server.clock import ManualClock
from server.messages.service import SENDS_PER_MINUTE
from tests.support.access import GP, Headers, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.messagerie import PDF, Thread
from tests.support.service import PASSWORD, Flows, Mailbox, Person, free_port
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]

IDENTIFIER = "zoe.sync.msg"


class Two:
    """One patient with a laptop and a phone (two devices of one account), and a doctor who writes to them."""

    def __init__(self, live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> None:
        self.live, self.flows = live, flows
        self.person: Person = flows.provision()
        ticket = account.start_activation(
            live.url, self.person.activation_code, self.person.nir, self.person.serial, IDENTIFIER, PASSWORD
        )
        self.laptop_dir = tmp_path / "laptop"
        laptop_dir = ProfileDirectory(self.laptop_dir, kdf=vault.FLOOR_KDF)
        self.laptop, _ = account.confirm_activation(
            ticket, mailbox.last_otp(self.person.email), directory=laptop_dir, device_name="PC"
        )
        login = account.start_login(live.url, IDENTIFIER, PASSWORD)
        phone_dir = ProfileDirectory(tmp_path / "phone", kdf=vault.FLOOR_KDF)
        self.phone, _ = account.confirm_login(
            login, mailbox.last_otp(self.person.email), directory=phone_dir, device_name="Portable"
        )
        assert live.ctx is not None
        pros = Pros(flows.client, live.ctx, mailbox)  # type: ignore[arg-type]
        self.doctor: Headers = pros.sign_in(GP, "Médecin généraliste", "Durand")

    def thread(self) -> Thread:
        return Thread.opened(self.flows.client, self.doctor, self.person.nir)

    @staticmethod
    def offline(profile: UnlockedProfile) -> None:
        profile.set_setting(SettingKey.SERVER_URL, f"http://127.0.0.1:{free_port()}")  # nobody listens there

    def online(self, profile: UnlockedProfile) -> None:
        profile.set_setting(SettingKey.SERVER_URL, self.live.url)

    @property
    def clock(self) -> ManualClock:
        assert self.live.ctx is not None
        found = self.live.ctx.settings.clock
        assert isinstance(found, ManualClock)
        return found


@pytest.fixture
def two(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Two:
    return Two(live, flows, mailbox, tmp_path)


def kept(profile: UnlockedProfile) -> dict[str, Any]:
    """The messagerie's rows in the own dossier's encrypted database (threads kept, by key), decoded."""
    with profile.dossier().reading() as conn:
        rows = conn.execute(select(sync_meta).where(sync_meta.c.key.startswith("messages:")))
        return {key: json.loads(value) for key, value in rows}


def rewrite(profile: UnlockedProfile, key: str, value: Any) -> None:
    with profile.dossier().transaction() as conn:
        set_meta(conn, key, json.dumps(value))


def test_threads_come_from_their_cursor_and_reads_converge_on_both_devices(two: Two) -> None:
    thread = two.thread()
    for n in (2, 3):
        assert thread.say(two.doctor, f"Message {n}").status_code == 201
    conv, got = messages.thread(two.laptop, thread.id)
    assert [m.seq for m in got] == [1, 2, 3] and conv.unread == 3
    held = kept(two.laptop)[f"messages:m:{thread.id}"]
    assert held["after_seq"] == 3 and kept(two.laptop)[f"messages:c:{thread.id}"]["last_seq"] == 3
    files = [f for f in two.laptop_dir.rglob("*") if f.is_file()]
    assert files and not any(b"Message 2" in f.read_bytes() for f in files)  # kept encrypted, never in clear

    # what was received is not asked again: a later read fetches only what follows the cursor
    held["messages"][0]["text"] = "(copie locale)"
    rewrite(two.laptop, f"messages:m:{thread.id}", held)
    assert thread.say(two.doctor, "Message 4").status_code == 201
    conv, got = messages.thread(two.laptop, thread.id)
    assert [(m.seq, m.text) for m in got][0::3] == [(1, "(copie locale)"), (4, "Message 4")] and not conv.kept

    # offline: the kept thread and list are shown; reading it there marks it read here and queues the receipt
    two.offline(two.laptop)
    conv, got = messages.thread(two.laptop, thread.id)
    assert [m.seq for m in got] == [1, 2, 3, 4] and conv.kept
    assert [(c.id, c.kept) for c in messages.conversations(two.laptop)[0]] == [(thread.id, True)]
    assert messages.mark_read(two.laptop, thread.id, 4).unread == 0
    assert messages.conversations(two.laptop)[0][0].unread == 0
    assert messages.outbox(two.laptop) == []  # a receipt is not a reply waiting
    assert messages.conversations(two.phone)[0][0].unread == 4  # the service has not heard yet

    two.online(two.laptop)
    assert messages.flush_outbox(two.laptop).waiting == 0
    [on_phone], _ = messages.conversations(two.phone)
    assert (on_phone.unread, on_phone.read_seq) == (0, 4)  # read on the laptop: read on the phone
    pro_view = two.flows.client.get("/v1/conversations", headers=two.doctor).json()["items"][0]
    assert pro_view["other_read_seq"] == 4  # the professional sees it was read

    reply = messages.reply(two.phone, thread.id, "Bien reçu, merci.")
    assert isinstance(reply, messages.Message) and reply.seq == 5
    assert thread.mark_read(two.doctor, 5).status_code == 200
    conv, got = messages.thread(two.laptop, thread.id)
    assert got[-1].text == "Bien reçu, merci." and got[-1].mine and got[-1].seen_in(conv)
    assert not got[0].seen_in(conv)  # the professional's own message is not "seen by the other side" for me


def test_a_device_removed_from_the_account_forgets_its_threads(two: Two) -> None:
    thread = two.thread()
    messages.thread(two.laptop, thread.id)
    assert f"messages:m:{thread.id}" in kept(two.laptop)
    laptop_device = str(two.laptop.settings[SettingKey.DEVICE_ID])
    account.revoke_device(two.phone, laptop_device)  # from the phone, the person removes the laptop
    with pytest.raises(DeviceRevoked):
        messages.thread(two.laptop, thread.id)
    assert kept(two.laptop) == {}
    assert [m.seq for m in messages.thread(two.phone, thread.id)[1]] == [1]


def test_an_attachment_is_sent_and_saved_into_documents_once(two: Two) -> None:
    thread = two.thread()
    attachment_id = str(uuid.uuid4())
    assert thread.attach(two.doctor, PDF, "Bilan sanguin.pdf", attachment_id).status_code == 201
    assert thread.say(two.doctor, "Votre bilan", attachment_id=attachment_id).status_code == 201
    conv, got = messages.thread(two.laptop, thread.id)
    with_file = got[-1]
    assert with_file.attachment is not None and with_file.attachment.filename == "Bilan sanguin.pdf"

    store = two.laptop.dossier()
    before = store.documents.count()
    with pytest.raises(DossierValidationError):
        messages.save_to_documents(two.laptop, conv, with_file, category="pas_une_categorie")
    assert store.documents.count() == before
    saved = messages.save_to_documents(two.laptop, conv, with_file, category="biologie")
    assert (saved.title, saved.category, saved.format, saved.author_kind) == (
        "Bilan sanguin",
        "biologie",
        "pdf",
        "professional",
    )
    assert saved.external_ref == f"message:{with_file.id}" and store.documents.read(saved.id) == PDF
    again = messages.save_to_documents(two.laptop, conv, with_file, category="biologie")
    assert again.id == saved.id and store.documents.count() == before + 1  # saved once

    # the patient's own attachment: checked before anything is kept; offline, kept with its reply
    for bad in (PDF + b"0" * ATTACHMENT_MAX_BYTES, b"\x00\x01\x02binaire"):
        with pytest.raises(DossierValidationError):
            messages.reply(two.laptop, thread.id, "Ci-joint", attachment=(bad, "scan.pdf"))
    assert messages.outbox(two.laptop) == []
    two.offline(two.laptop)
    queued = messages.reply(two.laptop, thread.id, "Ma lettre ci-jointe", attachment=(PDF, "lettre.pdf"))
    assert isinstance(queued, messages.Queued)
    two.online(two.laptop)
    [sent] = messages.flush_outbox(two.laptop).sent
    assert sent.attachment is not None and sent.attachment.filename == "lettre.pdf"
    pro_page = thread.page(two.doctor).json()["items"]
    assert pro_page[-1]["attachment"]["sha256"] == sent.attachment.sha256


def test_past_the_sending_limit_the_reply_is_kept_with_when_to_retry(two: Two) -> None:
    thread = two.thread()
    for n in range(SENDS_PER_MINUTE):
        assert isinstance(messages.reply(two.laptop, thread.id, f"Réponse {n}"), messages.Message)
    limited = messages.reply(two.laptop, thread.id, "Une de trop")
    assert isinstance(limited, messages.RateLimited)
    assert 0 < limited.seconds <= 60 and "attendez" in limited.message("fr") and "wait" in limited.message("en")
    assert "Votre réponse est gardée" in limited.message("fr")
    assert [i["text"] for i in messages.outbox(two.laptop)] == ["Une de trop"]  # nothing lost
    report = messages.flush_outbox(two.laptop)
    assert report.waiting == 1 and report.rate_limited is not None
    two.clock.advance(timedelta(seconds=61))
    assert [m.text for m in messages.flush_outbox(two.laptop).sent] == ["Une de trop"]
    assert messages.outbox(two.laptop) == []


def _cli(data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    command = [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args, "--password-stdin"]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_carnet_cli_shows_saves_and_sends_attachments(two: Two, tmp_path: Path) -> None:
    thread = two.thread()
    attachment_id = str(uuid.uuid4())
    assert thread.attach(two.doctor, PDF, "Radio du genou.pdf", attachment_id).status_code == 201
    message_id = thread.say(two.doctor, "Votre radio", attachment_id=attachment_id).json()["message"]["id"]
    two.laptop.lock()
    laptop = tmp_path / "laptop"
    shown = _cli(laptop, "messages", "show", thread.id, stdin=PASSWORD + "\n")
    assert shown.returncode == 0, shown.stderr
    assert f"Pièce jointe : Radio du genou.pdf ({len(PDF)} octets) — message {message_id}" in shown.stdout
    wrong = _cli(laptop, "messages", "save-attachment", thread.id, message_id, "--category", "x", stdin=PASSWORD + "\n")
    assert wrong.returncode == 4 and "catégorie" in wrong.stderr.lower()
    saved = _cli(
        laptop, "messages", "save-attachment", thread.id, message_id, "--category", "imagerie", stdin=PASSWORD + "\n"
    )
    assert saved.returncode == 0, saved.stderr
    assert "« Radio du genou » enregistré dans vos documents (imagerie" in saved.stdout
    letter = tmp_path / "lettre.pdf"
    letter.write_bytes(PDF)
    sent = _cli(
        laptop, "messages", "reply", thread.id, "--text-stdin", "--attach", str(letter), stdin=PASSWORD + "\nMerci.\n"
    )
    assert sent.returncode == 0 and "Réponse envoyée" in sent.stdout, sent.stderr
    assert thread.page(two.doctor).json()["items"][-1]["attachment"]["filename"] == "lettre.pdf"
    missing = _cli(
        laptop,
        "messages",
        "reply",
        thread.id,
        "--text-stdin",
        "--attach",
        str(tmp_path / "absent.pdf"),
        stdin=PASSWORD + "\nx\n",
    )
    assert missing.returncode == 2 and "n'a pas pu être lu" in missing.stderr
