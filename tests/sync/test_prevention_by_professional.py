"""Issue 21 through the real service on loopback: a vaccination a professional records at the clinic marks the
patient's prevention act done once the patient's carnet pulls it (and « À venir » drops it); a repeating
appointment typed on one device reaches the other whole (the service validates the repeat with the same rules)."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app import agenda, prevention
from desktop_app.upcoming import upcoming
from dossier.recurrence import recurrence_of
from tests.support.patient_notifications import patient_events
from tests.support.sync_lab import ANNE, Lab

TODAY = date(2026, 12, 6)


def _statuses(store, profile) -> dict[str, str]:
    answers = prevention.load_answers(profile, store.dossier_id)
    return {r.rule_id: r.status.value for r in prevention.due(store, answers=answers, today=TODAY)}


def test_a_vaccination_recorded_by_a_professional_marks_the_act_done(lab: Lab) -> None:
    anne = lab.professional(ANNE)  # a médecin généraliste, allowed to vaccinate
    person = lab.person()
    patient = lab.device(person)
    lab.grant(patient, ANNE)
    store = patient.profile.dossier()
    identity = store.entries.list("identity", limit=1)
    fields = {"birth_name": "Martin", "first_names": "Camille", "sex": "F", "birth_date": "1976-03-01"}
    if identity:
        store.entries.update(identity[0].id, {**identity[0].data, "birth_date": "1976-03-01", "sex": "F"})
    else:
        store.entries.create("identity", fields)
    patient.engine.sync_once()
    assert _statuses(store, patient.profile)["dtp_adult"] == "overdue"  # the booster at 45 was never recorded
    now = datetime.combine(TODAY, datetime.min.time())
    assert "dtp_adult" in {u.key for u in upcoming(store, patient.profile, now=now, limit=50)[0]}

    clinic = lab.pro_device(anne)
    clinic.engine.sync_once()
    clinic.profile.dossier(str(person.dossier_id)).entries.create(
        "vaccination", {"vaccine": "Revaxis", "date": "2024-02-14", "dose": "rappel"}, author_kind="professional"
    )
    report = clinic.engine.sync_once()
    assert report.pushed.get("applied") == 1, report
    patient.engine.sync_once()
    assert _statuses(store, patient.profile)["dtp_adult"] == "done"
    assert "dtp_adult" not in {u.key for u in upcoming(store, patient.profile, now=now, limit=50)[0]}


def test_a_repeating_appointment_reaches_the_other_device_whole(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    physio = agenda.add_appointment(
        a.profile.dossier(),
        {"title": "Kiné", "starts_at": "2030-01-08T18:00", "repeat": "weekly", "repeat_interval": 2,
         "repeat_until": "2030-03-05", "remind_minutes_before": 60},
    )  # fmt: skip
    report = a.engine.sync_once()
    assert report.pushed.get("applied") == 1, report
    b.engine.sync_once()
    other = b.profile.dossier().entries.get(physio.id)
    assert recurrence_of(other.data) == recurrence_of(physio.data) and recurrence_of(other.data) is not None


def test_an_appointment_a_professional_sends_reaches_the_patient_who_may_cancel_it(lab: Lab) -> None:
    anne = lab.professional(ANNE)
    person = lab.person()
    patient = lab.device(person)
    lab.grant(patient, ANNE)
    clinic = lab.pro_device(anne)
    clinic.engine.sync_once()
    sent = clinic.profile.dossier(str(person.dossier_id)).entries.create(
        "appointment",
        {"title": "Contrôle tensionnel", "starts_at": "2030-01-08T10:00", "professional": "Dr Anne",
         "remind_minutes_before": 60},
        author_kind="professional",
    )  # fmt: skip
    mails = len(lab.mailbox.to(person.email))
    report = clinic.engine.sync_once()
    assert report.pushed.get("applied") == 1, report
    assert patient_events(lab, patient).count("appointment_sent_by_professional") == 1
    assert len(lab.mailbox.to(person.email)) == mails + 1
    # Offline-first: once pulled, it is in the patient's agenda, « À venir » and reminders, without the service.
    patient.engine.sync_once()
    store = patient.profile.dossier()
    assert [e.id for e in agenda.list_appointments(store)] == [sent.id]
    now = datetime(2030, 1, 1, 9, 0)
    assert [u.key for u in upcoming(store, patient.profile, now=now)[0] if u.section == "agenda"] == [sent.id]
    # It is the patient's agenda: they may cancel it, and the cancellation syncs.
    store.entries.delete(sent.id)
    report = patient.engine.sync_once()
    assert report.pushed.get("applied") == 1, report
    other = lab.device(person)  # the person's other computer: the cancellation reached the service
    other.engine.sync_once()
    assert agenda.list_appointments(other.profile.dossier()) == []
