"""Confirmations behind one injectable object, so tests and scripts can answer them (no modal left open)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from PySide6.QtWidgets import QMessageBox, QWidget


class Confirmer:
    """Asks a yes/no question in words that say what will happen; the default answer is the safe one (no)."""

    def ask(self, parent: QWidget | None, *, title: str, text: str, confirm_label: str, cancel_label: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        box.setAccessibleName(title)
        box.setAccessibleDescription(text)
        yes = box.addButton(confirm_label, QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(cancel_label, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class ScriptedConfirmer(Confirmer):
    """Answers from a script and records every question asked (tests, screenshots)."""

    def __init__(self, answers: Iterable[bool] = ()) -> None:
        self.answers: deque[bool] = deque(answers)
        self.questions: list[tuple[str, str]] = []
        self.informed: list[tuple[str, str]] = []

    def ask(self, parent: QWidget | None, *, title: str, text: str, confirm_label: str, cancel_label: str) -> bool:
        self.questions.append((title, text))
        return self.answers.popleft() if self.answers else False

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self.informed.append((title, text))
