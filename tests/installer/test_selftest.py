"""`carnet --self-test`: the whole check passes from the source tree, cleans up, and its checks notice real faults."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPainter, QPixmap

from ui.selftest import SQLITE_MAGIC, SelfTestError, _scan_for_plaintext, pixmap_problem, run_self_test

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHECK_TITLES = (
    "Traductions / Translations",
    "Ressources / Resources",
    "Stockage chiffré / Encrypted store",
    "Écrans / Screens",
    "PDF / PDF export",
)


def _run_self_test(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS="disabled:", TMPDIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "ui.main", "--self-test"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_self_test_passes_prints_one_line_per_check_and_removes_its_data(tmp_path: Path) -> None:
    """S01: the self-test's store check fails when a dossier file is plaintext SQLite; here it must pass."""
    result = _run_self_test(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for title in CHECK_TITLES:
        assert any(line.startswith(f"[OK] {title} : ") for line in lines), result.stdout
    assert "ÉCHEC" not in result.stdout
    assert lines[-1].startswith("Auto-test réussi : 5 vérifications")
    assert list(tmp_path.glob("carnet-selftest-*")) == [], "the temporary profile must be deleted"


def test_plaintext_sqlite_file_is_reported(tmp_path: Path) -> None:
    """S01: a dossier file starting with the SQLite header means the store is not encrypted."""
    (tmp_path / "dossier.db").write_bytes(SQLITE_MAGIC + bytes(100))

    with pytest.raises(SelfTestError, match="SQLite en clair"):
        _scan_for_plaintext(tmp_path, [b"Autotest-marker"])


def test_health_data_visible_in_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "dossier.db").write_bytes(os.urandom(64))
    (tmp_path / "dossier.db-wal").write_bytes(os.urandom(32) + b"Autotest-marker" + os.urandom(32))

    with pytest.raises(SelfTestError, match=r"dossier\.db-wal contient des données en clair"):
        _scan_for_plaintext(tmp_path, [b"Autotest-marker"])


def test_encrypted_looking_files_pass_and_a_missing_database_does_not(tmp_path: Path) -> None:
    with pytest.raises(SelfTestError, match="aucune base"):
        _scan_for_plaintext(tmp_path, [b"Autotest-marker"])
    (tmp_path / "dossier.db").write_bytes(os.urandom(4096))

    _scan_for_plaintext(tmp_path, [b"Autotest-marker"])


def test_blank_or_empty_renderings_are_reported_and_a_drawn_one_is_not(qapp) -> None:
    blank = QPixmap(200, 100)
    blank.fill(QColor("white"))
    assert pixmap_problem(QPixmap()) == "image vide / empty image"
    assert pixmap_problem(blank) == "image d'une seule couleur / single-colour image"

    painter = QPainter(blank)
    painter.fillRect(20, 20, 60, 30, QColor("#0b3d91"))
    painter.end()
    assert pixmap_problem(blank) is None


def test_a_failing_check_is_reported_the_next_checks_still_run_and_the_exit_code_is_1(tmp_path: Path) -> None:
    seen: list[Path] = []

    def missing_font(ctx) -> str:
        raise SelfTestError("police DejaVuSans non incorporée / font not embedded")

    def crash(ctx) -> str:
        raise KeyError("carnet")

    def passes(ctx) -> str:
        seen.append(ctx.data_dir)
        return "fine"

    out = io.StringIO()
    code = run_self_test(out=out, checks=(("PDF", missing_font), ("Icônes", crash), ("Dernière", passes)))

    assert code == 1
    assert out.getvalue().splitlines() == [
        "[ÉCHEC] PDF : police DejaVuSans non incorporée / font not embedded",
        "[ÉCHEC] Icônes : KeyError: 'carnet'",
        "[OK] Dernière : fine",
        "Auto-test échoué : 2 vérification(s) sur 3 / self-test FAILED",
    ]
    assert seen and not seen[0].parent.exists(), "the temporary directory is removed even after failures"
