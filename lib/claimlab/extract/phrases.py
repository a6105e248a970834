"""Noun-phrase chunking next to a cue verb: the speaker to its left
("the Kremlin's spokesman said") or to its right ("said Smith", "told TASS")."""

from __future__ import annotations

from .segment import LeftTokens, RightTokens
from .vocabulary import (
    CLOSE_Q,
    CONNECT,
    CUE_FORMS,
    DETERMINERS,
    NUMBER_WORDS,
    PRON_SUBJ,
    QUOTE_CHARS,
    ROLE_NOUNS,
    SOURCE_WORDS,
    STOP_CAPS,
    TITLE_ABBR,
)


def is_cap(tok: str) -> bool:
    """Starts with a capital, or with a digit and holds a letter ("3M")."""
    c = tok[0]
    return c.isupper() or (c.isdigit() and any(ch.isalpha() for ch in tok))


NP_LEFT_MODIFIERS = {"former", "senior", "deputy", "chief", "top", "press", "campaign", "foreign",
                     "defense", "defence", "state", "vice", "acting", "presidential", "white",
                     "national", "general", "executive", "communications", "policy", "political",
                     "russian", "american", "us", "u.s."}
_ROLE_NOUNS_PCT = ROLE_NOUNS | {"%"}


def np_left(text: str, lo: int, pos: int, nested: bool = False):
    """Noun phrase ending right before ``pos`` (the cue); returns (start, end) or None.

    The phrase found by :func:`np_left_core`, widened to the left over the
    titles and modifiers in front of it when they run back to the start of
    the clause ("longtime Democratic pollster Pat Caddell", "Florida election
    officials"; see :func:`clause_modifiers`).
    """
    sp = np_left_core(text, lo, pos, nested)
    if sp is None:
        return None if nested else _bare_subject(text, lo, pos)
    if text[sp[0]:sp[1]].lower() in PRON_SUBJ:
        return sp
    return clause_modifiers(text, lo, sp[0]), sp[1]


def _bare_subject(text: str, lo: int, pos: int):
    """A subject whose head is a lowercase noun no list knows ("Border Patrol
    agents described"): the last word before ``pos`` with the modifiers
    before it, when they run back to the start of the clause (see
    :func:`clause_modifiers`) and the last word can head a noun phrase (no
    function word, cue, auxiliary or -ly/-ing word)."""
    toks = LeftTokens(text, max(lo, pos - 120), pos)
    tok = toks(0)
    if tok is None:
        return None
    t = tok[2]
    if not (t.isalpha() and t.islower()) or t in _NOT_MODIFIER or t in CUE_FORMS or t in DETERMINERS \
            or t.endswith(("ly", "ing", "ed")) or len(t) < 3:
        return None
    start = clause_modifiers(text, lo, tok[0])
    if start == tok[0]:
        # no modifiers taken: only a word that itself opens the clause
        prev = toks(1)
        if prev is not None and prev[2] not in _CLAUSE_OPENERS:
            return None
        if prev is None and toks.lo > lo:
            return None
    return start, tok[1]


# words that never stand in the modifiers before a subject's head: a clause
# before them is not part of the noun phrase
_NOT_MODIFIER = set("""to in on at by with from into onto over under after before during since
until than as if when while where because though although whether that which who whom whose
what and or but nor so yet not no never also then now just only even still however meanwhile
instead too very he she it they we i you him them us me is are was were be been being has have
had do does did will would can could may might must shall should said says say told
there here this these those""".split())
_DET_CAPS = {"The", "A", "An", "His", "Her", "Their", "Its", "Our", "My", "Your", "This", "These",
             "Those", "Some", "Many", "Several", "Both", "Most", "All", "Each", "Every", "Few",
             "Only", "About", "Nearly", "Almost"}
_SUBORDINATORS = {"When", "If", "After", "Before", "While", "Because", "Since", "Although",
                  "Though", "As", "Once", "Until", "Unless", "Whether"}
_CLAUSE_OPENERS = {",", ";", ":", "(", "—", "–", "“", '"', "‘", "and", "but", "And", "But", "So", "Yet",
                   "Meanwhile", "However", "Still", "Now", "Instead", "Also"}


_LOW_SUBORDINATORS = {"when", "after", "before", "while", "because", "since", "although", "though", "as",
                      "once", "until", "unless", "whether", "if"}


def _determiner_and_nouns(text: str, first: int, start: int) -> bool:
    """True when ``text[first:start]`` is a determiner followed by words
    with no -ed or -ing ending ("the appeals ", "the four ")."""
    words = text[first:start].split()
    return bool(words) and words[0].lower() in DETERMINERS and not any(
        w.lower().endswith(("ed", "ing")) for w in words[1:])


def clause_modifiers(text: str, lo: int, start: int, most: int = 6) -> int:
    """Where the subject phrase starting at ``start`` begins, taking in up to
    ``most`` tokens before it when all of them are words that can modify a
    noun (not in :data:`_NOT_MODIFIER`, no cue word) and they reach back to
    the start of the clause: ``lo`` (the sentence start), a comma, colon or
    quotation mark, or a conjunction.  ``start`` itself otherwise."""
    toks = LeftTokens(text, max(lo, start - 120), start)
    first = start
    for d in range(most + 1):
        tk = toks(d)
        if tk is None:  # the window's start: the sentence's, or 120 characters back
            return first if toks.lo <= lo else start
        t = tk[2]
        if t in _CLAUSE_OPENERS:
            return first
        if t in _SUBORDINATORS or t in _LOW_SUBORDINATORS:
            # "When the polls closed Trump said": a clause before; but "After
            # the appeals court refused": a determiner and nouns only
            return first if _determiner_and_nouns(text, first, start) else start
        if t in STOP_CAPS and t not in _DET_CAPS:
            return first
        tl = t.lower()
        if not (t[0].isalnum() or t == "%") or tl in _NOT_MODIFIER or tl in CUE_FORMS:
            return start
        first = tk[0]
    return start


def np_left_core(text: str, lo: int, pos: int, nested: bool = False):
    """Noun phrase ending right before ``pos`` (the cue); returns (start, end) or None.

    Looks at the tokens of ``text[max(lo, pos - 160):pos]`` from the right
    (``toks(d)``: d-th token from the end).  ``nested``: called for the phrase
    before a parenthetical, which cannot hold another one.
    """
    toks = LeftTokens(text, max(lo, pos - 160), pos)
    tok = toks(0)
    if tok is None:
        return None
    last = tok[2]
    low = last.lower()
    if low in PRON_SUBJ:
        if low in ("which", "who"):
            prev = toks(1)
            if prev is not None and prev[2] in CLOSE_Q + '"':
                return None
        return tok[0], tok[1]
    if last == ",":
        # parenthetical between speaker and cue:
        #   NAME, a spokesman for X, said / NAME, in an interview, said
        return None if nested else _np_before_parenthetical(text, lo, toks, tok)
    if last == ")":
        return _np_before_brackets(text, lo, toks, tok)
    head_ok = (is_cap(last) and last not in STOP_CAPS) or last == "%"
    head_ok = head_ok or low in ROLE_NOUNS or low.endswith(("'s", "’s")) is False and low in ROLE_NOUNS
    if not head_ok:
        return _determiner_phrase(toks, tok)
    # extend leftwards over the noun phrase; d is the first token of the phrase
    d = 0
    while True:
        pt = toks(d + 1)
        if pt is None:
            break
        step = _left_step(toks, d, pt[2])
        if step == _STOP:
            break
        d += 1
        if step == _TAKE_LAST:
            break
    # trim leading connectors
    while d > 0 and toks(d)[2].lower() in ("of", "for", "at", "and", "&", "-", "in", "on"):
        d -= 1
    # leading sentence-adverb capitals ("Still", "Asked") are excluded by STOP_CAPS
    return toks(d)[0], tok[1]


def _np_before_parenthetical(text: str, lo: int, toks: LeftTokens, tok):
    """The phrase before "NAME, a spokesman for X," / "NAME, in an interview,"
    when ``tok`` (the last token) is the comma before the cue: (start, end of
    ``tok``) or None."""
    d = 1
    commas = 0
    while d < 60:
        tk = toks(d)
        if tk is None:
            break
        t = tk[2]
        if t in ("'", "’") and tk[0] > 0 and text[tk[0] - 1] == "s":
            d += 1  # a possessive, "Sanders' senior media adviser"
            continue
        if t in QUOTE_CHARS or t in ".;:!?" or t in ("''", "``"):
            return None
        if t == ",":
            commas += 1
            if commas > 4:
                return None
            inner = np_left_core(text, lo, tk[0], nested=True)
            if inner is not None and text[inner[0]:inner[1]].lower() not in PRON_SUBJ:
                # "The finance minister, Lou Jiwei, said": the modifiers too
                inner = clause_modifiers(text, lo, inner[0]), inner[1]
            if inner is not None and _opens_clause(toks, d, inner):
                if _pronoun_before_aside(text, toks, d, inner):
                    return None
                return inner[0], tok[1]
        d += 1
    return None


def _opens_clause(toks: LeftTokens, d: int, inner: tuple[int, int]) -> bool:
    """True when nothing, a conjunction, "," ";" ":" or a quotation mark comes
    right before ``inner``, the phrase in front of the comma ``toks(d)``."""
    # the nearest token starting before the inner phrase
    k = d + 1
    while True:
        pt = toks(k)
        if pt is None or pt[0] < inner[0]:
            break
        k += 1
    prev = pt[2] if pt is not None else None
    return (prev is None or prev.lower() in ("and", "but", "while", "as", "so") or prev in ",;:"
            or prev in QUOTE_CHARS)


def _pronoun_before_aside(text: str, toks: LeftTokens, d: int, inner: tuple[int, int]) -> bool:
    """True when ``inner`` is a pronoun and the aside after its comma
    ``toks(d)`` does not start like one ("he, however, said" is kept)."""
    first_app = toks(d - 1)[2]
    return (text[inner[0]:inner[1]].lower() in PRON_SUBJ
            and first_app.lower() not in ("who", "though", "however", "too", "meanwhile", "in",
                                          "speaking", "for", "on", "at"))


def _np_before_brackets(text: str, lo: int, toks: LeftTokens, tok):
    """"NAME (PARTY) said": the phrase before a bracket of at most eight
    tokens ending at ``tok``, "(" not opening the window; or None."""
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
    inner = np_left_core(text, lo, tk[0], nested=True)
    if inner is None:
        return None
    return inner[0], tok[1]


def _determiner_phrase(toks: LeftTokens, tok):
    """A lowercase head after a determiner and up to three modifiers: "the
    report", "a new poll"; None otherwise."""
    last = tok[2]
    if not last[0].isalpha() or not last.islower():
        return None
    d = 1
    while d <= 3:
        tk = toks(d)
        if tk is None or not tk[2].isalpha() or tk[2].lower() in DETERMINERS:
            break
        if not tk[2].islower() and not is_cap(tk[2]):
            break
        d += 1
    tk = toks(d)
    if tk is not None and d <= 4 and tk[2].lower() in DETERMINERS and tk[2].lower() not in ("more", "no", "all", "any", "such"):
        return tk[0], tok[1]
    return None


# what _left_step says of the token before a noun phrase
_STOP, _TAKE, _TAKE_LAST = 0, 1, 2


def _left_step(toks: LeftTokens, d: int, t: str) -> int:
    """Whether ``t``, the token before the phrase starting at ``toks(d)``,
    belongs to it: _STOP (no), _TAKE (yes, go on left) or _TAKE_LAST (a
    determiner: yes, and the phrase starts there)."""
    tl = t.lower()
    if tl in DETERMINERS:
        return _TAKE_LAST
    if (is_cap(t) and t not in STOP_CAPS) or t in TITLE_ABBR or tl in ROLE_NOUNS or tl in NP_LEFT_MODIFIERS \
            or tl in SOURCE_WORDS:
        return _TAKE
    if tl.endswith(("'s", "’s")) and is_cap(t):
        return _TAKE
    if t in ("'", "’") and (p2 := toks(d + 2)) is not None and p2[2].endswith("s") and is_cap(p2[2]) \
            and p2[1] == toks(d + 1)[0]:
        return _TAKE  # "Sanders’ campaign": a possessive with its apostrophe only
    cur = toks(d)[2]
    if tl in ("of", "for", "at", "de", "la", "van", "von", "del", "and", "&", "the") and toks(d + 2) is not None \
            and (is_cap(cur) or cur.lower() in ROLE_NOUNS):
        return _TAKE
    if t == "-" and toks(d + 2) is not None:
        return _TAKE
    if (t[0].isdigit() or tl in NUMBER_WORDS or tl in ("almost", "nearly", "about", "only", "just", "over", "roughly", "some", "most", "many")) and cur.lower() in _ROLE_NOUNS_PCT:
        return _TAKE
    if t == "%":
        p2 = toks(d + 2)
        if p2 is not None and p2[2][0].isdigit():
            return _TAKE
    if tl in ("of", "in") and cur.lower() in ROLE_NOUNS:
        p2 = toks(d + 2)
        if p2 is not None and p2[2].lower() in ("percent", "half", "majority", "third", "quarter", "%", "most", "many", "some", "none", "all", "one"):
            return _TAKE
    return _STOP


def sentence_end_token(tok: str) -> bool:
    """True when the period ending ``tok`` ends a sentence rather than an
    abbreviation ("Richards." but not "Jr.", "J.", "U.S.")."""
    return not (tok in TITLE_ABBR or len(tok) == 2 or tok.count(".") > 1
                or tok in ("Inc.", "Corp.", "Co.", "Ltd.", "Bros."))


def np_right(text: str, pos: int, hi: int, obj: bool = False):
    """Noun phrase starting at/after ``pos`` (inverted 'said Smith', 'told TASS')."""
    toks = RightTokens(text, pos, min(hi, pos + 200))
    tok = toks(0)
    if tok is None:
        return None
    t0 = tok[2]
    tl = t0.lower()
    prons = ("me", "us", "him", "her", "them", "you") if obj else ("he", "she", "they", "i", "we", "it")
    if tl in prons:
        return tok[0], tok[1]
    j = 0
    if tl in DETERMINERS:
        j = 1
    k = j
    while True:
        tk = toks(k)
        if tk is None:
            break
        t = tk[2]
        tl = t.lower()
        if is_cap(t) or t in TITLE_ABBR or tl in ROLE_NOUNS or tl in SOURCE_WORDS:
            k += 1
            if t.endswith(".") and sentence_end_token(t):
                break  # "said Richards. The senator ...": the sentence ends here
            continue
        if k > j and tl in CONNECT:
            nx = toks(k + 1)
            if nx is not None and (is_cap(nx[2]) or nx[2].lower() in ROLE_NOUNS):
                k += 1
                continue
        if k == j and j == 1 and t.isalpha() and t.islower():
            # "the source", "a spokesman": allow one lowercase modifier + noun
            nx = toks(k + 1)
            if nx is not None and nx[2].isalpha() and nx[2].islower() and nx[2].lower() in ROLE_NOUNS:
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
    while k > 0 and toks(k - 1)[2].lower() in CONNECT:
        k -= 1
    if k == 0:
        return None
    return tok[0], toks(k - 1)[1]


# ---------------------------------------------------------------------------
