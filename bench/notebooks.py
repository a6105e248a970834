"""The whole lesson sequence executed, against its floor.

For each student notebook in notebooks/ (NN_*.ipynb): the time nbclient takes
to start a kernel and run every cell, and the floor — a kernel start plus the
notebook's own imports only (its `import`/`from` lines).  Target: the sum is
<= 1.3 x the floor's sum.  Peak memory of this process and its kernels is
reported at the end.

Usage: .venv/bin/python bench/notebooks.py [--repeat 2]
"""

import argparse
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


def run(nb) -> float:
    t = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return time.perf_counter() - t


def floor_of(nb):
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
    total_full = total_floor = 0.0
    print(f"{'notebook':32s} {'run (s)':>8s} {'floor (s)':>9s} {'ratio':>6s}")
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        full = min(run(nbformat.from_dict(nb)) for _ in range(args.repeat))
        floor = min(run(floor_of(nb)) for _ in range(args.repeat))
        total_full += full
        total_floor += floor
        print(f"{path.stem:32s} {full:8.2f} {floor:9.2f} {full / floor:6.2f}")
    print(f"{'all lessons':32s} {total_full:8.2f} {total_floor:9.2f} {total_full / total_floor:6.2f}  (target <= 1.30)")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest kernel {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
