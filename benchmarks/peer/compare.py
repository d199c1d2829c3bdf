"""Carnet ÷ PouchDB on the same dossier: push, bootstrap, and the requests of a sync with nothing to do.

PouchDB 9 + express-pouchdb (the offline-first engine a user would pick instead) against Carnet's real client engine
and service (benchmarks/sync.py), each on loopback with its data on disk, run in turn (Carnet, PouchDB, PouchDB,
Carnet… over --rounds) so that the machine's load hits both alike. Prints each round's figures and the ratios;
above 1 Carnet is ahead (for requests: PouchDB's count ÷ Carnet's). Needs node and `npm ci` in this folder.

    (cd benchmarks/peer && npm ci) && .venv/bin/python benchmarks/peer/compare.py [--entries 20000] [--rounds 2]

benchmarks/sync.py also measures a document upload, here kept to 1 MB (--megabytes): not compared (PouchDB stores
attachments inside documents, a different thing).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CARNET_BOOT = re.compile(r"bootstrap: (\d+) entries in [\d.]+ s = ([\d,]+) entries/s.*push of the same: ([\d,]+)/s")
CARNET_NOOP = re.compile(r"no-op sync: (\d+) HTTP request")


def carnet(entries: int, megabytes: int) -> dict[str, float]:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "sync.py"),
            "--entries",
            str(entries),
            "--megabytes",
            f"{megabytes}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    ).stdout
    boot, noop = CARNET_BOOT.search(out), CARNET_NOOP.search(out)
    if boot is None or noop is None:
        raise SystemExit(f"benchmarks/sync.py printed something else:\n{out}")
    return {
        "push_per_s": float(boot.group(3).replace(",", "")),
        "bootstrap_per_s": float(boot.group(2).replace(",", "")),
        "noop_requests": float(noop.group(1)),
    }


def pouchdb(entries: int) -> dict[str, float]:
    out = subprocess.run(
        ["node", str(HERE / "pouchdb_bench.mjs"), str(entries)],
        cwd=HERE,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    ).stdout
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    if figures["bootstrapped"] != entries:
        raise SystemExit(f"PouchDB bootstrapped {figures['bootstrapped']} of {entries} entries")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--megabytes", type=int, default=1, help="benchmarks/sync.py's document (not compared)")
    args = parser.parse_args()
    if not (HERE / "node_modules").is_dir():
        raise SystemExit("run `npm ci` in benchmarks/peer first")
    print(f"{args.entries:,} entries, {args.rounds} round(s), {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    ratios: dict[str, list[float]] = {"push": [], "bootstrap": [], "no-op requests": []}
    for n in range(args.rounds):
        first_carnet = n % 2 == 0
        ours = carnet(args.entries, args.megabytes) if first_carnet else None
        theirs = pouchdb(args.entries)
        ours = ours or carnet(args.entries, args.megabytes)
        ratios["push"].append(ours["push_per_s"] / theirs["push_per_s"])
        ratios["bootstrap"].append(ours["bootstrap_per_s"] / theirs["bootstrap_per_s"])
        ratios["no-op requests"].append(theirs["noop_requests"] / ours["noop_requests"])
        print(
            f"round {n + 1}: push {ours['push_per_s']:,.0f}/s vs {theirs['push_per_s']:,.0f}/s, bootstrap "
            f"{ours['bootstrap_per_s']:,.0f}/s vs {theirs['bootstrap_per_s']:,.0f}/s, no-op sync "
            f"{ours['noop_requests']:.0f} vs {theirs['noop_requests']:.0f} request(s) (Carnet vs PouchDB)"
        )
    for name, values in ratios.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"Carnet ÷ PouchDB, {name:15s}: {shown} (median {statistics.median(values):.2f})")
    print(f"load at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
