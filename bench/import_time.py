"""What `import claimlab; claimlab.load_corpus()` adds to `import pandas`, in a fresh process.

Each variant runs REPEAT times in a new interpreter; the minimum wall time is
reported (the least disturbed run), with peak memory.  Target: <= 150 ms added.

Usage: .venv/bin/python bench/import_time.py [--repeat 15]
"""

import argparse
import json
import subprocess
import sys

SNIPPETS = {
    "import pandas": "import pandas",
    "import pandas + claimlab.load_corpus()": "import pandas, claimlab; claimlab.load_corpus()",
}
RUNNER = """
import resource, time, json
t = time.perf_counter()
exec({code!r})
dt = time.perf_counter() - t
print(json.dumps({{"s": dt, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", RUNNER.format(code=code)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    runs = {name: [] for name in SNIPPETS}
    for _ in range(args.repeat):  # alternate, so a busy moment hits both variants alike
        for name, code in SNIPPETS.items():
            runs[name].append(run(code))
    best = {}
    for name in SNIPPETS:
        best[name] = min(runs[name], key=lambda r: r["s"])
        print(f"{name:45s} {best[name]['s'] * 1000:7.1f} ms   peak {best[name]['rss_mb']:.0f} MB")
    added = (best["import pandas + claimlab.load_corpus()"]["s"] - best["import pandas"]["s"]) * 1000
    print(f"{'claimlab adds':45s} {added:7.1f} ms   (target <= 150 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
