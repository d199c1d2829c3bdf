"""« Prévention », « Agenda » and « Mes demandes de dossier » on a real encrypted dossier in the real window:
rows computed from the dossier, questions that change them, appointments added, exported and imported (with a
preview, nothing half-imported), request letters written, and every control named for assistive technology."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import icalendar

from tests.ui.helpers import missing_accessibility, open_dossier

TODAY = date(2026, 12, 6)


def _rows(page) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount())) for r in range(model.rowCount())]


def _type(qtbot, form, name: str, text: str) -> None:
    editor = form.row(name).editor
    editor.clear()
    qtbot.keyClicks(editor, text)


def _identity(store) -> None:
    store.entries.create(
        "identity",
        {"birth_name": "Martin", "first_names": "Camille", "sex": "F", "birth_date": "1976-03-01",
         "address": "12 rue des Lilas, Rennes"},
    )  # fmt: skip


def _prevention(qtbot, window):
    page = window.dossier.prevention
    page.today = lambda: TODAY
    window.dossier.show_section("prevention")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading, timeout=10_000)
    return page


def test_prevention_lists_what_is_due_with_its_rule_and_source(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    store = window.store
    _identity(store)
    store.entries.create("vaccination", {"vaccine": "Revaxis", "date": "2017-04-03", "dose": "rappel"})
    page = _prevention(qtbot, window)
    rows = {r[2]: r for r in _rows(page)}  # État, Quand, Quoi
    assert rows["Rappel diphtérie-tétanos-poliomyélite à 45 ans"][0] == "Fait"
    assert rows["Rappel diphtérie-tétanos-poliomyélite à 45 ans"][1] == "fait le 03/04/2017"
    done = next(i for i, r in enumerate(page.recommendations()) if r.rule_id == "dtp_adult")
    page.table.setCurrentIndex(page.model.index(done, 0))
    assert "Prochaine fois : 01/03/2041." in page.detail.text()
    breast = rows["Dépistage du cancer du sein (mammographie tous les 2 ans de 50 à 74 ans)"]
    assert breast[0] == "En retard" and breast[1] == "depuis le 01/03/2026"
    row = next(i for i, r in enumerate(page.recommendations()) if r.rule_id == "screening_breast")
    page.table.setCurrentIndex(page.model.index(row, 0))
    assert "mammographie" in page.detail.text()
    assert page.source.text().startswith("Source : Dépistages organisés")
    # An answer changes the result: with a chronic illness the flu vaccine is due this season.
    assert rows["Vaccination contre la grippe saisonnière (campagne 2026-2027)"][0] == "Selon votre réponse"
    with qtbot.waitSignal(page.model.sig_page_loaded, timeout=10_000):
        page.question_boxes["chronic_illness"].setCurrentIndex(1)  # Oui
    rows = {r[2]: r for r in _rows(page)}
    assert rows["Vaccination contre la grippe saisonnière (campagne 2026-2027)"][0] == "À faire"
    assert "pregnant" not in page.question_boxes or page.question_boxes["pregnant"].currentIndex() == 0


def test_prevention_follows_a_new_vaccination_and_explains_a_missing_birth_date(
    qtbot, window, existing_profile
) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.prevention
    page.today = lambda: TODAY
    window.dossier.show_section("prevention")
    page.reload()
    qtbot.waitUntil(lambda: "date de naissance" in page.error.text(), timeout=10_000)
    store = window.store
    _identity(store)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)  # the change event refreshed it
    assert {r.rule_id: r.status.value for r in page.recommendations()}["dtp_adult"] == "overdue"
    store.entries.create("vaccination", {"vaccine": "Revaxis", "date": "2026-11-02"})

    def dtp_adult() -> str:
        return {r.rule_id: r.status.value for r in page.recommendations()}.get("dtp_adult", "")

    qtbot.waitUntil(lambda: dtp_adult() == "done", timeout=10_000)  # refreshed by the change event, no timer
    assert page.error.text() == ""


def test_agenda_add_export_import(qtbot, window, existing_profile, confirmer, tmp_path: Path) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.agenda
    window.dossier.show_section("agenda")
    _type(qtbot, page.form, "title", "Dentiste")
    _type(qtbot, page.form, "starts_at", "10/12/2026 14h30")
    _type(qtbot, page.form, "professional", "Dr Leroy")
    with qtbot.waitSignal(page.form.sig_saved, timeout=10_000):
        page.form.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert _rows(page)[0][:3] == ("10/12/2026 14:30", "Dentiste", "Dr Leroy")
    out = tmp_path / "agenda.ics"
    page.save_chooser = lambda _parent, _name, _filter: out
    page.export(every=True)
    qtbot.waitUntil(lambda: "exporté" in page.notice.text(), timeout=10_000)
    assert [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")] == ["Dentiste"]
    incoming = tmp_path / "autre.ics"
    incoming.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20270105T090000\r\nSUMMARY:Ophtalmologue\r\n"
        "LOCATION:Clinique du Parc\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@test\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20270201\r\n"
        "SUMMARY:Prise de sang\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    page.open_chooser = lambda _parent, _filter: incoming
    confirmer.answers.append(False)  # first: the person looks, then says no
    page.on_import_button_clicked()
    qtbot.waitUntil(lambda: len(confirmer.questions) == 1, timeout=10_000)
    title, text = confirmer.questions[0]
    assert title == "Importer ces rendez-vous ?" and "Ophtalmologue" in text and "Prise de sang" in text
    assert page.model.rowCount() == 1  # nothing added without a yes
    confirmer.answers.append(True)
    page.on_import_button_clicked()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    assert [r[1] for r in _rows(page)] == ["Dentiste", "Ophtalmologue", "Prise de sang"]
    broken = tmp_path / "casse.ics"
    broken.write_text(incoming.read_text().replace("20270105T090000", "20271305T090000").replace("a@test", "c@test"))
    page.open_chooser = lambda _parent, _filter: broken
    page.on_import_button_clicked()
    qtbot.waitUntil(lambda: "Rien n'a été importé" in page.error.text(), timeout=10_000)
    assert "20271305T090000" in page.error.text() and page.model.rowCount() == 3


def test_records_request_letter_and_closing(qtbot, window, existing_profile, tmp_path: Path) -> None:
    open_dossier(qtbot, window)
    _identity(window.store)
    page = window.dossier.requests
    page.now = lambda: datetime(2025, 6, 6, 10, 0)  # past the 48 hours after receipt on 4 June
    window.dossier.show_section("requests")
    form = page.form
    _type(qtbot, form, "recipient", "CHU de Rennes")
    _type(qtbot, form, "requested", "Compte rendu d'hospitalisation de mars 2019")
    _type(qtbot, form, "sent_on", "02/06/2025")
    _type(qtbot, form, "received_on", "04/06/2025")
    for name, value in (("recipient_kind", "establishment"), ("method", "registered_letter")):
        combo = form.row(name).editor
        combo.setCurrentIndex(combo.findData(value))
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert _rows(page)[0] == ("CHU de Rennes", "02/06/2025", "12/06/2025", "En attente")
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert "L1111-7" in page.detail.text()
    out = tmp_path / "lettre.pdf"
    page.save_chooser = lambda _parent, _name, _filter: out
    page.letter_button.click()
    qtbot.waitUntil(lambda: "Lettre enregistrée" in page.notice.text(), timeout=10_000)
    assert out.read_bytes().startswith(b"%PDF")
    received = tmp_path / "dossier-chu.pdf"
    received.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.open_chooser = lambda _parent, _filter: received
    page.file_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and _rows(page)[0][3] == "Dossier reçu", timeout=10_000)
    docs = window.store.documents.list()
    assert [(d.title, d.category) for d in docs] == [("Dossier reçu de CHU de Rennes", "compte_rendu")]
    assert not page.file_button.isEnabled() or page.selected() is None


def test_new_sections_are_named_and_translated(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    dossier = window.dossier
    pages = (dossier.prevention, dossier.agenda, dossier.requests)
    assert missing_accessibility(pages) == []
    window.set_preference("language", "en")
    assert dossier.prevention.title.text() == "Prevention"
    assert dossier.agenda.import_button.text().replace("&", "") == "Import an .ics file"
    assert dossier.requests.title.text() == "My records requests"
    assert dossier.prevention.question_labels["pregnant"].text() == "Are you pregnant?"
    window.set_preference("language", "fr")
    assert dossier.prevention.question_labels["pregnant"].text() == "Êtes-vous enceinte ?"


def test_a_recommendation_becomes_an_appointment(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    _identity(window.store)
    page = _prevention(qtbot, window)
    row = next(i for i, r in enumerate(page.recommendations()) if r.rule_id == "screening_colorectal")
    page.table.setCurrentIndex(page.model.index(row, 0))
    assert page.appointment_button.isEnabled()
    page.appointment_button.click()
    agenda_page = window.dossier.agenda
    assert window.dossier.current_section() == "agenda"
    assert agenda_page.form.row("title").editor.text().startswith("Dépistage du cancer colorectal")
    _type(qtbot, agenda_page.form, "starts_at", "15/01/2027 09h00")
    with qtbot.waitSignal(agenda_page.form.sig_saved, timeout=10_000):
        agenda_page.form.save_button.click()
    qtbot.waitUntil(lambda: agenda_page.model.rowCount() == 1, timeout=10_000)
