"""The space on the service, from Paramètres › Compte: the account's password, closing the space (its consequences
spelt out, then a confirmation), asking for its deletion. Each is a short page of steps in its own window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ui.account_forms import AccountSteps, NewPassword, form
from ui.dialogs import Confirmer
from ui.widgets import describe, error_label, label, with_messages

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile


def _password_field(owner: AccountSteps) -> tuple[QLineEdit, QLabel, QWidget]:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    error = error_label()
    owner.watch_field("current_password", edit, error)
    caption = label(buddy=edit, wrap=False)
    return edit, caption, with_messages(edit, error)


class AccountPasswordSteps(AccountSteps):
    """The current password, then the new one (the service's rule, the meter's reasons); the carnet's own password
    on this computer is not touched (said at the end)."""

    sig_done = Signal()

    def __init__(self, profile: UnlockedProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.intro = label("muted")
        self.current_edit, self.current_label, current_box = _password_field(self)
        self.password = NewPassword(self, user_inputs=lambda: [str(profile.settings.get("sync.identifier") or "")])
        self.done_message = label()
        self.add_step(self.intro, form((self.current_label, current_box), *self.password.rows()))
        self.add_step(self.done_message)
        self.retranslate_ui()

    def next_step(self) -> None:
        if self.step == 1:
            self.sig_done.emit()
            return
        if not self.current_edit.text():
            self.show_field_error("current_password", self.tr("Saisissez votre mot de passe actuel."))
            return
        if not self.password.check():
            return
        from desktop_app import account

        profile, current, new = self._profile, self.current_edit.text(), self.password.edit.text()
        self.run_online(
            lambda: account.change_password(profile, current, new),
            self._on_changed,
            status=self.tr("Changement du mot de passe…"),
        )

    def show_failure(self, exc: BaseException) -> None:
        from desktop_app.service_client import ServiceError

        if isinstance(exc, ServiceError) and exc.code == "invalid_credentials":
            self.show_field_error("current_password", self.tr("Mot de passe actuel incorrect : rien n'a été changé."))
            return
        super().show_failure(exc)

    def _on_changed(self, _result: object) -> None:
        self.current_edit.clear()
        self.password.clear()
        self.go_to(1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Changer le mot de passe de mon compte"))
        self.step_titles[0].setText(self.tr("Mot de passe actuel et nouveau mot de passe"))
        self.step_titles[1].setText(self.tr("Mot de passe changé"))
        self.intro.setText(
            self.tr(
                "Le nouveau mot de passe servira à vous connecter sur tous vos appareils ; les autres appareils "
                "seront déconnectés et vous demanderont de vous reconnecter."
            )
        )
        self.current_label.setText(self.tr("Mot de passe &actuel :"))
        self.password.label.setText(self.tr("&Nouveau mot de passe :"))
        self.password.confirm_label.setText(self.tr("C&onfirmer le nouveau mot de passe :"))
        self.done_message.setText(
            self.tr(
                "Le mot de passe de votre compte est changé. Vos autres appareils sont déconnectés. Le carnet sur "
                "cet ordinateur garde son propre mot de passe : changez-le aussi dans Paramètres › Mot de passe "
                "si vous voulez le même partout."
            )
        )
        self.next_button.setText(self.tr("&Fermer") if self.step == 1 else self.tr("&Changer le mot de passe"))
        self.back_button.setText(self.tr("&Annuler"))
        self.back_button.setVisible(self.step == 0)
        describe(self.current_edit, self.tr("Mot de passe actuel"), self.tr("Le mot de passe de votre compte."))
        describe(self.password.edit, self.tr("Nouveau mot de passe"), self.password.meter.rule_text())
        describe(
            self.password.confirm_edit, self.tr("Confirmer le nouveau mot de passe"), self.tr("Saisissez-le à nouveau.")
        )
        describe(self.next_button, self.next_button.text().replace("&", ""), self.tr("Valider."))
        describe(self.back_button, self.tr("Annuler"), self.tr("Fermer sans rien changer."))


class SpaceEndSteps(AccountSteps):
    """Closing the space (``closure``) or asking for its deletion (``deletion``): what it does, the password, a
    confirmation that names the consequence, then what now."""

    sig_done = Signal(str)
    """The person closes the window after the service accepted; carries the space's new status."""
    sig_changed = Signal(str)
    """The service accepted: the space's new status (``closed``, ``deletion_requested``)."""

    def __init__(
        self, profile: UnlockedProfile, *, action: str, confirmer: Confirmer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if action not in ("closure", "deletion"):
            raise ValueError(action)
        self._profile = profile
        self.action = action
        self._confirmer = confirmer
        self._status = ""
        self.consequences = label()
        self.password_edit, self.password_label, password_box = _password_field(self)
        self.done_message = label()
        self.add_step(self.consequences, form((self.password_label, password_box)))
        self.add_step(self.done_message)
        self.retranslate_ui()

    def next_step(self) -> None:
        if self.step == 1:
            self.sig_done.emit(self._status)
            return
        if not self.password_edit.text():
            self.show_field_error("current_password", self.tr("Saisissez le mot de passe de votre compte."))
            return
        closing = self.action == "closure"
        confirmed = self._confirmer.ask(
            self,
            title=self.tr("Clôturer mon espace") if closing else self.tr("Demander la suppression de mon espace"),
            text=self.tr(
                "Les professionnels de santé n'auront plus accès à votre espace, dès maintenant. Vous pourrez le "
                "rouvrir pendant 10 ans. Clôturer votre espace ?"
            )
            if closing
            else self.tr(
                "Votre espace et tout ce qu'il contient seront supprimés du service, définitivement, d'ici 3 mois "
                "au plus. Demander la suppression ?"
            ),
            confirm_label=self.tr("Clôturer") if closing else self.tr("Demander la suppression"),
            cancel_label=self.tr("Annuler"),
        )
        if not confirmed:
            return
        from desktop_app import account

        profile, password = self._profile, self.password_edit.text()
        call = account.close_space if closing else account.request_deletion
        self.run_online(lambda: call(profile, password), self._on_done, status=self.tr("Envoi au service…"))

    def show_failure(self, exc: BaseException) -> None:
        from desktop_app.service_client import ServiceError

        if isinstance(exc, ServiceError) and exc.code == "invalid_credentials":
            self.show_field_error("current_password", self.tr("Mot de passe incorrect : rien n'a été changé."))
            return
        super().show_failure(exc)

    def _on_done(self, status: str) -> None:
        self._status = status
        self.password_edit.clear()
        self.go_to(1)
        self.sig_changed.emit(status)

    def retranslate_ui(self) -> None:
        closing = self.action == "closure"
        self.title.setText(
            self.tr("Clôturer mon espace") if closing else self.tr("Demander la suppression de mon espace")
        )
        self.step_titles[0].setText(self.tr("Ce qui va se passer"))
        self.step_titles[1].setText(self.tr("C'est fait"))
        if closing:
            self.consequences.setText(
                self.tr(
                    "• Les professionnels de santé n'ont plus accès à votre espace, dès maintenant.\n"
                    "• Rien n'y est plus ajouté ; votre carnet sur cet ordinateur ne se synchronise plus.\n"
                    "• Votre espace est archivé pendant 10 ans, puis supprimé.\n"
                    "• Vous pouvez le rouvrir à tout moment pendant ces 10 ans (Paramètres › Mon espace).\n"
                    "Pour confirmer, saisissez le mot de passe de votre compte."
                )
            )
            self.done_message.setText(
                self.tr(
                    "Votre espace est clôturé. Le carnet sur cet ordinateur reste lisible avec votre mot de passe. "
                    "Pour le rouvrir : Paramètres › Mon espace › Rouvrir mon espace."
                )
            )
        else:
            self.consequences.setText(
                self.tr(
                    "• Votre espace et tout ce qu'il contient seront supprimés du service, définitivement, "
                    "d'ici 3 mois au plus.\n"
                    "• Les professionnels de santé n'y ont plus accès dès maintenant.\n"
                    "• Jusqu'à la suppression, vous pouvez changer d'avis : « Rouvrir mon espace » l'annule.\n"
                    "• Le carnet sur cet ordinateur n'est pas effacé : il reste à vous.\n"
                    "Pour confirmer, saisissez le mot de passe de votre compte."
                )
            )
            self.done_message.setText(
                self.tr(
                    "Votre demande de suppression est enregistrée : elle sera faite d'ici 3 mois au plus. "
                    "Pour l'annuler d'ici là : Paramètres › Mon espace › Rouvrir mon espace."
                )
            )
        self.password_label.setText(self.tr("Mot de passe du &compte :"))
        action = self.tr("&Clôturer mon espace…") if closing else self.tr("&Demander la suppression…")
        self.next_button.setText(self.tr("&Fermer") if self.step == 1 else action)
        self.back_button.setText(self.tr("&Annuler"))
        self.back_button.setVisible(self.step == 0)
        describe(self.password_edit, self.tr("Mot de passe du compte"), self.tr("Pour confirmer que c'est bien vous."))
        describe(
            self.next_button,
            self.next_button.text().replace("&", ""),
            self.tr("Une question vous demandera de confirmer."),
        )
        describe(self.back_button, self.tr("Annuler"), self.tr("Fermer sans rien changer."))
