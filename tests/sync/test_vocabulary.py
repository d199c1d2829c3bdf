"""The sync vocabulary at the service's door (real service over HTTP): an op or an entity it does not know is refused
with a problem code — never a 500 — and nothing of the request is stored; the client's outbox speaks the same words."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from desktop_app.sync.engine import S_ACCESS
from dossier.sync_protocol import Entity, MutationOp, MutationStatus
from tests.support.sync_lab import Device, Lab


def _mutation(seq: int, *, op: str = "create", entity: str = "entry") -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": seq,
        "entity": entity,
        "entity_id": str(uuid.uuid4()),
        "kind": "allergy",
        "op": op,
        "base_version": 0,
        "changes": {"name": [None, "Pénicilline"]},
    }


def _push(lab: Lab, device: Device, mutations: list[dict[str, Any]], stream: str) -> Any:
    return lab.api.post(
        "/v1/sync/push",
        json={
            "client_id": device.profile.client_id,
            "stream_id": stream,
            "dossier_id": device.profile.settings["own_dossier_id"],
            "mutations": mutations,
        },
        headers={"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"},
    )


@pytest.mark.parametrize(("field", "bad"), [("op", "merge_everything"), ("entity", "prescription")])
def test_an_unknown_op_or_entity_is_refused_with_a_problem_code_and_nothing_is_stored(
    lab: Lab, field: str, bad: str
) -> None:
    device = lab.device(lab.person())
    stream = str(uuid.uuid4())
    strange = _mutation(2, **{field: bad})
    r = _push(lab, device, [_mutation(1), strange], stream)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert problem["code"] == "request_invalid" and problem["status"] == 422
    assert [(i["field"], i["code"]) for i in problem["issues"]] == [(f"mutations.1.{field}", "enum")]
    assert bad not in r.text  # the refusal names the field, it does not echo what was sent

    # Nothing of the refused request was kept: the stream still expects its first mutation, the dossier is empty.
    again = _push(lab, device, [_mutation(1)], stream)
    assert again.status_code == 200, again.text
    assert [x["status"] for x in again.json()["results"]] == [MutationStatus.APPLIED]
    device.engine.sync_once()
    assert [e.data["name"] for e in device.profile.dossier().entries.list()] == ["Pénicilline"]


def test_a_known_op_on_the_wrong_entity_is_rejected_per_mutation_without_blocking_the_queue(lab: Lab) -> None:
    device = lab.device(lab.person())
    masking = _mutation(1, op=MutationOp.SET_CONFIDENTIALITY)  # masking is for documents only
    r = _push(lab, device, [masking, _mutation(2)], str(uuid.uuid4()))
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [(x["status"], x["reason"]) for x in results] == [("rejected", "unknown_op"), ("applied", None)]


def test_what_the_client_queues_is_what_the_service_understands(lab: Lab) -> None:
    device = lab.device(lab.person())
    store = device.profile.dossier()
    entry = store.entries.create("allergy", {"name": "Pollen"})
    store.entries.edit(entry.id, {"reaction": "Rhinite"})
    store.documents.add(b"%PDF-1.4\n%%EOF\n", title="Ordonnance", category="ordonnance")
    pending = store.outbox.pending()
    assert {(m.entity, m.op) for m in pending} == {
        (Entity.ENTRY, MutationOp.CREATE),
        (Entity.ENTRY, MutationOp.UPDATE),
        (Entity.DOCUMENT, MutationOp.CREATE),
    }
    report = device.engine.sync_once()
    assert report.pushed == {MutationStatus.APPLIED: 3} and store.outbox.count_pending() == 0
