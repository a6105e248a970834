"""Time from `make lab` to the first cell of the first lesson (01_start_here) run in the browser.

Each run starts `make lab` (as a student types it, with the virtualenv already
installed) on a copy of the repository, opens the address it prints in
headless Chromium, waits for lesson 01's kernel, runs the first code cell
(`import claimlab`, load the corpus, show the two death tolls the lesson opens
on) and waits for its output.
Reported, in seconds since `make lab` started: the address printed, the
notebook shown, the kernel ready, the first output back.

cold: a new copy of the repository (workspace/ made afresh), new Jupyter
      folders, a new browser context (empty HTTP cache), and, when allowed
      (root on Linux), the OS page cache dropped first
      (`sync; echo 3 > /proc/sys/vm/drop_caches`), so Python, JupyterLab's
      files and the corpus are read from disk again.
warm: the same copy, Jupyter folders and browser context as the run before.

Usage: .venv/bin/python bench/first_run.py [--runs 3]
(needs make, Chromium and Playwright, as the browser tests do)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import lab  # noqa: E402
import make_lab  # noqa: E402

STEPS = ("address", "page", "kernel", "output")


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def one_run(browser, base: Path, context, *, fresh: bool) -> dict:
    root, state = base / "repo", base / "state"
    if fresh:
        shutil.rmtree(base, ignore_errors=True)
        lab.copy_repo(ROOT, root)
    server = make_lab.start(root, state)
    page = context.new_page()
    try:
        return make_lab.open_and_run_first_cell(page, server)
    finally:
        page.close()
        leftovers = server.stop()
        if leftovers:
            print(f"  (ended {len(leftovers)} leftover process(es))", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each kind (default 3)")
    args = ap.parse_args()
    chromium = lab.find_chromium()
    if chromium is None:
        print("no Chromium found (set CHROMIUM=/path/to/chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict]] = {"cold": [], "warm": []}
    dropped = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="first-run-") as tmp:
        browser = pw.chromium.launch(executable_path=chromium, args=lab.CHROMIUM_ARGS, headless=True)
        try:
            for i in range(args.runs):
                base = Path(tmp) / f"cold{i}"
                lab.copy_repo(ROOT, base / "repo")  # copied before the caches are dropped
                dropped.append(drop_caches())
                context = browser.new_context(viewport=lab.VIEWPORT)
                results["cold"].append(one_run(browser, base, context, fresh=False))
                context.close()
                print("cold", i + 1, {k: round(v, 2) for k, v in results["cold"][-1].items()}, flush=True)
            base = Path(tmp) / "warm"
            context = browser.new_context(viewport=lab.VIEWPORT)
            one_run(browser, base, context, fresh=True)  # warms the copy, the folders and the browser cache
            for i in range(args.runs):
                results["warm"].append(one_run(browser, base, context, fresh=False))
                print("warm", i + 1, {k: round(v, 2) for k, v in results["warm"][-1].items()}, flush=True)
            context.close()
        finally:
            browser.close()
    print()
    print(f"OS page cache dropped before the cold runs: {'yes' if all(dropped) else 'no (not allowed)'}; "
          f"load average now {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
    print()
    print("| run | address printed | notebook shown | kernel ready | first cell's output |")
    print("|---|---|---|---|---|")
    for kind, runs in results.items():
        for i, r in enumerate(runs, 1):
            print(f"| {kind} {i} | " + " | ".join(f"{r[s]:.1f} s" for s in STEPS) + " |")
        med = {s: statistics.median(r[s] for r in runs) for s in STEPS}
        print(f"| {kind} median | " + " | ".join(f"{med[s]:.1f} s" for s in STEPS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
