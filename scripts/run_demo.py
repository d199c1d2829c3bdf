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
    csv_path = server_dir / "demo-beneficiary.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(BENEFICIARY))
        writer.writeheader()
        writer.writerow(BENEFICIARY)
    with (server_dir / "server.log").open("ab") as log:
        subprocess.run([sys.executable, "-m", "server.cli", "admin", "provision", str(csv_path),
                        "--data-dir", str(server_dir)], check=True, stdout=log, stderr=log)
    codes = []
    for mail in sorted((server_dir / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime):
        found = re.search(r"code d'activation \(usage unique\) : (\w{12})", mail_text(mail))
        if found:
            codes.append(found.group(1))
    return codes[-1] if codes else None


# Demo professionals, enrolled, so that « Chercher par nom » finds someone (rpps, profession, names, town).
DEMO_PROFESSIONALS = (
    ("10000000017", "medecin_generaliste", "Durand", "Anne", "Lyon"),
    ("10000000025", "medecin_specialiste", "Bernard", "Louis", "Lyon"),
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
        mails = sorted((server_dir / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime)
        found = re.search(r"enrôlement \(usage unique\) : (\w{12})", mail_text(mails[-1])) if mails else None
        if found:
            body = {"rpps": rpps, "enrolment_code": found.group(1), "password": DEMO_PRO_PASSWORD}
            httpx.post(f"{url}/v1/pro/enrolment", json=body, timeout=30)


def watch_outbox(outbox: Path, stop: threading.Event) -> None:
    """Print the one-time codes of new mails, as a person would read them in their mailbox."""
    seen = set(outbox.glob("*.eml"))
    while not stop.wait(0.5):
        for mail in sorted(set(outbox.glob("*.eml")) - seen):
            seen.add(mail)
            found = re.search(r"code à usage unique pour ([^:]+) : (\d{6})", mail_text(mail))
            if found:
                print(f"\n📧  E-mail reçu — code pour {found.group(1).strip()} : {found.group(2)}\n", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_demo", description="Carnet avec un service central local de démo.")
    parser.add_argument("--data-dir", type=Path, default=Path(platformdirs.user_data_dir("Carnet-demo", False)))
    parser.add_argument("--no-gui", action="store_true", help="démarrer le service et préparer la démo seulement")
    args, gui_args = parser.parse_known_args(argv)
    # A terminated launcher still stops its service (the finally below runs on SystemExit, not on a bare SIGTERM).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server_dir, client_dir = args.data_dir / "server", args.data_dir / "client"
    server_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (server_dir / "server.log").open("ab")  # the service's own log, kept out of the person's terminal
    server = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--data-dir", str(server_dir),
                               "--port", str(port)], stdout=log, stderr=log)
    stop = threading.Event()
    try:
        wait_healthy(url, server)
        code = provision(server_dir)
        demo_professionals(server_dir, url)
        profile, _ = ensure_demo_profile(ProfileDirectory(client_dir))
        label = profile.label
        profile.lock()
        print("Carnet — démonstration locale")
        print(f"  Service central : {url} (données : {server_dir})")
        print(f"  « Ouvrir mon carnet » : {label}, mot de passe : {DEMO_PASSWORD}")
        if code:
            print("  « J'ai reçu mon code d'activation » :")
            serial = BENEFICIARY["carte_vitale_serial"]
            print(f"      code {code} · NIR {BENEFICIARY['nir']} · carte Vitale n° {serial}")
        else:
            print("  Le bénéficiaire de démonstration est déjà activé : utilisez « J'ai déjà un compte ».")
        names = ", ".join(f"{first} {last} ({town})" for _r, _p, last, first, town in DEMO_PROFESSIONALS)
        print(f"  Professionnels à chercher par nom : {names}")
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
