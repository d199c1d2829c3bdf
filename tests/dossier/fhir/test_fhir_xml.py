"""FHIR XML is read like FHIR JSON (same dict, same import plan); CDA and hostile XML are refused with a sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.fhir import FhirInputError, parse_fhir, plan_import

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry>
    <fullUrl value="urn:uuid:0a0a0a0a-0000-4000-8000-000000000001"/>
    <resource>
      <AllergyIntolerance>
        <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Pénicilline</p></div></text>
        <clinicalStatus>
          <coding>
            <system value="http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"/>
            <code value="active"/>
          </coding>
        </clinicalStatus>
        <code>
          <coding>
            <system value="http://snomed.info/sct"/><code value="764146007"/><display value="Penicillin"/>
          </coding>
          <text value="Pénicilline"/>
        </code>
        <patient><reference value="urn:uuid:0a0a0a0a-0000-4000-8000-000000000009"/></patient>
        <reaction><manifestation><text value="urticaire"/></manifestation><severity value="moderate"/></reaction>
      </AllergyIntolerance>
    </resource>
  </entry>
  <entry>
    <fullUrl value="urn:uuid:0a0a0a0a-0000-4000-8000-000000000002"/>
    <resource>
      <Observation>
        <status value="final"/>
        <category>
          <coding>
            <system value="http://terminology.hl7.org/CodeSystem/observation-category"/><code value="laboratory"/>
          </coding>
        </category>
        <code><coding><system value="http://loinc.org"/><code value="2823-3"/></coding><text value="Potassium"/></code>
        <effectiveDateTime value="2026-03-01"/>
        <valueQuantity><value value="6.80"/><unit value="mmol/L"/></valueQuantity>
      </Observation>
    </resource>
  </entry>
</Bundle>
"""

OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
JSON = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {
            "fullUrl": "urn:uuid:0a0a0a0a-0000-4000-8000-000000000001",
            "resource": {
                "resourceType": "AllergyIntolerance",
                "clinicalStatus": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                            "code": "active",
                        }
                    ]
                },
                "code": {
                    "coding": [{"system": "http://snomed.info/sct", "code": "764146007", "display": "Penicillin"}],
                    "text": "Pénicilline",
                },
                "patient": {"reference": "urn:uuid:0a0a0a0a-0000-4000-8000-000000000009"},
                "reaction": [{"manifestation": [{"text": "urticaire"}], "severity": "moderate"}],
            },
        },
        {
            "fullUrl": "urn:uuid:0a0a0a0a-0000-4000-8000-000000000002",
            "resource": {
                "resourceType": "Observation",
                "status": "final",
                "category": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                "code": "laboratory",
                            }
                        ]
                    }
                ],
                "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}], "text": "Potassium"},
                "effectiveDateTime": "2026-03-01",
                "valueQuantity": {"value": 6.8, "unit": "mmol/L"},
            },
        },
    ],
}


def test_fhir_xml_reads_as_the_same_resource_and_plans_the_same_import() -> None:
    from_xml = parse_fhir(XML.encode(), source="bundle.xml")
    allergy = from_xml["entry"][0]["resource"]
    assert allergy["text"]["div"].startswith("<") and "Pénicilline" in allergy["text"]["div"]
    del allergy["text"]
    assert from_xml == JSON
    as_xml = [(i.kind, i.fields) for i in plan_import(from_xml).items]
    as_json = [(i.kind, i.fields) for i in plan_import(parse_fhir(json.dumps(JSON))).items]
    assert as_xml == as_json and [k for k, _ in as_xml] == ["allergy", "lab_result"]


def test_a_cda_document_says_to_use_import_cda(fhir_corpus: Path) -> None:
    cda = fhir_corpus / "conformance" / "cda" / "validator-cda" / "ccda-ccd.xml"
    with pytest.raises(FhirInputError) as refused:
        parse_fhir(cda.read_bytes(), source=cda.name)
    assert refused.value.issues[0].code == "fhir_is_cda"
    assert "import cda" in refused.value.message("fr") and "import cda" in refused.value.message("en")


@pytest.mark.parametrize(
    ("xml", "code"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            '<Patient xmlns="http://hl7.org/fhir"><id value="&lol2;"/></Patient>',
            "xml_forbidden",
        ),
        ('<Patient xmlns="http://hl7.org/fhir"><gender value="female"/>', "xml_syntax"),
        ('<Patient xmlns="http://hl7.org/fhir"><colour value="blue"/></Patient>', "fhir_structure"),
        ("<html><body>not FHIR</body></html>", "fhir_not_resource"),
    ],
)
def test_hostile_or_broken_xml_is_refused_with_a_sentence(xml: str, code: str) -> None:
    with pytest.raises(FhirInputError) as refused:
        parse_fhir(xml.encode(), source="x.xml")
    assert refused.value.issues[0].code == code
