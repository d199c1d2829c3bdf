"""Arguments and file names that are not UTF-8 (issue 15 finding 13).

On POSIX, Python decodes argv and file names with ``surrogateescape``: a byte that is not UTF-8 becomes a lone
surrogate, which SQLite, JSON and the terminal all refuse later with a traceback-shaped error. Text arguments are
checked once after parsing (exit 4 with a sentence naming the argument); path arguments keep their bytes, so a file
with a legacy-encoded name can still be read, and its name is shown and stored decoded as the legacy encoding it
most likely is (Windows-1252, else Latin-1, both of which never fail).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop_app.errors import CarnetError

# Arguments that name files: their bytes are the file system's, whatever they are.
PATH_ARGUMENTS = frozenset({"data_dir", "file", "files", "output", "directory", "events"})


class UnreadableText(CarnetError):
    exit_code = 4


def has_undecodable(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)  # lone surrogates: undecodable bytes or bad input


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse (exit 4) a text argument holding bytes that are not UTF-8, naming the argument, never its value."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS or callable(value):
            continue
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and has_undecodable(v) for v in values):
            option = "--" + name.replace("_", "-")
            raise UnreadableText(
                f"L'argument « {option} » contient des caractères illisibles (pas en UTF-8). "
                "Ressaisissez-le, ou réglez votre terminal en UTF-8.",
                f"Argument '{option}' holds unreadable characters (not UTF-8). "
                "Type it again, or set your terminal to UTF-8.",
            )


def readable_name(path: Path | str) -> str:
    """A file name as text that can be stored and shown: UTF-8 if it is, else its legacy single-byte decoding."""
    name = Path(path).name
    if not has_undecodable(name):
        return name
    raw = os.fsencode(name)
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
