"""Alembic environment for the client: always runs on the already-keyed SQLCipher connection it is given."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the client never builds a URL holding a key
    raise RuntimeError("client migrations run only on a keyed connection passed by desktop_app.migrate")

context.configure(connection=connection, render_as_batch=True, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
