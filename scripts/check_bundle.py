"""Inspect a built Carnet bundle: what must be in it, what must never be, and the system libraries it still needs.

    .venv/bin/python scripts/check_bundle.py DIST_DIR/Carnet [--system-libs]

Exit code 0 when the bundle is complete and clean, 1 otherwise (one French / English line per problem).
Called by scripts/build_and_check_bundle.sh; needs PyInstaller (to read the archive), not the bundle's Python.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# Never shipped: keyrings.alt keeps secrets in plain files (S-list: keys stay in the OS keyring or nowhere); the
# central service and its stack; test tools; Tk.
FORBIDDEN_MODULES = (
    "keyrings",
    "server",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "pwdlib",
    "aiosmtpd",
    "tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
)
FORBIDDEN_QT = ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia")
REQUIRED_MODULES = ("ui.main", "ui.selftest", "desktop_app.profile", "desktop_app.migrate", "dossier", "sqlcipher3")
REQUIRED_FILES = (
    "resources/styles/carnet.qss",
    "resources/styles/tokens.json",
    "resources/icons/carnet.svg",
    "resources/icons/carnet.png",
    "resources/i18n/carnet_en.qm",
    "resources/i18n/carnet_fr.qm",
    "resources/fonts/DejaVuSans.ttf",
    "resources/fonts/DejaVuSans-Bold.ttf",
    "resources/fonts/LICENSE-DejaVu.txt",
    "resources/access/matrice_habilitation.json",
    "resources/passwords/blocklist.txt",
    "desktop_app/migrations/env.py",
    "desktop_app/migrations/script.py.mako",
)


def _executable(bundle: Path) -> Path:
    for name in ("Carnet", "Carnet.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise SystemExit(f"Exécutable Carnet introuvable dans {bundle} / Carnet executable not found")


def _internal(bundle: Path) -> Path:
    return bundle / "_internal" if (bundle / "_internal").is_dir() else bundle


def bundled_modules(executable: Path) -> set[str]:
    """Names of every Python module frozen into the executable's PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive = CArchiveReader(str(executable))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def _matches(module: str, packages: Iterable[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def problems(bundle: Path) -> list[str]:
    found: list[str] = []
    internal = _internal(bundle)
    modules = bundled_modules(_executable(bundle))
    for module in sorted(m for m in modules if _matches(m, FORBIDDEN_MODULES)):
        found.append(f"module interdit dans le bundle : {module} / forbidden module bundled")
    for module in REQUIRED_MODULES:
        if module not in modules:
            found.append(f"module manquant : {module} / missing module")
    for package in FORBIDDEN_MODULES:
        if (internal / package).exists():
            found.append(f"dossier interdit dans le bundle : {package} / forbidden directory bundled")
    qt_dir = internal / "PySide6"
    for qt in FORBIDDEN_QT:
        if any(qt_dir.glob(f"{qt}.*")) or any(qt_dir.rglob(f"*Qt6{qt.removeprefix('Qt')}.*")):
            found.append(f"module Qt inutile dans le bundle : {qt} / unused Qt module bundled")
    for relative in REQUIRED_FILES:
        if not (internal / relative).is_file():
            found.append(f"fichier manquant : {relative} / missing file")
    if not list((internal / "desktop_app" / "migrations" / "versions").glob("*.py")):
        found.append("migrations Alembic absentes / Alembic migrations missing")
    if list((internal / "resources" / "i18n").glob("*.ts")):
        found.append("sources .ts livrées au lieu des .qm seuls / .ts sources shipped")
    return found


def system_libraries(bundle: Path) -> dict[str, list[str]]:
    """Linux: for each Qt platform plugin, the shared libraries ldd resolves outside the bundle (what the target
    system must provide)."""
    internal = _internal(bundle)
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    plugins = internal / "PySide6" / "Qt" / "plugins"
    outside: dict[str, list[str]] = {}
    for plugin in sorted([*plugins.glob("platforms/*.so"), *plugins.glob("xcbglintegrations/*.so")]):
        result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, env=env, check=False)
        libs = []
        for line in result.stdout.splitlines():
            name, _, target = line.strip().partition(" => ")
            path = target.split(" (")[0].strip()
            if path == "not found" or (path.startswith("/") and not path.startswith(str(internal))):
                libs.append(f"{name} ({path})" if path == "not found" else name)
        outside[str(plugin.relative_to(plugins))] = libs
    return outside


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="dossier du bundle (…/dist/Carnet)")
    parser.add_argument("--system-libs", action="store_true", help="lister les bibliothèques système requises")
    args = parser.parse_args(argv)
    found = problems(args.bundle)
    for problem in found:
        print(f"[ÉCHEC] {problem}")
    size = sum(p.stat().st_size for p in args.bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"Taille du bundle / bundle size : {size / 1e6:.0f} Mo")
    if args.system_libs and sys.platform.startswith("linux"):
        for plugin, libs in system_libraries(args.bundle).items():
            print(f"{plugin} : {' '.join(libs)}")
    if found:
        return 1
    print("Contenu du bundle vérifié / bundle contents checked")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
