"""Fixtures for the client engine: real SQLCipher profiles in temporary directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support.profiles import PASSWORD

if TYPE_CHECKING:
    from desktop_app.profile import ProfileDirectory, UnlockedProfile


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
