"""Issue 15, finding 5 (service side): no file of the service is readable by another local user (S45).

A real `carnet-server serve` process, a real journey over loopback HTTP (activation, sign-in by the outbox's codes,
a document pushed and uploaded), the admin CLI on the same data directory; then every directory is 0700 and every
file 0600: database and WAL, blobs, uploads, outbox e-mails (one-time codes), the audit key and its checkpoints.
"""

from __future__ import annotations

import email
import email.policy
import re
import stat
import uuid
from pathlib import Path

import httpx

from server.cli import main
from tests.support.hardening import serve_process, upload_document
from tests.support.service import PASSWORD, make_nir


def _last_outbox_body(outbox: Path) -> str:
    path = max(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
    assert part is not None
    return str(part.get_content())


def _journey(base: str, data: Path, tmp_path: Path) -> None:
    nir = make_nir(4343)
    beneficiaries = tmp_path / "b.csv"
    beneficiaries.write_text(
        "nir,carte_vitale_serial,last_name,first_names,birth_date,email,phone\n"
        f"{nir},11223355,Lefèvre,Zoé,1984-01-01,zoe.f@example.org,\n",
        encoding="utf-8",
    )
    assert main(["admin", "provision", str(beneficiaries), "--data-dir", str(data)]) == 0
    code = re.search(r"\(usage unique\) : ([A-Z0-9]{12})", _last_outbox_body(data / "outbox"))
    assert code
    proof = {"activation_code": code.group(1), "nir": nir, "carte_vitale_serial": "11223355"}
    with httpx.Client(base_url=base, timeout=30) as http:
        r = http.post("/v1/activation", json={**proof, "identifier": "zoe.files", "password": PASSWORD})
        assert r.status_code == 202, r.text
        otp = re.search(r": (\d{6})\n", _last_outbox_body(data / "outbox"))
        assert otp
        r = http.post(
            "/v1/activation/confirm",
            json={"activation_id": r.json()["activation_id"], "code": otp.group(1), "device_id": str(uuid.uuid4()),
                  "device_name": "PC"},
        )  # fmt: skip
        assert r.status_code == 200, r.text
        dossier_id = uuid.UUID(r.json()["dossier_id"])
        headers = {"Authorization": f"Bearer {r.json()['tokens']['access_token']}"}
        upload_document(http, headers, dossier_id, b"%PDF-1.4 compte rendu d'hospitalisation")


def test_serve_keeps_every_file_to_itself(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    with serve_process(data) as base:
        _journey(base, data, tmp_path)
        seen = {p.relative_to(data).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in [data, *data.rglob("*")]}
    assert any(name.startswith("blobs/") and not Path(name).suffix for name in seen if name.count("/") == 2)
    for expected in ("carnet-server.sqlite3", "carnet-server.sqlite3-wal", "audit.key", "audit-checkpoints", "outbox"):
        assert expected in seen, sorted(seen)
    assert len(list((data / "outbox").glob("*.eml"))) >= 2
    loose = {
        name: oct(mode)
        for name, mode in seen.items()
        if mode != (0o700 if (data / name).is_dir() or name == "." else 0o600)
    }
    assert loose == {}
