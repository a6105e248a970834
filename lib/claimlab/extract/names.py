"""What counts as a clean name (speaker, actor, claimant), and tidying one.

A name is a noun phrase: it starts with a determiner, an adjective, a noun or
a proper noun; it holds no verb; it ends in a noun (or a name, a number, a
closing bracket or an abbreviation such as "Jr."), never in other punctuation.
Without a part-of-speech tagger these are tested on word lists:

* a *verb* is a cue form, an auxiliary ("has", "was", "will") or a
  lowercase word ending in "-ing" other than a few nouns ("building");
* a phrase may not start or end with a function word (preposition,
  conjunction, relative pronoun, adverb such as "also");
* it may not end in a lowercase "-ly" or "-ed" word ("similarly
  coordinated").
"""

from __future__ import annotations

import re

from .vocabulary import CUE_FORMS, DETERMINERS, PRON_SUBJ, ROLE_NOUNS, TITLE_ABBR

AUX_VERBS = frozenset("""is are was were be been being am has have had having do does did will
would shall should can could may might must isn't aren't wasn't weren't hasn't haven't hadn't
doesn't don't didn't won't wouldn't can't couldn't""".split())
FUNCTION_WORDS = frozenset("""of to in on at by with from into onto over under after before during
since until than as if when while where because though although whether that which who whom whose
what and or but nor so yet not also then now just even still however meanwhile instead too very
there here""".split())
# cue forms that are verbs whatever the context (not "reports", "remarks")
FINITE_CUES = frozenset(f for f in CUE_FORMS if f.endswith("ed")) | {"said", "says", "told", "tells",
                                                                     "wrote", "writes", "thinks"}
# -ing words that are nouns, or adjectives in a name ("leading Democrats", "the sitting governor")
_ING_NOUNS = frozenset("""building meeting hearing briefing ruling polling funding spending
morning evening wedding offering thing something nothing anything everything king ring spring
wing string ceiling setting
leading ruling governing sitting outgoing incoming remaining fundraising lobbying ranking voting
founding presiding ongoing upcoming neighboring dissenting participating consulting advertising
marketing banking housing manufacturing publishing broadcasting engineering accounting nursing
teaching training existing emerging competing retiring visiting working""".split())
# nouns an -ing modifier may come before, besides the role nouns ("a creative writing professor",
# "the acting chairman", "a mining company")
_ING_HEADS = ROLE_NOUNS | frozenset("""professor professors company companies firm firms columnist
columnists editor editors manager managers coordinator specialist specialists chief head""".split())
# -ing words that are prepositions inside a name: "Several candidates, including Smith"
_ING_PREPOSITIONS = frozenset({"including"})
_TRAIL = ".,;:!?-—–(\"“”'’‘«»"
# "U.S.", "J.", "Inc." and the like may end a name with their period
_ABBR_END_RE = re.compile(r"(?:\b[A-Z]\.|\b(?:[A-Z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros)\.)$")


def _word(tok: str) -> str:
    return tok.strip(_TRAIL + ")").lower()


# -ing verbs of five letters or fewer (shorter -ing words are mostly nouns: "king", "thing")
_SHORT_ING_VERBS = frozenset({"using", "being", "doing", "going", "dying", "lying", "tying", "owing",
                              "suing", "vying", "eying"})


def name_problem(name: str) -> str | None:
    """Why ``name`` is not a clean noun phrase, or None when it is (an empty
    name is no name, and has no problem)."""
    s = name.strip()
    if not s or s.lower() in PRON_SUBJ:  # a pronoun is a noun phrase (resolved for the actor)
        return None
    if s[-1] in _TRAIL and not _ABBR_END_RE.search(s) and s.split()[-1] not in TITLE_ABBR:
        return f"ends in {s[-1]!r}"
    toks = s.split()
    for i, t in enumerate(toks):
        w = _word(t)
        if w in AUX_VERBS or (w in FINITE_CUES and t[:1].islower()):
            return f"holds the verb {w!r}"
        if t.isalpha() and t.islower() and w.endswith("ing") and w not in _ING_NOUNS and (
                len(w) > 5 or w in _SHORT_ING_VERBS) and not _ing_modifier(toks, i) \
                and not (i > 0 and w in _ING_PREPOSITIONS):
            return f"holds the verb {w!r}"
    first, last = _word(toks[0]), _word(toks[-1])
    if first in FUNCTION_WORDS and first not in DETERMINERS:
        return f"starts with {first!r}"
    if last in FUNCTION_WORDS and (len(toks) == 1 or not toks[-1][:1].isupper()) \
            or last in DETERMINERS and len(toks) > 1:  # "Green Valley Now" may end a name
        return f"ends with {last!r}"
    if toks[-1].islower() and (last.endswith("ly") or last.endswith("ed")) and len(last) > 4 \
            and not _noun_like_end(toks):
        return f"ends with {last!r}, not a noun"
    return None


# nouns ending in -ly or -ed ("a member of the family", "a hundred"), and the
# participle that makes a noun phrase after "those" ("those surveyed", "those polled")
_LY_ED_NOUNS = frozenset("""family assembly ally rally supply monopoly anomaly homily butterfly
hundred creed breed greed speed seed""".split())
_THOSE = frozenset({"those", "people", "voters", "respondents", "adults", "americans"})


def _noun_like_end(toks: list[str]) -> bool:
    """True when the -ly/-ed word ending ``toks`` is a noun or completes one."""
    last = _word(toks[-1])
    return last in _LY_ED_NOUNS or len(toks) > 1 and _word(toks[-2]) in _THOSE and last.endswith("ed")


def _ing_modifier(words: list[str], i: int) -> bool:
    """True when the -ing word ``words[i]`` modifies the noun right after it
    ("writing" in "a creative writing professor", "acting chairman")."""
    return i + 1 < len(words) and words[i + 1].islower() and _word(words[i + 1]) in _ING_HEADS \
        and words[i].isalpha()


def is_clean_name(name: str) -> bool:
    """True when ``name`` is a clean noun phrase (see :func:`name_problem`)."""
    return name_problem(name) is None


def tidy(text: str, s: int, e: int) -> tuple[int, int]:
    """The name ``text[s:e]`` without trailing punctuation (see :func:`tidy_end`)
    and without leading function words ("But Smith" -> "Smith")."""
    e = tidy_end(text, s, e)
    while True:
        m = _FIRST_WORD_RE.match(text, s, e)
        if not m or m.group(1).lower() not in FUNCTION_WORDS or m.group(1).lower() in DETERMINERS:
            return s, e
        s = m.end()


_FIRST_WORD_RE = re.compile(r"([A-Za-z]+)[ \u00a0,]+")


def tidy_end(text: str, s: int, e: int) -> int:
    """The end of the name ``text[s:e]`` with trailing punctuation other than
    an abbreviation's period taken off ("Richards." -> "Richards")."""
    while e > s and text[e - 1] in _TRAIL + " \u00a0":
        if text[e - 1] == "." and (_ABBR_END_RE.search(text, s, e)
                                   or text[s:e].split()[-1] in TITLE_ABBR):
            break
        e -= 1
    return e


# function words that may stand inside a name: "Secretary of State", "Aides to Clinton"
_INNER_OK = frozenset({"of", "for", "at", "and", "to", "on", "in", "by", "from", "with"})


def clean_name(name: str) -> str:
    """``name`` cut to a clean noun phrase (see :func:`clean_span`); "" when
    no clean phrase is left."""
    span = clean_span(name, 0, len(name))
    return name[span[0]:span[1]] if span else ""


_TOKEN_RE = re.compile(r"\S+")
# quantifiers that stand alone as a subject ("Some said", "Others argue")
QUANTIFIERS = frozenset({"some", "many", "several", "others", "most", "both", "few", "all"})


def _breaks(t: str, nxt: str = "") -> bool:
    """True when token ``t`` cannot stand inside a name (a verb or a function
    word other than those of :data:`_INNER_OK`); ``nxt``, the token after it,
    may make an -ing word a modifier ("the acting chairman")."""
    w = _word(t)
    return (w in AUX_VERBS or (t[:1].islower() and (w in FINITE_CUES or w in FUNCTION_WORDS and w not in _INNER_OK))
            or (t.isalpha() and t.islower() and w.endswith("ing") and w not in _ING_NOUNS and len(w) > 5
                and not (nxt and _ing_modifier([t, nxt], 0))))


def clean_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The name ``text[s:e]`` cut to a clean noun phrase; None when no clean
    phrase is left.

    Trailing punctuation and leading function words come off ("Richards."
    -> "Richards", "But Smith" -> "Smith").  At a word that cannot stand in
    a name (a verb, or a function word other than "of", "for", "at", "and",
    "to", "on", "in"), the phrase is cut: after a comma it is an appositive
    and the part before is kept ("Barkley, who said ..." -> "Barkley");
    otherwise the part after it ("the farm where farmhands" -> "farmhands"),
    or the part before when nothing is after ("The Florida senator is" ->
    "The Florida senator").  Function words, determiners and -ly/-ed words
    at the end come off ("his campaign and" -> "his campaign").
    """
    if text[s:e].strip().lower() in PRON_SUBJ:  # a pronoun is a name to resolve
        return s, e
    if text[s:e].lower() in QUANTIFIERS:  # "Some said": a quantifier standing alone
        return s, e
    s, e = tidy(text, s, e)
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s, e)]
    keep = toks
    first_comma = next((j for j, tk in enumerate(toks) if tk[2].endswith(",")), None)
    if first_comma is not None and first_comma + 1 < len(toks):
        # "Martha Allen, a teacher from Ohio": the appositives after the
        # name stay as far as they are noun phrases ("Smith, in an interview"
        # -> "Smith")
        head = clean_span(text, toks[0][0], toks[first_comma][1])
        if head is not None and head[1] <= toks[first_comma][1]:
            app_end = _appositives_end(text, toks[first_comma][1], toks[-1][1])
            if app_end > toks[first_comma][1]:
                wide = head[0], tidy_end(text, head[0], app_end)
                if name_problem(text[wide[0]:wide[1]]) is None:
                    return wide
            return head
    for i, (_, _, t) in enumerate(toks):
        if _breaks(t, toks[i + 1][2] if i + 1 < len(toks) else ""):
            comma = next((j for j in range(i) if toks[j][2].endswith(",")), None)
            tail = _trim_end(toks[i + 1:])
            if comma is not None:  # an appositive: the name before its comma
                keep = toks[:comma + 1]
            elif tail and not any(_breaks(x[2]) for x in tail):
                keep = tail
            else:
                keep = toks[:i]
            break
    keep = _trim_end(list(keep))
    if not keep:
        return None
    s, e = keep[0][0], tidy_end(text, keep[0][0], keep[-1][1])
    if e <= s or name_problem(text[s:e]) is not None:
        return None
    return s, e


def _trim_end(keep: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``keep`` without function words, determiners and -ly/-ed words at its end."""
    while keep and (_word(keep[-1][2]) in FUNCTION_WORDS or _word(keep[-1][2]) in DETERMINERS
                    or keep[-1][2].islower() and _word(keep[-1][2]).endswith(("ly", "ed"))
                    and len(keep[-1][2]) > 4 and not _noun_like_end([t for _, _, t in keep])):
        keep.pop()
    return keep


# words that open a clause or an aside, not an appositive noun phrase
_CLAUSE_WORDS = frozenset("""who whom whose which that when while where because if although though
whether also then now just even still however meanwhile instead too very there here not
according""".split())
# the first word of an appositive: no preposition, conjunction or adverb
_APP_NOT_FIRST = (FUNCTION_WORDS - {"the"}) | {"and", "or", "but", "said", "says", "for", "about", "against", "among",
                                                "like", "via", "per", "through", "across", "around", "without",
                                                "within", "regarding", "amid", "despite", "toward", "towards",
                                                "behind", "beyond", "near", "outside", "inside", "jan", "feb",
                                                "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                                "dec", "january", "february", "march", "april", "june", "july",
                                                "august", "september", "october", "november", "december"}
# words that may open an appositive: "Smith, then 38", "Jones, 55, of Exeter"
_APP_OPENERS = frozenset({"then", "now", "of"})
_SEGMENT_RE = re.compile(r"[ \u00a0]*([^,;:()\n“”\"]{1,160}?)[ \u00a0]*(?=[,;:()\n“”\"]|$)")


def appositive_ok(words: list[str]) -> bool:
    """True when ``words`` (the part of a name between two commas) read as an
    appositive noun phrase: "a teacher from Ohio", "the party's chairman",
    "22" (an age), "N.H."; not an aside ("in an interview"), a clause ("who
    ...") or a phrase with a verb."""
    if not words or len(words) > 24:
        return False
    first = _word(words[0])
    if first in _APP_OPENERS and len(words) > 1:  # "now director of X", "of Exeter"
        words = words[1:]
    elif first in _APP_NOT_FIRST or first in _CLAUSE_WORDS or words[0].islower() and (
            first.endswith(("ly", "ed", "ing"))) and first not in _ING_PREPOSITIONS:
        return False  # a preposition, an adverb or a participle ("surrounded by ...", "using ...") opens no appositive
    for i, t in enumerate(words):
        w = _word(t)
        if w in _ING_PREPOSITIONS:  # "including Smith": a preposition
            continue
        # a capitalized word is part of a name ("One Wisconsin Now"), not a clause word
        if w in _CLAUSE_WORDS and (i == 0 or t[:1].islower()) \
                or _breaks(t, words[i + 1] if i + 1 < len(words) else "") and w not in FUNCTION_WORDS:
            return False
    if _word(words[0]) in _ING_PREPOSITIONS:
        words = words[1:]
    return name_problem(" ".join(words)) is None


def _appositives_end(text: str, pos: int, hi: int) -> int:
    """The end of the appositives starting at the comma before ``pos``
    ("Smith, a teacher from Ohio, 45, said": after "45"), ``pos`` when
    there is none; the text read stops at ``hi``."""
    end = pos
    k = pos
    while k < hi:
        m = _SEGMENT_RE.match(text, k, hi)
        if m is None:
            break
        seg_end = tidy_end(text, m.start(1), m.end(1))  # "Ohio." at the sentence end
        if not appositive_ok(text[m.start(1):seg_end].split()):
            break
        end = seg_end
        k = m.end()
        if k >= hi or text[k] != ",":
            break
        k += 1
    return end


def appositive_end(text: str, e: int, hi: int) -> int:
    """The end of a name ending at ``e`` taken over the appositives after it
    ("..., said Martha Allen, a teacher from Ohio." -> up to "Ohio"; PolNeAR's
    sources hold them), not beyond ``hi``; ``e`` when no comma and
    appositive follow."""
    k = e
    while k < hi and text[k] in " \u00a0":
        k += 1
    if k >= hi or text[k] != ",":
        return e
    end = _appositives_end(text, k + 1, hi)
    return end if end > k + 1 else e
