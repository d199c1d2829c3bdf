"""Clinic workstation window: sign-in, patients, the day's cache, offline edits, background sync, bris de glace.

The background sync is the patient window's driver (`ui.sync.SyncController`) on the session's engine, every
two minutes; the open dossier follows the profile's change events (`ui.changes.ChangeRelay`)."""

from __future__ import annotations

import queue
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import ChangeOrigin, StoreChange
from desktop_app.clinic import (
    ClinicInputError,
    ClinicSession,
    DocumentPolicy,
    EmergencyAccess,
    PatientSummary,
    pro_sign_in,
    pro_sign_in_oidc,
    rpps_of,
)
from desktop_app.dossier_store import DocumentInfo, Entry
from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.engine import Progress, Revocation, SyncEngine
from desktop_app.sync.http import Backoff, NotSignedIn, SyncCancelled, SyncOffline
from desktop_app.vault import DEFAULT_KDF, KdfParams
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity
from ui.changes import ChangeRelay
from ui.clinic.day import PrepareDayDialog, local_time
from ui.clinic.forms import EmergencyDialog, VaccinationForm
from ui.clinic.patients import PatientTableModel, search_terms
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.locking import IdleLocker
from ui.ops import Op
from ui.sync import SyncController
from ui.widgets import describe, error_label, label, row_table, set_role, show_error, with_messages

FileChooser = Callable[[QWidget], Path | None]
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
    """What the professional sees of one dossier: the cached documents and vaccinations."""

    dossier_id: str
    online: bool
    cached: bool
    documents: list[DocumentInfo]
    vaccinations: list[Entry]


class _Bridge(QObject):
    """Carries worker-thread events (the engine's progress, the code prompt) to the UI thread as queued signals."""

    sig_code_wanted = Signal()
    sig_progress = Signal(object)
    sig_open_url = Signal(str)  # Pro Santé Connect: the authorization page, opened from the UI thread


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
        self.idle.sig_idle_timeout.connect(self.lock_session)
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
        self.banner.setVisible(False)
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
        self.rpps.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.sign_in.click)
        self.code.returnPressed.connect(self.confirm_code.click)
        box = QVBoxLayout(page)
        box.addWidget(title)
        box.addWidget(self.credentials)
        box.addWidget(self.code_box)
        box.addStretch(1)
        return page

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

        def work() -> ClinicSession:
            profile = pro_sign_in(
                directory,
                server_url=url,
                rpps=rpps,
                password=password,
                read_code=read_code,
                device_name=device,
                transport=transport,
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
        who = str(session.profile.settings.get(SettingKey.CLINIC_RPPS, ""))
        self.who.setText(self.tr("Connecté : RPPS %1").replace("%1", who))
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
            self.tr("Verrouiller ce profil et revenir à la connexion."),
            self.lock_session,
        )
        self.emergency_button = self._button(
            self.tr("Accès en urgence…"),
            self.tr("Bris de glace : ouvrir un dossier en urgence, en ligne."),
            self.open_emergency_dialog,
        )
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.emergency_button)
        top.addWidget(self.switch_user)

        self.search = self._edit(
            self.tr("Rechercher un patient"), self.tr("Nom, date de naissance (JJ/MM/AAAA) ou INS.")
        )
        self.search.setPlaceholderText(self.tr("Nom, date de naissance ou INS"))
        self.search.returnPressed.connect(self.run_search)
        self.search_button = self._button(
            self.tr("Rechercher"), self.tr("Chercher parmi vos patients."), self.run_search
        )
        self.search_error = error_label()
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
        self.dossier_error = error_label()
        self.contents = QListWidget()
        describe(self.contents, self.tr("Contenu du dossier"), self.tr("Documents et vaccinations, en lecture seule."))
        self.vaccination = VaccinationForm()
        self.vaccination.sig_submitted.connect(self.add_vaccination)
        self.add_document = self._button(
            self.tr("Ajouter un document…"),
            self.tr("Joindre un fichier au dossier ouvert."),
            self._on_add_document,
        )
        self.editing = QGroupBox(self.tr("Ajouter au dossier"))
        edit_box = QVBoxLayout(self.editing)
        edit_box.addWidget(self.vaccination)
        edit_box.addWidget(self.add_document)
        self.editing.setEnabled(False)
        self.pending_title = label()
        self.pending = QListWidget()
        describe(self.pending, self.tr("En attente d'envoi"), self.tr("Modifications pas encore envoyées."))
        self.retry = self._button(self.tr("Réessayer maintenant"), self.tr("Envoyer maintenant."), self.retry_now)
        self.sync_error = error_label()
        right = QVBoxLayout()
        right.addWidget(self.dossier_title)
        right.addWidget(self.dossier_error)
        right.addWidget(self.contents, 1)
        right.addWidget(self.editing)
        right.addWidget(self.pending_title)
        right.addWidget(self.pending)
        right.addWidget(self.sync_error)
        right.addWidget(self.retry)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        box = QVBoxLayout(page)
        box.addLayout(top)
        box.addLayout(columns, 1)
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
                show_error(self.search_error, self.tr("Aucun patient trouvé."))

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

        def load() -> DossierContent:
            online = True
            try:
                session.open(dossier_id)
            except SyncOffline:
                online = False
            if dossier_id not in session.profile.dossier_ids():
                if not online:
                    raise SyncOffline()
                return DossierContent(dossier_id, online, False, [], [])
            store = session.engine.require_open(dossier_id)
            if not online:  # reported to the service at the next contact (historique des accès)
                session.note_offline_open(dossier_id)
            return DossierContent(dossier_id, online, True, store.documents.list(), store.entries.list("vaccination"))

        show_error(self.dossier_error, "")
        Op(self, load).success(self._show_dossier).failure(
            lambda exc: show_error(self.dossier_error, _message(exc))
        ).run()

    def _show_dossier(self, content: DossierContent) -> None:
        self.current = content
        self.dossier_title.setText(self.tr("Dossier de %1").replace("%1", self._name(content.dossier_id)))  # type: ignore[attr-defined]
        self.contents.clear()
        if not content.cached:
            self.contents.addItem(self.tr("Pas encore sur ce poste : préparez la journée pour le consulter."))
        for doc in content.documents:
            self.contents.addItem(self.tr("Document : %1").replace("%1", doc.title))
        for entry in content.vaccinations:
            self.contents.addItem(entry.summary)  # the summary already starts with « Vaccination : »
        if content.cached and not content.documents and not content.vaccinations:
            self.contents.addItem(self.tr("Aucun document ni vaccination visible."))
        if not content.online:
            show_error(self.dossier_error, self.tr("Hors ligne : copie de ce poste."))
        self.editing.setEnabled(content.cached)

    # -- offline edits ------------------------------------------------------------------------------------------------
    def add_vaccination(self, values: dict[str, Any]) -> None:
        session, content = self._need(), self.current
        if content is None:
            return

        def save() -> None:
            store = session.engine.require_open(content.dossier_id)
            store.entries.create("vaccination", values, author_kind="professional")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DossierValidationError):
                fields = {i.field: i.message(current_language()) for i in exc.issues}
                known = {k: v for k, v in fields.items() if k in self.vaccination.editors}
                self.vaccination.show_errors(known, "" if len(known) == len(fields) else _message(exc))
            else:
                self.vaccination.show_errors({}, _message(exc))

        def saved(_: Any) -> None:
            self.vaccination.clear()  # the list shows it through the change event (_on_store_changed)

        Op(self, save).success(saved).failure(failed).run()

    def _on_add_document(self) -> None:
        session, content = self._need(), self.current
        path = self._choose_file(self)
        if content is None or path is None:
            return

        def save() -> None:
            store = session.engine.require_open(content.dossier_id)
            with path.open("rb") as stream:
                store.documents.add(
                    stream, title=path.stem, category="compte_rendu", author_kind="professional", filename=path.name
                )

        Op(self, save).failure(lambda exc: show_error(self.dossier_error, _message(exc))).run()

    def refresh_lists(self) -> None:
        """The pending-changes list and the offline availability, from the outbox and the leases."""
        session = self._need()
        Op(self, lambda: (session.engine.status(), session.offline_until())).success(self._show_lists).run()

    def _show_lists(self, result: tuple[dict[str, Any], dict[str, datetime]]) -> None:
        status, until = result
        self.pending.clear()
        total = 0
        for dossier in status["dossiers"]:
            count = int(dossier["pending"]) + int(dossier["uploads_pending"])
            total += count
            if count:
                self.pending.addItem(
                    self.tr("%1 : %2 modification(s)")
                    .replace("%1", self._name(dossier["dossier_id"]))
                    .replace("%2", str(count))
                )
        self.pending_title.setText(self.tr("En attente d'envoi (%1)").replace("%1", str(total)))
        self.retry.setEnabled(not self._preparing)
        self.offline.clear()
        for dossier_id, moment in sorted(until.items()):
            text = self.tr("%1 — disponible hors ligne jusqu'au %2").replace("%1", self._name(dossier_id))
            item = QListWidgetItem(text.replace("%2", _local(moment)))
            item.setData(Qt.ItemDataRole.UserRole, dossier_id)
            self.offline.addItem(item)

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
        if not (change.touches(Entity.DOCUMENT) or change.touches(Entity.ENTRY, "vaccination")):
            return

        def load() -> DossierContent:
            store = session.profile.dossier(content.dossier_id)
            return replace(content, documents=store.documents.list(), vaccinations=store.entries.list("vaccination"))

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
        self.dossier_title.setText(self.tr("Aucun dossier ouvert"))  # type: ignore[attr-defined]
        self.contents.clear()
        self.vaccination.clear()
        self.editing.setEnabled(False)
        show_error(self.dossier_error, "")

    def _clear_views(self) -> None:
        self.patients.clear()
        self._names.clear()
        self._clear_dossier()
        self.search.clear()
        self.offline.clear()
        self.pending.clear()
        self.pending_title.setText(self.tr("En attente d'envoi (%1)").replace("%1", "0"))
        self.progress.setVisible(False)
        self.stop_prepare.setVisible(False)
        if self.day_dialog is not None:
            self.day_dialog.reject()
            self.day_dialog = None
        for error in (self.search_error, self.sync_error):
            show_error(error, "")
        self._end_emergency()
        if self.emergency_dialog is not None:
            self.emergency_dialog.reject()
            self.emergency_dialog = None

    def lock_session(self) -> None:
        """Logout: the engine stops and the keys are dropped on the worker; every view is cleared now."""
        self.idle.disarm()
        self._preparing = False
        self.cancel_login()
        self.changes.follow(None)
        session, self.session = self.session, None
        stop_sync = self.sync.stop_on_worker()
        if session is not None:

            def logout() -> None:
                stop_sync()  # the engine's thread ends before the profile locks
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
