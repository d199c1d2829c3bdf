"""The audit trail: every authentication event and dossier read is recorded, hash-chained, tamper-evident."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import delete, select, text, update

from server.audit.models import AuditEvent
from server.audit.service import verify
from server.cli import main
from server.context import ServiceContext
from tests.support.service import Flows, bearer


def _events(ctx: ServiceContext) -> list[AuditEvent]:
    with ctx.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def _cli_verify(ctx: ServiceContext) -> int:
    url = ctx.settings.effective_database_url
    return main(["audit", "verify", "--database-url", url, "--data-dir", str(ctx.settings.data_dir)])


def test_auth_events_and_dossier_reads_are_recorded_with_actor_role_device(
    flows: Flows, client: TestClient, ctx: ServiceContext
) -> None:
    person = flows.active_person()
    flows.start_login(person, password="mauvais mot de passe")
    tokens = flows.login(person)
    client.get("/v1/me/dossier", headers=bearer(tokens))
    client.get("/v1/me/care-history", headers=bearer(tokens))
    events = _events(ctx)
    actions = [e.action for e in events]
    for expected in (
        "space.provisioned",
        "space.activated",
        "auth.login.failed",
        "auth.login.password_ok",
        "auth.login.success",
        "dossier.read",
        "care_history.read",
    ):
        assert expected in actions
    read = next(e for e in events if e.action == "dossier.read")
    assert read.actor_role == "patient" and read.dossier_id == person.dossier_id
    assert str(read.device_id) == tokens["device_id"]
    assert verify_ok(ctx)


def verify_ok(ctx: ServiceContext) -> bool:
    with ctx.sessions() as session:
        return verify(session).ok


def test_audit_verify_passes_on_an_intact_chain(flows: Flows, ctx: ServiceContext) -> None:
    flows.login(flows.active_person())
    assert _cli_verify(ctx) == 0


def test_modified_row_is_detected_and_named(flows: Flows, ctx: ServiceContext, capsys) -> None:  # type: ignore[no-untyped-def]
    flows.login(flows.active_person())
    victim = _events(ctx)[2]
    with ctx.sessions() as session:
        session.execute(update(AuditEvent).where(AuditEvent.seq == victim.seq).values(action="dossier.exported"))
        session.commit()
        report = verify(session)
    assert not report.ok and report.first_bad_seq == victim.seq and report.reason == "row modified"
    assert _cli_verify(ctx) != 0
    assert f"n° {victim.seq}" in capsys.readouterr().err


def test_deleted_row_in_the_middle_is_detected(flows: Flows, ctx: ServiceContext) -> None:
    flows.login(flows.active_person())
    victim = _events(ctx)[3]
    with ctx.sessions() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == victim.seq))
        session.commit()
        report = verify(session)
    assert not report.ok and report.first_bad_seq == victim.seq
    assert _cli_verify(ctx) != 0


def test_deleted_last_row_is_detected(flows: Flows, ctx: ServiceContext) -> None:
    flows.login(flows.active_person())
    last = _events(ctx)[-1]
    with ctx.sessions() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == last.seq))
        session.commit()
        report = verify(session)
    assert not report.ok and report.first_bad_seq == last.seq


def test_rewritten_row_with_recomputed_hash_still_breaks_the_chain(flows: Flows, ctx: ServiceContext) -> None:
    """A forger who recomputes the row's own hash (even with the audit key, S40) is caught by the next row's link."""
    from server.audit.checkpoints import secrets_of
    from server.audit.service import row_hash

    flows.login(flows.active_person())
    victim = _events(ctx)[1]
    with ctx.sessions() as session:
        row = session.get(AuditEvent, victim.seq)
        assert row is not None
        row.action = "space.opposed"
        row.row_hash = row_hash(row, secrets_of(session).key)
        session.commit()
        report = verify(session)
    assert not report.ok and report.first_bad_seq == victim.seq + 1


def test_audit_rows_hold_no_health_or_identity_data(flows: Flows, client: TestClient, ctx: ServiceContext) -> None:
    person = flows.active_person()
    client.get("/v1/me/dossier", headers=bearer(flows.login(person)))
    with ctx.sessions() as session:
        dump = " ".join(str(tuple(r)) for r in session.execute(text("SELECT * FROM audit_events")))
    for value in (person.nir, person.email, person.last_name, person.identifier):
        assert value not in dump
