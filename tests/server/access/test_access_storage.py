"""Consent storage keeps exactly what the policy's transitions produced; an SMTP outage never blocks an access."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier import access
from dossier.documents import Confidentiality
from dossier.errors import DossierValidationError
from server.access.models import PatientNotification
from server.access.service import caller_actor, load_access_context, save_consent
from server.accounts.dependencies import Principal
from server.accounts.models import Account, AccountStatus, PrincipalKind
from server.app import create_app
from server.config import Settings, SmtpSettings
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from tests.support.access import GP, SPECIALIST, Pros, put
from tests.support.service import Flows, bearer, free_port

NOW = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
RPPS = [access.Rpps(r) for r in ("10000000017", "10000000025", "10000000033")]


def _dossier(n: int) -> Dossier:
    return Dossier(
        nir=f"{n:015d}",
        carte_vitale_serial="1",
        last_name="Martin",
        first_names="Zoé",
        birth_date=date(1984, 1, 1),
        email="zoe@example.org",
        status=SpaceStatus.ACTIVE,
        provisioned_at=NOW,
        opposition_deadline=NOW,
    )


def _account(dossier_id: uuid.UUID, n: int) -> Account:
    return Account(
        dossier_id=dossier_id,
        identifier=f"aidant.{n}",
        password_hash="x",
        email=f"a{n}@example.org",
        status=AccountStatus.ACTIVE,
        created_at=NOW,
    )


Op = tuple[str, int]
ops = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "authorise",
                "block",
                "unblock",
                "admin_on",
                "admin_off",
                "traitant",
                "toggles",
                "mask_all",
                "aidant",
                "revoke",
            ]
        ),
        st.integers(0, 2),
    ),
    max_size=12,
)


def _apply(consent: access.ConsentState, op: Op, aidants: list[access.PersonId], step: int) -> access.ConsentState:
    name, i = op
    rpps, at = RPPS[i], NOW + timedelta(minutes=step)
    match name:
        case "authorise":
            return consent.authorise(rpps, at=at, until=at + timedelta(days=i) if i else None)
        case "block":
            return consent.block(rpps)
        case "unblock":
            return consent.unblock(rpps)
        case "admin_on" | "admin_off":
            return consent.set_administrateur(rpps, enabled=name == "admin_on")
        case "traitant":
            return consent.set_medecin_traitant(rpps)
        case "toggles":
            return consent.set_emergency(access.EmergencyToggles(i == 0, i == 1, True))
        case "mask_all":
            return dataclasses.replace(
                consent,
                mask_all_including_emergency=not consent.mask_all_including_emergency,
                default_confidentiality=Confidentiality(masked_from_professionals=i == 2),
            )
        case "aidant":
            delegation = access.AidantDelegation(aidants[i], at, at + timedelta(days=1 + i))
            return consent.grant_aidant(delegation, now=at, aidant_patient_count=0)
        case _:
            return consent.revoke_aidant(aidants[i])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=ops)
def test_consent_survives_the_tables_exactly(ctx: ServiceContext, sequence: list[Op]) -> None:
    """Whatever the patient did, what the policy reads back is what the transitions produced (no blocked
    professional silently authorised again, no aidant resurrected), so the policy's own properties carry over."""
    with ctx.sessions() as session:
        n = int(uuid.uuid4().int % 10**12)
        dossier = _dossier(n)
        session.add(dossier)
        session.flush()
        accounts = [_account(dossier.id, n * 10 + k) for k in range(3)]
        # Aidant accounts need dossiers of their own (one account per dossier).
        for k, account in enumerate(accounts):
            own = _dossier(n + 10**13 * (k + 1))
            session.add(own)
            session.flush()
            account.dossier_id = own.id
            session.add(account)
        session.flush()
        aidants = [access.PersonId(str(a.id)) for a in accounts]
        consent = access.ConsentState()
        for step, op in enumerate(sequence):
            try:
                consent = _apply(consent, op, aidants, step)
            except DossierValidationError:
                continue  # a refused change changes nothing
            save_consent(session, dossier.id, consent, now=NOW)
            loaded = load_access_context(session, dossier.id, NOW).consent
            assert loaded.blocked == consent.blocked
            assert loaded.administrateurs == consent.administrateurs
            assert loaded.medecin_traitant == consent.medecin_traitant
            assert sorted(loaded.authorisations, key=lambda a: a.rpps) == sorted(
                consent.authorisations, key=lambda a: a.rpps
            )
            assert loaded.emergency == access.normalise_emergency_toggles(consent.emergency)
            assert loaded.mask_all_including_emergency == consent.mask_all_including_emergency
            assert loaded.default_confidentiality == consent.default_confidentiality
            assert sorted(loaded.aidants, key=lambda d: d.aidant_id) == sorted(
                consent.aidants, key=lambda d: d.aidant_id
            )
            for rpps in loaded.blocked:
                assert not loaded.is_authorised(rpps, NOW)
        session.rollback()


def test_caller_actor_places_each_principal_for_the_dossier(flows: Flows, ctx: ServiceContext) -> None:
    person = flows.active_person()
    stranger = flows.active_person()
    assert person.dossier_id and stranger.dossier_id
    with ctx.sessions() as session:
        account = session.query(Account).filter_by(dossier_id=person.dossier_id).one()
        principal = Principal(PrincipalKind.PATIENT, account.id, uuid.uuid4())
        assert isinstance(caller_actor(session, principal), access.Holder)
        assert isinstance(caller_actor(session, principal, dossier_id=person.dossier_id), access.Holder)
        assert isinstance(caller_actor(session, principal, dossier_id=stranger.dossier_id), access.OtherParty)
        unknown = Principal(PrincipalKind.PROFESSIONAL, uuid.uuid4(), uuid.uuid4())
        assert isinstance(caller_actor(session, unknown), access.OtherParty)


@pytest.fixture
def smtp_down(settings: Settings) -> Settings:
    """The same database, with an SMTP server that is not there."""
    return dataclasses.replace(settings, smtp=SmtpSettings(host="127.0.0.1", port=free_port(), timeout_s=2.0))


def test_an_emergency_access_goes_through_when_mail_is_down_and_the_notification_is_kept(
    flows: Flows, client: TestClient, ctx: ServiceContext, pros: Pros, smtp_down: Settings
) -> None:
    person = flows.active_person()
    me = bearer(flows.login(person))
    pros.sign_in(GP, "medecin_generaliste", "Durand")
    urgentist = pros.sign_in(SPECIALIST, "medecin_specialiste", "Petit")
    put(client, "/v1/me/access/medecin-traitant", me, {"rpps": GP})
    down = ServiceContext.build(smtp_down, pool_size=2)
    try:
        with TestClient(create_app(smtp_down, context=down)) as offline:
            r = offline.post(
                "/v1/pro/emergency-access",
                headers=urgentist,
                json={"ins": person.nir, "reason_code": "vital_emergency", "reason": "Détresse respiratoire aiguë"},
            )
            assert r.status_code == 201, r.text
    finally:
        down.close()
    notes = client.get("/v1/me/notifications", headers=me).json()["items"]
    assert [n["event"] for n in notes] == ["emergency_access"]
    with ctx.sessions() as session:
        kept = session.query(PatientNotification).filter_by(dossier_id=person.dossier_id).one()
        assert kept.mailed_at is None  # to be retried or shown: nothing pretends the mail went out
