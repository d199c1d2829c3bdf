"""Feature package: the unlock screen of the desktop application."""
