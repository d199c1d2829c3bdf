"""Notifications: the list of what happened to the dossier, marked read, and the unread count (the badge)."""
