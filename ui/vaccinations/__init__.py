"""Feature package: the vaccinations screen of the desktop application."""
