"""Lesson 07 answer key (capstone: trace one claim to its origin).

Every answer but one is computed from the corpus tables: the State Department
official's statement as TASS and Sputnik (via UrduPoint News) carry it, the
articles' ``wire`` column, and the parent chain of each claimant in actors.csv.
"""

from __future__ import annotations

from ..exercises import Question

TASS_ARTICLE = "tass-idlib-2019"
SPUTNIK_ARTICLE = "urdupoint-idlib-2019"
OFFICIAL = "US State Department"
OBVIOUS = "obvious attempt to divert attention"


def _official(corpus):
    """The official's statements in the two articles of the worked example."""
    a = corpus.attributions
    return a[(a["actor"] == OFFICIAL) & a["article_id"].isin([TASS_ARTICLE, SPUTNIK_ARTICLE])
             & (a["repeat_of"].fillna("") == "")]


def _speaker_options(corpus) -> list[str]:
    """How UrduPoint News names whoever says the official's words in its body text, and TASS's name
    for the speaker of the "obvious attempt" quotation."""
    from ..ledger import trace
    t = trace(corpus, OFFICIAL, [TASS_ARTICLE, SPUTNIK_ARTICLE])
    t = t[t["part"] == "body"]
    names = list(t.loc[t["article_id"] == SPUTNIK_ARTICLE, "speaker"])
    names += list(t.loc[(t["article_id"] == TASS_ARTICLE) & t["content"].str.contains(OBVIOUS, regex=False),
                        "speaker"])
    seen = {}
    for s in names:
        seen.setdefault(s.casefold(), s)
    return sorted(seen.values(), key=str.casefold)


def _obvious_speaker(corpus) -> str:
    a = _official(corpus)
    hit = a[(a["article_id"] == SPUTNIK_ARTICLE) & a["content"].str.contains(OBVIOUS, regex=False)]
    return hit.iloc[0]["speaker"]


def _outlets_carrying(corpus) -> int:
    a = corpus.attributions
    ids = a.loc[(a["actor"] == OFFICIAL) & (a["speaker_type"] == "anonymous"), "article_id"]
    return int(corpus.articles.loc[corpus.articles["article_id"].isin(ids), "outlet"].nunique())


def quote_label(content: str, words: int = 9) -> str:
    """A quotation's first words, for an option list."""
    w = content.split()
    return " ".join(w[:words]) + (" …" if len(w) > words else "")


def _tass_quotes(corpus):
    a = _official(corpus)
    return a[(a["article_id"] == TASS_ARTICLE) & (a["quote_type"] == "direct")]


def _quote_options(corpus) -> list[str]:
    return [quote_label(c) for c in _tass_quotes(corpus)["content"]]


def _missing_quote(corpus) -> str:
    from ..compare import statement_pairs
    pairs = statement_pairs(corpus)
    paired = set(pairs["attribution_a"]) | set(pairs["attribution_b"])
    missing = _tass_quotes(corpus)
    missing = missing[~missing["attribution_id"].isin(paired)]
    return quote_label(missing.iloc[0]["content"])


def _figure_claimants(corpus) -> list[str]:
    c = corpus.figures["claimant"].fillna("").str.strip()
    return sorted({x for x in c if x}, key=str.casefold)


def speaks_for_a_state(corpus, actor: str) -> bool:
    """True when ``actor`` is a government, or its parents in actors.csv lead up to one."""
    table = {r["actor"]: r for r in corpus.actors.to_dict("records")}
    seen = set()
    while actor in table and actor not in seen:
        seen.add(actor)
        if table[actor]["type"] == "government":
            return True
        actor = (table[actor].get("parent") or "").strip()
    return False


def _parties(corpus) -> list[str]:
    return [c for c in _figure_claimants(corpus) if speaks_for_a_state(corpus, c)]


QUESTIONS = {
    "07.speaker_shift": Question(
        prompt="TASS credits the words “obvious attempt to divert attention” to “the source”, the "
               "unnamed official. Whom does the UrduPoint News version credit them to?",
        kind="choice",
        options=_speaker_options,
        answer=_obvious_speaker,
        hints=["Find the UrduPoint News row of the table whose content contains “obvious attempt”.",
               "Read the speaker column (the article's own words), not the actor column."],
        explain="UrduPoint News (following Sputnik) writes “The State Department called it…”: an "
                "unnamed official's words now read as the voice of the whole institution. The words "
                "survived; who stands behind them changed.",
    ),
    "07.outlets_carrying": Question(
        prompt="How many of the corpus's outlets publish the unnamed State Department official's "
               "statement about the strike?",
        kind="number",
        answer=_outlets_carrying,
        hints=["Count outlets, not articles and not statements: the publishers in the outlet column.",
               "Sputnik passed the statement on but published none of the articles. And the official "
               "of this example is never named: a State Department official named in an article is "
               "someone else."],
        explain=lambda c: (f"{_outlets_carrying(c)} outlets: TASS, which received the statement itself, "
                           "and UrduPoint News, which republished Sputnik's version. But only one "
                           "source: the official."),
    ),
    "07.missing_quote": Question(
        prompt="Which of the official's direct quotations in TASS has no counterpart at all in the "
               "UrduPoint News version?",
        kind="choice",
        options=_quote_options,
        answer=_missing_quote,
        hints=["Use the comparison menu above: it lists every pair of matching quotations.",
               "A quotation that appears in no pair of the menu is one the other version left out."],
        explain="Only TASS carries the official's call on Russia to use its influence with the Assad "
                "regime to end the bombardments, and the call on Iran and Russia after it. The UrduPoint "
                "version stops quoting the official after the “obvious attempt” sentence; the corpus "
                "cannot tell us whether Sputnik received the rest and left it out.",
    ),
    "07.independent": Question(
        prompt="TASS and Sputnik are two different news agencies. Do their two versions give "
               "independent corroboration that the strike was a “precise and targeted response”?",
        kind="choice",
        options=["yes", "no", "unclear"],
        answer="no",
        hints=["Ask where each version comes from: who gave TASS the words, and who gave Sputnik "
               "the words?",
               "Two reports of one source's words show that the source said it. Do they show that it "
               "is true?"],
        explain="Both agencies got the words from the same State Department official, so together "
                "they confirm that the official said it (the attribution), not that it is true (the "
                "claim). Corroboration needs a source that does not depend on the claimant.",
    ),
    "07.party_claimants": Question(
        prompt="Which of these claimants of figures speak for a party to the conflict, that is, a "
               "government whose forces were carrying out air strikes in Syria, or one of its "
               "ministries, military bodies or officials? Select all that apply.",
        kind="multi",
        options=_figure_claimants,
        answer=_parties,
        hints=["Use the table of claimants: follow each one's parent column upwards until you reach "
               "a government, or nothing.",
               "Check the people too: whom do they work for? And a group can be close to one side "
               "without being a government that carries out air strikes."],
        explain="The Russian Defence Ministry, its reconciliation centre and Lieutenant General "
                "Rudskoi speak for Russia, as does “Russia” itself (the Russian government); Brett "
                "McGurk speaks for the United States, which led the coalition striking in Syria. SOHR "
                "and Syria Civil Defence are non-governmental groups (Press TV calls both "
                "opposition-linked, which is worth noting in a ledger), and an unnamed source is no "
                "one you can place at all.",
    ),
}
