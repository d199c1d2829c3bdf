"""Fixtures for the client engine: real SQLCipher profiles in temporary directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop_app.profile import ProfileDirectory, UnlockedProfile

# A passphrase that satisfies the CNIL policy (≥ 12 characters, ≥ 80 bits).
PASSWORD = "cheval agrafe lune 47 brique Tonnerre"
OTHER_PASSWORD = "Grenouille-violette-sous-la-pluie-1987"
MARKER = "ZQXJMARKERPLAINTEXT7731"


@pytest.fixture
def directory(tmp_path: Path) -> ProfileDirectory:
    # The OWASP floor keeps the suite fast; the default parameters are covered by test_vault.py.
    from desktop_app.profile import ProfileDirectory
    from desktop_app.vault import FLOOR_KDF

    return ProfileDirectory(tmp_path / "data", kdf=FLOOR_KDF)


@pytest.fixture
def profile(directory: ProfileDirectory) -> Iterator[UnlockedProfile]:
    unlocked, _ = directory.create("Zoé Lefèvre", PASSWORD)
    yield unlocked
    unlocked.lock()
