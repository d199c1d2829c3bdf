"""Feature package: the documents screen of the desktop application."""
