"""Carnet ÷ PouchDB on the same dossier: push, bootstrap, a 50 MB document's upload, the bytes re-sent after a cut at
90 % of an upload, and the requests of a sync with nothing to do.

PouchDB 9 + express-pouchdb (the offline-first engine a user would pick instead) against Carnet's real client engine
and service (benchmarks/sync.py), each on loopback with its data on disk, run in turn (Carnet, PouchDB, PouchDB,
Carnet… over --rounds) so that the machine's load hits both alike. Prints each round's figures and the ratios;
above 1 Carnet is ahead (for times, bytes and requests: PouchDB's figure ÷ Carnet's). Needs node and `npm ci` in
this folder.

    (cd benchmarks/peer && npm ci) && .venv/bin/python benchmarks/peer/compare.py [--entries 20000] [--rounds 2]

The document: Carnet sends it in resumable 8 MiB chunks (benchmarks/sync.py, best of three); PouchDB as an app
built on it would, an attachment replicated inside its document (base64 in the JSON body), best of three too. The
cut: every connection is reset once 90 % of the upload's bytes are out (Carnet: of the file; PouchDB: of what an
uncut upload of that document sends), then the sync runs again; counted, the client's bytes beyond one whole upload.
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
CARNET_UPLOAD = re.compile(r"MB upload in \d+ MiB chunks: sync ([\d.]+) s")
CARNET_CUT = re.compile(r"cut at 90 %: ([\d,]+) KiB re-sent beyond the file")


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
    upload, cut = CARNET_UPLOAD.search(out), CARNET_CUT.search(out)
    if boot is None or noop is None or upload is None or cut is None:
        raise SystemExit(f"benchmarks/sync.py printed something else:\n{out}")
    return {
        "push_per_s": float(boot.group(3).replace(",", "")),
        "bootstrap_per_s": float(boot.group(2).replace(",", "")),
        "noop_requests": float(noop.group(1)),
        "upload_s": float(upload.group(1)),
        "cut_resent_bytes": float(cut.group(1).replace(",", "")) * 1024,
    }


def pouchdb(entries: int, megabytes: int) -> dict[str, float]:
    out = subprocess.run(
        ["node", str(HERE / "pouchdb_bench.mjs"), str(entries), str(megabytes)],
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
    parser.add_argument("--megabytes", type=int, default=50, help="the document uploaded, and cut at 90 %%")
    args = parser.parse_args()
    if not (HERE / "node_modules").is_dir():
        raise SystemExit("run `npm ci` in benchmarks/peer first")
    print(f"{args.entries:,} entries, {args.rounds} round(s), {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    ratios: dict[str, list[float]] = {
        "push": [],
        "bootstrap": [],
        f"{args.megabytes} MB upload": [],
        "bytes re-sent": [],
        "no-op requests": [],
    }
    for n in range(args.rounds):
        first_carnet = n % 2 == 0
        ours = carnet(args.entries, args.megabytes) if first_carnet else None
        theirs = pouchdb(args.entries, args.megabytes)
        ours = ours or carnet(args.entries, args.megabytes)
        ratios["push"].append(ours["push_per_s"] / theirs["push_per_s"])
        ratios["bootstrap"].append(ours["bootstrap_per_s"] / theirs["bootstrap_per_s"])
        ratios[f"{args.megabytes} MB upload"].append(theirs["upload_s"] / ours["upload_s"])
        ratios["bytes re-sent"].append(theirs["cut_resent_bytes"] / max(ours["cut_resent_bytes"], 1024))
        ratios["no-op requests"].append(theirs["noop_requests"] / ours["noop_requests"])
        print(
            f"round {n + 1}: push {ours['push_per_s']:,.0f}/s vs {theirs['push_per_s']:,.0f}/s, bootstrap "
            f"{ours['bootstrap_per_s']:,.0f}/s vs {theirs['bootstrap_per_s']:,.0f}/s, {args.megabytes} MB upload "
            f"{ours['upload_s']:.2f} s vs {theirs['upload_s']:.2f} s, re-sent after the cut "
            f"{ours['cut_resent_bytes'] / 2**20:.1f} MiB vs {theirs['cut_resent_bytes'] / 2**20:.1f} MiB (PouchDB's "
            f"uncut upload: {theirs['upload_wire_bytes'] / 2**20:.1f} MiB on the wire for a "
            f"{theirs['file_bytes'] / 2**20:.1f} MiB file), no-op sync {ours['noop_requests']:.0f} vs "
            f"{theirs['noop_requests']:.0f} request(s) (Carnet vs PouchDB)"
        )
    for name, values in ratios.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"Carnet ÷ PouchDB, {name:15s}: {shown} (median {statistics.median(values):.2f})")
    print(f"load at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
