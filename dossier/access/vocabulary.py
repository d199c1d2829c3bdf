"""Stable identifiers the access policy speaks in: professions, document categories, entry kinds, actions."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NewType, get_args

Rpps = NewType("Rpps", str)
"""A health professional's RPPS number (11 digits)."""

PersonId = NewType("PersonId", str)
"""The account id of a person who is not a professional (patient, aidant, legal representative, heir)."""

ActorKind = Literal[
    "patient", "legal_representative", "aidant", "professional", "heir", "insurer", "employer", "other", "system"
]
"""Who acted, as the historique des accès names it and filters by (the service's query and the client's check)."""
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)


class Profession(StrEnum):
    """Professions that appear in the matrice d'habilitation (stable ASCII ids)."""

    MEDECIN_GENERALISTE = "medecin_generaliste"
    MEDECIN_SPECIALISTE = "medecin_specialiste"
    CHIRURGIEN_DENTISTE = "chirurgien_dentiste"
    SAGE_FEMME = "sage_femme"
    PHARMACIEN = "pharmacien"
    INFIRMIER = "infirmier"
    MASSEUR_KINESITHERAPEUTE = "masseur_kinesitherapeute"
    PEDICURE_PODOLOGUE = "pedicure_podologue"
    ORTHOPHONISTE = "orthophoniste"
    ORTHOPTISTE = "orthoptiste"
    PSYCHOLOGUE = "psychologue"
    BIOLOGISTE = "biologiste"
    MANIPULATEUR_RADIO = "manipulateur_radio"
    MEDECIN_DU_TRAVAIL = "medecin_du_travail"
    MEDECIN_REGULATEUR_SAMU = "medecin_regulateur_samu"


# dossier/documents.py owns the categories (DOCUMENT_CATEGORIES, ids → labels). The policy and the matrix
# need a closed type to check exhaustively, so the same ids are an enum here; a test keeps the two sets equal.
class DocumentCategory(StrEnum):
    """Document categories, the same ids as ``dossier.documents.DOCUMENT_CATEGORIES``."""

    SYNTHESE = "synthese"
    ORDONNANCE = "ordonnance"
    IMAGERIE = "imagerie"
    BIOLOGIE = "biologie"
    COMPTE_RENDU = "compte_rendu"
    PREVENTION = "prevention"
    CERTIFICAT = "certificat"
    ADMINISTRATIF = "administratif"
    DIRECTIVES_ANTICIPEES = "directives_anticipees"
    AUTRE = "autre"


class EntryKind(StrEnum):
    """Kinds of entries of the profil médical and identity (stable ids)."""

    IDENTITY = "identity"
    CONDITION = "condition"
    TREATMENT = "treatment"
    ALLERGY = "allergy"
    HOSPITALISATION = "hospitalisation"
    PROCEDURE = "procedure"
    DISABILITY = "disability"
    FAMILY_HISTORY = "family_history"
    VACCINATION = "vaccination"
    BLOOD_GROUP = "blood_group"
    LIFESTYLE = "lifestyle"
    MEASUREMENT = "measurement"
    LAB_RESULT = "lab_result"
    EMERGENCY_CONTACT = "emergency_contact"
    TRUSTED_PERSON = "trusted_person"
    CAREGIVER = "caregiver"
    ADVANCE_DIRECTIVE = "advance_directive"
    ORGAN_DONATION = "organ_donation"
    NOT_CONCERNED = "not_concerned"
    RECORDS_REQUEST = "records_request"
    APPOINTMENT = "appointment"


class Section(StrEnum):
    """Parts of a space that are not single entries or documents."""

    DOSSIER = "dossier"
    """Opening the dossier as a whole (the event a patient is notified of)."""
    CARE_HISTORY = "care_history"
    """Histoire de santé, fed by the health insurer."""
    ACCESS_HISTORY = "access_history"
    """Historique des accès."""
    SPACE = "space"
    """The space itself: managing access, closing it, exporting it."""


class Action(StrEnum):
    """What an actor wants to do."""

    READ = "read"
    ADD = "add"
    EDIT = "edit"
    DELETE = "delete"
    MASK = "mask"
    UNMASK = "unmask"
    MANAGE_ACCESS = "manage_access"
    CLOSE = "close"
    EXPORT = "export"
    START = "start"
    """Start a conversation of the messagerie (only a professional)."""
    ARCHIVE = "archive"
    """Archive a conversation in the patient's view."""


PROFESSIONAL_VISIBLE_ENTRY_KINDS: frozenset[EntryKind] = frozenset(
    {
        EntryKind.VACCINATION,
        EntryKind.ADVANCE_DIRECTIVE,
        EntryKind.EMERGENCY_CONTACT,
        EntryKind.TRUSTED_PERSON,
        EntryKind.CAREGIVER,
        EntryKind.ORGAN_DONATION,
    }
)
"""Entry kinds professionals see (vaccinations, directives anticipées, entourage et volontés); the rest of the
patient-typed profile stays with the patient (PRODUCT.md §2)."""

ENTRY_KIND_MATRIX_CATEGORY: dict[EntryKind, DocumentCategory] = {
    EntryKind.ADVANCE_DIRECTIVE: DocumentCategory.DIRECTIVES_ANTICIPEES,
}
"""Entry kinds the matrice d'habilitation also governs, through the category of the same content.

Only kinds professionals see are looked up here. Lab result entries are typed by the patient and stay with them,
like conditions: a professional reads them in a shared synthèse (category ``synthese``) or in the lab's own report
(category ``biologie``), both governed by the matrix as documents, so ``LAB_RESULT`` has no row here."""

HEIR_PURPOSE_CATEGORIES: dict[str, frozenset[DocumentCategory]] = {
    "cause_of_death": frozenset(
        {
            DocumentCategory.COMPTE_RENDU,
            DocumentCategory.BIOLOGIE,
            DocumentCategory.IMAGERIE,
            DocumentCategory.SYNTHESE,
            DocumentCategory.CERTIFICAT,
            DocumentCategory.ORDONNANCE,
        }
    ),
    "defend_memory": frozenset(
        {
            DocumentCategory.COMPTE_RENDU,
            DocumentCategory.SYNTHESE,
            DocumentCategory.CERTIFICAT,
            DocumentCategory.DIRECTIVES_ANTICIPEES,
        }
    ),
    "assert_rights": frozenset(
        {
            DocumentCategory.COMPTE_RENDU,
            DocumentCategory.SYNTHESE,
            DocumentCategory.CERTIFICAT,
            DocumentCategory.ADMINISTRATIF,
        }
    ),
}
"""Document categories an heir may read for each of the three purposes (product decision, keyed by the
``PostMortemPurpose`` values): only what the purpose needs — medical reports for the cause of death, the
person's stated will to defend their memory, certificates and administrative papers to assert rights."""

HEIR_PURPOSES_WITH_CARE_HISTORY: frozenset[str] = frozenset({"cause_of_death", "assert_rights"})
"""Purposes for which the histoire de santé (reimbursed care) is needed."""

SPACE_ACTIONS: frozenset[Action] = frozenset({Action.MANAGE_ACCESS, Action.CLOSE, Action.EXPORT})

CONVERSATION_ACTIONS: frozenset[Action] = frozenset(
    {Action.READ, Action.START, Action.ADD, Action.CLOSE, Action.ARCHIVE, Action.DELETE}
)
"""What means something on a conversation of the messagerie: READ (and mark read), START, ADD (send a message in
it), CLOSE (no more replies), ARCHIVE and DELETE (from the patient's view only)."""
