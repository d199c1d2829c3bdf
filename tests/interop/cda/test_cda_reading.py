"""dossier.cda without a dossier: header mapping, embedded PDF, narrative HTML, CI-SIS entries, hostile XML refused."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from dossier.cda import CdaInputError, looks_like_cda, parse_cda, read_cda
from tests.support.cda_hostile import BILLION_LAUGHS, xxe


def load(fixtures: Path, name: str) -> bytes:
    return (fixtures / name).read_bytes()


def test_header_of_a_synthesis_maps_to_document_metadata(fixtures: Path) -> None:
    h = read_cda(load(fixtures, "vsm_synthese.xml")).header
    assert h.document_id == "2.25.311848720261206171431|VSM-TEST-0001"
    assert h.title == "Volet de synthèse médicale"
    assert (h.type_code and h.type_code.code, h.category) == ("60591-5", "synthese")
    assert h.effective_date == "2024-10-15" and h.confidentiality == "N"
    assert h.patient.ins == (("1.2.250.1.213.1.4.10", "285057505612338"),)
    assert h.patient.ins_nir() == "285057505612338"
    assert (h.patient.given, h.patient.birth_name, h.patient.family) == ("Camille", "Fictive", "Essai")
    assert (h.patient.sex, h.patient.birth_date) == ("F", "1985-05-12")
    assert h.author_name == "Dr Jeanne Exemple"
    assert h.author_organization == "Cabinet médical des Tilleuls"
    assert h.custodian == "Hébergeur de test"


@pytest.mark.parametrize(
    ("name", "category", "confidentiality"),
    [("cr_bio.xml", "biologie", "N"), ("cr_consultation_n1.xml", "compte_rendu", "R")],
)
def test_loinc_document_type_decides_the_category(
    fixtures: Path, name: str, category: str, confidentiality: str
) -> None:
    h = read_cda(load(fixtures, name)).header
    assert (h.category, h.confidentiality) == (category, confidentiality)


def test_level_1_pdf_is_extracted_byte_for_byte(fixtures: Path) -> None:
    doc = read_cda(load(fixtures, "cr_consultation_n1.xml"))
    original = load(fixtures, "cr_consultation.pdf")
    assert len(doc.attachments) == 1 and doc.attachments[0].media_type == "application/pdf"
    assert hashlib.sha256(doc.attachments[0].content).hexdigest() == hashlib.sha256(original).hexdigest()
    assert not doc.structured and doc.entries == ()


def test_observation_media_pdf_in_a_structured_body_is_extracted(fixtures: Path) -> None:
    pdf = load(fixtures, "cr_consultation.pdf")
    media = (
        '<entry><observationMedia classCode="OBS" moodCode="EVN"><value mediaType="application/pdf" '
        f'representation="B64">{base64.b64encode(pdf).decode()}</value></observationMedia></entry>'
    )
    source = load(fixtures, "vsm_synthese.xml").decode()
    marker = "<title>Mode de vie</title>"
    doc = read_cda(source.replace(marker, marker + media).encode())
    assert [hashlib.sha256(a.content).digest() for a in doc.attachments] == [hashlib.sha256(pdf).digest()]
    assert doc.attachments[0].where == "Mode de vie"


def test_damaged_base64_is_refused(fixtures: Path) -> None:
    source = load(fixtures, "cr_consultation_n1.xml").replace(b'representation="B64">', b'representation="B64">@@')
    with pytest.raises(CdaInputError) as caught:
        read_cda(source)
    assert caught.value.issues[0].code == "cda_base64"


def test_narrative_renders_tables_lists_styles_and_escapes_everything(fixtures: Path) -> None:
    html = read_cda(load(fixtures, "vsm_synthese.xml")).html()
    assert "<h1>Volet de synthèse médicale</h1>" in html
    assert "<h2>Pathologies en cours et antécédents</h2>" in html and "<h3>Activité professionnelle</h3>" in html
    assert "<th>Pathologie</th>" in html and "<td>Asthme</td>" in html
    assert "<ol><li>12/03/2019" in html and "<u>non faite</u>" in html
    assert "<b>régulière</b>" in html and "<i>Résolu</i>" in html
    assert "15/10/2024" in html and "INS-NIR de test" in html and "285057505612338" in html
    # Text stays text; no link target, script or external resource comes out.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "href" not in html and "<img" not in html and "src=" not in html


def test_narrative_in_english_labels_the_header_in_english(fixtures: Path) -> None:
    html = read_cda(load(fixtures, "cr_bio.xml")).html("en")
    assert "<b>Author</b>" in html and "2024-11-02" in html
    assert '<td colspan="3">Négatif</td>' in html
    assert "<caption>Prélèvement du 02/11/2024" in html


def test_synthesis_entries_map_to_carnet_kinds_with_their_codes(fixtures: Path) -> None:
    entries = read_cda(load(fixtures, "vsm_synthese.xml")).entries
    mapped = {(e.kind, e.fields.get("name") or e.fields.get("vaccine")): e for e in entries if e.kind}
    asthma = mapped[("condition", "Asthme")]
    assert asthma.fields == {"name": "Asthme", "onset_date": "2003", "status": "active"}
    assert [(c.system, c.code) for c in asthma.codes] == [
        ("2.16.840.1.113883.6.3", "J45.9"),
        ("2.16.840.1.113883.6.96", "195967001"),
    ]
    assert mapped[("condition", "Appendicite aiguë")].fields["status"] == "resolved"
    allergy = mapped[("allergy", "amoxicilline")]
    assert allergy.fields == {"name": "amoxicilline", "reaction": "Urticaire", "severity": "severe", "since": "2015"}
    assert allergy.codes[0].code == "J01CA04"
    inhaler = next(e for e in entries if e.kind == "treatment" and "fluticasone" in e.fields["name"])
    assert inhaler.fields["dosage"] == "1 inhalation matin et soir" and inhaler.fields["start_date"] == "2023-01-01"
    assert inhaler.codes[0].code == "R03AK06"
    vaccine = mapped[("vaccination", "Vaccin dTcaPolio")]
    assert vaccine.fields == {
        "vaccine": "Vaccin dTcaPolio",
        "date": "2019-03-12",
        "lot": "X1234",
        "vaccinator": "Paul Infirmier",
    }
    skipped = sorted((e.family, e.skipped.code) for e in entries if e.skipped)
    assert skipped == [("other", "unsupported_template"), ("vaccination", "negated")]
    # The allergy's reaction (a problem entry inside it) is not a condition of its own.
    assert sum(1 for e in entries if e.kind == "condition") == 2


def test_lab_results_keep_loinc_value_precision_units_and_ranges(fixtures: Path) -> None:
    entries = read_cda(load(fixtures, "cr_bio.xml")).entries
    by_loinc = {e.fields.get("loinc"): e.fields for e in entries if e.kind}
    assert by_loinc["1558-6"]["value"] == 5.914 and by_loinc["1558-6"]["unit"] == "mmol/L"
    assert by_loinc["6690-2"]["interpretation"] == "high"
    assert by_loinc["718-7"]["reference_range"] == "12.0–16.0 g/dL"
    assert by_loinc["5196-1"]["value_text"] == "Négatif" and "value" not in by_loinc["5196-1"]
    assert by_loinc["718-7"]["laboratory"] == "Laboratoire de biologie des Essais"
    assert [e.skipped.code for e in entries if e.skipped] == ["not_completed"]


def test_billion_laughs_is_refused_without_expanding(fixtures: Path) -> None:
    with pytest.raises(CdaInputError) as caught:
        parse_cda(BILLION_LAUGHS)
    assert caught.value.issues[0].code == "cda_forbidden_xml"
    assert "Rien n'a été enregistré" in caught.value.issues[0].message_fr


def test_external_entity_is_refused_and_the_file_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("ZQXJ-SECRET-7731", encoding="utf-8")
    with pytest.raises(CdaInputError) as caught:
        parse_cda(xxe(secret))
    assert caught.value.issues[0].code == "cda_forbidden_xml"
    assert "ZQXJ" not in str(caught.value) and "ZQXJ" not in caught.value.message("en")


def test_size_limit_is_checked_before_parsing(fixtures: Path) -> None:
    data = load(fixtures, "vsm_synthese.xml")
    with pytest.raises(CdaInputError) as caught:
        parse_cda(data, max_bytes=len(data) - 1)
    assert caught.value.issues[0].code == "cda_too_large"
    assert parse_cda(data, max_bytes=len(data)).tag.endswith("ClinicalDocument")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<ClinicalDocument xmlns='urn:hl7-org:v3'><title>x</titl></ClinicalDocument>", "cda_xml_syntax"),
        (b"<Bundle xmlns='http://hl7.org/fhir'/>", "cda_not_clinical_document"),
        (b"<ClinicalDocument><title>no namespace</title></ClinicalDocument>", "cda_not_clinical_document"),
        (b"", "cda_xml_syntax"),
    ],
)
def test_broken_or_foreign_xml_is_refused_with_a_sentence(data: bytes, code: str) -> None:
    with pytest.raises(CdaInputError) as caught:
        parse_cda(data)
    assert caught.value.issues[0].code == code
    assert caught.value.message("fr") and caught.value.message("en") != caught.value.message("fr")


def test_cda_is_recognised_from_its_first_bytes(fixtures: Path) -> None:
    assert looks_like_cda(load(fixtures, "cr_bio.xml")[:4096])
    assert looks_like_cda(b'\xef\xbb\xbf<cda:ClinicalDocument xmlns:cda="urn:hl7-org:v3">')
    assert not looks_like_cda(b'{"resourceType": "Bundle"}')
    assert not looks_like_cda(b'<Bundle xmlns="http://hl7.org/fhir">')
    assert not looks_like_cda(b"%PDF-1.4")


def test_dispensation_and_prescription_items_become_treatments(fixtures: Path) -> None:
    doc = read_cda(load(fixtures, "dispensation.xml"))
    assert doc.header.category == "ordonnance"
    [dispensed, cancelled] = doc.entries
    assert dispensed.kind == "treatment" and dispensed.fields == {
        "name": "Amoxicilline 1 g, comprimé dispersible",
        "dosage": "1 comprimé matin et soir pendant 6 jours",
        "start_date": "2024-11-20",
        "notes": "Délivrance en pharmacie",
    }
    assert [(c.system, c.code) for c in dispensed.codes] == [
        ("1.2.250.1.213.2.3.2", "3400930000001"),
        ("2.16.840.1.113883.6.73", "J01CA04"),
    ]
    assert (cancelled.family, cancelled.skipped and cancelled.skipped.code) == ("treatment", "not_completed")


def test_absurdly_deep_nesting_is_refused_before_the_recursive_readers(fixtures: Path) -> None:
    deep = "<content>" * 5000 + "x" + "</content>" * 5000
    source = load(fixtures, "vsm_synthese.xml").decode().replace("<paragraph>Enseignante.</paragraph>", deep)
    with pytest.raises(CdaInputError) as caught:
        read_cda(source.encode())
    assert caught.value.issues[0].code == "cda_too_deep"
