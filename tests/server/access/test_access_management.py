"""Access management over HTTP: representatives manage a child's space, heirs, occupational physicians, masking.

Issue 4's remaining endpoints, through the real API on loopback (SQLite and, when configured, PostgreSQL).
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.cli import EXIT_BAD_INPUT, main
from server.clock import ManualClock
from server.context import ServiceContext
from tests.support.access import GP, SPECIALIST, Headers, Pros, add_record, patient, provision_minor, put, titles
from tests.support.service import Flows, Mailbox, Person, bearer, make_nir

OCCUPATIONAL = "10000000041"
SYNC = {"Carnet-Sync-Protocol": "1"}


def linked_child(flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox, me: Headers) -> uuid.UUID:
    parent_email = f"parent{uuid.uuid4().hex[:6]}@example.org"
    child = provision_minor(ctx, mailbox, n=700, parent_email=parent_email, born=date(2015, 3, 1))
    r = client.post("/v1/me/children", headers=me, json=child.proof())
    assert r.status_code == 201, r.text
    return uuid.UUID(r.json()["dossier_id"])


def history(client: TestClient, headers: Headers, **params: Any) -> list[tuple[str, str, str | None, str | None]]:
    r = client.get("/v1/me/access/history", headers=headers, params=params)
    assert r.status_code == 200, r.text
    return [(i["action"], i["outcome"], i["reason"], i["actor_kind"]) for i in r.json()["items"]]


# ---------------------------------------------------------------- legal representatives manage a child's space


def test_a_parent_manages_the_childs_authorisations_and_reads_its_historique(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox, pros: Pros
) -> None:
    parent, me = patient(flows)
    child_id = linked_child(flows, client, ctx, mailbox, me)
    child = {"dossier_id": str(child_id)}
    pro = pros.sign_in(GP, "medecin_generaliste", "Durand")
    add_record(ctx, child_id, entity="entry", kind="vaccination", title="ROR", version=1)

    r = client.put(f"/v1/me/access/professionals/{GP}/authorisation", headers=me, params=child, json={})
    assert r.status_code == 200, r.text
    assert [a["rpps"] for a in r.json()["authorised"]] == [GP]
    # The parent's own space is untouched; the child's is what the professional now opens.
    assert client.get("/v1/me/access", headers=me).json()["authorised"] == []
    assert [a["rpps"] for a in client.get("/v1/me/access", headers=me, params=child).json()["authorised"]] == [GP]
    view = client.get(f"/v1/pro/dossiers/{child_id}", headers=pro).json()
    assert view["access_reason"] == "professional_authorised" and titles(view) == {"ROR"}
    put(client, "/v1/me/access/emergency", me, {"samu": True, "other_professionals": False, "masked_documents": False})
    r = client.put(
        "/v1/me/access/emergency",
        headers=me,
        params=child,
        json={"samu": False, "other_professionals": False, "masked_documents": True},
    )
    assert r.json()["emergency"]["samu"] is False and r.json()["emergency"]["masked_documents"] is False

    # The child's historique: the professional's opening and the parent's acts, under the parent's role.
    items = client.get("/v1/me/access/history", headers=me, params=child).json()["items"]
    seen = {(i["action"], i["outcome"], i["actor_kind"], i["actor_name"]) for i in items}
    assert ("access.authorise", "allowed", "legal_representative", parent.identifier) in seen
    assert ("dossier.open", "allowed", "professional", "Alex Durand") in seen
    assert ("access.emergency_settings", "allowed", "legal_representative", parent.identifier) in seen
    mine = history(client, me)
    assert all(a != "access.authorise" for a, *_ in mine)  # not mixed into the parent's own historique
    assert ("access.emergency_settings", "allowed", "holder", "patient") in mine

    # An aidant of the child (invited by the parent) reads nothing of its access management and changes nothing.
    aidant, aidant_headers = patient(flows)
    ends = (ctx.now() + timedelta(days=30)).isoformat()
    r = client.post(
        "/v1/me/access/aidants", headers=me, params=child, json={"identifier": aidant.identifier, "ends_at": ends}
    )
    assert r.status_code == 200, r.text
    before = client.get("/v1/me/access", headers=me, params=child).json()
    _stranger, stranger_headers = patient(flows)
    for headers, code in ((aidant_headers, "aidant_cannot_manage_access"), (stranger_headers, "no_relationship")):
        for method, path, body in (
            ("GET", "/v1/me/access", None),
            ("GET", "/v1/me/access/history", None),
            ("PUT", f"/v1/me/access/professionals/{GP}/block", {}),
            ("DELETE", f"/v1/me/access/professionals/{GP}/authorisation", None),
            ("PUT", "/v1/me/access/post-mortem", {"opposed": True}),
            ("POST", "/v1/me/access/aidants", {"identifier": parent.identifier, "ends_at": ends}),
        ):
            r = client.request(method, path, headers=headers, params=child, json=body)
            assert r.status_code == 403, (method, path, r.text)
            assert r.json()["code"] == code
            assert r.headers["content-type"].startswith("application/problem+json")
    assert client.get("/v1/me/access", headers=me, params=child).json() == before
    denied = [i for i in history(client, me, dossier_id=str(child_id)) if i[1] == "denied"]
    assert ("access.block", "denied", "aidant_cannot_manage_access", "aidant") in denied
    assert ("access.block", "denied", "no_relationship", "other") in denied
    # The caller's own space is still theirs without the parameter, and an unknown space is a 404.
    assert client.get("/v1/me/access", headers=stranger_headers).status_code == 200
    r = client.get("/v1/me/access", headers=me, params={"dossier_id": str(uuid.uuid4())})
    assert r.status_code == 404
    assert client.get("/v1/me/access", headers=me, params={"dossier_id": "pas-un-uuid"}).status_code == 422


def test_the_other_parent_can_be_removed_but_never_the_last_one(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox
) -> None:
    parent, me = patient(flows)
    child_id = linked_child(flows, client, ctx, mailbox, me)
    second, second_headers = patient(flows)
    r = client.post(f"/v1/me/children/{child_id}/representatives", headers=me, json={"identifier": second.identifier})
    assert r.status_code == 200, r.text
    children = client.get("/v1/me/children", headers=second_headers).json()
    assert [c["dossier_id"] for c in children] == [str(child_id)]
    assert [r["identifier"] for r in children[0]["representatives"]] == [parent.identifier, second.identifier]
    assert [s["role"] for s in client.get("/v1/me/shared-dossiers", headers=me).json()] == ["legal_representative"]
    second_id = children[0]["representatives"][1]["account_id"]
    parent_id = children[0]["representatives"][0]["account_id"]

    # Only a representative of that child may remove one.
    _stranger, stranger_headers = patient(flows)
    r = client.delete(f"/v1/me/children/{child_id}/representatives/{second_id}", headers=stranger_headers)
    assert r.status_code == 403 and r.json()["code"] == "no_relationship"
    r = client.delete(f"/v1/me/children/{child_id}/representatives/{uuid.uuid4()}", headers=me)
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "not_a_legal_representative"

    r = client.delete(f"/v1/me/children/{child_id}/representatives/{second_id}", headers=me)
    assert r.status_code == 200, r.text
    assert r.json()["dossier_id"] == str(child_id)
    assert [x["identifier"] for x in r.json()["representatives"]] == [parent.identifier]
    assert client.get("/v1/me/children", headers=second_headers).json() == []
    r = client.get(f"/v1/me/shared-dossiers/{child_id}", headers=second_headers)
    assert r.status_code == 403 and r.json()["code"] == "no_relationship"

    # The last one stays: 409 in French, nothing changes.
    r = client.delete(f"/v1/me/children/{child_id}/representatives/{parent_id}", headers=me)
    assert r.status_code == 409 and r.json()["code"] == "last_representative"
    assert "dernier représentant légal" in r.json()["detail"]
    assert [x["identifier"] for x in client.get("/v1/me/children", headers=me).json()[0]["representatives"]] == [
        parent.identifier
    ]
    acts = history(client, me, dossier_id=str(child_id), actor_kind="legal_representative")
    assert ("access.representative_removed", "allowed", "legal_representative", "legal_representative") in acts


# ---------------------------------------------------------------- after death


def record_death(db_url: str, tmp_path: Path, nir: str, day: str) -> int:
    return main(
        [
            "dossier",
            "record-death",
            "--nir",
            nir,
            "--date",
            day,
            "--database-url",
            db_url,
            "--data-dir",
            str(tmp_path / "cli"),
        ]
    )


def heir_request(client: TestClient, headers: Headers, nir: str, purpose: str, **over: str) -> Any:
    body = {"nir": nir, "relationship": "heir", "purpose": purpose, "justification": "Je suis sa fille."}
    return client.post("/v1/heir-access-requests", headers=headers, json={**body, **over})


def test_heirs_get_what_their_purpose_needs_unless_the_person_opposed_or_is_alive(
    flows: Flows,
    client: TestClient,
    ctx: ServiceContext,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    add_record(ctx, person.dossier_id, entity="document", kind="compte_rendu", title="CR d'hospitalisation", version=1)
    add_record(ctx, person.dossier_id, entity="document", kind="administratif", title="Attestation", version=2)
    add_record(ctx, person.dossier_id, entity="entry", kind="condition", title="Diabète", version=3)
    _heir, heir_headers = patient(flows)

    # Alive: refused as if there were no such space (S43), and the person sees the attempt in their historique.
    r = heir_request(client, heir_headers, person.nir, "cause_of_death")
    assert r.status_code == 404 and r.json()["code"] == "no_deceased_space"
    assert ("heir.request_cause_of_death", "denied", "patient_not_deceased", "heir") in history(client, me)

    # The death is recorded by the administration (CLI), never over the patient API; bad input changes nothing.
    assert record_death(db_url, tmp_path, make_nir(9999), "2026-01-10") == EXIT_BAD_INPUT
    assert record_death(db_url, tmp_path, person.nir, "2999-01-01") == EXIT_BAD_INPUT
    assert "futur" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        record_death(db_url, tmp_path, person.nir, "10/01/2026")
    assert usage.value.code == 2
    assert client.get("/v1/me/access", headers=me).status_code == 200
    assert record_death(db_url, tmp_path, person.nir, "2026-01-10") == 0
    assert '"space_closed": true' in capsys.readouterr().out
    assert client.get("/v1/me/access", headers=me).status_code == 401  # the holder's devices are signed out
    # Whoever still knows the password cannot reopen the space.
    again = bearer(flows.login(person))
    r = client.post("/v1/me/reactivation", headers=again)
    assert r.status_code == 409 and r.json()["code"] == "space_holder_deceased", r.text
    assert "décès" in r.json()["detail"]

    r = heir_request(client, heir_headers, person.nir, "cause_of_death")
    assert r.status_code == 201, r.text
    assert r.json()["dossier_id"] == str(person.dossier_id) and r.json()["purpose"] == "cause_of_death"
    shared = client.get("/v1/me/shared-dossiers", headers=heir_headers).json()
    assert [(s["dossier_id"], s["role"]) for s in shared] == [(str(person.dossier_id), "heir")]
    view = client.get(f"/v1/me/shared-dossiers/{person.dossier_id}", headers=heir_headers).json()
    assert view["access_reason"] == "post_mortem_purpose"
    assert titles(view) == {"CR d'hospitalisation"}  # not the administrative paper, not the typed profile

    _partner, partner_headers = patient(flows)
    r = heir_request(client, partner_headers, person.nir, "assert_rights", relationship="pacs")
    assert r.status_code == 201, r.text
    view = client.get(f"/v1/me/shared-dossiers/{person.dossier_id}", headers=partner_headers).json()
    assert titles(view) == {"CR d'hospitalisation", "Attestation"}

    # Bad requests are refused clearly.
    assert heir_request(client, heir_headers, person.nir, "curiosity").status_code == 422
    assert heir_request(client, heir_headers, person.nir, "cause_of_death", relationship="friend").status_code == 422
    assert heir_request(client, heir_headers, person.nir, "cause_of_death", justification="  ").status_code == 422
    assert heir_request(client, heir_headers, make_nir(9998), "cause_of_death").status_code == 404


def test_a_person_who_opposed_post_mortem_access_stays_closed_to_heirs(
    flows: Flows, client: TestClient, db_url: str, tmp_path: Path
) -> None:
    person, me = patient(flows)
    consent = put(client, "/v1/me/access/post-mortem", me, {"opposed": True})
    assert consent["post_mortem_opposed"] is True
    assert client.put("/v1/me/access/post-mortem", headers=me, json={"opposed": "peut-être"}).status_code == 422
    assert client.get("/v1/me/access", headers=me).json()["post_mortem_opposed"] is True
    assert record_death(db_url, tmp_path, person.nir, "2026-01-10") == 0
    _heir, heir_headers = patient(flows)
    r = heir_request(client, heir_headers, person.nir, "defend_memory", relationship="cohabitant")
    assert r.status_code == 403 and r.json()["code"] == "post_mortem_opposed"
    assert client.get("/v1/me/shared-dossiers", headers=heir_headers).json() == []
    assert client.get(f"/v1/me/shared-dossiers/{person.dossier_id}", headers=heir_headers).status_code == 404


# ---------------------------------------------------------------- occupational physician


def test_the_occupational_physician_only_with_express_consent(
    flows: Flows, client: TestClient, ctx: ServiceContext, pros: Pros
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    add_record(ctx, person.dossier_id, entity="document", kind="certificat", title="Aptitude", version=1)
    occ = pros.sign_in(OCCUPATIONAL, "medecin_du_travail", "Travail")
    pros.sign_in(GP, "medecin_generaliste", "Durand")
    put(client, f"/v1/me/access/professionals/{OCCUPATIONAL}/authorisation", me)
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=occ)
    assert r.status_code == 403 and r.json()["code"] == "occupational_physician_no_consent"
    assert client.get("/v1/pro/dossiers", headers=occ).json() == []

    r = client.put(f"/v1/me/access/professionals/{GP}/occupational-consent", headers=me)
    assert r.status_code == 422 and r.json()["code"] == "not_an_occupational_physician"
    consent = put(client, f"/v1/me/access/professionals/{OCCUPATIONAL}/occupational-consent", me)
    assert [(p["rpps"], p["name"]) for p in consent["occupational_consents"]] == [(OCCUPATIONAL, "Alex Travail")]
    assert titles(client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=occ).json()) == {"Aptitude"}
    assert [d["dossier_id"] for d in client.get("/v1/pro/dossiers", headers=occ).json()] == [str(person.dossier_id)]

    # Blocking withdraws the consent; unblocking does not give it back.
    assert put(client, f"/v1/me/access/professionals/{OCCUPATIONAL}/block", me)["occupational_consents"] == []
    r = client.put(f"/v1/me/access/professionals/{OCCUPATIONAL}/occupational-consent", headers=me)
    assert r.status_code == 422 and r.json()["issues"][0]["code"] == "professional_blocked"
    client.delete(f"/v1/me/access/professionals/{OCCUPATIONAL}/block", headers=me)
    r = client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=occ)
    assert r.status_code == 403 and r.json()["code"] == "occupational_physician_no_consent"

    put(client, f"/v1/me/access/professionals/{OCCUPATIONAL}/occupational-consent", me)
    consent = client.delete(f"/v1/me/access/professionals/{OCCUPATIONAL}/occupational-consent", headers=me).json()
    assert consent["occupational_consents"] == []
    assert client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=occ).status_code == 403


# ---------------------------------------------------------------- masking over REST, pulled by the other device


def push_document(client: TestClient, headers: Headers, dossier_id: uuid.UUID, title: str) -> uuid.UUID:
    document_id = uuid.uuid4()
    values = {
        "title": title,
        "document_date": "2026-01-10",
        "author_kind": "patient",
        "confidentiality": {},
        "sha256": hashlib.sha256(title.encode()).hexdigest(),
        "size": 1234,
    }
    body = {
        "client_id": str(uuid.uuid4()),
        "stream_id": str(uuid.uuid4()),
        "dossier_id": str(dossier_id),
        "mutations": [
            {
                "mutation_id": str(uuid.uuid4()),
                "client_seq": 1,
                "entity": "document",
                "entity_id": str(document_id),
                "kind": "compte_rendu",
                "op": "create",
                "base_version": 0,
                "changes": {k: [None, v] for k, v in values.items()},
            }
        ],
    }
    r = client.post("/v1/sync/push", headers={**headers, **SYNC}, json=body)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text
    return document_id


def pull(client: TestClient, headers: Headers, dossier_id: uuid.UUID, cursor: str | None) -> tuple[list[Any], str]:
    body = {"client_id": str(uuid.uuid4()), "dossiers": {str(dossier_id): cursor}}
    r = client.post("/v1/sync/pull", headers={**headers, **SYNC}, json=body)
    assert r.status_code == 200, r.text
    page = r.json()["dossiers"][0]
    return page["items"], page["cursor"]


def test_masking_over_rest_hides_from_professionals_and_reaches_the_other_device(
    flows: Flows, client: TestClient, pros: Pros, clock: ManualClock
) -> None:
    person, laptop = patient(flows)
    assert person.dossier_id
    desktop = bearer(flows.login(person, device_name="PC bureau"))
    pro = pros.sign_in(GP, "medecin_generaliste", "Durand")
    put(client, f"/v1/me/access/professionals/{GP}/authorisation", laptop)
    document_id = push_document(client, laptop, person.dossier_id, "Compte rendu IRM")
    _items, cursor = pull(client, desktop, person.dossier_id, None)
    assert titles(client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).json()) == {"Compte rendu IRM"}

    r = client.put(f"/v1/me/documents/{document_id}/masked", headers=laptop)
    assert r.status_code == 200, r.text
    assert r.json()["masked"] is True
    assert titles(client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).json()) == set()
    items, cursor = pull(client, desktop, person.dossier_id, cursor)
    assert [(i["entity_id"], i["values"]["confidentiality"]["masked_from_professionals"]) for i in items] == [
        (str(document_id), True)
    ]
    assert items[0]["version"] == r.json()["version"]
    # Masking twice changes nothing more (no new version for the other device).
    assert client.put(f"/v1/me/documents/{document_id}/masked", headers=laptop).json()["version"] == items[0]["version"]
    assert pull(client, desktop, person.dossier_id, cursor)[0] == []

    r = client.delete(f"/v1/me/documents/{document_id}/masked", headers=desktop)
    assert r.status_code == 200 and r.json()["masked"] is False
    assert titles(client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).json()) == {"Compte rendu IRM"}
    assert ("document.masked", "allowed", None, "patient") in history(client, laptop)

    # The same policy check as sync's mutation: an aidant may not mask; nor may anyone else; unknown ids are 404.
    aidant, aidant_headers = patient(flows)
    ends = (clock.now() + timedelta(days=3)).isoformat()
    client.post("/v1/me/access/aidants", headers=laptop, json={"identifier": aidant.identifier, "ends_at": ends})
    on_space = {"dossier_id": str(person.dossier_id)}
    r = client.put(f"/v1/me/documents/{document_id}/masked", headers=aidant_headers, params=on_space)
    assert r.status_code == 403 and r.json()["code"] == "aidant_action_not_delegated"
    assert ("document.mask", "denied", "aidant_action_not_delegated", "aidant") in history(client, laptop)
    assert client.put(f"/v1/me/documents/{document_id}/masked", headers=pro).status_code == 403
    assert client.put(f"/v1/me/documents/{uuid.uuid4()}/masked", headers=laptop).status_code == 404
    assert titles(client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).json()) == {"Compte rendu IRM"}


# ---------------------------------------------------------------- professionals' list: pages are full


def test_the_professionals_list_pages_after_the_policy(
    flows: Flows, client: TestClient, pros: Pros, mailbox: Mailbox
) -> None:
    urgentist = pros.sign_in(SPECIALIST, "medecin_specialiste", "Petit")
    people: list[tuple[Person, Headers]] = []
    for name in ("Arnaud", "Bernard", "Caron", "Dubois", "Fabre"):
        person = flows.activate(flows.provision(last_name=name))
        people.append((person, bearer(flows.login(person))))
    for person, _headers in people:
        r = client.post(
            "/v1/pro/emergency-access",
            headers=urgentist,
            json={"ins": person.nir, "reason_code": "unconscious", "reason": "Inconscient à l'arrivée"},
        )
        assert r.status_code == 201, r.text
    # Two patients turn emergency access by other professionals off: their dossiers drop out of the list.
    for _person, headers in (people[1], people[3]):
        put(
            client,
            "/v1/me/access/emergency",
            headers,
            {"samu": True, "other_professionals": False, "masked_documents": False},
        )

    def page(offset: int) -> list[str]:
        r = client.get("/v1/pro/dossiers", headers=urgentist, params={"limit": 2, "offset": offset})
        assert r.status_code == 200, r.text
        return [d["last_name"] for d in r.json()]

    assert page(0) == ["Arnaud", "Caron"]
    assert page(2) == ["Fabre"]
    assert page(3) == []
    all_names = [d["last_name"] for d in client.get("/v1/pro/dossiers", headers=urgentist).json()]
    assert all_names == ["Arnaud", "Caron", "Fabre"]
