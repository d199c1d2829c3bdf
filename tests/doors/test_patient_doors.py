"""Every service endpoint meant for patients has a door in the window (#17): the list in patient_doors.toml, checked
against the service's own OpenAPI both ways, each door's engine call and screen checked to exist and to be linked.

Out of scope: the professionals' routes (/v1/pro, the clinic workstation has its own tests), the helpers' own
accounts (/v1/helpers) and /health."""

from __future__ import annotations

import importlib
import inspect
import itertools
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from server.app import create_app
from server.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DOORS: dict[str, dict[str, str]] = tomllib.loads((Path(__file__).with_name("patient_doors.toml")).read_text())
NOT_FOR_PATIENTS = ("/v1/pro/", "/v1/helpers/", "/health")


def patient_endpoints(tmp_path: Path) -> set[str]:
    spec = create_app(Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'x.db'}")).openapi()
    return {
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        if not path.startswith(NOT_FOR_PATIENTS)
        for method in operations
    }


def resolve(reference: str) -> Any:
    module_name, _, qualname = reference.partition(":")
    found: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def static_tail(path: str) -> str:
    """The last segment of a path that is not a parameter: what the client's source must name."""
    return [segment for segment in path.split("/") if segment and not segment.startswith("{")][-1]


def ui_sources() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in (ROOT / "ui").rglob("*.py")}


def test_every_patient_endpoint_is_listed_and_every_listed_one_exists(tmp_path: Path) -> None:
    served = patient_endpoints(tmp_path)
    missing = sorted(served - DOORS.keys())
    gone = sorted(DOORS.keys() - served)
    assert not missing, f"endpoints meant for patients with no door listed in patient_doors.toml: {missing}"
    assert not gone, f"listed in patient_doors.toml but not served any more: {gone}"


def _door_cases() -> list[Any]:
    """Every endpoint with a door; those listed as `missing` are expected to fail, strictly (a door that appears
    must be written down like the others)."""
    return [
        pytest.param(k, marks=pytest.mark.xfail(reason=v["missing"], strict=True))
        if "missing" in v
        else k
        for k, v in sorted(DOORS.items())
        if "engine_only" not in v
    ]


@pytest.mark.parametrize("endpoint", _door_cases())
def test_the_door_reaches_the_endpoint(endpoint: str) -> None:
    entry = DOORS[endpoint]
    assert entry.get("how"), f"{endpoint}: say where the door is ('how')"
    sender = entry.get("sends", entry["client"])
    hops = [entry["client"], *entry.get("via", []), sender]  # each calls the next: client → (via…) → sends
    for caller, callee in itertools.pairwise(dict.fromkeys(hops)):
        assert re.search(rf"\b{re.escape(callee.rsplit(':', 1)[1])}\b", inspect.getsource(resolve(caller))), callee
    source = inspect.getsource(resolve(sender))
    tail = static_tail(endpoint.split(" ", 1)[1])
    assert re.search(rf"[/\"']{re.escape(tail)}\b", source), f"{sender} does not name …/{tail}"
    door = resolve(entry["door"])
    assert inspect.isclass(door) or callable(door)
    name = entry["client"].rsplit(":", 1)[1].rsplit(".", 1)[-1]
    callers = [path for path, text in ui_sources().items() if re.search(rf"\b{re.escape(name)}\b", text)]
    assert callers, f"no screen under ui/ calls {entry['client']} ({endpoint})"


def test_engine_only_and_missing_endpoints_say_why() -> None:
    for endpoint, entry in DOORS.items():
        for key in ("engine_only", "missing"):
            if key in entry:
                assert len(entry[key]) > 20 and not {"client", "door"} & entry.keys(), endpoint
        if "missing" in entry:
            assert re.match(r"#\d+: ", entry["missing"]), f"{endpoint}: name the issue that builds the door"
