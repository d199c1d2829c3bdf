"""A node killed (kill -9) while clients push and upload through HAProxy (issue 22): every client converges on the
other node, nothing is lost or doubled, an upload cut on the dead node resumes on the live one, and the killed node,
restarted, serves the same data again.

Real parts only: desktop sync engines with SQLCipher profiles, HAProxy, two `carnet-server serve` processes,
PgBouncer and PostgreSQL. The kill lands while node1 is receiving a document chunk (its file open in the node's
process) and while the other clients' pushes go on.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from server.context import ServiceContext
from server.sync.models import SyncRecord
from tests.support.cluster import Cluster
from tests.support.sync_lab import Device, Lab

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

PEOPLE = 10
DEVICES_EACH = 2  # 20 clients, as issue 22 asks
ROUNDS = 4
ENTRIES_EACH_ROUND = 3
DOCUMENT_BYTES = 1_500_000
DOCUMENT_ROUNDS = (0, 2)  # 40 uploads in all: some stream into node1 (round robin), where the kill waits for one


def _sync(device: Device, failures: list[str]) -> bool:
    try:
        device.engine.sync_once()
        return True
    except Exception as exc:  # a node dying mid-request: the client tries again at its next sync
        failures.append(f"{device.name}: {type(exc).__name__}")
        return False


# Watches the node from its own process and kills it (its whole process group, as `Cluster.kill_node` does) the
# moment it has a document chunk's file open, i.e. while a chunk is streaming into it. A loop in the test's own
# process missed every window on a loaded CI machine: twenty client threads hold the GIL for longer than a 1.5 MB
# chunk takes to arrive over loopback.
KILL_ON_CHUNK = """
import os, signal, sys, time
pid, deadline = int(sys.argv[1]), time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    try:
        names = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    except OSError:
        names = []
    if any(name.endswith(".incoming") for name in names):
        os.killpg(pid, signal.SIGKILL)
        sys.exit(0)
    time.sleep(0.0005)
sys.exit(1)
"""


def _kill_while_receiving_chunk(pid: int, within: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", KILL_ON_CHUNK, str(pid), str(within)])


def _settled(device: Device) -> bool:
    dossiers: list[dict[str, Any]] = device.engine.status()["dossiers"]
    return all(d["pending"] == d["uploads_pending"] == d["downloads_pending"] == 0 for d in dossiers)


def test_clients_converge_when_a_node_is_killed_mid_push(
    lab: Lab, cluster: Cluster, cluster_ctx: ServiceContext
) -> None:
    people = [lab.person() for _ in range(PEOPLE)]
    devices = {person.identifier: [lab.device(person) for _ in range(DEVICES_EACH)] for person in people}
    everyone = [device for pair in devices.values() for device in pair]
    documents: dict[str, bytes] = {}
    failures: list[str] = []

    def client(device: Device) -> None:
        store = device.profile.dossier()
        for round_ in range(ROUNDS):
            if round_ in DOCUMENT_ROUNDS:  # a scan now and then: its upload is one 1.5 MB chunk to some node
                content = b"%PDF-1.4\n" + hashlib.shake_256(os.urandom(16)).digest(DOCUMENT_BYTES) + b"\n%%EOF\n"
                doc = store.documents.add(content, title=f"Scanner {device.name} {round_}", category="imagerie")
                documents[doc.id] = content
            for n in range(ENTRIES_EACH_ROUND):
                store.entries.create("allergy", {"name": f"{device.name}-{round_}-{n}"})
            _sync(device, failures)
            time.sleep(0.05)

    # Kill node1 while it is receiving a document chunk (the chunk's file is open in its process) and the other
    # clients' pushes go on.
    victim = cluster.nodes[0]
    assert victim.proc is not None
    watcher = _kill_while_receiving_chunk(victim.proc.process.pid, within=240)
    threads = [threading.Thread(target=client, args=(device,), name=device.name) for device in everyone]
    for thread in threads:
        thread.start()
    assert watcher.wait(timeout=300) == 0, "node1 never received a document chunk"
    victim.proc.process.wait(timeout=20)
    cluster.kill_node(victim)  # already dead: reaps it, and keeps the cluster's own bookkeeping
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)

    # Everyone goes on syncing through HAProxy (now the live node only) until nothing is left to send or fetch
    # (twenty devices one after the other on a loaded CI machine: minutes, not seconds).
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        for device in everyone:
            _sync(device, failures)
        if all(_settled(device) for device in everyone):
            break
    assert all(_settled(device) for device in everyone), [d.engine.status() for d in everyone]

    for pair in devices.values():
        expected = {f"{d.name}-{r}-{n}" for d in pair for r in range(ROUNDS) for n in range(ENTRIES_EACH_ROUND)}
        for device in pair:
            names = [str(e.data["name"]) for e in device.profile.dossier().entries.list()]
            assert sorted(names) == sorted(expected)  # nothing lost, nothing twice
            store = device.profile.dossier()
            held = {doc.id: store.documents.read(doc.id) for doc in store.documents.list()}
            assert len(held) == DEVICES_EACH * len(DOCUMENT_ROUNDS) and all(held[i] == documents[i] for i in held)
    with cluster_ctx.sessions() as session:
        for pair in devices.values():
            dossier = uuid.UUID(pair[0].profile.settings["own_dossier_id"])
            rows = session.scalar(select(func.count()).where(SyncRecord.dossier_id == dossier))
            assert rows == DEVICES_EACH * (ROUNDS * ENTRIES_EACH_ROUND + len(DOCUMENT_ROUNDS))  # entries + documents
    blobs = sorted(p.name for p in (cluster.blob_dir / "blobs").rglob("*") if p.is_file())
    assert sorted(hashlib.sha256(c).hexdigest() for c in documents.values()) == blobs

    # The killed node comes back and serves the same data (HAProxy's health check puts it back in rotation).
    cluster.start_node(victim)
    cluster.wait_node(victim)
    late = lab.device(people[0])
    assert _sync(late, failures)
    assert len(late.profile.dossier().entries.list()) == DEVICES_EACH * ROUNDS * ENTRIES_EACH_ROUND
