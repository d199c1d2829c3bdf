"""Consent transitions and cardinality rules: aidants, legal representatives, emergency toggles, dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from dossier.access import (
    AidantDelegation,
    Confidentiality,
    ConsentState,
    Context,
    DocumentCategory,
    DocumentTarget,
    EmergencyToggles,
    PersonId,
    Profession,
    Professional,
    Rpps,
    add_one_month,
    check_legal_representatives,
    check_rpps,
    confidentiality_for_new_document,
    normalise_emergency_toggles,
    visible_to_patient_from,
)
from dossier.access.targets import Author
from dossier.documents import AuthorKind
from dossier.errors import DossierValidationError

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)
PRO = Rpps("10000000001")


def codes(info: pytest.ExceptionInfo[DossierValidationError]) -> list[str]:
    return [issue.code for issue in info.value.issues]


def delegation(name: str, *, days: int = 30) -> AidantDelegation:
    return AidantDelegation(PersonId(name), NOW - DAY, NOW + days * DAY)


# -- aidants


def test_three_aidants_then_a_fourth_is_refused_and_nothing_is_lost() -> None:
    state = ConsentState()
    for name in ("a", "b", "c"):
        state = state.grant_aidant(delegation(name), now=NOW, aidant_patient_count=0)
    with pytest.raises(DossierValidationError) as info:
        state.grant_aidant(delegation("d"), now=NOW, aidant_patient_count=0)
    assert codes(info) == ["too_many_aidants"]
    assert "révoquez-en un" in info.value.message("fr")
    assert {d.aidant_id for d in state.aidants} == {"a", "b", "c"}


def test_an_expired_delegation_frees_a_place() -> None:
    state = ConsentState(
        aidants=(delegation("a"), delegation("b"), AidantDelegation(PersonId("c"), NOW - 9 * DAY, NOW - DAY))
    )
    state = state.grant_aidant(delegation("d"), now=NOW, aidant_patient_count=0)
    assert PersonId("d") in {d.aidant_id for d in state.aidants}


def test_renewing_an_existing_aidant_does_not_count_twice() -> None:
    state = ConsentState(aidants=(delegation("a"), delegation("b"), delegation("c")))
    renewed = state.grant_aidant(delegation("c", days=90), now=NOW, aidant_patient_count=0)
    assert len(renewed.aidants) == 3
    assert renewed.delegation_of(PersonId("c")) == delegation("c", days=90)


def test_an_aidant_helps_at_most_five_people() -> None:
    ConsentState().grant_aidant(delegation("a"), now=NOW, aidant_patient_count=4)
    with pytest.raises(DossierValidationError) as info:
        ConsentState().grant_aidant(delegation("a"), now=NOW, aidant_patient_count=5)
    assert codes(info) == ["aidant_has_too_many_patients"]


def test_delegation_must_end_after_it_starts() -> None:
    with pytest.raises(DossierValidationError) as info:
        AidantDelegation(PersonId("a"), NOW, NOW)
    assert codes(info) == ["end_before_start"]


def test_delegation_already_over_is_refused() -> None:
    with pytest.raises(DossierValidationError) as info:
        ConsentState().grant_aidant(
            AidantDelegation(PersonId("a"), NOW - 9 * DAY, NOW - DAY), now=NOW, aidant_patient_count=0
        )
    assert codes(info) == ["end_in_past"]


def test_delegation_dates_need_a_time_zone() -> None:
    with pytest.raises(DossierValidationError) as info:
        AidantDelegation(PersonId("a"), datetime(2026, 1, 1), datetime(2026, 2, 1))
    assert codes(info) == ["naive_datetime"]


def test_revoking_an_aidant() -> None:
    state = ConsentState(aidants=(delegation("a"), delegation("b")))
    assert [d.aidant_id for d in state.revoke_aidant(PersonId("a")).aidants] == ["b"]


# -- legal representatives


def test_two_legal_representatives_at_most() -> None:
    assert check_legal_representatives([PersonId("p1"), PersonId("p2")]) == {"p1", "p2"}
    with pytest.raises(DossierValidationError) as info:
        check_legal_representatives([PersonId("p1"), PersonId("p2"), PersonId("p3")])
    assert codes(info) == ["too_many_legal_representatives"]
    with pytest.raises(DossierValidationError) as info:
        ConsentState(legal_representatives=frozenset({PersonId("p1"), PersonId("p2"), PersonId("p3")}))
    assert codes(info) == ["too_many_legal_representatives"]


def test_the_same_legal_representative_twice_is_refused() -> None:
    with pytest.raises(DossierValidationError) as info:
        check_legal_representatives([PersonId("p1"), PersonId("p1")])
    assert codes(info) == ["duplicate_legal_representative"]


# -- authorisation transitions


def test_block_withdraws_authorisation_and_administrateur_role() -> None:
    state = ConsentState().authorise(PRO, at=NOW - DAY).set_administrateur(PRO, enabled=True)
    assert state.is_authorised(PRO, NOW)
    blocked = state.block(PRO)
    assert not blocked.is_authorised(PRO, NOW)
    assert PRO not in blocked.administrateurs


def test_unblocking_does_not_restore_authorisation() -> None:
    state = ConsentState().authorise(PRO, at=NOW - DAY).block(PRO).unblock(PRO)
    assert PRO not in state.blocked
    assert not state.is_authorised(PRO, NOW)
    assert state.authorise(PRO, at=NOW).is_authorised(PRO, NOW)


def test_blocking_the_medecin_traitant_withdraws_the_designation() -> None:
    state = ConsentState().set_medecin_traitant(PRO)
    assert state.is_authorised(PRO, NOW)
    unblocked = state.block(PRO).unblock(PRO)
    assert unblocked.medecin_traitant is None
    assert not unblocked.is_authorised(PRO, NOW)
    with pytest.raises(DossierValidationError) as info:
        state.block(PRO).set_medecin_traitant(PRO)
    assert codes(info) == ["professional_blocked"]


def test_blocking_withdraws_an_occupational_physicians_express_consent_for_good() -> None:
    state = ConsentState().set_occupational_consent(PRO, enabled=True)
    assert PRO in state.occupational_consent
    unblocked = state.block(PRO).unblock(PRO)
    assert PRO not in unblocked.occupational_consent
    with pytest.raises(DossierValidationError) as info:
        state.block(PRO).set_occupational_consent(PRO, enabled=True)
    assert codes(info) == ["professional_blocked"]
    assert (
        PRO
        not in unblocked.set_occupational_consent(PRO, enabled=True)
        .set_occupational_consent(PRO, enabled=False)
        .occupational_consent
    )


def test_a_legal_representative_can_be_removed_but_not_the_last_one() -> None:
    parent_a, parent_b = PersonId("parent-a"), PersonId("parent-b")
    state = ConsentState(legal_representatives=frozenset({parent_a, parent_b}))
    left = state.remove_legal_representative(parent_b)
    assert left.legal_representatives == {parent_a}
    with pytest.raises(DossierValidationError) as info:
        left.remove_legal_representative(parent_a)
    assert codes(info) == ["last_representative"]
    assert "dernier représentant légal" in info.value.message("fr")
    assert left.legal_representatives == {parent_a}
    with pytest.raises(DossierValidationError) as info:
        state.remove_legal_representative(PersonId("someone"))
    assert codes(info) == ["not_a_legal_representative"]


def test_a_blocked_professional_cannot_be_authorised_before_unblocking() -> None:
    state = ConsentState().block(PRO)
    with pytest.raises(DossierValidationError) as info:
        state.authorise(PRO, at=NOW)
    assert codes(info) == ["professional_blocked"]
    assert "débloquez-le" in info.value.message("fr")
    assert not state.is_authorised(PRO, NOW)


def test_authorisation_dates() -> None:
    state = ConsentState().authorise(PRO, at=NOW, until=NOW + DAY)
    assert not state.is_authorised(PRO, NOW - timedelta(seconds=1))
    assert state.is_authorised(PRO, NOW)
    assert not state.is_authorised(PRO, NOW + DAY)


# -- emergency toggles, confidentiality


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (EmergencyToggles(False, False, True), EmergencyToggles(False, False, False)),
        (EmergencyToggles(True, False, True), EmergencyToggles(True, False, True)),
        (EmergencyToggles(False, True, True), EmergencyToggles(False, True, True)),
        (EmergencyToggles(False, False, False), EmergencyToggles(False, False, False)),
    ],
)
def test_masked_documents_forced_off_when_both_other_toggles_are_off(
    given: EmergencyToggles, expected: EmergencyToggles
) -> None:
    assert normalise_emergency_toggles(given) == expected
    assert ConsentState().set_emergency(given).emergency == expected


def test_new_document_gets_the_patients_default_confidentiality() -> None:
    default = Confidentiality(masked_from_professionals=True)
    consent = ConsentState(default_confidentiality=default)
    assert confidentiality_for_new_document(consent) == default
    asked = Confidentiality(hidden_from_legal_representatives=True)
    assert confidentiality_for_new_document(consent, requested=asked) == asked


def test_tout_masquer_masks_every_new_document() -> None:
    consent = ConsentState(mask_all_including_emergency=True)
    assert confidentiality_for_new_document(consent, requested=Confidentiality()).masked_from_professionals


# -- dates, identifiers


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 12, 15), date(2027, 1, 15)),
        (date(2026, 3, 31), date(2026, 4, 30)),
    ],
)
def test_add_one_month(day: date, expected: date) -> None:
    assert add_one_month(day) == expected


def test_a_result_cannot_stay_hidden_longer_than_a_month() -> None:
    added = datetime(2026, 3, 1, 9, tzinfo=UTC)
    assert visible_to_patient_from(added, date(2026, 12, 1)) == date(2026, 4, 1)
    assert visible_to_patient_from(added, date(2026, 3, 10)) == date(2026, 3, 10)
    assert visible_to_patient_from(added, None) is None


@pytest.mark.parametrize("bad", ["", "1234567890", "123456789012", "1234567890a", "12345 67890"])
def test_rpps_must_be_eleven_digits(bad: str) -> None:
    with pytest.raises(DossierValidationError) as info:
        Professional(Rpps(bad), Profession.INFIRMIER)
    assert codes(info) == ["invalid_rpps"]
    assert check_rpps("10003456789") == "10003456789"


def test_the_policy_refuses_a_naive_clock() -> None:
    with pytest.raises(DossierValidationError) as info:
        Context(now=datetime(2026, 3, 15, 10, 0))
    assert codes(info) == ["naive_datetime"]
    with pytest.raises(DossierValidationError):
        DocumentTarget(DocumentCategory.AUTRE, Author(AuthorKind.PATIENT), added_at=datetime(2026, 3, 15))
