"""Helpers of the partitioning tests (migration 1000): which partitions a statement's plan touches (PostgreSQL), and
a digest of every table's rows to compare a database before and after a migration (both backends)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect, text

from server.partitioning import PARTITION_SCHEMA, PARTITIONED_TABLES

_TABLES = re.compile(r"\b(" + "|".join(PARTITIONED_TABLES) + r")\b")
_READS = ("SELECT", "UPDATE", "DELETE", "WITH")


@dataclass(frozen=True, slots=True)
class Captured:
    """One statement the service sent, with its parameters, that reads or changes a partitioned table."""

    statement: str
    parameters: Any

    @property
    def tables(self) -> set[str]:
        return set(_TABLES.findall(self.statement))

    def short(self) -> str:
        return " ".join(self.statement.split())[:300]


@contextmanager
def captured(engine: Engine) -> Iterator[list[Captured]]:
    """The statements on partitioned tables the engine runs while the block runs (inserts are routed, not pruned:
    left out; executemany batches are inserts here)."""
    seen: list[Captured] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool) -> None:
        if executemany or not statement.lstrip().upper().startswith(_READS):
            return
        if _TABLES.search(statement):
            seen.append(Captured(statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def _relations(node: dict[str, Any]) -> Iterator[str]:
    if "Relation Name" in node:
        yield str(node["Relation Name"])
    for child in node.get("Plans", []):
        yield from _relations(child)


def partitions_touched(conn: Connection, statement: Captured) -> dict[str, set[str]]:
    """For each partitioned table, the partitions the plan of `statement` (with its own parameters) scans."""
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement.statement, statement.parameters).scalar_one()
    root = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
    touched: dict[str, set[str]] = {table: set() for table in statement.tables}
    for name in _relations(root):
        parent = re.fullmatch(r"(.+)_p\d\d", name)
        if parent and parent.group(1) in touched:
            touched[parent.group(1)].add(name)
    return touched


def partition_count(conn: Connection, table: str) -> int:
    """How many partitions `table` has (0: a plain table)."""
    return int(
        conn.execute(
            text(
                "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE i.inhparent = CAST(:t AS regclass) AND n.nspname = :s"
            ),
            {"t": table, "s": PARTITION_SCHEMA},
        ).scalar_one()
    )


def table_digests(conn: Connection, tables: list[str], *, leave_out: dict[str, set[str]]) -> dict[str, tuple[int, str]]:
    """Row count and a SHA-256 of the sorted rows of each table (SQLite or PostgreSQL), over its columns except
    `leave_out[table]` (a column one side of a migration does not have)."""
    found: dict[str, tuple[int, str]] = {}
    inspector = inspect(conn)
    for table in tables:
        columns = sorted(
            c["name"] for c in inspector.get_columns(table) if c["name"] not in leave_out.get(table, set())
        )
        listed = ", ".join(f'"{c}"' for c in columns)
        rows = sorted(repr(tuple(row)) for row in conn.execute(text(f"SELECT {listed} FROM {table}")))
        found[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return found
