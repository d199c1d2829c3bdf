"""carnet-cli, the scripting interface: it only consumes the client engine, which never imports it.

``core`` holds the context, the parser and the dossier commands; ``interop`` (export, import) and ``sync`` (activate,
login, sync, status, conflicts) plug their sub-commands into it. ``python -m desktop_app.cli`` runs it.
"""

from __future__ import annotations

from desktop_app.cli.core import main

__all__ = ["main"]
