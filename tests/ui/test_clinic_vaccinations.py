"""Issue 18 at the clinic workstation, against the real service on loopback: a nurse's vaccination made offline
reaches the patient's other device and is notified; a physiotherapist is offered no vaccination form and the policy
refuses one anyway; a refused change is never silent (its reason shown until acknowledged); messages that come and
go never move the form."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from desktop_app.dossier_store import utc_now
from desktop_app.sync.engine import S_ACCESS
from dossier.documents import Confidentiality
from server.clock import ManualClock
from tests.support.clinic_lab import Network, add_document, prepare, registered, search, shot, sign_in
from tests.support.clinic_lab import clinic as clinic
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.patient_notifications import patient_events
from tests.support.sync_lab import Lab
from ui.clinic.window import ClinicWindow
from ui.ops import wait_for_idle

NURSE, PHYSIO, PHARMACIST = "10000000025", "10000000033", "10000000041"


def _day(qtbot: Any, lab: Lab, clinic: ClinicWindow, pro: dict[str, Any]) -> tuple[Any, Any]:
    """The professional signs in, finds Martin (who authorised them) and keeps his dossier for the day."""
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, pro["rpps"])
    sign_in(qtbot, clinic, lab, pro)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [str(patient.dossier_id)])
    return patient, device


def _open_offline(qtbot: Any, clinic: ClinicWindow, network: Network, dossier_id: str) -> None:
    network.online = False
    clinic.open_dossier(dossier_id)
    qtbot.waitUntil(lambda: clinic.editing.isEnabled(), timeout=20_000)


def _fates(clinic: ClinicWindow) -> list[str]:
    return [clinic.pending.item(i).text() for i in range(clinic.pending.count())]


def _send(qtbot: Any, clinic: ClinicWindow, network: Network) -> None:
    """Back online, « Réessayer maintenant », until nothing waits any more."""
    qtbot.waitUntil(lambda: any(f.startswith("En attente :") for f in _fates(clinic)), timeout=10_000)
    network.online = True
    qtbot.waitUntil(clinic.retry.isEnabled, timeout=20_000)
    clinic.retry.click()
    qtbot.waitUntil(lambda: not any(f.startswith("En attente :") for f in _fates(clinic)), timeout=30_000)


def test_a_nurses_vaccination_offline_reaches_the_patients_other_device_and_is_notified(
    qtbot: Any, lab: Lab, clinic: Any, network: Network
) -> None:
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    assert "Docteur" not in nurse["mail"]  # the enrolment mail does not call a nurse « Docteur »
    patient, device = _day(qtbot, lab, clinic, nurse)
    assert clinic.who.text().startswith(
        "Connecté : Claire LEROY — Infirmier·ère (RPPS 10000000025) · poste de confiance"
    )
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    assert clinic.vaccination.isVisible() and not clinic.no_vaccination.isVisible()

    form = clinic.vaccination
    form.save.click()  # nothing typed: the required fields say so…
    qtbot.waitUntil(lambda: form.errors["vaccine"].isVisible(), timeout=10_000)
    qtbot.keyClicks(form.editors["vaccine"], "DTPolio")  # …and a field's error goes once it is typed in
    assert not form.errors["vaccine"].isVisible()
    qtbot.keyClicks(form.editors["date"], "14/02/2024")  # JJ/MM/AAAA
    form.save.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)
    assert _fates(clinic)[0].startswith("En attente : MARTIN")
    qtbot.waitUntil(lambda: clinic.focusWidget() is form.editors["vaccine"])  # ready for the next one
    assert not any(e.isVisible() for e in form.errors.values())
    shot(clinic, "v1-nurse-waiting")

    _send(qtbot, clinic, network)
    assert clinic.pending_title.text() == "En attente d'envoi (0)"
    assert _fates(clinic)[0].startswith("Envoyée : MARTIN") and "Vaccination DTPolio" in _fates(clinic)[0]
    shot(clinic, "v2-nurse-sent")

    device.engine.sync_once()  # the patient's other device
    found = [e for e in device.profile.dossier().entries.list("vaccination")]
    assert [(e.data["vaccine"], e.data["date"]) for e in found] == [("DTPolio", "2024-02-14")]
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    notes = lab.api.get("/v1/me/notifications", headers=headers).json()["items"]
    assert [n["event"] for n in notes].count("vaccination_recorded_by_professional") == 1
    assert any("nouvelle vaccination" in str(m["Subject"]) for m in lab.mailbox.to(patient.email))


def test_a_physiotherapist_is_offered_no_vaccination_and_the_policy_refuses_one_with_its_reason_until_acknowledged(
    qtbot: Any, lab: Lab, clinic: Any, network: Network
) -> None:
    physio = registered(lab, PHYSIO, "masseur_kinesitherapeute", "Petit", "Marc")
    patient, _device = _day(qtbot, lab, clinic, physio)
    assert "Masseur-kinésithérapeute" in clinic.who.text()
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    assert clinic.add_tabs.currentIndex() == 1 and clinic.appointment.isVisible()  # what a physio adds, first
    clinic.add_tabs.setCurrentIndex(0)
    assert not clinic.vaccination.isVisible() and clinic.no_vaccination.isVisible()
    assert clinic.add_document.isVisible()
    shot(clinic, "v3-physio-no-form")

    # Whatever the screen offers, the service decides: a vaccination queued by other means is refused.
    session = clinic.session
    store = session.engine.require_open(str(patient.dossier_id))
    store.entries.create("vaccination", {"vaccine": "Grippe", "date": "2024-10-20"}, author_kind="professional")
    _send(qtbot, clinic, network)
    refused = _fates(clinic)
    assert refused[0].startswith("REFUSÉE : MARTIN") and "Vaccination Grippe" in refused[0]
    assert "Votre profession n'est pas habilitée à inscrire une vaccination" in refused[0]
    assert clinic.pending_title.text() == "En attente d'envoi (1) — dont 1 refusée(s) : à revoir"  # never (0)
    shot(clinic, "v4-refused")

    clinic.retry.click()  # another sync: the refusal stays
    qtbot.waitUntil(lambda: clinic.retry.isEnabled(), timeout=20_000)
    clinic.refresh_lists()
    qtbot.wait(200)
    wait_for_idle()
    assert _fates(clinic)[0].startswith("REFUSÉE")
    assert not clinic.correct.isEnabled()  # nothing to correct into: no vaccination form for this profession

    clinic.switch_user.click()  # still there at the next sign-in: it is in the encrypted profile
    sign_in(qtbot, clinic, lab, physio)
    qtbot.waitUntil(lambda: clinic.pending.count() > 0, timeout=20_000)
    assert _fates(clinic)[0].startswith("REFUSÉE")

    clinic.pending.setCurrentRow(0)
    assert clinic.acknowledge.isEnabled()
    clinic.acknowledge.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (0)", timeout=10_000)
    assert not any(f.startswith("REFUSÉE") for f in _fates(clinic))


def _document_dialog(qtbot: Any, clinic: ClinicWindow, picker: Any, path: Any) -> Any:
    """« Ajouter un document… » with this (small PDF) file chosen: the dialog that asks its category and doors."""
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    picker.path = path
    clinic.add_document.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is not None, timeout=10_000)
    return clinic.document_dialog


def _nurses_serologie(
    qtbot: Any, lab: Lab, clinic: ClinicWindow, network: Network, picker: Any, tmp_path: Any
) -> tuple[Any, Any, Any]:
    """A nurse's day with Martin, offline, and the document dialog of a « Sérologie » (biologie) being added."""
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    patient, device = _day(qtbot, lab, clinic, nurse)
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    dialog = _document_dialog(qtbot, clinic, picker, tmp_path / "Résultat.pdf")
    dialog.category.setCurrentIndex(dialog.category.findData("biologie"))
    dialog.title.setText("Sérologie")
    return patient, device, dialog


def test_a_pharmacist_is_offered_only_the_categories_of_the_matrice_and_a_refused_document_says_why(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Any, tmp_path: Any
) -> None:
    pharmacist = registered(lab, PHARMACIST, "pharmacien", "Roux", "Inès")
    patient, _device = _day(qtbot, lab, clinic, pharmacist)
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    dialog = _document_dialog(qtbot, clinic, picker, tmp_path / "Compte rendu.pdf")
    offered = [dialog.category.itemData(i) for i in range(dialog.category.count())]
    assert "ordonnance" in offered and "compte_rendu" not in offered and "imagerie" not in offered
    dialog.reject()

    # Queued by other means, a compte rendu is refused by the service, and the list says why.
    store = clinic.session.engine.require_open(str(patient.dossier_id))
    store.documents.add(
        picker.path.read_bytes(), title="Compte rendu", category="compte_rendu", author_kind="professional"
    )
    _send(qtbot, clinic, network)
    assert "La matrice d'habilitation ne permet pas à votre profession ce type de document" in _fates(clinic)[0]
    assert "refusée" in clinic.pending_title.text()


def test_a_document_with_its_doors_reaches_the_patient_as_chosen(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Any, tmp_path: Any
) -> None:
    patient, device, dialog = _nurses_serologie(qtbot, lab, clinic, network, picker, tmp_path)
    dialog.date.setText("31/02/2024")  # bad input: said, nothing saved
    dialog.confirm.click()
    assert dialog.error.isVisible() and "JJ/MM/AAAA" in dialog.error.text()
    dialog.date.setText("01/03/2024")
    dialog.announce.setChecked(True)
    dialog.confirm.click()
    assert "à partir de quand" in dialog.error.text()
    assert lab.live.ctx is not None
    later = lab.live.ctx.now().date() + timedelta(days=10)  # the service's (test) clock decides the day
    dialog.announce_date.setText(later.strftime("%d/%m/%Y"))
    dialog.minor_secret.setChecked(True)
    shot(dialog, "v6-document-doors")
    dialog.confirm.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is None, timeout=10_000)
    _send(qtbot, clinic, network)
    assert _fates(clinic)[0].startswith("Envoyée : MARTIN") and "Document Sérologie" in _fates(clinic)[0]

    # The patient's device does not get it before the consultation d'annonce, and the patient is not told; on its
    # day (at most a month after it was added, the policy's rule) it reaches them with both doors, and they are told
    # — by e-mail to their own account only: a minor's secret care leaves no row in the dossier's notification feed,
    # which legal representatives read.
    def told_by_mail() -> int:
        return sum("nouveau document" in str(m["Subject"]) for m in lab.mailbox.to(patient.email))

    device.engine.sync_once()
    assert "Sérologie" not in [d.title for d in device.profile.dossier().documents.list()]
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    notes = lab.api.get("/v1/me/notifications", headers=headers).json()["items"]
    assert "document_added_by_professional" not in [n["event"] for n in notes]
    mailed_before = told_by_mail()
    assert isinstance(lab.live.settings.clock, ManualClock)
    lab.live.settings.clock.advance(timedelta(days=10))
    device.engine.sync_once()
    [theirs] = [d for d in device.profile.dossier().documents.list() if d.title == "Sérologie"]
    assert theirs.confidentiality.hidden_from_patient_until == later
    assert theirs.confidentiality.hidden_from_legal_representatives and theirs.category == "biologie"
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}  # refreshed meanwhile
    notes = lab.api.get("/v1/me/notifications", headers=headers).json()["items"]
    assert "document_added_by_professional" not in [n["event"] for n in notes]
    assert told_by_mail() == mailed_before + 1
    wait_for_idle()
    [mine] = clinic.session.profile.dossier(str(patient.dossier_id)).documents.list()  # the author still sees it
    assert mine.confidentiality.hidden_from_patient_until == later
    assert mine.confidentiality.hidden_from_legal_representatives


def _places(window: QWidget, widgets: list[QWidget]) -> list[tuple[QPoint, int]]:
    return [(w.mapTo(window, QPoint(0, 0)), w.height()) for w in widgets]


def test_the_banner_and_messages_coming_and_going_never_move_the_form(
    qtbot: Any, lab: Lab, clinic: Any, network: Network
) -> None:
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    patient, _device = _day(qtbot, lab, clinic, nurse)
    network.online = True
    clinic.open_dossier(str(patient.dossier_id))
    qtbot.waitUntil(lambda: clinic.editing.isEnabled(), timeout=20_000)
    qtbot.wait(50)
    fields = [*clinic.vaccination.editors.values(), clinic.vaccination.save, clinic.pending]
    before = _places(clinic, fields)

    clinic.banner.setText("Accès en urgence — jusqu'au 01/01/2030 12:00")
    clinic.banner.setVisible(True)
    qtbot.wait(50)
    assert _places(clinic, fields) == before
    clinic.banner.setVisible(False)
    qtbot.wait(50)
    assert _places(clinic, fields) == before

    _open_offline(qtbot, clinic, network, str(patient.dossier_id))  # « Hors ligne : copie de ce poste. »
    qtbot.waitUntil(clinic.dossier_error.isVisible, timeout=10_000)
    qtbot.wait(50)
    assert _places(clinic, fields) == before
    clinic.retry.click()  # offline: the sync error line appears below the list
    qtbot.waitUntil(clinic.sync_error.isVisible, timeout=20_000)
    qtbot.wait(50)
    assert _places(clinic, fields) == before
    network.online = True
    clinic.open_dossier(str(patient.dossier_id))
    qtbot.waitUntil(lambda: not clinic.dossier_error.isVisible(), timeout=20_000)
    qtbot.wait(50)
    assert _places(clinic, fields) == before
    assert Qt.FocusPolicy.NoFocus != clinic.vaccination.editors["vaccine"].focusPolicy()


def _lines(clinic: ClinicWindow) -> list[str]:
    return [clinic.contents.item(i).text().strip() for i in range(clinic.contents.count())]


def _section(clinic: ClinicWindow, title: str) -> list[str]:
    """The lines under one section heading of the open dossier."""
    lines = _lines(clinic)
    start = lines.index(title) + 1
    heads = {"Allergies", "Traitements en cours", "Vaccinations", "Directives anticipées et volontés", "Entourage"}
    heads |= {"Histoire de santé", "Documents"}
    end = next((i for i in range(start, len(lines)) if lines[i] in heads), len(lines))
    return lines[start:end]


def test_the_dossier_view_says_section_by_section_what_is_hidden_and_why(
    qtbot: Any, lab: Lab, clinic: Any, network: Network
) -> None:
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, NURSE)
    store = device.profile.dossier()
    store.entries.create("allergy", {"name": "Pénicilline"})
    store.entries.create("vaccination", {"vaccine": "ROR", "date": "1990-05-02"})
    store.documents.add(b"%PDF-1.4\n%%EOF\n", title="Bilan infirmier", category="compte_rendu")
    secret = store.documents.add(b"%PDF-1.4\n%%EOF\n", title="Consultation psy", category="compte_rendu")
    store.documents.set_confidentiality(secret.id, Confidentiality(masked_from_professionals=True))
    store.documents.add(b"%PDF-1.4\n%%EOF\n", title="IRM genou", category="imagerie")
    device.engine.sync_once()

    sign_in(qtbot, clinic, lab, nurse)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [str(patient.dossier_id)])
    clinic.open_dossier(str(patient.dossier_id))
    qtbot.waitUntil(lambda: "Documents" in _lines(clinic), timeout=20_000)
    assert _section(clinic, "Allergies") == [
        "Masqué : le patient garde cette partie de son profil pour lui (il peut vous remettre sa synthèse)."
    ]
    assert "Pénicilline" not in " ".join(_lines(clinic))
    assert any("ROR" in line for line in _section(clinic, "Vaccinations"))
    documents = _section(clinic, "Documents")
    assert "Document : Bilan infirmier" in documents
    assert not any("Consultation psy" in d or "IRM genou" in d for d in documents)
    assert "1 document(s) masqué(s) par le patient." in documents
    assert any("matrice d'habilitation" in d and "Radio/écho/scanner/IRM" in d for d in documents)
    shot(clinic, "v5-dossier-view")

    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    body = {"samu": True, "other_professionals": True, "masked_documents": False, "mask_all_including_emergency": True}
    assert lab.api.put("/v1/me/access/emergency", json=body, headers=headers).status_code == 200
    clinic.open_dossier(str(patient.dossier_id))  # « tout masquer »: said so, nothing shown
    qtbot.waitUntil(lambda: any("tout masquer" in line for line in _lines(clinic)), timeout=20_000)


def test_a_professional_edits_and_deletes_their_own_document_not_the_patients(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Any, tmp_path: Any
) -> None:
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    patient = lab.person()
    device = lab.device(patient)
    lab.grant(device, NURSE)
    device.profile.dossier().documents.add(b"%PDF-1.4\n%%EOF\n", title="Bilan du patient", category="synthese")
    device.engine.sync_once()
    sign_in(qtbot, clinic, lab, nurse)
    search(qtbot, clinic, "Martin")
    prepare(qtbot, clinic, [str(patient.dossier_id)])
    clinic.open_dossier(str(patient.dossier_id))
    qtbot.waitUntil(lambda: "Document : Bilan du patient" in _lines(clinic), timeout=20_000)
    picker.path = tmp_path / "Pansement.pdf"
    picker.path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    add_document(qtbot, clinic, category="ordonnance")
    qtbot.waitUntil(lambda: "Document : Pansement" in _lines(clinic), timeout=20_000)
    _send(qtbot, clinic, network)
    device.engine.sync_once()
    assert sorted(d.title for d in device.profile.dossier().documents.list()) == ["Bilan du patient", "Pansement"]

    clinic.contents.setCurrentRow(_lines(clinic).index("Document : Bilan du patient"))
    assert not clinic.delete_document.isEnabled() and not clinic.retitle_document.isEnabled()  # the patient's
    clinic.contents.setCurrentRow(_lines(clinic).index("Document : Pansement"))
    assert clinic.delete_document.isEnabled()
    dialog = clinic.retitle_selected_document()  # « Modifier mon document… »
    dialog.title.setText("")
    dialog.confirm.click()
    assert "obligatoire" in dialog.error.text()
    dialog.title.setText("Pansement du 06/12")
    dialog.date.setText("01/03/2024")
    dialog.confirm.click()
    qtbot.waitUntil(lambda: "Document : Pansement du 06/12" in _lines(clinic), timeout=20_000)
    _send(qtbot, clinic, network)
    device.engine.sync_once()
    assert not any(f.startswith("REFUSÉE") for f in _fates(clinic)), _fates(clinic)
    titles = sorted(d.title for d in device.profile.dossier().documents.list())
    assert titles == ["Bilan du patient", "Pansement du 06/12"]
    clinic.contents.setCurrentRow(_lines(clinic).index("Document : Pansement du 06/12"))
    clinic.confirmer.answers.append(True)
    clinic.delete_document.click()
    qtbot.waitUntil(lambda: "Document : Pansement du 06/12" not in _lines(clinic), timeout=20_000)
    _send(qtbot, clinic, network)
    assert not any(f.startswith("REFUSÉE") for f in _fates(clinic))
    device.engine.sync_once()
    assert [d.title for d in device.profile.dossier().documents.list()] == ["Bilan du patient"]


def test_a_refused_vaccination_is_corrected_from_the_list(qtbot: Any, lab: Lab, clinic: Any, network: Network) -> None:
    """The workstation's clock is ahead of the service's: a vaccination dated today here is in the future there.
    The refusal says so; « Corriger… » puts it back in the form, and the corrected one is sent."""
    assert lab.live.ctx is not None and lab.live.ctx.now().date() < utc_now().date()  # the service's test clock
    nurse = registered(lab, NURSE, "infirmier", "Leroy", "Claire")
    patient, device = _day(qtbot, lab, clinic, nurse)
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    form = clinic.vaccination
    form.editors["vaccine"].setText("Tétanos")
    form.editors["date"].setText(utc_now().strftime("%d/%m/%Y"))
    form.save.click()
    _send(qtbot, clinic, network)
    assert _fates(clinic)[0].startswith("REFUSÉE : MARTIN") and "dans le futur" in _fates(clinic)[0]
    clinic.pending.setCurrentRow(0)
    assert clinic.correct.isEnabled()
    clinic.correct.click()
    assert form.editors["vaccine"].text() == "Tétanos" and form.editors["date"].text() == utc_now().strftime("%d/%m/%Y")
    qtbot.waitUntil(lambda: not any(f.startswith("REFUSÉE") for f in _fates(clinic)), timeout=10_000)
    form.editors["date"].setText("02/01/2024")
    form.save.click()
    qtbot.waitUntil(lambda: any(f.startswith("En attente") for f in _fates(clinic)), timeout=10_000)
    clinic.retry.click()
    qtbot.waitUntil(lambda: _fates(clinic)[0].startswith("Envoyée"), timeout=30_000)
    device.engine.sync_once()
    assert [e.data["date"] for e in device.profile.dossier().entries.list("vaccination")] == ["2024-01-02"]


def test_a_refused_document_says_why_and_is_corrected_in_its_dialog_then_sent(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Any, tmp_path: Any
) -> None:
    """The service's clock is behind the workstation's: a document dated today here is in the future there. The
    list says why in French; « Corriger… » asks the file again (the refusal erased its copy here) and reopens the
    dialog with everything kept and the reason shown; closing it keeps the refusal; the corrected one is sent and
    reaches the patient's device."""
    assert lab.live.ctx is not None and lab.live.ctx.now().date() < utc_now().date()
    _patient, device, dialog = _nurses_serologie(qtbot, lab, clinic, network, picker, tmp_path)
    dialog.date.setText(utc_now().strftime("%d/%m/%Y"))
    dialog.minor_secret.setChecked(True)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is None, timeout=10_000)
    _send(qtbot, clinic, network)
    refused = _fates(clinic)[0]
    assert refused.startswith("REFUSÉE : MARTIN") and "Document Sérologie" in refused and "futur" in refused
    assert "refusée" in clinic.pending_title.text()

    # « Corriger… », the file chosen again: the dialog comes back filled, with the reason; closing it changes nothing.
    clinic.pending.setCurrentRow(0)
    assert clinic.correct.isEnabled()
    clinic.correct.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is not None, timeout=10_000)
    again = clinic.document_dialog
    assert again.category.currentData() == "biologie" and again.title.text() == "Sérologie"
    assert again.date.text() == utc_now().strftime("%d/%m/%Y") and again.minor_secret.isChecked()
    assert again.error.isVisible() and "futur" in again.error.text()
    shot(again, "clinic-document-correct")
    again.reject()
    qtbot.waitUntil(lambda: clinic.document_dialog is None, timeout=10_000)
    assert _fates(clinic)[0] == refused  # still there, until corrected or acknowledged

    clinic.correct.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is not None, timeout=10_000)
    again = clinic.document_dialog
    again.date.setText("01/01/2024")
    again.confirm.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: not any(f.startswith("REFUSÉE") for f in _fates(clinic)), timeout=10_000)
    qtbot.waitUntil(lambda: any(f.startswith("En attente") for f in _fates(clinic)), timeout=10_000)
    network.online = True
    clinic.retry.click()
    qtbot.waitUntil(lambda: _fates(clinic)[0].startswith("Envoyée"), timeout=30_000)
    assert "refusée" not in clinic.pending_title.text()
    device.engine.sync_once()
    [theirs] = device.profile.dossier().documents.list()
    assert (theirs.title, theirs.category, str(theirs.document_date)) == ("Sérologie", "biologie", "2024-01-01")
    assert theirs.confidentiality.hidden_from_legal_representatives


def test_a_document_the_matrice_refuses_is_corrected_to_a_category_the_profession_may_add(
    qtbot: Any, lab: Lab, clinic: Any, network: Network, picker: Any, tmp_path: Any
) -> None:
    pharmacist = registered(lab, PHARMACIST, "pharmacien", "Roux", "Inès")
    patient, device = _day(qtbot, lab, clinic, pharmacist)
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    path = tmp_path / "Compte rendu.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    store = clinic.session.engine.require_open(str(patient.dossier_id))  # queued by other means (an older client)
    store.documents.add(path.read_bytes(), title="Compte rendu", category="compte_rendu", author_kind="professional")
    _send(qtbot, clinic, network)
    assert "La matrice d'habilitation ne permet pas à votre profession ce type de document" in _fates(clinic)[0]
    clinic.pending.setCurrentRow(0)
    picker.path = path
    clinic.correct.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is not None, timeout=10_000)
    dialog = clinic.document_dialog
    assert "La matrice d'habilitation" in dialog.error.text() and dialog.title.text() == "Compte rendu"
    assert dialog.category.findData("compte_rendu") < 0  # not offered: the policy would refuse it again
    dialog.category.setCurrentIndex(dialog.category.findData("ordonnance"))
    dialog.confirm.click()
    qtbot.waitUntil(lambda: clinic.document_dialog is None, timeout=10_000)
    qtbot.waitUntil(clinic.retry.isEnabled, timeout=20_000)
    clinic.retry.click()
    qtbot.waitUntil(lambda: _fates(clinic) and _fates(clinic)[0].startswith("Envoyée"), timeout=30_000)
    device.engine.sync_once()
    assert [(d.title, d.category) for d in device.profile.dossier().documents.list()] == [
        ("Compte rendu", "ordonnance")
    ]


def test_a_physiotherapist_sends_an_appointment_to_the_patients_agenda(
    qtbot: Any, lab: Lab, clinic: Any, network: Network
) -> None:
    """Issue 21: any professional may send an appointment (offline first); the patient is told and has it in the
    agenda, with « À venir » and reminders."""
    physio = registered(lab, PHYSIO, "masseur_kinesitherapeute", "Petit", "Marc")
    patient, device = _day(qtbot, lab, clinic, physio)
    _open_offline(qtbot, clinic, network, str(patient.dossier_id))
    form = clinic.appointment
    assert form.isVisible() and "remind_minutes_before" not in form.editors  # reminders are the patient's
    form.save.click()  # nothing typed: the required fields say so
    qtbot.waitUntil(lambda: form.errors["title"].isVisible(), timeout=10_000)
    qtbot.keyClicks(form.editors["title"], "Seance de reeducation")
    qtbot.keyClicks(form.editors["starts_at"], "12/01/2030 17:30")
    qtbot.keyClicks(form.editors["professional"], "M. Petit")
    form.save.click()
    qtbot.waitUntil(lambda: clinic.pending_title.text() == "En attente d'envoi (1)", timeout=10_000)
    assert not any(e.isVisible() for e in form.errors.values())
    _send(qtbot, clinic, network)
    assert _fates(clinic)[0].startswith("Envoyée : MARTIN") and "Rendez-vous Seance de reeducation" in _fates(clinic)[0]
    device.engine.sync_once()
    found = device.profile.dossier().entries.list("appointment")
    assert [(e.data["title"], e.data["starts_at"], e.data["professional"]) for e in found] == [
        ("Seance de reeducation", "2030-01-12T17:30:00", "M. Petit")
    ]
    assert patient_events(lab, device).count("appointment_sent_by_professional") == 1
    shot(clinic, "v5-appointment-sent")
