"""Benchmark FHIR interop: import of the largest Synthea bundle, IPS export of a 20,000-entry dossier.

Prints absolute figures and ratios against plain baselines (json.load + fhir.resources R4B validation of the same
file; json.dumps of the same entries; a defusedxml parse of the same CDA). Run: .venv/bin/python benchmarks/interop.py
(`--cda`: the CDA part alone).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.exports.fhir_io import export_ips, import_fhir_file, iter_entries  # noqa: E402
from desktop_app.profile import ProfileDirectory  # noqa: E402
from desktop_app.vault import FLOOR_KDF  # noqa: E402
from dossier.fhir import build_ips_bundle  # noqa: E402

PASSWORD = "cheval agrafe lune 47 brique Tonnerre"
N_ENTRIES = 20_000


def best_of(runs: int, fn: object) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return min(timings)


def corpus() -> Path:
    base = Path(os.environ.get("CARNET_CORPUS_DIR") or ROOT.parent / "shared" / "data")
    return base / "fhir" / "synthea" / "bundles"


def bench_import(pdir: ProfileDirectory, profile: object) -> None:
    from fhir.resources.R4B.bundle import Bundle

    largest = max(corpus().glob("*_*.json"), key=lambda p: p.stat().st_size)

    def baseline() -> None:
        with open(largest, encoding="utf-8") as fh:
            Bundle.model_validate(json.load(fh))

    base = best_of(3, baseline)
    timings = []
    report = None
    for i in range(3):
        ds = profile.create_dossier(f"bench {i}", role="other")  # type: ignore[attr-defined]
        start = time.perf_counter()
        report = import_fhir_file(ds, largest)
        timings.append(time.perf_counter() - start)
        again = time.perf_counter()
        import_fhir_file(ds, largest)  # idempotent re-import
        reimport = time.perf_counter() - again
    ours = min(timings)
    assert report is not None
    print(f"Import of {largest.name} ({largest.stat().st_size / 1e6:.1f} MB, {report.created_entries} entries created)")
    print(f"  baseline json.load + R4B validation : {base:.3f} s")
    print(f"  Carnet import (validate, map, write): {ours:.3f} s   ratio {ours / base:.2f}x")
    print(f"  re-import (adds nothing)            : {reimport:.3f} s   ratio {reimport / base:.2f}x")


def bench_export(profile: object) -> None:
    ds = profile.dossier()  # type: ignore[attr-defined]
    start = datetime(2020, 1, 1, 8, 0, tzinfo=UTC)
    rows = [
        {
            "measure_type": "weight",
            "value": 60 + (i % 200) / 10,
            "unit": "kg",
            "measured_at": (start + timedelta(hours=i)).isoformat(),
        }
        for i in range(N_ENTRIES)
    ]
    ds.entries.create_many("measurement", rows)
    # IPS requires the patient's name and birth date (the export refuses without them).
    ds.entries.create("identity", {"birth_name": "Martin", "first_names": "Louise", "sex": "F", "birth_date": "1960"})
    entries = list(iter_entries(ds))
    assert len(entries) == N_ENTRIES + 1
    baseline = best_of(3, lambda: json.dumps([e.data for e in entries]))
    build = best_of(3, lambda: json.dumps(build_ips_bundle(entries, dossier_id=ds.dossier_id, now=start)))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ips.json"
        full = best_of(3, lambda: export_ips(ds, out, now=start))
        size = out.stat().st_size
    print(f"IPS export of a {N_ENTRIES}-entry dossier ({size / 1e6:.1f} MB)")
    print(f"  baseline json.dumps of the entries  : {baseline:.3f} s")
    print(f"  build IPS Bundle + json.dumps       : {build:.3f} s   ratio {build / baseline:.2f}x")
    print(f"  export_ips (read store, build, write): {full:.3f} s   ratio {full / baseline:.2f}x")


# --- CDA R2 (CI-SIS) -------------------------------------------------------------------------------------------
CDA_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/><id root="2.25.99" extension="{ident}"/>
<code code="{loinc}" codeSystem="2.16.840.1.113883.6.1"/><title>Benchmark</title>
<effectiveTime value="20240101"/><confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
<recordTarget><patientRole><id root="1.2.250.1.213.1.4.10" extension="285057505612338"/><patient><name>
<given>Camille</given><family qualifier="BR">Fictive</family></name><administrativeGenderCode code="F"/>
<birthTime value="19850512"/></patient></patientRole></recordTarget>
<author><assignedAuthor><assignedPerson><name><family>Exemple</family></name></assignedPerson>
<representedOrganization><name>Cabinet de test</name></representedOrganization></assignedAuthor></author>
<custodian><assignedCustodian><representedCustodianOrganization><name>Test</name></representedCustodianOrganization>
</assignedCustodian></custodian>
"""
CDA_ENTRIES = {
    "pb": '<act classCode="ACT" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5.2"/>'
    '<statusCode code="active"/><entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">'
    '<templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5"/><id root="2.25.{i}"/><effectiveTime><low value="2010"/>'
    '</effectiveTime><value xsi:type="CD" code="J45.{i}" codeSystem="2.16.840.1.113883.6.3" '
    'displayName="Problème {i}"/></observation></entryRelationship></act>',
    "al": '<observation classCode="OBS" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.6"/>'
    '<id root="2.25.{i}"/><participant typeCode="CSM"><participantRole><playingEntity><code code="J01CA{i}" '
    'codeSystem="2.16.840.1.113883.6.73" displayName="Substance {i}"/></playingEntity></participantRole>'
    "</participant></observation>",
    "med": '<substanceAdministration classCode="SBADM" moodCode="INT">'
    '<templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.7"/>'
    '<id root="2.25.{i}"/><effectiveTime xsi:type="IVL_TS"><low value="20230101"/></effectiveTime><consumable>'
    '<manufacturedProduct><manufacturedMaterial><code code="N02BE{i}" codeSystem="2.16.840.1.113883.6.73" '
    'displayName="Médicament {i}"/></manufacturedMaterial></manufacturedProduct></consumable>'
    "</substanceAdministration>",
    "vac": '<substanceAdministration classCode="SBADM" moodCode="EVN">'
    '<templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.12"/>'
    '<id root="2.25.{i}"/><effectiveTime value="20190312"/><consumable><manufacturedProduct><manufacturedMaterial>'
    '<code code="J07CA{i}" codeSystem="2.16.840.1.113883.6.73" displayName="Vaccin {i}"/></manufacturedMaterial>'
    "</manufacturedProduct></consumable></substanceAdministration>",
    "bio": '<observation classCode="OBS" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.3.1.6"/>'
    '<id root="2.25.{i}"/><code code="718-7" codeSystem="2.16.840.1.113883.6.1" displayName="Analyse {i}"/>'
    '<effectiveTime value="20240101"/><value xsi:type="PQ" value="13.{i}" unit="g/dL"/></observation>',
}


def structured_cda(n: int = 50) -> bytes:
    """A CDA with `n` entries spread over the five CI-SIS families, each section with its narrative table."""
    sections: list[str] = []
    for family, template in CDA_ENTRIES.items():
        count = n // len(CDA_ENTRIES)
        rows = "".join(f"<tr><td>{family} {i}</td><td>valeur {i}</td></tr>" for i in range(count))
        entries = "".join(f"<entry>{template.format(i=i + 1000 * len(sections))}</entry>" for i in range(count))
        sections.append(
            f"<component><section><title>Section {family}</title><text><table><tbody>{rows}</tbody></table>"
            f"</text>{entries}</section></component>"
        )
    body = f"<component><structuredBody>{''.join(sections)}</structuredBody></component></ClinicalDocument>"
    return (CDA_HEAD.format(ident="BENCH-50", loinc="60591-5") + body).encode()


def pdf_cda(pdf_size: int = 5 * 1024 * 1024) -> bytes:
    """A level 1 CDA embedding `pdf_size` bytes of PDF (a PDF header over random bytes: the import never renders)."""
    import base64

    pdf = b"%PDF-1.4\n" + os.urandom(pdf_size - 16) + b"\n%%EOF\n"
    body = (
        '<component><nonXMLBody><text mediaType="application/pdf" representation="B64">'
        f"{base64.encodebytes(pdf).decode()}</text></nonXMLBody></component></ClinicalDocument>"
    )
    return (CDA_HEAD.format(ident="BENCH-PDF", loinc="11488-4") + body).encode()


def bench_cda(profile: object) -> None:
    from defusedxml.ElementTree import fromstring

    from desktop_app.exports.cda_io import import_cda_bytes
    from dossier.cda import read_cda

    for label, data in (("50-entry structured CDA", structured_cda(50)), ("CDA with a 5 MB PDF", pdf_cda())):
        base = best_of(3, lambda d=data: fromstring(d, forbid_dtd=True, forbid_entities=True, forbid_external=True))
        read = best_of(3, lambda d=data: read_cda(d))
        timings, report = [], None
        for i in range(3):
            ds = profile.create_dossier(f"cda {label} {i}", role="other")  # type: ignore[attr-defined]
            start = time.perf_counter()
            report = import_cda_bytes(ds, data, source="bench.xml")
            timings.append(time.perf_counter() - start)
        assert report is not None
        ours = min(timings)
        mapped = [e for e in read_cda(data).entries if e.kind]
        plain = profile.create_dossier(f"cda {label} plain", role="other")  # type: ignore[attr-defined]
        start = time.perf_counter()
        with plain.transaction():
            for e in mapped:
                plain.entries.create(e.kind, e.fields)
        store = time.perf_counter() - start
        print(
            f"CDA import: {label} ({len(data) / 1e3:,.0f} kB, {report.entries.created_entries} entries, "
            f"{report.documents_added} documents)"
        )
        print(f"  baseline defusedxml parse           : {base:.3f} s")
        print(f"  read_cda (parse, header, entries)   : {read:.3f} s   ratio {read / base:.2f}x")
        if mapped:
            print(f"  same entries via entries.create     : {store:.3f} s   (the store's own cost)")
        print(f"  Carnet import (read, check, write)  : {ours:.3f} s   ratio {ours / base:.2f}x")


def main() -> None:
    if "--cda" in sys.argv:  # the CDA part alone: needs no FHIR corpus
        with tempfile.TemporaryDirectory() as tmp:
            profile, _ = ProfileDirectory(Path(tmp), kdf=FLOOR_KDF).create("Benchmark", PASSWORD)
            try:
                bench_cda(profile)
            finally:
                profile.lock()
        return
    if not corpus().is_dir():
        sys.exit(f"FHIR corpus not found at {corpus()} (set CARNET_CORPUS_DIR)")
    with tempfile.TemporaryDirectory() as tmp:
        pdir = ProfileDirectory(Path(tmp), kdf=FLOOR_KDF)
        profile, _ = pdir.create("Benchmark", PASSWORD)
        try:
            bench_import(pdir, profile)
            bench_export(profile)
            bench_cda(profile)
        finally:
            profile.lock()


if __name__ == "__main__":
    main()
