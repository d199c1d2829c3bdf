"""Mesures: per measure type, a paged table, a QtCharts chart over time and a quick-add form."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import QAreaSeries, QChart, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import StoreChange
from desktop_app.dossier_store import DossierStore, Entry
from desktop_app.errors import CarnetError
from dossier import entries as entry_rules
from dossier.errors import DossierValidationError
from dossier.measures import MEASURES, Unit
from dossier.sync_protocol import Entity
from ui import formatting, theme
from ui.changes import concerns
from ui.dialogs import Confirmer
from ui.entries.actions import delete_entry, restorer
from ui.entries.columns import entry_columns, entry_date, entry_summary
from ui.entries.form import EntryForm
from ui.i18n import current_language, pick
from ui.measures.chart_points import ChartPoint, PointsChartView
from ui.ops import Op
from ui.paged import PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, fit_columns, label, show_error

KIND = "measurement"
CHART_POINTS = 2000
NARROW_IN_CHARS = 85  # below this page width (in average characters) the chart goes under the table


TYPE_FIELD = "measure_type"

# Usual ranges drawn behind the lines, in canonical units (a landmark, not a diagnosis): office blood pressure
# below 140/90 mmHg (ESH 2023) and above 90/60; fasting blood glucose 0.70–1.10 g/L (HAS); resting heart rate
# 50–100 /min; body temperature 36.1–37.8 °C.
REFERENCE_BANDS: dict[str, tuple[tuple[str, float, float], ...]] = {
    "blood_pressure": (("systolic", 90.0, 140.0), ("diastolic", 60.0, 90.0)),
    "blood_glucose": (("value", 0.70, 1.10),),
    "heart_rate": (("value", 50.0, 100.0),),
    "temperature": (("value", 36.1, 37.8),),
}


def measure_of(entry: Entry) -> str | None:
    value = entry.data.get(TYPE_FIELD)
    return str(value) if value is not None else None


def _now_text() -> str:
    return datetime.now().strftime("%d/%m/%Y %H:%M")  # the form's input format (dossier parses it), not display


def hidden_fields(measure_id: str) -> set[str]:
    """Quick add shows only what a person types for this measure: its components, unit, date, notes."""
    names = {f.name for f in entry_rules.ENTRY_KINDS[KIND].fields}
    shown = set(MEASURES[measure_id].components) | {"unit", "measured_at", "notes"}
    return {n for n in names if n not in shown}


def display_unit(entries: list[Entry], measure_id: str) -> Unit:
    """The unit the list shows for this measure: the one its latest entry was typed in (« 13,5/8 cmHg »), so the
    chart's axis and the list agree; the canonical unit when none says otherwise."""
    measure = MEASURES[measure_id]
    latest = max((e for e in entries if measure_of(e) == measure_id), key=_timestamp, default=None)
    wanted = str(latest.data.get("original_unit") or latest.data.get("unit") or "") if latest is not None else ""
    return next((u for u in measure.units if u.id == wanted), measure.canonical_unit)


def _timestamp(entry: Entry) -> datetime:
    raw = entry.sort_date
    if raw:
        try:
            return datetime.fromisoformat(raw if len(raw) > 10 else raw + "T12:00:00")
        except ValueError:
            pass
    return entry.created_at


def chart_points(entries: list[Entry], measure_id: str) -> dict[str, list[tuple[datetime, float]]]:
    """Series of (time, value) per component (value, or systolic/diastolic), oldest first."""
    components = MEASURES[measure_id].components
    series: dict[str, list[tuple[datetime, float]]] = {c: [] for c in components}
    for entry in entries:
        if measure_of(entry) != measure_id:
            continue
        values = entry.data.get("values") if isinstance(entry.data.get("values"), dict) else entry.data
        for c in components:
            v = values.get(c) if isinstance(values, dict) else None
            if isinstance(v, int | float):
                series[c].append((_timestamp(entry), float(v)))
    for points in series.values():
        points.sort(key=lambda p: p[0])
    return series


class _TypeFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.measure_id: str | None = None

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        assert isinstance(source, PagedTableModel)
        return self.measure_id is None or measure_of(source.row_object(source_row)) == self.measure_id


class MeasuresPage(Retranslatable, QWidget):
    """Choose a measure type; see its history as a table and a chart; add a new one quickly."""

    sig_chart_updated = Signal(int)
    """The chart was redrawn; carries the number of points shown."""
    sig_entry_deleted = Signal(str)
    """A measure was deleted; carries its id."""
    sig_undoable = Signal(str, object)
    """A measure was deleted; carries what to say and how to restore it (ui.entries.actions.RestoreFn)."""

    def __init__(self, *, confirmer: Confirmer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer or Confirmer()
        self._store: DossierStore | None = None
        self._points = 0
        self._chart_reads = 0
        self.lines: list[QLineSeries] = []
        """The chart's measure lines (the reference bands are area series beside them)."""
        self.chart_summary = ""
        """The chart in words: latest value and range of each line."""
        self.title = label("title")
        self.type_label = label(wrap=False)
        self.type_combo = QComboBox()
        self.type_label.setBuddy(self.type_combo)
        for measure_id in (m.id for m in MEASURES.values() if not m.computed):
            self.type_combo.addItem(measure_id, measure_id)
        self.type_combo.currentIndexChanged.connect(self.on_type_combo_changed)
        self.model: PagedTableModel[Entry] = PagedTableModel(
            entry_columns(with_kind=False), key=lambda e: e.id, parent=self
        )
        self.model.sig_page_loaded.connect(lambda _n: self._update_actions())
        self.proxy = _TypeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.measure_id = self.measure_id
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        # The summary stretches (its tool tip carries the full text); dates stay whole.
        fit_columns(self.table, stretch=0, page_loaded=self.model.sig_page_loaded)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.on_delete_button_clicked)
        self.error = error_label()
        self.chart = QChart()
        self.chart.legend().setVisible(True)
        self.chart_view = PointsChartView(self.chart)  # tool tips on points; the arrows walk them
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.chart_view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop, the named view
        self.empty_label = label("muted")
        self.form_title = label("heading")
        self.form = EntryForm(KIND)
        self.form.set_store(None)
        self.form.sig_saved.connect(self.on_form_saved)
        top = QHBoxLayout()
        top.addWidget(self.type_label)
        top.addWidget(self.type_combo, 1)
        # The chart across the whole width on top; below it, the list (with its actions) beside the quick add.
        left = QWidget()
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(theme.SPACING["l"])
        list_column = QVBoxLayout()
        list_column.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        list_column.addLayout(actions)
        list_column.addWidget(self.error)
        form_column = QVBoxLayout()
        form_column.addWidget(self.form_title)
        form_scroll = QScrollArea()  # the form scrolls rather than making the whole window taller
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not to an unnamed stop
        form_scroll.setWidget(self.form)
        form_column.addWidget(form_scroll, 1)
        left_layout.addLayout(list_column, 3)
        left_layout.addLayout(form_column, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart_view, 1)
        right_layout.addWidget(self.empty_label)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(right)
        splitter.addWidget(left)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self._left, self._right = left, right
        # At large text sizes the two halves become tabs, each with the whole page (see resizeEvent).
        self.tabs = QTabWidget()
        self.tabs.hide()
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_layout)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.tabs, 1)
        QWidget.setTabOrder(self.type_combo, self.chart_view)  # reading order: chart, list, its action, the form
        QWidget.setTabOrder(self.chart_view, self.table)
        QWidget.setTabOrder(self.table, self.delete_button)
        self._sync_preset()
        self.retranslate_ui()
        self._update_actions()

    @property
    def measure_id(self) -> str:
        return str(self.type_combo.currentData())

    @property
    def points_shown(self) -> int:
        return self._points

    def select_measure(self, measure_id: str) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(measure_id))

    def set_store(self, store: DossierStore | None) -> None:
        self._store = store
        self.form.set_store(store)
        self._sync_preset()
        self.reload()

    def clear(self) -> None:
        self.set_store(None)

    def reload(self) -> None:
        store = self._store
        self.proxy.measure_id = self.measure_id
        self.proxy.invalidate()
        self._update_actions()
        show_error(self.error, "")
        if store is None:
            self.model.clear()
            self._chart_reads += 1  # a read still on its way is never drawn after the clear
            self._draw([])
            return
        self.model.set_source(lambda offset, limit: store.entries.list(KIND, offset=offset, limit=limit))
        self._read_chart(store)

    def _read_chart(self, store: DossierStore) -> None:
        """Redraw from the store; only the latest read is drawn (a refresh and a reload may both be on their way)."""
        self._chart_reads += 1
        read = self._chart_reads
        Op(self, lambda: store.entries.list(KIND, limit=CHART_POINTS)).success(
            lambda entries: self._draw(entries) if read == self._chart_reads else None
        ).run()

    def concerned_by(self, change: StoreChange) -> bool:
        return concerns(self._store, change, Entity.ENTRY, KIND)

    def refresh(self) -> None:
        """Show what the store now holds: the table keeps its place, the chart is redrawn, the form is left alone."""
        if self._store is not None:
            self.model.refresh()
            self._read_chart(self._store)

    def _sync_preset(self) -> None:
        self.form.set_hidden(hidden_fields(self.measure_id))
        self.form.set_preset({TYPE_FIELD: self.measure_id, "measured_at": _now_text})

    def on_type_combo_changed(self) -> None:
        self._sync_preset()
        self.reload()
        self.retranslate_ui()

    def on_form_saved(self, entry: Entry) -> None:
        self.reload()

    def selected(self) -> Entry | None:
        index = self.table.currentIndex()
        return self.model.row_object(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def _update_actions(self) -> None:
        self.delete_button.setEnabled(self.selected() is not None)

    def on_delete_button_clicked(self) -> None:
        store, entry = self._store, self.selected()
        if store is None or entry is None:
            return
        question = (
            self.tr("La mesure « %1 » du %2 sera supprimée de votre carnet.")
            .replace("%1", entry_summary(entry))
            .replace("%2", entry_date(entry))
        )
        delete_entry(
            self,
            confirmer=self._confirmer,
            store=store,
            entry=entry,
            question=question,
            on_deleted=lambda gone: self._on_deleted(store, gone),
            on_failed=self._on_failed,
        )

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DossierValidationError | CarnetError):
            show_error(self.error, exc.message(current_language()))
        else:
            show_error(self.error, self.tr("L'opération a échoué ; rien n'a été modifié."))

    def _on_deleted(self, store: DossierStore, entry: Entry) -> None:
        self.reload()
        self.sig_entry_deleted.emit(entry.id)
        self.sig_undoable.emit(
            self.tr("Mesure « %1 » supprimée.").replace("%1", entry_summary(entry)), restorer(store, entry)
        )

    def _new_chart(self) -> QChart:
        """A fresh chart for each drawing (re-using one leaves ghost axes behind), themed like the window."""
        chart = QChart()
        chart.legend().setVisible(True)
        dark = QApplication.palette().window().color().lightness() < 128
        chart.setTheme(QChart.ChartTheme.ChartThemeHighContrast if dark else QChart.ChartTheme.ChartThemeLight)
        if dark:
            chart.setBackgroundBrush(QApplication.palette().window())
            chart.setTitleBrush(QApplication.palette().windowText())
            chart.legend().setLabelColor(QApplication.palette().windowText().color())
        old = self.chart
        self.chart = chart
        self.chart_view.setChart(chart)
        old.deleteLater()
        return chart

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._refit.start()  # not while Qt is propagating the event: moving the halves re-parents widgets
        super().resizeEvent(event)

    def _fit_layout(self) -> None:
        # Side by side while there is room for both; at large text sizes (200 % in a 1280 px window) the list and the
        # chart become two tabs, so neither the values nor the chart's dates are cut short.
        narrow = self.width() < NARROW_IN_CHARS * self.fontMetrics().averageCharWidth()
        if narrow != self.tabs.isVisibleTo(self):
            if narrow:
                self.tabs.addTab(self._left, "")
                self.tabs.addTab(self._right, "")
                self._name_tabs()
            else:
                self.tabs.clear()
                self.splitter.addWidget(self._right)  # the chart on top, the list and the form below
                self.splitter.addWidget(self._left)
                self._left.show()  # a page taken out of a tab widget stays hidden
                self._right.show()
                self.splitter.setSizes([1, 1])
            self.splitter.setVisible(not narrow)
            self.tabs.setVisible(narrow)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size changed in the settings
            self._refit.start()
        if event.type() == QEvent.Type.PaletteChange and self._store is not None:
            self.reload()  # redraw the chart in the new theme's colours
        super().changeEvent(event)

    def _draw(self, entries: list[Entry]) -> None:
        self._new_chart()
        measure = MEASURES[self.measure_id]
        self.chart.setTitle(self.type_combo.currentText())
        dark = QApplication.palette().window().color().lightness() < 128
        p = theme.HIGH_CONTRAST if dark else theme.DEFAULT
        colours = [p.accent, p.link] if dark else [p.accent, p.error]
        series_points = chart_points(entries, self.measure_id) if entries else {}
        total = sum(len(p) for p in series_points.values())
        self._points = total
        unit = display_unit(entries, self.measure_id) if entries else measure.canonical_unit
        if total:
            self.chart.setLocalizeNumbers(True)  # "70,4" in French on the value axis
            self.chart.setLocale(formatting.locale())
            x_axis = QDateTimeAxis()
            y_axis = QValueAxis()
            y_axis.setLabelFormat("%.4g")
            if QApplication.palette().window().color().lightness() < 128:
                for axis in (x_axis, y_axis):
                    axis.setLabelsBrush(QApplication.palette().windowText())
                    axis.setTitleBrush(QApplication.palette().windowText())
            self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
            self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
            moments = [moment for points in series_points.values() for moment, _ in points]
            first, last = min(moments), max(moments)
            x_from, x_to = QDateTime(first).addDays(-1), QDateTime(last).addDays(1)
            low, high = float("inf"), float("-inf")
            component_colours = {c: colours[i % len(colours)] for i, c in enumerate(series_points)}
            # Reference bands first, so the lines are drawn over them.
            for component, band_low, band_high in REFERENCE_BANDS.get(self.measure_id, ()):
                if component not in series_points:
                    continue
                lo, hi = unit.from_canonical(band_low), unit.from_canonical(band_high)
                upper, lower = QLineSeries(self.chart), QLineSeries(self.chart)
                for edge, value in ((upper, hi), (lower, lo)):
                    edge.append(x_from.toMSecsSinceEpoch(), value)
                    edge.append(x_to.toMSecsSinceEpoch(), value)
                band = QAreaSeries(upper, lower)
                tint = QColor(component_colours[component])
                tint.setAlpha(40 if not dark else 70)
                band.setBrush(tint)
                band.setPen(QPen(Qt.PenStyle.NoPen))
                band.setName(
                    self.tr("Repère %1 : %2–%3")
                    .replace("%1", self._component_label(component).lower())
                    .replace("%2", formatting.format_number(round(lo, 2)))
                    .replace("%3", formatting.format_quantity(round(hi, 2), unit.id))
                )
                self.chart.addSeries(band)
                band.attachAxis(x_axis)
                band.attachAxis(y_axis)
                low, high = min(low, lo), max(high, hi)
            self.lines = []
            summaries: list[str] = []
            said: list[tuple[float, ChartPoint]] = []
            for component, points in series_points.items():
                line = QLineSeries()
                line.setName(self._component_label(component))
                line.setPointsVisible(True)
                line.setPen(QPen(QColor(component_colours[component]), 3))
                line.setSelectedColor(QColor(p.focus))  # the point the keyboard is on
                values = []
                for moment, canonical in points:
                    value = unit.from_canonical(canonical)  # in the unit the list shows
                    values.append(value)
                    at = QDateTime(moment).toMSecsSinceEpoch()
                    said.append((at, ChartPoint(line, line.count(), self._point_text(component, value, unit, moment))))
                    line.append(at, value)
                    low, high = min(low, value), max(high, value)
                self.chart.addSeries(line)
                line.attachAxis(x_axis)
                line.attachAxis(y_axis)
                self.lines.append(line)
                if points:
                    summaries.append(
                        self.tr("%1 : dernière valeur %2 le %3, de %4 à %5")
                        .replace("%1", self._component_label(component))
                        .replace("%2", formatting.format_quantity(round(values[-1], 2), unit.id))
                        .replace("%3", formatting.format_date(points[-1][0]))
                        .replace("%4", formatting.format_number(round(min(values), 2)))
                        .replace("%5", formatting.format_quantity(round(max(values), 2), unit.id))
                    )
            margin = (high - low) * 0.1 or 1.0
            y_axis.setRange(low - margin, high + margin)
            y_axis.applyNiceNumbers()  # round ticks (60, 80, 100…), not fractions of the range
            y_axis.setTitleText(pick(unit.label_fr, unit.label_en))
            x_axis.setRange(x_from, x_to)
            self._fit_date_axis(x_axis, (last - first).days)
            self.chart_summary = ". ".join(summaries)
            self.chart_view.set_points(said)
        else:
            self.lines = []
            self.chart_summary = ""
            self.chart_view.set_points([])
        self.empty_label.setVisible(total == 0)
        # What the chart shows, in words: a screen reader gets the latest value and the range of each line.
        count = self.tr("%n mesure(s) sur le graphique", "", total)
        self.chart_view.set_base_description(f"{count}. {self.chart_summary}" if self.chart_summary else count)
        self.sig_chart_updated.emit(total)

    def _point_text(self, component: str, value: float, unit: Unit, moment: datetime) -> str:
        """A point's tool tip: « Systolique : 13,5 cmHg le 06/12/2026 08:30 » (a measure stored without its time,
        placed at noon on the chart, says only its day)."""
        no_time = (moment.hour, moment.minute, moment.second, moment.microsecond) == (12, 0, 0, 0)
        return (
            self.tr("%1 : %2 le %3")
            .replace("%1", self._component_label(component))
            .replace("%2", formatting.format_quantity(round(value, 2), unit.id))
            .replace("%3", formatting.format_date(moment) if no_time else formatting.format_datetime(moment))
        )

    def _fit_date_axis(self, axis: QDateTimeAxis, span_days: int) -> None:
        """Day, month or year labels as the span needs, in the language's order; as many ticks as fit unclipped,
        and never two ticks closer than the unit the labels show (evenly spaced ticks 13 days apart under month
        labels would print the same month twice)."""
        if span_days <= 62:
            pattern, unit_days = formatting.date_format(), 1
        elif span_days <= 3 * 366:
            pattern, unit_days = formatting.month_format(), 31
        else:
            pattern, unit_days = "yyyy", 366
        axis.setFormat(pattern)
        sample = formatting.locale().toString(QDateTime.currentDateTime(), pattern)
        room = max(1, self.chart_view.width() - 8 * self.fontMetrics().averageCharWidth())
        label_width = self.fontMetrics().horizontalAdvance(sample) * 1.6
        fits = int(room / max(1.0, label_width))
        distinct = (axis.min().daysTo(axis.max())) // unit_days + 1
        axis.setTickCount(max(2, min(8, fits, distinct)))

    def _component_label(self, component: str) -> str:
        labels = {
            "value": pick(MEASURES[self.measure_id].label_fr, MEASURES[self.measure_id].label_en),
            "systolic": self.tr("Systolique"),
            "diastolic": self.tr("Diastolique"),
        }
        return labels.get(component, component)

    def _name_tabs(self) -> None:
        if self.tabs.count() == 2:
            self.tabs.setTabText(0, self.tr("&Liste et saisie"))
            self.tabs.setTabText(1, self.tr("&Graphique"))

    def retranslate_ui(self) -> None:
        self._name_tabs()
        self.title.setText(self.tr("Mesures"))
        self.type_label.setText(self.tr("&Mesure :"))
        for i in range(self.type_combo.count()):
            m = MEASURES[str(self.type_combo.itemData(i))]
            self.type_combo.setItemText(i, pick(m.label_fr, m.label_en))
        name = self.type_combo.currentText()
        self.chart.setTitle(name)
        self.form_title.setText(self.tr("Ajouter une mesure : %1").replace("%1", name))
        self.empty_label.setText(self.tr("Aucune mesure « %1 » pour l'instant.").replace("%1", name))
        describe(self.type_combo, self.tr("Type de mesure"), self.tr("Choisissez la mesure à afficher."))
        describe(self.table, self.tr("Historique des mesures"), name)
        self.chart_view.setAccessibleName(self.tr("Graphique des mesures"))  # its description: what it shows
        describe(self.tabs, self.tr("Liste ou graphique des mesures"))
        self.delete_button.setText(self.tr("&Supprimer la mesure"))
        describe(
            self.delete_button,
            self.tr("Supprimer la mesure"),
            self.tr("Supprimer la mesure choisie ; demande confirmation."),
        )
        self.model.retranslate()
        self._relabel_series()

    def _relabel_series(self) -> None:
        components = MEASURES[self.measure_id].components
        for series, component in zip(self.lines, components, strict=False):
            series.setName(self._component_label(component))
