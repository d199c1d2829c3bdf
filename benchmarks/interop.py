"""Benchmark FHIR interop: import of the largest Synthea bundle, IPS export of a 20,000-entry dossier.

Prints absolute figures and ratios against plain baselines (json.load + fhir.resources R4B validation of the same
file; json.dumps of the same entries). Run: .venv/bin/python benchmarks/interop.py
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
    entries = list(iter_entries(ds))
    assert len(entries) == N_ENTRIES
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


def main() -> None:
    if not corpus().is_dir():
        sys.exit(f"FHIR corpus not found at {corpus()} (set CARNET_CORPUS_DIR)")
    with tempfile.TemporaryDirectory() as tmp:
        pdir = ProfileDirectory(Path(tmp), kdf=FLOOR_KDF)
        profile, _ = pdir.create("Benchmark", PASSWORD)
        try:
            bench_import(pdir, profile)
            bench_export(profile)
        finally:
            profile.lock()


if __name__ == "__main__":
    main()
