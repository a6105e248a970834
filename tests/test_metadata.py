"""Metadata inferred from article text: what the text states, and nothing invented."""

import datetime as dt

import pytest

from claimlab.metadata import find_dates, infer_metadata


@pytest.mark.parametrize("opening, dateline, wire, published", [
    ("VARNEL, March 3, 2031 (Northline Wire) - At least", "VARNEL, March 3, 2031 (Northline Wire)",
     "Northline Wire", dt.date(2031, 3, 3)),
    ("MOSCOW (UrduPoint News / Sputnik - 02nd September, 2019) The recent",
     "MOSCOW (UrduPoint News / Sputnik - 02nd September, 2019)", "UrduPoint News; Sputnik", dt.date(2019, 9, 2)),
    ("BEIRUT, March 3 (Reuters) - The ministry", "BEIRUT, March 3 (Reuters)", "Reuters", None),
])
def test_datelines_wires_and_dates(opening, dateline, wire, published):
    meta = infer_metadata("A headline of several words\n\n" + opening + " said something.\n")
    assert meta["headline"] == "A headline of several words"
    assert meta["dateline"] == dateline and meta["wire"] == wire
    assert meta["published"] == published


def test_a_month_and_day_without_a_year_is_not_a_date():
    meta = infer_metadata("Headline here now\n\nWASHINGTON, September 2. /TASS/. The US said.\n")
    assert meta["published"] is None
    assert any(field == "published" for field, _ in meta["uninferred"])


def test_conflicting_dates_are_reported_not_chosen():
    meta = infer_metadata("Headline here now\n\nPublished 2019-09-02. Updated 2019-09-05.\n")
    assert meta["published"] is None
    reason = dict(meta["uninferred"])["published"]
    assert "2019-09-02" in reason and "2019-09-05" in reason


def test_find_dates_skips_impossible_dates():
    assert find_dates("February 30, 2017 and 7 February 2017") == [dt.date(2017, 2, 7)]


@pytest.mark.parametrize("top", [
    "[Fictional article written for a course: the people are invented.]",
    "[Editor's note: this story was corrected on Friday.]\n\n[Updated]",
])
def test_a_bracketed_editors_note_at_the_top_is_not_the_headline(top):
    meta = infer_metadata(top + "\n\nRescuers count the dead\n\nVARNEL, March 3, 2031 (Northline Wire) - At least 12.\n")
    assert meta["headline"] == "Rescuers count the dead"
    assert meta["wire"] == "Northline Wire" and meta["published"] == dt.date(2031, 3, 3)


def test_a_bracketed_line_that_is_not_at_the_top_is_left_alone():
    meta = infer_metadata("Rescuers count the dead\n\n[Photo: the market]\n")
    assert meta["headline"] == "Rescuers count the dead"
    meta = infer_metadata("[Tuesday] Rescuers count the dead in Varnel\n")
    assert meta["headline"] == "[Tuesday] Rescuers count the dead in Varnel"


@pytest.mark.parametrize("nav", ["Home / World news", "News   /   Russia", "Home > Valley news > Serrow"])
def test_a_breadcrumb_above_the_headline_is_navigation(nav):
    meta = infer_metadata(nav + "\n\nRescuers count the dead\n")
    assert meta["headline"] == "Rescuers count the dead"
