"""The whole lesson sequence executed, against its floor.

For each student notebook in notebooks/ (NN_*.ipynb): the time nbclient takes
to start a kernel and run every cell, and the floor: a kernel start plus the
same imports.  "The same imports" are the modules the lesson's kernel had
loaded when it finished (recorded by one extra cell, in the order they were
first imported), imported and nothing else.  That counts the modules a lesson
loads on first use (plotly's renderers on the first figure, say) as imports,
as they are.  Target: the sum of runs <= 1.3 x the sum of floors.

Also printed, for comparison: the floor made of the notebook's own
`import`/`from` lines only, which leaves out whatever is imported on first use.
Peak memory of this process and its kernels is reported at the end.

Usage: .venv/bin/python bench/notebooks.py [--repeat 2]
"""

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
IMPORT = re.compile(r"^(?:import \S|from \S+ import )")


MODULES = "import json as _j, sys as _s; print(_j.dumps(list(_s.modules)))"


def run(nb) -> float:
    t = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return time.perf_counter() - t


def modules_after(nb) -> list[str]:
    """The modules loaded in the kernel after a full run of ``nb``, in import order."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(MODULES))
    run(nb)
    out = nb.cells[-1].outputs
    return json.loads("".join(o.get("text", "") for o in out if o.get("name") == "stdout"))


def floor_of(nb, modules: list[str]):
    """A notebook that imports ``modules`` (each one that can be imported) and does nothing else."""
    code = ("import importlib\n"
            f"for _m in {modules!r}:\n"
            "    try:\n"
            "        importlib.import_module(_m)\n"
            "    except BaseException:\n"
            "        pass\n")
    floor = nbformat.v4.new_notebook(metadata=nb.metadata)
    floor.cells = [nbformat.v4.new_code_cell(code)]
    return floor


def top_imports_of(nb):
    """A notebook with only the notebook's own import lines."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines += [ln for ln in cell.source.splitlines() if IMPORT.match(ln)]
    floor = nbformat.v4.new_notebook(metadata=nb.metadata)
    floor.cells = [nbformat.v4.new_code_cell("\n".join(lines) or "pass")]
    return floor


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2, help="runs per notebook; the minimum counts")
    args = ap.parse_args(argv)
    total_full = total_floor = total_top = 0.0
    print(f"{'notebook':32s} {'run (s)':>8s} {'floor (s)':>9s} {'ratio':>6s} {'own import lines (s)':>21s}")
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        modules = modules_after(nb)
        full = min(run(nbformat.from_dict(nb)) for _ in range(args.repeat))
        floor = min(run(floor_of(nb, modules)) for _ in range(args.repeat))
        top = min(run(top_imports_of(nb)) for _ in range(args.repeat))
        total_full += full
        total_floor += floor
        total_top += top
        print(f"{path.stem:32s} {full:8.2f} {floor:9.2f} {full / floor:6.2f} {top:21.2f}")
    print(f"{'all lessons':32s} {total_full:8.2f} {total_floor:9.2f} {total_full / total_floor:6.2f} "
          f"{total_top:21.2f}  (target: ratio <= 1.30)")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest kernel {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
