"""The README's run command prepares a working demo: a local service, a provisioned beneficiary, a demo profile
linked to that beneficiary's account (so every door of the window works as shipped)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_demo_starts_the_service_provisions_and_prepares_a_profile(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--data-dir", str(tmp_path),
                             "--no-gui"], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "relié au compte « zoe.lefevre » du service local" in result.stdout, result.stdout + result.stderr
    assert "mot de passe" in result.stdout
    # The demo carnet's entries reached the service with the launcher's first sync
    with sqlite3.connect(tmp_path / "server" / "carnet-server.sqlite3") as db:
        (records,) = db.execute("SELECT count(*) FROM sync_records").fetchone()
    assert records >= 10, records
    assert list((tmp_path / "server" / "outbox").glob("*.eml"))
    assert list((tmp_path / "client" / "profiles").glob("*/vault.json"))
    # Running it again is idempotent: same beneficiary, same profile.
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--data-dir", str(tmp_path),
                            "--no-gui"], capture_output=True, text=True, timeout=180)
    assert again.returncode == 0, again.stderr
    assert "déjà relié au compte" in again.stdout, again.stdout + again.stderr
    assert len(list((tmp_path / "client" / "profiles").glob("*/vault.json"))) == 1
