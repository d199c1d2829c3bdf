"""In-app document viewer: PDF rendered from a QBuffer in memory, images through QImage — never a temp file.

A PDF opens on its first page, fitted to the width (« Ajuster à la largeur »); zoom in and out, « Agrandir » (the
host page gives the viewer all its room) and « Ouvrir dans une fenêtre » (the viewer's body moves into a window of
its own, one copy of the document either way) are buttons with keyboard shortcuts, active while the focus is in the
viewer: + and − zoom, W fits the width, F11 widens, Ctrl+Maj+D detaches (Échap puts it back). The toolbar wraps at
large text sizes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from desktop_app.dossier_store import DocumentInfo
from dossier.cda import SNIFF_SIZE, CdaInputError, cda_html, looks_like_cda
from ui.i18n import current_language, pick
from ui.widgets import Retranslatable, announce, describe, flow_row, label, secondary_button

_IMAGE_FORMATS = {"jpeg", "png", "tiff"}
_TEXT_FORMATS = {"txt", "rtf"}
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 5.0
READABLE_WIDTH_PX = 480  # beside a list, an opened document gets at least this: an A4 page fitted to it is legible

# Active while the focus is in the viewer (its window's Ctrl++ / Ctrl+− change the text size, not the page).
ZOOM_IN_KEYS = ("+", "=")
ZOOM_OUT_KEYS = ("-",)
FIT_WIDTH_KEYS = ("W",)
WIDEN_KEYS = ("F11",)
DETACH_KEYS = ("Ctrl+Shift+D",)


class _ClosedBrowser(QTextBrowser):
    """A rich-text view that follows no link and loads no resource (file, network or image): CDA narrative only."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: object) -> object:
        return None


def _cda_narrative(content: bytes) -> str | None:
    """The readable HTML of a CDA document, None for any other text (shown as plain text)."""
    if not looks_like_cda(content[:SNIFF_SIZE]):
        return None
    try:
        return cda_html(content, lang=current_language())
    except CdaInputError:
        return None


class _DetachedWindow(QWidget):
    """The window the viewer's body moves into (« Ouvrir dans une fenêtre »); closing it puts the body back."""

    sig_closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.box = QVBoxLayout(self)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sig_closed.emit()
        super().closeEvent(event)


class _Refit(QObject):
    """On a resize of the page's area: the image fitted to the width again, the zoom shown follows the PDF's."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__(viewer)
        self._viewer = viewer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._viewer._alive():
            if watched is self._viewer.image_area.viewport():
                self._viewer._refresh_zoom()
            else:
                self._viewer._update_status()
        return False


class DocumentViewer(Retranslatable, QWidget):
    """Shows one document's bytes; ``clear()`` drops every plaintext copy the viewer holds (lock, S18).

    ``widen``/``detach``: whether « Agrandir » and « Ouvrir dans une fenêtre » are offered (a host that has no
    room to give, or that is itself a window, leaves them out)."""

    sig_document_shown = Signal(str)
    """A document is displayed; carries its id."""
    sig_widen_toggled = Signal(bool)
    """« Agrandir »: the host gives the viewer all its room (True) or its usual share (False)."""

    def __init__(self, parent: QWidget | None = None, *, widen: bool = True, detach: bool = True) -> None:
        super().__init__(parent)
        self._info: DocumentInfo | None = None
        self._message = ""
        self._zoom: float | None = None  # None: fitted to the width
        # One buffer for the viewer's lifetime, owning its bytes: QPdfDocument may still read from it while it
        # closes, so it is never deleted under the document's feet.
        self._buffer = QBuffer(self)
        self._image: QImage | None = None
        self.pdf = QPdfDocument(self)
        self.pdf.statusChanged.connect(self._on_pdf_status)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll it from the keyboard
        self.pdf_view.pageNavigator().currentPageChanged.connect(lambda _page: self._on_page_changed())
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        self.image_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        refit = _Refit(self)
        self.image_area.viewport().installEventFilter(refit)
        self.pdf_view.viewport().installEventFilter(refit)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.cda_view = _ClosedBrowser()
        self.placeholder = label("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for w in (self.placeholder, self.pdf_view, self.image_area, self.text_view, self.cda_view):
            w.setMinimumHeight(1)  # squeezed under the list at large text, the page gives way, never the window
            self.stack.addWidget(w)
        self.title = label("heading")

        self.fit_button = self._tool(self._fit_width, FIT_WIDTH_KEYS, checkable=True)
        self.fit_button.setChecked(True)
        self.zoom_out_button = self._tool(lambda: self.zoom_by(1 / ZOOM_STEP), ZOOM_OUT_KEYS)
        self.zoom_in_button = self._tool(lambda: self.zoom_by(ZOOM_STEP), ZOOM_IN_KEYS)
        self.zoom_label = label("muted", wrap=False)
        self.page_label = label("muted", wrap=False)
        self.widen_button = self._tool(lambda: self.set_widened(self.widen_button.isChecked()), WIDEN_KEYS)
        self.widen_button.setCheckable(True)
        self._offers_widen = widen
        self._widened = False
        self.detach_button = self._tool(lambda: self.set_detached(self.detach_button.isChecked()), DETACH_KEYS)
        self.detach_button.setCheckable(True)
        self.toolbar = flow_row(
            self.fit_button,
            self.zoom_out_button,
            self.zoom_in_button,
            self.zoom_label,
            self.page_label,
            self.widen_button,
            self.detach_button,
        )
        # Only once they have a parent: shown without one, a button pops up as a window of its own (and takes the
        # activation from the main window).
        self.widen_button.setVisible(widen)
        self.detach_button.setVisible(detach)

        # The body (title, toolbar, document) is what moves into a window of its own when detached.
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addWidget(self.toolbar)
        body.addWidget(self.stack, 1)
        for sequence, keys in (
            (self._fit_width, FIT_WIDTH_KEYS),
            (lambda: self.zoom_by(1 / ZOOM_STEP), ZOOM_OUT_KEYS),
            (lambda: self.zoom_by(ZOOM_STEP), ZOOM_IN_KEYS),
        ):
            self._shortcuts(keys, sequence)
        self._shortcuts(WIDEN_KEYS, lambda: self._press(self.widen_button))
        self._shortcuts(DETACH_KEYS, lambda: self._press(self.detach_button))

        self.detached_note = label("muted")
        self.detached_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reattach_button = secondary_button()
        self.reattach_button.clicked.connect(lambda: self.set_detached(False))
        self.detached_box = QWidget()
        note = QVBoxLayout(self.detached_box)
        note.addStretch(1)
        note.addWidget(self.detached_note)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.reattach_button)
        centred.addStretch(1)
        note.addLayout(centred)
        note.addStretch(1)
        self.detached_box.setVisible(False)
        self.detached_window: _DetachedWindow | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.detached_box, 1)
        QWidget.setTabOrder(self.fit_button, self.zoom_out_button)
        QWidget.setTabOrder(self.zoom_out_button, self.zoom_in_button)
        QWidget.setTabOrder(self.zoom_in_button, self.widen_button)
        QWidget.setTabOrder(self.widen_button, self.detach_button)
        QWidget.setTabOrder(self.detach_button, self.pdf_view)
        self.retranslate_ui()

    def sizeHint(self) -> QSize:
        """As wide as the page area asks, not as the toolbar laid on one line: beside the Documents list, the list
        keeps its share until a document is opened (the page then gives the viewer READABLE_WIDTH_PX)."""
        hint = super().sizeHint()
        return QSize(max(self.minimumSizeHint().width(), self.stack.sizeHint().width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reserve_toolbar()

    def _reserve_toolbar(self) -> None:
        """The toolbar keeps the height of all its rows (a splitter squeezing the viewer takes it from the page)."""
        flow = self.toolbar.layout()
        assert flow is not None
        needed = flow.heightForWidth(max(1, self.toolbar.width()))
        if needed != self.toolbar.minimumHeight():
            self.toolbar.setMinimumHeight(needed)

    def _tool(self, on_click: Callable[[], object], keys: tuple[str, ...], *, checkable: bool = False) -> QPushButton:
        button = secondary_button()
        button.setAutoDefault(False)
        button.setCheckable(checkable)
        button.clicked.connect(lambda _checked=False: on_click())
        button.setProperty("carnet_keys", keys[0])  # the one to remember (= also zooms in: + without Maj)
        return button

    def _shortcuts(self, keys: tuple[str, ...], action: Callable[[], object]) -> None:
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), self.body)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    @staticmethod
    def _press(button: QPushButton) -> None:
        if button.isVisible():
            button.click()

    @property
    def document_id(self) -> str | None:
        return self._info.id if self._info else None

    # -- showing a document ------------------------------------------------------------------------------------------
    def show_document(self, info: DocumentInfo, content: bytes) -> None:
        self._drop()
        self._info = info
        self._zoom = None  # every document opens fitted to the width, on its first page
        self.title.setText(info.title)
        if info.format == "pdf":
            # The QBuffer holds the bytes in memory: the plaintext never reaches the disk.
            self._buffer.setData(QByteArray(content))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.load(self._buffer)
            self.stack.setCurrentWidget(self.pdf_view)
            self._on_pdf_status(self.pdf.status())
        elif info.format in _IMAGE_FORMATS:
            image = QImage.fromData(content)
            self._image = image
            self.stack.setCurrentWidget(self.image_area if not image.isNull() else self.placeholder)
        elif info.format in _TEXT_FORMATS and (narrative := _cda_narrative(content)) is not None:
            self.cda_view.setHtml(narrative)
            self.stack.setCurrentWidget(self.cda_view)
        elif info.format in _TEXT_FORMATS:
            self.text_view.setPlainText(content.decode("utf-8", errors="replace"))
            self.stack.setCurrentWidget(self.text_view)
        else:
            self.stack.setCurrentWidget(self.placeholder)
        self._refresh_zoom()
        self.retranslate_ui()
        announce(self, self.tr("Document affiché : %1").replace("%1", info.title))  # the focus stays where it was
        self.sig_document_shown.emit(info.id)

    def show_message(self, title: str, message: str) -> None:
        """No document to show, and why (not available offline, refused…): said where the document would be."""
        self._drop()
        self._message = message
        self.title.setText(title)
        self.stack.setCurrentWidget(self.placeholder)
        self._refresh_zoom()
        self.retranslate_ui()
        announce(self, message)

    def _drop(self) -> None:
        """Forget the document shown (its bytes included); the window it may be in stays."""
        self._info = None
        self._message = ""
        self.pdf.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())
        self._image = None
        self.image_label.clear()
        self.text_view.clear()
        self.cda_view.clear()
        self.title.clear()
        self.stack.setCurrentWidget(self.placeholder)

    def clear(self) -> None:
        """Drop the document and put the viewer back in its page, at its usual size (lock, profile closed)."""
        self._drop()
        self.set_detached(False)
        self.set_widened(False)
        self._refresh_zoom()
        self.retranslate_ui()

    def _on_page_changed(self) -> None:
        if self._alive():
            self._update_status()

    def _alive(self) -> bool:
        """False while Qt tears the viewer down (its document and views may already be gone)."""
        return all(Shiboken.isValid(o) for o in (self, self.pdf, self.pdf_view, self.zoom_label, self.page_label))

    def _on_pdf_status(self, status: QPdfDocument.Status) -> None:
        # Only a loaded or a failed document concerns the view; closing (a new document, a lock, the viewer's own
        # destruction) says "unavailable" and is handled where it happens.
        if status not in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error) or not self._alive():
            return
        if self._info is None or self._info.format != "pdf":
            return
        if status == QPdfDocument.Status.Ready:
            self.show_first_page()
        elif status == QPdfDocument.Status.Error:
            self.stack.setCurrentWidget(self.placeholder)
        self._refresh_zoom()
        self.retranslate_ui()

    def show_first_page(self) -> None:
        """The top of page 1 (a document never opens where the previous one was left)."""
        self.pdf_view.pageNavigator().jump(0, QPointF(0, 0), 0)
        self.pdf_view.verticalScrollBar().setValue(0)
        self.pdf_view.horizontalScrollBar().setValue(0)

    # -- zoom -------------------------------------------------------------------------------------------------------
    def _zoomable(self) -> bool:
        return self.stack.currentWidget() in (self.pdf_view, self.image_area)

    def current_page(self) -> int:
        return int(self.pdf_view.pageNavigator().currentPage()) if self.stack.currentWidget() is self.pdf_view else 0

    def zoom_factor(self) -> float:
        """The scale the document is drawn at (1.0: its real size), fitted to the width or chosen."""
        if self._zoom is not None:
            return self._zoom
        if self.stack.currentWidget() is self.pdf_view and self.pdf.pageCount() > 0:
            points = self.pdf.pagePointSize(self.current_page()).width()
            margins = self.pdf_view.documentMargins()
            usable = self.pdf_view.viewport().width() - margins.left() - margins.right()
            return max(0.01, usable / max(1.0, points * self.pdf_view.logicalDpiX() / 72))
        if self._image is not None and not self._image.isNull():
            return min(1.0, self.image_area.viewport().width() / max(1, self._image.width()))
        return 1.0

    def is_fitted_to_width(self) -> bool:
        return self._zoom is None

    def zoom_by(self, step: float) -> None:
        if not self._zoomable():
            return
        self._zoom = min(ZOOM_MAX, max(ZOOM_MIN, self.zoom_factor() * step))
        self._refresh_zoom()

    def _fit_width(self) -> None:
        self._zoom = None
        self._refresh_zoom()

    def _refresh_zoom(self) -> None:
        fitted = self._zoom is None
        if fitted:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(self._zoom or 1.0)
        if self._image is not None and not self._image.isNull():
            scale = self.zoom_factor()
            size = QSize(max(1, round(self._image.width() * scale)), max(1, round(self._image.height() * scale)))
            pixmap = QPixmap.fromImage(self._image)
            self.image_label.setPixmap(
                pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        zoomable = self._zoomable()
        self.fit_button.setChecked(fitted)
        for control in (self.fit_button, self.zoom_in_button, self.zoom_out_button):
            control.setEnabled(zoomable)
        self.zoom_in_button.setEnabled(zoomable and self.zoom_factor() < ZOOM_MAX)
        self.zoom_out_button.setEnabled(zoomable and self.zoom_factor() > ZOOM_MIN)
        self._update_status()

    def _update_status(self) -> None:
        zoomable = self._zoomable()
        self.zoom_label.setVisible(zoomable)
        percent = round(self.zoom_factor() * 100)
        self.zoom_label.setText(pick(f"{percent}\u00a0%", f"{percent}%"))
        describe(self.zoom_label, self.tr("Zoom"), self.zoom_label.text())
        pdf = self.stack.currentWidget() is self.pdf_view
        self.page_label.setVisible(pdf)
        if pdf:
            self.page_label.setText(
                self.tr("Page %1 sur %2")
                .replace("%1", str(self.current_page() + 1))
                .replace("%2", str(max(1, self.pdf.pageCount())))
            )
        self._reserve_toolbar()

    # -- room: widen in the page, or a window of its own ---------------------------------------------------------------
    def is_widened(self) -> bool:
        return self._widened

    def set_widened(self, widened: bool) -> None:
        changed, self._widened = widened != self._widened, widened
        self.widen_button.setChecked(widened)
        self.retranslate_ui()
        if changed:
            self.sig_widen_toggled.emit(widened)

    def is_detached(self) -> bool:
        return self.detached_window is not None

    def set_detached(self, detached: bool) -> None:
        if detached == self.is_detached():
            self.detach_button.setChecked(detached)
            return
        layout = self.layout()
        if detached:
            self.set_widened(False)
            window = _DetachedWindow(self)
            window.box.addWidget(self.body)
            window.sig_closed.connect(lambda: self.set_detached(False))
            self.detached_window = window
            self.detached_box.setVisible(True)
            self.widen_button.setVisible(False)
            window.resize(max(720, self.width()), max(900, self.height()))
            window.show()
            window.raise_()
            window.activateWindow()
            self.stack.currentWidget().setFocus()  # type: ignore[union-attr]
        else:
            old, self.detached_window = self.detached_window, None
            assert old is not None and isinstance(layout, QVBoxLayout)
            window = old
            layout.insertWidget(0, self.body, 1)
            self.body.show()
            self.detached_box.setVisible(False)
            self.widen_button.setVisible(self._offers_widen)
            window.sig_closed.disconnect()
            window.close()
            window.deleteLater()
            self.detach_button.setFocus()
        self.detach_button.setChecked(detached)
        self.retranslate_ui()

    # -- what tests and screen readers can ask -----------------------------------------------------------------------
    def page_count(self) -> int:
        if self._info is None:
            return 0
        if self._info.format == "pdf":
            return max(0, self.pdf.pageCount())
        return 1 if self._image is not None and not self._image.isNull() else 0

    def render_page(self, page: int = 0, size: QSize | None = None) -> QImage:
        """The page as an image (what the person sees), for checks and previews."""
        if self._info is not None and self._info.format == "pdf":
            points = self.pdf.pagePointSize(page)
            target = size or QSize(max(1, int(points.width())), max(1, int(points.height())))
            return self.pdf.render(page, target)
        return QImage(self._image) if self._image is not None else QImage()

    def message(self) -> str:
        """What the placeholder says (no document chosen, format not shown, not available offline…)."""
        return self.placeholder.text() if self.stack.currentWidget() is self.placeholder else ""

    def _keys(self, button: QAbstractButton) -> str:
        return self.tr("Raccourci : %1").replace("%1", str(button.property("carnet_keys")))

    def retranslate_ui(self) -> None:
        if self._message:
            self.placeholder.setText(self._message)
        elif self._info is None:
            self.placeholder.setText(self.tr("Choisissez un document dans la liste pour l'afficher ici."))
        elif self._info.format == "pdf" and self.pdf.status() == QPdfDocument.Status.Error:
            self.placeholder.setText(self.tr("Ce PDF est illisible (fichier abîmé ?) : il ne peut pas être affiché."))
        else:
            self.placeholder.setText(self.tr("Ce format ne peut pas être affiché dans Carnet."))
        name = self._info.title if self._info else self.tr("Aucun document affiché")
        describe(self, self.tr("Visionneuse de document"), name)
        describe(self.pdf_view, self.tr("Document PDF"), name)
        describe(self.image_area, self.tr("Image du document"), name)
        describe(self.text_view, self.tr("Texte du document"), name)
        describe(self.cda_view, self.tr("Document médical CDA"), name)
        self.fit_button.setText(self.tr("Ajuster à la largeur"))
        self.zoom_out_button.setText("−")  # named « Zoom arrière » / « Zoom avant » on the bus and in the tool tip
        self.zoom_in_button.setText("+")
        self.widen_button.setText(self.tr("Taille normale") if self.is_widened() else self.tr("Agrandir"))
        self.detach_button.setText(
            self.tr("Remettre dans la page") if self.is_detached() else self.tr("Ouvrir dans une fenêtre")
        )
        texts = {
            self.fit_button: self.tr("La page occupe toute la largeur de la visionneuse."),
            self.zoom_out_button: self.tr("Afficher la page plus petite."),
            self.zoom_in_button: self.tr("Afficher la page plus grande."),
            self.widen_button: self.tr("Donner à la visionneuse toute la place de la page, ou la lui rendre."),
            self.detach_button: self.tr(
                "Afficher le document dans une fenêtre séparée, que vous pouvez agrandir ; Échap l'y remet."
            ),
        }
        names = {self.zoom_out_button: self.tr("Zoom arrière"), self.zoom_in_button: self.tr("Zoom avant")}
        for button, text in texts.items():
            called = names.get(button, button.text())
            describe(button, called, f"{text} {self._keys(button)}")
            button.setToolTip(f"{called} — {text} ({self._keys(button)})")
        describe(self.page_label, self.tr("Page affichée"), self.page_label.text())
        self.detached_note.setText(self.tr("Le document est affiché dans une fenêtre séparée."))
        self.reattach_button.setText(self.tr("Remettre le document ici"))
        describe(self.reattach_button, self.reattach_button.text(), self.tr("Fermer la fenêtre séparée."))
        if self.detached_window is not None:
            self.detached_window.setWindowTitle(self.tr("Document — %1").replace("%1", name))
        self._update_status()
