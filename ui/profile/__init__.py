"""Feature package: the profile screen of the desktop application."""
