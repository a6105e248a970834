"""Lesson 03 answer key: dating an article from its internal evidence."""

import re

from ..dating import matching_years, years_in_office
from ..exercises import Question
from ..views import years_when

#: The five officeholders tass-nauert-2018 names in office (Nauert speaks; she names the other four).
NAUERT_PEOPLE = ["Heather Nauert", "Mike Pompeo", "John Bolton", "Jim Mattis", "Joseph Dunford"]


def _monday_aug27(corpus):
    return matching_years(8, 27, "Monday", range(2014, 2024))[0]


def _officeholders(corpus):
    return years_in_office(NAUERT_PEOPLE, 8, 27)[0]


def _copyright_year(corpus):
    s = corpus.segments
    line = s.loc[s["kind"] == "copyright", "text"].iloc[0]
    return re.search(r"\b(?:19|20)\d{2}\b", line).group(0)


def _copyright_options(corpus):
    y = _copyright_year(corpus)
    return [f"{y}: the year IBTimes first published the article",
            f"{y}: the year of the events the article reports",
            f"{y}: the year the web page was shown and copied; the site's footer prints the current "
            "year on every page, old or new",
            "The line gives no year at all"]


def _stated(corpus):
    a = corpus.articles
    return sorted(a.loc[a["date_evidence"].str.startswith("Stated"), "article_id"])[0]


def _published(corpus, article_id):
    return corpus.articles.set_index("article_id").loc[article_id, "published"]


def _segment(corpus, article_id, kind):
    s = corpus.segments
    return s.loc[(s["article_id"] == article_id) & (s["kind"] == kind), "text"].iloc[0]


QUESTIONS = {
    "03.monday_aug27": Question(
        prompt="In which year between 2014 and 2023 was August 27 a Monday?",
        kind="number",
        answer=_monday_aug27,
        hints=["Use the year finder: set Month to August, Day to 27 and Weekday to Monday.",
               "The finder lists every matching year from 2010 to 2025; keep only the one from 2014 to 2023."],
        explain=lambda c: (f"Only {_monday_aug27(c)} fits, so 'Monday, August 27' in the TASS article "
                           f"about Nauert points to {_monday_aug27(c)}."),
    ),
    "03.thursday_feb11": Question(
        prompt="Which years from 2010 to 2025 make February 11 a Thursday? Compute the list with years_when.",
        kind="multi",
        answer=lambda c: years_when(2, 11, "Thursday"),
        hints=["Call claimlab.views.years_when with the month as a number (February is 2), the day, "
               "and the weekday's name in quotation marks.",
               "years_when gives back a list of years: put the whole list, brackets and all, in place of the ..."],
        explain=lambda c: (f"{', '.join(map(str, years_when(2, 11, 'Thursday')))}. Only one of them fits a "
                           "'nearly five-year conflict' (the war began in 2011) in which Russia's strikes "
                           f"began 'at the end of September': {_published(c, 'ibtimes-aleppo-2016').year}."),
    ),
    "03.officeholders": Question(
        prompt="In which single year were Nauert, Pompeo, Bolton, Mattis and Dunford ALL in office on August 27?",
        kind="number",
        answer=_officeholders,
        hints=["In the year finder, set the weekday to 'any weekday' and tick the five names.",
               "Read the 'all fit' column of the table: which year has a ✓ there?"],
        explain=lambda c: (f"{_officeholders(c)}: the terms of office alone give the same year as the "
                           "weekday. Two independent lines of evidence agree."),
    ),
    "03.copyright": Question(
        prompt="The IBTimes article ends with a copyright line. What year does it give, "
               "and why is that not the publication date?",
        kind="choice",
        options=_copyright_options,
        answer=lambda c: _copyright_options(c)[2],
        hints=["Is the copyright line part of the article, or part of the web page around it? "
               "Its kind in the paragraphs table tells you.",
               "Compare the year with what the article reports: Russia's strikes 'began at the end of September' "
               "in a 'nearly five-year conflict'. Could those words be written in that year?"],
        explain=lambda c: ("A site's footer belongs to the page template, not to the article: it shows the "
                           "year the page was served. The events point to "
                           f"{_published(c, 'ibtimes-aleppo-2016'):%B %Y}."),
    ),
    "03.stated": Question(
        prompt="Which article states its full publication date (day, month and year) outright?",
        kind="choice",
        options=lambda c: sorted(c.articles["article_id"]),
        answer=_stated,
        hints=["Look for a line near the top of an article that gives a day, a month AND a year together.",
               "In the date-clue table, look at the rows of kind 'full date' that stand in a byline "
               "(not in a caption)."],
        explain=lambda c: (f"UrduPoint's byline line reads '{_segment(c, _stated(c), 'byline')}'. Every other "
                           "article leaves the year out of its own date, so the course had to infer it."),
    ),
}
