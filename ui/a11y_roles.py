"""Headings on the accessibility bus: a screen's title and its section headings are exposed with the Heading role, so
a screen reader lists them and jumps from one to the next (Orca's H key), instead of reading them as plain text.

Qt gives every QLabel the « label » role; an accessibility factory answers first for the labels tagged with a heading
role of the design system (``ui.widgets.set_role``: title, heading, card title…). (No heading level: PySide6 cannot
implement QAccessibleAttributesInterface from Python.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

HEADING_ROLES = frozenset({"title", "display", "heading", "section", "subheading", "card_title"})
"""Style roles (resources/styles/tokens.json's type scale) that are headings."""

_installed = False


class HeadingLabel(QAccessibleWidget):
    """A QLabel read as a heading: its name is its text (its accessible name when one was set)."""

    def __init__(self, widget: QLabel) -> None:
        super().__init__(widget, QAccessible.Role.Heading)
        self._label = widget

    def role(self) -> QAccessible.Role:
        # An empty heading (a title not filled yet) would be listed as a blank heading: plain text until it has words.
        return QAccessible.Role.Heading if self.text(QAccessible.Text.Name) else QAccessible.Role.StaticText

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or _plain(self._label.text())
        return super().text(kind)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and str(obj.property("role") or "") in HEADING_ROLES:
        return HeadingLabel(obj)
    return None


def install() -> None:
    """Once per process, before the first heading label is asked for on the bus (``set_role`` calls it)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def is_heading(label: QLabel) -> bool:
    """What the bus says of ``label``: True when its accessible role is Heading."""
    interface = QAccessible.queryAccessibleInterface(label)
    return interface is not None and interface.role() == QAccessible.Role.Heading
