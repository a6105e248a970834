"""Finding words in a text: one scan for cue verbs and figure keywords, and
the cue-verb occurrences (with the auxiliaries before them) the rules start from.
"""

from __future__ import annotations

import re

from .vocabulary import (
    AUX_WORDS,
    CUE_FORMS,
    FIG_KEY_VARIANTS,
    NOT_THAT_VERBS,
    WORDS_SCAN_RE,
)

# -ly words before a cue that are not adverbs of it ("family", "early" are kept out)
NOT_CUE_ADVERBS = {"family", "early", "only", "likely", "daily", "weekly", "monthly", "yearly", "holy",
                   "ugly", "rally", "ally", "supply", "reply", "apply", "italy", "july", "fly", "belly"}
# auxiliaries before "n't" that PolNeAR's cue takes in ("didn't say": 7 of 8 on train)
NEGATED_AUX = {"did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "ca", "wo", "would",
               "could", "should"}
THAT_RE_FAST = re.compile(r"[ \u00a0]that\b")
SPACE_THAT_RE = re.compile(r" that\b")  # literal prefix: ``re`` scans for it in C
PREV_WORD_RE = re.compile(r"\b[a-z]{3,}(?:ed|es)[ \u00a0]*$")


class Cue:
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


def find_cues(text: str, cue_spans: list[tuple[int, int]]) -> list[Cue]:
    """All cue-verb occurrences (with preceding auxiliaries/adverbs) in order.

    ``cue_spans``: the cue-verb forms found by :func:`scan_words`.
    """
    out = []
    hits = list(cue_spans)
    hits.extend(span for span in that_verbs(text) if text[span[0]:span[1]] not in CUE_FORMS)
    hits.sort()
    for ws, we in hits:
        w = text[ws:we]
        if not (w.islower() or (w[0].isupper() and w[1:].islower())):
            continue
        if w.lower() not in CUE_FORMS:
            # generic "<verb>ed/es that"
            if not w.islower() or len(w) <= 4 or w in NOT_THAT_VERBS:
                continue
        # take in up to three auxiliaries/adverbs before: "has also said"
        cs = ws
        for _ in range(3):
            j = cs - 1
            if j < 0 or text[j] not in " \u00a0":
                break
            while j >= 0 and text[j] in " \u00a0":
                j -= 1
            k = alpha_run_start(text, j + 1)
            w_aux = text[k:j + 1]
            if w_aux == "t" and k >= 3 and text[k - 1] in "'’" and text[k - 2] == "n":
                # a negated auxiliary: "didn't say", "doesn’t mention"
                k = alpha_run_start(text, k - 2)
                if text[k:j - 2] not in NEGATED_AUX:
                    break
                cs = k
                continue
            if w_aux in AUX_WORDS or (len(w_aux) > 4 and w_aux.endswith("ly") and w_aux.islower()
                                      and w_aux not in NOT_CUE_ADVERBS) \
                    or w[0].isupper() and w_aux[:1].isupper() and w_aux.lower() in AUX_WORDS:  # "Just Announced"
                cs = k
            else:
                break
        out.append(Cue(cs, we, w))
    return out


def that_verbs(text: str) -> list[tuple[int, int]]:
    """Spans of the words right before " that" (a space or no-break space
    between) matching PREV_WORD_RE: lowercase, ending in -ed or -es (generic
    "<verb>ed/es that").  For each match of THAT_RE_FAST at ``p``, the match of
    ``PREV_WORD_RE.search(text, 0, p + 1)``, looked for from 30 characters
    before ``p`` (or from the start of a longer word and spaces there)."""
    out = []
    # " that" alone (a literal prefix) is found faster when no "\u00a0that" is there
    that_re = THAT_RE_FAST if "\u00a0that" in text else SPACE_THAT_RE
    for m in that_re.finditer(text):
        lo = max(0, m.start() - 30)
        # a match is lowercase letters and then spaces: when the window cuts
        # through such a run, start at the run's start instead
        while lo > 0 and text[lo - 1] in " \u00a0":
            lo -= 1
        while lo > 0 and "a" <= text[lo - 1] <= "z":
            lo -= 1
        pm = PREV_WORD_RE.search(text, lo, m.start() + 1)
        if pm:
            ws = pm.start()
            out.append((ws, ws + len(pm.group(0).rstrip(" \u00a0"))))
    return out


def alpha_run_start(text: str, end: int) -> int:
    """Start of the run of ``str.isalpha`` characters ending at ``end``, or a
    place where it is longer than any auxiliary word (so it is none)."""
    lo = max(0, end - 13)
    k = text.rfind(" ", lo, end) + 1
    if k <= lo:
        k = lo
    # the common case: a plain word after a space (not a longer word cut at lo:
    # "disingenuously" must not become "isingenuously")
    if text[k:end].isalpha() and (k == 0 or not text[k - 1].isalpha()):
        return k
    stop = max(0, end - 40)  # a longer run is no word: none (start at end)
    j = end - 1
    while j >= stop and text[j].isalpha():
        j -= 1
    return end if j < stop and stop > 0 and text[stop - 1].isalpha() else j + 1


def scan_words(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(cue spans, figure-key spans) in text order.

    Cue spans are those of ``re.finditer(r"\b(?:<cue forms>)\b", text)``
    (a match hides any other starting inside it); figure-key spans those of
    ``re.finditer(r"\b(?:<keywords>)|%", text)``.
    """
    cues: list[tuple[int, int]] = []
    keys: list[tuple[int, int]] = []
    spans = [m.span(1) for m in WORDS_SCAN_RE.finditer(text)]
    m = WORDS_SCAN_RE.match(" " + text)  # a word at the very start of the text
    if m:
        spans.insert(0, (0, m.end(1) - 1))
    last = 0
    for a, b in spans:
        w = text[a:b]
        if w not in FIG_KEY_VARIANTS and " ".join(w.split()) not in FIG_KEY_VARIANTS:
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
