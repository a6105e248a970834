"""Estimate each lesson's class time from its content, the way the instructor guide explains.

Not a test: a planning figure, printed as a table. For each student notebook
``notebooks/NN_name.ipynb`` (and the appendix) it counts

- the words of its text cells, and of the sentences code cells compute from the
  tables (``Markdown`` outputs), read at ``--wpm`` words a minute (150);
- its exercises, by kind, from the lesson's answer key: a choice, multi or
  number question takes ``--quick`` minutes (3: read it, look in a table or a
  widget, check, often read a hint and try again), a judgement (a decision and
  its reason, written out) ``--judgement`` minutes (4), an exercise answered
  in code ``--code`` minutes (5);
- an exercise whose heading says "off the page (NN minutes)" takes the NN
  minutes it states;
- an exercise whose heading says "optional" is counted apart;
- every other widget shown (a menu, a reader, an explorer) ``--widget``
  minutes (2), and every other visible code cell ``--cell`` minutes (0.5) to
  run it and read what it shows.

Usage (from the repository root)::

    .venv/bin/python bench/lesson_minutes.py
    .venv/bin/python bench/lesson_minutes.py --wpm 120   # a slower class
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WIDGET = "application/vnd.jupyter.widget-view+json"
PLOTLY = "application/vnd.plotly.v1+json"
EXERCISE = re.compile(r"""\b(?:Exercise|check)\(\s*["'](\d\d\.\w+)["']""")
HEADING = re.compile(r"^#{2,4} Exercise (\d\d\.\w+)(.*)$", re.M)


def _text(cell) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def words(markdown: str) -> int:
    """Words a student reads: markdown syntax, URLs and table rules left out."""
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)      # link targets
    markdown = re.sub(r"^\|?[\s|:-]+\|?$", "", markdown, flags=re.M)  # table rules
    return len(re.findall(r"[\w'’.,;:!?()\"“”«»/-]*\w[\w'’.,;:!?()\"“”«»/-]*", markdown))


def kinds(lesson: str) -> dict[str, str]:
    """Question id -> kind, from the lesson's answer key (empty for a notebook with no key)."""
    sys.path.insert(0, str(ROOT / "lib"))
    try:
        key = importlib.import_module(f"claimlab_course.keys.l{lesson}")
    except ModuleNotFoundError:
        return {}
    return {qid: q.kind for qid, q in key.QUESTIONS.items()}


def estimate(path: Path, args) -> dict:
    nb = json.loads(path.read_text(encoding="utf-8"))
    md = "\n".join(_text(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    computed = "\n".join(_text({"source": o["data"]["text/markdown"]}) for c in nb["cells"]
                         if c["cell_type"] == "code" for o in c.get("outputs", [])
                         if "text/markdown" in o.get("data", {}))
    qkinds = kinds(path.name[:2]) if path.name[:2].isdigit() else {}
    headings = {qid: rest for qid, rest in HEADING.findall(md)}
    row = {"lesson": path.stem, "words": words(md) + words(computed), "quick": 0, "judgement": 0, "code": 0,
           "off_page": 0.0, "optional": 0.0, "widgets": 0, "cells": 0}
    seen = set()
    for c in nb["cells"]:
        if c["cell_type"] != "code":
            continue
        src = _text(c)
        qids = [q for q in EXERCISE.findall(src) if q not in seen]
        if qids:
            for qid in qids:
                seen.add(qid)
                rest = headings.get(qid, "")
                kind = qkinds.get(qid, "text")
                cost = {"judgement": args.judgement}.get(kind, args.quick)
                if kind != "judgement" and re.search(r"^\s*\w+\s*=\s*\.\.\.\s*$", src, re.M):
                    kind, cost = "code", args.code
                stated = re.search(r"off the page \((\d+) minutes\)", rest)
                if stated:
                    row["off_page"] += float(stated.group(1))
                elif "optional" in rest:
                    row["optional"] += cost
                else:
                    row["judgement" if kind == "judgement" else "code" if kind == "code" else "quick"] += 1
            continue
        if c.get("metadata", {}).get("jupyter", {}).get("source_hidden"):
            continue  # a sentence computed from the tables: its words are read like text
        data = [o.get("data", {}) for o in c.get("outputs", [])]
        # A static figure comes with a small widget that names it for screen readers: that is no control to try.
        if any(WIDGET in d for d in data) and not any(PLOTLY in d for d in data):
            row["widgets"] += 1
        else:
            row["cells"] += 1
    row["reading"] = row["words"] / args.wpm
    row["minutes"] = (row["reading"] + row["quick"] * args.quick + row["judgement"] * args.judgement
                      + row["code"] * args.code + row["off_page"] + row["widgets"] * args.widget
                      + row["cells"] * args.cell)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wpm", type=float, default=150, help="reading speed, words a minute (150)")
    ap.add_argument("--quick", type=float, default=3, help="minutes for a choice, multi or number question (3)")
    ap.add_argument("--judgement", type=float, default=4, help="minutes for a judgement, written out (4)")
    ap.add_argument("--code", type=float, default=5, help="minutes for an exercise answered in code (5)")
    ap.add_argument("--widget", type=float, default=2, help="minutes to try a widget (2)")
    ap.add_argument("--cell", type=float, default=0.5, help="minutes to run a code cell and read it (0.5)")
    args = ap.parse_args(argv)
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(NOTEBOOKS.glob("appendix_*.ipynb"))
    cols = ["words", "reading", "quick", "judgement", "code", "off_page", "widgets", "cells", "minutes", "optional"]
    print(f"{'lesson':26}" + "".join(f"{c:>10}" for c in cols))
    for path in paths:
        r = estimate(path, args)
        print(f"{r['lesson']:26}" + "".join(
            f"{r[c]:>10.0f}" if isinstance(r[c], float) else f"{r[c]:>10}" for c in cols))
    print(f"\nminutes = words/{args.wpm:g} + {args.quick:g}·quick + {args.judgement:g}·judgement + "
          f"{args.code:g}·code + off-page minutes as stated + {args.widget:g}·widgets + {args.cell:g}·cells; "
          "optional exercises are listed apart, not added.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
