"""Find the same statement reported by different articles, and show how the wording differs.

``statement_pairs`` lists pairs of attributions, in different articles, whose
content is nearly the same words: the same official's statement as one outlet
quoted it and another relayed it.  ``side_by_side`` shows two versions in a
two-column table with word-level differences marked, and ``CompareWidget``
puts the two together behind a menu.

How pairs are found (on the words, case and curly quotes ignored):

* a pair needs a word-sequence similarity (``difflib.SequenceMatcher.ratio``)
  of at least ``min_ratio`` = 0.6, **or** a shared run of at least
  ``min_run`` = 8 consecutive words.  The run rule catches an outlet that
  merged two sentences into one quotation, which halves the ratio;
* statements shorter than ``min_words`` = 5 words ("these charges") are left
  out, and so are repeated headlines (``repeat_of``);
* only statements that share a run of three words are compared at all, which
  keeps a large corpus fast.

On the seed corpus this finds four pairs, all the US State Department
official's statement as TASS quoted it and as Sputnik's version (republished
by UrduPoint) has it (ratios 0.63 to 0.94, shared runs of 12 to 25 words).
The next best cross-article pair, two paraphrases of "precise and targeted",
scores 0.53 with a run of 5 words, and everything else is below 0.45.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from .format import shorten as _shorten
from .format import text as _text
from .markup import FONT, INK, MUTED, PAPER, esc
from .reader import Shown

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["side_by_side", "statement_pairs", "CompareWidget", "PAIR_COLUMNS"]

PAIR_COLUMNS = ["article_a", "attribution_a", "outlet_a", "content_a",
                "article_b", "attribution_b", "outlet_b", "content_b", "similarity", "shared_run"]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "\u00a0": " "})
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")

# Okabe–Ito vermillion and bluish green, as light tints with dark text; the
# line-through/underline and the − / + signs carry the meaning without colour.
_DEL = f"background:#F7DFCC;color:{INK};text-decoration:line-through;text-decoration-thickness:2px;"
_INS = (f"background:#CCECE3;color:{INK};text-decoration:underline;text-decoration-thickness:2px;"
        "text-underline-offset:3px;")
_SIGN = "font-size:0.75em;font-weight:700;margin-right:1px;"


def _key(token: str) -> str:
    return token.translate(_QUOTES).casefold()


def words(text: str) -> list[str]:
    """The words of a statement, lower-cased, with curly quotes made straight."""
    return re.findall(r"\w+", _key(text))


# ----------------------------------------------------------------------------- side by side

def _tokens(text: str) -> list[str]:
    """Words and punctuation marks, each with the white space after it (the first also with any before it)."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if out:
            out[-1] += text[pos:m.start()]
        out.append(m.group() if out else text[:m.end()])
        pos = m.end()
    if out:
        out[-1] += text[pos:]
    return out


def _cell(tokens: list[str], changed: list[bool], tag: str) -> str:
    """Tokens as escaped HTML, the changed runs wrapped in ``<del>`` or ``<ins>``."""
    style, sign, tip = (_DEL, "−", "only in the left version") if tag == "del" else \
        (_INS, "+", "only in the right version")
    out, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and changed[j] == changed[i]:
            j += 1
        run = "".join(tokens[i:j])
        if changed[i]:
            body = run.rstrip()
            out.append(f'<{tag} title="{tip}" style="{style}"><span aria-hidden="true" style="{_SIGN}">{sign}</span>'
                       f'{esc(body)}</{tag}>{esc(run[len(body):])}')
        else:
            out.append(esc(run))
        i = j
    return "".join(out)


def side_by_side(a: str, b: str, label_a: str, label_b: str, *, large: bool = False) -> str:
    """Two versions of a statement in a two-column HTML table, word differences marked.

    Words only in ``a`` are struck through with a − sign (``<del>``), words only
    in ``b`` are underlined with a + sign (``<ins>``).  Comparison ignores case
    and curly-versus-straight quotes.  All text is escaped.
    """
    a, b = _text(a), _text(b)
    ta, tb = _tokens(a), _tokens(b)
    sm = difflib.SequenceMatcher(None, [_key(t.strip()) for t in ta], [_key(t.strip()) for t in tb],
                                 autojunk=False)
    gone, new = [True] * len(ta), [True] * len(tb)
    for block in sm.get_matching_blocks():
        gone[block.a:block.a + block.size] = [False] * block.size
        new[block.b:block.b + block.size] = [False] * block.size
    ratio = difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()
    size = "22px" if large else "16px"
    cell = "text-align:left;vertical-align:top;padding:0.6em 0.8em;border:1px solid #c8c8c8;white-space:pre-wrap;width:50%"
    head = "text-align:left;padding:0.4em 0.8em;border:1px solid #c8c8c8;background:#f2f2f2"
    return (f'<table class="ca-compare" style="border-collapse:collapse;width:100%;table-layout:fixed;'
            f'font-family:{esc(FONT)};font-size:{size};line-height:1.6;color:{INK};background:{PAPER}">'
            f'<caption style="caption-side:bottom;text-align:left;font-size:0.8em;color:{MUTED};padding-top:0.4em">'
            f'<del style="{_DEL}"><span aria-hidden="true" style="{_SIGN}">−</span>struck through</del>: words only '
            f'in the left version; <ins style="{_INS}"><span aria-hidden="true" style="{_SIGN}">+</span>underlined'
            f'</ins>: words only in the right version. Word similarity {ratio:.2f}.</caption>'
            f'<thead><tr><th scope="col" style="{head}">{esc(label_a)}</th>'
            f'<th scope="col" style="{head}">{esc(label_b)}</th></tr></thead>'
            f'<tbody><tr><td style="{cell}">{_cell(ta, gone, "del")}</td>'
            f'<td style="{cell}">{_cell(tb, new, "ins")}</td></tr></tbody></table>')


# ----------------------------------------------------------------------------- pairs

def _ngrams(seq: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i:i + n]) for i in range(len(seq) - n + 1)}


def statement_pairs(corpus: Corpus, *, min_ratio: float = 0.6, min_run: int = 8, min_words: int = 5) -> pd.DataFrame:
    """Pairs of attributions in different articles whose content is nearly the same words.

    One row a pair, most similar first, with columns ``article_a``,
    ``attribution_a``, ``outlet_a``, ``content_a``, the same for ``_b``,
    ``similarity`` (``SequenceMatcher`` ratio on the words, 0 to 1) and
    ``shared_run`` (the longest run of words the two share).  Article ``a`` is
    the one listed first in ``corpus.articles``.  See the module docstring for
    the thresholds and why.
    """
    att = corpus.attributions
    if len(att) == 0 or "content" not in att.columns:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    if "repeat_of" in att.columns:
        att = att[att["repeat_of"].fillna("") == ""]
    order = {a: i for i, a in enumerate(corpus.articles["article_id"])} if len(corpus.articles) else {}
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"])) if len(corpus.articles) else {}
    recs = []
    for r in att.to_dict("records"):
        w = words(_text(r.get("content")))
        if len(w) >= min_words:
            recs.append((order.get(r["article_id"], len(order)), r, w))
    recs.sort(key=lambda x: x[0])

    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, (_, _, w) in enumerate(recs):
        for gram in _ngrams(w, 3):
            index[gram].add(i)
    candidates = {(i, j) for ids in index.values() for i, j in combinations(sorted(ids), 2)}

    rows = []
    for i, j in sorted(candidates):
        (_, ra, wa), (_, rb, wb) = recs[i], recs[j]
        if ra["article_id"] == rb["article_id"]:
            continue
        sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        ratio = sm.ratio()
        run = sm.find_longest_match(0, len(wa), 0, len(wb)).size
        if ratio >= min_ratio or run >= min_run:
            rows.append({"article_a": ra["article_id"], "attribution_a": _text(ra.get("attribution_id")),
                         "outlet_a": _text(outlets.get(ra["article_id"])), "content_a": _text(ra["content"]),
                         "article_b": rb["article_id"], "attribution_b": _text(rb.get("attribution_id")),
                         "outlet_b": _text(outlets.get(rb["article_id"])), "content_b": _text(rb["content"]),
                         "similarity": round(ratio, 3), "shared_run": run})
    df = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return df.sort_values(["similarity", "shared_run"], ascending=False, kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- the widget

def _side_label(row, side: str) -> str:
    source = row[f"outlet_{side}"] or row[f"article_{side}"]
    return f"{source} ({row[f'article_{side}']}, {row[f'attribution_{side}']})"


class CompareWidget(Shown):
    """A menu of similar statements and the chosen pair side by side.

    ``.pairs`` is :func:`statement_pairs`' table, ``.choice`` the Dropdown (its
    value is a row number of ``.pairs``) and ``.html`` the HTML widget.
    """

    def __init__(self, corpus: Corpus, *, large: bool = False, **thresholds):
        import ipywidgets as W

        self.corpus = corpus
        self.large = large
        self.pairs = statement_pairs(corpus, **thresholds)
        options = [(f"{r.outlet_a or r.article_a} {r.attribution_a} ↔ {r.outlet_b or r.article_b} "
                    f"{r.attribution_b} ({r.similarity:.2f}): {_shorten(r.content_a, 50)}", i)
                   for i, r in enumerate(self.pairs.itertuples(index=False))]
        self.choice = W.Dropdown(options=options, value=0 if options else None, description="Statement",
                                 disabled=not options, tooltip="Choose a pair of similar statements to compare",
                                 style={"description_width": "initial"},
                                 layout=W.Layout(width="auto", min_width="24em", max_width="100%"))
        self.html = W.HTML(tooltip="The two versions side by side, differences marked",
                           layout=W.Layout(width="100%"))
        self.widget = W.VBox([self.choice, self.html])
        self.choice.observe(lambda change: self.update(), names="value")
        self.update()

    @property
    def value(self) -> str:
        """The HTML shown now."""
        return self.html.value

    def update(self):
        """Show the chosen pair."""
        if self.choice.value is None:
            self.html.value = (f'<p style="font-style:italic;color:{MUTED}">'
                               "No pairs of similar statements found in this corpus.</p>")
            return
        row = self.pairs.iloc[self.choice.value]
        self.html.value = side_by_side(row["content_a"], row["content_b"], _side_label(row, "a"),
                                       _side_label(row, "b"), large=self.large)
