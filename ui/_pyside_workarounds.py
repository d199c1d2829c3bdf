"""Work around a PySide6 6.12 refcount bug: every Python ``Signal.emit()`` drops one reference to ``True``.

Measured here (PySide6 6.12.0, CPython 3.11): 50 emits lower ``sys.getrefcount(True)`` by 50, so a long session
(or a test run) eventually deallocates ``True`` and CPython aborts with "bool_dealloc" / "none_dealloc". From
CPython 3.12 on these singletons are immortal (PEP 683) and the bug is harmless. On older Pythons we give the
singletons a reference count no program can exhaust; they are never freed anyway, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

_DONE = False


def make_singletons_immortal() -> None:
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (True, False, None):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _DONE = True
