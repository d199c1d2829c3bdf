"""Default and high-contrast themes: one palette per theme feeds both QPalette and the style sheet template."""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ui.paths import STYLES_DIR

BASE_POINT_SIZE = 11.0
MIN_TEXT_SCALE = 100
MAX_TEXT_SCALE = 200


@dataclass(frozen=True, slots=True)
class Palette:
    """Every colour a theme uses; text/background pairs are listed by ``text_pairs`` for the contrast test."""

    name: str
    window: str
    base: str
    alternate_base: str
    text: str
    muted_text: str
    disabled_text: str
    border: str
    button: str
    button_text: str
    accent: str
    accent_text: str
    highlight: str
    highlighted_text: str
    error: str
    success: str
    link: str
    focus: str


DEFAULT = Palette(
    name="default",
    window="#f4f5f7",
    base="#ffffff",
    alternate_base="#eef1f5",
    text="#1b1f24",
    muted_text="#4a5360",
    disabled_text="#5c6470",
    border="#6b7380",
    button="#e4e8ee",
    button_text="#1b1f24",
    accent="#1f4fa3",
    accent_text="#ffffff",
    highlight="#1f4fa3",
    highlighted_text="#ffffff",
    error="#a3161a",
    success="#1d6b34",
    link="#1a4b9c",
    focus="#c25e00",
)

HIGH_CONTRAST = Palette(
    name="high_contrast",
    window="#000000",
    base="#000000",
    alternate_base="#1a1a1a",
    text="#ffffff",
    muted_text="#f0f0f0",
    disabled_text="#c8c8c8",
    border="#ffffff",
    button="#000000",
    button_text="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    highlight="#ffff00",
    highlighted_text="#000000",
    error="#ff9c9c",
    success="#8cff8c",
    link="#8fd3ff",
    focus="#00ffff",
)

THEMES = {DEFAULT.name: DEFAULT, HIGH_CONTRAST.name: HIGH_CONTRAST}

# The stroke colour of resources/icons/*.svg: one mid-luminance blue that keeps ≥ 3:1 (WCAG 1.4.11, non-text)
# against the backgrounds of both themes, so the same icons serve both.
ICON_COLOUR = "#2f7fb0"


def icon_backgrounds(p: Palette) -> list[str]:
    return [p.window, p.base, p.button]


def text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every text the application draws."""
    return [
        ("text on window", p.text, p.window),
        ("text on base", p.text, p.base),
        ("text on alternate rows", p.text, p.alternate_base),
        ("muted text on window", p.muted_text, p.window),
        ("muted text on base", p.muted_text, p.base),
        ("disabled text on window", p.disabled_text, p.window),
        ("disabled text on button", p.disabled_text, p.button),
        ("button text", p.button_text, p.button),
        ("accent button text", p.accent_text, p.accent),
        ("selected text", p.highlighted_text, p.highlight),
        ("error on window", p.error, p.window),
        ("error on base", p.error, p.base),
        ("success on window", p.success, p.window),
        ("link on base", p.link, p.base),
        ("link on window", p.link, p.window),
    ]


def relative_luminance(color: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour given as #rrggbb."""
    c = QColor(color)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def qpalette(p: Palette) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.window,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.base,
        QPalette.ColorRole.AlternateBase: p.alternate_base,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.Button: p.button,
        QPalette.ColorRole.ButtonText: p.button_text,
        QPalette.ColorRole.Highlight: p.highlight,
        QPalette.ColorRole.HighlightedText: p.highlighted_text,
        QPalette.ColorRole.ToolTipBase: p.base,
        QPalette.ColorRole.ToolTipText: p.text,
        QPalette.ColorRole.PlaceholderText: p.muted_text,
        QPalette.ColorRole.Link: p.link,
        QPalette.ColorRole.BrightText: p.error,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.disabled_text))
    return pal


def style_sheet(p: Palette, *, text_scale: int) -> str:
    """The theme's QSS with colours and point sizes filled in (sizes scale with the text size setting)."""
    scale = clamp_scale(text_scale) / 100
    template = Template((STYLES_DIR / f"{p.name}.qss").read_text(encoding="utf-8"))
    values = {field: getattr(p, field) for field in p.__dataclass_fields__}
    values.update(
        base_pt=f"{BASE_POINT_SIZE * scale:.1f}",
        small_pt=f"{BASE_POINT_SIZE * 0.95 * scale:.1f}",
        title_pt=f"{BASE_POINT_SIZE * 1.6 * scale:.1f}",
        heading_pt=f"{BASE_POINT_SIZE * 1.25 * scale:.1f}",
        key_pt=f"{BASE_POINT_SIZE * 1.4 * scale:.1f}",
    )
    return template.substitute(values)


def clamp_scale(text_scale: int) -> int:
    return max(MIN_TEXT_SCALE, min(MAX_TEXT_SCALE, int(text_scale)))


def apply_theme(app: QApplication, *, high_contrast: bool, text_scale: int) -> Palette:
    """Apply a theme and a text size (100–200 %) to the whole application at run time."""
    from ui import icons

    icons.register_search_path()  # the style sheets refer to icons:… (spin box arrows)
    p = HIGH_CONTRAST if high_contrast else DEFAULT
    app.setStyle("Fusion")
    app.setPalette(qpalette(p))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * clamp_scale(text_scale) / 100)
    app.setFont(font)
    app.setStyleSheet(style_sheet(p, text_scale=text_scale))
    return p
