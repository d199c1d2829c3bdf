"""The shared pieces: background operations, paging, themes (contrast), translations, accessibility, text scale."""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import clipped_buttons, missing_accessibility, open_dossier
from ui import icons, theme
from ui.ops import Op


def test_op_runs_off_the_ui_thread_and_delivers_on_it(qtbot) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    op = Op(None, work).success(done)
    with qtbot.waitSignal(op.sig_succeeded, timeout=5_000):
        op.run()
    assert seen == {"worker": seen["worker"], "callback": ui_thread, "value": 42}
    assert seen["worker"] != ui_thread


def test_op_failure_reaches_the_ui_thread_with_the_exception(qtbot) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("refusé")

    op = Op(None, boom).failure(errors.append)
    with qtbot.waitSignal(op.sig_failed, timeout=5_000):
        op.run()
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "refusé"


def test_store_operations_are_serialised_on_one_worker_thread(qtbot) -> None:
    threads: list[int] = []
    ops = [Op(None, lambda: threads.append(threading.get_ident())).run() for _ in range(5)]
    qtbot.waitUntil(lambda: len(threads) == 5, timeout=5_000)
    assert len(set(threads)) == 1 and ops


def test_an_op_its_widget_and_its_outcome_are_always_released_on_the_ui_thread(qtbot) -> None:
    """The last reference to an Op (which names a widget as parent), to its callable and to its outcome is dropped
    on the UI thread, never on the worker: Qt must not destroy a widget on another thread (a crash seen once in a
    full test run under load). The worker is made to give up the interpreter as often as possible, so the UI
    thread often handles a result before the worker is done with it."""
    from PySide6.QtWidgets import QWidget

    class Marker:
        pass

    freed: list[str] = []
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for i in range(300):
            widget, captured = QWidget(), Marker()
            weakref.finalize(captured, lambda: freed.append(threading.current_thread().name))

            def work(captured: Marker = captured, fail: bool = i % 2 == 0) -> Marker:
                if fail:
                    raise ValueError("a failure travels back too")
                return captured

            op = Op(widget, work).success(lambda value: None).failure(lambda exc: None)
            weakref.finalize(op, lambda: freed.append(threading.current_thread().name))
            with qtbot.waitSignal(op.sig_failed if i % 2 == 0 else op.sig_succeeded, timeout=5_000):
                op.run()
            del widget, captured, op, work
    finally:
        sys.setswitchinterval(switch)
    gc.collect()
    qtbot.waitUntil(lambda: len(freed) == 600, timeout=10_000)
    assert set(freed) == {threading.main_thread().name}


def test_the_documents_table_pages_rows_in_from_the_store(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    store = window.store
    store.entries.create_many("allergy", [{"substance": f"Substance {i:03d}"} for i in range(250)])
    page = window.dossier.profile
    page.show_kind("allergy")
    qtbot.waitUntil(lambda: page.model.rowCount() == 100, timeout=10_000)
    assert page.model.canFetchMore()
    with qtbot.waitSignal(page.model.sig_page_loaded, timeout=10_000):
        page.model.fetchMore()
    assert page.model.rowCount() == 200
    with qtbot.waitSignal(page.model.sig_page_loaded, timeout=10_000):
        page.model.fetchMore()
    assert page.model.rowCount() == 250 and not page.model.canFetchMore()


@pytest.mark.parametrize("palette", list(theme.THEMES.values()), ids=lambda p: p.name)
def test_text_contrast_is_at_least_4_5_to_1_in_both_themes(palette) -> None:
    """WCAG 2.2 AA 1.4.3: every text/background pair the themes use, computed from the palettes."""
    for what, fg, bg in theme.text_pairs(palette):
        assert theme.contrast_ratio(fg, bg) >= 4.5, f"{palette.name}: {what} {fg} on {bg}"
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") < 4.5  # the check can fail


def test_english_translation_is_complete_and_compiled() -> None:
    from scripts.i18n import missing
    from ui.i18n import build_translations
    from ui.paths import I18N_DIR

    assert missing(I18N_DIR / "carnet_en.ts") == []
    build_translations()
    assert (I18N_DIR / "carnet_en.qm").exists() and (I18N_DIR / "carnet_fr.qm").exists()


def test_every_control_has_an_accessible_name_and_description(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    missing = missing_accessibility(
        (
            window.welcome,
            window.unavailable,
            window.create_page,
            window.unlock_page,
            window.recovery_page,
            *window.dossier.pages.values(),
        )
    )
    assert missing == []


def test_text_at_200_percent_is_not_clipped(qtbot, window) -> None:
    app = QApplication.instance()
    theme.apply_theme(app, high_contrast=False, text_scale=200)
    try:
        window.resize(1280, 800)
        for page in (window.welcome, window.create_page, window.unavailable):
            window.show_page(page)
            qtbot.waitUntil(page.isVisible)
            QApplication.processEvents()
            assert clipped_buttons(page) == []
            assert page.width() <= window.width()
    finally:
        theme.apply_theme(app, high_contrast=False, text_scale=100)


def test_every_icon_is_a_loadable_svg() -> None:
    from ui import icons

    names = icons.names()
    assert {"lock", "document", "home", "settings"} <= set(names)
    for name in names:
        assert not icons.get(name).isNull(), name
    with pytest.raises(KeyError):
        icons.get("does-not-exist")
    assert Path(icons.ICONS_DIR).is_dir()


def test_icons_keep_3_to_1_against_both_themes() -> None:
    """WCAG 1.4.11 (non-text contrast): the one icon colour works on the default and the high-contrast theme."""
    from ui.paths import ICONS_DIR

    for svg in ICONS_DIR.glob("*.svg"):
        if svg.stem in icons.ILLUSTRATIONS:
            continue
        assert f'stroke="{theme.ICON_COLOUR}"' in svg.read_text(encoding="utf-8"), svg.name
    for palette in theme.THEMES.values():
        for background in theme.icon_backgrounds(palette):
            assert theme.contrast_ratio(theme.ICON_COLOUR, background) >= 3.0, (palette.name, background)
