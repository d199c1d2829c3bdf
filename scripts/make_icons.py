"""Render resources/icons/carnet.svg into the platform icons the installer needs (carnet.ico, carnet.icns, carnet.png).

Run after changing carnet.svg: `.venv/bin/python scripts/make_icons.py` (`--out DIR` writes elsewhere). Qt renders
the SVG offscreen; Pillow writes the multi-resolution .ico (Windows) and .icns (macOS); the 256 px PNG serves the
Linux desktop entry (packaging/carnet.desktop).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main(argv: list[str]) -> int:
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else ICONS
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "carnet.svg"))
    if not renderer.isValid():
        print("carnet.svg could not be read", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    images[256].save(out / "carnet.png")
    images[256].save(out / "carnet.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    images[1024].save(out / "carnet.icns")
    del app
    for name in ("carnet.png", "carnet.ico", "carnet.icns"):
        print(f"{out / name}: {(out / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
