"""carnet-cli prevention, requests and agenda as scripts use them: a real subprocess on a real encrypted profile,
passwords on stdin, JSON output, files written where asked, bad input refused with a clear message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from tests.support.profiles import PASSWORD


def carnet(data_dir: Path, *args: str, english: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_GB.UTF-8" if english else "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    command = [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args, "--password-stdin"]
    return subprocess.run(command, input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "d"
    assert carnet(folder, "profile", "create", "--name", "Zoé").returncode == 0
    identity = carnet(
        folder, "entry", "add", "identity", "--field", "birth_name=Lefèvre", "--field", "first_names=Zoé",
        "--field", "sex=F", "--field", "birth_date=1976-03-01", "--field", "address=12 rue des Lilas, Rennes",
    )  # fmt: skip
    assert identity.returncode == 0, identity.stderr
    vaccine = carnet(folder, "entry", "add", "vaccination", "--field", "vaccine=Revaxis", "--field", "date=2017-04-03")
    assert vaccine.returncode == 0, vaccine.stderr
    return folder


def test_prevention_due_json(data_dir: Path) -> None:
    done = carnet(data_dir, "prevention", "due", "--json", "--all", "--today", "2026-12-06")
    assert done.returncode == 0, done.stderr
    found = {r["rule_id"]: r for r in json.loads(done.stdout)}
    # Born 1 March 1976: the 2017 dose (at 41) stands for the booster at 45; the next one is at 65.
    assert found["dtp_adult"]["status"] == "done" and found["dtp_adult"]["next_due"] == "2041-03-01"
    assert found["dtp_adult"]["label_fr"] == "Rappel diphtérie-tétanos-poliomyélite à 45 ans"
    assert "Calendrier des vaccinations" in found["dtp_adult"]["source_fr"]
    # 50 on 1 March 2026, no mammogram recorded: overdue since then (six months to do it).
    assert (found["screening_breast"]["status"], found["screening_breast"]["due_date"]) == ("overdue", "2026-03-01")
    assert found["bilan_prevention"]["status"] == "due"  # 45 to 50
    assert found["flu_risk"]["status"] == "ask" and found["flu_risk"]["questions_fr"]
    assert "pertussis_pregnancy" not in found  # the pregnancy question is not asked at 50


def test_prevention_answers_change_the_result(data_dir: Path) -> None:
    bad = carnet(data_dir, "prevention", "answer", "enceinte=peut-être")
    assert bad.returncode == 2 and "oui, non ou passer" in bad.stderr
    unknown = carnet(data_dir, "prevention", "answer", "enceinte=non")
    assert unknown.returncode != 0 and "Question inconnue" in unknown.stderr
    assert carnet(data_dir, "prevention", "answer", "pregnant=non", "chronic_illness=oui").returncode == 0
    due = carnet(data_dir, "prevention", "due", "--json", "--today", "2026-12-06")
    found = {r["rule_id"]: r for r in json.loads(due.stdout)}
    assert found["flu_risk"]["status"] == "due" and found["pneumo_risk"]["status"] == "overdue"


def test_requests_add_list_letter(data_dir: Path, tmp_path: Path) -> None:
    added = carnet(
        data_dir, "requests", "add", "--json", "--field", "recipient=CHU de Rennes",
        "--field", "recipient_kind=établissement", "--field", "requested=Mon dossier d'hospitalisation",
        "--field", "method=LRAR", "--field", "sent_on=2025-06-02", "--field", "received_on=2025-06-06",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    request = json.loads(added.stdout)
    assert request["latest"] == "2025-06-16"  # Friday + 8 days = Saturday 14 → Monday 16 June
    listed = carnet(data_dir, "requests", "list")
    assert "CHU de Rennes" in listed.stdout and "16/06/2025" in listed.stdout
    letter = tmp_path / "lettre.pdf"
    made = carnet(data_dir, "requests", "letter", request["id"], "-o", str(letter), "--today", "2025-06-02")
    assert made.returncode == 0, made.stderr
    assert letter.read_bytes().startswith(b"%PDF") and oct(letter.stat().st_mode & 0o777) == "0o600"
    again = carnet(data_dir, "requests", "letter", request["id"], "-o", str(letter))
    assert again.returncode == 2 and "existe déjà" in again.stderr
    filed = carnet(data_dir, "requests", "close", request["id"], "--file", str(letter), "--today", "2025-06-12")
    assert filed.returncode == 0 and "Documents" in filed.stdout
    closed = json.loads(carnet(data_dir, "requests", "list", "--json").stdout)
    assert [(r["status"], r["answered_on"]) for r in closed] == [("answered", "2025-06-12")]
    wrong = carnet(data_dir, "requests", "add", "--field", "recipient=X", "--field", "sent_on=2025-02-30")
    assert wrong.returncode == 4 and "sent_on" in wrong.stderr


def test_agenda_add_export_import(data_dir: Path, tmp_path: Path) -> None:
    added = carnet(
        data_dir, "agenda", "add", "--field", "title=Dentiste", "--field", "starts_at=10/12/2030 14h30",
        "--field", "professional=Dr Leroy",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    impossible = carnet(data_dir, "agenda", "add", "--field", "title=Kiné", "--field", "starts_at=31/04/2030 10h00")
    assert impossible.returncode == 4 and "starts_at" in impossible.stderr
    ics = tmp_path / "agenda.ics"
    assert carnet(data_dir, "agenda", "export", "-o", str(ics)).returncode == 0
    events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Dentiste"]
    other = tmp_path / "autre.ics"
    other.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:x1\r\nDTSTAMP:20261201T000000Z\r\n"
        "DTSTART:20310105T090000\r\nSUMMARY:Ophtalmologue\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    preview = carnet(data_dir, "agenda", "import", str(other))
    assert "À ajouter : 1" in preview.stdout and "Rien n'a été ajouté" in preview.stdout
    assert len(json.loads(carnet(data_dir, "agenda", "list", "--json").stdout)) == 1
    assert carnet(data_dir, "agenda", "import", str(other), "--yes").returncode == 0
    listed = json.loads(carnet(data_dir, "agenda", "list", "--json").stdout)
    assert [e["title"] for e in listed] == ["Dentiste", "Ophtalmologue"]
    broken = tmp_path / "casse.ics"
    broken.write_text(other.read_text().replace("SUMMARY:Ophtalmologue", "SUMMARY Ophtalmologue"))
    refused = carnet(data_dir, "agenda", "import", str(broken), "--yes", english=True)
    assert refused.returncode == 4 and "Nothing was imported" in refused.stderr and "line 8" in refused.stderr


def test_prevention_dismiss_and_restore(data_dir: Path) -> None:
    def due() -> dict[str, dict[str, object]]:
        done = carnet(data_dir, "prevention", "due", "--json", "--today", "2026-12-06")
        assert done.returncode == 0, done.stderr
        return {r["rule_id"]: r for r in json.loads(done.stdout)}

    assert "screening_breast" in due()
    later = carnet(data_dir, "prevention", "dismiss", "screening_breast", "--later", "--today", "2026-12-06")
    assert later.returncode == 0 and "05/01/2027" in later.stdout, later.stderr
    assert "screening_breast" not in due()
    every = carnet(data_dir, "prevention", "due", "--json", "--all", "--today", "2026-12-06")
    assert {r["rule_id"]: r["dismissed"] for r in json.loads(every.stdout)}["screening_breast"] == "2027-01-05"
    back = carnet(data_dir, "prevention", "due", "--json", "--today", "2027-01-05")
    assert "screening_breast" in {r["rule_id"] for r in json.loads(back.stdout)}  # a month on, proposed again
    assert carnet(data_dir, "prevention", "dismiss", "screening_breast").returncode == 0
    assert "screening_breast" not in due()
    unknown = carnet(data_dir, "prevention", "dismiss", "pas_une_regle")
    assert unknown.returncode != 0 and "Recommandation inconnue" in unknown.stderr
    assert carnet(data_dir, "prevention", "restore", "screening_breast").returncode == 0
    assert "screening_breast" in due()


def test_agenda_add_a_repeat_and_export_its_rrule(data_dir: Path, tmp_path: Path) -> None:
    added = carnet(
        data_dir, "agenda", "add", "--field", "title=Kiné", "--field", "starts_at=2027-01-05 09:00",
        "--field", "repeat=semaine", "--field", "repeat_count=6",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    both = carnet(
        data_dir, "agenda", "add", "--field", "title=Kiné", "--field", "starts_at=2027-01-05 09:00",
        "--field", "repeat=weekly", "--field", "repeat_count=6", "--field", "repeat_until=2027-03-01",
    )  # fmt: skip
    assert both.returncode != 0 and "pas les deux" in both.stderr
    out = tmp_path / "agenda.ics"
    assert carnet(data_dir, "agenda", "export", "--output", str(out)).returncode == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    rules = [e["RRULE"].to_ical() for e in events if "RRULE" in e]
    assert rules == [b"FREQ=WEEKLY;COUNT=6"]
