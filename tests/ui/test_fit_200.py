"""Every main screen fits a 1280 px wide screen at 200 % text (1024 px at 100 %) without clipping any text."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop_app.access import ChildProfile
from desktop_app.profile import ProfileDirectory
from tests.support.paths import PROJECT_ROOT
from tests.ui.helpers import PASSWORD, clipped_buttons, clipped_labels, main_window, open_dossier
from ui import theme
from ui.dialogs import ScriptedConfirmer
from ui.ops import wait_for_idle

# Widest the top-level window may ask for, per text size: a 1280 px screen at 200 %, a 1024 px one at 100 %.
LIMITS = {200: 1280, 100: 1024}
DEAD_SERVICE = "http://127.0.0.1:9"  # nobody answers: the online pages exist, the access screens show their copy


def _screenshots_module():
    """The sample dossier of scripts/screenshots.py (the same data the screenshots show)."""
    spec = importlib.util.spec_from_file_location("carnet_screenshots", PROJECT_ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sample_window(qtbot, profiles: ProfileDirectory, clock, confirmer: ScriptedConfirmer) -> Iterator:
    shots = _screenshots_module()
    profile, _key = profiles.create("Camille Martin", PASSWORD)
    shots.sample_data(profile.dossier(), None)
    shots.sample_care_history(profile)
    shots.sample_access_copies(profile)
    profile.lock()
    win = main_window(qtbot, profiles, confirmer, clock, apply_preferences=False, server_url=DEAD_SERVICE)
    yield win
    win.lock()
    wait_for_idle()
    theme.apply_theme(QApplication.instance(), high_contrast=False, text_scale=100)


def _settle() -> None:
    for _ in range(3):
        wait_for_idle()
        QApplication.processEvents()


def _problems(name: str, top: QWidget, shown: QWidget, scale: int) -> list[str]:
    """What does not fit: the window's minimum width over the limit, or a text clipped once sized to the limit."""
    _settle()
    limit = LIMITS[scale]
    needed = top.minimumSizeHint().width()
    found = [f"{scale} % {name}: needs {needed} px (> {limit})"] if needed > limit else []
    top.resize(limit, 800 if scale == 200 else 700)
    _settle()
    found += [f"{scale} % {name}: button « {t} » clipped" for t in clipped_buttons(shown)]
    found += [f"{scale} % {name}: label « {t} » clipped" for t in clipped_labels(shown)]
    for scroller in top.findChildren(QScrollArea):
        inner = scroller.widget()
        if scroller.isVisible() and inner is not None and scroller.horizontalScrollBar().isVisible():
            found.append(f"{scale} % {name}: scrolls sideways ({inner.minimumSizeHint().width()} px)")
    return found


def test_every_main_screen_fits_at_200_and_100_percent_text(qtbot, sample_window) -> None:
    """Issue 6: text scales to 200 % without clipping and the window never grows past the screen."""
    window = sample_window
    app = QApplication.instance()
    problems: list[str] = []
    wizard, login, opposition = window.activation_page, window.login_page, window.opposition_page
    assert wizard is not None and login is not None and opposition is not None

    def page(name: str, show: Callable[[], QWidget], scale: int) -> None:
        shown = show()
        problems.extend(_problems(name, window, shown, scale))

    def step(flow: QWidget, choice: str, index: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.on_welcome_choice_made(choice)
            flow.go_to(index)  # type: ignore[attr-defined]
            return flow

        return show

    def section(name: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.dossier.show_section(name)
            shown = window.dossier.pages[name]
            qtbot.waitUntil(shown.isVisible, timeout=5_000)
            return shown

        return show

    def profile_kind(kind: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.dossier.show_section("profile")
            window.dossier.profile.show_kind(kind)
            return window.dossier.profile

        return show

    def error_on(flow: QWidget, field: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            flow.show_field_error(field, "La clé (les 2 derniers chiffres) ne correspond pas au numéro.")  # type: ignore[attr-defined]
            return flow

        return show

    def show_welcome() -> QWidget:
        window.show_welcome()
        return window.welcome

    def show_create() -> QWidget:
        window.on_welcome_choice_made("create")
        return window.create_page

    def show_unlock() -> QWidget:
        window.show_unlock()
        return window.unlock_page

    open_dossier(qtbot, window)  # built once: a hidden dossier must not widen the first-contact pages
    window.dossier.show_section("documents")
    for scale in (200, 100):
        theme.apply_theme(app, high_contrast=False, text_scale=scale)
        window.lock()
        page("welcome", show_welcome, scale)
        page("create profile", show_create, scale)
        page("unlock", show_unlock, scale)
        for flow, choice, name in ((wizard, "activate", "activation"), (login, "login", "login")):
            for index in range(flow.stack.count()):
                page(f"{name} step {index + 1}", step(flow, choice, index), scale)
        page("opposition", step(opposition, "oppose", 0), scale)
        page("opposition with an error", error_on(opposition, "nir"), scale)

        open_dossier(qtbot, window)
        for name in window.dossier.pages:
            page(f"dossier {name}", section(name), scale)
        measures = window.dossier.pages["measures"]
        window.dossier.show_section("measures")
        window.resize(LIMITS[scale], 800)
        _settle()
        # At 200 % the list and the chart are tabs (each gets the whole page); at 100 % they sit side by side.
        assert measures.tabs.isVisible() == (scale == 200) and measures.splitter.isVisible() == (scale != 200)
        if scale == 200:
            measures.tabs.setCurrentIndex(1)
        assert measures.chart_view.isVisible()
        for kind in window.dossier.profile._kinds:
            page(f"profil médical {kind}", profile_kind(kind), scale)
        access = window.dossier.access
        window.dossier.show_section("access")
        qtbot.waitUntil(lambda a=access: a.settings is not None, timeout=20_000)
        page("accès et confidentialité (copy)", lambda a=access: a, scale)

        inbox = window.show_conflicts()
        problems.extend(_problems("conflict inbox", inbox.window(), inbox, scale))
        inbox.window().close()
        child = ChildProfile("00000000-0000-4000-8000-00000000c01d", "Léa", "Martin", date(2015, 3, 2))
        child_page = access.manage_child(child)
        qtbot.waitUntil(lambda c=child_page: c.freshness.text() != "" or c.error.isVisible(), timeout=20_000)
        problems.extend(_problems("child access window", child_page.window(), child_page, scale))
        child_page.window().close()

    assert problems == [], "\n".join(problems)
