"""`carnet-cli enrol`: a professional's first time with the e-mailed enrolment code (real processes, the real
service, the real SMTP outbox); a weak password or a wrong code is refused clearly and enrols nothing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from server.professionals.service import NewProfessional, add_professional
from tests.support.service import PASSWORD
from tests.support.sync_lab import Lab

pytestmark = pytest.mark.usefixtures("sqlite_only")

ROOT = Path(__file__).resolve().parents[2]
NURSE = "10000000058"


def _cli(data_dir: Path, *args: str, lines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args, "--password-stdin"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env={**os.environ, "CARNET_LANG": "fr", "LANG": "fr_FR.UTF-8"},
    )


def test_enrol_with_the_emailed_code_then_sign_in(lab: Lab, tmp_path: Path) -> None:
    ctx = lab.live.ctx
    assert ctx is not None
    address = "claire.leroy@example.org"
    with ctx.sessions() as session:
        add_professional(session, ctx, NewProfessional(NURSE, "infirmier", "Leroy", "Claire", address))
        session.commit()
    mail = lab.mailbox.last_body(address)
    assert mail.startswith("Bonjour Madame, Monsieur,") and "Docteur" not in mail  # a nurse is no « Docteur »
    assert "carnet-cli enrol" in mail and "Poste de soins" in mail
    found = re.search(r"enrôlement \(usage unique\) : ([A-Z0-9]{12})", mail)
    assert found
    code = found.group(1)
    data_dir = tmp_path / "cli"
    enrol = ("enrol", "--server", lab.live.url, "--rpps", NURSE, "--code")

    weak = _cli(data_dir, *enrol, code, lines="motdepasse\n")
    assert weak.returncode != 0 and "mot de passe" in weak.stderr.lower(), weak.stderr
    wrong = _cli(data_dir, *enrol, "AAAAAAAAAAAA", lines=PASSWORD + "\n")
    assert wrong.returncode != 0 and "code d'enrôlement incorrect" in wrong.stderr, wrong.stderr

    done = _cli(data_dir, *enrol, code.lower(), lines=PASSWORD + "\n")  # typed in lower case: still the code
    assert done.returncode == 0, done.stderr
    assert f"carnet-cli login --professional --identifier {NURSE}" in done.stdout
    again = _cli(data_dir, *enrol, code, lines=PASSWORD + "\n")  # single use
    assert again.returncode != 0

    r = lab.api.post("/v1/pro/auth/login", json={"rpps": NURSE, "password": PASSWORD})
    assert r.status_code == 202, r.text  # the chosen password signs in (the e-mailed code follows)
