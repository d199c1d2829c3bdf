"""An unread count a section shows as a badge in the sidebar (Notifications, Messagerie)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class UnreadCount(QObject):
    """How many things are unread, as last known (from the service, or an offline copy)."""

    sig_changed = Signal(int)
    """The number of unread things changed; carries it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.value = 0

    def set(self, value: int) -> None:
        if value != self.value:
            self.value = value
            self.sig_changed.emit(value)
