"""Life cycle of a space: provisioning, opposition (6 weeks), activation, closure, reactivation, deletion."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from server.admin.service import run_jobs
from server.clock import ManualClock
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from tests.support.service import PASSWORD, Flows, Mailbox, bearer


def _status(ctx: ServiceContext, nir: str) -> SpaceStatus | None:
    with ctx.sessions() as session:
        return session.scalars(select(Dossier.status).where(Dossier.nir == nir)).first()


def test_provisioning_mails_a_single_use_code_and_is_idempotent_on_nir(flows: Flows, mailbox: Mailbox) -> None:
    person = flows.provision()
    body = mailbox.last_body(person.email)
    assert person.activation_code in body
    assert "opposer" in body and "English" in body
    assert len(person.activation_code) == 12
    # Provisioning the same NIR again creates nothing and sends nothing.
    from server.dossiers.service import Beneficiary, provision

    with flows.ctx.sessions() as session:
        again = Beneficiary(
            person.nir, person.serial, "Martin", "Zoé", __import__("datetime").date(1984, 1, 1), person.email
        )
        report = provision(session, flows.ctx, [again])
        session.commit()
    assert (report.created, report.unchanged) == (0, 1)
    assert len(mailbox.to(person.email)) == 1


def test_opposition_within_six_weeks_prevents_creation(flows: Flows, client: TestClient, clock: ManualClock) -> None:
    person = flows.provision()
    clock.advance(timedelta(weeks=5))
    r = client.post("/v1/spaces/opposition", json=person.proof())
    assert r.status_code == 200 and r.json()["status"] == "opposed"
    clock.advance(timedelta(weeks=2))
    with flows.ctx.sessions() as session:
        run_jobs(session, flows.ctx)
        session.commit()
    assert _status(flows.ctx, person.nir) == SpaceStatus.OPPOSED
    # The person changes their mind: activation still works with the same code.
    flows.activate(person)
    assert _status(flows.ctx, person.nir) == SpaceStatus.ACTIVE


def test_opposition_after_six_weeks_is_refused_and_the_jobs_created_the_space(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    person = flows.provision()
    clock.advance(timedelta(weeks=6, seconds=1))
    with flows.ctx.sessions() as session:
        assert run_jobs(session, flows.ctx).spaces_created == 1
        session.commit()
    r = client.post("/v1/spaces/opposition", json=person.proof())
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "opposition_window_closed"
    assert _status(flows.ctx, person.nir) == SpaceStatus.CREATED


def test_wrong_carte_vitale_serial_is_refused_without_saying_which_proof_failed(
    flows: Flows, client: TestClient
) -> None:
    person = flows.provision()
    r = client.post("/v1/spaces/opposition", json=person.proof(carte_vitale_serial="99999999"))
    assert r.status_code == 400 and r.json()["code"] == "activation_refused"
    r2 = client.post(
        "/v1/activation",
        json={**person.proof(carte_vitale_serial="99999999"), "identifier": "zoe.martin", "password": PASSWORD},
    )
    assert r2.status_code == 400 and r2.json()["code"] == "activation_refused"
    assert _status(flows.ctx, person.nir) == SpaceStatus.PENDING


def test_activation_refuses_weak_password_and_nir_as_identifier_with_field_issues(
    flows: Flows, client: TestClient
) -> None:
    person = flows.provision()
    r = client.post("/v1/activation", json={**person.proof(), "identifier": "zoe.martin", "password": "azerty123"})
    assert r.status_code == 422
    problem = r.json()
    assert problem["code"] == "validation_failed"
    assert any(i["field"] == "password" for i in problem["issues"])
    assert problem["detail"]  # French sentence for the person
    r = client.post("/v1/activation", json={**person.proof(), "identifier": person.nir, "password": PASSWORD})
    assert r.status_code == 422
    assert any(i["field"] == "identifier" for i in r.json()["issues"])
    assert _status(flows.ctx, person.nir) == SpaceStatus.PENDING  # nothing lost: can still activate
    flows.activate(person)


def test_activation_code_is_single_use(flows: Flows, client: TestClient) -> None:
    person = flows.active_person()
    r = client.post("/v1/activation", json={**person.proof(), "identifier": "autre.identifiant", "password": PASSWORD})
    assert r.status_code == 400 and r.json()["code"] == "activation_refused"


def test_email_confirmation_code_expires_after_ten_minutes(
    flows: Flows, client: TestClient, mailbox: Mailbox, clock: ManualClock
) -> None:
    person = flows.provision()
    r = client.post("/v1/activation", json={**person.proof(), "identifier": "zoe.expire", "password": PASSWORD})
    code = mailbox.last_otp(person.email)
    clock.advance(timedelta(minutes=10, seconds=1))
    r = client.post("/v1/activation/confirm", json={"activation_id": r.json()["activation_id"], "code": code})
    assert r.status_code == 400 and r.json()["code"] == "code_expired"
    assert _status(flows.ctx, person.nir) == SpaceStatus.PENDING
    flows.activate(person)  # starting again works


def test_closure_archives_reactivation_restores_and_deletion_is_executed_by_jobs(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    person = flows.active_person()
    headers = bearer(flows.login(person))
    assert client.post("/v1/me/closure", json={"password": "wrong"}, headers=headers).status_code == 401
    r = client.post("/v1/me/closure", json={"password": PASSWORD}, headers=headers)
    assert r.status_code == 200 and r.json()["status"] == "closed"
    assert client.get("/v1/me/dossier", headers=headers).json()["code"] == "space_not_active"
    assert client.post("/v1/me/reactivation", headers=headers).json()["status"] == "active"
    assert client.get("/v1/me/dossier", headers=headers).status_code == 200
    assert client.post("/v1/me/deletion-request", json={"password": PASSWORD}, headers=headers).status_code == 200
    with flows.ctx.sessions() as session:
        assert run_jobs(session, flows.ctx).deletions_executed == 1
        session.commit()
    assert _status(flows.ctx, person.nir) is None
    assert client.get("/v1/me", headers=headers).status_code == 401


def test_closed_space_is_deleted_after_ten_years_not_before(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    person = flows.active_person()
    headers = bearer(flows.login(person))
    client.post("/v1/me/closure", json={"password": PASSWORD}, headers=headers)
    clock.advance(timedelta(days=365 * 10 - 30))
    with flows.ctx.sessions() as session:
        assert run_jobs(session, flows.ctx).archives_deleted == 0
        session.commit()
    assert _status(flows.ctx, person.nir) == SpaceStatus.CLOSED
    clock.advance(timedelta(days=40))
    with flows.ctx.sessions() as session:
        assert run_jobs(session, flows.ctx).archives_deleted == 1
        session.commit()
    assert _status(flows.ctx, person.nir) is None
