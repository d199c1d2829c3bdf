"""Small widgets and helpers shared by the screens: labels with a style role, accessibility, the strength meter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from dossier.passwords import PasswordAssessment, assess_password
from ui.i18n import pick


def set_role(widget: QWidget, role: str) -> QWidget:
    """Tag a widget for the style sheet (``QLabel[role="heading"]``…)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def label(role: str = "", *, buddy: QWidget | None = None, wrap: bool = True) -> QLabel:
    lbl = QLabel()
    lbl.setWordWrap(wrap)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_role(lbl, role)
    if buddy is not None:
        lbl.setBuddy(buddy)
    return lbl


def error_label() -> QLabel:
    """A label for an error message: hidden while empty, announced to screen readers as an alert."""
    lbl = label("error")
    lbl.setVisible(False)
    lbl.setAccessibleName("Erreur")
    return lbl


def show_error(lbl: QLabel, message: str) -> None:
    lbl.setText(message)
    lbl.setAccessibleDescription(message)
    lbl.setVisible(bool(message))


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Accessible name and description (RGAA): screen readers read these, not the layout."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description or name)


class Retranslatable:
    """Mixin (list it before the Qt base): calls ``retranslate_ui()`` when the language changes at run time."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


class PasswordStrengthMeter(Retranslatable, QWidget):
    """Live strength of a new password (0–4) with plain-language advice, from dossier.passwords."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assessment: PasswordAssessment | None = None
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(True)
        self.advice = label("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.advice)
        self.retranslate_ui()

    @property
    def assessment(self) -> PasswordAssessment | None:
        return self._assessment

    @property
    def acceptable(self) -> bool:
        return self._assessment is not None and self._assessment.acceptable

    def update_for(self, password: str, *, user_inputs: Sequence[str] = ()) -> None:
        self._assessment = assess_password(password, user_inputs=tuple(user_inputs)) if password else None
        self.retranslate_ui()

    def _verdict(self) -> str:
        a = self._assessment
        if a is None:
            return self.tr("Saisissez un mot de passe")
        levels = [
            self.tr("Très faible"),
            self.tr("Faible"),
            self.tr("Moyen"),
            self.tr("Bon"),
            self.tr("Excellent"),
        ]
        verdict = levels[max(0, min(4, a.score))]
        if not a.acceptable:
            return self.tr("%1 — pas encore accepté").replace("%1", verdict)
        return self.tr("%1 — accepté").replace("%1", verdict)

    def retranslate_ui(self) -> None:
        a = self._assessment
        self.bar.setValue(0 if a is None else max(0, min(4, a.score)))
        verdict = self._verdict()
        self.bar.setFormat(verdict)
        advice = "" if a is None else "\n".join(pick(fr, en) for fr, en in zip(a.advice_fr, a.advice_en, strict=False))
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
        self.setAccessibleName(self.tr("Solidité du mot de passe"))
        self.setAccessibleDescription(verdict if not advice else f"{verdict}. {advice}")
        self.bar.setAccessibleName(self.tr("Solidité du mot de passe"))
        self.bar.setAccessibleDescription(verdict)


def with_messages(editor: QWidget, *below: QWidget) -> QWidget:
    """An editor with what belongs under it (strength meter, error message), as one form field.

    Keeps each error right next to its field without empty form rows taking space while there is no error.
    """
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    for widget in below:
        layout.addWidget(widget)
    box.setFocusProxy(editor)
    return box


def size_to_current_page(stack: QStackedWidget) -> None:
    """Make a stack as small as its *current* page (by default it is as large as its largest page), so a big
    hidden page never forces scroll bars on the one shown."""

    def update(_: int = 0) -> None:
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is stack.currentWidget() else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(update)
    update()
