"""S20: copying a secret or a health value marks it for clipboard managers and clears it later if still ours."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
# KDE Klipper and other clipboard managers skip history for data carrying this hint (KeePassXC Clipboard.cpp).
CONCEALED_FORMAT = "x-kde-passwordManagerHint"
CONCEALED_VALUE = b"secret"


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class SecretClipboard(QObject):
    """Copies text with the concealment hint; clears it after ``CLEAR_AFTER_MS`` only if the person has not copied
    something else meanwhile; ``clear_if_ours()`` does the same at once (lock, quit). Only a hash of the copied
    text is kept, never the text."""

    sig_cleared = Signal()
    """The clipboard held our copy and was emptied."""

    def __init__(self, *, timer: QTimer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = timer or QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CLEAR_AFTER_MS)
        self._timer.timeout.connect(self.clear_if_ours)
        self._ours: bytes | None = None

    @staticmethod
    def _clipboard() -> QClipboard:
        clipboard = QGuiApplication.clipboard()
        assert clipboard is not None, "a QGuiApplication is needed to copy"
        return clipboard

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        mime.setData(CONCEALED_FORMAT, CONCEALED_VALUE)
        self._clipboard().setMimeData(mime)
        self._ours = _digest(text)
        self._timer.start()

    def holds_our_copy(self) -> bool:
        return self._ours is not None and _digest(self._clipboard().text()) == self._ours

    def clear_if_ours(self) -> bool:
        """Empty the clipboard if it still holds what we copied; returns whether it did."""
        self._timer.stop()
        ours = self.holds_our_copy()
        self._ours = None
        if ours:
            self._clipboard().clear()
            self.sig_cleared.emit()
        return ours
