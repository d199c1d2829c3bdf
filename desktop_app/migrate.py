"""Applies the client's Alembic migrations on a keyed connection, and refuses stores written by a newer Carnet."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from desktop_app.errors import StoreTooNew

Branch = Literal["account", "dossier"]
_SCRIPT_LOCATION = str(Path(__file__).with_name("migrations"))


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", _SCRIPT_LOCATION)
    return config


@functools.cache
def _script() -> ScriptDirectory:
    # Parsing the migration scripts costs milliseconds; every open of a dossier needs only the result.
    return ScriptDirectory.from_config(_config())


@functools.cache
def _known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in _script().walk_revisions())


def upgrade(engine: Engine, branch: Branch) -> None:
    """Bring one database to the head of its branch; raise StoreTooNew if it carries an unknown revision."""
    config = _config()
    script = _script()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    known = _known_revisions()
    if any(rev not in known for rev in current):
        raise StoreTooNew()
    head = script.get_revision(f"{branch}@head")
    if head is not None and head.revision in current:
        return
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, f"{branch}@head")
