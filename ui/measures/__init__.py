"""Feature package: the measures screen of the desktop application."""
