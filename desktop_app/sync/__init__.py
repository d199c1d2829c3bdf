"""Dossier Sync v1, client side: HTTP with backoff, the sync engine, its local tables."""
