"""The printed recovery key is a proper sheet, and « Imprimer dans un fichier » only writes to removable media."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from desktop_app.profile import ProfileDirectory
from tests.ui.helpers import PASSWORD
from tests.ui.test_assisted_session import _pdf, _pdf_bytes
from ui.paper import ask_printer_safely, file_destination_allowed


def test_the_recovery_key_prints_as_a_sheet_with_the_person_s_name(
    qtbot: Any, window: Any, profiles: ProfileDirectory, tmp_path: Path
) -> None:
    profile, key = profiles.create("Zoé Lefèvre", PASSWORD)
    window.on_create_page_created(profile, key)
    page = window.recovery_page
    printed = tmp_path / "usb" / "cle.pdf"
    printed.parent.mkdir()

    def printer(_parent: Any) -> QPrinter:
        target = QPrinter(QPrinter.PrinterMode.HighResolution)
        target.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target.setOutputFileName(str(printed))
        return target

    page.printer_factory = printer
    page.print_button.click()
    _text, colours = _pdf(qtbot, printed)
    assert colours > 2  # a page, not a blank
    sheet, _ = _pdf_bytes(qtbot, page.sheet_pdf())
    flat = " ".join(sheet.split())
    assert "Zoé Lefèvre" in flat and "Clé créée le" in flat
    assert all(group in flat for group in key.split("-"))
    assert "À quoi sert cette clé" in flat and "Où la garder" in flat
    assert "Mot de passe oublié" in flat  # says what it does not do: the online account has its own door


def test_print_to_file_is_only_allowed_on_removable_media(tmp_path: Path, qtbot: Any) -> None:
    usb = tmp_path / "media" / "CLE-USB"
    usb.mkdir(parents=True)
    home = tmp_path / "home" / "aidant"
    home.mkdir(parents=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(home / "carnet.pdf"))
    assert not file_destination_allowed(printer, [usb])  # the helper's home folder: refused
    printer.setOutputFileName(str(usb / ".." / ".." / "home" / "aidant" / "carnet.pdf"))
    assert not file_destination_allowed(printer, [usb])  # no way out of the key through ".."
    printer.setOutputFileName("")
    assert not file_destination_allowed(printer, [usb])
    printer.setOutputFileName(str(usb / "carnet.pdf"))
    assert file_destination_allowed(printer, [usb])


def _answer_print_dialog(seen: dict[str, Any], *, accept: bool) -> None:
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, look)
            return
        seen["to_file"] = dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile)
        seen["file"] = dialog.printer().outputFileName()
        if accept:
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, look)


def test_the_print_dialog_suggests_the_usb_key_and_never_a_file_without_one(tmp_path: Path, qtbot: Any) -> None:
    seen: dict[str, Any] = {}
    _answer_print_dialog(seen, accept=False)
    assert ask_printer_safely(None, volumes=lambda: []) is None
    assert seen["to_file"] is False and seen["file"] == ""  # no key plugged in: printers only
    usb = tmp_path / "media" / "CLE-USB"
    usb.mkdir(parents=True)
    seen.clear()
    _answer_print_dialog(seen, accept=True)
    printer = ask_printer_safely(None, suggested_name="recapitulatif.pdf", volumes=lambda: [usb])
    assert seen["to_file"] is True and seen["file"].startswith(str(usb))
    assert printer is not None and Path(printer.outputFileName()).parent == usb
    assert Path(printer.outputFileName()).name.startswith("recapitulatif-")
