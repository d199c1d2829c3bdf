"""Shared test configuration: offscreen Qt, no ambient keyring, and the CI rule that needed parts never skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.paths import CORPUS_DIR
from tests.support.required import require

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
# Unit tests never touch the developer's real keyring (S26); tests/desktop_app/test_keyring.py brings a real one.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


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
