"""Notifications beyond professional accesses: an aidant invited, a delegation that ended; e-mail preferences."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from server.clock import ManualClock
from tests.support.access import GP, Pros, patient, put
from tests.support.service import Flows, Mailbox, bearer


def _notes(client: TestClient, headers: dict[str, str]) -> list[tuple[str, str, str | None]]:
    r = client.get("/v1/me/notifications", headers=headers)
    assert r.status_code == 200, r.text
    return [(n["event"], n["professional_name"], n["detail"]) for n in r.json()["items"]]


def test_the_aidant_is_told_whom_they_help_and_both_sides_when_it_ended(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    helped, helped_h = patient(flows)
    aidant = flows.provision(first_names="Luc")
    flows.activate(aidant, "luc.aidant")
    aidant_h = bearer(flows.login(aidant))
    ends = clock.now() + timedelta(days=10)
    r = client.post(
        "/v1/me/access/aidants", headers=helped_h, json={"identifier": "luc.aidant", "ends_at": ends.isoformat()}
    )
    assert r.status_code == 200, r.text
    assert _notes(client, aidant_h) == [("aidant_invited", "Zoé Martin", ends.isoformat())]
    assert _notes(client, helped_h) == []

    clock.advance(timedelta(days=11))
    helped_h, aidant_h = bearer(flows.login(helped)), bearer(flows.login(aidant))
    assert _notes(client, helped_h) == [("aidant_ended", "luc.aidant", ends.isoformat())]
    assert _notes(client, aidant_h)[0] == ("aidant_ended", "Zoé Martin", ends.isoformat())
    assert len(_notes(client, helped_h)) == 1  # told once


def test_the_person_helped_is_told_when_the_aidant_stops_helping(
    flows: Flows, client: TestClient, clock: ManualClock
) -> None:
    helped, helped_h = patient(flows)
    assert helped.dossier_id
    aidant = flows.provision(first_names="Luc")
    flows.activate(aidant, "luc.aidant")
    ends = clock.now() + timedelta(days=10)
    r = client.post(
        "/v1/me/access/aidants", headers=helped_h, json={"identifier": "luc.aidant", "ends_at": ends.isoformat()}
    )
    assert r.status_code == 200, r.text
    r = client.delete(f"/v1/me/shared-dossiers/{helped.dossier_id}/aidant", headers=bearer(flows.login(aidant)))
    assert r.status_code == 204, r.text
    assert _notes(client, helped_h) == [("aidant_ended", "luc.aidant", clock.now().isoformat())]


def test_email_preferences_turn_off_the_mail_never_the_in_app_notification_nor_an_emergency(
    flows: Flows, client: TestClient, pros: Pros, mailbox: Mailbox, clock: ManualClock
) -> None:
    person, me = patient(flows)
    assert person.dossier_id
    pro = pros.sign_in(GP, "medecin_generaliste", "Durand")
    put(client, f"/v1/me/access/professionals/{GP}/authorisation", me)
    assert client.get("/v1/me/notification-preferences", headers=me).json() == {
        "professional_access": True,
        "document_added": True,
        "aidant": True,
        "emergency_access": True,
    }
    r = client.put(
        "/v1/me/notification-preferences",
        headers=me,
        json={"professional_access": False, "document_added": True, "aidant": True},
    )
    assert r.status_code == 200 and r.json()["professional_access"] is False
    # Bad input: 422, nothing changed.
    bad = client.put("/v1/me/notification-preferences", headers=me, json={"professional_access": "peut-être"})
    assert bad.status_code == 422
    assert client.get("/v1/me/notification-preferences", headers=me).json()["professional_access"] is False

    mailbox.clear()
    clock.advance(timedelta(minutes=1))
    assert client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).status_code == 200
    assert mailbox.to(person.email) == []  # no e-mail…
    assert [n[0] for n in _notes(client, me)] == ["professional_access"]  # …the notification is there

    put(
        client,
        "/v1/me/notification-preferences",
        me,
        {"professional_access": True, "document_added": True, "aidant": True},
    )
    clock.advance(timedelta(minutes=1))
    assert client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).status_code == 200
    assert len(mailbox.to(person.email)) == 1
