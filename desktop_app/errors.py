"""Errors the client engine raises; each carries a plain French (and English) message and a CLI exit code."""

from __future__ import annotations


class CarnetError(Exception):
    """Base of every error the engine reports to a person; `exit_code` follows carnet-cli's documented codes."""

    exit_code = 1
    message_fr = "Une erreur inattendue s'est produite."
    message_en = "An unexpected error occurred."

    def __init__(self, message_fr: str | None = None, message_en: str | None = None) -> None:
        if message_fr is not None:
            self.message_fr = message_fr
        if message_en is not None:
            self.message_en = message_en
        super().__init__(self.message_en)

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang.startswith("en") else self.message_fr


class WrongPassword(CarnetError):
    exit_code = 3
    message_fr = "Mot de passe incorrect. Vérifiez la touche Verr. Maj et réessayez."
    message_en = "Wrong password. Check Caps Lock and try again."


class WrongRecoveryKey(WrongPassword):
    message_fr = "Clé de secours incorrecte. Recopiez-la depuis la feuille imprimée, tirets compris ou non."
    message_en = "Wrong recovery key. Copy it again from the printed sheet, with or without the dashes."


class UnlockThrottled(CarnetError):
    """Too many wrong passwords in a row: the next attempt must wait `retry_after` seconds."""

    exit_code = 3

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        seconds = max(1, round(retry_after))
        super().__init__(
            f"Trop d'essais incorrects. Patientez {seconds} s avant de réessayer.",
            f"Too many wrong attempts. Wait {seconds} s before trying again.",
        )


class StoreCorrupt(CarnetError):
    """A damaged or foreign database file; `database` names it when known ("account" or a dossier id)."""

    exit_code = 5
    database: str | None = None
    message_fr = (
        "Ce fichier de carnet est illisible ou endommagé. Il n'a pas été modifié. "
        "Restaurez une sauvegarde ou resynchronisez votre carnet avec le service."
    )
    message_en = (
        "This Carnet file is unreadable or damaged. It was left untouched. "
        "Restore a backup or sync your record again from the service."
    )


def damaged(database: str) -> StoreCorrupt:
    """A StoreCorrupt that says which database could not be read (for `profile check` and the logs)."""
    error = StoreCorrupt()
    error.database = database
    return error


class StoreGone(CarnetError):
    """The carnet's file was wiped (this computer's access revoked, the carnet deleted) while some work on it was
    still queued: that work stops here rather than create an empty file of the same name."""

    exit_code = 5
    message_fr = "Ce carnet n'est plus sur cet ordinateur : son accès a été retiré ou il a été supprimé."
    message_en = "This record is no longer on this computer: its access was revoked or it was deleted."


class StoreTooNew(CarnetError):
    exit_code = 5
    message_fr = (
        "Ce carnet a été enregistré par une version plus récente de Carnet. "
        "Installez la dernière version pour l'ouvrir ; rien n'a été modifié."
    )
    message_en = (
        "This record was saved by a newer version of Carnet. Install the latest version to open it; "
        "nothing was changed."
    )


class DriverNotSQLCipher(CarnetError):
    exit_code = 5
    message_fr = (
        "Le module de chiffrement SQLCipher est absent : Carnet refuse de démarrer plutôt que "
        "d'enregistrer vos données en clair. Réinstallez Carnet."
    )
    message_en = "The SQLCipher module is missing: Carnet refuses to store your data unencrypted. Reinstall Carnet."


class NoProfile(CarnetError):
    exit_code = 5
    message_fr = "Aucun carnet n'existe dans ce dossier. Créez-en un avec « carnet-cli profile create »."
    message_en = "No record exists in this folder. Create one with 'carnet-cli profile create'."


class ProfileExists(CarnetError):
    exit_code = 4
    message_fr = "Un carnet porte déjà ce nom dans ce dossier."
    message_en = "A record with this name already exists in this folder."


class AmbiguousProfile(CarnetError):
    exit_code = 2
    message_fr = "Plusieurs carnets existent ici : précisez lequel avec --profile."
    message_en = "Several records exist here: choose one with --profile."


class NotFound(CarnetError):
    exit_code = 4
    message_fr = "Élément introuvable : il a peut-être été supprimé."
    message_en = "Item not found: it may have been deleted."


class ReadOnlyEntry(CarnetError):
    exit_code = 4
    message_fr = (
        "Ce document a été ajouté par un professionnel ou par l'Assurance Maladie : "
        "vous ne pouvez pas le modifier ni le supprimer, mais vous pouvez le masquer."
    )
    message_en = (
        "This document was added by a professional or the health insurer: you cannot edit or delete it, only mask it."
    )


class DocumentTooLarge(CarnetError):
    exit_code = 4

    def __init__(self, limit_bytes: int) -> None:
        mib = limit_bytes / (1024 * 1024)
        super().__init__(
            f"Ce fichier dépasse la taille maximale de {mib:.0f} Mo. Réduisez-le (par exemple en le numérisant "
            "en qualité moindre) ou découpez-le.",
            f"This file is larger than the {mib:.0f} MB limit. Make it smaller or split it.",
        )


class KeyringUnavailable(CarnetError):
    """The OS keyring is absent, locked or has changed: the caller falls back to the password."""

    exit_code = 3
    message_fr = "Le trousseau du système n'est pas disponible : saisissez votre mot de passe."
    message_en = "The system keyring is not available: enter your password."


class KeyringNotAllowed(CarnetError):
    exit_code = 4
    message_fr = (
        "« Se souvenir de moi » n'est pas possible sur un ordinateur partagé : votre mot de passe sera demandé."
    )
    message_en = "'Remember me' is not available on a shared computer: your password will be asked."
