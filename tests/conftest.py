"""Shared test configuration: offscreen Qt, no ambient keyring, and the CI rule that needed parts never skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
# Unit tests never touch the developer's real keyring (S26); tests/desktop_app/test_keyring.py brings a real one.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = Path(os.environ.get("CARNET_CORPUS_DIR", ROOT.parent / "shared" / "data"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip locally when a real part (PostgreSQL, SMTP, keyring, shared data) is missing; fail in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    require(CORPUS_DIR.is_dir(), f"shared FHIR data not found at {CORPUS_DIR} (set CARNET_CORPUS_DIR)")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def fhir_corpus(corpus_dir: Path) -> Path:
    """The FHIR part of the shared corpus (official examples, IPS, Synthea, conformance cases, FR Core)."""
    fhir = corpus_dir / "fhir"
    require(fhir.is_dir(), f"FHIR corpus not found at {fhir} (set CARNET_CORPUS_DIR)")
    return fhir
