"""Running the service: health, OpenAPI, problem+json errors, limits, migrations, the real `serve` command."""

from __future__ import annotations

import email
import email.policy
import logging
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool

from server.app import UnmigratedDatabaseError, create_app
from server.cli import main
from server.config import Settings, SmtpSettings
from server.context import ServiceContext
from server.db import migrate
from server.dossiers.models import Dossier
from server.models import Base
from server.partitioning import include_object
from server.sync import service as sync_service
from tests.support.hardening import serve_process
from tests.support.service import FAST_ARGON2, PASSWORD, Flows, free_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_health_openapi_and_server_time_header(dev_client: TestClient) -> None:
    client = dev_client  # OpenAPI is served with --dev only (S44)
    r = client.get("/health")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    stamp = datetime.fromisoformat(r.headers["Server-Time"])
    assert stamp.utcoffset() is not None and stamp.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    spec = client.get("/openapi.json").json()
    assert "/v1/auth/login" in spec["paths"] and "Problem" in spec["components"]["schemas"]
    login = spec["paths"]["/v1/auth/login"]["post"]["responses"]
    assert "application/problem+json" in login["default"]["content"]


def test_server_time_follows_the_injected_clock(client: TestClient, clock) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/nowhere").headers["Server-Time"].startswith(clock.now().date().isoformat())


def test_unknown_route_and_method_are_problems(client: TestClient) -> None:
    r = client.get("/v1/nowhere")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "not_found" and r.json()["detail"]
    assert client.put("/health").json()["code"] == "method_not_allowed"


def test_malformed_json_is_a_400_problem(client: TestClient) -> None:
    r = client.post("/v1/auth/login", content=b'{"identifier": "zoe', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["code"] == "malformed_json"


def test_invalid_fields_are_a_422_problem_naming_them(client: TestClient) -> None:
    r = client.post("/v1/auth/verify", json={"challenge_id": "not-a-uuid", "code": "12", "device_name": ""})
    assert r.status_code == 422
    fields = {i["field"] for i in r.json()["issues"]}
    assert {"challenge_id", "code", "device_name"} <= fields
    assert client.get("/v1/me/care-history?limit=100000000000000000000").status_code in (401, 422)


def test_oversize_body_is_refused_before_reaching_the_database(client: TestClient, ctx: ServiceContext) -> None:
    big = b'{"identifier": "' + b"a" * (70 * 1024) + b'", "password": "x"}'
    r = client.post("/v1/auth/login", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        yield b'{"identifier": "'
        for _ in range(80):
            yield b"a" * 1024
        yield b'", "password": "x"}'

    r = client.post("/v1/auth/login", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_a_sync_push_may_be_larger_than_other_bodies_up_to_its_own_limit(
    client: TestClient, settings: Settings
) -> None:
    """Issue 16: a push batch fills up to `max_push_bytes`; past it a 413, as anywhere."""
    assert settings.max_body_bytes < 200 * 1024 < settings.max_push_bytes
    headers = {"Content-Type": "application/json", sync_service.PROTOCOL_HEADER: str(sync_service.PROTOCOL_MAX)}
    within = b'{"mutations": [' + b",".join([b'{"note": "' + b"a" * 1000 + b'"}'] * 200) + b"]}"
    assert settings.max_body_bytes < len(within) < settings.max_push_bytes
    r = client.post("/v1/sync/push", content=within, headers=headers)
    assert r.status_code == 401  # reached the route, which wants a token; not refused for its size
    assert client.post("/v1/auth/login", content=within, headers=headers).status_code == 413
    beyond = b'{"mutations": ["' + b"a" * settings.max_push_bytes + b'"]}'
    r = client.post("/v1/sync/push", content=beyond, headers=headers)
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"
    r = client.post("/v1/sync/push", content=iter([beyond[:1000], beyond[1000:]]), headers=headers)  # streamed
    assert r.status_code == 413


def test_unexpected_error_is_a_bare_500_problem_and_the_log_holds_no_details(
    settings: Settings, ctx: ServiceContext, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings, context=ctx)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("Zoé Martin, diabète de type 2")

    with TestClient(app) as c:
        r = c.get("/boom")
    assert r.status_code == 500 and r.json()["code"] == "internal_error"
    assert "diabète" not in r.text and "Traceback" not in r.text
    assert "Server-Time" in r.headers
    assert "diabète" not in caplog.text and "RuntimeError" in caplog.text


def test_unreachable_smtp_is_a_503_and_nothing_is_half_done(
    settings: Settings, ctx: ServiceContext, flows: Flows
) -> None:
    person = flows.provision()
    settings_down = Settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        clock=settings.clock,
        argon2=FAST_ARGON2,
        smtp=SmtpSettings(host="127.0.0.1", port=free_port(), timeout_s=2),
    )
    down = ServiceContext.build(settings_down, pool_size=2)
    try:
        with TestClient(create_app(settings_down, context=down)) as c:
            r = c.post("/v1/activation", json={**person.proof(), "identifier": "zoe.smtp", "password": PASSWORD})
        assert r.status_code == 503 and r.json()["code"] == "mail_unavailable" and r.headers["Retry-After"]
    finally:
        down.close()
    flows.activate(person, identifier="zoe.smtp")  # nothing was kept from the failed attempt


def test_migrations_match_the_models(db_url: str) -> None:
    engine = create_engine(db_url, poolclass=NullPool)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}), Base.metadata
        )
    engine.dispose()
    assert diff == []


def test_unmigrated_database_is_refused_by_the_app_and_by_serve(tmp_path: Path) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "carnet-server.sqlite3").write_bytes(b"")  # exists, but has no schema
    settings = Settings(data_dir=data, argon2=FAST_ARGON2)
    with pytest.raises(UnmigratedDatabaseError), TestClient(create_app(settings)):
        pass
    proc = subprocess.run(
        [sys.executable, "-m", "server.cli", "serve", "--data-dir", str(data), "--port", str(free_port())],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0
    assert "carnet-server migrate" in proc.stderr and "pas à jour" in proc.stderr
    assert main(["migrate", "--data-dir", str(data)]) == 0
    with TestClient(create_app(settings)) as c:
        assert c.get("/health").status_code == 200


def test_older_revision_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, "base")
    with pytest.raises(UnmigratedDatabaseError), TestClient(create_app(Settings(data_dir=tmp_path, database_url=url))):
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`carnet-server serve` as a real subprocess with zero configuration, on a free loopback port."""
    data = tmp_path / "fresh"  # does not exist yet: serve creates it
    with serve_process(data) as base:
        yield base, data


def test_serve_subprocess_zero_config_full_journey_over_loopback(served: tuple[str, Path], tmp_path: Path) -> None:
    """Real process, real loopback HTTP, default .eml outbox, admin CLI on the same data directory."""
    base, data = served
    assert (data / "carnet-server.sqlite3").exists()
    from tests.support.service import make_nir

    nir = make_nir(4242)
    csv_path = tmp_path / "b.csv"
    csv_path.write_text(
        "nir,carte_vitale_serial,last_name,first_names,birth_date,email,phone\n"
        f"{nir},11223344,Lefèvre,Zoé,1984-01-01,zoe.l@example.org,\n",
        encoding="utf-8",
    )
    assert main(["admin", "provision", str(csv_path), "--data-dir", str(data)]) == 0
    assert main(["admin", "provision", str(csv_path), "--data-dir", str(data)]) == 0  # idempotent

    def outbox_bodies() -> list[str]:
        bodies = []
        for path in sorted((data / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns):
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            part = msg.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
            bodies.append(str(part.get_content()))
        return bodies

    assert len(outbox_bodies()) == 1
    import re

    code = re.search(r"\(usage unique\) : ([A-Z0-9]{12})", outbox_bodies()[0])
    assert code and "Zoé" in outbox_bodies()[0]
    with httpx.Client(base_url=base, timeout=10) as c:
        r = c.post(
            "/v1/activation",
            json={
                "activation_code": code.group(1),
                "nir": nir,
                "carte_vitale_serial": "11223344",
                "identifier": "zoe.lefevre",
                "password": PASSWORD,
            },
        )
        assert r.status_code == 202, r.text
        otp = re.search(r": (\d{6})\n", outbox_bodies()[-1])
        assert otp
        r = c.post("/v1/activation/confirm", json={"activation_id": r.json()["activation_id"], "code": otp.group(1)})
        assert r.status_code == 200
        assert "Server-Time" in r.headers
    assert main(["audit", "verify", "--data-dir", str(data)]) == 0


def test_cli_refuses_bad_provisioning_file_and_imports_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "d"
    assert main(["migrate", "--data-dir", str(data)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("nir,carte_vitale_serial,last_name,first_names,birth_date,email\nabc,1,,,x,y\n", encoding="utf-8")
    assert main(["admin", "provision", str(bad), "--data-dir", str(data)]) != 0
    assert "ligne/line 2" in capsys.readouterr().err
    engine = create_engine(f"sqlite:///{data / 'carnet-server.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Dossier)).scalar() == 0
    engine.dispose()
    assert not (data / "outbox").exists()


def test_cli_jobs_and_professional_add(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "d"
    assert main(["admin", "jobs", "run", "--data-dir", str(data)]) == 0
    assert '"spaces_created": 0' in capsys.readouterr().out
    args = [
        "admin",
        "professional",
        "add",
        "--data-dir",
        str(data),
        "--rpps",
        "10000000009",
        "--profession",
        "Infirmier",
        "--last-name",
        "Roux",
        "--first-names",
        "Paul",
        "--email",
        "paul@example.org",
    ]
    assert main(args) == 0
    assert '"created": true' in capsys.readouterr().out
    assert main(args) == 0 and '"created": false' in capsys.readouterr().out
    bad = [*args[:-6], "--rpps", "12345678901", *args[-6:]]
    bad = [
        "admin",
        "professional",
        "add",
        "--data-dir",
        str(data),
        "--rpps",
        "12345678901",
        "--profession",
        "Infirmier",
        "--last-name",
        "Roux",
        "--first-names",
        "Paul",
        "--email",
        "paul@example.org",
    ]
    assert main(bad) != 0
    assert "RPPS" in capsys.readouterr().err
    assert len(list((data / "outbox").glob("*.eml"))) == 1


def test_logs_mask_mail_addresses(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from server.mail.service import OutboxMailer, OutgoingMail

    caplog.set_level(logging.INFO)
    OutboxMailer(tmp_path, sender="x@carnet.localhost").send(OutgoingMail("zoe@example.org", "s", "code 123456"))
    assert "z***@example.org" in caplog.text and "zoe@example.org" not in caplog.text
    assert "123456" not in caplog.text
