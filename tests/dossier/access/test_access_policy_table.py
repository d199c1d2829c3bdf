"""Walks every cell of the declarative access case table and checks the policy's decision against it."""

from __future__ import annotations

import pytest
from access_case_table import HAND_WRITTEN, Case, all_cases

from dossier.access import Reason, decide, default_matrix

MATRIX = default_matrix()
CASES = all_cases(MATRIX)


def _check(case: Case) -> None:
    decision = decide(case.actor, case.action, case.target, case.context, matrix=MATRIX)
    assert (decision.allowed, decision.reason) == (case.allowed, case.reason), case.rule
    if case.notify is not None:
        assert decision.notify == case.notify, case.rule
    if case.audit is not None:
        assert decision.audit == case.audit, case.rule
    if not decision.allowed:
        assert decision.notify == (), "a refusal notifies no one"
        assert decision.audit, "every refusal is audited"


def test_every_cell_of_the_table() -> None:
    failures = []
    for case in CASES:
        try:
            _check(case)
        except AssertionError as exc:
            decision = decide(case.actor, case.action, case.target, case.context, matrix=MATRIX)
            failures.append(f"{case.rule}: expected {case.allowed}/{case.reason}, got {decision} ({exc})")
    print(f"access case table: {len(CASES)} cells ({len(HAND_WRITTEN)} hand-written)")
    assert not failures, "\n".join(failures)
    assert len(CASES) >= 600


@pytest.mark.parametrize("case", HAND_WRITTEN, ids=[c.rule for c in HAND_WRITTEN])
def test_hand_written_rule(case: Case) -> None:
    _check(case)


def test_table_covers_every_reason_code() -> None:
    """Every reason the policy can give appears in the table: no rule goes untested."""
    used = {case.reason for case in CASES}
    assert set(Reason) - used == set()


def test_table_has_both_outcomes_for_each_actor_kind() -> None:
    outcomes: dict[str, set[bool]] = {}
    for case in CASES:
        outcomes.setdefault(type(case.actor).__name__, set()).add(case.allowed)
    never = {"PrivateInsurer", "Employer", "OtherParty"}
    for kind, seen in outcomes.items():
        assert seen == ({False} if kind in never else {True, False}), kind
