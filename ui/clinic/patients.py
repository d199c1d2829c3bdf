"""Clinic workstation models: the patients a professional may open, and how the search box is read."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.clinic import PatientSummary
from ui.i18n import translate as _t

_INS = re.compile(r"\d{13}(\d{2})?")
_FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def search_terms(text: str) -> dict[str, Any]:
    """What the search box means: an INS (13 or 15 digits), a birth date (JJ/MM/AAAA or AAAA-MM-JJ) or a name."""
    value = text.strip()
    compact = value.replace(" ", "")
    if _INS.fullmatch(compact):
        return {"ins": compact}
    french = _FR_DATE.fullmatch(value)
    try:
        if french:
            day, month, year = (int(part) for part in french.groups())
            return {"birth_date": date(year, month, day)}
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return {"birth_date": date.fromisoformat(value)}
    except ValueError:
        return {"name": value}
    return {"name": value} if value else {}


def french_date(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


class PatientTableModel(QAbstractTableModel):
    """The search results: one row per dossier this professional may open now."""

    HEADERS = ("Nom", "Prénoms", "Date de naissance", "INS")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PatientSummary] = []

    @staticmethod
    def headers() -> tuple[str, ...]:
        """Column titles in the interface language (read at each paint: a language switch follows)."""
        return (
            _t("PatientTableModel", "Nom"),
            _t("PatientTableModel", "Prénoms"),
            _t("PatientTableModel", "Date de naissance"),
            _t("PatientTableModel", "INS"),
        )

    def set_patients(self, patients: list[PatientSummary]) -> None:
        self.beginResetModel()
        self._rows = list(patients)
        self.endResetModel()

    def clear(self) -> None:
        self.set_patients([])

    def remove(self, dossier_id: str) -> None:
        self.set_patients([p for p in self._rows if p.dossier_id != dossier_id])

    def patient(self, row: int) -> PatientSummary:
        return self._rows[row]

    def patients(self) -> list[PatientSummary]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        p = self._rows[index.row()]
        return (p.last_name.upper(), p.first_names, french_date(p.birth_date), p.ins or "")[index.column()]
