"""Benchmark the attribution extractor.

1. Scores on the PolNeAR train and dev splits (read from ../shared/polnear,
   never copied into the repo), via claimlab.evaluate.evaluate_extractor.
2. Throughput on 10,000 synthetic news-like articles built from invented
   templates (~4,000 characters each), serial and with 2 worker processes.

Usage (from the repo root):
    PYTHONPATH=lib .venv/bin/python bench/extractor_scores.py [--skip-polnear] [--n 10000]
"""

import argparse
import random
import time
from pathlib import Path

from claimlab.evaluate import evaluate_extractor, format_table
from claimlab.extract import extract

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "polnear"

_SENTENCES = [
    '"We will not accept these terms," the spokesman said.',
    "The ministry said that {n} people were killed in the shelling overnight.",
    "According to local officials, more than {n} civilians have been displaced.",
    "Anna Berg, the agency director, told reporters the convoy had been delayed.",
    '"The situation is stable," she added, "but we remain concerned."',
    "The council met on Tuesday to discuss the harbour budget and road repairs.",
    "Almost {n} people were injured, the health department reported.",
    "The coalition did not carry out a single strike in the area, a source insisted.",
    "Prices rose sharply in the spring and fell again in the autumn.",
    "Officials denied the report, calling it a fabrication.",
    "The mayor warned that the bridge would close for repairs next month.",
    "Residents described long queues at the only open pharmacy.",
]


def synthetic(n: int, seed: int = 7) -> dict[str, str]:
    rnd = random.Random(seed)
    out = {}
    for i in range(n):
        paras = []
        size = 0
        while size < 4000:
            para = " ".join(rnd.choice(_SENTENCES).format(n=rnd.randint(2, 9000))
                            for _ in range(rnd.randint(2, 4)))
            paras.append(para)
            size += len(para) + 2
        out[f"syn{i:05d}"] = "Headline about the talks — Department of State\n\n" + "\n\n".join(paras)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-polnear", action="store_true")
    ap.add_argument("--n", type=int, default=10000)
    args = ap.parse_args()
    if not args.skip_polnear:
        for split in ("train", "dev"):
            d = POLNEAR / split
            if not d.is_dir():
                print(f"{d} not found; skipping PolNeAR {split}")
                continue
            t0 = time.perf_counter()
            res, info = evaluate_extractor(d)
            print(f"== PolNeAR {split} ({time.perf_counter() - t0:.1f} s total; {info})")
            print(format_table(res))
    texts = synthetic(args.n)
    chars = sum(map(len, texts.values()))
    for workers in (1, 2):
        t0 = time.perf_counter()
        attrs, figs = extract(texts, workers=workers)
        dt = time.perf_counter() - t0
        print(f"synthetic: {len(texts)} articles, {chars / len(texts):.0f} chars avg, workers={workers}: "
              f"{dt:.1f} s ({len(attrs)} attributions, {len(figs)} figures)")


if __name__ == "__main__":
    main()
