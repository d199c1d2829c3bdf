"""Accès et confidentialité: professionals, médecin traitant, emergency access, default confidentiality, aidants."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import Retranslatable, describe, error_label, label, show_error

if TYPE_CHECKING:
    from desktop_app.online import AccessSettings, Aidant, ProfessionalRef
    from desktop_app.profile import UnlockedProfile

# A row of the professionals table: the professional and, when authorised, the date ("" when blocked).
ProRow = tuple["ProfessionalRef", str, bool]


class AccessSettingsPage(Retranslatable, QWidget):
    """Every change asks first, in words that say what will happen, then runs on the worker (never blocks)."""

    sig_changed = Signal(object)
    """The settings shown changed; carries the AccessSettings returned by the service."""

    def __init__(self, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self._profile: UnlockedProfile | None = None
        self._settings: AccessSettings | None = None
        self._generation = 0
        self._showing = False
        self.title = label("title")
        self.intro = label("muted")
        self.error = error_label()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        # Professionals
        self.pros_box = QGroupBox()
        self.model: PagedTableModel[ProRow] = PagedTableModel(
            [
                Column(lambda: self.tr("Professionnel"), lambda r: r[0].name or "—"),
                Column(lambda: self.tr("RPPS"), lambda r: r[0].rpps),
                Column(lambda: self.tr("Accès"), self._state),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.rpps_label = label(wrap=False)
        self.rpps_edit = QLineEdit()
        self.rpps_edit.setMaxLength(11)
        self.rpps_label.setBuddy(self.rpps_edit)
        self.authorise_button = QPushButton()
        self.block_button = QPushButton()
        self.unblock_button = QPushButton()
        self.authorise_button.clicked.connect(self.on_authorise_clicked)
        self.block_button.clicked.connect(self.on_block_clicked)
        self.unblock_button.clicked.connect(self.on_unblock_clicked)
        self.admin_button = QPushButton()
        self.admin_button.clicked.connect(self.on_admin_clicked)
        actions = QHBoxLayout()
        for widget in (self.rpps_label, self.rpps_edit, self.authorise_button, self.block_button, self.unblock_button):
            actions.addWidget(widget)
        actions.addWidget(self.admin_button)
        actions.addStretch(1)
        pros = QVBoxLayout(self.pros_box)
        pros.addWidget(self.table)
        pros.addLayout(actions)
        # Emergency
        self.emergency_box = QGroupBox()
        self.samu_check = QCheckBox()
        self.others_check = QCheckBox()
        self.masked_check = QCheckBox()
        self.mask_all_check = QCheckBox()
        self.emergency_button = QPushButton()
        for check in (self.samu_check, self.others_check):
            check.toggled.connect(lambda _on: self._apply_emergency_rule())
        self.emergency_button.clicked.connect(self.on_emergency_clicked)
        emergency = QVBoxLayout(self.emergency_box)
        for check in (self.samu_check, self.others_check, self.masked_check, self.mask_all_check):
            emergency.addWidget(check)
        emergency.addWidget(self.emergency_button)
        # Médecin traitant and default confidentiality
        self.doctor_box = QGroupBox()
        self.doctor_label = label()
        self.doctor_edit = QLineEdit()
        self.doctor_edit.setMaxLength(11)
        self.doctor_button = QPushButton()
        self.doctor_button.clicked.connect(self.on_doctor_clicked)
        self.default_masked_check = QCheckBox()
        self.default_masked_check.toggled.connect(self.on_default_masked_toggled)
        doctor = QHBoxLayout(self.doctor_box)
        doctor.addWidget(self.doctor_label, 1)
        doctor.addWidget(self.doctor_edit)
        doctor.addWidget(self.doctor_button)
        # Aidants
        self.aidants_box = QGroupBox()
        self.aidants_model: PagedTableModel[Aidant] = PagedTableModel(
            [
                Column(lambda: self.tr("Identifiant"), lambda a: a.identifier or "—"),
                Column(lambda: self.tr("Jusqu'au"), lambda a: a.ends_at.astimezone().strftime("%d/%m/%Y")),
                Column(lambda: self.tr("État"), lambda a: self.tr("Actif") if a.active else self.tr("Inactif")),
            ],
            parent=self,
        )
        self.aidants_table = QTableView()
        self.aidants_table.setModel(self.aidants_model)
        self.aidants_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.aidants_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.aidants_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.aidants_table.verticalHeader().setVisible(False)
        self.aidants_table.horizontalHeader().setStretchLastSection(True)
        self.aidant_edit = QLineEdit()
        self.aidant_until_edit = QDateEdit()
        self.aidant_until_edit.setCalendarPopup(True)
        self.aidant_until_edit.setDisplayFormat("dd/MM/yyyy")
        self.aidant_until_edit.setDate(QDate.currentDate().addMonths(6))
        self.invite_button = QPushButton()
        self.revoke_button = QPushButton()
        self.invite_button.clicked.connect(self.on_invite_clicked)
        self.revoke_button.clicked.connect(self.on_revoke_clicked)
        aidant_row = QHBoxLayout()
        for control in (self.aidant_edit, self.aidant_until_edit, self.invite_button, self.revoke_button):
            aidant_row.addWidget(control)
        aidants = QVBoxLayout(self.aidants_box)
        aidants.addWidget(self.aidants_table)
        aidants.addLayout(aidant_row)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.pros_box, 1)
        layout.addWidget(self.doctor_box)
        layout.addWidget(self.emergency_box)
        layout.addWidget(self.default_masked_check)
        layout.addWidget(self.aidants_box, 1)
        self._apply_emergency_rule()
        self._update_enabled()
        self.retranslate_ui()

    # -- state -------------------------------------------------------------------------------------------------------
    @property
    def settings(self) -> AccessSettings | None:
        return self._settings

    def _state(self, row: ProRow) -> str:
        _pro, authorised_at, administrateur = row
        if not authorised_at:
            return self.tr("Bloqué")
        text = self.tr("Autorisé le %1").replace("%1", authorised_at)
        return self.tr("%1, administrateur").replace("%1", text) if administrateur else text

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        """Forget what was shown (S18); with a profile, ask the service for the current settings."""
        self._profile = profile
        self._generation += 1
        self._settings = None
        self.model.clear()
        self.rpps_edit.clear()
        self.doctor_edit.clear()
        self.aidant_edit.clear()
        self.aidants_model.clear()
        show_error(self.error, "")
        self._update_enabled()
        if profile is not None:
            from desktop_app import online

            if online.is_signed_in(profile):
                self.reload()

    def clear(self) -> None:
        self.set_profile(None)

    def reload(self) -> None:
        from desktop_app import online

        self._run(online.access_settings)

    def _run(self, call: Callable[[UnlockedProfile], AccessSettings]) -> None:
        profile = self._profile
        if profile is None:
            return
        generation = self._generation
        show_error(self.error, "")
        Op(self, lambda: call(profile)).success(lambda s: self._show(generation, s)).failure(
            lambda exc: self._on_failed(generation, exc)
        ).run()

    def _show(self, generation: int, settings: AccessSettings) -> None:
        if generation != self._generation:
            return
        self._settings = settings
        rows: list[ProRow] = [
            (a.professional, a.authorised_at.astimezone().strftime("%d/%m/%Y"), a.administrateur)
            for a in settings.authorised
        ]
        rows += [(b, "", False) for b in settings.blocked]
        self.model.set_source(lambda offset, limit: rows[offset : offset + limit])
        e = settings.emergency
        for check, on in (
            (self.samu_check, e.samu),
            (self.others_check, e.other_professionals),
            (self.masked_check, e.masked_documents),
            (self.mask_all_check, e.mask_all_including_emergency),
        ):
            check.setChecked(on)
        self._apply_emergency_rule()
        self._showing = True  # setting the box from the service is not a change asked by the person
        self.default_masked_check.setChecked(settings.default_masked_from_professionals)
        self._showing = False
        aidants = list(settings.aidants)
        self.aidants_model.set_source(lambda offset, limit: aidants[offset : offset + limit])
        self._update_enabled()
        self.retranslate_ui()
        self.sig_changed.emit(settings)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        message = exc.message(current_language()) if isinstance(exc, CarnetError) else ""
        show_error(self.error, message or self.tr("Le service n'a pas pu être joint. Réessayez plus tard."))

    def _update_enabled(self) -> None:
        on = self._settings is not None
        for widget in (self.pros_box, self.doctor_box, self.emergency_box, self.default_masked_check, self.aidants_box):
            widget.setEnabled(on)

    def _apply_emergency_rule(self) -> None:
        """Masked documents only make sense when someone may open in an emergency: off and greyed otherwise."""
        allowed = self.samu_check.isChecked() or self.others_check.isChecked()
        if not allowed:
            self.masked_check.setChecked(False)
        self.masked_check.setEnabled(allowed)

    def _on_row_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def] # Qt signal
        if current.isValid():
            self.rpps_edit.setText(self.model.row_object(current.row())[0].rpps)

    def _rpps(self) -> str | None:
        rpps = self.rpps_edit.text().strip()
        if not (rpps.isdigit() and len(rpps) == 11):
            show_error(self.error, self.tr("Saisissez le numéro RPPS du professionnel : 11 chiffres, sans espace."))
            self.rpps_edit.setFocus()
            return None
        return rpps

    def _ask(self, *, title: str, text: str, confirm: str) -> bool:
        return self._confirmer.ask(self, title=title, text=text, confirm_label=confirm, cancel_label=self.tr("Annuler"))

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_authorise_clicked(self) -> None:
        from desktop_app import online

        rpps = self._rpps()
        if rpps and self._ask(
            title=self.tr("Autoriser ce professionnel ?"),
            text=self.tr("Le professionnel de RPPS %1 pourra ouvrir votre dossier.").replace("%1", rpps),
            confirm=self.tr("Autoriser"),
        ):
            self._run(lambda p: online.authorise(p, rpps))

    def on_block_clicked(self) -> None:
        from desktop_app import online

        rpps = self._rpps()
        if rpps and self._ask(
            title=self.tr("Bloquer ce professionnel ?"),
            text=self.tr(
                "Le professionnel de RPPS %1 ne pourra plus rien voir de votre dossier. Il perd son autorisation et "
                "ses rôles (administrateur, médecin traitant)."
            ).replace("%1", rpps),
            confirm=self.tr("Bloquer"),
        ):
            self._run(lambda p: online.block(p, rpps))

    def on_unblock_clicked(self) -> None:
        from desktop_app import online

        rpps = self._rpps()
        if rpps and self._ask(
            title=self.tr("Débloquer ce professionnel ?"),
            text=self.tr(
                "Le professionnel de RPPS %1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : "
                "pour qu'il ouvre votre dossier, autorisez-le ensuite."
            ).replace("%1", rpps),
            confirm=self.tr("Débloquer"),
        ):
            self._run(lambda p: online.unblock(p, rpps))

    def on_emergency_clicked(self) -> None:
        from desktop_app import online

        wanted = online.EmergencySettings(
            samu=self.samu_check.isChecked(),
            other_professionals=self.others_check.isChecked(),
            masked_documents=self.masked_check.isChecked(),
            mask_all_including_emergency=self.mask_all_check.isChecked(),
        )
        closing = (not wanted.samu and not wanted.other_professionals) or wanted.mask_all_including_emergency
        text = (
            self.tr("En cas d'urgence, aucun professionnel ne pourra plus ouvrir votre dossier.")
            if closing
            else self.tr("Les accès en cas d'urgence seront ceux que vous avez cochés.")
        )
        if self._ask(title=self.tr("Modifier l'accès en urgence ?"), text=text, confirm=self.tr("Enregistrer")):
            self._run(lambda p: online.set_emergency(p, wanted))

    def on_admin_clicked(self) -> None:
        from desktop_app import online

        rpps = self._rpps()
        s = self._settings
        if not rpps or s is None:
            return
        current = next((a for a in s.authorised if a.professional.rpps == rpps), None)
        if current is None:
            show_error(self.error, self.tr("Seul un professionnel autorisé peut être administrateur : autorisez-le."))
            return
        enable = not current.administrateur
        text = (
            self.tr("Le professionnel de RPPS %1 pourra gérer votre dossier comme administrateur.")
            if enable
            else self.tr("Le professionnel de RPPS %1 ne sera plus administrateur ; il reste autorisé.")
        ).replace("%1", rpps)
        if self._ask(title=self.tr("Administrateur"), text=text, confirm=self.tr("Confirmer")):
            self._run(lambda p: online.set_administrateur(p, rpps, enabled=enable))

    def on_doctor_clicked(self) -> None:
        from desktop_app import online

        rpps = self.doctor_edit.text().strip() or None
        if rpps is not None and not (rpps.isdigit() and len(rpps) == 11):
            show_error(self.error, self.tr("Saisissez le numéro RPPS du professionnel : 11 chiffres, sans espace."))
            self.doctor_edit.setFocus()
            return
        text = (
            self.tr("Le professionnel de RPPS %1 deviendra votre médecin traitant.").replace("%1", rpps)
            if rpps
            else self.tr("Vous n'aurez plus de médecin traitant dans votre dossier.")
        )
        if self._ask(title=self.tr("Médecin traitant"), text=text, confirm=self.tr("Confirmer")):
            self._run(lambda p: online.set_medecin_traitant(p, rpps))

    def on_default_masked_toggled(self, masked: bool) -> None:
        from desktop_app import online

        if self._showing or self._profile is None:
            return
        text = (
            self.tr("Les nouveaux documents seront masqués aux professionnels jusqu'à ce que vous les démasquiez.")
            if masked
            else self.tr("Les nouveaux documents seront visibles des professionnels autorisés.")
        )
        if self._ask(title=self.tr("Confidentialité des nouveaux documents"), text=text, confirm=self.tr("Confirmer")):
            self._run(lambda p: online.set_default_confidentiality(p, masked_from_professionals=masked))
        else:
            self._showing = True
            self.default_masked_check.setChecked(not masked)
            self._showing = False

    def on_invite_clicked(self) -> None:
        from datetime import datetime, time

        from desktop_app import online

        identifier = self.aidant_edit.text().strip()
        if not identifier:
            show_error(self.error, self.tr("Saisissez l'identifiant Carnet du proche aidant."))
            self.aidant_edit.setFocus()
            return
        d = self.aidant_until_edit.date()
        ends_at = datetime.combine(date(d.year(), d.month(), d.day()), time(23, 59)).astimezone()
        text = (
            self.tr("%1 pourra consulter votre dossier jusqu'au %2.")
            .replace("%1", identifier)
            .replace("%2", ends_at.strftime("%d/%m/%Y"))
        )
        if self._ask(title=self.tr("Inviter un proche aidant ?"), text=text, confirm=self.tr("Inviter")):
            self._run(lambda p: online.invite_aidant(p, identifier, ends_at=ends_at))

    def on_revoke_clicked(self) -> None:
        from desktop_app import online

        index = self.aidants_table.currentIndex()
        if not index.isValid():
            show_error(self.error, self.tr("Choisissez d'abord l'aidant dans la liste."))
            return
        aidant = self.aidants_model.row_object(index.row())
        text = self.tr("%1 ne pourra plus consulter votre dossier, dès maintenant.").replace(
            "%1", aidant.identifier or "—"
        )
        if self._ask(title=self.tr("Retirer ce proche aidant ?"), text=text, confirm=self.tr("Retirer")):
            self._run(lambda p: online.revoke_aidant(p, aidant.account_id))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Accès et confidentialité"))
        self.intro.setText(
            self.tr("Qui peut ouvrir votre dossier. Chaque changement vous est demandé avant d'être appliqué.")
        )
        self.refresh_button.setText(self.tr("&Actualiser"))
        describe(self.refresh_button, self.tr("Actualiser"), self.tr("Demander au service les réglages actuels."))
        self.pros_box.setTitle(self.tr("Professionnels autorisés et bloqués"))
        describe(self.table, self.tr("Professionnels"), self.tr("Autorisés (avec la date) puis bloqués."))
        self.rpps_label.setText(self.tr("&RPPS :"))
        describe(self.rpps_edit, self.tr("Numéro RPPS"), self.tr("11 chiffres ; choisir une ligne le remplit."))
        self.authorise_button.setText(self.tr("A&utoriser"))
        describe(self.authorise_button, self.tr("Autoriser"), self.tr("Il pourra ouvrir le dossier."))
        self.block_button.setText(self.tr("&Bloquer"))
        describe(self.block_button, self.tr("Bloquer"), self.tr("Ce professionnel ne verra plus rien."))
        self.unblock_button.setText(self.tr("&Débloquer"))
        describe(self.unblock_button, self.tr("Débloquer"), self.tr("Débloquer n'autorise pas à nouveau."))
        self.emergency_box.setTitle(self.tr("En cas d'urgence"))
        self.samu_check.setText(self.tr("Le &SAMU peut ouvrir mon dossier"))
        self.others_check.setText(self.tr("Les autres &professionnels peuvent l'ouvrir"))
        self.masked_check.setText(self.tr("Ils voient aussi les documents &masqués"))
        self.mask_all_check.setText(self.tr("&Tout masquer, y compris en cas d'urgence"))
        for check in (self.samu_check, self.others_check, self.masked_check, self.mask_all_check):
            describe(check, check.text().replace("&", ""))
        describe(
            self.masked_check,
            self.masked_check.text().replace("&", ""),
            self.tr("Indisponible quand ni le SAMU ni les autres professionnels ne peuvent ouvrir le dossier."),
        )
        self.emergency_button.setText(self.tr("&Enregistrer l'accès en urgence"))
        describe(self.emergency_button, self.tr("Enregistrer l'accès en urgence"), self.tr("Demande confirmation."))
        self.admin_button.setText(self.tr("Admi&nistrateur"))
        describe(self.admin_button, self.tr("Administrateur"), self.tr("Désigner ou retirer un administrateur."))
        self.doctor_box.setTitle(self.tr("Médecin traitant"))
        doctor = self._settings.medecin_traitant if self._settings else None
        self.doctor_label.setText(
            self.tr("Actuel : %1 (RPPS %2)").replace("%1", doctor.name or "—").replace("%2", doctor.rpps)
            if doctor
            else self.tr("Aucun médecin traitant.")
        )
        describe(self.doctor_edit, self.tr("RPPS du médecin traitant"), self.tr("Vide : aucun médecin traitant."))
        self.doctor_button.setText(self.tr("Dé&finir"))
        describe(self.doctor_button, self.tr("Définir le médecin traitant"), self.tr("Demande confirmation."))
        self.default_masked_check.setText(self.tr("Masquer par défaut les nouveaux documents aux professionnels"))
        describe(self.default_masked_check, self.default_masked_check.text(), self.tr("Demande confirmation."))
        self.aidants_box.setTitle(self.tr("Proches aidants"))
        describe(self.aidants_table, self.tr("Proches aidants"), self.tr("Identifiant, fin, état."))
        describe(self.aidant_edit, self.tr("Identifiant de l'aidant"), self.tr("Son identifiant Carnet."))
        describe(self.aidant_until_edit, self.tr("Fin de l'accès"), self.tr("Dernier jour, inclus."))
        self.invite_button.setText(self.tr("&Inviter"))
        describe(self.invite_button, self.tr("Inviter"), self.tr("Demande confirmation."))
        self.revoke_button.setText(self.tr("Retirer"))
        describe(self.revoke_button, self.tr("Retirer l'aidant"), self.tr("Demande confirmation."))
        self.model.retranslate()
        self.aidants_model.retranslate()
