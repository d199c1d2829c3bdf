"""Feature package: the « Prévention » and « Mes demandes de dossier » screens of the desktop application."""
