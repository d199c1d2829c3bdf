"""The messagerie sécurisée: professionals start conversations, patients reply."""
