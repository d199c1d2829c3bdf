"""Language choice for the engine's own messages (the CLI): French by default, English when LANG says so."""

from __future__ import annotations

import os


def current_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def pick(fr: str, en: str, lang: str | None = None) -> str:
    return en if (lang or current_language()) == "en" else fr
