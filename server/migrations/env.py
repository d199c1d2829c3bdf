"""Alembic environment: the URL comes from the caller's Config, never from a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from server.db import postgres_connect_args
from server.models import Base
from server.partitioning import include_object

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url
    url, connect_args = postgres_connect_args(url)  # `?prepare_threshold=none` behind PgBouncer (server/db.py)
    engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
