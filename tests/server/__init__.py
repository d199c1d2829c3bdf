"""Tests of the central service (server/): every flow over HTTP, on SQLite and PostgreSQL."""
