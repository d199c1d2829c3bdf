"""`./dev.sh run` prepares the Poste de soins too: a demo nurse, enrolled, whom the demo patient authorised; and the
« Séance accompagnée »: a helper who manages her office's helpers. The launcher prints how to sign in and echoes
every code of the outbox (one-time, activation, enrolment)."""

from __future__ import annotations

import email
import importlib.util
import re
import subprocess
import sys
from email import policy
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("run_demo", ROOT / "scripts" / "run_demo.py")
assert SPEC is not None and SPEC.loader is not None
run_demo = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(run_demo)


def test_every_code_of_a_mail_is_echoed_not_only_six_digit_ones() -> None:
    enrolment = (
        "Bonjour Madame, Monsieur,\n\nCode d'enrôlement (usage unique) : EEY5V5YJA3UF\nEnglish: code EEY5V5YJA3UF"
    )
    assert run_demo.codes_in(enrolment) == [("Code d'enrôlement (usage unique)", "EEY5V5YJA3UF")]
    otp = "Votre code à usage unique pour vous connecter : 288524\n"
    assert run_demo.codes_in(otp) == [("Votre code à usage unique pour vous connecter", "288524")]
    assert run_demo.codes_in("Bonjour,\n\nUn professionnel a consulté votre espace.") == []


def test_the_demo_nurse_signs_in_and_finds_the_patient_who_authorised_her(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_demo.py"), "--data-dir", str(tmp_path), "--no-gui"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    shown = re.search(
        r"« Poste de soins » : RPPS (\d{11}) \(Claire LEROY, infirmière\), mot de passe : ([^,]+),", result.stdout
    )
    assert shown, result.stdout
    rpps, password = shown.groups()

    # The service is gone with the launcher: serve the same data again and sign in as the printed lines say.
    port = run_demo.free_port()
    server_dir = tmp_path / "server"
    with (server_dir / "server.log").open("ab") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--data-dir", str(server_dir), "--port", str(port)],
            stdout=log,
            stderr=log,
            cwd=ROOT,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        run_demo.wait_healthy(url, server)
        with httpx.Client(base_url=url, timeout=30) as api:
            started = api.post("/v1/pro/auth/login", json={"rpps": rpps, "password": password})
            assert started.status_code == 202, started.text
            newest = max((server_dir / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime)
            message = email.message_from_bytes(newest.read_bytes(), policy=policy.default)
            assert message["To"] == "claire.leroy@example.org"
            [(_, code)] = run_demo.codes_in(run_demo.mail_text(newest))
            body = {"challenge_id": started.json()["challenge_id"], "code": code, "device_name": "test"}
            tokens = api.post("/v1/pro/auth/verify", json=body).json()
            found = api.get(
                "/v1/pro/dossiers?name=Martin", headers={"Authorization": f"Bearer {tokens['access_token']}"}
            ).json()
            assert [(p["last_name"], p["first_names"]) for p in found] == [("Martin", "Paul")]
            # « Séance accompagnée »: the printed helper signs in with her own second factor, as her office's manager.
            helper = re.search(r"« Séance accompagnée » : l'aidante (\S+), mot de passe : ([^,]+),", result.stdout)
            assert helper, result.stdout
            address, helper_password = helper.groups()
            started = api.post("/v1/helpers/auth/login", json={"email": address, "password": helper_password})
            assert started.status_code == 202, started.text
            newest = max((server_dir / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime)
            [(_, code)] = run_demo.codes_in(run_demo.mail_text(newest))
            body = {"challenge_id": started.json()["challenge_id"], "code": code, "device_name": "test"}
            tokens = api.post("/v1/helpers/auth/verify", json=body).json()
            me = api.get("/v1/helpers/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}).json()
            assert me["manager"] and me["organisation"] == "France Services de démonstration"
    finally:
        server.terminate()
        server.wait(timeout=10)
