"""How extraction and loading time grow with the size of ONE article (issue #17, rule 7).

tests/test_linear_cost.py checks that cost grows linearly with the number of
articles.  This script looks at a single long article instead: an invented
text of N short sentences, each with a figure ("12 dead."), or each a
statement with a figure ("12 people were killed, the ministry said.").  For
each N it prints the best of REPEAT wall times of ``claimlab.extract.extract``
and of ``load_corpus`` on a folder holding that one article, the time per
sentence, and the ratio to the previous size (2.0 would be linear when N
doubles, 4.0 quadratic).

Usage (from the repo root):
    PYTHONPATH=lib .venv/bin/python bench/one_article_scaling.py [--sizes 1500 3000 6000 12000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

KINDS = {
    "figures": lambda i: f"{10 + i % 80} dead.",
    "statements": lambda i: f"{10 + i % 80} people were killed, the ministry said.",
}


def article(kind: str, n: int) -> str:
    return "Report\n\n" + " ".join(KINDS[kind](i) for i in range(n)) + "\n"


def best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1500, 3000, 6000, 12000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import claimlab
    from claimlab.extract import extract
    extract({"warm": article("figures", 10)})
    print(f"{'kind':<11} {'what':<12} {'sentences':>9} {'chars':>9} {'seconds':>8} {'µs/sentence':>12} {'× prev':>7}")
    for kind in KINDS:
        for what in ("extract", "load_corpus"):
            prev = None
            for n in args.sizes:
                text = article(kind, n)
                if what == "extract":
                    s = best(lambda text=text: extract({"a": text}), args.repeat)
                else:
                    with tempfile.TemporaryDirectory() as tmp:
                        (Path(tmp) / "a.txt").write_text(text, encoding="utf-8")
                        s = best(lambda tmp=tmp: claimlab.load_corpus(tmp, progress=False), args.repeat)
                step = f"{s / prev:7.2f}" if prev else f"{'':>7}"
                print(f"{kind:<11} {what:<12} {n:>9} {len(text):>9} {s:8.3f} {s / n * 1e6:12.1f} {step}")
                prev = s


if __name__ == "__main__":
    main()
