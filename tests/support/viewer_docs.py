"""Documents for the viewer's tests, made in memory: a PDF of several pages (each says its number in large type on
its own colour, so a test can tell which page is on screen from pixels) and a PNG image; the `scratch` fixture that
points every temp directory at an empty folder, and `page_on_screen` that reads the page shown from pixels."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QDir, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdfWidgets import QPdfView

__all__ = ["page_colour", "page_on_screen", "pages_pdf", "png_image", "scratch"]

PAGE_COLOURS = ("#c0392b", "#2471a3", "#1e8449", "#7d3c98", "#b9770e")


def page_colour(index: int) -> QColor:
    return QColor(PAGE_COLOURS[index % len(PAGE_COLOURS)])


def pages_pdf(pages: int = 3) -> bytes:
    """An A4 PDF of `pages` pages; page i (from 0) is filled with PAGE_COLOURS[i] and says « Page i+1 »."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for index in range(pages):
        if index:
            writer.newPage()
        area = QRect(0, 0, painter.device().width(), painter.device().height())
        painter.fillRect(area, page_colour(index))
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPointSize(48)
        painter.setFont(font)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, f"Page {index + 1}")
    painter.end()
    buffer.close()
    return bytes(data.data())


def png_image(width: int = 400, height: int = 300, colour: str = "#2471a3") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def page_on_screen(view: QPdfView, index: int = 0) -> bool:
    """Whether the top quarter of the view shows page `index` (its colour, give or take the rendering)."""
    image = view.viewport().grab().toImage()
    shown, wanted = image.pixelColor(image.width() // 2, image.height() // 4), page_colour(index)
    return (
        abs(shown.red() - wanted.red()) + abs(shown.green() - wanted.green()) + abs(shown.blue() - wanted.blue()) < 40
    )


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every temp directory (Python's, Qt's, the C library's) pointed at an empty folder the test then checks."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert Path(QDir.tempPath()).resolve() == folder.resolve()
    yield folder
