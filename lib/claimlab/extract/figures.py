"""Figure rules: counts of killed, injured, displaced, strikes, distances and
shares ("more than 4,600 civilians", "numerous casualties", "did not carry out
a single strike"), found near figure keywords, and the figure rows."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from .vocabulary import cased, trie_regex

NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12,
}


_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


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
QUAL_WORDS = ["more than", "over", "at least", "almost", "nearly", "up to", "some", "about",
              "around", "approximately", "roughly", "fewer than", "less than", "under",
              "as many as", "no fewer than", "no less than", "at most", "an estimated",
              "estimated", "close to"]


NUMBER_RE = re.compile(
    r"(?<![\w.,])(?=[\dA-Za-z])(?:(?P<qual>" + trie_regex(cased(QUAL_WORDS)) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + trie_regex(cased(NUM_WORDS)) + r")"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?P<pct>\s*(?:%|percent|per\s+cent))?(?![\w])")
VAGUE_RE = re.compile(
    r"\b(?P<vq>numerous|many|several|multiple|an\s+unspecified\s+number\s+of|an\s+unknown\s+number\s+of|"
    r"a\s+number\s+of|scores\s+of|dozens\s+of|hundreds\s+of|thousands\s+of|tens\s+of\s+thousands\s+of|"
    r"heavy|mass|massive|significant|large\s+numbers?\s+of)\s+(?:(?:civilian|military|human)\s+)?"
    r"(?P<what>casualties|fatalities|deaths|victims|civilians\s+(?:were\s+)?(?:killed|dead|injured|wounded)|"
    r"people\s+(?:were\s+)?(?:killed|dead|injured|wounded))\b", re.I)
BARE_VAGUE_RE = re.compile(r"\b(?P<what>casualties|fatalities)\b", re.I)
_VERB_BEFORE_RE = re.compile(r"\b(?P<v>killed|killing|kill|injured|injuring|wounded|wounding|displaced|"
                             r"destroyed|destroying|hit|struck|hitting)\s+(?:(?:at\s+least|more\s+than|"
                             r"over|some|about|almost|nearly|around|up\s+to)\s+)?$", re.I)
_PEOPLE_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:people|persons|civilians|soldiers|militants|fighters|"
                        r"children|servicemen|troops|others)\b", re.I)
ZERO_RE = re.compile(r"\b(?:did\s+not|didn[’']t|has\s+not|have\s+not|had\s+not|never)\s+"
                     r"(?:carr(?:y|ied)\s+out|conduct(?:ed)?|launch(?:ed)?|ma[dk]e)\s+"
                     r"(?:a\s+single|any)\s+(?P<what>(?:air\s*)?strikes?|airstrikes?|sorties?|raids?)\b", re.I)
NO_KILLED_RE = re.compile(r"\bno\s+(?:one|civilians?|people)\s+(?:was|were|has\s+been|have\s+been)\s+"
                          r"(?P<what>killed|injured|wounded|hurt)\b", re.I)
# Each match of these (re.I) patterns holds one of the needles, lower-cased
# (ZERO_RE and NO_KILLED_RE one of each of two groups).
ZERO_NEEDLES = ("strike", "sortie", "raid")
ZERO_NEEDLES_2 = ("single", "any")
NO_KILLED_NEEDLES = ("killed", "injured", "wounded", "hurt")
NO_KILLED_NEEDLES_2 = ("no",)
VAGUE_NEEDLES = ("casualties", "fatalities", "deaths", "victims", "civilian", "people")
BARE_VAGUE_NEEDLES = ("casualties", "fatalities")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_SPACES_RE = re.compile(r"\s+")
_NUM_SPLIT_RE = re.compile(r"[-\s]+")


def _num_value(num: str, scale: str | None) -> float | None:
    n = num.lower().replace(",", "").strip()
    try:
        v = float(n)
    except ValueError:
        parts = _NUM_SPLIT_RE.split(n)
        if n in NUM_WORDS:
            v = float(NUM_WORDS[n])
        elif len(parts) == 2 and parts[0] in NUM_WORDS and parts[1] in NUM_WORDS:
            v = float(NUM_WORDS[parts[0]] + NUM_WORDS[parts[1]])
        else:
            return None
    if scale:
        v *= _SCALE[scale.lower()]
    return v




def figure_windows(text: str, key_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def figure_rows(text: str, article_id: str, attr_rows: list[tuple],
                key_spans: list[tuple[int, int]]) -> list[tuple]:
    """Figure rows (in :data:`FIGURE_COLUMNS` order) for one article, from
    its attribution rows (for the claimants) and figure-keyword spans."""
    wins = figure_windows(text, key_spans)
    if not wins:
        return []
    lows, sure = lowered_windows(text, wins)

    def scan(rx, needles=None, needles_2=None):
        return scan_windows(text, wins, lows, sure, rx, needles, needles_2)

    found: list[tuple[int, int, str, float | None, float | None, str, str]] = []
    taken = Taken()
    for m in scan(ZERO_RE, ZERO_NEEDLES, ZERO_NEEDLES_2):
        found.append((m.start(), m.end(), "strikes", 0.0, 0.0, "strikes", "none"))
        taken.add(m.span())
    for m in scan(NO_KILLED_RE, NO_KILLED_NEEDLES, NO_KILLED_NEEDLES_2):
        w = m.group("what").lower()
        meas = "killed" if w == "killed" else "injured"
        found.append((m.start(), m.end(), meas, 0.0, 0.0, "people", "none"))
        taken.add(m.span())
    for m in scan(NUMBER_RE):
        if taken.overlaps(*m.span()):
            continue
        fig = _number_figure(text, m)
        if fig is not None:
            found.append(fig)
            taken.add((fig[0], fig[1]))
    # number words for vague plurals: "dozens of people were killed"
    for m in scan(VAGUE_RE, VAGUE_NEEDLES):
        if taken.overlaps(*m.span()):
            continue
        found.append(_vague_figure(m))
        taken.add(m.span())
    for m in scan(BARE_VAGUE_RE, BARE_VAGUE_NEEDLES):
        if taken.overlaps(*m.span("what")):
            continue
        w = m.group("what").lower()
        found.append((m.start("what"), m.end("what"), "casualties" if w == "casualties" else "killed",
                      None, None, "people", "unspecified"))
        taken.add(m.span("what"))
    found.sort()
    return _rows(text, article_id, attr_rows, found)


def lowered_windows(text: str, wins: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """The windows lower-cased, and for each whether a needle test on it is
    reliable (see :func:`scan_windows`)."""
    lows = [text[a:b].lower() for a, b in wins]
    # str.lower() keeps "ı" and "ſ", which re.I matches as "i" and "s", and turns
    # "İ" into "i" + U+0307: with any of them the needles are not reliable
    sure = [low.isascii() or not ("ı" in low or "ſ" in low or "\u0307" in low) for low in lows]
    return lows, sure


def scan_windows(text: str, wins: list[tuple[int, int]], lows: list[str], sure: list[bool],
                 rx: re.Pattern, needles: tuple[str, ...] | None = None,
                 needles_2: tuple[str, ...] | None = None):
    """The matches of ``rx`` in each window ``text[a:b]``, in order.

    With ``needles`` (each match of the re.I pattern ``rx`` holds one of them,
    lower-cased; and one of ``needles_2`` too when given), a window whose
    lower-cased text lacks them is skipped: the same matches, without running
    the regex where it cannot match.
    """
    for (a, b), low, ok in zip(wins, lows, sure):
        if (needles is None or not ok or any(n in low for n in needles)
                and (needles_2 is None or any(n in low for n in needles_2))):
            yield from rx.finditer(text, a, b)


class Taken:
    """Spans already taken by a figure, to ask whether a new one overlaps any.

    Kept sorted by start; a query looks only at the spans that start less
    than the longest span's length before its end, so with short spans (a
    figure is a few words) the work per query does not grow with the number
    of figures in the article (it did with a plain list: quadratic).
    """

    __slots__ = ("starts", "ends", "longest")

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, span: tuple[int, int]) -> None:
        s, e = span
        k = bisect.bisect_right(self.starts, s)  # at the end when spans come in order
        self.starts.insert(k, s)
        self.ends.insert(k, e)
        self.longest = max(self.longest, e - s)

    def overlaps(self, s: int, e: int) -> bool:
        """True when a taken span (ts, te) has s < te and ts < e."""
        j = bisect.bisect_left(self.starts, e) - 1
        floor = s - self.longest
        while j >= 0 and self.starts[j] >= floor:
            if self.ends[j] > s:
                return True
            j -= 1
        return False


def _number_figure(text: str, m: re.Match):
    """The figure (start, end, measure, low, high, unit, qualifier) for a
    NUMBER_RE match, or None (a year, no measure after it, no value)."""
    s, e = m.span()
    num = m.group("num")
    # skip years, dates, times
    if _YEAR_RE.fullmatch(num) and not m.group("pct"):
        return None
    if m.group("pct"):
        mm = _MEASURE_RES[0][1].match(text, e - len(m.group("pct")))
        if not mm:
            return None
        meas, mend, unit = "share of strikes", mm.end(), "percent"
    else:
        counted = _count_measure(text, s, e)
        if counted is None:
            return None
        s, meas, mend, unit = counted
    v = _num_value(num, m.group("scale"))
    if v is None:
        return None
    qual = _SPACES_RE.sub(" ", (m.group("qual") or "").lower())
    if qual in _LOWER_Q:
        low, high = v, None
    elif qual in _UPPER_Q:
        low, high = None, v
    else:
        low, high = v, v
    return s, mend, meas, low, high, unit, qual


def _count_measure(text: str, s: int, e: int):
    """What the number at ``text[s:e]`` counts: (start, measure, end, unit),
    the start moved back over a verb before it ("killed 12 people"); or None."""
    meas = None
    mend = e
    for name, rx in _MEASURE_RES[1:]:
        mm = rx.match(text, e, e + 80)
        if mm:
            meas, mend = name, mm.end()
            break
    vb = _VERB_BEFORE_RE.search(text, max(0, s - 30), s)
    if vb:
        meas, mend = _measure_from_verb(text, vb.group("v").lower(), meas, mend, e)
        if meas is not None and vb.start() < s:
            s = vb.start()
    if meas is None:
        return None
    return s, meas, mend, _unit(meas, text[e:e + 80])


def _measure_from_verb(text: str, verb: str, meas: str | None, mend: int, e: int):
    """(measure, end) given the verb before the number: "destroyed 5 targets",
    "killed 12 people"."""
    if meas in ("targets hit", "targets destroyed") and verb.startswith("destroy"):
        return "targets destroyed", mend
    if meas is None:
        pm = _PEOPLE_RE.match(text, e, e + 60)
        if pm and verb.startswith("kill"):
            return "killed", pm.end()
        if pm and verb.startswith(("injur", "wound")):
            return "injured", pm.end()
        if pm and verb == "displaced":
            return "displaced", pm.end()
    return meas, mend


def _unit(meas: str, after: str) -> str:
    """The unit of a counted measure; for a distance, the word after the number."""
    if meas == "distance":
        return after.strip().split()[0].strip(".,;:").lower() if after.strip() else ""
    if meas in ("strikes", "share of strikes"):
        return "strikes"
    if meas in ("positions hit",):
        return "positions"
    if meas in ("targets hit", "targets destroyed"):
        return "targets"
    if meas == "bodies recovered":
        return "bodies"
    return "people"


_VAGUE_LOW = {"dozens of": 24.0, "scores of": 40.0, "hundreds of": 200.0,
              "thousands of": 2000.0, "tens of thousands of": 20000.0}


def _vague_figure(m: re.Match):
    """The figure for a VAGUE_RE match: "numerous casualties", "dozens of
    people were killed" (low from the number word, high missing)."""
    w = m.group("what").lower()
    if "injur" in w or "wound" in w:
        meas = "injured"
    elif "civilian" in w and ("kill" in w or "dead" in w):
        meas = "civilians killed"
    elif w in ("casualties", "victims"):
        meas = "casualties"
    else:
        meas = "killed"
    q = _SPACES_RE.sub(" ", m.group("vq").lower())
    return m.start(), m.end(), meas, _VAGUE_LOW.get(q), None, "people", q


def _rows(text: str, article_id: str, attr_rows: list[tuple], found: list[tuple]) -> list[tuple]:
    """Row tuples for the sorted figures ``found``, each with its claimant:
    the speaker of the attribution whose content holds it."""
    contents = sorted((r[9], r[10], r[13] or r[2]) for r in attr_rows)
    starts = [c[0] for c in contents]
    reach = list(accumulate((c[1] for c in contents), max))
    rows = []
    for n, (s, e, meas, low, high, unit, qual) in enumerate(found, start=1):
        claimant = ""
        # the last content (in start order) that holds the figure: walk back
        # from the last one starting at or before it, while any earlier one
        # still reaches its end (``reach``: furthest end so far)
        j = bisect.bisect_right(starts, s) - 1
        while j >= 0 and e <= reach[j] + 1:
            cs, ce, actor = contents[j]
            if e <= ce + 1:
                claimant = actor or ""
                break
            j -= 1
        rows.append((article_id, f"{article_id}-f{n}", claimant, meas, low, high, unit, qual,
                     text[s:e], s, e, "extracted"))
    return rows
