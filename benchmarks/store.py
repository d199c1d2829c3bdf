"""Store benchmark: the same service path on SQLCipher and on plain SQLite, at 100,000 entries.

Prints, for each operation, the SQLCipher time, the plain-SQLite baseline measured in the same run, and the ratio.
Targets (issue 2): every ratio ≤ 1.25; list and search page < 50 ms at 100k entries.

    .venv/bin/python benchmarks/store.py [--entries 100000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app import migrate, vault
from desktop_app.dossier_store import DossierStore
from desktop_app.engine import checkpoint_and_dispose, open_encrypted_engine

WORDS = [
    "pénicilline",
    "arachide",
    "pollen",
    "latex",
    "acariens",
    "ibuprofène",
    "diabète",
    "asthme",
    "migraine",
    "hypertension",
    "eczéma",
    "lactose",
    "gluten",
    "aspirine",
    "amoxicilline",
    "chat",
    "abeille",
    "soja",
]
RARE = "zolgensma"


def rows(kind: str, n: int, rng: random.Random) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i in range(n):
        if kind == "allergy":
            out.append({"name": f"{rng.choice(WORDS)} {i}", "reaction": "urticaire"})
        elif kind == "condition":
            out.append({"name": f"{rng.choice(WORDS)} chronique {i}"})
        else:
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            year = 2000 + (i // 336) % 25
            out.append(
                {
                    "measure_type": "weight",
                    "value": str(50 + rng.random() * 40),
                    "unit": "kg",
                    "measured_at": f"{year}-{month:02d}-{day:02d}",
                }
            )
    return out


def open_store(path: Path, key: bytearray, *, plain: bool, create: bool) -> DossierStore:
    if plain:
        engine = open_encrypted_engine(path, b"", create=create, module=sqlite3, plain_for_benchmark=True)
    else:
        engine = open_encrypted_engine(path, key, create=create)
    migrate.upgrade(engine, "dossier")
    return DossierStore(engine, "bench")


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run(plain: bool, n: int, workdir: Path) -> dict[str, float]:
    rng = random.Random(42)
    key = vault.new_key()
    path = workdir / ("plain.db" if plain else "cipher.db")
    store = open_store(path, key, plain=plain, create=True)
    batch = 2000
    kinds = ["allergy", "condition", "measurement"]

    def insert_all() -> None:
        for start in range(0, n, batch):
            kind = kinds[(start // batch) % 3]
            store.entries.create_many(kind, rows(kind, min(batch, n - start), rng))
        store.entries.create("condition", {"name": f"{RARE} thérapie génique"})

    results = {"bulk insert (s)": timed(insert_all)}
    results["list first page (s)"] = timed(lambda: store.entries.list(limit=50), repeat=15)
    results["list page at 50k (s)"] = timed(lambda: store.entries.list(offset=n // 2, limit=50), repeat=15)
    results["list page of one kind (s)"] = timed(lambda: store.entries.list("allergy", limit=50), repeat=15)
    results["search common word (s)"] = timed(lambda: store.entries.search("penicil", limit=50), repeat=15)
    results["search rare word (s)"] = timed(lambda: store.entries.search(RARE, limit=50), repeat=15)
    results["search two-letter (s)"] = timed(lambda: store.entries.search("so", limit=50), repeat=5)
    assert store.entries.search(RARE, limit=50), "the rare entry must be found"
    checkpoint_and_dispose(store.engine)

    def reopen() -> None:
        again = open_store(path, key, plain=plain, create=False)
        again.entries.list(limit=50)
        again.engine.dispose()

    results["reopen + first page (s)"] = timed(reopen, repeat=5)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        plain = run(True, args.entries, workdir)
        cipher = run(False, args.entries, workdir)
    print(f"Store benchmark, {args.entries:,} entries (median of repeats; same code path, same run)")
    print(f"{'operation':<28}{'SQLCipher':>12}{'plain SQLite':>14}{'ratio':>8}")
    worst = 0.0
    for name, base in plain.items():
        ratio = cipher[name] / base if base else float("nan")
        worst = max(worst, ratio)
        print(f"{name.replace(' (s)', ''):<28}{cipher[name] * 1000:>10.1f}ms{base * 1000:>12.1f}ms{ratio:>8.2f}")
    page_ms = max(cipher[k] for k in cipher if "page" in k or "search" in k) * 1000
    print(f"worst ratio {worst:.2f} (target ≤ 1.25); slowest list/search page {page_ms:.1f} ms (target < 50 ms)")
    print(f"bulk insert rate: {args.entries / cipher['bulk insert (s)']:,.0f} entries/s encrypted")


if __name__ == "__main__":
    main()
