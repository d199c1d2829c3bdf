"""``carnet --self-test``: checks that this installation of Carnet works end to end, then deletes what it made.

Each check prints one French summary line (English after the slash); the exit code is 0 when every check passed.
Used after installing and by CI on the frozen bundle (scripts/build_and_check_bundle.sh): a missing resource, Qt
plugin, SQLCipher build or font shows up here rather than in front of a patient.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication

    from desktop_app.profile import ProfileDirectory
    from ui.app import MainWindow

SQLITE_MAGIC = b"SQLite format 3\x00"
PROFILE_LABEL = "Auto-test Carnet"
# A tiny but well-formed PDF: what the store keeps is compared byte for byte after a lock/unlock round trip.
SAMPLE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
UNLOCK_TIMEOUT_MS = 60_000


class SelfTestError(Exception):
    """One check failed; the message (French / English) is printed on its summary line."""


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    title: str
    ok: bool
    detail: str


@dataclass(slots=True)
class _Context:
    """What the checks share: the temporary data directory, the profile password and what was stored."""

    data_dir: Path
    password: str
    marker: str
    profiles: ProfileDirectory | None = None


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def _strong_password() -> str:
    # 24 random URL-safe characters (~144 bits): far above the strength check of profile creation.
    return "Carnet-" + secrets.token_urlsafe(18)


def ensure_platform() -> None:
    """Without a display (CI, SSH) Qt renders offscreen; a desktop session keeps its own platform."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def _settle(app: QApplication) -> None:
    from ui.ops import wait_for_idle

    for _ in range(5):
        wait_for_idle()
        app.processEvents()


def pixmap_problem(pixmap: QPixmap) -> str | None:
    """Why a rendering is unusable (empty, or a single colour: nothing drawn), or None when it shows something."""
    from PySide6.QtCore import Qt

    if pixmap.isNull() or pixmap.width() < 2 or pixmap.height() < 2:
        return "image vide / empty image"
    small = pixmap.toImage().scaled(
        64, 64, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    if len(colours) < 2:
        return "image d'une seule couleur / single-colour image"
    return None


# -- checks -----------------------------------------------------------------------------------------------------------
def check_translations(ctx: _Context) -> str:
    from PySide6.QtCore import QTranslator

    from ui.i18n import LANGUAGES, build_translations
    from ui.paths import I18N_DIR

    build_translations()
    for language in LANGUAGES:
        qm = I18N_DIR / f"carnet_{language}.qm"
        _require(qm.is_file(), f"traduction absente : {qm} / missing translation")
        translator = QTranslator()
        _require(
            translator.load(str(qm)) and not translator.isEmpty(),
            f"traduction illisible : {qm.name} / unreadable translation",
        )
    return ", ".join(LANGUAGES)


def check_resources(ctx: _Context) -> str:
    from dossier.access.matrix import default_matrix
    from dossier.passwords import common_passwords
    from dossier.prevention import load_calendars
    from ui import icons
    from ui.paths import STYLES_DIR

    _application()
    for sheet in ("carnet.qss", "tokens.json"):
        _require((STYLES_DIR / sheet).is_file(), f"feuille de style absente : {sheet} / missing style sheet")
    names = icons.names()
    _require(bool(names), "aucune icône / no icons")
    for name in names:
        problem = pixmap_problem(icons.get(name).pixmap(48, 48))
        _require(problem is None, f"icône {name} : {problem} / icon {name} not drawn")
    default_matrix()  # raises a clear error when the shipped matrix is missing or invalid
    load_calendars()  # the same for the vaccination and screening calendars (resources/prevention)
    common_passwords()  # the S28 blocklist: raises when missing or empty
    return f"{len(names)} icônes, styles, matrice d'habilitation, liste de mots de passe courants"


def _scan_for_plaintext(root: Path, needles: list[bytes]) -> None:
    files = [p for p in root.rglob("*") if p.is_file()]
    _require(any(p.suffix == ".db" for p in files), "aucune base trouvée / no database file found")
    for path in files:
        content = path.read_bytes()
        _require(not content.startswith(SQLITE_MAGIC), f"{path.name} est une base SQLite en clair / plaintext SQLite")
        for needle in needles:
            _require(needle not in content, f"{path.name} contient des données en clair / holds plaintext data")


def check_store(ctx: _Context) -> str:
    from desktop_app.profile import ProfileDirectory

    profiles = ProfileDirectory(ctx.data_dir)
    profile, _recovery = profiles.create(PROFILE_LABEL, ctx.password)
    profile.lock()
    profile = profiles.unlock(ctx.password)
    store = profile.dossier()
    entry = store.entries.create("allergy", {"substance": ctx.marker, "reaction": "Urticaire", "severity": "severe"})
    document_bytes = SAMPLE_PDF.replace(b"%%EOF", f"%{ctx.marker}\n%%EOF".encode())
    document = store.documents.add(document_bytes, title="Ordonnance d'auto-test", category="ordonnance")
    profile.lock()

    profile = profiles.unlock(ctx.password)
    try:
        store = profile.dossier()
        read_entry = store.entries.get(entry.id)
        _require(ctx.marker in str(read_entry.data), "l'entrée relue diffère / entry read back differs")
        _require(store.documents.read(document.id) == document_bytes, "le document relu diffère / document differs")
    finally:
        profile.lock()
    _scan_for_plaintext(ctx.data_dir, [ctx.marker.encode(), b"Urticaire"])
    ctx.profiles = profiles
    return "création, verrouillage, déverrouillage, entrée et PDF relus, fichiers chiffrés"


def _wait_unlocked(app: QApplication, window: MainWindow) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    failures: list[str] = []

    def failed(message: str) -> None:
        failures.append(message)
        loop.quit()

    window.sig_unlocked.connect(loop.quit)
    window.unlock_page.sig_unlock_failed.connect(failed)
    QTimer.singleShot(UNLOCK_TIMEOUT_MS, loop.quit)
    window.unlock_page.on_unlock_button_clicked()
    if window.is_locked():
        loop.exec()
    _require(not failures, f"déverrouillage refusé : {failures[:1]} / unlock refused")
    _require(not window.is_locked(), "le dossier ne s'est pas ouvert / the record did not open")
    _settle(app)


def check_screens(ctx: _Context) -> str:
    from PySide6.QtCore import Qt

    from ui.app import MainWindow
    from ui.dossier_view import SECTIONS
    from ui.i18n import LanguageManager

    _require(ctx.profiles is not None, "pas de carnet de test (stockage en échec) / no test profile (store failed)")
    assert ctx.profiles is not None
    app = _application()
    languages = LanguageManager(app)
    languages.set_language("fr")
    window = MainWindow(profiles=ctx.profiles, languages=languages, watch_os_lock=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    try:
        shots: list[tuple[str, Callable[[], None]]] = [("accueil", window.show_welcome)]
        for name, prepare in shots:
            prepare()
            _settle(app)
            problem = pixmap_problem(window.grab())
            _require(problem is None, f"écran {name} : {problem}")
        window.show_unlock()
        window.unlock_page.password_edit.setText(ctx.password)
        _wait_unlocked(app, window)
        for section in SECTIONS:
            window.dossier.show_section(section)
            _settle(app)
            problem = pixmap_problem(window.grab())
            _require(problem is None, f"écran {section} : {problem}")
    finally:
        window.lock()
        _settle(app)
        window.close()
        window.deleteLater()
        _settle(app)
    return f"accueil et {len(SECTIONS)} écrans du dossier dessinés"


def check_pdf(ctx: _Context) -> str:
    from desktop_app.exports.pdf import FONT, build_emergency_card

    _require(ctx.profiles is not None, "pas de carnet de test (stockage en échec) / no test profile (store failed)")
    assert ctx.profiles is not None
    profile = ctx.profiles.unlock(ctx.password)
    try:
        entries = profile.dossier().entries.list()
    finally:
        profile.lock()
    pdf = build_emergency_card(entries, generated_at=datetime.now(UTC))
    _require(pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF"), "PDF mal formé / malformed PDF")
    _require(b"/FontFile2" in pdf and f"+{FONT}".encode() in pdf, f"police {FONT} non incorporée / font not embedded")
    return f"carte d'urgence ({len(pdf) // 1024} Ko), police {FONT} incorporée"


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("Traductions / Translations", check_translations),
    ("Ressources / Resources", check_resources),
    ("Stockage chiffré / Encrypted store", check_store),
    ("Écrans / Screens", check_screens),
    ("PDF / PDF export", check_pdf),
)


Check = tuple[str, Callable[[_Context], str]]


def _outcomes(ctx: _Context, checks: tuple[Check, ...]) -> Iterator[CheckOutcome]:
    for title, check in checks:
        try:
            yield CheckOutcome(title, True, check(ctx))
        except Exception as exc:  # every failure becomes a summary line; the next checks still run
            detail = str(exc) or type(exc).__name__
            if not isinstance(exc, SelfTestError):
                detail = f"{type(exc).__name__}: {detail}"
                traceback.print_exc(file=sys.stderr)
            yield CheckOutcome(title, False, detail)


def run_self_test(*, out: TextIO | None = None, checks: tuple[Check, ...] = CHECKS) -> int:
    """Run every check in a temporary data directory (deleted afterwards); 0 when all passed, 1 otherwise."""
    stream = out or sys.stdout
    ensure_platform()
    try:
        tmp = Path(tempfile.mkdtemp(prefix="carnet-selftest-"))
    except OSError as exc:
        print(f"[ÉCHEC] Dossier temporaire / Temporary directory : {exc}", file=stream)
        return 1
    results: list[CheckOutcome] = []
    try:
        ctx = _Context(data_dir=tmp / "data", password=_strong_password(), marker=f"Autotest-{secrets.token_hex(8)}")
        for outcome in _outcomes(ctx, checks):
            results.append(outcome)
            status = "OK" if outcome.ok else "ÉCHEC"
            print(f"[{status}] {outcome.title} : {outcome.detail}", file=stream, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if tmp.exists():
        print(f"[ÉCHEC] Nettoyage / Clean-up : {tmp} n'a pas pu être supprimé / could not be removed", file=stream)
        return 1
    failed = sum(not r.ok for r in results)
    if failed:
        print(f"Auto-test échoué : {failed} vérification(s) sur {len(results)} / self-test FAILED", file=stream)
        return 1
    print(f"Auto-test réussi : {len(results)} vérifications / self-test passed", file=stream)
    return 0
