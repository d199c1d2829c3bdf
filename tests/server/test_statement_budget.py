"""Statement budget of the sync hot path, counted with SQLAlchemy cursor events on both backends (issue 16).

A no-op pull (the request every client repeats all day) runs at most 3 SQL statements, a pull returning one change at
most 6, and a push costs the same number of statements for 10 mutations as for 100 (per batch, not per mutation):
a later change cannot quietly add a query per row. The counts include the token check every route runs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from server.context import ServiceContext
from tests.support.access import GP, Pros
from tests.support.service import Flows, Mailbox, bearer

SYNC = {"Carnet-Sync-Protocol": "1"}
NOOP_PULL_BUDGET = 3
ONE_CHANGE_PULL_BUDGET = 6
PUSH_PER_BATCH_SLACK = 0  # 100 mutations may cost this many statements more than 10


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement the engine sends while the block runs (executemany counts once: one round trip)."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split())[:160])

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def entry(client_seq: int, entity_id: uuid.UUID | None = None, *, op: str = "create", base: int = 0) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": client_seq,
        "entity": "entry",
        "entity_id": str(entity_id or uuid.uuid4()),
        "kind": "allergy",
        "op": op,
        "base_version": base,
        "changes": {"name": [None, f"Allergie {client_seq}"]},
    }


class Device:
    """One signed-in device of a patient, speaking the sync API through the app."""

    def __init__(self, client: TestClient, headers: dict[str, str], dossier_id: uuid.UUID) -> None:
        self.client, self.headers, self.dossier_id = client, {**headers, **SYNC}, dossier_id
        self.client_id, self.stream_id, self.seq = uuid.uuid4(), uuid.uuid4(), 0

    def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = {
            "client_id": str(self.client_id),
            "stream_id": str(self.stream_id),
            "dossier_id": str(self.dossier_id),
            "mutations": mutations,
        }
        r = self.client.post("/v1/sync/push", headers=self.headers, json=body)
        assert r.status_code == 200, r.text
        results: list[dict[str, Any]] = r.json()["results"]
        assert all(res["status"] == "applied" for res in results), results
        return results

    def creates(self, n: int) -> list[dict[str, Any]]:
        mutations = [entry(self.seq + i + 1) for i in range(n)]
        self.seq += n
        return mutations

    def pull(self, cursor: str | None) -> dict[str, Any]:
        body = {"client_id": str(self.client_id), "dossiers": {str(self.dossier_id): cursor}}
        r = self.client.post("/v1/sync/pull", headers=self.headers, json=body)
        assert r.status_code == 200, r.text
        page: dict[str, Any] = r.json()["dossiers"][0]
        assert page["state"] == "ok", page
        return page


def patient_device(flows: Flows, client: TestClient) -> Device:
    person = flows.active_person()
    assert person.dossier_id is not None
    return Device(client, bearer(flows.login(person)), person.dossier_id)


def test_pull_statement_budget(flows: Flows, client: TestClient, ctx: ServiceContext) -> None:
    device = patient_device(flows, client)
    device.push(device.creates(20))
    cursor = device.pull(None)["cursor"]

    with counted(ctx.engine) as noop:
        page = device.pull(cursor)
    assert page["items"] == [] and page["cursor"] == cursor
    assert len(noop) <= NOOP_PULL_BUDGET, "\n".join(noop)

    device.push(device.creates(1))
    with counted(ctx.engine) as one:
        page = device.pull(cursor)
    assert [item["values"]["name"] for item in page["items"]] == ["Allergie 21"]
    assert len(one) <= ONE_CHANGE_PULL_BUDGET, "\n".join(one)


def test_push_statements_do_not_grow_with_the_batch(flows: Flows, client: TestClient, ctx: ServiceContext) -> None:
    device = patient_device(flows, client)
    device.push(device.creates(1))  # the stream and the dossier's head exist: both batches below take the same path

    def cost(mutations: list[dict[str, Any]]) -> list[str]:
        with counted(ctx.engine) as statements:
            device.push(mutations)
        return statements

    small, large = cost(device.creates(10)), cost(device.creates(100))
    assert len(large) <= len(small) + PUSH_PER_BATCH_SLACK, "\n".join(large)

    # Updates of existing records: looked up in one batch as well, not one SELECT per mutation.
    updates = []
    for item in device.pull(None)["items"][:100]:
        device.seq += 1
        updates.append(entry(device.seq, uuid.UUID(item["entity_id"]), op="update", base=item["version"]))
        updates[-1]["changes"] = {"name": [item["values"]["name"], item["values"]["name"] + " bis"]}
    small_updates, large_updates = cost(updates[:10]), cost(updates[10:])
    assert len(large_updates) <= len(small_updates) + PUSH_PER_BATCH_SLACK, "\n".join(large_updates)


def test_the_professionals_dossier_list_costs_the_same_for_2_or_12_patients(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    """The policy is checked on each listed dossier with contexts and emergency claims read for the whole page, not
    five queries per patient (at 200 patients a page took seconds: benchmarks/scale.py)."""
    doctor = Pros(client, ctx, mailbox).sign_in(GP, "Médecin généraliste", "Durand")

    def authorise(n: int) -> None:
        for _ in range(n):
            person = flows.active_person()
            r = client.put(
                f"/v1/me/access/professionals/{GP}/authorisation", headers=bearer(flows.login(person)), json={}
            )
            assert r.status_code == 200, r.text

    def cost(expected: int) -> list[str]:
        with counted(ctx.engine) as statements:
            r = client.get("/v1/pro/dossiers", headers=doctor)
        assert r.status_code == 200 and len(r.json()) == expected, r.text
        return statements

    authorise(2)
    few = cost(2)
    authorise(10)
    many = cost(12)
    assert len(many) <= len(few), "\n".join(many)
