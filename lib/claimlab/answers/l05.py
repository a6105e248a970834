"""Lesson 05 answer key (framing). Answers are computed from the term tables."""

from __future__ import annotations

from .. import views
from ..exercises import Question


def _outlets(corpus) -> list[str]:
    return sorted(corpus.articles["outlet"].unique())


def _categories(corpus) -> list[str]:
    return sorted(corpus.terms["category"].unique())


def _so_called(corpus) -> str:
    t = views.term_table(corpus)
    hits = t[(t["term"].str.casefold() == "so-called") & t["refers_to"].str.contains("SOHR", regex=False)]
    return sorted(hits["outlet"].unique())[0]


def _presstv_own_hedges(corpus) -> int:
    t = views.term_table(corpus, outlet="Press TV", category="hedge")
    return int((t["voice"] == "outlet").sum())


def _outlawed_category(corpus) -> str:
    t = corpus.terms
    return t.loc[t["term"] == "(outlawed in Russia)", "category"].iloc[0]


def _outlawed_outlet(corpus) -> str:
    t = views.term_table(corpus)
    return t.loc[t["term"] == "(outlawed in Russia)", "outlet"].iloc[0]


_WHOSE = ["The US State Department official's", "TASS's", "Al-Qaeda's"]


def _whose_answer(corpus) -> str:
    return "TASS's" if _outlawed_outlet(corpus) == "TASS" else _WHOSE[0]


QUESTIONS = {
    "05.so_called": Question(
        prompt="Which outlet calls the Syrian Observatory for Human Rights (SOHR) “so-called”?",
        kind="choice",
        options=_outlets,
        answer=_so_called,
        hints=["Set the Category filter of the term table to hedge and look for “so-called”.",
               "SOHR is quoted in only one article: the one about air strikes on Idlib that "
               "Russia denies carrying out."],
        explain="Press TV, Iran's state broadcaster, writes “the so-called Syrian Observatory for Human "
                "Rights” and “the so-called Syria Civil Defense”, in its own voice.",
    ),
    "05.presstv_hedges": Question(
        prompt="According to the voice column of the term table, how many hedges does Press TV use "
               "in its own voice?",
        kind="number",
        answer=_presstv_own_hedges,
        hints=["Use the filters: outlet Press TV, category hedge, voice outlet.",
               "Count the rows left in the table; the line above the table counts them for you."],
        explain="Two “so-called”s and “what are said to be”. The column counts “reportedly” and "
                "“alleged” as attributed because they sit inside the span of a reported statement; "
                "a careful reader may well hear Press TV's own voice there too.",
    ),
    "05.outlawed": Question(
        prompt="Which category does TASS's “(outlawed in Russia)” belong to?",
        kind="choice",
        options=_categories,
        answer=_outlawed_category,
        hints=["It is not a name for anyone and it does not weaken a claim: it is an addition in "
               "brackets.",
               "Filter the term table to TASS and find the bracketed words."],
        explain="An aside: words the outlet inserts to comment on, or explain, the actor it names.",
    ),
    "05.whose_aside": Question(
        prompt="The voice column marks “(outlawed in Russia)” as attributed, because it sits inside "
               "TASS's paraphrase of the US official. Whose words are they?",
        kind="choice",
        options=_WHOSE,
        answer=_whose_answer,
        hints=["Would a US State Department official describe al-Qaeda by what Russian law says "
               "about it?",
               "Hover over the attribution in the article reader: the annotators' note says who "
               "inserted the aside."],
        explain="TASS's. The formula is one Russian media attach to organisations banned in Russia; "
                "it sits inside a paraphrase, and in a paraphrase the outlet chooses the words.",
    ),
}
