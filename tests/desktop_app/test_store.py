"""The dossier store's services: entries, documents and the outbox, on a real SQLCipher file."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from desktop_app.dossier_store import CHUNK_SIZE, DossierStore
from desktop_app.errors import DocumentTooLarge, NotFound, ReadOnlyEntry
from desktop_app.profile import UnlockedProfile
from dossier.documents import Confidentiality
from dossier.errors import DossierValidationError

GOOD_ENTRIES: list[tuple[str, dict[str, object]]] = [
    ("condition", {"name": "Asthme", "onset_date": "1998"}),
    ("treatment", {"name": "Ventoline", "dosage": "2 bouffées si besoin", "start_date": "2010-03"}),
    ("allergy", {"name": "Pénicilline", "severity": "grave"}),
    ("hospitalisation", {"reason": "Appendicectomie", "start_date": "1985-07-02"}),
    ("procedure", {"name": "Appendicectomie", "date": "1985-07-02"}),
    ("disability", {"name": "Malvoyance"}),
    ("family_history", {"condition": "Diabète", "relationship": "mère"}),
    ("vaccination", {"vaccine": "ROR", "date": "2019-05-14", "dose": "primo"}),
    ("blood_group", {"abo": "O", "rh": "negative"}),
    ("lifestyle", {"tobacco": "never", "sleep_hours": "7,5"}),
    ("measurement", {"measure_type": "weight", "value": "72,5", "unit": "kg", "measured_at": "2026-01-02"}),
    ("emergency_contact", {"name": "Paul Lefèvre", "phone": "0612345678"}),
    ("trusted_person", {"name": "Claire Dubois"}),
    ("caregiver", {"name": "Jeanne Petit"}),
    ("advance_directive", {"written_on": "2024-02-01", "kept_at": "chez mon médecin"}),
    ("organ_donation", {"position": "donor"}),
    ("not_concerned", {"section": "handicaps"}),
    ("lab_result", {"test": "Hémoglobine glyquée (HbA1c)", "value": "7,2", "unit": "%", "date": "2026-10-02"}),
    (
        "records_request",
        {
            "recipient": "CHU de Rennes",
            "recipient_kind": "establishment",
            "requested": "Mon dossier",
            "method": "email",
            "sent_on": "2026-03-01",
        },
    ),
    ("appointment", {"title": "Dentiste", "starts_at": "2030-03-02T10:30"}),
]


@pytest.fixture
def store(profile: UnlockedProfile) -> DossierStore:
    return profile.dossier()


def test_every_entry_kind_round_trips_through_the_service(store: DossierStore) -> None:
    from dossier.entries import ENTRY_KINDS

    covered = {kind for kind, _ in GOOD_ENTRIES} | {"identity"}
    assert covered == set(ENTRY_KINDS), "every kind of PRODUCT.md §1 is exercised"
    for kind, fields in GOOD_ENTRIES:
        entry = store.entries.create(kind, fields)
        assert store.entries.get(entry.id).data == entry.data
        assert entry.summary
    assert store.entries.count() == len(GOOD_ENTRIES)
    glycemia = store.entries.create(
        "measurement",
        {"measure_type": "blood_glucose", "value": "5,5", "unit": "mmol/L", "measured_at": "2026-01-03"},
    )
    assert glycemia.data["unit"] == "g/L" and glycemia.data["value"] == pytest.approx(0.99, abs=0.01)


def test_a_refused_value_names_the_field_in_french_and_writes_nothing(store: DossierStore) -> None:
    with pytest.raises(DossierValidationError) as info:
        store.entries.create(
            "measurement",
            {
                "measure_type": "blood_pressure",
                "systolic": "80",
                "diastolic": "120",
                "unit": "mmHg",
                "measured_at": "2026-01-02",
            },
        )
    assert {i.field for i in info.value.issues} & {"systolic", "diastolic"}
    assert store.entries.count() == 0 and store.outbox.count_pending() == 0


def test_singletons_refuse_a_second_item_with_advice(store: DossierStore) -> None:
    store.entries.create("trusted_person", {"name": "Claire Dubois"})
    with pytest.raises(DossierValidationError) as info:
        store.entries.create("trusted_person", {"name": "Marc Durand"})
    assert "modifiez" in info.value.issues[0].message_fr


def test_every_write_appends_an_outbox_mutation_in_order(store: DossierStore) -> None:
    entry = store.entries.create("allergy", {"name": "Arachide"})
    store.entries.edit(entry.id, {"reaction": "Oedème"})
    store.entries.edit(entry.id, {"reaction": "Oedème"})  # no change → no mutation
    store.entries.delete(entry.id)
    doc = store.documents.add(b"%PDF-1.4\n%%EOF\n", title="Ordonnance", category="ordonnance")
    store.documents.set_confidentiality(doc.id, Confidentiality(masked_from_professionals=True))
    pending = store.outbox.pending()
    assert [(m.entity, m.op) for m in pending] == [
        ("entry", "create"),
        ("entry", "update"),
        ("entry", "delete"),
        ("document", "create"),
        ("document", "set_confidentiality"),
    ]
    assert [m.client_seq for m in pending] == sorted(m.client_seq for m in pending)
    assert len({m.mutation_id for m in pending}) == len(pending)
    assert pending[0].changes["name"] == [None, "Arachide"]
    assert pending[1].changes == {"reaction": [None, "Oedème"]}
    assert pending[1].base_version == 0


def test_a_failed_transaction_leaves_neither_the_edit_nor_its_mutation(store: DossierStore) -> None:
    with pytest.raises(DossierValidationError), store.transaction():
        store.entries.create("allergy", {"name": "Latex"})
        store.entries.create("allergy", {})  # invalid: the whole transaction rolls back
    assert store.entries.count() == 0
    assert store.outbox.count_pending() == 0


def test_delete_leaves_a_tombstone_without_the_health_data(store: DossierStore) -> None:
    entry = store.entries.create("condition", {"name": "Migraine"})
    store.entries.delete(entry.id)
    with pytest.raises(NotFound):
        store.entries.get(entry.id)
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT deleted, data, search FROM entries WHERE id = ?", (entry.id,)).one()
    assert row == (1, "{}", "")


def test_list_is_paged_newest_first_and_search_is_accent_insensitive(store: DossierStore) -> None:
    ids = store.entries.create_many(
        "condition", [{"name": f"Affection {i}", "onset_date": f"{1990 + i}"} for i in range(30)]
    )
    store.entries.create("allergy", {"name": "Pénicilline"})
    first = store.entries.list("condition", limit=10)
    assert [e.data["name"] for e in first] == [f"Affection {i}" for i in range(29, 19, -1)]
    assert len(store.entries.list("condition", offset=25, limit=10)) == 5
    assert [e.data["name"] for e in store.entries.search("PENICIL")] == ["Pénicilline"]
    assert [e.data["name"] for e in store.entries.search("pénicilline", kind="condition")] == []
    assert [e.data["name"] for e in store.entries.search("affection 29")] == ["Affection 29"]  # every word must match
    assert store.entries.search("pénicilline affection") == []
    assert len(ids) == 30 and store.outbox.count_pending() == 31


def test_documents_are_chunked_streamed_and_verified(store: DossierStore) -> None:
    payload = b"%PDF-1.7\n" + os.urandom(3 * CHUNK_SIZE + 123)
    doc = store.documents.add(io.BytesIO(payload), title="Scanner", category="imagerie", filename="scan.pdf")
    assert doc.size == len(payload) and doc.sha256 == hashlib.sha256(payload).hexdigest()
    assert doc.format == "pdf" and doc.mime_type == "application/pdf"
    with store.documents.open(doc.id) as stream:
        stream.seek(CHUNK_SIZE - 5)
        assert stream.read(10) == payload[CHUNK_SIZE - 5 : CHUNK_SIZE + 5]
    assert store.documents.read(doc.id) == payload
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM document_chunks").scalar_one() == 4


def test_format_comes_from_content_not_extension(store: DossierStore) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    assert store.documents.add(png, title="Photo", category="autre", filename="photo.pdf").format == "png"
    with pytest.raises(DossierValidationError) as info:
        store.documents.add(b"MZ\x90\x00" + b"\x00" * 100, title="Virus", category="autre", filename="x.pdf")
    assert info.value.issues[0].field == "file"
    assert store.documents.count() == 1


def test_oversized_document_is_refused_clearly_and_nothing_is_kept(store: DossierStore) -> None:
    store.document_limit = CHUNK_SIZE * 2
    with pytest.raises(DocumentTooLarge) as info:
        store.documents.add(b"%PDF-1.4\n" + b"0" * (CHUNK_SIZE * 3), title="Gros", category="imagerie")
    assert "Mo" in info.value.message("fr")
    assert store.documents.count() == 0
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM document_chunks").scalar_one() == 0
    assert store.outbox.count_pending() == 0


def test_professional_documents_can_be_masked_but_not_deleted(store: DossierStore) -> None:
    doc = store.documents.add(
        b"%PDF-1.4\n%%EOF\n",
        title="Compte rendu opératoire",
        category="compte_rendu",
        author_kind="professional",
    )
    with pytest.raises(ReadOnlyEntry):
        store.documents.delete(doc.id)
    masked = store.documents.set_confidentiality(doc.id, Confidentiality(masked_from_professionals=True))
    assert masked.confidentiality.masked_from_professionals
    own = store.documents.add(b"note", title="Ma note", category="autre")
    store.documents.delete(own.id)
    assert [d.title for d in store.documents.list()] == ["Compte rendu opératoire"]


def test_document_import_writes_no_temp_file_S15(store: DossierStore, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "tmp"
    empty.mkdir()
    monkeypatch.setenv("TMPDIR", str(empty))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(empty))
    doc = store.documents.add(b"%PDF-1.4\n" + os.urandom(CHUNK_SIZE * 2), title="Bilan", category="biologie")
    store.documents.read(doc.id)
    assert list(empty.iterdir()) == []


def test_external_refs_make_imports_idempotent(store: DossierStore) -> None:
    store.entries.create("allergy", {"name": "Latex"}, external_ref="fhir:AllergyIntolerance/1")
    assert store.entries.find_by_external_ref("fhir:AllergyIntolerance/1") is not None
    with pytest.raises(DossierValidationError):
        store.entries.create("allergy", {"name": "Latex"}, external_ref="fhir:AllergyIntolerance/1")
    assert store.entries.count() == 1


def test_advance_directives_refused_for_a_minor(store: DossierStore) -> None:
    store.entries.create(
        "identity", {"birth_name": "Petit", "first_names": "Léo", "sex": "M", "birth_date": "2015-04-02"}
    )
    with pytest.raises(DossierValidationError):
        store.entries.create("advance_directive", {"written_on": "2025-01-01"})


def test_a_wiped_carnet_stays_gone_when_queued_work_reaches_it(profile: UnlockedProfile) -> None:
    """A carnet wiped (revocation, deletion) while a screen's read was still queued: the read fails with a sentence
    and no empty file of the same name appears again (the CI run of 7 Dec found one re-created after a revocation)."""
    from desktop_app.errors import StoreGone

    store = profile.dossier()
    store.entries.create("allergy", {"substance": "Pollen"})
    path = Path(store.engine.url.database or "")
    assert path.exists()
    store.close()
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    with pytest.raises(StoreGone) as raised:
        store.entries.list()
    assert "n'est plus sur cet ordinateur" in raised.value.message("fr")
    assert not path.exists()
