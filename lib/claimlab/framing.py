"""Find framing terms (actor labels, hedges, legal asides) with a small lexicon.

The curated ``terms.csv`` is read by people; for articles nobody annotated,
:func:`find_terms` marks the common labels and hedges so the framing lesson
still has something to count.  It is a word list, not an understanding: it
cannot tell a quoted label from the outlet's own.
"""

from __future__ import annotations

import re

import pandas as pd

TERM_COLUMNS = ["article_id", "term_id", "term", "start", "end", "category", "refers_to", "note", "origin"]

LEXICON: dict[str, list[str]] = {
    "actor_label": [
        r"terrorists?", r"terrorist (?:groups?|organi[sz]ations?|targets?|strongholds?)", r"terror outfits?",
        r"militants?", r"militant-held", r"rebels?", r"rebel-held", r"insurgents?", r"jihadists?",
        r"extremists?", r"(?:the )?opposition", r"regime", r"Takfiri(?: elements)?", r"Daesh",
        r"foreign-backed",
    ],
    "hedge": [r"so-called", r"reportedly", r"allegedly", r"alleged", r"purported(?:ly)?",
              r"what (?:they|it) (?:said|says|called|calls) (?:were|was|are|is)", r"are said to be",
              r"claimed"],
    "aside": [r"\((?:outlawed|banned|prohibited) in Russia\)",
              r"\(a terrorist organi[sz]ation (?:outlawed|banned) in Russia\)"],
    "evaluative": [r"well-known lies", r"false flag", r"propaganda", r"war of words"],
}
_RX = [(cat, re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE))
       for cat, words in LEXICON.items()]


def find_terms(texts: dict[str, str]) -> pd.DataFrame:
    """Lexicon matches in each text, one row per occurrence (``origin`` = extracted)."""
    rows = []
    for aid, text in texts.items():
        spans = []
        for cat, rx in _RX:
            for m in rx.finditer(text):
                spans.append((m.start(), m.end(), cat))
        spans.sort()
        last = -1
        n = 0
        for s, e, cat in spans:
            if s < last:  # keep the first (longest-starting) match; no overlaps
                continue
            last = e
            n += 1
            rows.append({"article_id": aid, "term_id": f"X{n:04d}", "term": text[s:e], "start": s,
                         "end": e, "category": cat, "refers_to": "", "note": "", "origin": "extracted"})
    return pd.DataFrame(rows, columns=TERM_COLUMNS)
