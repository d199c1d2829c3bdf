"""Two service nodes behind HAProxy share everything a request relies on (issue 22): the tokens, the throttles, the
uploads in progress, the push ledger and the audit chain — through PgBouncer in transaction mode.

Each half of a journey is sent to a chosen node (its own port), so "started on A, continued on B" is what happens,
not what round robin may happen to do; the load-balanced address is used where both nodes must simply serve."""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
import zlib
from typing import Any, cast

import httpx
import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import DBAPIError

from desktop_app.sync.engine import S_ACCESS
from dossier.sync_protocol import Entity, Mutation, MutationOp
from server.accounts.models import Throttle
from server.audit.models import AuditEvent, AuditHead
from server.context import ServiceContext
from server.db import make_engine
from server.sync.models import SyncLedger, SyncRecord
from tests.support.access import Pros, patient
from tests.support.cluster import NODE_HEADER, Cluster, Node, free_port
from tests.support.messagerie import PDF, Thread
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import Lab

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_haproxy_spreads_requests_over_both_nodes_which_reach_postgres_through_pgbouncer(
    cluster: Cluster, api: httpx.Client, flows: Flows
) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    served = [api.get("/v1/me", headers=bearer(tokens)) for _ in range(6)]
    assert [r.status_code for r in served] == [200] * 6
    assert {r.headers[NODE_HEADER] for r in served} == {"node1", "node2"}
    pools = [line.split("|") for line in cluster.pgbouncer_show("POOLS").splitlines()]
    ours = [row for row in pools if row[0] == cluster.database]
    assert ours and ours[0][-1] == "transaction"
    stats = [line.split("|") for line in cluster.pgbouncer_show("STATS").splitlines()]
    header = stats[0]
    row = next(r for r in stats if r[0] == cluster.database)
    assert int(row[header.index("total_xact_count")]) > 20  # the nodes' transactions went through PgBouncer


def test_a_token_revoked_on_one_node_is_refused_on_the_other_at_once(
    flows: Flows, node_a: httpx.Client, node_b: httpx.Client
) -> None:
    person = flows.active_person()
    tokens = flows.login(person)
    assert node_a.get("/v1/me", headers=bearer(tokens)).status_code == 200
    assert node_b.get("/v1/me", headers=bearer(tokens)).status_code == 200
    assert node_a.post("/v1/auth/logout", headers=bearer(tokens)).status_code == 204
    assert node_b.get("/v1/me", headers=bearer(tokens)).status_code == 401  # no wait, no cache to expire
    refreshed = node_b.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 401
    # A device withdrawn on B: its tokens are refused on A at the next request.
    phone = flows.login(person, device_name="Téléphone")
    laptop = flows.login(person, device_name="Portable")
    assert node_a.get("/v1/me", headers=bearer(phone)).status_code == 200
    withdrawn = node_b.delete(f"/v1/me/devices/{phone['device_id']}", headers=bearer(laptop))
    assert withdrawn.status_code == 204, withdrawn.text
    assert node_a.get("/v1/me", headers=bearer(phone)).status_code == 401


def test_login_failures_are_counted_across_nodes(
    flows: Flows, node_a: httpx.Client, node_b: httpx.Client, cluster_ctx: ServiceContext
) -> None:
    person = flows.active_person()
    free = cluster_ctx.settings.rate_limits.account_free_failures  # the nodes run the same defaults
    nodes = [node_a, node_b]
    statuses = [
        nodes[i % 2].post("/v1/auth/login", json={"identifier": person.identifier, "password": "mauvais"}).status_code
        for i in range(free)
    ]
    assert statuses == [401] * free
    # Each node saw only part of the failures; together they reached the allowance: both nodes refuse now,
    # even the right password.
    for client in nodes:
        r = client.post("/v1/auth/login", json={"identifier": person.identifier, "password": PASSWORD})
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def _chunk_headers(headers: dict[str, str], offset: int, chunk: bytes) -> dict[str, str]:
    return {**headers, "Upload-Offset": str(offset), "Upload-Checksum": f"crc32 {zlib.crc32(chunk):08x}"}


def test_an_upload_started_on_one_node_is_finished_on_the_other(
    lab: Lab, cluster: Cluster, node_a: httpx.Client, node_b: httpx.Client
) -> None:
    device = lab.device(lab.person())
    content = b"%PDF-1.4\n" + hashlib.shake_256(os.urandom(16)).digest(700_000) + b"\n%%EOF\n"
    url, headers = lab.start_upload(device, content, title="Compte rendu")
    first = content[:300_000]
    r = node_a.patch(url, content=first, headers=_chunk_headers(headers, 0, first))
    assert r.status_code == 200 and r.json()["offset"] == 300_000, r.text
    assert node_b.head(url, headers=headers).headers["upload-offset"] == "300000"
    # B refuses a chunk at the wrong offset with A's offset (the bytes A received are B's to extend)...
    rest = content[300_000:]
    r = node_b.patch(url, content=rest, headers=_chunk_headers(headers, 0, rest))
    assert r.status_code == 409 and r.headers["upload-offset"] == "300000"
    # ...and completes it from there; the whole-body SHA-256 covers bytes received by both nodes.
    r = node_b.patch(url, content=rest, headers=_chunk_headers(headers, 300_000, rest))
    assert r.status_code == 200 and r.json()["complete"] is True, r.text
    sha = hashlib.sha256(content).hexdigest()
    dossier = device.profile.settings["own_dossier_id"]
    for client in (node_a, node_b):
        got = client.get(f"/v1/sync/blobs/{dossier}/{sha}", headers=headers)
        assert got.status_code == 200 and got.content == content
    assert sorted(p.name for p in (cluster.blob_dir / "blobs").rglob(sha)) == [sha]
    assert not any(cluster.nodes[0].data_dir.rglob(sha)) and not any(cluster.nodes[1].data_dir.rglob(sha))


def _mutations(count: int, label: str) -> list[dict[str, Any]]:
    """New allergies, written with the protocol's own model (client_seq 1..count of a fresh stream)."""
    made = (
        Mutation(
            mutation_id=uuid.uuid4(),
            client_seq=seq,
            entity=Entity.ENTRY,
            entity_id=uuid.uuid4(),
            kind="allergy",
            op=MutationOp.CREATE,
            base_version=0,
            changes={"name": [None, f"{label} {seq}"]},
        )
        for seq in range(1, count + 1)
    )
    return [m.model_dump(mode="json") for m in made]


def test_a_push_replayed_on_the_other_node_is_answered_from_the_shared_ledger(
    lab: Lab, node_a: httpx.Client, node_b: httpx.Client, cluster_ctx: ServiceContext
) -> None:
    device = lab.device(lab.person())
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    dossier = device.profile.settings["own_dossier_id"]
    body = {
        "client_id": str(uuid.uuid4()),
        "stream_id": str(uuid.uuid4()),
        "dossier_id": dossier,
        "mutations": _mutations(5, "Pollen"),
    }
    first = node_a.post("/v1/sync/push", json=body, headers=headers)
    assert first.status_code == 200 and {r["status"] for r in first.json()["results"]} == {"applied"}
    # The answer was lost: the client sends the same batch again, and HAProxy hands it to the other node.
    again = node_b.post("/v1/sync/push", json=body, headers=headers)
    assert again.status_code == 200, again.text
    assert [r["duplicate"] for r in again.json()["results"]] == [True] * 5
    assert [r["version"] for r in again.json()["results"]] == [r["version"] for r in first.json()["results"]]
    with cluster_ctx.sessions() as session:
        ids = uuid.UUID(dossier)
        assert session.scalar(select(func.count()).where(SyncRecord.dossier_id == ids)) == 5
        assert session.scalar(select(func.count()).where(SyncLedger.dossier_id == ids)) == 5


def test_the_audit_chain_stays_whole_while_both_nodes_write_it(
    lab: Lab, cluster: Cluster, cluster_ctx: ServiceContext
) -> None:
    devices = [lab.device(lab.person()) for _ in range(3)]
    errors: list[str] = []
    answered_by: set[str] = set()

    def writer(n: int) -> None:
        device = devices[n % len(devices)]
        headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}", "Carnet-Sync-Protocol": "1"}
        dossier = device.profile.settings["own_dossier_id"]
        body = {"client_id": str(uuid.uuid4()), "stream_id": str(uuid.uuid4()), "dossier_id": dossier}
        with httpx.Client(base_url=cluster.url, headers=headers, timeout=60) as http:
            for b in range(4):
                r = http.post("/v1/sync/push", json={**body, "mutations": _mutations(2, f"W{n}-{b}")})
                if r.status_code != 200:
                    errors.append(r.text[:200])
                    return
                answered_by.add(r.headers[NODE_HEADER])
                body["stream_id"] = str(uuid.uuid4())  # a new stream per batch: client_seq starts at 1 again
                me = http.get("/v1/me")  # reads are audited too
                if me.status_code != 200:
                    errors.append(me.text[:200])

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and answered_by == {"node1", "node2"}
    with cluster_ctx.sessions() as session:
        head = session.get(AuditHead, 1)
        rows = session.scalar(select(func.count()).select_from(AuditEvent))
        assert head is not None and rows == head.last_seq > 8 * 4
        seqs = list(session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
        assert seqs == list(range(1, len(seqs) + 1))  # no gap, no double: one chain written by both nodes
    verified = cluster.cli("audit", "verify")
    assert verified.returncode == 0, verified.stderr[-2000:]
    assert f"({rows} " in verified.stdout


def test_a_node_with_an_audit_key_of_its_own_refuses_to_start(cluster: Cluster, flows: Flows) -> None:
    """A node started without the shared key file would make up its own and write rows no `audit verify` accepts."""
    flows.active_person()  # the chain has keyed rows
    stranger = Node("stranger", free_port(), cluster.base / "stranger")
    cluster.start_node(stranger, env={"CARNET_SERVER_AUDIT_KEY_FILE": str(stranger.data_dir / "audit.key")})
    assert stranger.proc is not None
    assert stranger.proc.process.wait(timeout=60) != 0
    assert "Cette clé d'audit n'est pas celle du journal" in stranger.proc.tail(80)
    assert (stranger.data_dir / "audit.key").exists()  # it did make one up: that is what is refused
    verified = cluster.cli("audit", "verify")
    assert verified.returncode == 0, verified.stderr[-2000:]


def _concurrent_repeats(url: str) -> list[str]:
    """8 threads each run one statement 60 times through PgBouncer, one transaction each: the errors seen."""
    engine = make_engine(url, pool_size=8)
    errors: list[str] = []

    def work() -> None:
        for i in range(60):
            try:
                with engine.begin() as conn:
                    conn.execute(text("SELECT count(*) FROM audit_events WHERE seq > :s"), {"s": i}).scalar()
            except DBAPIError as exc:
                errors.append(str(exc.orig).splitlines()[0])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    engine.dispose()
    return errors


def test_through_pgbouncer_prepared_statements_are_turned_off_by_the_url(cluster: Cluster) -> None:
    """psycopg prepares a statement run 5 times on a connection; in transaction mode the next transaction may land
    on another server connection: without `?prepare_threshold=none` that fails ("_pg3_0" already exists / does not
    exist), with it nothing does."""
    assert _concurrent_repeats(cluster.pooled_url) == []
    plain = cluster.pooled_url.replace("?prepare_threshold=none", "")
    assert plain != cluster.pooled_url
    assert any("prepared statement" in error for error in _concurrent_repeats(plain))


def test_the_address_throttle_counts_the_real_client_across_nodes_whatever_it_claims(
    api: httpx.Client, node_a: httpx.Client, node_b: httpx.Client, cluster_ctx: ServiceContext
) -> None:
    """Through HAProxy each node sees the client's address in X-Forwarded-For (HAProxy is the only trusted proxy): a
    spoofed X-Forwarded-For does not escape the per-address count, which both nodes share. (It locks 127.0.0.1 out
    of signing in: the counters are cleared at the end, so the tests after it can sign in.)"""
    try:
        _address_throttle_holds(api, node_a, node_b, cluster_ctx)
    finally:
        with cluster_ctx.sessions() as session:
            session.execute(delete(Throttle))
            session.commit()


def _address_throttle_holds(
    api: httpx.Client, node_a: httpx.Client, node_b: httpx.Client, cluster_ctx: ServiceContext
) -> None:
    allowance = cluster_ctx.settings.rate_limits.address_free_failures
    statuses = []
    for i in range(allowance + 1):
        r = api.post(
            "/v1/auth/login",
            json={"identifier": f"inconnu.{i:03d}", "password": "x"},
            headers={"X-Forwarded-For": f"203.0.113.{i}"},  # a new address each time, as a password sprayer would
        )
        statuses.append((r.status_code, r.headers.get(NODE_HEADER)))
        if r.status_code == 429:
            break
    assert statuses[-1][0] == 429, statuses
    assert {node for _, node in statuses} == {"node1", "node2"}  # the failures landed on both nodes
    for client in (node_a, node_b):  # and the address is locked on both, direct requests included
        r = client.post("/v1/auth/login", json={"identifier": "inconnu.999", "password": "x"})
        assert r.status_code == 429


def test_a_message_attachment_sent_through_one_node_is_read_through_the_other(
    cluster: Cluster,
    cluster_ctx: ServiceContext,
    flows: Flows,
    mailbox: Mailbox,
    node_a: httpx.Client,
    node_b: httpx.Client,
) -> None:
    """Message attachments live in the shared blob directory under the key its first writer made (issue 20, 22)."""
    person, me = patient(flows)
    doctor = Pros(cast(Any, node_a), cluster_ctx, mailbox).sign_in("10000000041", "Médecin généraliste", "Garnier")
    thread = Thread.opened(node_a, doctor, person.nir)
    attachment_id = str(uuid.uuid4())
    assert thread.attach(doctor, PDF, "resultats.pdf", attachment_id).status_code == 201
    assert thread.say(doctor, "Voici vos résultats", attachment_id=attachment_id).status_code == 201
    got = node_b.get(f"/v1/conversations/{thread.id}/attachments/{attachment_id}", headers=me)
    assert got.status_code == 200 and got.content == PDF
    assert [p.name for p in (cluster.blob_dir / "message-attachments").rglob(attachment_id)] == [attachment_id]
    assert not any((node.data_dir / "message-attachments").exists() for node in cluster.nodes)
