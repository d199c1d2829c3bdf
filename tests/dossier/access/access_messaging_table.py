"""The messagerie's access table: the situations of docs/MESSAGERIE.md, and that document's cells as cases.

The document is the table a reader checks; this module reads it cell by cell (``documented_cases``) so that the
policy is tested against what is written, and ``SITUATIONS`` says what each of its rows means in actors and facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dossier.access import (
    Action,
    Actor,
    Aidant,
    AidantDelegation,
    AssuranceMaladie,
    ConsentState,
    Context,
    ConversationTarget,
    Employer,
    Heir,
    Holder,
    LegalRepresentative,
    OtherParty,
    PatientFacts,
    PersonId,
    PostMortemPurpose,
    PrivateInsurer,
    Profession,
    Professional,
    Reason,
    Rpps,
)

DOCUMENT = Path(__file__).parents[3] / "docs" / "MESSAGERIE.md"
NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)

PATIENT, PARENT, STRANGER_PARENT = PersonId("patient-m"), PersonId("parent-m"), PersonId("parent-x")
AIDANT, AIDANT_EXPIRED, HEIR = PersonId("aidant-m"), PersonId("aidant-m-expired"), PersonId("heir-m")
WRITER = Rpps("20000000001")  # starts the conversation; not authorised to read the dossier
MT = Rpps("20000000002")  # médecin traitant, authorised, but not the conversation's correspondent
BLOCKED = Rpps("20000000003")

COLUMNS: dict[str, Action] = {
    "start": Action.START,
    "read": Action.READ,
    "reply": Action.ADD,
    "close": Action.CLOSE,
    "archive": Action.ARCHIVE,
    "delete": Action.DELETE,
}
"""The table's columns → the policy's actions (every messaging action has one)."""


def context(*, minor: bool = False, deceased: bool = False, aidant_sees: bool = False) -> Context:
    consent = ConsentState(
        medecin_traitant=MT,
        blocked=frozenset({BLOCKED}),
        legal_representatives=frozenset({PARENT}),
        aidants=(
            AidantDelegation(AIDANT, NOW - 10 * DAY, NOW + 10 * DAY),
            AidantDelegation(AIDANT_EXPIRED, NOW - 30 * DAY, NOW - DAY),
        ),
        aidants_see_messages=frozenset({AIDANT, AIDANT_EXPIRED}) if aidant_sees else frozenset(),
        post_mortem_claimants=frozenset({HEIR}),
    )
    return Context(now=NOW, consent=consent, patient=PatientFacts(is_minor=minor, deceased=deceased))


@dataclass(frozen=True, slots=True)
class Situation:
    actor: Actor
    target: ConversationTarget
    context: Context


OPEN = ConversationTarget(WRITER)
CLOSED = ConversationTarget(WRITER, closed=True)
SECRET = ConversationTarget(WRITER, secret_from_legal_representatives=True)
GP = Profession.MEDECIN_GENERALISTE

SITUATIONS: dict[str, Situation] = {
    "holder": Situation(Holder(PATIENT), OPEN, context()),
    "holder_closed": Situation(Holder(PATIENT), CLOSED, context()),
    "minor_secret_holder": Situation(Holder(PATIENT), SECRET, context(minor=True)),
    "representative": Situation(LegalRepresentative(PARENT), OPEN, context(minor=True)),
    "representative_secret": Situation(LegalRepresentative(PARENT), SECRET, context(minor=True)),
    "not_representative": Situation(LegalRepresentative(STRANGER_PARENT), OPEN, context(minor=True)),
    "aidant_allowed": Situation(Aidant(AIDANT), OPEN, context(aidant_sees=True)),
    "aidant_not_allowed": Situation(Aidant(AIDANT), OPEN, context()),
    "aidant_allowed_secret": Situation(Aidant(AIDANT), SECRET, context(minor=True, aidant_sees=True)),
    "aidant_expired": Situation(Aidant(AIDANT_EXPIRED), OPEN, context(aidant_sees=True)),
    "correspondent": Situation(Professional(WRITER, GP), OPEN, context()),
    "correspondent_secret": Situation(Professional(WRITER, GP), SECRET, context(minor=True)),
    "correspondent_closed": Situation(Professional(WRITER, GP), CLOSED, context()),
    "correspondent_blocked": Situation(Professional(BLOCKED, GP), ConversationTarget(BLOCKED), context()),
    "other_professional": Situation(Professional(MT, GP), OPEN, context()),
    "deceased_holder": Situation(Holder(PATIENT), OPEN, context(deceased=True)),
    "deceased_correspondent": Situation(Professional(WRITER, GP), OPEN, context(deceased=True)),
    "heir": Situation(Heir(HEIR, PostMortemPurpose.ASSERT_RIGHTS), OPEN, context(deceased=True)),
    "insurer_feed": Situation(AssuranceMaladie(), OPEN, context()),
    "private_insurer": Situation(PrivateInsurer("mutuelle"), OPEN, context()),
    "employer": Situation(Employer("ACME"), OPEN, context()),
    "other_party": Situation(OtherParty(None), OPEN, context()),
}


@dataclass(frozen=True, slots=True)
class DocumentedCell:
    situation: str
    column: str
    allowed: bool
    reason: Reason


_CELL = re.compile(r"^(oui|non) `([a-z_]+)`$")


def read_document(text: str | None = None) -> tuple[list[str], list[DocumentedCell]]:
    """The columns of the table in docs/MESSAGERIE.md and its cells, exactly as written (a malformed cell raises)."""
    lines = (text if text is not None else DOCUMENT.read_text(encoding="utf-8")).splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("| situation |"))
    columns = [c.strip() for c in lines[header_at].strip("|").split("|")][1:]
    cells: list[DocumentedCell] = []
    for line in lines[header_at + 2 :]:
        if not line.startswith("|"):
            break
        row = [c.strip() for c in line.strip("|").split("|")]
        situation = row[0].split("`")[1]
        if len(row) - 1 != len(columns):
            raise ValueError(f"row {situation}: {len(row) - 1} cells for {len(columns)} columns")
        for column, cell in zip(columns, row[1:], strict=True):
            match = _CELL.match(cell)
            if match is None:
                raise ValueError(f"row {situation}, column {column}: unreadable cell {cell!r}")
            cells.append(DocumentedCell(situation, column, match[1] == "oui", Reason(match[2])))
    return columns, cells


def documented_cases() -> list[tuple[str, Actor, Action, ConversationTarget, Context, bool, Reason]]:
    """The document's cells as (rule, actor, action, target, context, allowed, reason), for the main table."""
    _, cells = read_document()
    return [
        (
            f"messagerie: {c.situation} × {c.column}",
            SITUATIONS[c.situation].actor,
            COLUMNS[c.column],
            SITUATIONS[c.situation].target,
            SITUATIONS[c.situation].context,
            c.allowed,
            c.reason,
        )
        for c in cells
    ]
