"""Who asks: the holder, the people around them, professionals, heirs and the parties that never get in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from dossier.errors import DossierValidationError

from .vocabulary import PersonId, Profession, Rpps

_RPPS_RE = re.compile(r"\d{11}")


def check_rpps(value: str, *, field: str = "rpps") -> Rpps:
    """Return ``value`` as an :data:`Rpps`, or raise DossierValidationError if it is not 11 digits."""
    if not _RPPS_RE.fullmatch(value):
        raise DossierValidationError.single(
            field,
            "invalid_rpps",
            "Le numéro RPPS doit comporter exactement 11 chiffres.",
            "The RPPS number must be exactly 11 digits.",
        )
    return Rpps(value)


@dataclass(frozen=True, slots=True)
class Holder:
    """The patient whose space it is."""

    person_id: PersonId


@dataclass(frozen=True, slots=True)
class LegalRepresentative:
    """A parent or guardian who manages the space (who they represent is checked against the context)."""

    person_id: PersonId


@dataclass(frozen=True, slots=True)
class Aidant:
    """A proche aidant acting under a delegation (its dates are in the context)."""

    person_id: PersonId


class EmergencyReason(StrEnum):
    """Why a professional breaks the glass: one of these codes, always with a free text of at least
    EMERGENCY_REASON_MIN_TEXT characters (each end shows the codes in its own words)."""

    VITAL_EMERGENCY = "vital_emergency"  # urgence vitale
    UNCONSCIOUS = "unconscious"  # patient inconscient ou hors d'état d'exprimer sa volonté
    SAMU_REGULATION = "samu_regulation"  # régulation médicale (centre 15)
    NO_REACHABLE_CONSENT = "no_reachable_consent"  # soins urgents, patient et proches injoignables
    OTHER = "other"  # autre (le texte dit lequel)


EMERGENCY_REASON_MIN_TEXT = 15


@dataclass(frozen=True, slots=True)
class EmergencyClaim:
    """A professional's bris de glace: the reason they gave and when they opened the dossier."""

    reason: str
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class Professional:
    """A health professional; authorisation, blocking and roles come from the patient's consent state."""

    rpps: Rpps
    profession: Profession
    emergency: EmergencyClaim | None = None

    def __post_init__(self) -> None:
        check_rpps(self.rpps)


class PostMortemPurpose(StrEnum):
    """The three purposes for which heirs may access a deceased person's records."""

    CAUSE_OF_DEATH = "cause_of_death"
    DEFEND_MEMORY = "defend_memory"
    ASSERT_RIGHTS = "assert_rights"


@dataclass(frozen=True, slots=True)
class Heir:
    """An heir, cohabitant or PACS partner of a deceased patient, stating one of the three purposes."""

    person_id: PersonId
    purpose: PostMortemPurpose | None


@dataclass(frozen=True, slots=True)
class AssuranceMaladie:
    """The national health insurer's feed: it adds care history and documents, nothing else."""


@dataclass(frozen=True, slots=True)
class PrivateInsurer:
    """A complementary health or loan insurer: never gets access, whatever the patient agreed to."""

    name: str = ""


@dataclass(frozen=True, slots=True)
class Employer:
    """An employer: never gets access, whatever the patient agreed to."""

    name: str = ""


@dataclass(frozen=True, slots=True)
class OtherParty:
    """Anyone else (an unknown account, a person with no tie to the patient)."""

    person_id: PersonId | None = None


Actor = (
    Holder
    | LegalRepresentative
    | Aidant
    | Professional
    | Heir
    | AssuranceMaladie
    | PrivateInsurer
    | Employer
    | OtherParty
)
