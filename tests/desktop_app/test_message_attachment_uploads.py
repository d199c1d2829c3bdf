"""Message attachments travel as document bodies do (issue 20): resumable after a cut, a checksum per chunk, the
whole file's SHA-256 proved at the end, over-size refused before any byte is kept — against the real service."""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from pathlib import Path

import pytest

from desktop_app import messages
from desktop_app.profile import UnlockedProfile
from desktop_app.sync.engine import S_URL, SyncEngine, SyncReport
from desktop_app.sync.http import Backoff, SyncOffline
from dossier.messages import ATTACHMENT_MAX_BYTES
from server.messages import uploads
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.faultproxy import FaultProxy
from tests.support.messagerie_devices import Two
from tests.support.messagerie_uploads import begin, big_pdf, chunk, kept_files, upload_path
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]


@pytest.fixture
def two(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Two:
    return Two(live, flows, mailbox, tmp_path)


def _sync(profile: UnlockedProfile, attempts: int = 3) -> SyncReport:
    return SyncEngine(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=attempts)).sync_once()


def _root(two: Two) -> Path:
    assert two.live.ctx is not None
    return two.live.ctx.settings.blob_root


def test_a_reply_attachment_cut_mid_upload_resumes_and_sends_only_the_rest(two: Two) -> None:
    thread = two.thread()
    content = big_pdf(1_900_000)  # four chunks of 512 Kio
    assert len(content) == 1_900_000
    _sync(two.laptop)  # the conversation is in the laptop's copy: the reply goes through the outbox
    assert isinstance(
        messages.reply(two.laptop, thread.id, "Mon scanner ci-joint", attachment=(content, "scanner.pdf")),
        messages.Queued,
    )
    proxy = FaultProxy(two.live.port)
    try:
        two.laptop.set_setting(S_URL, proxy.url)  # the sync's own address of the service
        proxy.faults.network_cut_after = int(len(content) * 0.6)  # every connection reset once 60 % has passed
        with contextlib.suppress(SyncOffline):
            _sync(two.laptop, attempts=1)
        assert two.live.settled(proxy.upstream_ports)
        # Nothing half-received is attached: the reply still waits on the laptop, the doctor sees no new message.
        assert messages.waiting(two.laptop) == 1
        assert len(thread.page(two.doctor).json()["items"]) == 1
        held = sorted((_root(two) / "uploads").glob("*.part"))
        assert len(held) == 1 and 0 < held[0].stat().st_size < len(content)
        held_bytes = held[0].stat().st_size
        assert held_bytes % uploads.CHUNK == 0  # whole chunks only: the one cut on the way was never published

        proxy.upstream_bytes = 0
        _sync(two.laptop)
    finally:
        proxy.close()
    # Only the rest went again: the missing bytes, plus at most the requests' headers and the push of the message.
    remaining = len(content) - held_bytes
    assert remaining <= proxy.upstream_bytes < remaining + 32 * 1024
    assert messages.waiting(two.laptop) == 0
    items = thread.page(two.doctor).json()["items"]
    assert [m["text"] for m in items].count("Mon scanner ci-joint") == 1  # arrived once
    assert items[-1]["attachment"]["sha256"] == hashlib.sha256(content).hexdigest()
    assert [p.name for p in (_root(two) / "uploads").glob("*")] == []  # nothing left in progress

    # The patient's other device gets it, readable, and files it into Documents.
    _sync(two.phone)
    conv, got = messages.thread(two.phone, thread.id)
    sent = got[-1]
    assert sent.attachment is not None and sent.attachment.filename == "scanner.pdf"
    saved = messages.save_to_documents(two.phone, conv, sent, category="imagerie")
    assert two.phone.dossier().documents.read(saved.id) == content


def test_a_damaged_chunk_is_refused_with_a_sentence_and_nothing_is_kept(two: Two) -> None:
    thread = two.thread()
    client, content, attachment_id = two.flows.client, big_pdf(700_000), str(uuid.uuid4())
    path = upload_path(thread.id, attachment_id)
    opened = begin(client, two.doctor, path, content, "bilan.pdf")
    assert opened.status_code == 201 and opened.json()["offset"] == 0, opened.text
    step = opened.json()["chunk_size"]
    damaged = chunk(client, two.doctor, path, 0, content[:step], crc="00000000")
    assert damaged.status_code == 460
    assert damaged.json()["detail"] == "Ce morceau est arrivé abîmé : renvoyez-le."
    assert damaged.headers["Upload-Offset"] == "0"
    assert client.head(path, headers=two.doctor).headers["Upload-Offset"] == "0"  # nothing appended
    # A message cannot name it: the service holds no attachment of that id.
    refused = thread.say(two.doctor, "Votre bilan", attachment_id=attachment_id)
    assert refused.status_code == 422 and refused.json()["code"] == "attachment_unknown"
    assert not [f for f in kept_files(_root(two)) if f.startswith("message-attachments")]

    # The same chunk sent right, then the rest: complete, then sent with a message.
    assert chunk(client, two.doctor, path, 0, content[:step]).json()["offset"] == step
    done = chunk(client, two.doctor, path, step, content[step:])
    assert done.status_code == 200 and done.json()["complete"] is True, done.text
    assert thread.say(two.doctor, "Votre bilan", attachment_id=attachment_id).status_code == 201
    assert client.head(path, headers=two.doctor).status_code == 404  # no upload in progress any more
    files = kept_files(_root(two))
    assert files == [f"message-attachments/{thread.id}/{attachment_id}"]
    assert content[:4096] not in (_root(two) / files[0]).read_bytes()  # sealed at rest


def test_a_file_that_does_not_match_its_hash_is_dropped_whole(two: Two) -> None:
    thread = two.thread()
    client, content, attachment_id = two.flows.client, big_pdf(300_000), str(uuid.uuid4())
    path = upload_path(thread.id, attachment_id)
    assert begin(client, two.doctor, path, content, "bilan.pdf").status_code == 201
    other = big_pdf(len(content))
    refused = chunk(client, two.doctor, path, 0, other)
    assert refused.status_code == 422 and refused.json()["code"] == "upload_verification_failed", refused.text
    assert "empreinte" in refused.json()["detail"]
    assert kept_files(_root(two)) == []
    assert thread.say(two.doctor, "Votre bilan", attachment_id=attachment_id).status_code == 422


def test_an_attachment_over_the_limit_is_refused_before_any_byte_is_kept(two: Two) -> None:
    thread = two.thread()
    client, attachment_id = two.flows.client, str(uuid.uuid4())
    path = upload_path(thread.id, attachment_id)
    refused = begin(client, two.doctor, path, b"%PDF", "enorme.pdf", size=ATTACHMENT_MAX_BYTES + 1)
    assert refused.status_code == 413
    assert refused.json()["detail"].startswith("Une pièce jointe fait au plus 5 Mo")
    assert kept_files(_root(two)) == []
    assert client.head(path, headers=two.doctor).status_code == 404
    # Nor can a chunk be pushed without an announced upload.
    assert chunk(client, two.doctor, path, 0, b"%PDF-1.4 ...").status_code == 404
    assert kept_files(_root(two)) == []
