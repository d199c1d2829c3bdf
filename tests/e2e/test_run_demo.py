"""The README's run command prepares a working demo: a local service, a provisioned beneficiary, a demo profile."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_demo_starts_the_service_provisions_and_prepares_a_profile(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--data-dir", str(tmp_path),
                             "--no-gui"], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    code = re.search(r"code (\w{12}) · NIR (\d{15})", result.stdout)
    assert code, result.stdout
    assert "mot de passe" in result.stdout
    assert list((tmp_path / "server" / "outbox").glob("*.eml"))
    assert list((tmp_path / "client" / "profiles").glob("*/vault.json"))
    # Running it again is idempotent: same beneficiary, same profile.
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--data-dir", str(tmp_path),
                            "--no-gui"], capture_output=True, text=True, timeout=180)
    assert again.returncode == 0, again.stderr
    assert len(list((tmp_path / "client" / "profiles").glob("*/vault.json"))) == 1
