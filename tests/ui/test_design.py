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
        late = label("heading")  # created after the step: born at the current size, kept once shown
        layout.addWidget(late)
        late.show()
        QApplication.processEvents()
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


# ---- Locale, welcome, Accueil, forms -------------------------------------------------------------------------------


def test_numbers_and_dates_follow_the_language() -> None:
    from datetime import date, datetime

    from ui import formatting
    from ui.i18n import LanguageManager

    languages = LanguageManager()
    try:
        languages.set_language("fr")
        assert formatting.format_quantity(70.4, "kg") == "70,4 kg"
        assert formatting.format_date(date(2026, 12, 6)) == "06/12/2026"
        assert formatting.format_datetime(datetime(2026, 12, 6, 8, 5)) == "06/12/2026 08:05"
        assert formatting.format_iso("2026-12-06") == "06/12/2026"
        assert formatting.format_iso("2019-05") == "05/2019"
        assert formatting.format_iso("2019") == "2019"
        assert formatting.format_number(1234.5) == "1234,5"
        languages.set_language("en")
        assert formatting.format_quantity(70.4, "kg") == "70.4 kg"
        assert formatting.format_date(date(2026, 12, 6)) == "12/6/2026"
        assert formatting.format_iso("2026-12-06T08:30:00") == "12/6/2026 08:30"
        assert formatting.format_iso("pas une date") == "pas une date"
    finally:
        languages.set_language("fr")


def test_qt_standard_dialogs_speak_french(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import LanguageManager

    languages = LanguageManager()
    languages.set_language("fr")
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def _alt_letter(text: str) -> str | None:
    """The Alt+letter a label's « & » gives (« && » is a plain ampersand), lower case."""
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _mnemonics(root: QWidget) -> dict[str, list[str]]:
    from PySide6.QtWidgets import QAbstractButton

    found: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton | QLabel):
            text = widget.text()
            if letter := _alt_letter(text):
                found.setdefault(letter, []).append(text)
    return found


def _menu_bar_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """The Alt+letters of the window's menu bar (« &Carnet », « &Affichage »): Alt+letter reaches them from every
    screen, so a screen's own control may not take the same letter (Qt would only cycle between the two)."""
    from PySide6.QtWidgets import QMainWindow

    window = root.window()
    found: dict[str, list[str]] = {}
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if (letter := _alt_letter(action.text())) and action.isVisible():
                found.setdefault(letter, []).append(action.text())
    return found


def _assert_unique_mnemonics(name: str, root: QWidget) -> None:
    found = _mnemonics(root)
    for letter, texts in _menu_bar_mnemonics(root).items():
        found.setdefault(letter, []).extend(texts)
    clashes = {k: v for k, v in found.items() if len(v) > 1}
    assert not clashes, f"{name}: the same Alt+letter for {clashes}"


def test_the_welcome_screen_has_unique_mnemonics(window) -> None:
    window.show_welcome()
    _assert_unique_mnemonics("welcome", window.welcome)


from ui.dossier_view import SECTIONS  # noqa: E402


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_has_unique_mnemonics(qtbot, window, existing_profile, section: str) -> None:
    from tests.ui.helpers import open_dossier

    open_dossier(qtbot, window)
    page = window.dossier.pages[section]
    window.dossier.show_section(section)
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    _assert_unique_mnemonics(section, page)


def test_settings_mnemonics_are_unique_in_english_too(qtbot, window, existing_profile) -> None:
    """Paramètres holds some twenty labelled fields and buttons: each has its own Alt+letter in both languages."""
    from tests.ui.helpers import open_dossier
    from ui.i18n import LanguageManager

    open_dossier(qtbot, window)
    page = window.dossier.pages["settings"]
    window.dossier.show_section("settings")
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    assert len(_mnemonics(page)) >= 15, "the test looks at the page's real labels and buttons"
    LanguageManager().set_language("en")
    try:
        assert "Appl&y" in _mnemonics(page)["y"]
        _assert_unique_mnemonics("settings (en)", page)
    finally:
        LanguageManager().set_language("fr")


def test_welcome_has_one_main_path_and_every_choice_explained(window) -> None:
    welcome = window.welcome
    assert welcome.buttons["unlock"].property("role") == "hero"
    first_time = {c for c, b in welcome.buttons.items() if welcome.home_card.isAncestorOf(b) and c != "unlock"}
    assert first_time == {"create", "activate", "login"}
    for choice in ("clinic", "assisted", "oppose"):
        assert welcome.other_card.isAncestorOf(welcome.buttons[choice])
    for choice, explanation in welcome.explanations.items():
        assert explanation.text() == welcome.buttons[choice].accessibleDescription(), choice
        assert welcome.buttons[choice].objectName() == f"welcome_{choice}"


def test_accueil_shows_allergies_treatments_documents_and_quick_actions(qtbot, window, existing_profile) -> None:
    from tests.ui.helpers import open_dossier

    open_dossier(qtbot, window)
    store, home = window.store, window.dossier.home
    store.entries.create("allergy", {"substance": "Pénicilline", "reaction": "Urticaire"})
    store.entries.create("treatment", {"name": "Lévothyrox", "dosage": "75 µg"})
    store.documents.add(b"Texte\n", title="Ordonnance du Dr Bernard", category="ordonnance")
    home.refresh()
    qtbot.waitUntil(lambda: "Pénicilline" in home.allergies_card.lines.text(), timeout=10_000)
    assert "Lévothyrox" in home.treatments_card.lines.text()
    assert "Ordonnance du Dr Bernard" in home.documents_card.lines.text()
    assert home.sync_state.text()
    home.quick_buttons["add_measure"].click()
    assert window.dossier.current_section() == "measures"
    form = window.dossier.measures.form
    # The window's focus child (the offscreen window may not be the active one).
    qtbot.waitUntil(lambda: form.first_field() is not None and form.first_field() is window.focusWidget())


def test_a_refused_value_reaches_the_field_s_accessible_description(qtbot, window, existing_profile) -> None:
    from tests.ui.helpers import open_dossier
    from ui.i18n import LanguageManager

    open_dossier(qtbot, window)
    page = window.dossier.measures
    window.dossier.show_section("measures")
    page.select_measure("weight")
    row = page.form.row("value")
    row.editor.setText("abc")
    with qtbot.waitSignal(page.form.sig_rejected, timeout=10_000):
        page.form.save_button.click()
    message = row.error.text()
    assert message and message in row.editor.accessibleDescription()
    assert row.editor.property("invalid") is True
    assert row.error.accessibleName() == "Erreur"
    LanguageManager().set_language("en")
    try:
        assert row.error.accessibleName() == "Error"
    finally:
        LanguageManager().set_language("fr")
    page.form.reset()
    assert row.editor.property("invalid") is False and message not in row.editor.accessibleDescription()


def test_access_history_never_shows_a_raw_code(window) -> None:
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from ui import formatting

    page = window.dossier.access_history
    moment = datetime(2026, 12, 6, 8, 5, tzinfo=UTC)
    assert page.format_moment(moment).startswith(formatting.format_date(moment.astimezone()))
    for code in ("access.authorised", "dossier.open_offline", "space.something_new", "zzz.unknown"):
        text = page.action(SimpleNamespace(action=code))
        assert text and "." not in text and "_" not in text, (code, text)


@pytest.mark.parametrize("section", ["measures", "profile", "vaccinations", "settings"])
def test_forward_tab_goes_through_the_page_and_back_to_the_sidebar(qtbot, window, existing_profile, section) -> None:
    """No loop inside a page: from the sidebar, Tab walks the page (form, buttons, table) and comes back."""
    from PySide6.QtCore import Qt

    from tests.ui.helpers import open_dossier

    window.activateWindow()
    open_dossier(qtbot, window)
    window.dossier.show_section(section)
    page = window.dossier.pages[section]
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    window.dossier.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dossier.nav)
    visited: list[QWidget] = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is window.dossier.nav:
            break
        visited.append(focused)
    else:
        names = [w.accessibleName() for w in visited[-12:]]
        pytest.fail(f"{section}: Tab never came back to the sidebar; it went round {names}")
    inside = [w for w in visited if page.isAncestorOf(w)]
    assert inside, section
    if section != "settings":
        form = page.form if section == "measures" else None
        buttons = [w for w in inside if isinstance(w, type(window.dossier.measures.form.reset_button))]
        assert buttons, section
        if form is not None:
            assert form.reset_button in inside and form.first_field() in inside


def test_the_menu_bar_opens_with_f10_and_takes_no_screens_alt_letter(qtbot, window) -> None:
    """Every letter of the alphabet is some screen's Alt+letter: the menu bar has none of its own (Qt would only
    cycle between the two) and opens with F10, GNOME's key for it."""
    window.show_welcome()
    assert _menu_bar_mnemonics(window.welcome) == {}
    assert [a.text() for a in window.menuBar().actions()][:2] == ["Carnet", "Affichage"]
    window.open_menu_bar()
    qtbot.waitUntil(window.carnet_menu.isVisible, timeout=5_000)
    assert window.menuBar().activeAction() is window.carnet_menu.menuAction()
    window.carnet_menu.close()
    assert window.menu_key.key().toString() == "F10"
