"""The extractor's errors on a PolNeAR split, sorted by kind (issue 13's error analysis).

Read from ../shared/polnear (never copied into the repository).  Prints:

* the gold cues the extractor misses (no predicted cue shares a character),
  by kind.  The kinds are decided by word lists, in this order, with no
  part-of-speech tagger, so they are approximate:
  - "preposition": the cue is one preposition ("in" a poll);
  - "verb in the list, pattern not handled": a word of the cue is one of
    the extractor's cue forms (``claimlab.extract.vocabulary.CUE_FORMS``);
  - "belief or intent word": a word is in :data:`BELIEF` ("decided", "plan");
  - "-ing participle not in the list": the cue's last word ends in -ing;
  - "noun cue": a word is in :data:`NOUNS` or ends in a noun suffix
    (-tion, -sion, -ment, -ism, -ity, -ance, -ence, -ics);
  - "verb or phrase not in the cue list": the rest.
  A cue of punctuation only (":") is not scored at all: the scorer trims
  punctuation, so nothing is left of it;
* false positives (predicted cues matching no gold cue), and how many sit
  inside a gold content (PolNeAR is univocal);
* for the relations found (cue overlap), whether the source and the content
  are cut short, too long, or otherwise different from gold;
* with ``--examples N`` (on train only: dev is for measuring), N examples of
  each kind of source and cue difference (gold, then predicted), to group
  by shape.  They are printed, never written to the repository.

Usage (from the repository root):
    PYTHONPATH=lib .venv/bin/python bench/extractor_errors.py [--split dev] [--split train --examples 20]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

from claimlab.brat import load_gold
from claimlab.evaluate import trimmed_chars
from claimlab.extract import extract
from claimlab.extract.vocabulary import CUE_FORMS

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "polnear"
PREPOSITIONS = {"in", "on", "for", "at", "from", "to", "of", "by", "with", "about", "among", "per",
                "under", "against", "over"}
BELIEF = {"decide", "decided", "decides", "plan", "plans", "planned", "feel", "feels", "felt", "intend",
          "intends", "intended", "aim", "aims", "aimed", "determined", "want", "wanted", "wants",
          "hope", "hoped", "believe", "believed", "think", "thought", "like", "likes", "love", "hate"}
NOUNS = {"report", "reports", "question", "questions", "criticism", "poll", "polls", "survey", "statement",
         "claim", "claims", "comment", "comments", "remarks", "view", "views", "complaint", "complaints",
         "plan", "decision", "support", "opposition", "call", "calls", "warning", "letter", "memo", "tweet",
         "speech", "interview", "ad", "accusation", "accusations", "charge", "charges", "concerns",
         "argument", "response", "message", "promise", "pledge", "vow", "attack", "attacks", "praise"}
NOUN_SUFFIX = ("tion", "sion", "ment", "ism", "ity", "ance", "ence", "ics")
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
KINDS = ["verb or phrase not in the cue list", "verb in the list, pattern not handled", "noun cue",
         "-ing participle not in the list", "belief or intent word", "preposition"]


def miss_kind(cue: str) -> str:
    words = WORD.findall(cue.lower())
    if not words:
        return KINDS[0]
    if len(words) == 1 and words[0] in PREPOSITIONS:
        return KINDS[5]
    if any(w in CUE_FORMS for w in words):
        return KINDS[1]
    if any(w in BELIEF for w in words):
        return KINDS[4]
    if words[-1].endswith("ing"):
        return KINDS[3]
    if any(w in NOUNS or w.endswith(NOUN_SUFFIX) for w in words):
        return KINDS[2]
    return KINDS[0]


def _chars(text, fragments):
    return trimmed_chars(text, fragments)


def _show(text: str, chars: frozenset) -> str:
    """The text of a span given as characters, gaps shown as "…"."""
    if not chars:
        return ""
    out, prev = [], None
    for i in sorted(chars):
        if prev is not None and i != prev + 1:
            out.append("…")
        out.append(text[i])
        prev = i
    return " ".join("".join(out).split())


def analyse(gold_dir: Path) -> dict:
    corpus = load_gold(gold_dir)
    pred, _ = extract(corpus.texts)
    groups = {k: g for k, g in pred.groupby("article_id")} if len(pred) else {}
    misses, fp, fp_inside, n_pred, n_gold = Counter(), 0, 0, 0, 0
    source, content, cue = Counter(), Counter(), Counter()
    examples: dict[tuple[str, str], list] = {}
    for doc in corpus.documents:
        text = doc.text
        rows = groups.get(doc.name)
        preds = []
        if rows is not None:
            for r in rows.itertuples(index=False):
                sp = (_chars(text, [(int(r.speaker_start), int(r.speaker_end))])
                      if r.speaker_start is not None and r.speaker == r.speaker and r.speaker else frozenset())
                preds.append((_chars(text, [(int(r.cue_start), int(r.cue_end))]), sp,
                              _chars(text, [(int(r.content_start), int(r.content_end))])))
        gold = []
        for rel in doc.relations:
            roles = [rel.role(k) for k in ("cue", "source", "content")]
            gold.append(tuple(_chars(text, sp.fragments) if sp else frozenset() for sp in roles))
        gold = [g for g in gold if g[0]]
        n_gold += len(gold)
        n_pred += len(preds)
        gold_contents = frozenset().union(*(g[2] for g in gold)) if gold else frozenset()
        for pc, _, _ in preds:
            if not any(pc & g[0] for g in gold):
                fp += 1
                fp_inside += bool(pc & gold_contents)
        for gc, gs, gk in gold:
            match = next((p for p in preds if p[0] & gc), None)
            if match is None:
                cue_text = "".join(text[i] if i in gc else " " for i in range(min(gc), max(gc) + 1))
                misses[miss_kind(" ".join(cue_text.split()))] += 1
                continue
            pc, ps, pk = match
            for role, counts, g, p in (("source", source, gs, ps), ("content", content, gk, pk),
                                       ("cue", cue, gc, pc)):
                kind = _compare(g, p)
                counts[kind] += 1
                if kind not in ("exact", "both empty"):
                    examples.setdefault((role, kind), []).append((_show(text, g), _show(text, p)))
    return {"gold cues": n_gold, "predicted": n_pred, "missed": misses, "false positives": fp,
            "false positives inside a gold content": fp_inside, "source": source, "content": content,
            "cue": cue, "examples": examples}


def _compare(gold: frozenset, pred: frozenset) -> str:
    if not gold and not pred:
        return "both empty"
    if not pred:
        return "none predicted"
    if not gold:
        return "none in gold"
    if gold == pred:
        return "exact"
    if pred < gold:
        return "cut short"
    if gold < pred:
        return "too long"
    return "overlapping" if gold & pred else "elsewhere"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="The extractor's errors on PolNeAR, by kind.")
    ap.add_argument("--split", default="dev", help="PolNeAR split under ../shared/polnear (default dev)")
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="print N examples of each kind of source and cue difference (train only)")
    args = ap.parse_args(argv)
    if args.examples and args.split != "train":
        print("--examples is for train only: rules are chosen on train, dev is for measuring", file=sys.stderr)
        return 2
    d = POLNEAR / args.split
    if not d.is_dir():
        print(f"{d} not found: PolNeAR is read from ../shared/polnear and is not part of the repository",
              file=sys.stderr)
        return 2
    res = analyse(d)
    missed = res["missed"]
    print(f"PolNeAR {args.split}: {res['gold cues']} gold cues, {res['predicted']} predicted, "
          f"{sum(missed.values())} gold cues missed")
    print("| kind of miss | count |\n|---|---|")
    for kind in KINDS:
        print(f"| {kind} | {missed[kind]} |")
    print(f"false positives: {res['false positives']}, of which inside a gold content: "
          f"{res['false positives inside a gold content']}")
    for role in ("cue", "source", "content"):
        c = res[role]
        print(f"{role} of the relations found ({sum(c.values())}): "
              + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    if args.examples:
        rnd = random.Random(1)
        for (role, kind), items in sorted(res["examples"].items()):
            if role == "content":
                continue
            print(f"\n{role}, {kind} ({len(items)}), gold => predicted:")
            for g, p in rnd.sample(items, min(args.examples, len(items))):
                print(f"  {g!r} => {p!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
