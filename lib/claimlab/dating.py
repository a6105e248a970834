"""Dating an article from what it says: weekdays, officeholders and dated events.

Most web copies of news articles lose their publication year.  What is left
inside the text still narrows it down:

- a weekday next to a date ("Monday, August 27") fits only some years;
- a person named in an office ("Secretary Pompeo") was in it only for a term;
- a dated event ("the strike ... carried out on August 31") happened once;
- a copyright line gives the year the *page* was served, not the article's date.

:func:`date_clues` finds such words in the texts, :func:`matching_years` and
:func:`narrow` check them against the calendar and against an :class:`Offices`
table (terms of office, each with its source, supplied by whoever uses the
module), and :class:`YearFinder` is a widget that does the same for any
month, day and weekday a student picks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["WEEKDAYS", "MONTHS", "Offices", "weekday", "matching_years", "narrow", "date_clues",
           "YearFinder"]

WEEKDAYS = list(calendar.day_name)            # Monday … Sunday
MONTHS = list(calendar.month_name)[1:]        # January … December
ANY = "any weekday"
YES, NO = "✓ yes", "✗ no"
DEFAULT_YEARS = range(2010, 2026)



def _month(month) -> int:
    if isinstance(month, int):
        if 1 <= month <= 12:
            return month
    else:
        text = str(month).strip().casefold()
        for i, name in enumerate(MONTHS, 1):
            if text and name.casefold().startswith(text) and len(text) >= 3:
                return i
        if text.isdigit() and 1 <= int(text) <= 12:
            return int(text)
    raise ValueError(f"not a month: {month!r} (give 1–12 or a name such as 'August')")


def _weekday(name: str) -> str:
    text = str(name).strip().casefold()
    for day in WEEKDAYS:
        if len(text) >= 3 and day.casefold().startswith(text):
            return day
    raise ValueError(f"not a weekday: {name!r} (give a name such as 'Monday' or 'Mon')")


def _date(year: int, month, day: int) -> dt.date | None:
    m = _month(month)               # a bad month name is an error, not a missing date
    try:
        return dt.date(int(year), m, int(day))
    except ValueError:
        return None


def weekday(year: int, month, day: int) -> str | None:
    """The weekday of a date ("Tuesday"), or ``None`` if there is no such date (30 February)."""
    d = _date(year, month, day)
    return WEEKDAYS[d.weekday()] if d else None


def matching_years(month, day: int, weekday_name: str, years=DEFAULT_YEARS) -> list[int]:
    """Years in which ``month``/``day`` fell on ``weekday_name``; years without that date are skipped.

    Like :func:`claimlab.views.years_when`, but it also takes month names and
    copes with 29 February (only leap years have it) and impossible dates.
    """
    want = _weekday(weekday_name)
    return [y for y in years if weekday(y, month, day) == want]


class Offices:
    """Terms of office: who held which office from when to when, with a source for each.

    ``table`` has the columns ``person``, ``office``, ``start``, ``end`` (the
    last day in office; empty while still in office) and ``source``; dates may
    be ``datetime.date`` objects or ISO strings.  A person can be named by full
    name or surname.
    """

    COLUMNS = ["person", "office", "start", "end", "source"]

    def __init__(self, table):
        df = pd.DataFrame(table, columns=None if len(table) else self.COLUMNS)
        missing = [c for c in self.COLUMNS if c not in df.columns]
        if missing:
            raise ValueError(f"an officeholders table needs the column(s) {', '.join(missing)}")
        self.rows = []
        for r in df[self.COLUMNS].to_dict("records"):
            r["start"] = _as_date(r["start"], r["person"], "start")
            r["end"] = _as_date(r["end"], r["person"], "end") if _given(r["end"]) else None
            self.rows.append(r)

    @property
    def table(self) -> pd.DataFrame:
        """The terms as a table: person, office, start, end, source."""
        return pd.DataFrame(self.rows, columns=self.COLUMNS)

    @property
    def people(self) -> list[str]:
        return [r["person"] for r in self.rows]

    def person(self, name: str) -> dict:
        """The row for ``name`` (full name or surname, any case)."""
        want = name.strip().casefold()
        for row in self.rows:
            if row["person"].casefold() == want or row["person"].split()[-1].casefold() == want:
                return row
        known = ", ".join(self.people) or "nobody"
        raise KeyError(f"no officeholder {name!r}; the table has: {known}")

    def in_office(self, person: str, year: int, month, day: int) -> bool:
        """Whether ``person`` held the office on that date."""
        row = self.person(person)
        d = _date(year, month, day)
        if d is None:
            return False
        return row["start"] <= d and (row["end"] is None or d <= row["end"])

    def years_in_office(self, people, month, day: int, years=DEFAULT_YEARS) -> list[int]:
        """Years in which every one of ``people`` was in office on ``month``/``day``."""
        people = [people] if isinstance(people, str) else list(people)
        return [y for y in years
                if _date(y, month, day) and all(self.in_office(p, y, month, day) for p in people)]


def _given(value) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and str(value).strip() != ""


def _as_date(value, person: str, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"officeholder {person!r}: {what} {value!r} is not a date (write YYYY-MM-DD)") from None


NO_OFFICES = Offices([])


def narrow(month, day: int, weekday_name: str | None = None, people=(), years=DEFAULT_YEARS,
           offices: Offices = NO_OFFICES) -> pd.DataFrame:
    """One row per year: the weekday of ``month``/``day``, which clues fit, and whether all do.

    Columns: ``year``, ``weekday`` (of that date in that year), ``weekday fits``
    (when a weekday is given), one ``<person> in office`` column per person
    (looked up in ``offices``), and ``all fit``.  Marks are ``✓ yes`` /
    ``✗ no`` so they read without colour.
    """
    people = [people] if isinstance(people, str) else list(people)
    names = [offices.person(p)["person"] for p in people]
    want = _weekday(weekday_name) if weekday_name not in (None, "", ANY) else None
    rows = []
    for y in years:
        day_name = weekday(y, month, day)
        row = {"year": y, "weekday": day_name or "(no such date)"}
        fits = [day_name is not None]
        if want:
            ok = day_name == want
            row["weekday fits"] = YES if ok else NO
            fits.append(ok)
        for name in names:
            ok = offices.in_office(name, y, month, day)
            row[f"{name} in office"] = YES if ok else NO
            fits.append(ok)
        row["all fit"] = YES if all(fits) else NO
        rows.append(row)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- clues in the text

_MONTH = "|".join(MONTHS)
_DAY = "|".join(WEEKDAYS)
# (kind, pattern), tried in this order; a later match overlapping an earlier one is dropped.
_CLUES = [
    ("weekday and date", rf"\b(?:{_DAY}), (?:{_MONTH}) \d{{1,2}}\b"),
    ("full date", rf"\b(?:{_MONTH}) \d{{1,2}}, \d{{4}}\b"),
    ("full date", rf"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH}),? \d{{4}}\b"),
    ("full date", rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH}),? \d{{4}}\b"),
    ("month and day", rf"\b(?:{_MONTH}) \d{{1,2}}\b"),
    ("month and day", rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH})\b"),
    ("month and year", rf"\b(?:{_MONTH}),? \d{{4}}\b"),
    ("weekday", rf"\b(?:{_DAY})\b"),
    ("month", rf"\b(?:{'|'.join(m for m in MONTHS if m != 'May')})\b"),   # "May" is too often a verb
    ("year", r"\b(?:19|20)\d{2}\b(?![.,]\d)"),
    ("relative time", r"\b(?:yesterday|today|tonight|tomorrow|(?:this|last|next) (?:week|month|year)"
                      r"|\d+ (?:minutes?|hours?|days?) ago)\b"),
    ("time of day", r"\b\d{1,2}:\d{2}(?: ?[AP]M)?"),
]
_CLUE_RE = [(kind, re.compile(p, re.IGNORECASE if kind == "relative time" else 0)) for kind, p in _CLUES]


def date_clues(corpus: Corpus, article_id: str | None = None) -> pd.DataFrame:
    """Words that say *when*: weekdays, dates, months, years, relative and clock times.

    One row per clue with ``article_id``, ``clue`` (the words, verbatim),
    ``kind``, ``where`` (the kind of line it stands in: body, caption,
    byline, copyright …), ``paragraph``, ``start``/``end`` (offsets into the
    text) and ``label`` (hover text for :func:`claimlab.reader.render_article`'s
    ``extra`` highlights).  Rows are in reading order.
    """
    ids = [article_id] if article_id is not None else list(corpus.texts)
    paras = corpus.paragraphs
    rows = []
    for aid in ids:
        text = corpus.text(aid)
        taken: list[tuple[int, int]] = []
        found = []
        for kind, rx in _CLUE_RE:
            for m in rx.finditer(text):
                s, e = m.span()
                if any(s < b and a < e for a, b in taken):
                    continue
                taken.append((s, e))
                found.append((s, e, kind))
        mine = paras[paras["article_id"] == aid]
        for s, e, kind in sorted(found):
            inside = mine[(mine["start"] <= s) & (mine["end"] >= e)]
            where = inside["kind"].iloc[0] if len(inside) else ""
            number = int(inside["paragraph"].iloc[0]) if len(inside) else None
            line = f" (in a {where} line)" if where and where != "body" else ""
            rows.append({"article_id": aid, "clue": text[s:e], "kind": kind, "where": where,
                         "paragraph": number, "start": s, "end": e, "label": f"Date clue: {kind}{line}"})
    df = pd.DataFrame(rows, columns=["article_id", "clue", "kind", "where", "paragraph", "start", "end", "label"])
    return df.astype({"paragraph": "Int64", "start": "Int64", "end": "Int64"})


# ----------------------------------------------------------------------------- the widget

class YearFinder:
    """Pick a month, a day and a weekday (and tick officeholders): the years that fit, in place.

    ``.month``, ``.day`` and ``.weekday`` are Dropdowns, ``.people`` maps a
    person to a Checkbox; ``.years`` (the years that fit every choice),
    ``.table`` (the :func:`narrow` table) and ``.value`` (the HTML shown) are
    kept current, so a test can set the widgets and check what is shown.
    """

    def __init__(self, month="August", day: int = 27, weekday_name: str = "Monday",
                 years=DEFAULT_YEARS, people=None, offices: Offices = NO_OFFICES):
        import ipywidgets as W

        self.year_range = list(years)
        if not self.year_range:
            raise ValueError("YearFinder needs at least one year to search, e.g. years=range(2010, 2026)")
        style = {"description_width": "initial"}
        self.month = W.Dropdown(options=MONTHS, value=MONTHS[_month(month) - 1], description="Month",
                                tooltip="The month the article names", style=style,
                                layout=W.Layout(width="auto"))
        self.day = W.Dropdown(options=list(range(1, 32)), value=int(day), description="Day",
                              tooltip="The day of the month the article names", style=style,
                              layout=W.Layout(width="auto"))
        self.weekday = W.Dropdown(options=[ANY] + WEEKDAYS,
                                  value=_weekday(weekday_name) if weekday_name else ANY,
                                  description="Weekday", tooltip="The weekday the article gives for that date",
                                  style=style, layout=W.Layout(width="auto"))
        self.offices = offices
        names = people if people is not None else offices.people
        self.people = {n: W.Checkbox(value=False, description=f"{n} in office", indent=False,
                                     tooltip=f"Keep only years in which {n} was in office on that date",
                                     layout=W.Layout(width="auto", margin="0 1.5em 0 0"))
                       for n in (offices.person(p)["person"] for p in names)}
        self.result = W.HTML()
        self.html = W.HTML()
        self.years: list[int] = []
        self.table = pd.DataFrame()
        self._muted = False
        for box in [self.month, self.day, self.weekday, *self.people.values()]:
            box.observe(self._changed, names="value")
        head = W.HTML("<p><strong>Year finder.</strong> Choose a date and the weekday the article gives; "
                      "tick officeholders to keep only the years they were in office on that date.</p>")
        self.widget = W.VBox([head, W.HBox([self.month, self.day, self.weekday],
                                           layout=W.Layout(flex_flow="row wrap")),
                              W.HBox(list(self.people.values()), layout=W.Layout(flex_flow="row wrap")),
                              self.result, self.html])
        self.update()

    def _changed(self, change):
        if not self._muted:
            self.update()

    def set(self, month=None, day=None, weekday_name=None, people=None):
        """Set several controls at once, then update once; ``people`` is the list to tick."""
        self._muted = True
        try:
            if month is not None:
                self.month.value = MONTHS[_month(month) - 1]
            if day is not None:
                self.day.value = int(day)
            if weekday_name is not None:
                self.weekday.value = _weekday(weekday_name) if weekday_name != ANY else ANY
            if people is not None:
                ticked = {self.offices.person(p)["person"] for p in people}
                for name, box in self.people.items():
                    box.value = name in ticked
        finally:
            self._muted = False
        self.update()
        return self

    @property
    def value(self) -> str:
        return self.result.value + self.html.value

    def update(self):
        chosen = [n for n, box in self.people.items() if box.value]
        wd = self.weekday.value
        self.table = narrow(self.month.value, self.day.value, None if wd == ANY else wd, chosen, self.year_range,
                            self.offices)
        self.years = [int(y) for y in self.table.loc[self.table["all fit"] == YES, "year"]]
        span = f"{self.year_range[0]}–{self.year_range[-1]}"
        date = f"{self.month.value} {self.day.value}"
        if not self.years:
            if all(weekday(y, self.month.value, self.day.value) is None for y in self.year_range):
                msg = html.escape(f"There is no {date} in any year.")
            else:
                msg = html.escape(f"No year from {span} fits every clue you chose.")
        else:
            what = f"{date} was a {wd}" if wd != ANY else f"{date} fell on any weekday"
            names = " and ".join([", ".join(chosen[:-1]), chosen[-1]] if len(chosen) > 1 else chosen)
            who = f", and {names} {'was' if len(chosen) == 1 else 'were'} in office" if chosen else ""
            found = ", ".join(map(str, self.years))
            msg = (html.escape(f"Years from {span} in which {what}{who}: ")
                   + f"<strong>{html.escape(found)}</strong> ({len(self.years)} in all).")
        self.result.value = f"<p role='status'>{msg}</p>"
        from .views import as_html
        self.html.value = as_html(self.table, max_rows=100)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
