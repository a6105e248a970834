"""Cutting text up: tokens, sentences, paragraphs and quotation marks / quoted spans."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

# sentence boundaries: . ! ? (optionally followed by closing quotes/brackets) + space,
# or a run of newlines.  Same matches as r"[.!?]+[\"”’')\]]*\s+|\n+", written to
# start with a character class so that ``re`` can skip to candidate characters in C
# (a pattern starting with an alternation is tried at every position).
SENT_END_RE = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[.!?]*[\"”’')\]]*\s+)")
ABBR_END_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Sr|Jr|St|Adm|Maj|Cpl|"
    r"Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Vol|Inc|Corp|Co|Ltd|Ft|Mt|U\.S|U\.N|"
    r"U\.K|D\.C|a\.m|p\.m|e\.g|i\.e|etc|approx|est)|\b[A-Z])\.$")

# a word (may hold . ' ’ & / - inside; ends in a word character or ".") or one
# other non-space character.  No token contains whitespace.  Same tokens as
# r"[\w][\w.'’&/-]*[\w.]|[\w]|[^\w\s]"; spelling out the ASCII word characters
# lets ``re`` test most characters against a bitmap before the Unicode tables.
TOKEN_RE = re.compile(r"[0-9A-Z_a-z\w][0-9A-Z_a-z\w.'’&/-]*(?<=[0-9A-Z_a-z\w.])|[^0-9A-Z_a-z \n\w\s]")


def abbreviation_end(text: str, start: int, p: int) -> bool:
    """True when ``text[p]`` is a "." ending an abbreviation or an initial
    ("Mr.", "U.S.", "J."): the same as ``text[p] == "."`` and
    ``ABBR_END_RE.search(text, start, p + 1)``.

    ABBR_END_RE needs "." at p after an ASCII letter, and a word of at most
    six letters before it: that is tested first.
    """
    return (text[p] == "." and p > 0 and text[p - 1].isascii() and text[p - 1].isalpha()
            and not (p >= 7 and text[p - 7:p].isalpha())
            and ABBR_END_RE.search(text, max(start, p - 7), p + 1) is not None)


# dotted abbreviations that may also end a sentence ("... in the U.S. He said ...")
_MAY_END_RE = re.compile(r"(?:U\.S|U\.N|U\.K|D\.C|a\.m|p\.m|etc)\.$")
# words that open a sentence, never a name after "U.S." ("U.S. Army")
_OPENERS = frozenset("He She They It We I But And The This That These Those His Her Their Its Our".split())


def _ends_before_opener(text: str, p: int, cut: int) -> bool:
    """True when the abbreviation ending at ``p`` may end a sentence and the
    word at ``cut`` opens one: "at 7 p.m. He says" ends a sentence."""
    if _MAY_END_RE.search(text, max(0, p - 4), p + 1) is None:
        return False
    e = cut
    while e < len(text) and e - cut < 6 and text[e].isalpha():
        e += 1
    return text[cut:e] in _OPENERS and (e == len(text) or not text[e].isalpha())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; end excludes trailing whitespace."""
    out = []
    start = 0
    n = len(text)
    for m in SENT_END_RE.finditer(text):
        cut = m.end()
        p = m.start()
        if text[p] != "\n":
            # do not split after abbreviations / initials, nor before lowercase;
            # a line break after one still ends the sentence ("... the U.S.\n")
            if abbreviation_end(text, start, p) and "\n" not in m.group() \
                    and not _ends_before_opener(text, p, cut):
                continue
            if cut < n and text[cut].islower():
                continue
        # the sentence without surrounding whitespace: the match ends in
        # whitespace, and the . ! ? and closing marks before it are kept
        s = start
        while s < cut and text[s].isspace():
            s += 1
        g = m.group()
        if g[0] == "\n":
            e = p
            while e > s and text[e - 1].isspace():
                e -= 1
        else:
            e = p + len(g.rstrip())
        if e > s:
            out.append((s, e))
        start = cut
    seg = text[start:]
    core = seg.strip()
    if core:
        s = start + len(seg) - len(seg.lstrip())
        out.append((s, s + len(core)))
    return out


PARA_RE = re.compile(r"[^\n]+")


def quote_marks(text: str) -> list[int]:
    """Sorted offsets of the quotation marks quotes looks at: “ « „ " ” ‘ and
    two straight apostrophes ''.  (``str.find`` for each is much faster than a
    regex character class holding characters beyond Latin-1.)"""
    out = []
    for mark in ("“", "«", "„", '"', "”", "‘", "''"):
        i = text.find(mark)
        while i != -1:
            out.append(i)
            i = text.find(mark, i + 1)
    out.sort()
    return out


def _early_close(text: str, lo: int, hi: int, p1: int, j: int) -> int:
    """The first straight " or opening “ in text[lo:hi] when it is used as a
    closing mark (a word or punctuation before it, a space or the paragraph
    end after it); else j."""
    k = text.find('"', lo, hi)
    k2 = text.find("“", lo, k if k != -1 else hi)
    if k2 != -1:
        k = k2
    if k != -1 and not text[k - 1].isspace() and (k + 1 >= p1 or text[k + 1] in " \u00a0\t"):
        return k
    return j


def quotes(text: str) -> list[tuple[int, int]]:
    """Double-quoted spans (start at opening mark, end after closing mark).

    Works paragraph by paragraph; an unclosed quotation runs to the paragraph
    end (news style for multi-paragraph quotes).  Straight quotes pair up in
    order.  Single curly quotes count when they clearly open/close a phrase.
    """
    spans = []
    marks = quote_marks(text)
    k = 0
    for pm in PARA_RE.finditer(text):
        p0, p1 = pm.span()
        i = p0
        while i < p1:
            # the next quotation mark at or after i in this paragraph
            k = bisect.bisect_left(marks, i, k)
            if k == len(marks) or marks[k] >= p1:
                break
            i = marks[k]
            ch = text[i]
            if ch == "'" and (i == p0 or not text[i - 1].isalnum()):
                j = text.find("''", i + 2, p1)
                while j != -1 and text.startswith("'''", j) is False and j + 2 < p1 and text[j + 2].isalnum():
                    j = text.find("''", j + 2, p1)
                if j == -1:
                    spans.append((i, p1))
                    break
                if text.startswith("'''", j):
                    j += 1
                spans.append((i, j + 2))
                i = j + 2
                continue
            if ch == "”" and not any(a >= p0 for a, _ in spans[-1:]) and i - p0 > 12:
                # closing mark with no opener: the quote began in an earlier paragraph
                spans.append((p0, i + 1))
                i += 1
                continue
            if ch in "“«„":
                j = text.find("»" if ch == "«" else "”", i + 1, p1)
                # „…" (German style), and “…" when no ” closes the paragraph's quotation
                j2 = text.find('"', i + 1, p1) if ch == "„" or (ch == "“" and j == -1) else -1
                if j2 != -1 and (j == -1 or j2 < j):
                    j = j2
                if ch == "“":
                    # “…" or “…“ closed by the wrong mark before the paragraph's ”
                    j = _early_close(text, i + 1, j if j != -1 else p1, p1, j)
                if j == -1:
                    spans.append((i, p1))
                    break
                spans.append((i, j + 1))
                i = j + 1
                continue
            if ch == '"':
                j = text.find('"', i + 1, p1)
                # "…” closed by a curly mark before the next straight one
                j3 = text.find("”", i + 1, j if j != -1 else p1)
                if j3 != -1:
                    j = j3
                if j == -1:
                    spans.append((i, p1))
                    break
                spans.append((i, j + 1))
                i = j + 1
                continue
            if ch == "‘" and (i == p0 or not text[i - 1].isalnum()):
                j = i + 1
                while True:
                    j = text.find("’", j, p1)
                    if j == -1:
                        break
                    if j + 1 >= p1 or not text[j + 1].isalpha():
                        break
                    j += 1
                if j != -1 and j - i > 3:
                    spans.append((i, j + 1))
                    i = j + 1
                    continue
            i += 1
    return spans


@lru_cache(maxsize=1 << 15)
def piece_tokens(piece: str) -> tuple[tuple[int, int, str], ...]:
    """Tokens of a piece of text, offsets relative to its start (cached: the
    same words and punctuation come back again and again)."""
    return tuple((m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(piece))


# Tokens never contain whitespace, so the tokens of a stretch of text are those of
# its space-separated pieces, each tokenised on its own.  The noun-phrase scans
# below usually look at only two or three tokens next to a cue verb: the two
# classes hand them out one piece at a time, and a piece of word characters only
# (most of them) is a single token without running the regex at all.


class LeftTokens:
    """Tokens of ``text[lo:hi]`` read from the right: ``toks(0)`` is the last
    (start, end, token), ``toks(1)`` the one before, ...; None past the first.
    The same tokens as ``TOKEN_RE.finditer(text, lo, hi)``."""

    __slots__ = ("text", "lo", "cut", "rev")

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.cut, self.rev = text, lo, hi, []

    def __call__(self, d: int):
        rev = self.rev
        return rev[d] if d < len(rev) else self._more(d)

    def _more(self, d: int):
        rev, text, lo = self.rev, self.text, self.lo
        while d >= len(rev):
            cut = self.cut
            if cut <= lo:
                return None
            a = text.rfind(" ", lo, cut) + 1
            if a <= lo:
                a = lo
                self.cut = lo
            else:
                self.cut = a - 1
            if a == cut:
                continue
            piece = text[a:cut]
            if piece.isalnum():
                rev.append((a, cut, piece))
            else:
                rev.extend([(a + s, a + e, t) for s, e, t in reversed(piece_tokens(piece))])
        return rev[d]


class RightTokens:
    """Tokens of ``text[lo:hi]`` from the left: ``toks(k)`` is the k-th
    (start, end, token), None past the last.  The same tokens as
    ``TOKEN_RE.finditer(text, lo, hi)``."""

    __slots__ = ("text", "pos", "hi", "toks")

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.pos, self.hi, self.toks = text, lo, hi, []

    def __call__(self, k: int):
        toks = self.toks
        return toks[k] if k < len(toks) else self._more(k)

    def _more(self, k: int):
        toks, text, hi = self.toks, self.text, self.hi
        while k >= len(toks):
            pos = self.pos
            if pos >= hi:
                return None
            b = text.find(" ", pos, hi)
            if b == -1:
                b = hi
            self.pos = b + 1
            if b == pos:
                continue
            piece = text[pos:b]
            if piece.isalnum():
                toks.append((pos, b, piece))
            else:
                toks.extend([(pos + s, pos + e, t) for s, e, t in piece_tokens(piece)])
        return toks[k]
