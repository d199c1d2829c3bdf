"""What the export screens share: where files are chosen (the Documents folder by default), how a modal dialog is
run, how a PDF reaches the printer — each injectable so tests and the screenshot script answer them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from ui.i18n import current_language, translate

SaveChooser = Callable[[QWidget, str, str, str], Path | None]
"""(parent, title, default file name, filter) → the path the person chose, or None."""
OpenChooser = Callable[[QWidget, str, str], Path | None]
"""(parent, title, filter) → the file the person chose, or None."""
FolderChooser = Callable[[QWidget, str], Path | None]
"""(parent, title) → the folder the person chose, or None."""
PrinterChooser = Callable[[QWidget], QPrinter | None]
ModalRunner = Callable[[QDialog], int]


def documents_folder() -> Path:
    """The person's Documents folder (their home when the system has none): where every save dialog starts."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def choose_save_path(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / name), filters)
    return Path(path) if path else None


def choose_open_path(parent: QWidget, title: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), filters)
    return Path(path) if path else None


def choose_folder(parent: QWidget, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(documents_folder()))
    return Path(path) if path else None


def ask_printer(parent: QWidget) -> QPrinter | None:
    from ui.paper import ask_printer as system_print_dialog

    return system_print_dialog(parent)


@dataclass(slots=True)
class Doors:
    """The injectable outside world of the export screens (file dialogs, printer, modal loops)."""

    save_path: SaveChooser = choose_save_path
    open_path: OpenChooser = choose_open_path
    folder: FolderChooser = choose_folder
    printer: PrinterChooser = ask_printer
    run_modal: ModalRunner = field(default=lambda dialog: dialog.exec())


def error_text(exc: BaseException) -> str:
    """A refusal in the person's language; anything unexpected in one plain sentence (never a traceback)."""
    if isinstance(exc, CarnetError | DossierValidationError):
        return exc.message(current_language())
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return translate("ExportDoors", "Le fichier n'a pas pu être écrit ou lu (%1).").replace("%1", reason)
    return translate("ExportDoors", "L'opération a échoué. Rien n'a été modifié.")


def action_buttons(dialog: QDialog, primary: Callable[[], None]) -> tuple[QPushButton, QPushButton]:
    """The dialog's main button (default, primary style, runs `primary`) and the one that closes it."""
    from ui.widgets import set_role

    main, close = QPushButton(), QPushButton()
    main.setDefault(True)
    set_role(main, "primary")
    main.clicked.connect(primary)
    close.clicked.connect(dialog.reject)
    return main, close


def secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def framed(dialog: QDialog, buttons: list[QWidget]) -> QVBoxLayout:
    """The dialog's layout: a body that scrolls when 200 % text makes it taller than the screen, and below it the
    buttons in a row that wraps rather than widening the dialog. Returns the body's layout."""
    from ui.widgets import flow_row

    body = QWidget()
    layout = QVBoxLayout(body)
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QScrollArea.Shape.NoFrame)
    scroller.setWidget(body)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
    outer = QVBoxLayout(dialog)
    outer.addWidget(scroller, 1)
    row = flow_row(*buttons)
    row.setObjectName("dialogButtons")
    outer.addWidget(row)
    return layout


def fit(dialog: QDialog, body: QVBoxLayout, width: int) -> None:
    """Size a framed dialog: `width` grown with the text size, as tall as its content, never larger than the window
    it belongs to (or the screen); what does not fit scrolls."""
    from PySide6.QtWidgets import QApplication

    from ui.theme import BASE_POINT_SIZE

    parent = dialog.parentWidget()
    bound = parent.window().size() if parent is not None else dialog.screen().availableSize()
    scale = max(1.0, QApplication.font().pointSizeF() / BASE_POINT_SIZE)
    w = min(int(width * scale), bound.width())
    inner = body.parentWidget()
    assert inner is not None, "a body made by framed()"
    margins = 48
    height = inner.heightForWidth(w - margins) if inner.hasHeightForWidth() else inner.sizeHint().height()
    row = dialog.findChild(QWidget, "dialogButtons")
    if row is not None:
        height += row.heightForWidth(w - margins) if row.hasHeightForWidth() else row.sizeHint().height()
    dialog.resize(w, min(height + margins, int(bound.height() * 0.95)))
