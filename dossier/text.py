"""Text helpers shared by validation and search: accent folding and whitespace clean-up."""

from __future__ import annotations

import unicodedata

# Letters NFKD does not decompose but that French speakers type interchangeably with their ASCII spelling.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"})


def fold(text: str) -> str:
    """Lowercase, accent-free form used for search and comparisons ("Éléonore Œdème" -> "eleonore oedeme")."""
    if text.isascii():  # nothing to decompose: the common case when a dossier is indexed, 10x cheaper
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def collapse_spaces(text: str) -> str:
    """Trim and collapse runs of whitespace to one space (for names and free text, never for passwords)."""
    return " ".join(text.split())


def strip_separators(value: str, separators: str = " \u00a0\u202f\t-.") -> str:
    """Remove the separators people type inside numbers (spaces, non-breaking spaces, dashes, dots)."""
    return "".join(ch for ch in value if ch not in separators)
