"""Exports, printing, backup, restore and import in the patient window (issue 17)."""
