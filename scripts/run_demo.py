"""What `./dev.sh run` starts: a local central service with a demo beneficiary, a demo profile, and the Carnet window.

Everything lives under one demo folder (the user data dir's "Carnet-demo", or --data-dir):
  server/   the central service's SQLite database, document storage and mail outbox (.eml files)
  client/   the desktop profiles (SQLCipher)
The e-mails the service "sends" land in server/outbox; this launcher prints the codes they contain so the activation
and login flows can be tried without a mail server. Demo data only: the demo password and codes are printed on purpose.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import email
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from email import policy
from pathlib import Path

import httpx
import platformdirs

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.demo import DEMO_PASSWORD, ensure_demo_profile  # noqa: E402
from desktop_app.errors import CarnetError  # noqa: E402
from desktop_app.profile import ProfileDirectory  # noqa: E402
from dossier.identifiers import nir_key  # noqa: E402

NIR13 = "2520376123456"
BENEFICIARY = {
    "nir": NIR13 + nir_key(NIR13),
    "carte_vitale_serial": "10203040",
    "last_name": "Lefèvre",
    "first_names": "Zoé",
    "birth_date": "1952-03-14",
    "email": "zoe.lefevre@example.org",
}


# The Poste de soins demo: a nurse, and a patient (already activated by the launcher) who authorised her.
DEMO_PRO = {"rpps": "10000000025", "profession": "infirmier", "last_name": "Leroy", "first_names": "Claire",
            "email": "claire.leroy@example.org"}
NIR13_PATIENT = "1840175050001"
PATIENT = {
    "nir": NIR13_PATIENT + nir_key(NIR13_PATIENT),
    "carte_vitale_serial": "50607080",
    "last_name": "Martin",
    "first_names": "Paul",
    "birth_date": "1984-01-17",
    "email": "paul.martin@example.org",
}
PATIENT_LOGIN = "paul.martin.demo"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("Le service central n'a pas démarré : voir server.log dans le dossier de démo.")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise SystemExit("Le service central ne répond pas.")


def mail_text(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = message.get_body(preferencelist=("plain",))
    return body.get_content() if body is not None else ""


def provision(server_dir: Path) -> str | None:
    """Provision the demo beneficiary (idempotent on NIR) and return the activation code from its mail."""
    return provision_rows(server_dir, [BENEFICIARY], "demo-beneficiary.csv")


def provision_rows(server_dir: Path, rows: list[dict[str, str]], name: str) -> str | None:
    """Provision beneficiaries (idempotent on NIR); the activation code mailed to the last one, if any."""
    csv_path = server_dir / name
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with (server_dir / "server.log").open("ab") as log:
        subprocess.run([sys.executable, "-m", "server.cli", "admin", "provision", str(csv_path),
                        "--data-dir", str(server_dir)], check=True, stdout=log, stderr=log)
    return last_code(server_dir / "outbox", rows[-1]["email"], r"code d'activation \(usage unique\) : (\w{12})")


# Every code a demo mail may carry: one-time codes (6 digits), activation and enrolment codes (12 characters).
CODE_LINE = re.compile(r"^(?P<what>[^\n:]*\bcode\b[^\n:]*?)\s*:\s*(?P<code>[A-Z0-9]{6,12})\s*$", re.I | re.M)


def codes_in(text: str) -> list[tuple[str, str]]:
    """(what the code is for, the code) for every code line of a mail's French part."""
    return [(m.group("what").strip(), m.group("code")) for m in CODE_LINE.finditer(text.split("English:")[0])]


def mail_to(path: Path) -> str:
    return str(email.message_from_bytes(path.read_bytes(), policy=policy.default)["To"] or "")


# Demo professionals, enrolled, so that « Chercher par nom » finds someone (rpps, profession, names, town).
DEMO_PROFESSIONALS = (
    ("10000000017", "medecin_generaliste", "Durand", "Anne", "Lyon"),
    ("10000000041", "medecin_specialiste", "Bernard", "Louis", "Lyon"),
    ("10000000033", "infirmier", "Moreau", "Julie", "Villeurbanne"),
)
DEMO_PRO_PASSWORD = "tilleul orange piano montagne 84"  # noqa: S105 (demo only, printed on purpose)


def demo_professionals(server_dir: Path, url: str) -> None:
    """Register the demo professionals (idempotent on RPPS) and enrol the new ones with their mailed code."""
    for rpps, profession, last_name, first_names, town in DEMO_PROFESSIONALS:
        address = f"{first_names.lower()}.{last_name.lower()}@cabinet.example.org"
        with (server_dir / "server.log").open("ab") as log:
            added = subprocess.run(
                [sys.executable, "-m", "server.cli", "admin", "professional", "add", "--rpps", rpps,
                 "--profession", profession, "--last-name", last_name, "--first-names", first_names,
                 "--email", address, "--town", town, "--data-dir", str(server_dir)],
                check=True, stdout=subprocess.PIPE, stderr=log,
            )
        if '"created": true' not in added.stdout.decode():
            continue
        code = last_code(server_dir / "outbox", address, r"enrôlement \(usage unique\) : (\w{12})")
        if code:
            body = {"rpps": rpps, "enrolment_code": code, "password": DEMO_PRO_PASSWORD}
            httpx.post(f"{url}/v1/pro/enrolment", json=body, timeout=30)


def watch_outbox(outbox: Path, stop: threading.Event) -> None:
    """Print every code of new mails (one-time, activation, enrolment), as a person would read them."""
    seen = set(outbox.glob("*.eml"))
    while not stop.wait(0.5):
        for mail in sorted(set(outbox.glob("*.eml")) - seen):
            seen.add(mail)
            for what, code in codes_in(mail_text(mail)):
                print(f"\n📧  E-mail reçu pour {mail_to(mail)} — {what} : {code}\n", flush=True)


def last_code(outbox: Path, address: str, pattern: str) -> str | None:
    """The newest code matching `pattern` in the mails to `address` (the demo reads the outbox as its mailbox)."""
    for mail in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
        if mail_to(mail) == address:
            found = re.search(pattern, mail_text(mail))
            if found:
                return found.group(1)
    return None


DEMO_LOGIN = "zoe.lefevre"
ONE_TIME_CODE = r"usage unique pour [^:]+: (\d{6})"


def service_port(server_dir: Path) -> int:
    """The same port as the last run when it is free: the demo carnet is linked to the service at that address."""
    saved = server_dir / "port"
    if saved.exists():
        port = int(saved.read_text().strip() or 0)
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the service binds it
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                pass
    port = free_port()
    saved.write_text(str(port))
    return port


def link_demo_carnet(url: str, server_dir: Path, directory: ProfileDirectory, profile_id: str, code: str | None) -> str:
    """The demo carnet tied to Zoé's account on the local service, through the engine's own activation (first run)
    or sign-in, and its linking of a carnet already on this computer — then one sync, so her entries are on the
    service and every door of the window works as shipped. Returns what was done, in words."""
    from desktop_app import account
    from desktop_app.account.link import LocalChoice, carnet_of_account
    from desktop_app.sync.engine import SyncEngine

    if carnet_of_account(directory, url, DEMO_LOGIN) is not None:
        return "déjà relié"
    outbox = server_dir / "outbox"
    choice = LocalChoice(link_profile_id=profile_id, local_password=DEMO_PASSWORD)
    activation = None
    if code:
        proof = (code, BENEFICIARY["nir"], BENEFICIARY["carte_vitale_serial"])
        with contextlib.suppress(CarnetError):  # the code of an earlier run: the account exists, sign in instead
            activation = account.start_activation(url, *proof, DEMO_LOGIN, DEMO_PASSWORD)
    if activation is not None:
        otp = last_code(outbox, BENEFICIARY["email"], ONE_TIME_CODE) or ""
        profile, _ = account.confirm_activation(
            activation, otp, directory=directory, device_name="Démo (lanceur)", choice=choice
        )
    else:
        login = account.start_login(url, DEMO_LOGIN, DEMO_PASSWORD, directory=directory)
        otp = last_code(outbox, BENEFICIARY["email"], ONE_TIME_CODE) or ""
        profile, _ = account.confirm_login(login, otp, directory=directory, device_name="Démo (lanceur)", choice=choice)
    try:
        engine = SyncEngine(profile)
        try:
            engine.sync_once()
        finally:
            engine.http.close()
    finally:
        profile.lock()
    return "relié"


def provision_clinic_demo(url: str, server_dir: Path) -> bool:
    """The Poste de soins demo: a nurse enrolled with the demo password, and a patient who authorised her.

    Through the service's own routes, as the people would (the codes read from the outbox); idempotent."""
    outbox = server_dir / "outbox"
    with (server_dir / "server.log").open("ab") as log:
        subprocess.run([sys.executable, "-m", "server.cli", "admin", "professional", "add", "--data-dir",
                        str(server_dir), "--rpps", DEMO_PRO["rpps"], "--profession", DEMO_PRO["profession"],
                        "--last-name", DEMO_PRO["last_name"], "--first-names", DEMO_PRO["first_names"],
                        "--email", DEMO_PRO["email"]], check=True, stdout=log, stderr=log)
    api = httpx.Client(base_url=url, timeout=30)
    try:
        enrolment = last_code(outbox, DEMO_PRO["email"], r"enrôlement \(usage unique\) : (\w{12})")
        if enrolment:  # 400 once enrolled (the code is single-use): nothing to do again
            api.post("/v1/pro/enrolment", json={"rpps": DEMO_PRO["rpps"], "enrolment_code": enrolment,
                                                "password": DEMO_PASSWORD})
        activation = provision_rows(server_dir, [PATIENT], "demo-patient.csv")
        if activation:
            proof = {"activation_code": activation, "nir": PATIENT["nir"],
                     "carte_vitale_serial": PATIENT["carte_vitale_serial"]}
            started = api.post("/v1/activation", json={**proof, "identifier": PATIENT_LOGIN,
                                                       "password": DEMO_PASSWORD})
            if started.status_code == 202:
                otp = last_code(outbox, PATIENT["email"], r"usage unique pour [^:]+: (\d{6})")
                api.post("/v1/activation/confirm", json={"activation_id": started.json()["activation_id"],
                                                         "code": otp})
        login = api.post("/v1/auth/login", json={"identifier": PATIENT_LOGIN, "password": DEMO_PASSWORD})
        if login.status_code != 202:
            return False
        otp = last_code(outbox, PATIENT["email"], r"usage unique pour [^:]+: (\d{6})")
        tokens = api.post("/v1/auth/verify", json={"challenge_id": login.json()["challenge_id"], "code": otp,
                                                   "device_name": "Démo (lanceur)"}).json()
        granted = api.put(f"/v1/me/access/professionals/{DEMO_PRO['rpps']}/authorisation", json={},
                          headers={"Authorization": f"Bearer {tokens['access_token']}"})
        return granted.status_code == 200
    finally:
        api.close()


# The « Séance accompagnée » demo: the manager of a France Services office (registers the office's other helpers).
DEMO_HELPER = {"email": "ines.garnier@france-services.example.org", "organisation": "France Services de démonstration",
               "last_name": "Garnier", "first_names": "Inès"}


def provision_helper_demo(url: str, server_dir: Path) -> None:
    """The assisted session's demo helper, a manager, enrolled with the demo password (idempotent)."""
    with (server_dir / "server.log").open("ab") as log:
        subprocess.run([sys.executable, "-m", "server.cli", "admin", "helper", "add", "--data-dir", str(server_dir),
                        "--organisation", DEMO_HELPER["organisation"], "--email", DEMO_HELPER["email"],
                        "--last-name", DEMO_HELPER["last_name"], "--first-names", DEMO_HELPER["first_names"],
                        "--manager"], check=True, stdout=log, stderr=log)
    enrolment = last_code(server_dir / "outbox", DEMO_HELPER["email"], r"enrôlement \(usage unique\) : (\w{12})")
    if enrolment:  # refused once enrolled (the code is single-use): nothing to do again
        with httpx.Client(base_url=url, timeout=30) as api:
            api.post("/v1/helpers/enrolment", json={"email": DEMO_HELPER["email"], "enrolment_code": enrolment,
                                                    "password": DEMO_PASSWORD})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_demo", description="Carnet avec un service central local de démo.")
    parser.add_argument("--data-dir", type=Path, default=Path(platformdirs.user_data_dir("Carnet-demo", False)))
    parser.add_argument("--no-gui", action="store_true", help="démarrer le service et préparer la démo seulement")
    args, gui_args = parser.parse_known_args(argv)
    # A terminated launcher still stops its service (the finally below runs on SystemExit, not on a bare SIGTERM).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server_dir, client_dir = args.data_dir / "server", args.data_dir / "client"
    server_dir.mkdir(parents=True, exist_ok=True)
    port = service_port(server_dir)
    url = f"http://127.0.0.1:{port}"
    log = (server_dir / "server.log").open("ab")  # the service's own log, kept out of the person's terminal
    server = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--data-dir", str(server_dir),
                               "--port", str(port)], stdout=log, stderr=log)
    stop = threading.Event()
    try:
        wait_healthy(url, server)
        code = provision(server_dir)
        demo_professionals(server_dir, url)
        directory = ProfileDirectory(client_dir)
        profile, _ = ensure_demo_profile(directory)
        label, profile_id = profile.label, profile.profile_id
        profile.lock()
        print("Carnet — démonstration locale")
        print(f"  Service central : {url} (données : {server_dir})")
        print(f"  « Ouvrir mon carnet » : {label}, mot de passe : {DEMO_PASSWORD}")
        try:
            done = link_demo_carnet(url, server_dir, directory, profile_id, code)
            print(f"      {done} au compte « {DEMO_LOGIN} » du service local (même mot de passe) : "
                  "synchronisation, accès, notifications et espace fonctionnent depuis la fenêtre.")
        except CarnetError as exc:
            print(f"      non relié au service local : {exc}", file=sys.stderr)
        names = ", ".join(f"{first} {last} ({town})" for _r, _p, last, first, town in DEMO_PROFESSIONALS)
        print(f"  Professionnels à chercher par nom : {names}")
        if provision_clinic_demo(url, server_dir):
            print("  « Poste de soins » : RPPS " + DEMO_PRO["rpps"] + " (Claire LEROY, infirmière), "
                  f"mot de passe : {DEMO_PASSWORD}, puis le code reçu par e-mail (affiché ici) ;")
            print("      son patient qui l'a autorisée : MARTIN Paul, né le 17/01/1984 (recherchez « Martin »).")
        provision_helper_demo(url, server_dir)
        print(f"  « Séance accompagnée » : l'aidante {DEMO_HELPER['email']}, mot de passe : {DEMO_PASSWORD}, "
              "puis le code reçu par e-mail ;")
        print("      responsable de sa structure, elle y inscrit et retire ses aidants.")
        print("  Les codes envoyés par e-mail s'afficheront ici.", flush=True)
        threading.Thread(target=watch_outbox, args=(server_dir / "outbox", stop), daemon=True).start()
        if args.no_gui:
            return 0
        env = {**os.environ, "CARNET_SERVER_URL": url}
        return subprocess.call([sys.executable, "-m", "ui.main", "--data-dir", str(client_dir),
                                "--server", url, *gui_args], env=env)
    finally:
        stop.set()
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
        log.close()


if __name__ == "__main__":
    raise SystemExit(main())
