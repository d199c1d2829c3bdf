"""House rule: no import cycle between the domains of the central service.

A domain is a sub-package of `server/` (`server/accounts/`, `server/sync/`, …); the modules at the top of `server/`
(`app.py`, `cli.py`, `db.py`, `errors.py`, …) are the service's frame, not domains, and are left out. Every import is
counted, also one inside a function or under `if TYPE_CHECKING:`: deferring an import hides a cycle, it does not
break it. The check prints each cycle with the import lines that make it and exits 1; 0 when the domains form a
layered graph.

    python scripts/check_server_imports.py [PACKAGE_DIR]   (default: server/ next to this script's folder)
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PACKAGE = Path(__file__).resolve().parent.parent / "server"


@dataclass(frozen=True, slots=True)
class Edge:
    """One import of domain `target` by a module of domain `source`."""

    source: str
    target: str
    where: str  # "path:line"


def _imported_modules(tree: ast.AST, module: str) -> Iterator[tuple[str, int]]:
    """Dotted names a module imports, relative imports resolved against the module's own dotted name."""
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            yield base, node.lineno
            for alias in node.names:  # `from server import sync` imports the domain sync
                yield f"{base}.{alias.name}", node.lineno


def domain_edges(package_dir: Path) -> list[Edge]:
    """Every import from one domain of the package into another."""
    root = package_dir.name
    domains = {p.name for p in package_dir.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    edges: list[Edge] = []
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir)
        if len(rel.parts) < 2 or rel.parts[0] not in domains:
            continue
        source = rel.parts[0]
        module = ".".join((root, *rel.with_suffix("").parts))
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        seen: set[tuple[str, int]] = set()
        for name, line in _imported_modules(tree, module):
            parts = name.split(".")
            if len(parts) < 2 or parts[0] != root or parts[1] not in domains or parts[1] == source:
                continue
            if (parts[1], line) not in seen:
                seen.add((parts[1], line))
                edges.append(Edge(source, parts[1], f"{path.relative_to(package_dir.parent)}:{line}"))
    return edges


def cycles(edges: Sequence[Edge]) -> list[list[str]]:
    """The strongly connected groups of more than one domain (Tarjan), each sorted, in a stable order."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        graph.setdefault(e.source, set()).add(e.target)
        graph.setdefault(e.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    package_dir = Path(args[0]) if args else DEFAULT_PACKAGE
    edges = domain_edges(package_dir)
    found = cycles(edges)
    if not found:
        order = sorted({e.source for e in edges} | {e.target for e in edges})
        print(f"{package_dir.name}/: no import cycle between its {len(order)} domains ({len(edges)} imports checked)")
        return 0
    for group in found:
        print(f"import cycle between {package_dir.name}/ domains: {' ↔ '.join(group)}")
        members = set(group)
        for e in edges:
            if e.source in members and e.target in members:
                print(f"  {e.source} → {e.target}  ({e.where})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
