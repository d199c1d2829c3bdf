"""The « Vaccinations » section and undo after a deletion or a masking, on a real encrypted dossier."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import missing_accessibility, open_dossier
from ui.profile.view import profile_kinds


def _activate(qtbot, window) -> None:
    """Shortcuts (Ctrl+4, Ctrl+Z) reach only the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _type(qtbot, form, name: str, text: str) -> None:
    editor = form.row(name).editor
    editor.clear()
    qtbot.keyClicks(editor, text)


def _rows(page) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount())) for r in range(model.rowCount())]


def _add(qtbot, page, vaccine: str, when: str, lot: str = "") -> None:
    form = page.form
    _type(qtbot, form, "vaccine", vaccine)
    _type(qtbot, form, "date", when)
    if lot:
        _type(qtbot, form, "lot", lot)
    with qtbot.waitSignal(page.sig_entry_saved, timeout=10_000):
        form.save_button.click()


def test_vaccinations_section_adds_after_a_refused_date_edits_and_is_its_own_section(
    qtbot, window, existing_profile
) -> None:
    open_dossier(qtbot, window)
    dossier = window.dossier
    assert "vaccination" not in profile_kinds()  # one place for vaccinations: the section, not a rubric
    _activate(qtbot, window)
    qtbot.keyClick(dossier.nav, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert dossier.current_section() == "vaccinations"
    page = dossier.vaccinations
    assert missing_accessibility([page]) == []

    form = page.form
    _type(qtbot, form, "vaccine", "DTPolio")
    _type(qtbot, form, "date", "32/13/2024")
    with qtbot.waitSignal(form.sig_rejected, timeout=10_000):
        form.save_button.click()
    assert form.errors().get("date") and form.row("date").error.isVisible()
    assert page.model.rowCount() == 0 and window.store.entries.count("vaccination") == 0
    assert form.row("date").editor.text() == "32/13/2024"  # kept so the person can correct it

    _type(qtbot, form, "date", "14/02/2024")
    form.row("dose").editor.setCurrentIndex(form.row("dose").editor.findData("rappel"))
    _type(qtbot, form, "lot", "AB123")
    with qtbot.waitSignal(page.sig_entry_saved, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert _rows(page) == [("DTPolio", "14/02/2024", "Rappel · lot AB123", "Moi")]

    # Edit the patient's own entry through the same form.
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    page.edit_button.click()
    assert form.row("vaccine").editor.text() == "DTPolio"
    _type(qtbot, form, "vaccine", "DTPolio Boostrix")
    with qtbot.waitSignal(page.sig_entry_saved, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: [r[0] for r in _rows(page)] == ["DTPolio Boostrix"], timeout=10_000)
    assert window.store.entries.count("vaccination") == 1


def test_a_professionals_vaccination_is_shown_but_never_edited_or_deleted(
    qtbot, window, existing_profile, confirmer
) -> None:
    open_dossier(qtbot, window)
    window.store.entries.create(
        "vaccination", {"vaccine": "ROR", "date": "2015-06-01", "dose": "primo"}, author_kind="professional"
    )
    page = window.dossier.vaccinations
    window.dossier.show_section("vaccinations")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert _rows(page)[0][3] == "Un professionnel de santé"
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.read_only_note.isVisibleTo(page) and "ni la modifier ni la supprimer" in page.read_only_note.text()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the shortcut is refused too: nothing asked, nothing deleted
    page.on_delete_button_clicked()
    assert confirmer.questions == []
    assert window.store.entries.count("vaccination") == 1


def _pending_ops(window) -> list[tuple[str, str]]:
    return [(m.op, m.entity_id) for m in window.store.outbox.pending()]


def test_deleting_a_vaccination_asks_then_undo_restores_it_and_the_restore_reaches_the_outbox(
    qtbot, window, existing_profile, confirmer
) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.vaccinations
    window.dossier.show_section("vaccinations")
    _add(qtbot, page, "Grippe", "15/10/2025", lot="FLU9")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    entry = page.selected()
    assert entry is not None

    confirmer.answers.append(False)  # « Annuler »: nothing deleted, nothing offered
    page.delete_button.click()
    assert "sera supprimée de votre carnet" in confirmer.questions[-1][1]
    assert window.store.entries.count("vaccination") == 1 and not window.undo_button.isVisibleTo(window)

    confirmer.answers.append(True)
    with qtbot.waitSignal(window.dossier.undo.sig_changed, timeout=10_000):
        page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    assert window.store.entries.count("vaccination") == 0
    assert window.undo_label.text() == "Vaccination « Grippe » supprimée."
    assert window.undo_button.isVisibleTo(window) and window.undo_button.text() == "Annuler (Ctrl+Z)"

    _activate(qtbot, window)
    page.table.setFocus()
    with qtbot.waitSignal(window.dossier.undo.sig_restored, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    restored = window.store.entries.get(entry.id)
    assert restored.data == entry.data and restored.id == entry.id
    assert _rows(page)[0][:3] == ("Grippe", "15/10/2025", "lot FLU9")
    assert not window.undo_button.isVisibleTo(window)
    # The deletion and its undo both wait in the outbox: the restore syncs like any other change.
    assert _pending_ops(window)[-2:] == [("delete", entry.id), ("restore", entry.id)]
    restore = window.store.outbox.pending()[-1]
    assert restore.changes["vaccine"] == [None, "Grippe"] and restore.changes["lot"] == [None, "FLU9"]


def test_after_the_delay_no_undo_is_offered_and_ctrl_z_does_nothing(qtbot, window, existing_profile, confirmer) -> None:
    open_dossier(qtbot, window)
    profile_page = window.dossier.profile
    window.dossier.show_section("profile")
    profile_page.show_kind("allergy")
    form = profile_page.form("allergy")
    _type(qtbot, form, "name", "Penicilline")
    with qtbot.waitSignal(profile_page.sig_entry_saved, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: profile_page.model.rowCount() == 1, timeout=10_000)
    profile_page.table.setCurrentIndex(profile_page.model.index(0, 0))
    undo = window.dossier.undo
    undo.timer.setInterval(50)  # the real delay is 10 s; the expiry itself is what is tested
    confirmer.answers.append(True)
    with qtbot.waitSignal(undo.sig_changed, timeout=10_000):
        profile_page.delete_button.click()
    assert window.undo_label.text().endswith("supprimé.") and undo.offered
    with qtbot.waitSignal(undo.sig_changed, timeout=5_000, check_params_cb=lambda text: text == ""):
        pass
    assert not undo.offered and not window.undo_button.isVisibleTo(window)
    _activate(qtbot, window)
    qtbot.keyClick(profile_page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.entries.count("allergy") == 0
    assert [op for op, _ in _pending_ops(window)][-1] == "delete"


def test_masking_a_document_can_be_undone_and_locking_withdraws_the_offer(
    qtbot, window, existing_profile, confirmer
) -> None:
    open_dossier(qtbot, window)
    info = window.store.documents.add(b"%PDF-1.4 test", title="Compte rendu", category="compte_rendu")
    page = window.dossier.documents
    window.dossier.show_section("documents")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.select_row(0)
    confirmer.answers.append(True)
    with qtbot.waitSignal(window.dossier.undo.sig_changed, timeout=10_000):
        page.mask_button.click()
    assert window.store.documents.get(info.id).confidentiality.masked_from_professionals
    assert window.undo_label.text() == "Document « Compte rendu » masqué."
    with qtbot.waitSignal(window.dossier.undo.sig_restored, timeout=10_000):
        window.undo_button.click()
    assert not window.store.documents.get(info.id).confidentiality.masked_from_professionals
    ops = [(m.op, m.changes["confidentiality"][1]["masked_from_professionals"]) for m in window.store.outbox.pending()]
    assert ops[-2:] == [("set_confidentiality", True), ("set_confidentiality", False)]

    # Masked again, then locked: the offer goes with the rest of what was shown (S18).
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading, timeout=10_000)
    page.select_row(0)
    confirmer.answers.append(True)
    with qtbot.waitSignal(window.dossier.undo.sig_changed, timeout=10_000):
        page.mask_button.click()
    window.lock()
    assert not window.dossier.undo.offered and window.undo_label.text() == ""


def test_deleting_a_measure_asks_then_undo_brings_it_back_on_the_chart(
    qtbot, window, existing_profile, confirmer
) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.measures
    window.dossier.show_section("measures")
    page.select_measure("weight")
    _type(qtbot, page.form, "value", "72,5")
    _type(qtbot, page.form, "measured_at", "01/03/2024 08:00")
    with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000):
        page.form.save_button.click()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10_000)
    assert not page.delete_button.isEnabled()  # nothing chosen yet
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    entry = page.selected()
    assert entry is not None and page.delete_button.isEnabled()
    confirmer.answers.append(True)
    with qtbot.waitSignal(window.dossier.undo.sig_changed, timeout=10_000):
        page.delete_button.click()
    assert "sera supprimée de votre carnet" in confirmer.questions[-1][1]
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)
    assert window.undo_label.text().startswith("Mesure « ")
    with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000, check_params_cb=lambda n: n == 1):
        window.undo_button.click()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10_000)
    assert window.store.entries.get(entry.id).data == entry.data
    assert [m.op for m in window.store.outbox.pending()][-2:] == ["delete", "restore"]


def _declarations(window) -> list:
    return [e for e in window.store.entries.list("not_concerned") if e.data.get("section") == "vaccinations"]


def test_non_concerne_for_vaccinations_is_declared_kept_withdrawn_and_refused_when_some_are_recorded(
    qtbot, window, existing_profile
) -> None:
    """PRODUCT.md §1: each section can be declared « non concerné », Vaccinations too (it has its own section)."""
    open_dossier(qtbot, window)
    window.dossier.show_section("vaccinations")
    page = window.dossier.vaccinations
    qtbot.waitUntil(lambda: page.not_concerned_button.isEnabled(), timeout=10_000)
    assert page.not_concerned_button.text().replace("&", "") == "Non concerné"
    assert not page.not_concerned_note.isVisible()

    with qtbot.waitSignal(page.sig_entry_saved, timeout=10_000):
        page.not_concerned_button.click()
    assert len(_declarations(window)) == 1
    qtbot.waitUntil(lambda: page.not_concerned, timeout=10_000)
    assert page.not_concerned_note.isVisible()
    assert "pas être concerné par les vaccinations" in page.not_concerned_note.text()
    assert page.not_concerned_button.text().replace("&", "") == "Retirer « non concerné »"
    assert missing_accessibility([page]) == []

    # Kept in the encrypted dossier: shown again after locking and unlocking.
    window.lock()
    assert not page.not_concerned and not page.not_concerned_note.isVisible()
    open_dossier(qtbot, window)
    window.dossier.show_section("vaccinations")
    qtbot.waitUntil(lambda: page.not_concerned, timeout=10_000)

    # Withdrawn on request.
    with qtbot.waitSignal(page.sig_entry_deleted, timeout=10_000):
        page.not_concerned_button.click()
    assert _declarations(window) == []
    qtbot.waitUntil(lambda: not page.not_concerned_note.isVisible(), timeout=10_000)

    # Declared again, then a vaccination is recorded: the section is no longer empty, the declaration goes.
    with qtbot.waitSignal(page.sig_entry_saved, timeout=10_000):
        page.not_concerned_button.click()
    qtbot.waitUntil(lambda: page.not_concerned, timeout=10_000)
    _add(qtbot, page, "Grippe", "15/10/2025")
    qtbot.waitUntil(lambda: _declarations(window) == [] and not page.not_concerned, timeout=10_000)

    # With a vaccination recorded, « Non concerné » is refused in words and nothing is lost or added.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.not_concerned_button.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert "Des vaccinations sont enregistrées" in page.error.text()
    assert _declarations(window) == [] and window.store.entries.count("vaccination") == 1


def test_the_last_column_of_the_vaccinations_table_takes_the_remaining_width(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    window.store.entries.create("vaccination", {"vaccine": "ROR", "date": "02/06/1953", "dose": "primo"})
    window.dossier.show_section("vaccinations")
    page = window.dossier.vaccinations
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    for width in (1100, 1400):
        window.resize(width, 760)
        qtbot.waitUntil(lambda: page.table.viewport().width() > 0, timeout=5_000)
        header = page.table.horizontalHeader()
        last = page.model.columnCount() - 1
        qtbot.waitUntil(
            lambda h=header, c=last: h.sectionViewportPosition(c) + h.sectionSize(c) == page.table.viewport().width(),
            timeout=5_000,
        )
        assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(last))  # none elided


def test_the_vaccinations_entry_of_the_navigation_shows_the_syringe(qtbot, window, existing_profile) -> None:
    from ui import icons

    open_dossier(qtbot, window)
    dossier = window.dossier
    item = dossier.nav_model.item(list(dossier.pages).index("vaccinations"))
    assert item.text() == "Vaccinations"
    assert item.icon().cacheKey() == icons.get("vaccination").cacheKey()
    assert item.icon().cacheKey() != icons.get("add").cacheKey()
