"""The field-level three-way merge table: every base/server/client combination per field, and record operations."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.merge import FieldConflict, Op, Outcome, ServerRecord, merge

# Per field, each side either keeps the base value "b" or changes it to "x" or "y".
VALUES = ("b", "x", "y")


def expected(server: str, client: str) -> tuple[str, bool]:
    """(value after merge, conflict?) for one field whose base is "b"."""
    if client == "b" or client == server:
        return server, False
    if server == "b":
        return client, False
    return server, True


@pytest.mark.parametrize(("server", "client"), list(itertools.product(VALUES, VALUES)))
def test_one_field_every_combination(server: str, client: str) -> None:
    changes = {} if client == "b" else {"f": ["b", client]}
    moved = server != "b"
    record = ServerRecord({"f": server, "g": "other"}, version=2 if moved else 1)
    result = merge(Op.UPDATE, changes, base_version=1, server=record)
    value, conflict = expected(server, client)
    assert result.values["f"] == value
    assert result.values["g"] == "other"
    if conflict:
        assert result.outcome is Outcome.CONFLICT
        assert result.conflicts == (FieldConflict("f", "b", server, client),)
    elif client == "b" or client == server:
        assert result.outcome is Outcome.NOOP
    else:
        assert result.outcome is (Outcome.MERGED if moved else Outcome.APPLIED)


@pytest.mark.parametrize(("s1", "c1", "s2", "c2"), list(itertools.product(VALUES, repeat=4)))
def test_two_fields_every_combination_merge_independently(s1: str, c1: str, s2: str, c2: str) -> None:
    changes = {name: ["b", c] for name, c in (("f1", c1), ("f2", c2)) if c != "b"}
    moved = "b" not in (s1, s2) or s1 != "b" or s2 != "b"
    record = ServerRecord({"f1": s1, "f2": s2}, version=5 if moved else 4)
    result = merge(Op.UPDATE, changes, base_version=4, server=record)
    v1, k1 = expected(s1, c1)
    v2, k2 = expected(s2, c2)
    assert (result.values["f1"], result.values["f2"]) == (v1, v2)
    assert {c.field for c in result.conflicts} == {n for n, k in (("f1", k1), ("f2", k2)) if k}
    assert (result.outcome is Outcome.CONFLICT) == (k1 or k2)


def test_removing_an_optional_field_is_a_change_like_any_other() -> None:
    result = merge(Op.UPDATE, {"notes": ["old", None]}, 1, ServerRecord({"notes": "old", "name": "A"}, 1))
    assert result.values == {"name": "A"} and result.outcome is Outcome.APPLIED


# -- record-level operations -------------------------------------------------------------------------------------------
def test_create_on_an_unknown_record_applies() -> None:
    result = merge(Op.CREATE, {"name": [None, "Asthme"]}, 0, None)
    assert result.outcome is Outcome.APPLIED and result.values == {"name": "Asthme"} and not result.deleted


def test_delete_of_an_untouched_record_applies() -> None:
    result = merge(Op.DELETE, {}, 3, ServerRecord({"name": "A"}, 3))
    assert result.outcome is Outcome.APPLIED and result.deleted


def test_delete_after_someone_else_edited_is_a_conflict_and_keeps_the_edit() -> None:
    result = merge(Op.DELETE, {}, 3, ServerRecord({"name": "A2"}, 4))
    assert result.outcome is Outcome.CONFLICT and result.record_conflict == "delete_vs_edit"
    assert not result.deleted and result.values == {"name": "A2"}


def test_edit_of_a_record_deleted_elsewhere_is_a_conflict_never_a_resurrection() -> None:
    result = merge(Op.UPDATE, {"name": ["A", "B"]}, 3, ServerRecord({"name": "A"}, 4, deleted=True))
    assert result.outcome is Outcome.CONFLICT and result.record_conflict == "edit_vs_delete"
    assert result.deleted


def test_delete_of_an_already_deleted_record_is_a_noop() -> None:
    assert merge(Op.DELETE, {}, 3, ServerRecord({}, 4, deleted=True)).outcome is Outcome.NOOP
    assert merge(Op.DELETE, {}, 0, None).outcome is Outcome.NOOP


def test_explicit_restore_undeletes_with_the_clients_values() -> None:
    result = merge(Op.RESTORE, {"name": ["A", "A"]}, 3, ServerRecord({"name": "A"}, 4, deleted=True))
    assert not result.deleted and result.values == {"name": "A"}
    assert result.outcome is Outcome.MERGED


def test_replayed_update_is_idempotent() -> None:
    record = ServerRecord({"name": "B"}, 4)
    assert merge(Op.UPDATE, {"name": ["A", "B"]}, 3, record).outcome is Outcome.NOOP


@given(
    st.dictionaries(st.sampled_from("abcd"), st.sampled_from(VALUES)),
    st.dictionaries(st.sampled_from("abcd"), st.sampled_from(VALUES)),
)
def test_merge_never_loses_a_server_value_silently(
    server_values: dict[str, str], client_values: dict[str, str]
) -> None:
    base = dict.fromkeys("abcd", "b")
    server = {**base, **server_values}
    changes = {k: ["b", v] for k, v in client_values.items() if v != "b"}
    result = merge(Op.UPDATE, changes, 1, ServerRecord(server, 2))
    for name, theirs in server.items():
        if result.values.get(name) != theirs:
            # The server's value was replaced only where the server had not changed it since the base.
            assert theirs == "b"
    conflicted = {c.field for c in result.conflicts}
    for name in conflicted:
        assert result.values[name] == server[name]
