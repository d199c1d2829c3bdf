"""Dossier Sync v1 end to end over real HTTP: convergence, conflicts, ledger, gaps, rejections, access, revocation."""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from desktop_app.dossier_store import Intent
from desktop_app.sync.engine import S_ACCESS, SyncState
from dossier.sync_protocol import Entity, MutationOp
from server.sync.models import SyncLedger
from tests.support.sync_lab import Device, Lab


def _entries(device: Device) -> dict[str, dict[str, Any]]:
    store = device.profile.dossier()
    return {e.id: e.data for e in store.entries.list(limit=10_000)}


def _push_raw(api: httpx.Client, device: Device, mutations: list[dict[str, Any]], *, stream: str, client: str) -> Any:
    token = device.profile.settings[S_ACCESS]
    return api.post(
        "/v1/sync/push",
        json={
            "client_id": client,
            "stream_id": stream,
            "dossier_id": device.profile.settings["own_dossier_id"],
            "mutations": mutations,
        },
        headers={"Authorization": f"Bearer {token}"},
    )


def _create(seq: int, name: str, *, entity_id: str | None = None) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": seq,
        "entity": "entry",
        "entity_id": entity_id or str(uuid.uuid4()),
        "kind": "allergy",
        "op": "create",
        "base_version": 0,
        "changes": {"name": [None, name]},
    }


def test_edits_deletes_and_creates_reach_every_device_and_a_noop_sync_is_one_request(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    store = a.profile.dossier()
    kept = store.entries.create("allergy", {"name": "Pénicilline"})
    gone = store.entries.create("allergy", {"name": "Arachide"})
    store.entries.edit(kept.id, {"reaction": "Urticaire"})
    store.entries.delete(gone.id)
    report = a.engine.sync_once()
    assert report.pushed == {"applied": 4}
    b.engine.sync_once()
    assert _entries(b) == {kept.id: {"name": "Pénicilline", "reaction": "Urticaire"}}
    assert _entries(a) == _entries(b)
    # Nothing to send, nothing new: exactly one HTTP request (one pull for every dossier).
    assert b.engine.sync_once().requests == 1
    assert b.engine.state is SyncState.UP_TO_DATE
    assert a.profile.dossier().outbox.count_pending() == 0


def test_non_overlapping_edits_merge_and_overlapping_ones_make_one_conflict_everywhere(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    entry = a.profile.dossier().entries.create("allergy", {"name": "Pénicilline"})
    a.engine.sync_once()
    b.engine.sync_once()
    a.profile.dossier().entries.edit(entry.id, {"reaction": "Urticaire"})
    b.profile.dossier().entries.edit(entry.id, {"severity": _severity()})
    a.engine.sync_once()
    assert b.engine.sync_once().pushed == {"merged": 1}
    a.engine.sync_once()
    assert _entries(a) == _entries(b)
    assert _entries(a)[entry.id]["reaction"] == "Urticaire"
    # Now both change the same field differently: the server value stays, a conflict is recorded for a person.
    a.profile.dossier().entries.edit(entry.id, {"reaction": "Œdème"})
    b.profile.dossier().entries.edit(entry.id, {"reaction": "Eczéma"})
    a.engine.sync_once()
    seen: list[int] = []
    b.engine.on_conflicts(lambda found: seen.append(len(found)))
    report = b.engine.sync_once()
    assert report.pushed == {"conflict": 1}
    assert _entries(b)[entry.id]["reaction"] == "Œdème"
    a.engine.sync_once()
    [conflict] = b.engine.conflicts()
    assert [c.id for c in a.engine.conflicts()] == [conflict.id]  # the conflict syncs to every device
    assert conflict.fields["reaction"] == {"base": "Urticaire", "server": "Œdème", "client": "Eczéma"}
    assert b.engine.state is SyncState.CONFLICTS and seen == [1]
    b.engine.resolve(conflict.id, keep="mine")
    b.engine.sync_once()
    a.engine.sync_once()
    assert _entries(a)[entry.id]["reaction"] == "Eczéma" == _entries(b)[entry.id]["reaction"]
    assert a.engine.conflicts() == [] == b.engine.conflicts()


def _severity() -> str:
    from dossier.entries import ENTRY_KINDS

    spec = ENTRY_KINDS["allergy"].field_spec("severity")
    assert spec is not None
    return str(spec.choices[0].id)


def test_edit_versus_delete_is_a_conflict_and_never_a_resurrection(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    entry = a.profile.dossier().entries.create("allergy", {"name": "Latex"})
    a.engine.sync_once()
    b.engine.sync_once()
    a.profile.dossier().entries.delete(entry.id)
    b.profile.dossier().entries.edit(entry.id, {"reaction": "Choc"})
    a.engine.sync_once()
    assert b.engine.sync_once().pushed == {"conflict": 1}
    assert entry.id not in _entries(b)  # still deleted: the edit did not bring it back
    [conflict] = b.engine.conflicts()
    assert conflict.record_conflict == "edit_vs_delete"
    b.engine.resolve(conflict.id, keep="mine")  # the person decides to keep it, with their edit
    b.engine.sync_once()
    a.engine.sync_once()
    assert _entries(a)[entry.id] == {"name": "Latex", "reaction": "Choc"} == _entries(b)[entry.id]


def test_a_gap_in_the_client_sequence_is_refused_with_the_expected_number(lab: Lab) -> None:
    device = lab.device(lab.person())
    stream, client = str(uuid.uuid4()), str(uuid.uuid4())
    r = _push_raw(lab.api, device, [_create(1, "A")], stream=stream, client=client)
    assert r.status_code == 200
    r = _push_raw(lab.api, device, [_create(3, "C")], stream=stream, client=client)
    assert r.status_code == 409
    assert r.json()["code"] == "client_seq_gap" and r.json()["expected"] == 2
    assert "renvoyez à partir du numéro 2" in r.json()["detail"]


def test_duplicate_delivery_gives_stored_results_and_one_ledger_row_per_mutation(lab: Lab) -> None:
    device = lab.device(lab.person())
    stream, client = str(uuid.uuid4()), str(uuid.uuid4())
    mutations = [_create(i + 1, f"Allergie {i}") for i in range(30)]
    batches = [mutations[i : i + 7] for i in range(0, 30, 7)]
    rng = random.Random(5)
    first: dict[str, str] = {}
    delivered = 0
    while delivered < len(batches):
        # Replay every batch sent so far 1–3 times in a shuffled order (responses "lost" after the server committed).
        sent = batches[: delivered + 1]
        for batch in rng.sample(sent, len(sent)) * rng.randint(1, 3):
            r = _push_raw(lab.api, device, batch, stream=stream, client=client)
            if r.status_code == 409:  # a later batch before an earlier one: refused as a gap, nothing applied
                assert r.json()["expected"] <= batch[0]["client_seq"]
                continue
            for result in r.json()["results"]:
                first.setdefault(result["mutation_id"], result["status"])
                assert result["status"] == first[result["mutation_id"]] == "applied"
        delivered += 1
    for batch in batches:
        assert _push_raw(lab.api, device, batch, stream=stream, client=client).status_code == 200
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        rows = session.scalars(select(SyncLedger.mutation_id).where(SyncLedger.client_id == uuid.UUID(client))).all()
    assert sorted(map(str, rows)) == sorted(m["mutation_id"] for m in mutations)
    device.engine.sync_once()
    assert sorted(d["name"] for d in _entries(device).values()) == sorted(f"Allergie {i}" for i in range(30))


def test_an_invalid_mutation_is_rejected_without_blocking_the_queue_and_nothing_is_lost(lab: Lab) -> None:
    device = lab.device(lab.person())
    stream, client = str(uuid.uuid4()), str(uuid.uuid4())
    bad = _create(1, "")
    bad["changes"] = {"name": [None, ""], "severity": [None, "pas une gravité"]}
    r = _push_raw(lab.api, device, [bad, _create(2, "Pollen")], stream=stream, client=client)
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses == ["rejected", "applied"]
    assert r.json()["results"][0]["reason"] == "validation_failed"
    # Through the client: a rejected change stays readable in the outbox and in `status`.
    store = device.profile.dossier()
    good = store.entries.create("allergy", {"name": "Acariens"})
    with store._write() as write:  # an outbox row no form would write: the service rejects it
        write.queue(
            Intent(Entity.ENTRY, str(uuid.uuid4()), "allergy", MutationOp.CREATE, 0, {"severity": [None, "extrême"]})
        )
    report = device.engine.sync_once()
    assert report.pushed == {"applied": 1, "rejected": 1}
    status = device.engine.status()["dossiers"][0]
    assert status["pending"] == 0 and [x["status"] for x in status["refused"]] == ["rejected"]
    assert store.entries.get(good.id).data["name"] == "Acariens"


def test_outside_the_protocol_range_the_service_answers_426_in_french(lab: Lab) -> None:
    device = lab.device(lab.person())
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    for version in ("0", "2", None):
        h = dict(headers)
        with httpx.Client(base_url=lab.live.url) as raw:
            if version is not None:
                h["Carnet-Sync-Protocol"] = version
            r = raw.post("/v1/sync/pull", json={"client_id": str(uuid.uuid4()), "dossiers": {}}, headers=h)
        assert r.status_code == 426
        assert "mettez Carnet à jour" in r.json()["detail"]
        assert "server-time" in r.headers


def test_a_professional_sends_documents_without_access_and_revocation_crypto_shreds_the_copy(lab: Lab) -> None:
    patient = lab.device(lab.person())
    pro_info = lab.professional()
    clinic = lab.pro_device(pro_info)
    dossier_id = patient.profile.settings["own_dossier_id"]
    patient.profile.dossier().entries.create("vaccination", {"vaccine": "DTP", "date": "2020-01-02"})
    patient.engine.sync_once()
    # Not authorised: the dossier is not offered and cannot be pulled.
    assert clinic.engine.sync_once().pulled == 0
    assert clinic.profile.dossier_ids() == []
    lab.grant(patient)
    clinic.engine.sync_once()
    assert clinic.profile.dossier_ids() == [dossier_id]
    assert [e.kind for e in clinic.profile.dossier(dossier_id).entries.list()] == ["vaccination"]
    # Offline, the professional adds a document and edits an entry; then the patient withdraws the authorisation.
    cached = clinic.profile.dossier(dossier_id)
    cached.documents.add(
        b"%PDF-1.4\ncompte rendu\n%%EOF", title="Compte rendu", category="compte_rendu", author_kind="professional"
    )
    vaccination = cached.entries.list()[0]
    cached.entries.edit(vaccination.id, {"lot": "AB12"})
    lab.grant(patient, revoke=True)
    revoked: list[Any] = []
    clinic.engine.on_revoked(revoked.append)
    report = clinic.engine.sync_once()
    assert sorted(report.pushed.items()) == [("applied", 1), ("forbidden", 1)]
    [event] = revoked
    assert event.dossier_id == dossier_id and event.pending_changes == 1 and event.documents_delivered == 1
    assert clinic.profile.dossier_ids() == []
    files = list((clinic.profile.path / "dossiers").iterdir())
    assert files == []  # database, -wal and -shm gone; the wrapped key row is gone too (crypto-shredding)
    # The patient receives the document, bytes included.
    patient.engine.sync_once()
    [doc] = patient.profile.dossier().documents.list()
    assert patient.profile.dossier().documents.read(doc.id).startswith(b"%PDF-1.4")
    assert patient.profile.dossier().entries.list()[0].data.get("lot") is None
    # Authorised again later: the dossier comes back whole, from a clean start (the old cursor was forgotten).
    lab.grant(patient)
    clinic.engine.sync_once()
    again = clinic.profile.dossier(dossier_id)
    assert [e.data["vaccine"] for e in again.entries.list()] == ["DTP"]
    assert again.outbox.count_pending() == 0


def test_a_reset_dossier_is_downloaded_again_keeping_pending_work(lab: Lab) -> None:
    from server.sync.service import reset_dossier

    person = lab.person()
    a = lab.device(person)
    store = a.profile.dossier()
    synced = store.entries.create("allergy", {"name": "Pollen"})
    a.engine.sync_once()
    waiting = store.entries.create("allergy", {"name": "Chat"})
    assert lab.live.ctx is not None
    with lab.live.ctx.sessions() as session:
        reset_dossier(session, uuid.UUID(str(person.dossier_id)))
        session.commit()
    a.engine.sync_once()
    assert {e.data["name"] for e in store.entries.list()} == {"Pollen", "Chat"}
    assert store.outbox.count_pending() == 0
    assert {synced.id, waiting.id} <= set(_entries(a))


def test_a_diverged_copy_is_detected_by_digest_and_repaired_without_losing_pending_work(lab: Lab) -> None:
    from sqlalchemy import delete

    from desktop_app import schema
    from desktop_app.sync import tables

    a = lab.device(lab.person())
    store = a.profile.dossier()
    lost = store.entries.create("allergy", {"name": "Pollen"})
    a.engine.sync_once()
    with store.transaction() as conn:  # damage: a row and its shadow vanish locally
        conn.execute(delete(schema.entries).where(schema.entries.c.id == lost.id))
        conn.execute(delete(tables.sync_shadow).where(tables.sync_shadow.c.entity_id == lost.id))
    pending = store.entries.create("allergy", {"name": "Chat"})
    a.engine.sync_once()
    assert set(_entries(a)) == {lost.id, pending.id}


def test_server_time_is_on_every_response_and_stored_by_the_client(lab: Lab) -> None:
    a = lab.device(lab.person())
    a.engine.sync_once()
    assert a.engine.http.server_time is not None
    assert lab.live.ctx is not None
    assert a.engine.http.server_time == lab.live.ctx.now()
    assert json.dumps(a.engine.status()["last_server_time"]).startswith('"2026-01-15')


def test_dossier_files_of_a_device_hold_no_plaintext(lab: Lab) -> None:
    a = lab.device(lab.person())
    a.profile.dossier().entries.create("allergy", {"name": "ZQXJMARKERSYNC"})
    a.engine.sync_once()
    a.profile.lock()
    for path in Path(a.directory.data_dir).rglob("*"):
        if path.is_file():
            assert b"ZQXJMARKERSYNC" not in path.read_bytes()


def test_a_conflict_resolved_field_by_field_and_keep_theirs_on_another(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    first = a.profile.dossier().entries.create("allergy", {"name": "Pollen"})
    second = a.profile.dossier().entries.create("allergy", {"name": "Latex"})
    a.engine.sync_once()
    b.engine.sync_once()
    for entry_id, mine, theirs in ((first.id, "Toux", "Rhinite"), (second.id, "Choc", "Rougeur")):
        a.profile.dossier().entries.edit(entry_id, {"reaction": theirs})
        b.profile.dossier().entries.edit(entry_id, {"reaction": mine})
    a.engine.sync_once()
    b.engine.sync_once()
    by_entity = {c.entity_id: c for c in b.engine.conflicts()}
    b.engine.resolve(by_entity[first.id].id, fields={"reaction": "Toux et rhinite"})
    b.engine.resolve(by_entity[second.id].id, keep="theirs")
    assert b.engine.conflicts() == []
    b.engine.sync_once()
    a.engine.sync_once()
    assert _entries(a)[first.id]["reaction"] == "Toux et rhinite" == _entries(b)[first.id]["reaction"]
    assert _entries(a)[second.id]["reaction"] == "Rougeur" == _entries(b)[second.id]["reaction"]
    assert a.engine.conflicts() == []


def test_each_step_of_a_push_refuses_what_it_must_and_the_rest_of_the_batch_applies(lab: Lab) -> None:
    """The steps of the service's `_apply`: shape (op, changes), the record (kind), the policy's target (kind)."""
    device = lab.device(lab.person())
    stream, client = str(uuid.uuid4()), str(uuid.uuid4())
    pollen = str(uuid.uuid4())
    not_merged = {**_create(1, "Arachide"), "op": "resolve"}  # `resolve` names a conflict, never a record
    masked_entry = {**_create(2, "Arachide"), "op": "set_confidentiality"}  # only documents are masked
    malformed = {**_create(3, "Arachide"), "changes": {"name": ["Arachide"]}}  # not a [seen, wanted] pair
    created = _create(4, "Pollen", entity_id=pollen)
    other_kind = {**_create(5, "Pollen"), "entity_id": pollen, "kind": "vaccination", "op": "update"}
    unknown_kind = {**_create(6, "Pollen"), "kind": "horoscope"}
    edited = {**_create(7, ""), "entity_id": pollen, "op": "update", "changes": {"name": ["Pollen", "Pollens"]}}
    r = _push_raw(
        lab.api,
        device,
        [not_merged, masked_entry, malformed, created, other_kind, unknown_kind, edited],
        stream=stream,
        client=client,
    )
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [(x["status"], x["reason"]) for x in results] == [
        ("rejected", "unknown_op"),
        ("rejected", "unknown_op"),
        ("rejected", "malformed_changes"),
        ("applied", None),
        ("rejected", "kind_mismatch"),
        ("rejected", "unknown_kind"),
        ("applied", None),  # its own earlier create: no conflict with the stream's own change
    ]
    assert all(x["message_fr"] for x in results if x["status"] == "rejected")
    device.engine.sync_once()
    assert [d["name"] for d in _entries(device).values()] == ["Pollens"]


def test_a_mutation_with_an_unknown_op_or_entity_is_a_problem_not_a_server_error(lab: Lab) -> None:
    device = lab.device(lab.person())
    for field, value in (("op", "explode"), ("entity", "horoscope")):
        r = _push_raw(
            lab.api,
            device,
            [{**_create(1, "Pollen"), field: value}],
            stream=str(uuid.uuid4()),
            client=str(uuid.uuid4()),
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "request_invalid"
