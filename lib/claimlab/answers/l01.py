"""Lesson 01 answer key: the corpus, its articles table and its paragraphs."""

import re

from ..exercises import Question

#: The columns offered in "01.verbatim": some copied from the page, some worked out by the annotators.
VERBATIM_OPTIONS = ["headline", "dateline", "byline", "published", "date_confidence", "event"]


def _boilerplate(corpus):
    return int((corpus.paragraphs["kind"] != "body").sum())


def _boilerplate_explain(corpus):
    p = corpus.paragraphs
    n = _boilerplate(corpus)
    return (f"{n} of the {len(p)} paragraphs are not body text: headlines, captions, navigation, "
            "share links and the like, which the page put around the article.")


def _repeated(corpus):
    p = corpus.paragraphs
    return sorted(p.loc[p["kind"] == "repeated headline", "article_id"].unique())[0]


def _share_kind(corpus):
    p = corpus.paragraphs
    return p.loc[p["text"] == "SHARE THIS ARTICLE", "kind"].iloc[0]


def _kinds(corpus):
    return sorted(corpus.paragraphs["kind"].unique())


def _verbatim(corpus):
    """The offered columns whose every non-empty value stands, word for word, in its article's text."""
    found = []
    for col in VERBATIM_OPTIONS:
        pairs = [(r["article_id"], str(r[col])) for _, r in corpus.articles.iterrows()
                 if str(r[col]) not in ("", "nan", "NaT", "<NA>", "None")]
        if pairs and all(re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", corpus.text(a)) for a, v in pairs):
            found.append(col)
    return found


QUESTIONS = {
    "01.boilerplate": Question(
        prompt="How many paragraphs in the whole corpus are NOT body text (their kind is anything but 'body')?",
        kind="number",
        answer=_boilerplate,
        hints=["Every paragraph has a kind. Count all the rows whose kind is not 'body'.",
               "The bar chart of kinds shows one bar per kind: add up every bar except the 'body' bar."],
        explain=_boilerplate_explain,
    ),
    "01.repeated_headline": Question(
        prompt="Which article prints its headline twice?",
        kind="choice",
        options=lambda c: sorted(c.articles["article_id"]),
        answer=_repeated,
        hints=["The paragraph browser has a Kind menu: one of the kinds is about a headline printed again.",
               "Choose that kind with Article set to All, and read the article_id of the row that appears."],
        explain="UrduPoint's page template printed the headline above the byline and again below it; "
                "the second copy differs only in capital letters ('In Idlib' / 'in Idlib').",
    ),
    "01.share_kind": Question(
        prompt="What kind of line is 'SHARE THIS ARTICLE'?",
        kind="choice",
        options=_kinds,
        answer=_share_kind,
        hints=["It is a button a reader clicks to post the article elsewhere, not something a journalist wrote.",
               "Set the paragraph browser to the Press TV article and find the row with that text: "
               "its kind column gives the answer."],
        explain="It is the label of the Press TV page's share button, copied along with the article.",
    ),
    "01.verbatim": Question(
        prompt="Which of these columns of the articles table copy words letter for letter from the article's page? "
               "(Choose every one that does; hold Ctrl or Cmd to choose several.)",
        kind="multi",
        options=VERBATIM_OPTIONS,
        answer=_verbatim,
        hints=["Take each column in turn and look for its value, exactly as written, in the raw text above.",
               "A date like 2019-09-02 is written by the annotators in a standard form: does the page ever "
               "write it that way? And who decided how confident to be?"],
        explain="headline, dateline and byline are copied from the page; published, date_confidence and event "
                "are the annotators' own conclusions, which is why date_evidence explains them.",
    ),
}
