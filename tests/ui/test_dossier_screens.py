"""Mesures, Documents, locking and language switch on a real encrypted dossier, through the real widgets."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_dossier


def _type(qtbot, form, name: str, text: str) -> None:
    editor = form.row(name).editor
    editor.clear()
    qtbot.keyClicks(editor, text)


def test_quick_add_measures_fill_the_table_and_the_chart(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.measures
    window.dossier.show_section("measures")
    page.select_measure("weight")
    form = page.form
    assert not form.row("systolic").editor.isVisibleTo(page)  # only the weight's own fields are shown
    _type(qtbot, form, "value", "900")
    with qtbot.waitSignal(form.sig_rejected, timeout=10_000):
        form.save_button.click()
    assert "plausible" in form.errors()["value"]
    for value, when in (("72,5", "01/03/2024 08:00"), ("71", "01/04/2024 08:00")):
        _type(qtbot, form, "value", value)
        _type(qtbot, form, "measured_at", when)
        with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000):
            form.save_button.click()
    assert page.points_shown == 2
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=10_000)
    series = page.lines[0]
    assert sorted(p.y() for p in series.points()) == [71.0, 72.5]
    # Over three months the date axis speaks in months, each month once (ticks are evenly spaced: too many of them
    # would print « avr. 2024 » twice).
    _type(qtbot, form, "value", "70")
    _type(qtbot, form, "measured_at", "15/06/2024 08:00")
    with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000):
        form.save_button.click()
    labels = _date_axis_labels(page.chart)
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    assert all(label.count("/") == 1 and label.endswith("2024") for label in labels), labels  # « 04/2024 »: months

    # Blood pressure typed the French way ("12/8" in cmHg) is stored in mmHg; the chart gets two lines.
    with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000):
        page.select_measure("blood_pressure")
    assert page.proxy.rowCount() == 0  # weights are not listed under blood pressure
    _type(qtbot, form, "systolic", "12")
    _type(qtbot, form, "diastolic", "8")
    with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000, check_params_cb=lambda n: n == 2):
        form.save_button.click()
    assert {s.name() for s in page.lines} == {"Systolique", "Diastolique"}
    # Behind them, the usual ranges in the same unit (« Repère systolique : 9–14 cmHg »).
    bands = [s.name() for s in page.chart.series() if s not in page.lines]
    assert bands == ["Repère systolique : 9–14 cmHg", "Repère diastolique : 6–9 cmHg"]
    assert "Systolique : dernière valeur 12 cmHg le" in page.chart_view.accessibleDescription()
    # Stored in mmHg (120/80), drawn in the unit the list shows for it (« 12/8 cmHg »): axis and list agree.
    assert "cmHg" in page.proxy.index(0, 0).data()
    assert sorted(p.y() for s in page.lines for p in s.points()) == [8.0, 12.0]
    y_axis = page.chart.axes(Qt.Orientation.Vertical)[0]
    assert y_axis.titleText() == "cmHg"
    stored = page.model.row_object(0).data
    assert (stored["systolic"], stored["diastolic"]) == (120, 80)


def _date_axis_labels(chart) -> list[str]:
    """The labels a chart's date axis prints: its ticks are evenly spaced between its ends, in its format."""
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    start, end, count = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch(), axis.tickCount()
    moments = [start + (end - start) * i // (count - 1) for i in range(count)]
    locale = chart.locale()
    return [locale.toString(QDateTime.fromMSecsSinceEpoch(ms), axis.format()) for ms in moments]


def _drop(page, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    page.dropEvent(event)


def _add_dropped(qtbot, page, path: Path, *, title: str, category: str):
    _drop(page, path)
    assert page.add_panel.isVisible()
    page.new_title.clear()
    qtbot.keyClicks(page.new_title, title)
    page.new_category.setCurrentIndex(page.new_category.findData(category))
    with qtbot.waitSignal(page.sig_document_added, timeout=20_000) as added:
        page.save_button.click()
    return added.args[0]


def test_dropped_pdf_is_stored_encrypted_and_rendered_in_memory(
    qtbot, window, existing_profile, corpus_pdfs, tmp_path, monkeypatch
) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.documents
    window.dossier.show_section("documents")
    pdf = corpus_pdfs[0]
    # No plaintext temp file: point every temp directory at an empty folder and check it stays empty.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(scratch))
    info = _add_dropped(qtbot, page, pdf, title="Compte rendu de test", category="compte_rendu")
    assert info.format == "pdf" and info.size == pdf.stat().st_size
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.data(page.model.index(0, 1)) == "Comptes rendus"
    page.select_row(0)
    with qtbot.waitSignal(page.viewer.sig_document_shown, timeout=10_000):
        page.open_button.click()
    qtbot.waitUntil(lambda: page.viewer.page_count() > 0, timeout=10_000)
    image = page.viewer.render_page(0)
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 1, "the rendered page is blank"
    assert list(scratch.iterdir()) == []


def test_mask_asks_then_hides_from_professionals_and_unmask_restores(
    qtbot, window, existing_profile, confirmer, corpus_pdfs
) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.documents
    window.dossier.show_section("documents")
    info = _add_dropped(qtbot, page, corpus_pdfs[-1], title="Ordonnance", category="ordonnance")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.select_row(0)
    confirmer.answers.append(False)  # refused: nothing changes
    page.mask_button.click()
    title, text = confirmer.questions[-1]
    assert "Masquer" in title and "Ordonnance" in text and "ne sera plus visible des professionnels" in text
    assert not window.store.documents.get(info.id).confidentiality.masked_from_professionals
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_document_changed, timeout=10_000) as changed:
        page.mask_button.click()
    assert changed.args[0].confidentiality.masked_from_professionals
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.data(page.model.index(0, 4)) == "Masqué",
        timeout=10_000,
    )
    page.select_row(0)
    assert page.mask_button.text().replace("&", "") == "Démasquer"
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_document_changed, timeout=10_000) as changed:
        page.mask_button.click()
    assert not changed.args[0].confidentiality.masked_from_professionals


def test_professional_documents_cannot_be_deleted_patient_ones_after_confirmation(
    qtbot, window, existing_profile, confirmer
) -> None:
    open_dossier(qtbot, window)
    store = window.store
    store.documents.add(
        b"%PDF-1.4\n%%EOF\n", title="CR du Dr Martin", category="compte_rendu", author_kind="professional"
    )
    mine = store.documents.add(b"Mes notes de suivi\n", title="Mes notes", category="autre")
    page = window.dossier.documents
    window.dossier.show_section("documents")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    rows = {page.model.row_object(r).title: r for r in range(2)}
    page.select_row(rows["CR du Dr Martin"])
    assert not page.delete_button.isEnabled() and page.mask_button.isEnabled()
    assert "seulement masqué" in page.info.text()
    page.select_row(rows["Mes notes"])
    assert page.delete_button.isEnabled()
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_document_deleted, timeout=10_000):
        page.delete_button.click()
    assert "supprimé" in confirmer.questions[-1][1]
    assert [d.id for d in store.documents.list()] != [] and mine.id not in {d.id for d in store.documents.list()}


def test_an_unsupported_file_is_refused_with_a_clear_message_and_nothing_stored(
    qtbot, window, existing_profile, tmp_path
) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.documents
    window.dossier.show_section("documents")
    binary = tmp_path / "programme.bin"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    _drop(page, binary)
    with qtbot.waitSignal(page.sig_operation_failed, timeout=10_000) as failed:
        page.save_button.click()
    assert "n'est pas accepté" in failed.args[0]
    assert page.error.isVisible()
    assert window.store.documents.count() == 0


def test_lock_clears_every_view_and_forgets_the_profile(qtbot, window, existing_profile) -> None:
    """S18: after lock, views are empty, the viewer holds nothing, the profile object is locked and released."""
    profile = open_dossier(qtbot, window)
    store = window.store
    store.entries.create("allergy", {"substance": "Arachide"})
    store.documents.add(b"Texte du document\n", title="Note", category="autre")
    docs = window.dossier.documents
    docs.reload()
    home = window.dossier.home
    home.refresh()
    qtbot.waitUntil(lambda: docs.model.rowCount() == 1 and home.model.rowCount() == 1, timeout=10_000)
    docs.select_row(0)
    with qtbot.waitSignal(docs.viewer.sig_document_shown, timeout=10_000):
        docs.open_button.click()
    assert docs.viewer.text_view.toPlainText()
    ref = weakref.ref(profile)
    del profile, store
    with qtbot.waitSignal(window.sig_locked):
        window.lock()
    assert window.is_locked() and window.current_page() is window.unlock_page
    assert window.lock_label.text() == "Carnet verrouillé"
    for model in (docs.model, home.model, window.dossier.profile.model, window.dossier.measures.model):
        assert model.rowCount() == 0
    assert docs.viewer.page_count() == 0 and docs.viewer.text_view.toPlainText() == ""
    from ui.ops import wait_for_idle

    wait_for_idle()
    qtbot.waitUntil(lambda: (gc.collect(), ref() is None or ref().locked)[1], timeout=10_000)


def test_idle_auto_lock_with_an_injected_clock(qtbot, window, existing_profile, clock) -> None:
    """S16: locks after the delay without activity; a key press restarts the delay."""
    open_dossier(qtbot, window)
    assert window.locker.armed and window.locker.timeout_s == 300
    clock.advance(200)
    QApplication.sendEvent(
        window.dossier.nav, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    )
    clock.advance(200)  # 400 s since unlock but only 200 s since the key press
    assert not window.locker.check()
    assert not window.is_locked()
    with qtbot.waitSignal(window.sig_locked, timeout=5_000):
        clock.advance(101)  # the timer (20 ms poll in tests) notices on its own
    assert window.is_locked()
    assert window.unlock_page.password_edit.text() == ""


def test_language_switch_changes_visible_texts_at_run_time(qtbot, window, existing_profile) -> None:
    assert window.welcome.buttons["unlock"].text() == "&Ouvrir mon carnet"
    window.set_preference("language", "en")
    assert window.welcome.buttons["unlock"].text().replace("&", "") == "Open my record"
    assert window.welcome.buttons["create"].text().replace("&", "") == "Create a record on this computer"
    assert window.lock_label.text() == "Record locked"
    open_dossier(qtbot, window)
    nav = [window.dossier.nav_model.item(r).text() for r in range(window.dossier.nav_model.rowCount())]
    assert nav == [
        "Home",
        "Medical profile",
        "Measurements",
        "Vaccinations",
        "Prevention",
        "Agenda",
        "Documents",
        "My records requests",
        "Health history",
        "Access history",
        "Access and privacy",
        "Settings",
        "Messages",
        "Notifications",
    ]
    page = window.dossier.profile
    page.show_kind("allergy")
    assert page.kind_title.text() == "Allergy"
    assert page.form("allergy").save_button.text().replace("&", "") == "Add"
    window.set_preference("language", "fr")
    assert page.kind_title.text() == "Allergie"
    assert next(window.dossier.nav_model.item(r).text() for r in range(5)) == "Accueil"


def test_settings_change_password_requires_the_current_one(qtbot, window, existing_profile, profiles) -> None:
    """S19: the password is changed only after the current one is re-entered correctly."""
    from tests.ui.helpers import OTHER_PASSWORD, PASSWORD

    open_dossier(qtbot, window)
    page = window.dossier.settings
    window.dossier.show_section("settings")
    qtbot.keyClicks(page.current_edit, "pas le bon mot de passe")
    qtbot.keyClicks(page.new_edit, OTHER_PASSWORD)
    qtbot.keyClicks(page.confirm_edit, OTHER_PASSWORD)
    assert page.change_button.isEnabled()
    page.change_button.click()
    qtbot.waitUntil(page.current_error.isVisible, timeout=20_000)
    assert "incorrect" in page.current_error.text()
    page.current_edit.clear()
    qtbot.keyClicks(page.current_edit, PASSWORD)
    with qtbot.waitSignal(page.sig_password_changed, timeout=20_000):
        page.change_button.click()
    assert page.current_edit.text() == page.new_edit.text() == ""
    window.lock()
    from ui.ops import wait_for_idle

    wait_for_idle()
    profiles.unlock(OTHER_PASSWORD).lock()


def test_display_preferences_apply_and_are_kept_in_the_profile(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    settings = window.dossier.settings
    settings.scale_spin.setValue(200)
    settings.contrast_check.setChecked(True)
    app = QApplication.instance()
    assert app.font().pointSizeF() == 22.0
    assert app.palette().window().color().name() == "#000000"
    window.lock()
    open_dossier(qtbot, window)
    assert window.preferences["text_scale"] == 200 and window.preferences["high_contrast"] is True
    assert settings.scale_spin.value() == 200 and settings.contrast_check.isChecked()
    settings.scale_spin.setValue(100)
    settings.contrast_check.setChecked(False)


def test_settings_issue_a_new_recovery_key_after_the_password_S19(qtbot, window, existing_profile, profiles) -> None:
    """A lost recovery sheet: the password is asked, a new key is shown once, and only the new key works."""
    from tests.ui.helpers import PASSWORD

    open_dossier(qtbot, window)
    window.dossier.show_section("settings")
    box = window.dossier.settings.recovery_box
    qtbot.keyClicks(box.password_edit, "pas le bon mot de passe")
    qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(box.password_error.isVisible, timeout=20_000)
    assert "incorrect" in box.password_error.text()
    qtbot.keyClicks(box.password_edit, PASSWORD)
    with qtbot.waitSignal(box.sig_issued, timeout=20_000) as issued:
        qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    new_key = issued.args[0]
    assert box.password_edit.text() == ""  # S23
    assert window.current_page() is window.recovery_page
    assert new_key.replace("-", "") in window.recovery_page.key_label.text().replace("-", "").replace(" ", "")
    window.lock()
    from ui.ops import wait_for_idle

    wait_for_idle()
    profiles.unlock_with_recovery(new_key).lock()
