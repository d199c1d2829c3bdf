"""Carnet on a real display with the accessibility bridge on, stepping through its main screens on request.

    python tests/support/atspi_app.py DATA_DIR

Builds a throwaway profile with the sample dossier of scripts/screenshots.py, then for each screen prints
``SCREEN <name>`` once it is shown and settled, and shows the next one when a line arrives on stdin (the event loop
runs meanwhile, answering the bus). The AT-SPI test
(tests/ui/test_atspi.py) walks the bus from another process between the two.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")


def main() -> int:
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app import vault
    from desktop_app.profile import ProfileDirectory
    from ui import theme
    from ui.i18n import LanguageManager, build_translations
    from ui.ops import wait_for_idle

    spec = importlib.util.spec_from_file_location("carnet_screenshots", ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)

    build_translations()
    app = QApplication(sys.argv[:1])
    languages = LanguageManager(app)
    languages.set_language("fr")
    theme.apply_theme(app, high_contrast=False, text_scale=100)
    profiles = ProfileDirectory(Path(sys.argv[1]), kdf=vault.FLOOR_KDF)
    profile, _ = profiles.create("Camille Martin", shots.PASSWORD)
    shots.sample_data(profile.dossier(), None)
    profile.lock()
    window = shots.sample_window(profiles, languages)

    def settle() -> None:
        for _ in range(8):
            wait_for_idle()
            app.processEvents()

    def opened() -> None:
        window.show_unlock()
        window.unlock_page.password_edit.setText(shots.PASSWORD)
        window.unlock_page.on_unlock_button_clicked()
        for _ in range(100):
            settle()
            if window.store is not None:
                break

    def section(name: str) -> Callable[[], None]:
        return lambda: window.dossier.show_section(name)

    def measure_error() -> None:
        page = window.dossier.measures
        window.dossier.show_section("measures")
        page.select_measure("weight")
        page.form.row("value").editor.setText("abc")
        page.form.on_save_button_clicked()

    def measure_deleted() -> None:
        """A measure deleted (confirmed): « … supprimée. Annuler (Ctrl+Z) » in the status bar, announced."""
        page = window.dossier.measures
        page.form.reset()
        page.table.selectRow(0)
        window._confirmer.answers.append(True)  # the sample window's ScriptedConfirmer
        page.on_delete_button_clicked()

    screens: list[tuple[str, Callable[[], None]]] = [
        ("welcome", window.show_welcome),
        ("create", lambda: window.on_welcome_choice_made("create")),
        ("unlock", window.show_unlock),
        ("home", opened),
        *[(name, section(name)) for name in ("profile", "measures", "vaccinations", "documents", "access", "settings")],
        ("measure-error", measure_error),
        ("measure-deleted", measure_deleted),
        ("measure-restored", window.dossier.undo.undo),
    ]
    # The event loop keeps running between screens (the bus queries it); a line on stdin moves on.
    remaining = list(screens)

    def next_screen() -> None:
        if not remaining:
            window.lock()
            settle()
            print("DONE", flush=True)
            app.quit()
            return
        name, show = remaining.pop(0)
        show()
        settle()
        print(f"SCREEN {name}", flush=True)

    def on_stdin() -> None:
        if os.read(sys.stdin.fileno(), 4096):
            next_screen()
        else:  # the test went away
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)
    QTimer.singleShot(0, next_screen)
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
