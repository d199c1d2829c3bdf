"""Outgoing e-mail: an interface, an SMTP client and the default .eml outbox."""
