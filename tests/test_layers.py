"""The library and the course, each with one job: the library never leans on the course or the seeds.

- ``lib/claimlab`` (the library) never imports ``claimlab_course`` and never
  names a seed article: it works on any corpus folder.
- No module imports another module's private (underscore) names.
- The library's own modules import each other without cycles, counting the
  imports inside functions too.
"""

from __future__ import annotations

import ast
import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib" / "claimlab"
COURSE = ROOT / "lib" / "claimlab_course"


def _modules(pkg: Path) -> dict[str, Path]:
    """Dotted module name → file, for every .py file of a package (subpackages included)."""
    out = {}
    for f in sorted(pkg.rglob("*.py")):
        parts = list(f.relative_to(pkg.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


LIBRARY = _modules(LIB)
ALL = {**LIBRARY, **_modules(COURSE)}


def _imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module imported, names taken from it, line) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, [a.name for a in node.names], node.lineno))
    return found


def test_the_packages_are_found():
    assert "claimlab.corpus" in LIBRARY and "claimlab_course" in ALL
    assert len(LIBRARY) >= 15


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_library_never_imports_the_course(name):
    bad = [(m, line) for m, _, line in _imports(name, LIBRARY[name]) if m.split(".")[0] == "claimlab_course"]
    assert not bad, f"{LIBRARY[name].relative_to(ROOT)} imports the course: {bad}"


def _seed_names() -> set[str]:
    with open(ROOT / "seeds" / "articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5
    return {r["article_id"] for r in rows} | {Path(r["file"]).stem for r in rows}


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_library_names_no_seed_article(name):
    text = LIBRARY[name].read_text(encoding="utf-8")
    named = sorted(s for s in _seed_names() if s in text)
    assert not named, f"{LIBRARY[name].relative_to(ROOT)} names seed article(s) {named}: that belongs in the course"


@pytest.mark.parametrize("name", sorted(ALL))
def test_no_module_imports_private_names(name):
    bad = []
    for module, names, line in _imports(name, ALL[name]):
        if module.split(".")[0] not in ("claimlab", "claimlab_course"):
            continue
        privates = [n for n in names if n.startswith("_")]
        leaf = module.rpartition(".")[2]
        if privates or (leaf.startswith("_") and leaf != "__main__"):
            bad.append(f"line {line}: from {module} import {', '.join(names)}")
    assert not bad, f"{ALL[name].relative_to(ROOT)}: " + "; ".join(bad)


def _graph(modules: dict[str, Path], root: str) -> dict[str, set[str]]:
    graph = {}
    for name, path in modules.items():
        deps = set()
        for module, names, _ in _imports(name, path):
            for target in [module] + [f"{module}.{n}" for n in names]:
                if target in modules and target not in (name, root):
                    deps.add(target)
        graph[name] = deps
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    cycles = []

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_library_imports_have_no_cycles():
    cycles = _cycles(_graph(LIBRARY, "claimlab"))
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_the_cycle_check_finds_a_cycle_through_a_function_level_import(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from .a import x\n")
    (pkg / "c.py").write_text("from .b import f\n")
    assert _cycles(_graph(_modules(pkg), "pkg")) == [["pkg.a", "pkg.b", "pkg.a"]]
