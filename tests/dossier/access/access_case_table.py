"""The declarative table of access cases: actor × action × target × context → expected decision.

Hand-written cases name the rule they prove; generated grids cover the matrice d'habilitation and the rules
that hold "whatever the request" (never-parties, blocked professionals, expired aidants, death, opposition).
Expectations here are written out independently of the policy's own constants on purpose.

Who records a vaccination (`VACCINATING`, one cell per profession; the shipped matrix's "vaccination" row must say
the same, and its "decisions" give each cell's reason). Sources, France, as of 2026:
- médecins (généralistes, spécialistes, biologistes médicaux, du travail): every vaccine — Code de la santé
  publique (CSP) art. L4111-1; Code du travail art. R4426-6 for occupational physicians;
- sages-femmes: the vaccines of the arrêté du 8 août 2023, for everyone — CSP art. L4151-2, décret n° 2023-737
  du 8 août 2023 (they record it in the carnet de vaccination or the DMP);
- infirmiers: the calendrier's vaccines from 11 years of age — CSP art. R4311-5-1 as amended by décret
  n° 2023-736 du 8 août 2023, arrêté du 8 août 2023; other vaccines on prescription (R4311-7);
- pharmaciens (officine, PUI, biologistes): the calendrier's vaccines from 11 years of age — CSP art. L5125-1-1 A,
  décret n° 2023-736 du 8 août 2023;
- not: chirurgiens-dentistes, masseurs-kinésithérapeutes, pédicures-podologues, orthophonistes, orthoptistes,
  psychologues, manipulateurs radio (no vaccination competence in those texts); the SAMU regulating doctor is a
  product decision (regulates by phone, administers nothing).
The age limits (11 years for nurses and pharmacists) and the live-vaccine exception for the immunocompromised are
the professional's responsibility, not checked by the policy.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from access_messaging_table import documented_cases

from dossier.access import (
    Action,
    Actor,
    Aidant,
    AidantDelegation,
    AssuranceMaladie,
    Author,
    Authorisation,
    AuthorKind,
    Confidentiality,
    ConsentState,
    Context,
    DocumentCategory,
    DocumentTarget,
    EmergencyClaim,
    EmergencyToggles,
    Employer,
    EntryKind,
    EntryTarget,
    HabilitationMatrix,
    Heir,
    Holder,
    LegalRepresentative,
    Notification,
    NotificationEvent,
    OtherParty,
    PatientFacts,
    PersonId,
    PostMortemPurpose,
    PrivateInsurer,
    Profession,
    Professional,
    Reason,
    Recipient,
    Rpps,
    Section,
    SectionTarget,
    Target,
)

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)

# -- people
PATIENT = PersonId("patient-1")
PARENT_A, PARENT_B, STRANGER_PARENT = PersonId("parent-a"), PersonId("parent-b"), PersonId("parent-x")
AIDANT, AIDANT_EXPIRED, AIDANT_FUTURE, NOT_AIDANT = (
    PersonId("aidant-ok"),
    PersonId("aidant-expired"),
    PersonId("aidant-future"),
    PersonId("aidant-none"),
)
HEIR, NOT_HEIR = PersonId("heir-1"), PersonId("heir-unknown")

MT = Rpps("10000000001")  # médecin traitant
AUTHORISED = Rpps("10000000002")
ADMIN = Rpps("10000000003")
BLOCKED = Rpps("10000000004")
STRANGER = Rpps("10000000005")
EXPIRED_AUTH = Rpps("10000000006")
FUTURE_AUTH = Rpps("10000000007")
OCC_CONSENTED = Rpps("10000000008")
OCC_NOT_CONSENTED = Rpps("10000000009")
SAMU = Rpps("10000000010")
DENTIST = Rpps("10000000011")


def pro(rpps: Rpps, profession: Profession = Profession.MEDECIN_GENERALISTE) -> Professional:
    return Professional(rpps, profession)


def urgent(rpps: Rpps, profession: Profession = Profession.MEDECIN_GENERALISTE, **kw: object) -> Professional:
    claim = EmergencyClaim(reason=str(kw.get("reason", "Patient inconscient, AVC suspecté")), opened_at=NOW - DAY / 2)
    if "opened_at" in kw:
        claim = replace(claim, opened_at=kw["opened_at"])  # type: ignore[arg-type]
    return Professional(rpps, profession, emergency=claim)


# -- targets
PATIENT_AUTHOR = Author(AuthorKind.PATIENT, PATIENT)
OTHER_PRO_AUTHOR = Author(AuthorKind.PROFESSIONAL, "19999999999")
INSURER_AUTHOR = Author(AuthorKind.INSURER, "cnam")


def doc(
    category: DocumentCategory = DocumentCategory.COMPTE_RENDU,
    *,
    author: Author = OTHER_PRO_AUTHOR,
    masked: bool = False,
    secret: bool = False,
    hidden_until: date | None = None,
    added_at: datetime = NOW - DAY,
) -> DocumentTarget:
    return DocumentTarget(
        category=category,
        author=author,
        added_at=added_at,
        confidentiality=Confidentiality(
            masked_from_professionals=masked,
            hidden_from_legal_representatives=secret,
            hidden_from_patient_until=hidden_until,
        ),
    )


def entry(kind: EntryKind, *, author: Author = PATIENT_AUTHOR, secret: bool = False) -> EntryTarget:
    return EntryTarget(kind=kind, author=author, secret_from_legal_representatives=secret)


DOSSIER = SectionTarget(Section.DOSSIER)
CARE_HISTORY = SectionTarget(Section.CARE_HISTORY)
ACCESS_HISTORY = SectionTarget(Section.ACCESS_HISTORY)
SPACE = SectionTarget(Section.SPACE)

# -- contexts
BASE_CONSENT = ConsentState(
    authorisations=(
        Authorisation(AUTHORISED, NOW - 30 * DAY),
        Authorisation(ADMIN, NOW - 30 * DAY),
        Authorisation(DENTIST, NOW - 30 * DAY),
        Authorisation(EXPIRED_AUTH, NOW - 30 * DAY, until=NOW - DAY),
        Authorisation(FUTURE_AUTH, NOW + DAY),
        Authorisation(OCC_NOT_CONSENTED, NOW - 30 * DAY),  # an ordinary authorisation is not express consent
    ),
    blocked=frozenset({BLOCKED}),
    administrateurs=frozenset({ADMIN}),
    medecin_traitant=MT,
    occupational_consent=frozenset({OCC_CONSENTED}),
    legal_representatives=frozenset({PARENT_A, PARENT_B}),
    aidants=(
        AidantDelegation(AIDANT, NOW - 10 * DAY, NOW + 10 * DAY),
        AidantDelegation(AIDANT_EXPIRED, NOW - 30 * DAY, NOW - DAY),
        AidantDelegation(AIDANT_FUTURE, NOW + DAY, NOW + 30 * DAY),
    ),
    post_mortem_claimants=frozenset({HEIR}),
)


def ctx(
    *,
    minor: bool = False,
    deceased: bool = False,
    opposed: bool = False,
    now: datetime = NOW,
    **consent_changes: object,
) -> Context:
    return Context(
        now=now,
        consent=replace(BASE_CONSENT, **consent_changes),  # type: ignore[arg-type]
        patient=PatientFacts(is_minor=minor, deceased=deceased, opposed_post_mortem_access=opposed),
    )


ADULT = ctx()
MINOR = ctx(minor=True)
DECEASED = ctx(deceased=True)


# -- the table
@dataclass(frozen=True, slots=True)
class Case:
    rule: str
    actor: Actor
    action: Action
    target: Target
    context: Context
    allowed: bool
    reason: Reason
    notify: tuple[Notification, ...] | None = None
    """Checked when given."""
    audit: bool | None = None
    """Checked when given."""


def ok(rule: str, actor: Actor, action: Action, target: Target, context: Context, reason: Reason, **kw: object) -> Case:
    return Case(rule, actor, action, target, context, True, reason, **kw)  # type: ignore[arg-type]


def no(rule: str, actor: Actor, action: Action, target: Target, context: Context, reason: Reason) -> Case:
    return Case(rule, actor, action, target, context, False, reason)


A, R = Action, Reason
NOTIFY_ACCESS = (Notification(Recipient.PATIENT, NotificationEvent.PROFESSIONAL_ACCESS),)
NOTIFY_SENT = (Notification(Recipient.PATIENT, NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL),)
NOTIFY_VACCINATION = (Notification(Recipient.PATIENT, NotificationEvent.VACCINATION_RECORDED_BY_PROFESSIONAL),)
NOTIFY_APPOINTMENT = (Notification(Recipient.PATIENT, NotificationEvent.APPOINTMENT_SENT_BY_PROFESSIONAL),)
NOTIFY_EMERGENCY = (
    Notification(Recipient.PATIENT, NotificationEvent.EMERGENCY_ACCESS),
    Notification(Recipient.MEDECIN_TRAITANT, NotificationEvent.EMERGENCY_ACCESS),
)
NO_NOTIFY: tuple[Notification, ...] = ()

# fmt: off
HAND_WRITTEN: list[Case] = [
    # --- holder: owns the space ---
    ok("holder reads own profile, not audited", Holder(PATIENT), A.READ, entry(EntryKind.CONDITION), ADULT,
       R.HOLDER, audit=False, notify=NO_NOTIFY),
    ok("holder adds an entry, audited", Holder(PATIENT), A.ADD, entry(EntryKind.ALLERGY), ADULT, R.HOLDER,
       audit=True),
    ok("holder edits own entry", Holder(PATIENT), A.EDIT, entry(EntryKind.TREATMENT), ADULT, R.HOLDER),
    ok("holder adds a lab result, audited", Holder(PATIENT), A.ADD, entry(EntryKind.LAB_RESULT), ADULT, R.HOLDER,
       audit=True),
    ok("holder deletes own document", Holder(PATIENT), A.DELETE, doc(author=PATIENT_AUTHOR), ADULT, R.HOLDER),
    ok("holder reads access history", Holder(PATIENT), A.READ, ACCESS_HISTORY, ADULT, R.HOLDER),
    ok("holder reads care history", Holder(PATIENT), A.READ, CARE_HISTORY, ADULT, R.HOLDER),
    ok("holder manages access", Holder(PATIENT), A.MANAGE_ACCESS, SPACE, ADULT, R.HOLDER),
    ok("holder closes the space", Holder(PATIENT), A.CLOSE, SPACE, ADULT, R.HOLDER),
    ok("holder exports", Holder(PATIENT), A.EXPORT, SPACE, ADULT, R.HOLDER),
    ok("adult holder writes advance directives", Holder(PATIENT), A.ADD, entry(EntryKind.ADVANCE_DIRECTIVE),
       ADULT, R.HOLDER),
    ok("adult holder adds an advance-directives document", Holder(PATIENT), A.ADD,
       doc(DocumentCategory.DIRECTIVES_ANTICIPEES, author=PATIENT_AUTHOR), ADULT, R.HOLDER),
    # --- patients cannot edit/delete what a professional or the insurer added, only mask it ---
    no("patient cannot edit a professional's document", Holder(PATIENT), A.EDIT, doc(), ADULT,
       R.AUTHORED_BY_PROFESSIONAL_OR_INSURER),
    no("patient cannot delete a professional's document", Holder(PATIENT), A.DELETE, doc(), ADULT,
       R.AUTHORED_BY_PROFESSIONAL_OR_INSURER),
    no("patient cannot delete the insurer's document", Holder(PATIENT), A.DELETE, doc(author=INSURER_AUTHOR),
       ADULT, R.AUTHORED_BY_PROFESSIONAL_OR_INSURER),
    no("patient cannot edit a vaccination a professional recorded", Holder(PATIENT), A.EDIT,
       entry(EntryKind.VACCINATION, author=OTHER_PRO_AUTHOR), ADULT, R.AUTHORED_BY_PROFESSIONAL_OR_INSURER),
    ok("patient cancels an appointment a professional sent (their own agenda)", Holder(PATIENT), A.DELETE,
       entry(EntryKind.APPOINTMENT, author=OTHER_PRO_AUTHOR), ADULT, R.HOLDER),
    ok("patient moves an appointment a professional sent", Holder(PATIENT), A.EDIT,
       entry(EntryKind.APPOINTMENT, author=OTHER_PRO_AUTHOR), ADULT, R.HOLDER),
    ok("patient masks a professional's document", Holder(PATIENT), A.MASK, doc(), ADULT, R.HOLDER),
    ok("patient unmasks a professional's document", Holder(PATIENT), A.UNMASK, doc(masked=True), ADULT,
       R.HOLDER),
    ok("patient masks the insurer's document", Holder(PATIENT), A.MASK, doc(author=INSURER_AUTHOR), ADULT,
       R.HOLDER),
    no("care history is fed by the insurer", Holder(PATIENT), A.ADD, CARE_HISTORY, ADULT,
       R.CARE_HISTORY_FED_BY_INSURER),
    # --- actions that mean nothing on a target ---
    no("entries cannot be masked", Holder(PATIENT), A.MASK, entry(EntryKind.CONDITION), ADULT,
       R.ACTION_NOT_APPLICABLE),
    no("closing is for the space", Holder(PATIENT), A.CLOSE, doc(), ADULT, R.ACTION_NOT_APPLICABLE),
    no("access history is read-only", Holder(PATIENT), A.DELETE, ACCESS_HISTORY, ADULT,
       R.ACTION_NOT_APPLICABLE),
    no("care history cannot be edited", Holder(PATIENT), A.EDIT, CARE_HISTORY, ADULT,
       R.ACTION_NOT_APPLICABLE ),
    # --- invisible-to-patient results: visible automatically one month after they were added ---
    no("result hidden pending announcement", Holder(PATIENT), A.READ, doc(DocumentCategory.BIOLOGIE,
       hidden_until=NOW.date() + 5 * DAY), ADULT, R.HIDDEN_UNTIL),
    no("hidden result cannot be masked either", Holder(PATIENT), A.MASK, doc(DocumentCategory.BIOLOGIE,
       hidden_until=NOW.date() + 5 * DAY), ADULT, R.HIDDEN_UNTIL),
    ok("hidden result visible on the chosen day", Holder(PATIENT), A.READ, doc(DocumentCategory.BIOLOGIE,
       hidden_until=NOW.date()), ADULT, R.HOLDER),
    ok("hidden result visible one month after it was added, whatever date was set", Holder(PATIENT), A.READ,
       doc(DocumentCategory.BIOLOGIE, hidden_until=date(2027, 1, 1), added_at=datetime(2026, 2, 15, 9,
       tzinfo=UTC)), ADULT, R.HOLDER),
    no("hidden result still hidden the day before the month is up", Holder(PATIENT), A.READ,
       doc(DocumentCategory.BIOLOGIE, hidden_until=date(2027, 1, 1), added_at=datetime(2026, 2, 16, 9,
       tzinfo=UTC)), ADULT, R.HIDDEN_UNTIL),
    no("hidden result hidden from an aidant", Aidant(AIDANT), A.READ, doc(DocumentCategory.BIOLOGIE,
       hidden_until=NOW.date() + 5 * DAY), ADULT, R.HIDDEN_UNTIL),
    no("hidden result hidden from a parent", LegalRepresentative(PARENT_A), A.READ,
       doc(DocumentCategory.BIOLOGIE, hidden_until=NOW.date() + 5 * DAY), MINOR, R.HIDDEN_UNTIL),
    ok("hidden result visible to an authorised professional", pro(AUTHORISED), A.READ,
       doc(DocumentCategory.BIOLOGIE, hidden_until=NOW.date() + 5 * DAY), ADULT, R.PROFESSIONAL_AUTHORISED),
    # --- minors and legal representatives ---
    ok("parent reads the child's profile", LegalRepresentative(PARENT_A), A.READ, entry(EntryKind.ALLERGY),
       MINOR, R.LEGAL_REPRESENTATIVE, audit=True),
    ok("second parent manages access", LegalRepresentative(PARENT_B), A.MANAGE_ACCESS, SPACE, MINOR,
       R.LEGAL_REPRESENTATIVE),
    ok("parent exports the child's space", LegalRepresentative(PARENT_B), A.EXPORT, SPACE, MINOR,
       R.LEGAL_REPRESENTATIVE),
    no("someone else's parent", LegalRepresentative(STRANGER_PARENT), A.READ, entry(EntryKind.ALLERGY), MINOR,
       R.NOT_A_LEGAL_REPRESENTATIVE),
    no("minor secret entry invisible to parent", LegalRepresentative(PARENT_A), A.READ,
       entry(EntryKind.TREATMENT, secret=True), MINOR, R.MINOR_SECRET),
    no("minor secret entry cannot be deleted by parent", LegalRepresentative(PARENT_B), A.DELETE,
       entry(EntryKind.TREATMENT, secret=True), MINOR, R.MINOR_SECRET),
    no("minor secret document invisible to parent", LegalRepresentative(PARENT_A), A.READ,
       doc(DocumentCategory.ORDONNANCE, secret=True), MINOR, R.MINOR_SECRET),
    no("minor secret document cannot be unmasked by parent", LegalRepresentative(PARENT_A), A.UNMASK,
       doc(DocumentCategory.ORDONNANCE, secret=True, masked=True), MINOR, R.MINOR_SECRET),
    no("minor secret invisible to an aidant", Aidant(AIDANT), A.READ, entry(EntryKind.TREATMENT, secret=True),
       MINOR, R.MINOR_SECRET),
    ok("the minor sees their own secret entry", Holder(PATIENT), A.READ, entry(EntryKind.TREATMENT,
       secret=True), MINOR, R.HOLDER),
    ok("the minor sees their own secret document", Holder(PATIENT), A.READ, doc(DocumentCategory.ORDONNANCE,
       secret=True), MINOR, R.HOLDER),
    ok("professional sees a minor's secret care", pro(AUTHORISED), A.READ, doc(DocumentCategory.ORDONNANCE,
       secret=True), MINOR, R.PROFESSIONAL_AUTHORISED),
    no("no advance directives for a minor (parent)", LegalRepresentative(PARENT_A), A.ADD,
       entry(EntryKind.ADVANCE_DIRECTIVE), MINOR, R.ADVANCE_DIRECTIVES_MINOR),
    no("no advance directives for a minor (the minor)", Holder(PATIENT), A.ADD,
       entry(EntryKind.ADVANCE_DIRECTIVE), MINOR, R.ADVANCE_DIRECTIVES_MINOR),
    no("no advance-directives document for a minor", LegalRepresentative(PARENT_A), A.ADD,
       doc(DocumentCategory.DIRECTIVES_ANTICIPEES, author=PATIENT_AUTHOR), MINOR,
       R.ADVANCE_DIRECTIVES_MINOR),
    no("a minor's space is managed by the legal representatives", Holder(PATIENT), A.MANAGE_ACCESS, SPACE,
       MINOR, R.MINOR_MANAGED_BY_REPRESENTATIVES),
    no("a minor cannot close their space", Holder(PATIENT), A.CLOSE, SPACE, MINOR,
       R.MINOR_MANAGED_BY_REPRESENTATIVES),
    # --- proches aidants ---
    ok("aidant reads", Aidant(AIDANT), A.READ, entry(EntryKind.MEASUREMENT), ADULT, R.AIDANT_DELEGATION,
       audit=True),
    ok("aidant adds a document", Aidant(AIDANT), A.ADD, doc(author=PATIENT_AUTHOR), ADULT,
       R.AIDANT_DELEGATION),
    ok("aidant edits an entry", Aidant(AIDANT), A.EDIT, entry(EntryKind.TREATMENT), ADULT,
       R.AIDANT_DELEGATION),
    ok("aidant reads the care history", Aidant(AIDANT), A.READ, CARE_HISTORY, ADULT, R.AIDANT_DELEGATION),
    no("aidant never manages access", Aidant(AIDANT), A.MANAGE_ACCESS, SPACE, ADULT,
       R.AIDANT_CANNOT_MANAGE_ACCESS),
    no("aidant never closes the space", Aidant(AIDANT), A.CLOSE, SPACE, ADULT, R.AIDANT_ACTION_NOT_DELEGATED),
    no("aidant never exports", Aidant(AIDANT), A.EXPORT, SPACE, ADULT, R.AIDANT_ACTION_NOT_DELEGATED),
    no("aidant does not delete", Aidant(AIDANT), A.DELETE, entry(EntryKind.TREATMENT), ADULT,
       R.AIDANT_ACTION_NOT_DELEGATED),
    no("aidant does not mask", Aidant(AIDANT), A.MASK, doc(), ADULT, R.AIDANT_ACTION_NOT_DELEGATED),
    no("aidant cannot edit a professional's document", Aidant(AIDANT), A.EDIT, doc(), ADULT,
       R.AUTHORED_BY_PROFESSIONAL_OR_INSURER),
    no("aidant after the end date", Aidant(AIDANT_EXPIRED), A.READ, entry(EntryKind.MEASUREMENT), ADULT,
       R.AIDANT_EXPIRED),
    no("aidant exactly at the end date", Aidant(AIDANT), A.READ, DOSSIER, ctx(now=NOW + 10 * DAY),
       R.AIDANT_EXPIRED),
    no("aidant before the start date", Aidant(AIDANT_FUTURE), A.READ, entry(EntryKind.MEASUREMENT), ADULT,
       R.AIDANT_NOT_STARTED),
    ok("aidant exactly at the start date", Aidant(AIDANT_FUTURE), A.READ, DOSSIER, ctx(now=NOW + DAY),
       R.AIDANT_DELEGATION),
    no("no delegation", Aidant(NOT_AIDANT), A.READ, entry(EntryKind.MEASUREMENT), ADULT, R.NOT_AN_AIDANT),
    # --- professionals: consent ---
    ok("authorised professional opens the dossier, patient notified", pro(AUTHORISED), A.READ, DOSSIER, ADULT,
       R.PROFESSIONAL_AUTHORISED, notify=NOTIFY_ACCESS, audit=True),
    ok("authorised professional reads a document, audited not notified", pro(AUTHORISED), A.READ, doc(),
       ADULT, R.PROFESSIONAL_AUTHORISED, notify=NO_NOTIFY, audit=True),
    ok("médecin traitant counts as authorised", pro(MT), A.READ, DOSSIER, ADULT, R.PROFESSIONAL_AUTHORISED),
    no("stranger professional", pro(STRANGER), A.READ, DOSSIER, ADULT, R.PROFESSIONAL_NOT_AUTHORISED),
    no("stranger professional reads a document", pro(STRANGER), A.READ, doc(), ADULT,
       R.PROFESSIONAL_NOT_AUTHORISED),
    no("authorisation ended", pro(EXPIRED_AUTH), A.READ, doc(), ADULT, R.PROFESSIONAL_NOT_AUTHORISED),
    no("authorisation not yet started", pro(FUTURE_AUTH), A.READ, doc(), ADULT,
       R.PROFESSIONAL_NOT_AUTHORISED ),
    no("unblocked professional is not authorised again", pro(BLOCKED), A.READ, doc(),
       ctx(blocked=frozenset()), R.PROFESSIONAL_NOT_AUTHORISED),
    no("blocked professional sees nothing", pro(BLOCKED), A.READ, DOSSIER, ADULT, R.PROFESSIONAL_BLOCKED),
    no("blocked professional, even with an authorisation row", pro(BLOCKED), A.READ, doc(),
       ctx(authorisations=(Authorisation(BLOCKED, NOW - DAY),)), R.PROFESSIONAL_BLOCKED),
    no("blocked médecin traitant sees nothing", pro(MT), A.READ, doc(), ctx(blocked=frozenset({MT})),
       R.PROFESSIONAL_BLOCKED),
    no("blocked administrateur sees nothing, not even masked", pro(ADMIN), A.READ, doc(masked=True),
       ctx(blocked=frozenset({ADMIN})), R.PROFESSIONAL_BLOCKED),
    no("blocked professional's emergency claim is refused", urgent(BLOCKED), A.READ, DOSSIER, ADULT,
       R.PROFESSIONAL_BLOCKED),
    no("blocked professional cannot edit even their own document", pro(BLOCKED), A.EDIT,
       doc(author=Author(AuthorKind.PROFESSIONAL, BLOCKED)), ADULT, R.PROFESSIONAL_BLOCKED),
    # --- professionals: sections ---
    ok("professional reads the care history", pro(AUTHORISED), A.READ, CARE_HISTORY, ADULT,
       R.PROFESSIONAL_AUTHORISED),
    no("professional does not read the access history", pro(AUTHORISED), A.READ, ACCESS_HISTORY, ADULT,
       R.SECTION_NOT_FOR_PROFESSIONALS),
    no("dentist does not read advance-directive entries", pro(DENTIST, Profession.CHIRURGIEN_DENTISTE),
       A.READ, entry(EntryKind.ADVANCE_DIRECTIVE), ADULT, R.MATRIX_DENIES_CATEGORY),
    no("dentist does not read advance-directive documents", pro(DENTIST, Profession.CHIRURGIEN_DENTISTE),
       A.READ, doc(DocumentCategory.DIRECTIVES_ANTICIPEES), ADULT, R.MATRIX_DENIES_CATEGORY),
    ok("dentist reads imaging", pro(DENTIST, Profession.CHIRURGIEN_DENTISTE), A.READ,
       doc(DocumentCategory.IMAGERIE), ADULT, R.PROFESSIONAL_AUTHORISED),
    # lab results the patient typed stay with the patient, like conditions; the lab's report is a document
    no("biologist does not read lab result entries", pro(AUTHORISED, Profession.BIOLOGISTE), A.READ,
       entry(EntryKind.LAB_RESULT), ADULT, R.SECTION_NOT_FOR_PROFESSIONALS),
    no("médecin traitant does not read lab result entries", pro(MT), A.READ, entry(EntryKind.LAB_RESULT), ADULT,
       R.SECTION_NOT_FOR_PROFESSIONALS),
    ok("biologist reads the lab's report", pro(AUTHORISED, Profession.BIOLOGISTE), A.READ,
       doc(DocumentCategory.BIOLOGIE), ADULT, R.PROFESSIONAL_AUTHORISED),
    # --- professionals: masked documents ---
    no("masked document hidden from an authorised professional", pro(AUTHORISED), A.READ, doc(masked=True),
       ADULT, R.DOCUMENT_MASKED),
    ok("masked document visible to its author", pro(AUTHORISED), A.READ, doc(masked=True,
       author=Author(AuthorKind.PROFESSIONAL, AUTHORISED)), ADULT, R.PROFESSIONAL_PRIVILEGED_MASKED),
    ok("masked document visible to the médecin traitant", pro(MT), A.READ, doc(masked=True), ADULT,
       R.PROFESSIONAL_PRIVILEGED_MASKED),
    ok("masked document visible to an administrateur", pro(ADMIN), A.READ, doc(masked=True), ADULT,
       R.PROFESSIONAL_PRIVILEGED_MASKED),
    no("masked author still needs authorisation", pro(STRANGER), A.READ, doc(masked=True,
       author=Author(AuthorKind.PROFESSIONAL, STRANGER)), ADULT, R.PROFESSIONAL_NOT_AUTHORISED),
    no("masked document: the matrix still applies to an administrateur", pro(ADMIN,
       Profession.CHIRURGIEN_DENTISTE), A.READ, doc(DocumentCategory.DIRECTIVES_ANTICIPEES, masked=True),
       ADULT, R.MATRIX_DENIES_CATEGORY),
    no("tout masquer hides unmasked documents from professionals", pro(AUTHORISED), A.READ, doc(),
       ctx(mask_all_including_emergency=True), R.ALL_DOCUMENTS_MASKED),
    ok("tout masquer keeps the médecin traitant's view", pro(MT), A.READ, doc(),
       ctx(mask_all_including_emergency=True), R.PROFESSIONAL_PRIVILEGED_MASKED),
    ok("tout masquer does not hide vaccinations", pro(AUTHORISED), A.READ, entry(EntryKind.VACCINATION),
       ctx(mask_all_including_emergency=True), R.PROFESSIONAL_AUTHORISED),
    # --- professionals: writing ---
    ok("unauthorised professional may still send a document", pro(STRANGER), A.ADD, doc(), ADULT,
       R.PROFESSIONAL_DOCUMENT_SENT, notify=NOTIFY_SENT, audit=True),
    ok("authorised professional adds a document, patient notified", pro(AUTHORISED), A.ADD, doc(), ADULT,
       R.PROFESSIONAL_DOCUMENT_SENT, notify=NOTIFY_SENT),
    ok("blocked professional may still send (product decision)", pro(BLOCKED), A.ADD, doc(), ADULT,
       R.PROFESSIONAL_DOCUMENT_SENT),
    ok("a result for the consultation d'annonce is not announced to the patient", pro(AUTHORISED), A.ADD,
       doc(hidden_until=NOW.date() + 10 * DAY), ADULT, R.PROFESSIONAL_DOCUMENT_SENT, notify=()),
    no("dentist cannot file advance directives", pro(STRANGER, Profession.CHIRURGIEN_DENTISTE), A.ADD,
       doc(DocumentCategory.DIRECTIVES_ANTICIPEES), ADULT, R.MATRIX_DENIES_CATEGORY),
    no("professionals add documents, not profile entries", pro(AUTHORISED), A.ADD, entry(EntryKind.CONDITION),
       ADULT, R.PROFESSIONALS_ADD_DOCUMENTS_ONLY),
    ok("a nurse records a vaccination, patient notified", pro(AUTHORISED, Profession.INFIRMIER), A.ADD,
       entry(EntryKind.VACCINATION, author=Author(AuthorKind.PROFESSIONAL, AUTHORISED)), ADULT,
       R.PROFESSIONAL_VACCINATION_RECORDED, notify=NOTIFY_VACCINATION),
    ok("a professional sends an appointment to the patient's agenda, patient notified", pro(AUTHORISED), A.ADD,
       entry(EntryKind.APPOINTMENT, author=Author(AuthorKind.PROFESSIONAL, AUTHORISED)), ADULT,
       R.PROFESSIONAL_APPOINTMENT_SENT, notify=NOTIFY_APPOINTMENT),
    ok("an unauthorised professional may still send an appointment (sending is not seeing)", pro(STRANGER), A.ADD,
       entry(EntryKind.APPOINTMENT), ADULT, R.PROFESSIONAL_APPOINTMENT_SENT, notify=NOTIFY_APPOINTMENT),
    no("a blocked professional may not send an appointment (a contact, as a message is)", pro(BLOCKED), A.ADD,
       entry(EntryKind.APPOINTMENT), ADULT, R.PROFESSIONAL_BLOCKED),
    no("a professional cannot edit an appointment in the patient's agenda", pro(MT), A.EDIT,
       entry(EntryKind.APPOINTMENT), ADULT, R.ONLY_OWN_DOCUMENTS),
    no("a physiotherapist may not record a vaccination", pro(AUTHORISED, Profession.MASSEUR_KINESITHERAPEUTE),
       A.ADD, entry(EntryKind.VACCINATION, author=Author(AuthorKind.PROFESSIONAL, AUTHORISED)), ADULT,
       R.PROFESSION_MAY_NOT_VACCINATE),
    no("professionals do not feed the care history", pro(AUTHORISED), A.ADD, CARE_HISTORY, ADULT,
       R.PROFESSIONALS_ADD_DOCUMENTS_ONLY),
    ok("professional edits own document", pro(AUTHORISED), A.EDIT, doc(author=Author(AuthorKind.PROFESSIONAL,
       AUTHORISED)), ADULT, R.OWN_DOCUMENT),
    ok("professional deletes own document", pro(AUTHORISED), A.DELETE,
       doc(author=Author(AuthorKind.PROFESSIONAL, AUTHORISED)), ADULT, R.OWN_DOCUMENT),
    no("professional cannot edit a colleague's document", pro(AUTHORISED), A.EDIT, doc(), ADULT,
       R.ONLY_OWN_DOCUMENTS),
    no("professional cannot delete the patient's document", pro(MT), A.DELETE, doc(author=PATIENT_AUTHOR),
       ADULT, R.ONLY_OWN_DOCUMENTS),
    no("professional cannot edit a patient entry", pro(MT), A.EDIT, entry(EntryKind.VACCINATION), ADULT,
       R.ONLY_OWN_DOCUMENTS),
    no("unauthorised author cannot edit their document", pro(STRANGER), A.EDIT,
       doc(author=Author(AuthorKind.PROFESSIONAL, STRANGER)), ADULT, R.PROFESSIONAL_NOT_AUTHORISED),
    no("professional cannot mask", pro(MT), A.MASK, doc(), ADULT, R.ONLY_PATIENT_SIDE_MAY_MASK),
    no("professional cannot unmask", pro(ADMIN), A.UNMASK, doc(masked=True), ADULT,
       R.ONLY_PATIENT_SIDE_MAY_MASK),
    no("professional cannot manage access", pro(ADMIN), A.MANAGE_ACCESS, SPACE, ADULT,
       R.PROFESSIONAL_CANNOT_MANAGE_SPACE),
    no("professional cannot export", pro(MT), A.EXPORT, SPACE, ADULT, R.PROFESSIONAL_CANNOT_MANAGE_SPACE),
    # --- occupational physician: only with express consent ---
    no("occupational physician without consent", pro(STRANGER, Profession.MEDECIN_DU_TRAVAIL), A.READ,
       DOSSIER, ADULT, R.OCCUPATIONAL_PHYSICIAN_NO_CONSENT),
    no("occupational physician: an ordinary authorisation is not express consent", pro(OCC_NOT_CONSENTED,
       Profession.MEDECIN_DU_TRAVAIL), A.READ, doc(), ADULT, R.OCCUPATIONAL_PHYSICIAN_NO_CONSENT),
    no("occupational physician cannot use emergency access", urgent(OCC_NOT_CONSENTED,
       Profession.MEDECIN_DU_TRAVAIL), A.READ, DOSSIER, ADULT, R.OCCUPATIONAL_PHYSICIAN_NO_CONSENT),
    no("occupational physician without consent cannot send", pro(STRANGER, Profession.MEDECIN_DU_TRAVAIL),
       A.ADD, doc(), ADULT, R.OCCUPATIONAL_PHYSICIAN_NO_CONSENT),
    ok("occupational physician with express consent", pro(OCC_CONSENTED, Profession.MEDECIN_DU_TRAVAIL),
       A.READ, doc(DocumentCategory.CERTIFICAT), ADULT, R.PROFESSIONAL_AUTHORISED),
    no("occupational physician with consent, blocked", pro(OCC_CONSENTED, Profession.MEDECIN_DU_TRAVAIL),
       A.READ, doc(), ctx(blocked=frozenset({OCC_CONSENTED})), R.PROFESSIONAL_BLOCKED),
    no("consented occupational physician: matrix still applies", pro(OCC_CONSENTED,
       Profession.MEDECIN_DU_TRAVAIL), A.READ, doc(DocumentCategory.ADMINISTRATIF), ADULT,
       R.MATRIX_DENIES_CATEGORY),
    # --- emergency access (bris de glace) ---
    ok("emergency opening notifies the patient and the médecin traitant", urgent(STRANGER), A.READ, DOSSIER,
       ADULT, R.EMERGENCY_ACCESS, notify=NOTIFY_EMERGENCY, audit=True),
    ok("emergency with no médecin traitant notifies the patient only", urgent(STRANGER), A.READ, DOSSIER,
       ctx(medecin_traitant=None), R.EMERGENCY_ACCESS, notify=(Notification(Recipient.PATIENT,
       NotificationEvent.EMERGENCY_ACCESS),)),
    ok("SAMU emergency", urgent(SAMU, Profession.MEDECIN_REGULATEUR_SAMU), A.READ, doc(), ADULT,
       R.EMERGENCY_ACCESS, audit=True),
    no("patient refused SAMU emergency access", urgent(SAMU, Profession.MEDECIN_REGULATEUR_SAMU), A.READ,
       doc(), ctx(emergency=EmergencyToggles(samu=False)), R.EMERGENCY_NOT_ALLOWED_BY_PATIENT),
    ok("SAMU allowed while others are refused", urgent(SAMU, Profession.MEDECIN_REGULATEUR_SAMU), A.READ,
       doc(), ctx(emergency=EmergencyToggles(other_professionals=False)), R.EMERGENCY_ACCESS),
    no("patient refused other professionals' emergency access", urgent(STRANGER), A.READ, doc(),
       ctx(emergency=EmergencyToggles(other_professionals=False)), R.EMERGENCY_NOT_ALLOWED_BY_PATIENT),
    ok("others allowed while SAMU refused", urgent(STRANGER), A.READ, doc(),
       ctx(emergency=EmergencyToggles(samu=False)), R.EMERGENCY_ACCESS),
    no("emergency needs a reason", urgent(STRANGER, reason="   "), A.READ, doc(), ADULT,
       R.EMERGENCY_REASON_REQUIRED),
    no("emergency window over after 24 h", urgent(STRANGER, opened_at=NOW - DAY), A.READ, doc(), ADULT,
       R.EMERGENCY_EXPIRED),
    ok("emergency window still open just before 24 h", urgent(STRANGER,
       opened_at=NOW - DAY + timedelta(minutes=1)), A.READ, doc(), ADULT, R.EMERGENCY_ACCESS),
    no("emergency opened in the future is refused", urgent(STRANGER, opened_at=NOW + DAY), A.READ, doc(),
       ADULT, R.EMERGENCY_EXPIRED),
    no("emergency does not include masked documents by default", urgent(STRANGER), A.READ, doc(masked=True),
       ADULT, R.DOCUMENT_MASKED),
    ok("emergency includes masked documents when the patient allows it", urgent(STRANGER), A.READ,
       doc(masked=True), ctx(emergency=EmergencyToggles(masked_documents=True)), R.EMERGENCY_ACCESS),
    no("tout masquer, y compris en cas d'urgence", urgent(STRANGER), A.READ, doc(),
       ctx(mask_all_including_emergency=True, emergency=EmergencyToggles(masked_documents=True)),
       R.ALL_DOCUMENTS_MASKED),
    no("emergency author does not get the masked privilege", urgent(STRANGER), A.READ, doc(masked=True,
       author=Author(AuthorKind.PROFESSIONAL, STRANGER)), ADULT, R.DOCUMENT_MASKED),
    no("emergency: matrix still applies", urgent(STRANGER, Profession.CHIRURGIEN_DENTISTE), A.READ,
       doc(DocumentCategory.DIRECTIVES_ANTICIPEES), ADULT, R.MATRIX_DENIES_CATEGORY),
    no("emergency: not the rest of the profile", urgent(STRANGER), A.READ, entry(EntryKind.CONDITION), ADULT,
       R.SECTION_NOT_FOR_PROFESSIONALS),
    ok("emergency: advance directives", urgent(STRANGER), A.READ, entry(EntryKind.ADVANCE_DIRECTIVE), ADULT,
       R.EMERGENCY_ACCESS),
    no("emergency is read-only", urgent(STRANGER), A.EDIT, entry(EntryKind.VACCINATION), ADULT,
       R.PROFESSIONAL_NOT_AUTHORISED),
    ok("authorised professional with a claim uses the ordinary path", urgent(AUTHORISED), A.READ, DOSSIER,
       ADULT, R.PROFESSIONAL_AUTHORISED, notify=NOTIFY_ACCESS),
    # --- after death ---
    ok("heir reads a document for the cause of death", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ,
       doc(), DECEASED, R.POST_MORTEM_PURPOSE, audit=True),
    ok("heir reads the care history to assert their rights", Heir(HEIR, PostMortemPurpose.ASSERT_RIGHTS),
       A.READ, CARE_HISTORY, DECEASED, R.POST_MORTEM_PURPOSE),
    ok("heir opens the dossier to defend the memory", Heir(HEIR, PostMortemPurpose.DEFEND_MEMORY), A.READ,
       DOSSIER, DECEASED, R.POST_MORTEM_PURPOSE),
    no("heir: not the patient-typed profile", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ,
       entry(EntryKind.LIFESTYLE), DECEASED, R.POST_MORTEM_LIMITED),
    no("heir: not the access history", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ, ACCESS_HISTORY,
       DECEASED, R.POST_MORTEM_LIMITED),
    no("heir: not a minor's secret", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ, doc(secret=True),
       DECEASED, R.POST_MORTEM_LIMITED),
    no("heir reads only", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.ADD, doc(author=PATIENT_AUTHOR),
       DECEASED, R.POST_MORTEM_LIMITED),
    no("heir cannot export", Heir(HEIR, PostMortemPurpose.ASSERT_RIGHTS), A.EXPORT, SPACE, DECEASED,
       R.POST_MORTEM_LIMITED),
    no("heir must state a purpose", Heir(HEIR, None), A.READ, doc(), DECEASED,
       R.POST_MORTEM_PURPOSE_REQUIRED ),
    no("heir of a living patient", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ, doc(), ADULT,
       R.PATIENT_NOT_DECEASED),
    no("the person opposed post-mortem access", Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ, doc(),
       ctx(deceased=True, opposed=True), R.POST_MORTEM_OPPOSED),
    no("not a recognised heir", Heir(NOT_HEIR, PostMortemPurpose.CAUSE_OF_DEATH), A.READ, doc(), DECEASED,
       R.NOT_A_RECOGNISED_CLAIMANT),
    no("aidant after death", Aidant(AIDANT), A.READ, doc(), DECEASED, R.PATIENT_DECEASED),
    # --- insurers, employers, others ---
    no("complementary insurer never", PrivateInsurer("mutuelle"), A.READ, doc(), ADULT, R.INSURER_NEVER),
    no("loan insurer never, even for the dossier", PrivateInsurer("assurance emprunteur"), A.READ, DOSSIER,
       ADULT, R.INSURER_NEVER),
    no("employer never", Employer("ACME"), A.READ, doc(DocumentCategory.CERTIFICAT), ADULT, R.EMPLOYER_NEVER),
    no("anyone else", OtherParty(PersonId("someone")), A.READ, DOSSIER, ADULT, R.NO_RELATIONSHIP),
    ok("Assurance Maladie feeds the care history", AssuranceMaladie(), A.ADD, CARE_HISTORY, ADULT,
       R.INSURER_FEED),
    ok("Assurance Maladie adds a document", AssuranceMaladie(), A.ADD, doc(DocumentCategory.ADMINISTRATIF,
       author=INSURER_AUTHOR), ADULT, R.INSURER_FEED),
    no("Assurance Maladie does not read", AssuranceMaladie(), A.READ, doc(), ADULT, R.INSURER_FEED_ADD_ONLY),
    no("Assurance Maladie does not add profile entries", AssuranceMaladie(), A.ADD,
       entry(EntryKind.CONDITION), ADULT, R.INSURER_FEED_ADD_ONLY),
]
# fmt: on


# -- generated grids
SAMPLE_TARGETS: tuple[Target, ...] = (
    DOSSIER,
    CARE_HISTORY,
    ACCESS_HISTORY,
    SPACE,
    entry(EntryKind.CONDITION),
    entry(EntryKind.VACCINATION),
    doc(),
    doc(DocumentCategory.BIOLOGIE, masked=True),
)

# Which actions mean something on which target (written out here, independently of the policy).
APPLICABLE: dict[Target, frozenset[Action]] = {
    DOSSIER: frozenset({A.READ}),
    CARE_HISTORY: frozenset({A.READ, A.ADD}),
    ACCESS_HISTORY: frozenset({A.READ}),
    SPACE: frozenset({A.MANAGE_ACCESS, A.CLOSE, A.EXPORT}),
}


def applicable(action: Action, target: Target) -> bool:
    if isinstance(target, SectionTarget):
        return action in APPLICABLE[target]
    if isinstance(target, EntryTarget):
        return action in {A.READ, A.ADD, A.EDIT, A.DELETE}
    return action in {A.READ, A.ADD, A.EDIT, A.DELETE, A.MASK, A.UNMASK}


def every_request() -> list[tuple[Action, Target]]:
    return [(action, target) for target in SAMPLE_TARGETS for action in Action]


def never_grid() -> list[Case]:
    """Insurers, employers and strangers get nothing, whatever the request, even with every consent given."""
    generous = ctx(emergency=EmergencyToggles(masked_documents=True))
    cases = []
    for actor, reason in (
        (PrivateInsurer("mutuelle"), R.INSURER_NEVER),
        (Employer("ACME"), R.EMPLOYER_NEVER),
        (OtherParty(None), R.NO_RELATIONSHIP),
    ):
        for action, target in every_request():
            cases.append(no(f"never: {type(actor).__name__}", actor, action, target, generous, reason))
    return cases


def denied_everywhere_grid(rule: str, actor: Actor, context: Context, reason: Reason) -> list[Case]:
    """One denial reason for every applicable request (inapplicable ones are refused as such)."""
    return [
        no(
            rule,
            actor,
            action,
            target,
            context,
            reason if applicable(action, target) else R.ACTION_NOT_APPLICABLE,
        )
        for action, target in every_request()
    ]


def blocked_grid() -> list[Case]:
    """A blocked professional (even médecin traitant, administrateur, in an emergency) sees nothing."""
    cases = []
    context = ctx(blocked=frozenset({BLOCKED, MT, ADMIN}), emergency=EmergencyToggles(masked_documents=True))
    for actor in (pro(BLOCKED), pro(MT), pro(ADMIN), urgent(BLOCKED)):
        for action, target in every_request():
            if not applicable(action, target):
                expected = R.ACTION_NOT_APPLICABLE
            elif action is A.ADD:  # sending is not seeing (product decision): documents and vaccinations
                if isinstance(target, DocumentTarget):
                    expected = R.PROFESSIONAL_DOCUMENT_SENT
                elif target == entry(EntryKind.VACCINATION):
                    expected = R.PROFESSIONAL_VACCINATION_RECORDED
                else:
                    expected = R.PROFESSIONALS_ADD_DOCUMENTS_ONLY
            else:
                expected = R.PROFESSIONAL_BLOCKED
            cases.append(
                Case(
                    "blocked sees nothing",
                    actor,
                    action,
                    target,
                    context,
                    expected in (R.PROFESSIONAL_DOCUMENT_SENT, R.PROFESSIONAL_VACCINATION_RECORDED),
                    expected,
                )
            )
    return cases


PROFESSIONAL_VISIBLE_KINDS = {
    EntryKind.VACCINATION,
    EntryKind.ADVANCE_DIRECTIVE,
    EntryKind.EMERGENCY_CONTACT,
    EntryKind.TRUSTED_PERSON,
    EntryKind.CAREGIVER,
    EntryKind.ORGAN_DONATION,
}


def entry_kind_grid() -> list[Case]:
    """Professionals see vaccinations, directives anticipées, entourage et volontés; not the rest."""
    cases = []
    for kind in EntryKind:
        for actor in (pro(AUTHORISED), urgent(STRANGER)):
            granted = R.EMERGENCY_ACCESS if actor.emergency else R.PROFESSIONAL_AUTHORISED
            if kind in PROFESSIONAL_VISIBLE_KINDS:
                cases.append(ok(f"professional sees {kind}", actor, A.READ, entry(kind), ADULT, granted))
            else:
                cases.append(
                    no(
                        f"professional does not see {kind}",
                        actor,
                        A.READ,
                        entry(kind),
                        ADULT,
                        R.SECTION_NOT_FOR_PROFESSIONALS,
                    )
                )
        cases.append(ok(f"holder sees {kind}", Holder(PATIENT), A.READ, entry(kind), ADULT, R.HOLDER))
    return cases


def matrix_grid(matrix: HabilitationMatrix) -> list[Case]:
    """Every profession × category cell of the shipped matrix: reading (authorised, emergency) and sending."""
    cases = []
    for index, profession in enumerate(Profession):
        rpps, sender = Rpps(f"2{index:010d}"), Rpps(f"3{index:010d}")
        context = ctx(
            authorisations=(Authorisation(rpps, NOW - DAY),),
            occupational_consent=frozenset({rpps, sender}),  # the occupational physician needs express consent
        )
        for category in DocumentCategory:
            cell = matrix.allows(profession, category)
            denied = R.MATRIX_DENIES_CATEGORY
            rule = f"matrix {profession} × {category}"
            cases.append(
                Case(
                    rule,
                    pro(rpps, profession),
                    A.READ,
                    doc(category),
                    context,
                    cell,
                    R.PROFESSIONAL_AUTHORISED if cell else denied,
                )
            )
            cases.append(
                Case(
                    rule + " (send)",
                    pro(sender, profession),
                    A.ADD,
                    doc(category),
                    context,
                    cell,
                    R.PROFESSIONAL_DOCUMENT_SENT if cell else denied,
                )
            )
            if profession is not Profession.MEDECIN_DU_TRAVAIL:
                cases.append(
                    Case(
                        rule + " (emergency)",
                        urgent(Rpps(f"4{index:010d}"), profession),
                        A.READ,
                        doc(category),
                        context,
                        cell,
                        R.EMERGENCY_ACCESS if cell else denied,
                    )
                )
    return cases


VACCINATING: dict[Profession, bool] = {
    Profession.MEDECIN_GENERALISTE: True,
    Profession.MEDECIN_SPECIALISTE: True,
    Profession.CHIRURGIEN_DENTISTE: False,
    Profession.SAGE_FEMME: True,
    Profession.PHARMACIEN: True,
    Profession.INFIRMIER: True,
    Profession.MASSEUR_KINESITHERAPEUTE: False,
    Profession.PEDICURE_PODOLOGUE: False,
    Profession.ORTHOPHONISTE: False,
    Profession.ORTHOPTISTE: False,
    Profession.PSYCHOLOGUE: False,
    Profession.BIOLOGISTE: True,
    Profession.MANIPULATEUR_RADIO: False,
    Profession.MEDECIN_DU_TRAVAIL: True,
    Profession.MEDECIN_REGULATEUR_SAMU: False,
}
"""Who records vaccinations, cell by cell (sources in the module docstring)."""


def vaccination_grid() -> list[Case]:
    """Every profession records a vaccination (patient notified) or is refused, authorised or not, even blocked;
    no profession records any other entry of the profile."""
    cases = []
    for index, (profession, allowed) in enumerate(VACCINATING.items()):
        for rpps in (Rpps(f"5{index:010d}"), AUTHORISED, BLOCKED):
            context = ctx(occupational_consent=frozenset({rpps}))
            own = entry(EntryKind.VACCINATION, author=Author(AuthorKind.PROFESSIONAL, rpps))
            rule = f"vaccination by {profession} ({rpps})"
            if allowed:
                cases.append(
                    ok(
                        rule,
                        pro(rpps, profession),
                        A.ADD,
                        own,
                        context,
                        R.PROFESSIONAL_VACCINATION_RECORDED,
                        notify=NOTIFY_VACCINATION,
                    )
                )
            else:
                cases.append(no(rule, pro(rpps, profession), A.ADD, own, context, R.PROFESSION_MAY_NOT_VACCINATE))
            cases.append(
                no(
                    f"{profession} adds no allergy",
                    pro(rpps, profession),
                    A.ADD,
                    entry(EntryKind.ALLERGY),
                    context,
                    R.PROFESSIONALS_ADD_DOCUMENTS_ONLY,
                )
            )
    return cases


HEIR_PURPOSE_DOCUMENTS = {
    PostMortemPurpose.CAUSE_OF_DEATH: {"compte_rendu", "biologie", "imagerie", "synthese", "certificat", "ordonnance"},
    PostMortemPurpose.DEFEND_MEMORY: {"compte_rendu", "synthese", "certificat", "directives_anticipees"},
    PostMortemPurpose.ASSERT_RIGHTS: {"compte_rendu", "synthese", "certificat", "administratif"},
}
"""Product decision: what each of the three purposes needs (written out independently of the policy's map)."""


def heir_purpose_grid() -> list[Case]:
    """An heir reads, for the purpose they stated, only the document categories and sections it needs."""
    cases = []
    for purpose, readable in HEIR_PURPOSE_DOCUMENTS.items():
        heir = Heir(HEIR, purpose)
        for category in DocumentCategory:
            rule = f"heir ({purpose}) × {category}"
            if category.value in readable:
                cases.append(ok(rule, heir, A.READ, doc(category), DECEASED, R.POST_MORTEM_PURPOSE))
            else:
                cases.append(no(rule, heir, A.READ, doc(category), DECEASED, R.POST_MORTEM_NOT_FOR_PURPOSE))
        cases.append(ok(f"heir ({purpose}) opens the dossier", heir, A.READ, DOSSIER, DECEASED, R.POST_MORTEM_PURPOSE))
        if purpose is PostMortemPurpose.DEFEND_MEMORY:
            cases.append(
                no(
                    f"heir ({purpose}): no care history",
                    heir,
                    A.READ,
                    CARE_HISTORY,
                    DECEASED,
                    R.POST_MORTEM_NOT_FOR_PURPOSE,
                )
            )
        else:
            cases.append(
                ok(f"heir ({purpose}) care history", heir, A.READ, CARE_HISTORY, DECEASED, R.POST_MORTEM_PURPOSE)
            )
        cases.append(
            no(
                f"heir ({purpose}): a secret stays secret",
                heir,
                A.READ,
                doc(DocumentCategory.COMPTE_RENDU, secret=True),
                DECEASED,
                R.POST_MORTEM_LIMITED,
            )
        )
    return cases


def all_cases(matrix: HabilitationMatrix) -> list[Case]:
    return [
        *HAND_WRITTEN,
        *never_grid(),
        *blocked_grid(),
        *denied_everywhere_grid("expired aidant", Aidant(AIDANT_EXPIRED), ADULT, R.AIDANT_EXPIRED),
        *denied_everywhere_grid("aidant not started", Aidant(AIDANT_FUTURE), ADULT, R.AIDANT_NOT_STARTED),
        *denied_everywhere_grid("deceased: holder", Holder(PATIENT), DECEASED, R.PATIENT_DECEASED),
        *denied_everywhere_grid("deceased: parent", LegalRepresentative(PARENT_A), DECEASED, R.PATIENT_DECEASED),
        *denied_everywhere_grid(
            "post-mortem opposed",
            Heir(HEIR, PostMortemPurpose.CAUSE_OF_DEATH),
            ctx(deceased=True, opposed=True),
            R.POST_MORTEM_OPPOSED,
        ),
        *entry_kind_grid(),
        *matrix_grid(matrix),
        *vaccination_grid(),
        *heir_purpose_grid(),
        *(Case(*cell) for cell in documented_cases()),  # the messagerie's table (docs/MESSAGERIE.md)
    ]
