"""Accès et confidentialité: professionals, médecin traitant, emergency, confidentiality, aidants, children."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError
from ui.access.children import ChildrenBox
from ui.access.empty import TableOrEmpty
from ui.access.helping import HelpingBox
from ui.access.history import AccessHistoryPage
from ui.access.people import ProfessionalSearch, profession_name
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.tab_switcher import wrap_tabs_when_narrow
from ui.widgets import (
    Retranslatable,
    describe,
    describe_tab_scrollers,
    error_label,
    fit_columns,
    flow_row,
    label,
    row_table,
    show_error,
)

if TYPE_CHECKING:
    from desktop_app.access import AccessSettings, Aidant, ChildProfile, ProfessionalRef, RegistryEntry
    from desktop_app.profile import UnlockedProfile


class WrappedCheck(QWidget):
    """A check box whose long sentence wraps (a QCheckBox's own text never does: at 200 % it would widen the page).

    The sentence is a label beside the box: clicking it toggles the box; its mnemonic gives the box the focus.
    """

    def __init__(self, check: QCheckBox) -> None:
        super().__init__()
        self.check = check
        self.label = _ClickLabel(check)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(check)
        row.addWidget(self.label, 1)

    def set_text(self, text: str, description: str) -> None:
        self.label.setText(text)
        describe(self.check, text.replace("&", ""), description)


class _ClickLabel(QLabel):
    def __init__(self, check: QCheckBox) -> None:
        super().__init__()
        self._check = check
        self.setWordWrap(True)
        self.setBuddy(check)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._check.isEnabled():
            self._check.toggle()
            self._check.setFocus()
        super().mousePressEvent(event)


OCCUPATIONAL_PHYSICIAN = "medecin_du_travail"


class ProRow(NamedTuple):
    """A row of the professionals table: authorised (with the date), blocked, or with occupational consent."""

    professional: ProfessionalRef
    authorised_at: str  # "" when not authorised
    administrateur: bool
    blocked: bool = False
    occupational_consent: bool = False


def pro_rows(settings: AccessSettings) -> list[ProRow]:
    """Authorised professionals, then médecins du travail with consent only, then blocked ones."""
    consented = {o.rpps for o in settings.occupational_consents}
    rows = [
        ProRow(
            a.professional,
            a.authorised_at.astimezone().strftime("%d/%m/%Y"),
            a.administrateur,
            occupational_consent=a.professional.rpps in consented,
        )
        for a in settings.authorised
    ]
    listed = {r.professional.rpps for r in rows}
    rows += [
        ProRow(o, "", False, occupational_consent=True) for o in settings.occupational_consents if o.rpps not in listed
    ]
    return rows + [ProRow(b, "", False, blocked=True) for b in settings.blocked]


class AccessSettingsPage(Retranslatable, QWidget):
    """Every change asks first, in words that say what will happen, then runs on the worker (never blocks)."""

    sig_changed = Signal(object)
    """The settings shown changed; carries the AccessSettings returned by the service."""

    def __init__(
        self,
        *,
        confirmer: Confirmer,
        dossier_id: str | None = None,
        child_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``dossier_id`` (with ``child_name``): the settings of a child's dossier managed as legal representative."""
        super().__init__(parent)
        self._confirmer = confirmer
        self._dossier_id = dossier_id
        self._child_name = child_name
        self._profile: UnlockedProfile | None = None
        self._settings: AccessSettings | None = None
        self._generation = 0
        self._showing = False
        self.title = label("title")
        self.intro = label("muted")
        self.freshness = label("muted")
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
        self.table = row_table(self.model)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table, page_loaded=self.model.sig_page_loaded)  # nothing elided: scrolls sideways at 200 %
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.rpps_label = label(wrap=False)
        self.rpps_edit = QLineEdit()
        self.rpps_edit.setMaxLength(11)
        self.rpps_label.setBuddy(self.rpps_edit)
        # People by name: the registry is searched; the RPPS field is filled from the choice (or typed by hand).
        self.find_button = QPushButton()
        self.find_button.clicked.connect(lambda: self.find_professional("pros"))
        self.search_dialog: ProfessionalSearch | None = None
        self._found: dict[str, RegistryEntry] = {}
        self.authorise_button = QPushButton()
        self.block_button = QPushButton()
        self.unblock_button = QPushButton()
        self.authorise_button.clicked.connect(self.on_authorise_clicked)
        self.block_button.clicked.connect(self.on_block_clicked)
        self.unblock_button.clicked.connect(self.on_unblock_clicked)
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self.on_withdraw_clicked)
        self.admin_button = QPushButton()
        self.admin_button.clicked.connect(self.on_admin_clicked)
        # A médecin du travail needs the person's express consent (an authorisation is not enough for them).
        self.occupational_button = QPushButton()
        self.occupational_button.clicked.connect(self.on_occupational_clicked)
        self.rpps_edit.textChanged.connect(lambda _t: self._update_occupational())
        # Rows that wrap onto further lines at large text rather than widening the window.
        pros = QVBoxLayout(self.pros_box)
        self.pros_stack = TableOrEmpty(self.table, self.model)
        self.pros_stack.empty.setObjectName("pros_empty")
        pros.addWidget(self.pros_stack)
        pros.addWidget(
            flow_row(self.rpps_label, self.rpps_edit, self.find_button, self.authorise_button, self.withdraw_button),
        )
        pros.addWidget(flow_row(self.block_button, self.unblock_button, self.admin_button, self.occupational_button))
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
        self.doctor_find_button = QPushButton()
        self.doctor_find_button.clicked.connect(lambda: self.find_professional("doctor"))
        self.doctor_button.clicked.connect(self.on_doctor_clicked)
        self.default_masked_check = QCheckBox()
        self.default_masked_check.toggled.connect(self.on_default_masked_toggled)
        self.post_mortem_check = QCheckBox()
        self.post_mortem_check.toggled.connect(self.on_post_mortem_toggled)
        self.default_masked_row = WrappedCheck(self.default_masked_check)
        self.post_mortem_row = WrappedCheck(self.post_mortem_check)
        doctor = QHBoxLayout(self.doctor_box)
        doctor.addWidget(self.doctor_label, 1)
        doctor.addWidget(self.doctor_edit)
        doctor.addWidget(self.doctor_find_button)
        doctor.addWidget(self.doctor_button)
        # Aidants
        self.aidants_box = QGroupBox()
        self.aidants_model: PagedTableModel[Aidant] = PagedTableModel(
            [
                Column(lambda: self.tr("Identifiant"), lambda a: a.identifier or "—"),
                Column(lambda: self.tr("Jusqu'au"), lambda a: a.ends_at.astimezone().strftime("%d/%m/%Y")),
                Column(lambda: self.tr("État"), lambda a: self.tr("Actif") if a.active else self.tr("Inactif")),
                Column(
                    lambda: self.tr("Messages"), lambda a: self.tr("Les lit") if a.sees_messages else self.tr("Non")
                ),
            ],
            parent=self,
        )
        self.aidants_table = row_table(self.aidants_model)
        self.aidants_table.verticalHeader().setVisible(False)
        fit_columns(self.aidants_table, page_loaded=self.aidants_model.sig_page_loaded)
        self.aidant_edit = QLineEdit()
        self.aidant_until_edit = QDateEdit()
        self.aidant_until_edit.setCalendarPopup(True)
        self.aidant_until_edit.setDisplayFormat("dd/MM/yyyy")
        self.aidant_until_edit.setDate(QDate.currentDate().addMonths(6))
        self.invite_button = QPushButton()
        self.revoke_button = QPushButton()
        self.invite_button.clicked.connect(self.on_invite_clicked)
        self.revoke_button.clicked.connect(self.on_revoke_clicked)
        self.aidant_messages_button = QPushButton()  # let the chosen aidant read my conversations, or no longer
        self.aidant_messages_button.clicked.connect(self.on_aidant_messages_clicked)
        self.aidants_table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_aidant_messages())
        aidant_row = QHBoxLayout()
        for control in (self.aidant_edit, self.aidant_until_edit, self.invite_button, self.revoke_button):
            aidant_row.addWidget(control)
        aidant_messages_row = QHBoxLayout()
        aidant_messages_row.addWidget(self.aidant_messages_button)
        aidant_messages_row.addStretch(1)
        aidants = QVBoxLayout(self.aidants_box)
        self.aidants_stack = TableOrEmpty(self.aidants_table, self.aidants_model)
        self.aidants_stack.empty.setObjectName("aidants_empty")
        aidants.addWidget(self.aidants_stack)
        aidants.addLayout(aidant_row)
        aidants.addLayout(aidant_messages_row)
        # Legal representatives and child profiles (only on the person's own settings)
        self.children_box: ChildrenBox | None = None
        self.helping_box: HelpingBox | None = None
        if dossier_id is None:
            self.helping_box = HelpingBox(confirmer=confirmer)
            self.children_box = ChildrenBox(confirmer=confirmer)
            self.children_box.sig_manage_requested.connect(self.manage_child)
        self.child_dialog: QDialog | None = None
        self.child_page: AccessSettingsPage | None = None
        self.child_history: AccessHistoryPage | None = None
        self.child_tabs: QTabWidget | None = None
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.refresh_button)
        self.post_mortem_intro = label("muted")
        # One tab per question the person asks (« who among professionals? in an emergency? my relatives? »): each
        # scrolls on its own, so at 200 % text nothing is squeezed or clipped.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("access_tabs")
        self.tabs.setDocumentMode(True)
        self.tab_pages: dict[str, QScrollArea] = {}
        for key, parts in (
            ("pros", [self.pros_box, self.doctor_box, self.default_masked_row]),
            ("emergency", [self.emergency_box]),
            ("relatives", [self.aidants_box, self.helping_box]),
            ("children", [self.children_box]),
            ("after_death", [self.post_mortem_intro, self.post_mortem_row]),
        ):
            self.tab_pages[key] = self._tab(key, [p for p in parts if p is not None])
        # A child's dossier: no children of its own, and the opposition after death is the person's own choice.
        self.tabs.setTabVisible(self.tabs.indexOf(self.tab_pages["children"]), self.children_box is not None)
        self.tabs.setTabVisible(self.tabs.indexOf(self.tab_pages["after_death"]), dossier_id is None)
        self.post_mortem_row.setVisible(dossier_id is None)
        for table in (self.table, self.aidants_table):
            table.setMinimumHeight(table.fontMetrics().height() * 6)
            table.setTabKeyNavigation(False)  # Tab leaves the table: the arrows move inside it
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.freshness)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self._set_tab_order()  # once every control is in this window
        self.tab_switcher = wrap_tabs_when_narrow(self.tabs)  # 200 % text: a row that wraps, no tab label cut
        # Ctrl+Tab is the tab widget's own; Ctrl+PgDown / Ctrl+PgUp too, as in browsers and GNOME apps.
        for keys, step in ((QKeySequence("Ctrl+PgDown"), 1), (QKeySequence("Ctrl+PgUp"), -1)):
            shortcut = QShortcut(keys, self.tabs)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step_tab(step))
        self._apply_emergency_rule()
        self._update_enabled()
        self.retranslate_ui()

    TAB_KEYS = ("pros", "emergency", "relatives", "children", "after_death")
    """The tabs, in their order: Professionnels · Urgence · Proches · Enfants · Après mon décès."""

    def _tab(self, key: str, parts: list[QWidget]) -> QScrollArea:
        content = QWidget()
        inner = QVBoxLayout(content)
        for part in parts:
            inner.addWidget(part)
        inner.addStretch(1)
        scroller = QScrollArea()
        scroller.setObjectName(f"access_tab_{key}")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed Tab stop: the focus goes to its controls
        scroller.setWidget(content)
        self.tabs.addTab(scroller, "")
        return scroller

    def _step_tab(self, step: int) -> None:
        """The next (or previous) visible tab, round the end."""
        count = self.tabs.count()
        index = self.tabs.currentIndex()
        for _ in range(count):
            index = (index + step) % count
            if self.tabs.isTabVisible(index):
                self.tabs.setCurrentIndex(index)
                return

    @property
    def scroller(self) -> QScrollArea:
        """The scroll area of the tab shown."""
        current = self.tabs.currentWidget()
        assert isinstance(current, QScrollArea)
        return current

    def show_part(self, part: QWidget) -> None:
        """Open the tab that holds ``part`` and scroll it into view (e.g. « Un proche est décédé » from welcome)."""
        for scroller in self.tab_pages.values():
            if scroller.isAncestorOf(part):
                self.tabs.setCurrentWidget(scroller)
                scroller.ensureWidgetVisible(part, 0, 0)
                return

    def _set_tab_order(self) -> None:
        """Reading order: « Actualiser », the tab bar, then each tab top to bottom (the hidden tabs are skipped)."""
        chain: list[QWidget] = [self.refresh_button, self.tabs.tabBar(), self.table, self.rpps_edit, self.find_button]
        chain += [self.authorise_button, self.withdraw_button, self.block_button, self.unblock_button]
        chain += [self.admin_button, self.occupational_button, self.doctor_edit, self.doctor_find_button]
        chain += [self.doctor_button, self.default_masked_check]
        chain += [self.samu_check, self.others_check, self.masked_check, self.mask_all_check, self.emergency_button]
        chain += [self.aidants_table, self.aidant_edit, self.aidant_until_edit, self.invite_button, self.revoke_button]
        chain.append(self.aidant_messages_button)
        if self.helping_box is not None:
            chain += self.helping_box.tab_chain()
        if self.children_box is not None:
            chain += self.children_box.tab_chain()
        chain.append(self.post_mortem_check)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- state -------------------------------------------------------------------------------------------------------
    @property
    def settings(self) -> AccessSettings | None:
        return self._settings

    def _state(self, row: ProRow) -> str:
        if row.blocked:
            return self.tr("Bloqué")
        parts = [self.tr("Autorisé le %1").replace("%1", row.authorised_at)] if row.authorised_at else []
        if row.administrateur:
            parts.append(self.tr("administrateur"))
        if row.occupational_consent:
            parts.append(self.tr("consentement exprès (médecine du travail)"))
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

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
        self.freshness.clear()
        show_error(self.error, "")
        if self.children_box is not None:
            self.children_box.set_profile(profile)
        if self.helping_box is not None:
            self.helping_box.set_profile(profile)
        if self.search_dialog is not None:
            self.search_dialog.close()
            self.search_dialog = None
        self._found.clear()
        if self.child_dialog is not None and profile is None:
            self.child_dialog.close()
        if self.child_page is not None and profile is None:
            self.child_page.set_profile(None)
        if self.child_history is not None and profile is None:
            self.child_history.set_profile(None)
        self._update_enabled()
        if profile is not None:
            from desktop_app import account

            if account.is_signed_in(profile):
                self.reload()

    def clear(self) -> None:
        self.set_profile(None)

    def reload(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        self._run(lambda p: access.access_settings(p, dossier_id=scope))
        if self.children_box is not None:
            self.children_box.reload()
        if self.helping_box is not None:
            self.helping_box.reload()

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
        rows = pro_rows(settings)
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
        self._showing = True  # setting the boxes from the service is not a change asked by the person
        self.default_masked_check.setChecked(settings.default_masked_from_professionals)
        self.post_mortem_check.setChecked(settings.post_mortem_opposed)
        self._showing = False
        aidants = list(settings.aidants)
        self.aidants_model.set_source(lambda offset, limit: aidants[offset : offset + limit])
        self._update_enabled()
        self.retranslate_ui()
        self.sig_changed.emit(settings)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from desktop_app.service_client import SyncOffline

        # Offline, a change is not kept for later (unlike the dossier's edits): say so plainly.
        offline = isinstance(exc, SyncOffline)
        message = exc.message(current_language()) if isinstance(exc, CarnetError) and not offline else ""
        show_error(self.error, message or self.tr("Le service n'a pas pu être joint. Réessayez plus tard."))

    @property
    def offline(self) -> bool:
        """True when the settings shown are the offline copy: they can be read, not changed."""
        return self._settings is not None and self._settings.from_cache

    def _update_enabled(self) -> None:
        shown = self._settings is not None
        for widget in (
            self.pros_box,
            self.doctor_box,
            self.emergency_box,
            self.default_masked_check,
            self.post_mortem_check,
            self.aidants_box,
        ):
            widget.setEnabled(shown)
        # The offline copy stays readable (tables can be scrolled, read aloud); nothing can be changed.
        for control in self._change_controls():
            control.setEnabled(shown and not self.offline)
        if shown and not self.offline:
            self._apply_emergency_rule()
        if self.children_box is not None:
            self.children_box.setEnabled(not self.offline)  # children are managed online only
        if self.helping_box is not None:
            self.helping_box.setEnabled(not self.offline)
        self._update_withdraw()
        self._update_aidant_messages()

    def _change_controls(self) -> list[QWidget]:
        """Every control that asks the service for a change (disabled on the offline copy)."""
        return [
            self.rpps_edit,
            self.find_button,
            self.doctor_find_button,
            self.authorise_button,
            self.withdraw_button,
            self.block_button,
            self.unblock_button,
            self.admin_button,
            self.doctor_edit,
            self.doctor_button,
            self.samu_check,
            self.others_check,
            self.masked_check,
            self.mask_all_check,
            self.emergency_button,
            self.default_masked_check,
            self.post_mortem_check,
            self.aidant_edit,
            self.aidant_until_edit,
            self.invite_button,
            self.revoke_button,
            self.occupational_button,
        ]

    def _selected_authorised(self) -> bool:
        index = self.table.currentIndex()
        return index.isValid() and bool(self.model.row_object(index.row())[1])

    def _update_withdraw(self) -> None:
        self.withdraw_button.setEnabled(not self.offline and self._selected_authorised())
        self._update_occupational()

    def _listed(self, rpps: str) -> ProRow | None:
        """The row of the professional with this RPPS, when the table lists them."""
        s = self._settings
        return next((r for r in pro_rows(s) if r.professional.rpps == rpps), None) if s is not None else None

    def _has_occupational_consent(self, rpps: str) -> bool:
        s = self._settings
        return s is not None and any(o.rpps == rpps for o in s.occupational_consents)

    def _update_occupational(self) -> None:
        """The consent control shows for a médecin du travail (or an RPPS typed by hand: the service checks it),
        never for a professional of another profession or a blocked one; it withdraws when consent is given."""
        rpps = self.rpps_edit.text().strip()
        row = self._listed(rpps)
        other = row is not None and (row.blocked or (row.professional.profession not in (None, OCCUPATIONAL_PHYSICIAN)))
        self.occupational_button.setVisible(not other)
        self.occupational_button.setEnabled(self._settings is not None and not self.offline and bool(rpps))
        if self._has_occupational_consent(rpps):
            self.occupational_button.setText(self.tr("Retirer le consentement à la médecine du tra&vail"))
            describe(
                self.occupational_button,
                self.tr("Retirer le consentement à la médecine du travail"),
                self.tr("Le médecin du travail ne pourra plus ouvrir le dossier ; demande confirmation."),
            )
        else:
            self.occupational_button.setText(self.tr("Autoriser la médecine du travail (consentement e&xprès)"))
            describe(
                self.occupational_button,
                self.tr("Autoriser la médecine du travail (consentement exprès)"),
                self.tr(
                    "Pour un médecin du travail, une autorisation ne suffit pas : il lui faut votre consentement "
                    "exprès. Demande confirmation."
                ),
            )

    def _apply_emergency_rule(self) -> None:
        """Masked documents only make sense when someone may open in an emergency: off and greyed otherwise."""
        allowed = self.samu_check.isChecked() or self.others_check.isChecked()
        if not allowed:
            self.masked_check.setChecked(False)
        self.masked_check.setEnabled(allowed)

    def _on_row_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def] # Qt signal
        if current.isValid():
            self.rpps_edit.setText(self.model.row_object(current.row())[0].rpps)
        self._update_withdraw()

    def _rpps(self) -> str | None:
        rpps = self.rpps_edit.text().strip()
        if not (rpps.isdigit() and len(rpps) == 11):
            show_error(self.error, self.tr("Saisissez le numéro RPPS du professionnel : 11 chiffres, sans espace."))
            self.rpps_edit.setFocus()
            return None
        return rpps

    def find_professional(self, target: str) -> ProfessionalSearch | None:
        """Open the search by name; the choice fills the RPPS field of ``target`` (« pros » or « doctor »)."""
        profile = self._profile
        if profile is None:
            return None
        if self.search_dialog is not None:
            self.search_dialog.close()
        dialog = ProfessionalSearch(profile, purpose=target, parent=self)
        dialog.sig_chosen.connect(lambda entry: self._on_found(target, entry))
        self.search_dialog = dialog
        dialog.open()
        dialog.name_edit.setFocus()
        return dialog

    def _on_found(self, target: str, entry: RegistryEntry) -> None:
        self._found[entry.rpps] = entry
        edit = self.doctor_edit if target == "doctor" else self.rpps_edit
        edit.setText(entry.rpps)
        show_error(self.error, "")
        (self.doctor_button if target == "doctor" else self.authorise_button).setFocus()

    def who(self, rpps: str) -> str | None:
        """« Anne Durand, médecin généraliste (RPPS …) » when the person is known (found by name, or listed)."""
        entry = self._found.get(rpps)
        name: str
        profession: str | None
        if entry is not None:
            name, profession = entry.name, entry.profession
        else:
            s = self._settings
            listed = self._listed(rpps)
            ref = listed.professional if listed is not None else None
            if ref is None and s is not None and s.medecin_traitant is not None and s.medecin_traitant.rpps == rpps:
                ref = s.medecin_traitant
            if ref is None or not ref.name:
                return None
            name, profession = ref.name, ref.profession
        text = self.tr("%1, %2 (RPPS %3)") if profession else self.tr("%1 (RPPS %3)")
        return text.replace("%1", name).replace("%2", profession_name(profession)).replace("%3", rpps)

    def _named(self, rpps: str, named: str, by_number: str) -> str:
        """The confirmation names the person and profession when known; else it gives the RPPS typed."""
        who = self.who(rpps)
        return named.replace("%1", who) if who else by_number.replace("%1", rpps)

    def _ask(self, *, title: str, text: str, confirm: str) -> bool:
        return self._confirmer.ask(self, title=title, text=text, confirm_label=confirm, cancel_label=self.tr("Annuler"))

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_authorise_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        rpps = self._rpps()
        if rpps and self._ask(
            title=self.tr("Autoriser ce professionnel ?"),
            text=self._named(
                rpps,
                self.tr("%1 pourra ouvrir votre dossier."),
                self.tr("Le professionnel de RPPS %1 pourra ouvrir votre dossier."),
            ),
            confirm=self.tr("Autoriser"),
        ):
            self._run(lambda p: access.authorise(p, rpps, dossier_id=scope))

    def on_withdraw_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        index = self.table.currentIndex()
        if not self._selected_authorised():
            show_error(self.error, self.tr("Choisissez d'abord un professionnel autorisé dans la liste."))
            return
        pro = self.model.row_object(index.row())[0]
        who = self.tr("%1 (RPPS %2)").replace("%1", pro.name or "—").replace("%2", pro.rpps)
        text = self.tr(
            "%1 ne pourra plus ouvrir votre dossier, dès maintenant, et perd ses rôles (administrateur). Ce qu'il "
            "y a déjà ajouté reste dans votre dossier. Il n'est pas bloqué : vous pourrez l'autoriser à nouveau."
        ).replace("%1", who)
        if self._ask(title=self.tr("Retirer l'autorisation ?"), text=text, confirm=self.tr("Retirer l'autorisation")):
            self._run(lambda p: access.withdraw(p, pro.rpps, dossier_id=scope))

    def on_post_mortem_toggled(self, opposed: bool) -> None:
        from desktop_app import access

        scope = self._dossier_id
        if self._showing or self._profile is None:
            return
        text = (
            self.tr(
                "Après votre décès, vos proches (ayants droit) ne pourront pas accéder à votre dossier, même pour "
                "connaître la cause du décès ou faire valoir leurs droits."
            )
            if opposed
            else self.tr(
                "Après votre décès, vos proches (ayants droit) pourront demander l'accès à votre dossier dans les "
                "cas prévus par la loi."
            )
        )
        if self._ask(title=self.tr("Accès de vos proches après votre décès"), text=text, confirm=self.tr("Confirmer")):
            self._run(lambda p: access.set_post_mortem_opposition(p, opposed=opposed, dossier_id=scope))
        else:
            self._showing = True
            self.post_mortem_check.setChecked(not opposed)
            self._showing = False

    def manage_child(self, child: ChildProfile) -> AccessSettingsPage:
        """« Gérer les accès de <prénom> »: the same screen, for the child's dossier, in a window of its own."""
        if self.child_dialog is not None:
            self.child_dialog.close()
        dialog = QDialog(self)
        page = AccessSettingsPage(confirmer=self._confirmer, dossier_id=child.dossier_id, child_name=child.first_names)
        history = AccessHistoryPage(dossier_id=child.dossier_id, child_name=child.first_names)
        tabs = QTabWidget()
        tabs.addTab(page, self.tr("Accès et &confidentialité"))
        tabs.addTab(history, self.tr("&Historique des accès"))
        describe(tabs, page.title.text(), self.tr("Ctrl+Tab passe d'un onglet à l'autre."))
        describe_tab_scrollers(tabs)
        QVBoxLayout(dialog).addWidget(tabs)
        dialog.setWindowTitle(page.title.text())
        dialog.resize(self.window().size() * 0.9)
        self.child_dialog, self.child_page, self.child_history, self.child_tabs = dialog, page, history, tabs
        dialog.show()
        page.set_profile(self._profile)
        history.set_profile(self._profile)
        return page

    def on_block_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        rpps = self._rpps()
        if rpps and self._ask(
            title=self.tr("Bloquer ce professionnel ?"),
            text=self._named(
                rpps,
                self.tr(
                    "%1 ne pourra plus rien voir de votre dossier. Il perd son autorisation et ses rôles "
                    "(administrateur, médecin traitant)."
                ),
                self.tr(
                    "Le professionnel de RPPS %1 ne pourra plus rien voir de votre dossier. Il perd son autorisation "
                    "et ses rôles (administrateur, médecin traitant)."
                ),
            ),
            confirm=self.tr("Bloquer"),
        ):
            self._run(lambda p: access.block(p, rpps, dossier_id=scope))

    def on_unblock_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        rpps = self._rpps()
        if rpps and self._ask(
            title=self.tr("Débloquer ce professionnel ?"),
            text=self._named(
                rpps,
                self.tr(
                    "%1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : pour qu'il ouvre votre "
                    "dossier, autorisez-le ensuite."
                ),
                self.tr(
                    "Le professionnel de RPPS %1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : "
                    "pour qu'il ouvre votre dossier, autorisez-le ensuite."
                ),
            ),
            confirm=self.tr("Débloquer"),
        ):
            self._run(lambda p: access.unblock(p, rpps, dossier_id=scope))

    def on_emergency_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        wanted = access.EmergencySettings(
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
            self._run(lambda p: access.set_emergency(p, wanted, dossier_id=scope))

    def on_occupational_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        rpps = self._rpps()
        if not rpps:
            return
        row = self._listed(rpps)
        who = self.tr("%1 (RPPS %2)").replace("%1", row.professional.name or "—" if row else "—").replace("%2", rpps)
        if self._has_occupational_consent(rpps):
            text = self.tr(
                "Le médecin du travail %1 ne pourra plus ouvrir votre dossier, dès maintenant. Ce qu'il y a déjà "
                "ajouté reste dans votre dossier."
            ).replace("%1", who)
            if self._ask(
                title=self.tr("Retirer le consentement ?"), text=text, confirm=self.tr("Retirer le consentement")
            ):
                self._run(lambda p: access.withdraw_occupational_consent(p, rpps, dossier_id=scope))
            return
        text = self.tr(
            "Le médecin du travail %1 pourra ouvrir votre dossier. C'est votre consentement exprès : il est "
            "facultatif et vous pourrez le retirer à tout moment."
        ).replace("%1", who)
        if self._ask(
            title=self.tr("Autoriser la médecine du travail ?"), text=text, confirm=self.tr("Donner mon consentement")
        ):
            self._run(lambda p: access.give_occupational_consent(p, rpps, dossier_id=scope))

    def on_admin_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
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
            self._named(
                rpps,
                self.tr("%1 pourra gérer votre dossier comme administrateur."),
                self.tr("Le professionnel de RPPS %1 pourra gérer votre dossier comme administrateur."),
            )
            if enable
            else self._named(
                rpps,
                self.tr("%1 ne sera plus administrateur ; il reste autorisé."),
                self.tr("Le professionnel de RPPS %1 ne sera plus administrateur ; il reste autorisé."),
            )
        )
        if self._ask(title=self.tr("Administrateur"), text=text, confirm=self.tr("Confirmer")):
            self._run(lambda p: access.set_administrateur(p, rpps, enabled=enable, dossier_id=scope))

    def on_doctor_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        rpps = self.doctor_edit.text().strip() or None
        if rpps is not None and not (rpps.isdigit() and len(rpps) == 11):
            show_error(self.error, self.tr("Saisissez le numéro RPPS du professionnel : 11 chiffres, sans espace."))
            self.doctor_edit.setFocus()
            return
        text = (
            self._named(
                rpps,
                self.tr("%1 deviendra votre médecin traitant."),
                self.tr("Le professionnel de RPPS %1 deviendra votre médecin traitant."),
            )
            if rpps
            else self.tr("Vous n'aurez plus de médecin traitant dans votre dossier.")
        )
        if self._ask(title=self.tr("Médecin traitant"), text=text, confirm=self.tr("Confirmer")):
            self._run(lambda p: access.set_medecin_traitant(p, rpps, dossier_id=scope))

    def on_default_masked_toggled(self, masked: bool) -> None:
        from desktop_app import access

        scope = self._dossier_id
        if self._showing or self._profile is None:
            return
        text = (
            self.tr("Les nouveaux documents seront masqués aux professionnels jusqu'à ce que vous les démasquiez.")
            if masked
            else self.tr("Les nouveaux documents seront visibles des professionnels autorisés.")
        )
        if self._ask(title=self.tr("Confidentialité des nouveaux documents"), text=text, confirm=self.tr("Confirmer")):
            self._run(
                lambda p: access.set_default_confidentiality(p, masked_from_professionals=masked, dossier_id=scope)
            )
        else:
            self._showing = True
            self.default_masked_check.setChecked(not masked)
            self._showing = False

    def on_invite_clicked(self) -> None:
        from datetime import datetime, time

        from desktop_app import access

        scope = self._dossier_id
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
            self._run(lambda p: access.invite_aidant(p, identifier, ends_at=ends_at, dossier_id=scope))

    def on_revoke_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        index = self.aidants_table.currentIndex()
        if not index.isValid():
            show_error(self.error, self.tr("Choisissez d'abord l'aidant dans la liste."))
            return
        aidant = self.aidants_model.row_object(index.row())
        text = self.tr("%1 ne pourra plus consulter votre dossier, dès maintenant.").replace(
            "%1", aidant.identifier or "—"
        )
        if self._ask(title=self.tr("Retirer ce proche aidant ?"), text=text, confirm=self.tr("Retirer")):
            self._run(lambda p: access.revoke_aidant(p, aidant.account_id, dossier_id=scope))

    def _chosen_aidant(self) -> Aidant | None:
        index = self.aidants_table.currentIndex()
        return self.aidants_model.row_object(index.row()) if index.isValid() else None

    def _update_aidant_messages(self) -> None:
        """« Lui montrer mes messages » or « Ne plus lui montrer mes messages », for the chosen aidant (online)."""
        aidant = self._chosen_aidant()
        sees = aidant is not None and aidant.sees_messages
        self.aidant_messages_button.setEnabled(self._settings is not None and not self.offline and aidant is not None)
        self.aidant_messages_button.setText(
            self.tr("Ne plus lui montrer mes &messages") if sees else self.tr("Lui montrer mes &messages…")
        )
        describe(
            self.aidant_messages_button,
            self.tr("Ne plus lui montrer mes messages") if sees else self.tr("Lui montrer mes messages"),
            self.tr("Vos conversations avec les professionnels, en lecture seule. Demande confirmation."),
        )

    def on_aidant_messages_clicked(self) -> None:
        from desktop_app import access

        scope = self._dossier_id
        aidant = self._chosen_aidant()
        if aidant is None:
            show_error(self.error, self.tr("Choisissez d'abord l'aidant dans la liste."))
            return
        who = aidant.identifier or "—"
        if aidant.sees_messages:
            text = self.tr("%1 ne verra plus vos conversations avec les professionnels, dès maintenant.")
            if self._ask(
                title=self.tr("Ne plus lui montrer vos messages ?"),
                text=text.replace("%1", who),
                confirm=self.tr("Ne plus les montrer"),
            ):
                self._run(lambda p: access.withdraw_aidant_messages(p, aidant.account_id, dossier_id=scope))
            return
        text = self.tr(
            "%1 pourra lire vos conversations avec les professionnels de santé, tant qu'il ou elle est votre proche "
            "aidant. Il ou elle ne pourra pas y répondre. Chaque lecture est inscrite dans votre historique des accès."
        )
        if self._ask(
            title=self.tr("Lui montrer vos messages ?"),
            text=text.replace("%1", who),
            confirm=self.tr("Montrer mes messages"),
        ):
            self._run(lambda p: access.allow_aidant_messages(p, aidant.account_id, dossier_id=scope))

    def retranslate_ui(self) -> None:
        describe_tab_scrollers(self.tabs)
        describe(
            self.tabs,
            self.tr("Parties de l'accès et de la confidentialité"),
            self.tr("Ctrl+Tab ou Ctrl+Page suivante passe d'un onglet à l'autre."),
        )
        if self._child_name is not None:
            self.title.setText(self.tr("Accès et confidentialité — dossier de %1").replace("%1", self._child_name))
            self.intro.setText(
                self.tr(
                    "Qui peut ouvrir le dossier de %1. Chaque changement vous est demandé avant d'être appliqué."
                ).replace("%1", self._child_name)
            )
        else:
            self.title.setText(self.tr("Accès et confidentialité"))
            self.intro.setText(
                self.tr("Qui peut ouvrir votre dossier. Chaque changement vous est demandé avant d'être appliqué.")
            )
        s = self._settings
        if s is not None and s.fetched_at is not None:
            when = s.fetched_at.astimezone().strftime("%d/%m/%Y %H:%M")
            self.freshness.setText(
                self.tr(
                    "Copie du %1 — hors ligne. Les réglages ne peuvent pas être modifiés sans connexion : "
                    "reconnectez-vous puis choisissez « Actualiser »."
                ).replace("%1", when)
                if s.from_cache
                else self.tr("À jour le %1.").replace("%1", when)
            )
        describe(self.freshness, self.tr("Fraîcheur des réglages"), self.freshness.text())
        self.withdraw_button.setText(self.tr("Retirer &l'autorisation"))
        describe(
            self.withdraw_button,
            self.tr("Retirer l'autorisation"),
            self.tr("Le professionnel choisi ne pourra plus ouvrir le dossier ; demande confirmation."),
        )
        self.post_mortem_row.set_text(
            self.tr("Je m'&oppose à l'accès de mes proches à mon dossier après mon décès"),
            self.tr("Demande confirmation."),
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
        self.find_button.setText(self.tr("C&hercher par nom…"))
        describe(
            self.find_button,
            self.tr("Chercher un professionnel par nom"),
            self.tr("Par nom, profession et ville ; le choix remplit le RPPS."),
        )
        self.doctor_find_button.setText(self.tr("Cherch&er par nom…"))
        describe(
            self.doctor_find_button,
            self.tr("Chercher le médecin traitant par nom"),
            self.tr("Par nom, profession et ville ; le choix remplit le RPPS."),
        )
        self.default_masked_row.set_text(
            self.tr("Masquer par défaut les nouveaux documents aux professionnels"), self.tr("Demande confirmation.")
        )
        self.aidants_box.setTitle(self.tr("Proches aidants"))
        describe(self.aidants_table, self.tr("Proches aidants"), self.tr("Identifiant, fin, état, messages."))
        describe(self.aidant_edit, self.tr("Identifiant de l'aidant"), self.tr("Son identifiant Carnet."))
        describe(self.aidant_until_edit, self.tr("Fin de l'accès"), self.tr("Dernier jour, inclus."))
        self.invite_button.setText(self.tr("&Inviter"))
        describe(self.invite_button, self.tr("Inviter"), self.tr("Demande confirmation."))
        self.revoke_button.setText(self.tr("Retirer"))
        describe(self.revoke_button, self.tr("Retirer l'aidant"), self.tr("Demande confirmation."))
        self._update_aidant_messages()
        for key, title in zip(self.TAB_KEYS, self._tab_titles(), strict=True):
            self.tabs.setTabText(self.tabs.indexOf(self.tab_pages[key]), title)
        describe(self.tabs.tabBar(), self.tr("Rubriques des accès"), self.tr("Ctrl+Tab passe d'un onglet à l'autre."))
        self.pros_stack.set_texts(
            self.tr("Aucun professionnel autorisé ni bloqué"),
            self.tr(
                "Pour qu'un professionnel de santé puisse ouvrir votre dossier, saisissez son numéro RPPS ci-dessous "
                "ou choisissez « Chercher par nom… », puis « Autoriser »."
            ),
        )
        self.aidants_stack.set_texts(
            self.tr("Aucun proche aidant"),
            self.tr(
                "Un proche aidant peut consulter votre dossier jusqu'à la date choisie. Saisissez son identifiant "
                "Carnet et la date de fin ci-dessous, puis « Inviter »."
            ),
        )
        self.post_mortem_intro.setText(
            self.tr(
                "Après votre décès, vos proches (ayants droit, partenaire de PACS, concubin) peuvent demander l'accès "
                "à votre dossier dans les cas prévus par la loi : connaître la cause du décès, défendre votre mémoire "
                "ou faire valoir leurs droits. Vous pouvez vous y opposer dès maintenant."
            )
        )
        self.model.retranslate()
        self.aidants_model.retranslate()

    def _tab_titles(self) -> tuple[str, str, str, str, str]:
        return (
            self.tr("Professionnels"),
            self.tr("Urgence"),
            self.tr("Proches"),
            self.tr("Enfants"),
            self.tr("Après mon décès"),
        )
