"""Feature package: the « Agenda » screen of the desktop application."""
