"""Feature package: the welcome screen of the desktop application."""
