"""Speaking Dossier Sync v1 to the service for the messagerie's tests: a device that pushes message mutations and
pulls pages (through the app, as every client does)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, func, select

from server.clock import ManualClock
from server.context import ServiceContext
from server.messages.models import Conversation, Message
from tests.support.access import Headers, patient
from tests.support.service import Flows, Person

SYNC = {"Carnet-Sync-Protocol": "1"}


def mutation(client_seq: int, entity: str, entity_id: uuid.UUID | str, op: str, **changes: Any) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": client_seq,
        "entity": entity,
        "entity_id": str(entity_id),
        "kind": entity,
        "op": op,
        "base_version": 0,
        "changes": {name: [None, value] for name, value in changes.items()},
    }


class SyncDevice:
    """One device of one principal, holding one dossier: pushes on its own stream, pulls with its own cursor."""

    def __init__(self, client: TestClient, headers: dict[str, str], dossier_id: uuid.UUID | str) -> None:
        self.client, self.headers, self.dossier_id = client, {**headers, **SYNC}, str(dossier_id)
        self.client_id, self.stream_id, self.seq = uuid.uuid4(), uuid.uuid4(), 0
        self.cursor: str | None = None
        self.held: dict[str, dict[str, Any]] = {}

    def push_body(self, *mutations: dict[str, Any]) -> dict[str, Any]:
        return {
            "client_id": str(self.client_id),
            "stream_id": str(self.stream_id),
            "dossier_id": self.dossier_id,
            "mutations": list(mutations),
        }

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.client.post("/v1/sync/push", headers=self.headers, json=self.push_body(*mutations))
        assert r.status_code == 200, r.text
        results: list[dict[str, Any]] = r.json()["results"]
        return results

    def next(self, entity: str, entity_id: uuid.UUID | str, op: str = "create", **changes: Any) -> dict[str, Any]:
        self.seq += 1
        return mutation(self.seq, entity, entity_id, op, **changes)

    def send(self, conversation_id: str, text: str, message_id: uuid.UUID | None = None) -> dict[str, Any]:
        (result,) = self.push(
            self.next("message", message_id or uuid.uuid4(), conversation_id=conversation_id, text=text)
        )
        return result

    def start(self, subject: str, text: str, *, secret: bool = False) -> tuple[str, dict[str, Any]]:
        conv = str(uuid.uuid4())
        m = self.next("conversation", conv, subject=subject, secret=secret, message_id=str(uuid.uuid4()), text=text)
        (result,) = self.push(m)
        return conv, result

    def pull(self) -> dict[str, Any]:
        """One pull request; the page's records kept by id (as a device holds them); the page returned."""
        body = {"client_id": str(self.client_id), "dossiers": {self.dossier_id: self.cursor}}
        r = self.client.post("/v1/sync/pull", headers=self.headers, json=body)
        assert r.status_code == 200, r.text
        page: dict[str, Any] = r.json()["dossiers"][0]
        if page["state"] == "ok":
            self.cursor = page["cursor"]
            for item in page["items"]:
                if item["type"] == "record":
                    self.held[item["entity_id"]] = item
        return page

    def of(self, entity: str) -> list[dict[str, Any]]:
        return sorted((r for r in self.held.values() if r["entity"] == entity), key=lambda r: r["version"])

    def texts(self) -> list[str]:
        return [str(r["values"]["text"]) for r in self.of("message")]

    def subjects(self) -> set[str]:
        return {str(r["values"]["subject"]) for r in self.of("conversation")}


@contextmanager
def statements_of(engine: Engine) -> Iterator[list[str]]:
    """The SQL the engine runs inside the block (to hold a pull carrying messages to the sync budget)."""
    seen: list[str] = []
    listener = lambda *args: seen.append(str(args[2])[:120])  # noqa: E731  (conn, cursor, statement, …)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def stored_counts(ctx: ServiceContext) -> tuple[int, int]:
    """How many conversations and messages the service holds."""
    with ctx.sessions() as session:
        convs = session.scalar(select(func.count()).select_from(Conversation))
        msgs = session.scalar(select(func.count()).select_from(Message))
    return int(convs or 0), int(msgs or 0)


def with_aidant(client: TestClient, flows: Flows, clock: ManualClock) -> tuple[Person, Headers, Headers, str]:
    """A patient and an aidant they named for 30 days: (patient, their headers, the aidant's headers, aidant id)."""
    person, me = patient(flows)
    assert person.dossier_id
    aidant, aidant_headers = patient(flows)
    ends = (clock.now() + timedelta(days=30)).isoformat()
    r = client.post("/v1/me/access/aidants", headers=me, json={"identifier": aidant.identifier, "ends_at": ends})
    assert r.status_code == 200, r.text
    return person, me, aidant_headers, str(r.json()["aidants"][0]["account_id"])
