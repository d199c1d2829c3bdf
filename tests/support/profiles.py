"""Passwords and a marker for tests of local encrypted profiles (tests/desktop_app)."""

from __future__ import annotations

# A passphrase that satisfies the CNIL policy (≥ 12 characters, ≥ 80 bits).
PASSWORD = "cheval agrafe lune 47 brique Tonnerre"
OTHER_PASSWORD = "Grenouille-violette-sous-la-pluie-1987"
# Written into a dossier to prove it never reaches the disk in clear.
MARKER = "ZQXJMARKERPLAINTEXT7731"
