"""Printing a PDF kept in memory, and where « Imprimer dans un fichier » may write.

On a computer that is not the person's (an assisted session, a shared PC), a PDF printed « to a file » must not land
in the helper's home folder: the only file destinations offered are removable media (the person's USB key). With no
removable medium plugged in, the print dialog offers real printers only. Nothing is ever written to a temp file:
the PDF stays in memory and is painted page by page onto the printer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEventLoop, QIODevice, QSize, QStorageInfo
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/")


def _windows_removable(root: str) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    drive_removable = 2
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == drive_removable)  # type: ignore[attr-defined]


def removable_volumes() -> list[Path]:
    """Mounted, writable removable media (USB keys, SD cards): where a person's file may be written."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if root.startswith(_REMOVABLE_ROOTS) or _windows_removable(root):
            found.append(Path(root))
    return found


def file_destination_allowed(printer: QPrinter, volumes: Sequence[Path]) -> bool:
    """True when the printer prints on paper, or « to a file » on one of ``volumes`` (never elsewhere)."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat:
        return True
    name = printer.outputFileName()
    if not name:
        return False
    target = Path(os.path.abspath(name))
    return any(target.is_relative_to(volume) for volume in volumes)


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The system print dialog, for the person on their own computer (« to a file » anywhere they choose); None when
    they cancel. An assisted session uses ``ask_printer_safely``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_printer_safely(
    parent: QWidget | None,
    *,
    suggested_name: str = "carnet.pdf",
    volumes: Callable[[], list[Path]] = removable_volumes,
) -> QPrinter | None:
    """The print dialog where « to a file » means the person's USB key: suggested there when one is plugged in,
    not offered at all otherwise; a file elsewhere is refused (said) and nothing is printed. None: cancelled."""
    found = volumes()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if found:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        printer.setOutputFileName(str(found[0] / f"{Path(suggested_name).stem}-{stamp}.pdf"))
    else:
        printer.setOutputFileName("")
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, bool(found))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if not file_destination_allowed(printer, found):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Paper", "Impression"),
            QCoreApplication.translate(
                "Paper",
                "Un fichier ne peut être enregistré que sur la clé USB de la personne, pas sur cet ordinateur. "
                "Branchez sa clé USB, ou choisissez une imprimante. Rien n'a été imprimé.",
            ),
        )
        return None
    return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of a PDF (kept in memory) onto the printer; returns the number of pages."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    settled = (QPdfDocument.Status.Ready, QPdfDocument.Status.Error)
    loop = QEventLoop()
    document.statusChanged.connect(lambda status: loop.quit() if status in settled else None)
    document.load(buffer)  # from a QIODevice the load is asynchronous: wait for it (a few milliseconds)
    if document.status() not in settled:
        loop.exec()
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError("the PDF could not be read back for printing")
    painter = QPainter(printer)
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            image = document.render(page, QSize(target.width(), target.height()))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return document.pageCount()
