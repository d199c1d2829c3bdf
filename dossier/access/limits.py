"""Cardinality rules of a space: aidants per patient and per aidant, legal representatives, toggles."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from dossier.errors import DossierValidationError, FieldIssue

from .vocabulary import PersonId

MAX_AIDANTS_PER_PATIENT = 3
MAX_PATIENTS_PER_AIDANT = 5
MAX_LEGAL_REPRESENTATIVES = 2


@dataclass(frozen=True, slots=True)
class AidantDelegation:
    """A delegation to a proche aidant, valid from ``starts_at`` (included) to ``ends_at`` (excluded)."""

    aidant_id: PersonId
    starts_at: datetime
    ends_at: datetime

    def __post_init__(self) -> None:
        issues: list[FieldIssue] = []
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            issues.append(
                FieldIssue(
                    "aidant.dates",
                    "naive_datetime",
                    "Les dates de la délégation doivent préciser leur fuseau horaire.",
                    "The delegation dates must carry a time zone.",
                )
            )
        elif self.ends_at <= self.starts_at:
            issues.append(
                FieldIssue(
                    "aidant.ends_at",
                    "end_before_start",
                    "La date de fin de la délégation doit être après sa date de début.",
                    "The delegation must end after it starts.",
                )
            )
        if issues:
            raise DossierValidationError(issues)

    def active_at(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at


def check_new_delegation(
    new: AidantDelegation,
    *,
    patient_delegations: Iterable[AidantDelegation],
    aidant_patient_count: int,
    now: datetime,
) -> None:
    """Raise if granting ``new`` gives the patient more than 3 aidants or the aidant more than 5 patients.

    ``patient_delegations`` are the patient's current delegations (expired ones do not count);
    ``aidant_patient_count`` is how many other patients the aidant already helps (the server counts it).
    """
    if new.ends_at <= now:
        raise DossierValidationError.single(
            "aidant.ends_at",
            "end_in_past",
            "La date de fin de la délégation est déjà passée.",
            "The delegation's end date has already passed.",
        )
    others = {d.aidant_id for d in patient_delegations if d.ends_at > now and d.aidant_id != new.aidant_id}
    if len(others) >= MAX_AIDANTS_PER_PATIENT:
        raise DossierValidationError.single(
            "aidants",
            "too_many_aidants",
            f"Vous avez déjà {MAX_AIDANTS_PER_PATIENT} proches aidants : révoquez-en un avant d'en inviter un autre.",
            f"You already have {MAX_AIDANTS_PER_PATIENT} proches aidants: revoke one before inviting another.",
        )
    if aidant_patient_count >= MAX_PATIENTS_PER_AIDANT:
        raise DossierValidationError.single(
            "aidant",
            "aidant_has_too_many_patients",
            f"Cette personne aide déjà {MAX_PATIENTS_PER_AIDANT} personnes, le maximum autorisé.",
            f"This person already helps {MAX_PATIENTS_PER_AIDANT} people, the maximum allowed.",
        )


def check_legal_representatives(representatives: Collection[PersonId]) -> frozenset[PersonId]:
    """Return the representatives as a set, or raise if there are more than 2 or the same one twice."""
    unique = frozenset(representatives)
    if len(unique) != len(representatives):
        raise DossierValidationError.single(
            "legal_representatives",
            "duplicate_legal_representative",
            "Le même représentant légal figure deux fois.",
            "The same legal representative appears twice.",
        )
    if len(unique) > MAX_LEGAL_REPRESENTATIVES:
        raise DossierValidationError.single(
            "legal_representatives",
            "too_many_legal_representatives",
            f"Un profil ne peut avoir que {MAX_LEGAL_REPRESENTATIVES} représentants légaux au plus.",
            f"A profile may have at most {MAX_LEGAL_REPRESENTATIVES} legal representatives.",
        )
    return unique


@dataclass(frozen=True, slots=True)
class EmergencyToggles:
    """The patient's bris de glace choices: SAMU, other professionals, include masked documents."""

    samu: bool = True
    other_professionals: bool = True
    masked_documents: bool = False


def normalise_emergency_toggles(toggles: EmergencyToggles) -> EmergencyToggles:
    """Force "include masked documents" off when neither SAMU nor other professionals may use it."""
    if not toggles.samu and not toggles.other_professionals and toggles.masked_documents:
        return EmergencyToggles(samu=False, other_professionals=False, masked_documents=False)
    return toggles
