"""Issue 17, « Exporter / Imprimer »: every door driven from the menu of the real window, on a real SQCipher carnet;
the outcome checked where the person would see it (the PDF's words, the Documents list, the carnet's contents)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.exports.archive import verify_archive
from desktop_app.exports.printouts import Printout
from tests.support.exports_ui import SAMPLE_IMPORT, ScriptedChoices, pdf_text, seeded_profile
from tests.ui.helpers import OTHER_PASSWORD, PASSWORD, open_dossier
from ui.ops import wait_for_idle


@pytest.fixture
def opened(qtbot, window, profiles):
    """The window on a carnet with an identity, an allergy and two vaccinations; file dialogs scripted."""
    seeded_profile(profiles, PASSWORD)
    profile = open_dossier(qtbot, window)
    choices = ScriptedChoices()
    choices.install(window.exports.doors)
    return window, profile, choices


def _printout(qtbot, window, kind: Printout):
    window.exports.printouts[kind].trigger()
    dialog = window.exports.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.content is not None, timeout=20_000)
    assert dialog.save_pdf_button.isEnabled() and dialog.preview_button.isEnabled()
    return dialog


def _documents(window) -> list[str]:
    page = window.dossier.documents
    page.reload()
    wait_for_idle()
    QApplication.processEvents()
    return [page.model.row_object(r).title for r in range(page.model.rowCount())]


def test_the_menu_carnet_exporter_imprimer_lists_every_door_and_they_are_off_while_locked(window) -> None:
    menu = window.exports.menu
    assert menu.title() == "&Exporter / Imprimer"
    assert window.carnet_menu.actions()[0].menu() is menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Synthèse du profil médical…",
        "Carte d'urgence…",
        "Carnet de vaccination…",
        "Historique des accès…",
        "Justificatif d'accès — proche aidant…",
        "&Télécharger toutes mes données…",
        "&Sauvegarder le carnet…",
        "&Restaurer une sauvegarde…",
        "Restaurer une &archive chiffrée…",
        "&Importer un fichier (FHIR, CDA)…",
    ]
    assert not window.exports.printouts[Printout.SYNTHESE].isEnabled()
    # A damaged carnet is restored before it can be opened.
    assert window.exports.restore_action.isEnabled() and window.exports.restore_archive_action.isEnabled()
    assert window.exports.home_actions()[0] is window.exports.printouts[Printout.SYNTHESE]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (Printout.SYNTHESE, ["Synthèse du profil médical", "Zoé Lefèvre", "29/02/1948", "Pénicilline"]),
        (Printout.EMERGENCY_CARD, ["CARTE D'URGENCE", "Zoé Lefèvre, né(e) le 29/02/1948", "Pénicilline"]),
        (Printout.VACCINATIONS, ["Carnet de vaccination", "Zoé Lefèvre", "DTPolio (Revaxis)", "T1234", "Rappel"]),
    ],
)
def test_a_printout_saved_as_pdf_where_the_person_chose_holds_their_name(
    qtbot, opened, tmp_path: Path, kind: Printout, expected: list[str]
) -> None:
    window, _profile, choices = opened
    dialog = _printout(qtbot, window, kind)
    out = tmp_path / "choisi" / "mon-document"
    out.parent.mkdir()
    choices.saves.append(out)
    dialog.save_pdf_button.click()
    written = out.with_name("mon-document.pdf")  # the .pdf suffix is added when the person left it out
    assert written.is_file() and oct(written.stat().st_mode & 0o777) == "0o600"
    text = pdf_text(written)
    for words in expected:
        assert words in text, (words, text[:400])
    # The save dialog proposed the Documents folder's file name with no personal data in it.
    assert choices.asked[-1][2] == f"{kind.value}-{dialog._now.astimezone().date():%Y-%m-%d}.pdf"
    assert "Zoé" not in choices.asked[-1][2]
    assert sorted(p.name for p in out.parent.iterdir()) == ["mon-document.pdf"]  # no temp file beside it


def test_save_in_my_documents_stores_the_pdf_in_the_dossier_and_it_shows_in_documents(qtbot, opened) -> None:
    window, profile, _choices = opened
    dialog = _printout(qtbot, window, Printout.VACCINATIONS)
    assert not any(t.startswith("Carnet de vaccination") for t in _documents(window))
    dialog.save_documents_button.click()
    qtbot.waitUntil(lambda: dialog.saved_document_id is not None, timeout=20_000)
    assert "est enregistré dans vos documents" in dialog.status.text()
    titles = _documents(window)
    assert any(t.startswith("Carnet de vaccination du ") for t in titles), titles
    ds = profile.dossier()
    stored = ds.documents.get(dialog.saved_document_id)
    assert stored.category == "synthese" and ds.documents.read(stored.id) == dialog.content
    # Through the store: queued for the service like any document the person adds.
    assert any(m.entity_id == stored.id for m in ds.outbox.pending())


def test_print_preview_paints_the_pdf_from_memory(qtbot, opened) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    window, _profile, choices = opened
    dialog = _printout(qtbot, window, Printout.EMERGENCY_CARD)
    painted: list[object] = []
    dialog.preview_button.click()
    preview = choices.modals[-1]
    assert isinstance(preview, QPrintPreviewDialog)
    assert preview.windowTitle() == "Aperçu avant impression — Carte d'urgence"
    preview.paintRequested.connect(painted.append)
    preview.findChild(QPrintPreviewWidget).updatePreview()
    assert painted and preview.findChild(QPrintPreviewWidget).pageCount() == 1
    preview.deleteLater()


def test_download_fhir_warns_it_is_not_encrypted_asks_the_password_and_writes_the_file(
    qtbot, opened, tmp_path: Path, confirmer
) -> None:
    window, _profile, choices = opened
    window.exports.download_action.trigger()
    dialog = window.exports.dialog
    assert "n'est pas chiffré" in dialog.warning.text()
    chosen = tmp_path / "Documents"
    chosen.mkdir()
    out = chosen / "dossier.json"
    # A wrong password writes nothing.
    qtbot.keyClicks(dialog.password_edit, OTHER_PASSWORD)
    choices.saves.append(out)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "Mot de passe incorrect" in dialog.error.text()
    assert list(chosen.iterdir()) == []
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    choices.saves.append(out)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    assert "Lefèvre" in out.read_text(encoding="utf-8")
    assert "n'est pas chiffré" in confirmer.informed[-1][1]
    assert dialog.password_edit.text() == ""
    # The IPS summary, the same way.
    dialog.ips_radio.setChecked(True)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    ips = tmp_path / "ips.json"
    choices.saves.append(ips)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.written == ips, timeout=20_000)
    assert json.loads(ips.read_text(encoding="utf-8"))["type"] == "document"


def test_download_the_encrypted_archive_with_its_passphrase(qtbot, opened, tmp_path: Path) -> None:
    window, _profile, choices = opened
    window.exports.download_action.trigger()
    dialog = window.exports.dialog
    dialog.archive_radio.setChecked(True)
    assert dialog.passphrase_edit.isVisible() and "chiffrée" in dialog.warning.text()
    passphrase = "une archive bien gardee au grenier 2026"
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    qtbot.keyClicks(dialog.passphrase_again_edit, passphrase + "x")
    dialog.download_button.click()
    assert "diffèrent" in dialog.error.text() and choices.asked == []
    dialog.passphrase_again_edit.clear()
    qtbot.keyClicks(dialog.passphrase_again_edit, passphrase)
    out = tmp_path / "tout.carnet"
    choices.saves.append(out)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.written == out, timeout=30_000)
    assert b"Lef" not in out.read_bytes()
    summary = verify_archive(out, passphrase)
    assert summary.entries == 4 and summary.dossiers == 1
    dialog.reject()

    # Restored as a new carnet: a wrong passphrase creates nothing; the right one shows the new recovery key once.
    profiles = window.exports.profiles
    choices.opens.append(out)
    window.exports.restore_archive_action.trigger()
    restore = window.exports.dialog
    qtbot.keyClicks(restore.passphrase_edit, "pas la bonne phrase de passe")
    qtbot.keyClicks(restore.name_edit, "Copie")
    qtbot.keyClicks(restore.password_edit, OTHER_PASSWORD)
    qtbot.keyClicks(restore.password_again_edit, OTHER_PASSWORD)
    restore.restore_button.click()
    qtbot.waitUntil(lambda: restore.error.isVisible(), timeout=30_000)
    assert "Phrase de passe de l'archive incorrecte" in restore.error.text()
    assert [p.label for p in profiles.profiles()] == ["Zoé Lefèvre"]
    restore.passphrase_edit.clear()
    qtbot.keyClicks(restore.passphrase_edit, passphrase)
    restore.restore_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.recovery_page, timeout=30_000)
    assert sorted(p.label for p in profiles.profiles()) == ["Copie", "Zoé Lefèvre"]
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000) as reopened:
        window.recovery_page.done_button.click()
    copy = reopened.args[0]
    assert copy.label == "Copie" and copy.dossier().entries.count() == 4


def test_a_bad_fhir_file_gives_a_clear_french_error_and_imports_nothing(
    qtbot, opened, tmp_path: Path, confirmer
) -> None:
    window, profile, choices = opened
    before = profile.dossier().entries.count()
    bad = tmp_path / "abime.json"
    bad.write_text('{"resourceType": "Bundle", "entry": [', encoding="utf-8")
    choices.opens.append(bad)
    window.exports.import_action.trigger()
    qtbot.waitUntil(lambda: bool(confirmer.informed), timeout=20_000)
    title, text = confirmer.informed[-1]
    assert title == "Import impossible"
    assert "« abime.json » ne peut pas être importé ; rien n'a été modifié." in text
    assert "ligne" in text  # where it breaks, in French
    assert window.exports.dialog is None
    assert profile.dossier().entries.count() == before


def test_the_report_lists_what_is_skipped_and_why_cancel_imports_nothing_import_commits(
    qtbot, opened, tmp_path: Path, confirmer
) -> None:
    window, profile, choices = opened
    ds = profile.dossier()
    before = ds.entries.count()
    pending = ds.outbox.count_pending()
    path = tmp_path / "lot.json"
    path.write_text(json.dumps(SAMPLE_IMPORT), encoding="utf-8")
    choices.opens.append(path)
    window.exports.import_action.trigger()
    qtbot.waitUntil(lambda: window.exports.dialog is not None, timeout=20_000)
    report = window.exports.dialog
    assert "1 élément(s) à ajouter" in report.summary.text() and "1 ignoré(s)" in report.summary.text()
    lines = [report.skipped.item(i).text() for i in range(report.skipped.count())]
    assert len(lines) == 1 and lines[0].startswith("Observation ×1 : ") and "plausible" in lines[0]
    rows = {report.model.item(r, 0).text(): report.model.item(r, 2).text() for r in range(report.model.rowCount())}
    assert rows == {"AllergyIntolerance": "1", "Observation": "0"}
    # The dry run wrote nothing and told nobody.
    assert ds.entries.count() == before and ds.outbox.count_pending() == pending
    report.cancel_button.click()
    qtbot.waitUntil(lambda: window.exports.dialog is None)
    assert ds.entries.count() == before and ds.outbox.count_pending() == pending

    # Dropped on the window this time, then « Importer ».
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    # What Qt calls when a file is let go over the window (Qt delivers no synthetic drop without a real drag).
    assert window.exports.eventFilter(window, drop) is True
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.exports.dialog is not None, timeout=20_000)
    window.exports.dialog.import_button.click()
    qtbot.waitUntil(lambda: window.exports.last_import is not None, timeout=20_000)
    assert ds.entries.count() == before + 1
    assert sorted(e.data["name"] for e in ds.entries.list("allergy")) == ["Arachide", "Pénicilline"]
    assert confirmer.informed[-1][0] == "Import terminé"
    assert "1 élément(s) et 0 document(s) ajoutés" in confirmer.informed[-1][1]


def test_backup_then_restore_refuses_a_wrong_password_and_loses_nothing_then_restores(
    qtbot, opened, tmp_path: Path, confirmer, profiles
) -> None:
    window, profile, choices = opened
    target = tmp_path / "cle-usb"
    target.mkdir()
    choices.folders.append(target)
    window.exports.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(confirmer.informed), timeout=30_000)
    assert confirmer.informed[-1][0] == "Sauvegarde terminée"
    (backup,) = list(target.iterdir())
    assert backup.name.startswith("carnet-")
    # An entry made after the backup: a restore would lose it, the confirmation says so.
    profile.dossier().entries.create("allergy", {"name": "Latex"})

    choices.folders.append(backup)
    window.exports.restore_action.trigger()
    qtbot.waitUntil(lambda: window.exports.dialog is not None, timeout=20_000)
    dialog = window.exports.dialog
    assert "« Zoé Lefèvre » de cet ordinateur sera remplacé par la sauvegarde du" in dialog.warning.text()
    qtbot.keyClicks(dialog.password_edit, OTHER_PASSWORD)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "Mot de passe incorrect" in dialog.error.text() and "Rien n'a été modifié." in dialog.error.text()
    assert confirmer.questions == [] and not window.is_locked()
    assert sorted(e.data["name"] for e in window.store.entries.list("allergy")) == ["Latex", "Pénicilline"]

    # The right password, then « Ne rien changer »: still nothing changed.
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    confirmer.answers.append(False)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(confirmer.questions), timeout=20_000)
    assert "ne sera" not in confirmer.questions[-1][1] and "sera perdu" in confirmer.questions[-1][1]
    assert not window.is_locked() and len(window.store.entries.list("allergy")) == 2

    # Confirmed: the carnet is closed, replaced by the backup and opened again.
    confirmer.answers.append(True)
    with qtbot.waitSignal(window.sig_unlocked, timeout=30_000) as reopened:
        dialog.restore_button.click()
    restored = reopened.args[0]
    assert restored.profile_id == profile.profile_id
    assert [e.data["name"] for e in restored.dossier().entries.list("allergy")] == ["Pénicilline"]
    assert confirmer.informed[-1] == ("Carnet restauré", "Le carnet « Zoé Lefèvre » est restauré et ouvert.")
    assert [p.label for p in profiles.profiles()] == ["Zoé Lefèvre"]
    assert not any(p.name.startswith(".") for p in (profiles.data_dir / "profiles").iterdir())


def test_restore_refuses_a_folder_that_is_not_a_backup(qtbot, opened, tmp_path: Path, confirmer) -> None:
    window, _profile, choices = opened
    choices.folders.append(tmp_path)
    window.exports.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(confirmer.informed), timeout=20_000)
    assert confirmer.informed[-1][0] == "Restauration impossible"
    assert "n'est pas une sauvegarde Carnet" in confirmer.informed[-1][1]
    assert window.exports.dialog is None and not window.is_locked()


def test_print_sends_every_page_to_the_printer_chosen(qtbot, opened, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window, _profile, _choices = opened
    dialog = _printout(qtbot, window, Printout.SYNTHESE)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" the test can read back
    printer.setOutputFileName(str(tmp_path / "imprime.pdf"))
    window.exports.doors.printer = lambda _parent: printer
    dialog.print_button.click()
    printed = (tmp_path / "imprime.pdf").read_bytes()
    assert printed.startswith(b"%PDF") and len(printed) > 10_000
    # Cancelling the print dialog prints nothing.
    window.exports.doors.printer = lambda _parent: None
    dialog.print_button.click()


def test_every_control_of_the_export_dialogs_has_an_accessible_name_and_description(
    qtbot, opened, tmp_path: Path
) -> None:
    from tests.ui.helpers import missing_accessibility

    window, profile, choices = opened
    dialogs = [_printout(qtbot, window, Printout.SYNTHESE)]
    window.exports.download_action.trigger()
    dialogs.append(window.exports.dialog)
    path = tmp_path / "lot.json"
    path.write_text(json.dumps(SAMPLE_IMPORT), encoding="utf-8")
    window.exports.import_file(path)
    qtbot.waitUntil(lambda: window.exports.dialog not in dialogs and window.exports.dialog is not None, timeout=20_000)
    dialogs.append(window.exports.dialog)
    backup = profile.backup(tmp_path)
    choices.folders.append(backup)
    window.exports.restore_action.trigger()
    qtbot.waitUntil(lambda: window.exports.dialog not in dialogs and window.exports.dialog is not None, timeout=20_000)
    dialogs.append(window.exports.dialog)
    assert missing_accessibility(dialogs) == []


def test_at_200_percent_text_the_dialogs_fit_the_window_and_clip_no_text(qtbot, opened) -> None:
    from tests.ui.helpers import clipped_buttons, clipped_labels
    from ui import theme

    window, _profile, _choices = opened
    window.resize(1280, 800)
    theme.apply_theme(QApplication.instance(), high_contrast=False, text_scale=200)
    try:
        for kind in (Printout.SYNTHESE, Printout.VACCINATIONS):
            dialog = _printout(qtbot, window, kind)
            QApplication.processEvents()
            assert dialog.width() <= window.width()
            assert clipped_buttons(dialog) == [] and clipped_labels(dialog) == []
            dialog.reject()
        window.exports.download_action.trigger()
        dialog = window.exports.dialog
        QApplication.processEvents()
        assert dialog.width() <= window.width()
        assert clipped_buttons(dialog) == [] and clipped_labels(dialog) == []
        dialog.reject()
    finally:
        theme.apply_theme(QApplication.instance(), high_contrast=False, text_scale=100)


def test_the_download_progress_follows_the_documents_fetched_before_the_export(qtbot) -> None:
    from desktop_app.sync.context import Progress
    from ui.exports.download import ProgressRelay

    relay = ProgressRelay()
    heard: list[int] = []
    relay.sig_percent.connect(heard.append)
    relay.report(Progress("pull", 1, 2))  # records are not what the person waits for
    relay.report(Progress("download", 1, 4, bytes_done=512, bytes_total=2048))
    relay.report(Progress("download", 4, 4, bytes_done=2048, bytes_total=2048))
    assert heard == [25, 100]


def test_locking_closes_the_open_export_dialog_and_forgets_its_pdf(qtbot, opened) -> None:
    window, _profile, _choices = opened
    dialog = _printout(qtbot, window, Printout.SYNTHESE)
    window.lock()
    assert dialog.content is None and not dialog.isVisible() and window.exports.dialog is None
    assert not window.exports.printouts[Printout.SYNTHESE].isEnabled()


def test_the_accueil_prints_the_emergency_card_through_the_same_door(qtbot, opened) -> None:
    window, _profile, _choices = opened
    home = window.dossier.home
    button = home.quick_buttons["emergency_card"]
    assert not button.isHidden()  # offered on the Accueil
    button.click()
    dialog = window.exports.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.content is not None, timeout=20_000)
    assert dialog.windowTitle() == window.exports.printouts[Printout.EMERGENCY_CARD].text().rstrip("…")
