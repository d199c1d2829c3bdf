"""The house rule of ./dev.sh test: no import cycle between the domains of server/ (scripts/check_server_imports.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_server_imports", ROOT / "scripts" / "check_server_imports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _package(root: Path, files: dict[str, str]) -> Path:
    """A throwaway `server` package: {relative path: source}."""
    package = root / "server"
    for rel, source in {"__init__.py": "", **files}.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return package


def test_the_service_domains_have_no_import_cycle(capsys: pytest.CaptureFixture[str]) -> None:
    assert _checker().main([str(ROOT / "server")]) == 0, capsys.readouterr().out


def test_a_cycle_between_two_domains_fails_and_names_the_import_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(
        tmp_path,
        {
            "db.py": "",
            "alpha/__init__.py": "",
            "alpha/service.py": "from server.db import x\nfrom server.beta.models import B\n",
            "beta/__init__.py": "",
            "beta/models.py": "import server.db\n",
            # Hidden in a function, through a relative import: still an edge beta → alpha.
            "beta/router.py": "def route():\n    from ..alpha import service\n",
            "gamma/__init__.py": "",
            "gamma/service.py": "from server import alpha, beta\n",  # depends on both, closes no cycle
        },
    )
    assert _checker().main([str(package)]) == 1
    out = capsys.readouterr().out
    assert "import cycle between server/ domains: alpha ↔ beta" in out
    assert "alpha → beta  (server/alpha/service.py:2)" in out
    assert "beta → alpha  (server/beta/router.py:2)" in out
    assert "gamma" not in out


def test_layered_domains_pass_and_top_level_modules_are_not_domains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(
        tmp_path,
        {
            "app.py": "from server.alpha import service\nfrom server.beta import router\n",
            "alpha/__init__.py": "",
            "alpha/service.py": "from server.beta.models import B\nimport server.app\n",
            "beta/__init__.py": "",
            "beta/models.py": "from server import app\n",
        },
    )
    assert _checker().main([str(package)]) == 0
    assert "no import cycle between its 2 domains" in capsys.readouterr().out
