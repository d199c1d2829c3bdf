"""The service's files are its own (issue 15, finding 5; S45 in docs/SECURITY.md): directories 0700, files 0600.

`carnet-server serve` sets the umask 077 at start; the places that create files also set modes explicitly, so an
admin command run under a lax umask, or a file made by an earlier version, does not leave them readable by others.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077


def private_dir(path: Path) -> Path:
    """Create `path` and its missing parents 0700 (an existing directory is left as its owner set it, but `path`
    itself is made 0700)."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another worker made it first
            directory.mkdir(mode=DIR_MODE)
    os.chmod(path, DIR_MODE)
    return path


def open_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """os.open with mode 0600 (whatever the umask) on a new file; the caller closes the descriptor."""
    fd = os.open(path, flags, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    return fd


def tighten_sqlite(database: Path) -> None:
    """The SQLite file and its -wal/-shm companions 0600 (SQLite gives new companions the database file's mode)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(database.with_name(database.name + suffix), FILE_MODE)
