"""Where the application's resources (styles, icons, translations) live on disk."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
STYLES_DIR = RESOURCES_DIR / "styles"
ICONS_DIR = RESOURCES_DIR / "icons"
I18N_DIR = RESOURCES_DIR / "i18n"
