"""People by name: find an enrolled professional by name, profession and town (the RPPS is a detail of the result)
to authorise, block, or choose as médecin traitant or administrateur."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.i18n import current_language
from ui.i18n import translate as _t
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, fit_columns, label, row_table, show_error

if TYPE_CHECKING:
    from desktop_app.access import RegistryEntry, RegistryPage
    from desktop_app.profile import UnlockedProfile

PROFESSIONS = (
    "medecin_generaliste",
    "medecin_specialiste",
    "chirurgien_dentiste",
    "sage_femme",
    "pharmacien",
    "infirmier",
    "masseur_kinesitherapeute",
    "pedicure_podologue",
    "orthophoniste",
    "orthoptiste",
    "psychologue",
    "biologiste",
    "manipulateur_radio",
    "medecin_du_travail",
    "medecin_regulateur_samu",
)


def profession_name(code: str | None) -> str:
    """The profession as people say it (« médecin généraliste »); an unknown code is shown as it is."""
    names = {
        "medecin_generaliste": _t("Professions", "médecin généraliste"),
        "medecin_specialiste": _t("Professions", "médecin spécialiste"),
        "chirurgien_dentiste": _t("Professions", "chirurgien-dentiste"),
        "sage_femme": _t("Professions", "sage-femme"),
        "pharmacien": _t("Professions", "pharmacien"),
        "infirmier": _t("Professions", "infirmier"),
        "masseur_kinesitherapeute": _t("Professions", "masseur-kinésithérapeute"),
        "pedicure_podologue": _t("Professions", "pédicure-podologue"),
        "orthophoniste": _t("Professions", "orthophoniste"),
        "orthoptiste": _t("Professions", "orthoptiste"),
        "psychologue": _t("Professions", "psychologue"),
        "biologiste": _t("Professions", "biologiste"),
        "manipulateur_radio": _t("Professions", "manipulateur en radiologie"),
        "medecin_du_travail": _t("Professions", "médecin du travail"),
        "medecin_regulateur_samu": _t("Professions", "médecin régulateur du SAMU"),
    }
    return names.get(code or "", code or "")


class ProfessionalSearch(Retranslatable, QDialog):
    """Name, profession, town → enrolled professionals, page by page; « Choisir » emits the one chosen.

    Not modal: the window stays usable (and tests drive it without a nested event loop).
    """

    sig_chosen = Signal(object)
    """The person chose a professional; carries the RegistryEntry."""
    sig_loaded = Signal(object)
    """A page of results arrived; carries the RegistryPage."""

    def __init__(self, profile: UnlockedProfile, *, purpose: str, parent: QWidget | None = None) -> None:
        """``purpose``: what the choice is for, said above the fields: « doctor » (the médecin traitant) or « pros »
        (a professional to authorise, block or make administrateur)."""
        super().__init__(parent)
        self._profile = profile
        self._purpose = purpose
        self._rows: list[RegistryEntry] = []
        self._next_offset: int | None = None
        self._generation = 0
        self.intro = label("muted")
        self.name_label = label(wrap=False)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.profession_label = label(wrap=False)
        self.profession_combo = QComboBox()
        self.town_label = label(wrap=False)
        self.town_edit = QLineEdit()
        self.town_edit.setMaxLength(100)
        for caption, field in (
            (self.name_label, self.name_edit),
            (self.profession_label, self.profession_combo),
            (self.town_label, self.town_edit),
        ):
            caption.setBuddy(field)
        self.search_button = QPushButton()
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        for edit in (self.name_edit, self.town_edit):
            edit.returnPressed.connect(self.search)
        self.status = label("muted")
        self.error = error_label()
        self.model: PagedTableModel[RegistryEntry] = PagedTableModel(
            [
                Column(lambda: self.tr("Nom"), lambda p: p.name),
                Column(lambda: self.tr("Profession"), lambda p: profession_name(p.profession)),
                Column(lambda: self.tr("Ville"), lambda p: p.town or "—"),
                Column(lambda: self.tr("RPPS"), lambda p: p.rpps),
            ],
            parent=self,
        )
        self.table = row_table(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        fit_columns(self.table, stretch=0, page_loaded=self.model.sig_page_loaded)
        self.table.activated.connect(lambda _index: self.choose())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_enabled())
        self.more_button = QPushButton()
        self.more_button.clicked.connect(self.more)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.profession_label, self.profession_combo)
        form.addRow(self.town_label, self.town_edit)
        search_row = QHBoxLayout()
        search_row.addWidget(self.status, 1)
        search_row.addWidget(self.search_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(search_row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(760, 520)
        self._fill_professions()
        self._update_enabled()
        self.retranslate_ui()

    def _fill_professions(self) -> None:
        current = self.profession_combo.currentData()
        self.profession_combo.blockSignals(True)
        self.profession_combo.clear()
        self.profession_combo.addItem(self.tr("Toutes les professions"), None)
        for code in PROFESSIONS:
            name = profession_name(code)
            self.profession_combo.addItem(name[:1].upper() + name[1:], code)
        self.profession_combo.setCurrentIndex(max(0, self.profession_combo.findData(current)))
        self.profession_combo.blockSignals(False)

    @property
    def chosen(self) -> RegistryEntry | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    # -- searching ---------------------------------------------------------------------------------------------------
    def search(self) -> None:
        """A new search: the first page of what matches every field filled in."""
        self._generation += 1
        self._rows = []
        self._next_offset = None
        self.model.clear()
        self._ask(0)

    def more(self) -> None:
        if self._next_offset is not None:
            self._ask(self._next_offset)

    def _ask(self, offset: int) -> None:
        from desktop_app import access

        profile = self._profile
        name, town = self.name_edit.text(), self.town_edit.text()
        profession = self.profession_combo.currentData()
        generation = self._generation
        show_error(self.error, "")
        self.status.setText(self.tr("Recherche…"))
        self.search_button.setEnabled(False)
        self.more_button.setEnabled(False)
        Op(
            self,
            lambda: access.search_professionals(profile, name=name, profession=profession, town=town, offset=offset),
        ).success(lambda page: self._show(generation, page)).failure(lambda exc: self._failed(generation, exc)).run()

    def _show(self, generation: int, page: RegistryPage) -> None:
        if generation != self._generation:
            return
        self._rows += list(page.items)
        self._next_offset = page.next_offset
        rows = list(self._rows)
        self.model.set_source(lambda offset, limit: rows[offset : offset + limit])
        self._update_enabled()
        self.retranslate_ui()
        if rows and not self.table.currentIndex().isValid():
            self.table.setFocus()
        self.sig_loaded.emit(page)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from desktop_app.service_client import SyncOffline

        self._update_enabled()
        self.status.clear()
        if isinstance(exc, SyncOffline):
            message = self.tr("Le service n'a pas pu être joint : la recherche demande une connexion.")
        else:
            message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        show_error(self.error, message or self.tr("La recherche n'a pas abouti. Réessayez plus tard."))
        self.name_edit.setFocus()

    def choose(self) -> None:
        chosen = self.chosen
        if chosen is None:
            show_error(self.error, self.tr("Choisissez d'abord un professionnel dans la liste."))
            return
        self.sig_chosen.emit(chosen)
        self.accept()

    def _update_enabled(self) -> None:
        self.search_button.setEnabled(True)
        self.more_button.setEnabled(self._next_offset is not None)
        self.choose_button.setEnabled(self.chosen is not None)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Chercher un professionnel de santé"))
        self.intro.setText(
            self.tr(
                "%1 : cherchez-le par son nom, sa profession ou sa ville. Seuls les professionnels inscrits à "
                "Carnet apparaissent."
            ).replace(
                "%1",
                self.tr("Choisir le médecin traitant")
                if self._purpose == "doctor"
                else self.tr("Choisir un professionnel"),
            )
        )
        self.name_label.setText(self.tr("&Nom :"))
        describe(self.name_edit, self.tr("Nom"), self.tr("Nom ou prénom, au moins deux lettres."))
        self.profession_label.setText(self.tr("&Profession :"))
        describe(self.profession_combo, self.tr("Profession"))
        self.town_label.setText(self.tr("&Ville :"))
        describe(self.town_edit, self.tr("Ville"), self.tr("Ville d'exercice, au moins deux lettres."))
        self.search_button.setText(self.tr("&Rechercher"))
        describe(self.search_button, self.tr("Rechercher"), self.tr("Entrée dans un champ lance aussi la recherche."))
        if self.model.rowCount() or self._rows:
            self.status.setText(
                self.tr("%n professionnel(s) trouvé(s)", "", len(self._rows))
                + (self.tr(" — d'autres résultats suivent.") if self._next_offset is not None else ".")
            )
        elif self._generation and not self.error.text():
            self.status.setText(self.tr("Aucun professionnel inscrit ne correspond."))
        describe(self.table, self.tr("Résultats"), self.tr("Entrée ou double-clic : choisir ce professionnel."))
        self.more_button.setText(self.tr("Résultats &suivants"))
        describe(self.more_button, self.tr("Résultats suivants"))
        self.choose_button.setText(self.tr("&Choisir"))
        describe(self.choose_button, self.tr("Choisir"), self.tr("Une confirmation nommant la personne suivra."))
        self.cancel_button.setText(self.tr("Annuler"))
        self._fill_professions()
        self.model.retranslate()
