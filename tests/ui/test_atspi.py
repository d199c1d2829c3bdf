"""Accessibility on the real bus a screen reader uses: Carnet under Xvfb with the AT-SPI bus, read from another
process through pyatspi (Debian's python3-pyatspi, run by /usr/bin/python3: tests/support/atspi_walker.py).

Skips locally when Xvfb, D-Bus, at-spi2-core or python3-pyatspi is missing; fails under CI=true (.ci/run installs
them)."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.required import require

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
INTERACTIVE = {"push button", "check box", "radio button", "combo box", "spin button", "toggle button", "page tab"}
"""Roles a person acts on: each needs a name that says what it does."""


def _has_pyatspi() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False, timeout=60)
    return probe.returncode == 0


def _readline(stream, timeout: float) -> str:
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise TimeoutError(f"nothing read in {timeout} s")
    return stream.readline().decode()


@pytest.fixture
def a11y_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A display (Xvfb), a session bus and the accessibility bus, as the environment of the processes to start."""
    launcher = next((p for p in LAUNCHERS if Path(p).exists()), None)
    missing = [
        what
        for what, ok in (
            ("Xvfb", shutil.which("Xvfb")),
            ("dbus-daemon", shutil.which("dbus-daemon")),
            ("at-spi2-core (at-spi-bus-launcher)", launcher),
            ("python3-pyatspi", _has_pyatspi()),
        )
        if not ok
    ]
    require(not missing, f"accessibility bus test needs {', '.join(missing)}")
    assert launcher is not None
    processes: list[subprocess.Popen[bytes]] = []
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    processes.append(xvfb)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as display_pipe:
            display = _readline(display_pipe, 30).strip()
        assert display, "Xvfb gave no display number"
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        processes.append(bus)
        assert bus.stdout is not None
        address = _readline(bus.stdout, 10).strip()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "XDG_RUNTIME_DIR": str(tmp_path),
            "DISPLAY": f":{display}",
            "DBUS_SESSION_BUS_ADDRESS": address,
            "LANG": "C.UTF-8",
        }
        # The accessibility bus first: Qt's bridge joins it when the application starts.
        processes.append(
            subprocess.Popen(
                [launcher, "--launch-immediately"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        yield env
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _walk(env: dict[str, str], pid: int) -> list[dict]:
    result = subprocess.run(
        [SYSTEM_PYTHON, str(ROOT / "tests" / "support" / "atspi_walker.py"), str(pid)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    nodes: list[dict] = json.loads(result.stdout)["nodes"]
    return nodes


def screen_problems(screen: str, nodes: list[dict]) -> list[str]:
    """What a screen reader user would miss on one screen."""
    problems: list[str] = []
    for node in nodes:
        role, name = node["role"], node["name"].strip()
        if role in INTERACTIVE and not name:
            problems.append(f"{screen}: a {role} without a name")
        if role in ("text", "password text") and node["editable"] and not name and not any(node["labelled_by"]):
            problems.append(f"{screen}: a text field without a label")
        if node["focusable"] and not name and role in ("filler", "unknown", "scroll pane", "panel", "page tab list"):
            problems.append(f"{screen}: an unnamed Tab stop ({role})")
        if role in ("table", "list", "tree table") and not name:
            problems.append(f"{screen}: a {role} without a name")
    buttons = Counter(n["name"].strip() for n in nodes if n["role"] == "push button" and n["name"].strip())
    problems += [f"{screen}: {count} buttons named « {name} »" for name, count in buttons.items() if count > 1]
    return problems


def test_every_main_screen_reads_well_on_the_accessibility_bus(a11y_env: dict[str, str], tmp_path: Path) -> None:
    env = dict(a11y_env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PYTHONPATH=str(ROOT))
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "support" / "atspi_app.py"), str(tmp_path / "data")],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    assert app.stdin is not None and app.stdout is not None
    # What the screen reader is told without moving the focus (deletion, undo, errors): heard from the start.
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, str(ROOT / "tests" / "support" / "atspi_events.py"), str(app.pid), "600"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert listener.stdout is not None
    assert _readline(listener.stdout, 60).strip() == "LISTENING"
    problems: list[str] = []
    seen: dict[str, list[dict]] = {}
    try:
        while True:
            line = _readline(app.stdout, 120).strip()
            if line == "DONE" or not line:
                break
            screen = line.removeprefix("SCREEN ")
            nodes = _walk(env, app.pid)
            seen[screen] = nodes
            problems += screen_problems(screen, nodes)
            app.stdin.write(b"\n")
            app.stdin.flush()
    finally:
        app.terminate()
        app.wait(timeout=30)
        listener.terminate()
        heard, _ = listener.communicate(timeout=30)
    announcements = [json.loads(line)["text"] for line in heard.decode().splitlines() if line.startswith("{")]
    if dump := os.environ.get("CARNET_ATSPI_DUMP"):  # what the bus held, to read when this test fails
        Path(dump).write_text(json.dumps(seen, ensure_ascii=False, indent=1), encoding="utf-8")
    assert {"welcome", "home", "measures", "measure-error", "documents", "access"} <= set(seen)
    assert any(n["role"] == "push button" and n["name"] == "Ouvrir mon carnet" for n in seen["welcome"])
    # The validation error reaches the bus on the field itself (its description), not only as red text.
    error_labels = [n for n in seen["measure-error"] if n["name"] == "Erreur" and n["description"]]
    assert error_labels, "no error on the bus after a refused value"
    message = error_labels[0]["description"]
    assert any(n["role"] == "text" and n["editable"] and message in n["description"] for n in seen["measure-error"]), (
        f"« {message} » is not on the field"
    )
    # Screen titles are headings a screen reader can jump to (named by their text).
    for screen, title in (("home", "Accueil"), ("measures", "Mesures"), ("documents", "Documents")):
        headings = [n["name"] for n in seen[screen] if n["role"] == "heading"]
        assert any(h.startswith(title) for h in headings), f"{screen}: no heading « {title} » in {headings}"
        assert all(h.strip() for h in headings), f"{screen}: an empty heading"
    # A deletion and its undo are said at once, with how to undo (not only shown in the status bar).
    assert any("supprimée" in a and "Ctrl+Z" in a for a in announcements), announcements
    assert any("rétabli" in a for a in announcements), announcements
    assert problems == [], "\n".join(problems)
