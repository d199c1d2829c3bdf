"""Dossier Sync v1 on the central service: push, pull, conflicts, resumable blobs, authorisations for sync."""
