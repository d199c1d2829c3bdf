"""Change events from the store (real SQLCipher): one `_write()`, outbox rows in the sync vocabulary, a LOCAL event
after the commit — never for a write that rolled back."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import select

from desktop_app import schema
from desktop_app.changes import ChangeHub, ChangeOrigin, StoreChange
from desktop_app.dossier_store import DossierStore
from desktop_app.errors import ReadOnlyEntry
from desktop_app.profile import UnlockedProfile
from dossier.documents import Confidentiality
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity, MutationOp

PDF = b"%PDF-1.4\n% ordonnance\n%%EOF\n"


class Heard:
    """A listener that keeps every change it hears, and on which thread."""

    def __init__(self, hub: ChangeHub) -> None:
        self.changes: list[StoreChange] = []
        self.threads: list[str] = []
        hub.subscribe(self)

    def __call__(self, change: StoreChange) -> None:
        self.changes.append(change)
        self.threads.append(threading.current_thread().name)


def _outbox(store: DossierStore) -> list[tuple[str, str, str]]:
    with store.reading() as conn:
        return [(r.entity, r.op, r.entity_id) for r in conn.execute(select(schema.outbox).order_by("client_seq"))]


def test_every_write_queues_its_mutation_in_the_sync_vocabulary_and_tells_once_committed(
    profile: UnlockedProfile,
) -> None:
    store = profile.dossier()
    heard = Heard(profile.changes)
    allergy = store.entries.create("allergy", {"name": "Pénicilline"})
    ids = store.entries.create_many(
        "measurement", [{"measure_type": "weight", "value": "70", "unit": "kg", "measured_at": "2026-01-02"}] * 2
    )
    store.entries.edit(allergy.id, {"reaction": "Urticaire"})
    store.entries.delete(allergy.id)
    store.entries.restore(allergy)
    doc = store.documents.add(PDF, title="Ordonnance", category="ordonnance")
    store.documents.set_confidentiality(doc.id, Confidentiality(masked_from_professionals=True))
    store.documents.delete(doc.id)

    rows = _outbox(store)
    assert [(e, o) for e, o, _ in rows] == [
        (Entity.ENTRY, MutationOp.CREATE),
        (Entity.ENTRY, MutationOp.CREATE),
        (Entity.ENTRY, MutationOp.CREATE),
        (Entity.ENTRY, MutationOp.UPDATE),
        (Entity.ENTRY, MutationOp.DELETE),
        (Entity.ENTRY, MutationOp.RESTORE),
        (Entity.DOCUMENT, MutationOp.CREATE),
        (Entity.DOCUMENT, MutationOp.SET_CONFIDENTIALITY),
        (Entity.DOCUMENT, MutationOp.DELETE),
    ]
    # One event per write, after its commit, on the writing thread, saying what changed.
    assert len(heard.changes) == 8 and set(heard.threads) == {threading.current_thread().name}
    assert all(c.origin is ChangeOrigin.LOCAL and c.dossier_id == store.dossier_id for c in heard.changes)
    first, many = heard.changes[0], heard.changes[1]
    assert first.entities == {Entity.ENTRY} and first.kinds == {"allergy"} and first.ids == {allergy.id}
    assert many.kinds == {"measurement"} and many.ids == set(ids)
    assert heard.changes[-1].entities == {Entity.DOCUMENT} and heard.changes[-1].ids == {doc.id}
    assert first.touches(Entity.ENTRY, "allergy") and not first.touches(Entity.ENTRY, "vaccination")
    assert not first.touches(Entity.DOCUMENT)


def test_a_refused_write_queues_nothing_and_tells_nothing(profile: UnlockedProfile) -> None:
    store = profile.dossier()
    entry = store.entries.create("allergy", {"name": "Arachide"})
    doc = store.documents.add(PDF, title="Compte rendu", category="compte_rendu", author_kind="professional")
    heard = Heard(profile.changes)
    before = _outbox(store)
    with pytest.raises(DossierValidationError):
        store.entries.create("allergy", {"name": ""})
    with pytest.raises(DossierValidationError):
        store.entries.create_many("allergy", [{"name": "Pollen"}, {"severity": "pas une gravité"}])
    with pytest.raises(ReadOnlyEntry):
        store.documents.delete(doc.id)  # a professional's document
    store.entries.edit(entry.id, {"name": "Arachide"})  # nothing changes: nothing to send, nothing to tell
    assert _outbox(store) == before and heard.changes == []


def test_writes_grouped_in_one_transaction_tell_once_after_it_commits_and_never_after_a_rollback(
    profile: UnlockedProfile,
) -> None:
    store = profile.dossier()
    heard = Heard(profile.changes)
    with store.transaction():  # an import: thousands of writes, one event
        first = store.entries.create("allergy", {"name": "Pollen"})
        store.documents.add(PDF, title="Ordonnance", category="ordonnance")
        assert heard.changes == []  # not before the commit
    [change] = heard.changes
    assert change.entities == {Entity.ENTRY, Entity.DOCUMENT}
    assert change.kinds == {"allergy", "ordonnance"} and first.id in change.ids

    with pytest.raises(RuntimeError), store.transaction():
        store.entries.create("allergy", {"name": "Acariens"})
        raise RuntimeError("the import fails half-way")
    assert len(heard.changes) == 1 and [e.data["name"] for e in store.entries.list("allergy")] == ["Pollen"]


def test_a_broken_listener_neither_undoes_the_write_nor_silences_the_others(
    profile: UnlockedProfile, caplog: pytest.LogCaptureFixture
) -> None:
    store = profile.dossier()

    def broken(_change: StoreChange) -> None:
        raise ValueError("a listener's bug")

    profile.changes.subscribe(broken)
    heard = Heard(profile.changes)
    entry = store.entries.create("allergy", {"name": "Latex"})
    assert store.entries.get(entry.id).data["name"] == "Latex" and len(heard.changes) == 1
    assert "change listener failed" in caplog.text and "Latex" not in caplog.text  # no health data in the log


def test_one_hub_per_open_profile_shared_by_all_its_dossiers(profile: UnlockedProfile) -> None:
    other = profile.create_dossier("Enfant", role="child")
    assert profile.dossier().changes is profile.changes and other.changes is profile.changes
    heard = Heard(profile.changes)
    other.entries.create("allergy", {"name": "Lait"})
    assert [c.dossier_id for c in heard.changes] == [other.dossier_id]
    stop = profile.changes.subscribe(heard)  # a second subscription, then its end
    stop()
    profile.dossier().entries.create("allergy", {"name": "Oeuf"})
    assert len(heard.changes) == 2


def test_a_store_opened_alone_has_its_own_hub(profile: UnlockedProfile) -> None:
    engine = profile.dossier().engine
    alone = DossierStore(engine, "alone")
    assert isinstance(alone.changes, ChangeHub) and alone.changes is not profile.changes
    heard = Heard(alone.changes)
    alone.entries.create("allergy", {"name": "Soja"})
    assert len(heard.changes) == 1 and heard.changes[0].dossier_id == "alone"
    with alone.reading() as conn:
        changes = json.loads(conn.execute(select(schema.outbox.c.changes)).scalars().all()[-1])
    assert changes == {"name": [None, "Soja"]}
