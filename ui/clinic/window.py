"""Clinic workstation window: sign-in, patients, the day's cache, offline edits, background sync, bris de glace.

The background sync is the patient window's driver (`ui.sync.SyncController`) on the session's engine, every
two minutes; the open dossier follows the profile's change events (`ui.changes.ChangeRelay`)."""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clinic_view
from desktop_app.care_history import CareHistory
from desktop_app.changes import ChangeOrigin, StoreChange
from desktop_app.clinic import (
    ClinicInputError,
    ClinicSession,
    DocumentPolicy,
    EmergencyAccess,
    PatientSummary,
    enrol,
    pro_sign_in,
    pro_sign_in_oidc,
    rpps_of,
    trusted_unlock,
)
from desktop_app.clinic_fates import ChangeFate, Fate
from desktop_app.dossier_store import DocumentInfo, Entry, utc_now
from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.sync.engine import Progress, Revocation, SyncEngine
from desktop_app.sync.http import Backoff, NotSignedIn, SyncCancelled, SyncOffline
from desktop_app.vault import DEFAULT_KDF, KdfParams
from dossier.access import DocumentCategory
from dossier.documents import DOCUMENT_CATEGORIES
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity
from ui.changes import ChangeRelay
from ui.clinic.day import PrepareDayDialog, local_time
from ui.clinic.documents import ClinicDocumentWindow
from ui.clinic.end_of_day import EndOfDayDialog
from ui.clinic.forms import DocumentChoice, DocumentDialog, EmergencyDialog, RetitleDialog, VaccinationForm
from ui.clinic.messages import ClinicMessagesDialog
from ui.clinic.patients import PatientTableModel, search_terms
from ui.dialogs import Confirmer
from ui.i18n import current_language, pick
from ui.locking import IdleLocker
from ui.ops import Op
from ui.sync import SyncController
from ui.widgets import (
    describe,
    describe_tab_scrollers,
    error_label,
    label,
    row_table,
    set_role,
    show_error,
    with_messages,
)

FileChooser = Callable[[QWidget], Path | None]
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # a dossier view line's document id
SYNC_INTERVAL_MS = 120_000  # background sync every 2 minutes; sooner (the engine's backoff) after a failure

_STYLE = """
#clinicBanner { background: #a3161a; color: #ffffff; font-weight: bold; padding: 8px; }
"""


def ask_file(parent: QWidget) -> Path | None:
    """The system file dialog; None when the person cancels."""
    chosen, _ = QFileDialog.getOpenFileName(parent, parent.tr("Ajouter un document"))
    return Path(chosen) if chosen else None


class LoginCancelled(CarnetError):
    exit_code = 2
    message_fr = "Connexion annulée."
    message_en = "Sign-in cancelled."


@dataclass(frozen=True, slots=True)
class DossierContent:
    """What the professional sees of one dossier: the cached documents and entries (the kinds the policy lets this
    profession read), and what the service withheld at the online opening (None: offline, not known)."""

    dossier_id: str
    online: bool
    cached: bool
    documents: list[DocumentInfo]
    entries: dict[str, list[Entry]]
    withheld: dict[str, int] | None = None
    own: frozenset[str] = frozenset()  # documents this professional added from this workstation
    care: CareHistory | None = None  # the histoire de santé last fetched on this workstation (None: never)

    @property
    def vaccinations(self) -> list[Entry]:
        return self.entries.get("vaccination", [])


class _Bridge(QObject):
    """Carries worker-thread events (the engine's progress, the code prompt) to the UI thread as queued signals."""

    sig_code_wanted = Signal()
    sig_progress = Signal(object)
    sig_open_url = Signal(str)  # Pro Santé Connect: the authorization page, opened from the UI thread


def keep_space(widget: QLabel, lines: int = 1) -> QLabel:
    """A message that comes and goes keeps its lines: nothing below it moves under the cursor (issue 18)."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    widget.setWordWrap(lines > 1)
    widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 8)
    return widget


def _message(exc: BaseException) -> str:
    if isinstance(exc, CarnetError | DossierValidationError):
        return exc.message(current_language())
    return "Une erreur est survenue ; rien n'est perdu, réessayez. (An error occurred; nothing was lost.)"


_local = local_time


class ClinicWindow(QWidget):
    """The clinic workstation page; the lead hooks it on the welcome screen."""

    sig_signed_in = Signal()
    sig_locked = Signal()
    """The professional's profile was locked (logout, idle, change of user) and every view cleared."""

    def __init__(
        self,
        *,
        data_dir: Path,
        server_url: str,
        clock: Callable[[], float] = time.monotonic,
        idle_timeout_s: float = 120,
        transport: httpx.BaseTransport | None = None,
        confirmer: Confirmer | None = None,
        choose_file: FileChooser = ask_file,
        backoff: Backoff | None = None,
        kdf: KdfParams = DEFAULT_KDF,
        idle_poll_ms: int = 15_000,
        sync_interval_ms: int = SYNC_INTERVAL_MS,
        device_name: str = "",
        open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url)),
        trust_hours: float | None = None,
        wall_clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clinicWindow")
        self.setStyleSheet(_STYLE)
        self.directory = ProfileDirectory(data_dir, kdf=kdf)
        self.server_url = server_url
        self._transport = transport
        self._backoff = backoff
        self.confirmer = confirmer or Confirmer()
        self._choose_file = choose_file
        self._device_name = device_name or f"Poste clinique {socket.gethostname()}"
        self.session: ClinicSession | None = None
        # How long a sign-in with the e-mailed code trusts this workstation (CARNET_CLINIC_TRUST_HOURS, 12 h).
        hours = trust_hours if trust_hours is not None else float(os.environ.get("CARNET_CLINIC_TRUST_HOURS", "12"))
        self.trust = timedelta(hours=max(0.0, hours))
        self.wall_clock = wall_clock
        self._codes: queue.Queue[str | None] | None = None
        self.current: DossierContent | None = None
        self.emergency: EmergencyAccess | None = None
        self.emergency_dialog: EmergencyDialog | None = None
        self._names: dict[str, str] = {}
        self.bridge = _Bridge(self)
        self.bridge.sig_code_wanted.connect(self._show_code_step)
        self.bridge.sig_progress.connect(self._on_progress)
        self.bridge.sig_open_url.connect(open_url)  # the system browser, for Pro Santé Connect
        self.idle = IdleLocker(timeout_s=idle_timeout_s, clock=clock, poll_ms=idle_poll_ms, parent=self)
        self.idle.sig_idle_timeout.connect(lambda: self.lock_session())  # forgets the trust too
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._emergency_timer = QTimer(self)
        self._emergency_timer.setSingleShot(True)
        self._emergency_timer.timeout.connect(self._end_emergency)
        self.day_dialog: PrepareDayDialog | None = None
        self._preparing = False
        # The same sync driver as the patient's window, on the session's engine.
        self.sync = SyncController(engine_factory=self._engine_of, interval_s=sync_interval_ms / 1000, parent=self)
        self.sync.sig_state_changed.connect(self._on_sync_state)
        self.sync.sig_failed.connect(self._on_sync_failed)
        self.sync.sig_revoked.connect(self._on_revoked)
        self.changes = ChangeRelay(self)
        self.changes.sig_changed.connect(self._on_store_changed)

        self.banner = label()
        self.banner.setObjectName("clinicBanner")
        self.banner.setText(" ")  # its height is measured once, then kept while hidden
        self.banner.setVisible(False)
        keep_space(self.banner)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_login())
        self.stack.addWidget(self._build_workspace())
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.rpps.setFocus()

    # -- login -------------------------------------------------------------------------------------------------------
    def _edit(self, name: str, description: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        describe(edit, name, description)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _button(self, text: str, description: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        describe(button, text, description)
        button.clicked.connect(slot)
        return button

    def _build_login(self) -> QWidget:
        page = QWidget()
        title = set_role(label(), "heading")
        title.setText(self.tr("Poste clinique — connexion du professionnel"))  # type: ignore[attr-defined]
        self.rpps = self._edit(self.tr("Numéro RPPS"), self.tr("11 chiffres."))
        self.rpps_error = error_label()
        self.password = self._edit(self.tr("Mot de passe"), self.tr("Votre mot de passe."), secret=True)
        self.password_error = error_label()
        self.sign_in = self._button(self.tr("Se connecter"), self.tr("Recevoir un code par e-mail."), self._on_sign_in)
        self.credentials = QGroupBox(self.tr("Identifiants"))
        form = QFormLayout(self.credentials)
        for caption, editor, error in (
            (self.tr("Numéro RPPS"), self.rpps, self.rpps_error),
            (self.tr("Mot de passe"), self.password, self.password_error),
        ):
            buddy = label(buddy=editor)
            buddy.setText(caption)
            form.addRow(buddy, with_messages(editor, error))
        form.addRow(self.sign_in)
        self.sign_in_psc = self._button(
            self.tr("Se connecter avec Pro Santé Connect"),
            self.tr("Avec votre e-CPS, dans le navigateur ; le mot de passe ouvre vos données sur ce poste."),
            self._on_sign_in_psc,
        )
        form.addRow(self.sign_in_psc)
        self.psc_hint = label("muted")
        self.psc_hint.setText(self.tr("Terminez la connexion dans votre navigateur…"))
        self.psc_hint.setVisible(False)
        form.addRow(self.psc_hint)
        self.code = self._edit(self.tr("Code reçu par e-mail"), self.tr("Le code à 6 chiffres envoyé par e-mail."))
        self.code_error = error_label()
        self.confirm_code = self._button(self.tr("Valider le code"), self.tr("Terminer la connexion."), self._on_code)
        self.cancel_code = self._button(self.tr("Annuler"), self.tr("Revenir aux identifiants."), self.cancel_login)
        self.code_box = QGroupBox(self.tr("Code de confirmation"))
        code_form = QFormLayout(self.code_box)
        hint = label("muted")
        hint.setText(self.tr("Un code vient de vous être envoyé par e-mail."))
        code_form.addRow(hint)
        buddy = label(buddy=self.code)
        buddy.setText(self.tr("Code reçu par e-mail"))
        code_form.addRow(buddy, with_messages(self.code, self.code_error))
        row = QHBoxLayout()
        row.addWidget(self.confirm_code)
        row.addWidget(self.cancel_code)
        code_form.addRow(row)
        self.code_box.setVisible(False)
        self.enrol_box = self._build_enrolment()
        self.show_enrolment = self._button(
            self.tr("Première connexion (code d'enrôlement)…"),
            self.tr("Choisir votre mot de passe avec le code d'enrôlement reçu par e-mail."),
            self.open_enrolment,
        )
        self.rpps.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.sign_in.click)
        self.code.returnPressed.connect(self.confirm_code.click)
        box = QVBoxLayout(page)
        box.addWidget(title)
        box.addWidget(self.credentials)
        box.addWidget(self.code_box)
        box.addWidget(self.show_enrolment, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.enrol_box)
        box.addStretch(1)
        return page

    def _build_enrolment(self) -> QGroupBox:
        """First time: RPPS, the e-mailed enrolment code, a password chosen under the policy (typed twice)."""
        group = QGroupBox(self.tr("Première connexion : choisir votre mot de passe"))
        self.enrol_rpps = self._edit(self.tr("Numéro RPPS"), self.tr("11 chiffres."))
        self.enrol_code = self._edit(
            self.tr("Code d'enrôlement"), self.tr("Le code reçu par e-mail (12 lettres et chiffres).")
        )
        self.enrol_password = self._edit(
            self.tr("Nouveau mot de passe"),
            self.tr("Au moins 12 caractères, difficile à deviner (la même règle que pour les patients)."),
            secret=True,
        )
        self.enrol_again = self._edit(
            self.tr("Confirmez le mot de passe"), self.tr("Le même, une seconde fois."), secret=True
        )
        self.enrol_error = error_label()
        self.enrol_confirm = self._button(
            self.tr("Choisir ce mot de passe"), self.tr("Activer votre accès professionnel."), self._on_enrol
        )
        form = QFormLayout(group)
        hint = label("muted")
        hint.setText(self.tr("Le code d'enrôlement figure dans l'e-mail « Accès professionnel Carnet »."))
        form.addRow(hint)
        for caption, editor in (
            (self.tr("Numéro RPPS"), self.enrol_rpps),
            (self.tr("Code d'enrôlement"), self.enrol_code),
            (self.tr("Nouveau mot de passe"), self.enrol_password),
            (self.tr("Confirmez le mot de passe"), self.enrol_again),
        ):
            buddy = label(buddy=editor)
            buddy.setText(caption)
            form.addRow(buddy, editor)
            editor.textEdited.connect(lambda _t: show_error(self.enrol_error, ""))
        form.addRow(self.enrol_error)
        form.addRow(self.enrol_confirm)
        self.enrol_again.returnPressed.connect(self.enrol_confirm.click)
        group.setVisible(False)
        return group

    def open_enrolment(self) -> None:
        self.enrol_box.setVisible(True)
        self.show_enrolment.setVisible(False)
        self.enrol_rpps.setText(self.rpps.text())
        (self.enrol_code if self.enrol_rpps.text() else self.enrol_rpps).setFocus()

    def _on_enrol(self) -> None:
        """Enrol on the worker; then sign in at once with the chosen password (the e-mailed code follows)."""
        show_error(self.enrol_error, "")
        password = self.enrol_password.text()
        if password != self.enrol_again.text():
            show_error(self.enrol_error, self.tr("Les deux mots de passe sont différents."))
            self.enrol_again.setFocus()
            return
        rpps, code, url, transport = self.enrol_rpps.text(), self.enrol_code.text(), self.server_url, self._transport

        def work() -> str:
            return str(enrol(server_url=url, rpps=rpps, code=code, password=password, transport=transport))

        def enrolled(who: str) -> None:
            self.enrol_confirm.setEnabled(True)
            for edit in (self.enrol_code, self.enrol_password, self.enrol_again):
                edit.clear()
            self.enrol_box.setVisible(False)
            self.show_enrolment.setVisible(True)
            self.rpps.setText(who)
            self.password.setText(password)
            self._on_sign_in()

        def failed(exc: BaseException) -> None:
            self.enrol_confirm.setEnabled(True)
            show_error(self.enrol_error, _message(exc))

        self.enrol_confirm.setEnabled(False)
        Op(self, work).success(enrolled).failure(failed).run()

    def _on_sign_in(self) -> None:
        show_error(self.rpps_error, "")
        show_error(self.password_error, "")
        try:
            rpps = rpps_of(self.rpps.text())
        except ClinicInputError as exc:
            show_error(self.rpps_error, _message(exc))
            self.rpps.setFocus()
            return
        password = self.password.text()
        if not password:
            show_error(self.password_error, self.tr("Saisissez votre mot de passe."))
            self.password.setFocus()
            return
        codes: queue.Queue[str | None] = queue.Queue()
        self._codes = codes
        bridge, directory, url, transport = self.bridge, self.directory, self.server_url, self._transport
        device, backoff = self._device_name, self._backoff

        def read_code() -> str:  # worker thread: ask the UI, then wait for the person's input
            bridge.sig_code_wanted.emit()
            code = codes.get()
            if code is None:
                raise LoginCancelled()
            return code

        trust, now = self.trust, self.wall_clock

        def work() -> ClinicSession:
            profile = trusted_unlock(directory, rpps=rpps, password=password, now=now) or pro_sign_in(
                directory,
                server_url=url,
                rpps=rpps,
                password=password,
                read_code=read_code,
                device_name=device,
                transport=transport,
                trust=trust,
                now=now,
            )
            return ClinicSession(profile, transport=transport, backoff=backoff)

        self.sign_in.setEnabled(False)
        Op(self, work).success(self._signed_in).failure(self._login_failed).run()

    def _on_sign_in_psc(self) -> None:
        """Pro Santé Connect in the system browser (no RPPS typed: the provider gives it); the password still opens
        this professional's encrypted profile on the PC."""
        show_error(self.rpps_error, "")
        show_error(self.password_error, "")
        password = self.password.text()
        if not password:
            show_error(self.password_error, self.tr("Saisissez votre mot de passe."))
            self.password.setFocus()
            return
        bridge, directory, url, transport = self.bridge, self.directory, self.server_url, self._transport
        device, backoff = self._device_name, self._backoff

        def work() -> ClinicSession:
            profile = pro_sign_in_oidc(
                directory,
                server_url=url,
                password=password,
                open_browser=bridge.sig_open_url.emit,
                device_name=device,
                transport=transport,
            )
            return ClinicSession(profile, transport=transport, backoff=backoff)

        self.sign_in.setEnabled(False)
        self.sign_in_psc.setEnabled(False)
        self.psc_hint.setVisible(True)
        Op(self, work).success(self._signed_in).failure(self._login_failed).run()

    def _show_code_step(self) -> None:
        self.credentials.setEnabled(False)
        self.code_box.setVisible(True)
        self.code.clear()
        self.code.setFocus()

    def _on_code(self) -> None:
        code = self.code.text().strip()
        if not (len(code) == 6 and code.isdigit()):
            show_error(self.code_error, self.tr("Le code compte 6 chiffres."))
            return
        show_error(self.code_error, "")
        if self._codes is not None:
            self.confirm_code.setEnabled(False)
            self._codes.put(code)

    def cancel_login(self) -> None:
        """Unblock a sign-in waiting for its code (the worker then fails with LoginCancelled)."""
        if self._codes is not None:
            self._codes.put(None)
            self._codes = None

    def _reset_login(self) -> None:
        self._codes = None
        self.password.clear()
        for secret in (self.enrol_password, self.enrol_again):
            secret.clear()
        self.code.clear()
        self.credentials.setEnabled(True)
        self.sign_in.setEnabled(True)
        self.sign_in_psc.setEnabled(True)
        self.psc_hint.setVisible(False)
        self.confirm_code.setEnabled(True)
        self.code_box.setVisible(False)

    def _login_failed(self, exc: BaseException) -> None:
        self._reset_login()
        if isinstance(exc, LoginCancelled):
            return
        show_error(self.password_error, _message(exc))  # a refused code means signing in again
        self.password.setFocus()

    def _signed_in(self, session: ClinicSession) -> None:
        self._reset_login()
        self.session = session
        session.engine.on_progress(self.bridge.sig_progress.emit)
        self.changes.follow(session.profile.changes)
        self.sync.start(session.profile)  # syncs now, then every interval, and a few seconds after each edit
        who = self.tr("Connecté : %1").replace("%1", session.who().title(current_language()))
        until = session.trusted_until()
        if until is not None:
            who += self.tr(" · poste de confiance jusqu'au %1").replace("%1", _local(until))
        self.who.setText(who)
        self.who.setAccessibleName(self.who.text())
        vaccinates = session.may_vaccinate()  # the form is offered only where the policy will accept it
        self.vaccination.setVisible(vaccinates)
        self.no_vaccination.setVisible(not vaccinates)
        self.add_tabs.setCurrentIndex(0 if vaccinates else 1)  # what this profession adds, first
        self.stack.setCurrentIndex(1)
        self.search.setFocus()
        self.idle.arm()
        self.refresh_lists()
        self.sig_signed_in.emit()

    # -- workspace ---------------------------------------------------------------------------------------------------
    def _build_workspace(self) -> QWidget:
        page = QWidget()
        self.who = label("muted")
        self.switch_user = self._button(
            self.tr("Changer d'utilisateur"),
            self.tr("Verrouiller ce profil, oublier la confiance de ce poste et revenir à la connexion."),
            lambda: self.lock_session(),
        )
        self.lock_button = self._button(
            self.tr("Verrouiller"),
            self.tr("Verrouiller le poste ; votre mot de passe seul le rouvre pendant la période de confiance."),
            self.lock_keeping_trust,
        )
        self.end_of_day_button = self._button(
            self.tr("Fin de journée…"),
            self.tr(
                "Dossiers ouverts, ajouts, ce qui attend encore et pourquoi, effacements : à l'écran et à imprimer."
            ),
            self.open_end_of_day,
        )
        self.end_of_day: EndOfDayDialog | None = None
        self.document_dialog: DocumentDialog | None = None
        self.emergency_button = self._button(
            self.tr("Accès en urgence…"),
            self.tr("Bris de glace : ouvrir un dossier en urgence, en ligne."),
            self.open_emergency_dialog,
        )
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.end_of_day_button)
        top.addWidget(self.emergency_button)
        top.addWidget(self.lock_button)
        top.addWidget(self.switch_user)

        self.search = self._edit(
            self.tr("Rechercher un patient"), self.tr("Nom, date de naissance (JJ/MM/AAAA) ou INS.")
        )
        self.search.setPlaceholderText(self.tr("Nom, date de naissance ou INS"))
        self.search.returnPressed.connect(self.run_search)
        self.search_button = self._button(
            self.tr("Rechercher"), self.tr("Chercher parmi vos patients."), self.run_search
        )
        self.search_error = keep_space(error_label(), lines=2)
        self.search_hint = label("muted")
        self.search_hint.setWordWrap(True)
        self.search_hint.setText(
            self.tr(
                "Seuls apparaissent les patients qui vous ont autorisé, ou ceux ouverts par accès en urgence. "
                "Recherche par nom, date de naissance (JJ/MM/AAAA) ou INS."
            )
        )
        self.patients = PatientTableModel()
        self.table = row_table(self.patients)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda index: self.open_dossier(self.patients.patient(index.row()).dossier_id))
        describe(self.table, self.tr("Patients"), self.tr("Entrée ouvre le dossier choisi."))
        self.open_button = self._button(
            self.tr("Ouvrir le dossier"), self.tr("Consultation tracée."), self._open_selected
        )
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        left = QVBoxLayout()
        left.addLayout(search_row)
        left.addWidget(self.search_hint)
        left.addWidget(self.search_error)
        left.addWidget(self.table, 1)
        left.addWidget(self.open_button)

        self.prepare = self._button(
            self.tr("Préparer la journée…"),
            self.tr("Choisir les patients du jour et garder leurs dossiers sur ce poste pour travailler hors ligne."),
            self.open_day_dialog,
        )
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        describe(self.progress, self.tr("Progression"), self.tr("Préparation de la journée."))
        self.stop_prepare = self._button(
            self.tr("Interrompre la préparation"),
            self.tr("Arrêter ; ce qui est déjà sur ce poste y reste."),
            self.cancel_prepare,
        )
        self.stop_prepare.setVisible(False)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_prepare)
        self.offline = QListWidget()
        describe(self.offline, self.tr("Disponibles hors ligne"), self.tr("Entrée ouvre le dossier."))
        self.offline.itemActivated.connect(lambda item: self.open_dossier(str(item.data(Qt.ItemDataRole.UserRole))))
        offline_caption = label(buddy=self.offline)
        offline_caption.setText(self.tr("Disponibles hors ligne sur ce poste"))
        left.addWidget(self.prepare)
        left.addLayout(progress_row)
        left.addWidget(offline_caption)
        left.addWidget(self.offline)

        self.dossier_title = set_role(label(), "heading")
        self.dossier_error = keep_space(error_label())
        self.contents = QListWidget()
        self.contents.setWordWrap(True)  # a section's reason is read whole, never cut at the edge
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # What the professional came for: at least eight lines of the dossier, whatever the forms below need.
        self.contents.setMinimumHeight(self.fontMetrics().height() * 8)
        describe(
            self.contents,
            self.tr("Contenu du dossier"),
            self.tr("Section par section, ce que vous pouvez voir, ou pourquoi c'est masqué ; en lecture seule."),
        )
        self.care_button = self._button(
            self.tr("Histoire de santé"),
            self.tr(
                "Demander au service les soins remboursés des 24 derniers mois (consultation tracée) ; "
                "hors ligne, la dernière copie de ce poste."
            ),
            self.fetch_care_history,
        )
        self.care_button.setEnabled(False)
        self.messages_button = self._button(
            self.tr("Messagerie"), self.tr("Écrire au patient ouvert et lire ses réponses."), self.open_messages
        )
        self.messages_button.setEnabled(False)
        self.messages_dialog: ClinicMessagesDialog | None = None
        self.vaccination = VaccinationForm()
        self.vaccination.sig_submitted.connect(self.add_vaccination)
        # An appointment sent to the patient's agenda (issue 21): what, when, where; reminders are the patient's.
        self.appointment = VaccinationForm(
            kind="appointment",
            left_out=("remind_minutes_before", "repeat", "repeat_interval", "repeat_until", "repeat_count", "uid"),
            save_text=self.tr("Envoyer le rendez-vous au patient"),
        )
        self.appointment.sig_submitted.connect(lambda values: self._add_entry("appointment", self.appointment, values))
        self.no_vaccination = label("muted")
        self.no_vaccination.setText(
            self.tr("Votre profession n'inscrit pas de vaccinations dans le carnet : ajoutez un document.")
        )
        self.no_vaccination.setVisible(False)
        self.add_document = self._button(
            self.tr("Ajouter un document…"),
            self.tr("Joindre un fichier au dossier ouvert."),
            self._on_add_document,
        )
        self.delete_document = self._button(
            self.tr("Supprimer mon document…"),
            self.tr("Supprimer le document choisi, si vous l'avez ajouté depuis ce poste."),
            self.delete_selected_document,
        )
        self.delete_document.setEnabled(False)
        self.retitle_document = self._button(
            self.tr("Modifier mon document…"),
            self.tr("Changer le titre ou la date du document choisi, si vous l'avez ajouté depuis ce poste."),
            self.retitle_selected_document,
        )
        self.retitle_document.setEnabled(False)
        self.retitle_dialog: RetitleDialog | None = None
        self.contents.currentItemChanged.connect(lambda *_: self._update_document_buttons())
        # A document line: Entrée, a double click or « Ouvrir le document » shows it in Carnet (ui/clinic/documents).
        self.document_window = ClinicDocumentWindow(self)
        self.open_document = self._button(
            self.tr("Ouvrir le document"),
            self.tr(
                "Afficher dans Carnet le document choisi : depuis le service en ligne, la copie du poste hors ligne."
            ),
            self.open_selected_document,
        )
        self.open_document.setEnabled(False)
        self.contents.itemActivated.connect(lambda _item: self.open_selected_document())
        self.own: set[str] = set()
        self.editing = QGroupBox(self.tr("Ajouter au dossier"))
        edit_box = QVBoxLayout(self.editing)
        # The two forms in tabs, one at a time: stacked, they left the dossier's contents ~70 px of height.
        self.add_tabs = QTabWidget()
        vaccination_tab = QWidget()
        vaccination_column = QVBoxLayout(vaccination_tab)
        vaccination_column.addWidget(self.vaccination)
        vaccination_column.addWidget(self.no_vaccination)
        vaccination_column.addStretch(1)
        appointment_tab = QWidget()
        appointment_column = QVBoxLayout(appointment_tab)
        self.appointment_title = label("muted", buddy=self.appointment.editors["title"])
        self.appointment_title.setText(self.tr("Pour l'agenda du patient : il en est prévenu."))
        appointment_column.addWidget(self.appointment_title)
        appointment_column.addWidget(self.appointment)
        appointment_column.addStretch(1)
        self.add_tabs.addTab(vaccination_tab, self.tr("Vaccination"))
        self.add_tabs.addTab(appointment_tab, self.tr("Rendez-vous"))
        describe(self.add_tabs, self.tr("Ajouter au dossier"), self.tr("Une vaccination ou un rendez-vous."))
        describe_tab_scrollers(self.add_tabs)
        edit_box.addWidget(self.add_tabs)
        doc_row = QHBoxLayout()
        doc_row.addWidget(self.add_document)
        doc_row.addWidget(self.retitle_document)
        doc_row.addWidget(self.delete_document)
        edit_box.addLayout(doc_row)
        self.editing.setEnabled(False)
        self.pending_title = label()
        self.pending = QListWidget()
        self.pending.setWordWrap(True)
        self.pending.setFixedHeight(130)  # its space is reserved: a change more or less never moves the form
        describe(
            self.pending,
            self.tr("Modifications du jour"),
            self.tr("Chaque modification : envoyée, en attente, ou refusée avec le motif."),
        )
        self.pending.currentRowChanged.connect(lambda _row: self._update_fate_buttons())
        self.changes_shown: list[ChangeFate] = []
        self.acknowledge = self._button(
            self.tr("J'ai pris connaissance"),
            self.tr("Retirer de la liste la modification refusée choisie."),
            lambda: self.acknowledge_selected(),
        )
        self.correct = self._button(
            self.tr("Corriger…"),
            self.tr("Reprendre la vaccination ou le document refusé dans son formulaire, le corriger et le renvoyer."),
            self.correct_selected,
        )
        self.retry = self._button(self.tr("Réessayer maintenant"), self.tr("Envoyer maintenant."), self.retry_now)
        self.sync_error = keep_space(error_label(), lines=2)
        right = QVBoxLayout()
        title_row = QHBoxLayout()  # its buttons beside the title: the list keeps all its height
        title_row.addWidget(self.dossier_title, 1)
        title_row.addWidget(self.care_button)
        title_row.addWidget(self.open_document)
        title_row.addWidget(self.messages_button)
        right.addLayout(title_row)
        right.addWidget(self.dossier_error)
        right.addWidget(self.contents, 1)
        right.addWidget(self.editing)
        right.addWidget(self.pending_title)
        right.addWidget(self.pending)
        fate_row = QHBoxLayout()
        fate_row.addWidget(self.acknowledge)
        fate_row.addWidget(self.correct)
        fate_row.addWidget(self.retry)
        right.addLayout(fate_row)
        right.addWidget(self.sync_error)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        box = QVBoxLayout(page)
        box.addLayout(top)
        box.addLayout(columns, 1)
        QWidget.setTabOrder(self.contents, self.open_document)  # once in one window: the chosen line's action next
        self._clear_views()
        return page

    def _need(self) -> ClinicSession:
        assert self.session is not None
        return self.session

    def _name(self, dossier_id: str) -> str:
        return self._names.get(dossier_id, dossier_id[:8])

    def _remember_names(self, patients: list[PatientSummary]) -> None:
        for p in patients:
            self._names[p.dossier_id] = f"{p.last_name.upper()} {p.first_names}"

    def run_search(self) -> None:
        session, terms = self._need(), search_terms(self.search.text())
        show_error(self.search_error, "")

        def found(patients: Any) -> None:
            self._remember_names(patients)
            self.patients.set_patients(patients)
            if not patients:
                show_error(
                    self.search_error,
                    self.tr("Aucun patient trouvé parmi ceux qui vous ont autorisé (ou ouverts en urgence)."),
                )

        Op(self, lambda: session.search(**terms)).success(found).failure(
            lambda exc: show_error(self.search_error, _message(exc))
        ).run()

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_dossier(self.patients.patient(rows[0].row()).dossier_id)

    def open_dossier(self, dossier_id: str) -> None:
        """Open on the service (audited) when online, then show the cached copy; offline, the cached copy only."""
        session = self._need()

        name = self._name(dossier_id)

        def load() -> DossierContent:
            withheld: dict[str, int] | None = None
            with contextlib.suppress(SyncOffline):  # offline: the copy of this workstation, withheld not known
                withheld = {str(k): int(v) for k, v in (session.open(dossier_id).get("withheld") or {}).items()}
            online = withheld is not None
            if online or dossier_id in session.profile.dossier_ids():
                session.note_open(dossier_id, name, online=online)  # for « Fin de journée »
            if dossier_id not in session.profile.dossier_ids():
                if not online:
                    raise SyncOffline()
                return DossierContent(dossier_id, online, False, [], {}, withheld)
            store = session.engine.require_open(dossier_id)
            if not online:  # reported to the service at the next contact (historique des accès)
                session.note_offline_open(dossier_id)
            entries, documents = clinic_view.load(store, session.readable_kinds())
            own = frozenset(session.own_documents(dossier_id))
            care = session.kept_care_history(dossier_id)
            return DossierContent(dossier_id, online, True, documents, entries, withheld, own, care)

        show_error(self.dossier_error, "")
        Op(self, load).success(self._show_dossier).failure(
            lambda exc: show_error(self.dossier_error, _message(exc))
        ).run()

    def _show_dossier(self, content: DossierContent) -> None:
        if self.session is None:
            return  # locked while it loaded: nothing of it is shown
        self.current = content
        self.dossier_title.setText(self.tr("Dossier de %1").replace("%1", self._name(content.dossier_id)))  # type: ignore[attr-defined]
        self.contents.clear()
        self.own = set(content.own)
        self._update_document_buttons()
        if not content.cached:
            self.contents.addItem(self.tr("Pas encore sur ce poste : préparez la journée pour le consulter."))
            if content.care is not None:  # asked online: shown, not kept (no copy of this dossier here)
                self._render([clinic_view.care_section(content.care, current_language())])
        else:
            self._show_sections(content)
        if not content.online:
            show_error(self.dossier_error, self.tr("Hors ligne : copie de ce poste."))
        self.editing.setEnabled(content.cached)
        self.care_button.setEnabled(True)
        self.messages_button.setEnabled(True)

    def open_messages(self) -> None:
        """« Messagerie »: the opened patient's conversations with this professional (closed when the profile locks)."""
        session, content = self._need(), self.current
        if content is None:
            return
        name = self._name(content.dossier_id)
        dialog = ClinicMessagesDialog(
            session.profile, content.dossier_id, name, self, chooser=self._choose_file, sync_now=self.sync.sync_now
        )
        self.changes.sig_changed.connect(dialog.on_store_changed)  # a pull or a send refreshes it
        self.sig_locked.connect(dialog.close)
        self.messages_dialog = dialog
        dialog.show()

    def fetch_care_history(self) -> None:
        """« Histoire de santé »: asked of the service (audited), its copy kept with the dossier's; offline, the
        last copy of this workstation with its date, or why there is none."""
        session, content = self._need(), self.current
        if content is None:
            return
        dossier_id = content.dossier_id
        self.care_button.setEnabled(False)

        def shown(care: CareHistory | None, message: str = "") -> None:
            self.care_button.setEnabled(True)
            if self.current is None or self.current.dossier_id != dossier_id:
                return  # another dossier was opened meanwhile
            self._show_current_again(replace(self.current, care=care or self.current.care))
            show_error(self.dossier_error, message)
            self._scroll_to_section("care_history")

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, SyncOffline):
                shown(None, _message(exc))
            elif content.care is None:
                shown(None, self.tr("Hors ligne : pas de copie de l'histoire de santé sur ce poste."))
            else:
                moment = _local(content.care.fetched_at)
                shown(None, self.tr("Hors ligne : dernière copie de ce poste, du %1.").replace("%1", moment))

        Op(self, lambda: session.care_history(dossier_id)).success(shown).failure(failed).run()

    def _scroll_to_section(self, key: str) -> None:
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.contents.scrollToItem(self.contents.item(row), QListWidget.ScrollHint.PositionAtTop)
                return

    def selected_document(self) -> str | None:
        item = self.contents.currentItem()
        found = item.data(DOCUMENT_ROLE) if item is not None else None
        return str(found) if found else None

    def _update_document_buttons(self) -> None:
        chosen = self.selected_document()
        mine = chosen is not None and chosen in self.own and self.editing.isEnabled()
        self.delete_document.setEnabled(mine)
        self.retitle_document.setEnabled(mine)
        self.open_document.setEnabled(chosen is not None)

    def open_selected_document(self) -> None:
        """The chosen document line, in Carnet's own viewer (never a temp file or another program)."""
        session, content, chosen = self.session, self.current, self.selected_document()
        doc = next((d for d in content.documents if d.id == chosen), None) if content is not None else None
        if session is not None and content is not None and doc is not None:
            name = self._name(content.dossier_id)
            self.document_window.open(session, content.dossier_id, doc.id, title=doc.title, patient=name)

    def retitle_selected_document(self) -> RetitleDialog | None:
        session, content, chosen = self._need(), self.current, self.selected_document()
        if content is None or chosen is None or chosen not in self.own:
            return None
        doc = next((d for d in content.documents if d.id == chosen), None)
        if doc is None:
            return None
        dialog = RetitleDialog(doc.title, doc.document_date, self)
        self.retitle_dialog = dialog
        dossier_id = content.dossier_id

        def save(title: str, when: Any) -> None:
            dialog.confirm.setEnabled(False)

            def failed(exc: BaseException) -> None:
                dialog.confirm.setEnabled(True)
                dialog.refused(_message(exc))

            Op(self, lambda: session.retitle_own_document(dossier_id, chosen, title, when)).success(
                lambda _: dialog.accept()
            ).failure(failed).run()

        dialog.sig_chosen.connect(save)
        dialog.finished.connect(lambda _r: setattr(self, "retitle_dialog", None))
        dialog.open()
        return dialog

    def delete_selected_document(self) -> None:
        """One's own document (added from this workstation), after a confirmation; the service checks it again."""
        session, content, chosen = self._need(), self.current, self.selected_document()
        if content is None or chosen is None or chosen not in self.own:
            return
        if not self.confirmer.ask(
            self,
            title=self.tr("Supprimer le document"),
            text=self.tr("Supprimer ce document du dossier du patient ? La suppression lui sera envoyée."),
            confirm_label=self.tr("Supprimer"),
            cancel_label=self.tr("Garder"),
        ):
            return
        Op(self, lambda: session.delete_own_document(content.dossier_id, chosen)).failure(
            lambda exc: show_error(self.dossier_error, _message(exc))
        ).run()

    def _show_sections(self, content: DossierContent) -> None:
        """Section by section what the policy and the matrice let this profession see, or why it is hidden."""
        session = self._need()
        who = session.who()
        shown = clinic_view.sections(
            profession=who.profession,
            rpps=who.rpps,
            matrix=session.matrix,
            now=self.wall_clock(),
            entries=content.entries,
            documents=content.documents,
            withheld=content.withheld,
            lang=current_language(),
            care=content.care,
        )
        self._render(shown)

    def _render(self, shown: list[clinic_view.ViewSection]) -> None:
        bold = QFont(self.contents.font())
        bold.setBold(True)
        for section in shown:
            head = QListWidgetItem(section.title)
            head.setFont(bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(Qt.ItemDataRole.UserRole, section.key)
            self.contents.addItem(head)
            for index, text in enumerate(section.lines if not section.hidden else [section.hidden]):
                item = QListWidgetItem("    " + text)
                if index < len(section.ids):
                    item.setData(DOCUMENT_ROLE, section.ids[index])
                self.contents.addItem(item)
            for note in section.notes:
                item = QListWidgetItem("    " + note)
                item.setForeground(QColor("#5a5a5a"))
                self.contents.addItem(item)

    # -- offline edits ------------------------------------------------------------------------------------------------
    def add_vaccination(self, values: dict[str, Any]) -> None:
        self._add_entry("vaccination", self.vaccination, values)

    def _add_entry(self, kind: str, form: VaccinationForm, values: dict[str, Any]) -> None:
        """A vaccination, or an appointment for the patient's agenda, saved on this workstation (sent when online)."""
        session, content = self._need(), self.current
        if content is None:
            return

        def save() -> None:
            store = session.engine.require_open(content.dossier_id)
            store.entries.create(kind, values, author_kind="professional")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DossierValidationError):
                fields = {i.field: i.message(current_language()) for i in exc.issues}
                known = {k: v for k, v in fields.items() if k in form.editors}
                form.show_errors(known, "" if len(known) == len(fields) else _message(exc))
            else:
                form.show_errors({}, _message(exc))

        def saved(_: Any) -> None:
            form.clear()  # the list of changes shows it through the change event (_on_store_changed)
            form.focus_first()

        Op(self, save).success(saved).failure(failed).run()

    def _on_add_document(self) -> None:
        """The file, then its category (only those the matrice lets this profession add), title, date and doors."""
        content = self.current
        path = self._choose_file(self)
        if content is None or path is None:
            return
        self._document_dialog(content, path)

    def _document_dialog(self, content: DossierContent, path: Path, *, corrects: ChangeFate | None = None) -> None:
        """The document dialog for this file; `corrects`: a refused document's values and why it was refused."""
        session = self._need()
        profession = session.who().profession
        categories = [
            (c.id, pick(c.label_fr, c.label_en))
            for c in DOCUMENT_CATEGORIES.values()
            if profession is None or session.matrix.allows(profession, DocumentCategory(c.id))
        ]
        dialog = DocumentDialog(categories, path, self)
        self.document_dialog = dialog
        if corrects is not None:
            dialog.setWindowTitle(self.tr("Corriger le document refusé"))
            dialog.fill(corrects.values)
            dialog.refused(corrects.why(current_language()))  # why the service refused it, while correcting
        dialog.sig_chosen.connect(lambda choice: self._save_document(content.dossier_id, choice, dialog, corrects))
        dialog.finished.connect(lambda _r: setattr(self, "document_dialog", None))
        dialog.open()

    def _save_document(
        self, dossier_id: str, choice: DocumentChoice, dialog: DocumentDialog, corrects: ChangeFate | None = None
    ) -> None:
        session = self._need()

        def save() -> None:
            store = session.engine.require_open(dossier_id)
            with choice.path.open("rb") as stream:
                store.documents.add(
                    stream,
                    title=choice.title,
                    category=choice.category,
                    document_date=choice.document_date,
                    author_kind="professional",
                    confidentiality=choice.confidentiality,
                    filename=choice.path.name,
                )

        dialog.confirm.setEnabled(False)

        def failed(exc: BaseException) -> None:
            dialog.confirm.setEnabled(True)
            dialog.refused(_message(exc))

        def saved(_: Any) -> None:
            dialog.accept()
            if corrects is not None:  # the corrected one is queued: the refusal leaves the list
                self._settle(corrects, corrected=True)

        Op(self, save).success(saved).failure(failed).run()

    def refresh_lists(self) -> None:
        """The fate of each change (from the outbox and the service's answers) and the offline availability."""
        session = self._need()
        Op(self, lambda: (session.changes(), session.offline_until())).success(self._show_lists).run()

    def _fate_text(self, change: ChangeFate) -> str:
        lang = current_language()
        what = f"{self._name(change.dossier_id)} — {change.what(lang)}"
        if change.fate is Fate.REFUSED:
            return self.tr("REFUSÉE : %1. %2").replace("%1", what).replace("%2", change.why(lang))
        if change.fate is Fate.CONFLICT:
            return self.tr("EN CONFLIT : %1. %2").replace("%1", what).replace("%2", change.why(lang))
        if change.fate is Fate.WAITING:
            return self.tr("En attente : %1").replace("%1", what)
        return self.tr("Envoyée : %1").replace("%1", what)

    def _show_lists(self, result: tuple[list[ChangeFate], dict[str, datetime]]) -> None:
        changes, until = result
        self.changes_shown = changes
        self.pending.clear()
        for change in changes:
            item = QListWidgetItem(self._fate_text(change))
            item.setData(Qt.ItemDataRole.UserRole, change.mutation_id)
            item.setToolTip(item.text())
            if change.fate in (Fate.REFUSED, Fate.CONFLICT):
                item.setForeground(QColor("#a3161a"))
            self.pending.addItem(item)
        waiting = sum(c.fate is Fate.WAITING for c in changes)
        refused = sum(c.fate in (Fate.REFUSED, Fate.CONFLICT) for c in changes)
        title = self.tr("En attente d'envoi (%1)").replace("%1", str(waiting + refused))
        if refused:
            title += self.tr(" — dont %1 refusée(s) : à revoir").replace("%1", str(refused))
        self.pending_title.setText(title)
        self._update_fate_buttons()
        self.retry.setEnabled(not self._preparing)
        self.offline.clear()
        for dossier_id, moment in sorted(until.items()):
            text = self.tr("%1 — disponible hors ligne jusqu'au %2").replace("%1", self._name(dossier_id))
            item = QListWidgetItem(text.replace("%2", _local(moment)))
            item.setData(Qt.ItemDataRole.UserRole, dossier_id)
            self.offline.addItem(item)

    def selected_change(self) -> ChangeFate | None:
        row = self.pending.currentRow()
        return self.changes_shown[row] if 0 <= row < len(self.changes_shown) else None

    def _update_fate_buttons(self) -> None:
        change = self.selected_change()
        refused = change is not None and change.fate in (Fate.REFUSED, Fate.CONFLICT)
        self.acknowledge.setEnabled(refused)
        self.correct.setEnabled(
            refused
            and change is not None
            and change.op == "create"
            and (change.entity == "document" or (change.kind == "vaccination" and not self.vaccination.isHidden()))
            and self.current is not None
            and self.current.dossier_id == change.dossier_id
            and self.editing.isEnabled()
        )

    def acknowledge_selected(self, *, corrected: bool = False) -> None:
        """The professional has read the refusal: it leaves the list (its outbox row is marked, never sent again)."""
        change = self.selected_change()
        if change is not None and change.fate in (Fate.REFUSED, Fate.CONFLICT):
            self._settle(change, corrected=corrected)

    def _settle(self, change: ChangeFate, *, corrected: bool) -> None:
        session = self._need()
        Op(self, lambda: session.acknowledge(change.dossier_id, [change.mutation_id], corrected=corrected)).success(
            lambda _: self.refresh_lists()
        ).run()

    def correct_selected(self) -> None:
        """A refused vaccination back in the form, to fix and add again (the refusal is then marked `resent`); a
        refused document back in its dialog with the reason, once its file is chosen again (the service's refusal
        erased its copy here): it leaves the list when the corrected one is saved, stays if the dialog is closed."""
        change, content = self.selected_change(), self.current
        if change is None or content is None or not self.correct.isEnabled():
            return
        if change.entity != "document":
            self.add_tabs.setCurrentIndex(0)
            self.vaccination.fill(change.values)
            self.acknowledge_selected(corrected=True)
            return
        path = self._choose_file(self)
        if path is not None:
            self._document_dialog(content, path, corrects=change)

    def retry_now(self) -> None:
        session = self._need()
        show_error(self.sync_error, "")
        self.retry.setEnabled(False)  # enabled again when the sync ends (refresh_lists)
        session.resume()
        self.sync.sync_now()  # the driver's engine: the outcome comes back as its state (or failure)

    # -- the day's cache ------------------------------------------------------------------------------------------
    def open_day_dialog(self) -> PrepareDayDialog:
        """The checkable list of this professional's patients, loaded from the service (online only)."""
        session = self._need()
        dialog = PrepareDayDialog(self)
        dialog.sig_chosen.connect(self._on_day_chosen)
        self.day_dialog = dialog
        day, policy = session.day()
        dialog.set_policy(policy)
        dialog.open()

        def loaded(result: tuple[list[PatientSummary], dict[str, datetime]]) -> None:
            patients, until = result
            self._remember_names(patients)
            dialog.set_patients(patients, chosen=set(day), until=until)

        Op(self, lambda: (session.search(), session.offline_until())).success(loaded).failure(
            lambda exc: dialog.failed(_message(exc))
        ).run()
        return dialog

    def _on_day_chosen(self, dossier_ids: list[str], policy: DocumentPolicy) -> None:
        if self.day_dialog is not None:
            self.day_dialog.accept()
            self.day_dialog = None
        self.prepare_day(dossier_ids, documents=policy)

    def prepare_day(self, dossier_ids: list[str], *, documents: DocumentPolicy) -> None:
        """Cache exactly these dossiers (on the worker), with progress and a way to interrupt."""
        session = self._need()
        self._preparing = True
        self.prepare.setEnabled(False)
        self.retry.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop_prepare.setVisible(True)
        self.stop_prepare.setEnabled(True)
        show_error(self.sync_error, "")

        def finished() -> None:
            self._preparing = False
            self.prepare.setEnabled(True)
            self.retry.setEnabled(True)
            self.stop_prepare.setVisible(False)
            session.resume()
            self.sync.keep_going()  # an interruption also stopped the background schedule: it goes on

        def done(_: Any) -> None:
            finished()
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.refresh_lists()

        def failed(exc: BaseException) -> None:
            finished()
            self.progress.setVisible(False)
            show_error(self.sync_error, _message(exc))
            self.refresh_lists()

        session.resume()  # before queuing: a click on « Interrompre » from now on is never lost
        Op(self, lambda: session.prepare_day(dossier_ids, documents=documents)).success(done).failure(failed).run()

    def cancel_prepare(self) -> None:
        """Interrupt the preparation now (UI thread): the engine stops at its next step."""
        if self.session is not None and self._preparing:
            self.stop_prepare.setEnabled(False)
            self.session.cancel()

    # -- background sync (the patient window's driver) and change events --------------------------------------------
    def _engine_of(self, profile: UnlockedProfile) -> SyncEngine:
        """The driver's engine: the signed-in session's (on the worker, when the driver starts)."""
        session = self.session
        if session is None or session.profile is not profile:
            raise NotSignedIn()  # signed out meanwhile: the driver does not start
        return session.engine

    def _on_sync_state(self, state: str) -> None:
        """A sync ended (or the driver stopped): what waits to be sent, and until when the day's copies open."""
        if self.session is None or state == "syncing":
            return
        if state != "offline":
            show_error(self.sync_error, "")
        self.refresh_lists()
        self._load_end_of_day()

    def _on_sync_failed(self, exc: BaseException) -> None:
        if self.session is not None and not isinstance(exc, SyncCancelled):
            show_error(self.sync_error, _message(exc))

    def _on_store_changed(self, change: StoreChange) -> None:
        """An edit here or a pull: the open dossier shows the cached copy again (never re-opened on the service)."""
        session, content = self.session, self.current
        if session is None:
            return
        if change.origin is ChangeOrigin.LOCAL:
            self.refresh_lists()  # one more change waiting to be sent
        if content is None or not content.cached or change.dossier_id != content.dossier_id:
            return
        if not (change.touches(Entity.DOCUMENT) or change.touches(Entity.ENTRY)):
            return

        def load() -> DossierContent:
            entries, documents = clinic_view.load(session.profile.dossier(content.dossier_id), session.readable_kinds())
            own = frozenset(session.own_documents(content.dossier_id))
            return replace(content, documents=documents, entries=entries, own=own)

        Op(self, load).success(self._show_current_again).failure(lambda _exc: None).run()  # gone meanwhile: no copy

    def _show_current_again(self, content: DossierContent) -> None:
        if self.session is not None and self.current is not None and self.current.dossier_id == content.dossier_id:
            row = self.contents.currentRow()
            self._show_dossier(replace(content, online=self.current.online))
            if 0 <= row < self.contents.count():
                self.contents.setCurrentRow(row)

    def _on_progress(self, progress: Progress) -> None:
        if progress.total > 0:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))

    def _on_revoked(self, revocation: Revocation) -> None:
        name = self._name(revocation.dossier_id)
        self.confirmer.inform(
            self,
            title=self.tr("Autorisation retirée"),
            text=self.tr(
                "%1 a retiré votre autorisation d'accès : la copie de son dossier a été effacée de ce poste."
            ).replace("%1", name),
        )
        self.patients.remove(revocation.dossier_id)
        if self.current is not None and self.current.dossier_id == revocation.dossier_id:
            self._clear_dossier()
        if self.session is not None:
            self.refresh_lists()

    # -- « Fin de journée » -------------------------------------------------------------------------------------------
    def open_end_of_day(self) -> EndOfDayDialog:
        session = self._need()
        dialog = EndOfDayDialog(
            who=session.who().title(current_language()), name_of=self._name, when=_local, parent=self
        )
        dialog.sig_send_now.connect(self.retry_now)
        self.end_of_day = dialog
        dialog.finished.connect(lambda _r: setattr(self, "end_of_day", None))
        dialog.open()
        self._load_end_of_day()
        return dialog

    def _load_end_of_day(self) -> None:
        session, dialog = self.session, self.end_of_day
        if session is None or dialog is None:
            return
        Op(self, session.end_of_day).success(dialog.show_day).run()

    # -- bris de glace ------------------------------------------------------------------------------------------------
    def open_emergency_dialog(self) -> EmergencyDialog:
        dialog = EmergencyDialog(self)
        dialog.sig_requested.connect(self._request_emergency)
        self.emergency_dialog = dialog
        dialog.open()
        return dialog

    def _request_emergency(self, ins: str, reason_code: str, reason: str) -> None:
        session, dialog = self._need(), self.emergency_dialog
        if dialog is None:
            return
        dialog.confirm.setEnabled(False)

        def granted(access: EmergencyAccess) -> None:
            self.emergency = access
            self.banner.setText(self.tr("Accès en urgence — jusqu'au %1").replace("%1", _local(access.expires_at)))
            self.banner.setAccessibleName(self.banner.text())
            self.banner.setVisible(True)
            # The service's own clock decides the window; its length (not this PC's clock) times the banner.
            length = (access.expires_at - access.opened_at).total_seconds()
            self._emergency_timer.start(max(0, int(length * 1000)))
            dialog.accept()
            self.emergency_dialog = None

        Op(self, lambda: session.emergency_access(ins=ins, reason_code=reason_code, reason=reason)).success(
            granted
        ).failure(lambda exc: dialog.refused(_message(exc))).run()

    def _end_emergency(self) -> None:
        self.emergency = None
        self.banner.setVisible(False)
        self.banner.clear()

    # -- locking ------------------------------------------------------------------------------------------------------
    def _clear_dossier(self) -> None:
        self.current = None
        self.document_window.clear()
        self.dossier_title.setText(self.tr("Aucun dossier ouvert"))  # type: ignore[attr-defined]
        self.contents.clear()
        self.vaccination.clear()
        self.appointment.clear()
        self.editing.setEnabled(False)
        self.care_button.setEnabled(False)
        self.messages_button.setEnabled(False)
        show_error(self.dossier_error, "")

    def _clear_views(self) -> None:
        self.patients.clear()
        self._names.clear()
        self._clear_dossier()
        self.search.clear()
        self.offline.clear()
        self.pending.clear()
        self.changes_shown = []
        self.pending_title.setText(self.tr("En attente d'envoi (%1)").replace("%1", "0"))
        self.progress.setVisible(False)
        self.stop_prepare.setVisible(False)
        if self.day_dialog is not None:
            self.day_dialog.reject()
            self.day_dialog = None
        for error in (self.search_error, self.sync_error):
            show_error(error, "")
        self._end_emergency()
        for dialog in (self.end_of_day, self.document_dialog, self.retitle_dialog):
            if dialog is not None:
                dialog.reject()
        self.end_of_day = self.document_dialog = self.retitle_dialog = None
        if self.emergency_dialog is not None:
            self.emergency_dialog.reject()
            self.emergency_dialog = None

    def lock_keeping_trust(self) -> None:
        """« Verrouiller »: like a logout, but this workstation stays trusted (the password alone reopens it)."""
        self.lock_session(forget_trust=False)

    def lock_session(self, *, forget_trust: bool = True) -> None:
        """Logout: the engine stops and the keys are dropped on the worker; every view is cleared now.

        « Changer d'utilisateur » and the idle lock also forget the trust: the next sign-in asks for the code."""
        self.idle.disarm()
        self._preparing = False
        self.cancel_login()
        self.changes.follow(None)
        session, self.session = self.session, None
        stop_sync = self.sync.stop_on_worker()
        if session is not None:

            def logout() -> None:
                stop_sync()  # the engine's thread ends before the profile locks
                if forget_trust:
                    session.forget_trust()
                session.logout()

            Op(None, logout).run()
        self._clear_views()
        self._reset_login()
        self.who.clear()
        self.stack.setCurrentIndex(0)
        self.rpps.setFocus()
        self.sig_locked.emit()

    @property
    def preparing(self) -> bool:
        """A preparation of the day is running (on the worker)."""
        return self._preparing

    @property
    def locked(self) -> bool:
        return self.session is None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock_session()
        super().closeEvent(event)
