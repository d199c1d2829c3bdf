"""The messagerie's documented table (docs/MESSAGERIE.md) against the policy, cell by cell, both ways."""

from __future__ import annotations

import pytest
from access_messaging_table import COLUMNS, SITUATIONS, WRITER, read_document

from dossier.access import (
    CONVERSATION_ACTIONS,
    Action,
    ConversationTarget,
    Holder,
    LegalRepresentative,
    Notification,
    NotificationEvent,
    Reason,
    Recipient,
    decide,
    default_matrix,
)

MATRIX = default_matrix()
COLUMN_NAMES, CELLS = read_document()


@pytest.mark.parametrize("cell", CELLS, ids=[f"{c.situation}-{c.column}" for c in CELLS])
def test_documented_cell_is_what_the_policy_decides(cell: object) -> None:
    from access_messaging_table import DocumentedCell

    assert isinstance(cell, DocumentedCell)
    s = SITUATIONS[cell.situation]
    decision = decide(s.actor, COLUMNS[cell.column], s.target, s.context, matrix=MATRIX)
    assert (decision.allowed, decision.reason) == (cell.allowed, cell.reason)
    if not decision.allowed:
        assert decision.notify == () and decision.audit


def test_the_document_has_every_situation_and_every_messaging_action() -> None:
    """The other way round: nothing the policy knows about messaging is left out of the document."""
    assert set(COLUMNS.values()) == set(CONVERSATION_ACTIONS)
    assert list(COLUMNS) == COLUMN_NAMES
    assert [c.situation for c in CELLS[:: len(COLUMNS)]] == list(SITUATIONS)
    assert len(CELLS) == len(SITUATIONS) * len(COLUMNS)


def test_a_wrong_cell_in_the_document_is_caught() -> None:
    """The check can fail: flip one documented answer and the policy disagrees with it."""
    text = read_text_with_flipped_cell()
    _, cells = read_document(text)
    flipped = next(c for c in cells if c.situation == "correspondent_blocked" and c.column == "reply")
    s = SITUATIONS[flipped.situation]
    decision = decide(s.actor, COLUMNS[flipped.column], s.target, s.context, matrix=MATRIX)
    assert (decision.allowed, decision.reason) != (flipped.allowed, flipped.reason)
    with pytest.raises(ValueError, match="unreadable cell"):
        read_document(text.replace("oui `holder`", "peut-être", 1))


def read_text_with_flipped_cell() -> str:
    from access_messaging_table import DOCUMENT

    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith("| `correspondent_blocked` |"):
            cells = line.split("|")
            cells[4] = " oui `professional_correspondent` "  # the reply column
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def test_professional_message_notifies_the_patient_or_only_the_minor() -> None:
    open_, secret = SITUATIONS["correspondent"], SITUATIONS["correspondent_secret"]
    for action in (Action.START, Action.ADD):
        d = decide(open_.actor, action, open_.target, open_.context, matrix=MATRIX)
        assert d.notify == (Notification(Recipient.PATIENT, NotificationEvent.NEW_MESSAGE),)
        d = decide(secret.actor, action, secret.target, secret.context, matrix=MATRIX)
        assert d.notify == (Notification(Recipient.HOLDER, NotificationEvent.NEW_MESSAGE),)


def test_reads_by_anyone_but_the_holder_are_audited() -> None:
    holder, parent = SITUATIONS["holder"], SITUATIONS["representative"]
    assert not decide(holder.actor, Action.READ, holder.target, holder.context, matrix=MATRIX).audit
    assert decide(holder.actor, Action.ADD, holder.target, holder.context, matrix=MATRIX).audit  # every send
    assert decide(parent.actor, Action.READ, parent.target, parent.context, matrix=MATRIX).audit
    pro = SITUATIONS["correspondent"]
    assert decide(pro.actor, Action.READ, pro.target, pro.context, matrix=MATRIX).audit


def test_reading_the_dossier_is_not_needed_to_write_and_not_enough_to_read() -> None:
    s = SITUATIONS["correspondent"]
    assert not s.context.consent.is_authorised(WRITER, s.context.now)
    assert decide(s.actor, Action.START, s.target, s.context, matrix=MATRIX).allowed
    other = SITUATIONS["other_professional"]
    assert other.context.consent.is_authorised(other.actor.rpps, other.context.now)  # type: ignore[union-attr]
    assert decide(other.actor, Action.READ, other.target, other.context, matrix=MATRIX).reason is (
        Reason.NOT_CONVERSATION_PARTICIPANT
    )


def test_dossier_actions_mean_nothing_on_a_conversation() -> None:
    s = SITUATIONS["holder"]
    for action in set(Action) - CONVERSATION_ACTIONS:
        d = decide(s.actor, action, s.target, s.context, matrix=MATRIX)
        assert d.reason is Reason.ACTION_NOT_APPLICABLE


def test_secret_stays_secret_from_every_representative() -> None:
    s = SITUATIONS["representative_secret"]
    target = ConversationTarget(WRITER, closed=True, secret_from_legal_representatives=True)
    for action in CONVERSATION_ACTIONS:
        assert decide(s.actor, action, target, s.context, matrix=MATRIX).reason is Reason.MINOR_SECRET
    assert isinstance(s.actor, LegalRepresentative)
    minor = SITUATIONS["minor_secret_holder"]
    assert isinstance(minor.actor, Holder)
    assert decide(minor.actor, Action.READ, minor.target, minor.context, matrix=MATRIX).allowed
