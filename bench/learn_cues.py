"""Learn the extractor's word counts from a brat gold corpus (PolNeAR train).

Writes ``lib/claimlab/extract/learned_words.tsv``: one line a lower-cased
word, with how often it stands inside a gold span of a role and how often in
the texts at all.  Only counts are written, never a text or an annotation, so
the file may ship (the corpus itself may not).  The extractor reads the file
at import and keeps the words whose counts pass the thresholds in
``claimlab.extract.vocabulary`` (set on train, see docs/benchmarks.md).

Rows:

    cue     WORD  in_cue  in_text  docs   word inside a gold cue span (docs: texts)
    source  WORD  in_src  in_text  docs   word inside a gold source span
    cue2    W1 W2 in_cue  in_text  docs   two words, next to each other (only
                                          whitespace between), inside one gold cue

Only words inside a gold span at least ``--min`` times are written.

Usage (from the repository root; the default gold is PolNeAR train):
    PYTHONPATH=lib .venv/bin/python bench/learn_cues.py [--gold ../shared/polnear/train]
        [--out lib/claimlab/extract/learned_words.tsv] [--min 3]

Never point it at dev: dev is for measuring only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from claimlab.brat import load_gold
from claimlab.extract.vocabulary import LEARNED_WORD_RE

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "polnear" / "train"
DEFAULT_OUT = REPO / "lib" / "claimlab" / "extract" / "learned_words.tsv"
ROLES = ("cue", "source")


def count(gold_dir: Path) -> tuple[dict[str, Counter], Counter, dict[str, dict[str, set]]]:
    """(per role: word -> times inside a gold span of it; word -> times in
    the texts; per role: word -> names of the texts where it was inside)."""
    corpus = load_gold(gold_dir)
    inside = {role: Counter() for role in ROLES}
    docs: dict[str, dict[str, set]] = {role: {} for role in ROLES}
    total: Counter = Counter()
    for doc in corpus.documents:
        masks = {role: bytearray(len(doc.text)) for role in ROLES}
        for rel in doc.relations:
            for role in ROLES:
                span = rel.role(role)
                if span:
                    for s, e in span.fragments:
                        masks[role][s:e] = b"\1" * (e - s)
        for m in LEARNED_WORD_RE.finditer(doc.text):
            w = m.group().lower()
            total[w] += 1
            for role in ROLES:
                if masks[role][m.start()]:
                    inside[role][w] += 1
                    docs[role].setdefault(w, set()).add(doc.name)
    return inside, total, docs


def count_pairs(gold_dir: Path) -> tuple[Counter, Counter, dict[str, set]]:
    """(pair -> times both words stand inside one gold cue; pair -> times in
    the texts; pair -> names of the texts where it was inside) for pairs of
    words with only whitespace between them ("talking about", "made clear")."""
    corpus = load_gold(gold_dir)
    inside: Counter = Counter()
    total: Counter = Counter()
    docs: dict[str, set] = {}
    for doc in corpus.documents:
        text = doc.text
        cue_of = [0] * len(text)
        for n, rel in enumerate(doc.relations, start=1):
            span = rel.role("cue")
            if span:
                for s, e in span.fragments:
                    cue_of[s:e] = [n] * (e - s)
        words = [(m.start(), m.end(), m.group().lower()) for m in LEARNED_WORD_RE.finditer(text)]
        for (a, a_end, w1), (b, _, w2) in zip(words, words[1:]):
            if text[a_end:b].strip():
                continue
            pair = f"{w1} {w2}"
            total[pair] += 1
            if cue_of[a] and cue_of[a] == cue_of[b]:
                inside[pair] += 1
                docs.setdefault(pair, set()).add(doc.name)
    return inside, total, docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="brat gold directory (default: PolNeAR train)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="counts file to write")
    ap.add_argument("--min", type=int, default=3, help="least times inside a gold span to be written")
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"error: gold directory not found: {args.gold} (PolNeAR is read from ../shared/polnear; "
              "it is not part of the repository)", file=sys.stderr)
        return 2
    inside, total, docs = count(args.gold)
    lines = [f"# learned by bench/learn_cues.py from {args.gold.parent.name}/{args.gold.name}: "
             "role, word, times inside a gold span of the role, times in the texts, texts",
             ]
    for role in ROLES:
        rows = sorted((w for w, n in inside[role].items() if n >= args.min),
                      key=lambda w: (-inside[role][w], w))
        lines += [f"{role}\t{w}\t{inside[role][w]}\t{total[w]}\t{len(docs[role][w])}" for w in rows]
    p_inside, p_total, p_docs = count_pairs(args.gold)
    rows = sorted((p for p, n in p_inside.items() if n >= args.min), key=lambda p: (-p_inside[p], p))
    lines += [f"cue2\t{p}\t{p_inside[p]}\t{p_total[p]}\t{len(p_docs[p])}" for p in rows]
    from claimlab.files import atomic_write
    atomic_write(args.out, ("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {args.out}: " + ", ".join(
        f"{sum(1 for ln in lines if ln.startswith(role + chr(9)))} {role} words" for role in ROLES + ("cue2",)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
