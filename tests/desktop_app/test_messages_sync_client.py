"""The client's messagerie against the real service on loopback, two devices of one patient with real SQLCipher
files: messages and read marks come in the ordinary pull and converge on both devices, a removed device loses them,
attachments go with their reply through the sync and are saved into Documents, the sending limit is told."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from desktop_app import account, messages
from desktop_app.profile import UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import refusals
from desktop_app.sync.engine import SyncEngine, SyncReport
from desktop_app.sync.http import Backoff, DeviceRevoked
from dossier.errors import DossierValidationError
from dossier.messages import ATTACHMENT_MAX_BYTES
from server.messages.service import SENDS_PER_MINUTE
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.messagerie import PDF
from tests.support.messagerie_devices import Two
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]


@pytest.fixture
def two(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Two:
    return Two(live, flows, mailbox, tmp_path)


def sync(profile: UnlockedProfile) -> SyncReport:
    """One run of the background sync on this device."""
    return SyncEngine(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=3)).sync_once()


def clear_text_in(folder: Path, text: str) -> bool:
    return any(text.encode() in f.read_bytes() for f in folder.rglob("*") if f.is_file())


def test_messages_and_read_marks_converge_on_both_devices_in_one_pull(two: Two) -> None:
    thread = two.thread()
    for n in (2, 3):
        assert thread.say(two.doctor, f"Message {n}").status_code == 201
    sync(two.laptop)
    conv, got = messages.thread(two.laptop, thread.id)
    assert [m.seq for m in got] == [1, 2, 3] and conv.unread == 3
    assert not clear_text_in(two.laptop_dir, "Message 2")  # kept encrypted, never in clear

    # reading it offline marks it read here at once; the mark goes with the next sync
    conv, _ = messages.thread(two.laptop, thread.id, mark_as_read=True)
    assert conv.unread == 0 and messages.conversations(two.laptop)[0][0].unread == 0
    assert messages.waiting(two.laptop) == 0  # a read mark is not a message waiting
    sync(two.phone)
    assert messages.conversations(two.phone)[0][0].unread == 3  # the service has not heard yet
    sync(two.laptop)
    report = sync(two.phone)
    assert report.requests == 1  # the new read mark came in the one pull request
    [on_phone], _ = messages.conversations(two.phone)
    assert (on_phone.unread, on_phone.read_seq) == (0, 3)  # read on the laptop: read on the phone
    pro_view = two.flows.client.get("/v1/conversations", headers=two.doctor).json()["items"][0]
    assert pro_view["other_read_seq"] == 3  # the professional sees it was read

    assert isinstance(messages.reply(two.phone, thread.id, "Bien reçu, merci."), messages.Queued)
    sync(two.phone)
    assert thread.mark_read(two.doctor, 4).status_code == 200
    sync(two.laptop)
    conv, got = messages.thread(two.laptop, thread.id)
    assert got[-1].text == "Bien reçu, merci." and got[-1].mine and got[-1].seen_in(conv)
    assert not got[0].seen_in(conv)  # the professional's own message is not "seen by the other side" for me
    assert sync(two.laptop).requests == 1  # nothing new: one request


def test_a_device_removed_from_the_account_loses_its_messages(two: Two) -> None:
    thread = two.thread("Votre glycémie est à 1,32 g/l.")
    sync(two.laptop)
    assert [m.seq for m in messages.thread(two.laptop, thread.id)[1]] == [1]
    laptop_device = str(two.laptop.settings[SettingKey.DEVICE_ID])
    account.revoke_device(two.phone, laptop_device)  # from the phone, the person removes the laptop
    with pytest.raises(DeviceRevoked):
        sync(two.laptop)
    assert two.laptop.dossier_ids() == [] and messages.conversations(two.laptop) == ([], 0)
    assert not clear_text_in(two.laptop_dir, "1,32 g/l")
    sync(two.phone)
    assert [m.seq for m in messages.thread(two.phone, thread.id)[1]] == [1]


def test_an_attachment_is_sent_and_saved_into_documents_once(two: Two) -> None:
    thread = two.thread()
    attachment_id = str(uuid.uuid4())
    assert thread.attach(two.doctor, PDF, "Bilan sanguin.pdf", attachment_id).status_code == 201
    assert thread.say(two.doctor, "Votre bilan", attachment_id=attachment_id).status_code == 201
    sync(two.laptop)
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

    # the patient's own attachment: checked before anything is kept; kept encrypted with its reply until the sync
    for bad in (PDF + b"0" * ATTACHMENT_MAX_BYTES, b"\x00\x01\x02binaire"):
        with pytest.raises(DossierValidationError):
            messages.reply(two.laptop, thread.id, "Ci-joint", attachment=(bad, "scan.pdf"))
    assert messages.waiting(two.laptop) == 0
    queued = messages.reply(two.laptop, thread.id, "Ma lettre ci-jointe", attachment=(PDF, "lettre.pdf"))
    assert isinstance(queued, messages.Queued)
    sync(two.laptop)
    sent = messages.thread(two.laptop, thread.id)[1][-1]
    assert sent.id == queued.id and sent.attachment is not None and sent.attachment.filename == "lettre.pdf"
    pro_page = thread.page(two.doctor).json()["items"]
    assert pro_page[-1]["attachment"]["sha256"] == sent.attachment.sha256 == hashlib.sha256(PDF).hexdigest()


def test_past_the_sending_limit_the_refused_reply_is_told_with_when_to_retry(two: Two) -> None:
    thread = two.thread()
    sync(two.laptop)
    for n in range(SENDS_PER_MINUTE + 1):
        messages.reply(two.laptop, thread.id, f"Réponse {n}")
    report = sync(two.laptop)
    assert (report.pushed.get("applied"), report.pushed.get("rejected")) == (SENDS_PER_MINUTE, 1)
    [refused] = refusals.refused_changes(two.laptop)
    assert refused.reason == "messages_rate_limited" and refused.wanted()["text"] == f"Réponse {SENDS_PER_MINUTE}"
    assert "attendez" in refused.why("fr") and "wait" in refused.why("en")


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
