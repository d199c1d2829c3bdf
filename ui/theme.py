"""Default and high-contrast themes: one palette per theme feeds both QPalette and the style sheet template."""

from __future__ import annotations

import json
from dataclasses import dataclass
from string import Template

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QCheckBox, QGroupBox, QWidget

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
    surface: str
    surface_border: str
    text: str
    muted_text: str
    disabled_text: str
    border: str
    button: str
    button_text: str
    accent: str
    accent_text: str
    accent_soft: str
    highlight: str
    highlighted_text: str
    error: str
    error_soft: str
    success: str
    success_soft: str
    warning: str
    warning_soft: str
    link: str
    focus: str
    scroll_handle: str
    primary_border: str


@dataclass(frozen=True, slots=True)
class Tokens:
    """The design tokens of resources/styles/tokens.json: type scale, spacing, radii, per-theme widths."""

    type_scale: dict[str, float]
    roles: dict[str, str]
    spacing: dict[str, int]
    radius: dict[str, int]
    metrics: dict[str, dict[str, int]]

    def role_scale(self, role: str) -> float | None:
        """The size factor of a style role's text (``None``: the role keeps the body size it inherits)."""
        step = self.roles.get(role)
        return None if step is None else self.type_scale[step]


def _load_tokens() -> tuple[Tokens, dict[str, Palette]]:
    raw = json.loads((STYLES_DIR / "tokens.json").read_text(encoding="utf-8"))
    palettes = {name: Palette(name=name, **theme["colours"]) for name, theme in raw["themes"].items()}
    tokens = Tokens(
        type_scale={k: float(v) for k, v in raw["type_scale"].items()},
        roles=dict(raw["roles"]),
        spacing={k: int(v) for k, v in raw["spacing"].items()},
        radius={k: int(v) for k, v in raw["radius"].items()},
        metrics={name: dict(theme["metrics"]) for name, theme in raw["themes"].items()},
    )
    return tokens, palettes


TOKENS, _PALETTES = _load_tokens()
DEFAULT = _PALETTES["default"]
HIGH_CONTRAST = _PALETTES["high_contrast"]
SPACING = TOKENS.spacing

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
        ("text on card", p.text, p.surface),
        ("muted text on card", p.muted_text, p.surface),
        ("text on information message", p.text, p.accent_soft),
        ("error on its message", p.error, p.error_soft),
        ("success on its message", p.success, p.success_soft),
        ("warning on its message", p.warning, p.warning_soft),
        ("placeholder on base", p.muted_text, p.base),
        ("header text", p.button_text, p.button),
    ]


def non_text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """(what, colour, background) of the controls' parts that must stand out at ≥ 3:1 (WCAG 1.4.11)."""
    return [
        ("scroll-bar thumb", p.scroll_handle, p.window),
        ("field border on window", p.border, p.window),
        ("focus ring on window", p.focus, p.window),
        ("focus ring on base", p.focus, p.base),
        ("error field border", p.error, p.base),
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


def style_sheet(p: Palette) -> str:
    """The one style sheet template with the theme's tokens filled in: colours, spacing, radii, border widths.

    It holds no font size (those follow the text-size setting through fonts, see ``apply_text_scale``)."""
    template = Template((STYLES_DIR / "carnet.qss").read_text(encoding="utf-8"))
    values: dict[str, object] = {field: getattr(p, field) for field in p.__dataclass_fields__}
    values.update({f"space_{k}": v for k, v in TOKENS.spacing.items()})
    values.update({f"radius_{k}": v for k, v in TOKENS.radius.items()})
    metrics = TOKENS.metrics[p.name]
    values.update(border_w=metrics["border"], focus_w=metrics["focus"], primary_w=metrics["primary_border"])
    return template.substitute(values)


def clamp_scale(text_scale: int) -> int:
    return max(MIN_TEXT_SCALE, min(MAX_TEXT_SCALE, int(text_scale)))


_current_scale = 100
_current_theme = ""


def role_font(base: QFont, role: str, text_scale: int | None = None) -> QFont | None:
    """The font of a style role at a text size: the body size times the role's step of the type scale."""
    factor = TOKENS.role_scale(role)
    if factor is None:
        return None
    font = QFont(base)
    scale = clamp_scale(_current_scale if text_scale is None else text_scale) / 100
    font.setPointSizeF(BASE_POINT_SIZE * scale * factor)
    return font


class _RoleFontKeeper(QObject):
    """Puts a role's size back when Qt resets the font (a style sheet polish or a new parent gives the body size)."""

    _busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._busy
            and event.type() in (QEvent.Type.FontChange, QEvent.Type.ParentChange, QEvent.Type.Show)
            and isinstance(watched, QWidget)
            and not _under_own_style_sheet(watched)  # its window's own sheet sizes it (assisted session, clinic)
        ):
            role = watched.property("role")
            factor = TOKENS.role_scale(role) if isinstance(role, str) else None
            if factor is not None:
                wanted = BASE_POINT_SIZE * _current_scale / 100 * factor
                if abs(watched.font().pointSizeF() - wanted) > 0.01:
                    font = QFont(watched.font())
                    font.setPointSizeF(wanted)
                    _RoleFontKeeper._busy = True
                    try:
                        watched.setFont(font)
                    finally:
                        _RoleFontKeeper._busy = False
        return False


def _under_own_style_sheet(widget: QWidget) -> bool:
    w: QWidget | None = widget
    while w is not None:
        if w.styleSheet():
            return True
        w = w.parentWidget()
    return False


_ROLE_FONT_KEEPER: _RoleFontKeeper | None = None


def apply_role_font(widget: QWidget, role: str) -> None:
    """Give a widget tagged with ``role`` its size on the type scale (kept in step by ``apply_text_scale``)."""
    global _ROLE_FONT_KEEPER
    font = role_font(QApplication.font(), role)
    if font is not None and not _under_own_style_sheet(widget):
        if _ROLE_FONT_KEEPER is None:
            _ROLE_FONT_KEEPER = _RoleFontKeeper()
        widget.installEventFilter(_ROLE_FONT_KEEPER)
        widget.setFont(font)


def apply_text_scale(app: QApplication, text_scale: int, *, defer_hidden: bool = False) -> None:
    """Change the text size (100–200 %) in one step: the application font, then each role's font.

    No style sheet is set again, so Qt re-lays out the windows once instead of re-polishing every widget. With
    ``defer_hidden`` (a step the person makes with Ctrl++), what is shown changes now and the hidden sections on the
    next turn of the event loop, after the step is painted."""
    global _current_scale
    _current_scale = clamp_scale(text_scale)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * _current_scale / 100)
    app.setFont(font)  # for windows opened later
    # With a style sheet set, Qt fixes each styled widget's font when it polishes it and no longer passes the
    # application font on: give every widget its new size directly (cheap: no style sheet is parsed again).
    widgets = app.allWidgets()
    # Windows with their own style sheet (assisted session, clinic) size their text themselves.
    styled = [w for w in widgets if w.styleSheet()]
    if not defer_hidden:
        _resize_fonts(widgets, styled)
        QApplication.sendPostedEvents()  # the layouts settle now, as one step
        return
    _resize_fonts([w for w in widgets if w.isVisible()], styled)
    QApplication.sendPostedEvents()  # what the person sees is laid out now
    hidden = [w for w in widgets if not w.isVisible()]
    QTimer.singleShot(0, lambda: _resize_fonts([w for w in hidden if _alive(w)], styled))


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # deleted meanwhile (a closed dialog)
        return False
    return True


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def _resize_fonts(widgets: list[QWidget], styled: list[QWidget]) -> None:
    body = BASE_POINT_SIZE * _current_scale / 100
    # Innermost first: a container reacting to its FontChange (a side list fitted to its names) measures children
    # that already have their new size.
    for widget in sorted(widgets, key=_depth, reverse=True):
        if styled and any(root is widget or root.isAncestorOf(widget) for root in styled if _alive(root)):
            continue
        role = widget.property("role")
        factor = TOKENS.role_scale(role) if isinstance(role, str) else None
        current = widget.font()
        wanted = body * (factor or 1.0)
        if abs(current.pointSizeF() - wanted) > 0.01:
            sized = QFont(current)
            sized.setPointSizeF(wanted)
            widget.setFont(sized)
            if isinstance(widget, _EM_SIZED):  # their style-sheet sizes are in em: measured again at polish
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                widget.updateGeometry()


_EM_SIZED = (QCheckBox, QAbstractSpinBox, QGroupBox)


def apply_theme(app: QApplication, *, high_contrast: bool, text_scale: int, defer_hidden: bool = False) -> Palette:
    """Apply a theme and a text size (100–200 %) to the whole application at run time.

    The style sheet is set only when the theme changes; a text-size step alone is ``apply_text_scale``."""
    global _current_theme
    from ui import icons

    icons.register_search_path()  # the style sheets refer to icons:… (spin box arrows)
    p = HIGH_CONTRAST if high_contrast else DEFAULT
    if _current_theme != p.name or app.styleSheet() == "":
        app.setStyle("Fusion")
        app.setPalette(qpalette(p))
        app.setStyleSheet(style_sheet(p))
        _current_theme = p.name
    apply_text_scale(app, text_scale, defer_hidden=defer_hidden)
    return p


def current_palette() -> Palette:
    """The palette of the theme applied last (the default one before any)."""
    return HIGH_CONTRAST if _current_theme == HIGH_CONTRAST.name else DEFAULT
