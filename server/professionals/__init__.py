"""Health professionals: registry entries and their login behind an identity-provider interface."""
