"""The in-app document viewer in Documents (issue 19): a PDF opens on its first page fitted to the width, zooms,
widens and detaches from the keyboard, names every control, fits at 200 % text — and writes no file anywhere.

Real SQLCipher profile, the real main window; what the person sees is read from the widgets and from pixels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from tests.support.viewer_docs import page_on_screen, pages_pdf, png_image
from tests.support.viewer_docs import scratch as scratch
from tests.ui.helpers import clipped_buttons, missing_accessibility, open_dossier
from ui import theme
from ui.documents.view import DocumentsPage
from ui.ops import wait_for_idle
from ui.viewer import READABLE_WIDTH_PX, DocumentViewer

SHOTS = Path("/tmp/shots-viewer")


def _settle() -> None:
    """Let the posted layout passes run (a label's new text re-flows the toolbar on the next turn of the loop)."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _shot(widget: QWidget, name: str) -> None:
    _settle()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _cut_tools(viewer: DocumentViewer) -> list[str]:
    """Toolbar buttons offered but drawn outside the toolbar's area (a wrapped row the layout gave no height)."""
    tools = (
        viewer.fit_button,
        viewer.zoom_out_button,
        viewer.zoom_in_button,
        viewer.widen_button,
        viewer.detach_button,
    )
    area = viewer.toolbar.rect()
    return [b.text() for b in tools if not b.isHidden() and not area.contains(b.geometry())]


def _documents(qtbot: Any, window: Any) -> DocumentsPage:
    open_dossier(qtbot, window)
    store = window.store
    store.documents.add(png_image(), title="Photo de la plaie", category="autre", filename="plaie.png")
    store.documents.add(pages_pdf(3), title="Compte rendu en trois pages", category="compte_rendu")
    store.documents.add(b"II*\x00" + b"\x00" * 64, title="Radio TIFF abimee", category="imagerie")
    window.dossier.show_section("documents")
    page: DocumentsPage = window.dossier.documents
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    return page


def _open(qtbot: Any, page: DocumentsPage, title: str) -> None:
    row = next(r for r in range(page.model.rowCount()) if title in str(page.model.data(page.model.index(r, 0))))
    page.select_row(row)
    with qtbot.waitSignal(page.viewer.sig_document_shown, timeout=10_000):
        page.open_button.click()
    wait_for_idle()
    QApplication.processEvents()


def test_a_pdf_opens_on_its_first_page_fitted_to_the_width_and_the_keyboard_zooms_widens_and_detaches(
    qtbot: Any, window: Any, existing_profile: str, scratch: Path
) -> None:
    window.resize(1280, 800)
    page = _documents(qtbot, window)
    viewer: DocumentViewer = page.viewer
    _open(qtbot, page, "trois pages")
    view = viewer.pdf_view
    qtbot.waitUntil(lambda: viewer.page_count() == 3, timeout=10_000)
    # First page, fitted to the width: the default, said by the checked button and the zoom mode.
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and viewer.is_fitted_to_width()
    assert viewer.fit_button.isChecked() and viewer.current_page() == 0
    assert viewer.width() >= READABLE_WIDTH_PX  # opened, it gets a readable width beside the list (not 240 px)
    # Beside it the list keeps title, category and date without scrolling sideways (author and confidentiality are
    # said under the list for the chosen document); they come back when the viewer is emptied.
    _settle()
    table = page.table
    shown = [c for c in range(page.model.columnCount()) if not table.isColumnHidden(c)]
    assert shown == [0, 1, 2] and not table.horizontalScrollBar().isVisible()
    assert page.info.text().startswith("Ajouté par : ")
    assert view.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: page_on_screen(view), timeout=5_000)
    assert viewer.page_label.text() == "Page 1 sur 3"
    margins = view.documentMargins()
    a4_width = 595 * view.logicalDpiX() / 72
    fitted = (view.viewport().width() - margins.left() - margins.right()) / a4_width
    assert abs(viewer.zoom_factor() - fitted) < 0.01
    assert viewer.zoom_label.text() == f"{round(fitted * 100)}\u00a0%" and viewer.zoom_label.accessibleName() == "Zoom"
    _settle()
    assert _cut_tools(viewer) == []  # the toolbar wraps: no button hidden below its row
    _shot(window, "1-documents-pdf-fit-width")

    # Scrolled to the end, another document, then the PDF again: back on page 1, not where it was left.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: viewer.current_page() == 2, timeout=5_000)
    _open(qtbot, page, "Photo")
    _open(qtbot, page, "trois pages")
    qtbot.waitUntil(lambda: viewer.page_count() == 3, timeout=10_000)
    assert viewer.current_page() == 0 and view.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: page_on_screen(view), timeout=5_000)

    # The keyboard alone: Tab from the list's last action walks the toolbar in reading order, then the page.
    window.activateWindow()
    assert page.delete_button.isEnabled()
    page.delete_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.delete_button, timeout=5_000)
    walked = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [
        viewer.fit_button,
        viewer.zoom_out_button,
        viewer.zoom_in_button,
        viewer.widen_button,
        viewer.detach_button,
        view,
    ]
    assert missing_accessibility([viewer]) == []
    assert viewer.zoom_in_button.accessibleName() == "Zoom avant" and viewer.zoom_in_button.text() == "+"
    assert "Raccourci : +" in viewer.zoom_in_button.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and not viewer.fit_button.isChecked()
    assert abs(view.zoomFactor() - fitted * 1.25) < 0.01
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert abs(view.zoomFactor() - fitted / 1.25) < 0.01
    _shot(window, "2-documents-pdf-zoomed-out")
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and viewer.fit_button.isChecked()

    # « Agrandir » (F11): the list steps aside and the viewer takes the page's width; F11 again gives it back.
    narrow = viewer.width()
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: viewer.width() > narrow + 200, timeout=5_000)
    assert not page.table.isVisible() and viewer.widen_button.text() == "Taille normale"
    qtbot.waitUntil(lambda: viewer.zoom_factor() > fitted * 1.5, timeout=5_000)  # still fitted: a larger page
    assert viewer.zoom_label.text() == f"{round(viewer.zoom_factor() * 100)}\u00a0%"  # and the zoom said follows
    _shot(window, "3-documents-widened")
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: page.table.isVisible(), timeout=5_000)

    # « Ouvrir dans une fenêtre » (Ctrl+Maj+D): the same document in a window of its own; Échap puts it back.
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    detached = viewer.detached_window
    assert detached is not None and detached.isVisible() and viewer.body.window() is detached
    assert viewer.detached_note.isVisible() and "fenêtre séparée" in viewer.detached_note.text()
    assert viewer.page_count() == 3 and detached.windowTitle() == "Document — Compte rendu en trois pages"
    qtbot.waitUntil(lambda: page_on_screen(view), timeout=5_000)
    _shot(detached, "4-detached-window")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is detached, timeout=5_000)
    assert QApplication.focusWidget() is view  # the page has the focus: arrows and Page Down scroll it
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: viewer.detached_window is None, timeout=5_000)
    assert viewer.body.window() is window and viewer.page_count() == 3 and not viewer.detached_note.isVisible()

    # Detached, then locked: the window closes and nothing of the document stays in memory.
    viewer.detach_button.click()
    assert viewer.detached_window is not None
    window.lock()
    wait_for_idle()
    assert viewer.detached_window is None and viewer.page_count() == 0 and viewer.document_id is None
    assert not any(page.table.isColumnHidden(c) for c in range(page.model.columnCount()))  # the whole list again
    assert list(scratch.iterdir()) == []  # rendered from memory: no temp file, in any temp directory


def test_an_image_is_shown_fitted_and_zooms_and_an_unreadable_one_says_so(
    qtbot: Any, window: Any, existing_profile: str, scratch: Path
) -> None:
    window.resize(1280, 800)
    page = _documents(qtbot, window)
    viewer = page.viewer
    _open(qtbot, page, "Photo")
    assert viewer.stack.currentWidget() is viewer.image_area and viewer.page_count() == 1
    shown = viewer.image_label.pixmap()
    assert shown.width() == 400 and viewer.is_fitted_to_width()  # narrower than the pane: real size
    viewer.zoom_in_button.click()
    assert viewer.image_label.pixmap().width() == 500 and not viewer.fit_button.isChecked()
    assert viewer.page_label.isHidden()  # no pages to count in an image
    _shot(window, "5-documents-image")

    _open(qtbot, page, "TIFF")
    assert viewer.stack.currentWidget() is viewer.placeholder
    assert viewer.message() == "Ce format ne peut pas être affiché dans Carnet."
    assert not viewer.zoom_in_button.isEnabled() and not viewer.fit_button.isEnabled()
    assert list(scratch.iterdir()) == []


def test_the_viewer_fits_and_reads_at_200_percent_text(qtbot: Any, window: Any, existing_profile: str) -> None:
    app = QApplication.instance()
    try:
        window.resize(1280, 800)
        page = _documents(qtbot, window)
        theme.apply_theme(app, high_contrast=False, text_scale=200)  # after the unlock, which applies the profile's
        viewer = page.viewer
        _open(qtbot, page, "trois pages")
        qtbot.waitUntil(lambda: viewer.page_count() == 3, timeout=10_000)
        wait_for_idle()
        QApplication.processEvents()
        _shot(window, "6-documents-pdf-200-early")
        qtbot.waitUntil(lambda: page_on_screen(viewer.pdf_view), timeout=5_000)
        _shot(window, "6-documents-pdf-200")  # settles the layout first
        assert clipped_buttons(viewer) == [] and _cut_tools(viewer) == []
        # Under the list at this size the page would have no height: the document takes the page by itself.
        assert viewer.is_widened() and not page.table.isVisible()
        assert viewer.pdf_view.height() > 300 and viewer.pdf_view.width() > 600
        assert window.height() <= 800 and window.width() <= 1280
        viewer.widen_button.click()  # « Taille normale »: the list comes back, the toolbar still whole
        _shot(window, "7-documents-pdf-200-list-back")  # settles the layout first
        assert page.table.isVisible() and not viewer.is_widened()
        assert window.height() <= 800  # the toolbar keeps its rows without making the window taller
        assert clipped_buttons(viewer) == [] and _cut_tools(viewer) == []
    finally:
        theme.apply_theme(app, high_contrast=False, text_scale=100)


def test_the_viewer_speaks_english_when_the_language_changes_with_a_document_open(
    qtbot: Any, window: Any, existing_profile: str
) -> None:
    window.resize(1280, 800)
    page = _documents(qtbot, window)
    viewer = page.viewer
    _open(qtbot, page, "trois pages")
    qtbot.waitUntil(lambda: viewer.page_count() == 3, timeout=10_000)
    window.set_preference("language", "en")
    _settle()
    assert [viewer.fit_button.text(), viewer.widen_button.text(), viewer.detach_button.text()] == [
        "Fit to width",
        "Enlarge",
        "Open in a window",
    ]
    assert viewer.page_label.text() == "Page 1 of 3" and viewer.zoom_label.text().endswith("%")
    assert " " not in viewer.zoom_label.text() and "\u00a0" not in viewer.zoom_label.text()  # "58%", not "58 %"
    assert viewer.zoom_in_button.accessibleName() == "Zoom in"
    assert viewer.zoom_in_button.accessibleDescription() == "Show the page larger. Shortcut: +"
    qtbot.waitUntil(lambda: page_on_screen(viewer.pdf_view), timeout=5_000)
    _shot(window, "8-documents-pdf-en")


def test_a_viewer_built_shows_no_stray_window_and_destroyed_with_a_pdf_open_raises_nothing(
    qtbot: Any, window: Any, existing_profile: str
) -> None:
    """Qt closes the document while it tears the viewer down: its "unavailable" signal must not reach dead views
    (pytest-qt fails the test on an exception raised in a slot)."""
    window.resize(1280, 800)
    page = _documents(qtbot, window)
    _open(qtbot, page, "trois pages")
    qtbot.waitUntil(lambda: page.viewer.page_count() == 3, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    viewer = DocumentViewer()
    # Built, not shown: none of its parts popped up as a window of its own, taking the main window's activation.
    _settle()
    assert QApplication.activeWindow() is window
    viewer.show_document(page.viewer._info, pages_pdf(2))
    assert viewer.page_count() == 2
    Shiboken.delete(viewer)
    _settle()
