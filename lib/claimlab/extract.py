"""Rule-based, offline extraction of attributions and figures from news text.

Standard library + pandas only: no models, nothing downloaded.

Attributions
------------
:func:`extract_attributions` finds who said what::

    “A,” the source said.            direct quote, speaker after
    “A,” the source said, “B.”       interrupted quote -> two rows, one cue
    “A,” he said. “B.”               follow-on quote   -> two rows, one cue
    X said: “A.”                     direct quote, speaker before
    X said (that) A.                 indirect; content runs to sentence end
    X said the plan was “bad.”       mixed (indirect clause with a quotation)
    A, X said.   /   A, said X.      content first
    According to X, A.  /  A, according to X.
    X told Y (that) A.               channel = Y when it is a name (TASS)
    Headline — Department of State   headline attributed with a dash

Offsets are ``str`` offsets into the text (end exclusive) and
``text[content_start:content_end] == content`` always holds.

Figures
-------
:func:`extract_figures` finds counts such as "26 people were killed",
"more than 4,600 civilians", "almost 5,500", "numerous casualties" (vague:
low/high stay missing, never 0) and "did not carry out a single strike"
(0/0).  ``claimant`` is the speaker of the attribution whose content holds
the figure, else "" (the outlet itself states it).
"""

from __future__ import annotations

import bisect
import os
import re
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "FIGURE_COLUMNS",
    "extract_attributions",
    "extract_figures",
    "extract",
]

ATTRIBUTION_COLUMNS = [
    "article_id", "attribution_id", "speaker", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
    "start", "end", "actor", "speaker_type", "quote_type", "direct", "channel", "origin",
]
FIGURE_COLUMNS = [
    "article_id", "figure_id", "claimant", "measure", "low", "high", "unit",
    "qualifier", "text", "start", "end", "origin",
]
_ATTR_DTYPES = {
    "speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "Int64", "cue_end": "Int64",
    "content_start": "Int64", "content_end": "Int64", "start": "Int64", "end": "Int64",
    "direct": "boolean",
}
_FIG_DTYPES = {"low": "Float64", "high": "Float64", "start": "Int64", "end": "Int64"}

# ---------------------------------------------------------------------------
# vocabulary
# ---------------------------------------------------------------------------

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "think": ("think", "thinks", "thought", "thinking"),
    "find": ("find", "finds", "found"),
    "show": ("show", "shows", "showed", "shown"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "quip": ("quip", "quips", "quipped"),
    "snap": ("snapped",),
    "fire back": ("fired back", "fires back"),
    "point out": ("point out", "points out", "pointed out", "pointing out"),
    "go on to say": ("went on to say", "goes on to say"),
    "speak": ("spoke",),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "know": ("know", "knows", "knew"),
    "feel": ("feels", "felt"),
    "plan": ("plans", "planned", "planning"),
    "refer to": ("refers to", "referred to", "referring to"),
    "call for": ("call for", "calls for", "called for", "calling for"),
    "see": ("sees", "saw"),
}
_REGULAR = (
    "add note report announce suggest argue tweet describe acknowledge declare explain "
    "continue criticize criticise claim accuse deny dismiss insist warn stress reiterate "
    "call reject refute assert predict recall respond reply confirm emphasize emphasise "
    "complain concede contend estimate state testify urge vow promise joke conclude "
    "agree disagree maintain observe proclaim remark reveal allege charge counter boast "
    "brag lament muse wonder blame praise demand propose question indicate signal post "
    "retort shout yell inform assure caution pledge ask answer mention believe "
    "scoff complain acknowledge opine recount predict concede clarify underscore "
    "highlight forecast comment want hope expect intend threaten support endorse defend "
    "oppose cite denounce blast attack condemn welcome fear worry doubt decline refuse "
    "recommend advocate favor favour prefer express"
).split()


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


CUE_FORMS: set[str] = set()
for _l in _REGULAR:
    CUE_FORMS.update(_forms(_l))
for _f in _IRREGULAR.values():
    CUE_FORMS.update(_f)
# bare base forms are too ambiguous in running text except for a few
_BASE_OK = {"say", "tell", "think", "believe", "argue", "claim", "insist", "warn", "write",
            "agree", "contend", "predict", "note", "suggest", "show", "find", "point out",
            "deny", "fear", "estimate", "allege", "ask", "complain", "maintain", "want",
            "hope", "expect", "support", "oppose", "know", "doubt", "prefer", "worry"}
CUE_FORMS -= {l for l in _REGULAR if l not in _BASE_OK}
CUE_FORMS -= {"call", "charge", "charges", "post", "posts",
              "posting", "question", "state", "states", "signal", "counter", "stated",
              "comment", "charged", "continue", "continues", "continuing", "showing",
              "finding", "answer", "questions", "questioning", "signals", "believing",
              "thinking", "asking", "post", "posted", "demanding", "mentioning",
              "indicating", "shown", "written", "forecasting", "estimated", "estimates",
              "shows", "show", "showed", "find", "finds", "found", "promise", "promises",
              "promised", "promising", "blaming", "praising", "agreeing"}
CUE_FORMS |= {"shows", "showed", "found", "finds", "called", "calls", "continued", "stated",
              "promised", "estimated", "posted"}
# verbs that can introduce an object before the content: told X that ...
_TELL_LIKE = {"told", "tells", "tell", "telling", "informed", "informs", "assured", "assures",
              "warned", "warns", "urged", "urges", "reminded", "reminds"}
_PARTICIPLES = {f for f in CUE_FORMS if f.endswith("ing")}

_AUX_WORDS = set("""has have had would will could may might also later previously then once
again repeatedly reportedly recently publicly privately flatly earlier further quickly just
often never not did does do simply even already first long allegedly specifically explicitly
separately frequently always""".split())
_SINGLE = {f for f in CUE_FORMS if " " not in f}


def _trie_regex(words, bounded=frozenset(), char=None) -> str:
    """A prefix-factored alternation (much faster than a flat one in ``re``).

    Longer words are tried first.  Words in ``bounded`` must end at a word
    boundary (r"\b"); "(?:trie)\b" is the same as ``_trie_regex(words, words)``.
    ``char`` gives the regex for one character (default: itself; a space
    matches any run of whitespace).
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node, prefix) -> str:
        alts, optional = [], False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            piece = (char(ch) if char else r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch], prefix + ch)
            alts.append(piece)
        end = r"\b" if optional and prefix in bounded else ""
        if not alts:
            return end
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            body = "(?:" + body + "|" + end + ")" if end else "(?:" + body + ")?"
        return body

    return emit(trie, "")


_CUE_VARIANTS = CUE_FORMS | {f[0].upper() + f[1:] for f in CUE_FORMS}
_THAT_RE_FAST = re.compile(r"[ \u00a0]that\b")
_SPACE_THAT_RE = re.compile(r" that\b")  # literal prefix: ``re`` scans for it in C
_PREV_WORD_RE = re.compile(r"\b[a-z]{3,}(?:ed|es)[ \u00a0]*$")
_AUX_BACK_RE = re.compile(r"(?:\b(?:" + _trie_regex(_AUX_WORDS) + r")[ \u00a0]+){1,3}$")
_THAT_NEXT = re.compile(r"[ \u00a0]+that\b")
_NOT_THAT_VERBS = {"given", "provided", "assumed", "assuming", "seemed", "appeared", "means",
                   "ensured", "ensures", "required", "requires", "included", "includes",
                   "showed", "noted", "times", "issues", "places", "cases", "sources",
                   "measures", "changes", "rules", "states", "lines", "ones", "races", "scenes",
                   "voices", "themes", "names", "messages", "titles", "articles", "charges",
                   "deemed", "caused", "causes", "feared", "ordered", "needed", "supposed",
                   "designed", "used", "based", "related", "allowed", "handled"}


class _Cue:
    """A cue occurrence; mimics the bits of ``re.Match`` used below."""

    __slots__ = ("s", "e", "verb")

    def __init__(self, s, e, verb):
        self.s, self.e, self.verb = s, e, verb

    def start(self):
        return self.s

    def end(self):
        return self.e

    def span(self):
        return self.s, self.e

    def group(self, n=0):
        return self.verb


def _find_cues(text: str, cue_spans: list[tuple[int, int]]) -> list[_Cue]:
    """All cue-verb occurrences (with preceding auxiliaries/adverbs) in order.

    ``cue_spans``: the cue-verb forms found by :func:`_scan_words`.
    """
    out = []
    hits = list(cue_spans)
    # generic "<verb>ed/es that"
    that_re = _THAT_RE_FAST if "\u00a0that" in text else _SPACE_THAT_RE
    for m in that_re.finditer(text):
        pm = _PREV_WORD_RE.search(text, max(0, m.start() - 30), m.start() + 1)
        if pm:
            ws = pm.start()
            we = ws + len(pm.group(0).rstrip(" \u00a0"))
            if text[ws:we] not in CUE_FORMS:
                hits.append((ws, we))
    hits.sort()
    for ws, we in hits:
        w = text[ws:we]
        if not (w.islower() or (w[0].isupper() and w[1:].islower())):
            continue
        if w.lower() not in CUE_FORMS:
            # generic "<verb>ed/es that"
            if not w.islower() or len(w) <= 4 or w in _NOT_THAT_VERBS:
                continue
        # take in up to three auxiliaries/adverbs before: "has also said"
        cs = ws
        for _ in range(3):
            j = cs - 1
            if j < 0 or text[j] not in " \u00a0":
                break
            while j >= 0 and text[j] in " \u00a0":
                j -= 1
            k = _alpha_run_start(text, j + 1)
            if text[k:j + 1] in _AUX_WORDS:
                cs = k
            else:
                break
        out.append(_Cue(cs, we, w))
    return out


def _alpha_run_start(text: str, end: int) -> int:
    """Start of the run of ``str.isalpha`` characters ending at ``end``, or a
    place where it is longer than any auxiliary word (so it is none)."""
    lo = max(0, end - 13)
    k = text.rfind(" ", lo, end) + 1
    if k <= lo:
        k = lo
    if text[k:end].isalpha():  # the common case: a plain word after a space
        return k
    j = end - 1
    while j >= 0 and text[j].isalpha():
        j -= 1
    return j + 1


_ACCORDING_RE = re.compile(r"\b(according to)\s+", re.I)
# Necessary for an _ACCORDING_RE match: under re.I, c/o/r/d match only their two
# ASCII cases (unlike i, k, s), so the text lower-cased holds "ccord" there.
_ACCORD_HINT_RE = re.compile(r"[Cc][Cc][Oo][Rr][Dd]")


def _accord_hints(text: str) -> list[int]:
    """Start offsets of _ACCORD_HINT_RE matches."""
    low = text.lower()
    i = low.find("ccord")
    if i == -1:
        return []
    if len(low) != len(text):  # lower() lengthened a character: offsets moved
        return [m.start() for m in _ACCORD_HINT_RE.finditer(text)]
    out = []
    while i != -1:
        out.append(i)
        i = low.find("ccord", i + 1)
    return out
_REPORTEDLY_RE = re.compile(r"\b(reportedly|allegedly)\b")

_PRON_SUBJ = {"he", "she", "they", "i", "we", "it", "you", "who", "which"}
_PRON_OBJ = {"me", "us", "him", "her", "them", "reporters", "journalists", "supporters",
             "lawmakers", "voters", "listeners", "viewers", "students", "senators", "congress",
             "the", "a", "an"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                "these", "those", "some", "many", "several", "other", "another", "two", "three",
                "four", "five", "both", "most", "few", "all", "one", "no", "each", "every",
                "such", "any", "more", "numerous"}
_ROLE_NOUNS = set("""
official officials source sources spokesman spokeswoman spokesperson spokespeople aide aides
adviser advisers advisor advisors analyst analysts expert experts critic critics supporter
supporters observer observers diplomat diplomats minister ministry department government
administration campaign committee agency office embassy military army police statement
report reports study survey poll polls data document documents memo letter lawsuit filing
filings spokesmen representative representatives lawmaker lawmakers senator senators
leader leaders president secretary director chairman chairwoman chair officer officers
member members voter voters resident residents witness witnesses people person activist
activists group groups organization organisation organizations council court judge
prosecutor prosecutors lawyer lawyers attorney attorneys economist economists strategist
strategists consultant consultants operative operatives staffer staffers researchers
researcher scientists scientist investigators investigator authorities governor mayor
candidate candidates nominee insiders insider allies ally democrats republicans party
reporter reporters journalist journalists newspaper paper website outlet network agency
analysis findings estimates figures center centre headquarters service ministry
spokesperson commander commanders command forces ministry aides coalition
percent half majority minority third quarter respondents participants opponents proponents
americans delegates donors officials economists historians conservatives liberals progressives
republicans democrats independents others students parents workers members residents advocates
backers fans critics skeptics allies rivals aides scholars pollsters polling surveys polls
organizers executives investors employees staff staffers team spokesmen editorial column
narrator announcer ad ads commercial video tweet post message email emails records
""".split())
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                 "hundred", "dozen", "dozens", "hundreds", "thousands"}
_CONNECT = {"of", "for", "at", "and", "de", "la", "van", "von", "del", "in", "on", "the", "&"}
_STOP_CAPS = {"But", "And", "Or", "So", "Yet", "Then", "When", "While", "If", "As", "After",
              "Before", "Although", "Though", "Because", "Since", "In", "On", "At", "For",
              "With", "Without", "Meanwhile", "However", "Still", "Now", "Later", "Earlier",
              "Also", "Instead", "Asked", "Speaking", "Last", "This", "That", "There", "Here",
              "What", "Why", "How", "Where", "Who", "Which", "Today", "Yesterday", "Monday",
              "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr",
              "A", "An", "The", "It", "He", "She", "They", "We", "I", "His", "Her", "Their",
              "Its", "Our", "Both", "Neither", "Either", "Not", "Only", "Even", "Just"}
_TITLE_ABBR = {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
               "Sgt.", "Capt.", "Prof.", "Rev.", "Sr.", "Jr.", "St.", "Adm.", "Maj.", "Cpl."}

# The speaker-type keywords, found with re.search at word boundaries and in any
# case.  Compiled as tries with explicit case classes rather than as flat
# alternations with re.I: ``re`` then rejects most branches on their first
# character.  ("_" stands for a space inside an entry.)
_INSTITUTION_KEYWORDS = """
ministry department government administration office agency committee council center centre
command army military forces police embassy state states union nations organisation organization
party campaign commission court bureau service institute university group company corporation inc
news times post tass reuters associated_press ap afp bbc cnn kremlin pentagon white_house nato un eu
congress senate parliament coalition report poll study survey statement headquarters network
channel board foundation federation republic kingdom russia ukraine syria china iran israel turkey
france germany britain moscow washington damascus kyiv kiev beijing tehran"""
_ANON_KEYWORDS = """
official officials source sources spokesman spokeswoman spokesperson aide aides diplomat diplomats
insider insiders someone people expert experts analyst analysts observer observers witness
witnesses resident residents critic critics activist activists person"""
# what re.I matches for an ASCII letter besides its two cases
_IGNORECASE_EXTRA = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def _any_case(ch: str) -> str:
    """Regex for one ASCII character as re.I matches it."""
    if not ch.isalpha():
        return re.escape(ch)
    return "[" + ch.lower() + ch.upper() + _IGNORECASE_EXTRA.get(ch, "") + "]"


def _keyword_re(keywords: str) -> re.Pattern:
    words = {w.replace("_", " ") for w in keywords.split()}
    return re.compile(r"\b(?:" + _trie_regex(words, char=_any_case) + r")\b")


_INSTITUTION_WORDS = _keyword_re(_INSTITUTION_KEYWORDS)
_ANON_WORDS = _keyword_re(_ANON_KEYWORDS)

_QUOTE_CHARS = "\"“”‘’'«»„"
_OPEN_Q = "“‘«„"
_CLOSE_Q = "”’»"

# sentence boundaries: . ! ? (optionally followed by closing quotes/brackets) + space,
# or a run of newlines.  Same matches as r"[.!?]+[\"”’')\]]*\s+|\n+", written to
# start with a character class so that ``re`` can skip to candidate characters in C
# (a pattern starting with an alternation is tried at every position).
_SENT_END_RE = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[.!?]*[\"”’')\]]*\s+)")
_ABBR_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Sr|Jr|St|Adm|Maj|Cpl|"
    r"Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Vol|Inc|Corp|Co|Ltd|Ft|Mt|U\.S|U\.N|"
    r"U\.K|D\.C|a\.m|p\.m|e\.g|i\.e|etc|approx|est)|\b[A-Z])\.$")

# a word (may hold . ' ’ & / - inside; ends in a word character or ".") or one
# other non-space character.  No token contains whitespace.  Same tokens as
# r"[\w][\w.'’&/-]*[\w.]|[\w]|[^\w\s]"; spelling out the ASCII word characters
# lets ``re`` test most characters against a bitmap before the Unicode tables.
_TOKEN_RE = re.compile(r"[0-9A-Z_a-z\w][0-9A-Z_a-z\w.'’&/-]*(?<=[0-9A-Z_a-z\w.])|[^0-9A-Z_a-z \n\w\s]")


# ---------------------------------------------------------------------------
# segmentation
# ---------------------------------------------------------------------------

def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; end excludes trailing whitespace."""
    out = []
    start = 0
    n = len(text)
    for m in _SENT_END_RE.finditer(text):
        cut = m.end()
        p = m.start()
        if text[p] != "\n":
            # do not split after abbreviations / initials, nor before lowercase.
            # _ABBR_END needs "." at p after an ASCII letter, and a word of at
            # most six letters before it: test that first.
            if text[p] == "." and p > 0 and text[p - 1].isascii() and text[p - 1].isalpha() \
                    and not (p >= 7 and text[p - 7:p].isalpha()) and _ABBR_END.search(text, max(start, p - 7), p + 1):
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


_PARA_RE = re.compile(r"[^\n]+")
_DQ_RE = re.compile(r"[“\"«„]")


def _quote_marks(text: str) -> list[int]:
    """Sorted offsets of the quotation marks _quotes looks at: “ « „ " ” ‘ and
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


def _quotes(text: str) -> list[tuple[int, int]]:
    """Double-quoted spans (start at opening mark, end after closing mark).

    Works paragraph by paragraph; an unclosed quotation runs to the paragraph
    end (news style for multi-paragraph quotes).  Straight quotes pair up in
    order.  Single curly quotes count when they clearly open/close a phrase.
    """
    spans = []
    marks = _quote_marks(text)
    k = 0
    for pm in _PARA_RE.finditer(text):
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
                j2 = text.find('"', i + 1, p1) if ch == "„" else -1
                if j2 != -1 and (j == -1 or j2 < j):
                    j = j2
                if j == -1:
                    spans.append((i, p1))
                    break
                spans.append((i, j + 1))
                i = j + 1
                continue
            if ch == '"':
                j = text.find('"', i + 1, p1)
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


# ---------------------------------------------------------------------------
# noun phrases
# ---------------------------------------------------------------------------

@lru_cache(maxsize=1 << 15)
def _piece_tokens(piece: str) -> tuple[tuple[int, int, str], ...]:
    """Tokens of a piece of text, offsets relative to its start (cached: the
    same words and punctuation come back again and again)."""
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(piece))


# Tokens never contain whitespace, so the tokens of a stretch of text are those of
# its space-separated pieces, each tokenised on its own.  The noun-phrase scans
# below usually look at only two or three tokens next to a cue verb: the two
# classes hand them out one piece at a time, and a piece of word characters only
# (most of them) is a single token without running the regex at all.


class _LeftTokens:
    """Tokens of ``text[lo:hi]`` read from the right: ``toks(0)`` is the last
    (start, end, token), ``toks(1)`` the one before, ...; None past the first.
    The same tokens as ``_TOKEN_RE.finditer(text, lo, hi)``."""

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
                rev.extend([(a + s, a + e, t) for s, e, t in reversed(_piece_tokens(piece))])
        return rev[d]


class _RightTokens:
    """Tokens of ``text[lo:hi]`` from the left: ``toks(k)`` is the k-th
    (start, end, token), None past the last.  The same tokens as
    ``_TOKEN_RE.finditer(text, lo, hi)``."""

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
                toks.extend([(pos + s, pos + e, t) for s, e, t in _piece_tokens(piece)])
        return toks[k]


def _is_cap(tok: str) -> bool:
    c = tok[0]
    return c.isupper() or (c.isdigit() and any(ch.isalpha() for ch in tok))


_NP_LEFT_MODIFIERS = {"former", "senior", "deputy", "chief", "top", "press", "campaign", "foreign",
                      "defense", "defence", "state", "vice", "acting", "presidential", "white",
                      "national", "general", "executive", "communications", "policy", "political",
                      "russian", "american", "us", "u.s."}
_ROLE_NOUNS_PCT = _ROLE_NOUNS | {"%"}


def _np_left(text: str, lo: int, pos: int, _depth: int = 0):
    """Noun phrase ending right before ``pos`` (the cue); returns (start, end) or None.

    Looks at the tokens of ``text[max(lo, pos - 160):pos]`` from the right
    (``toks(d)``: d-th token from the end).
    """
    toks = _LeftTokens(text, max(lo, pos - 160), pos)
    tok = toks(0)
    if tok is None:
        return None
    last = tok[2]
    low = last.lower()
    if low in _PRON_SUBJ:
        if low in ("which", "who"):
            prev = toks(1)
            if prev is not None and prev[2] in _CLOSE_Q + '"':
                return None
        return tok[0], tok[1]
    if last == ",":
        # parenthetical between speaker and cue:
        #   NAME, a spokesman for X, said / NAME, in an interview, said
        if _depth:
            return None
        d = 1
        commas = 0
        while d < 60:
            tk = toks(d)
            if tk is None:
                break
            t = tk[2]
            if t in _QUOTE_CHARS or t in ".;:!?" or t in ("''", "``"):
                return None
            if t == ",":
                commas += 1
                if commas > 4:
                    return None
                inner = _np_left(text, lo, tk[0], _depth=1)
                if inner is not None:
                    # the nearest token starting before the inner phrase
                    k = d + 1
                    while True:
                        pt = toks(k)
                        if pt is None or pt[0] < inner[0]:
                            break
                        k += 1
                    prev = pt[2] if pt is not None else None
                    if prev is None or prev.lower() in ("and", "but", "while", "as", "so") or prev in ",;:" or prev in _QUOTE_CHARS:
                        first_app = toks(d - 1)[2]
                        if text[inner[0]:inner[1]].lower() in _PRON_SUBJ and first_app.lower() not in ("who", "though", "however", "too", "meanwhile", "in", "speaking", "for", "on", "at"):
                            return None
                        return inner[0], tok[1]
            d += 1
        return None
    if last == ")":
        d = 0
        while True:
            tk = toks(d)
            if tk is None or d > 8:
                return None
            if tk[2] == "(":
                break
            d += 1
        if toks(d + 1) is None:  # "(" opens the window
            return None
        inner = _np_left(text, lo, tk[0], _depth=1)
        if inner is None:
            return None
        return inner[0], tok[1]
    head_ok = (_is_cap(last) and last not in _STOP_CAPS) or last == "%"
    head_ok = head_ok or low in _ROLE_NOUNS or low.endswith(("'s", "’s")) is False and low in _ROLE_NOUNS
    if not head_ok:
        # generic lowercase head preceded by a determiner: "the report", "a new poll"
        if not last[0].isalpha() or not last.islower():
            return None
        d = 1
        while d <= 3:
            tk = toks(d)
            if tk is None or not tk[2].isalpha() or tk[2].lower() in _DETERMINERS:
                break
            if not tk[2].islower() and not _is_cap(tk[2]):
                break
            d += 1
        tk = toks(d)
        if tk is not None and d <= 4 and tk[2].lower() in _DETERMINERS and tk[2].lower() not in ("more", "no", "all", "any", "such"):
            return tk[0], tok[1]
        return None
    # extend leftwards over the noun phrase; d is the first token of the phrase
    d = 0
    while True:
        pt = toks(d + 1)
        if pt is None:
            break
        t = pt[2]
        tl = t.lower()
        if tl in _DETERMINERS:
            d += 1
            break
        if _is_cap(t) and t not in _STOP_CAPS:
            d += 1
            continue
        if t in _TITLE_ABBR:
            d += 1
            continue
        if tl in _ROLE_NOUNS or tl in _NP_LEFT_MODIFIERS:
            d += 1
            continue
        if tl.endswith(("'s", "’s")) and _is_cap(t):
            d += 1
            continue
        cur = toks(d)[2]
        if tl in ("of", "for", "at", "de", "la", "van", "von", "del", "and", "&", "the") and toks(d + 2) is not None:
            if _is_cap(cur) or cur.lower() in _ROLE_NOUNS:
                d += 1
                continue
        if t == "-" and toks(d + 2) is not None:
            d += 1
            continue
        if (t[0].isdigit() or tl in _NUMBER_WORDS or tl in ("almost", "nearly", "about", "only", "just", "over", "roughly", "some", "most", "many")) and cur.lower() in _ROLE_NOUNS_PCT:
            d += 1
            continue
        if t == "%":
            p2 = toks(d + 2)
            if p2 is not None and p2[2][0].isdigit():
                d += 1
                continue
        if tl in ("of", "in") and cur.lower() in _ROLE_NOUNS:
            p2 = toks(d + 2)
            if p2 is not None and p2[2].lower() in ("percent", "half", "majority", "third", "quarter", "%", "most", "many", "some", "none", "all", "one"):
                d += 1
                continue
        break
    # trim leading connectors
    while d > 0 and toks(d)[2].lower() in ("of", "for", "at", "and", "&", "-", "in", "on"):
        d -= 1
    # leading sentence-adverb capitals ("Still", "Asked") are excluded by _STOP_CAPS
    return toks(d)[0], tok[1]


def _np_right(text: str, pos: int, hi: int, obj: bool = False):
    """Noun phrase starting at/after ``pos`` (inverted 'said Smith', 'told TASS')."""
    toks = _RightTokens(text, pos, min(hi, pos + 200))
    tok = toks(0)
    if tok is None:
        return None
    t0 = tok[2]
    tl = t0.lower()
    prons = ("me", "us", "him", "her", "them", "you") if obj else ("he", "she", "they", "i", "we", "it")
    if tl in prons:
        return tok[0], tok[1]
    j = 0
    if tl in _DETERMINERS:
        j = 1
    k = j
    while True:
        tk = toks(k)
        if tk is None:
            break
        t = tk[2]
        tl = t.lower()
        if _is_cap(t) or t in _TITLE_ABBR or tl in _ROLE_NOUNS:
            k += 1
            continue
        if k > j and tl in _CONNECT:
            nx = toks(k + 1)
            if nx is not None and (_is_cap(nx[2]) or nx[2].lower() in _ROLE_NOUNS):
                k += 1
                continue
        if k == j and j == 1 and t.isalpha() and t.islower():
            # "the source", "a spokesman": allow one lowercase modifier + noun
            nx = toks(k + 1)
            if nx is not None and nx[2].isalpha() and nx[2].islower() and nx[2].lower() in _ROLE_NOUNS:
                k += 2
                continue
            k += 1
            continue
        if tl in ("former", "senior", "deputy", "chief", "top", "press", "campaign"):
            k += 1
            continue
        break
    if k == 0 or (k == j):
        return None
    # drop trailing connectors
    while k > 0 and toks(k - 1)[2].lower() in _CONNECT:
        k -= 1
    if k == 0:
        return None
    return tok[0], toks(k - 1)[1]


# ---------------------------------------------------------------------------
# attribution extraction
# ---------------------------------------------------------------------------

_THAT_RE = re.compile(
    r"(?:\s*,?\s*(?:(?:on|in|at|during|last|this|late|early|earlier|later|after|before|to|"
    r"from|via|through|over|while|when|with|as)\s+[^,.;:\"“”]{1,45}?|[A-Z][a-z]+day|yesterday|"
    r"today|tonight|recently|repeatedly|publicly|privately|again|earlier|later|previously|also|"
    r"often|flatly|then|now|once|on\s+[A-Z][a-z]+day|[A-Z][a-z]+\s+\d{1,2})\s*,?)*?\s+(?=that\b)")
_LEAD_ADV_RE = re.compile(
    r"(?:\s*,?\s*(?:(?:on|last|this|late|early|earlier)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|morning|night|week|evening|afternoon|month|year|yesterday|today|"
    r"tonight)|\s*,?\s*in\s+an?\s+(?:\w+\s+){0,2}(?:statement|interview|email|e-mail|letter|"
    r"post|tweet|speech|op-ed|press\s+release|briefing|memo|note)(?:\s+(?:with|to|on)\s+"
    r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)?|\s*,?\s*on\s+(?:Twitter|Facebook|"
    r"Instagram|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))*\s*[,:]?\s*")
_CHANNEL_RE = re.compile(
    r"\s*,?\s*(?:(?:on|last|this|late|early|earlier)\s+[A-Z][a-z]+day\s*)?(?:in\s+an?\s+(?:\w+\s+){0,2}"
    r"interview\s+(?:with|to)\s+|on\s+|to\s+)((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})")


class _Art:
    """Per-article working state."""

    __slots__ = ("text", "sents", "sent_starts", "quotes", "q_starts", "rels", "cues_used",
                 "cues", "cue_starts", "cue_by_pos", "fig_keys")

    def __init__(self, text: str):
        self.text = text
        cue_spans, self.fig_keys = _scan_words(text)
        self.sents = _sentences(text)
        self.sent_starts = [s for s, _ in self.sents]
        self.quotes = _quotes(text)
        self.q_starts = [s for s, _ in self.quotes]
        self.rels: list[dict] = []
        self.cues_used: set[tuple[int, int]] = set()
        self.cues = _find_cues(text, cue_spans)
        self.cue_starts = [c.s for c in self.cues]
        self.cue_by_pos = {}
        for c in self.cues:
            self.cue_by_pos[c.s] = c
            vs = c.e - len(c.verb)
            self.cue_by_pos.setdefault(vs, c)

    def cues_in(self, lo: int, hi: int) -> list[_Cue]:
        k = bisect.bisect_left(self.cue_starts, lo)
        out = []
        while k < len(self.cues) and self.cues[k].s < hi:
            if self.cues[k].e <= hi:
                out.append(self.cues[k])
            k += 1
        return out

    def cue_at(self, pos: int, hi: int | None = None):
        c = self.cue_by_pos.get(pos)
        if c is not None and (hi is None or c.e <= hi):
            return c
        return None

    def quote_at(self, pos: int):
        """The quote span containing pos (start <= pos < end), else None."""
        k = bisect.bisect_right(self.q_starts, pos) - 1
        if k >= 0:
            s, e = self.quotes[k]
            if s <= pos < e:
                return s, e
        return None

    def sent_of(self, pos: int):
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[max(k, 0)]


def _strip_span(text: str, s: int, e: int, chars: str = " \t\n\r\u00a0,;:—–-") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def _content_end(text: str, s: int, e: int) -> int:
    """Trim the sentence end and trailing participial attributions."""
    m = _TRAIL_RE.search(text, s, e)
    if m and m.start() > s + 10:
        e = m.start()
    while e > s and text[e - 1] in " \t\n\u00a0.,;:—–-":
        e -= 1
    if e > s and text[e - 1] in _CLOSE_Q + '"' and e - 1 > s and text[e - 2] in ".,":
        pass
    return e


_TRAIL_RE = re.compile(r",\s+(?:(?:he|she|they|it|I|we)\s+)?(?:adding|saying|noting|arguing|"
                       r"claiming|insisting|warning|explaining|stressing|according\s+to)\b|"
                       r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|noted)\s*[.!?]?[\"”’]?\s*$")


def _add(art: _Art, cue, speaker, content, how: str, channel: str = ""):
    if cue in art.cues_used and how != "continuation":
        return False
    cs, ce = content
    cs, ce = _strip_span(art.text, cs, ce)
    if ce - cs < 2:
        return False
    art.cues_used.add(cue)
    art.rels.append({"cue": cue, "speaker": speaker, "content": (cs, ce), "how": how,
                     "channel": channel})
    return True


def _find_attributions(art: _Art) -> list[dict]:
    _headline_rules(art)
    _quote_rules(art)
    _cue_rules(art)
    _according_rules(art)
    _reportedly_rules(art)
    _continuation_quotes(art)
    art.rels.sort(key=lambda r: (r["content"][0], r["cue"][0]))
    return art.rels


def _headline_rules(art: _Art):
    text = art.text
    for m in _headline_matches(text):
        left, src = m.span(1), m.span(3)
        words = text[src[0]:src[1]].split()
        if len(words) > 7 or art.cues_in(src[0], src[1]):
            continue
        if text[left[1] - 1] in ".!?":
            continue
        _add(art, m.span(2), src, left, "headline")


_HEADLINE_RE = re.compile(r"(?m)^([^\n]{12,}?)[ \u00a0]+([—–]|--)[ \u00a0]+([A-Z][^\n.!?]{1,70})[ \u00a0]*$")


def _headline_matches(text: str):
    """Same as ``_HEADLINE_RE.finditer(text)``, trying only promising lines.

    A match is one whole line, which holds a dash and whose last character
    other than a space is not . ! ? (the source after the dash has none).
    Most lines of prose end in ".", so few lines are left to match.
    """
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        tail = line.rstrip(" \u00a0")
        if tail and tail[-1] not in ".!?" and ("—" in line or "–" in line or "--" in line):
            m = _HEADLINE_RE.match(text, line_start, line_end)
            if m:
                yield m
        line_start = line_end + 1


def _quote_rules(art: _Art):
    """Direct quotations with the attribution just after or just before."""
    text = art.text
    for qs, qe in art.quotes:
        inner = qe - qs
        if inner < 12 or len(text[qs:qe].split()) < 3:
            continue
        sent_s, sent_e = art.sent_of(qe - 1)
        nl = text.find("\n", qe)
        after_lim = min(len(text) if nl == -1 else nl, qe + 300)
        # --- attribution after the quote: “…,” he said / “…,” said X
        m = _AFTER_Q_RE.match(text, qe, after_lim)
        if m and text[qe - 2:qe - 1] in ",?!—–-" or (m and text[qe - 1] in ",?!"):
            pass
        if m:
            npos = m.end()
            cm = art.cue_at(npos, after_lim)
            if cm:
                # "…,” said Smith."
                sp = _np_right(text, cm.end() + 1 if text[cm.end():cm.end() + 1] == " " else cm.end(), after_lim)
                if sp:
                    _add(art, cm.span(), sp, (qs, qe), "quote-after-inv")
                    continue
            sp = _np_right_subject(art, npos, after_lim)
            if sp:
                cm = art.cue_at(sp[1] + 1 if text[sp[1]:sp[1] + 1] in " \u00a0" else sp[1], after_lim)
                if cm:
                    _add(art, cm.span(), sp, (qs, qe), "quote-after")
                    continue
        # --- attribution before the quote: X said: “…” / X said, “…”
        bm = _before_quote(text, max(sent_s, qs - 60), qs)
        ss, se = art.sent_of(qs)
        if bm:
            cm = None
            for c in art.cues_in(max(ss, qs - 60), bm.start(1) + len(bm.group(1)) if bm.lastindex else qs):
                cm = c
            if cm and cm.end() >= bm.start():
                sp = _np_left(text, ss, cm.start())
                if sp is None:
                    # inverted: "said Smith: “…”"
                    sp = _np_right(text, cm.end() + 1, qs)
                    if sp and sp[0] < cm.end():
                        sp = None
                if sp is not None or text[cm.start():cm.end()].lower().endswith("ing"):
                    end = qe
                    _add(art, cm.span(), sp, (qs, end), "quote-before")
                    continue
        # colon without cue verb: "Trump on Twitter: “…”" / "Smith: “…”"
        pre = text[max(ss, qs - 3):qs]
        if pre.rstrip().endswith(":"):
            colon = text.rfind(":", ss, qs)
            sp = _np_left(text, ss, colon)
            if sp and colon - sp[1] < 2:
                _add(art, (colon, colon + 1), sp, (qs, qe), "quote-colon")


_AFTER_Q_RE = re.compile(r"[ \u00a0]*(?:,|—|–|--)?[ \u00a0]*")
_BEFORE_Q_RE = re.compile(r"(\b\w+)[ \u00a0]*(?:[:,]|—|–)?[ \u00a0]*(?:\bthat[ \u00a0]+)?$")


def _before_quote(text: str, lo: int, qs: int):
    """Same as ``_BEFORE_Q_RE.search(text, lo, qs)``: a word, maybe ":"/","/dash
    and "that", right before the quote.

    Only the last two words before ``qs`` can start a match (between the word
    and the quote there is room for one more word only, "that"), so those two
    places are tried, leftmost first, instead of every place in the window.
    """
    starts = []
    j = qs
    while len(starts) < 2:
        while j > lo and not (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        if j <= lo:
            break
        while j > lo and (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        starts.append(j)
    for x in reversed(starts):
        m = _BEFORE_Q_RE.match(text, x, qs)
        if m:
            return m
    return None


def _np_right_subject(art, pos: int, hi: int):
    """Subject NP right after a closing quote: 'the source', 'he', 'Smith'."""
    text = art.text
    # scan the first 45 tokens of text[pos:pos + 300] until a cue verb token
    toks = _RightTokens(text, pos, min(hi, pos + 300))
    for k in range(45):
        tok = toks(k)
        if tok is None:
            break
        s, e, t = tok
        if k == 0:
            if t.lower() in ("he", "she", "they", "i", "we", "it", "you"):
                return s, e
        elif art.cue_at(s, hi):
            return _np_left(text, pos, s)
        if t in (".", ";", "!", "?", "“", "”", '"') or t == "'" and text.startswith("''", s):
            return None
    return None


def _cue_rules(art: _Art):
    """Cue-verb driven indirect (and remaining direct) attributions."""
    text = art.text
    cues = art.cues
    n = len(cues)
    k = 0
    for ss, se in art.sents:
        # the cues inside the sentence, as art.cues_in(ss, se) (cues are sorted
        # by start: the auxiliaries taken in before a cue are never cue words)
        while k < n and cues[k].s < ss:
            k += 1
        first = k
        while k < n and cues[k].s < se:
            k += 1
        for cm in cues[first:k]:
            cs, ce = cm.s, cm.e
            if ce > se or (cs, ce) in art.cues_used:
                continue
            verb = cm.verb
            if verb[0].isupper() and cs > ss and not _titlecase_line(text, ss, se):
                continue
            if art.quote_at(cs):
                continue
            vl = verb.lower()
            # -- speaker before the cue
            sp = _np_left(text, ss, cs)
            if sp is not None and text[sp[0]:sp[1]].lower() in ("which", "that") and vl.endswith("ing"):
                sp = None
            if sp is None and vl not in _PARTICIPLES:
                pw = text[max(ss, cs - 5):cs].rstrip().rsplit(" ", 1)[-1].lower()
                if pw in ("and", "but"):
                    subj = _np_right(text, ss, cs)
                    if subj and subj[0] == ss:
                        _right_content(art, cm, subj, ss, se, verb)
                        continue
            if sp is None and vl in _PARTICIPLES:
                # "..., saying X": subject of the main clause
                if text[max(ss, cs - 2):cs].strip() == ",":
                    sp = _np_right(text, ss, cs) or None
                    sp = sp if sp and sp[1] < cs else None
                    _right_content(art, cm, sp, ss, se, verb)
                continue
            if sp is not None:
                rest = text[ce:se]
                if not rest.strip(" .!?\"”’'\u00a0") or _REST_RE.match(rest):
                    # content first: "..., he said."  /  "“…,” Smith said."
                    _left_content(art, cm, sp, ss)
                else:
                    _right_content(art, cm, sp, ss, se, verb)
                continue
            # -- inverted: "..., said Smith." / "..., says the report."
            before = text[max(ss, cs - 3):cs]
            if before.rstrip().endswith((",", "”", '"', "’")):
                st = ce + 1 if text[ce:ce + 1] in " \u00a0" else ce
                sp = _np_right(text, st, se)
                if sp and _INV_END_RE.match(text, sp[1], se):
                    _left_content(art, cm, sp, ss)
                    continue


_INV_END_RE = re.compile(r"[\s\u00a0]*(?:[,.;:!?(]|$)")
# nothing but a time/place phrase between the cue and the sentence end
_REST_RE = re.compile(r"^[\s\u00a0]*(?:(?:on|in|at|last|this|during|to)\b[^,;:“\"]{0,50}?|[A-Z][a-z]+day|"
                      r"yesterday|today)?[\s\u00a0]*[.!?]?[\"”’]?[\s]*$")


def _titlecase_line(text: str, ss: int, se: int) -> bool:
    words = text[ss:se].split()
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.7 * len(words)


def _left_content(art: _Art, cm, sp, ss: int):
    """Content before the speaker: from sentence start (or the quote) to the comma."""
    text = art.text
    end = min(sp[0], cm.start())
    k = end
    while k > ss and text[k - 1] in " \t\u00a0\n":
        k -= 1
    if k <= ss:
        return
    if text[k - 1] in _CLOSE_Q + '"':
        q = art.quote_at(k - 1)
        if q:
            _add(art, cm.span(), sp, q, "left-quote")
            return
    if text[k - 1] not in ",—–-":
        return
    start = ss
    q = art.quote_at(ss)
    if q and q[0] < ss:
        start = q[0]
    _add(art, cm.span(), sp, (start, k - 1), "left")


def _right_content(art: _Art, cm, sp, ss: int, se: int, verb: str):
    text = art.text
    pos = cm.end()
    vl = verb.lower()
    channel = ""
    if vl in _TELL_LIKE:
        ob = _np_right(text, pos + 1 if text[pos:pos + 1] in " \u00a0" else pos, se, obj=True)
        if ob is not None and vl not in ("told", "tells", "tell", "telling", "informed", "informs"):
            # warned/urged X ... only when X is followed by that/to/:/,
            if not re.match(r"[ \u00a0]*(?:that\b|to\b|[:,])", text[ob[1]:ob[1] + 8]):
                ob = None
                pos_obj = None
        if ob is None:
            if vl in ("told", "tells", "tell", "telling"):
                return
            ob = (pos, pos)
        otext = text[ob[0]:ob[1]]
        if otext and _is_cap(otext.split()[-1]) and otext.lower() not in ("him", "her", "them"):
            channel = otext[4:] if otext.startswith("the ") else otext
        pos = ob[1]
    else:
        chm = _CHANNEL_RE.match(text, pos, se)
        if chm:
            ch = chm.group(1)
            if not re.match(r"(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", ch):
                channel = ch[4:] if ch.startswith("the ") else ch
    tm = _THAT_RE.match(text, pos, se) if text.find("that", pos, min(se, pos + 90)) != -1 else None
    if tm:
        cstart = tm.end()
    else:
        lm = _LEAD_ADV_RE.match(text, pos, se)
        cstart = lm.end() if lm else pos
    if cstart >= se:
        return
    q = art.quote_at(cstart)
    if q and q[0] == cstart:
        # quotation right after the cue: content = the quote (+ rest of sentence)
        tail = text[q[1]:se].strip(" .\u00a0")
        if not tail or q[1] >= se:
            _add(art, cm.span(), sp, q, "right-quote", channel)
            return
    # an object-taking verb needs something clause-like after it
    if vl in ("asked",) and not text.startswith(("whether", "if", "why", "what", "how"), cstart):
        return
    end = _content_end(text, cstart, se)
    # stop before a coordinated second attribution: "..., calling him X" / "... and said Y"
    for nc in art.cues_in(cstart + 3, end):
        if art.quote_at(nc.s):
            continue
        pre = text[max(cstart, nc.s - 6):nc.s]
        if pre.endswith((", ", " and ", " but ", ", and ", ", but ")):
            end = nc.s - (len(pre) - len(pre.rstrip(" ,")) if pre.endswith(", ") else 0)
            if pre.endswith((" and ", " but ")):
                end = nc.s - (5 if pre.endswith(" and ") else 5)
            while end > cstart and text[end - 1] in " ,":
                end -= 1
            break
    q = art.quote_at(end - 1) if end > cstart else None
    if q and q[1] > end:
        end = q[1]
    if end - cstart < 3:
        return
    _add(art, cm.span(), sp, (cstart, end), "right", channel)


def _according_rules(art: _Art):
    text = art.text
    # only sentences that hold "ccord" in any case can hold "according to"
    todo = sorted({bisect.bisect_right(art.sent_starts, p) - 1 for p in _accord_hints(text)})
    for k in todo:
        if k < 0:
            continue
        ss, se = art.sents[k]
        for m in _ACCORDING_RE.finditer(text, ss, se):
            cs, ce = m.span(1)
            if art.quote_at(cs) or (cs, ce) in art.cues_used:
                continue
            src_s = m.end()
            # source runs to the next comma / sentence end
            k = src_s
            while k < se and text[k] not in ",;:.\n" or (k < se and text[k] == "." and k + 1 < se and not text[k + 1].isspace()):
                k += 1
            sp = _strip_span(text, src_s, k)
            if sp[1] - sp[0] < 2:
                continue
            words = text[sp[0]:sp[1]].split()
            if len(words) > 10:
                cut = sp[0] + len(" ".join(words[:10]))
                sp = (sp[0], cut)
            lead = text[ss:cs].strip(" \u00a0\"“")
            if not lead:
                # According to X, CONTENT.
                cstart = k + 1 if k < se and text[k] == "," else k
                end = _content_end(text, cstart, se)
                _add(art, (cs, ce), sp, (cstart, end), "according-first")
            else:
                # CONTENT, according to X.
                kk = cs
                while kk > ss and text[kk - 1] in " \u00a0":
                    kk -= 1
                start = ss
                q = art.quote_at(ss)
                if q and q[0] < ss:
                    start = q[0]
                end = kk - 1 if kk > ss and text[kk - 1] in ",—–(" else kk
                if k < se - 2 and text[k] == ",":
                    # "X, according to Y, did Z": content also covers the rest
                    _add(art, (cs, ce), sp, (start, _content_end(text, ss, se)), "according-mid")
                else:
                    _add(art, (cs, ce), sp, (start, end), "according-last")


def _reportedly_rules(art: _Art):
    """"X reportedly/allegedly did Y": an attribution with no speaker."""
    text = art.text
    if "edly" not in text or ("reportedly" not in text and "allegedly" not in text):
        return
    for m in _REPORTEDLY_RE.finditer(text):
        cs, ce = m.span(1)
        if art.quote_at(cs) or any(c.s <= cs < c.e for c in art.cues_in(max(0, cs - 40), ce + 40)):
            continue
        ss, se = art.sent_of(cs)
        _add(art, (cs, ce), None, (ss, _content_end(text, ss, se)), "reportedly")


def _continuation_quotes(art: _Art):
    """Quotations right after an attributed quotation, with no cue of their own.

    “A,” the source said. “B.”  -> second row for “B” with the same cue.
    """
    text = art.text
    covered = sorted(r["content"] for r in art.rels)
    starts = [c[0] for c in covered]

    def is_covered(s, e):
        k = bisect.bisect_right(starts, s) - 1
        while k >= 0:
            cs, ce = covered[k]
            if cs <= s and e <= ce + 1:
                return True
            if ce < s - 2000:
                break
            k -= 1
        return False

    by_end = sorted(((r["cue"][1], r) for r in art.rels if r["how"].startswith("quote") or r["how"] in ("left-quote", "right-quote", "continuation")), key=lambda t: t[0])
    ends = [t[0] for t in by_end]
    for qs, qe in art.quotes:
        if qe - qs < 12 or is_covered(qs, qe):
            continue
        k = bisect.bisect_right(ends, qs) - 1
        if k < 0:
            continue
        cue_end, rel = by_end[k]
        last_end = max(rel["content"][1], cue_end)
        gap = text[last_end:qs]
        if len(gap) > 40 or not re.fullmatch(r"[^\w“\"]*(?:\w+[^\w“\"]*){0,4}", gap):
            continue
        if "\n\n" in gap and not gap.strip(" \n\u00a0.,"):
            pass
        # the quote must not have its own attribution right after it
        tail = text[qe:min(len(text), qe + 60)]
        if re.match(r"[ ,]*\w+(?:\s+\w+){0,3}\s+(?:said|says|added|told)\b", tail):
            continue
        art.rels.append({"cue": rel["cue"], "speaker": rel["speaker"], "content": (qs, qe),
                         "how": "continuation", "channel": rel["channel"]})
        by_end.insert(k + 1, (qe, {**rel, "content": (qs, qe)}))
        ends.insert(k + 1, qe)


# ---------------------------------------------------------------------------
# row building
# ---------------------------------------------------------------------------

_DET_STRIP_RE = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)
_NAMEISH_RE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*$")


@lru_cache(maxsize=1 << 16)
def _speaker_type(sp: str, resolved: bool) -> str:
    """Heuristic: named person / anonymous / institution (cached: speakers repeat)."""
    s = sp.strip()
    if not s:
        return "anonymous"
    low = s.lower()
    if low in _PRON_SUBJ:
        return "named person" if resolved else "anonymous"
    core = _DET_STRIP_RE.sub("", s.split(",")[0].strip())
    if not core:
        return "anonymous"
    words = core.split()
    # "... spokesperson Maria Zakharova": ends in a capitalised personal name
    tail = words[-2:]
    ends_with_name = (len(tail) == 2 and all(w[:1].isupper() and w[1:2].islower() for w in tail)
                      and not _INSTITUTION_WORDS.search(" ".join(tail)))
    if _ANON_WORDS.search(core):
        return "named person" if ends_with_name and len(words) > 2 else "anonymous"
    if _INSTITUTION_WORDS.search(core) or (core.isupper() and len(core) <= 6):
        return "institution"
    if all(w[:1].isupper() or w.lower() in _CONNECT or w in _TITLE_ABBR for w in words) and len(words) <= 5:
        return "named person"
    return "anonymous"


@lru_cache(maxsize=1 << 16)
def _actor(sp: str) -> str:
    s = sp.strip().strip(",")
    s = s.split(",")[0].strip()  # drop appositive
    s = _DET_STRIP_RE.sub("", s)
    return s


_SQ_OPEN_RE = re.compile(r"(?:^|\s)‘\w")


def _quote_type(content: str) -> str:
    c = content.strip()
    if not c:
        return "indirect"
    if c[0] in "“\"‘«„" and c[-1] in "”\"’»":
        inner = c[1:-1]
        # one quotation covering everything (allow nested single quotes)
        if not ("“" in inner or "”" in inner or '"' in inner or "«" in inner or "»" in inner):
            return "direct"
    if "“" in c or '"' in c or "«" in c or "„" in c or ("‘" in c and _SQ_OPEN_RE.search(c)):
        return "mixed"
    return "indirect"


def _attribution_rows(text: str, article_id: str, rels: list[dict]) -> list[tuple]:
    rows = []
    last_person = None  # (speaker text, actor)
    last_inst = None
    last_any = None
    n = 0
    for r in rels:
        n += 1
        sp = r["speaker"]
        cs, ce = r["cue"]
        ks, ke = r["content"]
        if sp is not None:
            spk = text[sp[0]:sp[1]]
            ss_, se_ = sp
        else:
            spk, ss_, se_ = "", None, None
        low = spk.lower()
        resolved = False
        if low in ("he", "she"):
            actor = last_person or spk
            resolved = last_person is not None
        elif low == "it":
            actor = last_inst or spk
            resolved = last_inst is not None
        elif low in ("they", "who", "which"):
            actor = last_any or spk
            resolved = last_any is not None
        else:
            actor = _actor(spk)
        stype = _speaker_type(spk, resolved)
        if resolved:
            stype = _speaker_type(actor, False)
        elif actor and low not in _PRON_SUBJ:
            if stype == "named person":
                last_person = actor
            elif stype == "institution":
                last_inst = actor
            last_any = actor
        content = text[ks:ke]
        qt = _quote_type(content)
        rows.append((
            article_id, f"{article_id}-x{n}", spk, ss_, se_, text[cs:ce], cs, ce,
            content, ks, ke, ks, ke, actor, stype, qt, qt == "direct", r["channel"],
            "extracted",
        ))
    return rows


def _frame(rows: list[tuple], columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame from row tuples, built one typed column at a time (for many
    rows much faster than ``from_records`` followed by ``astype``)."""
    n = len(rows)
    data = {}
    for name, col in zip(columns, zip(*rows) if rows else [()] * len(columns)):
        dtype = dtypes.get(name, "string")
        if dtype == "Int64":
            try:  # no missing values: straight to a NumPy array
                data[name] = pd.arrays.IntegerArray(np.array(col, dtype=np.int64), np.zeros(n, dtype=bool))
                continue
            except TypeError:
                pass
        data[name] = pd.array(col, dtype=dtype)
    return pd.DataFrame(data, columns=columns)


def _attr_frame(rows: list[tuple]) -> pd.DataFrame:
    return _frame(rows, ATTRIBUTION_COLUMNS, _ATTR_DTYPES)


def _article_rows(text: str, article_id: str, figures: bool = True) -> tuple[list[tuple], list[tuple]]:
    """(attribution rows, figure rows) for one article, as plain tuples."""
    art = _Art(text)
    attrs = _attribution_rows(text, article_id, _find_attributions(art))
    figs = _figure_rows(text, article_id, attrs, art.fig_keys) if figures else []
    return attrs, figs


def extract_attributions(text: str, article_id: str = "") -> pd.DataFrame:
    """Attribution rows for one article (columns :data:`ATTRIBUTION_COLUMNS`)."""
    return _attr_frame(_article_rows(text, article_id, figures=False)[0])


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------

_NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12,
}
_VAGUE_WORDS = {"dozens": (24.0, None), "scores": (40.0, None), "hundreds": (200.0, None),
                "thousands": (2000.0, None), "tens of thousands": (20000.0, None)}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}

_NUMWORD_ALT = "|".join(sorted((re.escape(w) for w in _NUM_WORDS), key=len, reverse=True))
_NUM_PAT = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"(?:(?:" + _NUMWORD_ALT + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?))"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
)
_QUAL_PAT = (r"(?P<qual>more\s+than|over|at\s+least|almost|nearly|up\s+to|some|about|around|"
             r"approximately|roughly|fewer\s+than|less\s+than|under|as\s+many\s+as|no\s+fewer\s+than|"
             r"no\s+less\s+than|at\s+most|an\s+estimated|estimated|close\s+to)\s+")
_LOWER_Q = {"more than", "over", "at least", "no fewer than", "no less than"}
_UPPER_Q = {"almost", "nearly", "up to", "fewer than", "less than", "under", "as many as",
            "at most", "close to"}

# measure patterns: (measure, regex for the words after the number)
_MEASURES = [
    ("share of strikes", r"(?:percent|per\s+cent|%)\s+of\s+(?:the\s+|all\s+)?(?:air\s*)?(?:strikes|airstrikes|sorties)"),
    ("civilians killed", r"(?:\w+\s+){0,2}civilians?\s+(?:\w+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+|been\s+)?(?:killed|dead|died|slain)"),
    ("killed", r"(?:(?:\w+\s+){0,2}(?:people|persons|civilians|soldiers|militants|fighters|children|women|men|servicemen|troops|terrorists|others)\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+|been\s+|are\s+)?(?:killed|dead|died|deaths|slain|fatalities|lives)"),
    ("injured", r"(?:(?:\w+\s+){0,2}(?:people|persons|civilians|soldiers|children|others)\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+|been\s+|are\s+)?(?:injured|wounded|hurt)"),
    ("bodies recovered", r"bodies"),
    ("hospitalised", r"(?:(?:\w+\s+){0,2}(?:people|persons|civilians|children)\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:hospitali[sz]ed|taken\s+to\s+hospital)"),
    ("casualties", r"(?:\w+\s+){0,1}casualties"),
    ("positions hit", r"(?:\w+\s+){0,2}positions\s+(?:were\s+)?(?:hit|struck|targeted|shelled)"),
    ("targets destroyed", r"(?:\w+\s+){0,2}targets\s+(?:were\s+)?destroyed"),
    ("targets hit", r"(?:\w+\s+){0,2}targets(?:\s+(?:were\s+)?(?:hit|struck))?"),
    ("strikes", r"(?:\w+\s+){0,1}(?:air\s*)?(?:strikes|airstrikes|sorties|raids|bombings)"),
    ("distance", r"(?:miles|mile|kilometres|kilometers|kilometre|kilometer|km|meters|metres)"),
    ("displaced", r"(?:(?:\w+\s+){0,2}(?:people|persons|civilians|residents|families)\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:displaced|fled|forced\s+to\s+flee|refugees)"),
]
_MEASURE_RES = [(name, re.compile(r"\s*(?:-|\s)?" + pat + r"\b", re.I)) for name, pat in _MEASURES]
_QUAL_WORDS = ["more than", "over", "at least", "almost", "nearly", "up to", "some", "about",
               "around", "approximately", "roughly", "fewer than", "less than", "under",
               "as many as", "no fewer than", "no less than", "at most", "an estimated",
               "estimated", "close to"]


def _cased(words):
    return set(words) | {w[0].upper() + w[1:] for w in words}


_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?=[\dA-Za-z])(?:(?P<qual>" + _trie_regex(_cased(_QUAL_WORDS)) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + _trie_regex(_cased(_NUM_WORDS)) + r")"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?P<pct>\s*(?:%|percent|per\s+cent))?(?![\w])")
_VAGUE_RE = re.compile(
    r"\b(?P<vq>numerous|many|several|multiple|an\s+unspecified\s+number\s+of|an\s+unknown\s+number\s+of|"
    r"a\s+number\s+of|scores\s+of|dozens\s+of|hundreds\s+of|thousands\s+of|tens\s+of\s+thousands\s+of|"
    r"heavy|mass|massive|significant|large\s+numbers?\s+of)\s+(?:(?:civilian|military|human)\s+)?"
    r"(?P<what>casualties|fatalities|deaths|victims|civilians\s+(?:were\s+)?(?:killed|dead|injured|wounded)|"
    r"people\s+(?:were\s+)?(?:killed|dead|injured|wounded))\b", re.I)
_BARE_VAGUE_RE = re.compile(r"\b(?P<what>casualties|fatalities)\b", re.I)
_VERB_BEFORE_RE = re.compile(r"\b(?P<v>killed|killing|kill|injured|injuring|wounded|wounding|displaced|"
                             r"destroyed|destroying|hit|struck|hitting)\s+(?:(?:at\s+least|more\s+than|"
                             r"over|some|about|almost|nearly|around|up\s+to)\s+)?$", re.I)
_PEOPLE_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:people|persons|civilians|soldiers|militants|fighters|"
                        r"children|servicemen|troops|others)\b", re.I)
_ZERO_RE = re.compile(r"\b(?:did\s+not|didn[’']t|has\s+not|have\s+not|had\s+not|never)\s+"
                      r"(?:carr(?:y|ied)\s+out|conduct(?:ed)?|launch(?:ed)?|ma[dk]e)\s+"
                      r"(?:a\s+single|any)\s+(?P<what>(?:air\s*)?strikes?|airstrikes?|sorties?|raids?)\b", re.I)
_NO_KILLED_RE = re.compile(r"\bno\s+(?:one|civilians?|people)\s+(?:was|were|has\s+been|have\s+been)\s+"
                           r"(?P<what>killed|injured|wounded|hurt)\b", re.I)
# Each match of these (re.I) patterns holds one of the needles, lower-cased.
_ZERO_NEEDLES = ("strike", "sortie", "raid")
_NO_KILLED_NEEDLES = ("killed", "injured", "wounded", "hurt")
_VAGUE_NEEDLES = ("casualties", "fatalities", "deaths", "victims", "civilian", "people")
_BARE_VAGUE_NEEDLES = ("casualties", "fatalities")


def _num_value(num: str, scale: str | None) -> float | None:
    n = num.lower().replace(",", "").strip()
    try:
        v = float(n)
    except ValueError:
        parts = re.split(r"[-\s]+", n)
        if n in _NUM_WORDS:
            v = float(_NUM_WORDS[n])
        elif len(parts) == 2 and parts[0] in _NUM_WORDS and parts[1] in _NUM_WORDS:
            v = float(_NUM_WORDS[parts[0]] + _NUM_WORDS[parts[1]])
        else:
            return None
    if scale:
        v *= _SCALE[scale.lower()]
    return v


_FIG_KEYS = ["kill", "dead", "died", "death", "slain", "fatalit", "lives", "casualt", "injur",
             "wound", "hurt", "bodies", "hospital", "position", "target", "strike", "airstrike",
             "sortie", "raid", "bombing", "mile", "kilomet", "km", "meter", "metre", "displac",
             "fled", "flee", "refugee", "percent", "per cent"]
_VAGUE_HINT_RE = re.compile(r"\b(?:" + _trie_regex(_cased(
    ["numerous", "many", "several", "multiple", "an unspecified", "an unknown", "a number",
     "scores", "dozens", "hundreds", "thousands", "tens", "heavy", "mass", "massive",
     "significant", "large"])) + r")\b")


# ---------------------------------------------------------------------------
# one scan for cue verbs and figure keywords
# ---------------------------------------------------------------------------

_FIG_KEY_VARIANTS = _cased(_FIG_KEYS)


def _prefix_free(a: set[str], b: set[str]) -> bool:
    """True when no word of ``a`` begins with a word of ``b`` or vice versa."""
    pre_a = {w[:i] for w in a for i in range(1, len(w) + 1)}
    pre_b = {w[:i] for w in b for i in range(1, len(w) + 1)}
    return not (pre_a & b) and not (pre_b & a)


# With the two lists prefix-free, at most one word of either can match at a
# given place, so a single trie finds both kinds and the matched word tells
# which kind it is.  (Keep it so when adding cue verbs or figure keywords.)
if not _prefix_free(_CUE_VARIANTS, _FIG_KEY_VARIANTS):
    raise RuntimeError("extract: a cue verb form and a figure keyword begin with one another")
# cue verbs: whole words (\b at both ends); figure keywords: word starts
# ("kill" in "killed").  Both must start at a word boundary.
_WORDS_TRIE = _trie_regex(_CUE_VARIANTS | _FIG_KEY_VARIANTS, bounded=_CUE_VARIANTS)
# Matching "\b(?:trie)" at every position is slow (``re`` tries each place);
# "\W(?=(trie))" lets ``re`` skip in C to the next non-word character, and
# consumes only that character, so no candidate is skipped.
_WORDS_SCAN_RE = re.compile(r"\W(?=(" + _WORDS_TRIE + "))")


def _scan_words(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(cue spans, figure-key spans) in text order.

    Cue spans are those of ``re.finditer(r"\b(?:<cue forms>)\b", text)``
    (a match hides any other starting inside it); figure-key spans those of
    ``re.finditer(r"\b(?:<keywords>)|%", text)``.
    """
    cues: list[tuple[int, int]] = []
    keys: list[tuple[int, int]] = []
    spans = [m.span(1) for m in _WORDS_SCAN_RE.finditer(text)]
    m = _WORDS_SCAN_RE.match(" " + text)  # a word at the very start of the text
    if m:
        spans.insert(0, (0, m.end(1) - 1))
    last = 0
    for a, b in spans:
        w = text[a:b]
        if w not in _FIG_KEY_VARIANTS and " ".join(w.split()) not in _FIG_KEY_VARIANTS:
            if a >= last:
                cues.append((a, b))
                last = b
        else:
            keys.append((a, b))
    i = text.find("%")
    if i != -1:
        while i != -1:
            keys.append((i, i + 1))
            i = text.find("%", i + 1)
        keys.sort()
    return cues, keys


def _figure_windows(text: str, key_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows (110 characters before, 70 after) around figure keywords."""
    wins: list[list[int]] = []
    n = len(text)
    for s, e in key_spans:
        a, b = max(0, s - 110), min(n, e + 70)
        if wins and a <= wins[-1][1]:
            wins[-1][1] = max(wins[-1][1], b)
        else:
            wins.append([a, b])
    return [(a, b) for a, b in wins]


def _figure_rows(text: str, article_id: str, attr_rows: list[tuple],
                 key_spans: list[tuple[int, int]]) -> list[tuple]:
    wins = _figure_windows(text, key_spans)
    if not wins:
        return []

    # lower-cased windows, to skip the (case-insensitive) scans that cannot match
    lows = [text[a:b].lower() for a, b in wins]
    # str.lower() keeps "ı" and "ſ", which re.I matches as "i" and "s", and turns
    # "İ" into "i" + U+0307: with any of them the needles below are not reliable
    sure = [low.isascii() or not ("ı" in low or "ſ" in low or "\u0307" in low) for low in lows]

    def scan(rx, needles=None):
        for (a, b), low, ok in zip(wins, lows, sure):
            if needles is None or not ok or any(n in low for n in needles):
                yield from rx.finditer(text, a, b)

    found: list[tuple[int, int, str, float | None, float | None, str, str]] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s, e):
        return any(s < te and ts < e for ts, te in taken)

    for m in (scan(_ZERO_RE, _ZERO_NEEDLES) if ("single" in text or " any " in text) else ()):
        found.append((m.start(), m.end(), "strikes", 0.0, 0.0, "strikes", "none"))
        taken.append(m.span())
    for m in (scan(_NO_KILLED_RE, _NO_KILLED_NEEDLES) if ("no " in text or "No " in text) else ()):
        w = m.group("what").lower()
        meas = "killed" if w == "killed" else "injured"
        found.append((m.start(), m.end(), meas, 0.0, 0.0, "people", "none"))
        taken.append(m.span())
    for m in scan(_NUMBER_RE):
        s, e = m.span()
        if overlaps(s, e):
            continue
        num = m.group("num")
        # skip years, dates, times
        if re.fullmatch(r"(?:19|20)\d\d", num) and not m.group("pct"):
            continue
        after = text[e:e + 80]
        meas = None
        mend = e
        unit = ""
        if m.group("pct"):
            mm = _MEASURE_RES[0][1].match(text, e - len(m.group("pct")))
            if mm:
                meas, mend, unit = "share of strikes", mm.end(), "percent"
            else:
                continue
        else:
            for name, rx in _MEASURE_RES[1:]:
                mm = rx.match(text, e, e + 80)
                if mm:
                    meas, mend = name, mm.end()
                    break
            vb = _VERB_BEFORE_RE.search(text, max(0, s - 30), s)
            if vb:
                v = vb.group("v").lower()
                if meas in ("targets hit", "targets destroyed") and v.startswith("destroy"):
                    meas = "targets destroyed"
                elif meas is None:
                    pm = _PEOPLE_RE.match(text, e, e + 60)
                    if pm and v.startswith("kill"):
                        meas, mend = "killed", pm.end()
                    elif pm and v.startswith(("injur", "wound")):
                        meas, mend = "injured", pm.end()
                    elif pm and v == "displaced":
                        meas, mend = "displaced", pm.end()
                if meas is not None and vb.start() < s:
                    s = vb.start()
            if meas is None:
                continue
            unit = {"distance": after.strip().split()[0].strip(".,;:").lower() if after.strip() else ""}.get(meas, "")
            if meas in ("strikes", "share of strikes"):
                unit = unit or "strikes"
            elif meas in ("positions hit",):
                unit = "positions"
            elif meas in ("targets hit", "targets destroyed"):
                unit = "targets"
            elif meas == "bodies recovered":
                unit = "bodies"
            elif meas != "distance":
                unit = "people"
        v = _num_value(num, m.group("scale"))
        if v is None:
            continue
        qual = (m.group("qual") or "").lower()
        qual = re.sub(r"\s+", " ", qual)
        if qual in _LOWER_Q:
            low, high = v, None
        elif qual in _UPPER_Q:
            low, high = None, v
        else:
            low, high = v, v
        found.append((s, mend, meas, low, high, unit, qual))
        taken.append((s, mend))
    # number words for vague plurals: "dozens of people were killed"
    # (the whole-text hint search is slow: only run it when there is a match)
    vague = list(scan(_VAGUE_RE, _VAGUE_NEEDLES))
    for m in (vague if vague and _VAGUE_HINT_RE.search(text) else ()):
        if overlaps(*m.span()):
            continue
        w = m.group("what").lower()
        if "injur" in w or "wound" in w:
            meas = "injured"
        elif "civilian" in w and ("kill" in w or "dead" in w):
            meas = "civilians killed"
        elif w in ("casualties", "victims"):
            meas = "casualties"
        else:
            meas = "killed"
        q = re.sub(r"\s+", " ", m.group("vq").lower())
        low = high = None
        if q in ("dozens of", "scores of", "hundreds of", "thousands of", "tens of thousands of"):
            low = {"dozens of": 24.0, "scores of": 40.0, "hundreds of": 200.0,
                   "thousands of": 2000.0, "tens of thousands of": 20000.0}[q]
        found.append((m.start(), m.end(), meas, low, high, "people", q))
        taken.append(m.span())
    for m in scan(_BARE_VAGUE_RE, _BARE_VAGUE_NEEDLES):
        if overlaps(*m.span("what")):
            continue
        w = m.group("what").lower()
        found.append((m.start("what"), m.end("what"), "casualties" if w == "casualties" else "killed",
                      None, None, "people", "unspecified"))
        taken.append(m.span("what"))
    found.sort()
    # claimant: speaker of the attribution whose content holds the figure
    contents = sorted((r[9], r[10], r[13] or r[2]) for r in attr_rows)
    rows = []
    for n, (s, e, meas, low, high, unit, qual) in enumerate(found, start=1):
        claimant = ""
        for cs, ce, actor in contents:
            if cs <= s and e <= ce + 1:
                claimant = actor or ""
            if cs > s:
                break
        rows.append((article_id, f"{article_id}-f{n}", claimant, meas, low, high, unit, qual,
                     text[s:e], s, e, "extracted"))
    return rows


def _fig_frame(rows: list[tuple]) -> pd.DataFrame:
    return _frame(rows, FIGURE_COLUMNS, _FIG_DTYPES)


def extract_figures(text: str, article_id: str = "") -> pd.DataFrame:
    """Figure rows for one article (columns :data:`FIGURE_COLUMNS`)."""
    return _fig_frame(_article_rows(text, article_id)[1])


# ---------------------------------------------------------------------------
# many articles
# ---------------------------------------------------------------------------

def _batch(items: list[tuple[str, str]]) -> tuple[list[tuple], list[tuple]]:
    """Rows for a run of articles, as plain tuples."""
    attrs, figs = [], []
    for aid, text in items:
        a, f = _article_rows(text, aid)
        attrs.extend(a)
        figs.extend(f)
    return attrs, figs


def _batch_frames(items: list[tuple[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Worker side of :func:`extract`: the two DataFrames for a run of articles.

    Built here rather than from all the rows at the end: the worker processes
    share that work, and a DataFrame travels back cheaply (its number columns
    as arrays, not one Python object per value).
    """
    attrs, figs = _batch(items)
    return _attr_frame(attrs), _fig_frame(figs)


def _chunks(items: list[tuple[str, str]], n: int) -> list[list[tuple[str, str]]]:
    """``items`` cut, in order, into about ``n`` runs of similar total text length."""
    total = sum(len(t) for _, t in items)
    target = max(1, total // n)
    chunks, cur, size = [], [], 0
    for item in items:
        cur.append(item)
        size += len(item[1])
        if size >= target:
            chunks.append(cur)
            cur, size = [], 0
    if cur:
        chunks.append(cur)
    return chunks


class Extraction:
    """The extractor run over many articles, started now and read run by run.

    Creating it starts the work: with 2,000 articles or more (or ``workers``
    > 1) the articles are cut into about eight runs per worker, of similar
    total length, and handed to worker processes at once, so the caller can
    do other work while they run. Iterating yields ``(articles_done,
    attributions, figures)`` for each run, in the order of ``texts``.
    Serially, runs hold ``serial_run`` articles (all of them when None).
    Iterating to the end, or :meth:`close`, stops the workers.
    """

    def __init__(self, texts: dict[str, str], workers: int | None = None, serial_run: int | None = None):
        items = list(texts.items())
        if workers is None:
            workers = min(2, os.cpu_count() or 1) if len(items) >= 2000 else 1
        self.total = len(items)
        self._pool = None
        if workers <= 1 or len(items) < 2:
            step = serial_run or max(1, len(items))
            self._runs = [items[i:i + step] for i in range(0, len(items), step)] or [[]]
            self._results = (_batch_frames(run) for run in self._runs)
        else:
            self._runs = _chunks(items, workers * 8)
            self._pool = ProcessPoolExecutor(max_workers=workers)
            self._results = self._pool.map(_batch_frames, self._runs)

    def __iter__(self):
        done = 0
        try:
            for run, (attrs, figs) in zip(self._runs, self._results):
                done += len(run)
                yield done, attrs, figs
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def extract(texts: dict[str, str], workers: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(attributions, figures) for many articles, keyed by article_id.

    With many articles (≥ 2,000) the work is split over ``workers`` processes
    (default: up to 2 of the available CPUs); results are identical either way.
    Each worker takes about eight runs of articles in turn, so neither waits
    long for the other at the end, and the runs' DataFrames are joined in order
    (see :class:`Extraction`).
    """
    parts = [(a, f) for _, a, f in Extraction(texts, workers)]
    if len(parts) == 1:
        return parts[0]
    return (pd.concat([a for a, _ in parts], ignore_index=True),
            pd.concat([f for _, f in parts], ignore_index=True))
