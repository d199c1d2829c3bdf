"""carnet-cli activate / login / sync / status / conflicts, as a person or a script runs them (real processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from tests.support.service import PASSWORD, Mailbox
from tests.support.sync_lab import Lab

pytestmark = pytest.mark.usefixtures("sqlite_only")

ROOT = Path(__file__).resolve().parents[2]


def _start(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args, "--password-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CARNET_LANG": "fr"},
    )


def _wait_for_mail(mailbox: Mailbox, address: str, count: int, proc: subprocess.Popen[str]) -> None:
    waiter = threading.Event()
    for _ in range(600):
        if len(mailbox.to(address)) > count:
            return
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"the command ended before the mail: {out} {err}")
        waiter.wait(0.05)
    raise AssertionError(f"no mail to {address}")


def _two_step(mailbox: Mailbox, address: str, proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Password line now; the e-mailed code as the next line, once the service has sent it."""
    before = len(mailbox.to(address))
    assert proc.stdin is not None
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.flush()
    _wait_for_mail(mailbox, address, before, proc)
    out, err = proc.communicate(mailbox.last_otp(address) + "\n", timeout=120)
    return proc.returncode, out, err


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args, "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_activate_login_sync_status_and_conflicts_from_the_command_line(lab: Lab, tmp_path: Path) -> None:
    person = lab.flows.provision()
    data_dir = tmp_path / "cli"
    proc = _start(
        data_dir,
        "activate",
        "--server",
        lab.live.url,
        "--code",
        person.activation_code,
        "--nir",
        person.nir,
        "--carte-vitale",
        person.serial,
        "--identifier",
        "zoe.ligne.commande",
        "--email",
        person.email,
    )
    code, out, err = _two_step(lab.mailbox, person.email, proc)
    assert code == 0, err
    assert "Espace santé activé" in out and "connecté" in out and "Clé de secours" in out

    # The activation opened the session: the first sync needs no second e-mailed code.
    mails = len(lab.mailbox.to(person.email))
    added = _run(data_dir, "entry", "add", "allergy", "--field", "name=Pénicilline")
    assert added.returncode == 0, added.stderr
    synced = _run(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    assert "Envoyé : 1 modification(s) (applied 1)" in synced.stdout
    status = _run(data_dir, "status", "--json")
    assert status.returncode == 0, status.stderr
    [dossier] = json.loads(status.stdout)["dossiers"]
    assert dossier["pending"] == 0 and dossier["results"] == {"applied": 1}
    assert len(lab.mailbox.to(person.email)) == mails

    proc = _start(data_dir, "login", "--identifier", "zoe.ligne.commande")  # a later login reuses the record
    code, out, err = _two_step(lab.mailbox, person.email, proc)
    assert code == 0, err
    assert "Connecté" in out
    listed = _run(data_dir, "conflicts", "list")
    assert listed.returncode == 0 and "Aucun conflit." in listed.stdout
    usage = _run(data_dir, "conflicts", "resolve", "00000000-0000-0000-0000-000000000000")
    assert usage.returncode == 2 and "--keep" in usage.stderr
    # A second device of the same person sees the entry.
    person.identifier = "zoe.ligne.commande"
    person.dossier_id = uuid.UUID(dossier["dossier_id"])
    other = lab.device(person)
    other.engine.sync_once()
    assert [e.data["name"] for e in other.profile.dossier().entries.list()] == ["Pénicilline"]


def test_a_wrong_code_fails_clearly_and_creates_no_local_profile(lab: Lab, tmp_path: Path) -> None:
    person = lab.flows.provision()
    data_dir = tmp_path / "cli"
    proc = _start(
        data_dir,
        "activate",
        "--server",
        lab.live.url,
        "--code",
        person.activation_code,
        "--nir",
        person.nir,
        "--carte-vitale",
        person.serial,
        "--identifier",
        "zoe.wrong",
        "--email",
        person.email,
    )
    assert proc.stdin is not None
    before = len(lab.mailbox.to(person.email))
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.flush()
    _wait_for_mail(lab.mailbox, person.email, before, proc)
    _, err = proc.communicate("000000\n", timeout=120)
    assert proc.returncode != 0
    assert err.strip() and "Traceback" not in err
    assert not (data_dir / "profiles").exists() or not any((data_dir / "profiles").iterdir())
