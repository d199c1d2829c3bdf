"""« Je ne veux pas de Mon espace »: oppose with code + NIR + serial, after saying plainly what it means."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from dossier.identifiers import normalize_activation_code, normalize_carte_vitale_serial, normalize_nir
from ui.dialogs import Confirmer
from ui.steps import GroupedCodeEdit, OnlineSteps
from ui.widgets import describe, error_label, label, with_messages


class OppositionPage(OnlineSteps):
    """One form; a confirmation says what opposing does and that the person may change their mind later."""

    sig_opposed = Signal()
    """The opposition is recorded by the service."""

    def __init__(self, server_url: str, *, confirmer: Confirmer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self._confirmer = confirmer
        self.intro = label()
        self.code_edit = GroupedCodeEdit(length=12)
        self.nir_edit = QLineEdit()
        self.nir_edit.setMaxLength(21)
        self.serial_edit = QLineEdit()
        self.serial_edit.setMaxLength(16)
        self.code_label = label(buddy=self.code_edit, wrap=False)
        self.nir_label = label(buddy=self.nir_edit, wrap=False)
        self.serial_label = label(buddy=self.serial_edit, wrap=False)
        self.done_message = label("success")
        errors = {n: error_label() for n in ("activation_code", "nir", "carte_vitale_serial")}
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.code_label, with_messages(self.code_edit, errors["activation_code"]))
        form.addRow(self.nir_label, with_messages(self.nir_edit, errors["nir"]))
        form.addRow(self.serial_label, with_messages(self.serial_edit, errors["carte_vitale_serial"]))
        self.add_step(self.intro, box)
        self.add_step(self.done_message)
        self.watch_field("activation_code", self.code_edit, errors["activation_code"])
        self.watch_field("nir", self.nir_edit, errors["nir"])
        self.watch_field("carte_vitale_serial", self.serial_edit, errors["carte_vitale_serial"])
        self.retranslate_ui()

    def reset(self) -> None:
        for editor, error in self.field_errors.values():
            editor.clear()
            error.clear()
            error.setVisible(False)
        self.go_to(0)

    def next_step(self) -> None:
        if self.step == 1:
            self.sig_back_requested.emit()
            return
        code, nir, serial = self.code_edit.raw(), self.nir_edit.text(), self.serial_edit.text()
        if not (
            self.check_locally("activation_code", lambda: normalize_activation_code(code))
            and self.check_locally("nir", lambda: normalize_nir(nir))
            and self.check_locally("carte_vitale_serial", lambda: normalize_carte_vitale_serial(serial))
        ):
            return
        confirmed = self._confirmer.ask(
            self,
            title=self.tr("M'opposer à la création de mon espace"),
            text=self.tr(
                "Votre espace Mon espace santé ne sera pas créé : aucun document ne vous sera envoyé par ce service "
                "et les professionnels ne pourront pas y déposer de documents. Vous pourrez changer d'avis plus "
                "tard en activant votre espace avec le même code, tant qu'il est valable, ou en le demandant à "
                "votre caisse d'Assurance Maladie."
            ),
            confirm_label=self.tr("Je m'oppose"),
            cancel_label=self.tr("Annuler"),
        )
        if not confirmed:
            return
        from desktop_app import account

        url = self.server_url
        self.run_online(
            lambda: account.oppose(url, code, nir, serial),
            self._on_opposed,
            status=self.tr("Envoi de votre opposition…"),
        )

    def _on_opposed(self, _status: str) -> None:
        for editor in (self.code_edit, self.nir_edit, self.serial_edit):
            editor.clear()
        self.go_to(1)
        self.sig_opposed.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("M'opposer à la création de mon espace"))
        self.step_titles[0].setText(self.tr("Vos trois preuves d'identité"))
        self.step_titles[1].setText(self.tr("Opposition enregistrée"))
        self.intro.setText(
            self.tr(
                "Si vous ne souhaitez pas de Mon espace santé, saisissez le code reçu par courrier, votre numéro "
                "de sécurité sociale et le numéro de série de votre carte Vitale. Rien n'est envoyé avant que "
                "vous ayez confirmé."
            )
        )
        self.code_label.setText(self.tr("&Code d'activation :"))
        self.nir_label.setText(self.tr("&Numéro de sécurité sociale :"))
        self.serial_label.setText(self.tr("Numéro de &série de la carte Vitale :"))
        self.done_message.setText(
            self.tr(
                "Votre opposition est enregistrée : votre espace ne sera pas créé. Vous pouvez changer d'avis "
                "plus tard en activant votre espace avec votre code, tant qu'il est valable, ou auprès de votre "
                "caisse d'Assurance Maladie."
            )
        )
        self.next_button.setText(self.tr("Retour à l'&accueil") if self.step == 1 else self.tr("Je m'&oppose…"))
        self.back_button.setText(self.tr("&Retour"))
        self.back_button.setVisible(self.step == 0)
        describe(self.code_edit, self.tr("Code d'activation"), self.tr("12 lettres et chiffres, reçus par courrier."))
        describe(self.nir_edit, self.tr("Numéro de sécurité sociale"), self.tr("15 chiffres, clé comprise."))
        describe(
            self.serial_edit,
            self.tr("Numéro de série de la carte Vitale"),
            self.tr("De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte."),
        )
        describe(self.done_message, self.tr("Opposition enregistrée"), self.done_message.text())
        describe(
            self.next_button,
            self.next_button.text().replace("&", ""),
            self.tr("Une question vous demandera de confirmer avant l'envoi."),
        )
        describe(self.back_button, self.tr("Retour"), self.tr("Revenir à l'accueil sans rien envoyer."))
