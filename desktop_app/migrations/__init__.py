"""Alembic migrations of the client's encrypted databases (two branches: `account` and `dossier`)."""
