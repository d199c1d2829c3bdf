#!/usr/bin/env python3
"""House rules about who imports whom, run by ``./dev.sh test`` next to its ``git grep`` rules.

Each rule is one function ``rule_<name>(root) -> list[Violation]`` listed in ``RULES``; to add one, write the function
and append it. Imports are read from the source (``ast``), so imports inside functions and under ``TYPE_CHECKING``
count too; relative imports are resolved against the importing module.

    python scripts/check_imports.py [ROOT]     exit 0 when every rule holds, 1 otherwise (one line per violation)
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Sub-packages of ui/ that every feature may use: shared widgets, not features.
UI_SHARED_PACKAGES = frozenset({"entries"})


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


@dataclass(frozen=True, slots=True)
class Import:
    path: Path  # relative to the root
    line: int
    module: str  # absolute dotted name of what is imported (``a.b`` for ``from a import b`` too: ``a.b``)


def module_name(path: Path) -> str:
    """``desktop_app/cli/core.py`` → ``desktop_app.cli.core``; a package's ``__init__.py`` → the package."""
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_in(root: Path, package: str) -> Iterator[Import]:
    """Every import made by the modules of ``root/package`` (top-level, in functions, under TYPE_CHECKING)."""
    for file in sorted((root / package).rglob("*.py")):
        relative = file.relative_to(root)
        name = module_name(relative)
        # The package a relative import starts from: the module's own package (itself for an __init__).
        here = name.split(".") if relative.name == "__init__.py" else name.split(".")[:-1]
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Import(relative, node.lineno, alias.name)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here[: len(here) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    yield Import(relative, node.lineno, f"{base}.{alias.name}" if alias.name != "*" else base)


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def rule_engine_never_imports_cli(root: Path) -> list[Violation]:
    """The client engine (desktop_app/) never imports its CLI (desktop_app/cli/): the CLI only consumes the engine."""
    return [
        Violation("engine-imports-cli", imp.path, imp.line, f"imports {imp.module}; only desktop_app/cli/ may")
        for imp in imports_in(root, "desktop_app")
        if _within(imp.module, "desktop_app.cli") and not _within(module_name(imp.path), "desktop_app.cli")
    ]


def ui_features(root: Path) -> set[str]:
    """The feature packages of ui/: its sub-packages, less the shared ones."""
    return {
        p.name for p in (root / "ui").iterdir() if (p / "__init__.py").is_file() and p.name not in UI_SHARED_PACKAGES
    }


def rule_ui_features_independent(root: Path) -> list[Violation]:
    """A ui/<feature>/ never imports another feature; shared code lives in ui/*.py or ui/entries/.

    The shell (ui/app.py, ui/dossier_view.py…) is not a feature: it composes them.
    """
    features = ui_features(root)
    violations = []
    for imp in imports_in(root, "ui"):
        parts = module_name(imp.path).split(".")
        if len(parts) < 3 or parts[1] not in features:  # ui/<module>.py or ui/__init__.py: shared or shell
            continue
        target = imp.module.split(".")
        if len(target) >= 2 and target[0] == "ui" and target[1] in features and target[1] != parts[1]:
            violations.append(
                Violation(
                    "ui-feature-imports-feature",
                    imp.path,
                    imp.line,
                    f"ui/{parts[1]} imports {imp.module} (feature ui/{target[1]}); move the shared part to ui/ or "
                    "ui/entries/",
                )
            )
    return violations


RULES: list[Callable[[Path], list[Violation]]] = [
    rule_engine_never_imports_cli,
    rule_ui_features_independent,
]


def check(root: Path) -> list[Violation]:
    return [v for rule in RULES for v in rule(root)]


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    violations = check(root)
    for violation in violations:
        print(violation)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
