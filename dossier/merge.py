"""Field-level three-way merge of one mutation against the server's current record (Dossier Sync v1).

The client sends what it changed as `{field: [value it saw, value it wants]}` with the version it saw (its base).
The server holds the current values and knows whether the record was deleted. Rules (ARCHITECTURE.md "Sync"):

- a field only the client changed takes the client's value; a field only the server changed keeps the server's;
- both changed to the same value: no conflict;
- both changed to different values: the server value stays and a conflict (base / server / client) is recorded for a
  person to resolve — never an arbitrary silent winner;
- edit versus delete, in either order, is a conflict: a deleted record is never silently resurrected, and an edited
  record is never silently deleted;
- measurements are separate entries, so two devices adding measurements never meet here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    APPLIED = "applied"  # nothing happened on the server since the client's base: the change applies as is
    MERGED = "merged"  # the server moved on, but the changes do not overlap (or agree): both are kept
    CONFLICT = "conflict"  # overlapping different changes, or edit versus delete: server value kept, conflict recorded
    NOOP = "noop"  # the change was already there (e.g. deleting what is already deleted)


class Op(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    base: Any
    server: Any
    client: Any


@dataclass(frozen=True, slots=True)
class ServerRecord:
    """What the server holds for a record: its values, its version and whether it is a tombstone."""

    values: Mapping[str, Any]
    version: int
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class MergeResult:
    outcome: Outcome
    values: dict[str, Any]  # the record's values after the merge
    deleted: bool  # the record's state after the merge
    conflicts: tuple[FieldConflict, ...] = field(default_factory=tuple)
    record_conflict: str | None = None  # "edit_vs_delete" | "delete_vs_edit" when the whole record conflicts

    @property
    def changed(self) -> bool:
        return self.outcome in (Outcome.APPLIED, Outcome.MERGED) or (
            self.outcome is Outcome.CONFLICT and self.record_conflict is None and bool(self.values)
        )


def merge(
    op: Op | str,
    changes: Mapping[str, tuple[Any, Any] | list[Any]],
    base_version: int,
    server: ServerRecord | None,
) -> MergeResult:
    """Merge one client mutation into the server's record (None when the server has never seen the record)."""
    op = Op(op)
    pairs = {name: (pair[0], pair[1]) for name, pair in changes.items()}
    if server is None:
        if op is Op.DELETE:
            return MergeResult(Outcome.NOOP, {}, deleted=True)
        return MergeResult(Outcome.APPLIED, {k: new for k, (_, new) in pairs.items() if new is not None}, deleted=False)

    moved = server.version != base_version
    current = dict(server.values)

    if op is Op.DELETE:
        if server.deleted:
            return MergeResult(Outcome.NOOP, current, deleted=True)
        if moved:
            # The record was edited elsewhere after the client last saw it: deleting would lose that edit.
            return MergeResult(Outcome.CONFLICT, current, deleted=False, record_conflict="delete_vs_edit")
        return MergeResult(Outcome.APPLIED, current, deleted=True)

    if server.deleted and op is not Op.RESTORE:
        # Editing something another device deleted: keep it deleted, let a person decide (never resurrect).
        return MergeResult(Outcome.CONFLICT, current, deleted=True, record_conflict="edit_vs_delete")

    merged = dict(current)
    conflicts: list[FieldConflict] = []
    applied_any = False
    for name, (base, wanted) in pairs.items():
        theirs = current.get(name)
        if wanted == theirs:
            continue  # already there (the same edit from both sides, or a replay)
        if theirs == base or (op is Op.CREATE and not moved):
            _assign(merged, name, wanted)
            applied_any = True
        else:
            conflicts.append(FieldConflict(name, base, theirs, wanted))
    if conflicts:
        return MergeResult(Outcome.CONFLICT, merged, deleted=False, conflicts=tuple(conflicts))
    if not applied_any and not (op is Op.RESTORE and server.deleted):
        return MergeResult(Outcome.NOOP, merged, deleted=False)
    return MergeResult(Outcome.MERGED if moved else Outcome.APPLIED, merged, deleted=False)


def _assign(values: dict[str, Any], name: str, value: Any) -> None:
    if value is None:
        values.pop(name, None)
    else:
        values[name] = value
