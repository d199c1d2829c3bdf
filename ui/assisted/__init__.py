"""Assisted session mode: a helper (France Services…) accompanies a person on the helper's PC, nothing kept."""
