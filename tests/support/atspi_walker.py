"""Dump what a screen reader sees of one application, from the AT-SPI bus (run with Debian's /usr/bin/python3).

    /usr/bin/python3 tests/support/atspi_walker.py PID

Prints one JSON object: {"nodes": [...]} with, for every *showing* accessible of the application's windows, its
role, name, description, states, the names of the objects it is LABELLED_BY and its depth. pyatspi is a Debian
package (python3-pyatspi) that pip cannot install: the tests run this file as a subprocess of that Python, so the
project's virtualenv needs no access to the system's site-packages.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]


def _app(pid: int, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.3)
    raise SystemExit(f"application {pid} not on the accessibility bus")


def _node(acc, depth: int) -> dict:
    states = acc.getState()
    labelled_by: list[str] = []
    try:
        for relation in acc.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for t in range(relation.getNTargets()):
                    labelled_by.append(relation.getTarget(t).name or "")
    except Exception:
        pass
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "editable": states.contains(pyatspi.STATE_EDITABLE),
        "enabled": states.contains(pyatspi.STATE_ENABLED),
        "invalid": states.contains(pyatspi.STATE_INVALID_ENTRY),
        "labelled_by": labelled_by,
        "depth": depth,
    }


def walk(pid: int) -> list[dict]:
    app = _app(pid)
    nodes: list[dict] = []

    def visit(acc, depth: int) -> None:
        if acc is None or depth > 60:
            return
        states = acc.getState()
        if depth > 1 and not states.contains(pyatspi.STATE_SHOWING):
            return
        nodes.append(_node(acc, depth))
        if acc.getRoleName() in ("table", "tree table", "list"):
            return  # cells: the table's own name and headers say what it is; thousands of rows stay out
        for i in range(acc.childCount):
            visit(acc.getChildAtIndex(i), depth + 1)

    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and window.getState().contains(pyatspi.STATE_SHOWING):
            visit(window, 1)
    return nodes


if __name__ == "__main__":
    print(json.dumps({"nodes": walk(int(sys.argv[1]))}, ensure_ascii=False))
