"""Issue 19, the remaining points: Documents columns, the chart's points, announcements, headings, contrast from
pixels, the Accès et confidentialité tab bar at 200 % text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_dossier
from ui import theme
from ui.ops import wait_for_idle


def _settle() -> None:
    for _ in range(3):
        wait_for_idle()
        QApplication.processEvents()


@pytest.fixture
def text_size():
    """Set the text size for one test; back to 100 % after it."""
    app = QApplication.instance()
    yield lambda scale: theme.apply_theme(app, high_contrast=False, text_scale=scale)
    theme.apply_theme(app, high_contrast=False, text_scale=100)


@pytest.mark.parametrize(("scale", "width"), [(100, 1600), (100, 1024), (200, 1280)])
def test_documents_title_stretches_and_no_column_is_cut(qtbot, window, existing_profile, text_size, scale, width):
    from datetime import date

    open_dossier(qtbot, window)
    text_size(scale)
    for title, category in (
        ("Compte rendu de consultation de cardiologie", "compte_rendu"),
        ("Ordonnance du Dr Bernard", "ordonnance"),
    ):
        window.store.documents.add(b"Texte\n", title=title, category=category, document_date=date(2026, 12, 6))
    page = window.dossier.documents
    window.dossier.show_section("documents")
    page.reload()
    window.resize(width, 800)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    _settle()
    table, header = page.table, page.table.horizontalHeader()
    columns = range(page.model.columnCount())
    for column in columns:
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        name = page.model.headerData(column, header.orientation())
        assert header.sectionSize(column) >= needed, f"{scale} %: « {name} » cut to {header.sectionSize(column)} px"
    dates = [page.model.index(r, 2).data() for r in range(2)]
    assert dates == ["06/12/2026", "06/12/2026"]
    if width == 1600:  # everything fits: the title takes the room left, no gap after the last column
        assert header.length() <= table.viewport().width()
        assert header.sectionSize(0) == max(header.sectionSize(c) for c in columns)
        assert header.sectionSize(0) > table.sizeHintForColumn(0)
        assert header.length() >= table.viewport().width() - 1
    else:  # not enough room: each column keeps its content width and the table scrolls sideways
        assert header.length() > table.viewport().width()
        assert table.horizontalScrollBar().maximum() > 0


@pytest.mark.parametrize(("scale", "width"), [(100, 1280), (200, 1280)])
def test_access_tab_labels_are_never_cut(qtbot, window, existing_profile, text_size, scale, width) -> None:
    """Issue 19: at 200 % the five tabs of Accès et confidentialité do not fit; they wrap onto two lines instead of
    scrolling with « Après mo » cut at the edge."""
    from PySide6.QtCore import Qt

    from tests.ui.helpers import clipped_buttons

    open_dossier(qtbot, window)
    text_size(scale)
    page = window.dossier.access
    window.dossier.show_section("access")
    window.resize(width, 800)
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    _settle()
    bar, switcher = page.tabs.tabBar(), page.tab_switcher
    shown = [i for i in range(bar.count()) if bar.isTabVisible(i)]
    assert len(shown) >= 4
    if scale == 100:  # room for all: the ordinary tab bar, every tab whole
        assert not switcher.wrapping and bar.isVisible()
        assert max(bar.tabRect(i).right() for i in shown) <= bar.width()
        return
    assert switcher.wrapping and not bar.isVisible()
    buttons = [switcher.buttons[i] for i in shown]
    assert [b.text() for b in buttons] == [bar.tabText(i) for i in shown]
    assert all(b.isVisible() for b in buttons) and clipped_buttons(switcher) == []
    assert all(b.geometry().right() <= switcher.width() for b in buttons), "a button past the right edge"
    assert len({b.y() for b in buttons}) > 1, "the row wraps onto a second line"
    assert buttons[0].accessibleName() == "Professionnels" and buttons[0].isChecked()
    buttons[1].click()  # the row drives the tabs …
    assert page.tabs.currentIndex() == shown[1]
    page.tabs.setCurrentIndex(shown[2])  # … and follows them (Ctrl+Tab)
    assert buttons[2].isChecked() and not buttons[1].isChecked()
    window.activateWindow()
    page.refresh_button.setFocus()  # Tab goes from « Actualiser » to the row, where the tab bar was
    qtbot.waitUntil(page.refresh_button.hasFocus, timeout=2_000)
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is buttons[0]
    text_size(100)  # room again: back to the tab bar
    window.resize(width, 800)
    qtbot.waitUntil(lambda: not switcher.wrapping and bar.isVisible(), timeout=5_000)


def test_chart_points_have_tool_tips_and_the_arrows_walk_them(qtbot, window, existing_profile) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QToolTip

    from ui.i18n import LanguageManager

    open_dossier(qtbot, window)
    for kg, when in ((72.5, "2026-11-01T08:00:00"), (70.4, "2026-12-06T08:30:00"), (71, "2026-11-20")):
        window.store.entries.create("measurement", {"measure_type": "weight", "value": kg, "measured_at": when})
    page = window.dossier.measures
    window.dossier.show_section("measures")
    window.resize(1280, 800)
    with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000, check_params_cb=lambda n: n == 3):
        page.select_measure("weight")
    view = page.chart_view
    _settle()
    assert [p.text for p in view.points] == [
        "Poids : 72,5 kg le 01/11/2026 08:00",
        "Poids : 71 kg le 20/11/2026",  # stored without a time: its day only
        "Poids : 70,4 kg le 06/12/2026 08:30",
    ]
    # The keyboard: the chart is a Tab stop; the first arrow goes to the latest point, Home / End / ← → walk them.
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2_000)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    latest = view.points[-1]
    assert view.current == 2 and latest.series.selectedPoints() == [latest.index]
    assert QToolTip.isVisible() and QToolTip.text() == latest.text
    assert view.accessibleDescription().startswith(latest.text + ".")
    assert "3 mesures sur le graphique" in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current == 0 and QToolTip.text() == "Poids : 72,5 kg le 01/11/2026 08:00"
    assert latest.series.selectedPoints() == [view.points[0].index]
    qtbot.keyClick(view, Qt.Key.Key_Left)  # no further than the first
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current == 1 and QToolTip.text() == "Poids : 71 kg le 20/11/2026"
    # The mouse: hovering a point shows the same words.
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2_000)
    target = view.points[0]
    chart = view.chart()
    where = view.mapFromScene(chart.mapToScene(chart.mapToPosition(target.series.at(target.index), target.series)))
    qtbot.mouseMove(view.viewport(), where + QPoint(0, 20))
    qtbot.mouseMove(view.viewport(), where)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == target.text, timeout=3_000)
    # English: the same points in English words and order.
    languages = LanguageManager()
    languages.set_language("en")
    try:
        with qtbot.waitSignal(page.sig_chart_updated, timeout=10_000):
            page.reload()
        assert view.points[-1].text == "Weight: 70.4 kg on 12/6/2026 08:30"
    finally:
        languages.set_language("fr")


def test_every_screen_title_is_a_heading(qtbot, window, existing_profile) -> None:
    """Screen readers jump from heading to heading: each section's title says it is one (the AT-SPI test checks the
    bus; this one runs everywhere)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel

    from ui.a11y_roles import is_heading

    open_dossier(qtbot, window)
    for name, page in window.dossier.pages.items():
        window.dossier.show_section(name)
        qtbot.waitUntil(page.isVisible, timeout=5_000)
        titles = [w for w in page.findChildren(QLabel) if w.property("role") == "title" and w.isVisibleTo(page)]
        assert titles, f"{name}: no title"
        assert all(is_heading(t) for t in titles if t.text()), name
        interface = QAccessible.queryAccessibleInterface(titles[0])
        assert interface.text(QAccessible.Text.Name) == titles[0].text().replace("&", "")
    plain = QLabel("Du texte")
    qtbot.addWidget(plain)
    assert not is_heading(plain)  # body text stays text


@pytest.mark.parametrize("high_contrast", [False, True], ids=["default", "high-contrast"])
def test_body_text_contrast_measured_from_pixels(qtbot, window, existing_profile, high_contrast) -> None:
    """WCAG 1.4.3 on the rendered screens, not only on the tokens: every label of body text drawn at ≥ 4.5:1 (its
    own text colour against the background actually under it; headings, large and bold, ≥ 3:1), and that text colour
    is one of the theme's tokens."""
    from PySide6.QtWidgets import QLabel

    from tests.support.contrast_pixels import close, measure

    app = QApplication.instance()
    palette = theme.HIGH_CONTRAST if high_contrast else theme.DEFAULT
    tokens = {palette.text, palette.muted_text, palette.error, palette.success, palette.warning, palette.link}
    tokens |= {palette.button_text, palette.accent_text, palette.highlighted_text}
    open_dossier(qtbot, window)
    window.store.entries.create("allergy", {"substance": "Pénicilline", "reaction": "Urticaire"})
    theme.apply_theme(app, high_contrast=high_contrast, text_scale=100)
    measured: list[str] = []
    problems: list[str] = []
    try:
        window.resize(1280, 800)
        for section in ("home", "profile", "measures", "vaccinations", "documents", "settings", "access"):
            window.dossier.show_section(section)
            page = window.dossier.pages[section]
            qtbot.waitUntil(page.isVisible, timeout=5_000)
            _settle()
            shot = window.grab().toImage()
            for lbl in page.findChildren(QLabel):
                if not lbl.isVisible() or not lbl.isEnabled() or not lbl.text().strip() or lbl.height() < 8:
                    continue
                large = lbl.property("role") in ("title", "display", "heading", "section", "card_title")
                found = measure(shot, lbl)
                if found is None:
                    continue
                what = f"{section}: « {lbl.text()[:40]} » {found.text} on {found.background} = {found.ratio:.2f}"
                measured.append(what)
                if found.ratio < (3.0 if large else 4.5):  # WCAG: large (bold ≥ 14 pt) text needs 3:1
                    problems.append(what)
                if not any(close(found.text, token) for token in tokens):
                    problems.append(f"{what}: not a text colour of the {palette.name} theme")
        # The measure itself can fail: a label drawn in a pale grey on this page is caught.
        probe = QLabel("Texte trop pâle pour être lu", page)
        probe.setStyleSheet("color: #b0b0b0; background: #ffffff;")
        probe.adjustSize()
        probe.show()
        _settle()
        pale = measure(window.grab().toImage(), probe)
        assert pale is not None and pale.ratio < 3 and close(pale.text, "#b0b0b0"), pale
        probe.deleteLater()
    finally:
        theme.apply_theme(app, high_contrast=False, text_scale=100)
    assert len(measured) >= 20, measured  # the screens' real labels were measured, not an empty list
    assert problems == [], "\n".join(problems)


def test_an_undo_says_it_worked_and_a_failed_undo_says_so(qtbot, window, existing_profile) -> None:
    from ui.entries.actions import restorer

    open_dossier(qtbot, window)
    store = window.store
    entry = store.entries.create("allergy", {"substance": "Pénicilline"})
    undo = window.dossier.undo
    store.entries.delete(entry.id)
    undo.offer("« Pénicilline » supprimé.", restorer(store, entry))
    assert window.undo_label.isVisible() and window.undo_label.accessibleDescription() == "« Pénicilline » supprimé."
    with qtbot.waitSignal(undo.sig_restored, timeout=10_000):
        undo.undo()
    assert window.statusBar().currentMessage() == "C'est rétabli."
    assert not window.undo_label.isVisible()
    # Deleted again, and brought back by other means before « Annuler » (another window, a sync): the undo fails
    # (the store refuses to restore what is not deleted) and says so instead of staying silent.
    store.entries.delete(entry.id)
    undo.offer("« Pénicilline » supprimé.", restorer(store, entry))
    store.entries.restore(entry)
    with qtbot.waitSignal(undo.sig_failed, timeout=10_000):
        undo.undo()
    assert window.statusBar().currentMessage().startswith("L'annulation n'a pas pu être faite")
    assert store.entries.get(entry.id).data == entry.data  # nothing lost
