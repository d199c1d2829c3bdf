"""Messagerie: the conversations professionals start with the person (issue 20)."""
