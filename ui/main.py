"""Entry point of the ``carnet`` command: harden the process, build translations, open the welcome screen."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.i18n import build_translations

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop_app.profile import ProfileDirectory
    from ui.app import MainWindow


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="carnet", description="Carnet — carnet de santé personnel chiffré.")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="dossier des carnets (par défaut : celui du système)"
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue de l'interface")
    parser.add_argument("--high-contrast", action="store_true", help="thème à contraste élevé")
    parser.add_argument(
        "--server",
        default=os.environ.get("CARNET_SERVER_URL"),
        help="adresse du service Carnet (activation, connexion, synchronisation) ; variable CARNET_SERVER_URL",
    )
    parser.add_argument("--text-scale", type=int, default=100, help="taille du texte en %% (100 à 200)")
    parser.add_argument(
        "--self-test", action="store_true", help="vérifier l'installation (carnet temporaire, écrans, PDF) puis quitter"
    )
    return parser.parse_args(argv)


def _harden() -> None:
    """S22: no core dumps of a process that holds health data and keys (best effort, Linux); private files."""
    try:
        from desktop_app import hardening

        hardening.disable_core_dumps()
        hardening.restrict_new_files()  # S15: folders 0700, files 0600 (issue 15 finding 5)
    except (ImportError, AttributeError, OSError):
        logging.getLogger(__name__).warning("core dumps could not be disabled")


class LazyProfileDirectory:
    """Stands for ``ProfileDirectory`` until first used, so the store (SQLAlchemy, SQLCipher, Alembic) loads
    after the welcome screen is on screen rather than before. ``preload()`` starts loading it on the worker."""

    def __init__(self, data_dir: Path | None) -> None:
        self._data_dir = data_dir
        self._real: ProfileDirectory | None = None

    def _load(self) -> ProfileDirectory:
        if self._real is None:
            from desktop_app.profile import ProfileDirectory

            self._real = ProfileDirectory(self._data_dir)
        return self._real

    def preload(self) -> None:
        from desktop_app import profile  # noqa: F401 (the import is the work)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._load(), name)


def build_window(app: QApplication, args: argparse.Namespace) -> MainWindow:
    """The welcome screen, themed and translated (used by main() and by benchmarks/ui.py)."""
    from ui import theme
    from ui.app import MainWindow
    from ui.i18n import LanguageManager
    from ui.ops import Op

    app.setApplicationName("Carnet")
    app.setOrganizationName("Carnet")
    theme.apply_theme(app, high_contrast=args.high_contrast, text_scale=args.text_scale)
    languages = LanguageManager(app)
    languages.set_language(args.lang)
    profiles = LazyProfileDirectory(args.data_dir)
    window = MainWindow(profiles=profiles, languages=languages, server_url=getattr(args, "server", None))  # type: ignore[arg-type]
    window.preferences.update(high_contrast=args.high_contrast, text_scale=args.text_scale, language=args.lang)
    Op(None, profiles.preload).run()  # import the store on the worker while the person reads the screen
    return window


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING)
    _harden()
    if args.self_test:
        from ui.selftest import run_self_test

        return run_self_test()
    build_translations()

    from PySide6.QtWidgets import QApplication

    from ui.ops import wait_for_idle

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = build_window(app, args)
    window.show()
    code = int(app.exec())
    wait_for_idle()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
