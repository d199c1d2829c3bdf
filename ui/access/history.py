"""Historique des accès: who opened the dossier or changed its access, when, and the outcome; offline copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui import formatting
from ui.i18n import current_language
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from desktop_app.access import AccessEvent
    from desktop_app.access import AccessHistoryPage as HistoryPage
    from desktop_app.profile import UnlockedProfile

PAGE_SIZE = 50
# The filter choices: (key, actor kinds sent to the service).
KIND_FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("all", ()),
    ("professional", ("professional",)),
    ("patient", ("patient",)),
    ("family", ("legal_representative", "aidant")),
    ("other", ("heir", "insurer", "employer", "other", "system")),
)


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What the table shows: kinds of actor (empty: all) and a date range (``until`` excluded)."""

    actor_kinds: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None


class AccessHistoryPage(Retranslatable, QWidget):
    """A read-only paged table, newest first; filters and « Actualiser » ask the service (never block the window)."""

    sig_loaded = Signal(object)
    """A page arrived; carries the AccessHistoryPage (from the service or from the offline copy)."""

    def __init__(
        self, *, dossier_id: str | None = None, child_name: str | None = None, parent: QWidget | None = None
    ) -> None:
        """``dossier_id`` (with ``child_name``): the history of a child's dossier managed as legal representative
        (asked of the service each time: no offline copy is kept for it)."""
        super().__init__(parent)
        self._dossier_id = dossier_id
        self._child_name = child_name
        self._profile: UnlockedProfile | None = None
        self._last: HistoryPage | None = None
        self._pending: HistoryPage | None = None
        self._generation = 0
        self.title = label("title")
        self.intro = label("muted")
        self.freshness = label()
        self.error = error_label()
        self.kind_label = label(wrap=False)
        self.kind_combo = QComboBox()
        for key, _kinds in KIND_FILTERS:
            self.kind_combo.addItem(key, key)
        self.kind_label.setBuddy(self.kind_combo)
        self.dates_check = QCheckBox()
        self.since_edit = QDateEdit()
        self.until_edit = QDateEdit()
        today = QDate.currentDate()
        for edit, day in ((self.since_edit, today.addMonths(-1)), (self.until_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(day)
            edit.setEnabled(False)
        self.refresh_button = QPushButton()
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.dates_check.toggled.connect(self.on_dates_check_toggled)
        self.since_edit.dateChanged.connect(lambda _d: self.reload())
        self.until_edit.dateChanged.connect(lambda _d: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.model: PagedTableModel[AccessEvent] = PagedTableModel(
            [
                Column(lambda: self.tr("Date"), lambda e: self.format_moment(e.at)),
                Column(lambda: self.tr("Qui"), self.who),
                Column(lambda: self.tr("Rôle"), self.role),
                Column(lambda: self.tr("Action"), self.action),
                Column(lambda: self.tr("Résultat"), self.outcome),
            ],
            page_size=PAGE_SIZE,
            parent=self,
        )
        self.model.sig_page_loaded.connect(self._on_page_loaded)
        self.model.sig_load_failed.connect(self._on_failed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        # Who, then when, on two lines: at 200 % text one line would be wider than the window.
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(16)
        who = QHBoxLayout()
        who.addWidget(self.kind_label)
        who.addWidget(self.kind_combo)
        who.addStretch(1)
        when = QHBoxLayout()
        when.addWidget(self.dates_check)
        when.addWidget(self.since_edit)
        when.addWidget(self.until_edit)
        when.addStretch(1)
        filters = QVBoxLayout()
        filters.addLayout(who)
        filters.addLayout(when)
        row = QHBoxLayout()
        row.addWidget(self.freshness, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        for first, second in (
            (self.kind_combo, self.dates_check),
            (self.dates_check, self.since_edit),
            (self.since_edit, self.until_edit),
            (self.until_edit, self.refresh_button),
            (self.refresh_button, self.table),
        ):
            QWidget.setTabOrder(first, second)
        self.retranslate_ui()

    # -- how a line reads --------------------------------------------------------------------------------------------
    def format_moment(self, moment: datetime) -> str:
        """A date and time in local time, as people read them: « 25/11/2026 à 21:30 »."""
        local = moment.astimezone()
        day = formatting.format_date(local)  # one date format per language (ui/formatting.py)
        return self.tr("%1 à %2").replace("%1", day).replace("%2", local.strftime("%H:%M"))

    def who(self, event: AccessEvent) -> str:
        if event.actor_kind == "system" and not event.actor_name:
            return self.tr("Le service Carnet")
        name = event.actor_name or self.tr("Inconnu")
        if event.actor_kind == "patient" and not event.actor_rpps:
            name = self.tr("Vous (%1)").replace("%1", name) if event.actor_name else self.tr("Vous")
        if event.actor_rpps:
            name = self.tr("%1 (RPPS %2)").replace("%1", name).replace("%2", event.actor_rpps)
        if event.assisted_by:
            helper, _sep, structure = event.assisted_by.partition("|")
            helped = f"{helper} ({structure})" if structure else helper
            name = self.tr("%1, accompagné par %2").replace("%1", name).replace("%2", helped)
        return name

    def role(self, event: AccessEvent) -> str:
        roles = {
            "patient": self.tr("Titulaire du dossier"),
            "legal_representative": self.tr("Représentant légal"),
            "aidant": self.tr("Proche aidant"),
            "professional": self.tr("Professionnel de santé"),
            "heir": self.tr("Ayant droit"),
            "insurer": self.tr("Assureur"),
            "employer": self.tr("Employeur"),
            "other": self.tr("Autre"),
            "system": self.tr("Service Carnet"),
        }
        return roles.get(event.actor_kind, event.actor_kind)

    def action(self, event: AccessEvent) -> str:
        actions = {
            "dossier.open": self.tr("Ouverture du dossier"),
            "dossier.read": self.tr("Consultation du dossier"),
            "dossier.emergency": self.tr("Accès en urgence"),
            "access.authorise": self.tr("Autorisation d'un professionnel"),
            "access.withdraw": self.tr("Retrait d'une autorisation"),
            "access.block": self.tr("Blocage d'un professionnel"),
            "access.unblock": self.tr("Déblocage d'un professionnel"),
            "access.administrateur_set": self.tr("Désignation d'un administrateur"),
            "access.administrateur_unset": self.tr("Retrait d'un administrateur"),
            "access.medecin_traitant": self.tr("Choix du médecin traitant"),
            "access.emergency_settings": self.tr("Réglages d'accès en urgence"),
            "access.default_confidentiality": self.tr("Confidentialité par défaut"),
            "access.aidant_invited": self.tr("Invitation d'un proche aidant"),
            "access.aidant_revoked": self.tr("Retrait d'un proche aidant"),
            "access.aidant_renounced": self.tr("Renoncement d'un proche aidant"),
            "access.representative_added": self.tr("Ajout d'un représentant légal"),
            "access.representative_removed": self.tr("Retrait d'un représentant légal"),
            "access.occupational_consent_given": self.tr("Consentement exprès à la médecine du travail"),
            "access.occupational_consent_withdrawn": self.tr("Retrait du consentement à la médecine du travail"),
            "access.post_mortem_opposed": self.tr("Opposition à l'accès des proches après le décès"),
            "access.post_mortem_allowed": self.tr("Fin de l'opposition à l'accès des proches après le décès"),
            "space.provisioned": self.tr("Création de l'espace santé"),
            "space.created": self.tr("Création de l'espace santé"),
            "space.activation_started": self.tr("Début de l'activation"),
            "space.activated": self.tr("Activation de l'espace santé"),
            "space.opposed": self.tr("Opposition à l'espace santé"),
            "space.reactivated": self.tr("Réactivation de l'espace santé"),
            "space.closed": self.tr("Fermeture de l'espace santé"),
            "space.child_linked": self.tr("Rattachement d'un enfant"),
            "care_history.read": self.tr("Consultation de l'histoire de santé"),
            "care_history.fed": self.tr("Mise à jour de l'histoire de santé"),
            "sync.pull": self.tr("Synchronisation (réception)"),
            "sync.push": self.tr("Synchronisation (envoi)"),
            "device.revoked": self.tr("Révocation d'un appareil"),
            "dossier.open_offline": self.tr("Ouverture du dossier hors ligne"),
            "access.history_read": self.tr("Consultation de l'historique des accès"),
            "access.settings_read": self.tr("Consultation des réglages d'accès"),
            "auth.identifier_reminder": self.tr("Rappel de l'identifiant"),
            "auth.logout": self.tr("Déconnexion"),
            "auth.password_changed": self.tr("Changement du mot de passe"),
            "auth.password_reset": self.tr("Réinitialisation du mot de passe"),
            "auth.password_reset_requested": self.tr("Demande de réinitialisation du mot de passe"),
            "auth.refresh": self.tr("Renouvellement de la connexion"),
            "document.masked": self.tr("Masquage d'un document"),
            "document.unmasked": self.tr("Fin du masquage d'un document"),
            "space.death_recorded": self.tr("Enregistrement du décès"),
            "space.deleted": self.tr("Suppression de l'espace santé"),
            "space.deletion_requested": self.tr("Demande de suppression de l'espace santé"),
            "space.proof_refused": self.tr("Justificatif refusé"),
        }
        if event.action in actions:
            return actions[event.action]
        # A code this version does not know yet: said by its family, never shown raw.
        families = {
            "access": self.tr("Modification des accès"),
            "dossier": self.tr("Consultation du dossier"),
            "space": self.tr("Opération sur l'espace santé"),
            "auth": self.tr("Connexion au service"),
            "document": self.tr("Opération sur un document"),
            "sync": self.tr("Synchronisation"),
        }
        return families.get(event.action.split(".")[0], self.tr("Autre opération"))

    def outcome(self, event: AccessEvent) -> str:
        reasons = {
            "professional_authorised": self.tr("professionnel autorisé"),
            "professional_not_authorised": self.tr("professionnel non autorisé"),
            "professional_blocked": self.tr("professionnel bloqué"),
            "holder": self.tr("titulaire du dossier"),
        }
        text = self.tr("Refusé") if event.outcome == "denied" else self.tr("Autorisé")
        reason = event.reason or ""
        if reason in reasons or (reason and event.outcome == "denied"):
            text = self.tr("%1 : %2").replace("%1", text).replace("%2", reasons.get(reason, reason))
        return text

    # -- state -------------------------------------------------------------------------------------------------------
    @property
    def last_page(self) -> HistoryPage | None:
        return self._last

    def query(self) -> HistoryQuery:
        """The filters as chosen: the date range covers whole local days, the last one included."""
        kinds = dict(KIND_FILTERS)[str(self.kind_combo.currentData())]
        if not self.dates_check.isChecked():
            return HistoryQuery(kinds)
        first, last = (date(d.year(), d.month(), d.day()) for d in (self.since_edit.date(), self.until_edit.date()))
        since = datetime.combine(first, time()).astimezone()
        until = datetime.combine(last + timedelta(days=1), time()).astimezone()
        return HistoryQuery(kinds, since, until)

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Show the offline copy at once (if any); ``None`` forgets everything (S18)."""
        self._profile = profile
        self._generation += 1
        self._last = None
        self.model.clear()
        show_error(self.error, "")
        self.retranslate_ui()
        if profile is not None:
            self._load(offline_only=self._dossier_id is None)

    def clear(self) -> None:
        self.set_profile(None)

    def reload(self) -> None:
        """Ask the service again with the current filters (the offline copy answers when it cannot be reached)."""
        if self._profile is not None:
            self._load(offline_only=False)

    def on_dates_check_toggled(self, checked: bool) -> None:
        self.since_edit.setEnabled(checked)
        self.until_edit.setEnabled(checked)
        self.reload()

    def _load(self, *, offline_only: bool) -> None:
        from desktop_app import access

        profile = self._profile
        assert profile is not None
        q = self.query()
        scope = self._dossier_id

        def read(offset: int, limit: int) -> HistoryPage | None:
            if offline_only:
                return access.cached_access_history(
                    profile, actor_kinds=q.actor_kinds, since=q.since, until=q.until, limit=limit, offset=offset
                )
            return access.access_history(
                profile,
                actor_kinds=q.actor_kinds,
                since=q.since,
                until=q.until,
                limit=limit,
                offset=offset,
                dossier_id=scope,
            )

        def fetch(offset: int, limit: int) -> list[AccessEvent]:
            page = read(offset, limit)
            if page is None:
                return []
            self._pending = page  # read on the GUI thread once the model says the page arrived
            return list(page.items)

        self._pending = None
        show_error(self.error, "")
        if not offline_only:
            self.freshness.setText(self.tr("Interrogation du service…"))
            self.refresh_button.setEnabled(False)
        self.model.set_source(fetch)

    def _on_page_loaded(self, _rows: int) -> None:
        self.refresh_button.setEnabled(True)
        page = self._pending
        if page is not None:
            self._last = page
            self.sig_loaded.emit(page)
        self.retranslate_ui()

    def _on_failed(self, exc: BaseException) -> None:
        from desktop_app.service_client import NotSignedIn, SyncOffline

        self.refresh_button.setEnabled(True)
        self.retranslate_ui()
        message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        if self._child_name is not None and isinstance(exc, SyncOffline | NotSignedIn):
            message = self.tr(
                "Le service n'a pas pu être joint. L'historique des accès de %1 n'est pas gardé sur cet "
                "ordinateur : réessayez une fois connecté."
            ).replace("%1", self._child_name)
        show_error(
            self.error, message or self.tr("L'historique des accès n'a pas pu être chargé. Réessayez plus tard.")
        )

    def retranslate_ui(self) -> None:
        if self._child_name is not None:
            self.title.setText(self.tr("Historique des accès — dossier de %1").replace("%1", self._child_name))
            self.intro.setText(
                self.tr(
                    "Qui a ouvert le dossier de %1 ou modifié ses accès, quand, et si l'accès a été autorisé ou "
                    "refusé. Ces informations viennent du service ; vous ne pouvez pas les modifier."
                ).replace("%1", self._child_name)
            )
        else:
            self.title.setText(self.tr("Historique des accès"))
            self.intro.setText(
                self.tr(
                    "Qui a ouvert votre dossier ou modifié ses accès, quand, et si l'accès a été autorisé ou refusé. "
                    "Ces informations viennent du service ; vous ne pouvez pas les modifier."
                )
            )
        page = self._last
        if page is None:
            self.freshness.setText(self.tr("Pas encore chargé. « Actualiser » interroge le service."))
        elif page.from_cache:
            self.freshness.setText(
                self.tr("Hors ligne : copie enregistrée le %1.").replace("%1", self.format_moment(page.fetched_at))
            )
        else:
            self.freshness.setText(self.tr("À jour le %1.").replace("%1", self.format_moment(page.fetched_at)))
        kind_names = {
            "all": self.tr("Tout le monde"),
            "professional": self.tr("Professionnels de santé"),
            "patient": self.tr("Vous"),
            "family": self.tr("Représentants légaux et aidants"),
            "other": self.tr("Autres (service, assurance…)"),
        }
        for index, (key, _kinds) in enumerate(KIND_FILTERS):
            self.kind_combo.setItemText(index, kind_names[key])
        self.kind_label.setText(self.tr("&Qui :"))
        describe(self.kind_combo, self.tr("Qui"), self.tr("N'afficher que les accès de ce type de personne."))
        self.dates_check.setText(self.tr("&Entre le"))
        describe(self.dates_check, self.tr("Limiter aux dates"), self.tr("N'afficher que les accès entre deux dates."))
        describe(self.since_edit, self.tr("Premier jour"), self.tr("Premier jour affiché, inclus."))
        describe(self.until_edit, self.tr("Dernier jour"), self.tr("Dernier jour affiché, inclus."))
        self.refresh_button.setText(self.tr("&Actualiser"))
        describe(self.refresh_button, self.tr("Actualiser"), self.tr("Demander au service la dernière version."))
        describe(self.freshness, self.tr("Date de la copie"), self.freshness.text())
        describe(self.table, self.tr("Historique des accès"), self.tr("Du plus récent au plus ancien."))
        self.model.retranslate()
