"""Process hardening at start-up: no core dumps that could hold decrypted health data or keys (S22)."""

from __future__ import annotations

import sys


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
