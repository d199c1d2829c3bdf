"""How a line of the access history reads — who, in which role, did what, with which outcome — in the words of the
Historique des accès screen. Shared: the screen shows them, the printable access report (ui/exports) prints them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.access import AccessEvent


class AccessWords(QObject):
    """The access history's wording of one event (translated under this context)."""

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
            "document.released_to_patient": self.tr("Résultat rendu visible après la consultation d'annonce"),
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
