"""Feature package: who may see the dossier (accès et confidentialité, aidants, children) and the history of access."""
