"""Property tests: each speed trick in claimlab.extract agrees with the plain
pattern or code it stands for.

The extractor replaces several plain regexes and loops by faster equivalents
(tries, pre-checks on literal "needles", windows, hand-written scans).  Each
test below builds the plain version and checks, over generated text, that the
fast one finds the same thing.  The generated text mixes cue and figure words
and phrases with the characters that trip such tricks up: curly quotes,
no-break spaces, newlines, digits, and letters whose case rules are odd
(Turkish İ/ı, the Kelvin sign K, the long s ſ, a combining dot).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimlab.extract import attributions as A
from claimlab.extract import cues as C
from claimlab.extract import figures as F
from claimlab.extract import segment as S
from claimlab.extract import vocabulary as V

# database=None: no .hypothesis folder is left in the checkout
SETTINGS = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------
# generated text
# ---------------------------------------------------------------------------

PHRASES = [
    # cue verbs, auxiliaries, "that" clauses, according to, reportedly
    "said", "says", "told", "Said", "added", "has also said", "pointed out", "went on to say",
    "claimed that", "insisted that", "reported that", "noted that", "causes that", "that",
    "according to", "According to", "reportedly", "allegedly", "repeatedly", "the official",
    "a spokesman", "Smith", "Mr. Smith", "Dr", "J.", "U.S.", "e.g.", "approx.", "TASS", "the Pentagon",
    "on Monday", "in an interview with", "earlier", "this week", "during the long meeting",
    "the Ministry of Defence", "White House", "associated press", "officials", "sources",
    # figures
    "did not carry out", "didn't conduct", "never made", "a single", "any", "strike", "strikes",
    "airstrikes", "sorties", "raids", "no one", "no civilians", "was", "were", "have been",
    "killed", "injured", "wounded", "hurt", "numerous", "dozens of", "tens of thousands of",
    "an unspecified number of", "large numbers of", "many", "heavy", "casualties", "fatalities",
    "deaths", "victims", "civilian", "civilians", "people", "more than", "at least", "nearly",
    "26", "4,600", "2016", "twenty-five", "a dozen", "thousand", "percent", "per cent", "%",
    "miles", "km", "targets", "destroyed", "positions", "bodies", "displaced", "fled",
    # odd words
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaed", "specifically", "extraordinarily", "x", "_", "3M",
]
MARKS = ["“", "”", "‘", "’", '"', "'", "''", "«", "»", "„", ".", ",", ";", ":", "!", "?",
         "—", "–", "--", "-", "(", ")", "...", ".”", "?”", "/", "&"]
ODD = ["\u00a0", "\n", "\n\n", "\t", "İ", "ı", "\u212a", "ſ", "\u0307", "é", "ß", "²", "٣", "0", "7"]
SEPARATORS = [" ", " ", " ", " ", "\u00a0", "\n", "  ", "", " \u00a0"]

CASES = {
    "same": lambda w: w,
    "upper": str.upper,
    "title": lambda w: w[:1].upper() + w[1:],
    "dotted_I": lambda w: w.replace("i", "\u0130"),
    "dotless_i": lambda w: w.replace("i", "\u0131"),
    "kelvin": lambda w: w.replace("k", "\u212a"),
    "long_s": lambda w: w.replace("s", "\u017f"),
    "nbsp": lambda w: w.replace(" ", "\u00a0"),
    "newline": lambda w: w.replace(" ", "\n"),
}


@st.composite
def piece(draw, words=tuple(PHRASES)):
    kind = draw(st.integers(0, 9))
    if kind <= 5:
        word = draw(st.sampled_from(words))
        # mostly as written, sometimes in an odd case or spacing
        how = draw(st.sampled_from(["same"] * 6 + list(CASES)))
        return CASES[how](word)
    if kind <= 7:
        return draw(st.sampled_from(MARKS))
    if kind == 8:
        return draw(st.sampled_from(ODD))
    return draw(st.text(alphabet="abcdeilkorstACDIKS0123456789 .,\u00a0\n'’“”ıİſ\u212a", max_size=6))


@st.composite
def texts(draw, max_pieces=40, words=tuple(PHRASES)):
    parts = draw(st.lists(st.tuples(piece(words), st.sampled_from(SEPARATORS)), max_size=max_pieces))
    return "".join(p + sep for p, sep in parts)


# what THAT_RE passes over between a cue verb and "that"
THAT_PREFIXES = ("said", "on Monday", "during the long meeting", "in the capital", "at the office",
                 "again", "publicly", "Tuesday", "March 3", "on Friday", "to reporters", "that", ",")
# words of any length before "that"
LONG_WORDS = st.text(alphabet="abcdes", min_size=20, max_size=40).map(lambda w: w + "ed")


def spans(matches):
    return [m.span() for m in matches]


def flat(words, space=r"\s+"):
    """A plain alternation of ``words``, longest first (a space stands for ``space``)."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------------------
# tries (vocabulary.trie_regex, vocabulary.keyword_re) vs flat alternations
# ---------------------------------------------------------------------------

WORD_LISTS = {
    "cue verbs": V.CUE_VARIANTS,
    "auxiliaries": V.AUX_WORDS,
    "figure keywords": V.FIG_KEY_VARIANTS,
    "qualifiers": V.cased(F.QUAL_WORDS),
    "number words": V.cased(F.NUM_WORDS),
}
TRIE_PAIRS = []
for _name, _words in WORD_LISTS.items():
    TRIE_PAIRS.append((_name, re.compile(r"\b(?:" + V.trie_regex(_words) + ")"),
                       re.compile(r"\b(?:" + flat(_words) + ")")))
    TRIE_PAIRS.append((_name + r" \b", re.compile(r"\b(?:" + V.trie_regex(_words, _words) + ")"),
                       re.compile(r"\b(?:" + flat(_words) + r")\b")))


@SETTINGS
@given(texts())
def test_trie_regex_finds_what_the_flat_alternation_finds(text):
    for name, fast, plain in TRIE_PAIRS:
        assert spans(fast.finditer(text)) == spans(plain.finditer(text)), name


def spaced_right(word: str) -> bool:
    """trie_regex's condition on a word: no space at either end, none doubled
    (each space becomes a regex for a whole run of whitespace)."""
    return word == word.strip(" ") and "  " not in word


def test_word_lists_suit_trie_regex():
    for name, words in WORD_LISTS.items():
        assert all(spaced_right(w) for w in words), name


@SETTINGS
@given(st.lists(st.text(alphabet="ab c", min_size=1, max_size=4).filter(spaced_right),
                min_size=1, max_size=8, unique=True),
       st.text(alphabet="ab c.\n", max_size=30), st.booleans())
def test_trie_regex_on_small_alphabets(words, text, bounded):
    fast = re.compile(V.trie_regex(words, set(words) if bounded else frozenset()))
    plain = re.compile("(?:" + flat(words) + ")" + (r"\b" if bounded else ""))
    assert spans(fast.finditer(text)) == spans(plain.finditer(text))


KEYWORD_PAIRS = [
    (V.INSTITUTION_WORDS, V.INSTITUTION_KEYWORDS),
    (V.ANON_WORDS, V.ANON_KEYWORDS),
]


@SETTINGS
@given(texts())
def test_keyword_re_case_tries_match_ignorecase(text):
    for fast, keywords in KEYWORD_PAIRS:
        words = {w.replace("_", " ") for w in keywords.split()}
        plain = re.compile(r"\b(?:" + flat(words, space=" ") + r")\b", re.I)
        assert spans(fast.finditer(text)) == spans(plain.finditer(text))


# ---------------------------------------------------------------------------
# cues.scan_words, cues.that_verbs, cues.alpha_run_start, cue order
# ---------------------------------------------------------------------------

CUE_PLAIN_RE = re.compile(r"\b(?:" + flat(V.CUE_VARIANTS) + r")\b")
KEY_PLAIN_RE = re.compile(r"\b(?:" + flat(V.FIG_KEY_VARIANTS) + r")|%")


@SETTINGS
@given(texts())
def test_scan_words_matches_two_plain_scans(text):
    cue_spans, key_spans = C.scan_words(text)
    assert cue_spans == spans(CUE_PLAIN_RE.finditer(text))
    assert key_spans == spans(KEY_PLAIN_RE.finditer(text))


PLAIN_THAT_RE = re.compile(r"[ \u00a0]that\b")


@SETTINGS
@example(" " + "a" * 29 + "ed that")
@given(st.one_of(texts(), st.lists(st.sampled_from([" that", "\u00a0that", " ", "\u00a0", ".", "É"]) | LONG_WORDS,
                                   max_size=8).map("".join)))
def test_that_verbs_match_an_unwindowed_search(text):
    plain = []
    for m in PLAIN_THAT_RE.finditer(text):
        pm = C.PREV_WORD_RE.search(text, 0, m.start() + 1)
        if pm:
            plain.append((pm.start(), pm.start() + len(pm.group(0).rstrip(" \u00a0"))))
    assert C.that_verbs(text) == plain


@SETTINGS
@given(texts(), st.data())
def test_alpha_run_start_agrees_on_auxiliary_words(text, data):
    end = data.draw(st.integers(0, len(text)))
    plain = end
    while plain > 0 and text[plain - 1].isalpha():
        plain -= 1
    fast = C.alpha_run_start(text, end)
    # the same start, or both runs longer than any auxiliary word
    assert fast == plain or (end - fast == 13 and end - plain > 13)
    assert (text[fast:end] in V.AUX_WORDS) == (text[plain:end] in V.AUX_WORDS)


@SETTINGS
@given(texts())
def test_cues_come_sorted_by_start(text):
    starts = [c.s for c in C.find_cues(text, C.scan_words(text)[0])]
    assert starts == sorted(starts)


# ---------------------------------------------------------------------------
# segment: tokens, sentence ends, abbreviations, quotation marks
# ---------------------------------------------------------------------------

PLAIN_TOKEN_RE = re.compile(r"[\w][\w.'’&/-]*[\w.]|[\w]|[^\w\s]")


@SETTINGS
@given(texts())
def test_token_re_matches_the_plain_token_pattern(text):
    assert spans(S.TOKEN_RE.finditer(text)) == spans(PLAIN_TOKEN_RE.finditer(text))


@SETTINGS
@given(texts(), st.data())
def test_left_and_right_tokens_are_the_regex_tokens(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    plain = [(m.start(), m.end(), m.group()) for m in S.TOKEN_RE.finditer(text, lo, hi)]
    left, right = S.LeftTokens(text, lo, hi), S.RightTokens(text, lo, hi)
    from_left = []
    while (tok := left(len(from_left))) is not None:
        from_left.append(tok)
    from_right = []
    while (tok := right(len(from_right))) is not None:
        from_right.append(tok)
    assert from_left[::-1] == plain
    assert from_right == plain


PLAIN_SENT_END_RE = re.compile(r"[.!?]+[\"”’')\]]*\s+|\n+")


@SETTINGS
@given(texts())
def test_sentence_end_re_matches_the_plain_pattern(text):
    assert spans(S.SENT_END_RE.finditer(text)) == spans(PLAIN_SENT_END_RE.finditer(text))


@SETTINGS
@given(texts(), st.data())
def test_abbreviation_end_matches_a_plain_search(text, data):
    if not text:
        return
    p = data.draw(st.integers(0, len(text) - 1))
    start = data.draw(st.integers(0, p))
    plain = text[p] == "." and S.ABBR_END_RE.search(text, start, p + 1) is not None
    assert S.abbreviation_end(text, start, p) == plain


@SETTINGS
@given(texts())
def test_quote_marks_are_every_mark_and_every_double_apostrophe(text):
    plain = [i for i in range(len(text)) if text[i] in "“«„\"”‘" or text.startswith("''", i)]
    assert S.quote_marks(text) == plain


# ---------------------------------------------------------------------------
# attributions: according to, headlines, before-quote, that-clause, reportedly
# ---------------------------------------------------------------------------

@SETTINGS
@given(texts())
def test_accord_hints_hold_every_according_to(text):
    hints = A.accord_hints(text)
    assert hints == [m.start() for m in A.ACCORD_HINT_RE.finditer(text)]
    for m in A.ACCORDING_RE.finditer(text):
        assert m.start() + 1 in hints


@SETTINGS
@given(texts())
def test_headline_matches_are_the_regex_matches(text):
    fast = [(m.span(), m.groups()) for m in A.headline_matches(text)]
    plain = [(m.span(), m.groups()) for m in A.HEADLINE_RE.finditer(text)]
    assert fast == plain


@SETTINGS
@given(texts(), st.data())
def test_before_quote_is_a_plain_search(text, data):
    qs = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, qs))
    fast = A.before_quote(text, lo, qs)
    plain = A.BEFORE_Q_RE.search(text, lo, qs)
    assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups()))


@SETTINGS
@given(st.one_of(texts(), texts(words=THAT_PREFIXES, max_pieces=20)), st.data())
def test_that_clause_is_the_plain_match_within_its_bound(text, data):
    """that_clause runs THAT_RE only when "that" comes within 90 characters:
    it never finds another match than the plain one, and finds the plain one
    whenever that match's "that" lies within the bound."""
    pos = data.draw(st.integers(0, len(text)))
    se = data.draw(st.integers(pos, len(text)))
    fast = A.that_clause(text, pos, se)
    plain = A.THAT_RE.match(text, pos, se)
    if fast is not None:
        assert plain is not None and fast.span() == plain.span()
    if plain is not None and plain.end() + len("that") <= pos + 90:
        assert fast is not None


def test_that_clause_bound_is_deliberate():
    """The one place where the pre-check is not only a speed-up: past 90
    characters the plain pattern still matches (and would start the content
    at a far-off relative clause); that_clause does not."""
    text = ("He said on Monday during the long meeting in the capital, in the morning, "
            "at the office at noon, that it was so.")
    pos = text.index("said") + 4
    assert A.THAT_RE.match(text, pos, len(text)) is not None
    assert A.that_clause(text, pos, len(text)) is None


@SETTINGS
@given(texts())
def test_reportedly_precheck_never_hides_a_match(text):
    if A.REPORTEDLY_RE.search(text):
        assert A.may_hold_reportedly(text)


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 5000)), max_size=12),
       st.integers(0, 6000), st.integers(0, 200))
@example([(0, 2001), (1, 1)], 2002, 0)  # a long span behind a short one
def test_coverage_is_a_plain_any(pairs, s, length):
    covered = [(min(a, b), max(a, b)) for a, b in pairs]
    e = s + length
    plain = any(cs <= s and e <= ce + 1 for cs, ce in covered)
    assert A.Coverage(covered).holds(s, e) == plain


# ---------------------------------------------------------------------------
# figures: text pre-checks, needles, the number pattern
# ---------------------------------------------------------------------------

NEEDLED = [
    (F.ZERO_RE, F.ZERO_NEEDLES, F.ZERO_NEEDLES_2),
    (F.NO_KILLED_RE, F.NO_KILLED_NEEDLES, F.NO_KILLED_NEEDLES_2),
    (F.VAGUE_RE, F.VAGUE_NEEDLES, None),
    (F.BARE_VAGUE_RE, F.BARE_VAGUE_NEEDLES, None),
]


@SETTINGS
@given(texts())
@example("They did not carry out A SINGLE strike; NO ONE WAS KILLED.")
@example("did not carry out any\u00a0strike, no\none was killed")
@example("NUMEROUS casualties, ſeveral deaths, DOZENS OF PEOPLE WERE KILLED")
@example("did not make a ſingle raid, and no one was hurt")
def test_needles_skip_only_windows_without_matches(text):
    wins = F.figure_windows(text, C.scan_words(text)[1]) + [(0, len(text))]
    lows, sure = F.lowered_windows(text, wins)
    for rx, needles, needles_2 in NEEDLED:
        fast = spans(F.scan_windows(text, wins, lows, sure, rx, needles, needles_2))
        plain = spans(m for a, b in wins for m in rx.finditer(text, a, b))
        assert fast == plain, rx.pattern[:40]


@SETTINGS
@given(texts())
@example("They did not carry out A SINGLE strike; NO ONE WAS KILLED.")
@example("did not carry out any\u00a0strike, no\none was killed")
def test_figure_rows_keep_every_zero_figure(text):
    """Whole-text check: figure_rows keeps a row for each match of ZERO_RE
    and NO_KILLED_RE in the figure windows (nothing comes before them)."""
    keys = C.scan_words(text)[1]
    found = {(r[9], r[10]) for r in F.figure_rows(text, "a", [], keys)}
    wins = F.figure_windows(text, keys)
    for rx in (F.ZERO_RE, F.NO_KILLED_RE):
        for a, b in wins:
            for m in rx.finditer(text, a, b):
                assert m.span() in found


PLAIN_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?:(?P<qual>" + flat(V.cased(F.QUAL_WORDS)) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + flat(V.cased(F.NUM_WORDS)) + r")"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?P<pct>\s*(?:%|percent|per\s+cent))?(?![\w])")


@SETTINGS
@given(texts())
def test_number_re_matches_the_plain_pattern(text):
    fast = [(m.span(), m.groupdict()) for m in F.NUMBER_RE.finditer(text)]
    plain = [(m.span(), m.groupdict()) for m in PLAIN_NUMBER_RE.finditer(text)]
    assert fast == plain
