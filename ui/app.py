"""The main window: welcome → unlock or create → the dossier sections; locking, preferences and the status bar."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.setting_keys import SettingKey
from ui import icons, theme
from ui.account.activation import ActivationWizard
from ui.account.login import LoginSteps
from ui.account.opposition import OppositionPage
from ui.changes import ChangeRelay
from ui.clipboard import SecretClipboard
from ui.dialogs import Confirmer
from ui.i18n import DEFAULT_LANGUAGE, LanguageManager, current_language
from ui.locking import DEFAULT_POLL_MS, DEFAULT_TIMEOUT_S, IdleLocker, ScreenLockListener
from ui.ops import Op, wait_for_idle
from ui.sync import ConflictInbox, SyncController
from ui.unlock.view import UnlockPage
from ui.welcome.create_profile import CreateProfilePage, RecoveryKeyPage
from ui.welcome.unavailable import ServiceUnavailablePage
from ui.welcome.view import RECOVERY_CHOICES, WelcomePage
from ui.widgets import Retranslatable, announce, describe, label, size_to_current_page, tame_scroll_areas

# The settings keys of the sync session (from the small setting_keys: importing the engine would slow the start-up).
S_URL, S_REFRESH = SettingKey.SERVER_URL, SettingKey.REFRESH_TOKEN

if TYPE_CHECKING:
    from desktop_app.dossier_store import DossierStore
    from desktop_app.profile import ProfileDirectory, UnlockedProfile
    from desktop_app.sync.engine import Revocation
    from ui.agenda.notifier import ReminderNotifier
    from ui.documents.view import FileChooser
    from ui.dossier_view import DossierView
    from ui.exports.actions import ExportActions
    from ui.sync_inbox import RefusedInbox, SyncInboxDialog

DEFAULT_PREFERENCES: dict[str, Any] = {
    "text_scale": 100,
    "high_contrast": False,
    "language": DEFAULT_LANGUAGE,
    "autolock_seconds": DEFAULT_TIMEOUT_S,
}


def _export_actions(window: MainWindow) -> ExportActions:
    from ui.exports.actions import ExportActions

    return ExportActions(window, profiles=window._profiles, confirmer=window._confirmer)


class MainWindow(Retranslatable, QMainWindow):
    """The whole application window; owns the profile while unlocked."""

    sig_unlocked = Signal(object)
    """A profile was opened and its dossier is shown; carries the UnlockedProfile."""
    sig_locked = Signal()
    """The dossier was locked: every view is cleared and the keys are forgotten."""

    def __init__(
        self,
        *,
        profiles: ProfileDirectory,
        languages: LanguageManager | None = None,
        confirmer: Confirmer | None = None,
        clock: Callable[[], float] = time.monotonic,
        idle_poll_ms: int = DEFAULT_POLL_MS,
        file_chooser: FileChooser | None = None,
        apply_preferences: bool = True,
        server_url: str | None = None,
        watch_os_lock: bool = True,
    ) -> None:
        super().__init__()
        self._profiles = profiles
        self.server_url = server_url
        self.assisted_session: QWidget | None = None
        self.heir_request_pending = False
        self.clinic_page: QWidget | None = None
        self.clinic_window: QWidget | None = None
        self._languages = languages or LanguageManager(self)
        self._confirmer = confirmer or Confirmer()
        self._apply_preferences = apply_preferences
        self._profile: UnlockedProfile | None = None
        self._store: DossierStore | None = None
        self.preferences: dict[str, Any] = dict(DEFAULT_PREFERENCES)
        self.setWindowIcon(icons.get("carnet"))
        self.resize(1100, 760)

        self.welcome = WelcomePage()
        self.unavailable = ServiceUnavailablePage()
        self.create_page = CreateProfilePage(profiles)
        self.recovery_page = RecoveryKeyPage()
        self.unlock_page = UnlockPage(profiles)
        # The online first-contact flows exist only when a central service is configured; otherwise those choices
        # lead to the page that says the service is not reachable (no fake flows).
        self.activation_page: ActivationWizard | None = None
        self.login_page: LoginSteps | None = None
        self.opposition_page: OppositionPage | None = None
        online_pages: list[QWidget] = []
        if server_url:
            self.activation_page = ActivationWizard(profiles, server_url)
            self.login_page = LoginSteps(profiles, server_url)
            self.opposition_page = OppositionPage(server_url, confirmer=self._confirmer)
            online_pages = [self.activation_page, self.login_page, self.opposition_page]
        self._file_chooser = file_chooser
        self._dossier: DossierView | None = None
        self.stack = QStackedWidget()
        # First-contact pages scroll on their own when 200 % text makes them taller than the window (never
        # clipped); the dossier sections have their own scrolling tables and forms.
        self._scrollers: dict[int, QScrollArea] = {}
        for page in (
            self.welcome,
            self.unavailable,
            self.create_page,
            self.recovery_page,
            self.unlock_page,
            *online_pages,
        ):
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setWidget(page)
            self._scrollers[id(page)] = scroller
            self.stack.addWidget(scroller)
        size_to_current_page(self.stack)  # a hidden page (the dossier after a lock) never widens the one shown
        central = QWidget()
        self.central_column = QVBoxLayout(central)  # the reminders' banner goes above the stack (no system tray)
        self.central_column.setContentsMargins(0, 0, 0, 0)
        self.central_column.addWidget(self.stack)
        self.setCentralWidget(central)
        self._reminders: ReminderNotifier | None = None

        self.welcome.sig_choice_made.connect(self.on_welcome_choice_made)
        self.unavailable.sig_back_requested.connect(self.show_welcome)
        self.create_page.sig_back_requested.connect(self.show_welcome)
        self.unlock_page.sig_back_requested.connect(self.show_welcome)
        self.create_page.sig_created.connect(self.on_create_page_created)
        self.recovery_page.sig_done.connect(self.on_recovery_page_done)
        self.unlock_page.sig_unlocked.connect(self.on_unlock_page_unlocked)
        for page in online_pages:
            page.sig_back_requested.connect(self.show_welcome)  # type: ignore[attr-defined]
        if self.activation_page is not None:
            self.activation_page.sig_activated.connect(self.on_login_page_signed_in)
        if self.login_page is not None:
            self.login_page.sig_signed_in.connect(self.on_login_page_signed_in)

        self.locker = IdleLocker(timeout_s=DEFAULT_TIMEOUT_S, clock=clock, poll_ms=idle_poll_ms, parent=self)
        self.locker.sig_idle_timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.locker)
        # S17: lock with the OS screen lock, session lock and suspend (Linux D-Bus; nothing when no bus).
        self.screen_lock = ScreenLockListener(self)
        self.screen_lock.sig_os_locked.connect(self.lock)
        if watch_os_lock:
            self.screen_lock.connect_buses()
        # S20: what is copied from Carnet is marked secret and cleared after 30 s, on lock and on quit.
        self.clipboard = SecretClipboard(parent=self)
        self.recovery_page.sig_copy_requested.connect(self.clipboard.copy)
        # Change events of the open profile (edits here, pulls), relayed to the UI thread for the pages to refresh.
        self.changes = ChangeRelay(self)
        # Sync in the window: the engine runs on its own thread, and schedules itself after local edits (it listens
        # to the profile's change events); the status bar follows its state.
        self.sync = SyncController(parent=self)
        self.sync.sig_revoked.connect(self.on_sync_revoked)
        self._conflict_dialog: SyncInboxDialog | None = None
        self._device_revoked_told = False

        self._build_menus()
        self.lock_label = label()
        self.network_label = label()
        self.statusBar().addWidget(self.lock_label, 1)
        # Undo where it is cheap: « … supprimé. Annuler (Ctrl+Z) » for a few seconds after a deletion or a masking.
        self.undo_label = label()  # wraps rather than clips at 200 % text
        self.undo_button = QPushButton()
        self.undo_button.setFlat(True)
        self.undo_button.clicked.connect(lambda: self._dossier.undo.undo() if self._dossier is not None else None)
        self.statusBar().addWidget(self.undo_label, 1)
        self.statusBar().addWidget(self.undo_button)
        self.undo_label.hide()
        self.undo_button.hide()
        self.sync_button = QPushButton()
        self.sync_button.setFlat(True)
        self.sync_button.clicked.connect(self.on_sync_button_clicked)
        self.statusBar().addPermanentWidget(self.network_label, 3)  # the status sentence may be long: room for it
        self.statusBar().addPermanentWidget(self.sync_button)
        self.sync.sig_status_changed.connect(lambda _text: self._update_status())
        self._languages.sig_language_changed.connect(self.on_languages_language_changed)
        self.retranslate_ui()
        tame_scroll_areas(self)
        self.show_welcome()

    def show_page(self, page: QWidget) -> None:
        """Bring a page to the front (its scroll area, for the first-contact pages)."""
        self.stack.setCurrentWidget(self._scrollers.get(id(page), page))

    def current_page(self) -> QWidget:
        """The page shown, whether or not it sits in a scroll area."""
        current = self.stack.currentWidget()
        inner = current.widget() if isinstance(current, QScrollArea) else None
        shown = inner or current
        assert shown is not None, "the stack always shows a page"
        return shown

    @property
    def dossier(self) -> DossierView:
        """The dossier sections, built on first use: the welcome screen appears without loading them."""
        if self._dossier is None:
            from ui.dossier_view import DossierView

            view = DossierView(confirmer=self._confirmer, file_chooser=self._file_chooser)
            tame_scroll_areas(view)
            self.stack.addWidget(view)
            settings = view.settings
            settings.sig_text_scale_changed.connect(lambda v: self.set_preference("text_scale", v))
            settings.sig_high_contrast_changed.connect(lambda v: self.set_preference("high_contrast", v))
            settings.sig_language_requested.connect(lambda v: self.set_preference("language", v))
            settings.sig_autolock_changed.connect(lambda v: self.set_preference("autolock_seconds", v))
            settings.recovery_box.sig_issued.connect(self.on_recovery_key_issued)
            settings.show_preferences(self.preferences)
            view.undo.sig_changed.connect(self._show_undo)
            view.undo.sig_restored.connect(lambda _r: self._say_restored())
            view.undo.sig_failed.connect(lambda _exc: self._say_restored(failed=True))
            self.changes.sig_changed.connect(view.on_store_changed)
            view.messages.sync_now = self.sync.sync_now  # « Actualiser » of the Messagerie runs the sync now
            # Notifications: conflicts from the sync are listed there; each finished sync asks for new ones.
            self.sync.sig_conflicts_changed.connect(lambda c: view.notifications.set_conflicts(len(c)))
            self.sync.sig_state_changed.connect(lambda s: view.notifications.refresh() if s == "up_to_date" else None)
            view.notifications.sig_conflicts_requested.connect(self.show_conflicts)
            self.sync.sig_refused_changed.connect(lambda r: view.notifications.set_refused(len(r)))
            view.notifications.sig_refused_requested.connect(self.show_refused)
            view.home.offer_emergency_card()  # the Accueil's « Imprimer ma carte d'urgence »: the export's own door
            view.home.sig_quick_action.connect(self._on_home_quick_action)
            self._dossier = view
        return self._dossier

    @property
    def reminders(self) -> ReminderNotifier:
        """Reminders while Carnet runs (system tray, else a banner above the pages), made at the first unlock."""
        if self._reminders is None:
            from ui.agenda.notifier import ReminderNotifier

            self._reminders = ReminderNotifier(parent=self)
            self.central_column.insertWidget(0, self._reminders.banner)
            self.changes.sig_changed.connect(self._reminders.on_store_changed)
            self._reminders.sig_open_requested.connect(self.show_reminded)
        return self._reminders

    def show_reminded(self, section: str) -> None:
        """A reminder was chosen: the window comes forward on its section (or on the unlock page while locked)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if self._profile is not None and self._dossier is not None:
            self.show_page(self._dossier)
            self._dossier.show_section(section)

    def _on_home_quick_action(self, action: str) -> None:
        if action == "emergency_card":
            from desktop_app.exports.printouts import Printout

            self.exports.printouts[Printout.EMERGENCY_CARD].trigger()

    # -- menus -------------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.carnet_menu = self.menuBar().addMenu("")
        self.lock_action = QAction(icons.get("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction("", self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.sync_action = QAction("", self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.triggered.connect(self.sync.sync_now)
        self.conflicts_action = QAction("", self)
        self.conflicts_action.triggered.connect(
            lambda: self.show_refused() if self.sync.refused else self.show_conflicts()
        )
        self.carnet_menu.addAction(self.lock_action)
        self.carnet_menu.addAction(self.sync_action)
        self.carnet_menu.addAction(self.conflicts_action)
        self.carnet_menu.addSeparator()
        self.carnet_menu.addAction(self.quit_action)
        self.exports = _export_actions(self)  # « Carnet › Exporter / Imprimer », file drops (ui/exports)
        self.view_menu = self.menuBar().addMenu("")
        self.bigger_action = QAction("", self)
        self.bigger_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.bigger_action.triggered.connect(lambda: self._step_text(+10))
        self.smaller_action = QAction("", self)
        self.smaller_action.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller_action.triggered.connect(lambda: self._step_text(-10))
        self.contrast_action = QAction("", self)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.contrast_action.toggled.connect(lambda on: self.set_preference("high_contrast", on))
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self.set_preference("language", c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.view_menu.addAction(self.bigger_action)
        self.view_menu.addAction(self.smaller_action)
        self.view_menu.addAction(self.contrast_action)
        # The menu bar by the keyboard: F10 (GNOME's convention), then the arrows. Its titles take no Alt+letter:
        # every Alt+letter of the whole alphabet is some screen's button or field, and Qt only cycles between two.
        self.menu_key = QShortcut(QKeySequence("F10"), self)
        self.menu_key.activated.connect(self.open_menu_bar)

    def open_menu_bar(self) -> None:
        """Open the first menu (« Carnet »), keyboard focus in it."""
        self.menuBar().setActiveAction(self.carnet_menu.menuAction())

    def _step_text(self, delta: int) -> None:
        self.set_preference("text_scale", theme.clamp_scale(int(self.preferences["text_scale"]) + delta))

    # -- preferences -------------------------------------------------------------------------------------------------
    def set_preference(self, key: str, value: Any) -> None:
        """Apply a preference at once and store it (encrypted) in the open profile."""
        if self.preferences.get(key) == value:
            return
        self.preferences[key] = value
        self._apply(key)
        profile = self._profile
        if profile is not None:
            Op(self, lambda: profile.set_setting(f"ui.{key}", value)).run()

    def _apply(self, key: str | None = None) -> None:
        prefs = self.preferences
        app = QApplication.instance()
        if key in (None, "text_scale", "high_contrast") and self._apply_preferences and isinstance(app, QApplication):
            theme.apply_theme(
                app,
                high_contrast=bool(prefs["high_contrast"]),
                text_scale=int(prefs["text_scale"]),
                defer_hidden=key == "text_scale",  # a Ctrl++ step: what is shown first (ui/theme.py)
            )
        if key in (None, "language") and prefs["language"] != current_language():
            self._languages.set_language(str(prefs["language"]))
        if key in (None, "autolock_seconds"):
            self.locker.set_timeout(float(prefs["autolock_seconds"]))
        self.contrast_action.blockSignals(True)
        self.contrast_action.setChecked(bool(prefs["high_contrast"]))
        self.contrast_action.blockSignals(False)
        self.language_actions[str(prefs["language"])].setChecked(True)
        if self._dossier is not None:
            self._dossier.settings.show_preferences(prefs)

    # -- navigation --------------------------------------------------------------------------------------------------
    def show_welcome(self) -> None:
        self.show_page(self.welcome)
        self.welcome.focus_default()
        self.sync.probe(self.server_url)  # before unlock the status says whether the service answers
        self._update_status()

    def on_welcome_choice_made(self, choice: str) -> None:
        self.heir_request_pending = choice == "deceased" and bool(self.server_url)
        if self.heir_request_pending:  # « Un proche est décédé »: the request opens once the person's carnet is
            self.show_unlock()  # open (it is made with their account)
            self.statusBar().showMessage(self.tr("Ouvrez votre carnet : la demande pour un proche décédé suivra."))
        elif choice == "unlock":
            self.show_unlock()
        elif choice == "create":
            self.create_page.reset()
            self.show_page(self.create_page)
            self.create_page.name_edit.setFocus()
        elif choice == "assisted" and self.server_url:
            self._start_assisted_session(self.server_url)
        elif choice == "clinic" and self.server_url:
            self._show_clinic(self.server_url)
        elif choice in RECOVERY_CHOICES and self.server_url:
            self._open_recovery(choice, self.server_url)
        elif (page := self._online_page(choice)) is not None:
            page.reset()
            self.show_page(page)
        else:
            self.unavailable.show_for(choice)
            self.show_page(self.unavailable)
            self.unavailable.back_button.setFocus()

    def _open_recovery(self, choice: str, server_url: str) -> None:
        """« Identifiant oublié » / « Mot de passe oublié » from the welcome screen (also on the login page)."""
        from ui.account.recovery import open_forgot_identifier, open_forgot_password

        steps: QWidget
        if choice == "forgot_identifier":
            self.recovery_dialog, steps = open_forgot_identifier(self, server_url)
        else:
            self.recovery_dialog, steps = open_forgot_password(self, server_url)
        self.recovery_steps = steps

    def _start_assisted_session(self, server_url: str) -> None:
        """A fresh session page each time: it works in its own temporary folder, wiped when it ends."""
        from ui.assisted.session import AssistedSession

        session = AssistedSession(server_url=server_url)
        self.stack.addWidget(session)
        self.assisted_session = session

        def finished() -> None:
            self.show_welcome()
            self.stack.removeWidget(session)
            session.deleteLater()
            self.assisted_session = None

        session.sig_finished.connect(finished)
        self.show_page(session)

    def _show_clinic(self, server_url: str) -> None:
        """The clinic workstation page, made once: each professional signs in there with their own profile."""
        if self.clinic_page is None:
            from ui.clinic.window import ClinicWindow

            clinic = ClinicWindow(data_dir=self._profiles.data_dir / "clinic", server_url=server_url)
            back = QPushButton(self.tr("← &Retour à l'accueil"))
            back.setAccessibleName(self.tr("Retour à l'accueil"))
            back.setAccessibleDescription(self.tr("Verrouille la session du professionnel et revient à l'accueil."))

            def leave() -> None:
                clinic.lock_session()
                self.show_welcome()

            back.clicked.connect(leave)
            page = QWidget()
            column = QVBoxLayout(page)
            row = QHBoxLayout()
            row.addWidget(back)
            row.addStretch(1)
            column.addLayout(row)
            column.addWidget(clinic, 1)
            self.clinic_window = clinic
            self.clinic_page = page
            self.stack.addWidget(page)
        self.show_page(self.clinic_page)

    def _online_page(self, choice: str) -> ActivationWizard | LoginSteps | OppositionPage | None:
        pages = {"activate": self.activation_page, "login": self.login_page, "oppose": self.opposition_page}
        return pages.get(choice)

    def on_login_page_signed_in(self, profile: UnlockedProfile, recovery_key: str | None) -> None:
        if recovery_key:
            self.on_create_page_created(profile, recovery_key)  # a new carnet: its recovery key is shown once
        else:
            self._open(profile)

    def show_unlock(self, *, select_id: str | None = None) -> None:
        self.show_page(self.unlock_page)
        self.unlock_page.refresh_profiles(select_id=select_id)
        self.sync.probe(self.server_url)
        self._update_status()

    def on_create_page_created(self, profile: UnlockedProfile, recovery_key: str) -> None:
        self._profile = profile  # held now so that a lock while the key is shown closes it
        self.recovery_page.show_key(recovery_key, person_name=profile.label)
        self.show_page(self.recovery_page)
        self.recovery_page.done_button.setFocus()

    def on_recovery_key_issued(self, recovery_key: str) -> None:
        """A new recovery key from Paramètres: shown once on the same page as at creation, then back to the carnet."""
        self.recovery_page.show_key(recovery_key, person_name=self._profile.label if self._profile else "")
        self.show_page(self.recovery_page)
        self.recovery_page.done_button.setFocus()

    def on_recovery_page_done(self) -> None:
        if self._profile is not None:
            self._open(self._profile)

    def on_unlock_page_unlocked(self, profile: UnlockedProfile) -> None:
        self._open(profile)

    def _open(self, profile: UnlockedProfile) -> None:
        self._profile = profile

        def load() -> tuple[dict[str, Any], DossierStore]:
            return profile.settings, profile.dossier()

        Op(self, load).success(lambda result: self._on_opened(profile, *result)).failure(self._on_open_failed).run()

    def _on_opened(self, profile: UnlockedProfile, settings: dict[str, Any], store: DossierStore) -> None:
        if self._profile is not profile:
            return  # locked meanwhile
        self._store = store
        self._device_revoked_told = False
        stored = {k.removeprefix("ui."): v for k, v in settings.items() if k.startswith("ui.")}
        # What the person chose before unlocking (e.g. high contrast on the welcome screen) stays unless the
        # profile holds its own choice.
        self.preferences = {**self.preferences, **{k: v for k, v in stored.items() if k in DEFAULT_PREFERENCES}}
        self._apply()
        self.dossier.open(profile, store)
        self.changes.follow(profile.changes)
        self.reminders.set_store(store)
        if settings.get(S_URL) and settings.get(S_REFRESH):
            self.sync.start(profile)  # sync on start, then periodically and after edits (the engine hears them)
        else:
            self.sync.open_local(profile)  # no account: the status says the carnet stays on this computer
        self.show_page(self.dossier)
        self.dossier.nav.setFocus()
        if self.unlock_page.used_recovery:
            self.unlock_page.recovery_check.setChecked(False)
            self.dossier.show_section("settings")
            self.dossier.settings.ask_new_password()
        self.locker.arm()
        self._update_status()
        if self.heir_request_pending:
            self.heir_request_pending = False
            self.statusBar().clearMessage()
            self.dossier.show_section("access")
            if self.dossier.access.helping_box is not None:
                self.dossier.access.show_part(self.dossier.access.helping_box)
                self.dossier.access.helping_box.open_heir_request()
        self.sig_unlocked.emit(profile)

    def _on_open_failed(self, exc: BaseException) -> None:
        self.lock()
        self.unlock_page.sig_unlock_failed.emit(str(exc))

    # -- locking -----------------------------------------------------------------------------------------------------
    @property
    def profile(self) -> UnlockedProfile | None:
        return self._profile

    @property
    def store(self) -> DossierStore | None:
        return self._store

    def is_locked(self) -> bool:
        return self._profile is None

    def lock(self) -> None:
        """Clear every view of health data, forget the keys (profile.lock on the worker) and ask for the password."""
        profile = self._profile
        self.locker.disarm()
        self.clipboard.clear_if_ours()
        self.changes.follow(None)
        if self._dossier is not None:
            self._dossier.clear()
        if self._reminders is not None:
            self._reminders.lock()  # only the coming reminders' times stay, their words redacted
        self.recovery_page.key_label.clear()
        self._profile = None
        self._store = None
        stop_sync = self.sync.stop_on_worker()
        if self._conflict_dialog is not None:
            self._conflict_dialog.close()
        if profile is not None:

            def close() -> None:
                stop_sync()  # the engine's thread ends before the databases close
                profile.lock()

            Op(None, close).run()
            self.show_unlock(select_id=profile.profile_id)
            self.sig_locked.emit()
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        wait_for_idle()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.locker)
        super().closeEvent(event)

    # -- sync ------------------------------------------------------------------------------------------------------
    def on_sync_button_clicked(self) -> None:
        if self.sync.refused:
            self.show_refused()
        elif self.sync.conflicts:
            self.show_conflicts()
        else:
            self.sync.sync_now()

    def _inbox(self, tab: str) -> SyncInboxDialog:
        """The sync inbox (refused changes, conflicts), in a window of its own beside the dossier (not modal: the
        dossier stays usable)."""
        if self._conflict_dialog is None:
            from ui.sync_inbox import SyncInboxDialog

            self._conflict_dialog = SyncInboxDialog(self.sync, self)
            self.conflict_inbox = self._conflict_dialog.conflicts
            self.refused_inbox = self._conflict_dialog.refused
        self._conflict_dialog.show_tab(tab)
        return self._conflict_dialog

    def show_conflicts(self) -> ConflictInbox:
        return self._inbox("conflicts").conflicts

    def show_refused(self) -> RefusedInbox:
        """The changes the service refused, with why and what to do (never silent)."""
        return self._inbox("refused").refused

    def on_sync_revoked(self, revocation: Revocation) -> None:
        """The service withdrew this computer's access (the dossier, or the whole device): before the local copy
        disappears, the dossier view is closed and cleared (nothing readable stays on screen), then a dialog says
        what happened, how many local changes could not be sent and what to do; then the welcome screen."""
        reason = getattr(revocation, "reason", "dossier_revoked")
        concerns_open = reason == "device_revoked" or revocation.dossier_id == getattr(self._store, "dossier_id", None)
        if reason == "device_revoked" and self._profile is None and self._device_revoked_told:
            return  # one Revocation per dossier held: the device is explained once
        if self._profile is not None and concerns_open:
            self.lock()  # clears every view first, stops the sync and forgets the keys
            self.show_welcome()
        self._device_revoked_told = reason == "device_revoked"
        self._confirmer.inform(self, title=self.tr("Accès retiré"), text=self.revocation_text(revocation))
        if concerns_open:
            self.show_welcome()

    def revocation_text(self, revocation: Revocation) -> str:
        """What happened, what was lost and what to do, in plain words."""
        if getattr(revocation, "reason", "dossier_revoked") == "device_revoked":
            text = self.tr(
                "Cet ordinateur a été retiré de vos appareils (depuis un autre appareil ou par le service). "
                "Pour votre sécurité, la copie de votre carnet qu'il gardait est effacée. Vos données enregistrées "
                "sur le service ne sont pas touchées : pour retrouver votre carnet ici, reconnectez-vous avec "
                "« J'ai déjà un compte »."
            )
        else:
            text = self.tr(
                "L'accès de cet ordinateur à ce carnet a été retiré par le service. Sa copie locale est effacée "
                "de cet ordinateur ; les données enregistrées sur le service ne sont pas touchées. Si c'est une "
                "erreur, demandez à la personne qui gère ce carnet de vous redonner l'accès."
            )
        if revocation.pending_changes:
            text += " " + self.tr(
                "%1 modification(s) faite(s) sur cet ordinateur n'avai(en)t pas encore été envoyée(s) : "
                "elle(s) est (sont) perdue(s)."
            ).replace("%1", str(revocation.pending_changes))
        else:
            text += " " + self.tr("Toutes vos modifications avaient été envoyées : rien n'est perdu.")
        return text

    def _show_undo(self, text: str) -> None:
        """The undo offer in the status bar (hidden when there is nothing to undo any more)."""
        self.undo_label.setText(text)
        self.undo_label.setVisible(bool(text))
        self.undo_button.setVisible(bool(text))
        # For those few seconds the offer takes the place of « Carnet ouvert » (room for it at 200 % text).
        self.lock_label.setVisible(not text)
        describe(self.undo_label, self.tr("Dernière action"), text)
        if text:  # said at once to screen readers (the status bar is not where their focus is)
            announce(self.undo_label, self.tr("%1 Ctrl+Z pour annuler.").replace("%1", text))

    def _say_restored(self, *, failed: bool = False) -> None:
        """The undo was applied (or could not be): said in the status bar for a few seconds and to screen readers."""
        text = (
            self.tr("L'annulation n'a pas pu être faite : rien n'a été rétabli.")
            if failed
            else self.tr("C'est rétabli.")
        )
        self.statusBar().showMessage(text, 8_000 if failed else 5_000)
        announce(self.statusBar(), text, assertive=failed)

    # -- language and status -----------------------------------------------------------------------------------------
    def on_languages_language_changed(self, language: str) -> None:
        self.preferences["language"] = language
        self.language_actions[language].setChecked(True)

    def _update_status(self) -> None:
        if self._profile is None or self._store is None:
            self.lock_label.setText(self.tr("Carnet verrouillé"))
        else:
            self.lock_label.setText(self.tr("Carnet ouvert : %1").replace("%1", self._profile.label))
        text = self.sync.status_text()  # the same words on every screen that shows the status
        self.network_label.setText(text)
        lines = [self.welcome.sync_state, self.unlock_page.sync_state]
        if self._dossier is not None:
            lines.append(self._dossier.home.sync_state)
        for line in lines:
            line.show_status(text)
        describe(self.lock_label, self.tr("État du carnet"), self.lock_label.text())
        describe(self.network_label, self.tr("État de la synchronisation"), self.network_label.text())
        self.sync_button.setVisible(self.sync.engine is not None)
        attention = bool(self.sync.refused or self.sync.conflicts)
        self.sync_button.setText(self.tr("Voir…") if attention else self.tr("Synchroniser"))
        describe(
            self.sync_button,
            self.sync_button.text(),
            self.tr("Voir les modifications refusées et les conflits à régler.")
            if attention
            else self.tr("Synchroniser maintenant avec le service (F5)."),
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Carnet — mon carnet de santé"))
        self.carnet_menu.setTitle(self.tr("Carnet"))
        self.lock_action.setText(self.tr("&Verrouiller"))
        self.lock_action.setToolTip(self.tr("Verrouiller le carnet maintenant (Ctrl+L)"))
        self.quit_action.setText(self.tr("&Quitter"))
        self.view_menu.setTitle(self.tr("Affichage"))
        self.bigger_action.setText(self.tr("A&grandir le texte"))
        self.smaller_action.setText(self.tr("&Réduire le texte"))
        self.contrast_action.setText(self.tr("&Contraste élevé"))
        self.language_menu.setTitle(self.tr("&Langue"))
        self.sync_action.setText(self.tr("&Synchroniser maintenant"))
        self.conflicts_action.setText(self.tr("Modifications refusées et con&flits…"))
        self.undo_button.setText(self.tr("Annuler (Ctrl+Z)"))
        describe(self.undo_button, self.tr("Annuler"), self.tr("Rétablir ce qui vient d'être supprimé ou masqué."))
        self._update_status()
