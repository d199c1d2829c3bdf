"""Translations: compile the Qt Linguist sources (.ts → .qm) and switch language at run time.

French is the source language of every ``self.tr("…")``; English comes from resources/i18n/carnet_en.ts. Texts that
come from the domain (entry kinds, field labels, error messages) carry both languages: ``pick(fr, en)`` chooses.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from ui.paths import I18N_DIR

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
_current = DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def pick(fr: str, en: str) -> str:
    """The text for the current language, from a domain object's French and English versions."""
    return en if _current == "en" else fr


def _lrelease() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build_translations(*, force: bool = False, directory: Path = I18N_DIR) -> list[Path]:
    """Compile every ``carnet_*.ts`` into a ``.qm`` beside it when missing or older; returns the .qm files built."""
    built: list[Path] = []
    sources = sorted(directory.glob("carnet_*.ts"))
    stale = [
        ts
        for ts in sources
        if force or not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return built
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the interface stays in French")
        return built
    for ts in stale:
        qm = ts.with_suffix(".qm")
        result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.exists():
            log.warning("could not compile %s: %s", ts.name, result.stderr.strip())
            continue
        built.append(qm)
    return built


class LanguageManager(QObject):
    """Installs the translators of one language; Qt then sends LanguageChange to every widget (retranslate_ui)."""

    sig_language_changed = Signal(str)
    """The interface language changed (``"fr"`` or ``"en"``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []

    def set_language(self, language: str) -> None:
        global _current
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QApplication")
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        # Set before installing: installTranslator sends LanguageChange synchronously and retranslate_ui
        # reads current_language() for domain labels.
        _current = language
        QLocale.setDefault(QLocale(QLocale.Language.English if language == "en" else QLocale.Language.French))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(I18N_DIR, f"carnet_{language}"), (qt_dir, f"qtbase_{language}")]
        loaded: list[QTranslator] = []
        for folder, name in candidates:
            translator = QTranslator(self)
            if translator.load(name, str(folder)):
                loaded.append(translator)
        if language == "en" and not any(
            t.language().startswith("en") or t.filePath().endswith("carnet_en.qm") for t in loaded
        ):
            log.warning("English translation not found in %s: run build_translations()", I18N_DIR)
        for translator in loaded:
            app.installTranslator(translator)
            self._translators.append(translator)
        if not loaded:
            # Still tell every window, so domain labels (pick) follow the new language.
            QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
        # QApplication *posts* LanguageChange to each window: deliver now, so the switch is visible at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.sig_language_changed.emit(language)


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` for module-level texts; lupdate knows it as ``_t`` (see scripts/i18n.py)."""
    return QCoreApplication.translate(context, text)
