"""Store benchmark: the same service path on SQLCipher and on plain SQLite, at 100,000 entries.

Prints, for each operation, the SQLCipher time, the plain-SQLite baseline measured in the same run, and the ratio.
The two are measured in turn, operation by operation and sample by sample (ABBA), so a change of the machine's
load between them moves both sides alike instead of one ratio.
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
from dataclasses import dataclass, field
from functools import partial
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


@dataclass
class Side:
    """One of the two stores measured side by side: SQLCipher or the plain-SQLite baseline."""

    plain: bool
    path: Path
    key: bytearray
    store: DossierStore
    rng: random.Random  # same seed on both sides: the same rows
    samples: dict[str, list[float]] = field(default_factory=dict)

    def time(self, name: str, fn: Callable[[], object]) -> None:
        start = time.perf_counter()
        fn()
        self.samples.setdefault(name, []).append(time.perf_counter() - start)


def alternate(sides: list[Side], name: str, fn: Callable[[Side], object], repeat: int) -> None:
    """`repeat` samples of `fn` on each side, interleaved ABBA (the machine's load hits both sides alike)."""
    for i in range(repeat):
        for side in sides if i % 2 == 0 else sides[::-1]:
            side.time(name, partial(fn, side))


def run(n: int, workdir: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Every operation measured on plain SQLite and SQLCipher in turn (never all plain runs first)."""
    sides = []
    for plain in (True, False):
        key = vault.new_key()
        path = workdir / ("plain.db" if plain else "cipher.db")
        sides.append(Side(plain, path, key, open_store(path, key, plain=plain, create=True), random.Random(42)))
    batch = 2000
    kinds = ["allergy", "condition", "measurement"]
    for start in range(0, n, batch):  # the bulk insert: one batch on each side in turn, summed per side
        kind = kinds[(start // batch) % 3]
        count = min(batch, n - start)
        alternate(
            sides if start // batch % 2 == 0 else sides[::-1],
            "bulk insert (s)",
            lambda side: side.store.entries.create_many(kind, rows(kind, count, side.rng)),  # noqa: B023
            1,
        )
    alternate(
        sides,
        "bulk insert (s)",
        lambda side: side.store.entries.create("condition", {"name": f"{RARE} thérapie génique"}),
        1,
    )
    for side in sides:
        side.samples["bulk insert (s)"] = [sum(side.samples["bulk insert (s)"])]
    alternate(sides, "list first page (s)", lambda side: side.store.entries.list(limit=50), 15)
    alternate(sides, "list page at 50k (s)", lambda side: side.store.entries.list(offset=n // 2, limit=50), 15)
    alternate(sides, "list page of one kind (s)", lambda side: side.store.entries.list("allergy", limit=50), 15)
    alternate(sides, "search common word (s)", lambda side: side.store.entries.search("penicil", limit=50), 15)
    alternate(sides, "search rare word (s)", lambda side: side.store.entries.search(RARE, limit=50), 15)
    alternate(sides, "search two-letter (s)", lambda side: side.store.entries.search("so", limit=50), 5)
    for side in sides:
        assert side.store.entries.search(RARE, limit=50), "the rare entry must be found"
        checkpoint_and_dispose(side.store.engine)

    def reopen(side: Side) -> None:
        again = open_store(side.path, side.key, plain=side.plain, create=False)
        again.entries.list(limit=50)
        again.engine.dispose()

    alternate(sides, "reopen + first page (s)", reopen, 5)
    plain_side, cipher_side = sides
    return (
        {name: statistics.median(v) for name, v in plain_side.samples.items()},
        {name: statistics.median(v) for name, v in cipher_side.samples.items()},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        plain, cipher = run(args.entries, workdir)
    print(
        f"Store benchmark, {args.entries:,} entries (median of repeats; same code path, same run, SQLCipher and "
        "plain SQLite measured in turn)"
    )
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
