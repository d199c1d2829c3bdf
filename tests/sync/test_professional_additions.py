"""What a professional adds through sync reaches the patient and is notified once per kind of event in a batch:
documents, and vaccinations by a profession allowed to vaccinate (the real service, the real SMTP outbox)."""

from __future__ import annotations

from desktop_app.sync.engine import S_ACCESS
from tests.support.sync_lab import ANNE, Lab


def test_a_batch_of_documents_and_a_vaccination_are_notified_once_each(lab: Lab) -> None:
    anne = lab.professional(ANNE)  # a médecin généraliste: documents of every category, and vaccinations
    person = lab.person()
    patient = lab.device(person)
    lab.grant(patient, ANNE)
    clinic = lab.pro_device(anne)
    dossier_id = str(person.dossier_id)
    clinic.engine.sync_once()
    store = clinic.profile.dossier(dossier_id)
    for title in ("Compte rendu 1", "Compte rendu 2", "Compte rendu 3"):
        store.documents.add(b"%PDF-1.4\n%%EOF\n", title=title, category="compte_rendu", author_kind="professional")
    store.entries.create("vaccination", {"vaccine": "DTPolio", "date": "2024-02-14"}, author_kind="professional")
    mails = len(lab.mailbox.to(person.email))
    report = clinic.engine.sync_once()
    assert report.pushed.get("applied") == 4, report

    headers = {"Authorization": f"Bearer {patient.profile.settings[S_ACCESS]}"}
    events = [n["event"] for n in lab.api.get("/v1/me/notifications", headers=headers).json()["items"]]
    assert events.count("document_added_by_professional") == 1
    assert events.count("vaccination_recorded_by_professional") == 1
    assert len(lab.mailbox.to(person.email)) == mails + 2
    patient.engine.sync_once()
    assert [e.data["vaccine"] for e in patient.profile.dossier().entries.list("vaccination")] == ["DTPolio"]
