"""Documents: a paged table filtered by category, add by file dialog or drag and drop, viewer, mask and delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import secret_care as secret_care_rules
from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DocumentInfo, DossierStore
from desktop_app.errors import CarnetError
from desktop_app.exports.cda_io import (
    CdaImportReport,
    DocumentMeta,
    add_cda_document,
    header_of,
    import_cda_file,
    is_cda_file,
)
from dossier import documents as doc_rules
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity
from ui import formatting
from ui.changes import concerns
from ui.dialogs import Confirmer
from ui.i18n import current_language, pick
from ui.i18n import translate as _t
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.viewer import READABLE_WIDTH_PX, DocumentViewer
from ui.widgets import (
    Retranslatable,
    describe,
    error_label,
    fit_columns,
    flow_row,
    label,
    labelled,
    set_role,
    show_error,
    with_messages,
)

_PROTECTED_AUTHORS = {"professional", "insurer"}
_DETAIL_COLUMNS = (3, 4, 5)  # Auteur, Confidentialité, Format: hidden while a document shows beside the list
FileChooser = Callable[[QWidget], list[Path]]


def category_label(category: str) -> str:
    cat = doc_rules.DOCUMENT_CATEGORIES.get(category)
    return pick(cat.label_fr, cat.label_en) if cat is not None else category


def author_label(author_kind: str) -> str:
    labels = {
        "patient": _t("DocumentsPage", "Moi"),
        "professional": _t("DocumentsPage", "Un professionnel de santé"),
        "insurer": _t("DocumentsPage", "L'Assurance Maladie"),
        "service": _t("DocumentsPage", "Le service Carnet"),
    }
    return labels.get(author_kind, author_kind)


def is_masked(info: DocumentInfo) -> bool:
    return bool(getattr(info.confidentiality, "masked_from_professionals", False))


def confidentiality_label(info: DocumentInfo) -> str:
    return (
        _t("DocumentsPage", "Masqué aux professionnels")
        if is_masked(info)
        else _t("DocumentsPage", "Visible des professionnels autorisés")
    )


def confidentiality_word(info: DocumentInfo) -> str:
    """The list's short form under the « Confidentialité » header (the panel under the list says it in full)."""
    return _t("DocumentsPage", "Masqué") if is_masked(info) else _t("DocumentsPage", "Visible")


def _date_label(value: date | str | None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        return value
    return formatting.format_date(value)


def _choose_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        _t("DocumentsPage", "Ajouter un document"),
        str(Path.home()),
        _t("DocumentsPage", "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)"),
    )
    return [Path(n) for n in names]


class DocumentsPage(Retranslatable, QWidget):
    """The Documents section of the dossier."""

    sig_document_added = Signal(object)
    """A document was stored; carries its DocumentInfo."""
    sig_document_changed = Signal(object)
    """A document was masked or unmasked; carries the new DocumentInfo."""
    sig_document_deleted = Signal(str)
    """A document was deleted; carries its id."""
    sig_undoable = Signal(str, object)
    """A document was masked or unmasked; carries what to say and how to put the previous confidentiality back."""
    sig_operation_failed = Signal(str)
    """An operation was refused; carries the message shown."""
    sig_entries_imported = Signal(int)
    """Entries of a CDA document were added to the dossier; carries how many."""

    def __init__(
        self,
        *,
        confirmer: Confirmer | None = None,
        file_chooser: FileChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._store: DossierStore | None = None
        self._confirmer = confirmer or Confirmer()
        self._file_chooser = file_chooser or _choose_files
        self._pending: list[Path] = []
        self._born: date | None = None  # the identity's birth date: marks a minor's secret care once of age
        self.title = label("title")
        self.filter_label = label(wrap=False)
        self.category_filter = QComboBox()
        # As wide as a usual category, not the longest one (the list opens wider): the row fits at 200 %.
        self.category_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_filter.setMinimumContentsLength(14)
        self.filter_label.setBuddy(self.category_filter)
        self.model: PagedTableModel[DocumentInfo] = PagedTableModel(
            [
                Column(lambda: _t("DocumentsPage", "Titre"), lambda d: d.title),
                Column(lambda: _t("DocumentsPage", "Catégorie"), lambda d: category_label(d.category)),
                Column(lambda: _t("DocumentsPage", "Date"), lambda d: _date_label(d.document_date)),
                Column(lambda: _t("DocumentsPage", "Auteur"), lambda d: author_label(d.author_kind)),
                Column(lambda: _t("DocumentsPage", "Confidentialité"), self._confidentiality_word),
                Column(lambda: _t("DocumentsPage", "Format"), lambda d: d.format.upper()),
            ],
            key=lambda d: d.id,
            parent=self,
        )
        self.model.sig_page_loaded.connect(lambda _n: self._update_actions())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        # The title takes the room left; date, category, format… as wide as their content. When not everything fits
        # (200 % text) every column keeps its content width and the table scrolls sideways: nothing is cut.
        fit_columns(self.table, stretch=0, page_loaded=self.model.sig_page_loaded)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_row_changed)
        self.table.activated.connect(self.on_table_activated)
        self.add_button = QPushButton()
        set_role(self.add_button, "primary")
        self.open_button = QPushButton()
        self.mask_button = QPushButton()
        self.delete_button = QPushButton()
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.mask_button.clicked.connect(self.on_mask_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.category_filter.currentIndexChanged.connect(self.on_category_filter_changed)
        self.error = error_label()
        self.info = label("muted")
        self.secret_note = label()  # why a minor's secret care is here, and who never saw it
        self.secret_note.setObjectName("secretCareNote")
        self.secret_note.setTextFormat(Qt.TextFormat.RichText)
        self.secret_note.setVisible(False)
        self.drop_hint = label("muted")

        # Inline panel to describe the files being added (no modal dialog: works with the keyboard and in tests).
        self.add_panel = QGroupBox()
        self.new_title = QLineEdit()
        self.new_category = QComboBox()
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.new_title_label = label(buddy=self.new_title, wrap=False)
        self.new_category_label = label(buddy=self.new_category, wrap=False)
        self.new_date_label = label(buddy=self.new_date, wrap=False)
        self.new_title_error = error_label()
        self.save_button = QPushButton()
        set_role(self.save_button, "primary")
        self.cancel_button = QPushButton()
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.new_title.returnPressed.connect(self.on_save_button_clicked)
        panel_form = QFormLayout(self.add_panel)
        panel_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        panel_form.addRow(self.new_title_label, with_messages(self.new_title, self.new_title_error))
        panel_form.addRow(self.new_category_label, self.new_category)
        panel_form.addRow(self.new_date_label, self.new_date)
        panel_buttons = QHBoxLayout()
        panel_buttons.addWidget(self.save_button)
        panel_buttons.addWidget(self.cancel_button)
        panel_buttons.addStretch(1)
        panel_form.addRow(panel_buttons)
        self.add_panel.setVisible(False)

        self.viewer = DocumentViewer()
        # Rows that wrap onto a second line at large text rather than widening the window.
        top = flow_row(labelled(self.filter_label, self.category_filter), self.add_button)
        actions = flow_row(self.open_button, self.mask_button, self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(top)
        left_layout.addWidget(self.drop_hint)
        left_layout.addWidget(self.add_panel)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.info)
        left_layout.addWidget(actions)
        left_layout.addWidget(self.error)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.viewer.sig_widen_toggled.connect(lambda wide: left.setVisible(not wide))  # « Agrandir »
        self.viewer.sig_document_shown.connect(lambda _id: self._give_viewer_room())
        self.splitter.addWidget(left)
        # The explanation of a minor's secret care sits above the viewer, where the selected document shows.
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.secret_note)
        right_layout.addWidget(self.viewer, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.on_add_button_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.on_delete_button_clicked)
        for a, b in [
            (self.category_filter, self.add_button),
            (self.add_button, self.new_title),
            (self.new_title, self.new_category),
            (self.new_category, self.new_date),
            (self.new_date, self.save_button),
            (self.save_button, self.cancel_button),
            (self.cancel_button, self.table),
            (self.table, self.open_button),
            (self.open_button, self.mask_button),
            (self.mask_button, self.delete_button),
            (self.delete_button, self.viewer.fit_button),
        ]:
            QWidget.setTabOrder(a, b)
        self.retranslate_ui()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            # Large text: the viewer goes under the list instead of being squeezed beside it.
            large = self.font().pointSizeF() > 14
            self.splitter.setOrientation(Qt.Orientation.Vertical if large else Qt.Orientation.Horizontal)
        super().changeEvent(event)

    def _give_viewer_room(self) -> None:
        """An opened document gets a readable width beside the list (the list then scrolls sideways). Large text
        puts the viewer under the list, where a page has no height left: the document then takes the whole page
        (« Agrandir »); « Taille normale » (F11) brings the list back."""
        if self.splitter.orientation() == Qt.Orientation.Vertical:
            self.viewer.set_widened(True)
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = min(READABLE_WIDTH_PX, total // 2)
        if len(sizes) == 2 and sizes[1] < wanted:
            self.splitter.setSizes([total - wanted, wanted])
        self._show_detail_columns(False)

    def _show_detail_columns(self, shown: bool) -> None:
        """Author, confidentiality and format leave the list while a document shows beside it (the line under the
        list says the first two for the chosen document): title, category and date then fit without scrolling
        sideways. They come back when the viewer is emptied."""
        for column in _DETAIL_COLUMNS:
            self.table.setColumnHidden(column, not shown)

    # -- store -------------------------------------------------------------------------------------------------------
    def set_store(self, store: DossierStore | None) -> None:
        self._store = store
        self.viewer.clear()
        self._show_detail_columns(True)
        self._pending = []
        self.add_panel.setVisible(False)
        self._born = None
        self.reload()
        if store is not None:
            Op(self, lambda: secret_care_rules.birth_date(store)).success(lambda born: self._on_born(store, born)).run()

    def _on_born(self, store: DossierStore, born: date | None) -> None:
        if self._store is store and born != self._born:
            self._born = born
            self.refresh()
            self._update_actions()

    def _secret_care(self, info: DocumentInfo) -> secret_care_rules.SecretCare | None:
        store = self._store
        if store is None:
            return None
        return secret_care_rules.secret_care(
            info, born=self._born, today=store.today(), lang=current_language(), format_day=formatting.format_date
        )

    def _confidentiality_word(self, info: DocumentInfo) -> str:
        """The list's cell: « Soins confidentiels (avant vos 18 ans) » for a minor's secret care, else a word."""
        care = self._secret_care(info)
        if care is None:
            return confidentiality_word(info)
        return f"{care.label} · {confidentiality_word(info)}" if is_masked(info) else care.label

    def _confidentiality_text(self, info: DocumentInfo) -> str:
        """« Soins confidentiels (avant vos 18 ans) » for a minor's secret care, else who may see the document."""
        care = self._secret_care(info)
        if care is None:
            return confidentiality_label(info)
        return f"{care.label} · {confidentiality_label(info)}" if is_masked(info) else care.label

    def clear(self) -> None:
        self.set_store(None)

    def reload(self) -> None:
        store, category = self._store, self.category_filter.currentData() or None
        if store is None:
            self.model.clear()
        else:
            self.model.set_source(
                lambda offset, limit: store.documents.list(category=category, offset=offset, limit=limit)
            )
        self._update_actions()

    def concerned_by(self, change: StoreChange) -> bool:
        return concerns(self._store, change, Entity.DOCUMENT)

    def refresh(self) -> None:
        """Show what the store now holds: the list keeps its place; documents being added stay staged."""
        self.model.refresh()

    def selected(self) -> DocumentInfo | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0))

    # -- adding ------------------------------------------------------------------------------------------------------
    def stage_files(self, paths: list[Path]) -> None:
        """Files chosen or dropped: describe them in the inline panel, one after the other."""
        self._pending = [p for p in paths if p.is_file()]
        if not self._pending:
            return
        self._describe_next()

    def _describe_next(self) -> None:
        if not self._pending:
            self.add_panel.setVisible(False)
            return
        path = self._pending[0]
        self.new_title.setText(path.stem.replace("_", " ").replace("-", " "))
        self.new_category.setCurrentIndex(max(0, self.new_category.findData("autre")))
        self.new_date.setDate(QDate.currentDate())
        self._prefill_from_cda(path)
        show_error(self.new_title_error, "")
        self.add_panel.setTitle(_t("DocumentsPage", "Ajouter « %1 »").replace("%1", path.name))
        self.add_panel.setVisible(True)
        self.new_title.setFocus()
        self.new_title.selectAll()

    def _prefill_from_cda(self, path: Path) -> None:
        """A CDA document (DMP, hospital) says its own title, category and date: the panel starts from them."""
        header = header_of(path)
        if header is None:
            return
        self.new_title.setText(header.title)
        self.new_category.setCurrentIndex(max(0, self.new_category.findData(header.category)))
        if header.effective_date and len(header.effective_date) == 10:
            self.new_date.setDate(QDate.fromString(header.effective_date, Qt.DateFormat.ISODate))

    def _save_cda(self, store: DossierStore, path: Path, meta: DocumentMeta) -> None:
        def offer(result: tuple[CdaImportReport, DocumentInfo]) -> None:
            report, info = result
            self._on_added(info)
            n = report.entries_offered
            if n and self._confirmer.ask(
                self,
                title=_t("DocumentsPage", "Ajouter les éléments du document ?"),
                text=_t(
                    "DocumentsPage",
                    "Ce document contient %1 élément(s) (vaccinations, résultats, traitements, allergies, maladies). "
                    "Les ajouter à votre carnet ? Ils seront indiqués comme importés de ce document.",
                ).replace("%1", str(n)),
                confirm_label=_t("DocumentsPage", "Ajouter au carnet"),
                cancel_label=_t("DocumentsPage", "Pas maintenant"),
            ):
                Op(self, lambda: import_cda_file(store, path)).success(self._on_cda_imported).failure(
                    self._on_failed
                ).run()

        Op(self, lambda: add_cda_document(store, path, meta)).success(offer).failure(self._on_add_failed).run()

    def _on_cda_imported(self, report: CdaImportReport) -> None:
        self.sig_entries_imported.emit(report.entries.created_entries)
        self._confirmer.inform(
            self, title=_t("DocumentsPage", "Éléments ajoutés"), text=report.render(current_language())
        )

    def on_add_button_clicked(self) -> None:
        if self._store is not None:
            self.stage_files(self._file_chooser(self))

    def on_cancel_button_clicked(self) -> None:
        if self._pending:
            self._pending.pop(0)
        self._describe_next()

    def on_save_button_clicked(self) -> None:
        store = self._store
        if store is None or not self._pending:
            return
        path = self._pending[0]
        title, category = self.new_title.text().strip(), self.new_category.currentData()
        qd = self.new_date.date()
        document_date = date(qd.year(), qd.month(), qd.day())
        self.save_button.setEnabled(False)
        if is_cda_file(path):
            self._save_cda(store, path, DocumentMeta(title, category, document_date))
            return

        def add() -> DocumentInfo:
            with path.open("rb") as stream:  # streamed into SQLCipher chunk by chunk on the worker
                return store.documents.add(
                    stream, title=title, category=category, document_date=document_date, filename=path.name
                )

        Op(self, add).success(self._on_added).failure(self._on_add_failed).run()

    def _on_added(self, info: DocumentInfo) -> None:
        self.save_button.setEnabled(True)
        self._pending.pop(0)
        self._describe_next()
        self.reload()
        self.sig_document_added.emit(info)

    def _on_add_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        message = self._message(exc)
        if isinstance(exc, DossierValidationError) and any(i.field == "title" for i in exc.issues):
            show_error(self.new_title_error, message)
        else:
            show_error(self.error, message)
        self.sig_operation_failed.emit(message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._store is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self._store is not None:
            event.acceptProposedAction()
            self.stage_files(paths)

    # -- viewing, masking, deleting ----------------------------------------------------------------------------------
    def on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_actions()

    def on_table_activated(self, index: QModelIndex) -> None:
        self.on_open_button_clicked()

    def on_open_button_clicked(self) -> None:
        store, info = self._store, self.selected()
        if store is None or info is None:
            return
        Op(self, lambda: store.documents.read(info.id)).success(
            lambda content: self.viewer.show_document(info, content)
        ).failure(self._on_failed).run()

    def on_mask_button_clicked(self) -> None:
        store, info = self._store, self.selected()
        if store is None or info is None:
            return
        masking = not is_masked(info)
        if masking:
            question = " ".join(
                (
                    _t("DocumentsPage", "Le document « %1 » ne sera plus visible des professionnels de santé."),
                    _t("DocumentsPage", "Son auteur, votre médecin traitant et vos administrateurs le verront encore."),
                    _t("DocumentsPage", "Vous pourrez le démasquer à tout moment."),
                )
            )
            title, confirm = _t("DocumentsPage", "Masquer ce document ?"), _t("DocumentsPage", "Masquer")
        else:
            question = _t(
                "DocumentsPage",
                "Le document « %1 » sera de nouveau visible des professionnels que vous avez autorisés.",
            )
            title, confirm = _t("DocumentsPage", "Démasquer ce document ?"), _t("DocumentsPage", "Démasquer")
        if not self._confirmer.ask(
            self,
            title=title,
            text=question.replace("%1", info.title),
            confirm_label=confirm,
            cancel_label=_t("DocumentsPage", "Annuler"),
        ):
            return
        new = info.confidentiality.model_copy(update={"masked_from_professionals": masking})
        Op(self, lambda: store.documents.set_confidentiality(info.id, new)).success(
            lambda changed: self._on_masked(store, info, changed)
        ).failure(self._on_failed).run()

    def _on_masked(self, store: DossierStore, before: DocumentInfo, after: DocumentInfo) -> None:
        self._on_changed(after)
        text = (
            _t("DocumentsPage", "Document « %1 » masqué.")
            if is_masked(after)
            else _t("DocumentsPage", "Document « %1 » démasqué.")
        )
        self.sig_undoable.emit(
            text.replace("%1", before.title),
            lambda: store.documents.set_confidentiality(before.id, before.confidentiality),
        )

    def _on_changed(self, info: DocumentInfo) -> None:
        self.reload()
        self.sig_document_changed.emit(info)

    def on_delete_button_clicked(self) -> None:
        store, info = self._store, self.selected()
        if store is None or info is None or info.author_kind in _PROTECTED_AUTHORS:
            return
        text = _t(
            "DocumentsPage", "Le document « %1 » sera supprimé de votre carnet. Cette action ne peut pas être annulée."
        )
        if not self._confirmer.ask(
            self,
            title=_t("DocumentsPage", "Supprimer ce document ?"),
            text=text.replace("%1", info.title),
            confirm_label=_t("DocumentsPage", "Supprimer"),
            cancel_label=_t("DocumentsPage", "Annuler"),
        ):
            return
        Op(self, lambda: store.documents.delete(info.id)).success(lambda _: self._on_deleted(info.id)).failure(
            self._on_failed
        ).run()

    def _on_deleted(self, document_id: str) -> None:
        if self.viewer.document_id == document_id:
            self.viewer.clear()
            self._show_detail_columns(True)
        self.reload()
        self.sig_document_deleted.emit(document_id)

    def _message(self, exc: BaseException) -> str:
        if isinstance(exc, CarnetError | DossierValidationError):
            return exc.message(current_language())
        if isinstance(exc, OSError):
            return _t("DocumentsPage", "Le fichier n'a pas pu être lu. Vérifiez qu'il existe toujours et réessayez.")
        return _t("DocumentsPage", "L'opération a échoué ; rien n'a été modifié.")

    def _on_failed(self, exc: BaseException) -> None:
        message = self._message(exc)
        show_error(self.error, message)
        self.sig_operation_failed.emit(message)

    def _update_actions(self) -> None:
        info = self.selected()
        has_store = self._store is not None
        self.add_button.setEnabled(has_store)
        self.open_button.setEnabled(info is not None)
        self.mask_button.setEnabled(info is not None)
        protected = info is not None and info.author_kind in _PROTECTED_AUTHORS
        self.delete_button.setEnabled(info is not None and not protected)
        if info is not None:
            self.mask_button.setText(
                _t("DocumentsPage", "&Démasquer") if is_masked(info) else _t("DocumentsPage", "&Masquer")
            )
            self.info.setText(
                _t("DocumentsPage", "Ajouté par : %1 · %2")
                .replace("%1", author_label(info.author_kind))
                .replace("%2", self._confidentiality_text(info))
                + (
                    "\n" + _t("DocumentsPage", "Ce document ne peut pas être supprimé, seulement masqué.")
                    if protected
                    else ""
                )
            )
        else:
            self.mask_button.setText(_t("DocumentsPage", "&Masquer"))
            self.info.setText("")
        care = self._secret_care(info) if info is not None else None
        self.secret_note.setText(f"<b>{escape(care.label)}</b><br>{escape(care.explanation)}" if care else "")
        self.secret_note.setVisible(care is not None)
        self.delete_button.setToolTip(
            _t(
                "DocumentsPage",
                "Les documents ajoutés par un professionnel ou l'Assurance Maladie ne peuvent être que masqués.",
            )
            if protected
            else _t("DocumentsPage", "Supprimer le document choisi.")
        )
        show_error(self.error, "")

    def on_category_filter_changed(self) -> None:
        self.viewer.clear()
        self._show_detail_columns(True)
        self.reload()

    def retranslate_ui(self) -> None:
        self.title.setText(_t("DocumentsPage", "Documents"))
        self.filter_label.setText(_t("DocumentsPage", "&Catégorie :"))
        current = self.category_filter.currentData() or ""
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(_t("DocumentsPage", "Toutes les catégories"), "")
        new_current = self.new_category.currentData() or "autre"
        self.new_category.clear()
        for cid in doc_rules.DOCUMENT_CATEGORIES:
            self.category_filter.addItem(category_label(cid), cid)
            self.new_category.addItem(category_label(cid), cid)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(current)))
        self.new_category.setCurrentIndex(max(0, self.new_category.findData(new_current)))
        self.category_filter.blockSignals(False)
        self.add_button.setText(_t("DocumentsPage", "&Ajouter un document…"))
        self.open_button.setText(_t("DocumentsPage", "A&fficher"))
        self.delete_button.setText(_t("DocumentsPage", "&Supprimer"))
        self.drop_hint.setText(_t("DocumentsPage", "Vous pouvez aussi glisser un fichier dans cette fenêtre."))
        self.new_title_label.setText(_t("DocumentsPage", "&Titre :"))
        self.new_category_label.setText(_t("DocumentsPage", "Caté&gorie :"))
        self.new_date_label.setText(_t("DocumentsPage", "Date du &document :"))
        self.save_button.setText(_t("DocumentsPage", "&Enregistrer le document"))
        self.cancel_button.setText(_t("DocumentsPage", "A&nnuler"))
        describe(
            self.category_filter,
            _t("DocumentsPage", "Filtrer par catégorie"),
            _t("DocumentsPage", "N'afficher que les documents de cette catégorie."),
        )
        describe(
            self.table,
            _t("DocumentsPage", "Liste des documents"),
            _t("DocumentsPage", "Entrée pour afficher le document choisi."),
        )
        describe(
            self.add_button,
            _t("DocumentsPage", "Ajouter un document"),
            _t("DocumentsPage", "Choisir un fichier PDF, une image ou un texte."),
        )
        describe(
            self.open_button,
            _t("DocumentsPage", "Afficher"),
            _t("DocumentsPage", "Afficher le document choisi dans Carnet."),
        )
        describe(
            self.mask_button,
            _t("DocumentsPage", "Masquer ou démasquer"),
            _t("DocumentsPage", "Cacher le document aux professionnels, ou le montrer."),
        )
        describe(
            self.delete_button, _t("DocumentsPage", "Supprimer"), _t("DocumentsPage", "Supprimer le document choisi.")
        )
        describe(self.new_title, _t("DocumentsPage", "Titre du document"))
        describe(self.new_category, _t("DocumentsPage", "Catégorie du document"))
        describe(self.new_date, _t("DocumentsPage", "Date du document"))
        describe(
            self.save_button,
            _t("DocumentsPage", "Enregistrer le document"),
            _t("DocumentsPage", "Chiffrer et ranger le fichier dans le carnet."),
        )
        describe(self.cancel_button, _t("DocumentsPage", "Annuler"), _t("DocumentsPage", "Ne pas ajouter ce fichier."))
        self.model.retranslate()
        self._update_actions()
