"""Clinic workstation mode: a professional's window on a shared PC (issue 8)."""
