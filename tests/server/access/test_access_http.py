"""Access enforcement over HTTP: consent, professionals opening dossiers, emergency access, minors, aidants, history."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from server.access import notifications
from server.access.service import candidate_dossier_ids
from server.clock import ManualClock
from server.context import ServiceContext
from tests.support.access import GP, SPECIALIST, Headers, Pros, add_record, patient, provision_minor, put, titles
from tests.support.service import Flows, Mailbox, Person, bearer, make_nir

DENTIST = "10000000033"


# ---------------------------------------------------------------- professionals: authorised, blocked, history


def test_authorised_professional_reads_then_blocked_is_refused_and_the_patient_sees_both(
    flows: Flows, client: TestClient, ctx: ServiceContext, pros: Pros, mailbox: Mailbox, clock: ManualClock
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    pro = pros.sign_in(GP, "medecin_generaliste", "Durand")
    add_record(ctx, person.dossier_id, entity="entry", kind="vaccination", title="DTP", version=1)
    add_record(ctx, person.dossier_id, entity="entry", kind="condition", title="Asthme", version=2)
    add_record(ctx, person.dossier_id, entity="document", kind="biologie", title="Bilan", version=3)
    add_record(
        ctx,
        person.dossier_id,
        entity="document",
        kind="compte_rendu",
        title="Masqué",
        values={"confidentiality": {"masked_from_professionals": True}},
        version=4,
    )

    # Without authorisation: nothing, and the dossier is not in the list.
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro)
    assert r.status_code == 403 and r.json()["code"] == "professional_not_authorised"
    assert r.headers["content-type"].startswith("application/problem+json")
    assert client.get("/v1/pro/dossiers", headers=pro).json() == []

    consent = put(client, f"/v1/me/access/professionals/{GP}/authorisation", me)
    assert [a["rpps"] for a in consent["authorised"]] == [GP]
    assert consent["authorised"][0]["name"] == "Alex Durand"
    with ctx.sessions() as session:  # what sync's pull will start from
        assert candidate_dossier_ids(session, GP, clock.now()) == [person.dossier_id]

    listed = client.get("/v1/pro/dossiers", headers=pro, params={"name": "mart"}).json()
    assert [d["dossier_id"] for d in listed] == [str(person.dossier_id)]
    assert client.get("/v1/pro/dossiers", headers=pro, params={"ins": person.nir}).json()[0]["ins"] == person.nir
    assert client.get("/v1/pro/dossiers", headers=pro, params={"name": "dupont"}).json() == []

    mailbox.clear()
    clock.advance(timedelta(minutes=1))
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro)
    assert r.status_code == 200, r.text
    view = r.json()
    assert view["access_reason"] == "professional_authorised"
    # Vaccinations and unmasked documents; not the patient-typed conditions, not masked documents.
    assert titles(view) == {"DTP", "Bilan"}
    assert "a consulté votre espace santé" in mailbox.last_body(person.email)
    assert "Durand" not in mailbox.last_body(person.email)  # no names in mail, only in the app

    clock.advance(timedelta(minutes=1))
    put(client, f"/v1/me/access/professionals/{GP}/block", me)
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro)
    assert r.status_code == 403 and r.json()["code"] == "professional_blocked"
    assert client.get("/v1/pro/dossiers", headers=pro).json() == []

    # Unblocking does not restore the authorisation.
    consent = client.delete(f"/v1/me/access/professionals/{GP}/block", headers=me).json()
    assert consent["authorised"] == [] and consent["blocked"] == []
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro)
    assert r.json()["code"] == "professional_not_authorised"

    history = client.get("/v1/me/access/history", headers=me, params={"actor_kind": "professional"}).json()
    seen = [(i["action"], i["outcome"], i["reason"], i["actor_rpps"]) for i in history["items"]]
    assert seen == [
        ("dossier.open", "denied", "professional_not_authorised", GP),
        ("dossier.open", "denied", "professional_blocked", GP),
        ("dossier.open", "allowed", "professional_authorised", GP),
        ("dossier.open", "denied", "professional_not_authorised", GP),
    ]
    assert history["items"][0]["actor_name"] == "Alex Durand"
    # The patient's own management acts are there too, under their role.
    mine = client.get("/v1/me/access/history", headers=me, params={"actor_kind": "patient"}).json()["items"]
    assert {"access.block", "access.unblock", "access.authorise"} <= {i["action"] for i in mine}

    # Paging and date range.
    page = client.get("/v1/me/access/history", headers=me, params={"actor_kind": "professional", "limit": 3}).json()
    assert len(page["items"]) == 3 and page["next_offset"] == 3
    rest = client.get(
        "/v1/me/access/history", headers=me, params={"actor_kind": "professional", "limit": 3, "offset": 3}
    ).json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    opened_at = history["items"][2]["at"]
    window = client.get(
        "/v1/me/access/history",
        headers=me,
        params={"actor_kind": "professional", "since": opened_at, "until": opened_at.replace("Z", "+00:00")},
    ).json()
    assert window["items"] == []  # `until` is excluded
    naive = client.get("/v1/me/access/history", headers=me, params={"since": "2026-01-15T09:00:00"})
    assert naive.status_code == 422 and naive.json()["code"] == "request_invalid"
    assert client.get("/v1/me/access/history", headers=me, params={"limit": 0}).status_code == 422
    assert client.get("/v1/me/access/history", headers=me, params={"limit": 10_000}).status_code == 422
    assert client.get("/v1/me/access/history", headers=me, params={"actor_kind": "martian"}).status_code == 422

    # The in-app notification of the access, then marked read.
    notes = client.get("/v1/me/notifications", headers=me).json()
    assert [n["event"] for n in notes["items"]] == ["professional_access"] and notes["unread"] == 1
    assert notes["items"][0]["professional_rpps"] == GP
    r = client.post("/v1/me/notifications/read", headers=me, json={})
    assert r.json() == {"marked": 1}
    assert client.get("/v1/me/notifications", headers=me, params={"unread_only": True}).json()["items"] == []


def test_consent_changes_refuse_bad_input_and_lose_nothing(flows: Flows, client: TestClient, pros: Pros) -> None:
    _person, me = patient(flows)
    pros.sign_in(GP, "medecin_generaliste", "Durand")
    put(client, f"/v1/me/access/professionals/{GP}/authorisation", me)
    put(client, f"/v1/me/access/professionals/{GP}/administrateur", me)
    before = client.get("/v1/me/access", headers=me).json()

    r = client.put("/v1/me/access/professionals/12AB/authorisation", headers=me, json={})
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "invalid_format"
    r = client.put("/v1/me/access/professionals/19999999998/authorisation", headers=me, json={})
    assert r.status_code == 404
    r = client.put(f"/v1/me/access/professionals/{GP}/authorisation", headers=me, json={"until": "2030-01-01T00:00:00"})
    assert r.status_code == 422  # naive date
    assert client.get("/v1/me/access", headers=me).json() == before

    # A blocked professional cannot be authorised again before being unblocked; the refusal changes nothing.
    put(client, f"/v1/me/access/professionals/{GP}/block", me)
    blocked = client.get("/v1/me/access", headers=me).json()
    assert blocked["administrateurs"] == [] and [b["rpps"] for b in blocked["blocked"]] == [GP]
    r = client.put(f"/v1/me/access/professionals/{GP}/authorisation", headers=me, json={})
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "professional_blocked"
    r = client.put("/v1/me/access/medecin-traitant", headers=me, json={"rpps": GP})
    assert r.status_code == 422
    assert client.get("/v1/me/access", headers=me).json() == blocked

    # "Documents masqués" is forced off when neither SAMU nor other professionals may use emergency access.
    consent = put(
        client,
        "/v1/me/access/emergency",
        me,
        {"samu": False, "other_professionals": False, "masked_documents": True, "mask_all_including_emergency": True},
    )
    assert consent["emergency"] == {
        "samu": False,
        "other_professionals": False,
        "masked_documents": False,
        "mask_all_including_emergency": True,
    }
    assert put(client, "/v1/me/access/default-confidentiality", me, {"masked_from_professionals": True})[
        "default_masked_from_professionals"
    ]
    # Professionals have no business on these endpoints.
    pro = pros.sign_in(SPECIALIST, "medecin_specialiste", "Petit")
    assert client.get("/v1/me/access", headers=pro).status_code == 403


# ---------------------------------------------------------------- emergency access (bris de glace)


def test_emergency_access_with_and_without_the_patients_opposition(
    flows: Flows, client: TestClient, ctx: ServiceContext, pros: Pros, mailbox: Mailbox, clock: ManualClock
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    pros.sign_in(GP, "medecin_generaliste", "Durand")
    urgentist = pros.sign_in(SPECIALIST, "medecin_specialiste", "Petit")
    add_record(ctx, person.dossier_id, entity="document", kind="compte_rendu", title="CR", version=1)
    put(client, "/v1/me/access/medecin-traitant", me, {"rpps": GP})
    put(
        client,
        "/v1/me/access/emergency",
        me,
        {"samu": True, "other_professionals": False, "masked_documents": False},
    )
    body = {"ins": person.nir, "reason_code": "unconscious", "reason": "Patient inconscient aux urgences"}

    # The patient opposed emergency access by professionals other than the SAMU.
    r = client.post("/v1/pro/emergency-access", headers=urgentist, json=body)
    assert r.status_code == 403 and r.json()["code"] == "emergency_not_allowed_by_patient"
    assert client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=urgentist).status_code == 403
    assert not any("urgence" in str(m["Subject"]) for m in mailbox.to("durand@cabinet.example.org"))

    # A reason is required; an unknown INS is a 404; a malformed one a 422.
    r = client.post("/v1/pro/emergency-access", headers=urgentist, json={**body, "reason": "   "})
    assert r.status_code == 422
    assert (
        client.post("/v1/pro/emergency-access", headers=urgentist, json={**body, "ins": make_nir(9999)}).status_code
        == 404
    )
    assert client.post("/v1/pro/emergency-access", headers=urgentist, json={**body, "ins": "123"}).status_code == 422

    put(client, "/v1/me/access/emergency", me, {"samu": True, "other_professionals": True, "masked_documents": False})
    mailbox.clear()
    r = client.post("/v1/pro/emergency-access", headers=urgentist, json=body)
    assert r.status_code == 201, r.text
    assert r.json()["dossier_id"] == str(person.dossier_id)
    view = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=urgentist).json()
    assert view["access_reason"] == "emergency_access" and titles(view) == {"CR"}

    # Patient and médecin traitant are told, once (the reopening does not mail again).
    assert len(mailbox.to(person.email)) == 1
    assert "en urgence" in mailbox.last_body(person.email)
    mt_body = mailbox.last_body("durand@cabinet.example.org")
    assert "en urgence" in mt_body and person.last_name in mt_body
    assert "inconscient" not in mt_body  # the reason stays in the service
    notes = client.get("/v1/me/notifications", headers=me).json()["items"]
    assert [n["event"] for n in notes] == ["emergency_access"]

    history = client.get("/v1/me/access/history", headers=me, params={"actor_kind": "professional"}).json()["items"]
    assert [(i["action"], i["outcome"], i["reason"]) for i in history] == [
        ("dossier.open", "allowed", "emergency_access"),
        ("dossier.emergency", "allowed", "emergency_access"),
        ("dossier.open", "denied", "professional_not_authorised"),
        ("dossier.emergency", "denied", "emergency_not_allowed_by_patient"),
    ]

    # Limited in time.
    clock.advance(timedelta(hours=24, seconds=1))
    urgentist = pros.login(SPECIALIST, "petit@cabinet.example.org")
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=urgentist)
    assert r.status_code == 403 and r.json()["code"] == "emergency_expired"


# ---------------------------------------------------------------- minors and legal representatives


def test_a_minors_secret_entry_is_invisible_to_a_parent(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    parent, me = patient(flows)
    child = provision_minor(ctx, mailbox, n=500, parent_email=parent.email, born=date(2012, 5, 1))
    r = client.post("/v1/me/children", headers=me, json=child.proof())
    assert r.status_code == 201, r.text
    child_id = uuid.UUID(r.json()["dossier_id"])
    # The activation code is single-use.
    assert client.post("/v1/me/children", headers=me, json=child.proof()).status_code == 400

    add_record(ctx, child_id, entity="entry", kind="vaccination", title="ROR", version=1)
    add_record(
        ctx,
        child_id,
        entity="entry",
        kind="treatment",
        title="Contraception",
        values={"secret_from_legal_representatives": True},
        version=2,
    )
    add_record(
        ctx,
        child_id,
        entity="document",
        kind="ordonnance",
        title="Ordonnance confidentielle",
        values={"confidentiality": {"hidden_from_legal_representatives": True}},
        version=3,
    )
    shared = client.get("/v1/me/shared-dossiers", headers=me).json()
    assert [(s["dossier_id"], s["role"]) for s in shared] == [(str(child_id), "legal_representative")]
    view = client.get(f"/v1/me/shared-dossiers/{child_id}", headers=me).json()
    assert view["access_reason"] == "legal_representative"
    assert titles(view) == {"ROR"}

    # A second representative may be added; a third is refused and nothing changes.
    second, second_headers = patient(flows)
    r = client.post(f"/v1/me/children/{child_id}/representatives", headers=me, json={"identifier": second.identifier})
    assert r.status_code == 200, r.text
    assert titles(client.get(f"/v1/me/shared-dossiers/{child_id}", headers=second_headers).json()) == {"ROR"}
    third, third_headers = patient(flows)
    r = client.post(f"/v1/me/children/{child_id}/representatives", headers=me, json={"identifier": third.identifier})
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "too_many_legal_representatives"
    r = client.get(f"/v1/me/shared-dossiers/{child_id}", headers=third_headers)
    assert r.status_code == 403 and r.json()["code"] == "no_relationship"

    # An adult's space cannot be taken over as a child profile.
    adult = flows.provision()
    r = client.post("/v1/me/children", headers=me, json=adult.proof())
    assert r.status_code == 422 and r.json()["code"] == "not_a_minor"


# ---------------------------------------------------------------- proches aidants


def test_an_aidant_sees_until_the_end_date_then_nothing_and_limits_hold(
    flows: Flows, client: TestClient, ctx: ServiceContext, clock: ManualClock
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    add_record(ctx, person.dossier_id, entity="entry", kind="condition", title="Diabète", version=1)
    aidant, aidant_headers = patient(flows)
    ends = (clock.now() + timedelta(days=1)).isoformat()
    r = client.post("/v1/me/access/aidants", headers=me, json={"identifier": aidant.identifier, "ends_at": ends})
    assert r.status_code == 200, r.text
    assert r.json()["aidants"][0]["active"] is True

    view = client.get(f"/v1/me/shared-dossiers/{person.dossier_id}", headers=aidant_headers).json()
    assert view["access_reason"] == "aidant_delegation" and titles(view) == {"Diabète"}

    clock.advance(timedelta(days=1, seconds=1))
    me, aidant_headers = bearer(flows.login(person)), bearer(flows.login(aidant))
    r = client.get(f"/v1/me/shared-dossiers/{person.dossier_id}", headers=aidant_headers)
    assert r.status_code == 403 and r.json()["code"] == "aidant_expired"
    history = client.get("/v1/me/access/history", headers=me, params={"actor_kind": "aidant"}).json()["items"]
    assert [(i["outcome"], i["reason"], i["actor_name"]) for i in history] == [
        ("denied", "aidant_expired", aidant.identifier),
        ("allowed", "aidant_delegation", aidant.identifier),
    ]

    # At most 3 aidants per patient (expired ones do not count).
    ends = (clock.now() + timedelta(days=30)).isoformat()
    helpers: list[tuple[Person, Headers]] = []
    for _ in range(3):
        other, other_headers = patient(flows)
        helpers.append((other, other_headers))
        r = client.post("/v1/me/access/aidants", headers=me, json={"identifier": other.identifier, "ends_at": ends})
        assert r.status_code == 200, r.text
    fourth, _h = patient(flows)
    before = client.get("/v1/me/access", headers=me).json()
    r = client.post("/v1/me/access/aidants", headers=me, json={"identifier": fourth.identifier, "ends_at": ends})
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "too_many_aidants"
    assert client.get("/v1/me/access", headers=me).json() == before
    r = client.post("/v1/me/access/aidants", headers=me, json={"identifier": "personne.inconnue", "ends_at": ends})
    assert r.status_code == 404

    # Either side can revoke: the patient revokes one, another renounces; then a fourth fits again.
    by_identifier = {a["identifier"]: a["account_id"] for a in before["aidants"]}
    first, (second, second_headers) = helpers[0][0], helpers[1]
    assert client.delete(f"/v1/me/access/aidants/{by_identifier[first.identifier]}", headers=me).status_code == 200
    r = client.delete(f"/v1/me/shared-dossiers/{person.dossier_id}/aidant", headers=second_headers)
    assert r.status_code == 204
    assert client.get(f"/v1/me/shared-dossiers/{person.dossier_id}", headers=second_headers).status_code == 403
    left = {a["identifier"] for a in client.get("/v1/me/access", headers=me).json()["aidants"]}
    assert first.identifier not in left and second.identifier not in left and helpers[2][0].identifier in left
    r = client.post("/v1/me/access/aidants", headers=me, json={"identifier": fourth.identifier, "ends_at": ends})
    assert r.status_code == 200


def test_an_aidant_helps_at_most_five_people(flows: Flows, client: TestClient, clock: ManualClock) -> None:
    aidant, _aidant_headers = patient(flows)
    ends = (clock.now() + timedelta(days=30)).isoformat()
    for _ in range(5):
        _p, headers = patient(flows)
        r = client.post(
            "/v1/me/access/aidants", headers=headers, json={"identifier": aidant.identifier, "ends_at": ends}
        )
        assert r.status_code == 200, r.text
    _p, sixth = patient(flows)
    r = client.post("/v1/me/access/aidants", headers=sixth, json={"identifier": aidant.identifier, "ends_at": ends})
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "aidant_has_too_many_patients"


# ---------------------------------------------------------------- never: insurers and employers


@pytest.mark.parametrize(("label", "code"), [("Assureur", "insurer_never"), ("Employeur", "employer_never")])
def test_insurers_and_employers_never_even_with_the_patients_agreement(
    flows: Flows, client: TestClient, pros: Pros, label: str, code: str
) -> None:
    person, me = patient(flows)
    outsider = pros.sign_in(DENTIST, label, "Compagnie")
    put(client, f"/v1/me/access/professionals/{DENTIST}/authorisation", me)
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=outsider)
    assert r.status_code == 403 and r.json()["code"] == code
    assert client.get("/v1/pro/dossiers", headers=outsider).json() == []
    r = client.post(
        "/v1/pro/emergency-access",
        headers=outsider,
        json={"ins": person.nir, "reason_code": "other", "reason": "urgence, patient désorienté"},
    )
    assert r.status_code == 403 and r.json()["code"] == code


# ---------------------------------------------------------------- documents added by professionals (for sync)


def test_a_document_added_by_a_professional_notifies_the_patient_in_app_and_by_mail(
    flows: Flows, client: TestClient, ctx: ServiceContext, pros: Pros, mailbox: Mailbox
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    pros.sign_in(GP, "medecin_generaliste", "Durand")
    mailbox.clear()
    with ctx.sessions() as session:
        note = notifications.document_added_by_professional(session, ctx, person.dossier_id, GP, title="Bilan")
        assert notifications.document_added_by_professional(session, ctx, person.dossier_id, "19999999998") is None
        session.commit()
    assert note is not None and note.mailed_at is not None
    assert "ajouté un document" in mailbox.last_body(person.email)
    items = client.get("/v1/me/notifications", headers=me).json()["items"]
    assert [(n["event"], n["detail"], n["professional_name"]) for n in items] == [
        ("document_added_by_professional", "Bilan", "Alex Durand")
    ]
    # Marking by id touches only that notification, and only the owner's.
    other, other_headers = patient(flows)
    assert client.post("/v1/me/notifications/read", headers=other_headers, json={"ids": [items[0]["id"]]}).json() == {
        "marked": 0
    }
    assert client.post("/v1/me/notifications/read", headers=me, json={"ids": [items[0]["id"]]}).json() == {"marked": 1}
    assert other.dossier_id != person.dossier_id
