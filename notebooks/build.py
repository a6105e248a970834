"""Build the lesson notebooks from their one source, and check they have not drifted.

Each lesson has ONE source: ``notebooks/src/NN_name.py``, a plain Python file
in "percent" format (``# %%`` starts a code cell, ``# %% [markdown]`` a text
cell whose lines start with ``# ``; ``tags=["solution"]`` marks a worked
solution).  From it we make two notebooks, each executed top to bottom:

- ``notebooks/instructor/NN_name.ipynb`` — every cell, solutions included;
- ``notebooks/NN_name.ipynb`` — the student version, without solution cells.

Usage (from the repository root, with the course's virtual environment)::

    python notebooks/build.py            # rebuild and execute every lesson
    python notebooks/build.py 04 demo    # only these (demo.py becomes notebooks/demo.ipynb)
    python notebooks/build.py --check    # exit 1 if a notebook differs from its source

Saved widget state and timing metadata are stripped, so re-running gives the
same files and the notebooks still open on GitHub and nbviewer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
INSTRUCTOR = HERE / "instructor"
CELL = re.compile(r"^# %%(?P<md> \[markdown\])?(?: tags=(?P<tags>\[.*\]))?\s*$")
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def parse(source: str) -> list[dict]:
    """Cells of a percent-format source as ``{"cell_type", "source", "tags"}``."""
    cells, cur = [], None
    for line in source.splitlines():
        m = CELL.match(line)
        if m:
            if cur is not None:
                cells.append(cur)
            cur = {"cell_type": "markdown" if m["md"] else "code", "lines": [],
                   "tags": json.loads(m["tags"]) if m["tags"] else []}
            continue
        if cur is None:
            if line.strip():
                raise ValueError(f"text before the first '# %%' marker: {line!r}")
            continue
        if cur["cell_type"] == "markdown":
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"markdown line does not start with '#': {line!r}")
            line = line[2:] if line.startswith("# ") else line[1:]
        cur["lines"].append(line)
    if cur is not None:
        cells.append(cur)
    out = []
    for c in cells:
        while c["lines"] and not c["lines"][-1].strip():
            c["lines"].pop()
        while c["lines"] and not c["lines"][0].strip():
            c["lines"].pop(0)
        out.append({"cell_type": c["cell_type"], "source": "\n".join(c["lines"]), "tags": c["tags"]})
    return out


def notebook(cells: list[dict], student: bool):
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}}
    for i, c in enumerate(cells):
        if student and "solution" in c["tags"]:
            continue
        make = nbformat.v4.new_markdown_cell if c["cell_type"] == "markdown" else nbformat.v4.new_code_cell
        cell = make(c["source"])
        cell.id = f"c{i:03d}"
        if c["tags"]:
            cell.metadata["tags"] = c["tags"]
        nb.cells.append(cell)
    return nb


def _clean(nb) -> None:
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    n = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            n += 1
            cell.execution_count = n
            for out in cell.outputs:
                if "execution_count" in out:
                    out["execution_count"] = n
                out.get("metadata", {}).pop("execution", None)


def execute(nb, cwd: Path):
    from nbclient import NotebookClient
    env_before = os.environ.get("CLAIMLAB_SELF_CHECK")
    os.environ["CLAIMLAB_SELF_CHECK"] = "1"
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                       record_timing=False, store_widget_state=True, allow_errors=False).execute()
    finally:
        if env_before is None:
            os.environ.pop("CLAIMLAB_SELF_CHECK", None)
        else:
            os.environ["CLAIMLAB_SELF_CHECK"] = env_before
    _clean(nb)
    return nb


def _sources(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source) for c in nb.cells]


def lessons(selected: list[str]) -> list[Path]:
    files = sorted(SRC.glob("[0-9][0-9]_*.py")) + sorted(SRC.glob("[a-z]*.py"))
    if selected:
        files = [f for f in files if f.name[:2] in selected or f.stem in selected]
    return files


def _targets(src: Path):
    """Lessons get an instructor and a student version; other notebooks (the demo) one copy."""
    if src.name[:2].isdigit():
        return ((False, INSTRUCTOR), (True, HERE))
    return ((False, HERE),)


def build(selected: list[str]) -> int:
    import nbformat
    INSTRUCTOR.mkdir(exist_ok=True)
    for src in lessons(selected):
        cells = parse(src.read_text(encoding="utf-8"))
        for student, folder in _targets(src):
            t = time.perf_counter()
            nb = execute(notebook(cells, student), folder)
            path = folder / f"{src.stem}.ipynb"
            nbformat.write(nb, path)
            print(f"{path.relative_to(HERE.parent)}: executed in {time.perf_counter() - t:.1f} s")
    return 0


def check(selected: list[str]) -> list[str]:
    """Differences between each source and its two notebooks (cell types and sources)."""
    import nbformat
    problems = []
    for src in lessons(selected):
        cells = parse(src.read_text(encoding="utf-8"))
        for student, folder in _targets(src):
            path = folder / f"{src.stem}.ipynb"
            if not path.exists():
                problems.append(f"{path.relative_to(HERE.parent)} is missing: run python notebooks/build.py {src.name[:2]}")
                continue
            want = _sources(notebook(cells, student))
            have = _sources(nbformat.read(path, as_version=4))
            if want != have:
                problems.append(f"{path.relative_to(HERE.parent)} differs from {src.relative_to(HERE.parent)}: "
                                f"run python notebooks/build.py {src.name[:2]}")
    for path in sorted(HERE.glob("[0-9][0-9]_*.ipynb")) + sorted(INSTRUCTOR.glob("[0-9][0-9]_*.ipynb")):
        if not (SRC / f"{path.stem}.py").exists() and not selected:
            problems.append(f"{path.relative_to(HERE.parent)} has no source in notebooks/src/")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lessons", nargs="*", help="lesson numbers such as 04 (default: all)")
    ap.add_argument("--check", action="store_true", help="only compare notebooks with their sources")
    args = ap.parse_args(argv)
    if args.check:
        problems = check(args.lessons)
        for p in problems:
            print(p)
        return 1 if problems else 0
    return build(args.lessons)


if __name__ == "__main__":
    sys.exit(main())
