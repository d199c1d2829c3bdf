"""Feature package: the settings screen of the desktop application."""
