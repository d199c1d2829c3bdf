"""The design system: tokens as data, one style sheet built from them, components, text size in one cheap step."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui import theme
from ui.paths import STYLES_DIR
from ui.widgets import Card, EmptyState, InlineMessage, label, primary_button, secondary_button


def test_tokens_are_the_single_source_of_both_themes() -> None:
    raw = json.loads((STYLES_DIR / "tokens.json").read_text(encoding="utf-8"))
    assert set(raw["themes"]) == set(theme.THEMES)
    for name, palette in theme.THEMES.items():
        assert raw["themes"][name]["colours"]["accent"] == palette.accent
        sheet = theme.style_sheet(palette)
        assert "$" not in sheet, "a token of the template was left unfilled"
        assert palette.accent in sheet and palette.focus in sheet
        # No font size in the sheet: the text size follows fonts, so a step never re-polishes every widget.
        assert not re.search(r"font-size", sheet)
    assert not list(STYLES_DIR.glob("default.qss")), "one template for both themes"
    assert theme.TOKENS.role_scale("title") == pytest.approx(raw["type_scale"]["title"])
    assert theme.TOKENS.role_scale("error") is None


@pytest.mark.parametrize("palette", list(theme.THEMES.values()), ids=lambda p: p.name)
def test_controls_stand_out_at_3_to_1(palette: theme.Palette) -> None:
    """WCAG 1.4.11: scroll-bar thumbs, field borders, the focus ring and an invalid field's border."""
    for what, colour, background in theme.non_text_pairs(palette):
        assert theme.contrast_ratio(colour, background) >= 3.0, f"{palette.name}: {what} {colour} on {background}"


def test_text_size_reaches_every_widget_and_role(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    body, heading, title = QLabel("corps"), label("heading"), label("title")
    card = Card()
    card.set_title("Allergies")
    for widget in (body, heading, title, card):
        layout.addWidget(widget)
    page.show()
    try:
        theme.apply_theme(app, high_contrast=False, text_scale=100)
        assert body.font().pointSizeF() == pytest.approx(theme.BASE_POINT_SIZE)
        theme.apply_theme(app, high_contrast=False, text_scale=200)
        assert body.font().pointSizeF() == pytest.approx(2 * theme.BASE_POINT_SIZE)
        assert heading.font().pointSizeF() == pytest.approx(2 * theme.BASE_POINT_SIZE * 1.25)
        assert title.font().pointSizeF() == pytest.approx(2 * theme.BASE_POINT_SIZE * 1.6)
        assert card.title.font().pointSizeF() == pytest.approx(2 * theme.BASE_POINT_SIZE * 1.1)
        late = label("heading")  # created after the step: born at the current size
        assert late.font().pointSizeF() == pytest.approx(2 * theme.BASE_POINT_SIZE * 1.25)
    finally:
        theme.apply_theme(app, high_contrast=False, text_scale=100)


def test_components(qtbot) -> None:
    primary, secondary = primary_button("Ajouter"), secondary_button("Annuler")
    assert primary.property("role") == "primary" and secondary.property("role") is None
    empty = EmptyState(action=primary)
    qtbot.addWidget(empty)
    empty.set_texts("Aucun document", "Ajoutez une ordonnance ou un compte rendu.")
    assert empty.accessibleName() == "Aucun document" and empty.action is primary
    message = InlineMessage()
    qtbot.addWidget(message)
    assert message.isHidden()
    message.show_message("Enregistré.", kind="success")
    assert not message.isHidden() and message.property("role") == "message_success"
    with pytest.raises(ValueError, match="unknown message kind"):
        message.show_message("?", kind="shout")
    message.show_message("")
    assert message.isHidden()
