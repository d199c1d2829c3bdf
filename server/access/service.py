"""Access enforcement: builds the policy's context from the tables, asks it, audits, and stores consent changes.

Every decision comes from `dossier.access.decide`; this module only gathers the facts (who asks, what the
patient decided) and writes down what happened.
"""

from __future__ import annotations

import math
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, literal, or_, select, union, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from dossier import access, dates
from dossier.dates import is_minor_on
from dossier.documents import Confidentiality
from dossier.errors import DossierValidationError
from dossier.identifiers import normalize_nir, normalize_rpps
from server.access.models import (
    AccessSettings,
    AidantLink,
    EmergencyAccess,
    LegalRepresentation,
    PostMortemClaimant,
    ProfessionalRelation,
)
from server.accounts import throttle
from server.accounts.dependencies import Principal
from server.accounts.models import Account, PrincipalKind, Professional
from server.audit.service import Actor as AuditActor
from server.audit.service import record
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from server.errors import ProblemError, from_validation, not_found

MAJORITY_YEARS = dates.MAJORITY_YEARS
MAX_LIST_LIMIT = 200
_SPACE = access.SectionTarget(access.Section.SPACE)
PRO_LIST_MIN_BATCH = 50
PRO_LIST_MAX_BATCH = 500


@lru_cache(maxsize=1)
def matrix() -> access.HabilitationMatrix:
    """The matrice d'habilitation, loaded and validated once per process."""
    return access.default_matrix()


# -- facts ----------------------------------------------------------------------------------------------------------


def is_minor(birth_date: date, today: date) -> bool:
    """Under 18 on ``today`` (a 29 February birthday comes of age on 1 March)."""
    return is_minor_on(birth_date, today)


def _consents_from_rows(
    session: Session, dossier_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[access.ConsentState, AccessSettings | None, date | None]]:
    """The stored consent, settings row and birth date of each dossier, in four queries whatever their number.

    Read from the tables on every call: nothing is kept across requests, so a withdrawn consent or a removed
    delegation counts at once (S34). A dossier that does not exist gets the default consent and no birth date.
    """
    found: dict[uuid.UUID, tuple[AccessSettings | None, date | None]] = {d: (None, None) for d in dossier_ids}
    relations: dict[uuid.UUID, list[ProfessionalRelation]] = {d: [] for d in dossier_ids}
    aidants: dict[uuid.UUID, list[access.AidantDelegation]] = {d: [] for d in dossier_ids}
    people: dict[tuple[uuid.UUID, bool], set[access.PersonId]] = {}
    if dossier_ids:
        for dossier_id, birth_date, settings in session.execute(
            select(Dossier.id, Dossier.birth_date, AccessSettings)
            .outerjoin(AccessSettings, AccessSettings.dossier_id == Dossier.id)
            .where(Dossier.id.in_(dossier_ids))
        ):
            found[dossier_id] = (settings, birth_date)
        for rel in session.scalars(
            select(ProfessionalRelation).where(ProfessionalRelation.dossier_id.in_(dossier_ids))
        ):
            relations[rel.dossier_id].append(rel)
        for dossier_id, aidant_id, starts_at, ends_at in session.execute(
            select(AidantLink.dossier_id, AidantLink.aidant_account_id, AidantLink.starts_at, AidantLink.ends_at).where(
                AidantLink.dossier_id.in_(dossier_ids)
            )
        ):
            aidants[dossier_id].append(access.AidantDelegation(access.PersonId(str(aidant_id)), starts_at, ends_at))
        # Legal representatives and post-mortem claimants: the same shape, one round trip.
        for dossier_id, account_id, is_claimant in session.execute(
            union_all(
                select(LegalRepresentation.dossier_id, LegalRepresentation.account_id, literal(False)).where(
                    LegalRepresentation.dossier_id.in_(dossier_ids)
                ),
                select(PostMortemClaimant.dossier_id, PostMortemClaimant.account_id, literal(True)).where(
                    PostMortemClaimant.dossier_id.in_(dossier_ids)
                ),
            )
        ):
            people.setdefault((dossier_id, bool(is_claimant)), set()).add(access.PersonId(str(account_id)))
    return {
        d: (
            _consent(relations[d], tuple(aidants[d]), people.get((d, False), set()), people.get((d, True), set()),
                     found[d][0]),
            *found[d],
        )
        for d in dossier_ids
    }  # fmt: skip


def _consent(
    relations: list[ProfessionalRelation],
    aidants: tuple[access.AidantDelegation, ...],
    representatives: set[access.PersonId],
    claimants: set[access.PersonId],
    settings: AccessSettings | None,
) -> access.ConsentState:
    authorisations: list[access.Authorisation] = []
    blocked: set[access.Rpps] = set()
    admins: set[access.Rpps] = set()
    occupational: set[access.Rpps] = set()
    for rel in relations:
        rpps = access.Rpps(rel.rpps)
        if rel.authorised_at is not None:
            authorisations.append(access.Authorisation(rpps, rel.authorised_at, rel.authorised_until))
        if rel.blocked_at is not None:
            blocked.add(rpps)
        if rel.administrateur:
            admins.add(rpps)
        if rel.occupational_consent:
            occupational.add(rpps)
    consent = access.ConsentState(
        authorisations=tuple(sorted(authorisations, key=lambda a: a.rpps)),
        blocked=frozenset(blocked),
        administrateurs=frozenset(admins),
        occupational_consent=frozenset(occupational),
        aidants=aidants,
        legal_representatives=frozenset(representatives),
        post_mortem_claimants=frozenset(claimants),
    )
    if settings is not None:
        consent = replace(
            consent,
            medecin_traitant=access.Rpps(settings.medecin_traitant_rpps) if settings.medecin_traitant_rpps else None,
            emergency=access.EmergencyToggles(
                samu=settings.emergency_samu,
                other_professionals=settings.emergency_other_professionals,
                masked_documents=settings.emergency_masked_documents,
            ),
            mask_all_including_emergency=settings.mask_all_including_emergency,
            default_confidentiality=Confidentiality(
                masked_from_professionals=settings.default_masked_from_professionals
            ),
        )
    return consent


def _consent_from_rows(session: Session, dossier_id: uuid.UUID) -> tuple[access.ConsentState, AccessSettings | None]:
    consent, settings, _ = _consents_from_rows(session, [dossier_id])[dossier_id]
    return consent, settings


def load_access_contexts(
    session: Session, dossier_ids: list[uuid.UUID], now: datetime
) -> dict[uuid.UUID, access.Context]:
    """`load_access_context` for several dossiers at once (four queries in all): sync's pull asks for many."""
    contexts: dict[uuid.UUID, access.Context] = {}
    for dossier_id, (consent, settings, birth_date) in _consents_from_rows(session, dossier_ids).items():
        facts = access.PatientFacts(
            is_minor=birth_date is not None and is_minor(birth_date, now.date()),
            deceased=settings is not None and settings.deceased_at is not None and settings.deceased_at <= now,
            opposed_post_mortem_access=settings is not None and settings.opposed_post_mortem_access,
        )
        contexts[dossier_id] = access.Context(now=now, consent=consent, patient=facts)
    return contexts


def load_access_context(session: Session, dossier_id: uuid.UUID, now: datetime) -> access.Context:
    """Everything the policy needs about a dossier at ``now``: the patient's consent and the facts about them."""
    return load_access_contexts(session, [dossier_id], now)[dossier_id]


def save_consent(session: Session, dossier_id: uuid.UUID, consent: access.ConsentState, *, now: datetime) -> None:
    """Write a consent state back to the tables (the inverse of `load_access_context` for the consent part)."""
    settings = session.get(AccessSettings, dossier_id)
    if settings is None:
        settings = AccessSettings(dossier_id=dossier_id, opposed_post_mortem_access=False)
        session.add(settings)
    toggles = access.normalise_emergency_toggles(consent.emergency)
    settings.medecin_traitant_rpps = consent.medecin_traitant
    settings.emergency_samu = toggles.samu
    settings.emergency_other_professionals = toggles.other_professionals
    settings.emergency_masked_documents = toggles.masked_documents
    settings.mask_all_including_emergency = consent.mask_all_including_emergency
    settings.default_masked_from_professionals = consent.default_confidentiality.masked_from_professionals
    settings.updated_at = now

    by_rpps = {a.rpps: a for a in consent.authorisations}
    wanted = set(by_rpps) | consent.blocked | consent.administrateurs | consent.occupational_consent
    existing = {
        r.rpps: r
        for r in session.scalars(select(ProfessionalRelation).where(ProfessionalRelation.dossier_id == dossier_id))
    }
    for rpps in wanted | set(existing):
        rel = existing.get(rpps)
        if rel is None:
            rel = ProfessionalRelation(dossier_id=dossier_id, rpps=rpps)
            session.add(rel)
        auth = by_rpps.get(access.Rpps(rpps))
        rel.authorised_at = auth.granted_at if auth else None
        rel.authorised_until = auth.until if auth else None
        if rpps in consent.blocked:
            rel.blocked_at = rel.blocked_at or now
        else:
            rel.blocked_at = None
        rel.administrateur = rpps in consent.administrateurs
        rel.occupational_consent = rpps in consent.occupational_consent

    session.execute(delete(AidantLink).where(AidantLink.dossier_id == dossier_id))
    session.execute(delete(LegalRepresentation).where(LegalRepresentation.dossier_id == dossier_id))
    session.flush()
    for d in consent.aidants:
        session.add(
            AidantLink(
                dossier_id=dossier_id,
                aidant_account_id=uuid.UUID(d.aidant_id),
                starts_at=d.starts_at,
                ends_at=d.ends_at,
            )
        )
    for rep in consent.legal_representatives:
        session.add(LegalRepresentation(dossier_id=dossier_id, account_id=uuid.UUID(rep), created_at=now))
    session.flush()


# -- who asks -------------------------------------------------------------------------------------------------------


def _fold(label: str) -> str:
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower().strip()
    return "_".join(plain.replace("-", " ").replace("'", " ").split())


_PROFESSION_ALIASES: dict[str, access.Profession] = {
    "medecin": access.Profession.MEDECIN_GENERALISTE,
    "generaliste": access.Profession.MEDECIN_GENERALISTE,
    "specialiste": access.Profession.MEDECIN_SPECIALISTE,
    "dentiste": access.Profession.CHIRURGIEN_DENTISTE,
    "infirmiere": access.Profession.INFIRMIER,
    "kinesitherapeute": access.Profession.MASSEUR_KINESITHERAPEUTE,
    "samu": access.Profession.MEDECIN_REGULATEUR_SAMU,
}
_INSURER_WORDS = frozenset({"assureur", "assurance", "mutuelle", "complementaire_sante", "assureur_emprunteur"})
_EMPLOYER_WORDS = frozenset({"employeur", "employer"})


def actor_for_registry_entry(rpps: str, profession_label: str) -> access.Actor:
    """The policy's actor for a registry entry; insurers and employers that slipped in stay what they are."""
    folded = _fold(profession_label)
    if folded in _INSURER_WORDS:
        return access.PrivateInsurer(profession_label)
    if folded in _EMPLOYER_WORDS:
        return access.Employer(profession_label)
    try:
        profession = access.Profession(folded)
    except ValueError:
        alias = _PROFESSION_ALIASES.get(folded)
        if alias is None:
            return access.OtherParty()
        profession = alias
    try:
        return access.Professional(access.Rpps(rpps), profession)
    except DossierValidationError:
        return access.OtherParty()


def latest_emergency(
    session: Session, *, dossier_id: uuid.UUID, rpps: str, now: datetime
) -> access.EmergencyClaim | None:
    row = session.scalars(
        select(EmergencyAccess)
        .where(EmergencyAccess.dossier_id == dossier_id, EmergencyAccess.rpps == rpps, EmergencyAccess.opened_at <= now)
        .order_by(EmergencyAccess.opened_at.desc())
        .limit(1)
    ).first()
    return None if row is None else access.EmergencyClaim(row.reason, row.opened_at)


def _latest_emergencies(
    session: Session, dossier_ids: list[uuid.UUID], *, rpps: str, now: datetime
) -> dict[uuid.UUID, access.EmergencyClaim]:
    """`latest_emergency` for several dossiers in one query."""
    if not dossier_ids:
        return {}
    rows = session.scalars(
        select(EmergencyAccess)
        .where(
            EmergencyAccess.dossier_id.in_(dossier_ids), EmergencyAccess.rpps == rpps, EmergencyAccess.opened_at <= now
        )
        .order_by(EmergencyAccess.opened_at)
    )
    return {row.dossier_id: access.EmergencyClaim(row.reason, row.opened_at) for row in rows}  # the latest wins


def caller_actor(
    session: Session, principal: Principal, *, dossier_id: uuid.UUID | None = None, now: datetime | None = None
) -> access.Actor:
    """Who the caller is *for this dossier*: holder, representative, aidant, heir, professional, or nobody.

    Without ``dossier_id`` a patient is the holder of their own space. A professional carries their latest
    emergency claim on the dossier when ``now`` is given (the policy decides whether it still holds).
    """
    if principal.kind == PrincipalKind.PROFESSIONAL:
        pro = session.get(Professional, principal.id)
        if pro is None:
            return access.OtherParty()
        actor = actor_for_registry_entry(pro.rpps, pro.profession)
        if isinstance(actor, access.Professional) and dossier_id is not None and now is not None:
            claim = latest_emergency(session, dossier_id=dossier_id, rpps=pro.rpps, now=now)
            if claim is not None:
                actor = replace(actor, emergency=claim)
        return actor
    account = session.get(Account, principal.id)
    if account is None:
        return access.OtherParty()
    person = access.PersonId(str(account.id))
    if dossier_id is None or account.dossier_id == dossier_id:
        return access.Holder(person)
    # A claimant row exists only once a death is recorded and a request granted: a parent or aidant who became
    # an heir reads as an heir (patient-side roles end with the death).
    claimant = session.get(PostMortemClaimant, (dossier_id, account.id))
    if claimant is not None:
        return access.Heir(person, purpose=_purpose(claimant.purpose))
    if session.get(LegalRepresentation, (dossier_id, account.id)) is not None:
        return access.LegalRepresentative(person)
    if session.get(AidantLink, (dossier_id, account.id)) is not None:
        return access.Aidant(person)
    return access.OtherParty(person)


def _purpose(value: str | None) -> access.PostMortemPurpose | None:
    try:
        return access.PostMortemPurpose(value) if value else None
    except ValueError:
        return None


def role_of(actor: access.Actor) -> str:
    """The role written to the audit trail and shown in the historique des accès."""
    match actor:
        case access.Holder():
            return "patient"
        case access.LegalRepresentative():
            return "legal_representative"
        case access.Aidant():
            return "aidant"
        case access.Professional():
            return "professional"
        case access.Heir():
            return "heir"
        case access.AssuranceMaladie():
            return "assurance_maladie"
        case access.PrivateInsurer():
            return "insurer"
        case access.Employer():
            return "employer"
        case access.OtherParty():
            return "other"


# -- asking the policy ----------------------------------------------------------------------------------------------


def denied(reason: access.Reason) -> ProblemError:
    """The 403 problem of a policy denial; its code is the policy's reason code."""
    return ProblemError(
        403,
        reason.value,
        f"Accès refusé ({reason.value}) : vous n'avez pas le droit de faire cela dans cet espace santé.",
        f"Access denied ({reason.value}): you may not do this in this health space.",
        title="Access denied",
    )


def audit_action(what: str, decision: access.Decision) -> str:
    """`<what>.<allowed|denied>.<reason>`, the shape the historique des accès reads back."""
    outcome = "allowed" if decision.allowed else "denied"
    return f"{what}.{outcome}.{decision.reason.value}"[:64]


@dataclass(frozen=True, slots=True)
class Asked:
    """A decision with what it was made from, for callers that go on to notify or filter content."""

    decision: access.Decision
    actor: access.Actor
    context: access.Context


def audit_actor_of(session: Session, principal: Principal, actor: access.Actor, dossier_id: uuid.UUID) -> AuditActor:
    on_behalf: uuid.UUID | None = None
    if isinstance(actor, access.LegalRepresentative | access.Aidant):
        on_behalf = session.scalars(select(Account.id).where(Account.dossier_id == dossier_id)).first()
    return AuditActor(
        principal.id,
        role_of(actor),
        device_id=principal.device_id,
        on_behalf_of_id=on_behalf,
        assisted_by=principal.assisted_by,
    )


def ask(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    action: access.Action,
    target: access.Target,
    what: str,
    now: datetime,
    actor: access.Actor | None = None,
    context: access.Context | None = None,
) -> Asked:
    """Ask the policy, write the audit trail, and raise the 403 problem on a denial (the denial stays audited).

    ``context`` replaces the stored one when a caller decides on a state it is about to store (an heir's request).
    """
    if context is None:
        context = load_access_context(session, dossier_id, now)
    who = actor if actor is not None else caller_actor(session, principal, dossier_id=dossier_id, now=now)
    decision = access.decide(who, action, target, context, matrix=matrix())
    if decision.audit or not decision.allowed:
        record(
            session,
            actor=audit_actor_of(session, principal, who, dossier_id),
            action=audit_action(what, decision),
            at=now,
            dossier_id=dossier_id,
        )
    if not decision.allowed:
        session.commit()  # the refusal is part of the historique des accès
        raise denied(decision.reason)
    return Asked(decision, who, context)


def require_active_dossier(session: Session, dossier_id: uuid.UUID) -> Dossier:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None or dossier.status != SpaceStatus.ACTIVE:
        raise not_found("Espace santé", "Health space")
    return dossier


# -- patient side: changing consent -----------------------------------------------------------------------------------


CONFLICT_CODES = frozenset({"last_representative"})
"""Consent rule violations that are a conflict with the current state (409), not a bad request (422)."""


def change_consent(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    what: str,
    now: datetime,
    change: Any,
) -> access.ConsentState:
    """Check MANAGE_ACCESS with the policy, apply ``change(consent) -> consent`` and store the result.

    Rule violations raised by the consent transitions (limits, blocked professional…) become 422 problems (409 for
    ``CONFLICT_CODES``) and nothing is stored.
    """
    asked = ask(
        session,
        principal,
        dossier_id=dossier_id,
        action=access.Action.MANAGE_ACCESS,
        target=_SPACE,
        what=what,
        now=now,
    )
    try:
        updated: access.ConsentState = change(asked.context.consent)
    except DossierValidationError as exc:
        session.rollback()
        conflict = next((i for i in exc.issues if i.code in CONFLICT_CODES), None)
        if conflict is not None:
            raise ProblemError(409, conflict.code, conflict.message_fr, conflict.message_en) from exc
        raise from_validation(exc) from exc
    save_consent(session, dossier_id, updated, now=now)
    return updated


def registered_professional(session: Session, rpps: str) -> Professional:
    try:
        checked = normalize_rpps(rpps)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    pro = session.scalars(select(Professional).where(Professional.rpps == checked)).first()
    if pro is None:
        raise not_found("Professionnel (numéro RPPS)", "Professional (RPPS number)")
    return pro


def occupational_physician(pro: Professional) -> Professional:
    """The registered professional if a médecin du travail (express consent is only for them), or a 422 problem."""
    actor = actor_for_registry_entry(pro.rpps, pro.profession)
    if not isinstance(actor, access.Professional) or actor.profession is not access.Profession.MEDECIN_DU_TRAVAIL:
        raise ProblemError(
            422,
            "not_an_occupational_physician",
            "Ce professionnel n'est pas médecin du travail : autorisez-le normalement.",
            "This professional is not an occupational physician: authorise them normally.",
        )
    return pro


def account_by_identifier(session: Session, identifier: str) -> Account:
    account = session.scalars(select(Account).where(Account.identifier == identifier.strip().lower())).first()
    if account is None:
        raise not_found("Compte (identifiant)", "Account (identifier)")
    return account


def aidant_patient_count(session: Session, aidant_id: uuid.UUID, *, excluding: uuid.UUID, now: datetime) -> int:
    """How many other patients this aidant currently helps (for the 5-per-aidant limit)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(AidantLink)
            .where(
                AidantLink.aidant_account_id == aidant_id,
                AidantLink.dossier_id != excluding,
                AidantLink.ends_at > now,
            )
        )
        or 0
    )


def delegated_dossiers(session: Session, account_id: uuid.UUID) -> list[tuple[Dossier, str]]:
    """Dossiers this account reaches as legal representative or aidant (the policy still decides each access)."""
    reps = session.scalars(
        select(Dossier)
        .join(LegalRepresentation, LegalRepresentation.dossier_id == Dossier.id)
        .where(LegalRepresentation.account_id == account_id)
    ).all()
    aided = session.scalars(
        select(Dossier)
        .join(AidantLink, AidantLink.dossier_id == Dossier.id)
        .where(AidantLink.aidant_account_id == account_id)
    ).all()
    return [(d, "legal_representative") for d in reps] + [(d, "aidant") for d in aided]


def aidant_periods(session: Session, account_id: uuid.UUID) -> dict[uuid.UUID, tuple[datetime, datetime]]:
    """For each dossier this account helps with as proche aidant: from when and until when."""
    rows = session.execute(
        select(AidantLink.dossier_id, AidantLink.starts_at, AidantLink.ends_at).where(
            AidantLink.aidant_account_id == account_id
        )
    )
    return {dossier_id: (starts, ends) for dossier_id, starts, ends in rows}


# -- professionals --------------------------------------------------------------------------------------------------


def professional_of(session: Session, principal: Principal) -> Professional:
    pro = session.get(Professional, principal.id)
    if pro is None:
        raise ProblemError(403, "forbidden", "Réservé aux professionnels.", "Professionals only.")
    return pro


def _professional_dossiers(rpps: Any, now: Any, since: Any = None) -> Any:
    """Dossier ids where the policy's coarse conditions for this professional hold, in SQL.

    The same predicates as `dossier.access.decide` for opening a dossier: an authorisation in force and not
    blocked, the médecin traitant, an occupational physician's express consent (not blocked), or a bris de glace
    opened less than EMERGENCY_ACCESS_HOURS ago (after ``since``). The policy still decides each one (emergency
    toggles, profession). ``rpps``, ``now`` and ``since`` are values or SQL expressions (bound parameters).
    """
    if since is None:
        since = now - timedelta(hours=access.EMERGENCY_ACCESS_HOURS)
    return union(*_professional_dossier_parts(rpps, now, since))


def _professional_dossier_parts(rpps: Any, now: Any, since: Any) -> list[Select[uuid.UUID]]:
    """The selects whose union is `_professional_dossiers`."""
    not_blocked = ProfessionalRelation.blocked_at.is_(None)
    return [
        select(ProfessionalRelation.dossier_id).where(
            ProfessionalRelation.rpps == rpps,
            ProfessionalRelation.authorised_at.is_not(None),
            ProfessionalRelation.authorised_at <= now,
            or_(ProfessionalRelation.authorised_until.is_(None), ProfessionalRelation.authorised_until > now),
            not_blocked,
        ),
        select(ProfessionalRelation.dossier_id).where(
            ProfessionalRelation.rpps == rpps, ProfessionalRelation.occupational_consent.is_(True), not_blocked
        ),
        select(AccessSettings.dossier_id).where(AccessSettings.medecin_traitant_rpps == rpps),
        select(EmergencyAccess.dossier_id).where(EmergencyAccess.rpps == rpps, EmergencyAccess.opened_at > since),
    ]


def sync_candidates(kind: PrincipalKind) -> list[Select[uuid.UUID]]:
    """Ids of every dossier a principal of this kind might sync: selects to union (the policy decides each one).

    A patient: their own space and the spaces they represent or help with. A professional: `_professional_dossiers`
    for their RPPS, looked up inside the same statement. Bound parameters: ``me`` (the principal's id), and for a
    professional ``now`` and ``emergency_since`` (`sync_candidate_params`), so a caller can build its statement once.
    """
    me: BindParameter[uuid.UUID] = bindparam("me")
    if kind == PrincipalKind.PATIENT:
        return [
            select(Account.dossier_id).where(Account.id == me),
            select(LegalRepresentation.dossier_id).where(LegalRepresentation.account_id == me),
            select(AidantLink.dossier_id).where(AidantLink.aidant_account_id == me),
        ]
    rpps = select(Professional.rpps).where(Professional.id == me).scalar_subquery()
    return _professional_dossier_parts(rpps, bindparam("now"), bindparam("emergency_since"))


def sync_candidate_params(principal: Principal, now: datetime) -> dict[str, Any]:
    """The values of `sync_candidates`' parameters for this principal, now."""
    if principal.kind == PrincipalKind.PATIENT:
        return {"me": principal.id}
    return {"me": principal.id, "now": now, "emergency_since": now - timedelta(hours=access.EMERGENCY_ACCESS_HOURS)}


def candidate_dossier_ids(session: Session, rpps: str, now: datetime) -> list[uuid.UUID]:
    """Dossiers a professional may be able to open (authorised, médecin traitant, recent emergency access).

    A superset for sync's pull: the policy still decides each one (`load_access_context` + `decide`).
    """
    return list(session.scalars(select(Dossier.id).where(Dossier.id.in_(_professional_dossiers(rpps, now)))))


def accessible_dossiers(
    session: Session,
    principal: Principal,
    *,
    now: datetime,
    name: str | None,
    birth_date: date | None,
    ins: str | None,
    limit: int,
    offset: int,
) -> list[Dossier]:
    """Dossiers this professional may open now, paged after the policy's filter (see `_professional_dossiers`)."""
    pro = professional_of(session, principal)
    related = _professional_dossiers(pro.rpps, now)
    query = select(Dossier).where(Dossier.id.in_(related), Dossier.status == SpaceStatus.ACTIVE)
    if name:
        pattern = f"%{name.strip().lower()}%"
        query = query.where(
            or_(func.lower(Dossier.last_name).like(pattern), func.lower(Dossier.first_names).like(pattern))
        )
    if birth_date is not None:
        query = query.where(Dossier.birth_date == birth_date)
    if ins:
        try:
            query = query.where(Dossier.nir == normalize_nir(ins))
        except DossierValidationError as exc:
            raise from_validation(exc) from exc
    ordered = query.order_by(Dossier.last_name, Dossier.first_names, Dossier.id)
    dossier_target = access.SectionTarget(access.Section.DOSSIER)
    registered = actor_for_registry_entry(pro.rpps, pro.profession)  # what `caller_actor` gives, claims aside

    def allowed_of(rows: Sequence[Dossier]) -> list[Dossier]:
        """The rows the policy lets this professional open: contexts and emergency claims read for the whole batch
        (a handful of queries, not five per dossier)."""
        ids = [d.id for d in rows]
        contexts = load_access_contexts(session, ids, now)
        claims = _latest_emergencies(session, ids, rpps=pro.rpps, now=now)
        kept = []
        for d in rows:
            claim = claims.get(d.id)
            actor = (
                replace(registered, emergency=claim)
                if claim and isinstance(registered, access.Professional)
                else registered
            )
            if access.decide(actor, access.Action.READ, dossier_target, contexts[d.id], matrix=matrix()).allowed:
                kept.append(d)
        return kept

    # The page is cut AFTER the policy: `offset` counts dossiers the professional may open, and a page is full
    # while more exist. The SQL above applies the policy's coarse predicates, so refusals here are rare (a patient
    # who turned emergency access off since, a profession the policy refuses); batches keep memory bounded and
    # the scan stops as soon as the page is full.
    batch = min(max(offset + limit, PRO_LIST_MIN_BATCH), PRO_LIST_MAX_BATCH)
    result: list[Dossier] = []
    to_skip, scanned = offset, 0
    while True:
        rows = session.scalars(ordered.limit(batch).offset(scanned)).all()
        for d in allowed_of(rows):
            if to_skip:
                to_skip -= 1
                continue
            result.append(d)
            if len(result) == limit:
                return result
        if len(rows) < batch:
            return result
        scanned += len(rows)


def dossier_by_ins(session: Session, ins: str) -> Dossier:
    try:
        nir = normalize_nir(ins)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    dossier = session.scalars(select(Dossier).where(Dossier.nir == nir)).first()
    if dossier is None or dossier.status != SpaceStatus.ACTIVE:
        raise not_found("Espace santé", "Health space")
    return dossier


EMERGENCY_MISSED = "dossier.emergency.unknown_ins"  # the audit action of an emergency access on an unknown INS


def emergency_dossier(session: Session, ctx: ServiceContext, principal: Principal, ins: str) -> Dossier:
    """The dossier an emergency access names, throttled per professional (S29, issue 15 #4): each INS that names
    no open space counts (audited, for the administrator's report); past the account allowance the professional
    waits (429), whatever INS they try next."""
    pro = professional_of(session, principal)
    now = ctx.now()
    key = throttle.account_key("emergency", pro.rpps)
    throttle.check(session, [key], now=now)
    check_emergency_rate(session, ctx, principal, pro.rpps, now=now)
    try:
        return dossier_by_ins(session, ins)
    except ProblemError:
        throttle.register_failure(session, [key], now=now, limits=ctx.settings.rate_limits)
        record(session, actor=principal.actor, action=EMERGENCY_MISSED, at=now)
        session.commit()
        raise


EMERGENCY_THROTTLED = "dossier.emergency.throttled"  # refused: too many successful emergency accesses (S54)


def check_emergency_rate(
    session: Session, ctx: ServiceContext, principal: Principal, rpps: str, *, now: datetime
) -> None:
    """A bounded rate of successful emergency accesses per professional (S54): at most `emergency_accesses` in any
    `emergency_window`; beyond, 429 with `Retry-After` (when the oldest leaves the window), audited. Checked before
    the INS is looked up, so the answer says nothing about it."""
    limits = ctx.settings.rate_limits
    since = now - limits.emergency_window
    opened = list(
        session.scalars(
            select(EmergencyAccess.opened_at)
            .where(EmergencyAccess.rpps == rpps, EmergencyAccess.opened_at > since)
            .order_by(EmergencyAccess.opened_at)
        )
    )
    if len(opened) < limits.emergency_accesses:
        return
    seconds = max(1, math.ceil((opened[-limits.emergency_accesses] + limits.emergency_window - now).total_seconds()))
    hours = int(limits.emergency_window.total_seconds() // 3600)
    record(session, actor=principal.actor, action=EMERGENCY_THROTTLED, at=now)
    session.commit()
    raise ProblemError(
        429,
        "emergency_rate_exceeded",
        f"Vous avez déjà ouvert {len(opened)} accès d'urgence (bris de glace) en {hours} heures : c'est le maximum "
        f"autorisé. Un nouvel accès d'urgence sera possible dans {seconds} secondes ; en cas de besoin réel, "
        "demandez au patient ou à son médecin traitant de vous autoriser. Vos accès d'urgence sont signalés à "
        "l'administrateur.",
        f"You already opened {len(opened)} emergency accesses in {hours} hours: that is the maximum. A new one is "
        f"possible in {seconds} seconds; if really needed, ask the patient or their médecin traitant to authorise "
        "you. Your emergency accesses are reported to the administrator.",
        headers={"Retry-After": str(seconds)},
    )


def declare_emergency(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    reason_code: access.EmergencyReason,
    reason: str,
    now: datetime,
) -> tuple[Asked, EmergencyAccess]:
    """Bris de glace: the policy decides with the claim; the claim is kept (limited in time) and audited."""
    pro = professional_of(session, principal)
    base = actor_for_registry_entry(pro.rpps, pro.profession)
    reason = f"[{reason_code.value}] {reason.strip()}"  # the code first: the administrator's report counts by it
    claim = access.EmergencyClaim(reason=reason, opened_at=now)
    actor = replace(base, emergency=claim) if isinstance(base, access.Professional) else base
    context = load_access_context(session, dossier_id, now)
    decision = access.decide(
        actor, access.Action.READ, access.SectionTarget(access.Section.DOSSIER), context, matrix=matrix()
    )
    if decision.allowed and decision.reason is not access.Reason.EMERGENCY_ACCESS:
        raise ProblemError(
            409,
            "already_authorised",
            "Vous êtes déjà autorisé par ce patient : ouvrez son dossier normalement.",
            "This patient already authorised you: open their dossier normally.",
        )
    asked = ask(
        session,
        principal,
        dossier_id=dossier_id,
        action=access.Action.READ,
        target=access.SectionTarget(access.Section.DOSSIER),
        what="dossier.emergency",
        now=now,
        actor=actor,
    )
    row = EmergencyAccess(
        dossier_id=dossier_id,
        rpps=pro.rpps,
        reason=reason,
        opened_at=now,
        expires_at=now + timedelta(hours=access.EMERGENCY_ACCESS_HOURS),
    )
    session.add(row)
    session.flush()
    return asked, row


# -- legal representatives and child profiles -----------------------------------------------------------------------


def link_child(session: Session, ctx: ServiceContext, *, child: Dossier, representative: Account) -> None:
    """A provisioned minor's space, proven by its activation code, becomes managed by this representative."""
    now = ctx.now()
    if not is_minor(child.birth_date, now.date()):
        raise ProblemError(
            422,
            "not_a_minor",
            "Cette personne est majeure : elle active elle-même son espace santé.",
            "This person is an adult: they activate their own health space.",
        )
    if child.id == representative.dossier_id:
        raise ProblemError(422, "own_space", "C'est votre propre espace santé.", "This is your own health space.")
    consent, _ = _consent_from_rows(session, child.id)
    try:
        reps = access.check_legal_representatives(
            [*consent.legal_representatives, access.PersonId(str(representative.id))]
        )
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    save_consent(session, child.id, replace(consent, legal_representatives=reps), now=now)
    child.status = SpaceStatus.ACTIVE
    child.activated_at = now
    child.created_at = child.created_at or now
    child.activation_code_hash = None
    record(
        session,
        actor=AuditActor(representative.id, "legal_representative"),
        action="space.child_linked",
        at=now,
        dossier_id=child.id,
    )


def _representatives(session: Session, dossier_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
    reps: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {d: [] for d in dossier_ids}
    if dossier_ids:
        rows = session.execute(
            select(LegalRepresentation.dossier_id, Account.id, Account.identifier)
            .join(Account, Account.id == LegalRepresentation.account_id)
            .where(LegalRepresentation.dossier_id.in_(dossier_ids))
            .order_by(LegalRepresentation.created_at, Account.identifier)
        )
        for dossier_id, rep_id, identifier in rows:
            reps[dossier_id].append((rep_id, identifier))
    return reps


def representatives_of(session: Session, dossier_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """A child profile's legal representatives: (account id, identifier), first linked first."""
    return _representatives(session, [dossier_id])[dossier_id]


def children_of(session: Session, account_id: uuid.UUID) -> list[tuple[Dossier, list[tuple[uuid.UUID, str]]]]:
    """Child profiles this account represents, each with all its representatives (account id, identifier)."""
    children = session.scalars(
        select(Dossier)
        .join(LegalRepresentation, LegalRepresentation.dossier_id == Dossier.id)
        .where(LegalRepresentation.account_id == account_id)
        .order_by(Dossier.birth_date, Dossier.first_names, Dossier.id)
    ).all()
    reps = _representatives(session, [c.id for c in children])
    return [(c, reps[c.id]) for c in children]


# -- the dossier a patient-side request is about ----------------------------------------------------------------------


def managed_dossier_id(session: Session, own_dossier_id: uuid.UUID, dossier_id: uuid.UUID | None) -> uuid.UUID:
    """The dossier a ``/v1/me/access…`` request is about: the caller's own, or ``dossier_id`` (which must exist).

    Whether the caller may manage it is the policy's decision (`ask` with MANAGE_ACCESS), taken by the caller.
    """
    if dossier_id is None or dossier_id == own_dossier_id:
        return own_dossier_id
    return require_active_dossier(session, dossier_id).id


def check_manages(session: Session, principal: Principal, *, dossier_id: uuid.UUID, what: str, now: datetime) -> None:
    """403 unless the policy lets the caller manage access to this dossier (audited either way)."""
    ask(
        session, principal, dossier_id=dossier_id, action=access.Action.MANAGE_ACCESS, target=_SPACE, what=what, now=now
    )


def set_post_mortem_opposition(
    session: Session, principal: Principal, *, dossier_id: uuid.UUID, opposed: bool, now: datetime
) -> None:
    """Record whether the person opposes access by heirs after their death (a MANAGE_ACCESS act)."""
    what = "access.post_mortem_opposed" if opposed else "access.post_mortem_allowed"
    asked = ask(
        session, principal, dossier_id=dossier_id, action=access.Action.MANAGE_ACCESS, target=_SPACE, what=what, now=now
    )
    if session.get(AccessSettings, dossier_id) is None:
        save_consent(session, dossier_id, asked.context.consent, now=now)
    settings = session.get(AccessSettings, dossier_id)
    assert settings is not None
    settings.opposed_post_mortem_access = opposed
    settings.updated_at = now
    session.flush()


# -- after death: heirs, cohabitant, PACS partner -------------------------------------------------------------------

HEIR_RELATIONSHIPS = ("heir", "pacs", "cohabitant")


@dataclass(frozen=True, slots=True)
class HeirRequest:
    """What a person declares to get access to a deceased person's records."""

    nir: str
    relationship: str
    purpose: access.PostMortemPurpose
    justification: str


def no_deceased_space() -> ProblemError:
    """One answer for "no space with this NIR" and "this person is alive": no who-has-a-space oracle (S43)."""
    return ProblemError(
        404,
        "no_deceased_space",
        "Aucun espace santé de personne décédée ne correspond à ce numéro de sécurité sociale.",
        "No health space of a deceased person matches this social security number.",
    )


def request_heir_access(
    session: Session, principal: Principal, account: Account, request: HeirRequest, *, now: datetime
) -> Dossier:
    """Grant an heir's request when the policy allows it for the stated purpose; audited either way.

    The request establishes the claimant on the declaration (relationship and justification are kept for the
    record); the policy refuses a living person, a person who opposed it, or anything beyond the purpose.
    """
    try:
        nir = normalize_nir(request.nir)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    dossier = session.scalars(select(Dossier).where(Dossier.nir == nir)).first()
    if dossier is None:
        raise no_deceased_space()
    if dossier.id == account.dossier_id:
        raise ProblemError(422, "own_space", "C'est votre propre espace santé.", "This is your own health space.")
    person = access.PersonId(str(account.id))
    context = load_access_context(session, dossier.id, now)
    claimants = context.consent.post_mortem_claimants | {person}
    claimed = replace(context, consent=replace(context.consent, post_mortem_claimants=claimants))
    try:
        ask(
            session,
            principal,
            dossier_id=dossier.id,
            action=access.Action.READ,
            target=access.SectionTarget(access.Section.DOSSIER),
            what=f"heir.request_{request.purpose.value}",
            now=now,
            actor=access.Heir(person, request.purpose),
            context=claimed,
        )
    except ProblemError as refused:  # audited for the person; the asker learns no more than for an unknown NIR
        if refused.code == access.Reason.PATIENT_NOT_DECEASED.value:
            raise no_deceased_space() from None
        raise
    row = session.get(PostMortemClaimant, (dossier.id, account.id))
    if row is None:
        row = PostMortemClaimant(dossier_id=dossier.id, account_id=account.id, established_at=now)
        session.add(row)
    row.relationship = request.relationship
    row.purpose = request.purpose.value
    row.justification = request.justification.strip()
    session.flush()
    return dossier


def heir_dossiers(session: Session, account_id: uuid.UUID) -> list[Dossier]:
    """Spaces of deceased persons this account was granted access to as heir, cohabitant or PACS partner."""
    return list(
        session.scalars(
            select(Dossier)
            .join(PostMortemClaimant, PostMortemClaimant.dossier_id == Dossier.id)
            .where(PostMortemClaimant.account_id == account_id)
        )
    )
