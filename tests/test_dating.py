"""Dating helpers: the calendar, terms of office, clues in the texts, and the year-finder widget."""

import datetime as dt

import pytest

import claimlab
from claimlab import dating
from claimlab.views import years_when
from claimlab_course import offices

OFFICES = offices()


@pytest.fixture(scope="module")
def corpus():
    return claimlab.load_corpus()


def test_weekday_and_impossible_dates():
    assert dating.weekday(2017, 2, 7) == "Tuesday"
    assert dating.weekday(2019, "September", 1) == "Sunday"
    assert dating.weekday(2019, 2, 29) is None
    assert dating.weekday(2018, 2, 30) is None


def test_matching_years_agrees_with_views_and_skips_missing_dates():
    for month, day, wd in ((8, 27, "Monday"), (2, 11, "Thursday"), (9, 1, "Sun"), (2, 7, "Tuesday")):
        assert dating.matching_years(month, day, wd) == years_when(month, day, wd)
    assert dating.matching_years("Aug", 27, "Monday", range(2014, 2024)) == [2018]
    assert dating.matching_years(2, 11, "Thursday") == [2010, 2016, 2021]
    assert dating.matching_years(2, 29, "Monday") == [2016]          # only leap years have 29 February
    assert dating.matching_years(2, 30, "Monday") == []


def test_bad_month_or_weekday_names_say_what_is_wanted():
    with pytest.raises(ValueError, match="not a weekday"):
        dating.matching_years(8, 27, "Moonday")
    with pytest.raises(ValueError, match="not a month"):
        dating.matching_years("Augustus-ish", 27, "Monday")
    with pytest.raises(KeyError, match="no officeholder"):
        OFFICES.in_office("Rex Tillerson", 2018, 8, 27)


def test_officeholders_have_sources_and_sane_terms():
    table = OFFICES.table
    assert list(table.columns) == ["person", "office", "start", "end", "source"]
    assert table["person"].is_unique
    for r in table.itertuples():
        assert r.source.startswith("https://en.wikipedia.org/wiki/")
        assert r.end is None or r.start < r.end


def test_terms_of_office():
    assert OFFICES.in_office("Pompeo", 2018, 8, 27)
    assert not OFFICES.in_office("Pompeo", 2018, 4, 25)                # sworn in on 26 April 2018
    assert OFFICES.in_office("Heather Nauert", 2017, 8, 27)
    assert not OFFICES.in_office("Jeffrey", 2018, 8, 16)
    assert OFFICES.years_in_office(["Nauert", "Pompeo", "Bolton", "Mattis", "Dunford"], 8, 27) == [2018]
    assert OFFICES.years_in_office("McGurk", 2, 11) == [2016, 2017, 2018]


def test_weekday_and_officeholders_narrow_tass_nauert_to_its_published_year(corpus):
    table = dating.narrow(8, 27, "Monday", ["Nauert", "Pompeo", "Bolton", "Mattis", "Dunford"], offices=OFFICES)
    assert list(table["year"]) == list(dating.DEFAULT_YEARS)
    fits = list(table.loc[table["all fit"] == dating.YES, "year"])
    published = corpus.articles.set_index("article_id").loc["tass-nauert-2018", "published"]
    assert fits == [published.year]
    assert set(table.columns) >= {"weekday", "weekday fits", "Mike Pompeo in office", "all fit"}
    assert table.loc[table["year"] == 2012, "weekday fits"].item() == dating.YES
    assert table.loc[table["year"] == 2012, "all fit"].item() == dating.NO


def test_stated_weekdays_match_the_published_dates(corpus):
    a = corpus.articles.set_index("article_id")["published"]
    d = a["tass-idlib-2019"] - dt.timedelta(days=1)                   # "told TASS on Sunday"
    assert dating.weekday(d.year, d.month, d.day) == "Sunday"
    p = a["presstv-idlib-2017"]                                       # "released on Tuesday"
    assert dating.weekday(p.year, p.month, p.day) == "Tuesday"
    u = a["urdupoint-idlib-2019"]                                     # "Mon 02nd September 2019"
    assert dating.weekday(u.year, u.month, u.day) == "Monday"
    i = a["ibtimes-aleppo-2016"]                                      # "Russia said Thursday"
    assert dating.weekday(i.year, i.month, i.day) == "Thursday"


def test_date_clues_find_the_evidence_and_where_it_stands(corpus):
    clues = dating.date_clues(corpus)
    text = corpus.texts
    for r in clues.itertuples():
        assert text[r.article_id][r.start:r.end] == r.clue
    got = {(r.article_id, r.clue, r.kind, r.where) for r in clues.itertuples()}
    assert ("tass-nauert-2018", "Monday, August 27", "weekday and date", "body") in got
    assert ("presstv-idlib-2017", "February 7, 2017", "full date", "caption") in got
    assert ("urdupoint-idlib-2019", "Mon 02nd September 2019", "full date", "byline") in got
    assert ("ibtimes-aleppo-2016", "2024", "year", "copyright") in got
    assert ("tass-idlib-2019", "Sunday", "weekday", "body") in got
    # No clue is counted twice: spans in one article never overlap.
    for _, g in clues.groupby("article_id"):
        spans = sorted(zip(g["start"], g["end"]))
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert len(dating.date_clues(corpus, "tass-idlib-2019")) == (clues["article_id"] == "tass-idlib-2019").sum()


def test_date_clues_work_as_reader_highlights(corpus):
    from claimlab.reader import render_article
    clues = dating.date_clues(corpus, "tass-nauert-2018")
    page = render_article(corpus, "tass-nauert-2018", layers=(), extra=clues)
    assert page.count('data-part="extra"') >= len(clues)
    assert "Date clue: weekday and date" in page


def test_year_finder_updates_in_place():
    f = dating.YearFinder(offices=OFFICES)
    assert f.years == [2012, 2018]
    assert "2012, 2018" in f.value
    f.set(people=["Pompeo"])
    assert f.years == [2018]
    assert "Mike Pompeo in office" in f.html.value
    f.month.value = "February"                       # one control at a time updates too
    f.day.value = 11
    f.weekday.value = "Thursday"
    f.set(people=[])
    assert f.years == [2010, 2016, 2021]
    f.set(day=30)
    assert f.years == [] and "There is no February 30" in f.value
    f.set(day=29, weekday_name=dating.ANY)
    assert f.years == [2012, 2016, 2020, 2024]
