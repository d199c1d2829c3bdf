"""Clinic workstation forms: a vaccination built from the entry field specs, and the bris de glace dialog."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.clinic import MIN_REASON
from dossier.access import EmergencyReason
from dossier.documents import Confidentiality
from dossier.entries import ENTRY_KINDS, FieldType
from ui.i18n import pick
from ui.i18n import translate as _t
from ui.widgets import describe, error_label, label, show_error, with_messages

_FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def iso_of_french(text: str) -> str:
    """« 14/02/2024 » → « 2024-02-14 »; anything else unchanged."""
    found = _FR_DATE.fullmatch(text.strip())
    if not found:
        return text
    day, month, year = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def french_of_iso(text: str) -> str:
    """« 2024-02-14 » → « 14/02/2024 »; anything else unchanged."""
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    return f"{found.group(3)}/{found.group(2)}/{found.group(1)}" if found else text


class VaccinationForm(QWidget):
    """A small form with one editor per field of an entry kind ("vaccination", or "appointment" sent to the
    patient's agenda), `left_out` fields not offered; validation stays in the store."""

    sig_submitted = Signal(dict)
    """The values typed (empty fields left out), to be saved into the open dossier."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        kind: str = "vaccination",
        left_out: tuple[str, ...] = (),
        save_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.kind = ENTRY_KINDS[kind]
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.dates: set[str] = set()
        form = QFormLayout()
        for spec in (f for f in self.kind.fields if f.name not in left_out):
            caption = pick(spec.label_fr, spec.label_en) + (" *" if spec.required else "")
            editor: QLineEdit | QComboBox
            if spec.type == FieldType.CHOICE:
                editor = QComboBox()
                editor.addItem("", "")
                for choice in spec.choices:
                    editor.addItem(pick(choice.label_fr, choice.label_en), choice.id)
            else:
                editor = QLineEdit()
                if spec.type == FieldType.DATE:
                    editor.setPlaceholderText(self.tr("JJ/MM/AAAA"))
                    self.dates.add(spec.name)
                elif spec.type == FieldType.DATETIME:
                    editor.setPlaceholderText(self.tr("JJ/MM/AAAA HH:MM"))
            hint = self.tr("Obligatoire") if spec.required else self.tr("Facultatif")
            describe(editor, caption, f"{hint} ({spec.label_en})")
            error = error_label()
            buddy = label(buddy=editor)
            buddy.setText(caption)
            form.addRow(buddy, with_messages(editor, error))
            self.editors[spec.name] = editor
            self.errors[spec.name] = error
            # A field's error goes as soon as the field is changed (never left on a corrected field).
            if isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(lambda _i, e=error: show_error(e, ""))
            else:
                editor.textEdited.connect(lambda _t, e=error: show_error(e, ""))
        self.general_error = error_label()
        self.save = QPushButton(save_text or self.tr("Ajouter la vaccination"))
        describe(self.save, self.save.text(), self.tr("Enregistrer sur ce poste ; envoi dès que possible."))
        self.save.clicked.connect(self._submit)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addWidget(self.general_error)
        box.addWidget(self.save)

    def values(self) -> dict[str, Any]:
        """The typed values; dates typed JJ/MM/AAAA are sent as AAAA-MM-JJ (anything else goes as typed, for the
        store's validation to name the field)."""
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            value = editor.currentData() if isinstance(editor, QComboBox) else editor.text().strip()
            if value and name in self.dates:
                value = iso_of_french(value)
            if value:
                values[name] = value
        return values

    def fill(self, values: dict[str, Any]) -> None:
        """Put values back in the form (a refused vaccination to correct), dates shown JJ/MM/AAAA."""
        self.clear()
        for name, value in values.items():
            editor = self.editors.get(name)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif editor is not None and value is not None:
                editor.setText(french_of_iso(str(value)) if name in self.dates else str(value))
        self.focus_first()

    def focus_first(self) -> None:
        next(iter(self.editors.values())).setFocus()

    def _submit(self) -> None:
        self.show_errors({}, "")
        self.sig_submitted.emit(self.values())

    def show_errors(self, by_field: dict[str, str], general: str) -> None:
        for name, error in self.errors.items():
            show_error(error, by_field.get(name, ""))
        show_error(self.general_error, general)

    def clear(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(0)
            else:
                editor.clear()
        self.show_errors({}, "")


class EmergencyDialog(QDialog):
    """Bris de glace: the patient's INS, a reason from the list and details of at least MIN_REASON characters."""

    sig_requested = Signal(str, str, str)
    """(ins, reason code, details) once usable; the window sends them to the service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accès en urgence (bris de glace)"))
        describe(self, self.windowTitle(), self.tr("Accès en urgence : tracé, le patient en est informé."))
        intro = label()
        intro.setText(
            self.tr(
                "Cet accès est tracé et le patient en est informé. Indiquez son INS et le motif de l'urgence "
                "(au moins %1 caractères)."
            ).replace("%1", str(MIN_REASON))
        )
        self.ins = QLineEdit()
        describe(self.ins, self.tr("INS du patient"), self.tr("Identifiant national de santé du patient."))
        self.reason_code = QComboBox()
        for code, text in self._reason_labels().items():
            self.reason_code.addItem(text, code.value)
        describe(self.reason_code, self.tr("Motif de l'urgence"), self.tr("Choisissez le motif dans la liste."))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        describe(
            self.reason,
            self.tr("Précisions"),
            self.tr("Obligatoire, au moins %1 caractères.").replace("%1", str(MIN_REASON)),
        )
        self.error = error_label()
        self.confirm = QPushButton(self.tr("Ouvrir en urgence"))
        describe(self.confirm, self.confirm.text(), self.tr("Demander l'accès au service."))
        self.confirm.setEnabled(False)
        self.cancel = QPushButton(self.tr("Annuler"))
        describe(self.cancel, self.cancel.text(), self.tr("Fermer sans rien demander."))
        self.reason.textChanged.connect(self._update)
        self.ins.textChanged.connect(self._update)
        self.confirm.clicked.connect(
            lambda: self.sig_requested.emit(
                self.ins.text(), str(self.reason_code.currentData()), self.reason.toPlainText()
            )
        )
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        rows: tuple[tuple[str, QWidget], ...] = (
            (self.tr("INS du patient"), self.ins),
            (self.tr("Motif"), self.reason_code),
            (self.tr("Précisions"), self.reason),
        )
        for caption, editor in rows:
            buddy = label(buddy=editor)
            buddy.setText(caption)
            form.addRow(buddy, editor)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.confirm)
        box.addWidget(self.cancel)

    def _reason_labels(self) -> dict[EmergencyReason, str]:
        return {
            EmergencyReason.VITAL_EMERGENCY: self.tr("Urgence vitale"),
            EmergencyReason.UNCONSCIOUS: self.tr("Patient inconscient ou hors d'état d'exprimer sa volonté"),
            EmergencyReason.SAMU_REGULATION: self.tr("Régulation médicale (centre 15)"),
            EmergencyReason.NO_REACHABLE_CONSENT: self.tr("Soins urgents, patient et proches injoignables"),
            EmergencyReason.OTHER: self.tr("Autre (à préciser)"),
        }

    def usable(self) -> bool:
        return bool(self.ins.text().strip()) and len(" ".join(self.reason.toPlainText().split())) >= MIN_REASON

    def _update(self) -> None:
        self.confirm.setEnabled(self.usable())
        show_error(self.error, "")

    def refused(self, message: str) -> None:
        show_error(self.error, message)
        self.confirm.setEnabled(self.usable())


class DocumentDialog(QDialog):
    """A professional's document: the file, its category (only those the matrice lets this profession add), title,
    date, and two doors: « visible par le patient après la consultation d'annonce » (at most a month, the policy's
    rule) and « soins confidentiels du mineur » (kept from the legal representatives)."""

    sig_chosen = Signal(object)
    """A DocumentChoice once usable; the window saves it into the open dossier."""

    def __init__(self, categories: list[tuple[str, str]], path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ajouter un document"))
        describe(
            self, self.windowTitle(), self.tr("Le document est ajouté au dossier ouvert ; le patient est prévenu.")
        )
        self.path = path
        self.category = QComboBox()
        for category_id, text in categories:
            self.category.addItem(text, category_id)
        describe(self.category, self.tr("Catégorie"), self.tr("Les catégories que votre profession peut ajouter."))
        self.title = QLineEdit(path.stem)
        describe(self.title, self.tr("Titre"), self.tr("Obligatoire."))
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        describe(self.date, self.tr("Date du document"), self.tr("Facultative, JJ/MM/AAAA."))
        self.announce = QCheckBox(self.tr("Visible par le patient après la consultation d'annonce"))
        describe(
            self.announce,
            self.announce.text(),
            self.tr("Le patient le verra à la date choisie, au plus tard un mois après l'ajout."),
        )
        self.announce_date = QLineEdit()
        self.announce_date.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.announce_date.setEnabled(False)
        describe(self.announce_date, self.tr("Visible à partir du"), self.tr("JJ/MM/AAAA, dans le mois qui vient."))
        self.announce.toggled.connect(self.announce_date.setEnabled)
        self.minor_secret = QCheckBox(self.tr("Soins confidentiels du mineur"))
        describe(
            self.minor_secret,
            self.minor_secret.text(),
            self.tr("Un mineur qui garde ces soins secrets : ses représentants légaux ne le voient pas."),
        )
        self.error = error_label()
        self.confirm = QPushButton(self.tr("Ajouter le document"))
        describe(self.confirm, self.confirm.text(), self.tr("Enregistrer sur ce poste ; envoi dès que possible."))
        self.confirm.clicked.connect(self._submit)
        self.cancel = QPushButton(self.tr("Annuler"))
        describe(self.cancel, self.cancel.text(), self.tr("Fermer sans rien ajouter."))
        self.cancel.clicked.connect(self.reject)
        for edit in (self.title, self.date, self.announce_date):
            edit.textEdited.connect(lambda _t: show_error(self.error, ""))
        form = QFormLayout()
        file_label = label("muted")
        file_label.setText(path.name)
        form.addRow(file_label)
        for caption, editor in (
            (self.tr("Catégorie"), self.category),
            (self.tr("Titre"), self.title),
            (self.tr("Date du document"), self.date),
        ):
            buddy = label(buddy=editor)
            buddy.setText(caption)
            form.addRow(buddy, editor)
        form.addRow(self.announce)
        buddy = label(buddy=self.announce_date)
        buddy.setText(self.tr("Visible à partir du"))
        form.addRow(buddy, self.announce_date)
        form.addRow(self.minor_secret)
        _stack(self, form, self.error, self.confirm, self.cancel)

    def _submit(self) -> None:
        checked = _title_and_date(self.title, self.date, self.error)
        if checked is None:
            return
        try:
            visible_from = _date_of(self.announce_date.text()) if self.announce.isChecked() else None
        except ValueError:
            show_error(self.error, self.tr("Date invalide : JJ/MM/AAAA."))
            return
        _title, when = checked
        if self.announce.isChecked() and visible_from is None:
            show_error(self.error, self.tr("Indiquez à partir de quand le patient le verra."))
            self.announce_date.setFocus()
            return
        confidentiality = Confidentiality(
            hidden_from_legal_representatives=self.minor_secret.isChecked(), hidden_from_patient_until=visible_from
        )
        self.sig_chosen.emit(
            DocumentChoice(
                self.path, self.title.text().strip(), str(self.category.currentData()), when, confidentiality
            )
        )

    def refused(self, message: str) -> None:
        show_error(self.error, message)

    def fill(self, values: dict[str, Any]) -> None:
        """A refused document's values back in the dialog (to correct and send again): category — when this
        profession may still add it — title, date and both doors; the file is the one chosen again."""
        found = self.category.findData(values.get("category"))
        if found >= 0:
            self.category.setCurrentIndex(found)
        self.title.setText(str(values.get("title") or self.title.text()))
        when = values.get("document_date")
        self.date.setText(french_of_iso(str(when)) if when else "")
        found_conf = values.get("confidentiality")
        conf: dict[str, Any] = found_conf if isinstance(found_conf, dict) else {}
        until = conf.get("hidden_from_patient_until")
        self.announce.setChecked(bool(until))
        self.announce_date.setText(french_of_iso(str(until)) if until else "")
        self.minor_secret.setChecked(conf.get("hidden_from_legal_representatives") is True)


@dataclass(frozen=True, slots=True)
class DocumentChoice:
    path: Path
    title: str
    category: str
    document_date: date | None
    confidentiality: Confidentiality


def _stack(dialog: QDialog, form: QFormLayout, *below: QWidget) -> None:
    """A document dialog's column: the form, then its error line and buttons."""
    box = QVBoxLayout(dialog)
    box.addLayout(form)
    for widget in below:
        box.addWidget(widget)


def _title_and_date(title: QLineEdit, when: QLineEdit, error: QLabel) -> tuple[str, date | None] | None:
    """A document's title (required) and date (JJ/MM/AAAA, optional); None after saying what is wrong."""
    try:
        day = _date_of(when.text())
    except ValueError:
        show_error(error, _t("DocumentDialog", "Date invalide : JJ/MM/AAAA."))
        when.setFocus()
        return None
    if not title.text().strip():
        show_error(error, _t("DocumentDialog", "Le titre est obligatoire."))
        title.setFocus()
        return None
    return title.text().strip(), day


def _date_of(text: str) -> date | None:
    """JJ/MM/AAAA (or AAAA-MM-JJ) → a date; empty → None; anything else → ValueError."""
    value = text.strip()
    if not value:
        return None
    return date.fromisoformat(iso_of_french(value))


class RetitleDialog(QDialog):
    """One's own document: its title and date (JJ/MM/AAAA); the category names it on the service and stays."""

    sig_chosen = Signal(str, object)
    """(title, date or None) once usable."""

    def __init__(self, title: str, when: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Modifier mon document"))
        describe(self, self.windowTitle(), self.tr("Le titre et la date ; la modification est envoyée au patient."))
        self.title = QLineEdit(title)
        describe(self.title, self.tr("Titre"), self.tr("Obligatoire."))
        self.date = QLineEdit(when.strftime("%d/%m/%Y") if when else "")
        self.date.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        describe(self.date, self.tr("Date du document"), self.tr("Facultative, JJ/MM/AAAA."))
        self.error = error_label()
        self.confirm = QPushButton(self.tr("Enregistrer"))
        describe(self.confirm, self.confirm.text(), self.tr("Enregistrer sur ce poste ; envoi dès que possible."))
        self.confirm.clicked.connect(self._submit)
        self.cancel = QPushButton(self.tr("Annuler"))
        describe(self.cancel, self.cancel.text(), self.tr("Fermer sans rien changer."))
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        for caption, editor in ((self.tr("Titre"), self.title), (self.tr("Date du document"), self.date)):
            buddy = label(buddy=editor)
            buddy.setText(caption)
            form.addRow(buddy, editor)
            editor.textEdited.connect(lambda _t: show_error(self.error, ""))
        _stack(self, form, self.error, self.confirm, self.cancel)

    def _submit(self) -> None:
        checked = _title_and_date(self.title, self.date, self.error)
        if checked is not None:
            self.sig_chosen.emit(*checked)

    def refused(self, message: str) -> None:
        show_error(self.error, message)
