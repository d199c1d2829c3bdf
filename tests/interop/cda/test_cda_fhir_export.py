"""CDA-imported entries go out again in FHIR with the codes the CDA gave and a Provenance naming the CDA document:
import real CDA fixtures into a real SQLCipher dossier, export an IPS, read the resources back."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exports.cda_io import import_cda_file
from desktop_app.exports.fhir_io import import_fhir_bytes, iter_entries
from dossier.fhir import build_ips_bundle
from tests.support.fhir_validator import distinct_messages, missing_part, validate
from tests.support.required import require

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
SYNTHESIS = "Volet de synthèse médicale"
TITLES = {SYNTHESIS, "Compte rendu d'examens de biologie médicale", "Dispensation de médicaments"}
ATC = "http://www.whocc.no/atc"
CIP = "urn:oid:1.2.250.1.213.2.3.2"


@pytest.fixture
def ips(dossier: Any, same_patient: Any, fixtures: Path) -> dict[str, Any]:
    for name in ("vsm_synthese.xml", "cr_bio.xml", "dispensation.xml"):
        import_cda_file(dossier, fixtures / name)
    return build_ips_bundle(list(iter_entries(dossier)), dossier_id=dossier.dossier_id, now=NOW)


def _resources(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def _codings(concept: dict[str, Any]) -> set[tuple[str, str, str | None]]:
    return {(x["system"], x["code"], x.get("display")) for x in concept.get("coding", [])}


def _by_text(bundle: dict[str, Any], rtype: str, key: str, text: str) -> dict[str, Any]:
    [found] = [r for r in _resources(bundle, rtype) if r[key].get("text") == text]
    return found


def test_the_ips_export_carries_the_codes_the_cda_gave(ips: dict[str, Any]) -> None:
    allergy = _by_text(ips, "AllergyIntolerance", "code", "amoxicilline")
    assert _codings(allergy["code"]) == {(ATC, "J01CA04", "amoxicilline")}
    [vaccine] = _resources(ips, "Immunization")
    assert (ATC, "J07CA02", "diphtérie-coqueluche-poliomyélite-tétanos") in _codings(vaccine["vaccineCode"])
    asthma = _by_text(ips, "Condition", "code", "Asthme")
    assert _codings(asthma["code"]) == {
        ("http://hl7.org/fhir/sid/icd-10", "J45.9", "Asthme, sans précision"),
        ("http://snomed.info/sct", "195967001", "Asthma"),
    }
    # The dispensed medicine: its CIP and ATC as the pharmacy's document sent them, without a display of ours.
    dispensed = [
        m
        for m in _resources(ips, "MedicationStatement")
        if (CIP, "3400930000001", None) in _codings(m["medicationCodeableConcept"])
    ]
    assert len(dispensed) == 1 and (ATC, "J01CA04", None) in _codings(dispensed[0]["medicationCodeableConcept"])
    loinc = {x["code"] for o in _resources(ips, "Observation") for x in o["code"].get("coding", [])}
    assert {"718-7", "6690-2", "1558-6"} <= loinc


def test_every_cda_entry_exported_has_a_provenance_naming_the_cda_document(ips: dict[str, Any], dossier: Any) -> None:
    provenances = {p["target"][0]["reference"]: p for p in _resources(ips, "Provenance")}
    clinical = [
        e
        for e in ips["entry"]
        if e["resource"]["resourceType"]
        in {"AllergyIntolerance", "Immunization", "Condition", "MedicationStatement", "Observation"}
    ]
    assert len(clinical) >= 10 and all(e["fullUrl"] in provenances for e in clinical)
    asthma = next(e for e in clinical if e["resource"].get("code", {}).get("text") == "Asthme")
    prov = provenances[asthma["fullUrl"]]
    assert prov["entity"] == [{"role": "source", "what": {"display": SYNTHESIS}}]
    assert {a["who"]["display"] for a in prov["agent"]} == {"Dr Jeanne Exemple", "Cabinet médical des Tilleuls"}
    assert prov["recorded"] == f"{dossier.today().isoformat()}T00:00:00Z"  # the date of import, not the CDA's
    documents = {p["entity"][0]["what"]["display"] for p in provenances.values()}
    assert documents == TITLES  # one per CDA document imported


def test_the_ips_export_of_cda_entries_passes_the_independent_validator(ips: dict[str, Any]) -> None:
    missing = missing_part()
    require(missing is None, str(missing))
    results = validate([("IPS from CDA", ips, True)])
    assert not results["IPS from CDA"], distinct_messages(results)


def test_the_ips_of_cda_entries_reimports_with_the_same_entries_codes_and_provenance(
    ips: dict[str, Any], dossier: Any, unlocked: Any
) -> None:
    def content(ds: Any) -> Counter[str]:
        return Counter(json.dumps([e.kind, e.data], sort_keys=True) for e in iter_entries(ds))

    other = unlocked.create_dossier("Round trip", role="other")
    import_fhir_bytes(other, json.dumps(ips), source="ips.json", accept_identity=True)
    first, again = content(dossier), content(other)
    assert again == first, (
        f"lost {sorted((first - again).elements())[:2]}, gained {sorted((again - first).elements())[:2]}"
    )
    kept = [data for kind, data in map(json.loads, again) if kind != "identity"]
    assert len(kept) >= 10 and all(data["provenance"]["document"] in TITLES for data in kept)
    assert sum(1 for data in kept if data.get("codes")) >= 8
