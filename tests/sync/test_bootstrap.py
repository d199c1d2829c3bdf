"""Bulk pulls: a large dossier arrives searchable, even when the client dies between a page and the search index."""

from __future__ import annotations

import hashlib

import pytest

from desktop_app.sync.context import get_meta
from desktop_app.sync.engine import S_SEARCH_STALE, SyncEngine
from tests.support.service import Person
from tests.support.sync_lab import Device, Lab
from tests.sync.test_crash_matrix import run_cli

N = 650  # more than one bulk page threshold (the search index is then rebuilt once, not row by row)


def _meta(engine: SyncEngine, device: Device, key: str) -> str | None:
    with device.profile.dossier().reading() as conn:
        return get_meta(conn, key)


@pytest.fixture
def person(lab: Lab) -> Person:
    return lab.person()


@pytest.fixture
def writer(lab: Lab, person: Person) -> Device:
    device = lab.device(person)
    rows = [{"name": f"Allergie {i:04d}", "reaction": "Urticaire géante" if i == 321 else "Rhinite"} for i in range(N)]
    device.profile.dossier().entries.create_many("allergy", rows)
    device.engine.sync_once()
    return device


def _found(device: Device, query: str) -> list[str]:
    return [str(e.data["name"]) for e in device.profile.dossier().entries.search(query, limit=N + 10)]


def test_a_bulk_bootstrap_is_searchable_and_local_edits_stay_indexed(lab: Lab, person: Person, writer: Device) -> None:
    reader = lab.device(person)
    assert reader.engine.sync_once().pulled == N
    store = reader.profile.dossier()
    assert store.entries.count() == N
    assert _found(reader, "geante") == ["Allergie 0321"]  # accent-folded, from the rebuilt index
    assert len(_found(reader, "rhinite")) == N - 1
    assert _meta(reader.engine, reader, S_SEARCH_STALE) is None
    # The row-by-row triggers are back: a later local edit and a later small pull are indexed as usual.
    entry = store.entries.search("Allergie 0007")[0]
    store.entries.edit(entry.id, {"reaction": "Œdème de Quincke"})
    writer.profile.dossier().entries.create("allergy", {"name": "Latex", "reaction": "Eczéma"})
    writer.engine.sync_once()
    reader.engine.sync_once()
    assert _found(reader, "oedeme") == ["Allergie 0007"]
    assert _found(reader, "eczema") == ["Latex"]
    assert store.integrity_problems() == []


@pytest.mark.usefixtures("sqlite_only")
def test_a_client_killed_after_a_bulk_page_rebuilds_the_search_index_at_the_next_sync(
    lab: Lab, person: Person, writer: Device
) -> None:
    reader = lab.device(person)
    reader.profile.lock()
    reader.engine.http.close()
    crashed = run_cli(reader, "sync", crash_at="pull.after_page_commit")
    assert crashed.returncode == 137, crashed.stderr
    reader.reopen()
    assert reader.profile.dossier().entries.count() == N  # the page and its cursor committed together
    assert _meta(reader.engine, reader, S_SEARCH_STALE) == "1"  # and the index is known to be behind
    reader.engine.sync_once()
    assert _meta(reader.engine, reader, S_SEARCH_STALE) is None
    assert _found(reader, "geante") == ["Allergie 0321"]
    assert reader.profile.dossier().integrity_problems() == []


def test_several_chunks_in_flight_deliver_the_same_bytes(lab: Lab, person: Person) -> None:
    sender = lab.device(person, upload_streams=3)
    content = b"%PDF-1.4\n" + hashlib.shake_256(b"streams").digest(1_700_000)  # seven chunks of 256 KiB
    doc = sender.profile.dossier().documents.add(content, title="Scanner", category="imagerie")
    assert sender.engine.sync_once().uploaded == 1
    reader = lab.device(person)
    reader.engine.sync_once()
    assert reader.profile.dossier().documents.read(doc.id) == content
