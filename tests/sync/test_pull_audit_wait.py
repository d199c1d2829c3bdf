"""A pull that returned data answers only once its audit row is committed, and waits for that on the event loop, not
in a thread (issue 16): pulls held at the audit writer leave the light reads' threads to everyone else.

The real service on loopback (uvicorn in a thread, so the test can hold its audit writer), real clients, both
backends.
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import httpx
from sqlalchemy import event, func, select

from server.audit.models import AuditEvent
from server.audit.writer import writer_for
from server.dossiers.dependencies import LIGHT_READ_THREADS
from tests.support.service import Person
from tests.support.sync_lab import Lab

PULLS = LIGHT_READ_THREADS + 4  # more than the threads pulls and GET /v1/me share


def _audit_insert(statement: str) -> bool:
    """The audit writer's multi-row insert (its thread, its statement)."""
    return threading.current_thread().name == "carnet-audit-writer" and statement.startswith("INSERT INTO audit_events")


def _pull_rows(lab: Lab, dossier_id: uuid.UUID) -> int:
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        where = (AuditEvent.action == "sync.pull", AuditEvent.dossier_id == dossier_id)
        return session.scalar(select(func.count()).select_from(AuditEvent).where(*where)) or 0


def _patient_with_allergy(lab: Lab, name: str) -> tuple[Person, dict[str, str]]:
    """A patient whose device synced one allergy, and the headers of a pull with that device's token."""
    person = lab.person()
    device = lab.device(person)
    device.profile.dossier().entries.create("allergy", {"name": name})
    device.engine.sync_once()
    token = device.profile.settings["sync.access_token"]
    return person, {"Authorization": f"Bearer {token}", "Carnet-Sync-Protocol": "1"}


def test_pulls_waiting_for_their_audit_rows_hold_no_thread_and_answer_once_they_are_committed(lab: Lab) -> None:
    person, headers = _patient_with_allergy(lab, "Pénicilline")
    assert person.dossier_id is not None and lab.live.ctx is not None
    ctx = lab.live.ctx
    before = _pull_rows(lab, person.dossier_id)
    gate, held_rows = threading.Event(), [0]

    def hold(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if _audit_insert(statement):
            held_rows[0] += len(parameters) if many else 1
            gate.wait(30)  # the audit writer's commit is slow: every pull with data waits for it

    event.listen(ctx.engine, "before_cursor_execute", hold)
    answers: list[httpx.Response | None] = [None] * PULLS

    def pull(i: int) -> None:
        body = {"client_id": str(uuid.uuid4()), "dossiers": {str(person.dossier_id): None}}
        with httpx.Client(base_url=lab.live.url, timeout=60) as client:
            answers[i] = client.post("/v1/sync/pull", headers=headers, json=body)

    threads = [threading.Thread(target=pull, args=(i,)) for i in range(PULLS)]
    try:
        for t in threads:
            t.start()
        with ctx.sessions() as session:
            writer = writer_for(ctx.engine, session.info)
        deadline = time.monotonic() + 20
        while held_rows[0] + sum(len(w.rows) for w in writer._waiting) < PULLS and time.monotonic() < deadline:
            time.sleep(0.02)
        assert held_rows[0] + sum(len(w.rows) for w in writer._waiting) == PULLS  # every pull read, none answered
        # More pulls wait than there are light-read threads, yet GET /v1/me (those same threads) answers at once.
        me = httpx.get(f"{lab.live.url}/v1/me", headers=headers, timeout=5)
        assert me.status_code == 200, me.text
        assert answers == [None] * PULLS  # no pull's data left before its audit row was committed
    finally:
        gate.set()
        for t in threads:
            t.join(60)
        event.remove(ctx.engine, "before_cursor_execute", hold)
    for answer in answers:
        assert answer is not None and answer.status_code == 200, answer
        assert answer.json()["dossiers"][0]["items"] and "Pénicilline" in answer.text
    assert _pull_rows(lab, person.dossier_id) == before + PULLS


def test_a_pull_whose_audit_row_cannot_be_written_sends_no_data(lab: Lab) -> None:
    person, headers = _patient_with_allergy(lab, "Arachide")
    assert person.dossier_id is not None and lab.live.ctx is not None
    ctx = lab.live.ctx

    def fail(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if _audit_insert(statement):
            raise OSError("disque plein")  # the database refuses the audit rows

    before = _pull_rows(lab, person.dossier_id)
    body = {"client_id": str(uuid.uuid4()), "dossiers": {str(person.dossier_id): None}}
    event.listen(ctx.engine, "before_cursor_execute", fail)
    try:
        refused = httpx.post(f"{lab.live.url}/v1/sync/pull", headers=headers, json=body, timeout=30)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", fail)
    assert refused.status_code == 500
    assert "Arachide" not in refused.text
    assert _pull_rows(lab, person.dossier_id) == before
    again = httpx.post(f"{lab.live.url}/v1/sync/pull", headers=headers, json=body, timeout=30)  # the client retries
    assert again.status_code == 200 and "Arachide" in again.text
    assert _pull_rows(lab, person.dossier_id) == before + 1
