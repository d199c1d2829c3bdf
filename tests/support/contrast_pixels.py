"""Contrast measured from what is drawn: a widget's pixels in a grab of its window, its background (the commonest
colour) and its text (the drawn colour furthest from it), and the WCAG ratio between the two."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from ui.theme import contrast_ratio


@dataclass(frozen=True)
class Measured:
    text: str
    background: str
    ratio: float


def measure(shot: QImage, widget: QWidget) -> Measured | None:
    """Text and background colours of ``widget`` as drawn in ``shot`` (a grab of its whole window); None when only one
    colour is drawn there (no text showing)."""
    shown = widget.visibleRegion().boundingRect()  # the part not scrolled away or covered by its parents
    if shown.isEmpty():
        return None
    area = QRect(widget.mapTo(widget.window(), shown.topLeft()), shown.size()).intersected(shot.rect())
    counts: Counter[str] = Counter()
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            counts[QColor(shot.pixel(x, y)).name()] += 1
    if len(counts) < 2:
        return None
    background = counts.most_common(1)[0][0]
    text = max(counts, key=lambda colour: contrast_ratio(colour, background))
    return Measured(text, background, contrast_ratio(text, background))


def close(a: str, b: str, tolerance: int = 10) -> bool:
    """Two colours the same to the eye (anti-aliasing and rounding aside)."""
    ca, cb = QColor(a), QColor(b)
    return max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()), abs(ca.blue() - cb.blue())) <= tolerance
