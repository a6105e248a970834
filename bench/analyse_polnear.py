"""Development helper: list missed / spurious attributions on a PolNeAR split.

Prints statistics only (nothing from the corpus is written to the repo).
Usage: PYTHONPATH=lib python bench/analyse_polnear.py [train|dev] [N examples]
"""
import collections
import random
import sys
from pathlib import Path

from claimlab.brat import load_gold
from claimlab.evaluate import trimmed_chars
from claimlab.extract import _find_attributions

split = sys.argv[1] if len(sys.argv) > 1 else "train"
nex = int(sys.argv[2]) if len(sys.argv) > 2 else 15
mode = sys.argv[3] if len(sys.argv) > 3 else "fn"
root = Path(__file__).resolve().parents[1].parent / "shared" / "polnear" / split
corpus = load_gold(root)
random.seed(0)
fn_cues = collections.Counter()
fp_how = collections.Counter()
tp_how = collections.Counter()
examples = []
for d in corpus.documents:
    rels = _find_attributions(d.text)
    gcues = [trimmed_chars(d.text, r.cue.fragments) for r in d.relations if r.cue]
    pc = [trimmed_chars(d.text, [r["cue"]]) for r in rels]
    for r, p in zip(rels, pc):
        ok = any(p & g for g in gcues)
        (tp_how if ok else fp_how)[r["how"]] += 1
        if not ok and mode == "fp":
            s0 = max(0, r["cue"][0] - 150)
            examples.append((r["how"], d.text[s0:r["cue"][1] + 100].replace("\n", " | ")))
    for g in d.relations:
        if not g.cue:
            continue
        gs = trimmed_chars(d.text, g.cue.fragments)
        if not any(gs & p for p in pc):
            fn_cues[g.cue.text.lower()] += 1
            if mode == "fn":
                s0 = max(0, g.cue.start - 120)
                examples.append((g.cue.text, (g.source.text if g.source else None),
                                 d.text[s0:g.cue.end + 80].replace("\n", " | ")))
print("missed cues:", fn_cues.most_common(40))
print("tp by rule:", tp_how.most_common())
print("fp by rule:", fp_how.most_common())
for e in random.sample(examples, min(nex, len(examples))):
    print("-", e)
