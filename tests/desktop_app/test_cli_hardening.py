"""Issue 15, client findings: carnet-cli on damaged files, non-UTF-8 input and file modes, as real subprocesses.

Each test reproduces an attack-round finding against real SQLCipher profiles (SECURITY_CHECKLIST S12, S15, S38;
docs/SECURITY.md S46, S47).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop_app.profile import ProfileDirectory
from desktop_app.vault import FLOOR_KDF
from tests.support.profiles import PASSWORD

PAGE = 4096  # SQLCipher 4 default page size
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
DAMAGE_FR = "Ce fichier de carnet est illisible ou endommagé"
DAMAGE_EN = "This Carnet file is unreadable or damaged"
RESTORE_COMMAND = "carnet-cli import archive"


def run_cli(
    data_dir: Path, *args: str | bytes, stdin: str = PASSWORD + "\n", lang: str = "fr_FR.UTF-8"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "PYTHONPATH": str(Path.cwd())}
    argv: list[str | bytes] = [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args]
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, timeout=120)


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Erreur inattendue" not in result.stderr and "Unexpected error" not in result.stderr


@pytest.fixture
def populated(tmp_path: Path) -> tuple[Path, list[str], Path, Path]:
    """A profile whose own dossier spans ~170 pages: (data dir, entry ids, dossier file, account file)."""
    directory = ProfileDirectory(tmp_path / "data", kdf=FLOOR_KDF)  # cheap KDF, read back from vault.json by the CLI
    profile, _ = directory.create("Zoé Lefèvre", PASSWORD)
    store = profile.dossier()
    for i in range(300):
        store.entries.create("allergy", {"name": f"Allergie numéro {i} " + "x" * 150})
    ids = [e.id for e in store.entries.list(limit=1000)]
    dossier_file = profile.path / "dossiers" / f"{store.dossier_id}.db"
    account_file = profile.path / "account.db"
    profile.lock()  # WAL checkpointed and truncated: every page is in the main file
    return tmp_path / "data", ids, dossier_file, account_file


def flip(path: Path, pages: Sequence[int]) -> None:
    """Flip one byte in the middle of each given page (page 0 holds the salt: the header stays intact)."""
    data = bytearray(path.read_bytes())
    for page in pages:
        data[page * PAGE + PAGE // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def pages_of(path: Path) -> int:
    return path.stat().st_size // PAGE


# -- finding 11: damaged pages give exit 5 and a sentence (S12, S38) --------------------------------------------------
def test_a_damaged_dossier_page_gives_exit_5_on_every_read_path(
    populated: tuple[Path, list[str], Path, Path], tmp_path: Path
) -> None:
    data_dir, ids, dossier_file, _ = populated
    flip(dossier_file, [pages_of(dossier_file) // 2])
    before = dossier_file.read_bytes()
    for args in (("entry", "list"), ("export", "fhir", str(tmp_path / "out.json"))):
        result = run_cli(data_dir, *args, "--password-stdin")
        assert_clean_failure(result, 5)
        assert DAMAGE_FR in result.stderr and RESTORE_COMMAND in result.stderr
        assert "hmac check failed" not in result.stderr
    english = run_cli(data_dir, "entry", "list", "--password-stdin", lang="en_GB.UTF-8")
    assert_clean_failure(english, 5)
    assert DAMAGE_EN in english.stderr
    check = run_cli(data_dir, "profile", "check", "--password-stdin")
    assert_clean_failure(check, 5)
    assert f"dossiers/{dossier_file.stem}.db" in check.stdout and "Zoé Lefèvre" in check.stdout
    assert RESTORE_COMMAND in check.stdout and "carnet-cli profile backup" in check.stdout
    assert "hmac check failed" not in check.stderr
    assert dossier_file.read_bytes() == before  # S38: the damaged file is left as it is

    flip(dossier_file, range(1, pages_of(dossier_file)))  # now every page past the header: `show` meets it too
    shown = run_cli(data_dir, "entry", "show", ids[150], "--password-stdin")
    assert_clean_failure(shown, 5)
    assert DAMAGE_FR in shown.stderr and "hmac check failed" not in shown.stderr


def test_a_damaged_account_database_gives_exit_5_and_check_names_it(
    populated: tuple[Path, list[str], Path, Path], tmp_path: Path
) -> None:
    data_dir, ids, _, account_file = populated
    flip(account_file, range(1, pages_of(account_file)))
    before = account_file.read_bytes()
    for args in (("entry", "list"), ("entry", "show", ids[0]), ("export", "fhir", str(tmp_path / "out.json"))):
        result = run_cli(data_dir, *args, "--password-stdin")
        assert_clean_failure(result, 5)
        assert DAMAGE_FR in result.stderr and "hmac check failed" not in result.stderr
    check = run_cli(data_dir, "profile", "check", "--password-stdin", lang="en_US.UTF-8")
    assert_clean_failure(check, 5)
    assert "Account database (account.db): damaged" in check.stdout
    assert "carnet-cli import archive" in check.stdout and "hmac check failed" not in check.stderr
    assert account_file.read_bytes() == before


def test_a_damaged_first_page_prints_no_sqlcipher_log_line(populated: tuple[Path, list[str], Path, Path]) -> None:
    data_dir, _, _, account_file = populated
    flip(account_file, [0])
    result = run_cli(data_dir, "entry", "list", "--password-stdin")
    assert_clean_failure(result, 5)
    assert "hmac check failed" not in result.stderr and "ERROR CORE" not in result.stderr
    assert DAMAGE_FR in result.stderr


# -- finding 13: text that is not UTF-8 (exit 4) and legacy file names (still added) (S47) ---------------------------
def test_a_non_utf8_argument_gives_exit_4_with_a_sentence(populated: tuple[Path, list[str], Path, Path]) -> None:
    data_dir = populated[0]
    result = run_cli(data_dir, "entry", "add", "allergy", "--field", b"name=bad\xffname", "--password-stdin")
    assert_clean_failure(result, 4)
    assert "« --field » contient des caractères illisibles (pas en UTF-8)" in result.stderr
    listed = json.loads(run_cli(data_dir, "entry", "list", "--json", "--password-stdin").stdout)
    assert not any("bad" in e["name"] for e in listed)  # nothing half-written


def test_a_file_with_a_latin1_name_is_added_with_a_readable_name(
    populated: tuple[Path, list[str], Path, Path], tmp_path: Path
) -> None:
    data_dir = populated[0]
    folder = os.fsencode(tmp_path)
    legacy = os.path.join(folder, b"compte-rendu-r\xe9sum\xe9.pdf")  # "résumé" in Latin-1, as an old scanner names it
    with open(legacy, "wb") as handle:
        handle.write(PDF)
    titled = run_cli(
        data_dir, "document", "add", legacy, "--category", "biologie", "--title", "Résumé", "--password-stdin"
    )
    assert titled.returncode == 0, titled.stderr
    added = run_cli(data_dir, "document", "add", legacy, "--category", "biologie", "--json", "--password-stdin")
    assert added.returncode == 0, added.stderr
    doc = json.loads(added.stdout)
    assert doc["filename"] == "compte-rendu-résumé.pdf"
    assert doc["title"] == "compte-rendu-résumé"
    out = tmp_path / "copie.pdf"
    assert run_cli(data_dir, "document", "get", doc["id"], "-o", str(out), "--password-stdin").returncode == 0
    assert out.read_bytes() == PDF


# -- finding 5: everything the client writes is its owner's only (S15, S46) -------------------------------------------
def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_client_files_are_0600_in_0700_folders(tmp_path: Path) -> None:
    data_dir = tmp_path / "carnet-data"
    created = run_cli(data_dir, "profile", "create", "--name", "Zoé", "--password-stdin")
    assert created.returncode == 0, created.stderr
    (profile_dir,) = (data_dir / "profiles").iterdir()
    report = tmp_path / "bilan.pdf"
    report.write_bytes(PDF)
    add = run_cli(data_dir, "document", "add", str(report), "--category", "biologie", "--json", "--password-stdin")
    doc_id = json.loads(add.stdout)["id"]
    backups = tmp_path / "sauvegardes"
    backups.mkdir()
    assert run_cli(data_dir, "profile", "backup", str(backups), "--password-stdin").returncode == 0
    got = tmp_path / "copie.pdf"
    assert run_cli(data_dir, "document", "get", doc_id, "-o", str(got), "--password-stdin").returncode == 0
    old = tmp_path / "ancien.json"
    old.write_text("{}")
    old.chmod(0o644)  # --force over a world-readable file must not keep its mode
    exported = run_cli(data_dir, "export", "fhir", str(old), "--force", "--password-stdin")
    assert exported.returncode == 0, exported.stderr
    archive = tmp_path / "carnet.carnet"
    archived = run_cli(
        data_dir, "export", "archive", str(archive), "--password-stdin", stdin=f"{PASSWORD}\n{PASSWORD} archive\n"
    )
    assert archived.returncode == 0, archived.stderr
    wrong = run_cli(data_dir, "entry", "list", "--password-stdin", stdin="not the password\n")
    assert wrong.returncode == 3  # writes unlock-state.json (a success would remove it)

    folders = [data_dir, data_dir / "profiles", profile_dir, profile_dir / "dossiers"]
    (backup,) = backups.iterdir()
    folders += [backup, backup / "dossiers"]
    files = [p for root in (profile_dir, backup) for p in root.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"account.db", "vault.json", "profile.json", "unlock-state.json"} <= names
    assert any(n.endswith(".db") and n != "account.db" for n in names)
    assert {p: oct(_mode(p)) for p in folders if _mode(p) != 0o700} == {}
    assert {p: oct(_mode(p)) for p in files if _mode(p) != 0o600} == {}
    assert (_mode(got), _mode(old), _mode(archive)) == (0o600, 0o600, 0o600)


def test_wal_and_shm_files_are_0600_while_open(tmp_path: Path) -> None:
    directory = ProfileDirectory(tmp_path / "data", kdf=FLOOR_KDF)
    old_umask = os.umask(0o022)  # a library caller that never set a umask still gets private files
    try:
        profile, _ = directory.create("Zoé", PASSWORD)
        profile.dossier().entries.create("allergy", {"name": "Arachide"})
        sidecars = [p for p in profile.path.rglob("*") if p.name.endswith(("-wal", "-shm"))]
        assert sidecars
        assert {p.name: oct(_mode(p)) for p in sidecars if _mode(p) != 0o600} == {}
        profile.lock()
        assert {p.name: oct(_mode(p)) for p in profile.path.rglob("*") if p.is_file() and _mode(p) != 0o600} == {}
    finally:
        os.umask(old_umask)


def test_a_profile_written_world_readable_before_is_made_private_at_unlock(
    populated: tuple[Path, list[str], Path, Path],
) -> None:
    data_dir, _, dossier_file, account_file = populated
    profile_dir = account_file.parent
    for folder in (data_dir / "profiles", profile_dir, dossier_file.parent):
        folder.chmod(0o755)
    for file in (account_file, dossier_file, profile_dir / "vault.json", profile_dir / "profile.json"):
        file.chmod(0o644)  # as an older Carnet left them
    assert run_cli(data_dir, "entry", "list", "--password-stdin").returncode == 0
    assert {p.name: oct(_mode(p)) for p in profile_dir.rglob("*") if p.is_file() and _mode(p) != 0o600} == {}
    folders = (data_dir / "profiles", profile_dir, dossier_file.parent)
    assert {p.name: oct(_mode(p)) for p in folders if _mode(p) != 0o700} == {}
