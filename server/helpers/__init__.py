"""Helpers of assisted sessions: accounts of their own, registered by their organisation (issue 15 #2, S51-S53)."""
