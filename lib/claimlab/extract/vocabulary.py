"""Word lists and keyword regexes: cue verbs, role nouns, figure keywords, and
the trie builder that compiles a word list into a fast alternation.

Everything here is built once, at import.
"""

from __future__ import annotations

import re
from pathlib import Path

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
    "go on": ("went on", "goes on"),  # only before a quotation or ",", ":" ("she went on: …")
    "speak": ("spoke",),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "know": ("know", "knows", "knew"),
    "feel": ("feels", "felt"),
    "plan": ("plans", "planned", "planning"),
    "refer to": ("refers to", "referred to", "referring to"),
    "call for": ("call for", "calls for", "called for", "calling for"),
    "see": ("sees", "saw"),
    "make it clear": ("make it clear", "makes it clear", "made it clear", "making it clear"),
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
CUE_FORMS -= {lemma for lemma in _REGULAR if lemma not in _BASE_OK}
CUE_FORMS -= {"call", "charge", "charges", "post", "posts",
              "posting", "question", "state", "states", "signal", "counter", "stated",
              "comment", "charged", "continue", "continues", "continuing", "showing",
              "finding", "answer", "questions", "questioning", "signals", "believing",
              "thinking", "asking", "posted", "demanding", "mentioning",
              "indicating", "shown", "written", "forecasting", "estimated", "estimates",
              "shows", "show", "showed", "find", "finds", "found", "promise", "promises",
              "promised", "promising", "blaming", "praising", "agreeing"}
# plural nouns far more often than verbs in news text (few gold cues on PolNeAR train)
CUE_FORMS -= {"attacks", "advocates", "reporting", "comments", "answers", "remarks"}
CUE_FORMS |= {"show", "shows", "showed", "found", "finds", "called", "calls", "continued", "stated",
              "promised", "estimated", "posted"}

# ---------------------------------------------------------------------------
# learned words: counts from PolNeAR train (bench/learn_cues.py writes the file)
# ---------------------------------------------------------------------------

# the figure keywords (FIG_KEYS below), needed here to keep learned cues apart from them
_FIG_KEYS_LOWER = ["kill", "dead", "died", "death", "slain", "fatalit", "lives", "casualt", "injur",
                   "wound", "hurt", "bodies", "hospital", "position", "target", "strike", "airstrike",
                   "sortie", "raid", "bombing", "mile", "kilomet", "km", "meter", "metre", "displac",
                   "fled", "flee", "refugee", "percent", "per cent"]

LEARNED_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
LEARNED_PATH = Path(__file__).with_name("learned_words.tsv")
# A word becomes a cue when, in train, it stood inside a gold cue at least
# CUE_MIN_TIMES times, in at least CUE_MIN_TEXTS texts, and CUE_MIN_SHARE of
# all its occurrences were inside one.  Set on train only.
CUE_MIN_TIMES = 4
CUE_MIN_TEXTS = 3
CUE_MIN_SHARE = 0.4
# never cues on their own: handled by their own rules, or adverbs and
# auxiliaries that only stand inside a longer cue
_NOT_LEARNED = {"according", "reportedly", "allegedly"}


def learned_words(path: Path = LEARNED_PATH) -> dict[str, dict[str, tuple[int, int, int]]]:
    """role -> word -> (times inside a gold span of the role, times in the
    texts, texts), from the counts file; empty, with a warning, when there is
    none (the extractor then has its hand-made lists only)."""
    out: dict[str, dict[str, tuple[int, int, int]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        import warnings
        warnings.warn(f"no learned word counts at {path}: the extractor uses its hand-made word "
                      "lists only (bench/learn_cues.py writes the file)", stacklevel=2)
        return out
    for n, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5 or not all(p.isdigit() for p in parts[2:]):
            raise ValueError(f"{path}, line {n}: expected role, word and three counts, got {line!r}")
        out.setdefault(parts[0], {})[parts[1]] = (int(parts[2]), int(parts[3]), int(parts[4]))
    return out


def learned_cues(counts: dict[str, tuple[int, int, int]], min_times: int = CUE_MIN_TIMES,
                 min_texts: int = CUE_MIN_TEXTS, min_share: float = CUE_MIN_SHARE) -> set[str]:
    """The words of ``counts`` (word -> inside, total, texts) that pass the thresholds."""
    return {w for w, (inside, total, texts) in counts.items()
            if inside >= min_times and texts >= min_texts and inside >= min_share * total
            and w.isalpha() and not w.endswith("ly") and w not in _NOT_LEARNED}


LEARNED = learned_words()
# a cue word may not begin with a figure keyword or be the start of one (see
# prefix_free below): "hurt", "fled" and the like stay figure keywords
LEARNED_CUES = {w for w in learned_cues(LEARNED.get("cue", {}))
                if not any(w.startswith(k) or k.startswith(w) for k in _FIG_KEYS_LOWER)}
CUE_FORMS |= LEARNED_CUES
# Two-word cues ("talking about", "made clear", "critical of"): a pair of words
# passing the same thresholds as a learned word, neither of them a cue on its
# own, and neither a word that only stands inside a longer cue (an auxiliary,
# adverb, determiner or "to": "has also", "a statement", "to endorse").
_PAIR_NOT_WORDS = set("""has have had would will could may might also later previously then once
again repeatedly recently publicly privately earlier just often never not did does do even already
is are was were been be being a an the to it this that his her their its on in no since long both
perhaps widely immediately directly""".split())
PAIR_MIN_SHARE = 0.25  # set on two halves of train: learned on one, measured on the other
LEARNED_PAIRS = {p for p, (inside, total, texts) in LEARNED.get("cue2", {}).items()
                 if inside >= CUE_MIN_TIMES and texts >= CUE_MIN_TEXTS and inside >= PAIR_MIN_SHARE * total
                 and not any(w in CUE_FORMS or w in _PAIR_NOT_WORDS or not w.isalpha() for w in p.split())
                 and not any(k in p for k in _FIG_KEYS_LOWER)}
CUE_FORMS |= LEARNED_PAIRS
# A lowercase word may extend a source noun phrase ("longtime Democratic
# pollster Pat Caddell") when, in train, it stood inside a gold source at
# least SOURCE_MIN_TIMES times, in SOURCE_MIN_TEXTS texts, and SOURCE_MIN_SHARE
# of its uses were inside one.  Set on train only.
SOURCE_MIN_TIMES = 4
SOURCE_MIN_TEXTS = 3
SOURCE_MIN_SHARE = 0.5
SOURCE_WORDS = {w for w in learned_cues(LEARNED.get("source", {}), SOURCE_MIN_TIMES, SOURCE_MIN_TEXTS,
                                        SOURCE_MIN_SHARE) if w not in CUE_FORMS}

# cue forms that are often nouns: no cue after a determiner, possessive or
# preposition ("the plans", "Trump's remarks", "in support of")
NOUN_OR_VERB = {"support", "supports", "show", "shows", "plans", "plan", "note", "notes", "comments",
                "remarks", "attacks", "attack", "claim", "claims", "calls", "call", "reports", "report",
                "answers", "tweets", "tweet", "advocates", "criticism", "promise", "promises", "want",
                "fear", "fears", "hope", "hopes", "doubt", "doubts", "demands", "demand", "threat",
                "warning", "warnings", "pledge", "pledges", "vow", "vows", "praise", "question",
                "questions", "statement", "comment", "estimate", "estimates", "forecast", "forecasts",
                "proposal", "response", "reply", "denial", "boast", "concerns", "blame", "post", "posts",
                "view", "views", "favor", "opposition", "worries", "worry", "praises", "defense"}

# finite saying verbs, whose subject may be any phrase before them ("Some 56
# percent of those polled said")
SAY_VERBS = {"said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "argued",
             "argues", "argue", "noted", "insisted", "insists", "insist", "warned", "warns", "explained",
             "acknowledged", "suggested", "suggest", "contended", "contend", "predicted", "reported",
             "announced", "declared", "stated", "agreed", "agree", "conceded", "believe", "believes",
             "claimed", "asserted", "countered", "maintained", "stressed", "emphasized", "complained",
             "mention", "mentioned", "endorsed", "revealed", "recounted", "express", "expressed", "vowed",
             "urged", "described", "admitted", "showed", "call for", "called for", "recalled"}

# verbs that can introduce an object before the content: told X that ...
TELL_LIKE = {"told", "tells", "tell", "telling", "informed", "informs", "assured", "assures",
             "warned", "warns", "urged", "urges", "reminded", "reminds"}
# -ing forms, and phrases opening with one ("referring to", "calling for")
PARTICIPLES = {f for f in CUE_FORMS if f.split()[0].endswith("ing")}

AUX_WORDS = set("""has have had would will could may might also later previously then once
again repeatedly reportedly recently publicly privately flatly earlier further quickly just
often never not did does do simply even already first long allegedly specifically explicitly
separately frequently always is are was were been be being still now soon
can cannot should must only""".split())


def trie_regex(words, bounded=frozenset(), char=None) -> str:
    """A prefix-factored alternation (much faster than a flat one in ``re``).

    Longer words are tried first.  Words in ``bounded`` must end at a word
    boundary (r"\b"); "(?:trie)\b" is the same as ``trie_regex(words, words)``.
    ``char`` gives the regex for one character (default: itself; a space
    matches any run of whitespace, so no word may start or end with a space
    or hold two in a row).
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


CUE_VARIANTS = CUE_FORMS | {f[0].upper() + f[1:] for f in CUE_FORMS}


NOT_THAT_VERBS = {"given", "provided", "assumed", "assuming", "seemed", "appeared", "means",
                  "ensured", "ensures", "required", "requires", "included", "includes",
                  "showed", "noted", "times", "issues", "places", "cases", "sources",
                  "measures", "changes", "rules", "states", "lines", "ones", "races", "scenes",
                  "voices", "themes", "names", "messages", "titles", "articles", "charges",
                  "deemed", "caused", "causes", "feared", "ordered", "needed", "supposed",
                  "designed", "used", "based", "related", "allowed", "handled", "policies",
                  "companies", "territories", "primaries", "activities", "strategies", "stories",
                  "series", "practices", "battles", "delegates", "superdelegates", "websites"}


PRON_SUBJ = {"he", "she", "they", "i", "we", "it", "you", "who", "which"}


DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
               "these", "those", "some", "many", "several", "other", "another", "two", "three",
               "four", "five", "both", "most", "few", "all", "one", "no", "each", "every",
               "such", "any", "more", "numerous"}
ROLE_NOUNS = set("""
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
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                "hundred", "dozen", "dozens", "hundreds", "thousands"}
CONNECT = {"of", "for", "at", "and", "de", "la", "van", "von", "del", "in", "on", "the", "&"}
STOP_CAPS = {"But", "And", "Or", "So", "Yet", "Then", "When", "While", "If", "As", "After",
             "Before", "Although", "Though", "Because", "Since", "In", "On", "At", "For",
             "With", "Without", "Meanwhile", "However", "Still", "Now", "Later", "Earlier",
             "Also", "Instead", "Asked", "Speaking", "Last", "This", "That", "There", "Here",
             "What", "Why", "How", "Where", "Who", "Which", "Today", "Yesterday", "Monday",
             "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr",
             "A", "An", "The", "It", "He", "She", "They", "We", "I", "His", "Her", "Their",
             "Its", "Our", "Both", "Neither", "Either", "Not", "Only", "Even", "Just"}
TITLE_ABBR = {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
              "Sgt.", "Capt.", "Prof.", "Rev.", "Sr.", "Jr.", "St.", "Adm.", "Maj.", "Cpl."}

# The speaker-type keywords, found with re.search at word boundaries and in any
# case.  Compiled as tries with explicit case classes rather than as flat
# alternations with re.I: ``re`` then rejects most branches on their first
# character.  ("_" stands for a space inside an entry.)
INSTITUTION_KEYWORDS = """
ministry department government administration office agency committee council center centre
command army military forces police embassy state states union nations organisation organization
party campaign commission court bureau service institute university group company corporation inc
news times post tass reuters associated_press ap afp bbc cnn kremlin pentagon white_house nato un eu
congress senate parliament coalition report poll study survey statement headquarters network
channel board foundation federation republic kingdom russia ukraine syria china iran israel turkey
france germany britain moscow washington damascus kyiv kiev beijing tehran"""
ANON_KEYWORDS = """
official officials source sources spokesman spokeswoman spokesperson aide aides diplomat diplomats
insider insiders someone people expert experts analyst analysts observer observers witness
witnesses resident residents critic critics activist activists person"""
# what re.I matches for an ASCII letter besides its two cases
IGNORECASE_EXTRA = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def any_case(ch: str) -> str:
    """Regex for one ASCII character as re.I matches it."""
    if not ch.isalpha():
        return re.escape(ch)
    return "[" + ch.lower() + ch.upper() + IGNORECASE_EXTRA.get(ch, "") + "]"


def keyword_re(keywords: str) -> re.Pattern:
    """``\b(?:w1|w2|...)\b`` under re.I for the space-separated ``keywords``
    ("_" stands for a space), as a case-spelled trie (see :func:`any_case`)."""
    words = {w.replace("_", " ") for w in keywords.split()}
    return re.compile(r"\b(?:" + trie_regex(words, char=any_case) + r")\b")


INSTITUTION_WORDS = keyword_re(INSTITUTION_KEYWORDS)
ANON_WORDS = keyword_re(ANON_KEYWORDS)

QUOTE_CHARS = "\"“”‘’'«»„"
CLOSE_Q = "”’»"


def cased(words):
    """The words as given and with their first letter upper-cased."""
    return set(words) | {w[0].upper() + w[1:] for w in words}


FIG_KEYS = _FIG_KEYS_LOWER

FIG_KEY_VARIANTS = cased(FIG_KEYS)


def prefix_free(a: set[str], b: set[str]) -> bool:
    """True when no word of ``a`` begins with a word of ``b`` or vice versa."""
    pre_a = {w[:i] for w in a for i in range(1, len(w) + 1)}
    pre_b = {w[:i] for w in b for i in range(1, len(w) + 1)}
    return not (pre_a & b) and not (pre_b & a)


# With the two lists prefix-free, at most one word of either can match at a
# given place, so a single trie finds both kinds and the matched word tells
# which kind it is.  (Keep it so when adding cue verbs or figure keywords.)
if not prefix_free(CUE_VARIANTS, FIG_KEY_VARIANTS):
    raise RuntimeError("extract: a cue verb form and a figure keyword begin with one another")
# cue verbs: whole words (\b at both ends); figure keywords: word starts
# ("kill" in "killed").  Both must start at a word boundary.
WORDS_TRIE = trie_regex(CUE_VARIANTS | FIG_KEY_VARIANTS, bounded=CUE_VARIANTS)
# Matching "\b(?:trie)" at every position is slow (``re`` tries each place);
# "\W(?=(trie))" lets ``re`` skip in C to the next non-word character, and
# consumes only that character, so no candidate is skipped.
WORDS_SCAN_RE = re.compile(r"\W(?=(" + WORDS_TRIE + "))")
