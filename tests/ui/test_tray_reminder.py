"""Issue 21: a reminder reaches the person as a system notification — through a real system tray (trayer, an X11
tray host, under Xvfb) — and choosing it opens the agenda. Offscreen there is no tray: the in-window banner is
tested in tests/ui/test_agenda_reminders.py. Skips locally without Xvfb or trayer; fails under CI=true (.ci/run
installs both)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.required import require

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tray_display(tmp_path: Path) -> Iterator[dict[str, str]]:
    missing = [tool for tool in ("Xvfb", "trayer") if shutil.which(tool) is None]
    require(not missing, f"the system tray test needs {', '.join(missing)}")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    processes = [xvfb]
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            display = pipe.readline().decode().strip()
        assert display, "Xvfb gave no display number"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "XDG_RUNTIME_DIR": str(tmp_path),
            "DISPLAY": f":{display}",
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "C.UTF-8",
        }
        processes.append(
            subprocess.Popen(
                ["trayer", "--edge", "top", "--align", "right"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        yield env
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_reminder_is_a_tray_message_and_choosing_it_opens_the_agenda(tray_display: dict[str, str]) -> None:
    probe = ROOT / "tests" / "support" / "tray_probe.py"
    result = subprocess.run(
        [sys.executable, str(probe), "Carnet : un rappel"],
        env=tray_display,
        capture_output=True,
        text=True,
        timeout=90,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["available"] and seen["tray"] and seen["tray_visible"], seen
    assert seen["messages"] == [["Carnet", "Carnet : un rappel"]], seen  # the tray's message, not the banner
    assert not seen["banner_shown"]
    assert seen["opened"] == ["agenda"]
