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
