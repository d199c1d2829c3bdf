"""A CDA coding becomes a source code (dossier.entries.source) as FHIR spells it: system URI, code, the document's
own displayName or none; a coding without a usable system is dropped, never invented."""

from __future__ import annotations

from datetime import date
from xml.etree.ElementTree import fromstring

from dossier.cda.header import CdaHeader, Code, Patient, code_of
from dossier.cda.provenance import reserved_keys, source_codes, system_uri
from dossier.entries import CODES, PROVENANCE
from dossier.entries.source import validate_reserved


def test_known_systems_get_their_fhir_uri_french_ones_their_oid_and_others_are_dropped() -> None:
    assert system_uri("2.16.840.1.113883.6.1") == "http://loinc.org"
    assert system_uri("2.16.840.1.113883.6.73") == "http://www.whocc.no/atc"
    assert system_uri("1.2.250.1.213.2.3.2") == "urn:oid:1.2.250.1.213.2.3.2"  # CIP: FHIR names no URI for it
    assert system_uri("C7F2A1E0-1B2C-4D5E-8F90-123456789ABC") == "urn:uuid:c7f2a1e0-1b2c-4d5e-8f90-123456789abc"
    assert system_uri("CIM-10") is None and system_uri("") is None and system_uri("1.2.03") is None


def test_the_display_is_the_documents_display_name_never_its_original_text() -> None:
    el = fromstring(
        '<code xmlns="urn:hl7-org:v3" code="K35.8" codeSystem="2.16.840.1.113883.6.3">'
        "<originalText>appendicite opérée en 2010</originalText></code>"
    )
    code = code_of(el)
    assert code is not None and code.display is None and code.label == "appendicite opérée en 2010"
    assert source_codes((code,)) == [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "K35.8"}]


def test_repeats_unusable_codings_and_the_loinc_kept_elsewhere_are_left_out() -> None:
    codes = (
        Code("2.16.840.1.113883.6.1", "718-7"),
        Code("2.16.840.1.113883.6.1", "718-7", "Hémoglobine"),
        Code("LOINC", "2345-7"),
        Code("2.16.840.1.113883.6.96", "  "),
        Code("2.16.840.1.113883.6.96", "271026005", "Hémoglobine sanguine"),
        Code("2.16.840.1.113883.6.96", "271026005"),
    )
    assert source_codes(codes, skip=("http://loinc.org", "718-7")) == [
        {"system": "http://loinc.org", "code": "718-7", "display": "Hémoglobine"},
        {"system": "http://snomed.info/sct", "code": "271026005", "display": "Hémoglobine sanguine"},
    ]


def test_the_reserved_keys_pass_the_entry_rules_and_name_the_document() -> None:
    header = CdaHeader(
        "2.25.1", "", None, "autre", None, "N", Patient(), author_name="Dr Roux", custodian="CHU de Rennes"
    )
    keys = reserved_keys(header, (), source="cr.xml", imported_on=date(2026, 12, 6))
    assert keys == {
        PROVENANCE: {
            "document": "cr.xml",  # a document without a title is named by its file
            "imported_on": "2026-12-06",
            "organisation": "CHU de Rennes",
            "author": "Dr Roux",
        }
    }
    assert CODES not in keys and validate_reserved(keys) == keys
