"""The other side of a grant: whom the person helps as proche aidant (until when; « Ouvrir son dossier », « Ne plus
aider »), « Un proche est décédé »: the request of an heir, PACS partner or cohabitant and the service's answer, and
the deceased relatives' dossiers so opened. Both open in the shared read-only view (ui.shared_dossier)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.access.empty import TableOrEmpty
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.shared_dossier import SharedDossierDialog
from ui.widgets import Retranslatable, describe, error_label, fit_columns, label, row_table, show_error

if TYPE_CHECKING:
    from desktop_app.access import DeceasedRelative, HeirAccess, Helped, HelpedPerson
    from desktop_app.profile import UnlockedProfile


def _person(p: HelpedPerson | HeirAccess | DeceasedRelative) -> str:
    return f"{p.first_names} {p.last_name}".strip() or "—"


def _offline_or(exc: BaseException, fallback: str, offline: str) -> str:
    from desktop_app.service_client import SyncOffline

    if isinstance(exc, SyncOffline):
        return offline
    message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
    return message or fallback


class HelpingBox(Retranslatable, QGroupBox):
    """« Les personnes que j'aide »: whom, born when, until when; open one's dossier (read-only), stop helping one
    (asks first). Below, when there are some, the deceased relatives' dossiers opened to the person as heir."""

    sig_loaded = Signal(object)
    """The list arrived (from the service or its offline copy); carries the Helped."""

    def __init__(self, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self._profile: UnlockedProfile | None = None
        self._generation = 0
        self.people: list[HelpedPerson] = []
        self.copy: Helped | None = None
        self.state = "unknown"  # "loaded" (from the service or its copy), "offline" (and no copy) or "unknown"
        self.heir_dialog: HeirRequestDialog | None = None
        self.shared_dialog: SharedDossierDialog | None = None
        self.relatives: list[DeceasedRelative] = []
        self.intro = label("muted")
        self.error = error_label()
        self.model: PagedTableModel[HelpedPerson] = PagedTableModel(
            [
                Column(lambda: self.tr("Personne"), _person),
                Column(lambda: self.tr("Née le"), lambda p: p.birth_date.strftime("%d/%m/%Y")),
                Column(lambda: self.tr("Jusqu'au"), self._until),
                Column(lambda: self.tr("État"), self._state),
            ],
            parent=self,
        )
        self.table = self._people_table(self.model, lines=5, on_activated=self.open_helped)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_helped)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.on_stop_clicked)
        self.heir_button = QPushButton()
        self.heir_button.clicked.connect(self.open_heir_request)
        # The deceased relatives' dossiers opened as heir: shown only when there is one.
        self.relatives_label = label()
        self.relatives_model: PagedTableModel[DeceasedRelative] = PagedTableModel(
            [
                Column(lambda: self.tr("Personne"), _person),
                Column(lambda: self.tr("Née le"), lambda p: p.birth_date.strftime("%d/%m/%Y")),
            ],
            parent=self,
        )
        self.relatives_table = self._people_table(self.relatives_model, lines=4, on_activated=self.open_relative)
        self.open_relative_button = QPushButton()
        self.open_relative_button.clicked.connect(self.open_relative)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.heir_button)
        relative_buttons = QHBoxLayout()
        relative_buttons.addWidget(self.open_relative_button)
        relative_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.error)
        self.stack = TableOrEmpty(self.table, self.model)
        self.stack.empty.setObjectName("helping_empty")
        layout.addWidget(self.stack)
        layout.addLayout(buttons)
        self.relatives_part = QWidget()
        relatives = QVBoxLayout(self.relatives_part)
        relatives.setContentsMargins(0, 0, 0, 0)
        relatives.addWidget(self.relatives_label)
        relatives.addWidget(self.relatives_table)
        relatives.addLayout(relative_buttons)
        self.relatives_part.setVisible(False)
        layout.addWidget(self.relatives_part)
        self._update_enabled()
        self.retranslate_ui()

    def _people_table(
        self, model: PagedTableModel[Any], *, lines: int, on_activated: Callable[[], object]
    ) -> QTableView:
        """A list of persons of the box: one row chosen at a time, Enter or a double-click opens its dossier."""
        table = row_table(model)
        table.verticalHeader().setVisible(False)
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(table.fontMetrics().height() * lines)
        fit_columns(table, stretch=0, page_loaded=model.sig_page_loaded)
        table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_enabled())
        table.activated.connect(lambda _i: on_activated())
        return table

    def _until(self, p: HelpedPerson) -> str:
        return p.until.astimezone().strftime("%d/%m/%Y") if p.until is not None else self.tr("sans fin")

    def _state(self, p: HelpedPerson) -> str:
        return self.tr("En cours") if p.active_at(datetime.now(UTC)) else self.tr("Terminée")

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        self._profile = profile
        self._generation += 1
        self.people = []
        self.relatives = []
        self.copy = None
        self.state = "unknown"
        self.model.clear()
        self.relatives_model.clear()
        self.relatives_part.setVisible(False)
        show_error(self.error, "")
        self.retranslate_ui()
        if self.heir_dialog is not None:
            self.heir_dialog.close()
            self.heir_dialog = None
        if self.shared_dialog is not None:  # another person's dossier never stays on screen past a lock
            self.shared_dialog.close()
            self.shared_dialog = None
        self._update_enabled()
        if profile is not None:
            from desktop_app import account

            if account.is_signed_in(profile):
                self.reload()

    def reload(self) -> None:
        from desktop_app import access

        profile = self._profile
        if profile is None:
            return
        generation = self._generation
        Op(self, lambda: access.helping(profile)).success(lambda found: self._show(generation, found)).failure(
            lambda exc: self._failed(generation, exc)
        ).run()

    def _show(self, generation: int, found: Helped) -> None:
        if generation != self._generation:
            return
        self.copy = found
        self.people = list(found.people)
        self.state = "loaded"
        rows = list(found.people)
        self.model.set_source(lambda offset, limit: rows[offset : offset + limit])
        self.relatives = relatives = list(found.relatives)
        self.relatives_model.set_source(lambda offset, limit: relatives[offset : offset + limit])
        self.relatives_part.setVisible(bool(relatives))
        show_error(self.error, "")
        self._update_enabled()
        self.retranslate_ui()
        self.sig_loaded.emit(rows)

    def _failed(self, generation: int, exc: BaseException) -> None:
        from desktop_app.service_client import NotSignedIn, SyncOffline

        if generation != self._generation:
            return
        if isinstance(exc, SyncOffline | NotSignedIn) and self.state != "loaded":
            self.state = "offline"  # said in the box's own words, not as an error
            self.retranslate_ui()
            return
        show_error(
            self.error,
            _offline_or(
                exc,
                self.tr("La liste n'a pas pu être chargée."),
                self.tr("Le service n'a pas pu être joint. Réessayez plus tard."),
            ),
        )

    def _update_enabled(self) -> None:
        index = self.table.currentIndex()
        self.stop_button.setEnabled(self._profile is not None and index.isValid())
        self.open_button.setEnabled(
            self._profile is not None
            and index.isValid()
            and self.model.row_object(index.row()).active_at(datetime.now(UTC))
        )
        self.heir_button.setEnabled(self._profile is not None)
        self.open_relative_button.setEnabled(
            self._profile is not None and self.relatives_table.currentIndex().isValid()
        )

    def tab_chain(self) -> list[QWidget]:
        """The box's widgets in reading order, for the page's Tab chain."""
        return [
            self.table,
            self.open_button,
            self.stop_button,
            self.heir_button,
            self.relatives_table,
            self.open_relative_button,
        ]

    def _chosen(self, table: QTableView, model: PagedTableModel[Any]) -> Any:
        """The row chosen in ``table``, or None (and the box says to choose one first)."""
        index = table.currentIndex()
        if self._profile is None or not index.isValid():
            show_error(self.error, self.tr("Choisissez d'abord la personne dans la liste."))
            return None
        return model.row_object(index.row())

    def open_helped(self) -> SharedDossierDialog | None:
        """The chosen person's dossier, read-only, as their proche aidant."""
        person: HelpedPerson | None = self._chosen(self.table, self.model)
        if person is None:
            return None
        if not person.active_at(datetime.now(UTC)):
            show_error(
                self.error,
                self.tr("Votre rôle de proche aidant de %1 est terminé : son dossier ne vous est plus ouvert.").replace(
                    "%1", _person(person)
                ),
            )
            return None
        return self.open_shared(person.dossier_id, _person(person), "aidant", until=person.until)

    def open_relative(self) -> SharedDossierDialog | None:
        """The chosen deceased relative's dossier, read-only, as heir (within what the request allows)."""
        relative: DeceasedRelative | None = self._chosen(self.relatives_table, self.relatives_model)
        if relative is None:
            return None
        return self.open_shared(relative.dossier_id, _person(relative), "heir")

    def open_shared(
        self, dossier_id: str, name: str, role: str, *, until: datetime | None = None
    ) -> SharedDossierDialog | None:
        """Open (or open again) the read-only view of a dossier shared with the person; one at a time."""
        profile = self._profile
        if profile is None:
            return None
        show_error(self.error, "")
        if self.shared_dialog is not None:
            self.shared_dialog.close()
        # Parented to the window, not the box: the box is disabled on the offline copy, the dialog must stay usable.
        self.shared_dialog = SharedDossierDialog(
            profile, dossier_id, name=name, role=role, until=until, parent=self.window()
        )
        self.shared_dialog.show()
        self.shared_dialog.close_button.setFocus()
        return self.shared_dialog

    def on_stop_clicked(self) -> None:
        from desktop_app import access

        index = self.table.currentIndex()
        profile = self._profile
        if profile is None or not index.isValid():
            show_error(self.error, self.tr("Choisissez d'abord la personne dans la liste."))
            return
        person = self.model.row_object(index.row())
        text = self.tr(
            "Vous ne pourrez plus ouvrir l'espace santé de %1, dès maintenant. Pour l'aider à nouveau, il faudra "
            "qu'il ou elle vous invite encore."
        ).replace("%1", _person(person))
        if not self._confirmer.ask(
            self,
            title=self.tr("Ne plus aider ?"),
            text=text,
            confirm_label=self.tr("Ne plus aider"),
            cancel_label=self.tr("Annuler"),
        ):
            return
        generation = self._generation
        Op(self, lambda: access.stop_helping(profile, person.dossier_id)).success(
            lambda _r: self.reload() if generation == self._generation else None
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def open_heir_request(self) -> HeirRequestDialog | None:
        profile = self._profile
        if profile is None:
            return None
        if self.heir_dialog is not None:
            self.heir_dialog.close()
        self.heir_dialog = HeirRequestDialog(profile, parent=self.window())  # usable when the box is disabled
        self.heir_dialog.sig_granted.connect(lambda _a: self.reload())
        self.heir_dialog.sig_open_requested.connect(lambda a: self.open_shared(a.dossier_id, _person(a), "heir"))
        self.heir_dialog.open()
        self.heir_dialog.nir_edit.setFocus()
        return self.heir_dialog

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Les personnes que j'aide"))
        if self.state == "offline":
            self.intro.setText(
                self.tr("Hors ligne : la liste des personnes que vous aidez se lit une fois le service joint.")
            )
        elif self.copy is not None and self.copy.from_cache:
            when = self.copy.fetched_at.astimezone().strftime("%d/%m/%Y %H:%M")
            self.intro.setText(
                self.tr("Hors ligne : copie du %1, les personnes qui vous ont désigné(e) comme proche aidant.").replace(
                    "%1", when
                )
                if self.people
                else self.tr(
                    "Hors ligne : copie du %1, personne ne vous avait désigné(e) comme proche aidant."
                ).replace("%1", when)
            )
        elif self.state == "unknown":
            self.intro.setText(self.tr("Les personnes qui vous ont désigné(e) comme proche aidant, et jusqu'à quand."))
        else:
            self.intro.setText(
                self.tr("Les personnes qui vous ont désigné(e) comme proche aidant, et jusqu'à quand.")
                if self.people
                else self.tr("Personne ne vous a désigné(e) comme proche aidant.")
            )
        describe(self.table, self.tr("Les personnes que j'aide"), self.tr("Personne, naissance, fin, état."))
        self.stack.set_texts(
            "",  # the intro above already says nobody chose the person
            self.tr(
                "Quand quelqu'un vous désigne comme proche aidant, une notification vous prévient et la personne "
                "apparaît ici, avec la date de fin. Vous n'avez rien à faire pour l'instant."
            ),
        )
        self.open_button.setText(self.tr("&Ouvrir son dossier…"))
        describe(
            self.open_button,
            self.tr("Ouvrir son dossier"),
            self.tr("En lecture seule ; l'ouverture est inscrite dans son historique des accès."),
        )
        self.relatives_label.setText(self.tr("Dossiers de proches décédés qui vous sont ouverts (comme ayant droit) :"))
        describe(self.relatives_table, self.tr("Dossiers de proches décédés"), self.tr("Personne, naissance."))
        self.open_relative_button.setText(self.tr("Ouvrir le dossier de ce &proche…"))
        describe(
            self.open_relative_button,
            self.tr("Ouvrir le dossier de ce proche"),
            self.tr("En lecture seule, dans la limite de votre demande."),
        )
        self.relatives_model.retranslate()
        self.stop_button.setText(self.tr("&Ne plus aider"))
        describe(self.stop_button, self.tr("Ne plus aider"), self.tr("Demande confirmation."))
        self.heir_button.setText(self.tr("Un proche est &décédé…"))
        describe(
            self.heir_button,
            self.tr("Un proche est décédé"),
            self.tr("Demander l'accès à son dossier, comme héritier, partenaire de PACS ou concubin."),
        )
        self.model.retranslate()


class HeirRequestDialog(Retranslatable, QDialog):
    """« Un proche est décédé »: who I am to them, why, their NIR and a justification → the service's answer.

    Not modal (the window stays usable). The answer is shown in the dialog: whose records were opened to the
    person and for which purpose, or the refusal in plain words (no space, opposed, alive…)."""

    sig_granted = Signal(object)
    """The service granted the request; carries the HeirAccess."""
    sig_answered = Signal(object)
    """The service answered (granted or refused); carries the HeirAccess or the exception."""
    sig_open_requested = Signal(object)
    """« Ouvrir le dossier » after a grant; carries the HeirAccess."""

    def __init__(self, profile: UnlockedProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.answer: HeirAccess | None = None
        self.intro = label("muted")
        self.relationship_label = label(wrap=False)
        self.relationship_combo = QComboBox()
        self.purpose_label = label(wrap=False)
        self.purpose_combo = QComboBox()
        self.nir_label = label(wrap=False)
        self.nir_edit = QLineEdit()
        self.nir_edit.setMaxLength(21)
        self.justification_label = label(wrap=False)
        self.justification_edit = QPlainTextEdit()
        self.justification_edit.setTabChangesFocus(True)
        self.justification_edit.setFixedHeight(self.justification_edit.fontMetrics().lineSpacing() * 5 + 12)
        for caption, field in (
            (self.relationship_label, self.relationship_combo),
            (self.purpose_label, self.purpose_combo),
            (self.nir_label, self.nir_edit),
            (self.justification_label, self.justification_edit),
        ):
            caption.setBuddy(field)
        self.error = error_label()
        self.answer_label = label()
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.open_button = QPushButton()
        self.open_button.setVisible(False)  # once the request is granted
        self.open_button.clicked.connect(self.open_granted)
        form = QFormLayout()
        form.addRow(self.relationship_label, self.relationship_combo)
        form.addRow(self.purpose_label, self.purpose_combo)
        form.addRow(self.nir_label, self.nir_edit)
        form.addRow(self.justification_label, self.justification_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.answer_label)
        layout.addLayout(buttons)
        self.resize(680, 520)
        self.retranslate_ui()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _purposes(self) -> dict[str, str]:
        return {
            "cause_of_death": self.tr("Connaître les causes de son décès"),
            "defend_memory": self.tr("Défendre sa mémoire"),
            "assert_rights": self.tr("Faire valoir mes droits"),
        }

    def send(self) -> None:
        from desktop_app import access

        nir = "".join(self.nir_edit.text().split())
        justification = self.justification_edit.toPlainText().strip()
        if not nir:
            show_error(self.error, self.tr("Saisissez son numéro de sécurité sociale (15 chiffres)."))
            self.nir_edit.setFocus()
            return
        if not justification:
            show_error(self.error, self.tr("Dites en quelques mots ce qui justifie votre demande."))
            self.justification_edit.setFocus()
            return
        relationship = str(self.relationship_combo.currentData())
        purpose = str(self.purpose_combo.currentData())
        profile = self._profile
        show_error(self.error, "")
        self.answer_label.setText(self.tr("Envoi de la demande…"))
        self.send_button.setEnabled(False)
        Op(
            self,
            lambda: access.request_heir_access(
                profile, nir=nir, relationship=relationship, purpose=purpose, justification=justification
            ),
        ).success(self._granted).failure(self._refused).run()

    def open_granted(self) -> None:
        if self.answer is not None:
            self.sig_open_requested.emit(self.answer)

    def _granted(self, answer: HeirAccess) -> None:
        self.answer = answer
        self.send_button.setEnabled(True)
        self.open_button.setVisible(True)
        self.retranslate_ui()
        self.open_button.setFocus()
        self.sig_granted.emit(answer)
        self.sig_answered.emit(answer)

    def _refused(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.answer_label.clear()
        field = getattr(exc, "field", None)
        message = _offline_or(
            exc,
            self.tr("La demande n'a pas abouti. Réessayez plus tard."),
            self.tr("Le service n'a pas pu être joint : la demande demande une connexion."),
        )
        show_error(self.error, self.tr("Demande refusée : %1").replace("%1", message))
        (self.nir_edit if field in (None, "nir") else self.justification_edit).setFocus()
        self.sig_answered.emit(exc)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Un proche est décédé"))
        self.intro.setText(
            self.tr(
                "Héritier, partenaire de PACS ou concubin d'une personne décédée, vous pouvez demander l'accès à "
                "son dossier pour l'une de ces trois raisons, sauf si elle s'y est opposée de son vivant. Vous ne "
                "verrez que ce que cette raison demande. Votre demande est conservée, avec votre identité."
            )
        )
        self.relationship_label.setText(self.tr("&Je suis :"))
        self._fill(
            self.relationship_combo,
            [
                ("heir", self.tr("son héritier ou son héritière")),
                ("pacs", self.tr("son partenaire de PACS")),
                ("cohabitant", self.tr("son concubin ou sa concubine")),
            ],
        )
        describe(self.relationship_combo, self.tr("Votre lien avec la personne décédée"))
        self.purpose_label.setText(self.tr("&Pour :"))
        self._fill(self.purpose_combo, list(self._purposes().items()))
        describe(self.purpose_combo, self.tr("La raison de votre demande"))
        self.nir_label.setText(self.tr("Son &numéro de sécurité sociale :"))
        describe(self.nir_edit, self.tr("Numéro de sécurité sociale de la personne décédée"), self.tr("15 chiffres."))
        self.justification_label.setText(self.tr("&Justification :"))
        describe(
            self.justification_edit,
            self.tr("Justification"),
            self.tr("Par exemple : acte de notoriété, certificat de PACS, justificatif de domicile commun."),
        )
        self.send_button.setText(self.tr("&Envoyer la demande"))
        describe(self.send_button, self.tr("Envoyer la demande"))
        self.close_button.setText(self.tr("Fermer"))
        self.open_button.setText(self.tr("&Ouvrir son dossier…"))
        describe(self.open_button, self.tr("Ouvrir son dossier"), self.tr("En lecture seule."))
        a = self.answer
        if a is not None:
            self.answer_label.setText(
                self.tr("Demande acceptée : le dossier de %1 (né(e) le %2) vous est ouvert, pour « %3 » seulement.")
                .replace("%1", _person(a))
                .replace("%2", a.birth_date.strftime("%d/%m/%Y"))
                .replace("%3", self._purposes().get(a.purpose, a.purpose))
            )
