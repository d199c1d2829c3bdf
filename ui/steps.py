"""Shared pieces of the online first-contact screens: grouped code fields, the step stack, service errors by field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from dossier.errors import DossierValidationError
from ui.i18n import current_language
from ui.ops import Op
from ui.widgets import Retranslatable, error_label, label, set_role, show_error

T = TypeVar("T")


class GroupedCodeEdit(QLineEdit):
    """A code typed in any case, shown in groups (``ABCD EFGH JKLM``): easier to compare with the letter."""

    def __init__(self, *, length: int, group: int = 4, digits_only: bool = False) -> None:
        super().__init__()
        self._length = length
        self._group = group
        self.setMaxLength(length + (length - 1) // group)
        allowed = "0-9" if digits_only else "A-Za-z0-9"
        self.setValidator(QRegularExpressionValidator(QRegularExpression(f"[{allowed} ]*"), self))
        self.textEdited.connect(self._regroup)

    def raw(self) -> str:
        """The code without the display spaces, in capitals."""
        return self.text().replace(" ", "").upper()

    def _regroup(self, text: str) -> None:
        raw = text.replace(" ", "").upper()[: self._length]
        grouped = " ".join(raw[i : i + self._group] for i in range(0, len(raw), self._group))
        if grouped != text:
            self.setText(grouped)
            self.setCursorPosition(len(grouped))


def six_digit_edit() -> GroupedCodeEdit:
    """The field for an e-mailed one-time code (6 digits, shown ``123 456``)."""
    edit = GroupedCodeEdit(length=6, group=3, digits_only=True)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


class StepStack(QWidget):
    """The steps one above the other with only the current one shown: hidden steps take no room, so the buttons
    sit right under the step shown (a QStackedWidget is as tall as its tallest page)."""

    currentChanged = Signal(int)
    """The step shown changed; carries its index."""

    def __init__(self) -> None:
        super().__init__()
        self._pages: list[QWidget] = []
        self._current = -1
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        page.setVisible(len(self._pages) - 1 == self._current)
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self.widget(self._current)

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self._pages) or index == self._current:
            return
        self._current = index
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)
        self.currentChanged.emit(index)


class OnlineSteps(Retranslatable, QWidget):
    """A page of steps (one question each) with Back/Next, a status line, and errors shown beside their field.

    Subclasses add steps with ``add_step`` and map the service's field names to error labels in ``field_errors``;
    ``run_online`` runs a service call on the worker and routes a refusal to the step and field it concerns.
    """

    sig_back_requested = Signal()
    """The person left the first step with Back (or Escape): back to the welcome screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self.title = label("title")
        self.stack = StepStack()
        self.status = label("muted")
        self.error = error_label()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        set_role(self.next_button, "primary")
        self.next_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.on_back_button_clicked)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.field_errors: dict[str, tuple[QLineEdit, QLabel]] = {}
        self.step_titles: list[QLabel] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.stack)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # -- building ----------------------------------------------------------------------------------------------------
    def add_step(self, *widgets: QWidget) -> QWidget:
        """A step: its heading (``step_titles``) then the widgets, top to bottom."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        heading = label("heading")
        self.step_titles.append(heading)
        box.addWidget(heading)
        for widget in widgets:
            box.addWidget(widget)
        box.addStretch(1)
        self.stack.addWidget(page)
        return page

    def watch_field(self, name: str, editor: QLineEdit, error: QLabel) -> None:
        """Errors about ``name`` appear in ``error``; Enter in the editor means Next; typing clears the error."""
        self.field_errors[name] = (editor, error)
        editor.returnPressed.connect(self.on_next_button_clicked)
        editor.textEdited.connect(lambda _t: show_error(error, ""))

    # -- navigation --------------------------------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        show_error(self.error, "")
        self.status.clear()
        self.retranslate_ui()
        self.focus_step()

    def focus_step(self) -> None:
        page = self.stack.currentWidget()
        for editor, _error in self.field_errors.values():
            if page is not None and page.isAncestorOf(editor) and editor.isEnabled():
                editor.setFocus()
                return
        self.next_button.setFocus()

    def on_back_button_clicked(self) -> None:
        if self._busy:
            return
        if self.step == 0:
            self.sig_back_requested.emit()
        else:
            self.go_to(self.step - 1)

    def on_next_button_clicked(self) -> None:
        if self._busy or not self.next_button.isEnabled():
            return
        self.next_step()

    def next_step(self) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.on_back_button_clicked()
            return
        super().keyPressEvent(event)

    # -- errors ------------------------------------------------------------------------------------------------------
    def show_field_error(self, name: str, message: str) -> bool:
        """Show ``message`` beside field ``name`` (going to its step); False when the field is unknown."""
        found = self.field_errors.get(name)
        if found is None:
            return False
        editor, error = found
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if page is not None and page.isAncestorOf(editor):
                self.go_to(index)
                break
        show_error(error, message)
        editor.selectAll()
        editor.setFocus()
        return True

    def check_locally(self, name: str, check: Callable[[], object]) -> bool:
        """Run a pure validation (dossier.identifiers); a refusal appears beside the field and stops Next."""
        try:
            check()
        except DossierValidationError as exc:
            issue = exc.issues[0]
            self.show_field_error(issue.field if issue.field in self.field_errors else name, issue.message(lang()))
            return False
        _editor, error = self.field_errors[name]
        show_error(error, "")
        return True

    def show_failure(self, exc: BaseException) -> None:
        from desktop_app.service_client import ServiceError

        if isinstance(exc, ServiceError) and exc.field and self.show_field_error(exc.field, exc.message(lang())):
            return
        if isinstance(exc, DossierValidationError):
            for issue in exc.issues:
                if self.show_field_error(issue.field, issue.message(lang())):
                    return
        if isinstance(exc, DossierValidationError | CarnetError):
            show_error(self.error, exc.message(lang()))
        else:
            show_error(self.error, self.tr("La démarche n'a pas abouti ; rien n'a été enregistré. Réessayez."))

    # -- background calls --------------------------------------------------------------------------------------------
    def run_online(self, fn: Callable[[], T], on_done: Callable[[T], None], *, status: str) -> None:
        """Run a service call on the worker; the buttons wait, the result or the refusal comes back here."""
        self._set_busy(True)
        show_error(self.error, "")
        self.status.setText(status)

        def done(result: T) -> None:
            self._set_busy(False)
            self.status.clear()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.status.clear()
            self.show_failure(exc)

        Op(self, fn).success(done).failure(failed).run()

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)


def lang() -> str:
    return current_language()
