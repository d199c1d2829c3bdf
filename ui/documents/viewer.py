"""In-app document viewer: PDF rendered from a QBuffer in memory, images through QImage — never a temp file."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.dossier_store import DocumentInfo
from dossier.cda import SNIFF_SIZE, CdaInputError, cda_html, looks_like_cda
from ui.i18n import current_language
from ui.widgets import Retranslatable, describe, label

_IMAGE_FORMATS = {"jpeg", "png", "tiff"}
_TEXT_FORMATS = {"txt", "rtf"}


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


class DocumentViewer(Retranslatable, QWidget):
    """Shows one document's bytes; ``clear()`` drops every plaintext copy the viewer holds (lock, S18)."""

    sig_document_shown = Signal(str)
    """A document is displayed; carries its id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._info: DocumentInfo | None = None
        # One buffer for the viewer's lifetime, owning its bytes: QPdfDocument may still read from it while it
        # closes, so it is never deleted under the document's feet.
        self._buffer = QBuffer(self)
        self._image: QImage | None = None
        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.cda_view = _ClosedBrowser()
        self.placeholder = label("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for w in (self.placeholder, self.pdf_view, self.image_area, self.text_view, self.cda_view):
            self.stack.addWidget(w)
        self.title = label("heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.retranslate_ui()

    @property
    def document_id(self) -> str | None:
        return self._info.id if self._info else None

    def show_document(self, info: DocumentInfo, content: bytes) -> None:
        self.clear()
        self._info = info
        self.title.setText(info.title)
        if info.format == "pdf":
            # The QBuffer holds the bytes in memory: the plaintext never reaches the disk.
            self._buffer.setData(QByteArray(content))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.load(self._buffer)
            self.stack.setCurrentWidget(self.pdf_view)
        elif info.format in _IMAGE_FORMATS:
            image = QImage.fromData(content)
            self._image = image
            self.image_label.setPixmap(QPixmap.fromImage(image))
            self.stack.setCurrentWidget(self.image_area if not image.isNull() else self.placeholder)
        elif info.format in _TEXT_FORMATS and (narrative := _cda_narrative(content)) is not None:
            self.cda_view.setHtml(narrative)
            self.stack.setCurrentWidget(self.cda_view)
        elif info.format in _TEXT_FORMATS:
            self.text_view.setPlainText(content.decode("utf-8", errors="replace"))
            self.stack.setCurrentWidget(self.text_view)
        else:
            self.stack.setCurrentWidget(self.placeholder)
        self.retranslate_ui()
        self.sig_document_shown.emit(info.id)

    def clear(self) -> None:
        self._info = None
        self.pdf.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())
        self._image = None
        self.image_label.clear()
        self.text_view.clear()
        self.cda_view.clear()
        self.title.clear()
        self.stack.setCurrentWidget(self.placeholder)
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

    def retranslate_ui(self) -> None:
        if self._info is None:
            self.placeholder.setText(self.tr("Choisissez un document dans la liste pour l'afficher ici."))
        else:
            self.placeholder.setText(self.tr("Ce format ne peut pas être affiché dans Carnet."))
        name = self._info.title if self._info else self.tr("Aucun document affiché")
        describe(self, self.tr("Visionneuse de document"), name)
        describe(self.pdf_view, self.tr("Document PDF"), name)
        describe(self.image_area, self.tr("Image du document"), name)
        describe(self.text_view, self.tr("Texte du document"), name)
        describe(self.cda_view, self.tr("Document médical CDA"), name)
