"""The platform icons the installer uses exist, hold every size a desktop asks for, and match carnet.svg."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageChops

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def test_windows_icon_holds_every_size_from_16_to_256() -> None:
    with Image.open(ICONS / "carnet.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_macos_icon_opens_at_retina_size() -> None:
    with Image.open(ICONS / "carnet.icns") as icns:
        icns.load()
        assert icns.size[0] >= 512


def test_icons_are_rendered_from_the_current_svg(tmp_path: Path) -> None:
    # The committed PNG must be what carnet.svg renders to today (otherwise the installer ships a stale icon).
    script = Path(__file__).resolve().parents[2] / "scripts" / "make_icons.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True, timeout=120)
    with Image.open(ICONS / "carnet.png") as committed, Image.open(tmp_path / "carnet.png") as fresh:
        difference = ImageChops.difference(committed.convert("RGBA"), fresh.convert("RGBA")).getbbox()
    assert difference is None, "carnet.svg changed: run scripts/make_icons.py and commit the icons"
