"""Appointments and records requests are entries: typed on one device, they reach the person's other device through
the real service on loopback, offline-first (written locally, pushed later), and keep their computed deadlines."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app import agenda, records_requests
from dossier.right_of_access import RequestStatus
from tests.support.sync_lab import Lab


def test_appointments_and_requests_reach_the_other_device(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    store = a.profile.dossier()
    visit = agenda.add_appointment(store, {"title": "Dentiste", "starts_at": "2030-01-12T14:30", "place": "Rennes"})
    request = records_requests.add_request(
        store,
        {"recipient": "CHU de Rennes", "recipient_kind": "establishment", "requested": "Mon dossier",
         "method": "email", "sent_on": "2025-06-02"},
    )  # fmt: skip
    assert store.outbox.count_pending() == 2  # kept locally first: nothing needs the service to be there
    a.engine.sync_once()
    assert store.outbox.count_pending() == 0
    b.engine.sync_once()
    other = b.profile.dossier()
    assert [e.data["title"] for e in agenda.list_appointments(other)] == ["Dentiste"]
    assert other.entries.get(visit.id).data["place"] == "Rennes"
    tracked = records_requests.list_requests(other, now=datetime(2025, 6, 5, 12, 0))
    assert [t.entry.id for t in tracked] == [request.id]
    assert tracked[0].deadlines.latest == date(2025, 6, 10) and tracked[0].status is RequestStatus.WAITING
    records_requests.close_request(other, request.id, answered_on=date(2025, 6, 9))
    b.engine.sync_once()
    a.engine.sync_once()
    assert store.entries.get(request.id).data["answered_on"] == "2025-06-09"
