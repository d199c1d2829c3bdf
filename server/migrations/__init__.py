"""Alembic migrations of the central service (SQLite and PostgreSQL)."""
