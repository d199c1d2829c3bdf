"""carnet-cli export/import, run in-process exactly as documented: exit codes, reports, files written."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from dossier.fhir import parse_fhir

PASSWORD = "cheval agrafe lune 47 brique Tonnerre"  # same as tests/desktop_app/conftest.py
CONDITION = {"resourceType": "Condition", "subject": {"reference": "Patient/1"}, "code": {"text": "Asthme allergique"}}


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_fhir_then_export_ips(
    profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    data = str(tmp_path / "data")  # where the `directory` fixture keeps the profile
    src = tmp_path / "asthme.json"
    src.write_text(json.dumps(CONDITION), encoding="utf-8")
    code, out, _ = run(
        ["--data-dir", data, "import", "fhir", str(src), "--password-stdin"], PASSWORD + "\n", monkeypatch, capsys
    )
    assert code == 0
    assert "Import de asthme.json" in out and "Condition | 1 | 1 | 0 | 0" in out
    assert profile.dossier().entries.count("condition") == 1

    ips = tmp_path / "ips.json"
    # IPS requires the patient's name and birth date: without them the export says so and writes nothing.
    code, out, err = run(
        ["--data-dir", data, "export", "ips", str(ips), "--password-stdin"], PASSWORD + "\n", monkeypatch, capsys
    )
    assert code == 4 and "Complétez la rubrique Identité" in err and not ips.exists()
    identity = {"birth_name": "Lefèvre", "first_names": "Zoé", "sex": "F", "birth_date": "1948-02-29"}
    profile.dossier().entries.create("identity", identity)
    code, out, err = run(
        ["--data-dir", data, "export", "ips", str(ips), "--password-stdin"], PASSWORD + "\n", monkeypatch, capsys
    )
    assert code == 0 and "ips.json" in out
    assert "n'est pas chiffré" in err  # S15: the person is warned the file is plain
    bundle = parse_fhir(ips.read_bytes())
    assert bundle["type"] == "document"
    assert any(e["resource"].get("code", {}).get("text") == "Asthme allergique" for e in bundle["entry"])
    # Never over an existing file without --force.
    code, _, err = run(
        ["--data-dir", data, "export", "ips", str(ips), "--password-stdin"], PASSWORD + "\n", monkeypatch, capsys
    )
    assert code == 2 and "--force" in err


def test_broken_input_exits_4_and_writes_nothing(
    profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    good = tmp_path / "ok.json"
    good.write_text(json.dumps(CONDITION), encoding="utf-8")
    bad = tmp_path / "coupe.json"
    bad.write_text('{"resourceType": "Bundle",\n "type": "collection", "entry": [', encoding="utf-8")
    data = str(tmp_path / "data")
    code, _, err = run(
        ["--data-dir", data, "import", "fhir", str(good), str(bad), "--password-stdin"],
        PASSWORD + "\n",
        monkeypatch,
        capsys,
    )
    assert code == 4
    assert "coupe.json:ligne 2" in err
    assert profile.dossier().entries.count() == 0


def test_wrong_password_exits_3(profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    code, _, _ = run(
        ["--data-dir", str(tmp_path / "data"), "export", "ips", str(tmp_path / "x.json"), "--password-stdin"],
        "pas le bon mot de passe\n",
        monkeypatch,
        capsys,
    )
    assert code == 3
    assert not (tmp_path / "x.json").exists()


def test_archive_export_and_import(profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    profile.dossier().entries.create("allergy", {"name": "Arachide", "severity": "severe"})
    data, archive = str(tmp_path / "data"), tmp_path / "carnet.archive"
    passphrase = "valise rouge pour le train de 7h12 vers Brest"
    code, out, _ = run(
        ["--data-dir", data, "export", "archive", str(archive), "--password-stdin"],
        f"{PASSWORD}\n{passphrase}\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "1 éléments" in out
    new_pc = str(tmp_path / "new-pc")
    code, out, _ = run(
        ["--data-dir", new_pc, "import", "archive", str(archive), "--name", "Zoé", "--password-stdin"],
        f"{passphrase}\nGrenouille-violette-sous-la-pluie-1987\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "Clé de secours" in out
    code, out, _ = run(
        ["--data-dir", new_pc, "import", "archive", str(archive), "--name", "Zoé 2", "--password-stdin"],
        "mauvaise phrase de passe\nGrenouille-violette-sous-la-pluie-1987\n",
        monkeypatch,
        capsys,
    )
    assert code == 3


@pytest.mark.parametrize(
    ("lang", "reason", "cda"),
    [
        ("en_GB.UTF-8", "Superseded by a newer version of the same document.", "use 'carnet-cli import cda"),
        (
            "fr_FR.UTF-8",
            "Version remplacée par une version plus récente du même document.",
            "utilisez « carnet-cli import cda",
        ),
    ],
)
def test_import_json_reasons_and_the_cda_pointer_follow_the_language(
    profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any, lang: str, reason: str, cda: str
) -> None:
    old = {
        "resourceType": "DocumentReference",
        "status": "superseded",
        "content": [{"attachment": {"contentType": "application/pdf", "data": "JVBERi0xLjQK"}}],
    }
    src = tmp_path / "ancien.json"
    src.write_text(json.dumps(old), encoding="utf-8")
    data = str(tmp_path / "data")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    monkeypatch.setenv("LANG", lang)
    code = main(["--data-dir", data, "import", "fhir", str(src), "--json", "--password-stdin"])
    out = capsys.readouterr().out
    assert code == 0
    [report] = json.loads(out)
    assert report["skipped"] == [
        {"type": "DocumentReference", "where": "DocumentReference", "code": "superseded", "reason": reason}
    ]
    doc = tmp_path / "dmp.xml"
    doc.write_text('<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>', encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", data, "import", "fhir", str(doc), "--password-stdin"])
    assert code == 4 and cda in capsys.readouterr().err
