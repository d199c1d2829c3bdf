"""scripts/check_bundle.py: a directory that is not a built bundle gets a clear error, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_a_directory_without_the_carnet_executable_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "check_bundle.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert "Exécutable Carnet introuvable" in result.stderr
    assert "Traceback" not in result.stderr
