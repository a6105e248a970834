"""Score predicted attribution spans against gold annotations.

Metrics
-------
All metrics are micro-averaged over documents.  A *document* is one gold
annotation file paired with its text: a text annotated by two annotators is
scored twice, once against each annotation (predictions for it are reused).

Span metrics, separately for the roles ``cue``, ``source`` and ``content``:

* A span is the set of character offsets it covers; a discontinuous gold span
  (several fragments, or several ``Content`` arguments) is the union of its
  fragments.  Before comparison, whitespace and punctuation (Unicode
  categories P* and S*, which includes quotation marks) are trimmed from both
  ends of the span.  Spans that are empty after trimming are not counted.
* **exact**: a predicted span matches a gold span if their trimmed character
  sets are identical.
* **overlap**: a predicted span matches a gold span if they share at least
  one (trimmed) character.
* Matching is one-to-one within a document: candidate pairs are taken greedily
  in decreasing order of shared characters, and each gold and each predicted
  span is used at most once.  So precision = matched / predicted spans,
  recall = matched / gold spans, F1 = harmonic mean.

Quote-level metric (``quote.cov30``, ``quote.cov80``):

* coverage(p, g) = |content(p) ∩ content(g)| / |content(g)|, i.e. the share of
  the gold content's (trimmed) characters covered by the predicted content.
* A predicted relation matches a gold relation if coverage ≥ 0.30 (``cov30``)
  or ≥ 0.80 (``cov80``).  One-to-one greedy matching in decreasing coverage.
  Only relations with a non-empty content take part.

Predicted rows that share the same cue span are merged into one relation
before scoring (content = union), because the extractor emits a quotation
interrupted by its attribution ("“A,” she said, “B.”") as two rows while gold
annotates one relation with a two-fragment content.

CLI: ``python -m claimlab evaluate --gold DIR [--json] [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .brat import GoldCorpus, GoldDocument, load_gold, merge_fragments

__all__ = ["score", "score_documents", "score_curated", "evaluate_extractor", "main",
           "format_table", "public_result", "trimmed_chars", "ROLES", "recorded_scores",
           "RECORDED_SCORES"]

ROLES = ("cue", "source", "content")
COVERAGES = {"cov30": 0.30, "cov80": 0.80}


def _is_trim_char(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def trimmed_chars(text: str | None, fragments) -> frozenset[int]:
    """Character offsets covered by ``fragments`` after trimming both ends."""
    frags = merge_fragments([(int(s), int(e)) for s, e in fragments if e > s])
    if not frags:
        return frozenset()
    lo, hi = frags[0][0], frags[-1][1]
    if text is not None:
        hi = min(hi, len(text))
        while lo < hi and _is_trim_char(text[lo]):
            lo += 1
        while hi > lo and _is_trim_char(text[hi - 1]):
            hi -= 1
    out: set[int] = set()
    for s, e in frags:
        s, e = max(s, lo), min(e, hi)
        if e > s:
            out.update(range(s, e))
    return frozenset(out)


@dataclass
class _Rel:
    spans: dict[str, frozenset[int]]


@dataclass
class _Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp, n_pred, n_gold):
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def prf(self) -> dict:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "predicted": self.n_pred, "gold": self.n_gold}


def greedy_match(pairs) -> list[tuple[int, int]]:
    """One-to-one matching, heaviest pair first: ``pairs`` are (weight, left index, right index).

    Ties go to the lower left index, then the lower right index, so the result
    does not depend on the order of ``pairs``.  Returns the matched (left, right) pairs.
    """
    used_g, used_p, matched = set(), set(), []
    for _, gi, pi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    return matched


def _greedy(pairs: list[tuple[float, int, int]]) -> int:
    return len(greedy_match(pairs))


def _match_spans(gold: list[frozenset], pred: list[frozenset], exact: bool) -> int:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if exact:
                if g == p:
                    pairs.append((len(g), gi, pi))
            else:
                shared = len(g & p)
                if shared:
                    pairs.append((shared, gi, pi))
    return _greedy(pairs)


def _match_quotes(gold: list[frozenset], pred: list[frozenset], threshold: float) -> int:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = len(g & p)
            if shared and shared / len(g) >= threshold - 1e-12:
                pairs.append((shared / len(g), gi, pi))
    return _greedy(pairs)


@dataclass
class _Scorer:
    counts: dict = field(default_factory=dict)
    documents: int = 0
    gold_relations: int = 0
    predicted_relations: int = 0

    def __post_init__(self):
        for role in ROLES:
            for mode in ("exact", "overlap"):
                self.counts[(role, mode)] = _Counts()
        for name in COVERAGES:
            self.counts[("quote", name)] = _Counts()

    def add_document(self, gold: list[_Rel], pred: list[_Rel]):
        self.documents += 1
        self.gold_relations += len(gold)
        self.predicted_relations += len(pred)
        for role in ROLES:
            g = [r.spans[role] for r in gold if r.spans.get(role)]
            p = [r.spans[role] for r in pred if r.spans.get(role)]
            for mode in ("exact", "overlap"):
                self.counts[(role, mode)].add(_match_spans(g, p, mode == "exact"), len(p), len(g))
        g = [r.spans["content"] for r in gold if r.spans.get("content")]
        p = [r.spans["content"] for r in pred if r.spans.get("content")]
        for name, thr in COVERAGES.items():
            self.counts[("quote", name)].add(_match_quotes(g, p, thr), len(p), len(g))

    def result(self) -> dict:
        out: dict = {}
        for role in ROLES:
            out[role] = {m: self.counts[(role, m)].prf() for m in ("exact", "overlap")}
        out["quote"] = {n: self.counts[("quote", n)].prf() for n in COVERAGES}
        out["documents"] = self.documents
        out["gold_relations"] = self.gold_relations
        out["predicted_relations"] = self.predicted_relations
        return out


def _frag(start, end):
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return []
    return [(int(start), int(end))]


def _pred_relations(rows: pd.DataFrame, text: str | None) -> list[_Rel]:
    """Predicted rows -> relations, merging rows that share one cue span."""
    merged: dict = {}
    order = []
    for r in rows.itertuples(index=False):
        cue = _frag(r.cue_start, r.cue_end)
        key = ("cue", tuple(cue)) if cue else ("row", len(order))
        if key not in merged:
            merged[key] = {"cue": cue, "source": _frag(r.speaker_start, r.speaker_end),
                           "content": _frag(r.content_start, r.content_end)}
            order.append(key)
        else:
            merged[key]["content"] += _frag(r.content_start, r.content_end)
            if not merged[key]["source"]:
                merged[key]["source"] = _frag(r.speaker_start, r.speaker_end)
    return [_Rel({role: trimmed_chars(text, merged[k][role]) for role in ROLES}) for k in order]


def _gold_relations(doc: GoldDocument) -> list[_Rel]:
    rels = []
    for r in doc.relations:
        spans = {}
        for role in ROLES:
            sp = r.role(role)
            spans[role] = trimmed_chars(doc.text, sp.fragments) if sp else frozenset()
        rels.append(_Rel(spans))
    return rels


_PRED_COLUMNS = ("article_id", "speaker_start", "speaker_end", "cue_start", "cue_end",
                 "content_start", "content_end")


def _check_columns(df: pd.DataFrame, what: str):
    missing = [c for c in _PRED_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{what} is missing columns: {', '.join(missing)}")


def score_documents(pred_df: pd.DataFrame, docs: list[GoldDocument]) -> dict:
    """Score predictions against a list of gold documents (see module docstring)."""
    _check_columns(pred_df, "predictions")
    groups = {k: g for k, g in pred_df.groupby("article_id", sort=False)} if len(pred_df) else {}
    sc = _Scorer()
    empty = pred_df.iloc[0:0]
    for d in docs:
        sc.add_document(_gold_relations(d), _pred_relations(groups.get(d.name, empty), d.text))
    return sc.result()


def score(pred_df: pd.DataFrame, gold) -> dict:
    """Score predicted attributions against gold.

    ``gold`` may be a :class:`~claimlab.brat.GoldCorpus`, a list of
    :class:`~claimlab.brat.GoldDocument`, or a directory path (loaded with
    :func:`claimlab.brat.load_gold`).  ``pred_df`` needs the columns
    article_id, speaker_start/end, cue_start/end, content_start/end.
    Returns the nested dict described in the module docstring.
    """
    if isinstance(gold, (str, Path)):
        gold = load_gold(gold)
    docs = gold.documents if isinstance(gold, GoldCorpus) else list(gold)
    return score_documents(pred_df, docs)


def score_curated(
    curated: pd.DataFrame,
    texts: dict[str, str] | None = None,
    pred: pd.DataFrame | None = None,
) -> dict:
    """Score the extractor (or ``pred``) against curated seed attributions.

    ``curated`` is a table with the attribution columns (article_id,
    speaker_start/end, cue_start/end, content_start/end) -- e.g.
    ``claimlab.load_corpus().attributions``.  Only articles that appear in
    ``curated`` are scored.  ``texts`` maps article_id to text; it is used for
    punctuation trimming and, when ``pred`` is None, to run the extractor.
    Without ``texts`` spans are compared as given (no trimming).
    """
    _check_columns(curated, "curated attributions")
    if pred is None:
        if texts is None:
            raise ValueError("need texts to run the extractor (or pass pred=)")
        from .extract import extract
        ids = set(curated["article_id"].astype(str))
        pred, _ = extract({k: v for k, v in texts.items() if k in ids})
    _check_columns(pred, "predictions")
    pgroups = {k: g for k, g in pred.groupby("article_id", sort=False)} if len(pred) else {}
    empty = pred.iloc[0:0]
    sc = _Scorer()
    for aid, rows in curated.groupby("article_id", sort=True):
        text = texts.get(aid) if texts else None
        gold = []
        for r in rows.itertuples(index=False):
            gold.append(_Rel({
                "source": trimmed_chars(text, _frag(r.speaker_start, r.speaker_end)),
                "cue": trimmed_chars(text, _frag(r.cue_start, r.cue_end)),
                "content": trimmed_chars(text, _frag(r.content_start, r.content_end)),
            }))
        sc.add_document(gold, _pred_relations(pgroups.get(aid, empty), text))
    return sc.result()


def evaluate_extractor(gold_dir: str | Path, limit: int | None = None) -> tuple[dict, dict]:
    """Load gold, run :func:`claimlab.extract.extract` on its texts, score.

    Returns ``(scores, info)``; info holds timings and gold-file problems.
    """
    from .extract import extract

    t0 = time.perf_counter()
    corpus = load_gold(gold_dir, limit=limit)
    t1 = time.perf_counter()
    pred, _ = extract(corpus.texts)
    t2 = time.perf_counter()
    res = score_documents(pred, corpus.documents)
    t3 = time.perf_counter()
    info = {"texts": len(corpus.texts), "problems": corpus.problems,
            "seconds_load": round(t1 - t0, 2), "seconds_extract": round(t2 - t1, 2),
            "seconds_score": round(t3 - t2, 2)}
    return res, info


# The extractor's PolNeAR dev scores, written by ``bench/extractor_scores.py
# --write-scores`` (scores only: no text or annotation of the corpus), so that
# readers without the corpus can see them; tests/test_evaluate.py checks that
# they are the current extractor's whenever the corpus is at hand.
RECORDED_SCORES = Path(__file__).with_name("extract") / "dev_scores.json"


def recorded_scores(path: Path = RECORDED_SCORES) -> dict:
    """The recorded PolNeAR dev scores: {"split", "texts", "documents", "scores"},
    ``scores`` shaped as :func:`public_result`."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"no recorded extractor scores at {path}; write them with "
                                "bench/extractor_scores.py --write-scores") from None


def public_result(res: dict) -> dict:
    """The result without the raw counts: only precision/recall/f1 per metric."""
    keep = ("precision", "recall", "f1")
    out = {}
    for key, val in res.items():
        if isinstance(val, dict):
            out[key] = {m: {k: v[k] for k in keep} for m, v in val.items()}
        else:
            out[key] = val
    return out


def format_table(res: dict) -> str:
    lines = [f"{'':10} {'match':8} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>6} {'pred':>6} {'gold':>6}"]
    for role in ROLES:
        for mode in ("exact", "overlap"):
            m = res[role][mode]
            lines.append(f"{role:10} {mode:8} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}"
                         f"   {m['tp']:6d} {m['predicted']:6d} {m['gold']:6d}")
    for name in COVERAGES:
        m = res["quote"][name]
        lines.append(f"{'quote':10} {name:8} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}"
                     f"   {m['tp']:6d} {m['predicted']:6d} {m['gold']:6d}")
    lines.append(f"documents={res['documents']} gold_relations={res['gold_relations']} "
                 f"predicted_relations={res['predicted_relations']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: ``python -m claimlab evaluate --gold DIR [--json] [--limit N]``."""
    ap = argparse.ArgumentParser(
        prog="python -m claimlab evaluate",
        description="Score the rule-based attribution extractor against brat gold "
                    "(DIR/text/*.txt + DIR/attributions/*.ann).")
    ap.add_argument("--gold", metavar="DIR", help="gold directory")
    ap.add_argument("--curated", nargs="?", const="", metavar="DIR",
                    help="instead of brat gold, score against a curated corpus folder's attributions.csv "
                         "(no DIR: the bundled seeds)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--limit", type=int, default=None, metavar="N",
                    help="only the first N texts (sorted by name)")
    args = ap.parse_args(argv)
    if args.curated is not None:
        from .corpus import CorpusError, load_corpus
        try:
            corpus = load_corpus(args.curated or None, extract=False)
        except CorpusError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        curated = corpus.attributions[corpus.attributions["origin"] == "curated"]
        if curated.empty:
            print(f"error: no curated attributions in {corpus.path}", file=sys.stderr)
            return 2
        res = score_curated(curated, corpus.texts)
        print(json.dumps(public_result(res)) if args.json else format_table(res))
        return 0
    if not args.gold:
        ap.error("give --gold DIR or --curated [DIR]")
    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"error: gold directory not found: {gold}", file=sys.stderr)
        return 2
    try:
        res, info = evaluate_extractor(gold, limit=args.limit)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if res["documents"] == 0:
        print(f"error: no annotation files with matching texts under {gold}", file=sys.stderr)
        return 2
    if info["problems"]:
        print(f"warning: {len(info['problems'])} problem(s) in gold files, first: "
              f"{info['problems'][0]}", file=sys.stderr)
    if args.json:
        print(json.dumps(public_result(res)))
    else:
        print(format_table(res))
        print(f"texts={info['texts']} load={info['seconds_load']}s "
              f"extract={info['seconds_extract']}s score={info['seconds_score']}s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
