"""The screens that talk to the central service: activation, login, opposition, care history, devices."""
