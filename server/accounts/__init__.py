"""Patient accounts: activation, two-factor login, devices, tokens, recovery, rate limiting."""
