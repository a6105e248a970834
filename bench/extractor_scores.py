"""Benchmark the attribution extractor.

1. Scores on the PolNeAR train and dev splits (read from ../shared/polnear,
   never copied into the repo), via claimlab.evaluate.evaluate_extractor.
2. Speed on PolNeAR train texts: serial extract() per 1,000 texts (best of 3,
   wall and CPU time), and 1,000 against 10,000 texts (the train texts repeated
   under new ids) with 2 worker processes (best of 2).
3. One article of 100,000 short sentences with a number each (figure
   extraction must be linear: under 10 s), and 25,000 for the ratio.
4. The share of clean names (claimlab.extract.names: a noun phrase, no verb,
   no trailing punctuation) among the speakers, actors and figure claimants
   the extractor gives on PolNeAR dev.
5. Throughput on 10,000 synthetic news-like articles built from invented
   templates (~4,000 characters each), serial and with 2 worker processes.

On a shared machine take the best of several runs.

Usage (from the repo root):
    PYTHONPATH=lib .venv/bin/python bench/extractor_scores.py [--skip-polnear] [--skip-speed]
        [--skip-synthetic] [--skip-numbers] [--write-scores] [--n 10000]
"""

import argparse
import json
import random
import time
from pathlib import Path

from claimlab.brat import load_gold
from claimlab.evaluate import RECORDED_SCORES, evaluate_extractor, format_table, public_result
from claimlab.extract import extract
from claimlab.extract.names import name_problem

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


def best_time(fn, repeat: int) -> tuple[float, float]:
    """(wall, CPU of this process) in seconds, the best of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    return min(runs)


def polnear_speed():
    d = POLNEAR / "train" / "text"
    if not d.is_dir():
        print(f"{d} not found; skipping the PolNeAR speed runs")
        return
    train = [p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))]
    texts = {f"t{i}": t for i, t in enumerate(train)}
    extract(dict(list(texts.items())[:20]), workers=1)  # warm up
    wall, cpu = best_time(lambda: extract(texts, workers=1), 3)
    k = 1000 / len(texts)
    print(f"PolNeAR train, serial: {wall * k:.2f} s wall, {cpu * k:.2f} s CPU per 1,000 texts "
          f"({len(texts)} texts, {sum(map(len, train)) / len(train):.0f} chars avg)")
    walls = {}
    for n in (1000, 10000):
        many = {f"a{i:05d}": train[i % len(train)] for i in range(n)}
        walls[n], _ = best_time(lambda many=many: extract(many, workers=2), 2)
        print(f"PolNeAR train repeated, {n} texts, workers=2: {walls[n]:.2f} s wall")
    print(f"10,000 / 1,000 with workers=2: {walls[10000] / walls[1000]:.1f}x")


def numbers_article(n: int) -> str:
    """``n`` short sentences, each with a figure; every other one attributed."""
    return " ".join(
        (f"Officials said {i % 97 + 2} people were killed in village {i}." if i % 2 else
         f"About {i % 89 + 3} people were injured near road {i}.") for i in range(n))


def numbers_speed():
    times = {}
    for n in (25000, 100000):
        text = numbers_article(n)
        holder = {}
        times[n], _ = best_time(lambda text=text, holder=holder: holder.update(r=extract({"a": text}, workers=1)), 2)
        print(f"one article of {n:,} sentences with a number each ({len(text) / 1e6:.1f} MB): "
              f"{times[n]:.2f} s, {len(holder['r'][1])} figures, {len(holder['r'][0])} attributions")
    print(f"100,000 / 25,000 sentences: {times[100000] / times[25000]:.1f}x (linear: 4)")


def clean_names(split: str = "dev"):
    d = POLNEAR / split
    if not d.is_dir():
        print(f"{d} not found; skipping the clean-names count")
        return
    attrs, figs = extract(load_gold(d).texts)
    for col, values in (("speaker", attrs["speaker"]), ("actor", attrs["actor"]),
                        ("claimant", figs["claimant"])):
        names = [v for v in values.fillna("") if v.strip()]
        bad = [v for v in names if name_problem(v)]
        share = 1 - len(bad) / len(names) if names else float("nan")
        print(f"PolNeAR {split} {col} names: {len(names)}, clean {len(names) - len(bad)} ({share:.3f})"
              + (f"; e.g. {bad[:3]}" if bad else ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-polnear", action="store_true", help="no PolNeAR scores")
    ap.add_argument("--skip-speed", action="store_true", help="no PolNeAR speed runs")
    ap.add_argument("--skip-synthetic", action="store_true", help="no synthetic throughput runs")
    ap.add_argument("--write-scores", action="store_true",
                    help=f"write the dev scores to {RECORDED_SCORES.name} (shipped with the package, for readers without the corpus)")
    ap.add_argument("--skip-numbers", action="store_true", help="no 100,000-sentence article")
    ap.add_argument("--n", type=int, default=10000, help="synthetic articles")
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
            if split == "dev" and args.write_scores:
                record = {"split": "PolNeAR dev", "texts": info["texts"], "documents": res["documents"],
                          "gold_relations": res["gold_relations"], "scores": public_result(res)}
                RECORDED_SCORES.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8")
                print(f"wrote {RECORDED_SCORES}")
    if not args.skip_speed:
        polnear_speed()
    if not args.skip_numbers:
        numbers_speed()
    if not args.skip_polnear:
        clean_names()
    if args.skip_synthetic:
        return
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
