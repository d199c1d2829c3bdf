"""Tabs whose labels never get cut: when a QTabWidget's tab bar does not fit its width (200 % text, a narrow window),
it gives way to a row of toggle buttons that wraps onto a second line; back to the tab bar when there is room.

The row mirrors the tab bar (texts, visible tabs, the current tab) and sits where the tab bar was in the Tab chain.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QPushButton, QTabWidget, QWidget

from ui.widgets import FlowLayout, describe, set_role

_REFIT_ON = (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.LanguageChange, QEvent.Type.LayoutRequest)
"""Events of the tab widget or its bar after which the tabs may no longer fit (or fit again): sizes, texts, tabs."""


class TabSwitcher(QWidget):
    """The wrapping row of a QTabWidget (``tabs``); add it to the layout just above the tab widget."""

    def __init__(self, tabs: QTabWidget, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.buttons: list[QPushButton] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.tabs.setCurrentIndex)
        self._flow = FlowLayout(self, spacing=4)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        tabs.currentChanged.connect(self._check_current)
        tabs.installEventFilter(self)
        tabs.tabBar().installEventFilter(self)
        self.hide()

    @property
    def wrapping(self) -> bool:
        """True while the row stands in for the tab bar."""
        return not self.isHidden()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _REFIT_ON:
            self._refit.start()  # after Qt has laid the tabs out again with the new texts or size
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._refit.start()
        super().changeEvent(event)

    def fit(self) -> None:
        """Tab bar when all its tabs fit the widget's width, else the row; its buttons follow the tabs' texts."""
        bar = self.tabs.tabBar()
        self._mirror()
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()) if bar.isTabVisible(i))
        wrap = needed > self.tabs.width()
        if wrap != self.wrapping:
            self.setVisible(wrap)
            bar.setVisible(not wrap)
            if wrap and bar.hasFocus():
                self._current_button().setFocus()

    def _mirror(self) -> None:
        bar = self.tabs.tabBar()
        while len(self.buttons) < bar.count():
            button = QPushButton(self)
            button.setCheckable(True)
            set_role(button, "tab")
            self.group.addButton(button, len(self.buttons))
            self._flow.addWidget(button)
            self.buttons.append(button)
            self._chain()
        for index, button in enumerate(self.buttons):
            shown = index < bar.count() and bar.isTabVisible(index)
            button.setVisible(shown)
            if shown:
                button.setText(bar.tabText(index))
                text = bar.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")
                describe(button, text, bar.accessibleName() or self.tabs.accessibleName())
        self._check_current(self.tabs.currentIndex())

    def _chain(self) -> None:
        """The buttons take the tab bar's place in the Tab chain (the hidden tab bar is skipped)."""
        previous: QWidget = self.tabs.tabBar()
        for button in self.buttons:
            QWidget.setTabOrder(previous, button)
            previous = button

    def _check_current(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)

    def _current_button(self) -> QPushButton:
        return self.buttons[max(0, min(self.tabs.currentIndex(), len(self.buttons) - 1))]


def wrap_tabs_when_narrow(tabs: QTabWidget) -> TabSwitcher:
    """The row that stands in for ``tabs``' tab bar when its tabs do not fit, put just above ``tabs`` in its layout
    (call it once ``tabs`` is in a layout, after the Tab order is set)."""
    parent = tabs.parentWidget()
    layout = parent.layout() if parent is not None else None
    if not isinstance(layout, QBoxLayout) or layout.indexOf(tabs) < 0:
        raise ValueError("the tab widget must be in its parent's box layout first")
    switcher = TabSwitcher(tabs, parent=parent)
    layout.insertWidget(layout.indexOf(tabs), switcher)
    return switcher
