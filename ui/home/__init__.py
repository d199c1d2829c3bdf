"""Feature package: the home screen of the desktop application."""
