"""Shared entry widgets: the generated entry form and the delete/restore actions every entry screen uses."""
