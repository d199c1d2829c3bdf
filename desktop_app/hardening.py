"""Process hardening at start-up: no core dumps that could hold decrypted health data or keys (S22)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def disable_core_dumps() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # not available on Windows: Windows Error Reporting is configured by the installer instead
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def restrict_new_files() -> None:
    """Everything the process creates is its owner's only: folders 0700, files 0600 (S15, issue 15 finding 5).

    Called first thing by carnet-cli and the desktop app; the places that create sensitive files also set explicit
    modes, so a caller that forgot this still gets private files.
    """
    os.umask(0o077)


def make_private(path: Path) -> None:
    """Owner read/write only (0600), for a file the person asked for in clear (export, `document get`)."""
    os.chmod(path, 0o600)
