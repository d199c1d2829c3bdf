"""Issue 15, finding 1 (S48): one bad document record must not break a dossier's sync on every device.

The service refuses, at push, a document whose fields the routes would refuse (S35: the sync channel trusts no
client); a record the service already holds that its blob route refuses is an error about THAT document on the
client (recorded, shown by `status`), never "offline" for the whole sync.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.dossier_store import Intent
from desktop_app.sync.engine import S_ACCESS, SyncState
from desktop_app.sync.refusals import refused_changes
from dossier.sync_protocol import Entity, MutationOp
from server.sync.models import SyncRecord
from tests.support.sync_lab import Device, Lab

GOOD_SHA = "a" * 64


def _document(sha256: Any, size: Any = 10, **extra: Any) -> dict[str, Any]:
    changes = {
        "title": "Compte rendu",
        "category": "compte_rendu",
        "document_date": "2025-01-02",
        "author_kind": "patient",
        "confidentiality": {"masked_from_professionals": False},
        "format": "pdf",
        "size": size,
        "sha256": sha256,
        "filename": "cr.pdf",
        **extra,
    }
    return {
        "mutation_id": str(uuid.uuid4()),
        "client_seq": 1,
        "entity": "document",
        "entity_id": str(uuid.uuid4()),
        "kind": "compte_rendu",
        "op": "create",
        "base_version": 0,
        "changes": {k: [None, v] for k, v in changes.items()},
    }


def _push(lab: Lab, device: Device, mutation: dict[str, Any]) -> dict[str, Any]:
    r = lab.api.post(
        "/v1/sync/push",
        json={
            "client_id": str(uuid.uuid4()),
            "stream_id": str(uuid.uuid4()),
            "dossier_id": device.profile.settings["own_dossier_id"],
            "mutations": [mutation],
        },
        headers={"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"},
    )
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()["results"][0]
    return result


@pytest.mark.parametrize(
    ("sha256", "size", "extra"),
    [
        ("Z" * 64, 10, {}),  # 64 characters, not hex: the blob route answers 422 for it
        ("A" * 64, 10, {}),  # upper-case hex: the routes take lower case only
        ("../../" + "a" * 58, 10, {}),
        ("a" * 63, 10, {}),
        (GOOD_SHA, 0, {}),
        (GOOD_SHA, 2**41, {}),  # larger than an upload may be
        (GOOD_SHA, 10, {"format": "exe"}),
        (GOOD_SHA, 10, {"filename": "x" * 300}),
    ],
)
def test_push_refuses_a_document_whose_fields_the_routes_would_refuse(
    lab: Lab, sha256: str, size: int, extra: dict[str, Any]
) -> None:
    """S48, S35 (issue 15 #1): rejected with a reason code, nothing stored."""
    device = lab.device(lab.person())
    result = _push(lab, device, _document(sha256, size, **extra))
    assert result["status"] == "rejected", result
    assert result["reason"] == "invalid_document"
    assert result["message_fr"]
    ctx = lab.live.ctx
    assert ctx is not None
    with ctx.sessions() as session:
        assert session.scalars(select(SyncRecord).where(SyncRecord.entity == "document")).all() == []


def test_push_still_takes_a_sound_document_record(lab: Lab) -> None:
    device = lab.device(lab.person())
    assert _push(lab, device, _document(GOOD_SHA))["status"] == "applied"


def test_a_document_the_blob_route_refuses_is_an_error_about_that_document_not_offline(lab: Lab) -> None:
    """S48, S35 (issue 15 #1b): a record accepted before the fix (a sha the blob route answers 422 for) is reported
    on its document; the other document and the entries still arrive, and the device is not "offline"."""
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    store = a.profile.dossier()
    bad = store.documents.add(b"%PDF-1.4 bad record", title="Ancien", category="imagerie")
    good = store.documents.add(b"%PDF-1.4 good record", title="Radio", category="imagerie")
    entry = store.entries.create("allergy", {"name": "Pénicilline"})
    a.engine.sync_once()
    ctx = lab.live.ctx
    assert ctx is not None
    with ctx.sessions() as session:  # as a service before the fix stored it
        rec = session.scalars(select(SyncRecord).where(SyncRecord.entity_id == uuid.UUID(bad.id))).one()
        rec.values_json = json.dumps({**json.loads(rec.values_json), "sha256": "Z" * 64})
        rec.blob_sha256 = "Z" * 64
        session.commit()

    report = b.engine.sync_once()  # before the fix: SyncOffline ("Service injoignable")
    assert b.engine.state is not SyncState.OFFLINE
    assert report.downloaded == 1
    assert b.profile.dossier().documents.read(good.id) == b"%PDF-1.4 good record"
    assert {e.id for e in b.profile.dossier().entries.list()} == {entry.id}
    dossier = b.engine.status()["dossiers"][0]
    assert [(e["document_id"], e["status"]) for e in dossier["download_errors"]] == [(bad.id, 422)]
    # The next sync tries again, reports the same single error, and still goes through.
    b.engine.sync_once()
    assert b.engine.status()["state"] != SyncState.OFFLINE.value
    assert len(b.engine.status()["dossiers"][0]["download_errors"]) == 1


def test_a_refusal_is_told_in_the_windows_language_with_the_services_own_detail(lab: Lab) -> None:
    """An English window shows the service's detail of a refused value in English, never the French one."""
    device = lab.device(lab.person())
    store = device.profile.dossier()
    changes = {"name": [None, "Arachide"], "severity": [None, "énorme"]}  # a value no client screen offers
    with store._write() as write:
        write.queue(Intent(Entity.ENTRY, str(uuid.uuid4()), "allergy", MutationOp.CREATE, 0, changes))
    device.engine.sync_once()
    [refused] = refused_changes(device.profile)
    assert refused.reason == "validation_failed"
    french, english = refused.why("fr"), refused.why("en")
    assert english.startswith("The service does not accept one of the values entered.") and english != (
        "The service does not accept one of the values entered."
    ), english
    assert refused.detail_fr and refused.detail_fr not in english and refused.detail_fr in french
