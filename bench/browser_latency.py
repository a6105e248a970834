"""How long a filter change takes to redraw an explorer in the browser.

A benchmark script, not a test. It serves small notebooks with Voilà, opens
them in headless Chromium and, for each case, chooses values in an explorer's
filter Dropdowns one after another. Each time it measures, inside the page,
from the input event (the ``change`` event of the Dropdown's ``<select>``) to
the last DOM change in the explorer (a MutationObserver on the explorer's box;
plotly's ``plotly_afterplot`` event counts too), waiting until nothing has
changed for ``--quiet`` ms. The last change inside the table and inside the
plot are recorded separately, to tell where the time goes.

Cases:
  floor      a bare Dropdown whose observer sets an HTML widget's value
  seeds      ClaimExplorer and StatementExplorer on claimlab.load_corpus()
  1,000      the same explorers on 1,000 articles: PolNeAR train texts
             repeated (read from ../shared/polnear, never copied into the
             repository) or, when PolNeAR is absent, synthetic template
             articles (bench/scale.py builds the folder)

Usage (from the repo root):
    .venv/bin/python bench/browser_latency.py               # 20 changes a case
    .venv/bin/python bench/browser_latency.py --changes 10 --port 9400
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOILA = Path(sys.executable).with_name("voila")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
GOALS = {"seeds": 150, "1,000 articles": 300}  # median ms

# What each notebook shows: boxes marked with a class the page-side script finds.
CELL_FLOOR = """\
import ipywidgets as W
dd = W.Dropdown(options=[f"value {i}" for i in range(6)], description="Value")
out = W.HTML("<p>nothing yet</p>")
dd.observe(lambda ch: setattr(out, "value", f"<p>chose {ch.new}</p>"), names="value")
box = W.VBox([dd, out])
box.add_class("bench-floor")
out.add_class("bench-table")
box
"""
CELL_EXPLORERS = """\
import claimlab
from claimlab.widgets import ClaimExplorer, StatementExplorer
corpus = claimlab.load_corpus({folder})
explorers = []
for cls, mark in ((ClaimExplorer, "bench-claim"), (StatementExplorer, "bench-statement")):
    ex = cls(corpus)
    ex.widget.add_class(mark)
    ex.table_out.add_class("bench-table")
    explorers.append(ex)
    display(ex)
"""

# Page side: observe one box, then fire a change on one of its <select>s and record times.
JS_INSTALL = """(sel) => {
  const root = document.querySelector(sel);
  if (!root) return false;
  const s = window.__bench = {root, last: 0, table: 0, plot: 0, afterplot: 0, count: 0, hooked: new Set()};
  const within = (node, cls) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !!(el && el.closest(cls));
  };
  new MutationObserver((records) => {
    const t = performance.now();
    s.last = t; s.count += records.length;
    for (const r of records) {
      if (within(r.target, '.bench-table')) s.table = t;
      if (within(r.target, '.js-plotly-plot')) s.plot = t;
    }
  }).observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
  return true;
}"""
JS_HOOK_PLOTS = """() => {
  const s = window.__bench;
  for (const gd of s.root.querySelectorAll('.js-plotly-plot')) {
    if (!s.hooked.has(gd) && typeof gd.on === 'function') {
      gd.on('plotly_afterplot', () => { s.afterplot = performance.now(); });
      s.hooked.add(gd);
    }
  }
  return s.hooked.size;
}"""
JS_FIRE = """([index, value]) => {
  const s = window.__bench;
  const select = s.root.querySelectorAll('select')[index];
  s.last = s.table = s.plot = s.afterplot = 0; s.count = 0;
  select.value = value;
  s.t0 = performance.now();
  select.dispatchEvent(new Event('change', {bubbles: true}));
  return s.t0;
}"""
JS_STATE = """() => { const s = window.__bench;
  return {now: performance.now(), t0: s.t0, last: s.last, table: s.table, plot: s.plot,
          afterplot: s.afterplot, count: s.count}; }"""
JS_OPTIONS = """(index) => Array.from(window.__bench.root.querySelectorAll('select')[index].options)
  .map(o => [o.value, o.selected])"""


def free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def start_voila(folder: Path, port: int, token: str) -> subprocess.Popen:
    cmd = [str(VOILA), str(folder), "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
           f"--token={token}", "--ServerApp.port_retries=0"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    cfg = ROOT / "jupyter-config"
    if cfg.is_dir():
        env["JUPYTER_CONFIG_PATH"] = str(cfg)
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # its own process group: kernels die with it
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"Voilà exited with code {proc.returncode} before answering on port {port}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/?token={token}", timeout=2)
            return proc
        except OSError:
            time.sleep(0.3)
    stop(proc)
    raise SystemExit(f"Voilà did not answer on port {port} within 60 s")


def descendants(pid: int) -> list[int]:
    """Processes started under pid (kernels run in their own sessions, so killpg alone misses them)."""
    parents = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
                parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        found += kids
        todo += kids
    return found


def stop(proc: subprocess.Popen) -> None:
    kids = descendants(proc.pid)
    try:
        if proc.poll() is None:
            stop_group(proc)
    finally:
        for pid in kids:  # whatever outlived Voilà's own shutdown
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def stop_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
    except ProcessLookupError:
        pass


def write_notebook(path: Path, source: str) -> None:
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                     "source": source}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")


def measure(page, box: str, selects: list[int], changes: int, quiet_ms: float, cap_ms: float) -> list[dict]:
    if not page.evaluate(JS_INSTALL, box):
        raise SystemExit(f"no {box} in the page")
    # A filter with one option (e.g. Outlet when every article has the same, or none) cannot change:
    # use the next filter along instead.
    usable = [k for k in range(page.evaluate("() => window.__bench.root.querySelectorAll('select').length"))
              if len(page.evaluate(JS_OPTIONS, k)) > 1]
    selects = ([k for k in selects if k in usable] + [k for k in usable if k not in selects])[:len(selects)]
    results = []
    for i in range(changes):
        index = selects[i % len(selects)]
        opts = page.evaluate(JS_OPTIONS, index)
        current = next(k for k, (_, sel) in enumerate(opts) if sel)
        # The next option after the current one (wrapping; "All" included), so each event is a change.
        value = opts[(current + 1 + i // len(selects)) % len(opts)][0]
        if value == opts[current][0]:
            value = opts[(current + 1) % len(opts)][0]
        page.evaluate(JS_HOOK_PLOTS)
        page.evaluate(JS_FIRE, [index, value])
        while True:
            page.wait_for_timeout(50)
            st = page.evaluate(JS_STATE)
            end = max(st["last"], st["afterplot"])
            if end and st["now"] - end >= quiet_ms:
                break
            if st["now"] - st["t0"] > cap_ms:
                break
        def rel(t, t0=st["t0"]):
            return round(t - t0, 1) if t else None
        results.append({"filter": page.evaluate(
                            "(k) => window.__bench.root.querySelectorAll('select')[k].closest('.widget-dropdown')"
                            "?.querySelector('label')?.textContent", index),
                        "total": rel(max(st["last"], st["afterplot"])) or float("nan"),
                        "table": rel(st["table"]), "plot": rel(max(st["plot"], st["afterplot"])),
                        "mutations": st["count"], "select": index, "value": value})
        page.wait_for_timeout(100)
    return results


def summary(name: str, rows: list[dict]) -> dict:
    import numpy as np
    tot = np.array([r["total"] for r in rows], dtype=float)
    tab = np.array([r["table"] for r in rows if r["table"] is not None], dtype=float)
    plo = np.array([r["plot"] for r in rows if r["plot"] is not None], dtype=float)
    fmt = lambda a: (f"{np.median(a):6.0f} {np.percentile(a, 90):6.0f} {a.max():6.0f}"  # noqa: E731
                     if len(a) else "     -      -      -")
    print(f"{name:<32} {len(tot):>3}  {fmt(tot)}   | table {fmt(tab)} | plot {fmt(plo)}")
    return {"median": float(np.median(tot)), "p90": float(np.percentile(tot, 90)), "max": float(tot.max())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=20, help="filter changes per explorer (default 20)")
    ap.add_argument("--port", type=int, default=9410)
    ap.add_argument("--quiet", type=float, default=300, help="ms without a DOM change that ends a measurement")
    ap.add_argument("--synthetic", action="store_true", help="synthetic articles even if PolNeAR is present")
    ap.add_argument("--json", help="also write every measurement to this file")
    args = ap.parse_args(argv)
    if not free(args.port):
        raise SystemExit(f"port {args.port} is in use: choose another with --port")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"no Chromium at {CHROMIUM}")
    sys.path.insert(0, str(ROOT / "bench"))
    from playwright.sync_api import sync_playwright

    from scale import POLNEAR, make_folder

    token = secrets.token_hex(16)
    all_rows: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = tmp / "articles"
        big.mkdir()
        kind = make_folder(1000, big, args.synthetic)
        if not POLNEAR.is_dir():
            print(f"PolNeAR not found at {POLNEAR}: using synthetic articles")
        site = tmp / "site"
        site.mkdir()
        write_notebook(site / "floor.ipynb", CELL_FLOOR)
        write_notebook(site / "seeds.ipynb", CELL_EXPLORERS.format(folder=""))
        write_notebook(site / "big.ipynb", CELL_EXPLORERS.format(folder=repr(str(big))))
        server = start_voila(site, args.port, token)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    cases = [("floor", "floor.ipynb", [(".bench-floor", [0], "bare Dropdown -> HTML")]),
                             ("seeds", "seeds.ipynb",
                              [(".bench-claim", [0, 1], "ClaimExplorer"),
                               (".bench-statement", [0, 1], "StatementExplorer")]),
                             ("1,000 articles", "big.ipynb",
                              [(".bench-claim", [0, 1], "ClaimExplorer"),
                               (".bench-statement", [0, 1], "StatementExplorer")])]
                    print(f"1,000 articles: {kind}")
                    print(f"{'case':<32} {'n':>3}  {'median':>6} {'p90':>6} {'max':>6}   (ms, input event to "
                          f"last DOM change; then the same for the table and the plot alone)")
                    medians: dict[str, list[float]] = {}
                    for group, nb, boxes in cases:
                        page = browser.new_page(viewport={"width": 1366, "height": 768})
                        t = time.monotonic()
                        page.goto(f"http://127.0.0.1:{args.port}/voila/render/{nb}?token={token}",
                                  timeout=180_000)
                        for box, _, _ in boxes:
                            page.wait_for_selector(f"{box} select", timeout=180_000)
                            if box != ".bench-floor":
                                page.wait_for_selector(f"{box} .js-plotly-plot", timeout=60_000)
                        page.wait_for_timeout(1000)  # let the first drawing settle
                        print(f"  ({group}: page ready in {time.monotonic() - t:.1f} s)")
                        for box, selects, label in boxes:
                            rows = measure(page, box, selects, args.changes, args.quiet, cap_ms=10_000)
                            name = f"{group}: {label}"
                            used = sorted({r["filter"] or "?" for r in rows})
                            print(f"  ({name}: changed {', '.join(used)})")
                            all_rows[name] = rows
                            medians.setdefault(group, []).append(summary(name, rows)["median"])
                        page.close()
                finally:
                    browser.close()
        finally:
            stop(server)
    print()
    for group, goal in GOALS.items():
        worst = max(medians[group])
        print(f"goal: median <= {goal} ms at {group}: worst explorer median {worst:.0f} ms -> "
              f"{'met' if worst <= goal else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps(all_rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
