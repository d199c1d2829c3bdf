"""Hash partitioning by dossier id (migration 1000; docs/SCALING.md).

Every hot query of the service — sync pull and push, the ledger's replay lookup, the access history, notifications,
messages, the professional's dossier list — is captured as the real service sends it and EXPLAINed with its own
parameters: it must touch one partition of each partitioned table (PostgreSQL only). And the migration is run down
and up on a database the real service filled (both backends): every row survives both ways, a replayed push is
answered from the ledger, the audit chain and its signed checkpoints verify.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text
from sqlalchemy.pool import NullPool

from server.audit.checkpoints import checkpoint_now
from server.audit.service import verify
from server.context import ServiceContext
from server.db import alembic_config, current_revision, migrate
from server.messages.models import Conversation
from server.partitioning import PARTITIONED_TABLES
from tests.support.access import GP, Pros
from tests.support.messagerie import Thread
from tests.support.partition_probe import Captured, captured, partition_count, partitions_touched, table_digests
from tests.support.service import Flows, Mailbox, Person, bearer

SYNC = {"Carnet-Sync-Protocol": "1"}
MODULUS = 32
Headers = dict[str, str]

# The two lookups that cannot carry a dossier id (docs/SCALING.md), each an index probe per partition:
CROSS_PARTITION = {
    # a conversation named by the URL alone (/v1/conversations/{id}); what follows carries its dossier id;
    "FROM conversations WHERE conversations.id = ": "conversations",
    # the per-minute sending limit counts a sender's messages in every dossier they write to (ix_messages_sender_sent).
    "FROM messages WHERE messages.sender_id = ": "messages",
}


@pytest.fixture
def postgresql_only(backend: str) -> None:
    """Partitioning is PostgreSQL's (on SQLite only keys change): the SQLite copy is not generated (conftest)."""
    assert backend == "postgresql"


def _allergy(seq: int) -> dict[str, Any]:
    entity = {"entity": "entry", "entity_id": str(uuid.uuid4()), "kind": "allergy", "op": "create", "base_version": 0}
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": seq,
        **entity,
        "changes": {"name": [None, f"Allergie {seq}"]},
    }


class Patient:
    """A patient signed in on one device that pushes and pulls its own dossier."""

    def __init__(self, client: TestClient, flows: Flows) -> None:
        self.person: Person = flows.active_person()
        assert self.person.dossier_id is not None
        self.dossier_id: uuid.UUID = self.person.dossier_id
        self.client, self.headers = client, bearer(flows.login(self.person))
        self.client_id, self.stream_id, self.seq = uuid.uuid4(), uuid.uuid4(), 0

    def mutations(self, n: int) -> list[dict[str, Any]]:
        """`n` new allergies, numbered on from this device's last mutation."""
        first, self.seq = self.seq + 1, self.seq + n
        return [_allergy(seq) for seq in range(first, self.seq + 1)]

    def _sync(self, path: str, body: dict[str, Any]) -> Any:
        r = self.client.post(path, headers={**self.headers, **SYNC}, json={"client_id": str(self.client_id), **body})
        assert r.status_code == 200, r.text
        return r.json()

    def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = {"stream_id": str(self.stream_id), "dossier_id": str(self.dossier_id)}
        results: list[dict[str, Any]] = self._sync("/v1/sync/push", {**ids, "mutations": mutations})["results"]
        return results

    def pull(self, cursor: str | None = None) -> dict[str, Any]:
        page: dict[str, Any] = self._sync("/v1/sync/pull", {"dossiers": {str(self.dossier_id): cursor}})["dossiers"][0]
        assert page["state"] == "ok", page
        return page

    def get(self, path: str) -> Any:
        r = self.client.get(path, headers=self.headers)
        assert r.status_code == 200, r.text
        return r.json()


def _doctor_reaches(client: TestClient, doctor: Headers, patient: Patient) -> Thread:
    """The patient authorises the GP, who opens the dossier (audited, the patient notified) and writes to them."""
    r = client.put(f"/v1/me/access/professionals/{GP}/authorisation", headers=patient.headers, json={})
    assert r.status_code == 200, r.text
    r = client.get(f"/v1/pro/dossiers/{patient.dossier_id}", headers=doctor)
    assert r.status_code == 200, r.text
    thread = Thread.opened(client, doctor, patient.person.nir)
    assert thread.say(patient.headers, "Merci docteur").status_code == 201
    return thread


def _assert_one_partition(ctx: ServiceContext, statements: list[Captured], operation: str) -> int:
    """EXPLAIN each captured statement; every partitioned table it names is scanned in one partition at most."""
    assert statements, f"{operation}: no statement on a partitioned table was captured"
    checked = 0
    with ctx.engine.connect() as conn:
        for statement in statements:
            flat = " ".join(statement.statement.split())
            touched = partitions_touched(conn, statement)
            allowed = [table for marker, table in CROSS_PARTITION.items() if marker in flat]
            if allowed and "dossier_id" not in flat.split("WHERE", 1)[1]:
                assert set(touched) == set(allowed), flat
                continue
            for table, partitions in touched.items():
                assert len(partitions) <= 1, f"{operation}: {table} scanned in {sorted(partitions)}\n{flat}"
            checked += 1
        conn.rollback()
    return checked


@pytest.mark.usefixtures("postgresql_only")
def test_every_hot_query_touches_one_partition(
    client: TestClient, flows: Flows, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    patients = [Patient(client, flows) for _ in range(3)]  # several dossiers: the partitions are not all empty
    doctor = Pros(client, ctx, mailbox).sign_in(GP, "Médecin généraliste", "Durand")
    threads = [_doctor_reaches(client, doctor, p) for p in patients]
    for p in patients[1:]:
        p.push(p.mutations(3))
    me, thread = patients[0], threads[0]
    pushed = me.mutations(5)

    operations: dict[str, Any] = {
        "push": lambda: me.push(pushed),
        "push replayed": lambda: me.push(pushed),
        "pull (changed dossier)": lambda: me.pull(),
        "pull (no-op)": lambda: me.pull(me.pull()["cursor"]),
        "access history": lambda: me.get("/v1/me/access/history"),
        "notifications": lambda: me.get("/v1/me/notifications"),
        "messages": lambda: thread.page(me.headers),
        "message sent": lambda: thread.say(me.headers, "Une question"),
        "professional's dossier list": lambda: client.get("/v1/pro/dossiers", headers=doctor),
    }
    seen: dict[str, int] = {}
    for name, run in operations.items():
        with captured(ctx.engine) as statements:
            run()
        seen[name] = _assert_one_partition(ctx, statements, name) if name != "professional's dossier list" else 0
        if name == "professional's dossier list":  # dossiers and the registry only: reference tables, no partition
            assert not statements, [s.short() for s in statements]
    assert all(seen[name] >= 1 for name in operations if name != "professional's dossier list"), seen
    replayed = me.push(pushed)
    assert [r["duplicate"] for r in replayed] == [True] * 5  # found again in the ledger by its partition key


@pytest.mark.usefixtures("postgresql_only")
def test_tables_are_partitioned_and_account_events_go_to_the_first_partition(
    client: TestClient, flows: Flows, ctx: ServiceContext
) -> None:
    Patient(client, flows).push([])
    with ctx.engine.connect() as conn:
        assert {table: partition_count(conn, table) for table in PARTITIONED_TABLES} == dict.fromkeys(
            PARTITIONED_TABLES, MODULUS
        )
        homes = conn.execute(
            text("SELECT DISTINCT tableoid::regclass::text FROM audit_events WHERE dossier_id IS NULL")
        ).scalars()
        assert list(homes) == ["carnet_partitions.audit_events_p00"]  # a NULL key hashes to 0
        spread = conn.execute(
            text("SELECT count(DISTINCT tableoid) FROM audit_events WHERE dossier_id IS NOT NULL")
        ).scalar_one()
        assert spread >= 1


# -- the migration down and up on a populated database -------------------------------------------------------------

CHECKED_TABLES = [*PARTITIONED_TABLES, "message_attachments", "sync_heads", "sync_streams", "audit_head"]
ONLY_AT_1000 = {"messages": {"dossier_id"}, "message_attachments": {"dossier_id"}}


def _digests(ctx: ServiceContext) -> dict[str, tuple[int, str]]:
    with ctx.engine.connect() as conn:
        found = table_digests(conn, CHECKED_TABLES, leave_out=ONLY_AT_1000)
        conn.rollback()
    return found


def _chain_verifies(ctx: ServiceContext) -> int:
    checkpoint_now(ctx.sessions)
    with ctx.sessions() as session:
        report = verify(session)
    assert report.ok, report
    return report.checked


PARTITIONING = "1000_partition_by_dossier"


def _migrate_to(ctx: ServiceContext, url: str, revision: str) -> None:
    ctx.engine.dispose()  # no pooled connection keeps statements prepared against the tables being rebuilt
    if revision == "head":
        migrate(url, revision)
    elif current_revision(ctx.engine) == "0900":
        command.upgrade(alembic_config(url), revision)
    else:
        command.downgrade(alembic_config(url), revision)
    ctx.engine.dispose()


def test_migration_down_and_up_on_a_populated_database(
    client: TestClient, flows: Flows, ctx: ServiceContext, mailbox: Mailbox, db_url: str, backend: str
) -> None:
    """Both backends: on PostgreSQL the tables are rebuilt (partitioned, then plain), on SQLite the messagerie's
    dossier id and composite keys come and go; the rows and the service must survive either way."""
    pg = backend == "postgresql"
    patients = [Patient(client, flows) for _ in range(4)]
    doctor = Pros(client, ctx, mailbox).sign_in(GP, "Médecin généraliste", "Durand")
    batches = {}
    for n, p in enumerate(patients):
        batches[p.dossier_id] = p.mutations(4 + n)
        assert all(r["status"] == "applied" for r in p.push(batches[p.dossier_id]))
        p.pull()
        _doctor_reaches(client, doctor, p)
    # Migration 0950 (after 1000) wrote the messagerie into the sync feed; its own downgrade takes those records
    # out. What 1000 must keep is measured at 1000, below 0950.
    _migrate_to(ctx, db_url, PARTITIONING)
    filled = _digests(ctx)
    assert all(filled[t][0] > 0 for t in ("sync_records", "sync_ledger", "audit_events", "messages", "conversations"))
    assert filled["access_notifications"][0] > 0
    events = _chain_verifies(ctx)
    assert events == filled["audit_events"][0] and events > 20

    _migrate_to(ctx, db_url, "0900")  # down: plain tables, every row kept
    assert current_revision(ctx.engine) == "0900"
    with ctx.engine.connect() as conn:
        assert "dossier_id" not in list(conn.execute(text("SELECT * FROM messages LIMIT 0")).keys())
        if pg:
            assert all(partition_count(conn, t) == 0 for t in PARTITIONED_TABLES)
            kinds = conn.execute(
                text("SELECT DISTINCT relkind::text FROM pg_class WHERE relname = ANY(:t)"),
                {"t": list(PARTITIONED_TABLES)},
            ).scalars()
            assert list(kinds) == ["r"]
    assert _digests(ctx) == filled
    assert _chain_verifies(ctx) == events

    _migrate_to(ctx, db_url, PARTITIONING)  # up again, from a populated 0900 database
    assert _digests(ctx) == filled
    _migrate_to(ctx, db_url, "head")
    with ctx.engine.connect() as conn:
        assert not pg or all(partition_count(conn, t) == MODULUS for t in PARTITIONED_TABLES)
        unfilled = conn.execute(text("SELECT count(*) FROM messages WHERE dossier_id IS NULL")).scalar_one()
        mismatched = conn.execute(
            text(
                "SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                "WHERE c.dossier_id <> m.dossier_id"
            )
        ).scalar_one()
        assert (unfilled, mismatched) == (0, 0)
    assert _chain_verifies(ctx) == events
    # The service works on the moved rows: a pull sees everything, a replayed push is answered from the ledger.
    for p in patients:
        entries = [i for i in p.pull()["items"] if i["entity"] not in ("message", "conversation")]
        assert len(entries) == len(batches[p.dossier_id])
        replayed = p.push(batches[p.dossier_id])
        assert [r["duplicate"] for r in replayed] == [True] * len(batches[p.dossier_id])
    assert _digests(ctx)["sync_ledger"] == filled["sync_ledger"]  # nothing applied twice
    assert Thread(client, str(_conversation_of(ctx, patients[0]))).page(patients[0].headers).status_code == 200
    assert _chain_verifies(ctx) > events

    _migrate_to(ctx, db_url, PARTITIONING)
    before = _digests(ctx)
    _migrate_to(ctx, db_url, "0900")  # and down again, with what the service wrote after the upgrade
    assert _digests(ctx) == before
    assert _chain_verifies(ctx) == before["audit_events"][0]


def _conversation_of(ctx: ServiceContext, patient: Patient) -> uuid.UUID:
    with ctx.sessions() as session:
        return session.scalars(select(Conversation.id).where(Conversation.dossier_id == patient.dossier_id)).one()


@pytest.mark.usefixtures("postgresql_only")
def test_a_reference_the_migration_does_not_know_stops_it_and_changes_nothing(db_url: str) -> None:
    command.downgrade(alembic_config(db_url), "0900")
    engine = create_engine(db_url, poolclass=NullPool)
    with engine.begin() as conn:  # as a later revision merged before 1000 might: a key to a table 1000 rebuilds
        conn.execute(text("CREATE TABLE extra (conversation_id UUID REFERENCES conversations (id))"))
    with pytest.raises(RuntimeError, match=r"extra_conversation_id_fkey \(extra\)"):
        migrate(db_url, "head")
    with engine.connect() as conn:
        assert current_revision(engine) == "0900"  # one transaction: nothing half done
        kinds = conn.execute(text("SELECT relkind::text FROM pg_class WHERE relname = 'conversations'")).scalars()
        assert list(kinds) == ["r"]
        assert conn.execute(text("SELECT count(*) FROM pg_namespace WHERE nspname = 'carnet_partitions'")).scalar() == 0
    engine.dispose()
