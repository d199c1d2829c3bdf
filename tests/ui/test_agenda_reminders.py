"""Issue 21 in the real window on a real encrypted dossier: reminders said once (here through the in-window banner:
offscreen has no system tray) and nothing health-related once locked; « À venir » on the Accueil opening its rows
in Agenda and Prévention; a prevention suggestion set aside, undone, proposed again; a repeating appointment typed
in the form, shown and exported as an RRULE."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.reminders import ReminderClock
from tests.ui.helpers import PASSWORD, clipped_buttons, missing_accessibility, open_dossier

NOW = datetime(2026, 12, 6, 10, 0)
TODAY = NOW.date()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _identity(store) -> None:
    store.entries.create(
        "identity",
        {"birth_name": "Martin", "first_names": "Camille", "sex": "F", "birth_date": "1976-03-01"},
    )


def _rows(page) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_reminder_shows_in_the_banner_once_and_says_nothing_once_locked(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    notifier = window.reminders
    assert notifier.tray is None  # offscreen: no system tray, the banner says it
    clock = Clock(datetime(2026, 12, 10, 14, 0))
    notifier.clock = ReminderClock(clock)
    store = window.store
    store.entries.create(
        "appointment", {"title": "Dentiste", "starts_at": "2026-12-10T14:30", "remind_minutes_before": 30}
    )
    store.entries.create(
        "appointment", {"title": "Ophtalmologue", "starts_at": "2026-12-11T09:00", "remind_minutes_before": 60}
    )
    # The change event re-reads the agenda and the reminder due now is said.
    qtbot.waitUntil(lambda: notifier.banner.isVisible(), timeout=10_000)
    assert notifier.banner.text.text() == "Rendez-vous « Dentiste » le 10/12/2026 à 14:30."
    assert notifier.timer.isActive()
    clock.now = datetime(2026, 12, 10, 14, 20)
    assert notifier.poll() == []  # once
    assert notifier.banner.text.text().count("Dentiste") == 1
    assert missing_accessibility([notifier.banner]) == []
    assert window.dossier.current_section() == "home"
    notifier.banner.open_button.click()  # « Voir »: the agenda
    assert window.dossier.current_section() == "agenda" and not notifier.banner.isVisible()
    notifier.banner.add_line("Rendez-vous « Dentiste » le 10/12/2026 à 14:30.")
    notifier.banner.close_button.click()
    assert not notifier.banner.isVisible()
    # Locked: the banner is emptied at once; the next reminder comes at its time, without a word about health.
    notifier.banner.add_line("Rendez-vous « Dentiste » le 10/12/2026 à 14:30.")
    window.lock()
    assert not notifier.banner.isVisible() and notifier.banner.text.text() == ""
    clock.now = datetime(2026, 12, 11, 7, 59)
    assert notifier.poll() == []
    clock.now = datetime(2026, 12, 11, 8, 0)
    assert notifier.poll() == ["Carnet : un rappel"]
    assert notifier.banner.text.text() == "Carnet : un rappel"
    clock.now = datetime(2026, 12, 11, 8, 5)
    assert notifier.poll() == []


def test_accueil_upcoming_opens_agenda_and_prevention(qtbot, window, existing_profile) -> None:
    window.dossier.home.upcoming.now = lambda: NOW
    open_dossier(qtbot, window)
    store = window.store
    _identity(store)
    dentist = store.entries.create("appointment", {"title": "Dentiste", "starts_at": "2026-12-10T14:30"})
    store.entries.create("appointment", {"title": "Ophtalmologue", "starts_at": "2027-01-20T09:00"})
    card = window.dossier.home.upcoming
    qtbot.waitUntil(lambda: any("Dentiste" in line for line in card.lines()), timeout=10_000)
    lines = card.lines()
    assert lines[:3] == [
        "10/12/2026 14:30 — Dentiste",
        "20/01/2027 09:00 — Ophtalmologue",
        "En retard — Dépistage du cancer du col de l'utérus (test HPV)",
    ]
    assert len(lines) == 6 and card.more.text() == "… et 1 autre"  # the check-up, due: the seventh line
    assert missing_accessibility([card]) == [] and card.list.accessibleName() == "À venir"
    card.list.setFocus()
    card.list.setCurrentRow(0)
    qtbot.keyClick(card.list, Qt.Key.Key_Return)  # the keyboard opens it too
    agenda_page = window.dossier.agenda
    assert window.dossier.current_section() == "agenda"
    qtbot.waitUntil(lambda: agenda_page.selected() is not None, timeout=10_000)
    assert agenda_page.selected().id == dentist.id
    window.dossier.show_section("home")
    qtbot.waitUntil(lambda: card.lines() == lines, timeout=10_000)
    breast = next(i for i, line in enumerate(lines) if "cancer du sein" in line)
    rect = card.list.visualItemRect(card.list.item(breast))
    qtbot.mouseClick(card.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    prevention_page = window.dossier.prevention
    assert window.dossier.current_section() == "prevention"
    qtbot.waitUntil(lambda: prevention_page.selected() is not None, timeout=10_000)
    assert prevention_page.selected().rule_id == "screening_breast"
    window.set_preference("language", "en")
    assert card.title.text() == "&Upcoming"
    assert card.lines()[2] == "Overdue — Cervical cancer screening (HPV test)"
    window.set_preference("language", "fr")


def test_a_suggestion_set_aside_is_undone_and_proposed_again(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    _identity(window.store)
    page = window.dossier.prevention
    page.today = lambda: TODAY
    window.dossier.show_section("prevention")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading, timeout=10_000)

    def rule_ids() -> list[str]:
        return [r.rule_id for r in page.recommendations()]

    def choose(rule_id: str) -> None:
        page.table.setCurrentIndex(page.model.index(rule_ids().index(rule_id), 0))

    choose("screening_breast")
    assert page.never_button.isEnabled() and not page.again_button.isEnabled()
    page.never_button.click()
    qtbot.waitUntil(lambda: "screening_breast" not in rule_ids(), timeout=10_000)
    assert page.notice.text().endswith("ne vous sera plus proposé.")
    assert window.undo_label.isVisible() and "ne vous sera plus proposé" in window.undo_label.text()
    window.undo_button.click()  # « Annuler (Ctrl+Z) »
    qtbot.waitUntil(lambda: "screening_breast" in rule_ids(), timeout=10_000)
    # « Plus tard »: a month; shown again on demand with its date, then proposed again.
    choose("screening_colorectal")
    page.later_button.click()
    qtbot.waitUntil(lambda: "screening_colorectal" not in rule_ids(), timeout=10_000)
    assert page.notice.text().endswith("vous sera proposé à nouveau le 05/01/2027.")
    page.show_dismissed.setChecked(True)
    qtbot.waitUntil(lambda: "screening_colorectal" in rule_ids(), timeout=10_000)
    choose("screening_colorectal")
    assert _rows(page)[rule_ids().index("screening_colorectal")][0] == "Plus tard (05/01/2027)"
    assert page.again_button.isEnabled() and not page.later_button.isEnabled()
    page.again_button.click()
    qtbot.waitUntil(lambda: "proposé à nouveau." in page.notice.text(), timeout=10_000)
    page.show_dismissed.setChecked(False)
    qtbot.waitUntil(lambda: "screening_colorectal" in rule_ids() and not page.model.loading, timeout=10_000)
    assert missing_accessibility([page]) == []
    # Kept encrypted in the profile: after a lock and a new unlock the mark is still there.
    choose("screening_breast")
    page.never_button.click()
    qtbot.waitUntil(lambda: "screening_breast" not in rule_ids(), timeout=10_000)
    window.lock()
    open_dossier(qtbot, window, PASSWORD)
    page.today = lambda: TODAY
    window.dossier.show_section("prevention")
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading, timeout=10_000)
    assert "screening_breast" not in rule_ids() and "screening_colorectal" in rule_ids()


def test_a_repeating_appointment_typed_shown_and_exported(qtbot, window, existing_profile, tmp_path: Path) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.agenda
    window.dossier.show_section("agenda")
    form = page.form
    for name, text in (("title", "Kine"), ("starts_at", "05/01/2027 09h00"), ("repeat_interval", "2"),
                       ("repeat_until", "16/02/2027")):  # fmt: skip
        form.row(name).editor.clear()
        qtbot.keyClicks(form.row(name).editor, text)
    combo = form.row("repeat").editor
    combo.setCurrentIndex(combo.findData("weekly"))
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert _rows(page)[0][4] == "toutes les 2 semaines, jusqu'au 16/02/2027"
    out = tmp_path / "agenda.ics"
    page.save_chooser = lambda _parent, _name, _filter: out
    page.export(every=True)
    qtbot.waitUntil(lambda: "exporté" in page.notice.text(), timeout=10_000)
    event = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20270216T235959;INTERVAL=2"
    # A repeat with both ends is refused with a clear message, nothing added.
    form.reset()
    for name, text in (("title", "Pansement"), ("starts_at", "05/01/2027"), ("repeat_count", "3"),
                       ("repeat_until", "16/02/2027")):  # fmt: skip
        qtbot.keyClicks(form.row(name).editor, text)
    combo.setCurrentIndex(combo.findData("daily"))
    form.save_button.click()
    qtbot.waitUntil(lambda: "pas les deux" in form.row("repeat_count").error.text(), timeout=10_000)
    assert page.model.rowCount() == 1
    assert date(2027, 1, 5).isoformat() in window.store.entries.list("appointment")[0].data["starts_at"]


def test_what_comes_next_fits_at_200_percent(qtbot, window, existing_profile) -> None:
    window.dossier.home.upcoming.now = lambda: NOW
    open_dossier(qtbot, window)
    _identity(window.store)
    window.store.entries.create("appointment", {"title": "Dentiste", "starts_at": "2026-12-10T14:30"})
    card = window.dossier.home.upcoming
    qtbot.waitUntil(lambda: len(card.lines()) == 6, timeout=10_000)
    window.set_preference("text_scale", 200)
    try:
        window.resize(1280, 800)
        window.reminders.notify("Rendez-vous « Dentiste » le 10/12/2026 à 14:30.")
        for section, page in (("home", card), ("prevention", window.dossier.prevention)):
            window.dossier.show_section(section)
            qtbot.waitUntil(lambda p=page: p.isVisible(), timeout=5_000)
            for _ in range(3):
                QApplication.processEvents()
            window.resize(1280, 800)
            QApplication.processEvents()
            assert window.width() <= 1280, f"{section} needs {window.width()} px at 200 %"
            assert clipped_buttons(page) == [] and clipped_buttons(window.reminders.banner) == [], section
        # Every line of « À venir » shows whole: the list is as tall as its (wrapped) lines.
        qtbot.waitUntil(lambda: card.list.verticalScrollBar().maximum() == 0, timeout=5_000)
    finally:
        window.set_preference("text_scale", 100)
