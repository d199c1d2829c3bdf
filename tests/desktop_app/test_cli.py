"""carnet-cli as scripts use it: a real subprocess, passwords on stdin, documented exit codes and JSON output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.profiles import MARKER, OTHER_PASSWORD, PASSWORD

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def cli(
    data_dir: Path, *args: str, stdin: str = PASSWORD + "\n", lang: str = "fr_FR.UTF-8"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    result = cli(tmp_path / "d", "profile", "create", "--name", "Zoé Lefèvre", "--password-stdin")
    assert result.returncode == 0, result.stderr
    assert "Clé de secours" in result.stdout
    return tmp_path / "d"


def test_documented_invocations_work_end_to_end(data_dir: Path, tmp_path: Path) -> None:
    added = cli(data_dir, "entry", "add", "allergy", "--field", "name=Pénicilline", "--password-stdin")
    assert added.returncode == 0, added.stderr
    listed = cli(data_dir, "entry", "list", "--json", "--password-stdin")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    assert [(e["kind"], e["name"], e["fields"]["name"]) for e in entries] == [("allergy", "Pénicilline", "Pénicilline")]
    assert entries[0]["id"]
    report = tmp_path / "bilan.pdf"
    report.write_bytes(PDF)
    doc = cli(
        data_dir,
        "document",
        "add",
        str(report),
        "--category",
        "biologie",
        "--title",
        "Bilan",
        "--password-stdin",
    )
    assert doc.returncode == 0, doc.stderr
    docs = json.loads(cli(data_dir, "document", "list", "--json", "--password-stdin").stdout)
    assert [(d["title"], d["category"], d["format"], d["size"]) for d in docs] == [
        ("Bilan", "biologie", "pdf", len(PDF))
    ]
    out = tmp_path / "copie.pdf"
    got = cli(data_dir, "document", "get", docs[0]["id"], "--output", str(out), "--password-stdin")
    assert got.returncode == 0, got.stderr
    assert out.read_bytes() == PDF


def test_edit_and_delete_by_id(data_dir: Path) -> None:
    cli(data_dir, "entry", "add", "allergy", "--field", "name=Arachide", "--password-stdin")
    entry = json.loads(cli(data_dir, "entry", "list", "--json", "--password-stdin").stdout)[0]
    edited = cli(data_dir, "entry", "edit", entry["id"], "--field", "name=Arachide et noix", "--password-stdin")
    assert edited.returncode == 0, edited.stderr
    assert (
        json.loads(cli(data_dir, "entry", "list", "--json", "--password-stdin").stdout)[0]["name"] == "Arachide et noix"
    )
    assert cli(data_dir, "entry", "delete", entry["id"], "--password-stdin").returncode == 0
    assert json.loads(cli(data_dir, "entry", "list", "--json", "--password-stdin").stdout) == []
    missing = cli(data_dir, "entry", "delete", entry["id"], "--password-stdin")
    assert missing.returncode == 4 and "introuvable" in missing.stderr


def test_kinds_and_categories_are_listed_with_stable_ascii_names(tmp_path: Path) -> None:
    kinds = cli(tmp_path, "entry", "kinds", stdin="").stdout.split("\n")
    names = {line.split("\t")[0] for line in kinds if line}
    assert {"allergy", "treatment", "condition", "vaccination", "measurement"} <= names
    categories = {
        line.split("\t")[0] for line in cli(tmp_path, "document", "categories", stdin="").stdout.split("\n") if line
    }
    assert {"biologie", "imagerie", "ordonnance", "compte_rendu"} <= categories
    assert all(name.isascii() for name in names | categories)


def test_exit_code_3_for_a_wrong_password(data_dir: Path) -> None:
    result = cli(data_dir, "profile", "unlock-check", "--password-stdin", stdin="wrong password\n")
    assert result.returncode == 3
    assert "Mot de passe incorrect" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_code_4_for_a_validation_error_naming_the_field(data_dir: Path) -> None:
    result = cli(
        data_dir,
        "entry",
        "add",
        "measurement",
        "--field",
        "measure_type=weight",
        "--field",
        "value=900",
        "--field",
        "unit=kg",
        "--field",
        "measured_at=2024-01-02",
        "--password-stdin",
    )
    assert result.returncode == 4, result.stderr
    assert "value" in result.stderr
    unknown = cli(data_dir, "entry", "add", "nonsense", "--password-stdin")
    assert unknown.returncode == 4


def test_exit_code_5_for_a_corrupt_store(data_dir: Path) -> None:
    account = next(data_dir.rglob("account.db"))
    account.write_bytes(b"\0" * 8192)
    result = cli(data_dir, "entry", "list", "--password-stdin")
    assert result.returncode == 5
    assert account.read_bytes() == b"\0" * 8192


def test_exit_code_2_for_usage_errors(tmp_path: Path) -> None:
    assert cli(tmp_path, "entry").returncode == 2
    assert cli(tmp_path, "bogus-command").returncode == 2
    no_tty = cli(tmp_path, "profile", "unlock-check", stdin="")
    assert no_tty.returncode in (2, 5)


def test_password_never_accepted_as_an_argument(tmp_path: Path) -> None:
    result = cli(tmp_path, "profile", "create", "--name", "X", "--password", PASSWORD)
    assert result.returncode == 2


def test_password_change_and_recover(data_dir: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    created = cli(fresh, "profile", "create", "--name", "Léo", "--password-stdin")
    recovery_key = created.stdout.strip().splitlines()[-1]
    changed = cli(fresh, "password", "change", "--password-stdin", stdin=f"{PASSWORD}\n{OTHER_PASSWORD}\n")
    assert changed.returncode == 0, changed.stderr
    assert cli(fresh, "profile", "unlock-check", "--password-stdin").returncode == 3
    assert cli(fresh, "profile", "unlock-check", "--password-stdin", stdin=OTHER_PASSWORD + "\n").returncode == 0
    recovered = cli(fresh, "recover", "--password-stdin", stdin=f"{recovery_key}\n{PASSWORD}\n")
    assert recovered.returncode == 0, recovered.stderr
    assert cli(fresh, "profile", "unlock-check", "--password-stdin").returncode == 0
    bad = cli(fresh, "recover", "--password-stdin", stdin=f"AAAAA-BBBBB\n{PASSWORD}\n")
    assert bad.returncode == 3


def test_weak_password_refused_at_creation_with_the_reason(tmp_path: Path) -> None:
    result = cli(tmp_path, "profile", "create", "--name", "Zoé", "--password-stdin", stdin="azerty123456\n")
    assert result.returncode == 4
    assert "password" in result.stderr
    assert not list(tmp_path.rglob("vault.json"))


def test_english_messages_when_lang_is_english(data_dir: Path) -> None:
    result = cli(data_dir, "profile", "unlock-check", "--password-stdin", stdin="nope nope nope\n", lang="en_GB.UTF-8")
    assert result.returncode == 3 and "Wrong password" in result.stderr


def test_marker_never_in_plaintext_after_cli_use(data_dir: Path, tmp_path: Path) -> None:
    cli(data_dir, "entry", "add", "condition", "--field", f"name={MARKER}", "--password-stdin")
    text_file = tmp_path / "note.txt"
    text_file.write_text(f"Note {MARKER}\n", encoding="utf-8")
    assert (
        cli(
            data_dir,
            "document",
            "add",
            str(text_file),
            "--category",
            "autre",
            "--title",
            "Note",
            "--password-stdin",
        ).returncode
        == 0
    )
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path


def test_oversized_and_unsupported_documents_are_refused_and_nothing_is_kept(data_dir: Path, tmp_path: Path) -> None:
    exe = tmp_path / "program.pdf"  # a renamed executable: the content decides, not the extension
    exe.write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 200)
    result = cli(data_dir, "document", "add", str(exe), "--category", "autre", "--title", "X", "--password-stdin")
    assert result.returncode == 4 and "PDF" in result.stderr
    assert json.loads(cli(data_dir, "document", "list", "--json", "--password-stdin").stdout) == []
