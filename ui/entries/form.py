"""A form generated from an entry kind's field specs (dossier.entries), with each error shown next to its field."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dossier_store import DossierStore, Entry
from desktop_app.errors import CarnetError
from dossier import entries as entry_rules
from dossier.errors import DossierValidationError
from ui.i18n import current_language, pick
from ui.ops import Op
from ui.widgets import Retranslatable, describe, error_label, flow_row, set_role, show_error, with_messages

_BOOL_TYPES = {"bool", "boolean"}
_NUMBER_TYPES = {"int", "integer", "float", "number", "decimal"}


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label_fr: str
    label_en: str


def field_choices(spec: Any) -> list[Choice]:
    """Normalise a field spec's choices: plain strings, (value, fr, en) tuples or objects with labels."""
    out: list[Choice] = []
    raw = getattr(spec, "choices", None) or ()
    if isinstance(raw, Mapping):
        raw = [(k, *(v if isinstance(v, tuple | list) else (v, v))) for k, v in raw.items()]
    for c in raw:
        if isinstance(c, str):
            out.append(Choice(c, c, c))
        elif isinstance(c, tuple | list):
            value = str(c[0])
            fr = str(c[1]) if len(c) > 1 else value
            en = str(c[2]) if len(c) > 2 else fr
            out.append(Choice(value, fr, en))
        else:
            value = str(getattr(c, "value", getattr(c, "id", c)))
            out.append(Choice(value, getattr(c, "label_fr", value), getattr(c, "label_en", value)))
    return out


def field_spec(kind: str, name: str) -> Any | None:
    """The spec of one field of an entry kind, or None."""
    return next((f for f in entry_rules.ENTRY_KINDS[kind].fields if f.name == name), None)


def field_type(spec: Any) -> str:
    for attr in ("type", "kind", "value_type"):
        value = getattr(spec, attr, None)
        if isinstance(value, str):
            return value.lower()
        if isinstance(value, type):
            return value.__name__.lower()
    return "text"


class _WheelGuard(QObject):
    """Lets the wheel scroll the form over an unfocused combo box instead of changing its value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # goes on to the scroll area
            return True
        return False


_WHEEL_GUARD = _WheelGuard()


class _FieldRow:
    """The editor, label and error label of one field."""

    def __init__(self, spec: Any) -> None:
        self.spec = spec
        self.name: str = spec.name
        self.type = field_type(spec)
        self.choices = field_choices(spec)
        self.editor: QWidget
        if self.type in _BOOL_TYPES:
            self.editor = QCheckBox()
        elif self.choices:
            combo = QComboBox()
            # The wheel scrolls the form; it changes the choice only once the combo has the focus.
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.installEventFilter(_WHEEL_GUARD)
            # As wide as a short choice (the list opens wider): a long choice never widens the form at 200 %.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            self.editor = combo
        else:
            self.editor = QLineEdit()
        # Above its field, as wide as the form: wraps rather than widen it at 200 % text.
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setBuddy(self.editor)
        self.error = error_label()
        self.container = with_messages(self.editor, self.error)
        self.hidden = False

    def retranslate(self) -> None:
        text = pick(self.spec.label_fr, self.spec.label_en)
        required = bool(getattr(self.spec, "required", False))
        shown = text + (" *" if required else "")
        self.label.setText(f"{shown} :" if current_language() == "fr" else f"{shown}:")
        hint = pick(getattr(self.spec, "help_fr", "") or "", getattr(self.spec, "help_en", "") or "")
        # Required is said, not only drawn as « * »; the expected format is read too, not only a placeholder.
        name = text + (QCoreApplication.translate("EntryForm", " (obligatoire)") if required else "")
        placeholder = self._placeholder()
        description = " ".join(p for p in (hint, placeholder and f"({placeholder})") if p)
        describe(self.editor, name, description or text)
        if isinstance(self.editor, QCheckBox):
            # The question is the label above; the box says « Oui » (a long box text would not wrap at 200 %).
            self.editor.setText(QCoreApplication.translate("EntryForm", "Oui"))
        if isinstance(self.editor, QLineEdit):
            self.editor.setPlaceholderText(self._placeholder())
        if isinstance(self.editor, QComboBox):
            current = self.editor.currentData() or ""
            self.editor.blockSignals(True)
            self.editor.clear()
            self.editor.addItem("—", "")  # "" not None: None in a QVariant breaks refcounts
            for c in self.choices:
                self.editor.addItem(pick(c.label_fr, c.label_en), c.value)
            index = self.editor.findData(current)
            self.editor.setCurrentIndex(max(0, index))
            self.editor.blockSignals(False)

    def _placeholder(self) -> str:
        if not isinstance(self.editor, QLineEdit):
            return ""
        placeholders = {
            "date": QCoreApplication.translate("EntryForm", "JJ/MM/AAAA, MM/AAAA ou AAAA"),
            "datetime": QCoreApplication.translate("EntryForm", "JJ/MM/AAAA HH:MM"),
            "phone": QCoreApplication.translate("EntryForm", "06 12 34 56 78"),
        }
        return placeholders.get(self.type, "")

    def show_error(self, message: str) -> None:
        """The error under the field, in the field's accessible description and announced (see ui.widgets)."""
        show_error(self.error, message, field=self.editor)

    def value(self) -> object | None:
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked()
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData() or None
        assert isinstance(self.editor, QLineEdit)
        text = self.editor.text().strip()
        if not text:
            return None
        if self.type in _NUMBER_TYPES:
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                return text  # the domain explains what is wrong, next to the field
            return int(number) if self.type in {"int", "integer"} and number.is_integer() else number
        return text

    def set_value(self, value: object | None) -> None:
        if isinstance(self.editor, QCheckBox):
            self.editor.setChecked(bool(value))
        elif isinstance(self.editor, QComboBox):
            self.editor.setCurrentIndex(max(0, self.editor.findData("" if value is None else value)))
        else:
            assert isinstance(self.editor, QLineEdit)
            self.editor.setText("" if value is None else str(value))


class EntryForm(Retranslatable, QWidget):
    """Add (or edit) one entry of ``kind``; refused values keep what was typed and show why beside the field."""

    sig_saved = Signal(object)
    """The entry was saved; carries the Entry."""
    sig_rejected = Signal(object)
    """The store refused the values; carries the DossierValidationError or CarnetError."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._store: DossierStore | None = None
        self._editing: str | None = None
        self._preset: dict[str, object | Callable[[], object]] = {}
        spec = entry_rules.ENTRY_KINDS[kind]
        self._spec = spec
        self.rows = [_FieldRow(f) for f in spec.fields]
        self.form_error = error_label()
        self.save_button = QPushButton()
        set_role(self.save_button, "primary")
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        # Each label above its field, as wide as the form and wrapping there: long French labels and 200 % text
        # never squeeze the fields nor widen the form (a QFormLayout keeps a wrapped label at its size hint).
        form = QVBoxLayout()
        for row in self.rows:
            form.addWidget(row.label)
            form.addWidget(row.container)
            form.addSpacing(4)
            if isinstance(row.editor, QLineEdit):
                row.editor.returnPressed.connect(self.on_save_button_clicked)
        buttons = flow_row(self.save_button, self.reset_button)  # wraps at 200 %
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)
        layout.addStretch(1)  # forms of every kind share one stack: keep this one's fields and buttons together
        # No setTabOrder here: the widgets join the focus chain in reading order as the layout adopts them (fields,
        # then the buttons), and that chain goes on to what follows the form. Re-ordering inside a focus proxy's
        # container (with_messages) made forward Tab loop back to the second field after « Vider le formulaire ».
        self.retranslate_ui()

    def set_store(self, store: DossierStore | None) -> None:
        self._store = store
        self.reset()
        self.setEnabled(store is not None)

    def row(self, name: str) -> _FieldRow:
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)

    def set_preset(self, values: Mapping[str, object | Callable[[], object]]) -> None:
        """Values filled in on every reset (e.g. the measure type of the quick add); a callable is called then."""
        self._preset = dict(values)
        for name in self._preset:
            self.row(name).set_value(self._preset_value(name))

    def _preset_value(self, name: str) -> object | None:
        value = self._preset.get(name)
        return value() if callable(value) else value

    def set_hidden(self, names: Iterable[str]) -> None:
        """Fields the person does not fill in here (computed, or preset by the page)."""
        hidden = set(names)
        for row in self.rows:
            row.hidden = row.name in hidden
            row.container.setVisible(not row.hidden)
            row.label.setVisible(not row.hidden)
            if row.hidden:
                row.show_error("")

    def values(self) -> dict[str, object]:
        """What the person typed, empty fields left out (the domain decides what is required)."""
        return {
            row.name: v
            for row in self.rows
            if (not row.hidden or row.name in self._preset) and (v := row.value()) is not None and v != ""
        }

    def edit(self, entry: Entry) -> None:
        self.reset()
        self._editing = entry.id
        for row in self.rows:
            row.set_value(entry.data.get(row.name))
        self.retranslate_ui()

    def reset(self) -> None:
        self._editing = None
        for row in self.rows:
            row.set_value(self._preset_value(row.name))
            row.show_error("")
        show_error(self.form_error, "")
        self.retranslate_ui()

    def errors(self) -> dict[str, str]:
        """Messages currently shown, by field name ("" for the whole form)."""
        shown = {row.name: row.error.text() for row in self.rows if row.error.isVisible() or row.error.text()}
        if self.form_error.text():
            shown[""] = self.form_error.text()
        return {k: v for k, v in shown.items() if v}

    def on_save_button_clicked(self) -> None:
        store = self._store
        if store is None:
            return
        values, kind, editing = self.values(), self.kind, self._editing
        for row in self.rows:
            row.show_error("")
        show_error(self.form_error, "")
        self.save_button.setEnabled(False)
        if editing is None:
            op = Op(self, lambda: store.entries.create(kind, values))
        else:
            op = Op(self, lambda: store.entries.edit(editing, values))
        op.success(self._on_saved).failure(self._on_save_failed).run()

    def _on_saved(self, entry: Entry) -> None:
        self.save_button.setEnabled(True)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        self.reset()
        self.sig_saved.emit(entry)
        if had_focus:  # ready for the next one
            self.focus_first_field()

    def first_field(self) -> QWidget | None:
        return next((row.editor for row in self.rows if not row.hidden and row.editor.isEnabled()), None)

    def focus_first_field(self) -> None:
        """The focus on the first field shown, the form scrolled to its top (forms open at their first field)."""
        field = self.first_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

            def settle() -> None:  # once the page is laid out (a page may re-arrange itself when first shown)
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                self._bring_into_view(field, top=True)

            QTimer.singleShot(0, settle)

    def scroll_to_top(self) -> None:
        """Show the form from its first field (when it sits in a scroll area), without moving the focus."""
        field = self.first_field()
        if field is not None:
            QTimer.singleShot(0, lambda: self._bring_into_view(field, top=True))

    def _bring_into_view(self, widget: QWidget, *, top: bool = False) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            if top:
                parent.verticalScrollBar().setValue(0)
            parent.ensureWidgetVisible(widget, 8, 24)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        lang = current_language()
        if isinstance(exc, DossierValidationError):
            names = {row.name: row for row in self.rows}
            unplaced: list[str] = []
            first_bad: _FieldRow | None = None
            for issue in exc.issues:
                row = names.get(issue.field.split(".")[0])
                if row is None or row.hidden:
                    unplaced.append(issue.message(lang))
                    continue
                previous = row.error.text()
                row.show_error(f"{previous}\n{issue.message(lang)}" if previous else issue.message(lang))
                first_bad = first_bad or row
            show_error(self.form_error, "\n".join(unplaced))
            if first_bad is not None:
                first_bad.editor.setFocus()
                self._bring_into_view(first_bad.container)
        elif isinstance(exc, CarnetError):
            show_error(self.form_error, exc.message(lang))
        else:
            show_error(self.form_error, self.tr("L'enregistrement a échoué ; vos saisies sont conservées."))
        self.sig_rejected.emit(exc)

    def retranslate_ui(self) -> None:
        for row in self.rows:
            row.retranslate()
        if self._editing is None:
            self.save_button.setText(self.tr("&Ajouter"))
        else:
            self.save_button.setText(self.tr("&Enregistrer"))
        self.reset_button.setText(self.tr("&Vider le formulaire"))
        kind_label = pick(self._spec.label_fr, self._spec.label_en)
        describe(
            self.save_button,
            self.save_button.text().replace("&", ""),
            self.tr("Enregistrer cet élément dans « %1 ».").replace("%1", kind_label),
        )
        describe(self.reset_button, self.tr("Vider le formulaire"), self.tr("Effacer les champs saisis."))
