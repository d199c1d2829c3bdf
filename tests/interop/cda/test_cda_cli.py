"""carnet-cli and CDA documents, run in-process as documented against a real profile: exit codes, reports, what
is stored — and nothing stored for a broken, hostile, oversized or other patient's document."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from tests.support.cda_hostile import BILLION_LAUGHS, write_oversized, xxe

PASSWORD = "cheval agrafe lune 47 brique Tonnerre"  # the profile fixture's (tests/interop/cda/conftest.py)


@pytest.fixture
def run(data_dir: Path, unlocked: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    def go(*argv: str, lang: str = "fr_FR.UTF-8") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
        monkeypatch.setenv("LANG", lang)
        monkeypatch.setenv("LC_ALL", "")
        monkeypatch.setenv("LC_MESSAGES", "")
        code = main(["--data-dir", str(data_dir), *argv, "--password-stdin"])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def _stored(unlocked: Any) -> tuple[int, int]:
    ds = unlocked.dossier()
    return ds.entries.count(), len(ds.documents.list(limit=1000))


def test_import_cda_imports_several_files_and_prints_the_report(run: Any, unlocked: Any, fixtures: Path) -> None:
    code, out, err = run("import", "cda", str(fixtures / "vsm_synthese.xml"), str(fixtures / "cr_bio.xml"))
    assert code == 0, err
    assert "Document CDA : Volet de synthèse médicale" in out and "condition | 2 | 2 | 0 | 0" in out
    assert "lab_result | 5 | 4 | 0 | 1" in out and "Acte annulé ou non réalisé" in out
    assert _stored(unlocked) == (10, 2)


def test_import_cda_json_report(run: Any, fixtures: Path) -> None:
    code, out, _ = run("import", "cda", str(fixtures / "cr_consultation_n1.xml"), "--json")
    assert code == 0
    [report] = json.loads(out)
    assert report["format"] == "cda" and report["category"] == "compte_rendu" and report["confidentiality"] == "R"
    assert report["patient"]["ins"] == [{"oid": "1.2.250.1.213.1.4.10", "value": "285057505612338"}]
    assert report["author_organization"] == "Cabinet médical des Tilleuls" and report["documents_added"] == 2


def test_document_add_recognises_a_cda_and_only_offers_its_entries(run: Any, unlocked: Any, fixtures: Path) -> None:
    code, out, err = run("document", "add", str(fixtures / "vsm_synthese.xml"))
    assert code == 0, err
    assert "6 éléments peuvent être ajoutés au carnet" in out
    assert _stored(unlocked) == (0, 1)
    [doc] = unlocked.dossier().documents.list()
    assert (doc.category, doc.author_kind, str(doc.document_date)) == ("synthese", "professional", "2024-10-15")


def test_document_add_of_another_file_still_needs_category_and_title(run: Any, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Bonjour", encoding="utf-8")
    code, _, err = run("document", "add", str(note))
    assert code == 2 and "--category" in err


def test_import_fhir_on_a_cda_names_the_right_command(run: Any, unlocked: Any, fixtures: Path) -> None:
    path = str(fixtures / "cr_bio.xml")
    code, _, err = run("import", "fhir", path)
    assert code == 4
    assert f"Ceci est un document CDA, pas du FHIR : utilisez « carnet-cli import cda {path} »" in err
    code, _, err = run("import", "fhir", path, lang="en_GB.UTF-8")
    assert code == 4 and "This is a CDA document, not FHIR: use 'carnet-cli import cda" in err
    assert _stored(unlocked) == (0, 0)


@pytest.mark.parametrize("command", [("import", "cda"), ("document", "add")])
def test_hostile_xml_exits_4_with_a_sentence_and_stores_nothing(
    run: Any, unlocked: Any, tmp_path: Path, command: tuple[str, str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("ZQXJ-SECRET-7731", encoding="utf-8")
    laughs, external = tmp_path / "laughs.xml", tmp_path / "xxe.xml"
    laughs.write_bytes(BILLION_LAUGHS)
    external.write_bytes(xxe(secret))
    for path in (laughs, external):
        code, out, err = run(*command, str(path))
        assert code == 4, (path, err)
        assert "Document refusé : il déclare une DTD ou des entités XML" in err and "ZQXJ" not in out + err
    assert _stored(unlocked) == (0, 0)


def test_a_200_mb_file_is_refused_from_its_size(run: Any, unlocked: Any, tmp_path: Path) -> None:
    big = write_oversized(tmp_path / "enorme.xml")
    try:
        start = time.perf_counter()
        code, _, err = run("import", "cda", str(big))
        elapsed = time.perf_counter() - start
        assert code == 4 and "Document CDA trop volumineux (200 Mo) : 50 Mo au maximum" in err
        code, _, err = run("document", "add", str(big), lang="en_US.UTF-8")
        assert code == 4 and "CDA document too large (200 MB): 50 MB at most. Nothing was stored." in err
    finally:
        big.unlink()
    assert elapsed < 10  # refused from its size: never read into memory nor parsed
    assert _stored(unlocked) == (0, 0)


def test_one_bad_file_among_several_imports_nothing(
    run: Any, unlocked: Any, same_patient: Any, fixtures: Path, tmp_path: Path
) -> None:
    """The second file is another patient's: the first one, already written in the transaction, is rolled back."""
    other = tmp_path / "autre.xml"
    other.write_bytes((fixtures / "cr_bio.xml").read_bytes().replace(b"285057505612338", b"185057505612312"))
    code, _, err = run("import", "cda", str(fixtures / "vsm_synthese.xml"), str(other))
    assert code == 4 and "Ce document concerne une autre personne" in err
    assert _stored(unlocked) == (1, 0)  # the identity only


def test_cli_as_a_subprocess_gives_the_documented_exit_codes(data_dir: Path, unlocked: Any, fixtures: Path) -> None:
    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *argv, "--password-stdin"],
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            env={
                "PATH": "/usr/bin:/bin",
                "LANG": "fr_FR.UTF-8",
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            },
        )

    assert cli("import", "cda", str(fixtures / "cr_bio.xml")).returncode == 0
    assert cli("import", "cda", str(fixtures / "absent.xml")).returncode == 2
    assert cli("import", "fhir", str(fixtures / "cr_bio.xml")).returncode == 4


def test_the_size_limit_is_configurable(run: Any, unlocked: Any, tmp_path: Path) -> None:
    doc = write_oversized(tmp_path / "moyen.xml", size=2 * 1024 * 1024)
    code, _, err = run("import", "cda", str(doc), "--taille-max", "1")
    assert code == 4 and "Document CDA trop volumineux (2 Mo) : 1 Mo au maximum" in err
    code, _, err = run("import", "cda", str(doc), "--max-size", "3")
    assert code == 0, err  # read, then stored: a 2 MB title is still a document
    assert _stored(unlocked) == (0, 1)


def test_document_add_options_win_over_the_header(run: Any, unlocked: Any, fixtures: Path) -> None:
    code, _, err = run(
        "document", "add", str(fixtures / "cr_bio.xml"), "--title", "Prise de sang", "--category", "autre"
    )
    assert code == 0, err
    [doc] = unlocked.dossier().documents.list()
    assert (doc.title, doc.category, str(doc.document_date)) == ("Prise de sang", "autre", "2024-11-02")
