"""Icons behind one function: ``icons.get("document")`` loads resources/icons/document.svg (search path set once)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

from ui.paths import ICONS_DIR

_registered = False
# Pictures drawn in their own colours (they carry their own dark outline), not single-colour interface icons.
ILLUSTRATIONS = frozenset({"carte_vitale"})


def register_search_path() -> None:
    global _registered
    if not _registered:
        QDir.addSearchPath("icons", str(ICONS_DIR))
        _registered = True


@cache
def get(name: str) -> QIcon:
    register_search_path()
    path = ICONS_DIR / f"{name}.svg"
    if not path.exists():
        raise KeyError(f"no icon named {name!r} in {ICONS_DIR}")
    return QIcon(f"icons:{name}.svg")


def names() -> list[str]:
    return sorted(p.stem for p in ICONS_DIR.glob("*.svg"))
