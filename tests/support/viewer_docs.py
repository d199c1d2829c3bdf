"""Documents for the viewer's tests, made in memory: a PDF of several pages (each says its number in large type on
its own colour, so a test can tell which page is on screen from pixels) and a PNG image."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

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
