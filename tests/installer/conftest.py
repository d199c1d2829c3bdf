"""Installer tests run Qt offscreen, without a session bus (no keyring, no OS-lock watcher)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
