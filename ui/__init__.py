"""The patient's desktop application (PySide6): windows, views, models, dialogs and background operations."""

from ui._pyside_workarounds import make_singletons_immortal

make_singletons_immortal()
