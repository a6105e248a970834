"""Lesson 00 answer key."""

from ..exercises import Question


def _two(corpus):
    counts = corpus.articles["outlet"].value_counts()
    return counts.index[0]


QUESTIONS = {
    "00.two_articles": Question(
        prompt="Which outlet published two of the five articles?",
        kind="choice",
        options=lambda c: sorted(c.articles["outlet"].unique()),
        answer=_two,
        hints=["Look at the outlet column of the articles table: which name appears twice?",
               "Choose an outlet in the Outlet menu above and count the headlines it lists."],
        explain="TASS, Russia's state news agency, published two of the articles.",
    ),
}
