"""FHIR import/export against a real SQLCipher dossier: corpus imports, idempotence, all-or-nothing, round trip."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exports.fhir_io import (
    export_fhir_collection,
    export_ips,
    import_fhir_bytes,
    import_fhir_file,
)
from dossier.errors import DossierValidationError
from dossier.fhir import FhirInputError

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _snapshot(ds: Any) -> Counter[str]:
    """The dossier's content as a person sees it: kinds and values (not ids, dates of creation or import keys)."""
    entries = Counter("entry " + json.dumps([e.kind, e.data], sort_keys=True) for e in ds.entries.list(limit=10_000))
    docs = Counter(
        "document " + json.dumps([d.title, d.category, d.sha256, str(d.document_date)])
        for d in ds.documents.list(limit=10_000)
    )
    return entries + docs


def _imported_from(ds: Any, name: str) -> Counter[str]:
    """The snapshot without the provenance each entry got on import, checking it names the file."""
    out: Counter[str] = Counter()
    for key, n in _snapshot(ds).items():
        if key.startswith("entry "):
            kind, data = json.loads(key[len("entry ") :])
            if kind != "identity":
                assert data.pop("provenance")["document"] == name, key
            key = "entry " + json.dumps([kind, data], sort_keys=True)
        out[key] += n
    return out


def _fill(ds: Any) -> None:
    from dossier.identifiers import nir_key

    body = "2480275112345"
    ds.entries.create(
        "identity",
        {
            "birth_name": "Lefèvre",
            "first_names": "Zoé Hélène",
            "sex": "F",
            "birth_date": "1948-02-29",
            "ins": body + nir_key(body),
            "gp_name": "Dr Éloïse Marchand",
        },
    )
    ds.entries.create("condition", {"name": "Diabète de type 2", "onset_date": "2015"})
    ds.entries.create("treatment", {"name": "Metformine 850 mg", "dosage": "matin et soir", "start_date": "2015-06"})
    ds.entries.create("vaccination", {"vaccine": "Grippe", "date": "2025-10-20", "dose": "rappel"})
    ds.entries.create(
        "measurement",
        {"measure_type": "blood_pressure", "systolic": 13, "diastolic": 8, "measured_at": "2026-03-01"},
    )
    ds.entries.create(
        "measurement", {"measure_type": "weight", "value": 135, "unit": "lb", "measured_at": "2026-03-02"}
    )
    ds.entries.create("not_concerned", {"section": "allergies"})
    ds.entries.create("trusted_person", {"name": "Benoît Lefèvre", "phone": "0612345678", "relationship": "fils"})
    ds.entries.create("organ_donation", {"position": "donor"})
    ds.entries.create("blood_group", {"abo": "O", "rh": "negative"})
    ds.entries.create("lifestyle", {"tobacco": "never", "physical_activity": "moderate"})
    ds.entries.create("advance_directive", {"summary": "Pas d'acharnement thérapeutique."})
    ds.entries.create(
        "lab_result",
        {"test": "HbA1c", "loinc": "4548-4", "value": "7,2", "unit": "%", "interpretation": "H", "date": "2026-02-10"},
    )
    ds.entries.create("lab_result", {"test": "Sérologie VIH", "value_text": "négatif", "date": "2025-11"})
    ds.documents.add(b"%PDF-1.4\n% compte rendu\n%%EOF\n", title="Compte rendu cardiologie", category="compte_rendu")


def test_ips_round_trip_gives_the_same_dossier(profile: Any, tmp_path: Path) -> None:
    source = profile.dossier()
    _fill(source)
    out = tmp_path / "ips.json"
    export_ips(source, out, now=NOW)
    target = profile.create_dossier("Copie", role="other")
    report = import_fhir_file(target, out, accept_identity=True)
    entries_only = Counter({k: v for k, v in _snapshot(source).items() if k.startswith("entry ")})
    assert _imported_from(target, "ips.json") == entries_only
    assert report.merged == 0 and report.created_entries == source.entries.count()


def test_collection_round_trip_includes_documents(profile: Any, tmp_path: Path) -> None:
    source = profile.dossier()
    _fill(source)
    out = tmp_path / "all.json"
    export_fhir_collection(source, out, now=NOW)
    target = profile.create_dossier("Copie", role="other")
    import_fhir_file(target, out, accept_identity=True)
    assert _imported_from(target, "all.json") == _snapshot(source)
    [doc] = target.documents.list()
    assert target.documents.read(doc.id) == b"%PDF-1.4\n% compte rendu\n%%EOF\n"


def test_reimporting_an_export_into_its_own_dossier_adds_nothing(profile: Any, tmp_path: Path) -> None:
    ds = profile.dossier()
    _fill(ds)
    before = _snapshot(ds)
    out = tmp_path / "ips.json"
    export_ips(ds, out, now=NOW)
    report = import_fhir_file(ds, out, accept_identity=True)
    assert report.imported == 0
    assert _snapshot(ds) == before


@pytest.mark.corpus
def test_every_ips_example_and_synthea_patient_imports_and_reimports_nothing(profile: Any, fhir_corpus: Path) -> None:
    files = sorted((fhir_corpus / "ips" / "examples").glob("*.json"))
    files += sorted((fhir_corpus / "synthea" / "bundles").glob("*.json"))
    for n, path in enumerate(files):
        ds = profile.create_dossier(f"test {n}", role="other")
        first = import_fhir_file(ds, path)
        for rtype, counts in first.by_type.items():
            assert counts.imported + counts.merged + counts.skipped == counts.in_file, (path.name, rtype)
        # merged on a first import only happens for repeated readings of one singleton (smoking status)
        assert all(c.merged == 0 for t, c in first.by_type.items() if t != "Observation"), path.name
        stored = ds.entries.count() + ds.documents.count()
        assert stored == first.created_entries + first.created_documents
        again = import_fhir_file(ds, path)
        assert again.imported == 0, path.name
        assert ds.entries.count() + ds.documents.count() == stored
        for rtype, counts in again.by_type.items():
            assert counts.skipped == first.by_type[rtype].skipped, (path.name, rtype)


@pytest.mark.corpus
def test_a_synthea_patient_brings_its_clinical_history(profile: Any, fhir_corpus: Path) -> None:
    path = next((fhir_corpus / "synthea" / "bundles").glob("Fletcher_Hyatt_*.json"))
    ds = profile.dossier()
    report = import_fhir_file(ds, path)
    assert report.by_type["Immunization"].imported > 0
    assert ds.entries.count("measurement") > 20
    weights = [e for e in ds.entries.list("measurement", limit=1000) if e.data["measure_type"] == "weight"]
    assert weights and all(e.data["unit"] == "kg" for e in weights)
    text = report.render("fr")
    assert "Claim" in text and "Assurance Maladie" in text


def test_broken_input_is_refused_and_nothing_is_written(profile: Any) -> None:
    ds = profile.dossier()
    good = {"resourceType": "Condition", "subject": {"reference": "Patient/1"}, "code": {"text": "Asthme"}}
    bad = {"resourceType": "Condition", "subject": {"reference": "Patient/1"}, "code": "Asthme"}
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": good}, {"resource": bad}],
    }
    with pytest.raises(FhirInputError) as exc:
        import_fhir_bytes(ds, json.dumps(bundle), source="lot.json")
    assert any("entry[1]" in i.field for i in exc.value.issues)
    with pytest.raises(FhirInputError):
        import_fhir_bytes(ds, b'{"resourceType": "Bundle", "entry": [', source="coupe.json")
    assert ds.entries.count() == 0


def test_an_import_failing_half_way_leaves_nothing(profile: Any) -> None:
    """All or nothing: the third resource is refused by the store (a minor cannot have advance directives, which
    only shows once the child's identity is written), so the identity and condition before it are rolled back."""
    from dossier.fhir.kinds import carry_fields, generic_to_fhir

    ds = profile.dossier()
    child = {"resourceType": "Patient", "name": [{"family": "Martin", "given": ["Léo"]}], "gender": "male"}
    child["birthDate"] = "2015-04-01"
    condition = {"resourceType": "Condition", "subject": {"reference": "Patient/1"}, "code": {"text": "Asthme"}}
    directive = carry_fields(
        generic_to_fhir("advance_directive", {}, "Patient/1"), "advance_directive", {"summary": "Pas d'acharnement."}
    )
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": r} for r in (child, condition, directive)],
    }
    with pytest.raises(DossierValidationError, match="mineure"):
        import_fhir_bytes(ds, json.dumps(bundle), source="lot.json", accept_identity=True)
    assert ds.entries.count() == 0


def test_values_out_of_range_are_skipped_with_the_reason(profile: Any) -> None:
    ds = profile.dossier()
    obs = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
        "effectiveDateTime": "2024-05-01T10:00:00Z",
        "valueQuantity": {"value": 3.7, "system": "http://unitsofmeasure.org", "code": "Cel"},
    }
    report = import_fhir_bytes(ds, json.dumps(obs), source="temp.json")
    assert report.by_type["Observation"].skipped == 1
    assert "plausible" in report.skipped[0].reason.fr
    assert ds.entries.count() == 0


@pytest.mark.corpus
def test_attachments_become_documents_and_links_are_skipped(profile: Any, fhir_corpus: Path) -> None:
    ds = profile.dossier()
    binary = import_fhir_file(ds, fhir_corpus / "r4-examples" / "Binary" / "Binary-example.json")
    assert binary.created_documents == 1
    [doc] = ds.documents.list()
    expected = (fhir_corpus / "r4-examples" / "pdf-extracted" / "Binary-example__1.pdf").read_bytes()
    assert doc.format == "pdf" and ds.documents.read(doc.id) == expected
    linked = import_fhir_file(ds, fhir_corpus / "r4-examples" / "DocumentReference" / "DocumentReference-example.json")
    assert linked.by_type["DocumentReference"].skipped == 1
    assert linked.skipped[0].reason.code == "no_attachment"
    assert ds.documents.count() == 1


@pytest.mark.corpus
def test_synthea_lab_results_become_lab_result_entries_once(profile: Any, fhir_corpus: Path) -> None:
    """The largest Synthea patient: each laboratory value is one lab result, unit as given; a re-import adds none."""
    path = max((fhir_corpus / "synthea" / "bundles").glob("*.json"), key=lambda p: p.stat().st_size)
    category: dict[str, set[str]] = {}
    labs: dict[str, dict[str, Any]] = {}
    for e in json.loads(path.read_bytes())["entry"]:
        r, ref = e["resource"], f"fhir:{e['fullUrl']}"
        if r["resourceType"] == "Observation" and "valueQuantity" in r:
            category[ref] = {c["code"] for cat in r.get("category", []) for c in cat["coding"]}
            # Glucose is a measurement Carnet charts; every other laboratory value is a lab result.
            if "laboratory" in category[ref] and r["code"]["coding"][0]["code"] not in {"2339-0", "2345-7"}:
                labs[ref] = r
    ds = profile.dossier()
    import_fhir_file(ds, path)
    stored = {e.external_ref: e for e in ds.entries.list("lab_result", limit=10_000)}
    assert len(labs) > 50 and set(labs) <= set(stored)
    # The others are LOINC-coded results of another category (an ejection fraction from imaging, a bone density).
    assert all(category[ref] <= {"imaging", "procedure"} for ref in set(stored) - set(labs))
    for ref, r in labs.items():
        data = stored[ref].data
        assert (data["loinc"], data["unit"], data["date"]) == (
            r["code"]["coding"][0]["code"],
            r["valueQuantity"]["unit"],
            r["effectiveDateTime"][:10],
        )
        assert data["value"] == pytest.approx(r["valueQuantity"]["value"])
    again = import_fhir_file(ds, path)
    assert again.imported == 0 and ds.entries.count("lab_result") == len(stored)


def test_a_refused_lab_result_is_skipped_with_the_field_and_the_rest_is_imported(profile: Any) -> None:
    ds = profile.dossier()
    lab = {"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}
    future = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [lab]}],
        "code": {"text": "Ferritine"},
        "effectiveDateTime": "2099-01-01",
        "valueQuantity": {"value": 80, "unit": "µg/L"},
    }
    fine = {**future, "code": {"text": "Créatinine"}, "effectiveDateTime": "2024-01-01"}
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:7d1e0c4a-0000-4000-8000-00000000000{i}", "resource": r}
                  for i, r in enumerate((future, fine))],
    }  # fmt: skip
    report = import_fhir_bytes(ds, json.dumps(bundle), source="labo.json")
    counts = report.by_type["Observation"]
    assert (counts.in_file, counts.imported, counts.skipped) == (2, 1, 1)
    [skipped] = report.skipped
    assert skipped.reason.code == "invalid_value" and "date" in skipped.reason.fr and "futur" in skipped.reason.fr
    [kept] = ds.entries.list("lab_result")
    assert kept.data["test"] == "Créatinine" and kept.data["unit"] == "µg/L"


def test_report_speaks_english_when_asked(profile: Any) -> None:
    org = {"resourceType": "Organization", "name": "Clinique du Parc"}
    report = import_fhir_bytes(profile.dossier(), json.dumps(org), source="org.json")
    assert report.render("fr").startswith("Import de org.json")
    assert "Organization ×1: Reference resource" in report.render("en")
