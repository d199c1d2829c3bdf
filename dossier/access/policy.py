"""The access policy: the one function deciding who may do what in a space, what to audit and notify."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dossier.documents import AuthorKind

from .actors import (
    Actor,
    Aidant,
    AssuranceMaladie,
    Employer,
    Heir,
    Holder,
    LegalRepresentative,
    OtherParty,
    PrivateInsurer,
    Professional,
)
from .context import Context
from .limits import normalise_emergency_toggles
from .matrix import HabilitationMatrix
from .targets import ConversationTarget, DocumentTarget, EntryTarget, SectionTarget, Target, visible_to_patient_from
from .vocabulary import (
    CONVERSATION_ACTIONS,
    ENTRY_KIND_MATRIX_CATEGORY,
    HEIR_PURPOSE_CATEGORIES,
    HEIR_PURPOSES_WITH_CARE_HISTORY,
    PROFESSIONAL_VISIBLE_ENTRY_KINDS,
    SPACE_ACTIONS,
    Action,
    DocumentCategory,
    EntryKind,
    Profession,
    Section,
)

EMERGENCY_ACCESS_HOURS = 24
"""Product decision: a bris de glace opening lasts 24 hours, then the professional must declare it again."""


class Reason(StrEnum):
    """Stable reason codes (a server returns them in its 403 problems and writes them to the audit trail)."""

    # allowed
    HOLDER = "holder"
    LEGAL_REPRESENTATIVE = "legal_representative"
    AIDANT_DELEGATION = "aidant_delegation"
    PROFESSIONAL_AUTHORISED = "professional_authorised"
    PROFESSIONAL_PRIVILEGED_MASKED = "professional_privileged_masked"
    PROFESSIONAL_DOCUMENT_SENT = "professional_document_sent"
    PROFESSIONAL_VACCINATION_RECORDED = "professional_vaccination_recorded"
    PROFESSIONAL_APPOINTMENT_SENT = "professional_appointment_sent"
    OWN_DOCUMENT = "own_document"
    EMERGENCY_ACCESS = "emergency_access"
    POST_MORTEM_PURPOSE = "post_mortem_purpose"
    INSURER_FEED = "insurer_feed"
    PROFESSIONAL_CORRESPONDENT = "professional_correspondent"
    # denied: whatever the request
    ACTION_NOT_APPLICABLE = "action_not_applicable"
    INSURER_NEVER = "insurer_never"
    EMPLOYER_NEVER = "employer_never"
    NO_RELATIONSHIP = "no_relationship"
    # denied: patient side
    PATIENT_DECEASED = "patient_deceased"
    NOT_A_LEGAL_REPRESENTATIVE = "not_a_legal_representative"
    NOT_AN_AIDANT = "not_an_aidant"
    AIDANT_NOT_STARTED = "aidant_not_started"
    AIDANT_EXPIRED = "aidant_expired"
    AIDANT_CANNOT_MANAGE_ACCESS = "aidant_cannot_manage_access"
    AIDANT_ACTION_NOT_DELEGATED = "aidant_action_not_delegated"
    MINOR_MANAGED_BY_REPRESENTATIVES = "minor_managed_by_representatives"
    MINOR_SECRET = "minor_secret"  # noqa: S105 - a reason code, not a password
    ADVANCE_DIRECTIVES_MINOR = "advance_directives_minor"
    HIDDEN_UNTIL = "hidden_until"
    AUTHORED_BY_PROFESSIONAL_OR_INSURER = "authored_by_professional_or_insurer"
    CARE_HISTORY_FED_BY_INSURER = "care_history_fed_by_insurer"
    # denied: professionals
    PROFESSIONAL_NOT_AUTHORISED = "professional_not_authorised"
    PROFESSIONAL_BLOCKED = "professional_blocked"
    OCCUPATIONAL_PHYSICIAN_NO_CONSENT = "occupational_physician_no_consent"
    MATRIX_DENIES_CATEGORY = "matrix_denies_category"
    SECTION_NOT_FOR_PROFESSIONALS = "section_not_for_professionals"
    DOCUMENT_MASKED = "document_masked"
    ALL_DOCUMENTS_MASKED = "all_documents_masked"
    PROFESSIONALS_ADD_DOCUMENTS_ONLY = "professionals_add_documents_only"
    PROFESSION_MAY_NOT_VACCINATE = "profession_may_not_vaccinate"
    ONLY_OWN_DOCUMENTS = "only_own_documents"
    ONLY_PATIENT_SIDE_MAY_MASK = "only_patient_side_may_mask"
    PROFESSIONAL_CANNOT_MANAGE_SPACE = "professional_cannot_manage_space"
    EMERGENCY_NOT_ALLOWED_BY_PATIENT = "emergency_not_allowed_by_patient"
    EMERGENCY_REASON_REQUIRED = "emergency_reason_required"
    EMERGENCY_EXPIRED = "emergency_expired"
    # denied: after death, insurer feed
    PATIENT_NOT_DECEASED = "patient_not_deceased"
    POST_MORTEM_OPPOSED = "post_mortem_opposed"
    NOT_A_RECOGNISED_CLAIMANT = "not_a_recognised_claimant"
    POST_MORTEM_PURPOSE_REQUIRED = "post_mortem_purpose_required"
    POST_MORTEM_LIMITED = "post_mortem_limited"
    POST_MORTEM_NOT_FOR_PURPOSE = "post_mortem_not_for_purpose"
    INSURER_FEED_ADD_ONLY = "insurer_feed_add_only"
    # denied: messagerie
    ONLY_PROFESSIONAL_STARTS = "only_professional_starts"
    NOT_CONVERSATION_PARTICIPANT = "not_conversation_participant"
    CONVERSATION_CLOSED = "conversation_closed"
    AIDANT_MESSAGES_NOT_ALLOWED = "aidant_messages_not_allowed"
    ONLY_PATIENT_SIDE_MANAGES_CONVERSATION = "only_patient_side_manages_conversation"


class Recipient(StrEnum):
    """Who must be told."""

    PATIENT = "patient"
    """The holder, or whoever manages the space (legal representatives of a minor)."""
    MEDECIN_TRAITANT = "medecin_traitant"
    HOLDER = "holder"
    """The holder only, never their representatives (a minor's secret conversation or document)."""


class NotificationEvent(StrEnum):
    PROFESSIONAL_ACCESS = "professional_access"
    DOCUMENT_ADDED_BY_PROFESSIONAL = "document_added_by_professional"
    VACCINATION_RECORDED_BY_PROFESSIONAL = "vaccination_recorded_by_professional"
    APPOINTMENT_SENT_BY_PROFESSIONAL = "appointment_sent_by_professional"
    EMERGENCY_ACCESS = "emergency_access"
    NEW_MESSAGE = "new_message"


@dataclass(frozen=True, slots=True)
class Notification:
    recipient: Recipient
    event: NotificationEvent


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer: allowed or not, a stable reason code, whether to audit, whom to notify."""

    allowed: bool
    reason: Reason
    audit: bool = True
    notify: tuple[Notification, ...] = ()


_DossierTarget = SectionTarget | EntryTarget | DocumentTarget
"""Targets of the dossier itself (a conversation is decided by the messagerie's own rules)."""


def _deny(reason: Reason) -> Decision:
    return Decision(allowed=False, reason=reason)


def _allow(reason: Reason, *notify: Notification) -> Decision:
    return Decision(allowed=True, reason=reason, notify=notify)


_SECTION_ACTIONS: dict[Section, frozenset[Action]] = {
    Section.DOSSIER: frozenset({Action.READ}),
    Section.CARE_HISTORY: frozenset({Action.READ, Action.ADD}),
    Section.ACCESS_HISTORY: frozenset({Action.READ}),
    Section.SPACE: SPACE_ACTIONS,
}
_CONTENT_ACTIONS = frozenset({Action.READ, Action.ADD, Action.EDIT, Action.DELETE})


def _applicable(action: Action, target: Target) -> bool:
    """Whether the action means anything on that target (masking is for documents, closing for the space…)."""
    match target:
        case SectionTarget(section=section):
            return action in _SECTION_ACTIONS[section]
        case EntryTarget():
            return action in _CONTENT_ACTIONS
        case DocumentTarget():
            return action in _CONTENT_ACTIONS | {Action.MASK, Action.UNMASK}
        case ConversationTarget():
            return action in CONVERSATION_ACTIONS


def decide(actor: Actor, action: Action, target: Target, context: Context, *, matrix: HabilitationMatrix) -> Decision:
    """Decide whether ``actor`` may do ``action`` on ``target`` in the space described by ``context``.

    No other code decides access. Every decision is audited except the holder reading their own space;
    notifications are attached to opening the dossier (``Section.DOSSIER``) and to a professional adding a
    document, so that a server notifies once per event, not once per item read.
    """
    if isinstance(actor, PrivateInsurer):
        return _deny(Reason.INSURER_NEVER)
    if isinstance(actor, Employer):
        return _deny(Reason.EMPLOYER_NEVER)
    if isinstance(actor, OtherParty):
        return _deny(Reason.NO_RELATIONSHIP)
    if not _applicable(action, target):
        return _deny(Reason.ACTION_NOT_APPLICABLE)
    if isinstance(target, ConversationTarget):
        return _conversation(actor, action, target, context)
    match actor:
        case Holder() | LegalRepresentative() | Aidant():
            return _patient_side(actor, action, target, context)
        case Professional():
            return _professional(actor, action, target, context, matrix)
        case Heir():
            return _heir(actor, action, target, context)
        case AssuranceMaladie():
            return _insurer_feed(action, target)


# -- patient side: holder, legal representatives, aidants


def _patient_side_role(actor: Holder | LegalRepresentative | Aidant, action: Action, context: Context) -> Reason:
    """The reason this actor acts for the patient at all, or a denial reason (checked before the content)."""
    consent, now = context.consent, context.now
    match actor:
        case Holder():
            if context.patient.is_minor and action in SPACE_ACTIONS:
                return Reason.MINOR_MANAGED_BY_REPRESENTATIVES
            return Reason.HOLDER
        case LegalRepresentative(person_id=pid):
            if pid not in consent.legal_representatives:
                return Reason.NOT_A_LEGAL_REPRESENTATIVE
            return Reason.LEGAL_REPRESENTATIVE
        case Aidant(person_id=pid):
            delegation = consent.delegation_of(pid)
            if delegation is None:
                return Reason.NOT_AN_AIDANT
            if now < delegation.starts_at:
                return Reason.AIDANT_NOT_STARTED
            if now >= delegation.ends_at:
                return Reason.AIDANT_EXPIRED
            if action is Action.MANAGE_ACCESS:
                return Reason.AIDANT_CANNOT_MANAGE_ACCESS
            if action not in {Action.READ, Action.ADD, Action.EDIT}:
                return Reason.AIDANT_ACTION_NOT_DELEGATED
            return Reason.AIDANT_DELEGATION


_GRANTING = frozenset({Reason.HOLDER, Reason.LEGAL_REPRESENTATIVE, Reason.AIDANT_DELEGATION})


def _patient_side(
    actor: Holder | LegalRepresentative | Aidant, action: Action, target: _DossierTarget, context: Context
) -> Decision:
    if context.patient.deceased:
        return _deny(Reason.PATIENT_DECEASED)
    role = _patient_side_role(actor, action, context)
    if role not in _GRANTING:
        return _deny(role)
    denial = _patient_side_content(actor, action, target, context)
    if denial is not None:
        return _deny(denial)
    audit = not (isinstance(actor, Holder) and action is Action.READ)
    return Decision(allowed=True, reason=role, audit=audit)


def _patient_side_content(
    actor: Holder | LegalRepresentative | Aidant, action: Action, target: _DossierTarget, context: Context
) -> Reason | None:
    minor = context.patient.is_minor
    # The minor's secret hides content from everyone on the patient side but the minor (product decision for
    # aidants: PRODUCT.md names legal representatives; an aidant must not learn more than the parents).
    not_the_minor = not isinstance(actor, Holder)
    match target:
        case SectionTarget(section=Section.CARE_HISTORY) if action is Action.ADD:
            return Reason.CARE_HISTORY_FED_BY_INSURER
        case SectionTarget():
            return None
        case EntryTarget(kind=kind, author=author, secret_from_legal_representatives=secret):
            if secret and not_the_minor:
                return Reason.MINOR_SECRET
            if minor and kind is EntryKind.ADVANCE_DIRECTIVE and action is Action.ADD:
                return Reason.ADVANCE_DIRECTIVES_MINOR
            # An appointment a professional sent sits in the person's own agenda: they may move or cancel it.
            theirs = author.kind is AuthorKind.PATIENT or (
                kind is EntryKind.APPOINTMENT and author.kind is AuthorKind.PROFESSIONAL
            )
            if action in {Action.EDIT, Action.DELETE} and not theirs:
                return Reason.AUTHORED_BY_PROFESSIONAL_OR_INSURER
            return None
        case DocumentTarget(category=category, author=author, confidentiality=conf):
            if conf.hidden_from_legal_representatives and not_the_minor:
                return Reason.MINOR_SECRET
            visible_from = visible_to_patient_from(target.added_at, conf.hidden_from_patient_until)
            if visible_from is not None and context.now.date() < visible_from:
                return Reason.HIDDEN_UNTIL
            if minor and category is DocumentCategory.DIRECTIVES_ANTICIPEES and action is Action.ADD:
                return Reason.ADVANCE_DIRECTIVES_MINOR
            if action in {Action.EDIT, Action.DELETE} and author.kind is not AuthorKind.PATIENT:
                return Reason.AUTHORED_BY_PROFESSIONAL_OR_INSURER
            return None


# -- the messagerie


def _conversation(
    actor: Holder | LegalRepresentative | Aidant | Professional | Heir | AssuranceMaladie,
    action: Action,
    target: ConversationTarget,
    context: Context,
) -> Decision:
    """Conversations are correspondence, not dossier content: authorisation to read the dossier is neither needed
    to write (as in the national service) nor enough to read someone else's conversation."""
    match actor:
        case Professional():
            return _professional_conversation(actor, action, target, context)
        case Holder() | LegalRepresentative() | Aidant():
            return _patient_side_conversation(actor, action, target, context)
        case Heir():
            return _deny(Reason.POST_MORTEM_LIMITED)  # conversations are none of the three purposes' business
        case AssuranceMaladie():
            return _deny(Reason.INSURER_FEED_ADD_ONLY)


_PATIENT_VIEW_ACTIONS = frozenset({Action.CLOSE, Action.ARCHIVE, Action.DELETE})


def _patient_side_conversation(
    actor: Holder | LegalRepresentative | Aidant, action: Action, target: ConversationTarget, context: Context
) -> Decision:
    if context.patient.deceased:
        return _deny(Reason.PATIENT_DECEASED)
    role = _patient_side_role(actor, Action.READ, context)  # who they are; what they may do is decided below
    if role not in _GRANTING:
        return _deny(role)
    if target.secret_from_legal_representatives and not isinstance(actor, Holder):
        return _deny(Reason.MINOR_SECRET)
    if isinstance(actor, Aidant) and actor.person_id not in context.consent.aidants_see_messages:
        return _deny(Reason.AIDANT_MESSAGES_NOT_ALLOWED)
    if action is Action.START:
        return _deny(Reason.ONLY_PROFESSIONAL_STARTS)
    if isinstance(actor, Aidant) and action is not Action.READ:
        return _deny(Reason.AIDANT_ACTION_NOT_DELEGATED)  # an aidant reads the conversations, never answers them
    if action is Action.ADD and target.closed:
        return _deny(Reason.CONVERSATION_CLOSED)
    own_view = isinstance(actor, Holder) and action in {Action.READ, Action.ARCHIVE, Action.DELETE}
    return Decision(allowed=True, reason=role, audit=not own_view)


def _professional_conversation(
    actor: Professional, action: Action, target: ConversationTarget, context: Context
) -> Decision:
    if action in _PATIENT_VIEW_ACTIONS:
        return _deny(Reason.ONLY_PATIENT_SIDE_MANAGES_CONVERSATION)
    if target.professional != actor.rpps:
        return _deny(Reason.NOT_CONVERSATION_PARTICIPANT)
    if action is Action.READ:
        return _allow(Reason.PROFESSIONAL_CORRESPONDENT)  # their own correspondence, even once blocked
    if context.patient.deceased:
        return _deny(Reason.PATIENT_DECEASED)
    if actor.rpps in context.consent.blocked:
        return _deny(Reason.PROFESSIONAL_BLOCKED)
    if action is Action.ADD and target.closed:
        return _deny(Reason.CONVERSATION_CLOSED)
    recipient = Recipient.HOLDER if target.secret_from_legal_representatives else Recipient.PATIENT
    return _allow(Reason.PROFESSIONAL_CORRESPONDENT, Notification(recipient, NotificationEvent.NEW_MESSAGE))


# -- professionals


def _professional(
    actor: Professional, action: Action, target: _DossierTarget, context: Context, matrix: HabilitationMatrix
) -> Decision:
    consent, now = context.consent, context.now
    occupational = actor.profession is Profession.MEDECIN_DU_TRAVAIL
    if occupational and actor.rpps not in consent.occupational_consent:
        return _deny(Reason.OCCUPATIONAL_PHYSICIAN_NO_CONSENT)
    if action is Action.ADD:
        return _professional_add(actor, target, context, matrix)
    if actor.rpps in consent.blocked:
        return _deny(Reason.PROFESSIONAL_BLOCKED)
    if action in SPACE_ACTIONS:
        return _deny(Reason.PROFESSIONAL_CANNOT_MANAGE_SPACE)
    if action in {Action.MASK, Action.UNMASK}:
        return _deny(Reason.ONLY_PATIENT_SIDE_MAY_MASK)
    authorised = occupational or consent.is_authorised(actor.rpps, now)
    if action in {Action.EDIT, Action.DELETE}:
        if not authorised:
            return _deny(Reason.PROFESSIONAL_NOT_AUTHORISED)
        own = (
            isinstance(target, DocumentTarget)
            and target.author.kind is AuthorKind.PROFESSIONAL
            and target.author.id == actor.rpps
        )
        return _allow(Reason.OWN_DOCUMENT) if own else _deny(Reason.ONLY_OWN_DOCUMENTS)
    if authorised:
        return _professional_read(actor, target, context, matrix, emergency=False)
    if actor.emergency is not None:
        return _emergency_read(actor, target, context, matrix)
    return _deny(Reason.PROFESSIONAL_NOT_AUTHORISED)


def _professional_add(
    actor: Professional, target: _DossierTarget, context: Context, matrix: HabilitationMatrix
) -> Decision:
    """A professional may *send* a document even when not authorised (or blocked): sending reveals nothing.

    Product decision for blocked professionals: professionals are required to feed the record, and blocking is
    about what they see. Besides documents, the professions allowed to vaccinate in France (the matrix's
    "vaccination" row, with its legal sources) record vaccinations in the carnet, as in the national carnet de
    vaccination; the patient is told. A professional also sends an appointment to the person's agenda (sending
    reveals nothing, as for a document; the patient is told and may move or cancel it) — except one the person
    blocked: an appointment is a contact, like a message, and a blocked professional may not write to them either.
    Every other entry of the profile stays the patient's.
    """
    if isinstance(target, EntryTarget) and target.kind is EntryKind.APPOINTMENT:
        if actor.rpps in context.consent.blocked:
            return _deny(Reason.PROFESSIONAL_BLOCKED)
        return _allow(
            Reason.PROFESSIONAL_APPOINTMENT_SENT,
            Notification(Recipient.PATIENT, NotificationEvent.APPOINTMENT_SENT_BY_PROFESSIONAL),
        )
    if isinstance(target, EntryTarget) and target.kind is EntryKind.VACCINATION:
        if not matrix.may_vaccinate(actor.profession):
            return _deny(Reason.PROFESSION_MAY_NOT_VACCINATE)
        return _allow(
            Reason.PROFESSIONAL_VACCINATION_RECORDED,
            Notification(Recipient.PATIENT, NotificationEvent.VACCINATION_RECORDED_BY_PROFESSIONAL),
        )
    if not isinstance(target, DocumentTarget):
        return _deny(Reason.PROFESSIONALS_ADD_DOCUMENTS_ONLY)
    if not matrix.allows(actor.profession, target.category):
        return _deny(Reason.MATRIX_DENIES_CATEGORY)
    if target.confidentiality.hidden_from_patient_until is not None:
        # Visible after the consultation d'annonce: telling the patient now would announce it before the doctor.
        return _allow(Reason.PROFESSIONAL_DOCUMENT_SENT)
    # A minor's secret care is announced to the minor only: never to the legal representatives who manage the space.
    told = Recipient.HOLDER if target.confidentiality.hidden_from_legal_representatives else Recipient.PATIENT
    return _allow(
        Reason.PROFESSIONAL_DOCUMENT_SENT, Notification(told, NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL)
    )


def _professional_read(
    actor: Professional, target: _DossierTarget, context: Context, matrix: HabilitationMatrix, *, emergency: bool
) -> Decision:
    consent = context.consent
    granted = Reason.EMERGENCY_ACCESS if emergency else Reason.PROFESSIONAL_AUTHORISED
    match target:
        case SectionTarget(section=Section.DOSSIER):
            if emergency:
                notify: tuple[Notification, ...] = (
                    Notification(Recipient.PATIENT, NotificationEvent.EMERGENCY_ACCESS),
                )
                if consent.medecin_traitant is not None and consent.medecin_traitant != actor.rpps:
                    notify += (Notification(Recipient.MEDECIN_TRAITANT, NotificationEvent.EMERGENCY_ACCESS),)
                return _allow(granted, *notify)
            return _allow(granted, Notification(Recipient.PATIENT, NotificationEvent.PROFESSIONAL_ACCESS))
        case SectionTarget(section=Section.CARE_HISTORY):
            return _allow(granted)
        case SectionTarget():
            return _deny(Reason.SECTION_NOT_FOR_PROFESSIONALS)
        case EntryTarget(kind=kind):
            if kind not in PROFESSIONAL_VISIBLE_ENTRY_KINDS:
                return _deny(Reason.SECTION_NOT_FOR_PROFESSIONALS)
            category = ENTRY_KIND_MATRIX_CATEGORY.get(kind)
            if category is not None and not matrix.allows(actor.profession, category):
                return _deny(Reason.MATRIX_DENIES_CATEGORY)
            return _allow(granted)
        case DocumentTarget(category=category, author=author, confidentiality=conf):
            if not matrix.allows(actor.profession, category):
                return _deny(Reason.MATRIX_DENIES_CATEGORY)
            masked = conf.masked_from_professionals or consent.mask_all_including_emergency
            if not masked:
                return _allow(granted)
            privileged = not emergency and (
                (author.kind is AuthorKind.PROFESSIONAL and author.id == actor.rpps)
                or actor.rpps == consent.medecin_traitant
                or actor.rpps in consent.administrateurs
            )
            if privileged:
                return _allow(Reason.PROFESSIONAL_PRIVILEGED_MASKED)
            if consent.mask_all_including_emergency:
                return _deny(Reason.ALL_DOCUMENTS_MASKED)
            if emergency and normalise_emergency_toggles(consent.emergency).masked_documents:
                return _allow(granted)
            return _deny(Reason.DOCUMENT_MASKED)


def _emergency_read(
    actor: Professional, target: _DossierTarget, context: Context, matrix: HabilitationMatrix
) -> Decision:
    claim = actor.emergency
    assert claim is not None
    toggles = normalise_emergency_toggles(context.consent.emergency)
    allowed_by_patient = (
        toggles.samu if actor.profession is Profession.MEDECIN_REGULATEUR_SAMU else toggles.other_professionals
    )
    if not allowed_by_patient:
        return _deny(Reason.EMERGENCY_NOT_ALLOWED_BY_PATIENT)
    if not claim.reason.strip():
        return _deny(Reason.EMERGENCY_REASON_REQUIRED)
    elapsed = context.now - claim.opened_at
    if elapsed.total_seconds() < 0 or elapsed.total_seconds() >= EMERGENCY_ACCESS_HOURS * 3600:
        return _deny(Reason.EMERGENCY_EXPIRED)
    return _professional_read(actor, target, context, matrix, emergency=True)


# -- after death, the insurer feed


def _heir(actor: Heir, action: Action, target: _DossierTarget, context: Context) -> Decision:
    """Heirs, cohabitant or PACS partner: read only, for one of three purposes, and only what that purpose needs
    (``HEIR_PURPOSE_CATEGORIES``; the care history for the cause of death and to assert rights)."""
    facts = context.patient
    if not facts.deceased:
        return _deny(Reason.PATIENT_NOT_DECEASED)
    if facts.opposed_post_mortem_access:
        return _deny(Reason.POST_MORTEM_OPPOSED)
    if actor.person_id not in context.consent.post_mortem_claimants:
        return _deny(Reason.NOT_A_RECOGNISED_CLAIMANT)
    if actor.purpose is None:
        return _deny(Reason.POST_MORTEM_PURPOSE_REQUIRED)
    if action is not Action.READ:
        return _deny(Reason.POST_MORTEM_LIMITED)
    match target:
        case DocumentTarget(confidentiality=conf) if not conf.hidden_from_legal_representatives:
            if target.category not in HEIR_PURPOSE_CATEGORIES[actor.purpose.value]:
                return _deny(Reason.POST_MORTEM_NOT_FOR_PURPOSE)
            return _allow(Reason.POST_MORTEM_PURPOSE)
        case SectionTarget(section=Section.DOSSIER):
            return _allow(Reason.POST_MORTEM_PURPOSE)
        case SectionTarget(section=Section.CARE_HISTORY):
            if actor.purpose.value not in HEIR_PURPOSES_WITH_CARE_HISTORY:
                return _deny(Reason.POST_MORTEM_NOT_FOR_PURPOSE)
            return _allow(Reason.POST_MORTEM_PURPOSE)
    return _deny(Reason.POST_MORTEM_LIMITED)


def _insurer_feed(action: Action, target: _DossierTarget) -> Decision:
    if action is Action.ADD and (isinstance(target, DocumentTarget) or target == SectionTarget(Section.CARE_HISTORY)):
        return _allow(Reason.INSURER_FEED)
    return _deny(Reason.INSURER_FEED_ADD_ONLY)
