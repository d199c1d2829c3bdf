"""The facts and patient choices the policy decides on, as frozen values a server builds from its rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from dossier.documents import Confidentiality
from dossier.errors import DossierValidationError

from .limits import (
    AidantDelegation,
    EmergencyToggles,
    check_legal_representatives,
    check_new_delegation,
    normalise_emergency_toggles,
)
from .vocabulary import PersonId, Rpps


def _require_aware(value: datetime, field_name: str) -> None:
    if value.tzinfo is None:
        raise DossierValidationError.single(
            field_name,
            "naive_datetime",
            "La date doit préciser son fuseau horaire.",
            "The date must carry a time zone.",
        )


@dataclass(frozen=True, slots=True)
class Authorisation:
    """The patient authorised a professional at ``granted_at``, until ``until`` if they chose an end."""

    rpps: Rpps
    granted_at: datetime
    until: datetime | None = None

    def active_at(self, now: datetime) -> bool:
        return self.granted_at <= now and (self.until is None or now < self.until)


@dataclass(frozen=True, slots=True)
class ConsentState:
    """Everything the patient (or their legal representatives) decided about access to the space.

    The transition methods return a new state; they enforce the product rules on *changing* consent
    (unblocking does not restore authorisation, toggles are normalised, aidant limits).
    """

    authorisations: tuple[Authorisation, ...] = ()
    blocked: frozenset[Rpps] = frozenset()
    administrateurs: frozenset[Rpps] = frozenset()
    medecin_traitant: Rpps | None = None
    occupational_consent: frozenset[Rpps] = frozenset()
    """Occupational physicians the patient expressly consented to (an authorisation is not enough)."""
    emergency: EmergencyToggles = field(default_factory=EmergencyToggles)
    mask_all_including_emergency: bool = False
    """"Tout masquer, y compris en cas d'urgence": every document is masked, even from emergency access."""
    default_confidentiality: Confidentiality = field(default_factory=Confidentiality)
    aidants: tuple[AidantDelegation, ...] = ()
    legal_representatives: frozenset[PersonId] = frozenset()
    post_mortem_claimants: frozenset[PersonId] = frozenset()
    """Heirs, cohabitant or PACS partner whose status the service has established."""
    aidants_see_messages: frozenset[PersonId] = frozenset()
    """Aidants the patient lets read their conversations of the messagerie (a delegation alone is not enough)."""

    def __post_init__(self) -> None:
        check_legal_representatives(self.legal_representatives)

    def is_authorised(self, rpps: Rpps, now: datetime) -> bool:
        """Authorised and not blocked; the médecin traitant counts as authorised (product decision)."""
        if rpps in self.blocked:
            return False
        return rpps == self.medecin_traitant or any(a.rpps == rpps and a.active_at(now) for a in self.authorisations)

    def delegation_of(self, aidant_id: PersonId) -> AidantDelegation | None:
        return next((d for d in self.aidants if d.aidant_id == aidant_id), None)

    # -- transitions ---------------------------------------------------------------------------------------

    def authorise(self, rpps: Rpps, *, at: datetime, until: datetime | None = None) -> ConsentState:
        """Authorise a professional; a blocked one must be unblocked first."""
        _require_aware(at, "granted_at")
        if rpps in self.blocked:
            raise DossierValidationError.single(
                "rpps",
                "professional_blocked",
                "Ce professionnel est bloqué : débloquez-le avant de l'autoriser à nouveau.",
                "This professional is blocked: unblock them before authorising them again.",
            )
        kept = tuple(a for a in self.authorisations if a.rpps != rpps)
        return replace(self, authorisations=(*kept, Authorisation(rpps, at, until)))

    def block(self, rpps: Rpps) -> ConsentState:
        """Block a professional: their authorisation, express consent, administrateur and médecin traitant roles
        are withdrawn.

        Withdrawing the médecin traitant role too is what makes "an unblocked professional must be authorised
        again" hold for the médecin traitant, who is otherwise authorised by designation.
        """
        return replace(
            self,
            authorisations=tuple(a for a in self.authorisations if a.rpps != rpps),
            administrateurs=self.administrateurs - {rpps},
            occupational_consent=self.occupational_consent - {rpps},
            medecin_traitant=None if self.medecin_traitant == rpps else self.medecin_traitant,
            blocked=self.blocked | {rpps},
        )

    def set_medecin_traitant(self, rpps: Rpps | None) -> ConsentState:
        """Designate the médecin traitant (None: none); a blocked professional must be unblocked first."""
        if rpps is not None and rpps in self.blocked:
            raise DossierValidationError.single(
                "medecin_traitant",
                "professional_blocked",
                "Ce professionnel est bloqué : débloquez-le avant d'en faire votre médecin traitant.",
                "This professional is blocked: unblock them before making them your médecin traitant.",
            )
        return replace(self, medecin_traitant=rpps)

    def unblock(self, rpps: Rpps) -> ConsentState:
        """Unblock a professional; they are *not* authorised again until the patient authorises them."""
        return replace(self, blocked=self.blocked - {rpps})

    def set_occupational_consent(self, rpps: Rpps, *, enabled: bool) -> ConsentState:
        """Give or withdraw express consent to an occupational physician; a blocked one must be unblocked first."""
        if enabled and rpps in self.blocked:
            raise DossierValidationError.single(
                "rpps",
                "professional_blocked",
                "Ce professionnel est bloqué : débloquez-le avant de lui donner votre consentement.",
                "This professional is blocked: unblock them before giving them your consent.",
            )
        consents = self.occupational_consent | {rpps} if enabled else self.occupational_consent - {rpps}
        return replace(self, occupational_consent=consents)

    def remove_legal_representative(self, person: PersonId) -> ConsentState:
        """Remove a legal representative; the last one stays (a child's space is never left unmanaged)."""
        if person not in self.legal_representatives:
            raise DossierValidationError.single(
                "legal_representatives",
                "not_a_legal_representative",
                "Cette personne n'est pas représentant légal de ce profil.",
                "This person is not a legal representative of this profile.",
            )
        if len(self.legal_representatives) == 1:
            raise DossierValidationError.single(
                "legal_representatives",
                "last_representative",
                "Impossible de retirer le dernier représentant légal : ajoutez-en un autre d'abord.",
                "The last legal representative cannot be removed: add another one first.",
            )
        return replace(self, legal_representatives=self.legal_representatives - {person})

    def set_administrateur(self, rpps: Rpps, *, enabled: bool) -> ConsentState:
        admins = self.administrateurs | {rpps} if enabled else self.administrateurs - {rpps}
        return replace(self, administrateurs=admins)

    def set_emergency(self, toggles: EmergencyToggles) -> ConsentState:
        return replace(self, emergency=normalise_emergency_toggles(toggles))

    def grant_aidant(self, delegation: AidantDelegation, *, now: datetime, aidant_patient_count: int) -> ConsentState:
        """Add or renew a delegation, enforcing 3 aidants per patient and 5 patients per aidant."""
        check_new_delegation(
            delegation, patient_delegations=self.aidants, aidant_patient_count=aidant_patient_count, now=now
        )
        kept = tuple(d for d in self.aidants if d.aidant_id != delegation.aidant_id)
        return replace(self, aidants=(*kept, delegation))

    def revoke_aidant(self, aidant_id: PersonId) -> ConsentState:
        return replace(self, aidants=tuple(d for d in self.aidants if d.aidant_id != aidant_id))


@dataclass(frozen=True, slots=True)
class PatientFacts:
    """Facts about the patient that change what others may do."""

    is_minor: bool = False
    deceased: bool = False
    opposed_post_mortem_access: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """The moment of the request (explicit: the policy never reads a clock), consent state and facts."""

    now: datetime
    consent: ConsentState = field(default_factory=ConsentState)
    patient: PatientFacts = field(default_factory=PatientFacts)

    def __post_init__(self) -> None:
        _require_aware(self.now, "now")


def confidentiality_for_new_document(
    consent: ConsentState, *, requested: Confidentiality | None = None
) -> Confidentiality:
    """The confidentiality a new document gets: what was asked for, else the patient's default.

    With "tout masquer" on, a new document is always masked from professionals.
    """
    chosen = requested if requested is not None else consent.default_confidentiality
    if consent.mask_all_including_emergency and not chosen.masked_from_professionals:
        return chosen.model_copy(update={"masked_from_professionals": True})
    return chosen
