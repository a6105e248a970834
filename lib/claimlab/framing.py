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
        r"terrorist (?:groups?|organi[sz]ations?|targets?|strongholds?)", r"terrorists?", r"terror outfits?",
        r"militant-held", r"militants?", r"rebel-held", r"rebels?", r"insurgents?", r"jihadists?",
        r"extremists?", r"opposition", r"regime", r"Takfiri(?: elements)?", r"Daesh", r"foreign-backed",
    ],
    "hedge": [r"so-called", r"reportedly", r"allegedly", r"alleged", r"purported(?:ly)?",
              r"what (?:they|it) (?:said|says|called|calls) (?:were|was|are|is)", r"are said to be",
              r"claimed"],
    "aside": [r"\((?:outlawed|banned|prohibited) in Russia\)",
              r"\(a terrorist organi[sz]ation (?:outlawed|banned) in Russia\)"],
    "evaluative": [r"well-known lies", r"false flag", r"propaganda", r"war of words"],
}
# Every entry above starts with one of these (lower-case) stems: str.find on them is fast,
# and the full pattern is then tried only where a stem occurs.
STEMS = ["terror", "milit", "rebel", "insurg", "jihad", "extremist", "opposition", "regime", "takfiri",
         "daesh", "foreign-backed", "so-called", "reported", "alleged", "purported", "what ", "are said",
         "claimed", "(outlawed", "(banned", "(prohibited", "(a terrorist", "well-known", "false flag",
         "propaganda", "war of words"]
_RX = re.compile("|".join(f"(?P<{cat}>(?<![\\w-])(?:{'|'.join(words)})(?![\\w-]))"
                          for cat, words in LEXICON.items()), re.IGNORECASE)


def _hits(text: str):
    low = text.lower()
    starts = set()
    for stem in STEMS:
        i = low.find(stem)
        while i >= 0:
            starts.add(i)
            i = low.find(stem, i + 1)
    last = -1
    for pos in sorted(starts):
        if pos < last:
            continue
        m = _RX.match(text, pos)
        if m:
            last = m.end()
            yield m.start(), m.end(), m.lastgroup


def find_terms(texts: dict[str, str]) -> pd.DataFrame:
    """Lexicon matches in each text, one row per occurrence (``origin`` = extracted)."""
    rows = []
    for aid, text in texts.items():
        for n, (s, e, cat) in enumerate(_hits(text), 1):
            rows.append((aid, f"X{n:04d}", text[s:e], s, e, cat, "", "", "extracted"))
    return pd.DataFrame(rows, columns=TERM_COLUMNS)
