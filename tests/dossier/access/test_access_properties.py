"""Property test: no sequence of consent operations lets a blocked professional, an expired aidant, an insurer
or an employer get anything, nor an unblocked professional back in without a new authorisation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dossier.access import (
    Action,
    Actor,
    Aidant,
    AidantDelegation,
    Author,
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
    PersonId,
    PrivateInsurer,
    Profession,
    Professional,
    Rpps,
    Section,
    SectionTarget,
    Target,
    decide,
    default_matrix,
)
from dossier.errors import DossierValidationError

MATRIX = default_matrix()
START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
PROFESSIONALS = {
    Rpps("10000000001"): Profession.MEDECIN_GENERALISTE,
    Rpps("10000000002"): Profession.INFIRMIER,
    Rpps("10000000003"): Profession.MEDECIN_REGULATEUR_SAMU,
    Rpps("10000000004"): Profession.CHIRURGIEN_DENTISTE,
}
AIDANTS = [PersonId(f"aidant-{i}") for i in range(5)]
SECTION_TARGETS: list[Target] = [SectionTarget(section) for section in Section]
ENTRY_TARGETS: list[Target] = [EntryTarget(kind) for kind in EntryKind]

rpps_st = st.sampled_from(sorted(PROFESSIONALS))
aidant_st = st.sampled_from(AIDANTS)


def professional_variants(rpps: Rpps, now: datetime) -> list[Professional]:
    """The professional as themself, and claiming an emergency with a good reason just now."""
    profession = PROFESSIONALS[rpps]
    claim = EmergencyClaim(reason="Arrêt cardiaque", opened_at=now)
    return [Professional(rpps, profession), Professional(rpps, profession, emergency=claim)]


def _sendable(target: Target, *, blocked: bool = False) -> bool:
    """What a professional may add without seeing anything: a document, a vaccination (if they vaccinate), an
    appointment sent to the person's agenda — not when the person blocked them (a contact, as a message is)."""
    kinds = {EntryKind.VACCINATION} if blocked else {EntryKind.VACCINATION, EntryKind.APPOINTMENT}
    return isinstance(target, DocumentTarget) or (isinstance(target, EntryTarget) and target.kind in kinds)


class ConsentMachine(RuleBasedStateMachine):
    """Drives a patient's consent state and documents through random operations and checks the invariants."""

    @initialize()
    def start(self) -> None:
        self.now = START
        self.consent = ConsentState()
        self.documents: list[DocumentTarget] = []
        self.must_reauthorise: set[Rpps] = set()
        self.revoked: set[PersonId] = set()

    # -- operations ------------------------------------------------------------------------------------------
    @rule(rpps=rpps_st, days=st.none() | st.integers(1, 60))
    def authorise(self, rpps: Rpps, days: int | None) -> None:
        until = None if days is None else self.now + timedelta(days=days)
        try:
            self.consent = self.consent.authorise(rpps, at=self.now, until=until)
        except DossierValidationError:
            assert rpps in self.consent.blocked
            return
        self.must_reauthorise.discard(rpps)

    @rule(rpps=rpps_st)
    def block(self, rpps: Rpps) -> None:
        self.consent = self.consent.block(rpps)
        self.must_reauthorise.add(rpps)

    @rule(rpps=rpps_st)
    def unblock(self, rpps: Rpps) -> None:
        self.consent = self.consent.unblock(rpps)

    @rule(rpps=rpps_st, enabled=st.booleans())
    def set_administrateur(self, rpps: Rpps, enabled: bool) -> None:
        self.consent = self.consent.set_administrateur(rpps, enabled=enabled)

    @rule(rpps=st.none() | rpps_st)
    def set_medecin_traitant(self, rpps: Rpps | None) -> None:
        try:
            self.consent = self.consent.set_medecin_traitant(rpps)
        except DossierValidationError:
            return
        if rpps is not None:
            self.must_reauthorise.discard(rpps)

    @rule(samu=st.booleans(), others=st.booleans(), masked=st.booleans())
    def set_emergency(self, samu: bool, others: bool, masked: bool) -> None:
        self.consent = self.consent.set_emergency(EmergencyToggles(samu, others, masked))

    @rule(enabled=st.booleans())
    def tout_masquer(self, enabled: bool) -> None:
        self.consent = replace(self.consent, mask_all_including_emergency=enabled)

    @rule(
        category=st.sampled_from(DocumentCategory),
        author=st.none() | rpps_st,
        masked=st.booleans(),
        hidden_days=st.none() | st.integers(1, 60),
    )
    def add_document(
        self, category: DocumentCategory, author: Rpps | None, masked: bool, hidden_days: int | None
    ) -> None:
        who = Author(AuthorKind.PATIENT, "patient") if author is None else Author(AuthorKind.PROFESSIONAL, author)
        hidden = None if hidden_days is None else (self.now + timedelta(days=hidden_days)).date()
        conf = Confidentiality(masked_from_professionals=masked, hidden_from_patient_until=hidden)
        self.documents.append(DocumentTarget(category, who, added_at=self.now, confidentiality=conf))

    @rule(data=st.data(), masked=st.booleans())
    def mask_or_unmask(self, data: st.DataObject, masked: bool) -> None:
        if not self.documents:
            return
        index = data.draw(st.integers(0, len(self.documents) - 1))
        document = self.documents[index]
        conf = document.confidentiality.model_copy(update={"masked_from_professionals": masked})
        self.documents[index] = replace(document, confidentiality=conf)

    @rule(aidant=aidant_st, days=st.integers(1, 30), others=st.integers(0, 6))
    def grant_aidant(self, aidant: PersonId, days: int, others: int) -> None:
        delegation = AidantDelegation(aidant, self.now, self.now + timedelta(days=days))
        try:
            self.consent = self.consent.grant_aidant(delegation, now=self.now, aidant_patient_count=others)
        except DossierValidationError:
            return
        self.revoked.discard(aidant)

    @rule(aidant=aidant_st)
    def revoke_aidant(self, aidant: PersonId) -> None:
        self.consent = self.consent.revoke_aidant(aidant)
        self.revoked.add(aidant)

    @rule(hours=st.integers(1, 24 * 40))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    # -- invariants ------------------------------------------------------------------------------------------
    def targets(self) -> list[Target]:
        return [*SECTION_TARGETS, *ENTRY_TARGETS, *self.documents]

    def context(self) -> Context:
        return Context(now=self.now, consent=self.consent)

    def assert_gets_nothing(self, actor: Actor, *, may_send: bool = False, blocked: bool = False) -> None:
        context = self.context()
        for target in self.targets():
            for action in Action:
                decision = decide(actor, action, target, context, matrix=MATRIX)
                if may_send and action is Action.ADD and _sendable(target, blocked=blocked):
                    continue  # sending a document or an appointment, or recording a vaccination, reveals nothing
                assert not decision.allowed, (actor, action, target, decision)

    @invariant()
    def blocked_professionals_get_nothing(self) -> None:
        for rpps in self.consent.blocked:
            for actor in professional_variants(rpps, self.now):
                self.assert_gets_nothing(actor, may_send=True, blocked=True)

    @invariant()
    def unblocked_professionals_need_a_new_authorisation(self) -> None:
        context = self.context()
        for rpps in self.must_reauthorise - self.consent.blocked:
            plain = Professional(rpps, PROFESSIONALS[rpps])
            decision = decide(plain, Action.READ, SectionTarget(Section.DOSSIER), context, matrix=MATRIX)
            assert not decision.allowed, (rpps, decision)

    @invariant()
    def expired_or_revoked_aidants_get_nothing(self) -> None:
        for aidant in AIDANTS:
            delegation = self.consent.delegation_of(aidant)
            if delegation is None or self.now >= delegation.ends_at:
                self.assert_gets_nothing(Aidant(aidant))

    @invariant()
    def insurers_and_employers_get_nothing(self) -> None:
        self.assert_gets_nothing(PrivateInsurer("mutuelle"))
        self.assert_gets_nothing(Employer("ACME"))

    @invariant()
    def aidant_limit_holds(self) -> None:
        active = {d.aidant_id for d in self.consent.aidants if d.ends_at > self.now}
        assert len(active) <= 3


ConsentMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
TestConsentMachine = ConsentMachine.TestCase
