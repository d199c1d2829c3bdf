"""Small widgets and helpers shared by the screens: labels with a style role, accessibility, the strength meter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFocusEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QListView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier.passwords import PasswordAssessment, assess_password
from ui import a11y_roles, theme
from ui.i18n import pick


def set_role(widget: QWidget, role: str) -> QWidget:
    """Tag a widget for the style sheet (``QLabel[role="heading"]``…) and give it its size on the type scale."""
    if role in a11y_roles.HEADING_ROLES:
        a11y_roles.install()  # read as a heading on the accessibility bus
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    theme.apply_role_font(widget, role)
    return widget


def label(role: str = "", *, buddy: QWidget | None = None, wrap: bool = True) -> QLabel:
    lbl = QLabel()
    lbl.setWordWrap(wrap)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_role(lbl, role)
    if buddy is not None:
        lbl.setBuddy(buddy)
    return lbl


class ErrorLabel(QLabel):
    """An error message: hidden while empty; its accessible name says « Erreur » in the interface's language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(QCoreApplication.translate("Widgets", "Erreur"))
        super().changeEvent(event)


def error_label() -> QLabel:
    """A label for an error message: hidden while empty, announced to screen readers when it appears."""
    lbl = ErrorLabel()
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    set_role(lbl, "error")
    lbl.setVisible(False)
    lbl.setAccessibleName(QCoreApplication.translate("Widgets", "Erreur"))
    return lbl


def show_error(lbl: QLabel, message: str, *, field: QWidget | None = None) -> None:
    """Show (or clear, with "") an error; a new message is announced to screen readers.

    With ``field``, the error also becomes the field's accessible description and marks it invalid (red border), so
    a screen reader reads it on the field itself, not only as red text beside it."""
    was = "" if lbl.isHidden() else lbl.text()
    lbl.setText(message)
    lbl.setAccessibleDescription(message)
    lbl.setVisible(bool(message))
    if field is not None:
        mark_invalid(field, message)
    if message and message != was:
        announce(field or lbl, message, assertive=True)


def mark_invalid(field: QWidget, message: str) -> None:
    """The field's invalid state as screen readers and the style sheet see it: its description carries the error."""
    base = field.property("carnet_description")
    if base is None:
        base = field.accessibleDescription()
        field.setProperty("carnet_description", base)
    invalid = bool(message)
    if bool(field.property("invalid")) != invalid:
        field.setProperty("invalid", invalid)
        field.style().unpolish(field)
        field.style().polish(field)
    field.setAccessibleDescription(f"{message} — {base}" if invalid and base else (message or str(base)))


def announce(widget: QWidget, message: str, *, assertive: bool = False) -> None:
    """Have screen readers say ``message`` now (an AT-SPI announcement) without moving the focus."""
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if assertive else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def describe_tab_scrollers(tabs: QTabWidget) -> None:
    """Name the arrows a tab bar shows when its tabs do not fit (at 200 % text): screen readers read them too."""
    names = {
        "ScrollLeftButton": (
            QCoreApplication.translate("Widgets", "Onglets précédents"),
            QCoreApplication.translate("Widgets", "Faire défiler les onglets vers la gauche."),
        ),
        "ScrollRightButton": (
            QCoreApplication.translate("Widgets", "Onglets suivants"),
            QCoreApplication.translate("Widgets", "Faire défiler les onglets vers la droite."),
        ),
    }
    for button in tabs.tabBar().findChildren(QToolButton):
        if button.objectName() in names:
            describe(button, *names[button.objectName()])


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Accessible name and description (RGAA): screen readers read these, not the layout."""
    widget.setAccessibleName(name)
    if widget.property("carnet_description") is not None:  # an error is shown: keep it in front
        widget.setProperty("carnet_description", description or name)
        error = str(widget.accessibleDescription()).split(" — ")[0] if widget.property("invalid") else ""
        widget.setAccessibleDescription(f"{error} — {description or name}" if error else description or name)
        return
    widget.setAccessibleDescription(description or name)


class Retranslatable:
    """Mixin (list it before the Qt base): calls ``retranslate_ui()`` when the language changes at run time."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


class PasswordStrengthMeter(Retranslatable, QWidget):
    """Live strength of a new password (0–4) with plain-language advice, from dossier.passwords."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assessment: PasswordAssessment | None = None
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        # The verdict is a label beside the bar, not text drawn over it: over the filled part it was unreadable.
        self.bar.setTextVisible(False)
        self.verdict = label(wrap=False)
        self.advice = label("muted")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.advice)
        self.retranslate_ui()

    def rule_text(self) -> str:
        """The real rule, as the policy (dossier.passwords) applies it."""
        return self.tr(
            "Au moins 12 caractères, et difficile à deviner : ni mots courants enchaînés, ni vos nom, identifiant "
            "ou date de naissance. Le plus simple : une phrase de 7 mots sans lien entre eux. La jauge dit si le mot "
            "de passe est accepté et, sinon, pourquoi."
        )

    def example_phrase(self) -> str:
        """The example shown with the rule (refused by the policy itself: everyone can read it)."""
        from dossier.passwords import EXAMPLE_PASSPHRASE_EN, EXAMPLE_PASSPHRASE_FR

        return pick(EXAMPLE_PASSPHRASE_FR, EXAMPLE_PASSPHRASE_EN)

    @property
    def assessment(self) -> PasswordAssessment | None:
        return self._assessment

    @property
    def acceptable(self) -> bool:
        return self._assessment is not None and self._assessment.acceptable

    def update_for(self, password: str, *, user_inputs: Sequence[str] = ()) -> None:
        self._assessment = assess_password(password, user_inputs=tuple(user_inputs)) if password else None
        self.retranslate_ui()

    def _verdict(self) -> str:
        a = self._assessment
        if a is None:
            return self.tr("Saisissez un mot de passe")
        levels = [
            self.tr("Très faible"),
            self.tr("Faible"),
            self.tr("Moyen"),
            self.tr("Bon"),
            self.tr("Excellent"),
        ]
        verdict = levels[max(0, min(4, a.score))]
        if not a.acceptable:
            return self.tr("%1 — pas encore accepté").replace("%1", verdict)
        return self.tr("%1 — accepté").replace("%1", verdict)

    def retranslate_ui(self) -> None:
        a = self._assessment
        self.bar.setValue(0 if a is None else max(0, min(4, a.score)))
        verdict = self._verdict()
        self.bar.setFormat(verdict)
        self.verdict.setText(verdict)
        reasons = [] if a is None else [pick(p.message_fr, p.message_en) for p in a.problems]
        tips = [] if a is None else [pick(fr, en) for fr, en in zip(a.advice_fr, a.advice_en, strict=False)]
        advice = "\n".join([*reasons, *tips])
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
        self.setAccessibleName(self.tr("Solidité du mot de passe"))
        self.setAccessibleDescription(verdict if not advice else f"{verdict}. {advice}")
        self.bar.setAccessibleName(self.tr("Solidité du mot de passe"))
        self.bar.setAccessibleDescription(verdict)


def with_messages(editor: QWidget, *below: QWidget) -> QWidget:
    """An editor with what belongs under it (strength meter, error message), as one form field.

    Keeps each error right next to its field without empty form rows taking space while there is no error.
    """
    box = _FieldBox(editor)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    for widget in below:
        layout.addWidget(widget)
    return box


class _FieldBox(QWidget):
    """A field and its messages: focusing the box (a label's buddy, a mnemonic) focuses the field.

    Not a focus proxy: Qt treats a widget proxied to its own child as a compound widget, and setTabOrder() on such
    fields made forward Tab loop inside a page (« Vider le formulaire » → second field, the sidebar never reached)."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__()
        self._editor = editor

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._editor.setFocus(event.reason())


def size_to_current_page(stack: QStackedWidget) -> None:
    """Make a stack as small as its *current* page (by default it is as large as its largest page), so a big
    hidden page never forces scroll bars on the one shown."""

    def update(_: int = 0) -> None:
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is stack.currentWidget() else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(update)
    update()


class FlowLayout(QLayout):
    """A row of widgets that wraps onto further lines when the width runs out (toolbars, filters, actions at 200 %).

    Items keep their size hint, left-aligned; the layout's minimum width is that of its widest item."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = [i.sizeHint() for i in self._shown()]
        width = sum(s.width() for s in shown) + self._spacing * max(0, len(shown) - 1)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), max((s.height() for s in shown), default=0) + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items line by line (each centred vertically in its line); returns the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._shown():
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            height = max((hint.height() for _item, hint in line), default=0)
            x = area.x()
            for item, hint in line:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height + (self._spacing if line is not lines[-1] else 0)
        return y - rect.y() + m.bottom()


def flow_row(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """The widgets in a FlowLayout, as one widget (a row of buttons or filters that wraps at large text)."""
    box = QWidget()
    flow = FlowLayout(box, spacing=spacing)
    for widget in widgets:
        flow.addWidget(widget)
    return box


def labelled(caption: QLabel, field: QWidget) -> QWidget:
    """A caption and its field side by side, kept together as one item (of a FlowLayout row)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(caption)
    row.addWidget(field, 1)
    box.setFocusProxy(field)
    return box


# Widest a side list (dossier sections, profile rubrics) may be; past it, long names wrap onto a second line.
SIDE_LIST_MAX_PX = 300


class _WrappingDelegate(QStyledItemDelegate):
    """Items as tall as their text wrapped to the list's width (QListView alone never wraps in list mode)."""

    measuring = False
    """True while the natural (one-line) width is measured."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if self.measuring:
            return super().sizeHint(option, index)
        view = self.parent()
        assert isinstance(view, QListView)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        opt.rect = QRect(0, 0, max(1, view.viewport().width() or view.width()), 1 << 16)
        style = view.style()
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), view)
        return QSize(min(size.width(), opt.rect.width()), size.height())


def fit_side_list(view: QListView, *, padding: int = 8) -> None:
    """A side list exactly as wide as its longest name, up to SIDE_LIST_MAX_PX (then names wrap, never clip)."""
    if not isinstance(view.itemDelegate(), _WrappingDelegate):
        view.setItemDelegate(_WrappingDelegate(view))
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    model = view.model()
    metrics = view.fontMetrics()
    words = [w for row in range(model.rowCount()) for w in str(model.index(row, 0).data() or "").split()]
    icon = view.iconSize().width() + 12 if view.iconSize().isValid() else 0
    longest_word = max((metrics.horizontalAdvance(w) for w in words), default=0) + icon + 16
    natural = _natural_width(view)
    frame = 2 * view.frameWidth() + padding
    view.setFixedWidth(min(natural, max(SIDE_LIST_MAX_PX, longest_word)) + frame)
    view.doItemsLayout()


def _natural_width(view: QListView) -> int:
    """The widest item on one line (what the list needs without wrapping)."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, _WrappingDelegate)
    delegate.measuring = True
    try:
        return view.sizeHintForColumn(0)
    finally:
        delegate.measuring = False


class _ColumnFitter(QObject):
    """Keeps one column stretching while every column fits; when they do not (200 % text), all take their content
    width and the table scrolls sideways: nothing elided."""

    def __init__(self, table: QTableView, stretch: int) -> None:
        super().__init__(table)
        self._table = table
        self._stretch = stretch
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return False

    def refit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        count = table.model().columnCount()
        needed = sum(
            max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(count)
            if not header.isSectionHidden(c)
        )
        column = self._stretch % count
        fits = needed <= table.viewport().width()
        mode = QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.ResizeToContents
        if header.sectionResizeMode(column) != mode:
            header.setSectionResizeMode(column, mode)
        header.resizeSections()


def fit_columns(table: QTableView, *, stretch: int = -1, page_loaded: SignalInstance | None = None) -> None:
    """Every column as wide as its content (dates never elided); column ``stretch`` (default: the last) takes the
    rest while everything fits, else the table scrolls sideways. Rows arriving page by page do not resize the
    columns by themselves: ``page_loaded`` (the model's signal) measures them again."""
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    fitter = _ColumnFitter(table, stretch)
    fitter.refit()
    if page_loaded is not None:
        page_loaded.connect(lambda *_: fitter.refit())


def row_table(model: QAbstractItemModel) -> QTableView:
    """A read-only table of `model` where one whole row is chosen at a time (lists of people, vaccinations …)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


# ---- Components of the design system (resources/styles/tokens.json, resources/styles/carnet.qss) ----------------


def primary_button(text: str = "", *, parent: QWidget | None = None) -> QPushButton:
    """The one main action of a screen or card (filled with the accent colour)."""
    button = QPushButton(text, parent)
    set_role(button, "primary")
    button.setAutoDefault(True)
    return button


def secondary_button(text: str = "", *, parent: QWidget | None = None) -> QPushButton:
    """Any other action (outlined, neutral)."""
    button = QPushButton(text, parent)
    button.setAutoDefault(True)
    return button


def section_header(role: str = "heading") -> QLabel:
    """A section's heading, sized from the type scale (not selectable: no stray Tab stop or caret)."""
    lbl = label(role)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lbl


class Card(QFrame):
    """A rounded panel with a title, its content and optional actions under it (a dashboard tile)."""

    def __init__(self, parent: QWidget | None = None, *, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = section_header("card_title")
        self.icon = QLabel(self)  # a parent first: a parentless widget shown would open as a window of its own
        self.icon.setVisible(icon is not None)
        self._icon = icon
        self.body = QVBoxLayout()
        self.body.setSpacing(theme.SPACING["xs"])
        self.action_row = FlowLayout(spacing=theme.SPACING["s"])
        head = QHBoxLayout()
        head.setSpacing(theme.SPACING["s"])
        head.addWidget(self.icon)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        m = theme.SPACING["l"]
        layout.setContentsMargins(m, theme.SPACING["m"], m, m)
        layout.setSpacing(theme.SPACING["s"])
        layout.addLayout(head)
        layout.addLayout(self.body)
        layout.addStretch(1)
        layout.addLayout(self.action_row)
        self._size_icon()

    def _size_icon(self) -> None:
        if self._icon is not None:
            side = self.title.fontMetrics().height()
            self.icon.setPixmap(self._icon.pixmap(side, side))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_icon()
        super().changeEvent(event)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.setAccessibleName(text.replace("&", ""))

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        """Add content; one with ``stretch`` takes the card's spare height (else the actions sit at the bottom)."""
        self.body.addWidget(widget, stretch)
        if stretch:
            outer = self.layout()
            assert isinstance(outer, QVBoxLayout)
            outer.setStretch(outer.indexOf(self.body), 1)
            outer.setStretch(outer.count() - 2, 0)  # the spacer before the actions
        return widget

    def add_action(self, button: QPushButton) -> QPushButton:
        self.action_row.addWidget(button)
        return button


class EmptyState(QFrame):
    """What an empty list says instead of an empty table: why it is empty and the action that fills it."""

    def __init__(self, parent: QWidget | None = None, *, action: QPushButton | None = None) -> None:
        super().__init__(parent)
        set_role(self, "empty")
        self.title = section_header("subheading")
        self.text = label("muted")
        self.action = action
        layout = QVBoxLayout(self)
        m = theme.SPACING["l"]
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(theme.SPACING["s"])
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        if action is not None:
            row = QHBoxLayout()
            row.addWidget(action)
            row.addStretch(1)
            layout.addLayout(row)

    def set_texts(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.title.setVisible(bool(title))
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)


class InlineMessage(QFrame):
    """A message inside the page (information, success, warning, error); hidden while empty, announced when shown."""

    KINDS = ("info", "success", "warning", "error")

    def __init__(self, parent: QWidget | None = None, *, kind: str = "info") -> None:
        super().__init__(parent)
        self.text = label()
        layout = QHBoxLayout(self)
        m = theme.SPACING["s"]
        layout.setContentsMargins(theme.SPACING["m"], m, theme.SPACING["m"], m)
        layout.addWidget(self.text, 1)
        self.kind = kind
        set_role(self, f"message_{kind}")
        self.setVisible(False)

    def show_message(self, message: str, *, kind: str | None = None) -> None:
        if kind is not None and kind != self.kind:
            if kind not in self.KINDS:
                raise ValueError(f"unknown message kind {kind!r}")
            self.kind = kind
            set_role(self, f"message_{kind}")
        changed = message != self.text.text() or not self.isVisibleTo(self.parentWidget() or self)
        self.text.setText(message)
        self.setAccessibleName(message)
        self.setVisible(bool(message))
        if message and changed:
            announce(self, message, assertive=self.kind == "error")


def tame_scroll_areas(root: QWidget) -> None:
    """No unnamed Tab stops: a scroll area whose content has fields or buttons leaves the focus to them (Qt scrolls
    to the focused one); one with only text keeps its Tab stop, so the keyboard can scroll it, and gets a name."""
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        focusable = content is not None and any(
            w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in content.findChildren(QWidget)
        )
        if focusable:
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        elif not area.accessibleName():
            area.setAccessibleName(QCoreApplication.translate("Widgets", "Contenu à faire défiler"))
