"""Run under a real X display with a system tray (tests/ui/test_tray_reminder.py): Carnet's reminder notifier shows
a reminder as the tray's message, and a click on it asks to open the agenda. Prints what happened as JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon


def main() -> None:
    app = QApplication([])
    deadline = time.monotonic() + 15
    while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.1)
    from ui.agenda.notifier import ReminderNotifier

    out: dict[str, object] = {"available": QSystemTrayIcon.isSystemTrayAvailable()}
    notifier = ReminderNotifier()
    opened: list[str] = []
    notifier.sig_open_requested.connect(opened.append)
    out["tray"] = notifier.tray is not None

    def say() -> None:
        out["tray_visible"] = bool(notifier.tray and notifier.tray.isVisible())
        notifier.notify(sys.argv[1])
        QTimer.singleShot(1500, click)

    def click() -> None:
        tips = [w for w in app.topLevelWidgets() if w.metaObject().className() == "QBalloonTip" and w.isVisible()]
        out["messages"] = [[lbl.text() for lbl in tip.findChildren(QLabel) if lbl.text()] for tip in tips]
        out["banner_shown"] = notifier.banner.isVisible()
        if tips:
            QTest.mouseClick(tips[0], Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        QTimer.singleShot(500, done)

    def done() -> None:
        out["opened"] = opened
        print(json.dumps(out), flush=True)
        app.quit()

    QTimer.singleShot(1000, say)
    app.exec()


if __name__ == "__main__":
    main()
