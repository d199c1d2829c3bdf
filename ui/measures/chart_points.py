"""The measures chart's points, for the mouse and the keyboard: a tool tip on each point (value, unit, date in the
language's format), and the arrow keys walking the points when the chart has the focus (each one said to screen
readers and shown in a tool tip beside it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QCursor, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ui.widgets import announce


@dataclass(frozen=True)
class ChartPoint:
    """One point of one line: where it is drawn and what it says (« Systolique : 13,5 cmHg le 06/12/2026 08:30 »)."""

    series: QLineSeries
    index: int
    """Its index in ``series``."""
    text: str


class PointsChartView(QChartView):
    """A chart view whose points say what they are, by mouse (tool tips) and by keyboard (← → Home End)."""

    def __init__(self, chart: QChart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.points: list[ChartPoint] = []
        """Every point, in time order (the lines of a blood pressure side by side at each moment)."""
        self.current = -1
        """The point the keyboard is on (-1: none yet)."""
        self._base_description = ""

    # -- what the page gives ----------------------------------------------------------------------------------------
    def set_points(self, points: list[tuple[float, ChartPoint]]) -> None:
        """The chart was redrawn: its points with their time (ms since the epoch); tool tips follow the mouse."""
        self.points = [p for _moment, p in sorted(points, key=lambda item: item[0])]
        self.current = -1
        for series in {id(p.series): p.series for p in self.points}.values():
            series.hovered.connect(lambda where, state, s=series: self._on_hovered(s, where, state))

    def set_base_description(self, text: str) -> None:
        """The chart in words (latest value and range); the point the keyboard is on is said before it."""
        self._base_description = text
        self._describe()

    # -- mouse ------------------------------------------------------------------------------------------------------
    def point_text(self, series: QLineSeries, where: QPointF) -> str:
        """What the point of ``series`` nearest to ``where`` says ("" when the series has none)."""
        mine = [p for p in self.points if p.series is series]
        if not mine:
            return ""
        nearest = min(mine, key=lambda p: abs(series.at(p.index).x() - where.x()))
        return nearest.text

    def _on_hovered(self, series: QLineSeries, where: QPointF, state: bool) -> None:
        if state:
            QToolTip.showText(QCursor.pos(), self.point_text(series, where), self)
        else:
            QToolTip.hideText()

    # -- keyboard ---------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
        }
        key = Qt.Key(event.key())
        if not self.points or (key not in steps and key not in (Qt.Key.Key_Home, Qt.Key.Key_End)):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End or self.current < 0:  # the first arrow starts from the latest point
            index = len(self.points) - 1
        else:
            index = max(0, min(len(self.points) - 1, self.current + steps[key]))
        self.go_to(index)
        event.accept()

    def go_to(self, index: int) -> None:
        """Put the keyboard on point ``index``: it is highlighted, shown in a tool tip and said to screen readers."""
        if not 0 <= index < len(self.points):
            return
        previous = self.points[self.current] if 0 <= self.current < len(self.points) else None
        if previous is not None:
            previous.series.deselectPoint(previous.index)
        self.current = index
        point = self.points[index]
        point.series.selectPoint(point.index)
        self._describe()
        if self.isVisible():
            QToolTip.showText(self._global_position(point), point.text, self)
        announce(self, point.text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        QToolTip.hideText()
        super().focusOutEvent(event)

    def _global_position(self, point: ChartPoint) -> QPoint:
        chart = self.chart()
        scene = chart.mapToScene(chart.mapToPosition(point.series.at(point.index), point.series))
        return self.viewport().mapToGlobal(self.mapFromScene(scene))

    def _describe(self) -> None:
        hint = QCoreApplication.translate("PointsChartView", "Flèches gauche et droite : parcourir les points.")
        parts = [self.points[self.current].text] if 0 <= self.current < len(self.points) else []
        parts += [t for t in (self._base_description, hint if self.points else "") if t]
        self.setAccessibleDescription(" ".join(p if p.endswith(".") else p + "." for p in parts))
