"""Feature package: activation, sign-in and opposition, the first contact with the online service."""
