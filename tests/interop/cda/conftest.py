"""CDA tests: the fixture documents and a real SQLCipher profile with one dossier, as carnet-cli opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# A passphrase that satisfies the CNIL policy; the profile lives where carnet-cli --data-dir finds it.
CDA_PASSWORD = "cheval agrafe lune 47 brique Tonnerre"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "carnet-data"


@pytest.fixture
def unlocked(data_dir: Path) -> Iterator[Any]:
    """A real encrypted profile (floor Argon2 parameters to keep the suite fast), unlocked."""
    from desktop_app.profile import ProfileDirectory
    from desktop_app.vault import FLOOR_KDF

    profile, _ = ProfileDirectory(data_dir, kdf=FLOOR_KDF).create("Camille Fictive", CDA_PASSWORD)
    yield profile
    profile.lock()


@pytest.fixture
def dossier(unlocked: Any) -> Any:
    return unlocked.dossier()


@pytest.fixture
def same_patient(dossier: Any) -> Any:
    """The dossier's identity is the fixtures' patient (INS-NIR de test 285057505612338)."""
    return dossier.entries.create(
        "identity",
        {
            "birth_name": "Fictive",
            "first_names": "Camille",
            "sex": "F",
            "birth_date": "1985-05-12",
            "ins": "285057505612338",
        },
    )
