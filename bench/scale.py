"""Load + extract + lesson tables at 1,000 and 10,000 articles; a filter update at 10,000.

Articles are PolNeAR train texts (read from ../shared/polnear, never copied
into the repository) repeated under new names until there are N of them; with
--synthetic, or when PolNeAR is absent, invented template articles are used.
Each size runs in a fresh Python process so timings and peak memory are its own.

Usage (from the repo root):
    .venv/bin/python bench/scale.py                 # 1,000 and 10,000
    .venv/bin/python bench/scale.py --sizes 1000    # one size
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "polnear" / "train" / "text"


def make_folder(n: int, dest: Path, synthetic: bool) -> str:
    if POLNEAR.is_dir() and not synthetic:
        sources = sorted(POLNEAR.glob("*.txt"))
        for i in range(n):
            (dest / f"a{i:05d}.txt").write_bytes(sources[i % len(sources)].read_bytes())
        return f"PolNeAR train texts repeated ({len(sources)} distinct)"
    sys.path.insert(0, str(ROOT / "bench"))
    from extractor_scores import synthetic as make
    for i, (_name, text) in enumerate(sorted(make(n).items())):
        (dest / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return "synthetic template articles"


def measure(folder: str, filter_update: bool) -> dict:
    """Runs inside a fresh process."""
    t0 = time.perf_counter()
    import claimlab
    from claimlab import views
    corpus = claimlab.load_corpus(folder, progress=False)
    t1 = time.perf_counter()
    tables = [views.claims(corpus), views.statements(corpus), views.provenance(corpus),
              views.term_counts(corpus)]
    t2 = time.perf_counter()
    out = {"articles": len(corpus.articles), "chars": sum(map(len, corpus.texts.values())),
           "attributions": len(corpus.attributions), "figures": len(corpus.figures),
           "rows_in_lesson_tables": sum(len(t) for t in tables),
           "load_and_extract_s": round(t1 - t0, 2), "lesson_tables_s": round(t2 - t1, 2),
           "total_s": round(t2 - t0, 2)}
    if filter_update:
        from claimlab.widgets import ClaimExplorer, StatementExplorer
        for name, cls, key in (("claim explorer", ClaimExplorer, "measure"),
                               ("statement explorer", StatementExplorer, "speaker_type")):
            w = cls(corpus)
            values = {key: w.filters[key].options[1]}  # the first real value after "All"
            times = []
            for _ in range(5):
                for v in (values, {k: "All" for k in values}):
                    t = time.perf_counter()
                    w.set(**v)
                    times.append(time.perf_counter() - t)
            times.sort()
            out[f"{name} update ms, median / slowest of {len(times)}"] = (
                f"{times[len(times) // 2] * 1000:.1f} / {times[-1] * 1000:.1f}")
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out["peak_rss_mb"] = round(self_kb / 1024, 1)
    out["peak_rss_worker_mb"] = round(kids_kb / 1024, 1)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    ap.add_argument("--synthetic", action="store_true")
    ap.add_argument("--_measure", help=argparse.SUPPRESS)
    ap.add_argument("--_filter", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._measure:
        print(json.dumps(measure(args._measure, args._filter)))
        return 0
    results = {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            kind = make_folder(n, Path(tmp), args.synthetic)
            cmd = [sys.executable, __file__, "--_measure", tmp] + (["--_filter"] if n == max(args.sizes) else [])
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        results[n] = res
        print(f"{n:>6} articles ({kind}):")
        for k, v in res.items():
            print(f"    {k}: {v}")
    if 1000 in results and 10000 in results:
        ratio = results[10000]["total_s"] / results[1000]["total_s"]
        print(f"10k/1k time ratio: {ratio:.1f} (target <= 11)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
