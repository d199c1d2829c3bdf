"""Messagerie benchmark on loopback: the client's reads, sends and attachments against raw HTTP in the same run.

Run: .venv/bin/python benchmarks/messages.py [--conversations 20] [--per-conversation 50] [--sends 100]

Each line prints the client's time (desktop_app.messages: encrypted outbox and kept threads in the profile's
SQLCipher settings, parsing, checks), the baseline — the same requests sent with a bare httpx client to the same
service, nothing kept — and their ratio (client / baseline). The two sides run in turn, sample by sample, so a
change of the shared machine's load moves both alike. Also printed: the requests a read makes once a thread is up to
date (target: exactly 1 per conversation, its cursor says there is nothing new).
Targets: pull ratio ≤ 1.5; up-to-date read = 1 request; send ratio ≤ 2 (each reply is written to the encrypted
outbox before it leaves, and out of it after); attachment ratio ≤ 1.5.
Also printed: what making a service client costs per call (desktop_app.service_client.client builds a new SyncHttp,
hence a new httpx client and SSL context, for every screen action; the bare baseline makes its client once). On the
development machine it was ~85 ms of every client figure; with one SSL context shared by all clients (an experiment,
not this script's) the ratios fell to 0.87 (pull), 1.67 (reply), 2.28 (attachment: its bytes are written to the
encrypted store before they leave, then erased).
The service is the real app (uvicorn, SQLite) in a thread of this process, with a real SMTP server. The set-up's
conversations are started through the API and filled as the service stores a send (without the sending limit); during
the timed sends the service's clock moves a minute on after every 20, so the per-minute limit does not stop the run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from aiosmtpd.controller import Controller
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app import messages  # noqa: E402
from desktop_app.service_client import client, server_of  # noqa: E402
from desktop_app.setting_keys import SettingKey  # noqa: E402
from desktop_app.sync import http as sync_http  # noqa: E402
from server.clock import ManualClock  # noqa: E402
from server.config import Settings, SmtpSettings  # noqa: E402
from server.db import migrate  # noqa: E402
from server.messages import service as messages_service  # noqa: E402
from server.messages.models import Conversation, Message  # noqa: E402
from server.messages.service import SENDS_PER_MINUTE  # noqa: E402
from server.sync.service import SyncSettings  # noqa: E402
from tests.support.access import GP, Pros  # noqa: E402
from tests.support.messagerie import PDF, Thread  # noqa: E402
from tests.support.service import FAST_ARGON2, Flows, Mailbox, free_port  # noqa: E402
from tests.support.sync_lab import Lab, LiveServer  # noqa: E402


class Counted:
    """Counts the HTTP requests the client's SyncHttp sends (benchmark instrumentation only)."""

    def __init__(self) -> None:
        self.requests = 0
        self._original = sync_http.SyncHttp.request
        counter = self

        def request(self: sync_http.SyncHttp, *args: Any, **kwargs: Any) -> httpx.Response:
            counter.requests += 1
            return counter._original(self, *args, **kwargs)

        sync_http.SyncHttp.request = request  # type: ignore[method-assign]


class Sends:
    """Sends go through the per-minute limit: the service's clock moves a minute on every SENDS_PER_MINUTE sends
    (of each side alike), outside the timed parts."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock, self.count = clock, 0

    def before_one(self) -> None:
        if self.count and self.count % SENDS_PER_MINUTE == 0:
            self.clock.advance(timedelta(seconds=61))
        self.count += 1


def _ratio_line(name: str, client: list[float], raw: list[float], target: str) -> None:
    mine, base = statistics.median(client), statistics.median(raw)
    print(f"{name}: client {mine * 1000:.1f} ms, baseline {base * 1000:.1f} ms, ratio {mine / base:.2f} ({target})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--per-conversation", type=int, default=50)
    parser.add_argument("--sends", type=int, default=100)
    args = parser.parse_args()
    box = Mailbox()
    smtp = Controller(box, hostname="127.0.0.1", port=free_port())
    smtp.start()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        url = f"sqlite:///{base / 'server.sqlite3'}"
        migrate(url)
        clock = ManualClock()
        settings = Settings(
            data_dir=base / "server",
            database_url=url,
            smtp=SmtpSettings(host="127.0.0.1", port=smtp.port),
            argon2=FAST_ARGON2,
            clock=clock,
        )
        live = LiveServer(settings, SyncSettings())
        live.start()
        try:
            run(live, box, base, clock, args.conversations, args.per_conversation, args.sends)
        finally:
            live.stop()
            smtp.stop()
    return 0


def run(
    live: LiveServer, box: Mailbox, base: Path, clock: ManualClock, n_conv: int, per_conv: int, n_sends: int
) -> None:
    sends = Sends(clock)
    with httpx.Client(base_url=live.url, timeout=120) as api:
        assert live.ctx is not None
        flows = Flows(api, live.ctx, box)  # type: ignore[arg-type]
        lab = Lab(live, flows, box, base, api)
        person = lab.person()
        device = lab.device(person)
        profile = device.profile
        doctor = Pros(api, live.ctx, box).sign_in(GP, "Médecin généraliste", "Durand")  # type: ignore[arg-type]

        def patient() -> dict[str, str]:  # the device's current token (its client refreshes it when it expires)
            return {"Authorization": f"Bearer {profile.settings[SettingKey.ACCESS_TOKEN]}"}

        started = time.perf_counter()
        threads = [
            Thread.opened(api, doctor, person.nir, f"Conversation {c}, message 1") for c in range(n_conv)
        ]  # the professional's starts go through the API (and its sending limit) ...
        with live.ctx.sessions() as session:  # ... the rest of the set-up is stored as the service stores a send
            for thread in threads:
                conv = session.get(Conversation, uuid.UUID(thread.id))
                assert conv is not None
                first = session.scalars(select(Message).where(Message.conversation_id == conv.id)).one()
                for m in range(2, per_conv + 1):
                    text = f"Conversation {thread.id[:8]}, message {m} : " + "texte " * 20
                    append = messages_service._append  # set-up only: no sending limit
                    append(
                        session,
                        conv,
                        message_id=uuid.uuid4(),
                        role="professional",
                        sender_id=first.sender_id,
                        text=text,
                        now=clock.now(),
                    )
            session.commit()
        clock.advance(timedelta(seconds=61))
        took = time.perf_counter() - started
        print(f"set-up: {n_conv * per_conv} messages in {n_conv} conversations in {took:.1f} s")

        # 0. What one screen action pays before its first byte: a new service client (desktop_app.service_client,
        # its own SSL context), which the bare baseline client below does not pay per call.
        setups = []
        for _ in range(5):
            t = time.perf_counter()
            with client(server_of(profile), profile=profile):
                pass
            setups.append(time.perf_counter() - t)
        print(
            "service client set-up per call (part of every client figure below): "
            f"{statistics.median(setups) * 1000:.1f} ms"
        )

        # 1. A first pull of every conversation (1,000 messages by default), pages of messages.PAGE, and the same
        # pages fetched raw. Then a read of threads already up to date: the cursor makes it one request each.
        def raw_pull() -> None:
            for thread in threads:
                after: int | None = 0
                while after is not None:
                    page = api.get(
                        f"/v1/conversations/{thread.id}/messages?after_seq={after}&limit={messages.PAGE}",
                        headers=patient(),
                    ).json()
                    after = page["next_after_seq"]

        def client_pull() -> None:
            messages.forget(profile)
            for thread in threads:
                messages.thread(profile, thread.id)

        pulls: dict[str, list[float]] = {"client": [], "raw": []}
        for _ in range(3):
            for name, action in (("raw", raw_pull), ("client", client_pull)):
                t = time.perf_counter()
                action()
                pulls[name].append(time.perf_counter() - t)
        _ratio_line(
            f"first pull of {n_conv * per_conv} messages in {n_conv} conversations",
            pulls["client"],
            pulls["raw"],
            "target ≤ 1.5",
        )
        counted = Counted()
        t = time.perf_counter()
        for thread in threads:
            messages.thread(profile, thread.id)
        took = time.perf_counter() - t
        print(
            f"read of {n_conv} up-to-date threads: {counted.requests} request(s), {took * 1000:.1f} ms "
            f"({counted.requests / n_conv:.2f} per conversation, target exactly 1)"
        )

        # 2. Replies: through the outbox (kept encrypted before they leave) against raw POSTs of the same texts.
        target = threads[0]
        times: dict[str, list[float]] = {"client": [], "raw": []}

        def one_raw(text: str) -> None:
            response = api.post(
                f"/v1/conversations/{target.id}/messages",
                json={"id": str(uuid.uuid4()), "text": text},
                headers=patient(),
            )
            assert response.status_code == 201, response.text

        def one_client(text: str) -> None:
            assert isinstance(messages.reply(profile, target.id, text), messages.Message)

        timed_pairs: list[tuple[str, Callable[[str], None]]] = [("raw", one_raw), ("client", one_client)]
        for i in range(n_sends // 2):
            for name, action in timed_pairs:
                sends.before_one()
                t = time.perf_counter()
                action(f"Réponse {i} ({name})")
                times[name].append(time.perf_counter() - t)
        _ratio_line(f"one reply (median of {n_sends // 2} each)", times["client"], times["raw"], "target ≤ 2")

        # 3. A reply with a 1 MiB attachment: upload then send, against the raw PUT + POST of the same bytes.
        content = PDF + b"0" * (1024 * 1024 - len(PDF))
        attach: dict[str, list[float]] = {"client": [], "raw": []}
        for i in range(5):
            sends.before_one()
            t = time.perf_counter()
            raw_id = str(uuid.uuid4())
            assert target.attach(patient(), content, "scan.pdf", raw_id).status_code == 201
            assert target.say(patient(), f"Pièce {i} (raw)", attachment_id=raw_id).status_code == 201
            attach["raw"].append(time.perf_counter() - t)
            sends.before_one()
            t = time.perf_counter()
            sent = messages.reply(profile, target.id, f"Pièce {i}", attachment=(content, "scan.pdf"))
            assert isinstance(sent, messages.Message) and sent.attachment is not None
            attach["client"].append(time.perf_counter() - t)
        _ratio_line("reply with a 1 MiB attachment (median of 5)", attach["client"], attach["raw"], "target ≤ 1.5")


if __name__ == "__main__":
    raise SystemExit(main())
