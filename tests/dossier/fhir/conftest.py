"""Locate the shared FHIR corpus (../shared/data or CARNET_CORPUS_DIR): skip when absent, fail in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def corpus_fhir_dir() -> Path:
    base = Path(os.environ.get("CARNET_CORPUS_DIR") or ROOT.parent / "shared" / "data")
    fhir = base / "fhir"
    if not fhir.is_dir():
        message = f"FHIR corpus not found at {fhir} (set CARNET_CORPUS_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return fhir


@pytest.fixture(scope="session")
def fhir_corpus() -> Path:
    return corpus_fhir_dir()
