"""CDA documents into a real SQLCipher dossier: documents with the header's metadata, entries with their report,
provenance, re-import, another patient's document refused."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exports.cda_io import import_cda_bytes, import_cda_file
from dossier.cda import CdaInputError
from dossier.entries import CODES, PROVENANCE, provenance_text

DOC_REF = "cda:2.25.311848720261206171431|VSM-TEST-0001"


def _everything(ds: Any) -> tuple[int, int]:
    return ds.entries.count(), len(ds.documents.list(limit=1000))


def test_synthesis_stores_the_original_and_imports_its_entries_with_a_report(dossier: Any, fixtures: Path) -> None:
    report = import_cda_file(dossier, fixtures / "vsm_synthese.xml")
    counts = {t: (c.in_file, c.imported, c.merged, c.skipped) for t, c in report.entries.by_type.items()}
    assert counts == {
        "condition": (2, 2, 0, 0),
        "allergy": (1, 1, 0, 0),
        "treatment": (2, 2, 0, 0),
        "vaccination": (2, 1, 0, 1),
        "other": (1, 0, 0, 1),
    }
    assert report.entries.created_entries == 6 and report.documents_added == 1
    [doc] = dossier.documents.list()
    original = (fixtures / "vsm_synthese.xml").read_bytes()
    assert doc.sha256 == hashlib.sha256(original).hexdigest() and dossier.documents.read(doc.id) == original
    assert (doc.title, doc.category, str(doc.document_date)) == ("Volet de synthèse médicale", "synthese", "2024-10-15")
    assert doc.author_kind == "professional" and doc.external_ref == DOC_REF
    assert not doc.confidentiality.masked_from_professionals
    # Provenance: from a professional (never "typed by the patient"), pointing at the source document.
    entries = dossier.entries.list(limit=100)
    assert {e.author_kind for e in entries} == {"professional"}
    assert all(e.external_ref.startswith(DOC_REF + "#") for e in entries)
    [asthma] = [e for e in entries if e.data.get("name") == "Asthme"]
    assert asthma.external_ref == DOC_REF + "#2.25.311848720261206171441"
    # The source document and every code it gave stay with the entry, under the reserved keys the FHIR import writes
    # too (dossier.entries.source): systems as FHIR names them, the document's own displayName or none.
    today = dossier.today().isoformat()
    assert asthma.data[PROVENANCE] == {
        "document": "Volet de synthèse médicale",
        "imported_on": today,
        "organisation": "Cabinet médical des Tilleuls",
        "author": "Dr Jeanne Exemple",
    }
    assert asthma.data[CODES] == [
        {"system": "http://hl7.org/fhir/sid/icd-10", "code": "J45.9", "display": "Asthme, sans précision"},
        {"system": "http://snomed.info/sct", "code": "195967001", "display": "Asthma"},
    ]
    assert "notes" not in asthma.data  # no longer written into the person's notes
    [appendix] = [e for e in entries if e.kind == "condition" and e is not asthma]
    assert appendix.data[CODES] == [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "K35.8"}]  # no display
    [amox] = [e for e in entries if e.kind == "allergy"]
    # The allergen's code, not the observation's "kind of allergy" value.
    assert amox.data[CODES] == [{"system": "http://www.whocc.no/atc", "code": "J01CA04", "display": "amoxicilline"}]
    [dtp] = [e for e in entries if e.kind == "vaccination"]
    assert dtp.data[CODES][0]["system"] == "http://www.whocc.no/atc" and dtp.data[CODES][0]["code"] == "J07CA02"
    assert all(e.data[PROVENANCE]["document"] == "Volet de synthèse médicale" for e in entries)
    assert provenance_text(asthma.data) == (
        f"Importé de Cabinet médical des Tilleuls (Volet de synthèse médicale) le {today[8:]}/{today[5:7]}/{today[:4]}"
    )
    text = report.render("fr")
    assert "Document CDA : Volet de synthèse médicale (Ma santé en résumé, 15/10/2024)" in text
    assert "vaccination | 2 | 1 | 0 | 1" in text and "Entrée niée par le document" in text
    assert "Entry negated by the document" in report.render("en")


def test_reimport_merges_and_adds_nothing(dossier: Any, fixtures: Path) -> None:
    import_cda_file(dossier, fixtures / "vsm_synthese.xml")
    before = _everything(dossier)
    stored = {e.id: (e.data, e.updated_at) for e in dossier.entries.list(limit=100)}
    # Re-imported a year later: the entries keep the date they were first imported on, nothing is edited.
    later = dossier.clock() + timedelta(days=365)
    dossier.clock = lambda: later
    again = import_cda_file(dossier, fixtures / "vsm_synthese.xml")
    assert _everything(dossier) == before
    assert again.documents_merged == 1 and again.entries.created_entries == 0
    assert again.entries.by_type["condition"].merged == 2
    assert {e.id: (e.data, e.updated_at) for e in dossier.entries.list(limit=100)} == stored


def test_lab_report_results_keep_loinc_and_precision(dossier: Any, fixtures: Path) -> None:
    report = import_cda_file(dossier, fixtures / "cr_bio.xml")
    assert (report.entries.by_type["lab_result"].imported, report.entries.by_type["lab_result"].skipped) == (4, 1)
    results = {e.data["loinc"]: e.data for e in dossier.entries.list("lab_result", limit=10)}
    assert results["1558-6"]["value"] == 5.914 and results["6690-2"]["interpretation"] == "high"
    assert results["5196-1"]["value_text"] == "Négatif"
    # The LOINC code in its own field and, with the document's display, among the codes as sent.
    assert results["718-7"][CODES] == [
        {"system": "http://loinc.org", "code": "718-7", "display": "Hémoglobine [Masse/Volume] Sang"}
    ]
    assert "notes" not in results["718-7"]
    assert results["718-7"][PROVENANCE]["document"] == dossier.documents.list()[0].title
    assert dossier.documents.list()[0].category == "biologie"


def test_level_1_document_stores_the_pdf_shown_by_the_viewer(dossier: Any, fixtures: Path) -> None:
    report = import_cda_file(dossier, fixtures / "cr_consultation_n1.xml")
    assert report.documents_added == 2
    docs = {d.format: d for d in dossier.documents.list()}
    pdf = (fixtures / "cr_consultation.pdf").read_bytes()
    assert docs["pdf"].sha256 == hashlib.sha256(pdf).hexdigest()
    assert hashlib.sha256(dossier.documents.read(docs["pdf"].id)).digest() == hashlib.sha256(pdf).digest()
    assert docs["pdf"].title == "Compte rendu de consultation" and docs["pdf"].filename == "cr_consultation_n1.pdf"
    assert docs["txt"].title == "Compte rendu de consultation (CDA original)"
    # confidentialityCode R: masked from other professionals until the patient unmasks it.
    assert all(d.confidentiality.masked_from_professionals for d in docs.values())
    assert {d.category for d in docs.values()} == {"compte_rendu"}


def test_document_only_offers_the_entries_without_importing_them(dossier: Any, fixtures: Path) -> None:
    data = (fixtures / "vsm_synthese.xml").read_bytes()
    report = import_cda_bytes(dossier, data, source="vsm_synthese.xml", with_entries=False)
    assert dossier.entries.count() == 0 and report.entries_offered == 6
    assert "6 éléments peuvent être ajoutés au carnet : carnet-cli import cda vsm_synthese.xml" in report.render()


def test_another_patients_document_is_refused_and_nothing_stored(dossier: Any, fixtures: Path) -> None:
    dossier.entries.create(
        "identity",
        {
            "birth_name": "Autre",
            "first_names": "Alex",
            "sex": "F",
            "birth_date": "1990-01-01",
            "ins": "290017505612320",
        },
    )
    before = _everything(dossier)
    with pytest.raises(CdaInputError) as caught:
        import_cda_file(dossier, fixtures / "vsm_synthese.xml")
    assert caught.value.issues[0].code == "cda_other_patient"
    assert _everything(dossier) == before


def test_same_patient_is_accepted(dossier: Any, same_patient: Any, fixtures: Path) -> None:
    assert import_cda_file(dossier, fixtures / "vsm_synthese.xml").entries.created_entries == 6
