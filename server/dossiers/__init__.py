"""Dossiers (spaces): provisioning, opposition, life cycle, reads of the own dossier."""
