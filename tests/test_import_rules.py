"""scripts/check_imports.py: the house rules about imports hold on the repository, and each rule catches a breach."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.check_imports import check, rule_engine_never_imports_cli, rule_ui_features_independent

ROOT = Path(__file__).resolve().parent.parent


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_repository_keeps_every_rule() -> None:
    assert [str(v) for v in check(ROOT)] == []


def test_the_engine_importing_its_cli_is_caught_however_it_is_written(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "desktop_app/__init__.py": "",
            "desktop_app/cli/__init__.py": "from desktop_app.cli.core import main\n",
            "desktop_app/cli/core.py": "from desktop_app import profile\n",  # the CLI consuming the engine: fine
            "desktop_app/cli/sync.py": "from .core import main\n",
            "desktop_app/profile.py": "import os\n",
            "desktop_app/online.py": "from desktop_app.cli.sync import S_DEVICE\n",
            "desktop_app/sync/__init__.py": "",
            "desktop_app/sync/engine.py": "def f():\n    from ..cli import core\n    import desktop_app.cli\n",
        },
    )
    found = sorted((str(v.path), v.line) for v in rule_engine_never_imports_cli(tmp_path))
    assert found == [
        ("desktop_app/online.py", 1),
        ("desktop_app/sync/engine.py", 2),  # relative, inside a function
        ("desktop_app/sync/engine.py", 3),
    ]


def test_a_ui_feature_importing_another_is_caught_and_shared_code_is_not(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "ui/__init__.py": "",
            "ui/widgets.py": "",
            "ui/app.py": "from ui.profile.view import ProfilePage\nfrom ui.measures.view import MeasuresPage\n",
            "ui/entries/__init__.py": "",
            "ui/entries/form.py": "",
            "ui/profile/__init__.py": "",
            "ui/profile/view.py": "from ui.entries.form import EntryForm\nfrom ui.widgets import label\n",
            "ui/measures/__init__.py": "",
            "ui/measures/view.py": "from ui.entries.form import EntryForm\nfrom .chart import Chart\n"
            "from ui.profile.view import delete_entry\n",
            "ui/measures/chart.py": "",
            "ui/vaccinations/__init__.py": "",
            "ui/vaccinations/view.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from ..profile import view\n",
        },
    )
    found = sorted((str(v.path), v.line) for v in rule_ui_features_independent(tmp_path))
    assert found == [("ui/measures/view.py", 3), ("ui/vaccinations/view.py", 3)]


def test_the_script_exits_1_and_names_the_breach(tmp_path: Path) -> None:
    _write(tmp_path, {"desktop_app/online.py": "from desktop_app import cli\n", "ui/a.py": ""})
    script = ROOT / "scripts" / "check_imports.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "desktop_app/online.py:1: [engine-imports-cli] imports desktop_app.cli" in done.stdout
    clean = subprocess.run([sys.executable, str(script), str(ROOT)], capture_output=True, text=True, check=False)
    assert (clean.returncode, clean.stdout) == (0, "")
