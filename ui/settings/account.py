"""Paramètres that involve the account or the OS: devices with revoke, « se souvenir de moi sur cet ordinateur », the
space on the service (account password, closure, reactivation, deletion request)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import CarnetError, WrongPassword
from ui.dialogs import Confirmer
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column, PagedTableModel
from ui.widgets import (
    Retranslatable,
    describe,
    error_label,
    flow_row,
    label,
    row_table,
    set_role,
    show_error,
    with_messages,
)

if TYPE_CHECKING:
    from desktop_app.account import Device
    from desktop_app.profile import UnlockedProfile


def _message(exc: BaseException, fallback: str) -> str:
    return exc.message(current_language()) if isinstance(exc, CarnetError) else fallback


class DevicesBox(Retranslatable, QGroupBox):
    """The devices registered to the account (this one marked); revoking asks first and says what happens."""

    def __init__(self, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self._profile: UnlockedProfile | None = None
        self.intro = label("muted")
        self.model: PagedTableModel[Device] = PagedTableModel(
            [
                Column(lambda: self.tr("Appareil"), self._device_name),
                Column(lambda: self.tr("Dernière connexion"), self._last_seen),
                Column(lambda: self.tr("État"), self._device_state),
            ],
            parent=self,
        )
        self.table = row_table(self.model)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 0 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        self.refresh_button = QPushButton()
        self.revoke_button = QPushButton()
        self.status = label("muted")
        self.error = error_label()
        self.refresh_button.clicked.connect(self.on_refresh_button_clicked)
        self.revoke_button.clicked.connect(self.on_revoke_button_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_enabled())
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        QWidget.setTabOrder(self.table, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.revoke_button)
        self.retranslate_ui()
        self._update_enabled()

    def _device_name(self, device: Device) -> str:
        return self.tr("%1 (cet ordinateur)").replace("%1", device.name) if device.current else device.name

    def _last_seen(self, device: Device) -> str:
        return device.last_seen_at.astimezone().strftime("%d/%m/%Y %H:%M")

    def _device_state(self, device: Device) -> str:
        return self.tr("Révoqué") if device.revoked else self.tr("Actif")

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        self._profile = profile
        self.model.clear()
        self.status.clear()
        show_error(self.error, "")
        self._update_enabled()

    def selected(self) -> Device | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_enabled(self) -> None:
        device = self.selected()
        self.refresh_button.setEnabled(self._profile is not None)
        self.revoke_button.setEnabled(device is not None and not device.revoked and not device.current)

    def on_refresh_button_clicked(self) -> None:
        profile = self._profile
        if profile is None:
            return
        from desktop_app import account

        self.status.setText(self.tr("Interrogation du service…"))
        show_error(self.error, "")
        Op(self, lambda: account.devices(profile)).success(self._show).failure(self._on_failed).run()

    def _show(self, devices: list[Device]) -> None:
        self.status.setText(self.tr("%n appareil(s) relié(s) à votre compte.", "", len(devices)))
        self.model.set_source(lambda offset, limit: devices[offset : offset + limit])
        self._update_enabled()

    def _on_failed(self, exc: BaseException) -> None:
        self.status.clear()
        show_error(self.error, _message(exc, self.tr("Le service n'a pas répondu. Réessayez plus tard.")))

    def on_revoke_button_clicked(self) -> None:
        profile, device = self._profile, self.selected()
        if profile is None or device is None or device.current or device.revoked:
            return
        confirmed = self._confirmer.ask(
            self,
            title=self.tr("Révoquer un appareil"),
            text=self.tr(
                "« %1 » ne pourra plus se connecter à votre compte ni se synchroniser, dès maintenant. "
                "Ce qu'il n'a pas encore envoyé ne vous parviendra pas. Vous pourrez le reconnecter plus tard "
                "avec votre identifiant, votre mot de passe et un code reçu par e-mail."
            ).replace("%1", device.name),
            confirm_label=self.tr("Révoquer"),
            cancel_label=self.tr("Annuler"),
        )
        if not confirmed:
            return
        from desktop_app import account

        device_id = device.id
        Op(self, lambda: account.revoke_device(profile, device_id)).success(
            lambda _r: self.on_refresh_button_clicked()
        ).failure(self._on_failed).run()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Appareils reliés à mon compte"))
        self.intro.setText(
            self.tr("Révoquez un appareil perdu, vendu ou que vous n'utilisez plus : il ne pourra plus se connecter.")
        )
        self.refresh_button.setText(self.tr("Afficher les a&ppareils"))
        self.revoke_button.setText(self.tr("Révo&quer l'appareil choisi…"))
        describe(self.table, self.tr("Appareils reliés à mon compte"), self.tr("Choisissez un appareil à révoquer."))
        describe(self.refresh_button, self.tr("Afficher les appareils"), self.tr("Demander la liste au service."))
        describe(
            self.revoke_button,
            self.tr("Révoquer l'appareil choisi"),
            self.tr("Une question vous demandera de confirmer. Cet ordinateur ne peut pas être révoqué d'ici."),
        )
        self.model.retranslate()


class RememberBox(Retranslatable, QGroupBox):
    """« Se souvenir de moi sur cet ordinateur » (S24, S25): only in personal mode, after the password (S19)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: UnlockedProfile | None = None
        self.intro = label("muted")
        self.remember_check = QCheckBox()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = label(buddy=self.password_edit, wrap=False)
        self.password_error = error_label()
        self.apply_button = QPushButton()
        set_role(self.apply_button, "primary")
        self.status = label("muted")
        self.remember_check.toggled.connect(lambda _on: self._update_enabled())
        self.password_edit.textChanged.connect(lambda _t: self._update_enabled())
        self.password_edit.returnPressed.connect(self.on_apply_button_clicked)
        self.apply_button.clicked.connect(self.on_apply_button_clicked)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.intro)
        form.addRow(self.remember_check)
        form.addRow(self.password_label, with_messages(self.password_edit, self.password_error))
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.status)
        QWidget.setTabOrder(self.remember_check, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.apply_button)
        self.retranslate_ui()
        self.set_profile(None)

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        self._profile = profile
        personal = profile is not None and profile.device_mode == "personal"
        self.remember_check.blockSignals(True)
        self.remember_check.setChecked(bool(profile and profile.remembered))
        self.remember_check.blockSignals(False)
        self.password_edit.clear()
        show_error(self.password_error, "")
        self.status.setText(
            ""
            if personal or profile is None
            else self.tr("Ce carnet est en mode « ordinateur partagé » : votre mot de passe sera toujours demandé.")
        )
        self.setEnabled(personal)
        self._update_enabled()

    def _update_enabled(self) -> None:
        profile = self._profile
        changed = profile is not None and self.remember_check.isChecked() != profile.remembered
        self.apply_button.setEnabled(changed and bool(self.password_edit.text()))

    def on_apply_button_clicked(self) -> None:
        profile = self._profile
        if profile is None or not self.apply_button.isEnabled():
            return
        remember, password = self.remember_check.isChecked(), self.password_edit.text()
        self.password_edit.clear()
        show_error(self.password_error, "")
        self.status.setText(self.tr("Vérification du mot de passe…"))

        def apply() -> bool:
            from desktop_app import account

            account.verify_password(profile, password)
            if remember:
                profile.remember_on_this_device()
            else:
                profile.forget_on_this_device()
            return profile.remembered

        Op(self, apply).success(self._on_applied).failure(self._on_failed).run()

    def _on_applied(self, remembered: bool) -> None:
        self.status.setText(
            self.tr("Cet ordinateur se souviendra de vous : le carnet s'ouvrira sans mot de passe.")
            if remembered
            else self.tr("Cet ordinateur ne se souvient plus de vous : le mot de passe sera demandé.")
        )
        self._update_enabled()

    def _on_failed(self, exc: BaseException) -> None:
        self.status.clear()
        self.remember_check.blockSignals(True)
        self.remember_check.setChecked(bool(self._profile and self._profile.remembered))
        self.remember_check.blockSignals(False)
        if isinstance(exc, WrongPassword):
            show_error(self.password_error, self.tr("Mot de passe incorrect : rien n'a été changé."))
            self.password_edit.setFocus()
        else:
            show_error(self.password_error, _message(exc, self.tr("Le réglage n'a pas pu être changé.")))
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Se souvenir de moi"))
        self.intro.setText(
            self.tr(
                "Seulement sur un ordinateur personnel dont la session est protégée par un mot de passe : la clé "
                "de votre carnet est alors gardée dans le trousseau du système."
            )
        )
        self.remember_check.setText(self.tr("&Se souvenir de moi sur cet ordinateur"))
        self.password_label.setText(self.tr("&Mot de passe du carnet :"))
        self.apply_button.setText(self.tr("Appl&iquer"))
        describe(
            self.remember_check,
            self.tr("Se souvenir de moi sur cet ordinateur"),
            self.tr("Ouvrir le carnet sans mot de passe grâce au trousseau du système."),
        )
        describe(self.password_edit, self.tr("Mot de passe du carnet"), self.tr("Requis pour changer ce réglage."))
        describe(self.apply_button, self.tr("Appliquer"), self.tr("Vérifier le mot de passe puis appliquer."))


class SpaceBox(Retranslatable, QGroupBox):
    """« Mon espace sur le service »: its state, the account's password, closure, reactivation, deletion request.
    Each action opens a short window that says what it does; the state is asked again after each."""

    def __init__(self, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self._profile: UnlockedProfile | None = None
        self._state: str | None = None
        self.dialog: QDialog | None = None
        self.steps: QWidget | None = None
        self.intro = label("muted")
        self.state_label = label()
        self.error = error_label()
        self.refresh_button = QPushButton()
        self.password_button = QPushButton()
        self.close_button = QPushButton()
        self.reactivate_button = QPushButton()
        self.delete_button = QPushButton()
        self.signout_button = QPushButton()
        self.refresh_button.clicked.connect(self.on_refresh_button_clicked)
        self.password_button.clicked.connect(self.on_password_button_clicked)
        self.close_button.clicked.connect(lambda: self._open_end("closure"))
        self.delete_button.clicked.connect(lambda: self._open_end("deletion"))
        self.reactivate_button.clicked.connect(self.on_reactivate_button_clicked)
        self.signout_button.clicked.connect(self.on_signout_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.state_label)
        layout.addWidget(self.error)
        layout.addWidget(
            flow_row(
                self.refresh_button,
                self.password_button,
                self.close_button,
                self.reactivate_button,
                self.delete_button,
                self.signout_button,
            )
        )
        buttons = [
            self.refresh_button,
            self.password_button,
            self.close_button,
            self.reactivate_button,
            self.delete_button,
        ]
        for first, second in zip(buttons, [*buttons[1:], self.signout_button], strict=True):
            QWidget.setTabOrder(first, second)
        self.retranslate_ui()
        self.set_profile(None)

    def set_profile(self, profile: UnlockedProfile | None) -> None:
        from desktop_app import account

        self._profile = profile
        self._state = None
        show_error(self.error, "")
        signed_in = profile is not None and account.is_signed_in(profile)
        self.setEnabled(signed_in)
        self.state_label.setText(
            "" if signed_in or profile is None else self.tr("Ce carnet n'est pas relié à un compte en ligne.")
        )
        self._update_enabled()

    def _update_enabled(self) -> None:
        state = self._state
        self.reactivate_button.setEnabled(state in ("closed", "deletion_requested"))
        self.close_button.setEnabled(state in (None, "active"))
        self.password_button.setEnabled(state in (None, "active"))
        self.delete_button.setEnabled(state != "deletion_requested")

    def on_refresh_button_clicked(self) -> None:
        profile = self._profile
        if profile is None:
            return
        from desktop_app import account

        show_error(self.error, "")
        self.state_label.setText(self.tr("Interrogation du service…"))
        Op(self, lambda: account.identity(profile).status).success(self._show_state).failure(self._on_failed).run()

    def _show_state(self, state: str) -> None:
        self._state = state
        texts = {
            "active": self.tr("Votre espace est ouvert."),
            "closed": self.tr(
                "Votre espace est clôturé : les professionnels de santé n'y ont plus accès. Vous pouvez le rouvrir."
            ),
            "deletion_requested": self.tr(
                "La suppression de votre espace est demandée (faite d'ici 3 mois au plus). "
                "« Rouvrir mon espace » l'annule."
            ),
        }
        self.state_label.setText(texts.get(state, self.tr("État de votre espace : %1").replace("%1", state)))
        self._update_enabled()

    def _on_failed(self, exc: BaseException) -> None:
        from ui.account_forms import plain_refusal

        code = getattr(exc, "code", "")
        plain = plain_refusal(str(code)) if code else None
        self.state_label.clear()
        show_error(self.error, plain or _message(exc, self.tr("Le service n'a pas répondu. Réessayez plus tard.")))

    def _show_steps(self, steps: QWidget) -> None:
        from ui.account_forms import open_steps_dialog
        from ui.steps import OnlineSteps

        assert isinstance(steps, OnlineSteps)
        self.steps = steps
        self.dialog = open_steps_dialog(self.window(), steps)

    def on_password_button_clicked(self) -> None:
        if self._profile is None:
            return
        from ui.settings.space import AccountPasswordSteps

        steps = AccountPasswordSteps(self._profile)
        self._show_steps(steps)
        steps.sig_done.connect(self._close_dialog)

    def _open_end(self, action: str) -> None:
        if self._profile is None:
            return
        from ui.settings.space import SpaceEndSteps

        steps = SpaceEndSteps(self._profile, action=action, confirmer=self._confirmer)
        self._show_steps(steps)
        steps.sig_done.connect(lambda _state: self._close_dialog())
        steps.sig_changed.connect(self._show_state)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.accept()

    def on_reactivate_button_clicked(self) -> None:
        profile = self._profile
        if profile is None:
            return
        deleting = self._state == "deletion_requested"
        confirmed = self._confirmer.ask(
            self,
            title=self.tr("Rouvrir mon espace"),
            text=self.tr(
                "Votre demande de suppression sera annulée et votre espace rouvert : les professionnels que vous "
                "avez autorisés y auront de nouveau accès. Rouvrir votre espace ?"
            )
            if deleting
            else self.tr(
                "Votre espace sera rouvert : les professionnels que vous avez autorisés y auront de nouveau accès "
                "et votre carnet se synchronisera de nouveau. Rouvrir votre espace ?"
            ),
            confirm_label=self.tr("Rouvrir"),
            cancel_label=self.tr("Annuler"),
        )
        if not confirmed:
            return
        from desktop_app import account

        show_error(self.error, "")
        Op(self, lambda: account.reactivate_space(profile)).success(self._show_state).failure(self._on_failed).run()

    def on_signout_button_clicked(self) -> None:
        profile = self._profile
        if profile is None:
            return
        confirmed = self._confirmer.ask(
            self,
            title=self.tr("Se déconnecter du service"),
            text=self.tr(
                "Votre carnet reste sur cet ordinateur, protégé par son mot de passe, mais ne sera plus synchronisé "
                "avec le service. Pour le relier de nouveau : « J'ai déjà un compte » sur l'écran d'accueil. "
                "Se déconnecter ?"
            ),
            confirm_label=self.tr("Se déconnecter"),
            cancel_label=self.tr("Annuler"),
        )
        if not confirmed:
            return
        from desktop_app import account

        show_error(self.error, "")
        Op(self, lambda: account.sign_out(profile)).success(lambda _none: self._signed_out()).failure(
            self._on_failed
        ).run()

    def _signed_out(self) -> None:
        self.set_profile(self._profile)
        self.state_label.setText(
            self.tr("Vous êtes déconnecté du service : votre carnet reste sur cet ordinateur, sans synchronisation.")
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Mon espace sur le service"))
        self.intro.setText(
            self.tr(
                "Votre compte en ligne et votre espace santé : mot de passe du compte, clôture, réouverture, "
                "demande de suppression."
            )
        )
        self.refresh_button.setText(self.tr("Afficher l'état de mon espace"))
        self.password_button.setText(self.tr("Changer &le mot de passe du compte…"))
        self.close_button.setText(self.tr("&Clôturer mon espace…"))
        self.reactivate_button.setText(self.tr("&Rouvrir mon espace"))
        self.delete_button.setText(self.tr("&Demander la suppression…"))
        self.signout_button.setText(self.tr("S&e déconnecter du service…"))
        describe(
            self.signout_button,
            self.tr("Se déconnecter du service"),
            self.tr("Le carnet reste sur cet ordinateur, sans synchronisation jusqu'à votre prochaine connexion."),
        )
        describe(self.refresh_button, self.tr("Afficher l'état de mon espace"), self.tr("Demander l'état au service."))
        describe(
            self.password_button,
            self.tr("Changer le mot de passe du compte"),
            self.tr("Le mot de passe qui sert à vous connecter au service."),
        )
        describe(
            self.close_button,
            self.tr("Clôturer mon espace"),
            self.tr("Les conséquences sont expliquées avant toute confirmation."),
        )
        describe(
            self.reactivate_button, self.tr("Rouvrir mon espace"), self.tr("Annuler une clôture ou une suppression.")
        )
        describe(
            self.delete_button,
            self.tr("Demander la suppression"),
            self.tr("Les conséquences sont expliquées avant toute confirmation."),
        )
